using Microsoft.Data.Sqlite;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Metadata.Sqlite;

namespace Strata.Tests.Metadata;

/// <summary>The SQLite schema's numbered migrations: a fresh database, a database written before schema
/// versions existed, a failed step, and a database newer than the code.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    /// <summary>The schema as the code before schema versions wrote it (commit c89044b): the tables, then the
    /// dialect columns added when missing. Frozen here: it is what databases in the field hold.</summary>
    private const string UnversionedSchema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE api_keys (id INTEGER PRIMARY KEY AUTOINCREMENT, handle TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
            key_prefix TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT NULL);
        CREATE TABLE executions (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, owner TEXT NOT NULL,
            query_id INTEGER NOT NULL, sql TEXT NOT NULL, tier TEXT NOT NULL, state TEXT NOT NULL, submitted_at TEXT NOT NULL,
            started_at TEXT NULL, ended_at TEXT NULL, cancelled_at TEXT NULL, expires_at TEXT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, error_json TEXT NULL, result_json TEXT NULL, query_version INTEGER NULL,
            params_json TEXT NULL, reuse_key TEXT NULL, source_sql TEXT NULL, position_map TEXT NULL);
        CREATE INDEX executions_state ON executions(state, tier, seq);
        CREATE INDEX executions_reuse ON executions(reuse_key, seq);
        CREATE INDEX executions_query ON executions(query_id, query_version, owner, seq);
        CREATE TABLE idempotency_keys (owner TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
            execution_id TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (owner, key));
        CREATE TABLE queries (id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL, name TEXT NOT NULL,
            description TEXT NOT NULL, tags_json TEXT NOT NULL, query_sql TEXT NOT NULL, parameters_json TEXT NOT NULL,
            is_private INTEGER NOT NULL, is_archived INTEGER NOT NULL, version INTEGER NOT NULL,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE INDEX queries_owner ON queries(owner, id);
        CREATE TABLE upload_tables (id TEXT PRIMARY KEY, owner TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,
            description TEXT NOT NULL, is_private INTEGER NOT NULL, columns_json TEXT NOT NULL, created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL, UNIQUE (namespace, name));
        CREATE INDEX upload_tables_owner ON upload_tables(owner, created_at);
        CREATE TABLE upload_parts (seq INTEGER PRIMARY KEY AUTOINCREMENT,
            table_id TEXT NOT NULL REFERENCES upload_tables(id) ON DELETE CASCADE, file TEXT NOT NULL UNIQUE,
            rows INTEGER NOT NULL, bytes INTEGER NOT NULL);
        CREATE INDEX upload_parts_table ON upload_parts(table_id, seq);
        """;

    private const string DialectColumns = """
        ALTER TABLE executions ADD COLUMN dialect TEXT NULL;
        ALTER TABLE queries ADD COLUMN query_engine TEXT NULL;
        """;

    /// <summary>One row in each table, as that code stored them.</summary>
    private const string UnversionedRows = """
        INSERT INTO api_keys (handle, key_hash, key_prefix, created_at) VALUES ('alice', 'hash-1', 'sk_1', '2026-01-01T00:00:00.000000Z');
        INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at, ended_at, expires_at, attempts, result_json)
        VALUES ('01OLD', 'alice', 0, 'select 1', 'medium', 'QUERY_STATE_COMPLETED', '2026-01-01T00:00:00.000000Z',
            '2026-01-01T00:00:01.000000Z', '2099-01-01T00:00:00.000000Z', 1,
            '{"ColumnNames":["x"],"ColumnTypes":["integer"],"RowCount":1,"ResultSetBytes":8}');
        INSERT INTO idempotency_keys VALUES ('alice', 'k1', 'h', '01OLD', '2026-01-01T00:00:00.000000Z');
        INSERT INTO queries (owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at)
        VALUES ('alice', 'old', '', '[]', 'select 1', '[]', 1, 0, 3, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z');
        INSERT INTO upload_tables VALUES ('t1', 'alice', 'alice', 'prices', '', 1, '[{"Name":"p","Type":"double","Nullable":true}]',
            '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z');
        INSERT INTO upload_parts (table_id, file, rows, bytes) VALUES ('t1', 't1/part-1.parquet', 10, 1000);
        """;

    private readonly string dir = Path.Combine(Path.GetTempPath(), "strata-schema-" + Guid.NewGuid().ToString("N"));

    public SqliteSchemaTests() => Directory.CreateDirectory(dir);

    private string DbPath => Path.Combine(dir, "metadata.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        StrataServer.TryDelete(dir);
    }

    private async Task<object?> QueryAsync(string sql, bool scalar)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await connection.OpenAsync(CancellationToken.None);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return scalar ? await command.ExecuteScalarAsync(CancellationToken.None) : await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task<long> ScalarAsync(string sql) =>
        Convert.ToInt64(await QueryAsync(sql, scalar: true), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<string> ScalarTextAsync(string sql) => (string)(await QueryAsync(sql, scalar: true))!;

    private Task ExecuteAsync(string sql) => QueryAsync(sql, scalar: false);

    [Fact]
    public async Task A_fresh_database_gets_every_step_and_the_latest_version()
    {
        var store = new SqliteMetadataStore(DbPath);
        await store.InitializeAsync(CancellationToken.None);
        Assert.Equal(SqliteMetadataStore.SchemaVersion, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(7, SqliteMetadataStore.SchemaVersion);
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'query_endpoints'"));
        Assert.Equal(8, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('api_keys', 'executions', 'idempotency_keys', 'queries', 'upload_tables', 'upload_parts', 'materialized_views', 'pipeline_executions')"));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM pragma_table_info('executions') WHERE name = 'dialect'"));
        Assert.Equal("wal", await ScalarTextAsync("PRAGMA journal_mode"));

        // A second start finds nothing to do, and the store works.
        await new SqliteMetadataStore(DbPath).InitializeAsync(CancellationToken.None);
        long id = await store.CreateQueryAsync(new SavedQuery { Owner = "alice", Name = "q", Sql = "select 1", Dialect = SqlDialect.DuckDb }, CancellationToken.None);
        Assert.Equal(SqlDialect.DuckDb, (await store.GetQueryAsync(id, CancellationToken.None))!.Dialect);
    }

    [Fact]
    public async Task Step_seven_keeps_every_earlier_run_private_to_its_runner_so_none_is_newly_served_to_others()
    {
        // A run recorded before step 7 has no record of what it read: it stays served as before (its query owner's only).
        var ct = CancellationToken.None;
        await using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await SqliteMetadataStore.MigrateAsync(connection, [.. SqliteMetadataStore.Migrations.Take(6)], DbPath, ct);
        }
        await ExecuteAsync("""
            INSERT INTO executions (id, owner, query_id, sql, tier, state, submitted_at, query_version, result_json)
            VALUES ('01OLDRUN', 'bob', 7, 'select 1', 'medium', 'QUERY_STATE_COMPLETED', '2026-01-01T00:00:00.000000Z', 1,
                    '{"ColumnNames":["x"],"ColumnTypes":["integer"],"RowCount":1,"ResultSetBytes":8}')
            """);
        var store = new SqliteMetadataStore(DbPath);
        await store.InitializeAsync(ct);
        Assert.Equal(7, await ScalarAsync("PRAGMA user_version"));
        Assert.True((await store.GetExecutionAsync("01OLDRUN", ct))!.RunnerPrivate);
        Assert.Null(await store.FindLatestSharedQueryExecutionAsync(7, 1, "alice", new Dictionary<string, string>(), ct));
    }

    [Fact]
    public async Task An_owners_executions_are_read_through_an_index_led_by_owner_not_a_scan_of_every_owner()
    {
        // The storage quota reads the owner's usage on every submission (hostile5); a scan of every owner's
        // executions there grows with the whole server's history.
        await new SqliteMetadataStore(DbPath).InitializeAsync(CancellationToken.None);
        string plan = "";
        foreach (string filter in new[] { "owner = 'alice'", "owner = 'alice' AND submitted_at >= '2026-01-01'" })
        {
            await using var connection = new SqliteConnection($"Data Source={DbPath}");
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = $"EXPLAIN QUERY PLAN SELECT count(*), sum(length(sql)) FROM executions WHERE {filter}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan += reader.GetString(3) + "\n";
            }
        }
        Assert.DoesNotContain("SCAN executions", plan, StringComparison.Ordinal);
        Assert.Contains("executions_owner", plan, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]  // written by the code just before versions (the dialect columns there)
    [InlineData(false)] // written before issue 10 (no dialect columns yet)
    public async Task An_unversioned_database_is_adopted_and_keeps_every_row(bool withDialectColumns)
    {
        await ExecuteAsync(UnversionedSchema + (withDialectColumns ? DialectColumns : "") + UnversionedRows);
        Assert.Equal(0, await ScalarAsync("PRAGMA user_version"));

        var store = new SqliteMetadataStore(DbPath);
        await store.InitializeAsync(CancellationToken.None);
        var ct = CancellationToken.None;
        Assert.Equal(SqliteMetadataStore.SchemaVersion, await ScalarAsync("PRAGMA user_version"));

        Assert.Equal("alice", (await store.FindKeyAsync("hash-1", ct))!.Handle);
        var execution = await store.GetExecutionAsync("01OLD", ct);
        Assert.Equal(ExecutionState.Completed, execution!.State);
        Assert.Equal(SqlDialect.DuneSql, execution.Dialect);
        Assert.Equal(8, execution.Result!.ResultSetBytes);
        Assert.Equal("01OLD", (await store.FindIdempotencyAsync("alice", "k1", DateTimeOffset.MinValue, ct))!.ExecutionId);
        var query = await store.GetQueryAsync(1, ct);
        Assert.Equal((3, SqlDialect.DuneSql), (query!.Version, query.Dialect));
        var table = await store.GetTableAsync("alice", "prices", ct);
        Assert.Equal((10L, 1000L), (table!.RowCount, table.Bytes));
        Assert.Equal(new[] { "t1/part-1.parquet" }, (await store.PartsAsync("t1", ct)).Select(p => p.File));

        // The adopted database takes new rows with the added columns, and a restart changes nothing.
        long id = await store.CreateQueryAsync(query with { Name = "native", Dialect = SqlDialect.DuckDb }, ct);
        await new SqliteMetadataStore(DbPath).InitializeAsync(ct);
        Assert.Equal(SqlDialect.DuckDb, (await store.GetQueryAsync(id, ct))!.Dialect);
        Assert.Equal(2, await ScalarAsync("SELECT count(*) FROM queries"));
    }

    [Fact]
    public async Task A_database_newer_than_the_code_is_refused_naming_both_versions_and_left_untouched()
    {
        await new SqliteMetadataStore(DbPath).InitializeAsync(CancellationToken.None);
        int newer = SqliteMetadataStore.SchemaVersion + 5;
        await ExecuteAsync($"PRAGMA user_version = {newer}; CREATE TABLE from_the_future (x)");

        var e = await Assert.ThrowsAsync<MetadataSchemaTooNewException>(
            () => new SqliteMetadataStore(DbPath).InitializeAsync(CancellationToken.None));
        Assert.Equal((newer, SqliteMetadataStore.SchemaVersion), (e.FoundVersion, e.SupportedVersion));
        Assert.Contains($"schema version {newer}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SqliteMetadataStore.SchemaVersion}", e.Message, StringComparison.Ordinal);
        Assert.Contains(DbPath, e.Message, StringComparison.Ordinal);
        Assert.Equal(newer, await ScalarAsync("PRAGMA user_version"));
    }

    [Fact]
    public async Task A_failing_step_rolls_back_whole_and_the_next_start_applies_it()
    {
        var ct = CancellationToken.None;
        int current = SqliteMetadataStore.SchemaVersion;
        int next = current + 1;
        await new SqliteMetadataStore(DbPath).InitializeAsync(ct);
        SchemaMigration[] broken = [.. SqliteMetadataStore.Migrations, new(next, "test step", "CREATE TABLE step3 (x); SELECT * FROM no_such_table")];
        SchemaMigration[] fixedSteps = [.. SqliteMetadataStore.Migrations, new(next, "test step", "CREATE TABLE step3 (x)")];

        await using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await Assert.ThrowsAsync<SqliteException>(() => SqliteMetadataStore.MigrateAsync(connection, broken, DbPath, ct));
        }
        Assert.Equal(current, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'step3'"));

        await using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await SqliteMetadataStore.MigrateAsync(connection, fixedSteps, DbPath, ct);
        }
        Assert.Equal(next, await ScalarAsync("PRAGMA user_version"));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'step3'"));

        // This code knows only up to its own last version, so that database is now refused.
        await Assert.ThrowsAsync<MetadataSchemaTooNewException>(() => new SqliteMetadataStore(DbPath).InitializeAsync(ct));
    }

    [Fact]
    public async Task The_server_refuses_to_start_on_a_newer_database_and_exits_non_zero_with_the_message()
    {
        await new SqliteMetadataStore(DbPath).InitializeAsync(CancellationToken.None);
        await ExecuteAsync("PRAGMA user_version = 99");
        SqliteConnection.ClearAllPools();

        var (exit, output) = await StrataServer.RunExpectingFailureAsync(new Dictionary<string, string>(), CancellationToken.None, dir);
        Assert.NotEqual(0, exit);
        Assert.Contains("Strata cannot start", output, StringComparison.Ordinal);
        Assert.Contains("schema version 99", output, StringComparison.Ordinal);
        Assert.Contains($"up to {SqliteMetadataStore.SchemaVersion}", output, StringComparison.Ordinal);
    }
}
