using Npgsql;
using Strata.Application.Executions;
using Strata.Core.Threading;
using Strata.Metadata.Postgres;

namespace Strata.Cluster.Postgres;

/// <summary>
/// Reuse locks across nodes: a session-level PostgreSQL advisory lock on the reuse key, held on one
/// pooled connection for the few statements of a submission (find reusable, insert). Submissions of the
/// same key on one node first queue on an in-process lock, so a node holds at most one connection per key.
/// A connection lost while holding the lock releases it with the session.
/// </summary>
public sealed class PostgresReuseLocks(ClusterDatabase database) : IReuseLocks
{
    private readonly KeyedLocks local = new();

    public async Task<IAsyncDisposable> LockAsync(string reuseKey, CancellationToken cancellationToken)
    {
        var inProcess = await local.LockAsync(reuseKey, cancellationToken).ConfigureAwait(false);
        NpgsqlConnection? connection = null;
        try
        {
            for (int attempt = 0; ; attempt++)
            {
                connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(hashtextextended('strata-reuse:' || $1, 0))", connection))
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = reuseKey });
                        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    return new Held(connection, reuseKey, inProcess);
                }
                catch (Exception e) when (attempt == 0 && PostgresConnections.IsSessionLost(e) && !cancellationToken.IsCancellationRequested)
                {
                    // A pooled connection from before a PostgreSQL restart: once more on a new one.
                    await connection.DisposeAsync().ConfigureAwait(false);
                    connection = null;
                    database.ClearPool();
                }
            }
        }
        catch (Exception e)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            inProcess.Dispose();
            if (PostgresConnections.IsUnavailable(e) && e is not Strata.Core.Storage.MetadataUnavailableException && !cancellationToken.IsCancellationRequested)
            {
                throw database.Unavailable(e);
            }
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, string reuseKey, IDisposable inProcess) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended('strata-reuse:' || $1, 0))", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = reuseKey });
                await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (PostgresConnections.IsUnavailable(e))
            {
                // The session is gone and its lock with it.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                inProcess.Dispose();
            }
        }
    }
}
