using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Strata.Core.Queries;
using Strata.Metadata.Sqlite;

namespace Strata.Tests.DuneSql;

/// <summary>
/// The dialect choice (issue 10): DuneSQL by default on every path, DuckDB's own SQL when a request
/// or saved query asks for it with <c>query_engine</c>.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DialectTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    // Integer division is where the two dialects differ on the same text: DuneSQL 7/2 = 3, DuckDB 3.5.
    private const string Probe = "SELECT 7 / 2 AS q";

    private static async Task<JsonNode> RowOfAsync(HttpClient client, string id)
    {
        var status = await client.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", status.ToJsonString());
        var (_, body, _) = await client.GetJsonAsync($"/api/v1/execution/{id}/results");
        return body!["result"]!["rows"]![0]!;
    }

    private async Task<string> SubmitAsync(string sql, string? engine)
    {
        var request = new JsonObject { ["sql"] = sql };
        if (engine is not null)
        {
            request["query_engine"] = engine;
        }
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute", request.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        return body!["execution_id"]!.GetValue<string>();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v2 Dune SQL")]
    [InlineData("dunesql")]
    public async Task Sql_execute_runs_DuneSQL_by_default_and_when_asked(string? engine)
    {
        var row = await RowOfAsync(Server.Alice, await SubmitAsync(Probe + ", typeof(0xabcd) AS t", engine));
        Assert.Equal(3, row["q"]!.GetValue<long>());
        Assert.Equal("varbinary", row["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sql_execute_runs_DuckDB_SQL_as_written_when_asked()
    {
        var row = await RowOfAsync(Server.Alice, await SubmitAsync(Probe, "duckdb"));
        Assert.Equal(3.5, row["q"]!.GetValue<double>());
        // DuneSQL's 0x varbinary literal is not DuckDB syntax: untranslated, it is DuckDB's syntax error.
        var status = await Server.Alice.WaitAsync(await SubmitAsync("SELECT 0xabcd AS b", "duckdb"));
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Equal("syntax_error", status["error"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Native_errors_keep_their_positions()
    {
        // Nothing is translated, so DuckDB's own position is the user's.
        const string sql = "SELECT 1 AS a,\n  nosuch FROM range(1)";
        var status = await Server.Alice.WaitAsync(await SubmitAsync(sql, "duckdb"));
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Equal(2, status["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(3, status["error"]!["metadata"]!["column"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("\"trino\"", "'trino'")]
    [InlineData("7", "number")]
    [InlineData("\"\"", "''")]
    public async Task Unknown_query_engine_is_a_400_naming_the_field_and_the_values(string value, string shown)
    {
        foreach (var (path, body) in new[]
        {
            ("/api/v1/sql/execute", $"{{\"sql\":\"select 1\",\"query_engine\":{value}}}"),
            ("/api/v1/query", $"{{\"name\":\"n\",\"query_sql\":\"select 1\",\"query_engine\":{value}}}"),
        })
        {
            var (status, json, _) = await Server.Alice.PostJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            string error = json!["error"]!.GetValue<string>();
            Assert.Contains("query_engine", error, StringComparison.Ordinal);
            Assert.Contains("duckdb", error, StringComparison.Ordinal);
            Assert.Contains("v2 Dune SQL", error, StringComparison.Ordinal);
            Assert.Contains(shown, error, StringComparison.Ordinal);
        }
    }

    private async Task<long> CreateAsync(string sql, string? engine)
    {
        var request = new JsonObject { ["name"] = "dialect", ["query_sql"] = sql };
        if (engine is not null)
        {
            request["query_engine"] = engine;
        }
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/query", request.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        return body!["query_id"]!.GetValue<long>();
    }

    private async Task<JsonNode> ExecuteSavedAsync(long id)
    {
        var (status, body, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute", "{}");
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        return await RowOfAsync(Server.Alice, body!["execution_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Saved_queries_default_to_DuneSQL_and_report_it()
    {
        long id = await CreateAsync(Probe, null);
        var (_, query, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}");
        Assert.Equal("v2 Dune SQL", query!["query_engine"]!.GetValue<string>());
        Assert.Equal(3, (await ExecuteSavedAsync(id))["q"]!.GetValue<long>());
    }

    [Fact]
    public async Task Saved_query_in_DuckDB_SQL_runs_natively_and_a_patch_switches_it_with_a_new_version()
    {
        long id = await CreateAsync(Probe, "duckdb");
        var (_, query, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}");
        Assert.Equal("duckdb", query!["query_engine"]!.GetValue<string>());
        Assert.Equal(3.5, (await ExecuteSavedAsync(id))["q"]!.GetValue<double>());

        var (status, _, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", "{\"query_engine\":\"v2 Dune SQL\"}");
        Assert.Equal(HttpStatusCode.OK, status);
        (_, query, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}");
        Assert.Equal("v2 Dune SQL", query!["query_engine"]!.GetValue<string>());
        Assert.Equal(2, query["version"]!.GetValue<int>());
        Assert.Equal(3, (await ExecuteSavedAsync(id))["q"]!.GetValue<long>());

        // A PATCH without the field leaves it alone; a bad value changes nothing.
        (status, _, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", "{\"name\":\"renamed\"}");
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", "{\"query_engine\":\"spark\",\"name\":\"x\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (_, query, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}");
        Assert.Equal("v2 Dune SQL", query!["query_engine"]!.GetValue<string>());
        Assert.Equal("renamed", query["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reuse_never_answers_one_dialect_with_the_other()
    {
        const string sql = "SELECT 9 / 2 AS q /* reuse across dialects */";
        var dune = await RowOfAsync(Server.Alice, await SubmitAsync(sql, null));
        var request = new JsonObject { ["sql"] = sql, ["query_engine"] = "duckdb" }.ToJsonString();
        var (_, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1", request);
        var native = await RowOfAsync(Server.Alice, body!["execution_id"]!.GetValue<string>());
        Assert.Equal(4, dune["q"]!.GetValue<long>());
        Assert.Equal(4.5, native["q"]!.GetValue<double>());
    }
}

/// <summary>The store change is additive: a database written before the dialect columns opens and reads as DuneSQL.</summary>
public sealed class DialectStoreTests
{
    [Fact]
    public async Task A_database_without_the_dialect_columns_opens_and_its_rows_read_as_DuneSQL()
    {
        string dir = Path.Combine(Path.GetTempPath(), "strata-dialect-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "meta.db");
        try
        {
            // The queries table as released before query_engine existed, with one row.
            await using (var old = new SqliteConnection($"Data Source={path};Pooling=false"))
            {
                await old.OpenAsync();
                using var create = old.CreateCommand();
                create.CommandText = """
                    CREATE TABLE queries (id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL, name TEXT NOT NULL,
                        description TEXT NOT NULL, tags_json TEXT NOT NULL, query_sql TEXT NOT NULL, parameters_json TEXT NOT NULL,
                        is_private INTEGER NOT NULL, is_archived INTEGER NOT NULL, version INTEGER NOT NULL,
                        created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
                    INSERT INTO queries (owner, name, description, tags_json, query_sql, parameters_json, is_private, is_archived, version, created_at, updated_at)
                    VALUES ('alice', 'old', '', '[]', 'select 1', '[]', 0, 0, 1, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z');
                    """;
                await create.ExecuteNonQueryAsync();
            }
            var store = new SqliteMetadataStore(path);
            await store.InitializeAsync(CancellationToken.None);
            await store.InitializeAsync(CancellationToken.None); // a second start finds the columns there
            var query = await store.GetQueryAsync(1, CancellationToken.None);
            Assert.NotNull(query);
            Assert.Equal(SqlDialect.DuneSql, query.Dialect);
            long id = await store.CreateQueryAsync(query with { Name = "native", Dialect = SqlDialect.DuckDb }, CancellationToken.None);
            Assert.Equal(SqlDialect.DuckDb, (await store.GetQueryAsync(id, CancellationToken.None))!.Dialect);

            // Executions keep their dialect across a restart (read back from the store), and the queue
            // position (the column after the added one) still reads.
            foreach (var dialect in new[] { SqlDialect.DuckDb, SqlDialect.DuneSql })
            {
                var execution = new Strata.Core.Executions.Execution
                {
                    Id = Strata.Core.Executions.ExecutionIds.New(),
                    Owner = "alice",
                    Sql = "select 7 / 2",
                    Dialect = dialect,
                    SubmittedAt = DateTimeOffset.UtcNow,
                };
                await store.InsertExecutionAsync(execution, null, CancellationToken.None);
                var read = await store.GetExecutionAsync(execution.Id, CancellationToken.None);
                Assert.Equal(dialect, read!.Dialect);
                Assert.NotNull(read.QueuePosition);
                Assert.Contains(await store.ListUnfinishedAsync(CancellationToken.None), e => e.Id == execution.Id && e.Dialect == dialect);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            StrataServer.TryDelete(dir);
        }
    }
}
