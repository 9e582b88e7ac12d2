using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Metadata.Sqlite;

/// <summary>
/// The embedded metadata store: one SQLite database in WAL mode with full fsync, so that a write that
/// returned survives a crash. Each call opens a pooled connection; SQLite serialises writers.
/// </summary>
public sealed partial class SqliteMetadataStore : IMetadataStore
{
    private readonly string connectionString;

    public SqliteMetadataStore(string path)
    {
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

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS api_keys (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                handle TEXT NOT NULL,
                key_hash TEXT NOT NULL UNIQUE,
                key_prefix TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT NULL
            );
            CREATE TABLE IF NOT EXISTS executions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                owner TEXT NOT NULL,
                query_id INTEGER NOT NULL,
                sql TEXT NOT NULL,
                tier TEXT NOT NULL,
                state TEXT NOT NULL,
                submitted_at TEXT NOT NULL,
                started_at TEXT NULL,
                ended_at TEXT NULL,
                cancelled_at TEXT NULL,
                expires_at TEXT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                error_json TEXT NULL,
                result_json TEXT NULL,
                query_version INTEGER NULL,
                params_json TEXT NULL,
                reuse_key TEXT NULL,
                source_sql TEXT NULL,
                position_map TEXT NULL
            );
            CREATE INDEX IF NOT EXISTS executions_state ON executions(state, tier, seq);
            CREATE INDEX IF NOT EXISTS executions_reuse ON executions(reuse_key, seq);
            CREATE INDEX IF NOT EXISTS executions_query ON executions(query_id, query_version, owner, seq);
            CREATE TABLE IF NOT EXISTS idempotency_keys (
                owner TEXT NOT NULL,
                key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                execution_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (owner, key)
            );
            CREATE TABLE IF NOT EXISTS queries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                owner TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                tags_json TEXT NOT NULL,
                query_sql TEXT NOT NULL,
                parameters_json TEXT NOT NULL,
                is_private INTEGER NOT NULL,
                is_archived INTEGER NOT NULL,
                version INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS queries_owner ON queries(owner, id);
            """ + UploadSchema;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await AddMissingColumnsAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyInfo?> FindKeyAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, handle, key_prefix, created_at, revoked_at, key_hash FROM api_keys WHERE key_hash = $h AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$h", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        // The index finds the row; the match itself is confirmed in constant time.
        bool same = System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(reader.GetString(5)), System.Text.Encoding.ASCII.GetBytes(keyHash));
        return same ? ReadKey(reader) : null;
    }

    /// <summary>Adds a key; a handle already stored under another spelling (handles compare ignoring case)
    /// keeps the stored spelling, so one owner never becomes two.</summary>
    public async Task<ApiKeyInfo> AddKeyAsync(string handle, string keyHash, string keyPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO api_keys (handle, key_hash, key_prefix, created_at)
            VALUES (COALESCE((SELECT handle FROM api_keys WHERE handle = $handle COLLATE NOCASE ORDER BY id LIMIT 1), $handle), $h, $p, $now)
            ON CONFLICT(key_hash) DO UPDATE SET revoked_at = NULL
            RETURNING id, handle, key_prefix, created_at, revoked_at
            """;
        command.Parameters.AddWithValue("$handle", handle);
        command.Parameters.AddWithValue("$h", keyHash);
        command.Parameters.AddWithValue("$p", keyPrefix);
        command.Parameters.AddWithValue("$now", Format(DateTimeOffset.UtcNow));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return ReadKey(reader);
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, handle, key_prefix, created_at, revoked_at FROM api_keys ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<ApiKeyInfo>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(ReadKey(reader));
        }
        return keys;
    }

    public async Task<bool> RevokeKeyAsync(long keyId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE api_keys SET revoked_at = $now WHERE id = $id AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$now", Format(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$id", keyId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static ApiKeyInfo ReadKey(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), Parse(r.GetString(3)), r.IsDBNull(4) ? null : Parse(r.GetString(4)));

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

    public async Task<Execution?> FindLatestQueryExecutionAsync(long queryId, int version, string owner, IReadOnlyDictionary<string, string> parameterValues, CancellationToken cancellationToken)
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
            WHERE query_id = $query AND query_version = $version AND owner = $owner{selectors}
            ORDER BY state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') DESC, seq DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$query", queryId);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadExecution(reader) : null;
    }

    public async Task<long> CreateQueryAsync(SavedQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO queries (owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at, query_engine)
            VALUES ($owner, $name, $description, $tags, $sql, $parameters, $private, $archived, $version, $created, $updated, $engine)
            RETURNING id
            """;
        BindQuery(command, query);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task UpdateQueryAsync(SavedQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE queries SET name = $name, description = $description, tags_json = $tags, query_sql = $sql,
                parameters_json = $parameters, is_private = $private, is_archived = $archived, version = $version, updated_at = $updated,
                query_engine = $engine
            WHERE id = $id
            """;
        BindQuery(command, query);
        command.Parameters.AddWithValue("$id", query.Id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void BindQuery(SqliteCommand command, SavedQuery query)
    {
        command.Parameters.AddWithValue("$owner", query.Owner);
        command.Parameters.AddWithValue("$name", query.Name);
        command.Parameters.AddWithValue("$description", query.Description);
        command.Parameters.AddWithValue("$tags", JsonSerializer.Serialize(query.Tags));
        command.Parameters.AddWithValue("$sql", query.Sql);
        command.Parameters.AddWithValue("$parameters", JsonSerializer.Serialize(query.Parameters));
        command.Parameters.AddWithValue("$private", query.IsPrivate);
        command.Parameters.AddWithValue("$archived", query.IsArchived);
        command.Parameters.AddWithValue("$version", query.Version);
        command.Parameters.AddWithValue("$created", Format(query.CreatedAt));
        command.Parameters.AddWithValue("$updated", Format(query.UpdatedAt));
        command.Parameters.AddWithValue("$engine", query.Dialect.ToStored());
    }

    private const string QueryColumns = "id, owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at, query_engine";

    public async Task<SavedQuery?> GetQueryAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {QueryColumns} FROM queries WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadQuery(reader) : null;
    }

    public async Task<(IReadOnlyList<SavedQuery> Queries, long Total)> ListQueriesAsync(string owner, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {QueryColumns} FROM queries WHERE owner = $owner ORDER BY id LIMIT $limit OFFSET $offset;
            SELECT COUNT(*) FROM queries WHERE owner = $owner;
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<SavedQuery>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(ReadQuery(reader));
        }
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (list, reader.GetInt64(0));
    }

    private static SavedQuery ReadQuery(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Owner = r.GetString(1),
        Name = r.GetString(2),
        Description = r.GetString(3),
        Tags = JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [],
        Sql = r.GetString(5),
        Parameters = JsonSerializer.Deserialize<List<QueryParameter>>(r.GetString(6)) ?? [],
        IsPrivate = r.GetBoolean(7),
        IsArchived = r.GetBoolean(8),
        Version = r.GetInt32(9),
        CreatedAt = Parse(r.GetString(10)),
        UpdatedAt = Parse(r.GetString(11)),
        Dialect = SqlDialects.FromStored(r.IsDBNull(12) ? null : r.GetString(12)),
    };

    private const string ExecutionColumns =
        "id, owner, query_id, sql, tier, state, submitted_at, started_at, ended_at, cancelled_at, expires_at, attempts, error_json, result_json, query_version, params_json, reuse_key, source_sql, position_map, dialect";

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
        return reader.IsDBNull(20) ? execution : execution with { QueuePosition = reader.GetInt32(20) };
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
                expires_at = $expires, error_json = $error, result_json = $result
            WHERE id = $id AND state IN ('QUERY_STATE_PENDING', 'QUERY_STATE_EXECUTING')
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$state", outcome.State.ToWire());
        command.Parameters.AddWithValue("$started", outcome.Started);
        command.Parameters.AddWithValue("$ended", Format(outcome.EndedAt));
        command.Parameters.AddWithValue("$expires", outcome.ExpiresAt is { } e ? Format(e) : DBNull.Value);
        command.Parameters.AddWithValue("$error", outcome.Error is { } err ? JsonSerializer.Serialize(err) : DBNull.Value);
        command.Parameters.AddWithValue("$result", outcome.Result is { } res ? JsonSerializer.Serialize(res) : DBNull.Value);
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
        };
    }

    /// <summary>Sortable fixed-width UTC text, so that SQL comparisons order correctly.</summary>
    private static string Format(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
