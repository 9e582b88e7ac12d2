using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Strata.Core.Engine;
using Strata.Tests.DuneSql;
using Xunit.Abstractions;

namespace Strata.Tests;

/// <summary>
/// Small demo data generated now (as a fresh server does) in databases that run translated DuneSQL. The databases, and
/// the corpus runs' outcomes, are the test run's, not a class's (issue 11, test-speed): the three classes taking this
/// fixture each generated their own before. A class holds one database for its lifetime (<see cref="Db"/>, its tests
/// run one at a time) and gives it back when it ends; the corpus runs take the calling class's and the idle ones for their workers. Nothing
/// here writes to a database (the corpora and the classes' queries are reads), so which class had a database before
/// changes no outcome.
/// </summary>
public sealed class DemoDuneSqlFixture : IDisposable
{
    private const double Scale = 0.002;

    private static readonly Dictionary<string, IReadOnlyList<(string File, string? Failure)>> Runs = new(StringComparer.Ordinal);

    /// <summary>The generation time of every database here: the same scale and time give the same rows.</summary>
    private static readonly DateTimeOffset GeneratedAt = DateTimeOffset.UtcNow;

    /// <summary>Databases with the same demo data not held by a class or a corpus worker (made on demand, kept for the
    /// run: the process's end frees them).</summary>
    private static readonly ConcurrentBag<DuneSqlDb> Idle = [];

    /// <summary>How long the first database took to generate (the later ones take as long).</summary>
    private static TimeSpan? firstGeneration;

    internal DuneSqlDb Db { get; }

    public TimeSpan GenerationTime => firstGeneration ?? TimeSpan.Zero;

    public DemoDuneSqlFixture()
    {
        Db = Take();
    }

    /// <summary>
    /// Every file of a corpus (its path, in name order) run on the demo data, with the first line of its failure or null
    /// when all its statements completed. Run once per corpus for the tests that read the outcomes: no corpus query
    /// writes, so the outcomes do not depend on what ran before (a run of the real corpus takes about a minute). The files
    /// run over the cores, each worker on its own database holding the same generated rows.
    /// </summary>
    internal IReadOnlyList<(string File, string? Failure)> Run(string directory)
    {
        lock (Runs)
        {
            if (!Runs.TryGetValue(directory, out var outcomes))
            {
                string[] files = [.. Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal)];
                var failures = new string?[files.Length];
                // The class's own database is one of the workers': its class's tests run one at a time, and this is one of
                // them, so nothing else uses it meanwhile: a database less to generate (one took 121-258 s at load 80-120, test-speed12).
                var own = new ConcurrentBag<DuneSqlDb>([Db]);
                Parallel.For(
                    0,
                    files.Length,
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    () => own.TryTake(out var db) ? db : Take(),
                    (i, _, db) =>
                    {
                        try
                        {
                            foreach (string statement in DuneSqlCorpusTests.Statements(File.ReadAllText(files[i])))
                            {
                                db.Run(statement);
                            }
                        }
                        catch (Exception e) when (e is QueryFailedException or DuckDB.NET.Data.DuckDBException or InvalidOperationException)
                        {
                            failures[i] = (e is QueryFailedException q ? q.Error.Message : e.Message).Split('\n')[0];
                        }
                        return db;
                    },
                    db =>
                    {
                        if (db != Db)
                        {
                            Idle.Add(db);
                        }
                    });
                Runs[directory] = outcomes = [.. files.Select((file, i) => (file, failures[i]))];
            }
            return outcomes;
        }
    }

    private static DuneSqlDb Take()
    {
        if (Idle.TryTake(out var db))
        {
            return db;
        }
        var clock = Stopwatch.StartNew();
        db = new DuneSqlDb();
        db.GenerateDemoData(Scale, GeneratedAt);
        firstGeneration ??= clock.Elapsed;
        return db;
    }

    /// <summary>Gives the class's database back for the next class or corpus worker.</summary>
    public void Dispose() => Idle.Add(Db);
}

