using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Application.Views;
using Strata.Metadata.Postgres;

namespace Strata.Cluster.Postgres;

/// <summary>
/// Pipeline claims across nodes: a session-level advisory lock per pipeline this node runs, all held on one dedicated
/// connection of the node. A node that dies (kill -9, a lost host) loses its session and with it every claim, so
/// another node takes its pipelines up at its next look (<see cref="AdoptEvery"/>); no lease has to lapse first.
/// If this node's connection breaks while PostgreSQL stays up, its claims are gone too: <see cref="VerifyAsync"/>
/// reconnects, claims again what it can, and reports the rest as lost so their runs stop here.
/// </summary>
public sealed partial class PostgresPipelineClaims(ClusterDatabase database, TimeSpan adoptEvery, ILogger<PostgresPipelineClaims> logger)
    : IPipelineClaims, IAsyncDisposable
{
    private const string LockKey = "hashtextextended('strata-pipeline:' || $1, 0)";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<string> held = new(StringComparer.Ordinal);
    private readonly List<string> lost = [];
    private NpgsqlConnection? connection;

    public bool SharedAcrossNodes => true;

    public TimeSpan AdoptEvery => adoptEvery;

    public async Task<bool> TryClaimAsync(string pipelineId, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Held here already: this node runs it (advisory locks count re-entries; one per pipeline is kept).
            if (held.Contains(pipelineId))
            {
                return false;
            }
            var open = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            bool claimed;
            try
            {
                claimed = await TryLockAsync(open, pipelineId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
            {
                await DropConnectionAsync().ConfigureAwait(false);
                throw database.Unavailable(e);
            }
            if (claimed)
            {
                held.Add(pipelineId);
            }
            return claimed;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task ReleaseAsync(string pipelineId)
    {
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (!held.Remove(pipelineId) || connection is null)
            {
                return;
            }
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = pipelineId });
                await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (PostgresConnections.IsUnavailable(e))
            {
                // The session is gone, and the lock with it.
                await DropConnectionAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<IReadOnlyCollection<string>> VerifyAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection is not null)
            {
                try
                {
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
                {
                    await DropConnectionAsync().ConfigureAwait(false);
                }
            }
            if (held.Count > 0)
            {
                await ConnectionAsync(cancellationToken).ConfigureAwait(false);
            }
            var gone = lost.ToList();
            lost.Clear();
            return gone;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection open, string pipelineId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", open);
        command.Parameters.Add(new NpgsqlParameter { Value = pipelineId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// The open dedicated connection (under the gate). When there is none, a new one, on which the claims this node
    /// held on the lost session are taken again; those another node took meanwhile are lost (<see cref="VerifyAsync"/> reports them).
    /// </summary>
    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (connection is { State: System.Data.ConnectionState.Open })
        {
            return connection;
        }
        await DropConnectionAsync().ConfigureAwait(false);
        var fresh = database.NewDedicatedConnection("strata-pipelines");
        try
        {
            await fresh.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (held.Count > 0)
            {
                foreach (string id in held.ToList())
                {
                    if (!await TryLockAsync(fresh, id, cancellationToken).ConfigureAwait(false))
                    {
                        held.Remove(id);
                        lost.Add(id);
                    }
                }
                Log.Reclaimed(logger, held.Count, lost.Count);
            }
        }
        catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            await fresh.DisposeAsync().ConfigureAwait(false);
            throw database.Unavailable(e);
        }
        connection = fresh;
        return fresh;
    }

    private async Task DropConnectionAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }
    }

    /// <summary>Closes the connection: every claim of this node goes with its session.</summary>
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            held.Clear();
            await DropConnectionAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The pipeline claims' connection to PostgreSQL was lost: {Kept} claims taken again, {Lost} lost to other nodes")]
        public static partial void Reclaimed(ILogger logger, int kept, int lost);
    }
}
