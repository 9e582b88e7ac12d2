using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Strata.Application;
using Strata.Application.Configuration;
using Strata.Application.Ingest;
using Strata.Application.Uploads;
using Strata.Core.Ingest;
using Strata.Core.Storage;
using Strata.Engine.DuckDb;
using Strata.Metadata.Sqlite;
using Strata.Node.JsonRpc;
using Strata.Storage.Files.Uploads;

namespace Strata.Cli;

/// <summary>
/// <c>strata ingest --rpc URL --chain NAME [--from N] [--to M]</c>: fills the chain's tables in the data
/// directory from its node. The server may run meanwhile (see docs/notes/ingest-core.md: the SQLite
/// metadata is shared through WAL transactions, one ingester per chain holds <c>ingest/&lt;chain&gt;.lock</c>,
/// and parts this process replaces are deleted only after a server query's longest run).
/// </summary>
public static class IngestCommands
{
    /// <summary>How long a part replaced by compaction stays on disk: the server's longest execution (30 min by default) and a margin.</summary>
    public static readonly TimeSpan DropGrace = TimeSpan.FromMinutes(35);

    public static Command Ingest(Option<string> dataDir)
    {
        var rpc = new Option<string>("--rpc") { Description = "The node's JSON-RPC URL (http or https)", Required = true };
        var chain = new Option<string>("--chain") { Description = "Chain name: the schema its tables get (lowercase identifier, e.g. devnet)", Required = true };
        var from = new Option<long?>("--from") { Description = "First block (default: after the stored blocks, or 0)" };
        var to = new Option<long?>("--to") { Description = "Last block (default: the node's head when it starts)" };
        var concurrency = new Option<int>("--max-concurrency") { Description = "HTTP requests in flight at once", DefaultValueFactory = _ => 8 };
        var rps = new Option<double?>("--rps") { Description = "JSON-RPC calls per second at most (each call of a batch counts)" };
        var batch = new Option<int>("--batch-blocks") { Description = "Blocks per commit at most", DefaultValueFactory = _ => IngestRequest.DefaultBatchBlocks };
        var batchRows = new Option<long>("--batch-rows")
        {
            Description = "Rows per commit at most, all tables together (a commit ends at --batch-blocks blocks or this many rows, whichever comes first)",
            DefaultValueFactory = _ => IngestRequest.DefaultBatchRows,
        };
        var follow = new Option<bool>("--follow") { Description = "Keep up with the head after the stored data catches up, until interrupted (walks back through reorgs)" };
        var reorgDepth = new Option<int>("--max-reorg-depth") { Description = "Stored blocks a reorg may replace while following (a deeper one stops with an error)", DefaultValueFactory = _ => 64 };
        var command = new Command("ingest", "Ingest an EVM chain from its node's JSON-RPC into <chain>.blocks, .transactions, .logs, .traces and erc20_<chain>.evt_Transfer")
        {
            dataDir, rpc, chain, from, to, concurrency, rps, batch, batchRows, follow, reorgDepth,
        };
        command.SetAction(async (parse, ct) =>
        {
            var request = new IngestRequest(parse.GetValue(chain)!, parse.GetValue(from), parse.GetValue(to)) { BatchBlocks = parse.GetValue(batch), BatchRows = parse.GetValue(batchRows) };
            var settings = Settings(parse.GetValue(rpc)!, parse.GetValue(concurrency), parse.GetValue(rps), request);
            FollowOptions? following = null;
            if (parse.GetValue(follow))
            {
                if (request.To is not null)
                {
                    throw new CliFailure(ExitCodes.Usage, "--follow and --to exclude each other: following has no last block");
                }
                if (parse.GetValue(reorgDepth) is < 1 or > 100_000)
                {
                    throw new CliFailure(ExitCodes.Usage, "--max-reorg-depth must be 1 to 100000");
                }
                following = new FollowOptions { MaxReorgDepth = parse.GetValue(reorgDepth) };
            }
            bool terminal = !Console.IsOutputRedirected && !Console.IsErrorRedirected;
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)
                .SetMinimumLevel(terminal ? LogLevel.Warning : LogLevel.Information));
            var status = await RunAsync(parse.GetValue(dataDir)!, settings, request, loggers, terminal ? AnsiConsole.Console : null, ct, following).ConfigureAwait(false);
            Console.WriteLine(Summary(status));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static RpcSettings Settings(string url, int concurrency, double? rps, IngestRequest request)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            throw new CliFailure(ExitCodes.Usage, "--rpc must be an http or https URL");
        }
        if (concurrency is < 1 or > 1024)
        {
            throw new CliFailure(ExitCodes.Usage, "--max-concurrency must be 1 to 1024");
        }
        if (rps is <= 0)
        {
            throw new CliFailure(ExitCodes.Usage, "--rps must be more than 0");
        }
        if (request.BatchBlocks is < 1 or > 100_000)
        {
            throw new CliFailure(ExitCodes.Usage, "--batch-blocks must be 1 to 100000");
        }
        if (request.BatchRows is < 1 or > 10_000_000)
        {
            throw new CliFailure(ExitCodes.Usage, "--batch-rows must be 1 to 10000000");
        }
        if (request.To is long t && (t < 0 || request.From is long f && f > t))
        {
            throw new CliFailure(ExitCodes.Usage, "--to must be a block number at or after --from");
        }
        return new RpcSettings(endpoint) { MaxConcurrency = concurrency, RequestsPerSecond = rps };
    }

    /// <summary>Ingests into the data directory under the chain's lock; shows progress on <paramref name="live"/> when given.</summary>
    /// <remarks>With <paramref name="follow"/>, follows the head until <paramref name="ct"/> is cancelled.</remarks>
    public static async Task<IngestStatus> RunAsync(string dataDir, RpcSettings settings, IngestRequest request, ILoggerFactory loggers, IAnsiConsole? live, CancellationToken ct, FollowOptions? follow = null)
    {
        if (!ChainSchema.IsValidName(request.Chain))
        {
            throw new CliFailure(ExitCodes.Usage,
                $"--chain '{request.Chain}' is not valid: it becomes a schema, so it must be a lowercase identifier (a letter, then letters, digits or _), at most {ChainSchema.MaxNameLength} characters");
        }
        Directory.CreateDirectory(dataDir);
        using var held = ChainLock.TryAcquire(dataDir, request.Chain)
            ?? throw new CliFailure(ExitCodes.Usage, $"chain {request.Chain} is being ingested into {dataDir} by another process");
        var store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
        try
        {
            await store.InitializeAsync(ct).ConfigureAwait(false);
        }
        catch (MetadataSchemaTooNewException e)
        {
            throw new CliFailure(ExitCodes.Usage, e.Message);
        }
        var files = new PartFiles(Path.Combine(dataDir, "uploads"), DropGrace);
        using var loader = new DuckDbTableLoader(new DuckDbLimits(Math.Max(1, Environment.ProcessorCount), "2GB", Path.Combine(dataDir, "tmp", "ingest-" + request.Chain)));
        using var node = new JsonRpcNode(settings);
        var compactor = new PartCompactor(store, loader, files, Options.Create(new TableQuotaOptions()), NullLogger<PartCompactor>.Instance);
        var ingest = new ChainIngest(node, store, store, files, loader, compactor, TimeProvider.System, loggers.CreateLogger<ChainIngest>());
        var progress = new IngestProgress(request.Chain, TimeProvider.System);
        try
        {
            var chain = await ingest.OpenAsync(request.Chain, ct).ConfigureAwait(false);
            files.SweepChainTables(chain.Tables.Values.Select(t => t.Id), await store.AllPartFilesAsync(ct).ConfigureAwait(false), DropGrace);
            var run = follow is null ? ingest.RunAsync(request, progress, ct) : FollowAsync(ingest, node, store, files, loader, request, follow, progress, loggers, ct);
            if (live is null)
            {
                return await run.ConfigureAwait(false);
            }
            return await ShowProgressAsync(live, run, progress).ConfigureAwait(false);
        }
        catch (UseCaseException e)
        {
            throw new CliFailure(ExitCodes.Usage, e.Message);
        }
        catch (ChainNodeException e)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"{e.Message} (blocks up to {progress.Snapshot().LastCommitted?.ToString(CultureInfo.InvariantCulture) ?? "none"} are committed; run again to resume)");
        }
        catch (HttpRequestException e)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"the node could not be reached: {e.Message}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.Interrupted, $"interrupted: {Summary(progress.Snapshot())}; run again to resume");
        }
    }

    private static async Task<IngestStatus> FollowAsync(ChainIngest ingest, JsonRpcNode node, SqliteMetadataStore store, PartFiles files, DuckDbTableLoader loader,
        IngestRequest request, FollowOptions follow, IngestProgress progress, ILoggerFactory loggers, CancellationToken ct)
    {
        var follower = new ChainFollower(ingest, node, store, files, loader, TimeProvider.System, loggers.CreateLogger<ChainFollower>());
        await follower.RunAsync(request, follow, progress, ct).ConfigureAwait(false);
        return progress.Snapshot();
    }

    private static async Task<IngestStatus> ShowProgressAsync(IAnsiConsole console, Task<IngestStatus> run, IngestProgress progress)
    {
        await console.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(progress.Chain);
                while (true)
                {
                    var s = progress.Snapshot();
                    if (s.Target is long target)
                    {
                        long first = (s.LastCommitted ?? -1) - s.Blocks + 1;
                        task.MaxValue = Math.Max(1, target - first + 1);
                        task.Value = s.Blocks;
                    }
                    task.Description = Markup.Escape(Line(s));
                    if (run.IsCompleted)
                    {
                        task.Value = task.MaxValue;
                        return;
                    }
                    await Task.WhenAny(run, Task.Delay(250)).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        return await run.ConfigureAwait(false);
    }

    /// <summary>The progress line: current block, rates and ETA.</summary>
    public static string Line(IngestStatus s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Chain} block {s.LastCommitted?.ToString(CultureInfo.InvariantCulture) ?? "-"}/{s.Target?.ToString(CultureInfo.InvariantCulture) ?? "?"} · {s.BlocksPerSecond:F0} blocks/s · {s.RowsPerSecond:F0} rows/s · ETA {(s.Eta is { } eta ? eta.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "-")}");

    private static string Summary(IngestStatus s) => string.Create(CultureInfo.InvariantCulture,
        $"chain {s.Chain}: {s.Blocks} blocks, {s.Rows} rows ingested ({s.BlocksPerSecond:F1} blocks/s, {s.RowsPerSecond:F0} rows/s); stored blocks end at {s.LastCommitted?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
}
