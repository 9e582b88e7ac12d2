namespace Strata.Tests.DuneSql;

/// <summary>Failed DuneSQL in Trino's words through the HTTP API (decision "dune-errors"): the status endpoint's error
/// carries Trino's message and the position in the submitted text, and names nothing the caller did not write, of
/// another owner's tables least of all.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneErrorsHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_column_that_is_not_there_fails_in_trinos_words_at_its_place()
    {
        const string sql = "SELECT block_number,\n  usd_amountx\nFROM (VALUES (1, 2.5)) t(block_number, usd_amount)";
        Assert.Equal("Column 'usd_amountx' cannot be resolved", await Server.Alice.RunToFailureAsync(sql));
        var status = await Server.Alice.WaitAsync(await Server.Alice.SubmitAsync(sql));
        Assert.Equal("FAILED_TYPE_EXECUTION_FAILED", status["error"]!["type"]!.GetValue<string>());
        Assert.Equal(2, status["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(3, status["error"]!["metadata"]!["column"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_owners_errors_name_only_what_each_wrote()
    {
        // Alice's private table, its secret column, and her public table; bob writes near misses of both names.
        string secretTable = UploadApi.Name("errpriv"), publicTable = UploadApi.Name("errpub"), secretColumn = UploadApi.Name("secretcol");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", secretTable, UploadApi.Schema((secretColumn, "varchar", false), ("n", "integer", false)), isPrivate: true);
        await UploadApi.CreateOkAsync(Server.Alice, "alice", publicTable, UploadApi.Schema(("n", "integer", false)), isPrivate: false);
        string nearTable = secretTable[..^1], nearColumn = secretColumn[..^1];

        foreach (var client in new[] { Server.Bob, Server.Alice })
        {
            // A table that is not there: the name written, nothing suggested (DuckDB suggested the private table to its owner).
            Assert.Equal($"Table 'dune.alice.{nearTable}' does not exist", await client.RunToFailureAsync($"SELECT * FROM dune.alice.{nearTable}"));
            Assert.Equal($"Table 'delta_prod.alice.{nearTable}' does not exist", await client.RunToFailureAsync($"SELECT * FROM alice.{nearTable}"));
            Assert.Equal($"Table '{nearTable}' does not exist", await client.RunToFailureAsync($"SELECT * FROM {nearTable}"));
            // A column that is not there: its name alone (DuckDB listed the table's columns as candidates).
            Assert.Equal($"Column '{nearColumn}' cannot be resolved", await client.RunToFailureAsync($"SELECT {nearColumn} FROM dune.alice.{publicTable}"));
        }
        // Bob asking for the private table itself is told it does not exist, as of any table that never existed.
        Assert.Equal($"Table 'dune.alice.{secretTable}' does not exist", await Server.Bob.RunToFailureAsync($"SELECT {secretColumn} FROM dune.alice.{secretTable}"));
        Assert.Equal($"Column '{nearColumn}' cannot be resolved", await Server.Alice.RunToFailureAsync($"SELECT {nearColumn} FROM dune.alice.{secretTable}"));
    }
}
