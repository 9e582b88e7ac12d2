using Strata.Application.Executions;
using Strata.Core.Executions;
using Strata.Core.Storage;

namespace Strata.Tests.Contracts;

/// <summary>
/// What the execution use cases rely on from an <see cref="IExecutionQueue"/>, for every implementation: the
/// in-memory <see cref="FairQueue"/> of a node alone and the PostgreSQL queue shared by several nodes. Each
/// test drives the queue as <c>ExecutionService</c> does, with the store the queue goes with (the rows are
/// inserted, started and ended in it): reserve, insert, enqueue; claim, start, finish, complete; cancel, remove;
/// recovery's re-queue. A claim that must find nothing is given half a second (the PostgreSQL queue polls
/// every 100 ms here).
/// </summary>
public abstract class QueueContract : IAsyncLifetime
{
    private static readonly TimeSpan Guard = Api.HangGuard;
    private const PerformanceTier Tier = PerformanceTier.Medium;
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private int submitted;

    protected IExecutionStore Store { get; private set; } = null!;

    protected IExecutionQueue Queue { get; private set; } = null!;

    /// <summary>A new, empty store and a queue over it with these quotas.</summary>
    protected abstract Task<(IExecutionStore Store, IExecutionQueue Queue)> CreateAsync(int queuedPerOwner, int runningPerOwner, int capacityPerTier);

    protected abstract Task DeleteAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => DeleteAsync();

    private async Task UseAsync(int queuedPerOwner = 10, int runningPerOwner = 1, int capacityPerTier = 100) =>
        (Store, Queue) = await CreateAsync(queuedPerOwner, runningPerOwner, capacityPerTier);

    private Execution NewExecution(string owner) => new()
    {
        Id = ExecutionIds.New(),
        Owner = owner,
        Sql = "SELECT 1",
        Tier = Tier,
        State = ExecutionState.Pending,
        SubmittedAt = T0 + TimeSpan.FromSeconds(++submitted),
    };

    /// <summary>A submission: room reserved, the row committed, then queued.</summary>
    private async Task<string> SubmitAsync(string owner)
    {
        Assert.Equal(QueueAdmission.Accepted, await Queue.TryReserveAsync(owner, Tier, CancellationToken.None));
        var execution = NewExecution(owner);
        await Store.InsertExecutionAsync(execution, null, CancellationToken.None);
        await Queue.EnqueueAsync(execution.Id, owner, Tier);
        return execution.Id;
    }

    private async Task<string> ClaimAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        return await Queue.ClaimAsync(Tier, guard.Token);
    }

    /// <summary>The next claim, or null when none comes within half a second.</summary>
    private async Task<string?> ClaimOrNothingAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            return await Queue.ClaimAsync(Tier, bound.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A claimed execution's run: started, completed in the store, then its claim completed.</summary>
    private async Task RunToEndAsync(string id)
    {
        Assert.True(await Store.TryStartAsync(id, T0, CancellationToken.None));
        Assert.True(await Store.TryFinishAsync(id, new ExecutionOutcome(ExecutionState.Completed, T0), CancellationToken.None));
        await Queue.CompleteAsync(id);
    }

    [Fact]
    public async Task An_enqueued_execution_has_a_place_until_it_is_claimed_and_is_claimed_once()
    {
        await UseAsync();
        string id = await SubmitAsync("alice");
        Assert.Equal(1, await Queue.PositionOfAsync(id, CancellationToken.None));
        Assert.Equal(1, Queue.Depth(Tier));
        Assert.Equal(id, await ClaimAsync());
        Assert.Null(await Queue.PositionOfAsync(id, CancellationToken.None));
        Assert.Equal(0, Queue.Depth(Tier));
        Assert.Null(await ClaimOrNothingAsync());
        await RunToEndAsync(id);
        Assert.Null(await ClaimOrNothingAsync());
    }

    [Fact]
    public async Task An_owner_never_holds_more_than_its_running_quota_and_others_go_meanwhile()
    {
        await UseAsync(runningPerOwner: 1);
        string a1 = await SubmitAsync("alice"), a2 = await SubmitAsync("alice"), b1 = await SubmitAsync("bob");
        Assert.Equal(a1, await ClaimAsync());
        Assert.Equal(b1, await ClaimAsync());
        Assert.Null(await ClaimOrNothingAsync());
        await RunToEndAsync(a1);
        Assert.Equal(a2, await ClaimAsync());
    }

    [Fact]
    public async Task A_backlog_of_one_owner_lets_another_owners_first_execution_go_next()
    {
        await UseAsync(runningPerOwner: 3);
        string a1 = await SubmitAsync("alice"), a2 = await SubmitAsync("alice"), a3 = await SubmitAsync("alice"), b1 = await SubmitAsync("bob");
        Assert.Equal(a1, await ClaimAsync());
        Assert.Equal(b1, await ClaimAsync());
        Assert.Equal(a2, await ClaimAsync());
        Assert.Equal(a3, await ClaimAsync());
    }

    [Fact]
    public async Task Past_the_queued_quota_a_reservation_is_refused_and_a_cancel_makes_room()
    {
        await UseAsync(queuedPerOwner: 2);
        string a1 = await SubmitAsync("alice"), a2 = await SubmitAsync("alice");
        Assert.Equal(QueueAdmission.OwnerQuota, await Queue.TryReserveAsync("alice", Tier, CancellationToken.None));
        Assert.Equal(QueueAdmission.Accepted, await Queue.TryReserveAsync("bob", Tier, CancellationToken.None));
        await Queue.CancelReservationAsync("bob", Tier);

        // A cancel as the use case does it: the store first, then out of the queue.
        Assert.True(await Store.TryFinishAsync(a2, new ExecutionOutcome(ExecutionState.Cancelled, T0), CancellationToken.None));
        Assert.True(await Queue.RemoveAsync(a2, CancellationToken.None));
        Assert.Equal(QueueAdmission.Accepted, await Queue.TryReserveAsync("alice", Tier, CancellationToken.None));
        await Queue.CancelReservationAsync("alice", Tier);

        Assert.Equal(a1, await ClaimAsync());
        Assert.False(await Queue.RemoveAsync(a1, CancellationToken.None));
        Assert.Null(await ClaimOrNothingAsync());
    }

    [Fact]
    public async Task A_full_tier_refuses_a_reservation_of_any_owner()
    {
        await UseAsync(capacityPerTier: 2);
        await SubmitAsync("alice");
        await SubmitAsync("bob");
        Assert.Equal(QueueAdmission.TierFull, await Queue.TryReserveAsync("carol", Tier, CancellationToken.None));
    }

    [Fact]
    public async Task A_requeued_execution_is_claimable_again_whatever_the_owners_quota()
    {
        await UseAsync(queuedPerOwner: 1);
        string a1 = await SubmitAsync("alice");
        // Accepted before a restart: the store holds it PENDING, the new queue knows nothing of it.
        var recovered = NewExecution("alice");
        await Store.InsertExecutionAsync(recovered, null, CancellationToken.None);
        await Queue.RequeueAsync(recovered.Id, "alice", Tier);
        Assert.Equal(a1, await ClaimAsync());
        await RunToEndAsync(a1);
        Assert.Equal(recovered.Id, await ClaimAsync());
    }
}

