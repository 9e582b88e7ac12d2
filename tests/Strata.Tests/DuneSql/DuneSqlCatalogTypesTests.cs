namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 12 (api4): <c>information_schema.columns</c> spells <c>data_type</c> as Trino and Dune do, the names of the
/// result's <c>column_types</c>, whether the reference is aliased or not; its rows stay the sandbox's (another owner's
/// private table is in none of them).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlCatalogTypesTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Information_schema_columns_gives_dune_type_names_and_only_the_callers_tables()
    {
        string table = UploadApi.Name("types");
        string secret = UploadApi.Name("secret");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", table, UploadApi.Schema(("b", "bigint", false), ("s", "varchar", true), ("d", "double", true),
            ("t", "timestamp", true), ("u", "uint256", true), ("i", "int256", true), ("h", "varbinary", true), ("f", "boolean", true), ("dt", "date", true),
            ("n", "integer", true)));
        await UploadApi.CreateOkAsync(Server.Bob, "bob", secret, UploadApi.Schema(("hidden_col", "bigint", false)), isPrivate: true);
        string[] expected = ["bigint", "varchar", "double", "timestamp(3)", "uint256", "int256", "varbinary", "boolean", "date", "integer"];
        foreach (string sql in new[]
        {
            $"select data_type from information_schema.columns where table_name = '{table}' order by ordinal_position",
            $"select c.data_type from information_schema.columns c where c.table_name = '{table}' order by c.ordinal_position",
            $"select columns.data_type from information_schema.columns where columns.table_name = '{table}' order by ordinal_position",
            $"select x.data_type from (select * from information_schema.columns) as x where x.table_name = '{table}' order by x.ordinal_position",
            // Dune's docs (api-reference/connectors/sql-operations) name the views with the catalog.
            $"select data_type from dune.information_schema.columns where table_name = '{table}' order by ordinal_position",
            $"select c.data_type from \"DELTA_PROD\".information_schema.columns c where c.table_name = '{table}' order by c.ordinal_position",
        })
        {
            var result = await Server.Alice.RunAsync(sql);
            Assert.True(expected.SequenceEqual(result["result"]!["rows"]!.AsArray().Select(r => r!["data_type"]!.GetValue<string>())),
                $"{sql}: {result["result"]!["rows"]!.ToJsonString()}");
        }
        // A query's own column types and the catalog's agree; the chain tables too (timestamp with time zone, varbinary, uint256).
        var chain = await Server.Alice.RunAsync("select distinct data_type from information_schema.columns where table_schema = 'ethereum' "
            + "and table_name = 'transactions' and column_name in ('block_time', 'hash', 'value') order by 1");
        Assert.Equal("""[{"data_type":"timestamp(3) with time zone"},{"data_type":"uint256"},{"data_type":"varbinary"}]""",
            chain["result"]!["rows"]!.ToJsonString());
        // Bob's private table is not in alice's catalog; it is in his.
        var others = await Server.Alice.RunAsync($"select count(*) as n from information_schema.columns where table_name = '{secret}' or column_name = 'hidden_col'");
        Assert.Equal(0, others["result"]!["rows"]![0]!["n"]!.GetValue<long>());
        var own = await Server.Bob.RunAsync($"select data_type from information_schema.columns where table_name = '{secret}'");
        Assert.Equal("""[{"data_type":"bigint"}]""", own["result"]!["rows"]!.ToJsonString());
    }

    /// <summary>A demo table is listed once, as the <c>dune</c> view the caller reads; the engine's own catalog of the demo
    /// database (its base tables) is not a second listing.</summary>
    [Fact]
    public async Task A_demo_table_is_listed_once()
    {
        var result = await Server.Alice.RunAsync(
            "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'ethereum' AND table_name = 'blocks') AS t, "
            + "(SELECT count(*) FROM information_schema.columns c WHERE c.table_schema = 'ethereum' AND c.table_name = 'blocks' AND c.column_name = 'number') AS c, "
            + "(SELECT count(*) FROM dune.information_schema.schemata WHERE schema_name = 'ethereum') AS s, "
            + "(SELECT count(*) FROM information_schema.tables WHERE table_catalog LIKE '%strata%') AS internal");
        Assert.Equal("""[{"t":1,"c":1,"s":1,"internal":0}]""", result["result"]!["rows"]!.ToJsonString());
    }

    [Fact]
    public async Task Catalog_qualified_information_schema_lists_the_callers_tables_as_dune_docs_query_them()
    {
        string table = UploadApi.Name("docs");
        string secret = UploadApi.Name("docs_secret");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", table, UploadApi.Schema(("id", "bigint", false)));
        await UploadApi.CreateOkAsync(Server.Bob, "bob", secret, UploadApi.Schema(("id", "bigint", false)), isPrivate: true);
        // The docs' "check whether a table exists" and "list tables" statements, with alice's schema for 'your_team'.
        var exists = await Server.Alice.RunAsync($"SELECT COUNT(*) > 0 as table_exists FROM dune.information_schema.tables "
            + $"WHERE table_schema = 'alice' AND table_name = '{table}'");
        Assert.Equal("""[{"table_exists":true}]""", exists["result"]!["rows"]!.ToJsonString());
        var listed = await Server.Alice.RunAsync("SELECT table_schema, table_name FROM dune.information_schema.tables "
            + $"WHERE table_schema LIKE 'bob%' OR table_name = '{secret}' ORDER BY table_schema, table_name");
        Assert.DoesNotContain(secret, listed["result"]!["rows"]!.ToJsonString());
        var schemata = await Server.Alice.RunAsync("SELECT schema_name FROM dune.information_schema.schemata WHERE schema_name = 'alice'");
        Assert.Equal("""[{"schema_name":"alice"}]""", schemata["result"]!["rows"]!.ToJsonString());
        var bobs = await Server.Bob.RunAsync($"SELECT count(*) AS n FROM delta_prod.information_schema.tables WHERE table_name = '{secret}'");
        Assert.Equal(1, bobs["result"]!["rows"]![0]!["n"]!.GetValue<long>());
    }
}
