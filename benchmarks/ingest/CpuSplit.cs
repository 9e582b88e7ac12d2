using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Strata.Application.Ingest;
using Strata.Core.Ingest;
using Strata.Engine.DuckDb;
using Strata.Node.JsonRpc;
using Strata.Storage.Files;

namespace Strata.IngestBench;

/// <summary>
/// Load-independent figures of the ingester's own work, on a node's answers saved once (<see cref="Record"/>) and replayed
/// in process (no node, no network): the CPU time of the JSON-RPC adapter reading the answers ("parse", the ingester's
/// share of the fetch-only client's work) against the CPU time of reading, mapping and writing them as committed parts
/// ("ingest"), of reading and mapping them to rows without writing ("map"), and of reading, mapping and appending them
/// without writing the Parquet parts ("append": the writers are emptied where "ingest" writes), in rounds that alternate the order, in one process. CPU time (the process's, user + system) is what each
/// piece of work costs whatever the other processes on the machine do; wall time is reported beside it.
/// Then one-block commits (the head): five parts written and made durable three ways in turn: the way before ingest8
/// (per part: a temporary name, fsync, rename, directory fsync); all the parts written, then one round of every file's and
/// directory's fsync at once; and ingest8's (per part: written and renamed, then its file's and its directory's fsync at
/// once, <see cref="DuckDbTableLoader.SyncAsync"/>, while the other parts are still being written).
/// </summary>
public static class CpuSplit
{
    public sealed record Saved(Dictionary<string, byte[]> Answers, List<long[]> Ranges);

    /// <summary>The answers to the ingester's requests for blocks 0..head, 10 blocks a request, as the adapter sends them.</summary>
    public static async Task<Saved> Record(Uri node, long head, int requestBlocks, CancellationToken ct)
    {
        var answers = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var recorder = new Replay(answers, new SocketsHttpHandler());
        using var rpc = new JsonRpcNode(new RpcSettings(node), handler: recorder);
        var ranges = Ranges(head, requestBlocks);
        foreach (var range in ranges)
        {
            await FetchAsync(rpc, range, ct);
        }
        return new Saved(answers, ranges);
    }

    private static List<long[]> Ranges(long head, int requestBlocks)
    {
        var ranges = new List<long[]>();
        for (long first = 0; first <= head; first += requestBlocks)
        {
            long last = Math.Min(head, first + requestBlocks - 1);
            ranges.Add([.. Enumerable.Range(0, (int)(last - first + 1)).Select(i => first + i)]);
        }
        return ranges;
    }

    private static async Task<List<FetchedBlock>> FetchAsync(JsonRpcNode rpc, long[] range, CancellationToken ct)
    {
        var blocks = await rpc.BlocksAsync(range, ct);
        var receipts = await rpc.BlockReceiptsAsync(range, ct);
        var traces = await rpc.TraceBlocksAsync(range, ct);
        return [.. blocks.Select((b, i) => new FetchedBlock(b ?? throw new InvalidOperationException($"block {range[i]} missing"), receipts[i], traces[i]))];
    }

