using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// The tenth hostile pass (docs/notes/hostile10.md): the column resolver the DuneSQL translator gained in decision 138
/// (dune-types7), which reads a statement's query blocks, CTEs and subqueries to type a division's column operands.
/// It runs in the engine worker (in process when workers are off) before DuckDB sees the text.
/// </summary>
public sealed class Hostile10Tests
{
    /// <summary>A guard against a hang; the tests' bounds are the translating thread's processor time.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string?> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["number"] = "BIGINT", ["gas_used"] = "BIGINT",
    };

    private static IReadOnlyDictionary<string, string?>? Catalog(string schema, string table) =>
        schema == "ethereum" && table == "blocks" ? Blocks : null;

    /// <summary>Translates on a thread of a fixed 1 MiB stack (less than a worker's), so that the result does not depend on
    /// the test runner's thread; an overflow would end the test host, as it aborted the engine worker.</summary>
    /// <summary>The translation on a thread of 1 MB of stack, and the processor time that thread used for it (the work,
    /// which a loaded machine does not stretch as it stretches the wall clock: test-speed7).</summary>
    private static async Task<(DuneTranslation Translation, TimeSpan Cpu)> TranslateOnSmallStack(string sql)
    {
        var done = new TaskCompletionSource<(DuneTranslation, TimeSpan)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                var cpu = ThreadCpu.StartNew();
                var translation = DuneSqlTranslator.Translate(sql, default, Catalog);
                done.SetResult((translation, cpu.Elapsed));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }, 1024 * 1024) { IsBackground = true };
        thread.Start();
        return await done.Task.WaitAsync(Bound);
    }

    /// <summary>A CTE's output column is typed by reading its body, and a body's column by the CTE it reads: one recursion
    /// per link. 30,000 CTEs each selecting from the one before (a 1 MB text) overflowed the stack: the engine worker
    /// aborted with SIGABRT ("Stack overflow.") and the execution failed as the worker's crash; with workers off, the
    /// server process itself. Past <see cref="MaxLinks"/> links the column is unknown and the probe decides. A WITH clause
    /// of more than <see cref="DuneSqlTranslator.MaxWithQueries"/> queries is refused before any typing (decision 341), so
    /// the longest chain typed is that bound's.</summary>
    [Theory]
    [InlineData(DuneSqlTranslator.MaxWithQueries)]
    [InlineData(200)]
    public async Task A_long_chain_of_CTEs_is_typed_without_recursing_once_per_link(int links)
    {
        string sql = Chain(links, "select x / 2 from c{0}");
        var (translation, cpu) = await TranslateOnSmallStack(sql);
        // The division is written whether the chain's type is read through (347's column scopes) or left to the probe.
        Assert.Contains("c" + (links - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), translation.Sql, StringComparison.Ordinal);
        Assert.True(cpu < TimeSpan.FromSeconds(60), $"took {cpu} of processor time");
    }

    private const int MaxLinks = 64;

    /// <summary>The 30,000-link chain is refused at once, in the words of the WITH clause's bound (decision 341), on the
    /// small stack that its typing once overflowed.</summary>
    [Fact]
    public async Task A_chain_of_thirty_thousand_CTEs_is_refused_by_the_WITH_bound()
    {
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => TranslateOnSmallStack(Chain(30_000, "select x / 2 from c{0}")));
        Assert.StartsWith("The WITH clause has 30000 queries; Strata allows at most 900 ", error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_chain_of_CTEs_is_still_typed_from_the_catalog()
    {
        var (translation, _) = await TranslateOnSmallStack(Chain(MaxLinks - 2, "select x / 2 from c{0}"));
        Assert.DoesNotContain("dune_num_key", translation.Sql, StringComparison.Ordinal);
    }

    private static string Chain(int links, string last) =>
        "with c0 as (select number as x from ethereum.blocks), "
        + string.Join(", ", Enumerable.Range(1, links - 1).Select(i => $"c{i} as (select x from c{i - 1})"))
        + " " + string.Format(System.Globalization.CultureInfo.InvariantCulture, last, links - 1);

    /// <summary>Scans of the resolver that were quadratic in a 1 MB text: each of 140,000 SELECTs at one depth scanned to the
    /// end of the text for its clauses (10,000 took a worker 89 s; 140,000 ran past a 4 min timeout, and would have held it
    /// for the whole 30 min), and each of 150,000 arrows read every name inside the parentheses before it.</summary>
    [Theory]
    [InlineData("select number / 2 from ethereum.blocks {0}", "select ", 140_000)]
    [InlineData("select number / 2 from ethereum.blocks where {0}a{1}", "(|) -> 1", 150_000)]
    [InlineData("select number / gas_used from ethereum.blocks{0}", " union all select number / gas_used from ethereum.blocks", DuneSqlTranslator.MaxSetOperationTerms - 1)]
    public async Task The_column_resolver_reads_a_statement_in_linear_time(string shape, string repeated, int count)
    {
        string[] parts = repeated.Split('|');
        string sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape,
            string.Concat(Enumerable.Repeat(parts[0], count)), parts.Length > 1 ? string.Concat(Enumerable.Repeat(parts[1], count)) : "");
        var (_, cpu) = await TranslateOnSmallStack(sql); // DuckDB's parser refuses the first two afterwards
        Assert.True(cpu < TimeSpan.FromSeconds(30), $"took {cpu} of processor time");
    }
}
