using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// map_agg keeps a key's first entry when the key comes again, as Trino's (DuckDB's map_from_entries refuses a repeated
/// key with "Map keys must be unique"), leaves NULL keys out, gives NULL for a group with no key, and keeps the keys in
/// the order they first came.
/// </summary>
public sealed class DuneSqlMapAggTests
{
    [Theory]
    [InlineData("SELECT CAST(map_agg(k, v) AS VARCHAR) FROM (VALUES (1, 'a'), (2, 'b'), (1, 'c'), (3, 'd'), (2, 'e')) t(k, v)", "{1=a, 2=b, 3=d}")]
    [InlineData("SELECT map_agg(k, v)[1] FROM (VALUES (1, 'a'), (1, 'c')) t(k, v)", "a")]
    [InlineData("SELECT cardinality(map_agg(k, v)) FROM (VALUES (1, 'a'), (NULL, 'z'), (1, 'c')) t(k, v)", "1")]
    [InlineData("SELECT map_agg(k, v) FROM (VALUES (CAST(NULL AS integer), 'a')) t(k, v)", "NULL")]
    [InlineData("SELECT CAST(map_agg(k, v) AS VARCHAR) FROM (VALUES (ARRAY[1, 2], 'a'), (ARRAY[1], 'b'), (ARRAY[1, 2], 'c')) t(k, v)", "{[1, 2]=a, [1]=b}")]
    [InlineData("SELECT g, cardinality(map_agg(k, v)) FROM (VALUES (1, 'x', 1), (1, 'x', 2), (2, 'y', 3), (2, 'z', 4)) t(g, k, v) GROUP BY g ORDER BY g", "1,1|2,2")]
    [InlineData("SELECT cardinality(map_agg(k, v)) FROM (VALUES (CAST('NaN' AS double), 1), (CAST('NaN' AS double), 2)) t(k, v)", "1")]
    public void A_repeated_key_keeps_its_first_entry(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    /// <summary>Where no key repeats, the map is the one map_from_entries builds from the entries as they came: the same
    /// keys, values and order, over seeded random groups (one large).</summary>
    [Theory]
    [InlineData(200, 5_000)]
    [InlineData(1, 50_000)]
    public void Without_repeats_the_map_is_the_entries_in_order(int groups, int rows)
    {
        using var db = new DuneSqlDb($"CREATE TABLE t AS SELECT i % {groups} AS g, hash(i, 7) % 1000003 AS k, 'v' || (i % 97) AS v FROM range({rows}) x(i) "
            + "QUALIFY row_number() OVER (PARTITION BY i % " + groups + ", hash(i, 7) % 1000003) = 1;");
        string Grouped(string template) => "SELECT g, CAST(" + template.Replace("$1", "k", StringComparison.Ordinal).Replace("$2", "v", StringComparison.Ordinal)
            + " AS VARCHAR) FROM (SELECT * FROM t ORDER BY k) GROUP BY g ORDER BY g";
        var now = db.TranslatedRows(Grouped(DuneMoreFunctions.MapAgg));
        var entries = db.TranslatedRows(Grouped("map_from_entries(list(struct_pack(key := $1, value := $2)) FILTER (WHERE ($1) IS NOT NULL))"));
        Assert.Equal(groups, now.Count);
        Assert.Equal(DuneSqlTypes9Tests.Flat(entries), DuneSqlTypes9Tests.Flat(now));
    }

    /// <summary>A large group with every key repeated many times: one entry a key, each one of that key's values (which
    /// is first is the rows' arrival order, which a parallel scan does not fix, as in Trino).</summary>
    [Fact]
    public void A_large_group_of_repeats_keeps_one_entry_a_key()
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT i % 1000 AS k, i AS v FROM range(200000) x(i);");
        Assert.Equal("1000,0,999,true", DuneSqlTypes9Tests.Flat(db.Rows(
            "SELECT cardinality(m), m[0] % 1000, m[999] % 1000, all_match(map_keys(m), x -> m[x] % 1000 = x) FROM (SELECT map_agg(k, v) AS m FROM t)")));
    }
}
