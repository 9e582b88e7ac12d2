namespace Strata.Tests;

/// <summary>kill -9 at any moment loses no accepted execution; an interrupted one runs once more, then fails.</summary>
public sealed class RestartTests
{
    /// <summary>Long enough to be caught running, short enough to finish: a few seconds of single-threaded work.</summary>
    private const string Slow = "select count(*) as c from range(400000000) t where t.range % 3 = 1";

    private static readonly Dictionary<string, string> OneSlot = new()
    {
        ["Strata__Medium__Slots"] = "1",
        ["Strata__Medium__Threads"] = "1",
    };

    [Fact]
    public async Task Completed_results_and_pending_executions_survive_kill()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            string completed, blocker, pending;
            await using (var server = await StrataServer.StartAsync(dataDir, OneSlot))
            {
                completed = await server.Alice.SubmitAsync("select range as n from range(100)");
                await server.Alice.WaitAsync(completed);
                blocker = await server.Alice.SubmitAsync(LifecycleTests.Endless);
                await server.Alice.WaitForStateAsync(blocker, "QUERY_STATE_EXECUTING");
                pending = await server.Alice.SubmitAsync("select 'still here' as s");
                await server.KillAsync();
            }
            await using (var server = await StrataServer.StartAsync(dataDir, OneSlot))
            {
                var body = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{completed}/results");
                Assert.Equal(100, body["result"]!["rows"]!.AsArray().Count);
                // The interrupted endless query runs again; cancel it so the pending one gets the slot.
                await server.Alice.WaitForStateAsync(blocker, "QUERY_STATE_EXECUTING");
                await server.Alice.PostJsonAsync($"/api/v1/execution/{blocker}/cancel", null);
                var status = await server.Alice.WaitAsync(pending);
                Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
                var rows = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{pending}/results");
                Assert.Equal("still here", rows["result"]!["rows"]![0]!["s"]!.GetValue<string>());
                Assert.Empty(Directory.GetFiles(Path.Combine(dataDir, "results"), "*.tmp-*"));
            }
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }

    [Fact]
    public async Task Interrupted_execution_runs_again_once_then_fails()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            string rerun, twice;
            await using (var server = await StrataServer.StartAsync(dataDir, new Dictionary<string, string> { ["Strata__Medium__Slots"] = "2", ["Strata__Medium__Threads"] = "1" }))
            {
                rerun = await server.Alice.SubmitAsync(Slow);
                twice = await server.Alice.SubmitAsync(LifecycleTests.Endless);
                await server.Alice.WaitForStateAsync(rerun, "QUERY_STATE_EXECUTING");
                await server.Alice.WaitForStateAsync(twice, "QUERY_STATE_EXECUTING");
                await server.KillAsync();
            }
            await using (var server = await StrataServer.StartAsync(dataDir, new Dictionary<string, string> { ["Strata__Medium__Slots"] = "2", ["Strata__Medium__Threads"] = "1" }))
            {
                // The interrupted slow query runs to completion on its second attempt, with its true answer.
                var status = await server.Alice.WaitAsync(rerun, timeout: TimeSpan.FromMinutes(3));
                Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
                var body = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{rerun}/results");
                Assert.Equal(133_333_333, body["result"]!["rows"]![0]!["c"]!.GetValue<long>());
                await server.Alice.WaitForStateAsync(twice, "QUERY_STATE_EXECUTING");
                await server.KillAsync();
            }
            await using (var server = await StrataServer.StartAsync(dataDir))
            {
                var status = await server.Alice.WaitAsync(twice);
                Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
                Assert.Contains("interrupted twice", status["error"]!["message"]!.GetValue<string>());
            }
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }
}
