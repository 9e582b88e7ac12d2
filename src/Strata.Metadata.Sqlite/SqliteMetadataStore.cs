using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Strata.Core.Executions;
using Strata.Core.Storage;

namespace Strata.Metadata.Sqlite;

/// <summary>
/// The embedded metadata store: one SQLite database in WAL mode with full fsync, so that a write that
/// returned survives a crash. Each call opens a pooled connection; SQLite serialises writers.
/// </summary>
public sealed class SqliteMetadataStore : IMetadataStore
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
                result_json TEXT NULL
            );
            CREATE INDEX IF NOT EXISTS executions_state ON executions(state, tier, seq);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyInfo?> FindKeyAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, handle, key_prefix, created_at, revoked_at FROM api_keys WHERE key_hash = $h AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$h", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadKey(reader) : null;
    }

    public async Task<ApiKeyInfo> AddKeyAsync(string handle, string keyHash, string keyPrefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO api_keys (handle, key_hash, key_prefix, created_at) VALUES ($handle, $h, $p, $now)
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

    public async Task InsertExecutionAsync(Execution execution, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at)
            VALUES ($id, $owner, $query_id, $sql, $tier, $state, $submitted_at)
            """;
        command.Parameters.AddWithValue("$id", execution.Id);
        command.Parameters.AddWithValue("$owner", execution.Owner);
        command.Parameters.AddWithValue("$query_id", execution.QueryId);
        command.Parameters.AddWithValue("$sql", execution.Sql);
        command.Parameters.AddWithValue("$tier", execution.Tier.ToWire());
        command.Parameters.AddWithValue("$state", execution.State.ToWire());
        command.Parameters.AddWithValue("$submitted_at", Format(execution.SubmittedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string ExecutionColumns =
        "id, owner, query_id, sql, tier, state, submitted_at, started_at, ended_at, cancelled_at, expires_at, attempts, error_json, result_json";

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
        return reader.IsDBNull(14) ? execution : execution with { QueuePosition = reader.GetInt32(14) };
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
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
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
        };
    }

    /// <summary>Sortable fixed-width UTC text, so that SQL comparisons order correctly.</summary>
    private static string Format(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
