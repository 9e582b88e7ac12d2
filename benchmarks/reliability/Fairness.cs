using System.Diagnostics;

namespace Strata.Reliability;

/// <summary>
/// Owner A queues many executions; owner B then submits one <c>select 1</c>. Measures B's time from submit
/// to COMPLETED against the median time of one of A's executions, measured in the same run.
/// </summary>
internal static class Fairness
{
    public static async Task<int> RunAsync(int queued, TextWriter report)
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-fair-" + Guid.NewGuid().ToString("N"));
        string keyA = $"a-key-{Guid.NewGuid():N}", keyB = $"b-key-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["STRATA_API_KEYS"] = $"ownera:{keyA},ownerb:{keyB}",
            ["STRATA_DEMO_SCALE"] = "0.01",
        };
        await using var server = await ServerProcess.StartAsync(dataDir, settings).ConfigureAwait(false);
        var tally = new Tally();
        HttpClient Http(string key)
        {
            var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
            return http;
        }
        using var httpA = Http(keyA);
        using var httpB = Http(keyB);
        var a = new ApiClient(httpA, tally);
        var b = new ApiClient(httpB, tally);
        const string Work = "select count(*) as c from range(60000000) t where t.range % 7 = 3";

        // One of A's executions alone: the unit the target is stated in.
        var alone = new List<double>();
        for (int i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            string id = await a.ExecuteAsync(Work + $" and {i} = {i}", CancellationToken.None).ConfigureAwait(false) ?? throw new InvalidOperationException("submit failed");
            await a.WaitAsync(id, TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false);
            alone.Add(clock.Elapsed.TotalMilliseconds);
        }
        double one = alone.Order().ElementAt(1);

        var ids = new List<string>();
        int refused = 0;
        for (int i = 0; i < queued; i++)
        {
            string? id = await a.ExecuteAsync(Work + $" and {i + 10} > 0", CancellationToken.None).ConfigureAwait(false);
            if (id is null)
            {
                refused++;
            }
            else
            {
                ids.Add(id);
            }
        }
        var bClock = Stopwatch.StartNew();
        string bid = await b.ExecuteAsync("select 1", CancellationToken.None).ConfigureAwait(false) ?? throw new InvalidOperationException("B's submit failed");
        var status = await b.WaitAsync(bid, TimeSpan.FromMinutes(30), CancellationToken.None).ConfigureAwait(false);
        double waited = bClock.Elapsed.TotalMilliseconds;
        string state = status?["state"]?.GetValue<string>() ?? "none";
        foreach (var id in ids)
        {
            await a.SendAsync(HttpMethod.Post, $"api/v1/execution/{id}/cancel").ConfigureAwait(false);
        }
        bool pass = state == "QUERY_STATE_COMPLETED" && waited < 1000 + one;

        report.WriteLine($"## Fairness, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.WriteLine();
        report.WriteLine($"Command: `dotnet run -c Release --project benchmarks/reliability -- fairness --queued {queued}`.");
        report.WriteLine();
        report.WriteLine("| measure | value |");
        report.WriteLine("|---|---|");
        report.WriteLine($"| A's executions queued (refused by quota) | {ids.Count} ({refused}) |");
        report.WriteLine($"| one of A's executions alone (median of 3) | {one:0} ms |");
        report.WriteLine($"| B's `select 1`, submit to COMPLETED | {waited:0} ms ({state}) |");
        report.WriteLine($"| target: under 1 s + one execution = {1000 + one:0} ms | {(pass ? "met" : "MISSED")} |");
        Directory.Delete(dataDir, recursive: true);
        return pass ? 0 : 1;
    }
}
