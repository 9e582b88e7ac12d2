using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Metadata.Postgres;
using NpgsqlTypes;
using Strata.Application.Executions;
using Strata.Core.Executions;

namespace Strata.Cluster.Postgres;

/// <summary>
/// The queue of several nodes: the executions table itself. A pending row is free when nobody claims it
/// (or its claim lapsed); a worker claims one with <c>FOR UPDATE SKIP LOCKED</c>, writing its node id and
/// a lease (<c>claimed_by</c>, <c>lease_expires_at</c>) that a heartbeat renews every third of the lease.
/// An EXECUTING row whose lease lapsed belongs to a dead node: it is claimable too, and the worker applies
/// the crash rule (<see cref="ExecutionService"/>). Claims are fair across owners: the owner with the
/// fewest claims in flight (all nodes) goes first, then submission order; an owner's running quota
/// and the tier's slots are per node. Quotas on pending work (per owner, per tier) hold across nodes:
/// a reservation is a row written under advisory locks of the owner and the tier.
/// Submissions NOTIFY the nodes; an idle worker also polls every <see cref="PollInterval"/>.
/// </summary>
public sealed partial class PostgresExecutionQueue : IExecutionQueue, IAsyncDisposable
{
    private const string Pending = "'QUERY_STATE_PENDING'";
    private const string Executing = "'QUERY_STATE_EXECUTING'";

    /// <summary>A reservation older than this belongs to a submission that died; it no longer counts.</summary>
    private static readonly TimeSpan ReservationLifetime = TimeSpan.FromMinutes(1);

    private readonly ClusterDatabase database;
    private int disposed;
    private readonly PostgresNotifications notifications;
    private readonly IExecutionSignals signals;
    private readonly ILogger logger;
    private readonly string node;
    private readonly TimeSpan lease;
    private readonly TimeSpan nodeTimeout;
    private readonly IReadOnlyDictionary<PerformanceTier, int> runningPerOwner;
    private readonly Dictionary<PerformanceTier, Pulse> pulses = Enum.GetValues<PerformanceTier>().ToDictionary(t => t, _ => new Pulse());
    private readonly Dictionary<PerformanceTier, SemaphoreSlim> claimGates = Enum.GetValues<PerformanceTier>().ToDictionary(t => t, _ => new SemaphoreSlim(1, 1));
    private readonly ConcurrentDictionary<string, PerformanceTier> held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> takenFromLive = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource registered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private long lastRenewal = Stopwatch.GetTimestamp();
    private Task? heartbeat;

    public PostgresExecutionQueue(
        ClusterDatabase database,
        PostgresNotifications notifications,
        IExecutionSignals signals,
        string node,
        TimeSpan lease,
        TimeSpan nodeTimeout,
        TimeSpan pollInterval,
        int queuedPerOwner,
        IReadOnlyDictionary<PerformanceTier, int> runningPerOwner,
        int capacityPerTier,
        ILogger<PostgresExecutionQueue> logger)
    {
        this.database = database;
        this.notifications = notifications;
        this.signals = signals;
        this.node = node;
        this.lease = lease;
        if (nodeTimeout <= lease)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeTimeout), nodeTimeout, "a node's liveness window must exceed its lease");
        }
        this.nodeTimeout = nodeTimeout;
        PollInterval = pollInterval;
        QueuedPerOwner = queuedPerOwner;
        CapacityPerTier = capacityPerTier;
        this.runningPerOwner = runningPerOwner;
        this.logger = logger;
        notifications.Received += (channel, payload) =>
        {
            if (channel == PostgresNotifications.SubmittedChannel && PerformanceTiers.TryParse(payload, out var tier))
            {
                pulses[tier].Fire();
            }
        };
        notifications.Reconnected += WakeAll;
    }

    public int QueuedPerOwner { get; }

    public int CapacityPerTier { get; }

    public TimeSpan PollInterval { get; }

    /// <summary>This node's id in claims.</summary>
    public string Node => node;

    public bool SharedAcrossNodes => true;

    /// <summary>
    /// Claimed here, and renewed less than 60 % of a lease ago (by this node's clock, read after the renewal's round
    /// trip): the row's lease, set by the database's clock at the renewal, cannot have lapsed, so no node took it over.
    /// </summary>
    public bool HoldsClaim(string id) =>
        held.ContainsKey(id) && Stopwatch.GetElapsedTime(Interlocked.Read(ref lastRenewal)) < lease * 0.6;

    /// <summary>Claims this node holds now.</summary>
    public int HeldCount => held.Count;

    /// <summary>Starts the heartbeat that registers this node, then renews its liveness and its claims.</summary>
    public void Start() => heartbeat ??= Task.Run(() => HeartbeatLoopAsync(stop.Token));

    /// <inheritdoc/>
    public bool TakenFromLiveNode(string id) => takenFromLive.ContainsKey(id);

    /// <summary>Wakes every idle worker of this node (a notification may have been missed).</summary>
    private void WakeAll()
    {
        foreach (var pulse in pulses.Values)
        {
            pulse.Fire();
        }
    }

    private async ValueTask QuietlyAsync(Func<Task<int>> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresConnections.IsUnavailable(e))
        {
            Log.WriteSkipped(logger, e.Message);
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        Add(command.Parameters, values);
        return command;
    }

    private static void Add(NpgsqlParameterCollection parameters, params object[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(value switch
            {
                string[] texts => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = texts },
                TimeSpan span => new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Interval, Value = span },
                _ => new NpgsqlParameter { Value = value },
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes this instance once per registration that hands it out (itself and IExecutionQueue).
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        await stop.CancelAsync().ConfigureAwait(false);
        if (heartbeat is not null)
        {
            await heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        stop.Dispose();
        foreach (var gate in claimGates.Values)
        {
            gate.Dispose();
        }
    }

    /// <summary>A wake-up for the idle workers of one tier: each fire completes the current task and starts a new one.</summary>
    private sealed class Pulse
    {
        private TaskCompletionSource current = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Current => Volatile.Read(ref current).Task;

        public void Fire() => Interlocked.Exchange(ref current, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Cannot claim work: the metadata database is unreachable ({Reason}); retrying")]
        public static partial void ClaimFailed(ILogger logger, string reason);

        [LoggerMessage(2, LogLevel.Error, "Could not renew {Count} claims for most of the lease ({Reason}); stopping their runs here so that another node may take them over")]
        public static partial void Fenced(ILogger logger, int count, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Execution {ExecutionId} is no longer claimed by this node; stopping its run here")]
        public static partial void ClaimLost(ILogger logger, string executionId);

        [LoggerMessage(4, LogLevel.Warning, "A queue write was skipped: the metadata database is unreachable ({Reason}); the lease rule covers it")]
        public static partial void WriteSkipped(ILogger logger, string reason);
    }
}
