namespace Strata.Tests;

/// <summary>
/// The per-execution sandbox (issue 9): the server's paths and settings stay hidden, and other owners'
/// tables that a statement does not name cost it nothing and cannot break it. On the server process, whose engine
/// worker processes get the sandbox's paths and settings from it (what needs no process:
/// <see cref="EngineCatalogAndNamesTests"/>).
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class EngineSandboxTests(SharedServer shared)
{
    private StrataServer Server => shared.Server;

    /// <summary>Runs <paramref name="sql"/> to its end: its state and, when completed, its first page (else its error).</summary>
    internal static async Task<(string State, string Text, JsonNode Status)> RunAsync(HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        string state = status["state"]!.GetValue<string>();
        if (state != "QUERY_STATE_COMPLETED")
        {
            return (state, status["error"]?["message"]?.GetValue<string>() ?? "", status);
        }
        var page = await client.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results?ignore_max_datapoints_per_request=true");
        return (state, page.ToJsonString(), page);
    }

    // ------------------------------------------------------------------ server paths and settings

    [Theory]
    [InlineData("select * from duckdb_databases()")]
    [InlineData("select path from system.main.duckdb_databases")]
    [InlineData("select * from duckdb_settings()")]
    [InlineData("select * from DUCKDB_SETTINGS() where name = 'temp_directory'")]
    [InlineData("select current_setting('temp_directory')")]
    [InlineData("select current_setting('allowed_paths')")]
    [InlineData("with s as (select current_setting('allowed_directories') as v) select * from s")]
    [InlineData("select (select max(path) from duckdb_databases()) as p")]
    [InlineData("select * from duckdb_views()")]
    [InlineData("select sql from duckdb_views")]
    [InlineData("select * from information_schema.views")]
    [InlineData("select * from sqlite_master")]
    [InlineData("select * from pg_catalog.pg_views")]
    [InlineData("select * from pg_settings")]
    [InlineData("select * from duckdb_temporary_files()")]
    [InlineData("select * from duckdb_extensions()")]
    [InlineData("select * from duckdb_external_file_cache()")]
    [InlineData("select * from duckdb_memory()")]
    [InlineData("select memory_usage_bytes from DuckDB_Memory() where tag = 'BASE_TABLE'")]
    [InlineData("select * from pragma_database_list")]
    [InlineData("select * from query('select * from duckdb_settings()')")]
    [InlineData("select * from query_table('duckdb_databases')")]
    [InlineData("summarize select * from duckdb_settings()")]
    [InlineData("describe select * from duckdb_databases()")]
    [InlineData("explain select * from duckdb_databases()")]
    [InlineData("select getvariable('x')")]
    public async Task Server_paths_and_settings_are_not_visible(string sql)
    {
        var (state, text, status) = await RunAsync(Server.Alice, sql);
        Assert.True(state == "QUERY_STATE_FAILED", $"{sql} => {state}: {text}");
        Assert.Contains("not available", text);
        Assert.DoesNotContain(Server.DataDir, status.ToJsonString());
    }

    // ------------------------------------------------------------------ visible tables a statement does not name

    /// <summary>
    /// Bob's public table with an unreadable part: a query that does not name it is not affected
    /// (before, every execution bound every visible table, reading a part of each), the catalog
    /// still lists it with its columns, and a query that names it fails cleanly.
    /// </summary>
    [Fact]
    public async Task A_broken_public_table_does_not_affect_queries_that_do_not_name_it()
    {
        string broken = UploadApi.Name("broken");
        string mine = UploadApi.Name("mine");
        var others = Enumerable.Range(0, 20).Select(_ => UploadApi.Name("many")).ToList();
        try
        {
            await UploadApi.CreateOkAsync(Server.Bob, "bob", broken, UploadApi.Schema(("brokencol", "varchar", false), ("n", "integer", false)));
            var before = PartFiles();
            await UploadApi.InsertOkAsync(Server.Bob, "bob", broken, "brokencol,n\nsome value,1\n");
            var parts = PartFiles().Except(before).ToList();
            Assert.Single(parts);
            foreach (string other in others)
            {
                await UploadApi.CreateOkAsync(Server.Bob, "bob", other, UploadApi.Schema(("v", "integer", false)));
                await UploadApi.InsertOkAsync(Server.Bob, "bob", other, "v\n7\n");
            }
            await UploadApi.CreateOkAsync(Server.Alice, "alice", mine, UploadApi.Schema(("a", "integer", false)), isPrivate: true);
            await UploadApi.InsertOkAsync(Server.Alice, "alice", mine, "a\n41\n");
            await File.WriteAllTextAsync(parts[0], "this is not a parquet file");

            var (state, text, _) = await RunAsync(Server.Alice, "select 1 as one");
            Assert.True(state == "QUERY_STATE_COMPLETED", $"select 1 => {state}: {text}");
            (state, text, var page) = await RunAsync(Server.Alice, $"select a + 1 as b from alice.{mine}");
            Assert.True(state == "QUERY_STATE_COMPLETED", $"own table => {state}: {text}");
            Assert.Equal(42, page["result"]!["rows"]![0]!["b"]!.GetValue<int>());
            (state, text, page) = await RunAsync(Server.Alice, $"select max(v) as s from bob.{others[7]}");
            Assert.True(state == "QUERY_STATE_COMPLETED", $"one of many public tables => {state}: {text}");
            Assert.Equal(7, page["result"]!["rows"]![0]!["s"]!.GetValue<int>());

            (state, text, page) = await RunAsync(Server.Alice,
                $"select column_name from information_schema.columns where table_schema = 'bob' and table_name = '{broken}' order by ordinal_position");
            Assert.True(state == "QUERY_STATE_COMPLETED", $"catalog => {state}: {text}");
            Assert.Equal(["brokencol", "n"], page["result"]!["rows"]!.AsArray().Select(r => r!["column_name"]!.GetValue<string>()));

            (state, text, _) = await RunAsync(Server.Alice, $"select count(*) from bob.{broken}");
            Assert.Equal("QUERY_STATE_FAILED", state);
            Assert.DoesNotContain(Server.DataDir, text);

            // Plans name the parts below the uploads root, not by server path.
            (state, text, _) = await RunAsync(Server.Alice, $"explain select * from alice.{mine} m join bob.{others[1]} x on m.a = x.v join bob.{others[2]} y on m.a = y.v");
            Assert.True(state == "QUERY_STATE_COMPLETED", $"explain => {state}: {text}");
            Assert.DoesNotContain(Server.DataDir, text);
        }
        finally
        {
            foreach (string table in others.Append(broken))
            {
                await UploadApi.SendAsync(Server.Bob, HttpMethod.Delete, $"/api/v1/uploads/bob/{table}", null);
            }
            await UploadApi.SendAsync(Server.Alice, HttpMethod.Delete, $"/api/v1/uploads/alice/{mine}", null);
        }
    }

    private string[] PartFiles()
    {
        string uploads = Path.Combine(Server.DataDir, "uploads");
        return Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*.parquet", SearchOption.AllDirectories) : [];
    }
}

