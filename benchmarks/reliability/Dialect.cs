using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Strata.Reliability;

/// <summary>
/// Issue 10's cost of the dialect: the end-to-end time of <c>select 1</c> from submit to COMPLETED over
/// HTTP, DuneSQL (translated, the default) against DuckDB SQL (<c>query_engine: "duckdb"</c>, untranslated),
/// interleaved in one run on one server so both see the same machine.
/// </summary>
internal static class Dialect
{
    public static async Task<int> RunAsync(int rounds, int port, TextWriter report)
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-dialect-" + Guid.NewGuid().ToString("N"));
        string key = $"bench-key-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["STRATA_API_KEYS"] = $"bench:{key}",
            ["STRATA_DEMO_SCALE"] = "0.01",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            await using var server = await ServerProcess.StartAsync(dataDir, settings).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
            var api = new ApiClient(http, new Tally());
            var dune = new List<double>();
            var native = new List<double>();
            int warmUp = Math.Max(10, rounds / 10);
            for (int i = 0; i < warmUp + rounds; i++)
            {
                // Alternate which goes first, so neither always follows the other.
                bool duneFirst = i % 2 == 0;
                double a = await TimeAsync(api, duneFirst ? null : "duckdb").ConfigureAwait(false);
                double b = await TimeAsync(api, duneFirst ? "duckdb" : null).ConfigureAwait(false);
                if (i >= warmUp)
                {
                    dune.Add(duneFirst ? a : b);
                    native.Add(duneFirst ? b : a);
                }
            }
            double dp50 = Percentile(dune, 0.50), dp99 = Percentile(dune, 0.99), np50 = Percentile(native, 0.50), np99 = Percentile(native, 0.99);
            report.WriteLine($"`select 1`, submit (POST /sql/execute?wait=10) to COMPLETED, {rounds} rounds each after {warmUp} warm-up, interleaved");
            report.WriteLine();
            report.WriteLine("| dialect | p50 ms | p99 ms |");
            report.WriteLine("|---|---|---|");
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| DuneSQL (translated) | {dp50:F2} | {dp99:F2} |"));
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| DuckDB (native) | {np50:F2} | {np99:F2} |"));
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio DuneSQL / native | {dp50 / np50:F3} | {dp99 / np99:F3} |"));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<double> TimeAsync(ApiClient api, string? engine)
    {
        string body = engine is null ? JsonSerializer.Serialize(new { sql = "select 1" }) : JsonSerializer.Serialize(new { sql = "select 1", query_engine = engine });
        var clock = Stopwatch.StartNew();
        var (status, answer) = await api.SendAsync(HttpMethod.Post, "api/v1/sql/execute?wait=10", body).ConfigureAwait(false);
        if (status != HttpStatusCode.OK || answer?["execution_id"]?.GetValue<string>() is not { } id)
        {
            throw new InvalidOperationException($"submit failed: {status} {answer}");
        }
        string? state = answer["state"]?.GetValue<string>();
        if (!ApiClient.IsTerminal(state))
        {
            state = (await api.WaitAsync(id, TimeSpan.FromMinutes(1), CancellationToken.None).ConfigureAwait(false))?["state"]?.GetValue<string>();
        }
        double ms = clock.Elapsed.TotalMilliseconds;
        return state == "QUERY_STATE_COMPLETED" ? ms : throw new InvalidOperationException($"select 1 ended {state}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
