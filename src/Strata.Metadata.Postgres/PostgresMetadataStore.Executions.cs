using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Metadata.Postgres;

/// <summary>Executions and their idempotency records.</summary>
public sealed partial class PostgresMetadataStore
{
    private const string ExecutionColumns =
        "id, owner, query_id, sql, tier, state, submitted_at, started_at, ended_at, cancelled_at, expires_at, attempts, error_json, result_json, query_version, params_json, reuse_key, source_sql, position_map, dialect, runner_private";

    private const string InFlight = "('QUERY_STATE_PENDING', 'QUERY_STATE_EXECUTING')";

    public Task<IdempotencyRecord?> InsertExecutionAsync(Execution execution, IdempotencyRecord? idempotency, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (idempotency is not null)
            {
                // The primary key (owner, key) makes a key one node's: a concurrent claim waits for this
                // transaction and then finds the key taken.
                await using var claim = Command(connection, transaction, """
                    INSERT INTO idempotency_keys (owner, key, request_hash, execution_id, created_at)
                    VALUES (@owner, @key, @hash, @execution, @now)
                    ON CONFLICT (owner, key) DO UPDATE SET request_hash = excluded.request_hash, execution_id = excluded.execution_id, created_at = excluded.created_at
                    WHERE idempotency_keys.created_at < @expired
                    """);
                claim.Text("owner", idempotency.Owner).Text("key", idempotency.Key).Text("hash", idempotency.RequestHash)
                    .Text("execution", idempotency.ExecutionId).Time("now", idempotency.CreatedAt).Time("expired", idempotency.CreatedAt - TimeSpan.FromHours(24));
                if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return await FindIdempotencyAsync(connection, idempotency.Owner, idempotency.Key, DateTimeOffset.UnixEpoch, cancellationToken).ConfigureAwait(false);
                }
            }
            await using var command = Command(connection, transaction, """
                INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at, query_version, params_json, reuse_key, source_sql, position_map, dialect)
                VALUES (@id, @owner, @query_id, @sql, @tier, @state, @submitted_at, @query_version, @params_json, @reuse_key, @source_sql, @position_map, @dialect)
                """);
            command.Text("id", execution.Id).Text("owner", execution.Owner).Int("query_id", execution.QueryId).Text("sql", execution.Sql)
                .Text("tier", execution.Tier.ToWire()).Text("state", execution.State.ToWire()).Time("submitted_at", execution.SubmittedAt)
                .Int("query_version", execution.QueryVersion).Text("params_json", execution.ParametersJson).Text("reuse_key", execution.ReuseKey)
                .Text("source_sql", execution.SourceSql)
                .Text("position_map", execution.PositionMap is { } map ? JsonSerializer.Serialize(map) : null)
                .Text("dialect", execution.Dialect.ToStored());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (IdempotencyRecord?)null;
        }, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string owner, string key, DateTimeOffset notBefore, CancellationToken cancellationToken) =>
        RunAsync(connection => FindIdempotencyAsync(connection, owner, key, notBefore == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : notBefore, cancellationToken),
            cancellationToken);

    private static async Task<IdempotencyRecord?> FindIdempotencyAsync(NpgsqlConnection connection, string owner, string key, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync(connection, null,
            "SELECT owner, key, request_hash, execution_id, created_at FROM idempotency_keys WHERE owner = @owner AND key = @key AND created_at >= @since",
            c => c.Text("owner", owner).Text("key", key).Time("since", notBefore),
            r => new IdempotencyRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Time(r, 4)), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<Execution?> FindReusableAsync(string reuseKey, DateTimeOffset completedNotBefore, CancellationToken cancellationToken) =>
        ReadOneAsync($"""
            SELECT {ExecutionColumns} FROM executions
            WHERE reuse_key = @key AND (state IN {InFlight} OR (state = 'QUERY_STATE_COMPLETED' AND ended_at >= @since))
            ORDER BY seq DESC LIMIT 1
            """, c => c.Text("key", reuseKey).Time("since", completedNotBefore), ReadExecution, cancellationToken);

    public Task<IReadOnlyList<Execution>> ListQueryExecutionsAsync(long queryId, int version, string owner, int limit, CancellationToken cancellationToken) =>
        ReadAllAsync($"""
            SELECT {ExecutionColumns} FROM executions
            WHERE query_id = @query AND query_version = @version AND owner = @owner
            ORDER BY seq DESC LIMIT @limit
            """, c => c.Int("query", queryId).Int("version", version).Text("owner", owner).Int("limit", limit), ReadExecution, cancellationToken);

    public Task<Execution?> FindLatestQueryExecutionAsync(long queryId, int version, string owner, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken) =>
        FindLatestAsync(queryId, version, owner, shared: false, parameterValues, cancellationToken);

    public Task<Execution?> FindLatestSharedQueryExecutionAsync(long queryId, int version, string queryOwner, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken) =>
        FindLatestAsync(queryId, version, queryOwner, shared: true, parameterValues, cancellationToken);

    /// <summary>The newest run of a query version by <paramref name="owner"/> (and, when <paramref name="shared"/>, by anyone whose run read nothing private of theirs).</summary>
    private Task<Execution?> FindLatestAsync(long queryId, int version, string owner, bool shared, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken)
    {
        // Each selector: the stored array under that name equals the wanted one, compared as jsonb.
        var selectors = new StringBuilder();
        var values = parameterValues.ToList();
        for (int i = 0; i < values.Count; i++)
        {
            selectors.Append(CultureInfo.InvariantCulture, $" AND (params_json::jsonb -> @k{i}) = @v{i}::jsonb");
        }
        return ReadOneAsync($"""
            SELECT {ExecutionColumns} FROM executions
            WHERE query_id = @query AND query_version = @version AND {(shared ? "(owner = @owner OR NOT runner_private)" : "owner = @owner")}{selectors}
            ORDER BY state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') DESC, seq DESC LIMIT 1
            """, c =>
        {
            c.Int("query", queryId).Int("version", version).Text("owner", owner);
            for (int i = 0; i < values.Count; i++)
            {
                c.Text($"k{i}", values[i].Key).Text($"v{i}", values[i].Value);
            }
        }, ReadExecution, cancellationToken);
    }

    public Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken) =>
        ReadOneAsync($"""
            SELECT {ExecutionColumns},
                   CASE WHEN e.state = 'QUERY_STATE_PENDING'
                        THEN (SELECT count(*) FROM executions p WHERE p.state = 'QUERY_STATE_PENDING' AND p.tier = e.tier AND p.seq <= e.seq)
                   END
            FROM executions e WHERE id = @id
            """, c => c.Text("id", id),
            r => r.IsDBNull(21) ? ReadExecution(r) : ReadExecution(r) with { QueuePosition = (int)r.GetInt64(21) }, cancellationToken);

    /// <summary>
    /// The node whose claims gate starts and ends, when this store backs a node of a cluster (given to the constructor;
    /// null: no claim gates them). Then a start, and the end of a run, are recorded only while that node holds the
    /// execution's claim and its lease has not lapsed, in the same statement: a node whose claim lapsed (a stall under
    /// load) cannot start an execution another node has claimed since, nor record the end of a run another node has
    /// taken over (that node's attempt owns the row). A cancel, written by whichever node the user asked, needs no claim.
    /// </summary>
    public string? ClaimingNode { get; }

    private const string UnderClaim = "(@node::text IS NULL OR (claimed_by = @node AND lease_expires_at > now()))";

    public Task<bool> TryStartAsync(string id, DateTimeOffset startedAt, CancellationToken cancellationToken) =>
        ChangeAsync($"""
            UPDATE executions SET state = 'QUERY_STATE_EXECUTING', started_at = @now, attempts = attempts + 1
            WHERE id = @id AND state = 'QUERY_STATE_PENDING' AND {UnderClaim}
            """, c => c.Text("id", id).Time("now", startedAt).Text("node", ClaimingNode), cancellationToken);

    public Task<bool> TryFinishAsync(string id, ExecutionOutcome outcome, CancellationToken cancellationToken) =>
        ChangeAsync($"""
            UPDATE executions SET state = @state,
                ended_at = CASE WHEN @started THEN @ended END,
                cancelled_at = CASE WHEN @state = 'QUERY_STATE_CANCELLED' THEN @ended END,
                expires_at = @expires, error_json = @error, result_json = @result, runner_private = @runner_private,
                claimed_by = NULL, lease_expires_at = NULL
            WHERE id = @id AND state IN {InFlight} AND (@state = 'QUERY_STATE_CANCELLED' OR {UnderClaim})
            """, c => c.Text("id", id).Text("state", outcome.State.ToWire()).Bool("started", outcome.Started).Time("ended", outcome.EndedAt)
                .Time("expires", outcome.ExpiresAt)
                .Text("error", outcome.Error is { } err ? JsonSerializer.Serialize(err) : null)
                .Text("result", outcome.Result is { } res ? JsonSerializer.Serialize(res) : null)
                .Bool("runner_private", outcome.RunnerPrivate || outcome.Result is null)
                .Text("node", ClaimingNode), cancellationToken);

    public Task<IReadOnlyList<Execution>> ListUnfinishedAsync(CancellationToken cancellationToken) =>
        ReadAllAsync($"SELECT {ExecutionColumns} FROM executions WHERE state IN {InFlight} ORDER BY seq", _ => { }, ReadExecution, cancellationToken);

    /// <summary>
    /// Back to PENDING (a hand-back, a takeover). In a cluster only by the node whose claim the row carries: a node
    /// whose claim another node took over since cannot put that node's run back (a claim rewrites <c>claimed_by</c>).
    /// </summary>
    public Task RequeueAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync("""
            UPDATE executions SET state = 'QUERY_STATE_PENDING', started_at = NULL, claimed_by = NULL, lease_expires_at = NULL
            WHERE id = @id AND state = 'QUERY_STATE_EXECUTING' AND (@node::text IS NULL OR claimed_by = @node)
            """, c => c.Text("id", id).Text("node", ClaimingNode), cancellationToken);

    /// <summary>Expires stored results; returns their result keys (<see cref="ResultKeys"/>: the id and, in a cluster, the run that wrote them).</summary>
    public Task<IReadOnlyList<string>> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAllAsync("""
            UPDATE executions SET state = 'QUERY_STATE_EXPIRED'
            WHERE state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') AND expires_at <= @now
            RETURNING id || coalesce('.' || (result_json::jsonb ->> 'Run'), '')
            """, c => c.Time("now", now), r => r.GetString(0), cancellationToken);

    public Task<IReadOnlyList<string>> StoredResultIdsAsync(string owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        // Every execution that may have result files: completed ones, and failed or cancelled ones
        // that kept a partial result. Those without files cost nothing when the files are measured.
        ReadAllAsync("""
            SELECT id FROM executions
            WHERE owner = @owner AND result_json IS NOT NULL AND (expires_at IS NULL OR expires_at > @now)
            """, c => c.Text("owner", owner).Time("now", now), r => r.GetString(0), cancellationToken);

    internal static Execution ReadExecution(NpgsqlDataReader r)
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
            SubmittedAt = Time(r, 6),
            StartedAt = NullableTime(r, 7),
            EndedAt = NullableTime(r, 8),
            CancelledAt = NullableTime(r, 9),
            ExpiresAt = NullableTime(r, 10),
            Attempts = r.GetInt32(11),
            Error = r.IsDBNull(12) ? null : JsonSerializer.Deserialize<ExecutionError>(r.GetString(12)),
            Result = r.IsDBNull(13) ? null : JsonSerializer.Deserialize<ResultInfo>(r.GetString(13)),
            QueryVersion = r.IsDBNull(14) ? null : r.GetInt32(14),
            ParametersJson = NullableString(r, 15),
            ReuseKey = NullableString(r, 16),
            SourceSql = NullableString(r, 17),
            PositionMap = r.IsDBNull(18) ? null : JsonSerializer.Deserialize<List<ParameterSubstitution.Span>>(r.GetString(18)),
            Dialect = SqlDialects.FromStored(NullableString(r, 19)),
            RunnerPrivate = r.GetBoolean(20),
        };
    }
}
