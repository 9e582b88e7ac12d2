using Strata.Core.Executions;
using Strata.Application.Executions;

namespace Strata.Tests;

/// <summary>The claim order on its own: no server, no clock, no sleeps.</summary>
public sealed class FairQueueTests
{
    private const PerformanceTier Medium = PerformanceTier.Medium;

    private static FairQueue NewQueue(int queuedPerOwner = 1000, int runningPerOwner = 100, int capacity = int.MaxValue) =>
        new(queuedPerOwner, new Dictionary<PerformanceTier, int> { [Medium] = runningPerOwner, [PerformanceTier.Large] = runningPerOwner }, capacity);

    private static void Submit(FairQueue queue, string owner, string id, PerformanceTier tier = Medium)
    {
        Assert.Equal(QueueAdmission.Accepted, queue.TryReserve(owner, tier));
        queue.Enqueue(id, owner, tier);
    }

    private static string Claim(FairQueue queue, PerformanceTier tier = Medium)
    {
        var task = queue.ClaimAsync(tier, CancellationToken.None);
        Assert.True(task.IsCompletedSuccessfully, "a claim should have been ready");
        return task.Result;
    }

    [Fact]
    public void Owners_take_turns_and_each_owner_keeps_its_own_order()
    {
        var queue = NewQueue();
        for (int i = 1; i <= 5; i++)
        {
            Submit(queue, "alice", $"a{i}");
        }
        Submit(queue, "bob", "b1");
        Submit(queue, "bob", "b2");
        var order = Enumerable.Range(0, 7).Select(_ => Claim(queue)).ToList();
        Assert.Equal(["a1", "b1", "a2", "b2", "a3", "a4", "a5"], order);
    }

    [Fact]
    public void A_newcomer_waits_for_at_most_one_execution_of_an_owner_with_a_long_backlog()
    {
        var queue = NewQueue();
        for (int i = 1; i <= 200; i++)
        {
            Submit(queue, "alice", $"a{i}");
        }
        Assert.Equal("a1", Claim(queue));
        Submit(queue, "bob", "b1");
        Assert.Equal(2, queue.PositionOf("b1"));
        Assert.Equal(200, queue.PositionOf("a200"));
        Assert.Equal("a2", Claim(queue));
        Assert.Equal(1, queue.PositionOf("b1"));
        Assert.Equal("b1", Claim(queue));
        Assert.Null(queue.PositionOf("b1"));
    }

    [Fact]
    public void Reported_positions_are_exactly_the_order_in_which_executions_are_claimed()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var random = new Random(seed);
            var queue = NewQueue();
            var ids = new List<string>();
            int claimed = 0;
            for (int step = 0; step < 120; step++)
            {
                if (random.Next(5) == 0 && ids.Count > claimed)
                {
                    queue.Complete(Claim(queue));
                    claimed++;
                    continue;
                }
                string owner = "owner" + random.Next(4);
                string id = $"{owner}-{step}";
                Submit(queue, owner, id);
                ids.Add(id);
            }
            var pending = ids.Where(id => queue.PositionOf(id) is not null).ToList();
            var expected = pending.OrderBy(id => queue.PositionOf(id)).ToList();
            Assert.Equal(Enumerable.Range(1, pending.Count), expected.Select(id => queue.PositionOf(id)!.Value));
            var actual = pending.Select(_ => Claim(queue)).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task An_owner_at_its_running_quota_is_passed_over_until_one_of_its_runs_ends()
    {
        var queue = NewQueue(runningPerOwner: 1);
        Submit(queue, "alice", "a1");
        Submit(queue, "alice", "a2");
        Submit(queue, "bob", "b1");
        Assert.Equal("a1", Claim(queue));
        Assert.Equal("b1", Claim(queue));
        var third = queue.ClaimAsync(Medium, CancellationToken.None);
        Assert.False(third.IsCompleted);
        Assert.Equal(1, queue.RunningCount("alice", Medium));
        queue.Complete("b1");
        Assert.False(third.IsCompleted);
        queue.Complete("a1");
        Assert.Equal("a2", await third.WaitAsync(Api.HangGuard));
    }

    [Fact]
    public void The_queued_quota_counts_pending_executions_and_frees_up_as_they_start_or_are_cancelled()
    {
        var queue = NewQueue(queuedPerOwner: 3);
        Submit(queue, "alice", "a1");
        Submit(queue, "alice", "a2");
        Submit(queue, "alice", "a3");
        Assert.Equal(QueueAdmission.OwnerQuota, queue.TryReserve("alice", Medium));
        Assert.Equal(QueueAdmission.OwnerQuota, queue.TryReserve("alice", PerformanceTier.Large));
        Submit(queue, "bob", "b1");
        Assert.Equal("a1", Claim(queue));
        Submit(queue, "alice", "a4");
        Assert.True(queue.Remove("a2"));
        Assert.False(queue.Remove("a2"));
        Assert.Equal(QueueAdmission.Accepted, queue.TryReserve("alice", Medium));
        queue.CancelReservation("alice", Medium);
        Assert.Equal(2, queue.QueuedCount("alice"));
        Assert.Equal(["b1", "a3", "a4"], new[] { Claim(queue), Claim(queue), Claim(queue) });
    }

    [Fact]
    public void Recovered_executions_are_queued_past_the_quota_because_they_were_accepted_before()
    {
        var queue = NewQueue(queuedPerOwner: 2);
        for (int i = 1; i <= 5; i++)
        {
            queue.Requeue($"a{i}", "alice", Medium);
        }
        Assert.Equal(5, queue.QueuedCount("alice"));
        Assert.Equal(QueueAdmission.OwnerQuota, queue.TryReserve("alice", Medium));
        Assert.Equal(5, queue.PositionOf("a5"));
    }

    [Fact]
    public void A_full_tier_refuses_whoever_asks()
    {
        var queue = NewQueue(capacity: 2);
        Submit(queue, "alice", "a1");
        Submit(queue, "bob", "b1");
        Assert.Equal(QueueAdmission.TierFull, queue.TryReserve("carol", Medium));
        Submit(queue, "carol", "c1", PerformanceTier.Large);
    }

    [Fact]
    public async Task A_cancelled_claim_loses_nothing()
    {
        var queue = NewQueue();
        using var cts = new CancellationTokenSource();
        var abandoned = queue.ClaimAsync(Medium, cts.Token);
        var next = queue.ClaimAsync(Medium, CancellationToken.None);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Submit(queue, "alice", "a1");
        Assert.Equal("a1", await next.WaitAsync(Api.HangGuard));
    }

    [Fact]
    public async Task Concurrent_submissions_cannot_pass_the_queued_quota_together()
    {
        var queue = NewQueue(queuedPerOwner: 50);
        int accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                if (queue.TryReserve("alice", Medium) == QueueAdmission.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                    queue.Enqueue($"a{worker}-{i}", "alice", Medium);
                }
            }
        })));
        Assert.Equal(50, accepted);
        Assert.Equal(50, queue.QueuedCount("alice"));
    }
}
