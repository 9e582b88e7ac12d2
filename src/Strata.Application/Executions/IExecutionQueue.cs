using Strata.Core.Executions;

namespace Strata.Application.Executions;

/// <summary>
/// The claim order of pending executions, per tier. A submission reserves room, then enqueues (or cancels
/// the reservation); a worker claims, runs, and completes; restart recovery re-queues what the store
/// holds as pending. The embedded implementation is <see cref="FairQueue"/>; a store shared by several
/// nodes would implement it over a table claimed with row locks.
/// </summary>
public interface IExecutionQueue
{
    /// <summary>Most pending executions one owner may have, across tiers.</summary>
    int QueuedPerOwner { get; }

    /// <summary>Most pending executions one tier holds, all owners together.</summary>
    int CapacityPerTier { get; }

    /// <summary>Holds room for one execution of the owner before it is committed to the store.</summary>
    ValueTask<QueueAdmission> TryReserveAsync(string owner, PerformanceTier tier, CancellationToken cancellationToken);

    /// <summary>Gives back a reservation that did not become an execution.</summary>
    ValueTask CancelReservationAsync(string owner, PerformanceTier tier);

    /// <summary>Queues an execution with its reservation.</summary>
    ValueTask EnqueueAsync(string id, string owner, PerformanceTier tier);

    /// <summary>Queues an execution accepted before (restart recovery, a hand-back), whatever the quota.</summary>
    ValueTask RequeueAsync(string id, string owner, PerformanceTier tier);

    /// <summary>The next execution of the tier an owner may start; it counts as running until <see cref="CompleteAsync"/>.</summary>
    Task<string> ClaimAsync(PerformanceTier tier, CancellationToken cancellationToken);

    /// <summary>Ends a claim: the execution no longer counts against its owner's running quota.</summary>
    ValueTask CompleteAsync(string id);

    /// <summary>Takes a pending execution out of the queue (it was cancelled). False when it is not queued.</summary>
    ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>1-based place of a pending execution in the claim order as it stands; null when not queued.</summary>
    ValueTask<int?> PositionOfAsync(string id, CancellationToken cancellationToken);

    /// <summary>Pending executions of a tier waiting to be claimed, all owners together.</summary>
    int Depth(PerformanceTier tier);

    /// <summary>
    /// True when several nodes share the queue. Start-up recovery then must not judge an EXECUTING
    /// execution crashed (another node may be running it): the queue hands it to a worker once the
    /// claim of the node that ran it has lapsed, and the worker applies the crash rule then.
    /// </summary>
    bool SharedAcrossNodes => false;

    /// <summary>
    /// True while this node surely still holds its claim on the execution (shared queue: claimed here and renewed
    /// recently enough that no other node can have taken it over). A run that ended while the metadata database
    /// was away keeps trying to record its end while this holds, so its result is not run again elsewhere.
    /// False for a queue only this process reads (its store is not away while the process runs).
    /// </summary>
    bool HoldsClaim(string id) => false;

    /// <summary>
    /// True when this node's claim on an EXECUTING execution took it from a node that is still alive but no longer
    /// runs it (its run stopped without recording an end: it lost its claim, fenced itself, or could not record the
    /// end). The queue did not count that run as an attempt, and its files are that node's to remove, not the
    /// taker's. False when the node that ran it is gone (the crash rule applies), and for a queue of one process.
    /// </summary>
    bool TakenFromLiveNode(string id) => false;
}

/// <summary>The outcome of <see cref="IExecutionQueue.TryReserve"/>.</summary>
public enum QueueAdmission
{
    Accepted,
    /// <summary>The owner has its queued quota of pending executions.</summary>
    OwnerQuota,
    /// <summary>The tier holds its capacity of pending executions.</summary>
    TierFull,
}
