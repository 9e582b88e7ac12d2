using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;
using Xunit.Abstractions;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Real DuneSQL from public sources (corpus/*.sql, each naming its source), translated and run on
/// empty tables with Dune's column names and types. Reports how many complete and what translation costs.
/// </summary>
public sealed partial class DuneSqlCorpusTests(ITestOutputHelper output)
{
    /// <summary>Dune's column sets (as DuckDB types) for the tables the corpus reads.</summary>
    internal const string Schema = """
        CREATE SCHEMA ethereum; CREATE SCHEMA erc20_ethereum; CREATE SCHEMA tokens; CREATE SCHEMA prices; CREATE SCHEMA dex;
        CREATE SCHEMA dex_aggregator; CREATE SCHEMA labels;
        CREATE TABLE ethereum.transactions (block_time TIMESTAMPTZ, block_number BIGINT, value BIGNUM, gas_limit BIGINT, gas_price BIGINT,
          gas_used BIGINT, max_fee_per_gas BIGINT, max_priority_fee_per_gas BIGINT, priority_fee_per_gas BIGINT, nonce BIGINT, "index" BIGINT,
          success BOOLEAN, "from" BLOB, "to" BLOB, block_hash BLOB, data BLOB, hash BLOB, type VARCHAR,
          access_list STRUCT(address BLOB, storageKeys BLOB[])[], chain_id BIGINT, block_date DATE, max_fee_per_blob_gas BIGINT,
          blob_versioned_hashes BLOB[]);
        CREATE TABLE ethereum.logs (block_time TIMESTAMPTZ, block_number BIGINT, block_hash BLOB, contract_address BLOB, topic0 BLOB, topic1 BLOB,
          topic2 BLOB, topic3 BLOB, data BLOB, tx_hash BLOB, "index" BIGINT, tx_index BIGINT, block_date DATE, tx_from BLOB, tx_to BLOB);
        CREATE TABLE ethereum.blocks (time TIMESTAMPTZ, number BIGINT, gas_limit BIGINT, gas_used BIGINT, miner BLOB, difficulty BIGINT,
          total_difficulty BIGNUM, nonce BLOB, size BIGINT, base_fee_per_gas BIGINT, hash BLOB, parent_hash BLOB, date DATE,
          blob_gas_used BIGINT, excess_blob_gas BIGINT, parent_beacon_block_root BLOB);
        CREATE TABLE ethereum.traces (block_time TIMESTAMPTZ, block_number BIGINT, value BIGNUM, gas BIGINT, gas_used BIGINT, block_hash BLOB,
          success BOOLEAN, tx_index BIGINT, sub_traces BIGINT, error VARCHAR, tx_success BOOLEAN, tx_hash BLOB, "from" BLOB, "to" BLOB,
          trace_address BIGINT[], type VARCHAR, address BLOB, code BLOB, call_type VARCHAR, input BLOB, output BLOB, refund_address BLOB, block_date DATE);
        CREATE TABLE erc20_ethereum.evt_Transfer (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB, evt_tx_index BIGINT,
          evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, "from" BLOB, "to" BLOB, value BIGNUM);
        CREATE TABLE tokens.erc20 (blockchain VARCHAR, contract_address BLOB, symbol VARCHAR, decimals INTEGER, name VARCHAR);
        CREATE TABLE prices.usd (minute TIMESTAMPTZ, blockchain VARCHAR, contract_address BLOB, decimals INTEGER, symbol VARCHAR, price DOUBLE);
        CREATE TABLE prices.minute (timestamp TIMESTAMPTZ, blockchain VARCHAR, contract_address BLOB, decimals INTEGER, symbol VARCHAR, price DOUBLE, volume DOUBLE, source VARCHAR);
        CREATE TABLE prices.hour AS SELECT * FROM prices.minute; CREATE TABLE prices.day AS SELECT * FROM prices.minute;
        CREATE TABLE dex.trades (blockchain VARCHAR, project VARCHAR, version VARCHAR, block_month DATE, block_date DATE, block_time TIMESTAMPTZ,
          block_number BIGINT, token_bought_symbol VARCHAR, token_sold_symbol VARCHAR, token_pair VARCHAR, token_bought_amount DOUBLE,
          token_sold_amount DOUBLE, token_bought_amount_raw BIGNUM, token_sold_amount_raw BIGNUM, amount_usd DOUBLE, token_bought_address BLOB,
          token_sold_address BLOB, taker BLOB, maker BLOB, project_contract_address BLOB, tx_hash BLOB, tx_from BLOB, tx_to BLOB, evt_index BIGINT);
        CREATE TABLE dex_aggregator.trades (blockchain VARCHAR, project VARCHAR, version VARCHAR, block_date DATE, block_month DATE,
          block_time TIMESTAMPTZ, token_bought_symbol VARCHAR, token_sold_symbol VARCHAR, token_pair VARCHAR, token_bought_amount DOUBLE,
          token_sold_amount DOUBLE, token_bought_amount_raw BIGNUM, token_sold_amount_raw BIGNUM, amount_usd DOUBLE, token_bought_address BLOB,
          token_sold_address BLOB, taker BLOB, maker BLOB, project_contract_address BLOB, tx_hash BLOB, tx_from BLOB, tx_to BLOB,
          trace_address BIGINT[], evt_index BIGINT);
        CREATE TABLE tokens.transfers (unique_key VARCHAR, blockchain VARCHAR, block_month DATE, block_date DATE, block_time TIMESTAMPTZ,
          block_number BIGINT, tx_hash BLOB, evt_index BIGINT, trace_address BIGINT[], token_standard VARCHAR, tx_from BLOB, tx_to BLOB,
          tx_index BIGINT, "from" BLOB, "to" BLOB, contract_address BLOB, symbol VARCHAR, amount_raw BIGNUM, amount DOUBLE, price_usd DOUBLE,
          amount_usd DOUBLE);
        CREATE TABLE prices.latest (blockchain VARCHAR, contract_address BLOB, symbol VARCHAR, price DOUBLE, decimals INTEGER,
          timestamp TIMESTAMPTZ, volume DOUBLE, source VARCHAR);
        CREATE TABLE prices.usd_latest (blockchain VARCHAR, contract_address BLOB, decimals INTEGER, symbol VARCHAR, minute TIMESTAMPTZ, price DOUBLE);
        CREATE TABLE labels.addresses (blockchain VARCHAR, address BLOB, name VARCHAR, category VARCHAR, contributor VARCHAR, source VARCHAR,
          created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, model_name VARCHAR, label_type VARCHAR);
        CREATE TABLE ethereum.contracts (abi_id VARCHAR, abi JSON, address BLOB, "from" BLOB, code BLOB, name VARCHAR, namespace VARCHAR,
          dynamic BOOLEAN, base BOOLEAN, factory BOOLEAN, detection_source VARCHAR, created_at TIMESTAMPTZ);
        """;

    private static string CorpusDirectory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "corpus");

    private static string RealCorpusDirectory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "corpus-real");

    [Fact]
    public void Every_real_corpus_file_names_its_source()
    {
        var files = Directory.GetFiles(RealCorpusDirectory(), "*.sql");
        Assert.True(files.Length >= 60, $"the real corpus has {files.Length} files");
        Assert.All(files, f => Assert.StartsWith("-- Source: ", File.ReadAllText(f), StringComparison.Ordinal));
    }

    /// <summary>Real queries written by others (dashboards' query repositories, spellbook models), not the docs'
    /// examples: every one must complete on Dune-shaped tables.</summary>
    [Fact]
    public void Every_real_corpus_query_completes()
    {
        var (completed, failures) = RunAll(RealCorpusDirectory());
        Assert.True(failures.Count == 0, $"completed {completed}; failed:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public void Every_corpus_file_names_its_source()
    {
        var files = Directory.GetFiles(CorpusDirectory(), "*.sql");
        Assert.True(files.Length >= 60, $"the corpus has {files.Length} files");
        Assert.All(files, f => Assert.StartsWith("-- Source: ", File.ReadAllText(f), StringComparison.Ordinal));
    }

    [Fact]
    public void Corpus_runs_through_translation_and_DuckDB()
    {
        var (completed, failures) = RunAll(CorpusDirectory());
        Assert.True(completed >= MinimumCompleted, $"completed {completed}:\n{string.Join('\n', failures)}");
    }

    /// <summary>Runs every file of a corpus over the cores, one database with the schema per worker (no corpus query
    /// writes, so a file's outcome does not depend on what ran before it on the same database).</summary>
    private (int Completed, List<string> Failures) RunAll(string directory)
    {
        var files = Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal).ToArray();
        var failed = new ConcurrentBag<string>();
        Parallel.ForEach(
            Partitioner.Create(files, loadBalance: true),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new DuneSqlDb(Schema + MoreSchema),
            (file, _, db) =>
            {
                try
                {
                    foreach (string statement in Statements(File.ReadAllText(file)))
                    {
                        db.Run(statement);
                    }
                }
                catch (Exception e) when (e is QueryFailedException or DuckDB.NET.Data.DuckDBException or InvalidOperationException)
                {
                    string message = e is QueryFailedException q ? q.Error.Message : e.Message;
                    failed.Add($"{Path.GetFileName(file)}: {message.Split('\n')[0]}");
                }
                return db;
            },
            db => db.Dispose());
        var failures = failed.Order(StringComparer.Ordinal).ToList();
        int completed = files.Length - failures.Count;
        output.WriteLine($"completed {completed} of {files.Length}");
        foreach (var f in failures)
        {
            output.WriteLine(f);
        }
        return (completed, failures);
    }

    /// <summary>A docs example may hold several statements: split at top-level semicolons (by tokens, not text).</summary>
    internal static IEnumerable<string> Statements(string text)
    {
        int start = 0;
        foreach (var token in DuneLexer.Lex(text))
        {
            if (token.Kind == DuneTokenKind.Symbol && text[token.Start] == ';')
            {
                yield return text[start..token.Start];
                start = token.End;
            }
        }
        var rest = DuneLexer.Lex(text[start..]);
        if (rest.Any(t => !t.IsTrivia))
        {
            yield return text[start..];
        }
    }

    /// <summary>Raised as the translator grows; a drop below it is a regression.</summary>
    private const int MinimumCompleted = 193;

    /// <summary>Cut-off text (unbalanced parentheses, unterminated strings, half a call) is refused
    /// or passed on for DuckDB to report; the translator itself never throws anything else (a 500).</summary>
    [Fact]
    public void Every_prefix_of_every_corpus_query_translates_or_is_refused()
    {
        var files = Directory.GetFiles(CorpusDirectory(), "*.sql").Concat(Directory.GetFiles(RealCorpusDirectory(), "*.sql"));
        var texts = files.Select(File.ReadAllText).ToList();
        Assert.True(texts.Count >= 120, $"the corpora have {texts.Count} files");
        // Translation is a pure function, so the prefixes are independent: over the cores. A prefix costs about its length,
        // so every third prefix of every file cost the files' lengths squared over six: 2.6 × 10^9 characters translated
        // for the 1,457 files of 2026-12-07, 1,175 s of the run under load, the case that took CI past its 90 minutes. Each
        // file is now cut at most MaxPrefixesPerFile times, every third character of a short file as before, a long file at
        // a stride that spreads the cuts over its whole length, starting at an offset of the file's own (its length), so
        // the cuts of files of similar lengths fall on different characters.
        var runs = PrefixRuns(texts, cost: 16_000_000).OrderByDescending(run => run.Cost).ToList();
        Parallel.ForEach(Partitioner.Create(runs, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, run =>
        {
            for (int length = run.From; length <= run.To; length += run.Step)
            {
                string prefix = run.Text[..length];
                try
                {
                    var translation = DuneSqlTranslator.Translate(prefix);
                    Assert.InRange(translation.ToUserOffset(translation.Sql.Length), 0, Math.Max(0, prefix.Length));
                }
                catch (QueryFailedException)
                {
                }
            }
        });
        Assert.Equal(texts.Sum(text => PrefixLengths(text).Count()), runs.Sum(run => (run.To - run.From) / run.Step + 1));
        Assert.All(texts, text => Assert.InRange(PrefixLengths(text).Count(), Math.Min(text.Length / 3, MaxPrefixesPerFile / 2), MaxPrefixesPerFile + 1));
    }

    /// <summary>The most prefixes of one corpus file that <see cref="Every_prefix_of_every_corpus_query_translates_or_is_refused"/> translates.</summary>
    internal const int MaxPrefixesPerFile = 240;

    /// <summary>The prefix lengths of a text that are translated: every third one up to 3 × <see cref="MaxPrefixesPerFile"/>
    /// characters, past that a stride of the length over <see cref="MaxPrefixesPerFile"/>, from an offset below the stride.</summary>
    internal static IEnumerable<int> PrefixLengths(string text)
    {
        int step = PrefixStep(text);
        for (int length = text.Length % step; length <= text.Length; length += step)
        {
            yield return length;
        }
    }

    private static int PrefixStep(string text) => Math.Max(3, (text.Length + MaxPrefixesPerFile - 1) / MaxPrefixesPerFile);

    /// <summary>The prefix lengths of each text (<see cref="PrefixLengths"/>) in runs of consecutive lengths whose summed
    /// length passes <paramref name="cost"/> by at most one prefix: no length is in two runs or in none. <c>To</c> is the
    /// run's last length.</summary>
    internal static IEnumerable<(string Text, int From, int To, int Step, long Cost)> PrefixRuns(IEnumerable<string> texts, long cost)
    {
        foreach (string text in texts)
        {
            int step = PrefixStep(text);
            int from = text.Length % step;
            long sum = 0;
            for (int length = from; length <= text.Length; length += step)
            {
                sum += length;
                if (sum >= cost || length + step > text.Length)
                {
                    yield return (text, from, length, step, sum);
                    from = length + step;
                    sum = 0;
                }
            }
        }
    }

    [Fact]
    public void Translation_cost_over_the_corpus()
    {
        var texts = Directory.GetFiles(CorpusDirectory(), "*.sql").Select(File.ReadAllText).ToArray();
        foreach (var t in texts)
        {
            Translate(t);
        }
        var times = new List<double>();
        for (int round = 0; round < 20; round++)
        {
            foreach (var t in texts)
            {
                long start = Stopwatch.GetTimestamp();
                Translate(t);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        times.Sort();
        double p50 = times[times.Count / 2], p99 = times[(int)(times.Count * 0.99)];
        output.WriteLine($"translation over {texts.Length} queries x 20: p50 {p50:F4} ms, p99 {p99:F4} ms");
        Assert.True(p50 < 2, $"p50 {p50} ms");
    }

    private static void Translate(string sql)
    {
        try
        {
            DuneSqlTranslator.Translate(sql);
        }
        catch (QueryFailedException)
        {
            // a refused function costs the same scan
        }
    }
}
