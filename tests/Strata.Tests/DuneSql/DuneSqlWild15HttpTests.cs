namespace Strata.Tests.DuneSql;

/// <summary>Tables named with Dune's catalog, through the HTTP API (decision "dune-wild15"): <c>delta_prod.s.t</c>
/// (Dune's main catalog, as its Trino connector and public queries write it, plain or quoted) reads table <c>s.t</c>, and
/// a table or schema that is not there fails in Trino's words with the name as written, at its place.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlWild15HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("delta_prod.ethereum.blocks")]
    [InlineData("\"delta_prod\".\"ethereum\".\"blocks\"")]
    [InlineData("DELTA_PROD.Ethereum.Blocks")]
    [InlineData("dune.ethereum.blocks")]
    public async Task A_table_named_with_dunes_catalog_is_its_schemas_table(string name)
    {
        var (_, _, expected) = await Server.Alice.RunFirstRowAsync("SELECT count(*) AS n, max(number) AS top FROM ethereum.blocks");
        Assert.NotEqual("0", expected[1].Split(',')[0]);
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync($"SELECT count(*) AS n, max(b.number) AS top FROM {name} b");
        Assert.Equal(expected, csv);
        Assert.Equal(["bigint", "bigint"], types);
    }

    [Fact]
    public async Task Catalog_qualified_tables_join_and_their_columns_keep_dunes_types()
    {
        // A join of two catalog-qualified tables, a column qualified by the table's name, and a varbinary compared to a
        // literal: the translator knows the table's column types through the catalog as through schema.table.
        const string plain = """
            SELECT count(*) AS n, min(t.hash) AS h FROM ethereum.transactions t
            JOIN ethereum.blocks b ON b.number = t.block_number WHERE t."from" <> 0x00
            """;
        var (_, _, expected) = await Server.Alice.RunFirstRowAsync(plain);
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT count(*) AS n, min(transactions.hash) AS h FROM "delta_prod"."ethereum"."transactions"
            JOIN delta_prod.ethereum.blocks b ON b.number = transactions.block_number WHERE transactions."from" <> 0x00
            """);
        Assert.Equal(expected, csv);
        Assert.Equal(["bigint", "varbinary"], types);
    }

    [Fact]
    public async Task A_missing_table_or_schema_in_dunes_catalog_fails_in_trinos_words_at_its_place()
    {
        const string sql = "SELECT *\nFROM delta_prod.ethereum.blockz";
        Assert.Equal("Table 'delta_prod.ethereum.blockz' does not exist", await Server.Alice.RunToFailureAsync(sql));
        var status = await Server.Alice.WaitAsync(await Server.Alice.SubmitAsync(sql));
        Assert.Equal(2, status["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(6, status["error"]!["metadata"]!["column"]!.GetValue<int>());

        Assert.Equal("Table 'delta_prod.ethereum.blockz' does not exist", await Server.Alice.RunToFailureAsync("SELECT * FROM \"delta_prod\".\"ethereum\".\"Blockz\""));
        Assert.Equal("Schema 'nowhere' does not exist", await Server.Alice.RunToFailureAsync("SELECT * FROM delta_prod.nowhere.blocks"));
        // Another catalog is not Dune's: Trino's words for a catalog it does not have.
        Assert.Equal("Catalog 'hive' not found", await Server.Alice.RunToFailureAsync("SELECT * FROM hive.ethereum.blocks"));
    }

    [Theory]
    // A select-list alias of the column's own name (Dune V1's dex.trades had usd_amount; DuneSQL's has amount_usd):
    // DuckDB tries the alias too and says "failed to bind function, either: …"; Trino binds no alias in the select list.
    [InlineData("SELECT SUM(usd_amount) AS usd_amount FROM (VALUES 1) t(amount_usd)", "usd_amount")]
    [InlineData("SELECT usd_amount * 2 AS twice, 1 AS usd_amount FROM (VALUES 1) t(amount_usd)", "usd_amount")]
    public async Task A_column_the_from_clause_lacks_but_the_select_list_names_cannot_be_resolved(string sql, string column)
    {
        Assert.Equal($"Column '{column}' cannot be resolved", await Server.Alice.RunToFailureAsync(sql));
    }
}
