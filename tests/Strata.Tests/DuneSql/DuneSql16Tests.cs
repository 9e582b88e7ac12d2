using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 324 (dune-sql16). <c>JOIN … USING (x)</c> compares x with its type's equal operator, and Trino's
/// TimestampWithTimeZone equal reads the instant alone: '2020-05-11T11:15:05.123+05:30' and '2020-05-11T05:45:05.123Z'
/// are one instant (1589175905123 ms, Java's OffsetDateTime.parse(…).toInstant()) and join. Trino's analyzer
/// (StatementAnalyzer.analyzeJoinUsing) gives <c>SELECT *</c> the USING columns first, then the left's other columns, then
/// the right's; the planner reads x as the left's value for INNER and LEFT, the right's for RIGHT, coalesce(left, right)
/// for FULL. Trino refuses NATURAL JOIN in its analyzer ("Natural join not supported"), at the join node, whose location
/// is its left relation's (AstBuilder.visitJoinRelation). Trino has no date - date operator (DateOperators holds casts
/// only); TypeCoercion coerces a date to timestamp(0), so <c>d1 - d2</c> is timestamp minus timestamp, an interval day to
/// second, and a date plus an interval is a date (DateTimeOperators): <c>INTERVAL '1' day + DATE '2020-01-31' -
/// DATE '2020-01-01'</c> is 31 days.
/// </summary>
public sealed class DuneSql16Tests
{
    // a: l1 is the instant 05:45:05.123Z in +05:30, l2 05:00Z (no match); b: r1 the same instant in UTC, r2 no match.
    private const string Sides = "WITH a AS (SELECT from_iso8601_timestamp(s) AS x, p FROM (VALUES ('2020-05-11T11:15:05.123+05:30', 'l1'), "
        + "('2020-05-11T06:00:00.000+01:00', 'l2')) v(s, p)), "
        + "b AS (SELECT from_iso8601_timestamp(s) AS x, q FROM (VALUES ('2020-05-11T05:45:05.123Z', 'r1'), ('2020-05-12T00:00:00.000Z', 'r2')) v(s, q)) ";

    private const string L1 = "2020-05-11 11:15:05.123 +05:30", L2 = "2020-05-11 06:00:00.000 +01:00", R1 = "2020-05-11 05:45:05.123 UTC",
        R2 = "2020-05-12 00:00:00.000 UTC";

