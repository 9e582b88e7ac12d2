namespace Strata.Tests.DuneSql;

/// <summary>DuneSQL through the HTTP API: /sql/execute runs it by default, errors point at the user's text.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Execute_runs_DuneSQL_with_Dunes_answers()
    {
        var body = await Server.Alice.RunAsync(
            "SELECT 7 / 2 AS q, to_hex(0xABcd) AS h, varbinary_length(0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2) AS n, "
            + "CAST(0x01ff AS varchar) AS v, date_add('day', 7, TIMESTAMP '2024-01-01 00:00:00') AS d");
        var row = body["result"]!["rows"]![0]!;
        Assert.Equal(3, row["q"]!.GetValue<long>());
        Assert.Equal("abcd", row["h"]!.GetValue<string>());
        Assert.Equal(20, row["n"]!.GetValue<long>());
        Assert.Equal("0x01ff", row["v"]!.GetValue<string>());
        Assert.StartsWith("2024-01-08 00:00:00", row["d"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_after_a_rewritten_literal_point_at_the_users_text()
    {
        const string sql = "SELECT 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 AS a,\n  to_hex(0x01) AS b, nosuch FROM ethereum.blocks";
        string id = await Server.Alice.SubmitAsync(sql);
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        var metadata = status["error"]!["metadata"]!;
        Assert.Equal(2, metadata["line"]!.GetValue<int>());
        Assert.Equal(sql.Split('\n')[1].IndexOf("nosuch", StringComparison.Ordinal) + 1, metadata["column"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unsupported_function_fails_naming_it()
    {
        string id = await Server.Alice.SubmitAsync("SELECT make_set_digest(1)");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("make_set_digest", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Integer_division_by_zero_is_Trinos_error_and_a_decimal_column_quotient_is_a_decimal()
    {
        string id = await Server.Alice.SubmitAsync("SELECT n / (n - n) FROM (VALUES BIGINT '7') AS t(n)");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("Division by zero", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var body = await Server.Alice.RunAsync("SELECT CAST(x / y AS varchar) AS q, typeof(x / y) AS t, CAST(1e0 / 0 AS varchar) AS inf "
            + "FROM (VALUES (CAST(2 AS DECIMAL(18,2)), CAST(3 AS DECIMAL(10,3)))) AS t(x, y)");
        var row = body["result"]!["rows"]![0]!;
        Assert.Equal("0.667", row["q"]!.GetValue<string>());
        Assert.Equal("decimal(22,3)", row["t"]!.GetValue<string>());
        Assert.Equal("Infinity", row["inf"]!.GetValue<string>());
    }
}
