using System.Diagnostics;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile44 (decision 364): the collection-frame guard is a native aggregate over the guarded call's own window
/// (<see cref="DuneFrameBudget"/>), counting the elements of all the execution's frames as they are built, so the refusal
/// comes before the answers of every partition are built.
/// </summary>
public sealed class Hostile44Tests
{
    /// <summary>n thousand rows, x = 1 … n × 1000, in DuckDB's words (the guard is run as the translator writes it).</summary>
    private static string Rows(int thousands) => $"(SELECT range AS x FROM range(1, {thousands} * 1000 + 1))";

    [Fact]
    public void The_guard_is_computed_in_the_calls_own_window_before_the_call()
    {
        string translated = DuneSqlTranslator.Translate(
            "SELECT array_agg(x) FILTER (WHERE x > 1) OVER (PARTITION BY x % 3 ORDER BY x ROWS UNBOUNDED PRECEDING) FROM t").Sql;
        int guard = translated.IndexOf("dune_frame_budget(0) FILTER (WHERE", StringComparison.Ordinal);
        Assert.True(guard >= 0, translated);
        Assert.True(guard < translated.IndexOf("array_agg(", StringComparison.Ordinal), translated);
        Assert.DoesNotContain("OVER ()", translated, StringComparison.Ordinal);
        // histogram's entries are its frame's distinct values, as many as its rows: guarded too (kind 6).
        Assert.Contains("dune_frame_budget(6)  OVER (ORDER BY x)", DuneSqlTranslator.Translate("SELECT histogram(x) OVER (ORDER BY x) FROM t").Sql, StringComparison.Ordinal);
        // Not a collection aggregate: a running total is not guarded.
        Assert.DoesNotContain("dune_frame_budget", DuneSqlTranslator.Translate("SELECT sum(x) OVER (ORDER BY x) FROM t").Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_past_the_row_bound_are_refused_once_all_partitions_together_pass_the_element_bound()
    {
        using var db = new DuneSql.DuneSqlDb();
        var clock = Stopwatch.StartNew();
        // 20 partitions of 10,050 rows: each frame passes 10,000 rows only at its partition's end, each partition holds
        // 5 × 10^7 elements, all of them 10^9. main counted the input's rows in a window DuckDB ran after the guarded one.
        string growing = $"SELECT count(g) FROM (SELECT dune_frame_budget(2) OVER (PARTITION BY x % 20 ORDER BY x ROWS UNBOUNDED PRECEDING) AS g FROM {Rows(201)} t) s";
        var error = Assert.ThrowsAny<Exception>(() => db.TranslatedRows(growing));
        Assert.Contains(DuneSqlTranslator.FrameRefusal("listagg"), error.Message, StringComparison.Ordinal);
        // A forward frame is largest first: refused as well.
        string forward = growing.Replace("ROWS UNBOUNDED PRECEDING", "ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING", StringComparison.Ordinal);
        Assert.Contains(DuneSqlTranslator.FrameRefusal("listagg"), Assert.ThrowsAny<Exception>(() => db.TranslatedRows(forward)).Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
    }

    [Fact]
    public void Small_frames_over_many_rows_and_one_partition_within_the_bound_answer()
    {
        using var db = new DuneSql.DuneSqlDb();
        // 10^6 frames of at most 101 rows: 10^8 elements, but no frame passes the row bound.
        Assert.Equal("1000000", db.TranslatedRows(
            $"SELECT count(g) FROM (SELECT dune_frame_budget(0) OVER (ORDER BY x ROWS BETWEEN 100 PRECEDING AND CURRENT ROW) AS g FROM {Rows(1000)} t) s")[0][0]);
        // One partition of 12,000 rows growing: 7.2 × 10^7 elements, within the element bound (the count is the
        // execution's, so on a database of its own).
        using var other = new DuneSql.DuneSqlDb();
        Assert.Equal("12000", other.TranslatedRows(
            $"SELECT count(g) FROM (SELECT dune_frame_budget(0) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) AS g FROM {Rows(12)} t) s")[0][0]);
    }
}
