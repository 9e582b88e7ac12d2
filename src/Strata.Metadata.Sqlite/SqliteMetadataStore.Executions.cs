using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Metadata.Sqlite;

/// <summary>Executions and their idempotency records.</summary>
public sealed partial class SqliteMetadataStore
{
    public async Task<IdempotencyRecord?> InsertExecutionAsync(Execution execution, IdempotencyRecord? idempotency, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (idempotency is not null)
        {
            using var claim = connection.CreateCommand();
            claim.Transaction = transaction;
            claim.CommandText = """
                INSERT INTO idempotency_keys (owner, key, request_hash, execution_id, created_at)
                VALUES ($owner, $key, $hash, $execution, $now)
                ON CONFLICT(owner, key) DO UPDATE SET request_hash = excluded.request_hash, execution_id = excluded.execution_id, created_at = excluded.created_at
                WHERE idempotency_keys.created_at < $expired
                """;
            claim.Parameters.AddWithValue("$owner", idempotency.Owner);
            claim.Parameters.AddWithValue("$key", idempotency.Key);
            claim.Parameters.AddWithValue("$hash", idempotency.RequestHash);
            claim.Parameters.AddWithValue("$execution", idempotency.ExecutionId);
            claim.Parameters.AddWithValue("$now", Format(idempotency.CreatedAt));
            claim.Parameters.AddWithValue("$expired", Format(idempotency.CreatedAt - TimeSpan.FromHours(24)));
            if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return await FindIdempotencyAsync(idempotency.Owner, idempotency.Key, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false);
            }
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at, query_version, params_json, reuse_key, source_sql, position_map, dialect)
            VALUES ($id, $owner, $query_id, $sql, $tier, $state, $submitted_at, $query_version, $params_json, $reuse_key, $source_sql, $position_map, $dialect)
            """;
        command.Parameters.AddWithValue("$id", execution.Id);
        command.Parameters.AddWithValue("$owner", execution.Owner);
        command.Parameters.AddWithValue("$query_id", execution.QueryId);
        command.Parameters.AddWithValue("$sql", execution.Sql);
        command.Parameters.AddWithValue("$tier", execution.Tier.ToWire());
        command.Parameters.AddWithValue("$state", execution.State.ToWire());
        command.Parameters.AddWithValue("$submitted_at", Format(execution.SubmittedAt));
        command.Parameters.AddWithValue("$query_version", (object?)execution.QueryVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$params_json", (object?)execution.ParametersJson ?? DBNull.Value);
        command.Parameters.AddWithValue("$reuse_key", (object?)execution.ReuseKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$source_sql", (object?)execution.SourceSql ?? DBNull.Value);
        command.Parameters.AddWithValue("$position_map", execution.PositionMap is { } map ? JsonSerializer.Serialize(map) : DBNull.Value);
        command.Parameters.AddWithValue("$dialect", execution.Dialect.ToStored());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string owner, string key, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner, key, request_hash, execution_id, created_at FROM idempotency_keys WHERE owner = $owner AND key = $key AND created_at >= $since";
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$since", Format(notBefore == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : notBefore));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return new IdempotencyRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Parse(reader.GetString(4)));
    }

    public async Task<Execution?> FindReusableAsync(string reuseKey, DateTimeOffset completedNotBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ExecutionColumns}, NULL FROM executions e
            WHERE reuse_key = $key AND (state IN ('QUERY_STATE_PENDING', 'QUERY_STATE_EXECUTING')
               OR (state = 'QUERY_STATE_COMPLETED' AND ended_at >= $since))
            ORDER BY seq DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$key", reuseKey);
        command.Parameters.AddWithValue("$since", Format(completedNotBefore));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadExecution(reader) : null;
    }

    public async Task<IReadOnlyList<Execution>> ListQueryExecutionsAsync(long queryId, int version, string owner, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ExecutionColumns}, NULL FROM executions e
            WHERE query_id = $query AND query_version = $version AND owner = $owner
            ORDER BY seq DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$query", queryId);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Execution>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadExecution(reader));
        }
        return list;
    }

    public Task<Execution?> FindLatestQueryExecutionAsync(long queryId, int version, string owner, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken) =>
        FindLatestAsync(queryId, version, owner, shared: false, parameterValues, cancellationToken);

    public Task<Execution?> FindLatestSharedQueryExecutionAsync(long queryId, int version, string queryOwner, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken) =>
        FindLatestAsync(queryId, version, queryOwner, shared: true, parameterValues, cancellationToken);

    /// <summary>The newest run of a query version by <paramref name="owner"/> (and, when <paramref name="shared"/>, by anyone whose run read nothing private of theirs).</summary>
    private async Task<Execution?> FindLatestAsync(long queryId, int version, string owner, bool shared, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        // Each selector: the stored array under that name equals the wanted one, both rendered by json_extract.
        var selectors = new System.Text.StringBuilder();
        int i = 0;
        foreach (var (name, valuesJson) in parameterValues)
        {
            selectors.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM json_each(e.params_json) j WHERE j.key = $k{i} AND j.value = json_extract($v{i}, '$'))");
            command.Parameters.AddWithValue($"$k{i}", name);
            command.Parameters.AddWithValue($"$v{i}", valuesJson);
            i++;
        }
        command.CommandText = $"""
            SELECT {ExecutionColumns}, NULL FROM executions e
            WHERE query_id = $query AND query_version = $version AND {(shared ? "(owner = $owner OR runner_private = 0)" : "owner = $owner")}{selectors}
            ORDER BY state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') DESC, seq DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$query", queryId);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadExecution(reader) : null;
    }

    private const string ExecutionColumns =
        "id, owner, query_id, sql, tier, state, submitted_at, started_at, ended_at, cancelled_at, expires_at, attempts, error_json, result_json, query_version, params_json, reuse_key, source_sql, position_map, dialect, runner_private";

    public async Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ExecutionColumns},
                   CASE WHEN e.state = 'QUERY_STATE_PENDING'
                        THEN (SELECT COUNT(*) FROM executions p WHERE p.state = 'QUERY_STATE_PENDING' AND p.tier = e.tier AND p.seq <= e.seq)
                   END
            FROM executions e WHERE id = $id
            """;
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var execution = ReadExecution(reader);
        return reader.IsDBNull(21) ? execution : execution with { QueuePosition = reader.GetInt32(21) };
    }

    public async Task<bool> TryStartAsync(string id, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE executions SET state = 'QUERY_STATE_EXECUTING', started_at = $now, attempts = attempts + 1
            WHERE id = $id AND state = 'QUERY_STATE_PENDING'
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$now", Format(startedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> TryFinishAsync(string id, ExecutionOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE executions SET state = $state,
                ended_at = CASE WHEN $started THEN $ended END,
                cancelled_at = CASE WHEN $state = 'QUERY_STATE_CANCELLED' THEN $ended END,
                expires_at = $expires, error_json = $error, result_json = $result, runner_private = $runner_private
            WHERE id = $id AND state IN ('QUERY_STATE_PENDING', 'QUERY_STATE_EXECUTING')
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$state", outcome.State.ToWire());
        command.Parameters.AddWithValue("$started", outcome.Started);
        command.Parameters.AddWithValue("$ended", Format(outcome.EndedAt));
        command.Parameters.AddWithValue("$expires", outcome.ExpiresAt is { } e ? Format(e) : DBNull.Value);
        command.Parameters.AddWithValue("$error", outcome.Error is { } err ? JsonSerializer.Serialize(err) : DBNull.Value);
        command.Parameters.AddWithValue("$result", outcome.Result is { } res ? JsonSerializer.Serialize(res) : DBNull.Value);
        command.Parameters.AddWithValue("$runner_private", outcome.RunnerPrivate || outcome.Result is null ? 1 : 0);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<Execution>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ExecutionColumns} FROM executions
            WHERE state IN ('QUERY_STATE_PENDING', 'QUERY_STATE_EXECUTING') ORDER BY seq
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Execution>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadExecution(reader));
        }
        return list;
    }

    public async Task RequeueAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE executions SET state = 'QUERY_STATE_PENDING', started_at = NULL
            WHERE id = $id AND state = 'QUERY_STATE_EXECUTING'
            """;
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE executions SET state = 'QUERY_STATE_EXPIRED'
            WHERE state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') AND expires_at <= $now
            RETURNING id
            """;
        command.Parameters.AddWithValue("$now", Format(now));
        return await ReadFirstColumnAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static Execution ReadExecution(SqliteDataReader r)
    {
        PerformanceTiers.TryParse(r.GetString(4), out var tier);
        return new Execution
        {
            Id = r.GetString(0),
            Owner = r.GetString(1),
            QueryId = r.GetInt64(2),
            Sql = r.GetString(3),
            Tier = tier,
            State = ExecutionStates.FromWire(r.GetString(5)),
            SubmittedAt = Parse(r.GetString(6)),
            StartedAt = r.IsDBNull(7) ? null : Parse(r.GetString(7)),
            EndedAt = r.IsDBNull(8) ? null : Parse(r.GetString(8)),
            CancelledAt = r.IsDBNull(9) ? null : Parse(r.GetString(9)),
            ExpiresAt = r.IsDBNull(10) ? null : Parse(r.GetString(10)),
            Attempts = r.GetInt32(11),
            Error = r.IsDBNull(12) ? null : JsonSerializer.Deserialize<ExecutionError>(r.GetString(12)),
            Result = r.IsDBNull(13) ? null : JsonSerializer.Deserialize<ResultInfo>(r.GetString(13)),
            QueryVersion = r.IsDBNull(14) ? null : r.GetInt32(14),
            ParametersJson = r.IsDBNull(15) ? null : r.GetString(15),
            ReuseKey = r.IsDBNull(16) ? null : r.GetString(16),
            SourceSql = r.IsDBNull(17) ? null : r.GetString(17),
            PositionMap = r.IsDBNull(18) ? null : JsonSerializer.Deserialize<List<ParameterSubstitution.Span>>(r.GetString(18)),
            Dialect = SqlDialects.FromStored(r.IsDBNull(19) ? null : r.GetString(19)),
            RunnerPrivate = r.GetInt64(20) != 0,
        };
    }

    public async Task<IReadOnlyList<string>> StoredResultIdsAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        // Every execution that may have result files: completed ones, and failed or cancelled ones
        // that kept a partial result. Those without files cost nothing when the files are measured.
        command.CommandText = """
            SELECT id FROM executions
            WHERE owner = $owner AND result_json IS NOT NULL AND (expires_at IS NULL OR expires_at > $now)
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$now", Format(now));
        return await ReadFirstColumnAsync(command, cancellationToken).ConfigureAwait(false);
    }
}
