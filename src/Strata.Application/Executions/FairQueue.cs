using Strata.Application.Configuration;
using Strata.Core.Executions;

namespace Strata.Application.Executions;

/// <summary>
/// The claim order of pending executions: per tier, round-robin across the owners that have queued
/// work (each owner's executions in submission order), skipping an owner while it has its tier's
/// running quota in flight. An owner that starts queuing joins the end of the round, so another
/// owner's first execution waits for at most one execution of each owner already queued.
/// Thread-safe; workers wait in <see cref="ClaimAsync"/> without holding a thread.
/// </summary>
public sealed class FairQueue : IExecutionQueue
{
    private readonly object gate = new();
    private readonly Dictionary<PerformanceTier, Tier> tiers;
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> queuedByOwner = new(StringComparer.Ordinal);
    private readonly int queuedPerOwner;
    private readonly int capacityPerTier;

    /// <param name="queuedPerOwner">Most pending executions an owner may have, across tiers.</param>
    /// <param name="runningPerOwner">Per tier, most executions of one owner that run at once.</param>
    /// <param name="capacityPerTier">Most pending executions a tier holds, all owners together.</param>
    public FairQueue(int queuedPerOwner, IReadOnlyDictionary<PerformanceTier, int> runningPerOwner, int capacityPerTier = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(queuedPerOwner, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityPerTier, 1);
        this.queuedPerOwner = queuedPerOwner;
        this.capacityPerTier = capacityPerTier;
        tiers = Enum.GetValues<PerformanceTier>().ToDictionary(t => t, t => new Tier(runningPerOwner.TryGetValue(t, out int quota) ? Math.Max(1, quota) : 1));
    }

    /// <summary>The queue the settings describe: quotas per owner, and each tier's capacity.</summary>
    public static FairQueue For(StrataOptions options, QuotaOptions quotas) => new(
        quotas.QueuedPerOwner,
        Enum.GetValues<PerformanceTier>().ToDictionary(t => t, t => quotas.RunningPerOwnerFor(options.TierOf(t).Slots)),
        options.QueueCapacity);

    public int QueuedPerOwner => queuedPerOwner;

    public int CapacityPerTier => capacityPerTier;

    public int RunningPerOwner(PerformanceTier tier) => tiers[tier].RunningQuota;

    ValueTask<QueueAdmission> IExecutionQueue.TryReserveAsync(string owner, PerformanceTier tier, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryReserve(owner, tier));

    ValueTask IExecutionQueue.CancelReservationAsync(string owner, PerformanceTier tier)
    {
        CancelReservation(owner, tier);
        return ValueTask.CompletedTask;
    }

    ValueTask IExecutionQueue.EnqueueAsync(string id, string owner, PerformanceTier tier)
    {
        Enqueue(id, owner, tier);
        return ValueTask.CompletedTask;
    }

    ValueTask IExecutionQueue.RequeueAsync(string id, string owner, PerformanceTier tier)
    {
        Requeue(id, owner, tier);
        return ValueTask.CompletedTask;
    }

    ValueTask IExecutionQueue.CompleteAsync(string id)
    {
        Complete(id);
        return ValueTask.CompletedTask;
    }

    ValueTask<bool> IExecutionQueue.RemoveAsync(string id, CancellationToken cancellationToken) => ValueTask.FromResult(Remove(id));

    ValueTask<int?> IExecutionQueue.PositionOfAsync(string id, CancellationToken cancellationToken) => ValueTask.FromResult(PositionOf(id));

    /// <summary>
    /// Holds room for one execution of the owner before it is committed to the store, so that concurrent
    /// submissions cannot pass the quota together. Every success is followed by
    /// <see cref="Enqueue(string, string, PerformanceTier)"/> or by <see cref="CancelReservation"/>.
    /// </summary>
    public QueueAdmission TryReserve(string owner, PerformanceTier tier)
    {
        lock (gate)
        {
            if (queuedByOwner.GetValueOrDefault(owner) >= queuedPerOwner)
            {
                return QueueAdmission.OwnerQuota;
            }
            var t = tiers[tier];
            if (t.Queued + t.Reserved >= capacityPerTier)
            {
                return QueueAdmission.TierFull;
            }
            t.Reserved++;
            queuedByOwner[owner] = queuedByOwner.GetValueOrDefault(owner) + 1;
            return QueueAdmission.Accepted;
        }
    }

