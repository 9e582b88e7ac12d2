using Strata.Application.Executions;

namespace Strata.Tests;

/// <summary>
/// No accepted execution is lost to a stop. An execution found running after an abnormal stop (kill -9,
/// a crash) is suspected of causing it and fails without running again; one interrupted by a graceful
/// stop (SIGTERM) is handed back and runs once more.
/// </summary>
public sealed class RestartTests
{
    /// <summary>Long enough to be caught running, short enough to finish: a few seconds of single-threaded work.</summary>
    private const string Slow = "select count(*) as c from range(400000000) t where t.range % 3 = 1";

    private static readonly Dictionary<string, string> OneSlot = new()
    {
        ["Strata__Medium__Slots"] = "1",
        ["Strata__Medium__Threads"] = "1",
    };

    private static readonly Dictionary<string, string> TwoSlots = new()
    {
        ["Strata__Medium__Slots"] = "2",
        ["Strata__Medium__Threads"] = "1",
        ["Strata__Quotas__RunningPerOwner"] = "2",
    };

    private static string NewDataDir() => Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task After_kill_the_running_execution_fails_as_crash_suspect_and_pending_ones_run()
    {
        string dataDir = NewDataDir();
        try
        {
            string completed, crashed, pending;
            await using (var server = await StrataServer.StartAsync(dataDir, OneSlot))
            {
                completed = await server.Alice.SubmitAsync("select range as n from range(100)");
                await server.Alice.WaitAsync(completed);
                crashed = await server.Alice.SubmitAsync(LifecycleTests.Endless);
                await server.Alice.WaitForStateAsync(crashed, "QUERY_STATE_EXECUTING");
                pending = await server.Alice.SubmitAsync("select 'still here' as s");
                await server.KillAsync();
            }
            await using (var server = await StrataServer.StartAsync(dataDir, OneSlot))
            {
                var body = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{completed}/results");
                Assert.Equal(100, body["result"]!["rows"]!.AsArray().Count);
                // Before the fix this ran again (and a query that crashes the server crashed it again).
                var status = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{crashed}/status");
                Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
                Assert.Equal(ExecutionService.CrashSuspectedMessage, status["error"]!["message"]!.GetValue<string>());
                Assert.NotNull(status["execution_started_at"]);
                Assert.NotNull(status["execution_ended_at"]);
                status = await server.Alice.WaitAsync(pending);
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
    public async Task Sigterm_hands_running_executions_back_they_run_once_more_and_a_second_stop_fails_them()
    {
        string dataDir = NewDataDir();
        try
        {
            string rerun, twice, pending;
            await using (var server = await StrataServer.StartAsync(dataDir, TwoSlots))
            {
                rerun = await server.Alice.SubmitAsync(Slow);
                twice = await server.Alice.SubmitAsync(LifecycleTests.Endless);
                await server.Alice.WaitForStateAsync(rerun, "QUERY_STATE_EXECUTING");
                await server.Alice.WaitForStateAsync(twice, "QUERY_STATE_EXECUTING");
                pending = await server.Alice.SubmitAsync("select 'still here' as s");
                // Before the fix a stop left both EXECUTING, so the next start could not tell it from a crash.
                Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(15)));
                Assert.Contains("handed back to the queue", server.Output, StringComparison.Ordinal);
            }
            await using (var server = await StrataServer.StartAsync(dataDir, TwoSlots))
            {
                // The interrupted slow query runs to completion on its second attempt, with its true answer.
                var status = await server.Alice.WaitAsync(rerun, timeout: TimeSpan.FromMinutes(3));
                Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
                var body = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{rerun}/results");
                Assert.Equal(133_333_333, body["result"]!["rows"]![0]!["c"]!.GetValue<long>());
                status = await server.Alice.WaitAsync(pending);
                Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
                await server.Alice.WaitForStateAsync(twice, "QUERY_STATE_EXECUTING");
                Assert.Equal(0, await server.TerminateAsync(TimeSpan.FromSeconds(15)));
            }
            await using (var server = await StrataServer.StartAsync(dataDir, TwoSlots))
            {
                var status = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{twice}/status");
                Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
                Assert.Equal(ExecutionService.StoppedTwiceMessage, status["error"]!["message"]!.GetValue<string>());
                Assert.Empty(Directory.GetFiles(Path.Combine(dataDir, "results"), "*.tmp-*"));
            }
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }
}
