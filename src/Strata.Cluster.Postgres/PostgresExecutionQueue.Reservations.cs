using Npgsql;
using Strata.Application.Executions;
using Strata.Core.Executions;

namespace Strata.Cluster.Postgres;

/// <summary>Reservations of pending work (the per-owner and per-tier quotas across nodes), enqueue and requeue.</summary>
public sealed partial class PostgresExecutionQueue
{
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
}
