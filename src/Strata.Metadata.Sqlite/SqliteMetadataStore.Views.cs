using Microsoft.Data.Sqlite;
using Strata.Core.Executions;
using Strata.Core.Views;

namespace Strata.Metadata.Sqlite;

/// <summary>Materialized views' metadata; the claim of a schedule slot is one conditional UPDATE.</summary>
public sealed partial class SqliteMetadataStore
{
    private const string ViewColumns =
        "owner, name, query_id, is_private, tier, cron, created_at, updated_at, claimed_slot, last_run_at, last_execution_id, table_execution_id, last_error";

    public async Task<MaterializedView> UpsertViewAsync(MaterializedView view, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO materialized_views (owner, name, query_id, is_private, tier, cron, created_at, updated_at)
            VALUES ($owner, $name, $query, $private, $tier, $cron, $created, $updated)
            ON CONFLICT (owner, name) DO UPDATE SET query_id = excluded.query_id, is_private = excluded.is_private,
                tier = excluded.tier, cron = excluded.cron, updated_at = excluded.updated_at;
            SELECT {ViewColumns} FROM materialized_views WHERE owner = $owner AND name = $name;
            """;
        command.Parameters.AddWithValue("$owner", view.Owner);
        command.Parameters.AddWithValue("$name", view.Name);
        command.Parameters.AddWithValue("$query", view.QueryId);
        command.Parameters.AddWithValue("$private", view.IsPrivate);
        command.Parameters.AddWithValue("$tier", view.Tier.ToWire());
        command.Parameters.AddWithValue("$cron", (object?)view.Cron ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", Format(view.CreatedAt));
        command.Parameters.AddWithValue("$updated", Format(view.UpdatedAt));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ReadView(reader);
    }

    public async Task<MaterializedView?> GetViewAsync(string owner, string name, CancellationToken cancellationToken)
    {
        var views = await ReadViewsAsync($"SELECT {ViewColumns} FROM materialized_views WHERE owner = $owner AND name = $name",
            c => { c.Parameters.AddWithValue("$owner", owner); c.Parameters.AddWithValue("$name", name); }, cancellationToken).ConfigureAwait(false);
        return views.Count == 0 ? null : views[0];
    }

    public async Task<(IReadOnlyList<MaterializedView> Views, long Total)> ListViewsAsync(string owner, int limit, int offset, CancellationToken cancellationToken) =>
        await OwnerPageAsync(ViewColumns, "materialized_views", "name", owner, limit, offset, ReadView, cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<MaterializedView>> ListVisibleViewsAsync(string caller, CancellationToken cancellationToken) =>
        ReadViewsAsync($"SELECT {ViewColumns} FROM materialized_views WHERE owner = $owner OR is_private = 0 ORDER BY owner, name",
            c => c.Parameters.AddWithValue("$owner", caller), cancellationToken);

    public Task<IReadOnlyList<MaterializedView>> ListScheduledViewsAsync(CancellationToken cancellationToken) =>
        ReadViewsAsync($"SELECT {ViewColumns} FROM materialized_views WHERE cron IS NOT NULL ORDER BY owner, name", _ => { }, cancellationToken);

    public Task<IReadOnlyList<MaterializedView>> ListUnappliedViewsAsync(CancellationToken cancellationToken) =>
        ReadViewsAsync($"SELECT {ViewColumns} FROM materialized_views WHERE applied = 0 ORDER BY owner, name", _ => { }, cancellationToken);

    public Task<bool> DeleteViewAsync(string owner, string name, CancellationToken cancellationToken) =>
        ChangeViewAsync("DELETE FROM materialized_views WHERE owner = $owner AND name = $name", owner, name, _ => { }, cancellationToken);

    public Task<bool> TryClaimSlotAsync(string owner, string name, DateTimeOffset slot, CancellationToken cancellationToken) =>
        ChangeViewAsync(
            "UPDATE materialized_views SET claimed_slot = $slot WHERE owner = $owner AND name = $name AND (claimed_slot IS NULL OR claimed_slot < $slot)",
            owner, name, c => c.Parameters.AddWithValue("$slot", Format(slot)), cancellationToken);

    public Task RecordRefreshAsync(string owner, string name, string executionId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeViewAsync(
            "UPDATE materialized_views SET last_execution_id = $execution, last_run_at = $at, last_error = NULL, applied = 0 WHERE owner = $owner AND name = $name",
            owner, name, c => { c.Parameters.AddWithValue("$execution", executionId); c.Parameters.AddWithValue("$at", Format(at)); }, cancellationToken);

    public Task RecordAppliedAsync(string owner, string name, string executionId, string? error, CancellationToken cancellationToken) =>
        ChangeViewAsync(
            """
            UPDATE materialized_views SET applied = 1, last_error = $error,
                table_execution_id = CASE WHEN $error IS NULL THEN $execution ELSE table_execution_id END
            WHERE owner = $owner AND name = $name AND last_execution_id = $execution
            """,
            owner, name, c => { c.Parameters.AddWithValue("$execution", executionId); c.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value); },
            cancellationToken);

    private async Task<bool> ChangeViewAsync(string sql, string owner, string name, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$name", name);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private async Task<IReadOnlyList<MaterializedView>> ReadViewsAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<MaterializedView>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            views.Add(ReadView(reader));
        }
        return views;
    }

    private static MaterializedView ReadView(SqliteDataReader reader)
    {
        PerformanceTiers.TryParse(reader.GetString(4), out var tier);
        return new MaterializedView
        {
            Owner = reader.GetString(0),
            Name = reader.GetString(1),
            QueryId = reader.GetInt64(2),
            IsPrivate = reader.GetBoolean(3),
            Tier = tier,
            Cron = reader.IsDBNull(5) ? null : reader.GetString(5),
            CreatedAt = Parse(reader.GetString(6)),
            UpdatedAt = Parse(reader.GetString(7)),
            ClaimedSlot = reader.IsDBNull(8) ? null : Parse(reader.GetString(8)),
            LastRunAt = reader.IsDBNull(9) ? null : Parse(reader.GetString(9)),
            LastExecutionId = reader.IsDBNull(10) ? null : reader.GetString(10),
            TableExecutionId = reader.IsDBNull(11) ? null : reader.GetString(11),
            LastError = reader.IsDBNull(12) ? null : reader.GetString(12),
        };
    }
}
