using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.Core.Storage;

namespace Strata.Metadata.Sqlite;

/// <summary>
/// The embedded metadata store: one SQLite database in WAL mode with full fsync, so that a write that
/// returned survives a crash. Each call opens a pooled connection; SQLite serialises writers.
/// One partial file per aggregate (Keys, Executions, Queries, Tables, TableParts, Usage); the schema and
/// its numbered migrations are in Schema and Migrations.
/// </summary>
public sealed partial class SqliteMetadataStore : IMetadataStore
{
    private readonly string connectionString;
    private readonly string databasePath;

    public SqliteMetadataStore(string path)
    {
        databasePath = path;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Brings the schema to <see cref="SchemaVersion"/> (see <see cref="MigrateAsync"/>); refuses a newer one.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await MigrateAsync(connection, Migrations, databasePath, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first column of every row the command returns, as text.</summary>
    private static async Task<List<string>> ReadFirstColumnAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    /// <summary>Sortable fixed-width UTC text, so that SQL comparisons order correctly.</summary>
    private static string Format(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
