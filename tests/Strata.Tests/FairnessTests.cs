using System.Globalization;

namespace Strata.Tests;

/// <summary>One owner's backlog or long runs do not starve another owner (issue 9, item 7), and the
/// per-owner quotas answer clearly. The queue's order and the quotas are the execution use cases' (on the server's Program
/// in the test process since issue 11's suite-speed6; no process is what they test).</summary>
public sealed class FairnessTests
{
    private static DateTimeOffset Time(JsonNode status, string field) =>
        DateTimeOffset.Parse(status[field]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact]
    public async Task Another_owners_select_1_starts_after_at_most_one_more_execution_of_a_200_deep_backlog()
    {
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string>
        {
            ["Strata__Medium__Slots"] = "1",
            ["Strata__Medium__Threads"] = "1",
        });
        var alice = new string[200];
        // A fraction of a second each: 200 of them are a backlog of about a minute.
        for (int start = 0; start < alice.Length; start += 8)
        {
            var batch = Enumerable.Range(start, 8).Select(i =>
                server.Alice.SubmitAsync($"select count(*) as c from range(30000000) t where t.range % 7 = {i % 7}"));
            var ids = await Task.WhenAll(batch);
            ids.CopyTo(alice, start);
        }
        string bob = await server.Bob.SubmitAsync("select 1 as one");
        // The queue's promise holds from when bob's execution is queued, which is when his submit answers: submitted_at is
        // stamped as the request arrives, before its durable insert, and on a loaded machine one of alice's fraction-of-a-
        // second executions could run to its end within that insert (a CI run counted 2 from submitted_at).
        var bobQueuedAt = DateTimeOffset.UtcNow;
        var bobQueued = await server.Bob.GetFromJsonNodeAsync($"/api/v1/execution/{bob}/status");
        var lastQueued = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{alice[^1]}/status");
        // The backlog is real: alice's last execution still waits behind many of hers.
        Assert.Equal("QUERY_STATE_PENDING", lastQueued["state"]!.GetValue<string>());
        Assert.True(lastQueued["queue_position"]!.GetValue<int>() > 10, lastQueued.ToJsonString());
        if (bobQueued["state"]!.GetValue<string>() == "QUERY_STATE_PENDING")
        {
            // Before the fix: position 200 or so, behind every one of alice's.
            Assert.True(bobQueued["queue_position"]!.GetValue<int>() <= 2, bobQueued.ToJsonString());
        }

        var done = await server.Bob.WaitAsync(bob, timeout: TimeSpan.FromSeconds(90));
        Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
        var bobStarted = Time(done, "execution_started_at");
        int startedInBetween = 0;
        foreach (var id in alice)
        {
            var status = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/status");
            if (status["execution_started_at"] is not null)
            {
                var started = Time(status, "execution_started_at");
                if (started > bobQueuedAt && started <= bobStarted)
                {
                    startedInBetween++;
                }
            }
        }
        Assert.True(startedInBetween <= 1, $"{startedInBetween} of alice's executions started between bob's submit answering and his start");
    }

    [Fact]
    public async Task One_owner_cannot_hold_every_slot_and_past_the_queued_quota_execute_answers_429()
    {
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string>
        {
            ["Strata__Medium__Slots"] = "2",
            ["Strata__Medium__Threads"] = "1",
            ["Strata__Quotas__QueuedPerOwner"] = "3",
        });
        string first = await server.Alice.SubmitAsync(LifecycleTests.Endless);
        await server.Alice.WaitForStateAsync(first, "QUERY_STATE_EXECUTING");
        string second = await server.Alice.SubmitAsync(LifecycleTests.Endless);

        // Before the fix alice's second endless query took the other slot and bob waited for ever.
        var bob = await server.Bob.WaitAsync(await server.Bob.SubmitAsync("select 1 as one"), timeout: Api.HangGuard);
        Assert.Equal("QUERY_STATE_COMPLETED", bob["state"]!.GetValue<string>());
        var waiting = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{second}/status");
        Assert.Equal("QUERY_STATE_PENDING", waiting["state"]!.GetValue<string>());
        Assert.Equal(1, waiting["queue_position"]!.GetValue<int>());

        string third = await server.Alice.SubmitAsync("select 3");
        await server.Alice.SubmitAsync("select 4");
        var (code, body, _) = await server.Alice.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, code);
        Assert.StartsWith("queued executions quota exceeded: at most 3 per owner", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);

        // The quota is per owner, and cancelling a pending execution frees its room.
        await server.Bob.SubmitAsync("select 6");
        var (cancelCode, _, _) = await server.Alice.PostJsonAsync($"/api/v1/execution/{third}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelCode);
        await server.Alice.SubmitAsync("select 7");
        // Nothing accepted was dropped: the refused submission left no execution, the others are still queued.
        var stillQueued = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{second}/status");
        Assert.Equal("QUERY_STATE_PENDING", stillQueued["state"]!.GetValue<string>());
    }
}
