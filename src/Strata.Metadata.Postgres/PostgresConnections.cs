using System.Net.Sockets;
using Npgsql;
using Strata.Core.Storage;

namespace Strata.Metadata.Postgres;

/// <summary>
/// Calls on a pooled connection that survive a PostgreSQL restart. A pooled connection whose server session
/// ended (the server restarted or was shut down since the connection was last used) fails on first use with
/// 57P01 or a broken socket; the pool is then emptied and the call made once more on a new connection, so
/// the first requests after a restart succeed. The lost session's transaction was aborted by the server, so
/// the second try does not repeat committed work. Used by the store and by the cluster's queue.
/// </summary>
public static class PostgresConnections
{
    /// <summary>The server ended the connection's session (shutdown, restart, crash), or the socket under it broke.</summary>
    public static bool IsSessionLost(Exception e) => e switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException n => n.InnerException is IOException or SocketException or EndOfStreamException,
        _ => false,
    };

    /// <summary>
    /// Failures of reaching the database, not of the statement: refused, timed out, broken, shutting down, full, or
    /// already reported as <see cref="MetadataUnavailableException"/>. The store and the cluster parts answer these with 503.
    /// </summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
            || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.TooManyConnections,
        NpgsqlException => true,
        SocketException or TimeoutException => true,
        MetadataUnavailableException => true,
        _ => false,
    };

    /// <summary>The 503 of <paramref name="database"/> (host:port/name, never a password) being unreachable, naming why.</summary>
    public static MetadataUnavailableException Unavailable(string database, Exception e) =>
        new($"the metadata database ({database}) is unavailable: {FirstSentence(e.Message)}; try again shortly", e);

    internal static string FirstSentence(string message)
    {
        int end = message.IndexOf('.', StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>Runs <paramref name="body"/> on a pooled connection, once more on a new one if the first's session was lost.</summary>
    public static async Task<T> RunAsync<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> body, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await body(connection).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt == 0 && IsSessionLost(e) && !cancellationToken.IsCancellationRequested)
            {
                dataSource.Clear();
            }
        }
    }

    /// <summary>The blocking form of <see cref="RunAsync"/>.</summary>
    public static T Run<T>(NpgsqlDataSource dataSource, Func<NpgsqlConnection, T> body)
    {
        for (int attempt = 0; ; attempt++)
        {
            using var connection = dataSource.OpenConnection();
            try
            {
                return body(connection);
            }
            catch (Exception e) when (attempt == 0 && IsSessionLost(e))
            {
                dataSource.Clear();
            }
        }
    }
}
