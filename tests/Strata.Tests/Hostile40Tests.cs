using System.Diagnostics;
using System.Globalization;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile40 (decision 341): a collection aggregate's window frame is bounded, so a quadratic answer is refused at its first
/// chunk instead of by the worker's memory limit after 90 s; a clause's list (GROUP BY, ORDER BY, PARTITION BY) is bounded
/// as a select list is, and a WITH clause below the engine's own binding depth. Expected values are counted here in C#.
/// </summary>
public sealed class Hostile40Tests
{
    private static string Items(int n, Func<int, string> item) => string.Join(", ", Enumerable.Range(0, n).Select(item));

    /// <summary>n × 100 rows, x = 1 … n × 100 (sequence builds at most 10,000 entries, so two are crossed).</summary>
    private static string Rows(int hundreds) =>
        $"(SELECT (i - 1) * 100 + j AS x FROM unnest(sequence(1, {hundreds})) a(i) CROSS JOIN unnest(sequence(1, 100)) b(j))";

    [Theory]
    [InlineData("array_agg(x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING)", "array_agg")]
    [InlineData("array_agg(x) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)", "array_agg")]
    [InlineData("array_agg(x) FILTER (WHERE x > 50) OVER (ORDER BY x)", "array_agg")]
    [InlineData("array_agg(x) OVER w", "array_agg")]
    [InlineData("string_agg(CAST(x AS VARCHAR), ',') OVER (ORDER BY x)", "string_agg")]
    public void A_collection_aggregate_over_a_frame_past_the_bound_is_refused(string window, string function)
    {
        using var db = new DuneSql.DuneSqlDb();
        string named = window.EndsWith(" w", StringComparison.Ordinal) ? " WINDOW w AS (ORDER BY x)" : "";
        var clock = Stopwatch.StartNew();
        // 50,100 rows: past 10,000 rows a frame is refused once its rows times the partition's pass 5 × 10^8 (hostile41).
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT count(v) FROM (SELECT {window} AS v FROM {Rows(501)} t{named})"));
        Assert.Contains(DuneSqlTranslator.FrameRefusal(function), error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), clock.Elapsed.ToString());
    }

    /// <summary>Frames at the bound, bounded frames and small partitions keep Trino's answers: the sums of the frames'
    /// sizes counted here.</summary>
    [Fact]
    public void Frames_within_the_bound_answer()
    {
        using var db = new DuneSql.DuneSqlDb();
        long cumulative = Enumerable.Range(1, 10_000).Sum(i => (long)i); // frame i holds rows 1 … i
        Assert.Equal(cumulative.ToString(CultureInfo.InvariantCulture),
            db.Scalar($"SELECT sum(cardinality(v)) FROM (SELECT array_agg(x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) AS v FROM {Rows(100)} t)"));
        long sliding = Enumerable.Range(1, 20_000).Sum(i => (long)Math.Min(i, 3)); // 2 preceding and the row itself
        Assert.Equal(sliding.ToString(CultureInfo.InvariantCulture),
            db.Scalar($"SELECT sum(cardinality(v)) FROM (SELECT array_agg(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS v FROM {Rows(200)} t)"));
        long partitioned = 20_000L * 100; // 200 partitions of 100 rows, each row's frame its whole partition
        Assert.Equal(partitioned.ToString(CultureInfo.InvariantCulture),
            db.Scalar($"SELECT sum(cardinality(v)) FROM (SELECT array_agg(x) OVER (PARTITION BY x % 200) AS v FROM {Rows(200)} t)"));
        // An aggregate that builds no collection is not guarded: sum of x over 20,000 rows.
        Assert.Equal((20_000L * 20_001 / 2).ToString(CultureInfo.InvariantCulture),
            db.Scalar($"SELECT max(s) FROM (SELECT sum(x) OVER (ORDER BY x) AS s FROM {Rows(200)} t)"));
    }

    /// <summary>The review of 341: a frame that is the whole partition (DuckDB shares one answer), and aggregates bounded by a
    /// count or by distinct values, answer past the bound as Trino answers them (histogram is guarded since hostile44, but
    /// its frames here hold 5 × 10^7 rows together, within the element bound). Expected sums of cardinalities counted here:
    /// 10,100 rows, x = 1 … 10,100.</summary>
    [Theory]
    [InlineData("array_agg(x) OVER ()", 10_100L * 10_100)]
    [InlineData("array_agg(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)", 10_100L * 10_100)]
    [InlineData("max(x, 3) OVER (ORDER BY x)", 1 + 2 + 3L * 10_098)]
    [InlineData("histogram(x % 5) OVER (ORDER BY x)", 1 + 2 + 3 + 4 + 5L * 10_096)]
    public void A_whole_partition_or_a_bounded_answer_is_not_refused(string window, long cardinalities)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(cardinalities.ToString(CultureInfo.InvariantCulture),
            db.Scalar($"SELECT sum(cardinality(v)) FROM (SELECT {window} AS v FROM {Rows(101)} t)"));
    }

    private static QueryFailedException Refused(string sql)
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        return error;
    }

    /// <summary>Decision 359: DISTINCT in a window function's arguments is refused as Trino's analyzer refuses it, before the
    /// engine builds the windowed DISTINCT aggregate's merge tree (array_agg(DISTINCT x) over a growing frame of 50,100 rows
    /// held 15 GB after 90 s), at the call's name; the same words in a plain aggregate, a FILTER or IS DISTINCT FROM are not.</summary>
    [Theory]
    [InlineData("SELECT count(DISTINCT x) OVER () FROM t", "count(DISTINCT x) OVER ()", 8)]
    [InlineData("SELECT 1, array_agg(DISTINCT x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) FROM t", "array_agg(DISTINCT x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING)", 11)]
    [InlineData("SELECT sum(  DISTINCT x) FILTER (WHERE x > 1)\n OVER w FROM t WINDOW w AS ()", "sum( DISTINCT x) FILTER (WHERE x > 1) OVER w", 8)]
    public void DISTINCT_in_a_window_function_is_refused_as_Trino_refuses_it(string sql, string call, int column)
    {
        var error = Refused(sql);
        Assert.Equal("DISTINCT in window function parameters not yet supported: " + call, error.Error.Message);
        Assert.Equal(column, error.Error.Column);
        using var db = new DuneSql.DuneSqlDb();
        var clock = Stopwatch.StartNew();
        var refused = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT count(v) FROM (SELECT array_agg(DISTINCT x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) AS v FROM {Rows(501)} t)"));
        Assert.Contains("DISTINCT in window function parameters", refused.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        Assert.Equal("3", db.Scalar("SELECT count(DISTINCT x) FILTER (WHERE x IS DISTINCT FROM 0) FROM (VALUES 0, 1, 2, 2, 3) t(x)"));
        Assert.Equal("2", db.Scalar("SELECT max(n) FROM (SELECT count(*) OVER (PARTITION BY x IS DISTINCT FROM 1) AS n FROM (VALUES 1, 2, 3) t(x))"));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM (SELECT 1 AS x) t GROUP BY {0}", "The GROUP BY clause has 10001 items; Strata allows at most 10000 items in one clause, as many as a result has columns.")]
    [InlineData("SELECT x FROM (SELECT 1 AS x) t ORDER BY {0}", "The ORDER BY clause has 10001 items; Strata allows at most 10000 items in one clause, as many as a result has columns.")]
    [InlineData("SELECT row_number() OVER (PARTITION BY {0}) FROM (SELECT 1 AS x) t", "The PARTITION BY clause has 10001 items; Strata allows at most 10000 items in one clause, as many as a result has columns.")]
    [InlineData("SELECT array_agg(x ORDER BY {0}) FROM (SELECT 1 AS x) t", "The ORDER BY clause has 10001 items; Strata allows at most 10000 items in one clause, as many as a result has columns.")]
    public void A_clause_list_past_the_bound_is_refused_naming_it(string shape, string message)
    {
        var error = Refused(string.Format(CultureInfo.InvariantCulture, shape, Items(10_001, i => "x + " + i.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(message, error.Error.Message);
    }

    [Fact]
    public void A_WITH_clause_past_its_bound_is_refused_and_one_at_it_answers()
    {
        string With(int n) => "WITH " + Items(n, k => $"c{k} AS (SELECT {k} AS v)") + $" SELECT v FROM c{n - 1}";
        var error = Refused(With(DuneSqlTranslator.MaxWithQueries + 1));
        Assert.Equal("The WITH clause has 901 queries; Strata allows at most 900 (the engine binds each query of a WITH clause within the ones before it, to at most 1000 levels).",
            error.Error.Message);
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("899", db.Scalar(With(DuneSqlTranslator.MaxWithQueries)));
    }

    [Fact]
    public void Clause_lists_at_the_bound_translate()
    {
        string keys = Items(10_000, i => "x + " + i.ToString(CultureInfo.InvariantCulture));
        DuneSqlTranslator.Translate($"SELECT count(*) FROM (SELECT 1 AS x) t GROUP BY {keys}");
        DuneSqlTranslator.Translate($"SELECT x FROM (SELECT 1 AS x) t ORDER BY {keys}");
    }
}
