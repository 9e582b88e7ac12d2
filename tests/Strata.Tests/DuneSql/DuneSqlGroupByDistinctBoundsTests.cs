using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// GROUP BY DISTINCT's expansion is bounded as Trino bounds a GROUP BY: the product of the elements' set counts past
/// 2,048 (Trino's max-grouping-sets) is refused in Trino's words before any set is built, so a short text cannot make the
/// translator (in the server process) build millions of sets (two ROLLUPs of 300 columns took 38 s before the refusal,
/// a CUBE of 12 beside two 300-column sets 115 s and 14 million characters).
/// </summary>
public sealed class DuneSqlGroupByDistinctBoundsTests
{
    private static string Columns(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => prefix + i));

    [Theory]
    [InlineData("CUBE(" + "a, b, c, d, e, f), CUBE(g, h, i, j, k, l)", "GROUP BY has 4096 grouping sets but can contain at most 2048")]
    [InlineData("CUBE(a, b, c, d, e, f, g, h, i, j, k, l)", "GROUP BY has 4096 grouping sets but can contain at most 2048")]
    [InlineData("ROLLUP(a, b), GROUPING SETS ((a), (b), ()), CUBE(a, b, c, d, e, f, g, h, i)", "GROUP BY has 4608 grouping sets but can contain at most 2048")]
    public void Past_2048_sets_is_refused_in_Trinos_words(string elements, string message)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate("SELECT count(*) FROM t\nGROUP BY DISTINCT " + elements));
        Assert.Equal(ExecutionError.SyntaxError, e.Error.Type);
        Assert.Contains(message, e.Error.Message, StringComparison.Ordinal);
        Assert.Equal((2, 10), (e.Error.Line, e.Error.Column));
    }

    [Fact]
    public void A_product_past_ints_range_is_more_than_it()
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate($"SELECT count(*) FROM t GROUP BY DISTINCT CUBE({Columns("a", 40)})"));
        Assert.Contains("GROUP BY has more than 2147483647 grouping sets but can contain at most 2048", e.Error.Message, StringComparison.Ordinal);
        e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(
            $"SELECT count(*) FROM t GROUP BY DISTINCT ROLLUP({Columns("a", 300)}), ROLLUP({Columns("b", 300)}), ROLLUP({Columns("c", 300)}), ROLLUP({Columns("d", 300)})"));
        Assert.Contains("GROUP BY has more than 2147483647 grouping sets", e.Error.Message, StringComparison.Ordinal);
        e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate($"SELECT count(*) FROM t GROUP BY DISTINCT ROLLUP({Columns("a", 300)}), ROLLUP({Columns("b", 300)})"));
        Assert.Contains("GROUP BY has 90601 grouping sets", e.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>At the bound, wide sets: 2,048 combinations of 600 wide columns each, deduplicated to the distinct sets.</summary>
    [Fact]
    public void At_the_bound_wide_sets_are_written_once_each()
    {
        string sql = $"SELECT count(*) FROM t GROUP BY DISTINCT CUBE({Columns("c", 11)}), ({Columns("a", 300)}), ({Columns("b", 300)})";
        string translated = DuneSqlTranslator.Translate(sql).Sql;
        Assert.Equal(2048, translated.Split("a299, b0", StringSplitOptions.None).Length - 1);
        // Repeats of one column across elements collapse: CUBE(a, b) with (a) and ROLLUP(b) gives (a, b) and (a) only.
        string small = DuneSqlTranslator.Translate("SELECT count(*) FROM t GROUP BY DISTINCT CUBE(a, b), (a), ROLLUP(b)").Sql;
        Assert.Contains("GROUPING SETS ((a, b), (a))", small, StringComparison.Ordinal);
    }

    /// <summary>Trino bounds every GROUP BY, not only DISTINCT's (StatementAnalyzer, before the quantifier is read); DuckDB
    /// would expand a CUBE of 12 into 4,096 sets and answer. The error is at Trino's GroupBy node: the quantifier ALL when
    /// written, else the first element.</summary>
    [Theory]
    [InlineData("GROUP BY CUBE(a, b, c, d, e, f, g, h, i, j, k, l)", "GROUP BY has 4096 grouping sets", 10)]
    [InlineData("GROUP BY ALL CUBE(a, b, c, d, e, f), CUBE(g, h, i, j, k, l)", "GROUP BY has 4096 grouping sets", 10)]
    [InlineData("GROUP BY a, ROLLUP(b, c), GROUPING SETS ((a), (b), ()), CUBE(a, b, c, d, e, f, g, h, i)", "GROUP BY has 4608 grouping sets", 10)]
    [InlineData("GROUP BY CUBE(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z, a1, b1, c1, d1, e1, f1)",
        "GROUP BY has more than 2147483647 grouping sets", 10)]
    public void Without_distinct_past_2048_sets_is_refused_too(string groupBy, string message, int column)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate("SELECT count(*) FROM t\n" + groupBy));
        Assert.Equal(ExecutionError.SyntaxError, e.Error.Type);
        Assert.Contains(message + " but can contain at most 2048", e.Error.Message, StringComparison.Ordinal);
        Assert.Equal((2, column), (e.Error.Line, e.Error.Column));
        // In a subquery too.
        e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate("SELECT * FROM (SELECT count(*) FROM t " + groupBy + ") s"));
        Assert.Contains(message, e.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GROUP BY CUBE(a, b, c, d, e, f, g, h, i, j, k)")] // 2,048
    [InlineData("GROUP BY ALL")]
    [InlineData("GROUP BY ALL ORDER BY 1")]
    [InlineData("GROUP BY a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x, y, z")] // one set
    [InlineData("GROUP BY ROLLUP(a, b), CUBE(c, d, e, f, g, h, i, j, k) HAVING count(*) > 1")] // 3 x 512
    public void Without_distinct_up_to_2048_sets_is_written_as_is(string groupBy)
    {
        string sql = "SELECT count(*) FROM t " + groupBy;
        Assert.Contains(groupBy, DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
    }
}