    /// <summary>Gives back a reservation that did not become an execution.</summary>
    public void CancelReservation(string owner, PerformanceTier tier)
    {
        lock (gate)
        {
            tiers[tier].Reserved--;
            DecrementQueued(owner);
        }
    }

    public void Enqueue(string id, string owner, PerformanceTier tier) => Enqueue(id, owner, tier, reserved: true);

    public void Requeue(string id, string owner, PerformanceTier tier) => Enqueue(id, owner, tier, reserved: false);

    /// <summary>
    /// Queues an execution. With <paramref name="reserved"/> it uses a reservation; without (restart
    /// recovery) it is queued whatever the quota, because it was accepted before.
    /// </summary>
    private void Enqueue(string id, string owner, PerformanceTier tier, bool reserved)
    {
        lock (gate)
        {
            var t = tiers[tier];
            if (reserved)
            {
                t.Reserved--;
            }
            else
            {
                queuedByOwner[owner] = queuedByOwner.GetValueOrDefault(owner) + 1;
            }
            if (entries.ContainsKey(id))
            {
                DecrementQueued(owner);
                return;
            }
            var lane = t.LaneOf(owner);
            var entry = new Entry(id, owner, tier);
            entry.Node = lane.Queue.AddLast(entry);
            entries[id] = entry;
            t.Queued++;
            if (lane.Active is null)
            {
                lane.Active = t.Active.AddLast(lane);
            }
            Dispatch(t);
        }
    }

