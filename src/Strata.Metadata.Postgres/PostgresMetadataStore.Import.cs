using System.Text.Json;
using Npgsql;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Metadata.Postgres;

/// <summary>
/// Copies another store's rows into this one (<c>strata migrate-metadata</c>), in one transaction: all of
/// it or none. Every row is an upsert on its own key (ids, execution ids, file names, owner and slug...),
/// keeping the source's ids so that references between kinds still hold; running it again over the same
/// source leaves the same rows. Identity sequences are moved past the copied ids.
/// </summary>
public sealed partial class PostgresMetadataStore
{
    /// <summary>Copies every row of <paramref name="source"/>; a row that clashes with a different one already here
    /// (another key with that hash, another table of that name) stops the copy, changing nothing.</summary>
    public async Task<MetadataCopyCounts> ImportAsync(IMetadataExport source, CancellationToken cancellationToken)
    {
        try
        {
            return await CopyAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException(
                $"the database {Database} already holds other metadata that clashes with the copy ({e.ConstraintName}); nothing was copied. Copy into a new, empty database.", e);
        }
    }

    private Task<MetadataCopyCounts> CopyAsync(IMetadataExport source, CancellationToken cancellationToken) =>
        InTransactionAsync(async (connection, transaction) =>
        {
            long keys = await UpsertAllAsync(connection, transaction, source.ExportKeysAsync(cancellationToken), """
                INSERT INTO api_keys (id, handle, key_hash, key_prefix, created_at, revoked_at, last_used_at)
                VALUES (@id, @handle, @hash, @prefix, @created, @revoked, @used)
                ON CONFLICT (id) DO UPDATE SET handle = excluded.handle, key_hash = excluded.key_hash, key_prefix = excluded.key_prefix,
                    created_at = excluded.created_at, revoked_at = excluded.revoked_at, last_used_at = excluded.last_used_at
                """, (c, k) => c.Int("id", k.Info.Id).Text("handle", k.Info.Handle).Text("hash", k.KeyHash).Text("prefix", k.Info.KeyPrefix)
                    .Time("created", k.Info.CreatedAt).Time("revoked", k.Info.RevokedAt).Time("used", k.Info.LastUsedAt), cancellationToken).ConfigureAwait(false);

            long queries = await UpsertAllAsync(connection, transaction, source.ExportQueriesAsync(cancellationToken), """
                INSERT INTO queries (id, owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at, query_engine)
                VALUES (@id, @owner, @name, @description, @tags, @sql, @parameters, @private, @archived, @version, @created, @updated, @engine)
                ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, name = excluded.name, description = excluded.description,
                    tags_json = excluded.tags_json, query_sql = excluded.query_sql, parameters_json = excluded.parameters_json,
                    is_private = excluded.is_private, is_archived = excluded.is_archived, version = excluded.version,
                    created_at = excluded.created_at, updated_at = excluded.updated_at, query_engine = excluded.query_engine
                """, (c, q) => BindQuery(c, q).Int("id", q.Id), cancellationToken).ConfigureAwait(false);

            long executions = await UpsertAllAsync(connection, transaction, source.ExportExecutionsAsync(cancellationToken), $"""
                INSERT INTO executions ({ExecutionColumns})
                VALUES (@id, @owner, @query_id, @sql, @tier, @state, @submitted_at, @started_at, @ended_at, @cancelled_at, @expires_at, @attempts,
                    @error_json, @result_json, @query_version, @params_json, @reuse_key, @source_sql, @position_map, @dialect, @runner_private)
                ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, query_id = excluded.query_id, sql = excluded.sql, tier = excluded.tier,
                    state = excluded.state, submitted_at = excluded.submitted_at, started_at = excluded.started_at, ended_at = excluded.ended_at,
                    cancelled_at = excluded.cancelled_at, expires_at = excluded.expires_at, attempts = excluded.attempts,
                    error_json = excluded.error_json, result_json = excluded.result_json, query_version = excluded.query_version,
                    params_json = excluded.params_json, reuse_key = excluded.reuse_key, source_sql = excluded.source_sql,
                    position_map = excluded.position_map, dialect = excluded.dialect, runner_private = excluded.runner_private
                """, BindExecution, cancellationToken).ConfigureAwait(false);

            long idempotency = await UpsertAllAsync(connection, transaction, source.ExportIdempotencyKeysAsync(cancellationToken), """
                INSERT INTO idempotency_keys (owner, key, request_hash, execution_id, created_at) VALUES (@owner, @key, @hash, @execution, @created)
                ON CONFLICT (owner, key) DO UPDATE SET request_hash = excluded.request_hash, execution_id = excluded.execution_id, created_at = excluded.created_at
                """, (c, r) => c.Text("owner", r.Owner).Text("key", r.Key).Text("hash", r.RequestHash).Text("execution", r.ExecutionId).Time("created", r.CreatedAt),
                cancellationToken).ConfigureAwait(false);

            long tables = await UpsertAllAsync(connection, transaction, source.ExportTablesAsync(cancellationToken), """
                INSERT INTO upload_tables (id, owner, namespace, name, description, is_private, columns_json, created_at, updated_at)
                VALUES (@id, @owner, @ns, @name, @description, @private, @columns, @created, @updated)
                ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, namespace = excluded.namespace, name = excluded.name,
                    description = excluded.description, is_private = excluded.is_private, columns_json = excluded.columns_json,
                    created_at = excluded.created_at, updated_at = excluded.updated_at
                """, (c, t) => c.Text("id", t.Id).Text("owner", t.Owner).Text("ns", t.Namespace).Text("name", t.Name).Text("description", t.Description)
                    .Bool("private", t.IsPrivate).Text("columns", ColumnsJson(t.Columns)).Time("created", t.CreatedAt).Time("updated", t.UpdatedAt),
                cancellationToken).ConfigureAwait(false);

            long parts = await UpsertAllAsync(connection, transaction, source.ExportPartsAsync(cancellationToken), """
                INSERT INTO upload_parts (table_id, file, rows, bytes) VALUES (@table, @file, @rows, @bytes)
                ON CONFLICT (file) DO UPDATE SET table_id = excluded.table_id, rows = excluded.rows, bytes = excluded.bytes
                """, (c, p) => c.Text("table", p.TableId).Text("file", p.File).Int("rows", p.Rows).Int("bytes", p.Bytes), cancellationToken).ConfigureAwait(false);

            long endpoints = await UpsertAllAsync(connection, transaction, source.ExportEndpointsAsync(cancellationToken), $"""
                INSERT INTO query_endpoints ({EndpointColumns}) VALUES (@owner, @slug, @query, @parameters, @age, @created, @updated)
                ON CONFLICT (owner, slug) DO UPDATE SET query_id = excluded.query_id, parameters_json = excluded.parameters_json,
                    max_age_seconds = excluded.max_age_seconds, created_at = excluded.created_at, updated_at = excluded.updated_at
                """, (c, e) => BindEndpoint(c, e), cancellationToken).ConfigureAwait(false);

            long views = await UpsertAllAsync(connection, transaction, source.ExportViewsAsync(cancellationToken), $"""
                INSERT INTO materialized_views ({ViewColumns}, applied)
                VALUES (@owner, @name, @query, @private, @tier, @cron, @created, @updated, @slot, @run, @execution, @table_execution, @error, @applied)
                ON CONFLICT (owner, name) DO UPDATE SET query_id = excluded.query_id, is_private = excluded.is_private, tier = excluded.tier,
                    cron = excluded.cron, created_at = excluded.created_at, updated_at = excluded.updated_at, claimed_slot = excluded.claimed_slot,
                    last_run_at = excluded.last_run_at, last_execution_id = excluded.last_execution_id,
                    table_execution_id = excluded.table_execution_id, last_error = excluded.last_error, applied = excluded.applied
                """, (c, s) => c.Text("owner", s.View.Owner).Text("name", s.View.Name).Int("query", s.View.QueryId).Bool("private", s.View.IsPrivate)
                    .Text("tier", s.View.Tier.ToWire()).Text("cron", s.View.Cron).Time("created", s.View.CreatedAt).Time("updated", s.View.UpdatedAt)
                    .Time("slot", s.View.ClaimedSlot).Time("run", s.View.LastRunAt).Text("execution", s.View.LastExecutionId)
                    .Text("table_execution", s.View.TableExecutionId).Text("error", s.View.LastError).Bool("applied", s.Applied),
                cancellationToken).ConfigureAwait(false);

            long pipelines = await UpsertAllAsync(connection, transaction, source.ExportPipelinesAsync(cancellationToken), $"""
                INSERT INTO pipeline_executions ({PipelineColumns})
                VALUES (@id, @owner, @query, @state, @nodes, @submitted, @ended, @error, @params)
                ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, query_id = excluded.query_id, state = excluded.state,
                    nodes_json = excluded.nodes_json, submitted_at = excluded.submitted_at, ended_at = excluded.ended_at,
                    error = excluded.error, params_json = excluded.params_json
                """, (c, r) => BindPipeline(c, r), cancellationToken).ConfigureAwait(false);

            // New keys and queries made after the copy take ids above the copied ones.
            await using (var sequences = Command(connection, transaction, """
                SELECT setval(pg_get_serial_sequence('api_keys', 'id'), coalesce((SELECT max(id) FROM api_keys), 0) + 1, false);
                SELECT setval(pg_get_serial_sequence('queries', 'id'), coalesce((SELECT max(id) FROM queries), 0) + 1, false);
                """))
            {
                await sequences.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            return new MetadataCopyCounts(keys, queries, executions, idempotency, tables, parts, endpoints, views, pipelines);
        }, cancellationToken);

    private static void BindExecution(NpgsqlCommand c, Execution e) => c
        .Text("id", e.Id).Text("owner", e.Owner).Int("query_id", e.QueryId).Text("sql", e.Sql).Text("tier", e.Tier.ToWire())
        .Text("state", e.State.ToWire()).Time("submitted_at", e.SubmittedAt).Time("started_at", e.StartedAt).Time("ended_at", e.EndedAt)
        .Time("cancelled_at", e.CancelledAt).Time("expires_at", e.ExpiresAt).Int("attempts", e.Attempts)
        .Text("error_json", e.Error is { } err ? JsonSerializer.Serialize(err) : null)
        .Text("result_json", e.Result is { } res ? JsonSerializer.Serialize(res) : null)
        .Int("query_version", e.QueryVersion).Text("params_json", e.ParametersJson).Text("reuse_key", e.ReuseKey).Text("source_sql", e.SourceSql)
        .Text("position_map", e.PositionMap is { } map ? JsonSerializer.Serialize(map) : null).Text("dialect", e.Dialect.ToStored())
        .Bool("runner_private", e.RunnerPrivate);

    private static async Task<long> UpsertAllAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, IAsyncEnumerable<T> rows, string sql,
        Action<NpgsqlCommand, T> bind, CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await using var command = Command(connection, transaction, sql);
            bind(command, row);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            count++;
        }
        return count;
    }
}
