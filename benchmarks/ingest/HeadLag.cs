using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Tests.Infrastructure;

namespace Strata.IngestBench;

/// <summary>What the head-lag run saw: each block's lag from the node first answering it to its commit.</summary>
public sealed record HeadLagResult(IReadOnlyList<double> LagsMs, long FirstBlock, long LastBlock, int Transactions);

/// <summary>
/// Head lag in follow mode: anvil mines a block every second (with a few transactions each), <c>strata ingest
/// --follow</c> runs as a process, and for every block two moments are taken on one clock: when the node first
/// answers <c>eth_blockNumber</c> with it (polled every 20 ms) and when the ingester's log line says the commit
/// holding it is done (the commit is one metadata transaction, so from then on queries see the block). Blocks
/// mined before the follower's first commit (its catch-up) are not counted.
/// </summary>
public static partial class HeadLag
{
    public static async Task<HeadLagResult> RunAsync(TimeSpan duration, CancellationToken cancellationToken, string? cliDll = null, string? logFile = null)
    {
        await using var node = await AnvilNode.StartAsync(new AnvilOptions { BlockTime = 1, GenesisTimestamp = null, TimestampStep = null }, cancellationToken).ConfigureAwait(false);
        var activity = await ChainActivity.DeployAsync(node.Rpc, cancellationToken: cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var seen = new ConcurrentDictionary<long, double>();
        var committed = new ConcurrentDictionary<long, double>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var watcher = Task.Run(async () =>
        {
            long last = -1;
            while (!stop.IsCancellationRequested)
            {
                long head = await node.Rpc.BlockNumberAsync(stop.Token).ConfigureAwait(false);
                double now = clock.Elapsed.TotalMilliseconds;
                for (long n = last + 1; n <= head; n++)
                {
                    seen.TryAdd(n, now);
                }
                if (head > last)
                {
                    last = head;
                    // A few transactions per block, sent once the block before is mined (one per sender and block).
                    await activity.SendAsync(3, stop.Token).ConfigureAwait(false);
                }
                await Task.Delay(20, stop.Token).ConfigureAwait(false);
            }
        }, stop.Token);

        string dataDir = Path.Combine(Path.GetTempPath(), "strata-headlag-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { cliDll ?? IngestProcess.CliDll, "ingest", "--data-dir", dataDir, "--rpc", node.Url.ToString(), "--chain", "devnet", "--follow" })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var firstCommit = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The CLI's lines (each commit's split: rows, parts, metadata) with the harness's clock, for a profile of the lag.
        using var log = logFile is null ? null : new StreamWriter(logFile) { AutoFlush = true };
        void Read(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync(CancellationToken.None).ConfigureAwait(false) is { } line)
            {
                double now = clock.Elapsed.TotalMilliseconds;
                if (log is not null)
                {
                    lock (log)
                    {
                        log.WriteLine($"{now:F0} {line}");
                    }
                }
                if (Committed().Match(line) is { Success: true } m)
                {
                    long from = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), to = long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                    for (long n = from; n <= to; n++)
                    {
                        committed.TryAdd(n, now);
                    }
                    firstCommit.TrySetResult(now);
                }
            }
        }, CancellationToken.None);
        Read(process.StandardOutput);
        Read(process.StandardError);
        try
        {
            double start = await firstCommit.Task.WaitAsync(TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await watcher.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            // Let the last blocks' commits arrive before counting.
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
            var counted = seen.Where(s => s.Value > start && committed.ContainsKey(s.Key)).OrderBy(s => s.Key).ToList();
            var missing = seen.Where(s => s.Value > start && !committed.ContainsKey(s.Key)).Select(s => s.Key).Order().ToList();
            if (counted.Count == 0)
            {
                throw new InvalidOperationException("no block was mined and committed after the follower's first commit");
            }
            if (missing.Any(n => n < counted[^1].Key))
            {
                throw new InvalidOperationException($"blocks {string.Join(", ", missing)} were mined but never committed");
            }
            return new HeadLagResult(counted.Select(s => committed[s.Key] - s.Value).ToList(), counted[0].Key, counted[^1].Key, activity.Sent.Count);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            try
            {
                Directory.Delete(dataDir, true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The value at quantile <paramref name="q"/> (nearest rank).</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    [GeneratedRegex(@"committed blocks (\d+) to (\d+)")]
    private static partial Regex Committed();
}
