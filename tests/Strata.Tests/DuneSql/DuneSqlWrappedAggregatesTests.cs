using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Decision 366: an aggregate Strata writes inside a scalar wrapper cannot take a FILTER or OVER written after
/// it; it is refused at its name, saying which clause, where DuckDB named Strata's internals (map_from_entries, a syntax
/// error at OVER). The aggregates whose clauses work keep working.</summary>
public sealed class DuneSqlWrappedAggregatesTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private const string Rows = " FROM (VALUES (1, 2, 1), (2, 3, 1), (3, 4, 2)) t(x, y, p)";

    [Theory]
    [InlineData("SELECT map_agg(x, y) OVER (PARTITION BY p)", "map_agg with OVER (as a window function)")]
    [InlineData("SELECT MultiMap_Agg(x, y) FILTER (WHERE x > 1) OVER (PARTITION BY p)", "multimap_agg with FILTER with OVER")]
    [InlineData("SELECT entropy(x) OVER (ORDER BY x)", "entropy with OVER (as a window function)")]
    [InlineData("SELECT map_union(map(ARRAY[x], ARRAY[y])) OVER (PARTITION BY p)", "map_union with OVER (as a window function)")]
    [InlineData("SELECT entropy(x) FILTER (WHERE x > 1) OVER (PARTITION BY p)", "entropy with FILTER with OVER")]
    [InlineData("SELECT reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b) OVER (PARTITION BY p)", "reduce_agg with OVER (as a window function)")]
    [InlineData("SELECT histogram(x) FILTER (WHERE x > 1) OVER (PARTITION BY p)", "histogram with FILTER with OVER")]
    public void A_wrapped_aggregates_clause_is_refused_at_its_name(string select, string what)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(select + Rows)).Error;
        Assert.Equal(ExecutionError.ExecutionFailed, error.Type);
        Assert.StartsWith(what + " is not supported", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 8), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("SELECT cardinality(map_agg(x, y))", "3")]
    [InlineData("SELECT round(entropy(x), 4)", "1.4591")]
    [InlineData("SELECT histogram(x) FILTER (WHERE x > 1)[3]", "1")]
    [InlineData("SELECT max(element_at(h, 1)) FROM (SELECT histogram(x) OVER (PARTITION BY p) h", "1")]
    [InlineData("SELECT sum(s) FROM (SELECT sum(x) FILTER (WHERE x > 1) OVER (PARTITION BY p) s", "7")]
    [InlineData("SELECT max(cardinality(a)) FROM (SELECT array_agg(x) FILTER (WHERE x > 0) OVER (PARTITION BY p) a", "2")]
    public void Aggregates_whose_clauses_work_still_answer(string select, string expected)
    {
        string sql = select + Rows + (select.Contains("(SELECT", StringComparison.Ordinal) ? ") s" : "");
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>Decision 369: FILTER (WHERE c) is the deciding argument made NULL where c is not true (Trino's input
    /// functions skip a row whose key, count or value is NULL), so each answers as Trino's over the rows c keeps.</summary>
    [Theory]
    [InlineData("SELECT element_at(map_agg(x, y) FILTER (WHERE x > 1), 3)", "4")]
    [InlineData("SELECT element_at(map_agg(x, y) FILTER (WHERE x > 1), 1) IS NULL", "true")]
    [InlineData("SELECT map_agg(x, y) FILTER (WHERE x > 5) IS NULL", "true")]
    [InlineData("SELECT cardinality(map_agg(x, NULL) FILTER (WHERE x <> 2))", "2")]
    [InlineData("SELECT element_at(multimap_agg(p, x) FILTER (WHERE x > 1), 1)[1] * 10 + cardinality(multimap_agg(p, x) FILTER (WHERE x > 1))", "22")]
    [InlineData("SELECT round(entropy(y) FILTER (WHERE y > 2), 4)", "0.9852")]
    [InlineData("SELECT entropy(y) FILTER (WHERE y > 9)", "0")]
    [InlineData("SELECT reduce_agg(y, 0, (a, b) -> a + b, (a, b) -> a + b) FILTER (WHERE p = 1)", "5")]
    [InlineData("SELECT reduce_agg(y, 0, (a, b) -> a * 10 + b, (a, b) -> a + b) FILTER (WHERE x >= 2)", "34")]
    [InlineData("SELECT try(reduce_agg(y, 0, (a, b) -> a + b, (a, b) -> a + b) FILTER (WHERE x > 1))", "7")]
    [InlineData("SELECT round(geometric_mean(y) FILTER (WHERE x > 1), 4)", "3.4641")]
    [InlineData("SELECT round(geometric_mean(DISTINCT p), 4)", "1.4142")]
    [InlineData("SELECT geometric_mean(x - 1)", "0")]
    [InlineData("SELECT is_nan(geometric_mean(x - 2))", "true")]
    [InlineData("SELECT array_join(array_agg(g ORDER BY g), ',') FROM (SELECT round(geometric_mean(y) OVER (PARTITION BY p ORDER BY x), 3) g", "2.0,2.449,4.0")]
    [InlineData("SELECT max(g) FROM (SELECT geometric_mean(y) FILTER (WHERE x > 1) OVER (PARTITION BY p) g", "4")]
    public void A_filter_is_taken_into_the_wrapped_aggregate(string select, string expected)
    {
        string sql = select + Rows + (select.Contains("(SELECT", StringComparison.Ordinal) ? ") s" : "");
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>map_union (aggregate.mdx's example: the histograms of three species): the union of the maps, a key in
    /// several with one of its values, a NULL map skipped, NULL over no map; a FILTER taken into the map (decision 370).</summary>
    [Theory]
    [InlineData("SELECT cardinality(u) * 1000 + element_at(u, 1) * 10 + element_at(u, 6) FROM (SELECT map_union(h) u FROM Maps)", "5511")]
    [InlineData("SELECT contains(ARRAY[6, 37], element_at(u, 4)) AND contains(ARRAY[33, 2], element_at(u, 5)) FROM (SELECT map_union(h) u FROM Maps)", "true")]
    [InlineData("SELECT array_join(array_sort(map_keys(map_union(h))), ',') FROM Maps", "1.0,3.0,4.0,5.0,6.0")]
    [InlineData("SELECT array_join(array_sort(map_keys(map_union(h) FILTER (WHERE s <> 'setosa'))), ',') FROM Maps", "3.0,4.0,5.0,6.0")]
    [InlineData("SELECT map_union(h) IS NULL FROM Maps WHERE s = 'none'", "true")]
    [InlineData("SELECT cardinality(map_union(CASE WHEN s = 'setosa' THEN NULL ELSE h END)) FROM Maps", "4")]
    [InlineData("SELECT cardinality(map_union(h)) FROM (SELECT map(ARRAY[], ARRAY[]) h)", "0")]
    public void Map_union_is_the_union_of_the_groups_maps(string select, string expected)
    {
        const string maps = "WITH Maps(s, h) AS (VALUES ('virginica', map(ARRAY[4.0, 5.0, 6.0], ARRAY[6, 33, 11])), "
            + "('versicolor', map(ARRAY[4.0, 5.0, 3.0], ARRAY[37, 2, 11])), ('setosa', map(ARRAY[1.0], ARRAY[50]))) ";
        Assert.Equal(expected, db.Scalar(maps + select));
    }
}
