using Strata.Application;
using Strata.Application.Configuration;
using Strata.Application.Executions;
using Strata.Core.Executions;
using Strata.Core.Storage;

namespace Strata.Tests.Application;

/// <summary>Submission rules: reuse by max age, idempotency keys, quotas, fairness, refusal at shutdown and long polls.</summary>
public sealed class SubmissionTests
{

    private static async Task CompleteAsync(ExecutionHarness h, string id)
    {
        h.Engine.Run(id).Complete();
        await h.EndedAsync(id);
    }

    [Fact]
    public async Task Max_age_reuses_a_completed_result_younger_than_it_and_runs_again_once_it_is_older()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        h.StartWorker();
        var first = (await h.SubmitAsync("alice", "select 42")).Execution.Id;
        await CompleteAsync(h, first);

        h.Time.Advance(TimeSpan.FromMinutes(30));
        var reused = await h.SubmitAsync("alice", "select 42", maxAge: TimeSpan.FromHours(1));
        Assert.Equal((first, ReuseKind.Result), (reused.Execution.Id, reused.Reuse));

        var otherOwner = await h.SubmitAsync("bob", "select 42", maxAge: TimeSpan.FromHours(1));
        Assert.Equal(ReuseKind.None, otherOwner.Reuse);

        h.Time.Advance(TimeSpan.FromMinutes(31));
        var fresh = await h.SubmitAsync("alice", "select 42", maxAge: TimeSpan.FromHours(1));
        Assert.Equal(ReuseKind.None, fresh.Reuse);
        Assert.NotEqual(first, fresh.Execution.Id);
    }

    [Fact]
    public async Task Concurrent_identical_submissions_with_max_age_join_one_run()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var submissions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.SubmitAsync("alice", "select 7", maxAge: TimeSpan.FromHours(1)))));
        Assert.Single(submissions.Select(s => s.Execution.Id).Distinct());
        Assert.Single(submissions, s => s.Reuse == ReuseKind.None);
        Assert.All(submissions.Where(s => s.Reuse != ReuseKind.None), s => Assert.Equal(ReuseKind.InFlight, s.Reuse));
    }

    [Fact]
    public async Task An_idempotency_key_replays_its_execution_refuses_another_request_and_lapses_after_a_day()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var first = await h.SubmitAsync("alice", idempotency: new IdempotencyRequest("k1", "hash-a"));
        var replay = await h.SubmitAsync("alice", idempotency: new IdempotencyRequest("k1", "hash-a"));
        Assert.Equal((first.Execution.Id, ReuseKind.Idempotent), (replay.Execution.Id, replay.Reuse));

        var conflict = await Assert.ThrowsAsync<UseCaseException>(() => h.SubmitAsync("alice", idempotency: new IdempotencyRequest("k1", "hash-b")));
        Assert.Equal(UseCaseError.Conflict, conflict.Error);

        var bobs = await h.SubmitAsync("bob", idempotency: new IdempotencyRequest("k1", "hash-b"));
        Assert.Equal(ReuseKind.None, bobs.Reuse);

        h.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var later = await h.SubmitAsync("alice", idempotency: new IdempotencyRequest("k1", "hash-a"));
        Assert.NotEqual(first.Execution.Id, later.Execution.Id);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_make_one_execution_and_give_back_their_reservations()
    {
        // Room for all eight to reserve at once: the losers of the insert must give their room back.
        await using var h = await ExecutionHarness.CreateAsync(quotas: new QuotaOptions { QueuedPerOwner = 8 });
        var submissions = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => h.SubmitAsync("alice", idempotency: new IdempotencyRequest("same", "h")))));
        Assert.Single(submissions.Select(s => s.Execution.Id).Distinct());
        Assert.Single(await h.Store.ListUnfinishedAsync(CancellationToken.None));
        for (int i = 2; i <= 8; i++)
        {
            await h.SubmitAsync("alice", $"select {i}");
        }
        await Assert.ThrowsAsync<UseCaseException>(() => h.SubmitAsync("alice", "select 9"));
    }

    [Fact]
    public async Task Past_the_queued_quota_a_submission_is_refused_and_a_cancel_makes_room()
    {
        await using var h = await ExecutionHarness.CreateAsync(quotas: new QuotaOptions { QueuedPerOwner = 2 });
        var first = (await h.SubmitAsync("alice")).Execution;
        await h.SubmitAsync("alice", "select 2");
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => h.SubmitAsync("alice", "select 3"));
        Assert.Equal(UseCaseError.QuotaExceeded, refused.Error);
        Assert.Contains("at most 2 per owner (Strata:Quotas:QueuedPerOwner)", refused.Message, StringComparison.Ordinal);
        await h.SubmitAsync("bob");

        Assert.True(await h.Service.CancelAsync(first, CancellationToken.None));
        await h.SubmitAsync("alice", "select 3");
    }

    [Fact]
    public async Task A_full_tier_queue_refuses_as_unavailable_naming_the_setting()
    {
        await using var h = await ExecutionHarness.CreateAsync(o => o.QueueCapacity = 1);
        await h.SubmitAsync("alice");
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => h.SubmitAsync("bob"));
        Assert.Equal(UseCaseError.Unavailable, refused.Error);
        Assert.Contains("Strata:QueueCapacity", refused.Message, StringComparison.Ordinal);
        await h.SubmitAsync("bob", tier: PerformanceTier.Large);
    }

    [Fact]
    public async Task An_owner_over_its_storage_quota_submits_nothing()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        h.Storage.Over["alice"] = "Storage quota exceeded";
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => h.SubmitAsync("alice"));
        Assert.Equal((UseCaseError.Invalid, "Storage quota exceeded"), (refused.Error, refused.Message));
        Assert.Empty(await h.Store.ListUnfinishedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Owners_take_turns_and_one_owner_never_holds_more_than_its_running_quota()
    {
        await using var h = await ExecutionHarness.CreateAsync(o => o.Medium.Slots = 3, new QuotaOptions { RunningPerOwner = 1 });
        var a1 = (await h.SubmitAsync("alice", "select 1")).Execution.Id;
        var a2 = (await h.SubmitAsync("alice", "select 2")).Execution;
        var b1 = (await h.SubmitAsync("bob", "select 1")).Execution.Id;
        for (int i = 0; i < 3; i++)
        {
            h.StartWorker();
        }
        await h.Engine.Run(a1).Started.WaitAsync(ExecutionHarness.Guard);
        await h.Engine.Run(b1).Started.WaitAsync(ExecutionHarness.Guard);
        // A slot is free, but alice has her one running execution: a2 stays first in the queue.
        Assert.Equal(1, (await h.Service.WithQueuePositionAsync(a2, CancellationToken.None)).QueuePosition);
        await CompleteAsync(h, a1);
        await h.Engine.Run(a2.Id).Started.WaitAsync(ExecutionHarness.Guard);
    }

    [Fact]
    public async Task A_backlog_of_one_owner_lets_another_owners_first_execution_run_next()
    {
        await using var h = await ExecutionHarness.CreateAsync(o => o.Medium.Slots = 1);
        var alice = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            alice.Add((await h.SubmitAsync("alice", $"select {i}")).Execution.Id);
        }
        var bob = (await h.SubmitAsync("bob")).Execution;
        Assert.Equal(2, (await h.Service.WithQueuePositionAsync(bob, CancellationToken.None)).QueuePosition);
        h.StartWorker();
        await CompleteAsync(h, alice[0]);
        await CompleteAsync(h, bob.Id);
        await CompleteAsync(h, alice[1]);
        Assert.Equal([alice[0], bob.Id, alice[1]], h.Engine.Started.Take(3));
    }

    [Fact]
    public async Task After_shutdown_begins_submissions_are_refused_and_waiters_answer_at_once()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var pending = (await h.SubmitAsync("alice")).Execution;
        var waiting = h.Service.WaitAsync(pending, TimeSpan.FromSeconds(60), CancellationToken.None);
        h.Service.StopAccepting();
        Assert.Equal(ExecutionState.Pending, (await waiting.WaitAsync(ExecutionHarness.Guard)).State);
        Assert.Equal(ExecutionState.Pending, (await h.Service.WaitAsync(pending, TimeSpan.FromSeconds(60), CancellationToken.None).WaitAsync(ExecutionHarness.Guard)).State);
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => h.SubmitAsync("alice", "select 2"));
        Assert.Equal((UseCaseError.Unavailable, ExecutionService.ShuttingDownMessage), (refused.Error, refused.Message));
    }

    [Fact]
    public async Task A_long_poll_wakes_when_the_execution_ends_without_the_clock_moving()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var pending = (await h.SubmitAsync("alice")).Execution;
        var waiting = h.Service.WaitAsync(pending, TimeSpan.FromSeconds(60), CancellationToken.None);
        h.StartWorker();
        h.Engine.Run(pending.Id).Complete();
        Assert.Equal(ExecutionState.Completed, (await waiting.WaitAsync(ExecutionHarness.Guard)).State);
    }

    [Fact]
    public async Task Recovery_fails_an_execution_found_running_as_a_crash_suspect_and_queues_the_pending_ones()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var crashed = (await h.SubmitAsync("alice", "select 1")).Execution.Id;
        var pending = (await h.SubmitAsync("alice", "select 2")).Execution.Id;
        // What a kill -9 leaves: one execution EXECUTING in the store, nothing in memory.
        Assert.True(await h.Store.TryStartAsync(crashed, h.Time.GetUtcNow(), CancellationToken.None));
        await h.RestartAsync();

        var failed = await h.GetAsync(crashed);
        Assert.Equal(ExecutionState.Failed, failed.State);
        Assert.Equal(ExecutionService.CrashSuspectedMessage, failed.Error!.Message);
        Assert.Contains(crashed, h.Results.Deleted);
        h.StartWorker();
        await CompleteAsync(h, pending);
        Assert.Equal([pending], h.Engine.Started);
    }

    [Fact]
    public async Task A_graceful_stop_hands_a_running_execution_back_once_and_a_second_stop_fails_it()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        await h.Engine.Run(id).Started.WaitAsync(ExecutionHarness.Guard);
        await h.StopWorkersAsync();
        var handedBack = await h.GetAsync(id);
        Assert.Equal((ExecutionState.Pending, 1), (handedBack.State, handedBack.Attempts));

        await h.RestartAsync();
        h.StartWorker();
        await h.Engine.Run(id).Started.WaitAsync(ExecutionHarness.Guard);
        await h.StopWorkersAsync();
        var failed = await h.GetAsync(id);
        Assert.Equal(ExecutionState.Failed, failed.State);
        Assert.Equal(ExecutionService.StoppedTwiceMessage, failed.Error!.Message);
    }

    [Fact]
    public async Task A_handed_back_execution_runs_to_completion_after_the_restart()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        await h.Engine.Run(id).Started.WaitAsync(ExecutionHarness.Guard);
        await h.StopWorkersAsync();
        await h.RestartAsync();
        h.StartWorker();
        await CompleteAsync(h, id);
        var ended = await h.GetAsync(id);
        Assert.Equal((ExecutionState.Completed, 2), (ended.State, ended.Attempts));
    }
}