/// <summary>
/// What the use cases rely on from <see cref="IExecutionSignals"/>, for every implementation (in memory; over
/// PostgreSQL for several nodes): a waiter wakes when its execution is signalled finished, or at a wake-all,
/// and not before; a run registered here is stopped through its cancellation source and is known to run here
/// until its registration ends.
/// </summary>
public abstract class SignalsContract : PortContract<IExecutionSignals>
{
    private static readonly TimeSpan Guard = Api.HangGuard;

    private IExecutionSignals Signals => Port;

    [Fact]
    public async Task A_waiter_wakes_when_its_execution_is_finished_and_the_others_at_a_wake_all()
    {
        string a = ExecutionIds.New(), b = ExecutionIds.New();
        var waitA = Signals.WhenFinishedAsync(a);
        var waitB = Signals.WhenFinishedAsync(b);
        Assert.False(waitA.IsCompleted);
        Signals.Finished(a);
        await waitA.WaitAsync(Guard);
        Assert.False(waitB.IsCompleted);
        Signals.WakeAll();
        await waitB.WaitAsync(Guard);
    }

    [Fact]
    public async Task A_run_registered_here_is_stopped_through_its_source_and_runs_here_until_its_registration_ends()
    {
        string id = ExecutionIds.New(), other = ExecutionIds.New();
        using var cancel = new CancellationTokenSource();
        using var otherCancel = new CancellationTokenSource();
        var registration = Signals.Running(id, cancel);
        using var otherRegistration = Signals.Running(other, otherCancel);
        Assert.True(Signals.IsRunning(id));
        Assert.True(await Signals.CancelAsync(id));
        Assert.True(cancel.IsCancellationRequested);
        Assert.False(otherCancel.IsCancellationRequested);
        registration.Dispose();
        Assert.False(Signals.IsRunning(id));
        Assert.True(Signals.IsRunning(other));
    }
}

/// <summary>
/// What submission relies on from <see cref="IReuseLocks"/>, for every implementation (in process; PostgreSQL
/// advisory locks for several nodes): one holder per key at a time, other keys unaffected, and a wait given up
/// by its token ends without the lock.
/// </summary>
public abstract class ReuseLocksContract : PortContract<IReuseLocks>
{
    private static readonly TimeSpan Guard = Api.HangGuard;

    private IReuseLocks Locks => Port;

    [Fact]
    public async Task A_second_holder_of_a_key_waits_for_the_first_while_another_key_is_free()
    {
        var first = await Locks.LockAsync("key-a", CancellationToken.None).WaitAsync(Guard);
        var second = Locks.LockAsync("key-a", CancellationToken.None);
        // Another key is taken and given back while the second waits.
        await (await Locks.LockAsync("key-b", CancellationToken.None).WaitAsync(Guard)).DisposeAsync();
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await (await second.WaitAsync(Guard)).DisposeAsync();
    }

    [Fact]
    public async Task A_wait_given_up_by_its_token_ends_without_the_lock()
    {
        var first = await Locks.LockAsync("key-c", CancellationToken.None).WaitAsync(Guard);
        using var giveUp = new CancellationTokenSource();
        var waiting = Locks.LockAsync("key-c", giveUp.Token);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Guard));
        await first.DisposeAsync();
        await (await Locks.LockAsync("key-c", CancellationToken.None).WaitAsync(Guard)).DisposeAsync();
    }
}

/// <summary>The base of a contract over one port: a new implementation per test from <see cref="CreateAsync"/>.</summary>
public abstract class PortContract<TPort> : IAsyncLifetime where TPort : class
{
    private TPort? port;

    protected TPort Port => port ?? throw new InvalidOperationException("The port is made in InitializeAsync.");

    /// <summary>A new implementation, with whatever it needs (a database) made.</summary>
    protected abstract Task<TPort> CreateAsync();

    /// <summary>Releases what <see cref="CreateAsync"/> made; nothing by default.</summary>
    protected virtual Task DeleteAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => port = await CreateAsync();

    public Task DisposeAsync() => DeleteAsync();
}
