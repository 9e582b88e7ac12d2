using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.Core.Storage;

namespace Strata.Metadata.Sqlite;

/// <summary>
/// Applies the numbered migrations at start. The version is SQLite's <c>PRAGMA user_version</c>, which is
/// part of the database header and so commits with the step that sets it: each step and its version
/// change are one transaction, and a crash leaves the database at the last whole step.
/// </summary>
public sealed partial class SqliteMetadataStore
{
    /// <summary>Our tables; a database at version 0 holding any of them was written before versions existed.</summary>
    private const string OwnTables = "'api_keys', 'executions', 'idempotency_keys', 'queries', 'upload_tables', 'upload_parts'";

    /// <summary>
    /// Brings the database to the last step's version. A database at a higher version was written by a
    /// newer release and is refused (<see cref="MetadataSchemaTooNewException"/>) before anything is
    /// written. Transactions are <c>BEGIN IMMEDIATE</c> (the write lock first), and each step re-reads the
    /// version inside its transaction, so two processes starting on one database apply each step once.
    /// </summary>
    internal static async Task MigrateAsync(SqliteConnection connection, IReadOnlyList<SchemaMigration> steps, string database, CancellationToken cancellationToken)
    {
        int latest = steps[^1].Version;
        await using (var check = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            int found = await UserVersionAsync(connection, check, cancellationToken).ConfigureAwait(false);
            if (found > latest)
            {
                throw new MetadataSchemaTooNewException(database, found, latest);
            }
            if (found == 0 && await HasOwnTablesAsync(connection, check, cancellationToken).ConfigureAwait(false))
            {
                await AdoptUnversionedAsync(connection, check, cancellationToken).ConfigureAwait(false);
            }
            await check.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        // The journal mode belongs to the file and cannot change inside a transaction.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Version != i + 1)
            {
                throw new InvalidOperationException($"Metadata schema step {i + 1} is numbered {step.Version}; steps must be numbered 1, 2, 3... in order.");
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (await UserVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) >= step.Version)
            {
                continue;
            }
            await ExecuteAsync(connection, transaction, step.Sql, cancellationToken).ConfigureAwait(false);
            await SetUserVersionAsync(connection, transaction, step.Version, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A database written before schema versions: it holds the schema of <see cref="UnversionedSchemaVersion"/>,
    /// or an older one whose tables and columns were then created when missing. It is completed the way that
    /// code did (tables <c>IF NOT EXISTS</c>, missing columns added), keeping every row, and stamped.
    /// </summary>
    private static async Task AdoptUnversionedAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, InitialSchema, cancellationToken).ConfigureAwait(false);
        foreach (var (table, column, definition) in ColumnsAddedBeforeVersions)
        {
            using var info = connection.CreateCommand();
            info.Transaction = transaction;
            // Table and column names are the constants of ColumnsAddedBeforeVersions, never input.
            info.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if ((long)(await info.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0)
            {
                await ExecuteAsync(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {column} {definition}", cancellationToken).ConfigureAwait(false);
            }
        }
        await SetUserVersionAsync(connection, transaction, UnversionedSchemaVersion, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> HasOwnTablesAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name IN ({OwnTables}))";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
    }

    private static async Task<int> UserVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    // A pragma takes no parameters; the version is an integer of the step list, never input.
    private static Task SetUserVersionAsync(SqliteConnection connection, SqliteTransaction transaction, int version, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {version}"), cancellationToken);

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
