using System.Text.Json.Nodes;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Strata.Reliability;

/// <summary>
/// Many clients of several owners mixing execute, polling, pages, CSV downloads, uploads and cancels
/// against one server for a fixed time. Checks: no 5xx, every submitted execution ends as completed,
/// failed or cancelled, every completed answer is right, and the server's memory shows no growth trend.
/// </summary>
internal static class Soak
{
    private static readonly string[] Owners = ["own1", "own2", "own3", "own4"];

    public static async Task<int> RunAsync(TimeSpan duration, int clients, IReadOnlyDictionary<string, string> serverEnvironment, TextWriter report)
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-soak-" + Guid.NewGuid().ToString("N"));
        var keys = Owners.ToDictionary(o => o, o => $"{o}-soak-key-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string>
        {
            ["STRATA_API_KEYS"] = string.Join(',', keys.Select(k => $"{k.Key}:{k.Value}")),
            ["STRATA_DEMO_SCALE"] = "0.05",
        };
        foreach (var (k, v) in serverEnvironment)
        {
            settings[k] = v;
        }
        await using var server = await ServerProcess.StartAsync(dataDir, settings).ConfigureAwait(false);
        // For dotnet-counters / dotnet-gcdump while the run goes on.
        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} soak: server pid {server.Pid}");
        var tally = new Tally();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 };
        var apis = keys.ToDictionary(k => k.Key, k =>
        {
            var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(120) };
            http.DefaultRequestHeaders.Add("X-Dune-API-Key", k.Value);
            return new ApiClient(http, tally);
        });
        foreach (var owner in Owners)
        {
            await apis[owner].SendAsync(HttpMethod.Post, "api/v1/uploads",
                $$"""{"namespace":"{{owner}}","table_name":"soak","is_private":true,"schema":[{"name":"batch","type":"integer"},{"name":"i","type":"integer"},{"name":"label","type":"varchar"}]}""").ConfigureAwait(false);
        }

        var submitted = new ConcurrentDictionary<string, (string Owner, long? Expected)>();
        var wrong = new ConcurrentBag<string>();
        var completedIds = new ConcurrentBag<(string Owner, string Id)>();
        long inserts = 0, insertsSent = 0, cancelsSent = 0;
        var rss = new ConcurrentQueue<(double Minutes, long Bytes)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration);

        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                rss.Enqueue((clock.Elapsed.TotalMinutes, server.RssBytes()));
                if (rss.Count % 12 == 1)
                {
                    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} soak: minute {clock.Elapsed.TotalMinutes:0.0}, rss {server.RssBytes() >> 20} MB, requests {tally.Requests}");
                }
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        async Task ClientLoop(int index)
        {
            var random = new Random(index);
            string owner = Owners[index % Owners.Length];
            var api = apis[owner];
            int batch = index * 1_000_000;
            while (!stop.IsCancellationRequested)
            {
                int pick = random.Next(100);
                try
                {
                    if (pick < 40)
                    {
                        long n = random.Next(1, 200_000);
                        string? id = await api.ExecuteAsync($"select sum(range) as s, count(*) as c from range({n})", stop.Token).ConfigureAwait(false);
                        if (id is null)
                        {
                            continue;
                        }
                        submitted[id] = (owner, n * (n - 1) / 2);
                        var status = await api.WaitAsync(id, TimeSpan.FromMinutes(5), stop.Token).ConfigureAwait(false);
                        if (status?["state"]?.GetValue<string>() == "QUERY_STATE_COMPLETED")
                        {
                            completedIds.Add((owner, id));
                            var (code, body) = await api.SendAsync(HttpMethod.Get, $"api/v1/execution/{id}/results", ct: stop.Token).ConfigureAwait(false);
                            if (code == HttpStatusCode.OK)
                            {
                                string? s = body?["result"]?["rows"]?[0]?["s"]?.ToJsonString().Trim('"');
                                if (s != (n * (n - 1) / 2).ToString(CultureInfo.InvariantCulture))
                                {
                                    wrong.Add($"{id}: sum over range({n}) read {s}");
                                }
                            }
                        }
                    }
                    else if (pick < 50)
                    {
                        string? id = await api.ExecuteAsync("select count(*) from range(3000000000) t where t.range % 7 = 3", stop.Token).ConfigureAwait(false);
                        if (id is null)
                        {
                            continue;
                        }
                        submitted[id] = (owner, null);
                        await Task.Delay(random.Next(0, 500), stop.Token).ConfigureAwait(false);
                        await api.SendAsync(HttpMethod.Post, $"api/v1/execution/{id}/cancel", ct: stop.Token).ConfigureAwait(false);
                        Interlocked.Increment(ref cancelsSent);
                    }
                    else if (pick < 58)
                    {
                        string? id = await api.ExecuteAsync("select * from no_such_table_for_soak", stop.Token).ConfigureAwait(false);
                        if (id is not null)
                        {
                            submitted[id] = (owner, null);
                        }
                    }
                    else if (pick < 68)
                    {
                        var csv = new StringBuilder("batch,i,label\n");
                        batch++;
                        for (int i = 0; i < 100; i++)
                        {
                            csv.Append(CultureInfo.InvariantCulture, $"{batch},{i},\"row {i}, of {batch}\"\n");
                        }
                        Interlocked.Increment(ref insertsSent);
                        var (code, _) = await api.SendAsync(HttpMethod.Post, $"api/v1/uploads/{owner}/soak/insert", csv.ToString(), "text/csv", stop.Token).ConfigureAwait(false);
                        if (code == HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref inserts);
                        }
                    }
                    else
                    {
                        var mine = completedIds.Where(c => c.Owner == owner).Take(50).ToArray();
                        if (mine.Length == 0)
                        {
                            continue;
                        }
                        var (_, id) = mine[random.Next(mine.Length)];
                        string path = (pick % 3) switch
                        {
                            0 => $"api/v1/execution/{id}/results/csv",
                            1 => $"api/v1/execution/{id}/results?limit=1&offset=0",
                            _ => $"api/v1/execution/{id}/results?filters=c%20%3E%200&columns=s",
                        };
                        await api.SendAsync(HttpMethod.Get, path, ct: stop.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientLoop(i)))).ConfigureAwait(false);
        await sampler.ConfigureAwait(false);

        // Every submitted execution must end: wait for the stragglers (bounded), then count states.
        var states = new ConcurrentDictionary<string, int>();
        using var settle = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await Parallel.ForEachAsync(submitted, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (entry, _) =>
        {
            var api = apis[entry.Value.Owner];
            JsonNode? status = null;
            try
            {
                status = await api.WaitAsync(entry.Key, TimeSpan.FromMinutes(10), settle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Past the settling bound (a machine too loaded to drain the queue in time): counted as not terminal.
            }
            string state = status?["state"]?.GetValue<string>() ?? "NOT_TERMINAL";
            states.AddOrUpdate(state, 1, (_, c) => c + 1);
        }).ConfigureAwait(false);

        var (rowsOk, rowsDetail) = await CheckInsertsAsync(apis, inserts, insertsSent).ConfigureAwait(false);
        var samples = rss.ToArray();
        double slope = Slope(samples.Where(s => s.Minutes >= duration.TotalMinutes / 2).ToArray());
        double slopeThird = Slope(samples.Where(s => s.Minutes >= duration.TotalMinutes * 2 / 3).ToArray());
        string perMinute = string.Join(", ", samples.GroupBy(s => (int)s.Minutes).Select(g => $"{g.Key}: {g.Last().Bytes >> 20}"));
        int completed = states.GetValueOrDefault("QUERY_STATE_COMPLETED"), failed = states.GetValueOrDefault("QUERY_STATE_FAILED"),
            cancelled = states.GetValueOrDefault("QUERY_STATE_CANCELLED");
        bool balanced = submitted.Count == completed + failed + cancelled;
        bool pass = tally.ServerErrors == 0 && tally.TransportErrors == 0 && balanced && wrong.IsEmpty && rowsOk && !server.HasExited;

        report.WriteLine($"## Soak, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.WriteLine();
        report.WriteLine($"Command: `dotnet run -c Release --project benchmarks/reliability -- soak --minutes {duration.TotalMinutes:0.#} --clients {clients}{string.Concat(serverEnvironment.Select(e => $" --env {e.Key}={e.Value}"))}`; {Owners.Length} owners, {Environment.ProcessorCount} cores.");
        report.WriteLine();
        report.WriteLine("| measure | value |");
        report.WriteLine("|---|---|");
        report.WriteLine($"| requests | {tally.Requests} |");
        report.WriteLine($"| 5xx answers | {tally.ServerErrors} |");
        report.WriteLine($"| transport errors | {tally.TransportErrors} |");
        report.WriteLine($"| 429 answers | {tally.RateLimited} |");
        report.WriteLine($"| executions submitted | {submitted.Count} |");
        report.WriteLine($"| completed + failed + cancelled | {completed} + {failed} + {cancelled} = {completed + failed + cancelled} |");
        report.WriteLine($"| other end states | {string.Join(", ", states.Where(s => s.Key is not ("QUERY_STATE_COMPLETED" or "QUERY_STATE_FAILED" or "QUERY_STATE_CANCELLED")).Select(s => $"{s.Key}: {s.Value}"))} |");
        report.WriteLine($"| wrong answers | {wrong.Count} |");
        report.WriteLine($"| cancels sent | {Interlocked.Read(ref cancelsSent)} |");
        report.WriteLine($"| inserts sent / acknowledged / rows check | {Interlocked.Read(ref insertsSent)} / {Interlocked.Read(ref inserts)} / {rowsDetail} |");
        report.WriteLine($"| RSS first / last / peak | {Mb(samples.FirstOrDefault().Bytes)} / {Mb(samples.LastOrDefault().Bytes)} / {Mb(server.PeakRssBytes())} |");
        report.WriteLine($"| RSS trend over the second half | {slope / (1 << 20):+0.0;-0.0;0.0} MB/min |");
        report.WriteLine($"| RSS trend over the last third | {slopeThird / (1 << 20):+0.0;-0.0;0.0} MB/min |");
        report.WriteLine($"| RSS at the end of each minute (MB) | {perMinute} |");
        report.WriteLine($"| verdict | {(pass ? "pass" : "FAIL")} |");
        foreach (var sample in tally.ServerErrorSamples)
        {
            report.WriteLine($"- 5xx: {sample}");
        }
        foreach (var w in wrong.Take(10))
        {
            report.WriteLine($"- wrong: {w}");
        }
        if (server.HasExited)
        {
            report.WriteLine($"- the server exited during the run; its last output:");
            foreach (var line in server.Output.Split('\n').TakeLast(30))
            {
                report.WriteLine($"    {line.TrimEnd()}");
            }
        }
        Directory.Delete(dataDir, recursive: true);
        return pass ? 0 : 1;
    }

    private static async Task<(bool, string)> CheckInsertsAsync(Dictionary<string, ApiClient> apis, long acknowledged, long sent)
    {
        long rows = 0;
        bool whole = true;
        foreach (var (owner, api) in apis)
        {
            string? id = await api.ExecuteAsync($"select count(*) as n, count(*) filter (where k <> 100) as partial from (select batch, count(*) as k from dune.{owner}.soak group by batch)", CancellationToken.None).ConfigureAwait(false);
            var status = id is null ? null : await api.WaitAsync(id, TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false);
            if (status?["state"]?.GetValue<string>() != "QUERY_STATE_COMPLETED")
            {
                return (false, $"check query for {owner} did not complete");
            }
            var (_, body) = await api.SendAsync(HttpMethod.Get, $"api/v1/execution/{id}/results").ConfigureAwait(false);
            rows += long.Parse(body!["result"]!["rows"]![0]!["n"]!.ToJsonString(), CultureInfo.InvariantCulture);
            whole &= body["result"]!["rows"]![0]!["partial"]!.ToJsonString() == "0";
        }
        // An insert still in flight when the run stops may be stored without its answer being read.
        bool ok = whole && rows >= acknowledged && rows <= sent;
        return (ok, $"{rows} whole batches stored{(whole ? "" : ", some partial")}");
    }

    /// <summary>Least-squares slope of bytes over minutes.</summary>
    internal static double Slope((double X, long Y)[] points)
    {
        if (points.Length < 2)
        {
            return 0;
        }
        double mx = points.Average(p => p.X), my = points.Average(p => (double)p.Y);
        double num = points.Sum(p => (p.X - mx) * (p.Y - my)), den = points.Sum(p => (p.X - mx) * (p.X - mx));
        return den == 0 ? 0 : num / den;
    }

    internal static string Mb(long bytes) => $"{bytes / (1 << 20)} MB";
}
