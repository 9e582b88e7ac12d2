using Npgsql;
using Strata.Core.Executions;
using Strata.Metadata.Postgres;

namespace Strata.Cluster.Postgres;

/// <summary>Claims (fair across owners, SKIP LOCKED), completion, removal, and what the queue holds: running nodes, positions, depth.</summary>
public sealed partial class PostgresExecutionQueue
{
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
}
