using System.Diagnostics;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Views;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// The sixth hostile pass (docs/notes/hostile6.md): the DuneSQL translator's division rewrite writes each operand about
/// ten times, two levels deep, so <c>1/1/1</c> (5 characters) became 77,000 characters of DuckDB SQL. Nothing bounded the
/// translated text: a 30 KB saved query of them held 2 GB of the server's own process for 28 s when its pipeline plan
/// was asked for (1 MiB of them would be 13 billion characters), and chained divisions cost quadratic time to translate
/// (2,000 of them, 4 KB: 51 s) in a thread no request could stop.
/// </summary>
public sealed class Hostile6Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Divisions of columns, whose types the text does not fix (a literal's division takes its form from the
    /// text since decision 116 and stays short): each one is written with its bound-type probe.</summary>
    /// <summary>Terms of divisions, each its own column (a chain of them joined by + is refused as too deep since hostile24).</summary>
    private static string Divisions(int count) => "select " + string.Join(", ", Enumerable.Repeat("a/b/c", count));

    [Fact]
    public void A_text_whose_translation_passes_the_bound_fails_naming_it_without_building_it()
    {
        // 3,000 terms (6,000 probed divisions): 18 KB written, past 16 million characters translated.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(Divisions(3_000) + " from t"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("too long once translated", error.Message, StringComparison.Ordinal);
        Assert.Contains("16,777,216 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExecutionError.ExecutionFailed, error.Error.Type);
        Assert.True(allocated < 400L << 20, $"allocated {allocated >> 20} MB");
        // Within the bound the translation is as before.
        Assert.Contains("dune_num_key", DuneSqlTranslator.Translate(Divisions(100) + " from t").Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_side_table_reading_of_an_exploding_text_reads_its_names_in_bounded_memory()
    {
        // The pipeline plan reads a view's tables in the server's process: 5,000 terms (30 KB) of divisions are tens of
        // millions of characters translated. The translation stops at the parser's bound and the qualified names are read.
        string sql = Divisions(5_000) + " from dune.b.result_v";
        var tables = await Task.Run(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var found = new DuckDbStatementTables().TablesOf(sql, SqlDialect.DuneSql);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 256L << 20, $"allocated {allocated >> 20} MB");
            return found;
        }).WaitAsync(Bound);
        Assert.Contains(new TableReference("b", "result_v"), tables);
    }

    [Fact]
    public async Task A_translation_stops_once_its_token_is_cancelled_and_the_server_side_reading_has_a_time_budget()
    {
        // 3,000 chained divisions (6 KB): minutes of quadratic scans before the first character was written (before 116).
        string chain = "select " + string.Join("/", Enumerable.Repeat("x", 3_000)) + " from dune.b.result_v";
        // A cancelled token stops the translation at its next written piece.
        // (Since hostile24 the 3,000 levels are refused before translating: a chain within the depth bound is cancelled.)
        string shallow = "select " + string.Join("/", Enumerable.Repeat("x", 150)) + " from dune.b.result_v";
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Run(() => DuneSqlTranslator.Translate(shallow, new CancellationToken(canceled: true))).WaitAsync(Bound));
        // Cancelled after 200 ms, it ends within seconds: cancelled, or (on a quiet machine, before the 200 ms) refused at
        // the nesting bound; both outcomes raced in CI (a fixed order between them would be a timing assumption).
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        var stopped = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => DuneSqlTranslator.Translate(chain, cancel.Token)).WaitAsync(Bound));
        Assert.True(stopped is OperationCanceledException || stopped.Message.Contains("nests expressions too deeply", StringComparison.Ordinal)
            || stopped.Message.StartsWith("Expression nested too deeply", StringComparison.Ordinal), stopped.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        clock.Restart();
        var tables = await Task.Run(() => new DuckDbStatementTables().TablesOf(chain, SqlDialect.DuneSql)).WaitAsync(Bound);
        Assert.True(clock.Elapsed < DuckDbStatementTables.MaxTranslationTime + TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        // Since decision 116 each nested division is one level of the translation: 3,000 of them are refused as too deep
        // (the run fails naming the bound) or the budget ends first; either way the qualified names are read (hostile7).
        Assert.Contains(new TableReference("b", "result_v"), tables);
    }
}