/// <summary>
/// Both DuneSQL corpora (Dune's docs examples and the real queries) run on the generated demo data itself, as a
/// user of a fresh server runs them: counts how many complete and which tables are missing; and Dune's docs
/// examples over the curated demo tables return rows.
/// </summary>
public sealed partial class DemoDataCorpusTests(DemoDuneSqlFixture fixture, ITestOutputHelper output) : IClassFixture<DemoDuneSqlFixture>
{
    private static string DuneSqlDirectory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "DuneSql");

    [GeneratedRegex(@"Table with name ""?([A-Za-z_0-9.]+)""? does not exist", RegexOptions.IgnoreCase)]
    private static partial Regex MissingTable();

    [Fact]
    public void Corpora_on_the_demo_data_miss_no_table_the_demo_should_have()
    {
        output.WriteLine($"generated at scale 0.002 in {fixture.GenerationTime.TotalSeconds:F1} s");
        var missing = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int total = 0, completed = 0;
        foreach (string corpus in new[] { "corpus", "corpus-real" })
        {
            var outcomes = fixture.Run(Path.Combine(DuneSqlDirectory(), corpus));
            foreach (var (file, failure) in outcomes.Where(o => o.Failure is not null))
            {
                var m = MissingTable().Match(failure!);
                if (m.Success)
                {
                    missing[m.Groups[1].Value] = missing.GetValueOrDefault(m.Groups[1].Value) + 1;
                }
                output.WriteLine($"{corpus}/{Path.GetFileName(file)}: {failure}");
            }
            int done = outcomes.Count(o => o.Failure is null);
            output.WriteLine($"{corpus}: {done} of {outcomes.Count} complete on the demo data");
            total += outcomes.Count;
            completed += done;
        }
        foreach (var (table, count) in missing.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"missing {table}: {count}");
        }
        // No corpus query may fail for want of a table: every table the corpora read is a demo table.
        Assert.Empty(missing);
        Assert.True(completed > total * 2 / 3, $"{completed} of {total}");
    }

    /// <summary>The real corpus on the demo data itself (rows, the demo's own column sets): every query whose tables
    /// the demo has completes there too, so a query copied from a dashboard runs on a fresh server. (Moved from
    /// DuneSqlCorpusTests: it reads the same run of the real corpus as the test above instead of running it again.)</summary>
    [Fact]
    public void Real_corpus_queries_complete_on_the_demo_data()
    {
        var demoTables = Strata.Engine.DuckDb.DemoData.Tables.Select(t => t.ToLowerInvariant()).ToHashSet();
        var failures = new List<string>();
        int ran = 0;
        foreach (var (file, failure) in fixture.Run(Path.Combine(DuneSqlDirectory(), "corpus-real")))
        {
            var tables = Regex.Matches(File.ReadAllText(file).ToLowerInvariant(), @"(?:from|join)\s+""?([a-z_0-9]+)""?\.""?([a-z_0-9]+)""?")
                .Select(m => m.Groups[1].Value + "." + m.Groups[2].Value);
            if (!tables.All(demoTables.Contains))
            {
                continue;
            }
            ran++;
            if (failure is not null)
            {
                failures.Add($"{Path.GetFileName(file)}: {failure}");
            }
        }
        output.WriteLine($"ran {ran} real-corpus queries on the demo data, {failures.Count} failed");
        Assert.True(ran >= 50, $"only {ran} real-corpus queries read demo tables alone");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>Dune's docs, data-catalog/curated/prices/prices_latest.mdx: native token prices through dune.blockchains.</summary>
    internal const string NativePricesExample = """
            -- Join with dune.blockchains to get native token prices
            SELECT
              b.name as blockchain,
              b.token_symbol as native_token_symbol,
              p.price as native_token_price,
              p.timestamp
            FROM dune.blockchains b
            JOIN prices.latest p
              ON p.blockchain = b.name
              AND p.contract_address = b.token_address
            WHERE b.name IN ('ethereum', 'arbitrum', 'optimism', 'polygon', 'gnosis', 'solana')
        """;

    /// <summary>Dune's docs examples (verbatim, dune-docs data-catalog pages) over the curated demo tables.</summary>
    public static TheoryData<string, string> DocsExamples => new()
    {
        {
            "data-catalog/evm/ethereum/raw/creation-traces.mdx",
            """
            select 
                date_trunc('day', block_time) as day,
                count(*)
            from ethereum.creation_traces
            group by 1
            order by 1 desc
            limit 10
            """
        },
        {
            "data-catalog/curated/nft-trades/evm/nft-transfers.mdx",
            """
            SELECT
                blockchain,
                contract_address,
                token_standard,
                COUNT(*) AS transfer_count
            FROM nft.transfers
            WHERE block_time > now() - interval '1' day
            GROUP BY 1, 2, 3
            ORDER BY transfer_count DESC
            LIMIT 50
            """
        },
        {
            "data-catalog/curated/nft-trades/evm/nft-metadata.mdx",
            """
            SELECT
                blockchain,
                contract_address,
                name,
                symbol
            FROM tokens.nft
            WHERE standard = 'erc721'
            """
        },
        { "data-catalog/curated/prices/prices_latest.mdx", NativePricesExample },
        {
            "data-catalog/curated/prices/prices_day.mdx",
            """
            -- First get the native token address
            WITH native_token AS (
              SELECT token_address
              FROM dune.blockchains
              WHERE name = 'ethereum'
            )
            -- Then use it to query the price
            SELECT
              timestamp,
              price
            FROM prices.day, native_token
            WHERE blockchain = 'ethereum'
            AND contract_address = token_address
            AND timestamp >= NOW() - INTERVAL '30' DAY
            ORDER BY timestamp
            """
        },
        {
            "data-catalog/curated/prices/overview.mdx",
            """
            -- Query to get the native token address for a specific blockchain
            SELECT 
              name,
              token_address,
              token_symbol
            FROM dune.blockchains
            WHERE name = 'arbitrum'
            """
        },
        {
            "data-catalog/curated/labels/ens-labels.mdx",
            """
            SELECT
              address,
              name
            FROM
              labels.ens
            WHERE
              name = 'vitalik.eth'
            """
        },
        {
            "api-reference/connectors/trino/sdks.mdx",
            "SELECT count(*) FROM base.transactions WHERE block_time > now() - interval '1' day"
        },
    };

    /// <summary>Real queries of the corpus over the other chains' tables (gnosischain's Dune queries), verbatim: rows, not just completion.</summary>
    [Theory]
    [InlineData("gc_total_transactions.sql")]
    [InlineData("gc_blocks.sql")]
    [InlineData("gc_tx_type_count.sql")]
    [InlineData("gc_total_fees.sql")]
    [InlineData("gc_weekly_new_users.sql")]
    [InlineData("gc_block_fullness_vs_priority_fee.sql")]
    [InlineData("gc_gas_price_position_cohort.sql")]
    public void Real_queries_over_another_chain_return_rows(string file)
    {
        var rows = fixture.Db.Rows(File.ReadAllText(Path.Combine(DuneSqlDirectory(), "corpus-real", file)));
        output.WriteLine($"{file}: {rows.Count} rows; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows[0], v => v is null or "" or "NULL");
    }

    [Theory]
    [MemberData(nameof(DocsExamples))]
    public void Docs_examples_over_the_curated_demo_tables_return_rows(string source, string sql)
    {
        var rows = fixture.Db.Rows(sql);
        output.WriteLine($"{source}: {rows.Count} rows; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.NotEmpty(rows);
    }
}
