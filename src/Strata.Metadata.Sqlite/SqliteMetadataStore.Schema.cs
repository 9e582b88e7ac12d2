using Microsoft.Data.Sqlite;

namespace Strata.Metadata.Sqlite;

/// <summary>
/// The schema as numbered migrations, oldest first. A step is never edited once released: a change to the
/// schema is a new step at the end, and <see cref="SchemaVersion"/> follows it. Step 1 keeps
/// <c>IF NOT EXISTS</c> because it also completes a database written before versions existed
/// (see <see cref="AdoptUnversionedAsync"/>).
/// </summary>
public sealed partial class SqliteMetadataStore
{
    /// <summary>The schema version this code reads and writes: its last migration's.</summary>
    public static int SchemaVersion => Migrations[^1].Version;

    /// <summary>The version a database written before schema versions holds once adopted: the schema of
    /// that code was step 2 (the dialect columns were its last change).</summary>
    internal const int UnversionedSchemaVersion = 2;

    private const string InitialSchema = """
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
            CREATE TABLE IF NOT EXISTS upload_tables (
                id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                namespace TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                is_private INTEGER NOT NULL,
                columns_json TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (namespace, name)
            );
            CREATE INDEX IF NOT EXISTS upload_tables_owner ON upload_tables(owner, created_at);
            CREATE TABLE IF NOT EXISTS upload_parts (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                table_id TEXT NOT NULL REFERENCES upload_tables(id) ON DELETE CASCADE,
                file TEXT NOT NULL UNIQUE,
                rows INTEGER NOT NULL,
                bytes INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS upload_parts_table ON upload_parts(table_id, seq);
            """;

    internal static readonly IReadOnlyList<SchemaMigration> Migrations =
    [
        new(1, "API keys, executions, idempotency keys, saved queries, uploaded tables and their parts", InitialSchema),
        // Issue 10. NULL reads as DuneSQL, the dialect every execution and query had before.
        new(2, "SQL dialect of executions and saved queries", """
            ALTER TABLE executions ADD COLUMN dialect TEXT NULL;
            ALTER TABLE queries ADD COLUMN query_engine TEXT NULL;
            """),
        // Issue 12: saved queries published under a slug.
        new(3, "Query endpoints", """
            CREATE TABLE query_endpoints (
                owner TEXT NOT NULL,
                slug TEXT NOT NULL,
                query_id INTEGER NOT NULL,
                parameters_json TEXT NOT NULL,
                max_age_seconds REAL NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (owner, slug)
            );
            """),
        // Issue 15 (CLI): when each key last authenticated a request, for `strata keys list`.
        new(4, "last use of API keys", """
            ALTER TABLE api_keys ADD COLUMN last_used_at TEXT NULL;
            """),
        // Issue 12: materialized views (their rows are an ordinary table in upload_tables) and pipeline executions.
        new(5, "materialized views and pipeline executions", """
            CREATE TABLE materialized_views (
                owner TEXT NOT NULL,
                name TEXT NOT NULL,
                query_id INTEGER NOT NULL,
                is_private INTEGER NOT NULL,
                tier TEXT NOT NULL,
                cron TEXT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                claimed_slot TEXT NULL,
                last_run_at TEXT NULL,
                last_execution_id TEXT NULL,
                table_execution_id TEXT NULL,
                last_error TEXT NULL,
                applied INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (owner, name)
            );
            CREATE TABLE pipeline_executions (
                id TEXT PRIMARY KEY,
                owner TEXT NOT NULL,
                query_id INTEGER NOT NULL,
                state TEXT NOT NULL,
                nodes_json TEXT NOT NULL,
                submitted_at TEXT NOT NULL,
                ended_at TEXT NULL,
                error TEXT NULL,
                params_json TEXT NULL
            );
            CREATE INDEX pipeline_executions_state ON pipeline_executions(state);
            """),
        // Issue 9 (hostile5): the storage quota and usage read an owner's executions on every submission; without an
        // index led by owner each read scanned every owner's rows (PostgreSQL has had executions_owner since step 1).
        new(6, "executions by owner", """
            CREATE INDEX IF NOT EXISTS executions_owner ON executions(owner, submitted_at);
            """),
        // Issue 12 (api4): whether a run read anything private of its runner; a run that did not may be served to anyone
        // as a public query's latest result. Every earlier run counts as private (only its query owner's are served, as before).
        new(7, "whether each execution read anything private of its runner", """
            ALTER TABLE executions ADD COLUMN runner_private INTEGER NOT NULL DEFAULT 1;
            """),
    ];

    /// <summary>The columns added in place before schema versions existed (by step 2's code, when missing).
    /// A database of that time may have any of them, so adopting it adds those it lacks.</summary>
    private static readonly (string Table, string Column, string Definition)[] ColumnsAddedBeforeVersions =
    [
        ("executions", "dialect", "TEXT NULL"),
        ("queries", "query_engine", "TEXT NULL"),
    ];
}

/// <summary>One schema change: the version it brings the database to, what it is, and its SQL.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
