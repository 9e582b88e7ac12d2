using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace Strata.Reliability;

/// <summary>
/// SIGKILLs a server at random moments while clients submit executions and insert into an uploaded table,
/// restarts it on the same data directory, and checks: every acknowledged execution still exists and ends
/// (completed ones with the right answer, recomputed), every acknowledged insert is stored whole exactly
/// once, no insert is stored in part, and no temporary file is left behind.
/// </summary>
internal static class Crash
{
    private const string Owner = "crash";

    public static async Task<int> RunAsync(int kills, int seed, TextWriter report)
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-crash-" + Guid.NewGuid().ToString("N"));
        string key = $"crash-key-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["STRATA_API_KEYS"] = $"{Owner}:{key}",
            ["STRATA_DEMO_SCALE"] = "0.01",
        };
        var random = new Random(seed);
        var tally = new Tally();
        var executions = new ConcurrentDictionary<string, long>();
        var acknowledgedBatches = new ConcurrentDictionary<int, bool>();
        var attemptedBatches = new ConcurrentDictionary<int, bool>();
        var failures = new List<string>();
        int nextBatch = 0;
        bool created = false;

        for (int round = 1; round <= kills; round++)
        {
            await using var server = await ServerProcess.StartAsync(dataDir, settings).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
            var api = new ApiClient(http, tally);
            failures.AddRange(LeftoverTemporaries(dataDir).Select(f => $"round {round}: temporary file left at start: {f}"));
            if (!created)
            {
                var (code, _) = await api.SendAsync(HttpMethod.Post, "api/v1/uploads",
                    """{"namespace":"crash","table_name":"t","is_private":true,"schema":[{"name":"batch","type":"integer"},{"name":"i","type":"integer"}]}""").ConfigureAwait(false);
                created = code == HttpStatusCode.OK;
            }
            using var load = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
            {
                var r = new Random(seed * 1000 + round * 10 + w);
                while (!load.IsCancellationRequested)
                {
                    try
                    {
                        if (w % 2 == 0)
                        {
                            long n = r.Next(1, 5_000_000);
                            string? id = await api.ExecuteAsync($"select sum(range) as s from range({n})", load.Token).ConfigureAwait(false);
                            if (id is not null)
                            {
                                executions[id] = n * (n - 1) / 2;
                            }
                        }
                        else
                        {
                            int batch = Interlocked.Increment(ref nextBatch);
                            int rows = 1 + r.Next(2000);
                            var csv = new StringBuilder("batch,i\n");
                            for (int i = 0; i < rows; i++)
                            {
                                csv.Append(CultureInfo.InvariantCulture, $"{batch},{rows}\n");
                            }
                            attemptedBatches[batch] = true;
                            var (code, _) = await api.SendAsync(HttpMethod.Post, "api/v1/uploads/crash/t/insert", csv.ToString(), "text/csv", load.Token).ConfigureAwait(false);
                            if (code == HttpStatusCode.OK)
                            {
                                acknowledgedBatches[batch] = true;
                            }
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            })).ToArray();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 4000))).ConfigureAwait(false);
            await server.KillAsync().ConfigureAwait(false);
            await load.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        // The last start: everything acknowledged must be there and end.
        await using (var server = await ServerProcess.StartAsync(dataDir, settings).ConfigureAwait(false))
        {
            using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
            var api = new ApiClient(http, tally);
            failures.AddRange(LeftoverTemporaries(dataDir).Select(f => $"final start: temporary file left: {f}"));
            var states = new ConcurrentDictionary<string, int>();
            var checkFailures = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(executions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entry, ct) =>
            {
                var status = await api.WaitAsync(entry.Key, TimeSpan.FromMinutes(5), ct).ConfigureAwait(false);
                string state = status?["state"]?.GetValue<string>() ?? "LOST_OR_NOT_TERMINAL";
                states.AddOrUpdate(state, 1, (_, c) => c + 1);
                if (state == "QUERY_STATE_COMPLETED")
                {
                    var (_, body) = await api.SendAsync(HttpMethod.Get, $"api/v1/execution/{entry.Key}/results", ct: ct).ConfigureAwait(false);
                    string? s = body?["result"]?["rows"]?[0]?["s"]?.ToJsonString().Trim('"');
                    if (s != entry.Value.ToString(CultureInfo.InvariantCulture))
                    {
                        checkFailures.Add($"{entry.Key}: expected {entry.Value}, read {s}");
                    }
                }
                else if (state == "QUERY_STATE_FAILED" && string.IsNullOrEmpty(status?["error"]?["message"]?.GetValue<string>()))
                {
                    checkFailures.Add($"{entry.Key}: FAILED without a message");
                }
                else if (state is not ("QUERY_STATE_FAILED" or "QUERY_STATE_COMPLETED"))
                {
                    checkFailures.Add($"{entry.Key}: ended {state}");
                }
            }).ConfigureAwait(false);
            failures.AddRange(checkFailures);

            string? check = await api.ExecuteAsync("select batch, count(*) as k, min(i) as expected from dune.crash.t group by batch order by batch", CancellationToken.None).ConfigureAwait(false);
            var done = check is null ? null : await api.WaitAsync(check, TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false);
            var stored = new Dictionary<int, (long Count, long Expected)>();
            if (done?["state"]?.GetValue<string>() == "QUERY_STATE_COMPLETED")
            {
                var (_, body) = await api.SendAsync(HttpMethod.Get, $"api/v1/execution/{check}/results?limit=1000000").ConfigureAwait(false);
                foreach (var row in body!["result"]!["rows"]!.AsArray())
                {
                    stored[int.Parse(row!["batch"]!.ToJsonString(), CultureInfo.InvariantCulture)] =
                        (long.Parse(row["k"]!.ToJsonString(), CultureInfo.InvariantCulture), long.Parse(row["expected"]!.ToJsonString(), CultureInfo.InvariantCulture));
                }
            }
            else
            {
                failures.Add("the table check query did not complete");
            }
            foreach (var batch in acknowledgedBatches.Keys.Where(b => !stored.ContainsKey(b)))
            {
                failures.Add($"acknowledged insert batch {batch} is missing");
            }
            foreach (var (batch, (count, expected)) in stored.Where(s => s.Value.Count != s.Value.Expected))
            {
                failures.Add($"batch {batch} stored {count} rows of {expected}: a partial or doubled insert");
            }
            foreach (var batch in stored.Keys.Where(b => !attemptedBatches.ContainsKey(b)))
            {
                failures.Add($"batch {batch} stored but never sent");
            }

            report.WriteLine($"## Crash, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
            report.WriteLine();
            report.WriteLine($"Command: `dotnet run -c Release --project benchmarks/reliability -- crash --kills {kills} --seed {seed}`.");
            report.WriteLine();
            report.WriteLine("| measure | value |");
            report.WriteLine("|---|---|");
            report.WriteLine($"| SIGKILLs at random points (0.2-4 s into each run) | {kills} |");
            report.WriteLine($"| acknowledged executions | {executions.Count} |");
            report.WriteLine($"| their end states | {string.Join(", ", states.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))} |");
            report.WriteLine($"| completed results recomputed and equal | {states.GetValueOrDefault("QUERY_STATE_COMPLETED") - checkFailures.Count(f => f.Contains("expected", StringComparison.Ordinal))} |");
            report.WriteLine($"| inserts sent / acknowledged / stored whole | {attemptedBatches.Count} / {acknowledgedBatches.Count} / {stored.Count} |");
            report.WriteLine($"| 5xx answers | {tally.ServerErrors} |");
            report.WriteLine($"| problems | {failures.Count} |");
            foreach (var f in failures.Take(30))
            {
                report.WriteLine($"- {f}");
            }
        }
        Directory.Delete(dataDir, recursive: true);
        return failures.Count == 0 && tally.ServerErrors == 0 ? 0 : 1;
    }

    /// <summary>Temporary files a start-up sweep should have removed (checked while the server runs).</summary>
    private static IEnumerable<string> LeftoverTemporaries(string dataDir)
    {
        string results = Path.Combine(dataDir, "results");
        var found = Directory.Exists(results) ? Directory.GetFiles(results, "*.tmp*") : [];
        string incoming = Path.Combine(dataDir, "uploads", "incoming");
        return Directory.Exists(incoming) ? found.Concat(Directory.GetFiles(incoming)) : found;
    }
}
