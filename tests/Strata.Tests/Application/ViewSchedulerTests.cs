using Strata.Application;
using Strata.Application.Views;
using Strata.Core.Executions;
using Strata.Core.Views;

namespace Strata.Tests.Application;

/// <summary>Cron schedules on the fake clock: each slot fires once, across passes, schedulers and restarts.</summary>
public sealed class ViewSchedulerTests
{
    private static CancellationToken None => CancellationToken.None;

    private static async Task<int> RefreshesAsync(ViewHarness h, long queryId) =>
        (await h.Executions.Store.ListQueryExecutionsAsync(queryId, 1, "alice", 100, None)).Count;

    [Fact]
    public async Task Each_slot_fires_exactly_once_and_only_when_it_is_due()
    {
        await using var h = await ViewHarness.CreateAsync();
        var view = await h.ViewAsync("alice", "result_a", "select 1 as n", cron: "*/15 * * * *");
        Assert.Empty(await h.Scheduler.RunDueAsync(None));
        h.Executions.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Empty(await h.Scheduler.RunDueAsync(None));
        h.Executions.Time.Advance(TimeSpan.FromMinutes(1));
        var fired = Assert.Single(await h.Scheduler.RunDueAsync(None));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 15, 0, TimeSpan.Zero), fired.Slot);
        Assert.Empty(await h.Scheduler.RunDueAsync(None));
        h.Executions.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Single(await h.Scheduler.RunDueAsync(None));
        Assert.Empty(await h.Scheduler.RunDueAsync(None));
        Assert.Equal(2, await RefreshesAsync(h, view.QueryId));
    }

    [Fact]
    public async Task A_restarted_scheduler_over_the_same_store_does_not_run_a_claimed_slot_again()
    {
        await using var h = await ViewHarness.CreateAsync();
        var view = await h.ViewAsync("alice", "result_a", "select 1 as n", cron: "*/15 * * * *");
        h.Executions.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Single(await h.Scheduler.RunDueAsync(None));
        await h.RestartAsync();
        Assert.Empty(await h.Scheduler.RunDueAsync(None));
        h.Executions.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Single(await h.Scheduler.RunDueAsync(None));
        Assert.Equal(2, await RefreshesAsync(h, view.QueryId));
    }

    [Fact]
    public async Task Two_schedulers_over_one_store_racing_on_a_slot_run_it_once()
    {
        await using var h = await ViewHarness.CreateAsync();
        var view = await h.ViewAsync("alice", "result_a", "select 1 as n", cron: "*/15 * * * *");
        var other = new ViewScheduler(h.Executions.Store, h.Views, h.Executions.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ViewScheduler>.Instance);
        h.Executions.Time.Advance(TimeSpan.FromMinutes(15));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? h.Scheduler : other).RunDueAsync(None)));
        Assert.Equal(1, results.Sum(r => r.Count));
        Assert.Equal(1, await RefreshesAsync(h, view.QueryId));
    }

    [Fact]
    public async Task Slots_missed_while_the_server_was_down_fold_into_one_run_of_the_latest()
    {
        await using var h = await ViewHarness.CreateAsync();
        await h.ViewAsync("alice", "result_a", "select 1 as n", cron: "*/15 * * * *");
        h.Executions.Time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
        var fired = Assert.Single(await h.Scheduler.RunDueAsync(None));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), fired.Slot);
        var details = await h.Views.DetailsAsync((await h.Executions.Store.GetViewAsync("alice", "result_a", None))!, None);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 15, 0, TimeSpan.Zero), details.NextRunAt);
        Assert.Equal(h.Executions.Time.GetUtcNow(), details.View.LastRunAt);
    }

    [Fact]
    public async Task The_scheduler_loop_fires_a_slot_when_the_clock_reaches_it()
    {
        await using var h = await ViewHarness.CreateAsync();
        h.Executions.StartWorker();
        await h.ViewAsync("alice", "result_a", "select 1 as n", cron: "*/15 * * * *");
        using var stop = new CancellationTokenSource();
        var loop = h.Scheduler.RunAsync(stop.Token);
        Assert.False(h.Executions.Engine.HasUnreadStart);
        h.Executions.Time.Advance(TimeSpan.FromMinutes(15));
        var run = await h.Executions.Engine.NextStartedAsync();
        Assert.Equal("select 1 as n", run.Request!.Sql);
        run.Complete();
        await stop.CancelAsync();
        await loop.WaitAsync(ExecutionHarness.Guard);
        var view = (await h.Executions.Store.GetViewAsync("alice", "result_a", None))!;
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 15, 0, TimeSpan.Zero), view.ClaimedSlot);
        Assert.Equal(run.ExecutionId, view.LastExecutionId);
    }

    [Theory]
    [InlineData("*/15 * * * *", true)]
    [InlineData("0 3 * * 1", true)]
    [InlineData("*/5 * * * *", false)]
    [InlineData("0,10 * * * *", false)]
    [InlineData("0 0 1 * *", false)]
    [InlineData("0 0 29 2 *", false)]
    [InlineData("not a cron", false)]
    [InlineData("0 0 * * * *", false)]
    [InlineData("0,15,30,45 * * * *                                                                                                                                                                                                      ", false)]
    public void Cron_expressions_must_run_between_every_15_minutes_and_weekly(string cron, bool valid)
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        if (valid)
        {
            Assert.Equal(cron, CronSchedule.Parse(cron, now).Text);
            return;
        }
        var e = Assert.Throws<UseCaseException>(() => CronSchedule.Parse(cron, now));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains("cron_expression", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_refuses_a_bad_cron_a_bad_name_and_another_owners_private_query()
    {
        await using var h = await ViewHarness.CreateAsync();
        long mine = await h.QueryAsync("alice", "select 1 as n");
        long bobs = await h.QueryAsync("bob", "select 2 as n", isPrivate: true);
        async Task<UseCaseError> Refused(ViewUpsert request) =>
            (await Assert.ThrowsAsync<UseCaseException>(() => h.Views.UpsertAsync("alice", request, None))).Error;
        Assert.Equal(UseCaseError.Invalid, await Refused(new ViewUpsert("result_a", mine, PerformanceTier.Medium, "* * * * *", null)));
        Assert.Equal(UseCaseError.Invalid, await Refused(new ViewUpsert("a", mine, PerformanceTier.Medium, null, null)));
        Assert.Equal(UseCaseError.Invalid, await Refused(new ViewUpsert("dune.bob.result_a", mine, PerformanceTier.Medium, null, null)));
        Assert.Equal(UseCaseError.NotFound, await Refused(new ViewUpsert("result_a", bobs, PerformanceTier.Medium, null, null)));
        Assert.Equal(UseCaseError.Conflict, await Refused(new ViewUpsert("result_upload", mine, PerformanceTier.Medium, null, null)));
        var (view, _) = await h.Views.UpsertAsync("alice", new ViewUpsert("Result_A", mine, PerformanceTier.Large, "*/30 * * * *", null), None);
        Assert.Equal("dune.alice.result_a", view.FullName);
        long other = await h.QueryAsync("alice", "select 3 as n");
        Assert.Equal(UseCaseError.Invalid, await Refused(new ViewUpsert("result_a", other, PerformanceTier.Medium, null, null)));
    }

    [Fact]
    public async Task Upsert_refuses_a_new_view_past_the_per_owner_quota_but_updates_an_existing_one()
    {
        using var rejections = new RejectionCounter();
        await using var h = await ViewHarness.CreateAsync(metrics: rejections.Metrics);
        long query = await h.QueryAsync("alice", "select 1 as n");
        for (int i = 0; i < MaterializedViews.MaxPerOwner; i++)
        {
            await h.Executions.Store.UpsertViewAsync(new MaterializedView
            {
                Owner = "alice", Name = $"result_v{i}", QueryId = query, Cron = "*/15 * * * *",
                CreatedAt = h.Executions.Time.GetUtcNow(), UpdatedAt = h.Executions.Time.GetUtcNow(),
            }, None);
        }
        var e = await Assert.ThrowsAsync<UseCaseException>(() => h.Views.UpsertAsync("alice", new ViewUpsert("result_more", query, PerformanceTier.Medium, null, null), None));
        Assert.Equal(UseCaseError.QuotaExceeded, e.Error);
        Assert.Contains("at most 1000", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, rejections.Count(Strata.Application.Observability.StrataMetrics.Reasons.ViewsQuota));
        var (view, _) = await h.Views.UpsertAsync("alice", new ViewUpsert("result_v3", query, PerformanceTier.Medium, null, null), None);
        Assert.Equal("dune.alice.result_v3", view.FullName);
        var (bobs, _) = await h.Views.UpsertAsync("bob", new ViewUpsert("result_b", await h.QueryAsync("bob", "select 2 as n"), PerformanceTier.Medium, null, null), None);
        Assert.Equal("dune.bob.result_b", bobs.FullName);
        Assert.Equal(1, rejections.Count(Strata.Application.Observability.StrataMetrics.Reasons.ViewsQuota));
    }

    [Fact]
    public async Task A_view_made_private_makes_its_existing_table_private_at_once_even_when_the_refresh_fails()
    {
        // hostile3: the table kept the privacy of its last applied refresh; a view switched to private whose refresh
        // then failed left its rows readable by every owner, for good.
        await using var h = await ViewHarness.CreateAsync();
        long query = await h.QueryAsync("alice", "select 1 as n");
        await h.Views.UpsertAsync("alice", new ViewUpsert("result_a", query, PerformanceTier.Medium, null, IsPrivate: false), None);
        Assert.False(h.Tables.Privacy.ContainsKey("result_a"));

        h.Tables.Failing["result_a"] = "the refresh fails";
        await h.Views.UpsertAsync("alice", new ViewUpsert("result_a", query, PerformanceTier.Medium, null, IsPrivate: true), None);
        Assert.True(h.Tables.Privacy["result_a"]);
        await h.Views.UpsertAsync("alice", new ViewUpsert("result_a", query, PerformanceTier.Medium, null, IsPrivate: false), None);
        Assert.False(h.Tables.Privacy["result_a"]);
    }

    [Fact]
    public async Task Waiting_for_an_execution_that_has_already_ended_leaves_no_registration_behind()
    {
        // hostile3: each wait on an ended execution (a refresh or pipeline node found ended) kept a waiter for ever.
        await using var h = await ViewHarness.CreateAsync();
        long query = await h.QueryAsync("alice", "select 1 as n");
        h.Executions.StartWorker();
        var (_, executionId) = await h.Views.UpsertAsync("alice", new ViewUpsert("result_w", query, PerformanceTier.Medium, null, null), None);
        (await h.Executions.Engine.NextStartedAsync()).Complete();
        var ended = await h.Views.WaitEndedAsync(executionId, None).WaitAsync(ExecutionHarness.Guard);
        Assert.True(ended!.State.IsTerminal());
        await h.Views.WhenAppliedAsync(executionId).WaitAsync(ExecutionHarness.Guard);
        int before = h.Executions.Signals.Waited;
        for (int i = 0; i < 100; i++)
        {
            await h.Views.WaitEndedAsync(executionId, None);
            await h.Views.WaitEndedAsync("01NOSUCHEXECUTION" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), None);
        }
        Assert.Equal(before, h.Executions.Signals.Waited);
        Assert.Equal(0, h.Executions.Signals.Waited);
    }
}
