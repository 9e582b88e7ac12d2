using System.Globalization;
using Strata.IngestBench;
using Strata.Tests.Infrastructure;

// Whole-system ingestion figures on a real anvil node (tests/chain-node: `npm ci` there first):
//   generate   --blocks 1000 [--per-block 6] [--chain-cache DIR]
//              (generates that chain into the cache, timed, or reloads and checks the cached one; see GeneratedChain)
//   baseline   --rpc URL --from 0 --to N [--concurrency 8] [--request-blocks 10]
//              (the fetch-only client against a running node)
//   throughput --blocks 10000 [--per-block 6] [--concurrency 8] [--request-blocks 10] [--batch-blocks 100,1000]
//              [--cli path/strata.dll,other/strata.dll] [--go-file PATH] [--extra "--batch-rows 50000"] [--rounds 3]
//              [--chain-cache DIR] (the chain is generated once per shape and reused, GeneratedChain)
//              (anvil with that many blocks of mixed activity; the fetch-only client, then
//              `strata ingest` (the Release CLI, a real process; each --cli build in turn, e.g. the
//              branch's base beside it; --extra goes to the last one), then the fetch-only client again. --go-file: after generating,
//              wait until that file exists, so a long generation can run while the CLI is being built;
//              its text, if any, is the --extra arguments)
//   cpu        [--blocks 300] [--per-block 6] [--rounds 4] [--commit-blocks 100] [--head-commits 60 (0: none)] [--chain-cache DIR]
//              (anvil's answers for that many blocks saved, the node stopped, then in process: CPU time of reading the
//              answers against reading, mapping and writing them, alternating, and one-block commits the way before
//              ingest8 (per part: temporary name, fsync, rename, directory fsync) against one sync round, alternating)
//   headlag    [--seconds 120] [--cli path/strata.dll] [--log FILE]
//              (anvil mining every second; `strata ingest --follow`; each block's lag from the node
//              first answering it to the commit holding it: p50/p90/p99/max; --log keeps the CLI's lines, each
//              commit's split among them, with the harness's clock in ms)
// Each prints a markdown table for docs/benchmarks.md.
string command = args.Length > 0 ? args[0] : "";
string Option(string name, string fallback)
{
    int at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
int Int(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
using var cancel = new CancellationTokenSource(TimeSpan.FromHours(2));
var ct = cancel.Token;

switch (command)
{
    case "generate":
    {
        // Generates (or reloads and checks) the cached chain of that shape; a fresh cache directory times generation.
        await using var chain = await GeneratedChain.StartAsync(Int("blocks", 1000), Int("per-block", 6), Option("chain-cache", GeneratedChain.DefaultCache), ct);
        Console.WriteLine($"| blocks | transactions | generation seconds | reused |\n|---|---|---|---|\n| {chain.Head} | {chain.Transactions} | {chain.Generation.TotalSeconds:F1} | {chain.Reused} |");
        return 0;
    }
    case "baseline":
    {
        var result = await FetchBaseline.RunAsync(new Uri(Option("rpc", "http://127.0.0.1:8545")), Int("from", 0), Int("to", 1000), Int("request-blocks", 10), Int("concurrency", 8), ct);
        long blocks = Int("to", 1000) - Int("from", 0) + 1;
        Console.WriteLine($"| blocks | requests | MB | seconds | blocks/s |\n|---|---|---|---|---|\n| {blocks} | {result.Requests} | {result.Bytes / 1e6:F1} | {result.Elapsed.TotalSeconds:F2} | {blocks / result.Elapsed.TotalSeconds:F0} |");
        return 0;
    }
    case "throughput":
    {
        int concurrency = Int("concurrency", 8), requestBlocks = Int("request-blocks", 10);
        await using var chain = await GeneratedChain.StartAsync(Int("blocks", 10_000), Int("per-block", 6), Option("chain-cache", GeneratedChain.DefaultCache), ct);
        var node = chain.Node;
        long head = chain.Head;
        Console.Error.WriteLine($"{head} blocks, {chain.Transactions} transactions ({(chain.Reused ? "reused; generated" : "generated")} in {chain.Generation.TotalSeconds:F0} s)");
        if (Option("go-file", "") is { Length: > 0 } go)
        {
            Console.Error.WriteLine($"waiting for {go}");
            while (!File.Exists(go))
            {
                await Task.Delay(1000, ct);
            }
        }
        var clis = Option("cli", IngestProcess.CliDll).Split(',');
        string extraText = Option("go-file", "") is { Length: > 0 } goFile && File.ReadAllText(goFile).Trim() is { Length: > 0 } written ? written : Option("extra", "");
        string[] extra = extraText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Rounds: the fetch-only client, then each CLI (and batch size) in turn; a last fetch-only run after them. Each
        // ingest run's ratio is to the mean of the fetch-only runs just before and just after its round, so that a change
        // of the machine's load during a run moves both sides of the ratio.
        int rounds = Int("rounds", 1);
        // CPU seconds of the node and of the client (the fetch-only client in this process; each `strata ingest` process)
        // during each run: on shared cores the node's and the client's CPU add up to the wall time.
        var cpu = new List<string>();
        async Task<FetchResult> FetchAsync()
        {
            double node0 = CpuTime.Of(node.ProcessId), self0 = CpuTime.OfSelf();
            var fetched = await FetchBaseline.RunAsync(node.Url, 0, head, requestBlocks, concurrency, ct);
            cpu.Add($"| fetch-only | {fetched.Elapsed.TotalSeconds:F1} | {CpuTime.Of(node.ProcessId) - node0:F1} | {CpuTime.OfSelf() - self0:F1} | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
            return fetched;
        }
        var fetches = new List<FetchResult> { await FetchAsync() };
        var runs = new List<(int Round, string Cli, int Batch, TimeSpan Time, string Summary)>();
        for (int round = 0; round < rounds; round++)
        {
            foreach (string cli in clis)
            foreach (int batch in Option("batch-blocks", "100").Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture)))
            {
                string dataDir = Path.Combine(Path.GetTempPath(), "strata-ingest-bench-" + Guid.NewGuid().ToString("N"));
                double node0 = CpuTime.Of(node.ProcessId), children0 = CpuTime.OfExitedChildren();
                var (time, summary) = await IngestProcess.RunAsync(dataDir, node.Url, head, concurrency, ct, batch, cli, cli == clis[^1] ? extra : []);
                cpu.Add($"| {cli} | {time.TotalSeconds:F1} | {CpuTime.Of(node.ProcessId) - node0:F1} | {CpuTime.OfExitedChildren() - children0:F1} | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} |");
                runs.Add((round, cli, batch, time, summary));
                Console.Error.WriteLine($"round {round + 1}, {cli} {batch}: {time.TotalSeconds:F1} s; load {File.ReadAllText("/proc/loadavg").Trim()}; {summary}");
                try
                {
                    Directory.Delete(dataDir, true);
                }
                catch (IOException)
                {
                }
            }
            fetches.Add(await FetchAsync());
            Console.Error.WriteLine($"fetch-only after round {round + 1}: {fetches[^1].Elapsed.TotalSeconds:F1} s");
        }
        long blocks = head + 1;
        Console.WriteLine($"| round | CLI | blocks | transactions | rows | fetch-only s (before, after) | blocks per commit | strata ingest s | blocks/s | rows/s | ratio to fetch-only |");
        Console.WriteLine($"|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (round, cli, batch, time, summary) in runs)
        {
            long rows = IngestProcess.Rows(summary);
            var (before, after) = (fetches[round], fetches[round + 1]);
            double fetch = (before.Elapsed.TotalSeconds + after.Elapsed.TotalSeconds) / 2;
            Console.WriteLine($"| {round + 1} | {cli} | {blocks} | {chain.Transactions} | {rows} | {before.Elapsed.TotalSeconds:F1}, {after.Elapsed.TotalSeconds:F1} | {batch} | {time.TotalSeconds:F1} | {blocks / time.TotalSeconds:F0} | {rows / time.TotalSeconds:F0} | {fetch / time.TotalSeconds:F2} |");
        }
        Console.WriteLine("\n| run (in order) | wall s | node CPU s | client CPU s | load (1 min) after |\n|---|---|---|---|---|");
        cpu.ForEach(Console.WriteLine);
        foreach (string cli in clis)
        {
            var ratios = runs.Where(r => r.Cli == cli).Select(r => (fetches[r.Round].Elapsed.TotalSeconds + fetches[r.Round + 1].Elapsed.TotalSeconds) / 2 / r.Time.TotalSeconds).Order().ToList();
            Console.WriteLine($"\n{cli}: median ratio to fetch-only {ratios[ratios.Count / 2]:F2} over {ratios.Count} runs ({string.Join(", ", ratios.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))})");
        }
        return 0;
    }
    case "headlag":
    {
        var result = await HeadLag.RunAsync(TimeSpan.FromSeconds(Int("seconds", 120)), ct, Option("cli", "") is { Length: > 0 } cli ? cli : null,
            Option("log", "") is { Length: > 0 } logFile ? logFile : null);
        var lags = result.LagsMs;
        Console.WriteLine("| blocks counted | block time | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine($"| {lags.Count} ({result.FirstBlock}..{result.LastBlock}) | 1 s | {HeadLag.Quantile(lags, 0.5):F0} | {HeadLag.Quantile(lags, 0.9):F0} | {HeadLag.Quantile(lags, 0.99):F0} | {lags.Max():F0} |");
        return 0;
    }
    case "cpu":
    {
        CpuSplit.Saved saved;
        await using (var chain = await GeneratedChain.StartAsync(Int("blocks", 300), Int("per-block", 6), Option("chain-cache", GeneratedChain.DefaultCache), ct))
        {
            saved = await CpuSplit.Record(chain.Node.Url, chain.Head, Int("request-blocks", 10), ct);
        }
        string work = Path.Combine(Path.GetTempPath(), "strata-ingest-cpu-" + Guid.NewGuid().ToString("N"));
        try
        {
            await CpuSplit.RunAsync(saved, Int("rounds", 4), Int("commit-blocks", 100), Int("head-commits", 60), work, ct);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: ingest-bench headlag [--seconds 120] | generate [--blocks N] [--per-block K] | baseline --rpc URL --from A --to B [--concurrency C] [--request-blocks R]");
        return 2;
}
