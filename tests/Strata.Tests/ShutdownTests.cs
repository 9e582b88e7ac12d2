using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Strata.Tests;

/// <summary>
/// Graceful shutdown (issue 9): from SIGTERM on, a new submission is refused with 503 and the contract's
/// <c>{"error": ...}</c> body while the server drains. Clients keep submitting across the stop; every
/// HTTP answer they get is an accepted execution or that 503, never another 5xx and never a bare body.
/// </summary>
public sealed class ShutdownTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Strata__Medium__Slots"] = "2",
        ["Strata__Medium__Threads"] = "1",
        ["Strata__Quotas__RunningPerOwner"] = "2",
        ["Strata__Quotas__QueuedPerOwner"] = "100000",
        ["Strata__RateLimits__WritePerMinute"] = "0",
        ["Strata__RateLimits__ReadPerMinute"] = "0",
    };

    [Fact]
    public async Task Submissions_during_a_stop_get_503_with_a_json_error_and_nothing_else()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var server = await StrataServer.StartAsync(dataDir, Settings);
            // Running executions make the stop hand them back, which keeps the drain open for a moment.
            string running1 = await server.Alice.SubmitAsync(LifecycleTests.Endless);
            string running2 = await server.Alice.SubmitAsync(LifecycleTests.Endless);
            await server.Alice.WaitForStateAsync(running1, "QUERY_STATE_EXECUTING");
            await server.Alice.WaitForStateAsync(running2, "QUERY_STATE_EXECUTING");

            var answers = new System.Collections.Concurrent.ConcurrentBag<(HttpStatusCode Status, string Body)>();
            using var stopClients = new CancellationTokenSource(Api.HangGuard);
            int accepted = 0;
            async Task ClientAsync()
            {
                using var client = server.NewClient(StrataServer.AliceKey);
                while (!stopClients.IsCancellationRequested)
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync("/api/v1/sql/execute", new { sql = "select 1" }, stopClients.Token);
                        string body = await response.Content.ReadAsStringAsync(stopClients.Token);
                        answers.Add((response.StatusCode, body));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref accepted);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The server has stopped listening: this client is done.
                        return;
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
            }
            var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(ClientAsync)).ToArray();
            await PollAsync(() => Volatile.Read(ref accepted) >= 16, Api.HangGuard);
            Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(30)));
            await Task.WhenAll(clients).WaitAsync(Api.HangGuard);

            Assert.NotEmpty(answers);
            foreach (var (status, body) in answers)
            {
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)status}: {body}");
                var json = JsonNode.Parse(body);
                if (status == HttpStatusCode.OK)
                {
                    Assert.NotNull(json?["execution_id"]);
                }
                else
                {
                    Assert.Contains("shutting down", json?["error"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
                }
            }
            Assert.Contains(answers, a => a.Status == HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }

    private static async Task PollAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not reached in time");
            await Task.Delay(20);
        }
    }
}
