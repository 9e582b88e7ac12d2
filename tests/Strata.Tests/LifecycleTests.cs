using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Strata.Tests;

/// <summary>
/// Queueing, cancel, timeout, expiry, partial results and concurrency, each on a server configured for it. They run on
/// the server's Program in the test process (<see cref="InProcessServer"/>, issue 11's suite-speed6): what they check is
/// the execution use cases on the wire, not the process. The engine there is DuckDB in the test process; that the
/// server's worker-process engine ends a run the same way when its token fires (cancel, timeout) or its result passes the
/// cap is <c>IsolatedEngineContract</c>'s, and many executions at once on worker processes are the cluster's 300. The
/// timeout and the expiry run on a fake clock moved past them instead of waiting them out. A bad setting stopping
/// start-up is the process's exit, so that test starts one.
/// </summary>
public sealed class LifecycleTests
{
    /// <summary>Runs until interrupted (minutes of work on this machine).</summary>
    public const string Endless = "select count(*) from range(1000000000000) a where a.range % 7 = 3";

    private static readonly Dictionary<string, string> OneSlot = new()
    {
        ["Strata__Medium__Slots"] = "1",
        ["Strata__Medium__Threads"] = "1",
    };

    [Fact]
    public async Task Pending_has_queue_position_and_cancel_interrupts_running_query()
    {
        await using var server = await InProcessServer.StartAsync(OneSlot);
        string running = await server.Alice.SubmitAsync(Endless);
        var executing = await server.Alice.WaitForStateAsync(running, "QUERY_STATE_EXECUTING");
        Assert.NotNull(executing["execution_started_at"]);
        Assert.Null(executing["execution_ended_at"]);
        Assert.Null(executing["queue_position"]);
        Assert.Null(executing["execution_cost_credits"]);

        string first = await server.Alice.SubmitAsync("select 1 as a");
        string second = await server.Alice.SubmitAsync("select 2 as a");
        var p1 = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{first}/status");
        var p2 = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{second}/status");
        Assert.Equal("QUERY_STATE_PENDING", p1["state"]!.GetValue<string>());
        Assert.Equal(1, p1["queue_position"]!.GetValue<int>());
        Assert.Equal(2, p2["queue_position"]!.GetValue<int>());
        Assert.Null(p1["execution_started_at"]);
        Assert.False(p1["is_execution_finished"]!.GetValue<bool>());

        // CSV of an unfinished execution: 409 naming the state.
        var (code, _, response) = await server.Alice.GetJsonAsync($"/api/v1/execution/{running}/results/csv");
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("{\"error\":\"Query state is QUERY_STATE_EXECUTING, cannot provide CSV result\"}", await response.Content.ReadAsStringAsync());
        (code, var pendingResults, _) = await server.Alice.GetJsonAsync($"/api/v1/execution/{first}/results");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Null(pendingResults!["result"]);

        // Cancel a pending one: it never starts.
        var (_, cancelPending, _) = await server.Alice.PostJsonAsync($"/api/v1/execution/{second}/cancel", null);
        Assert.True(cancelPending!["success"]!.GetValue<bool>());
        var cancelledPending = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{second}/status");
        Assert.Equal("QUERY_STATE_CANCELLED", cancelledPending["state"]!.GetValue<string>());
        Assert.NotNull(cancelledPending["cancelled_at"]);
        Assert.Null(cancelledPending["execution_ended_at"]);
        Assert.Null(cancelledPending["execution_started_at"]);

        // Cancel the running one: the single slot frees up, so the queued query then runs.
        var clock = Stopwatch.StartNew();
        var (_, cancelRunning, _) = await server.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", null);
        Assert.True(cancelRunning!["success"]!.GetValue<bool>());
        var done = await server.Alice.WaitAsync(first, timeout: TimeSpan.FromSeconds(90));
        Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
        var cancelled = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{running}/status");
        Assert.Equal("QUERY_STATE_CANCELLED", cancelled["state"]!.GetValue<string>());
        Assert.NotNull(cancelled["cancelled_at"]);
        Assert.NotNull(cancelled["execution_ended_at"]);
        Assert.NotNull(cancelled["execution_started_at"]);
        Assert.Null(cancelled["expires_at"]);
        // Uninterrupted, Endless runs for hours: a minute tells an interrupt from none without timing the machine (a CI run
        // at load 50 took 13 s from the cancel to the queued query's end).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the running query was not interrupted ({clock.Elapsed})");

        // Cancelling a finished execution changes nothing.
        var (_, again, _) = await server.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", null);
        Assert.False(again!["success"]!.GetValue<bool>());
        var (_, finished, _) = await server.Alice.PostJsonAsync($"/api/v1/execution/{first}/cancel", null);
        Assert.False(finished!["success"]!.GetValue<bool>());
        Assert.Equal("QUERY_STATE_COMPLETED", (await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{first}/status"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Timeout_fails_with_timeout_type()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string> { ["Strata__Medium__Timeout"] = "00:00:01" }, clock);
        string id = await server.Alice.SubmitAsync(Endless);
        await server.Alice.WaitForStateAsync(id, "QUERY_STATE_EXECUTING");
        var status = await MovingTimeOnAsync(clock, TimeSpan.FromSeconds(1), server.Alice.WaitAsync(id, timeout: Api.HangGuard));
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Equal("FAILED_TYPE_TIMEOUT", status["error"]!["type"]!.GetValue<string>());
        // The large tier has its own (default) timeout.
        string large = await server.Alice.SubmitAsync("select 1 as a", performance: "large");
        Assert.Equal("QUERY_STATE_COMPLETED", (await server.Alice.WaitAsync(large))["state"]!.GetValue<string>());
    }

    /// <summary>
    /// Moves <paramref name="clock"/> on by <paramref name="step"/> until <paramref name="waiting"/> ends, at most every
    /// 20 ms of real time: a step made before the server has set its timer (a run's tier timeout is set just after the
    /// run is marked executing; the sweep's next tick once a sweep ends) would not reach it, so steps go on until it ends.
    /// </summary>
    private static async Task<T> MovingTimeOnAsync<T>(FakeTimeProvider clock, TimeSpan step, Task<T> waiting)
    {
        while (!waiting.IsCompleted)
        {
            clock.Advance(step);
            await Task.WhenAny(waiting, Task.Delay(20));
        }
        return await waiting;
    }

    [Fact]
    public async Task Expired_results_are_swept()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string>
        {
            ["Strata__ResultRetention"] = "00:00:02",
            ["Strata__ExpirySweepInterval"] = "00:00:00.200",
        }, clock);
        string id = await server.Alice.SubmitAsync("select 1 as a");
        var completed = await server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_COMPLETED", completed["state"]!.GetValue<string>());
        string file = Path.Combine(server.DataDir, "results", id + ".arrow");
        Assert.True(File.Exists(file));
        var status = await MovingTimeOnAsync(clock, TimeSpan.FromMilliseconds(500), ExpiredAsync(server.Alice, id));
        Assert.Equal("QUERY_STATE_EXPIRED", status["state"]!.GetValue<string>());
        Assert.True(status["is_execution_finished"]!.GetValue<bool>());
        Assert.Null(status["result_metadata"]);
        Assert.Null(status["expires_at"]);
        Assert.False(File.Exists(file));
        var results = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results");
        Assert.Null(results["result"]);
        var (code, _, _) = await server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results/csv");
        Assert.Equal(HttpStatusCode.Conflict, code);
    }