/// <summary>
/// The per-execution sandbox's catalog routes that show no path still answer, and the query's own column names are
/// kept. On the server's Program in process (<see cref="InProcessServer"/>): the engine's catalog and naming, whichever
/// process runs it.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class EngineCatalogAndNamesTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private static Task<(string State, string Text, JsonNode Status)> RunAsync(HttpClient client, string sql) =>
        EngineSandboxTests.RunAsync(client, sql);

    [Theory]
    [InlineData("select count(*) as n from information_schema.tables")]
    [InlineData("select count(*) as n from duckdb_tables()")]
    [InlineData("select count(*) as n from duckdb_columns()")]
    [InlineData("select count(*) as n from (show all tables)")]
    [InlineData("select count(*) as n from (show databases)")]
    [InlineData("select count(*) as n from pg_catalog.pg_tables")]
    public async Task Catalog_routes_without_paths_still_answer(string sql)
    {
        var (state, text, _) = await RunAsync(Server.Alice, sql);
        Assert.True(state == "QUERY_STATE_COMPLETED", $"{sql} => {state}: {text}");
        Assert.DoesNotContain(Server.DataDir, text);
    }

    // ------------------------------------------------------------------ column names

    [Theory]
    [InlineData("select 1, 2, 3 as _col1", new[] { "_col0", "_col1_1", "_col1" })]
    [InlineData("select 1 as _col2, 2, 3", new[] { "_col2", "_col1", "_col2_1" })]
    [InlineData("select 1, 2 as _col0", new[] { "_col0_1", "_col0" })]
    [InlineData("select 1 as a, 2 as a, 3", new[] { "a", "a_1", "_col2" })]
    public async Task An_explicit_name_is_never_renamed_for_a_generated_one(string sql, string[] expected)
    {
        var (state, text, page) = await RunAsync(Server.Alice, sql);
        Assert.True(state == "QUERY_STATE_COMPLETED", $"{sql} => {state}: {text}");
        Assert.Equal(expected, page["result"]!["metadata"]!["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
