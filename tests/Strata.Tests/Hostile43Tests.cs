using System.Diagnostics;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile43 (decision 361): a collection aggregate's frame past 10,000 rows is bounded by its rows times the rows of all
/// the window's partitions, not of one; a LIKE with a constant ESCAPE whose pattern backtracks is matched in linear time.
/// </summary>
public sealed class Hostile43Tests
{
    /// <summary>n × 100 rows, x = 1 … n × 100.</summary>
    private static string Rows(int hundreds) =>
        $"(SELECT (i - 1) * 100 + j AS x FROM unnest(sequence(1, {hundreds})) a(i) CROSS JOIN unnest(sequence(1, 100)) b(j))";

    [Fact]
    public void A_frame_past_the_row_bound_is_bounded_by_the_rows_of_all_partitions()
    {
        // Each partition's rows times its frame stayed within 5 × 10^8, so partitions added up: main built 2 partitions of
        // 20,000 rows until 2 GB ran out (19.7 s). The guard's second factor is now every row of the window's input. (Run
        // through DuckDB, 3 partitions of 16,700 rows were refused after 42 s at load 25; hostile44 made it 10.7 s at load 17.)
        string sql = $"SELECT count(v) FROM (SELECT string_agg(CAST(x AS VARCHAR), ',') OVER (PARTITION BY x % 3 ORDER BY x) AS v FROM {Rows(501)} t) s";
        string translated = DuneSqlTranslator.Translate(sql).Sql;
        // hostile44: the bound is counted by dune_frame_budget over the call's own window (Hostile44Tests), not by a
        // count(*) OVER () that DuckDB computed after every partition's answers were built.
        Assert.Contains("dune_frame_budget(", translated, StringComparison.Ordinal);
        Assert.DoesNotContain("OVER ()", translated, StringComparison.Ordinal);
        // A named window's frame is held to the same bound (its partition is not read): small inputs answer.
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("5050", db.Scalar($"SELECT sum(cardinality(v)) FROM (SELECT array_agg(x) OVER w AS v FROM {Rows(1)} t WINDOW w AS (ORDER BY x)) s"));
    }

    [Fact]
    public void A_LIKE_with_ESCAPE_that_would_backtrack_is_matched_in_linear_time_with_Trinos_answers()
    {
        // 200 `%_` pairs with ESCAPE: DuckDB's LIKE ran past 9 minutes on 5 values of 3,000 characters on main.
        string pairs = string.Concat(Enumerable.Repeat("%_", 200));
        string query = $"SELECT count(*) FROM unnest(sequence(1, 100)) t(i) WHERE lpad('', 3000, 'a') LIKE '{pairs}b' ESCAPE '#'";
        Assert.Contains("SIMILAR TO", DuneSqlTranslator.Translate(query).Sql, StringComparison.Ordinal);
        using var db = new DuneSql.DuneSqlDb();
        var clock = Stopwatch.StartNew();
        Assert.Equal("0", db.Scalar(query));
        Assert.Equal("100", db.Scalar(query.Replace("lpad('', 3000, 'a')", "lpad('', 3000, 'a') || 'b'", StringComparison.Ordinal)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        // An escaped `%` or `_` is itself; an escaped escape is one; RE2's metacharacters, the escape among them, are themselves.
        Assert.Equal("true", db.Scalar("SELECT 'a%b_cd' LIKE '%#%%#_%' ESCAPE '#'"));
        Assert.Equal("false", db.Scalar("SELECT 'a%bxcd' LIKE '%#%%#_%' ESCAPE '#'"));
        Assert.Equal("true", db.Scalar("SELECT 'a.b%cd' LIKE '%.b\\%_%' ESCAPE '\\'"));
        Assert.Equal("false", db.Scalar("SELECT 'a.b%' LIKE '%.b\\%_%' ESCAPE '\\'"));
        Assert.Equal("true", db.Scalar("SELECT 'x\\yz' LIKE '%\\\\_%' ESCAPE '\\'"));
        Assert.Equal("false", db.Scalar("SELECT 'xyz' LIKE '%\\\\_%' ESCAPE '\\'"));
        Assert.Equal("true", db.Scalar("SELECT 'ab' NOT LIKE '%#_%_' ESCAPE '#'"));
        // The same answers where DuckDB's LIKE is kept (one `%`): the rewrite only changes how they are found.
        Assert.Equal(db.Scalar("SELECT 'a%b_c' LIKE 'a#%b#_%' ESCAPE '#'"), db.Scalar("SELECT 'a%b_c' LIKE '%a#%b#_%' ESCAPE '#'"));
    }
}
