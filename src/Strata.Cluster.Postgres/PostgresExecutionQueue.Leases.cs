using System.Diagnostics;
using Npgsql;
using Strata.Metadata.Postgres;

namespace Strata.Cluster.Postgres;

/// <summary>This node's liveness and its claims' leases: registration, the heartbeat that renews both, and stopping runs whose claim was lost.</summary>
public sealed partial class PostgresExecutionQueue
{
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
}
