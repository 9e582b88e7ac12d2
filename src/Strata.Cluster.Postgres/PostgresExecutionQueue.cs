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

    /// <summary>
    /// Registers this node as alive (its row in <c>cluster_nodes</c>). Claims this node's id carries on EXECUTING rows
    /// from before (a node restarted under a configured id) belong to a process that is gone: they are released first,
    /// so that taking them over counts as the crash it was. The workers claim nothing before this has run.
    /// </summary>
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        await database.RunAsync(async connection =>
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command(
                $"UPDATE executions SET claimed_by = NULL, lease_expires_at = NULL WHERE claimed_by = $1 AND state = {Executing} AND id <> ALL($2)",
                node, held.Keys.ToArray()));
            batch.BatchCommands.Add(Command(RenewNodeSql, node, nodeTimeout));
            return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        registered.TrySetResult();
    }

    /// <summary>This node's liveness row: renewed now, alive for the liveness window ($1 node, $2 window).</summary>
    private const string RenewNodeSql = """
        INSERT INTO cluster_nodes (node, renewed_at, alive_until) VALUES ($1, now(), now() + $2)
        ON CONFLICT (node) DO UPDATE SET renewed_at = excluded.renewed_at, alive_until = excluded.alive_until
        """;

    public ValueTask<QueueAdmission> TryReserveAsync(string owner, PerformanceTier tier, CancellationToken cancellationToken) => new(database.RunAsync(async connection =>
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Owner first, then tier, always in that order: no two submissions wait on each other in a cycle.
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock(hashtextextended('strata-queue-owner:' || $1, 0))", owner));
            batch.BatchCommands.Add(Command("SELECT pg_advisory_xact_lock(hashtextextended('strata-queue-tier:' || $1, 0))", tier.ToWire()));
            batch.BatchCommands.Add(Command($"""
                SELECT (SELECT count(*) FROM executions WHERE owner = $1 AND state = {Pending} AND claimed_by IS NULL)
                     + (SELECT count(*) FROM queue_reservations WHERE owner = $1 AND created_at > now() - $3),
                       (SELECT count(*) FROM executions WHERE tier = $2 AND state = {Pending})
                     + (SELECT count(*) FROM queue_reservations WHERE tier = $2 AND created_at > now() - $3)
                """, owner, tier.ToWire(), ReservationLifetime));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            long ownerQueued = reader.GetInt64(0), tierQueued = reader.GetInt64(1);
            if (ownerQueued >= QueuedPerOwner)
            {
                return QueueAdmission.OwnerQuota;
            }
            if (tierQueued >= CapacityPerTier)
            {
                return QueueAdmission.TierFull;
            }
        }
        await using (var insert = new NpgsqlCommand("INSERT INTO queue_reservations (node, owner, tier) VALUES ($1, $2, $3)", connection, transaction))
        {
            Add(insert.Parameters, node, owner, tier.ToWire());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return QueueAdmission.Accepted;
    }, cancellationToken));

    public ValueTask CancelReservationAsync(string owner, PerformanceTier tier) => QuietlyAsync(() => DropReservationAsync(owner, tier, notify: false));

    public ValueTask EnqueueAsync(string id, string owner, PerformanceTier tier)
    {
        // The execution row is committed already; it is claimable whatever happens here.
        pulses[tier].Fire();
        return QuietlyAsync(() => DropReservationAsync(owner, tier, notify: true));
    }

    /// <summary>
    /// Recovery, a hand-back at shutdown, or a takeover put the execution back: it is a PENDING row already,
    /// so this releases this node's claim on it (if any) and tells the nodes.
    /// </summary>
    public ValueTask RequeueAsync(string id, string owner, PerformanceTier tier)
    {
        pulses[tier].Fire();
        return QuietlyAsync(() => database.RunAsync(async connection =>
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(Command("UPDATE executions SET claimed_by = NULL, lease_expires_at = NULL WHERE id = $1 AND claimed_by = $2", id, node));
            batch.BatchCommands.Add(Command("SELECT pg_notify($1, $2)", PostgresNotifications.SubmittedChannel, tier.ToWire()));
            return await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }, CancellationToken.None));
    }

    private Task<int> DropReservationAsync(string owner, PerformanceTier tier, bool notify) => database.RunAsync(async connection =>
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(
            "DELETE FROM queue_reservations WHERE id = (SELECT id FROM queue_reservations WHERE node = $1 AND owner = $2 AND tier = $3 LIMIT 1)",
            node, owner, tier.ToWire()));
        if (notify)
        {
            batch.BatchCommands.Add(Command("SELECT pg_notify($1, $2)", PostgresNotifications.SubmittedChannel, tier.ToWire()));
        }
        return await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }, CancellationToken.None);

    public async Task<string> ClaimAsync(PerformanceTier tier, CancellationToken cancellationToken)
    {
        var failures = 0;
        await registered.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Taken before the attempt: a notification during it wakes the wait below at once.
            var wake = pulses[tier].Current;
            try
            {
                if (await TryClaimAsync(tier, cancellationToken).ConfigureAwait(false) is { } id)
                {
                    return id;
                }
                failures = 0;
            }
            catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
            {
                // The database is away (restarting): keep the slot, try again after a pause.
                if (failures++ == 0)
                {
                    Log.ClaimFailed(logger, e.Message);
                }
            }
            try
            {
                await wake.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>How many pending executions of each owner a claim considers (the owner's next ones, in submission order).</summary>
    internal const int HeadsPerOwner = 4;

    /// <summary>
    /// One claim ($1 tier, $2 node, $3 per-node owner quota, $4 lease, $5 ids held here). Fair order: the owner with
    /// the fewest live claims on all nodes first, then submission order. The claim never reads every pending row:
    /// the owners with pending work are found by a skip scan of <c>executions_pending</c> (one index probe per owner),
    /// each owner's next <see cref="HeadsPerOwner"/> pending rows by one probe more, and the k-th row of an owner
    /// ranks as if the owner had k - 1 more running (the order the claims would reach it in). Only that short list is
    /// sorted; the first row of it no other claimer holds is locked (<c>SKIP LOCKED</c>) and claimed. Executions of
    /// dead nodes (EXECUTING, lease lapsed) come through <c>executions_leases</c> and go first.
    /// An EXECUTING row with a lapsed lease is taken only when its node is gone (its <c>cluster_nodes</c> row expired or
    /// missing), or alive but evidently not running it: the node renewed its row (which it does in the same transaction
    /// as its claims) after this claim's lease ran out. A node alive that has not renewed since (a stall) keeps the row:
    /// it renews the claim when it runs again. Taken from a live node, the run is not counted as an attempt
    /// (<c>attempts - 1</c>, second column true); taken from a dead one, it is (the crash rule).
    /// </summary>
    internal static readonly string ClaimSql = $"""
        WITH RECURSIVE owners AS (
            (SELECT owner FROM executions WHERE tier = $1 AND state = {Pending} ORDER BY owner LIMIT 1)
            UNION ALL
            SELECT (SELECT e.owner FROM executions e WHERE e.tier = $1 AND e.state = {Pending} AND e.owner > o.owner ORDER BY e.owner LIMIT 1)
            FROM owners o WHERE o.owner IS NOT NULL
        ), running AS (
            SELECT owner, count(*) AS n, count(*) FILTER (WHERE claimed_by = $2) AS mine
            FROM executions
            WHERE tier = $1 AND state IN ({Pending}, {Executing}) AND claimed_by IS NOT NULL AND lease_expires_at >= now()
            GROUP BY owner
        ), heads AS (
            SELECT h.id, coalesce(r.n, 0) + h.k - 1 AS rank, h.seq FROM owners o
            LEFT JOIN running r ON r.owner = o.owner
            CROSS JOIN LATERAL (
                SELECT e.id, e.seq, row_number() OVER (ORDER BY e.submitted_at, e.seq) AS k FROM (
                    SELECT e.id, e.seq, e.submitted_at FROM executions e
                    WHERE e.tier = $1 AND e.state = {Pending} AND e.owner = o.owner
                      AND (e.claimed_by IS NULL OR e.lease_expires_at < now()) AND e.id <> ALL($5)
                    ORDER BY e.submitted_at, e.seq LIMIT {HeadsPerOwner}) e) h
            WHERE o.owner IS NOT NULL AND coalesce(r.mine, 0) < $3
            UNION ALL
            SELECT e.id, -1, e.seq FROM executions e
            WHERE e.tier = $1 AND e.state = {Executing} AND coalesce(e.lease_expires_at, '-infinity') < now() AND e.id <> ALL($5)
              AND {NotStalled}
        ), pick AS (
            SELECT e.id, e.state = {Executing} AND EXISTS (
                    SELECT 1 FROM cluster_nodes n WHERE n.node = e.claimed_by AND n.alive_until > now()) AS live
            FROM executions e JOIN heads c ON c.id = e.id
            WHERE (e.state = {Pending} AND (e.claimed_by IS NULL OR e.lease_expires_at < now()))
               OR (e.state = {Executing} AND coalesce(e.lease_expires_at, '-infinity') < now() AND {NotStalled})
            ORDER BY c.rank, c.seq
            LIMIT 1
            FOR UPDATE OF e SKIP LOCKED
        )
        UPDATE executions x SET claimed_by = $2, lease_expires_at = now() + $4,
            attempts = CASE WHEN pick.live THEN greatest(x.attempts - 1, 0) ELSE x.attempts END
        FROM pick WHERE x.id = pick.id
        RETURNING x.id, pick.live
        """;

    /// <summary>The claim's node is not alive-and-silent: gone, or alive and renewed since this claim's lease ran out.</summary>
    private const string NotStalled = """
        NOT EXISTS (SELECT 1 FROM cluster_nodes n WHERE n.node = e.claimed_by AND n.alive_until > now() AND n.renewed_at <= e.lease_expires_at)
        """;

    /// <summary>One claim attempt: the next execution of the tier in fair order that this node may start, or null.</summary>
    internal async Task<string?> TryClaimAsync(PerformanceTier tier, CancellationToken cancellationToken)
    {
        // One claim at a time per tier on this node, so the per-node owner quota is exact.
        await claimGates[tier].WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (id, live) = await database.RunAsync(async connection =>
            {
                await using var command = new NpgsqlCommand(ClaimSql, connection);
                // Never an execution a worker here still holds (a takeover frees its row before the worker lets go).
                Add(command.Parameters, tier.ToWire(), node, runningPerOwner.TryGetValue(tier, out int quota) ? Math.Max(1, quota) : 1, lease, held.Keys.ToArray());
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? (reader.GetString(0), reader.GetBoolean(1))
                    : ((string?)null, false);
            }, cancellationToken).ConfigureAwait(false);
            if (id is not null)
            {
                held[id] = tier;
                if (live)
                {
                    takenFromLive[id] = true;
                }
            }
            return id;
        }
        finally
        {
            claimGates[tier].Release();
        }
    }

    /// <summary>
    /// Ends this node's claim. A terminal execution is no longer claimable; a PENDING one (handed back) is free again.
    /// One still EXECUTING under this node's claim had its run stop here without an end recorded (the end was refused
    /// once the lease had lapsed, or the run was stopped by fencing): it goes back to PENDING, that run not counted as
    /// an attempt, since this node did not die running it.
    /// </summary>
    public ValueTask CompleteAsync(string id)
    {
        takenFromLive.TryRemove(id, out _);
        if (!held.TryRemove(id, out var tier))
        {
            return ValueTask.CompletedTask;
        }
        pulses[tier].Fire();
        // When the database is away the claim is simply not renewed: it lapses, and since this node goes on renewing
        // its liveness row, another node takes it over without counting an attempt.
        return QuietlyAsync(() => database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand($"""
                UPDATE executions SET claimed_by = NULL, lease_expires_at = NULL,
                    state = CASE WHEN state = {Executing} THEN {Pending} ELSE state END,
                    started_at = CASE WHEN state = {Executing} THEN NULL ELSE started_at END,
                    attempts = CASE WHEN state = {Executing} THEN greatest(attempts - 1, 0) ELSE attempts END
                WHERE id = $1 AND claimed_by = $2
                """, connection);
            Add(command.Parameters, id, node);
            return await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }, CancellationToken.None));
    }

    /// <summary>
    /// A cancelled execution leaves the queue with its state (the store already wrote CANCELLED): true when
    /// no node had claimed it, so no run needs stopping.
    /// </summary>
    public ValueTask<bool> RemoveAsync(string id, CancellationToken cancellationToken) => new(database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand("SELECT claimed_by IS NULL OR lease_expires_at < now() FROM executions WHERE id = $1", connection);
        Add(command.Parameters, id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true;
    }, cancellationToken));

    /// <summary>The nodes holding a live claim on a running execution now (start-up sweeps ask which nodes may have files in flight).</summary>
    public Task<IReadOnlyList<string>> RunningNodesAsync(CancellationToken cancellationToken) => database.RunAsync<IReadOnlyList<string>>(async connection =>
    {
        await using var command = new NpgsqlCommand(
            $"SELECT DISTINCT claimed_by FROM executions WHERE claimed_by IS NOT NULL AND lease_expires_at > now() AND state = {Executing}", connection);
        var nodes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            nodes.Add(reader.GetString(0));
        }
        return nodes;
    }, cancellationToken);

    /// <summary>
    /// 1-based estimate of the place in the claim order: this owner's pending executions before it, plus,
    /// for each other owner, as many of theirs as the alternation lets pass first.
    /// </summary>
    public ValueTask<int?> PositionOfAsync(string id, CancellationToken cancellationToken) => new(database.RunAsync(async connection =>
    {
        await using var command = new NpgsqlCommand($"""
            WITH me AS (SELECT owner, tier, seq FROM executions WHERE id = $1 AND state = {Pending} AND claimed_by IS NULL),
            own AS (SELECT count(*) AS k FROM executions e, me
                    WHERE e.state = {Pending} AND e.tier = me.tier AND e.owner = me.owner AND e.claimed_by IS NULL AND e.seq < me.seq),
            others AS (SELECT e.owner, count(*) AS n FROM executions e, me
                    WHERE e.state = {Pending} AND e.tier = me.tier AND e.owner <> me.owner AND e.claimed_by IS NULL GROUP BY e.owner)
            SELECT own.k + coalesce((SELECT sum(least(n, own.k + 1)) FROM others), 0) + 1 FROM me, own
            """, connection);
        Add(command.Parameters, id);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : (int?)null;
    }, cancellationToken));

    public int Depth(PerformanceTier tier)
    {
        try
        {
            return database.Run(connection =>
            {
                using var command = new NpgsqlCommand($"SELECT count(*) FROM executions WHERE tier = $1 AND state = {Pending} AND claimed_by IS NULL", connection);
                Add(command.Parameters, tier.ToWire());
                return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            });
        }
        catch (Exception e) when (PostgresConnections.IsUnavailable(e))
        {
            // A metrics gauge: unknown while the database is away.
            return 0;
        }
    }

    /// <summary>
    /// Every third of the lease: renews this node's claims and drops reservations of dead submissions.
    /// When renewal has failed for most of the lease, this node's runs are stopped (another node may take
    /// them over once the lease lapses; no execution may run twice at once).
    /// </summary>
    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(lease / 3);
        try
        {
            while (!registered.Task.IsCompleted)
            {
                try
                {
                    await RegisterAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Exchange(ref lastRenewal, Stopwatch.GetTimestamp());
                }
                catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
                {
                    Log.ClaimFailed(logger, e.Message);
                    await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await RenewAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Exchange(ref lastRenewal, Stopwatch.GetTimestamp());
                }
                catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
                {
                    if (Stopwatch.GetElapsedTime(Interlocked.Read(ref lastRenewal)) > lease * 0.7 && !held.IsEmpty)
                    {
                        Log.Fenced(logger, held.Count, e.Message);
                        foreach (var id in held.Keys)
                        {
                            await StopLocalRunAsync(id).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One heartbeat: renews this node's claims and its liveness row together, and stops local runs whose claim is gone.</summary>
    internal async Task RenewAsync(CancellationToken cancellationToken)
    {
        var ids = held.Keys.ToArray();
        var lost = await database.RunAsync(async connection =>
        {
            await using var batch = new NpgsqlBatch(connection);
            // One implicit transaction: the liveness row says "renewed at now()" only together with every claim held.
            batch.BatchCommands.Add(Command(
                "UPDATE executions SET lease_expires_at = now() + $3 WHERE id = ANY($1) AND claimed_by = $2", ids, node, lease));
            batch.BatchCommands.Add(Command(RenewNodeSql, node, nodeTimeout));
            batch.BatchCommands.Add(Command("DELETE FROM cluster_nodes WHERE alive_until < now() - interval '1 day'"));
            batch.BatchCommands.Add(Command("DELETE FROM queue_reservations WHERE created_at < now() - $1", ReservationLifetime));
            // Still in flight but no longer claimed by this node (a terminal row has simply ended).
            batch.BatchCommands.Add(Command(
                $"SELECT id FROM executions WHERE id = ANY($1) AND state IN ({Pending}, {Executing}) AND claimed_by IS DISTINCT FROM $2", ids, node));
            var list = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(reader.GetString(0));
            }
            return list;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            if (lost.Contains(id) && held.ContainsKey(id) && signals.IsRunning(id))
            {
                Log.ClaimLost(logger, id);
                await StopLocalRunAsync(id).ConfigureAwait(false);
            }
        }
    }

    private async Task StopLocalRunAsync(string id)
    {
        if (signals is PostgresExecutionSignals cluster)
        {
            await cluster.CancelLocalAsync(id).ConfigureAwait(false);
        }
        else
        {
            await signals.CancelAsync(id).ConfigureAwait(false);
        }
    }

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
