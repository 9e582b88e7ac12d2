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
    [InlineData("SELECT map_agg(x, y) FILTER (WHERE x > 1)", "map_agg with FILTER")]
    [InlineData("SELECT MultiMap_Agg(x, y) FILTER (WHERE x > 1) OVER (PARTITION BY p)", "multimap_agg with FILTER with OVER")]
    [InlineData("SELECT entropy(x) OVER (ORDER BY x)", "entropy with OVER (as a window function)")]
    [InlineData("SELECT geometric_mean(x) FILTER (WHERE x > 1)", "geometric_mean with FILTER")]
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
}
