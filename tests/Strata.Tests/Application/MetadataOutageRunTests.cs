using Strata.Application.Executions;
using Strata.Core.Executions;

namespace Strata.Tests.Application;

/// <summary>
/// A run whose start meets the metadata database away (a PostgreSQL restart or failover in a cluster): it waits for the
/// database while its node holds the claim, then runs; the outage fails no query. (Before, the failed read of the tables
/// the owner may see ended the run as an internal error; CI's PostgresRestartTests caught it once, stopping PostgreSQL
/// between the run's start and that read.)
/// </summary>
public sealed class MetadataOutageRunTests
{
    [Fact]
    public async Task A_run_that_starts_while_the_metadata_database_is_away_waits_for_it_and_completes()
    {
        await using var h = await ExecutionHarness.CreateAsync(queue: q => new ClaimHeldQueue(q));
        h.Tables.Unavailable = 3;
        var id = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        var started = h.Engine.Run(id).Started;
        Assert.True(await h.Tables.Refused.WaitAsync(ExecutionHarness.Guard), "the snapshot was never tried");
        // Still running, not failed: the outage is waited out.
        Assert.Equal(ExecutionState.Executing, (await h.GetAsync(id)).State);
        Assert.False(started.IsCompleted);
        // The retries wait on the (fake) clock: move it until the fourth read succeeds and the engine is asked.
        for (int advanced = 0; !started.IsCompleted; advanced++)
        {
            Assert.True(advanced < 600, "the run did not start within ten minutes of the fake clock");
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(started, Task.Delay(10)).WaitAsync(ExecutionHarness.Guard);
        }
        // The other two refusals came before the run started.
        Assert.Equal(2, h.Tables.Refused.CurrentCount);
        h.Engine.Run(id).Complete(rows: 7);
        var ended = await h.EndedAsync(id);
        Assert.Equal(ExecutionState.Completed, ended.State);
        Assert.Equal(7, ended.Result!.RowCount);
        Assert.Single(h.Engine.Started);
        await h.StopWorkersAsync();
        Assert.Equal(0, h.Tables.Held);
    }

    [Fact]
    public async Task Without_a_claim_held_the_outage_fails_the_run_as_before_and_the_worker_goes_on()
    {
        // A queue of one process (HoldsClaim false) has no one to wait for: its store is not away while it runs.
        await using var h = await ExecutionHarness.CreateAsync();
        h.Tables.Unavailable = 1;
        var first = (await h.SubmitAsync("alice")).Execution.Id;
        h.StartWorker();
        var ended = await h.EndedAsync(first);
        Assert.Equal(ExecutionState.Failed, ended.State);
        Assert.Equal(ExecutionError.ExecutionFailed, ended.Error!.Type);
        Assert.Empty(h.Engine.Started);
        var second = (await h.SubmitAsync("alice", "select 2")).Execution.Id;
        h.Engine.Run(second).Complete();
        Assert.Equal(ExecutionState.Completed, (await h.EndedAsync(second)).State);
    }

    /// <summary>The embedded queue, saying (as a cluster's queue does while its lease is renewed) that this node holds each claim.</summary>
    private sealed class ClaimHeldQueue(IExecutionQueue inner) : IExecutionQueue
    {
        public int QueuedPerOwner => inner.QueuedPerOwner;

        public int CapacityPerTier => inner.CapacityPerTier;

        public ValueTask<QueueAdmission> TryReserveAsync(string owner, PerformanceTier tier, CancellationToken cancellationToken) =>
            inner.TryReserveAsync(owner, tier, cancellationToken);

        public ValueTask CancelReservationAsync(string owner, PerformanceTier tier) => inner.CancelReservationAsync(owner, tier);

        public ValueTask EnqueueAsync(string id, string owner, PerformanceTier tier) => inner.EnqueueAsync(id, owner, tier);

        public ValueTask RequeueAsync(string id, string owner, PerformanceTier tier) => inner.RequeueAsync(id, owner, tier);

        public Task<string> ClaimAsync(PerformanceTier tier, CancellationToken cancellationToken) => inner.ClaimAsync(tier, cancellationToken);

        public ValueTask CompleteAsync(string id) => inner.CompleteAsync(id);

        public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken) => inner.RemoveAsync(id, cancellationToken);

        public ValueTask<int?> PositionOfAsync(string id, CancellationToken cancellationToken) => inner.PositionOfAsync(id, cancellationToken);

        public int Depth(PerformanceTier tier) => inner.Depth(tier);

        public bool HoldsClaim(string id) => true;
    }
}
