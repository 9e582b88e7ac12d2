using Npgsql;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;

namespace Strata.Cluster.Postgres;

/// <summary>
/// The connections the cluster parts of one node use (queue, signals, reuse locks): one bounded pool of
/// their own, next to the metadata store's, and a way to open the dedicated listening connection.
/// Losing the database becomes <see cref="MetadataUnavailableException"/> (the server answers 503).
/// </summary>
public sealed class ClusterDatabase : IAsyncDisposable
{
    /// <summary>Connections the cluster parts of one node hold at most, unless the connection string says.</summary>
    public const int DefaultMaxPoolSize = 20;

    private readonly NpgsqlConnectionStringBuilder settings;
    private readonly NpgsqlDataSource dataSource;

    /// <param name="settings">The parsed connection string (the metadata store's rules: host and database required, timeouts bounded).</param>
    public ClusterDatabase(NpgsqlConnectionStringBuilder settings)
    {
        this.settings = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            ApplicationName = "strata-cluster",
        };
        if (this.settings.MaxPoolSize > DefaultMaxPoolSize)
        {
            this.settings.MaxPoolSize = DefaultMaxPoolSize;
        }
        dataSource = NpgsqlDataSource.Create(this.settings);
        Database = $"{settings.Host}:{settings.Port}/{settings.Database}";
    }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Database { get; }

    /// <summary>A connection outside the pool, for LISTEN: TCP keepalive finds a dead server within seconds.</summary>
    public NpgsqlConnection NewListeningConnection() => NewDedicatedConnection("strata-listen");

    /// <summary>A connection outside the pool whose session holds state (LISTEN, advisory locks); TCP keepalive finds a dead server within seconds.</summary>
    public NpgsqlConnection NewDedicatedConnection(string applicationName) => new(new NpgsqlConnectionStringBuilder(settings.ConnectionString)
    {
        Pooling = false,
        KeepAlive = 5,
        ApplicationName = applicationName,
    }.ConnectionString);

    /// <summary>Runs <paramref name="body"/> on a pooled connection, once more on a new one after a PostgreSQL restart.</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await PostgresConnections.RunAsync(dataSource, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Runs <paramref name="body"/> on a pooled connection, blocking (for the synchronous queue calls).</summary>
    public T Run<T>(Func<NpgsqlConnection, T> body)
    {
        try
        {
            return PostgresConnections.Run(dataSource, body);
        }
        catch (Exception e) when (PostgresConnections.IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Opens a pooled connection the caller keeps (a session-level advisory lock lives as long as it).</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(e);
        }
    }

    /// <summary>Drops the pool's idle connections (their sessions ended with a PostgreSQL restart).</summary>
    public void ClearPool() => dataSource.Clear();

    public MetadataUnavailableException Unavailable(Exception e) =>
        PostgresConnections.Unavailable(Database, e);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
