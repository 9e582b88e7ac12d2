using Npgsql;
using NpgsqlTypes;
using Strata.Core.Storage;

namespace Strata.Metadata.Postgres;

/// <summary>
/// The metadata store of several nodes: one PostgreSQL database, shared by every node. Each call takes a
/// connection from one bounded pool (<see cref="DefaultMaxPoolSize"/> unless the connection string says);
/// a connection that cannot be made within <see cref="DefaultConnectTimeoutSeconds"/>, or one lost
/// mid-call, becomes a <see cref="MetadataUnavailableException"/>, which the server answers with 503.
/// One partial file per aggregate, as in the SQLite store; the schema and its numbered migrations are in
/// Schema and Migrations.
/// </summary>
public sealed partial class PostgresMetadataStore : IMetadataStore, IAsyncDisposable
{
    /// <summary>Connections one node holds at most, unless the connection string sets Maximum Pool Size.</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Seconds to wait for a connection (or a free one in the pool), unless the connection string sets Timeout.</summary>
    public const int DefaultConnectTimeoutSeconds = 5;

    private readonly NpgsqlDataSource dataSource;

    /// <summary>
    /// Opens (lazily) a pool to the database the connection string names; see <see cref="ParseConnectionString"/>.
    /// <paramref name="claimingNode"/> is the node this store backs in a cluster (its id in claims): then a start and
    /// the end of a run are recorded only under that node's live claim (<see cref="ClaimingNode"/>). Null for a store
    /// whose writes no claim gates (a node alone has no PostgreSQL store; the migration tool, tests).
    /// </summary>
    public PostgresMetadataStore(string connectionString, string? claimingNode = null)
    {
        ClaimingNode = string.IsNullOrWhiteSpace(claimingNode) ? null : claimingNode;
        var builder = ParseConnectionString(connectionString);
        Database = Describe(builder);
        dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Host, port and database, for messages (never the password).</summary>
    public string Database { get; }

    /// <summary>
    /// Reads an Npgsql connection string (<c>Host=...;Port=...;Username=...;Password=...;Database=...</c>) and
    /// applies Strata's bounds where it does not set them: a connect timeout of
    /// <see cref="DefaultConnectTimeoutSeconds"/> s and at most <see cref="DefaultMaxPoolSize"/> connections.
    /// A malformed string, or one without a host or database, is an <see cref="ArgumentException"/> that
    /// says which, without echoing the string (it may hold a password).
    /// </summary>
    public static NpgsqlConnectionStringBuilder ParseConnectionString(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        System.Data.Common.DbConnectionStringBuilder given;
        try
        {
            given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException or OverflowException)
        {
            throw new ArgumentException($"the PostgreSQL connection string is malformed ({PostgresConnections.FirstSentence(e.Message)}); expected Host=...;Port=...;Username=...;Password=...;Database=...", e);
        }
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("the PostgreSQL connection string names no Host (expected Host=...;Port=...;Username=...;Database=...)");
        }
        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new ArgumentException("the PostgreSQL connection string names no Database (expected Host=...;Port=...;Username=...;Database=...)");
        }
        if (!HasAny(given, "timeout", "connect timeout", "connection timeout"))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }
        if (!HasAny(given, "maximum pool size", "max pool size", "maxpoolsize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = "strata";
        }
        return builder;
    }

    private static bool HasAny(System.Data.Common.DbConnectionStringBuilder given, params string[] keys) =>
        keys.Any(given.ContainsKey);

    private static string Describe(NpgsqlConnectionStringBuilder b) => $"{b.Host}:{b.Port}/{b.Database}";

    /// <summary>Brings the schema to <see cref="SchemaVersion"/> under an advisory lock; refuses a newer one.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        RunAsync(connection => MigrateAsync(connection, Migrations, Database, cancellationToken), cancellationToken);

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    /// <summary>
    /// Runs <paramref name="body"/> on a pooled connection (<see cref="PostgresConnections.RunAsync"/>: once more
    /// on a new connection after a restart); losing the database becomes <see cref="MetadataUnavailableException"/>.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await PostgresConnections.RunAsync(dataSource, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not MetadataUnavailableException && PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            throw PostgresConnections.Unavailable(Database, e);
        }
    }

    private Task RunAsync(Func<NpgsqlConnection, Task> body, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await body(connection).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>Runs <paramref name="body"/> in a transaction that commits when it returns (rolls back on throw).</summary>
    private Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> body, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await body(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction);
}

/// <summary>Typed parameters: a NULL still has a type, so PostgreSQL never has to guess one.</summary>
internal static class NpgsqlParameters
{
    public static NpgsqlCommand Text(this NpgsqlCommand c, string name, string? value) => Add(c, name, NpgsqlDbType.Text, value);

    public static NpgsqlCommand Int(this NpgsqlCommand c, string name, long? value) => Add(c, name, NpgsqlDbType.Bigint, value);

    public static NpgsqlCommand Bool(this NpgsqlCommand c, string name, bool value) => Add(c, name, NpgsqlDbType.Boolean, value);

    public static NpgsqlCommand Real(this NpgsqlCommand c, string name, double value) => Add(c, name, NpgsqlDbType.Double, value);

    public static NpgsqlCommand Time(this NpgsqlCommand c, string name, DateTimeOffset? value) =>
        Add(c, name, NpgsqlDbType.TimestampTz, value?.ToUniversalTime());

    public static NpgsqlCommand TextArray(this NpgsqlCommand c, string name, IReadOnlyList<string> values) =>
        Add(c, name, NpgsqlDbType.Array | NpgsqlDbType.Text, values.ToArray());

    private static NpgsqlCommand Add(NpgsqlCommand c, string name, NpgsqlDbType type, object? value)
    {
        c.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return c;
    }
}
