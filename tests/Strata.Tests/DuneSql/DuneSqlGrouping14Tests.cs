using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 319 (dune-sql14). ROLLUP, CUBE and GROUPING SETS (Trino's select.md, "Complex grouping operations"): a key
/// left out of a grouping set is NULL, and <c>grouping(c1, …, cN)</c> is a bigint whose bits, the rightmost argument the
/// least significant, are 1 for each column left out. The shipping rows and their answers are select.md's own. A zone per
/// row groups by its instant (TimestampWithTimeZone's equal and hash read the instant alone, as in decision 279):
/// '2020-05-11T11:15:05.123+05:30' and '2020-05-11T05:45:05.123Z' are one instant (1589175905123 ms, Java's
/// OffsetDateTime.parse(…).toInstant()), '…05:45:05.124Z' one millisecond later; a group keeps any of its rows' zones.
/// Trino's grammar takes an identifier after a dot, which none of its reserved words is (reserved.md).
/// </summary>
public sealed class DuneSqlGrouping14Tests
{
    private const string Shipping = "(VALUES ('California', 94131, 'New Jersey', 8648, 13), ('California', 94131, 'New Jersey', 8540, 42), "
        + "('New Jersey', 7081, 'Connecticut', 6708, 225), ('California', 90210, 'Connecticut', 6927, 1337), "
        + "('California', 94131, 'Colorado', 80302, 5), ('New York', 10002, 'New Jersey', 8540, 3)) "
        + "shipping(origin_state, origin_zip, destination_state, destination_zip, package_weight)";

    private const string Zoned = "WITH c AS (SELECT from_iso8601_timestamp(s) AS x, p FROM (VALUES ('2020-05-11T11:15:05.123+05:30', 'a'), "
        + "('2020-05-11T05:45:05.123Z', 'a'), ('2020-05-11T05:45:05.124Z', 'b')) v(s, p)) ";

    private static readonly string[] FirstInstant = ["2020-05-11 11:15:05.123 +05:30", "2020-05-11 05:45:05.123 UTC"];

    private const string SecondInstant = "2020-05-11 05:45:05.124 UTC";

    private static List<string> Sorted(List<string[]> rows) => rows.Select(r => string.Join(" | ", r)).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Rollup_and_grouping_sets_give_select_mds_answers()
    {
        using var db = new DuneSqlDb();
        var rollup = db.Rows($"SELECT origin_state, origin_zip, sum(package_weight) FROM {Shipping} GROUP BY ROLLUP (origin_state, origin_zip)");
        Assert.Equal(Sorted([["California", "94131", "60"], ["California", "90210", "1337"], ["New Jersey", "7081", "225"], ["New York", "10002", "3"],
            ["California", "NULL", "1397"], ["New York", "NULL", "3"], ["New Jersey", "NULL", "225"], ["NULL", "NULL", "1625"]]), Sorted(rollup));
        var sets = db.Rows("SELECT origin_state, origin_zip, destination_state, sum(package_weight), grouping(origin_state, origin_zip, destination_state) "
            + $"FROM {Shipping} GROUP BY GROUPING SETS ((origin_state), (origin_state, origin_zip), (destination_state))");
        Assert.Equal(Sorted([["California", "NULL", "NULL", "1397", "3"], ["New Jersey", "NULL", "NULL", "225", "3"], ["New York", "NULL", "NULL", "3", "3"],
            ["California", "94131", "NULL", "60", "1"], ["New Jersey", "7081", "NULL", "225", "1"], ["California", "90210", "NULL", "1337", "1"],
            ["New York", "10002", "NULL", "3", "1"], ["NULL", "NULL", "New Jersey", "58", "6"], ["NULL", "NULL", "Connecticut", "1562", "6"],
            ["NULL", "NULL", "Colorado", "5", "6"]]), Sorted(sets));
        Assert.Equal("bigint", db.Scalar($"SELECT typeof(grouping(origin_state)) FROM {Shipping} GROUP BY ROLLUP (origin_state)"));
    }

    /// <summary>Each statement gives (the key's text, p, count, grouping bits); expected rows as (instant, p, count, bits),
    /// instant 1 being either zone's text of the first instant, 2 the second, 0 NULL.</summary>
    [Theory]
    [InlineData("SELECT CAST(x AS varchar), p, count(*), grouping(x, p) FROM c GROUP BY ROLLUP(x, p)", "1 a 2 0;2 b 1 0;1 - 2 1;2 - 1 1;0 - 3 3")]
    [InlineData("SELECT CAST(x AS varchar), p, count(*), grouping(p, x) FROM c GROUP BY CUBE(x, p)",
        "1 a 2 0;2 b 1 0;1 - 2 2;2 - 1 2;0 a 2 1;0 b 1 1;0 - 3 3")]
    [InlineData("SELECT CAST(x AS varchar), p, count(*), grouping(x) FROM c GROUP BY GROUPING SETS ((x), (p), ())", "1 - 2 0;2 - 1 0;0 a 2 1;0 b 1 1;0 - 3 1")]
    // A qualified key, a plain key beside a ROLLUP, and a key under CAST in the list.
    [InlineData("SELECT CAST(c.x AS varchar), p, count(*), grouping(c.x, p) FROM c GROUP BY p, ROLLUP(x)", "1 a 2 0;2 b 1 0;0 a 2 2;0 b 1 2")]
    // GROUP BY DISTINCT: ROLLUP(x, p) × ROLLUP(x) is (x, p), (x, p), (x), (x), (x), (); its distinct sets (x, p), (x), ().
    [InlineData("SELECT CAST(x AS varchar), p, count(*), grouping(x, p) FROM c GROUP BY DISTINCT ROLLUP(x, p), ROLLUP(x)",
        "1 a 2 0;2 b 1 0;1 - 2 1;2 - 1 1;0 - 3 3")]
    // A plain GROUP BY: grouping is 0 for every row.
    [InlineData("SELECT CAST(x AS varchar), p, count(*), grouping(x) FROM c GROUP BY x, p", "1 a 2 0;2 b 1 0")]
    public void Grouping_sets_of_a_zone_per_row_group_by_instant(string select, string expected)
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows(Zoned + select);
        var want = expected.Split(';').Select(r => r.Split(' ')).ToList();
        Assert.Equal(want.Count, rows.Count);
        var matched = new bool[rows.Count];
        foreach (var w in want)
        {
            int found = Enumerable.Range(0, rows.Count).FirstOrDefault(k => !matched[k] && Matches(rows[k], w), -1);
            Assert.True(found >= 0, $"no row for {string.Join(' ', w)} in {string.Join("; ", rows.Select(r => string.Join(" | ", r)))}");
            matched[found] = true;
        }
    }

    private static bool Matches(string[] row, string[] want) =>
        (want[0] switch { "1" => FirstInstant.Contains(row[0]), "2" => row[0] == SecondInstant, _ => row[0] == "NULL" })
        && row[1] == (want[1] == "-" ? "NULL" : want[1]) && row[2] == want[2] && row[3] == want[3];

    [Fact]
    public void A_rolled_up_key_is_null_in_having_and_order_by()
    {
        using var db = new DuneSqlDb();
        // ORDER BY x puts NULL last (Trino's default NULLS LAST); HAVING drops the second instant's group of one row.
        var rows = db.Rows(Zoned + "SELECT CAST(x AS varchar), count(*) FROM c GROUP BY GROUPING SETS ((x), ()) HAVING count(*) > 1 ORDER BY x");
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows[0][0], FirstInstant);
        Assert.Equal(["2"], rows[0][1..]);
        Assert.Equal(["NULL", "3"], rows[1]);
        // A bare key keeps its name and Trino's type.
        Assert.Equal(["timestamp(3) with time zone", "1"], db.Rows(Zoned + "SELECT typeof(x), count(*) FROM c GROUP BY ROLLUP(x) ORDER BY 2 LIMIT 1")[0]);
    }

    /// <summary>date_trunc of a zone per row truncates in the row's zone: 23:15+05:30 → 2020-05-11 00:00 +05:30, the two
    /// UTC rows → 2020-05-11 00:00 UTC (two instants: 2020-05-10T18:30Z and 2020-05-11T00:00Z).</summary>
    [Fact]
    public void A_daily_rollup_of_zones_per_row_gives_totals()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("WITH c AS (SELECT date_trunc('day', from_iso8601_timestamp(s)) AS day, p FROM (VALUES ('2020-05-11T23:15:05.123+05:30', 'a'), "
            + "('2020-05-11T05:45:05.123Z', 'a'), ('2020-05-11T05:45:05.124Z', 'b')) v(s, p)) "
            + "SELECT CAST(day AS varchar), p, count(*) FROM c GROUP BY ROLLUP(day, p)");
        Assert.Equal(Sorted([["2020-05-11 00:00:00.000 +05:30", "a", "1"], ["2020-05-11 00:00:00.000 UTC", "a", "1"], ["2020-05-11 00:00:00.000 UTC", "b", "1"],
            ["2020-05-11 00:00:00.000 +05:30", "NULL", "1"], ["2020-05-11 00:00:00.000 UTC", "NULL", "2"], ["NULL", "NULL", "3"]]), Sorted(rows));
    }

    /// <summary>INTERSECT ALL and EXCEPT ALL (select.md: ALL keeps identical rows) count rows by instant: with k 1-3 one
    /// instant in three zones and k 4 another, <c>c WHERE k &lt; 5</c> holds the first instant 3 times and the second once.
    /// INTERSECT ALL keeps min(m, n) of a row, EXCEPT ALL max(m - n, 0), left to right (the SQL standard's multiset rules,
    /// which Trino's ImplementIntersectAll / ImplementExceptAll rules implement with row counts).</summary>
    [Theory]
    [InlineData("SELECT x FROM c WHERE k < 5 INTERSECT ALL SELECT x FROM c WHERE k IN (2, 3, 4)", Early + "," + Early + "," + Late)]
    [InlineData("SELECT x FROM c WHERE k IN (1, 4) INTERSECT ALL SELECT x FROM c WHERE k < 4", Early)]
    [InlineData("SELECT x FROM c WHERE k < 5 INTERSECT ALL SELECT x FROM c WHERE k IN (2, 3) INTERSECT ALL SELECT x FROM c WHERE k = 1", Early)]
    [InlineData("SELECT x FROM c WHERE k < 5 EXCEPT ALL SELECT x FROM c WHERE k = 2", Early + "," + Early + "," + Late)]
    [InlineData("SELECT x FROM c WHERE k < 5 EXCEPT ALL SELECT x FROM c WHERE k IN (1, 3, 4)", Early)]
    [InlineData("SELECT x FROM c WHERE k < 5 EXCEPT ALL SELECT x FROM c WHERE k = 1 EXCEPT ALL SELECT x FROM c WHERE k = 2", Early + "," + Late)]
    [InlineData("SELECT x FROM c WHERE k = 4 EXCEPT ALL SELECT x FROM c WHERE k < 4", Late)]
    // NULLs are one value: the NULL row less the NULL row.
    [InlineData("SELECT x FROM c WHERE k <> 2 EXCEPT ALL SELECT x FROM c WHERE k IN (2, 5)", Early + "," + Late)]
    [InlineData("SELECT x FROM c WHERE k <> 2 INTERSECT ALL SELECT x FROM c WHERE k IN (2, 5)", "NULL," + Early)]
    public void Intersect_all_and_except_all_count_rows_by_instant(string setOperation, string instants)
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows(SetCte + $"SELECT to_unixtime(x) FROM ({setOperation}) ORDER BY to_unixtime(x) NULLS FIRST");
        Assert.Equal(instants.Split(','), rows.Select(r => r[0]));
    }

    private const string SetCte = "WITH c AS (SELECT k, from_iso8601_timestamp(s) AS x FROM (VALUES (1, '2020-05-11T11:15:05.123+05:30'), "
        + "(2, '2020-05-11T05:45:05.123Z'), (3, '2020-05-11T07:45:05.123+02:00'), (4, '2020-05-11T05:45:05.124Z'), (5, CAST(NULL AS varchar))) v(k, s)) ";

    private const string Early = "1589175905.123", Late = "1589175905.124";

    [Theory]
    [InlineData("SELECT t.end FROM (SELECT 7 AS \"end\") t", "end", 1, 10)]
    [InlineData("SELECT * FROM dex.\nWHERE (x = 1)", "WHERE", 2, 1)]
    [InlineData("SELECT t.from FROM (SELECT 7 AS \"from\") t", "from", 1, 10)]
    [InlineData("SELECT t.s.values FROM (SELECT 7 AS s) t", "values", 1, 12)]
    public void A_reserved_word_after_a_dot_is_trinos_syntax_error(string sql, string word, int line, int column)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql)).Error;
        Assert.Equal((ExecutionError.SyntaxError, $"mismatched input '{word}'", line, column), (error.Type, error.Message, error.Line, error.Column));
    }
}
