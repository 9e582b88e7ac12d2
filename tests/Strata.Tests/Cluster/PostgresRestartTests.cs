using System.Diagnostics;
using System.Net;

namespace Strata.Tests.Cluster;

/// <summary>
/// Two real nodes on a PostgreSQL that restarts while executions are queued and running: requests made
/// while it is down are answered 503 at once, the nodes reconnect by themselves, and every accepted
/// execution completes.
/// </summary>
[Collection("Cluster")]
public sealed class PostgresRestartTests
{
    private const string Slow = "select count(*) as c from range(150000000) t where t.range % 3 = 1";

    [Fact]
    public async Task Nodes_reconnect_after_a_restart_and_no_accepted_execution_is_lost()
    {
        await using var postgres = await PostgresServer.StartAsync();
        string database = await postgres.CreateDatabaseAsync();
        var settings = ClusterFixture.ClusterSettings(postgres.ConnectionString(database));
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-cluster-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var a = await StrataServer.StartAsync(dataDir, settings);
            await using var b = await StrataServer.StartAsync(dataDir, settings);
            var nodes = new[] { a, b };
            var ids = new List<string>();
            for (int i = 0; i < 12; i++)
            {
                ids.Add(await nodes[i % 2].Alice.SubmitAsync(i % 3 == 0 ? Slow : $"select {i} as n"));
            }

            await postgres.StopServerAsync();
            var clock = Stopwatch.StartNew();
            var (status, body, _) = await a.Alice.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 1"));
            var answered = clock.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Contains("unavailable", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.True(answered < TimeSpan.FromSeconds(6), $"answered after {answered}");
            (status, _, _) = await b.Alice.GetJsonAsync($"/api/v1/execution/{ids[0]}/status");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);

            await postgres.StartServerAsync();
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var final = await WaitThroughUnavailableAsync(nodes[(i + 1) % 2].Alice, id);
                Assert.Equal("QUERY_STATE_COMPLETED", final["state"]!.GetValue<string>());
            }
            // Both nodes take new work again, and hear each other (a long poll on one wakes on the other's end).
            string after = await a.Alice.SubmitAsync("select 'after' as s");
            var (_, waited, _) = await b.Alice.GetJsonAsync($"/api/v1/execution/{after}/status?wait=30");
            Assert.Equal("QUERY_STATE_COMPLETED", waited!["state"]!.GetValue<string>());
            foreach (var id in ids)
            {
                // A run interrupted by the outage may have been redone; a result was recorded once.
                int ends = nodes.Sum(n => ClusterFixture.Count(n.Output, $"Execution {id} ended "));
                Assert.InRange(ends, 1, 2);
            }
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> WaitThroughUnavailableAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var (status, body, _) = await client.GetJsonAsync($"/api/v1/execution/{id}/status?wait=5");
            if (status == HttpStatusCode.OK && body!["is_execution_finished"]!.GetValue<bool>())
            {
                return body;
            }
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{status} {body}");
            Assert.True(DateTime.UtcNow < deadline, $"execution {id} did not finish: {body}");
            await Task.Delay(100);
        }
    }
}