    /// <summary>
    /// The next execution of the tier in fair order, once there is one an owner may start; the owner's
    /// running count includes it until <see cref="Complete"/>.
    /// </summary>
    public Task<string> ClaimAsync(PerformanceTier tier, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var t = tiers[tier];
            if (t.Waiters.Count == 0 && TryTake(t) is { } id)
            {
                return Task.FromResult(id);
            }
            var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var node = t.Waiters.AddLast(waiter);
            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() =>
                {
                    lock (gate)
                    {
                        if (node.List is not null)
                        {
                            t.Waiters.Remove(node);
                            waiter.TrySetCanceled(cancellationToken);
                        }
                    }
                });
                _ = waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            return waiter.Task;
        }
    }

    /// <summary>Ends a claim: the execution no longer counts against its owner's running quota.</summary>
    public void Complete(string id)
    {
        lock (gate)
        {
            if (!entries.Remove(id, out var entry) || !entry.Claimed)
            {
                return;
            }
            var t = tiers[entry.Tier];
            var lane = t.Lanes[entry.Owner];
            lane.Running--;
            t.DropIfIdle(lane);
            Dispatch(t);
        }
    }

    /// <summary>Takes a pending execution out of the queue (it was cancelled). False when it is not queued.</summary>
    public bool Remove(string id)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(id, out var entry) || entry.Claimed)
            {
                return false;
            }
            entries.Remove(id);
            var t = tiers[entry.Tier];
            var lane = t.Lanes[entry.Owner];
            lane.Queue.Remove(entry.Node!);
            t.Queued--;
            DecrementQueued(entry.Owner);
            if (lane.Queue.Count == 0 && lane.Active is not null)
            {
                t.Active.Remove(lane.Active);
                lane.Active = null;
            }
            t.DropIfIdle(lane);
            return true;
        }
    }

    /// <summary>
    /// 1-based place of a pending execution in the tier's claim order as it stands: one more than the
    /// number of queued executions the round-robin starts before it. Null when it is not queued.
    /// </summary>
    public int? PositionOf(string id)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(id, out var entry) || entry.Claimed)
            {
                return null;
            }
            var t = tiers[entry.Tier];
            var own = t.Lanes[entry.Owner];
            int k = 0;
            for (var n = own.Queue.First; n is not null && !ReferenceEquals(n.Value, entry); n = n.Next)
            {
                k++;
            }
            int ahead = k;
            bool before = true;
            foreach (var lane in t.Active)
            {
                if (ReferenceEquals(lane, own))
                {
                    before = false;
                    continue;
                }
                // An owner ahead in the round gets its (k+1)-th turn before this one's; one behind, its k-th.
                ahead += Math.Min(lane.Queue.Count, before ? k + 1 : k);
            }
            return ahead + 1;
        }
    }

    public int Depth(PerformanceTier tier)
    {
        lock (gate)
        {
            return tiers[tier].Queued;
        }
    }

    /// <summary>Pending executions of an owner, across tiers (reservations included).</summary>
    public int QueuedCount(string owner)
    {
        lock (gate)
        {
            return queuedByOwner.GetValueOrDefault(owner);
        }
    }

    /// <summary>Executions of an owner claimed and not yet released, in one tier.</summary>
    public int RunningCount(string owner, PerformanceTier tier)
    {
        lock (gate)
        {
            return tiers[tier].Lanes.TryGetValue(owner, out var lane) ? lane.Running : 0;
        }
    }

    private void Dispatch(Tier t)
    {
        while (t.Waiters.First is { } first)
        {
            if (TryTake(t) is not { } id)
            {
                return;
            }
            t.Waiters.RemoveFirst();
            first.Value.TrySetResult(id);
        }
    }

    private string? TryTake(Tier t)
    {
        for (var node = t.Active.First; node is not null; node = node.Next)
        {
            var lane = node.Value;
            if (lane.Running >= t.RunningQuota)
            {
                continue;
            }
            var entry = lane.Queue.First!.Value;
            lane.Queue.RemoveFirst();
            entry.Node = null;
            entry.Claimed = true;
            lane.Running++;
            t.Queued--;
            DecrementQueued(entry.Owner);
            t.Active.Remove(node);
            lane.Active = lane.Queue.Count > 0 ? t.Active.AddLast(lane) : null;
            return entry.Id;
        }
        return null;
    }

    private void DecrementQueued(string owner)
    {
        int left = queuedByOwner.GetValueOrDefault(owner) - 1;
        if (left <= 0)
        {
            queuedByOwner.Remove(owner);
        }
        else
        {
            queuedByOwner[owner] = left;
        }
    }

    private sealed class Entry(string id, string owner, PerformanceTier tier)
    {
        public string Id { get; } = id;
        public string Owner { get; } = owner;
        public PerformanceTier Tier { get; } = tier;
        public LinkedListNode<Entry>? Node { get; set; }
        public bool Claimed { get; set; }
    }

    private sealed class Lane(string owner)
    {
        public string Owner { get; } = owner;
        public LinkedList<Entry> Queue { get; } = new();
        public int Running { get; set; }

        /// <summary>This lane's node in the round while it has queued work.</summary>
        public LinkedListNode<Lane>? Active { get; set; }
    }

    private sealed class Tier(int runningQuota)
    {
        public int RunningQuota { get; } = runningQuota;
        public Dictionary<string, Lane> Lanes { get; } = new(StringComparer.Ordinal);
        public LinkedList<Lane> Active { get; } = new();
        public LinkedList<TaskCompletionSource<string>> Waiters { get; } = new();
        public int Queued { get; set; }
        public int Reserved { get; set; }

        public Lane LaneOf(string owner)
        {
            if (!Lanes.TryGetValue(owner, out var lane))
            {
                lane = new Lane(owner);
                Lanes[owner] = lane;
            }
            return lane;
        }

        public void DropIfIdle(Lane lane)
        {
            if (lane.Running == 0 && lane.Queue.Count == 0)
            {
                Lanes.Remove(lane.Owner);
            }
        }
    }
}
