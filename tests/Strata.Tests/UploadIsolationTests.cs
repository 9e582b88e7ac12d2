using System.Text.RegularExpressions;

namespace Strata.Tests;

/// <summary>
/// What a query may see of uploaded tables (docs/uploads.md "Visibility inside the engine"): the
/// caller's own tables and other owners' public ones. Another owner's private table does not exist for
/// it under any name DuckDB offers (qualified names, information_schema, duckdb_* functions, SHOW), with
/// the same error as a table that never existed, and its part file cannot be read by path. User SQL
/// still cannot write.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed partial class UploadIsolationTests(InProcessSharedServer shared)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (InProcessServer Server, Tables Tables)? prepared;

    private InProcessServer Server => shared.Server;

    /// <summary>Alice's tables: <see cref="Private"/> and <see cref="Public"/>; <see cref="Never"/> has the
    /// private name's length and was never made.</summary>
    private sealed record Tables(string Private, string Never, string Public, string SecretColumn, string SecretValue, string PrivatePartFile, string PrivateDirectory);

    /// <summary>Made once per server: alice's private and public tables, and where the private rows are on disk.</summary>
    private async Task<Tables> TablesAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (prepared is { } p && ReferenceEquals(p.Server, Server))
            {
                return p.Tables;
            }
            string suffix = Guid.NewGuid().ToString("N")[..10];
            var tables = new Tables(
                Private: $"iso_priv_{suffix}",
                Never: $"iso_none_{suffix}",
                Public: $"opentab_{Guid.NewGuid().ToString("N")[..10]}",
                SecretColumn: $"secretcol_{suffix}",
                SecretValue: $"secret value {suffix}",
                PrivatePartFile: "",
                PrivateDirectory: "");
            await UploadApi.CreateOkAsync(Server.Alice, "alice", tables.Private,
                UploadApi.Schema((tables.SecretColumn, "varchar", false), ("n", "integer", false)), isPrivate: true);
            await UploadApi.CreateOkAsync(Server.Alice, "alice", tables.Public,
                UploadApi.Schema(("pubcol", "varchar", false), ("n", "integer", false)), isPrivate: false);

            // The tests of this collection run one at a time: the part file that appears is the private table's.
            var before = PartFiles();
            await UploadApi.InsertOkAsync(Server.Alice, "alice", tables.Private, $"{tables.SecretColumn},n\n{tables.SecretValue},1\n");
            var added = PartFiles().Except(before).ToList();
            Assert.True(added.Count == 1, $"expected one new part file for the private table, found: {string.Join(", ", added)}");
            await UploadApi.InsertOkAsync(Server.Alice, "alice", tables.Public, "pubcol,n\npublic value,1\n");

            tables = tables with { PrivatePartFile = added[0], PrivateDirectory = Path.GetFileName(Path.GetDirectoryName(added[0]))! };
            prepared = (Server, tables);
            return tables;
        }
        finally
        {
            Gate.Release();
        }
    }

    private string[] PartFiles()
    {
        string uploads = Path.Combine(Server.DataDir, "uploads");
        return Directory.Exists(uploads) ? Directory.GetFiles(uploads, "*.parquet", SearchOption.AllDirectories) : [];
    }

    /// <summary>Runs SQL; on success the raw results JSON, on failure the error message.</summary>
    private static async Task<(bool Completed, string Text, JsonNode Status)> TryRunAsync(HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        string state = status["state"]!.GetValue<string>();
        if (state == "QUERY_STATE_FAILED")
        {
            return (false, status["error"]!["message"]!.GetValue<string>(), status);
        }
        Assert.True(state == "QUERY_STATE_COMPLETED", $"{sql} => {status}");
        using var response = await client.GetAsync($"/api/v1/execution/{id}/results?ignore_max_datapoints_per_request=true");
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{sql} results => {response.StatusCode} {text}");
        return (true, text, status);
    }

    /// <summary>
    /// The error with the queried name replaced. A "did you mean" hint that names a visible table is
    /// dropped: which visible name is closest depends on the spelling of the name asked for. A hint
    /// naming the private table stays, and makes the comparison fail.
    /// </summary>
    private static string Normalise(JsonNode error, string name, string privateName)
    {
        string message = DidYouMean().Replace(error["message"]!.GetValue<string>(),
            m => m.Value.Contains(privateName, StringComparison.OrdinalIgnoreCase) ? m.Value : "");
        return new JsonObject
        {
            ["type"] = error["type"]?.DeepClone(),
            ["message"] = message.Replace(name, "<T>", StringComparison.Ordinal),
            ["metadata"] = error["metadata"]?.DeepClone(),
        }.ToJsonString();
    }

    [GeneratedRegex(@"\s*Did you mean ""[^""]*""\?")]
    private static partial Regex DidYouMean();

    // ------------------------------------------------------------------ names

    [Fact]
    public async Task Public_tables_are_readable_by_everyone_private_ones_by_their_owner()
    {
        var t = await TablesAsync();
        foreach (string name in new[] { $"dune.alice.{t.Public}", $"alice.{t.Public}", $"\"dune\".\"alice\".\"{t.Public}\"" })
        {
            var rows = (await UploadApi.RunAsync(Server.Bob, $"select pubcol from {name}"))["result"]!["rows"]!.AsArray();
            Assert.Equal("public value", rows.Single()!["pubcol"]!.GetValue<string>());
        }
        foreach (string name in new[] { $"dune.alice.{t.Private}", $"alice.{t.Private}", $"\"dune\".\"alice\".\"{t.Private}\"" })
        {
            var rows = (await UploadApi.RunAsync(Server.Alice, $"select {t.SecretColumn} as s from {name}"))["result"]!["rows"]!.AsArray();
            Assert.Equal(t.SecretValue, rows.Single()!["s"]!.GetValue<string>());
        }
        // Bob's own tables and the demo data sit next to alice's public table.
        string bobs = UploadApi.Name("bobown");
        await UploadApi.CreateOkAsync(Server.Bob, "bob", bobs, UploadApi.Schema(("n", "integer", null)), isPrivate: true);
        await UploadApi.InsertOkAsync(Server.Bob, "bob", bobs, "n\n1\n");
        var joined = await UploadApi.RunAsync(Server.Bob,
            $"select count(*) as c from dune.alice.{t.Public} a join dune.bob.{bobs} b using (n) cross join (select 1 from ethereum.blocks limit 1)");
        Assert.Equal(1, joined["result"]!["rows"]![0]!["c"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("select * from dune.alice.{T}")]
    [InlineData("select * from alice.{T}")]
    [InlineData("select * from \"dune\".\"alice\".\"{T}\"")]
    [InlineData("select * from DUNE.ALICE.{T}")]
    [InlineData("select count(*) from dune.alice.{T}")]
    [InlineData("select {C} from dune.alice.{T}")]
    [InlineData("select n from dune.alice.{P} where n in (select n from dune.alice.{T})")]
    [InlineData("select * from dune.alice.{P} join alice.{T} using (n)")]
    [InlineData("describe dune.alice.{T}")]
    [InlineData("summarize dune.alice.{T}")]
    [InlineData("select * from pragma_table_info('dune.alice.{T}')")]
    [InlineData("from dune.alice.{T}")]
    public async Task Another_owners_private_table_fails_exactly_like_a_table_that_never_existed(string template)
    {
        var t = await TablesAsync();
        string Sql(string table) => template.Replace("{T}", table, StringComparison.Ordinal).Replace("{P}", t.Public, StringComparison.Ordinal).Replace("{C}", t.SecretColumn, StringComparison.Ordinal);

        // The owner can run it: the private table is really there.
        var (ownerOk, ownerText, _) = await TryRunAsync(Server.Alice, Sql(t.Private));
        Assert.True(ownerOk, $"alice: {Sql(t.Private)} => {ownerText}");

        var privateError = await UploadApi.FailedAsync(Server.Bob, Sql(t.Private));
        var neverError = await UploadApi.FailedAsync(Server.Bob, Sql(t.Never));
        Assert.Equal(Normalise(neverError, t.Never, t.Private), Normalise(privateError, t.Private, t.Private));
        Assert.DoesNotContain(t.SecretColumn, privateError["message"]!.GetValue<string>());
        Assert.DoesNotContain(t.SecretValue, privateError["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("select * from dune.alice.{X}")]
    [InlineData("select * from alice.{X}")]
    [InlineData("select * from {X}")]
    public async Task Error_hints_never_name_another_owners_private_table(string template)
    {
        var t = await TablesAsync();
        // Near misses of the private name, which a "did you mean" hint would match.
        foreach (string near in new[] { t.Private.Replace("iso_priv_", "iso_prv_", StringComparison.Ordinal), t.Private[..^1], t.Private[..^1] + "_", "ISO_PRIV" + t.Private["iso_priv".Length..^2] })
        {
            var error = await UploadApi.FailedAsync(Server.Bob, template.Replace("{X}", near, StringComparison.Ordinal));
            string message = error["message"]!.GetValue<string>();
            Assert.DoesNotContain(t.Private, message, StringComparison.OrdinalIgnoreCase);
        }
        // Nobody gets a hint (Trino gives none, decision "dune-errors"), the owner neither: the message names what was written.
        string own = t.Private.Replace("iso_priv_", "iso_prv_", StringComparison.Ordinal);
        var owner = await UploadApi.FailedAsync(Server.Alice, template.Replace("{X}", own, StringComparison.Ordinal));
        string written = template.Replace("select * from ", "", StringComparison.Ordinal).Replace("{X}", own, StringComparison.Ordinal);
        Assert.Equal($"Table '{(written.Count(c => c == '.') == 1 ? "delta_prod." : "")}{written}' does not exist", owner["message"]!.GetValue<string>());

        var column = await UploadApi.FailedAsync(Server.Bob, $"select {t.SecretColumn}x from dune.alice.{t.Public}");
        Assert.DoesNotContain(t.SecretColumn, column["message"]!.GetValue<string>().Replace($"{t.SecretColumn}x", "", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ catalogs

    public static TheoryData<string, bool> CatalogQueries => new()
    {
        // (query, whether it lists tables: then alice sees her private table in it and bob the public one)
        { "select * from information_schema.tables", true },
        { "select * from information_schema.columns", true },
        { "select * from information_schema.schemata", false },
        { "select * from information_schema.views", false },
        { "select * from duckdb_tables()", false },
        { "select * from duckdb_views()", false },
        { "select * from duckdb_columns()", true },
        { "select * from duckdb_databases()", false },
        { "select * from duckdb_schemas()", false },
        { "select * from duckdb_constraints()", false },
        { "select * from duckdb_indexes()", false },
        { "select * from duckdb_dependencies()", false },
        { "select * from duckdb_settings()", false },
        { "select * from duckdb_functions() where function_type in ('macro', 'table_macro')", false },
        { "select * from (show all tables)", true },
        { "select * from (show tables)", false },
        { "select * from (show tables from alice)", true },
        { "select * from (show databases)", false },
        { "select * from sqlite_master", false },
        { "select * from pg_catalog.pg_class", false },
        { "select * from pg_catalog.pg_tables", false },
        { "select * from pg_catalog.pg_views", false },
        { "select * from pg_catalog.pg_attribute", false },
        { "select * from pg_catalog.pg_namespace", false },
    };

    [Theory]
    [MemberData(nameof(CatalogQueries))]
    public async Task Catalog_queries_do_not_show_another_owners_private_table(string query, bool listsTables)
    {
        var t = await TablesAsync();
        // Aggregated to one row, so an empty catalog still answers.
        string sql = $"select count(*) as n, coalesce(string_agg(cast(x as varchar), ' | '), '') as dump from ({query}) x";
        var (bobOk, bobText, _) = await TryRunAsync(Server.Bob, sql);
        AssertNoTrace(t, bobText, $"bob: {query}");
        var (aliceOk, aliceText, _) = await TryRunAsync(Server.Alice, sql);
        Assert.Equal(aliceOk, bobOk);
        if (listsTables)
        {
            Assert.True(bobOk, $"bob: {query} => {bobText}");
            Assert.Contains(t.Public, bobText);
            Assert.Contains(t.Private, aliceText);
        }
    }

    [Theory]
    [InlineData("show all tables", true, true)]
    [InlineData("show tables from alice", true, false)]
    [InlineData("show tables from dune.alice", true, false)]
    [InlineData("describe dune.alice.{P}", false, false)]
    [InlineData("select table_name, column_name from information_schema.columns where table_schema = 'alice'", true, true)]
    [InlineData("select database_name, schema_name, table_name, sql from duckdb_tables() union all select table_catalog, table_schema, table_name, table_type from information_schema.tables", true, false)]
    [InlineData("select * from (show databases)", false, false)]
    [InlineData("select * from duckdb_schemas()", false, false)]
    public async Task Catalog_statements_do_not_show_another_owners_private_table(string template, bool listsTables, bool listsColumns)
    {
        var t = await TablesAsync();
        string sql = template.Replace("{P}", t.Public, StringComparison.Ordinal);
        var (bobOk, bobText, _) = await TryRunAsync(Server.Bob, sql);
        Assert.True(bobOk, $"bob: {sql} => {bobText}");
        AssertNoTrace(t, bobText, $"bob: {sql}");
        if (listsTables)
        {
            Assert.Contains(t.Public, bobText);
            var (aliceOk, aliceText, _) = await TryRunAsync(Server.Alice, sql);
            Assert.True(aliceOk, $"alice: {sql} => {aliceText}");
            Assert.Contains(t.Private, aliceText);
            if (listsColumns)
            {
                Assert.Contains(t.SecretColumn, aliceText);
            }
        }
    }

    private static void AssertNoTrace(Tables t, string text, string what)
    {
        Assert.False(text.Contains(t.Private, StringComparison.OrdinalIgnoreCase), $"{what} mentions the private table: {text}");
        Assert.False(text.Contains(t.SecretColumn, StringComparison.OrdinalIgnoreCase), $"{what} mentions the private column: {text}");
        Assert.False(text.Contains(t.SecretValue, StringComparison.Ordinal), $"{what} shows the private value: {text}");
        Assert.False(text.Contains(t.PrivateDirectory, StringComparison.Ordinal), $"{what} mentions the private table's files: {text}");
    }

    // ------------------------------------------------------------------ files

    [Fact]
    public async Task Another_owners_part_file_cannot_be_read_by_path()
    {
        var t = await TablesAsync();
        Assert.True(File.Exists(t.PrivatePartFile));
        var paths = new HashSet<string> { t.PrivatePartFile };
        // Where alice's own catalog says her private table's rows are (when its definition names
        // files, and when view definitions are shown at all: duckdb_views() is refused).
        var (ok, aliceViews, _) = await TryRunAsync(Server.Alice, "select coalesce(string_agg(sql, ' | '), '') as s from duckdb_views() where not internal");
        foreach (Match m in QuotedParquetPath().Matches(ok ? aliceViews.Replace("\\/", "/", StringComparison.Ordinal) : ""))
        {
            if (m.Groups[1].Value.Contains(t.PrivateDirectory, StringComparison.Ordinal))
            {
                paths.Add(m.Groups[1].Value);
            }
        }
        string uploads = Path.Combine(Server.DataDir, "uploads");
        foreach (string path in paths)
        {
            foreach (string sql in new[]
            {
                $"select * from read_parquet('{path}')",
                $"select * from '{path}'",
                $"select * from parquet_scan(['{path}'])",
                $"select * from parquet_metadata('{path}')",
                $"select * from parquet_schema('{path}')",
                $"select * from read_blob('{path}')",
                $"select * from read_text('{path}')",
                $"select * from read_csv('{path}')",
                $"select * from read_parquet('{Path.GetDirectoryName(path)}/*.parquet')",
                $"select * from read_parquet('{uploads}/**/*.parquet')",
                $"select * from read_parquet('{uploads}/*/*.parquet', union_by_name = true)",
            })
            {
                var error = await UploadApi.FailedAsync(Server.Bob, sql);
                Assert.DoesNotContain(t.SecretValue, error["message"]!.GetValue<string>());
                Assert.DoesNotContain(t.SecretColumn, error["message"]!.GetValue<string>());
            }
        }
        foreach (string sql in new[] { $"select coalesce(string_agg(file, ','), '') as f from glob('{uploads}/**')", $"select coalesce(string_agg(file, ','), '') as f from glob('{uploads}/*/*')" })
        {
            var (globbed, text, _) = await TryRunAsync(Server.Bob, sql);
            if (globbed)
            {
                AssertNoTrace(t, text, $"bob: {sql}");
            }
        }
    }

    [GeneratedRegex(@"'([^']+\.parquet)'")]
    private static partial Regex QuotedParquetPath();

    // ------------------------------------------------------------------ permissions

    [Fact]
    public async Task A_public_saved_query_over_a_private_table_runs_with_the_callers_permissions()
    {
        var t = await TablesAsync();
        var (status, created, _) = await Server.Alice.PostJsonAsync("/api/v1/query",
            new JsonObject { ["name"] = "reads a private table", ["query_sql"] = $"select {t.SecretColumn} as s from dune.alice.{t.Private}", ["is_private"] = false }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        long id = created!["query_id"]!.GetValue<long>();

        var (code, run, _) = await Server.Bob.PostJsonAsync($"/api/v1/query/{id}/execute", "{}");
        Assert.Equal(HttpStatusCode.OK, code);
        var state = await Server.Bob.WaitAsync(run!["execution_id"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_FAILED", state["state"]!.GetValue<string>());
        Assert.DoesNotContain(t.SecretValue, state.ToJsonString());
        var never = await UploadApi.FailedAsync(Server.Bob, $"select {t.SecretColumn} as s from dune.alice.{t.Never}");
        Assert.Equal(Normalise(never, t.Never, t.Private), Normalise(state["error"]!, t.Private, t.Private));

        (code, run, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute", "{}");
        Assert.Equal(HttpStatusCode.OK, code);
        string mine = run!["execution_id"]!.GetValue<string>();
        Assert.Equal("QUERY_STATE_COMPLETED", (await Server.Alice.WaitAsync(mine))["state"]!.GetValue<string>());
        var rows = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{mine}/results");
        Assert.Equal(t.SecretValue, rows["result"]!["rows"]![0]!["s"]!.GetValue<string>());
    }

    [Fact]
    public async Task Others_cannot_change_or_list_a_public_table_through_the_api()
    {
        var t = await TablesAsync();
        foreach (var (method, path, content) in new (HttpMethod, string, HttpContent?)[]
        {
            (HttpMethod.Post, $"/api/v1/uploads/alice/{t.Public}/insert", UploadApi.Body("pubcol,n\nbob was here,2\n", "text/csv")),
            (HttpMethod.Post, $"/api/v1/uploads/alice/{t.Public}/clear", null),
            (HttpMethod.Delete, $"/api/v1/uploads/alice/{t.Public}", null),
            (HttpMethod.Post, $"/api/v1/table/alice/{t.Public}/insert", UploadApi.Body("pubcol,n\nbob was here,2\n", "text/csv")),
            (HttpMethod.Post, $"/api/v1/table/alice/{t.Public}/clear", null),
            (HttpMethod.Delete, $"/api/v1/table/alice/{t.Public}", null),
            (HttpMethod.Post, $"/api/v1/uploads/alice/{t.Private}/clear", null),
        })
        {
            var (status, _, text) = await UploadApi.SendAsync(Server.Bob, method, path, content);
            Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path}: {status} {text}");
        }
        var (created, _, createdText) = await UploadApi.CreateAsync(Server.Bob, "alice", t.Public, UploadApi.Schema(("pubcol", "varchar", false), ("n", "integer", false)));
        Assert.True(created == HttpStatusCode.Forbidden, createdText);

        var rows = (await UploadApi.RunAsync(Server.Bob, $"select pubcol from dune.alice.{t.Public}"))["result"]!["rows"]!.AsArray();
        Assert.Equal("public value", rows.Single()!["pubcol"]!.GetValue<string>());
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{t.Private}"));
        var bobs = await UploadApi.ListAllAsync(Server.Bob);
        Assert.DoesNotContain(bobs, b => b["table_name"]!.GetValue<string>() == t.Public || b["table_name"]!.GetValue<string>() == t.Private);
    }

    // ------------------------------------------------------------------ user SQL stays read-only

    [Theory]
    [InlineData("create table dune.alice.made_by_sql as select 1 as a")]
    [InlineData("create table alice.made_by_sql (a integer)")]
    [InlineData("create view dune.alice.made_by_sql as select 1 as a")]
    [InlineData("create or replace view dune.alice.{P} as select 'forged' as pubcol, 1 as n")]
    [InlineData("create or replace table dune.alice.{P} as select 'forged' as pubcol, 1 as n")]
    [InlineData("insert into dune.alice.{P} values ('forged', 2)")]
    [InlineData("insert into dune.alice.{P} select 'forged', 2")]
    [InlineData("update dune.alice.{P} set pubcol = 'forged'")]
    [InlineData("delete from dune.alice.{P}")]
    [InlineData("truncate dune.alice.{P}")]
    [InlineData("drop view dune.alice.{P}")]
    [InlineData("drop table dune.alice.{P}")]
    [InlineData("alter table dune.alice.{P} rename to renamed")]
    [InlineData("alter view dune.alice.{P} rename to renamed")]
    [InlineData("create schema dune.carol")]
    [InlineData("drop schema dune.alice cascade")]
    [InlineData("copy dune.alice.{P} to '/tmp/strata-upload-copy.csv'")]
    [InlineData("copy (select * from dune.alice.{P}) to '/tmp/strata-upload-copy.parquet' (format parquet)")]
    [InlineData("copy dune.alice.{P} from '/etc/hosts'")]
    [InlineData("insert into dune.alice.{P} select * from read_csv('/etc/hosts')")]
    [InlineData("attach ':memory:' as alice")]
    [InlineData("detach dune")]
    [InlineData("use alice")]
    [InlineData("set allowed_paths = ['/']")]
    [InlineData("set enable_external_access = true")]
    public async Task User_sql_cannot_write_uploaded_tables(string template)
    {
        var t = await TablesAsync();
        string sql = template.Replace("{P}", t.Public, StringComparison.Ordinal);
        await UploadApi.FailedAsync(Server.Alice, sql);
        await UploadApi.FailedAsync(Server.Bob, sql);
        var rows = (await UploadApi.RunAsync(Server.Bob, $"select pubcol, n from dune.alice.{t.Public}"))["result"]!["rows"]!.AsArray();
        Assert.Equal("public value", rows.Single()!["pubcol"]!.GetValue<string>());
        var (_, missing, _) = await TryRunAsync(Server.Alice, "select count(*) as n from information_schema.tables where table_name in ('made_by_sql', 'renamed')");
        Assert.Contains("\"n\":0", missing);
        Assert.False(File.Exists("/tmp/strata-upload-copy.csv"));
        Assert.False(File.Exists("/tmp/strata-upload-copy.parquet"));
    }
}
