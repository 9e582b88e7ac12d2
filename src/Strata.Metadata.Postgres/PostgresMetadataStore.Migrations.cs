using Npgsql;
using Strata.Core.Storage;

namespace Strata.Metadata.Postgres;

/// <summary>
/// Applies the numbered migrations at start. Nodes starting together take one session-level advisory lock
/// (<see cref="MigrationLockKey"/>) first, so exactly one applies each step and the others, once they hold
/// the lock, find the work done. The applied steps are rows of <c>schema_migrations</c>; each step and its
/// row commit in one transaction (PostgreSQL's DDL is transactional), so a crash leaves the last whole step.
/// </summary>
public sealed partial class PostgresMetadataStore
{
    /// <summary>The advisory lock key of migrations ("strata-m" as a number); other keys of Strata never collide with it.</summary>
    internal const long MigrationLockKey = 0x7374726174612D6D;

    internal static async Task MigrateAsync(NpgsqlConnection connection, IReadOnlyList<SchemaMigration> steps, string database, CancellationToken cancellationToken)
    {
        int latest = steps[^1].Version;
        for (int i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Metadata schema step {i + 1} is numbered {steps[i].Version}; steps must be numbered 1, 2, 3... in order.");
            }
        }
        await using (var lockCommand = Command(connection, null, "SELECT pg_advisory_lock(@key)"))
        {
            lockCommand.Int("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        try
        {
            await using (var create = Command(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            int found = await VersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (found > latest)
            {
                throw new MetadataSchemaTooNewException(database, found, latest);
            }
            foreach (var step in steps)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                if (await VersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) >= step.Version)
                {
                    continue;
                }
                await using (var apply = Command(connection, transaction, step.Sql))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await using (var record = Command(connection, transaction, "INSERT INTO schema_migrations (version, description) VALUES (@version, @description)"))
                {
                    record.Int("version", step.Version).Text("description", step.Description);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // A connection that broke has lost the lock with its session; only a live one is unlocked.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var unlock = Command(connection, null, "SELECT pg_advisory_unlock(@key)");
                unlock.Int("key", MigrationLockKey);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The schema version of the database: its last applied step, 0 when none.</summary>
    internal static async Task<int> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_migrations");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>One schema change: the version it brings the database to, what it is, and its SQL.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