    /// <summary>The status once it says expired, or the last one read after 30 s of real time.</summary>
    private static async Task<JsonNode> ExpiredAsync(HttpClient client, string id)
    {
        JsonNode status;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            status = await client.GetFromJsonNodeAsync($"/api/v1/execution/{id}/status");
            await Task.Delay(50);
        }
        while (status["state"]!.GetValue<string>() != "QUERY_STATE_EXPIRED" && DateTime.UtcNow < deadline);
        return status;
    }

    [Fact]
    public async Task Result_over_the_size_cap_is_partial()
    {
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string> { ["Strata__MaxResultBytes"] = "100000" });
        string id = await server.Alice.SubmitAsync("select range as n from range(1000000)");
        var status = await server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_COMPLETED_PARTIAL", status["state"]!.GetValue<string>());
        long rows = status["result_metadata"]!["total_row_count"]!.GetValue<long>();
        Assert.InRange(rows, 1, 999_999);
        var (code, body, _) = await server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("Partial Result, please request with 'allow_partial_results=true'", body!["error"]!.GetValue<string>());
        var partial = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results?allow_partial_results=true&limit=5");
        Assert.Equal(5, partial["result"]!["rows"]!.AsArray().Count);
        Assert.Equal(rows, partial["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Fifty_concurrent_executions_all_complete()
    {
        await using var server = await InProcessServer.StartAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            server.Alice.SubmitAsync($"select {i} as i, count(*) as c from ethereum.transactions where block_number % 50 = {i}")));
        Assert.Equal(50, ids.Distinct().Count());
        var statuses = await Task.WhenAll(ids.Select(id => server.Alice.WaitAsync(id, timeout: TimeSpan.FromMinutes(3))));
        Assert.All(statuses, s => Assert.Equal("QUERY_STATE_COMPLETED", s["state"]!.GetValue<string>()));
        for (int i = 0; i < 50; i++)
        {
            var body = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{ids[i]}/results");
            Assert.Equal(i, body["result"]!["rows"]![0]!["i"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Bad_setting_stops_start_up_naming_it()
    {
        var (exit, output) = await StrataServer.RunExpectingFailureAsync(new Dictionary<string, string> { ["Strata__Medium__Slots"] = "0" }, CancellationToken.None);
        Assert.NotEqual(0, exit);
        Assert.Contains("Slots", output);
        (exit, output) = await StrataServer.RunExpectingFailureAsync(new Dictionary<string, string> { ["STRATA_API_KEYS"] = "no-colon-here" }, CancellationToken.None);
        Assert.NotEqual(0, exit);
        Assert.Contains("STRATA_API_KEYS", output);
        (exit, output) = await StrataServer.RunExpectingFailureAsync(new Dictionary<string, string> { ["STRATA_DEMO_SCALE"] = "lots" }, CancellationToken.None);
        Assert.NotEqual(0, exit);
        Assert.Contains("DemoScale", output);
    }
}
