using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// multimap_agg as a grouped subquery (decision 181), linear in a group's rows, held to the form before it (a lambda per
/// key slicing the captured values list, <see cref="DuneMoreFunctions.MultimapAggBySlices"/>): the same map, keys and
/// values in the same order, over seeded random rows of several key and value types, NULL keys and values, NaN and
/// signed zeros, nested values, many small groups and one large one, groups with only NULL keys and no rows.
/// </summary>
public sealed class DuneSqlMultimapTests
{
    /// <summary>Tables of (g, k, v): the rows' key and value expressions over a seeded random i and r.</summary>
    public static TheoryData<string, string, string, int> Tables() => new()
    {
        { "integers, NULL keys and values", "CASE WHEN r % 13 = 0 THEN NULL ELSE r % 37 END", "CASE WHEN r % 11 = 0 THEN NULL ELSE r % 1000 END", 5_000 },
        { "text", "CASE WHEN r % 17 = 0 THEN NULL ELSE 'k' || (r % 29) END", "CASE WHEN r % 7 = 0 THEN NULL WHEN r % 7 = 1 THEN '' ELSE 'v' || (r % 101) END", 5_000 },
        { "doubles with NaN and signed zeros", "CASE r % 5 WHEN 0 THEN CAST('NaN' AS DOUBLE) WHEN 1 THEN -0.0 WHEN 2 THEN 0.0 ELSE (r % 9) / 4.0 END",
            "CASE r % 6 WHEN 0 THEN CAST('NaN' AS DOUBLE) WHEN 1 THEN NULL ELSE (r % 50) / 3.0 END", 5_000 },
        { "arrays and rows as values", "r % 19", "CASE WHEN r % 9 = 0 THEN NULL ELSE struct_pack(a := [r % 3, NULL, r % 5], b := CASE WHEN r % 4 = 0 THEN NULL ELSE 'x' || (r % 6) END) END", 5_000 },
        { "timestamps as keys", "TIMESTAMPTZ '2024-01-01 00:00:00+00' + (r % 23) * INTERVAL '1 hour'", "r % 2 = 0", 5_000 },
        { "one large group", "r % 500", "r % 100003", 20_000 },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_map_is_the_slicing_forms(string name, string key, string value, int rows)
    {
        Assert.NotEmpty(name);
        int groups = rows > 10_000 ? 1 : 200;
        using var db = new DuneSqlDb($"CREATE TABLE t AS SELECT i % {groups} AS g, {key} AS k, {value} AS v "
            + $"FROM (SELECT i, hash(i, 181) % 1000003 AS r FROM range({rows}) x(i)) q;"
            // A group whose keys are all NULL, and (in the large case) the group is every row.
            + "INSERT INTO t SELECT -1, NULL, v FROM t LIMIT 3;");
        string Grouped(string template) => "SELECT g, CAST(" + template.Replace("$1", "k", StringComparison.Ordinal).Replace("$2", "v", StringComparison.Ordinal)
            + " AS VARCHAR) AS m FROM t GROUP BY g ORDER BY g";
        var now = db.TranslatedRows(Grouped(DuneMoreFunctions.MultimapAgg));
        var before = db.TranslatedRows(Grouped(DuneMoreFunctions.MultimapAggBySlices));
        Assert.Equal(groups + 1, now.Count);
        Assert.Equal("NULL", now[0][1]);
        Assert.Equal(DuneSqlTypes9Tests.Flat(before), DuneSqlTypes9Tests.Flat(now));
    }

    /// <summary>The translation writes the grouped form, and it runs where an aggregate may stand: a grouped select, an
    /// expression over it, HAVING, ORDER BY, GROUP BY ALL, a CTE, a correlated subquery's own group and a query with no
    /// rows.</summary>
    [Theory]
    [InlineData("SELECT g, multimap_agg(k, v)[1] FROM t GROUP BY g ORDER BY g", "1,[1, 3]|2,[5]|3,NULL")]
    [InlineData("SELECT g FROM t GROUP BY g HAVING cardinality(multimap_agg(k, v)) > 1 ORDER BY g", "1")]
    [InlineData("SELECT g, cardinality(multimap_agg(k, v)) AS n FROM t GROUP BY ALL ORDER BY n DESC, g", "1,2|2,1|3,NULL")]
    [InlineData("SELECT g FROM t GROUP BY g ORDER BY cardinality(multimap_agg(k, v)) DESC NULLS LAST, g LIMIT 1", "1")]
    [InlineData("WITH m AS (SELECT multimap_agg(k, v) AS m FROM t WHERE g = 1) SELECT m[2], m[1] FROM m", "[2],[1, 3]")]
    [InlineData("SELECT s.g, (SELECT cardinality(multimap_agg(t.k, t.v + s.g)) FROM t WHERE t.g = s.g) FROM (VALUES 1, 2) s(g) ORDER BY 1", "1,2|2,1")]
    [InlineData("SELECT multimap_agg(k, v) FROM t WHERE g > 10", "NULL")]
    [InlineData("SELECT multimap_agg(k + 1, v * 2)[2] FROM t", "[2, 6, 10]")]
    public void The_grouped_form_runs_where_an_aggregate_stands(string sql, string expected)
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT * FROM (VALUES (1, 1, 1), (1, 1, 3), (1, 2, 2), (2, 1, 5), (3, NULL, 7)) x(g, k, v);");
        Assert.Contains("(SELECT map_from_entries(list_sort(", DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }
}
