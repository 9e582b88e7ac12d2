namespace Strata.Tests;

/// <summary>
/// User SQL is untrusted: no files, network, extensions or settings, and no other execution's result file. On the
/// server process, whose engine worker processes run the statements with the sandbox they are sent (the read-only
/// statement forms are checked in process: <see cref="ReadOnlyStatementTests"/>).
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class SandboxTests(SharedServer shared)
{
    private StrataServer Server => shared.Server;

    private Task<JsonNode> FailedAsync(string sql) => ReadOnlyStatementTests.FailedAsync(Server.Alice, sql);

    [Theory]
    [InlineData("select * from read_csv('/etc/passwd')")]
    [InlineData("select * from read_text('/etc/passwd')")]
    [InlineData("select * from read_blob('/etc/passwd')")]
    [InlineData("select * from glob('/*')")]
    [InlineData("select * from read_parquet('https://example.invalid/x.parquet')")]
    [InlineData("install httpfs")]
    [InlineData("load httpfs")]
    [InlineData("attach '/tmp/x.db'")]
    [InlineData("attach ':memory:' as m")]
    [InlineData("copy (select 1) to '/tmp/x.csv'")]
    [InlineData("export database '/tmp/exported'")]
    [InlineData("set enable_external_access=true")]
    [InlineData("reset enable_external_access")]
    [InlineData("pragma enable_profiling")]
    [InlineData("select getenv('HOME')")]
    [InlineData("create table t as select 1")]
    [InlineData("insert into ethereum.blocks select * from ethereum.blocks limit 1")]
    [InlineData("select 1; select 2")]
    [InlineData("select 1; drop table ethereum.blocks")]
    [InlineData("call pragma_enable_profiling()")]
    [InlineData("detach dune")]
    [InlineData("checkpoint")]
    [InlineData("use memory")]
    public async Task Escape_attempts_fail(string sql)
    {
        await FailedAsync(sql);
    }

    [Fact]
    public async Task Another_executions_result_file_cannot_be_read_by_path()
    {
        string victim = await Server.Bob.SubmitAsync("select 'bob secret' as s");
        await Server.Bob.WaitAsync(victim);
        string path = Path.Combine(Server.DataDir, "results", victim + ".arrow");
        Assert.True(File.Exists(path), "the victim's result file exists where the attacker would look");
        foreach (var reader in new[] { "read_csv", "read_text", "read_blob", "read_parquet", "read_json" })
        {
            var error = await FailedAsync($"select * from {reader}('{path}')");
            Assert.DoesNotContain("bob secret", error["message"]!.GetValue<string>());
        }
        await FailedAsync($"attach '{Path.Combine(Server.DataDir, "metadata.db")}' as meta");
    }
}

/// <summary>
/// User SQL is one read-only statement: refusals say what is allowed, the read-only forms run, the demo database
/// cannot be changed. On the server's Program in process (<see cref="InProcessServer"/>): the statement check and the
/// read-only attach are the engine's, whichever process runs it.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class ReadOnlyStatementTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    /// <summary>Runs <paramref name="sql"/>, which must fail with a message; returns the error.</summary>
    internal static async Task<JsonNode> FailedAsync(HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_FAILED", $"{sql} => {status}");
        Assert.False(string.IsNullOrWhiteSpace(status["error"]!["message"]!.GetValue<string>()));
        return status["error"]!;
    }

    private Task<JsonNode> FailedAsync(string sql) => FailedAsync(Server.Alice, sql);

    [Fact]
    public async Task Refused_statements_say_what_is_allowed()
    {
        var error = await FailedAsync("create table t as select 1");
        Assert.Contains("read-only", error["message"]!.GetValue<string>());
        error = await FailedAsync("select 1; select 2");
        Assert.Contains("one statement", error["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("with x as (select 1 as a) select * from x")]
    [InlineData("values (1, 'a'), (2, 'b')")]
    [InlineData("from ethereum.blocks limit 2")]
    [InlineData("describe ethereum.transactions")]
    [InlineData("summarize select 1 as a")]
    [InlineData("explain select 1")]
    [InlineData("select 1;")]
    [InlineData("  select 2 -- trailing comment")]
    public async Task Read_only_forms_are_allowed(string sql)
    {
        string id = await Server.Alice.SubmitAsync(sql);
        var status = await Server.Alice.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", $"{sql} => {status}");
    }

    [Fact]
    public async Task Demo_database_is_read_only()
    {
        var error = await FailedAsync("update ethereum.blocks set gas_used = 0");
        Assert.NotNull(error["type"]);
        var body = await Server.Alice.RunAsync("select count(*) > 0 as ok from ethereum.blocks where gas_used > 0");
        Assert.True(body["result"]!["rows"]![0]!["ok"]!.GetValue<bool>());
    }
}