    /// <summary>Rounds of parse, map and ingest (the order reversed every other round), and the one-block commits; prints markdown.</summary>
    public static async Task RunAsync(Saved saved, int rounds, int commitBlocks, int headCommits, string workDirectory, CancellationToken ct)
    {
        var endpoint = new Uri("http://127.0.0.1:9/");
        Directory.CreateDirectory(workDirectory);
        using var loader = new DuckDbTableLoader(new DuckDbLimits(1, "1GB", Path.Combine(workDirectory, "duckdb-tmp")));
        long bytes = saved.Answers.Values.Sum(a => (long)a.Length);
        Console.WriteLine($"Saved answers: {saved.Ranges.Sum(r => r.Length)} blocks, {saved.Answers.Count} requests, {bytes / 1e6:F1} MB.\n");
        Console.WriteLine("| round | work | CPU s | wall s | rows (parse: blocks) | CPU ratio parse / this |\n|---|---|---|---|---|---|");
        for (int round = 1; round <= rounds; round++)
        {
            var results = new Dictionary<string, (TimeSpan Cpu, TimeSpan Wall, long Rows)>();
            foreach (string work in round % 2 == 1 ? new[] { "parse", "map", "append", "ingest" } : ["ingest", "append", "map", "parse"])
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                using var replay = new Replay(saved.Answers, null);
                using var rpc = new JsonRpcNode(new RpcSettings(endpoint), handler: replay);
                string parts = Path.Combine(workDirectory, "parts-" + round.ToString(CultureInfo.InvariantCulture));
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                long rows = work switch
                {
                    "parse" => await ParseAsync(rpc, saved, ct),
                    "map" => await MapAsync(rpc, saved, ct),
                    "append" => await IngestAsync(rpc, saved, loader, null, commitBlocks, ct),
                    _ => await IngestAsync(rpc, saved, loader, parts, commitBlocks, ct),
                };
                results[work] = (Process.GetCurrentProcess().TotalProcessorTime - cpu, wall.Elapsed, rows);
                if (Directory.Exists(parts))
                {
                    Directory.Delete(parts, recursive: true);
                }
            }
            foreach (var (work, r) in results)
            {
                string ratio = work == "parse" ? "" : (results["parse"].Cpu / r.Cpu).ToString("F2", CultureInfo.InvariantCulture);
                Console.WriteLine($"| {round} | {work} | {r.Cpu.TotalSeconds:F2} | {r.Wall.TotalSeconds:F2} | {r.Rows} | {ratio} |");
            }
        }
        if (headCommits > 0)
        {
            await HeadCommitsAsync(saved, loader, headCommits, Path.Combine(workDirectory, "head"), ct);
        }
    }

    private static async Task<long> ParseAsync(JsonRpcNode rpc, Saved saved, CancellationToken ct)
    {
        long blocks = 0;
        foreach (var range in saved.Ranges)
        {
            blocks += (await FetchAsync(rpc, range, ct)).Count;
        }
        return blocks;
    }

    private static async Task<long> MapAsync(JsonRpcNode rpc, Saved saved, CancellationToken ct)
    {
        long rows = 0;
        foreach (var range in saved.Ranges)
        {
            rows += ChainRows.From(await FetchAsync(rpc, range, ct)).Count;
        }
        return rows;
    }

    /// <summary>Parse, map and append; then, every <paramref name="commitBlocks"/>, write the parts, or (no directory: the
    /// "append" work) empty the writers, so that the two works differ only by the COPYs to Parquet and their syncs.</summary>
    private static async Task<long> IngestAsync(JsonRpcNode rpc, Saved saved, DuckDbTableLoader loader, string? directory, int commitBlocks, CancellationToken ct)
    {
        var writers = ChainSchema.All.ToDictionary(t => t, t => loader.Begin(ChainSchema.Columns(t)));
        try
        {
            long rows = 0, inBatch = 0;
            int part = 0;
            foreach (var range in saved.Ranges)
            {
                var mapped = ChainRows.From(await FetchAsync(rpc, range, ct));
                foreach (var table in ChainSchema.All)
                {
                    writers[table].Append(mapped[table]);
                }
                rows += mapped.Count;
                inBatch += range.Length;
                if (inBatch >= commitBlocks || range == saved.Ranges[^1])
                {
                    if (directory is null)
                    {
                        foreach (var w in writers.Values)
                        {
                            w.Clear();
                        }
                    }
                    else
                    {
                        await CommitAsync(writers, loader, directory, part++, ct);
                    }
                    inBatch = 0;
                }
            }
            return rows;
        }
        finally
        {
            foreach (var w in writers.Values)
            {
                w.Dispose();
            }
        }
    }

    /// <summary>Writes every table's part (one directory a table, as the uploads directory has them), then syncs them together.</summary>
    private static async Task<List<string>> CommitAsync(Dictionary<ChainTable, IChainPartWriter> writers, DuckDbTableLoader loader, string directory, int part, CancellationToken ct)
    {
        var files = new List<string>();
        var writes = new List<Task>();
        foreach (var (table, writer) in writers.Where(w => w.Value.Rows > 0))
        {
            string file = PartPath(directory, table, part);
            files.Add(file);
            writes.Add(writer.FinishAsync(file, ct));
        }
        await Task.WhenAll(writes);
        await loader.SyncAsync(files, ct);
        return files;
    }

    private static string PartPath(string directory, ChainTable table, int part)
    {
        string tableDirectory = Path.Combine(directory, table.ToString());
        Directory.CreateDirectory(tableDirectory);
        return Path.Combine(tableDirectory, part.ToString(CultureInfo.InvariantCulture) + ".parquet");
    }

    /// <summary>One-block commits, alternating the way before (each part: temporary name, fsync, rename, directory fsync) and one sync round.</summary>
    private static async Task HeadCommitsAsync(Saved saved, DuckDbTableLoader loader, int commits, string directory, CancellationToken ct)
    {
        using var replay = new Replay(saved.Answers, null);
        using var rpc = new JsonRpcNode(new RpcSettings(new Uri("http://127.0.0.1:9/")), handler: replay);
        var blocks = new List<FetchedBlock>();
        foreach (var range in saved.Ranges)
        {
            blocks.AddRange(await FetchAsync(rpc, range, ct));
        }
        var busy = blocks.Where(b => b.Block.Transactions.Count > 0).ToList();
        var writers = ChainSchema.All.ToDictionary(t => t, t => loader.Begin(ChainSchema.Columns(t)));
        var times = new Dictionary<string, List<double>>
        {
            ["before: per part, fsync file, rename, fsync directory"] = [],
            ["all parts written, then one sync round"] = [],
            ["(of which the writes)"] = [],
            ["ingest8: per part, rename, fsync file and directory at once"] = [],
        };
        string[] ways = ["before", "round", "overlapped"];
        try
        {
            for (int i = 0; i < commits; i++)
            {
                for (int k = 0; k < ways.Length; k++)
                {
                    string way = ways[(i + k) % ways.Length];
                    var rows = ChainRows.From([busy[i % busy.Count]]);
                    foreach (var table in ChainSchema.All)
                    {
                        writers[table].Append(rows[table]);
                    }
                    var files = writers.Where(w => w.Value.Rows > 0).Select(w => (Writer: w.Value, File: PartPath(directory, w.Key, (ways.Length * i) + k))).ToList();
                    var clock = Stopwatch.StartNew();
                    switch (way)
                    {
                        case "before":
                            await Task.WhenAll(files.Select(f => PerPartAsync(f.Writer, f.File, ct)));
                            times["before: per part, fsync file, rename, fsync directory"].Add(clock.Elapsed.TotalMilliseconds);
                            break;
                        case "round":
                            await Task.WhenAll(files.Select(f => f.Writer.FinishAsync(f.File, ct)));
                            times["(of which the writes)"].Add(clock.Elapsed.TotalMilliseconds);
                            await loader.SyncAsync([.. files.Select(f => f.File)], ct);
                            times["all parts written, then one sync round"].Add(clock.Elapsed.TotalMilliseconds);
                            break;
                        default:
                            await Task.WhenAll(files.Select(async f =>
                            {
                                await f.Writer.FinishAsync(f.File, ct);
                                await loader.SyncAsync([f.File], ct);
                            }));
                            times["ingest8: per part, rename, fsync file and directory at once"].Add(clock.Elapsed.TotalMilliseconds);
                            break;
                    }
                }
            }
        }
        finally
        {
            foreach (var w in writers.Values)
            {
                w.Dispose();
            }
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        Console.WriteLine($"\nOne-block commits of five parts, {commits} of each way, the ways in turn (ms):\n");
        Console.WriteLine("| way | p50 | p90 | p99 | mean |\n|---|---|---|---|---|");
        foreach (var (way, list) in times)
        {
            list.Sort();
            double At(double q) => list[Math.Min(list.Count - 1, (int)Math.Ceiling(q * list.Count) - 1)];
            Console.WriteLine($"| {way} | {At(0.5):F1} | {At(0.9):F1} | {At(0.99):F1} | {list.Average():F1} |");
        }
    }

    /// <summary>
    /// The part write before ingest8: COPY to a temporary name, fsync it, rename, fsync the directory, per part. (FinishAsync
    /// now renames its own temporary file, so the file is renamed once more here: a rename without a sync, as before.)
    /// </summary>
    private static async Task PerPartAsync(IChainPartWriter writer, string file, CancellationToken ct)
    {
        string temp = file + ".part";
        await writer.FinishAsync(temp, ct);
        await Task.Factory.StartNew(() =>
        {
            DurableFiles.SyncFile(temp);
            File.Move(temp, file);
            DurableFiles.SyncDirectory(Path.GetDirectoryName(file)!);
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Records answers (with an inner handler) or replays them (without): keyed by the request's body.</summary>
    private sealed class Replay(Dictionary<string, byte[]> answers, HttpMessageHandler? inner) : DelegatingHandler(inner ?? new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string body = await request.Content!.ReadAsStringAsync(cancellationToken);
            if (inner is null)
            {
                var answer = answers.TryGetValue(body, out var saved) ? saved : throw new InvalidOperationException("no saved answer for a request");
                var content = new ByteArrayContent(answer);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            }
            var response = await base.SendAsync(request, cancellationToken);
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            lock (answers)
            {
                answers[body] = bytes;
            }
            var copy = new ByteArrayContent(bytes);
            copy.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return new HttpResponseMessage(response.StatusCode) { Content = copy, RequestMessage = request };
        }
    }
}
