using Npgsql;
using Strata.Core.Executions;
using Strata.Core.Views;

namespace Strata.Metadata.Postgres;

/// <summary>Materialized views' metadata; the claim of a schedule slot is one conditional UPDATE, so one node wins it.</summary>
public sealed partial class PostgresMetadataStore
{
    private const string ViewColumns =
        "owner, name, query_id, is_private, tier, cron, created_at, updated_at, claimed_slot, last_run_at, last_execution_id, table_execution_id, last_error";

    public async Task<MaterializedView> UpsertViewAsync(MaterializedView view, CancellationToken cancellationToken) =>
        (await ReadOneAsync($"""
            INSERT INTO materialized_views (owner, name, query_id, is_private, tier, cron, created_at, updated_at)
            VALUES (@owner, @name, @query, @private, @tier, @cron, @created, @updated)
            ON CONFLICT (owner, name) DO UPDATE SET query_id = excluded.query_id, is_private = excluded.is_private,
                tier = excluded.tier, cron = excluded.cron, updated_at = excluded.updated_at
            RETURNING {ViewColumns}
            """, c => c.Text("owner", view.Owner).Text("name", view.Name).Int("query", view.QueryId).Bool("private", view.IsPrivate)
                .Text("tier", view.Tier.ToWire()).Text("cron", view.Cron).Time("created", view.CreatedAt).Time("updated", view.UpdatedAt),
            ReadView, cancellationToken).ConfigureAwait(false))!;

    public Task<MaterializedView?> GetViewAsync(string owner, string name, CancellationToken cancellationToken) =>
        ReadOneAsync($"SELECT {ViewColumns} FROM materialized_views WHERE owner = @owner AND name = @name",
            c => c.Text("owner", owner).Text("name", name), ReadView, cancellationToken);

    public async Task<(IReadOnlyList<MaterializedView> Views, long Total)> ListViewsAsync(string owner, int limit, int offset, CancellationToken cancellationToken) =>
        await OwnerPageAsync(ViewColumns, "materialized_views", "name", owner, limit, offset, ReadView, cancellationToken).ConfigureAwait(false);

    public Task<IReadOnlyList<MaterializedView>> ListVisibleViewsAsync(string caller, CancellationToken cancellationToken) =>
        ReadAllAsync($"SELECT {ViewColumns} FROM materialized_views WHERE owner = @owner OR NOT is_private ORDER BY owner, name",
            c => c.Text("owner", caller), ReadView, cancellationToken);

    public Task<IReadOnlyList<MaterializedView>> ListScheduledViewsAsync(CancellationToken cancellationToken) =>
        ReadAllAsync($"SELECT {ViewColumns} FROM materialized_views WHERE cron IS NOT NULL ORDER BY owner, name", _ => { }, ReadView, cancellationToken);

    public Task<IReadOnlyList<MaterializedView>> ListUnappliedViewsAsync(CancellationToken cancellationToken) =>
        ReadAllAsync($"SELECT {ViewColumns} FROM materialized_views WHERE NOT applied ORDER BY owner, name", _ => { }, ReadView, cancellationToken);

    public Task<bool> DeleteViewAsync(string owner, string name, CancellationToken cancellationToken) =>
        ChangeAsync("DELETE FROM materialized_views WHERE owner = @owner AND name = @name", c => c.Text("owner", owner).Text("name", name), cancellationToken);

    public Task<bool> TryClaimSlotAsync(string owner, string name, DateTimeOffset slot, CancellationToken cancellationToken) =>
        ChangeAsync(
            "UPDATE materialized_views SET claimed_slot = @slot WHERE owner = @owner AND name = @name AND (claimed_slot IS NULL OR claimed_slot < @slot)",
            c => c.Text("owner", owner).Text("name", name).Time("slot", slot), cancellationToken);

    public Task RecordRefreshAsync(string owner, string name, string executionId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(
            "UPDATE materialized_views SET last_execution_id = @execution, last_run_at = @at, last_error = NULL, applied = false WHERE owner = @owner AND name = @name",
            c => c.Text("owner", owner).Text("name", name).Text("execution", executionId).Time("at", at), cancellationToken);

    public Task RecordAppliedAsync(string owner, string name, string executionId, string? error, CancellationToken cancellationToken) =>
        ChangeAsync(
            """
            UPDATE materialized_views SET applied = true, last_error = @error,
                table_execution_id = CASE WHEN @error IS NULL THEN @execution ELSE table_execution_id END
            WHERE owner = @owner AND name = @name AND last_execution_id = @execution
            """,
            c => c.Text("owner", owner).Text("name", name).Text("execution", executionId).Text("error", error), cancellationToken);

    private static MaterializedView ReadView(NpgsqlDataReader reader)
    {
        PerformanceTiers.TryParse(reader.GetString(4), out var tier);
        return new MaterializedView
        {
            Owner = reader.GetString(0),
            Name = reader.GetString(1),
            QueryId = reader.GetInt64(2),
            IsPrivate = reader.GetBoolean(3),
            Tier = tier,
            Cron = NullableString(reader, 5),
            CreatedAt = Time(reader, 6),
            UpdatedAt = Time(reader, 7),
            ClaimedSlot = NullableTime(reader, 8),
            LastRunAt = NullableTime(reader, 9),
            LastExecutionId = NullableString(reader, 10),
            TableExecutionId = NullableString(reader, 11),
            LastError = NullableString(reader, 12),
        };
    }
}