    private static List<string> Sorted(List<string[]> rows) => rows.Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("JOIN", L1 + " | l1 | r1")]
    [InlineData("INNER JOIN", L1 + " | l1 | r1")]
    [InlineData("LEFT JOIN", L1 + " | l1 | r1;" + L2 + " | l2 | NULL")]
    [InlineData("LEFT OUTER JOIN", L1 + " | l1 | r1;" + L2 + " | l2 | NULL")]
    [InlineData("RIGHT JOIN", R1 + " | l1 | r1;" + R2 + " | NULL | r2")]
    [InlineData("FULL JOIN", L1 + " | l1 | r1;" + L2 + " | l2 | NULL;" + R2 + " | NULL | r2")]
    public void Using_joins_one_instant_in_two_zones_with_trinos_coalesced_column(string join, string expected)
    {
        using var db = new DuneSqlDb();
        var want = expected.Split(';').Order(StringComparer.Ordinal).ToList();
        // A bare x in the select list, WHERE and ORDER BY is the coalesced column.
        Assert.Equal(want, Sorted(db.Rows(Sides + $"SELECT CAST(x AS varchar), p, q FROM a {join} b USING (x) WHERE x IS NOT NULL ORDER BY x")));
        // SELECT *: x once, first, then the left's p, then the right's q.
        Assert.Equal(want, Sorted(db.Rows(Sides + $"SELECT CAST(x AS varchar), p, q FROM (SELECT * FROM a {join} b USING (x)) t")));
        Assert.Equal(3, db.Types(Sides + $"SELECT * FROM a {join} b USING (x)").Count);
        // A bare x keeps its name.
        Assert.Equal(want.Count, db.Rows(Sides + $"SELECT CAST(t.x AS varchar) FROM (SELECT x, p FROM a {join} b USING (x)) t").Count);
    }

    [Fact]
    public void Aliases_several_columns_and_an_on_join()
    {
        using var db = new DuneSqlDb();
        // Aliased sides, a second (plain) USING column, and an unaliased subquery on the right.
        Assert.Equal([[L1, "l1", "r1"]], db.Rows(Sides + "SELECT CAST(x AS varchar), p, q FROM a AS s JOIN (SELECT x, q, 1 AS k FROM b) t USING (x) "));
        Assert.Equal([["l1", "r1"]], db.Rows(Sides + "SELECT p, q FROM (SELECT x, p, 1 AS k FROM a) s JOIN (SELECT x, q, 1 AS k FROM b) t USING (k, x)"));
        Assert.Empty(db.Rows(Sides + "SELECT p, q FROM (SELECT x, p, 1 AS k FROM a) s JOIN (SELECT x, q, 2 AS k FROM b) t USING (k, x)"));
        Assert.Equal([["l1", "r1"]], db.Rows(Sides + "SELECT p, q FROM a JOIN (SELECT * FROM b) USING (x)"));
        // ON a.x = b.x stays an instant comparison, with both columns.
        Assert.Equal([[L1, R1, "l1", "r1"]], db.Rows(Sides + "SELECT CAST(a.x AS varchar), CAST(b.x AS varchar), p, q FROM a JOIN b ON a.x = b.x"));
        // count(*) and an aggregate of the coalesced column: the l1/r1 row and l2's (2020-05-11T05:00:00Z, 1589173200 s, the
        // earlier instant); r2's row has no p and q 'r2'.
        Assert.Equal([["2", "1589173200"]], db.Rows(Sides + "SELECT count(*), to_unixtime(min(x)) FROM a FULL JOIN b USING (x) WHERE p IS NOT NULL OR q = 'r1'"));
    }

    [Theory]
    [InlineData("SELECT * FROM (VALUES 1) t(x) NATURAL JOIN (VALUES 1) u(x)", 1, 15)]
    [InlineData("SELECT *\nFROM a LEFT JOIN b ON true NATURAL LEFT JOIN c", 2, 6)]
    [InlineData("SELECT * FROM x, (SELECT 1 AS k) y NATURAL FULL OUTER JOIN (SELECT 1 AS k) z", 1, 18)]
    public void Natural_join_is_trinos_analysis_refusal(string sql, int line, int column)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql)).Error;
        Assert.Equal((ExecutionError.ExecutionFailed, "Natural join not supported", line, column), (error.Type, error.Message, error.Line, error.Column));
    }

    /// <summary>Milliseconds of the interval: n days are n × 86,400,000; 2020-01-31 + 1 month is 2020-02-29 (LocalDate's
    /// clamp), 59 days after 2020-01-01.</summary>
    [Theory]
    [InlineData("INTERVAL '1' day + DATE '2020-01-31' - DATE '2020-01-01'", "2678400000")]
    [InlineData("DATE '2020-01-31' + INTERVAL '1' day - DATE '2020-01-01'", "2678400000")]
    [InlineData("DATE '2020-01-31' + INTERVAL '1' month - DATE '2020-01-01'", "5097600000")]
    [InlineData("DATE '2020-03-01' - INTERVAL '1' day - DATE '2020-01-01'", "5097600000")]
    [InlineData("INTERVAL '1' month + CAST('2020-01-31' AS date) - DATE '2020-01-01'", "5097600000")]
    [InlineData("DATE '2020-01-31' - DATE '2020-01-01'", "2592000000")]
    public void A_date_sum_minus_a_date_is_an_interval_day_to_second(string difference, string milliseconds)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([["interval day to second", milliseconds]], db.Rows($"SELECT typeof({difference}), to_milliseconds({difference})"));
    }

    /// <summary>replace's computed string is evaluated once inside TRY too (decision 310's hoisting asked the TRY's rewritten
    /// template, another string): three levels over a cast were 1,331 casts, refused past 1,000; eight levels of a
    /// computed string now translate to a few KB. Trino's replace replaces every occurrence, left to right.</summary>
    [Fact]
    public void Nested_replace_inside_try_is_written_once_a_level()
    {
        using var db = new DuneSqlDb();
        const string text = "TRY_CAST(concat('[\"Yes\", ', '\"No\"]') AS varchar)";
        Assert.Equal("Yes, No", db.Scalar($"SELECT try(REPLACE(REPLACE(REPLACE({text}, '\"', ''), ']', ''), '[', ''))"));
        string eight = "SELECT try(" + string.Concat(Enumerable.Repeat("replace(", 8)) + "concat('ab', 'c')"
            + string.Concat(Enumerable.Range(0, 8).Select(k => k % 2 == 0 ? ", 'a', 'aa')" : ", 'aa', 'a')")) + ")";
        int length = DuneSqlTranslator.Translate(eight).Sql.Length;
        Assert.True(length < 40_000, length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("abc", db.Scalar(eight));
    }

    private static readonly (string Os, int Oz, string Ds, int Dz, int W)[] ShippingRows =
    [
        ("California", 94131, "New Jersey", 8648, 13), ("California", 94131, "New Jersey", 8540, 42), ("New Jersey", 7081, "Connecticut", 6708, 225),
        ("California", 90210, "Connecticut", 6927, 1337), ("California", 94131, "Colorado", 80302, 5), ("New York", 10002, "New Jersey", 8540, 3),
    ];

    private static readonly string Shipping = "(VALUES " + string.Join(", ", ShippingRows.Select(r => $"('{r.Os}', {r.Oz}, '{r.Ds}', {r.Dz}, {r.W})"))
        + ") shipping(origin_state, origin_zip, destination_state, destination_zip, package_weight)";

    /// <summary>The rows of (origin_state, destination_state, origin_zip, sum) over the grouping sets given as letters
    /// (s origin_state, d destination_state, z origin_zip), computed from the raw rows: each set's groups, its left-out
    /// columns NULL.</summary>
    private static List<string> Expected(params string[] sets) =>
        sets.SelectMany(set => ShippingRows
            .GroupBy(r => (set.Contains('s') ? r.Os : "NULL", set.Contains('d') ? r.Ds : "NULL", set.Contains('z') ? r.Oz.ToString(System.Globalization.CultureInfo.InvariantCulture) : "NULL"))
            .Select(g => $"{g.Key.Item1} | {g.Key.Item2} | {g.Key.Item3} | {g.Sum(r => r.W)}"))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>select.md's GROUP BY DISTINCT example: CUBE (origin_state, destination_state) × ROLLUP (origin_state,
    /// origin_zip) keeps its six unique sets; ALL (the default) keeps all twelve, duplicates giving duplicate rows. An
    /// ordinal names its select item's column, so it is one column with the name (Trino's analyzer resolves both to one
    /// field).</summary>
    [Fact]
    public void Group_by_distinct_gives_select_mds_sets()
    {
        using var db = new DuneSqlDb();
        const string select = "SELECT origin_state, destination_state, origin_zip, sum(package_weight) FROM ";
        Assert.Equal(Expected("sdz", "sz", "sd", "s", "d", ""),
            Sorted(db.Rows(select + Shipping + " GROUP BY DISTINCT CUBE (origin_state, destination_state), ROLLUP (origin_state, origin_zip)")));
        Assert.Equal(Expected("sdz", "sz", "sdz", "sz", "sd", "s", "sd", "s", "sd", "s", "d", ""),
            Sorted(db.Rows(select + Shipping + " GROUP BY ALL CUBE (origin_state, destination_state), ROLLUP (origin_state, origin_zip)")));
        // GROUP BY DISTINCT 1, ROLLUP (origin_state): (s) × {(s), ()} is (s), (s): one set once.
        Assert.Equal(Expected("s"), Sorted(db.Rows("SELECT origin_state, NULL, NULL, sum(package_weight) FROM " + Shipping
            + " GROUP BY DISTINCT 1, ROLLUP (origin_state)")));
        Assert.Equal(Expected("s", "s"), Sorted(db.Rows("SELECT origin_state, NULL, NULL, sum(package_weight) FROM " + Shipping
            + " GROUP BY 1, ROLLUP (origin_state)")));
        // GROUPING SETS with an ordinal set beside them: (d) × {(s, d), (d)} is (s, d), (d).
        Assert.Equal(Expected("sd", "d"), Sorted(db.Rows("SELECT origin_state, destination_state, NULL, sum(package_weight) FROM " + Shipping
            + " GROUP BY DISTINCT 2, GROUPING SETS ((origin_state, destination_state), (destination_state))")));
    }

    /// <summary>An ordinal naming a zone per row under GROUP BY DISTINCT groups by instant (decision 319's Left): the
    /// first instant in two zones is one group of 2, the second a group of 1.</summary>
    [Fact]
    public void Group_by_distinct_with_an_ordinal_of_a_zone_per_row_groups_by_instant()
    {
        using var db = new DuneSqlDb();
        const string zoned = "WITH c AS (SELECT from_iso8601_timestamp(s) AS x FROM (VALUES ('2020-05-11T11:15:05.123+05:30'), "
            + "('2020-05-11T05:45:05.123Z'), ('2020-05-11T05:45:05.124Z')) v(s)) ";
        Assert.Equal([["1589175905.123", "2"], ["1589175905.124", "1"]],
            db.Rows(zoned + "SELECT to_unixtime(x), n FROM (SELECT x, count(*) AS n FROM c GROUP BY DISTINCT 1, ROLLUP (x)) t ORDER BY 1"));
    }

    /// <summary>Set operations of zones written in the text: '2020-05-11 11:15:05.123 +05:30', '… Asia/Kolkata' (+05:30 all
    /// year), '2020-05-11 07:45:05.123 Europe/Berlin' (CEST, +02:00 in May) and '2020-05-11 05:45:05.123 UTC' are one
    /// instant, 1589175905.123 s; a set operation compares it alone (TimestampWithTimeZone's equal).</summary>
    [Theory]
    [InlineData("SELECT TIMESTAMP '2020-05-11 11:15:05.123 +05:30' UNION SELECT TIMESTAMP '2020-05-11 05:45:05.123 UTC'", "1589175905.123")]
    [InlineData("SELECT TIMESTAMP '2020-05-11 11:15:05.123 Asia/Kolkata' INTERSECT SELECT TIMESTAMP '2020-05-11 05:45:05.123 UTC'", "1589175905.123")]
    [InlineData("SELECT TIMESTAMP '2020-05-11 11:15:05.123 Asia/Kolkata' EXCEPT SELECT TIMESTAMP '2020-05-11 07:45:05.123 Europe/Berlin'", "")]
    [InlineData("SELECT TIMESTAMP '2020-05-11 11:15:05.123 +05:30' UNION ALL SELECT TIMESTAMP '2020-05-11 05:45:05.123 UTC'", "1589175905.123,1589175905.123")]
    [InlineData("SELECT TIMESTAMP '2020-05-11 11:15:05.123 +05:30' UNION SELECT TIMESTAMP '2020-05-11 05:45:05.124 UTC'", "1589175905.123,1589175905.124")]
    public void Set_operations_of_zones_written_in_the_text_compare_instants(string setOperation, string instants)
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows($"SELECT to_unixtime(t) FROM ({setOperation}) s(t) ORDER BY 1");
        Assert.Equal(instants.Length == 0 ? [] : instants.Split(','), rows.Select(r => r[0]));
    }
}
