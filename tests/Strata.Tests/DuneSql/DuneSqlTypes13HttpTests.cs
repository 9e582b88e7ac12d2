namespace Strata.Tests.DuneSql;

/// <summary><c>normalize</c> through the HTTP API (decision "dune-types13"): NFC as a varchar column; another form is
/// the execution's clear error. A timestamp(9) ordered against a zoned value fails naming both types.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes13HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Normalize_runs_through_the_server_in_each_form()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT length(normalize('e\u0301')) AS c, length(normalize('A\u030a', NFC)) AS d, normalize('x') AS s");
        Assert.Equal("c,d,s", csv[0]);
        Assert.Equal("1,1,x", csv[1]);
        Assert.Equal(["bigint", "bigint", "varchar"], types);
    }

    [Fact]
    public Task An_unsupported_normal_form_is_a_clear_error() =>
        AssertFailsAsync("SELECT normalize('a', NFKD)", "the normal form NFKD is not supported here (only NFC)");

    [Fact]
    public Task A_timestamp9_ordered_against_block_time_style_value_names_both_types() =>
        AssertFailsAsync("SELECT 1 FROM (VALUES (from_unixtime(1), CAST('1970-01-01 00:00:00.123456789' AS timestamp(9)))) t(block_time, ts) WHERE ts < block_time",
            "Cannot compare timestamp(9) with timestamp(3) with time zone here");

    [Fact]
    public async Task Multimap_agg_runs_through_the_server()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT cardinality(m) AS n, m['a'] AS a FROM (SELECT multimap_agg(k, v) AS m FROM (VALUES ('a', 1), ('b', 2), ('a', 3)) t(k, v))");
        Assert.Equal("n,a", csv[0]);
        Assert.Equal("2,\"[1,3]\"", csv[1]);
        Assert.Equal(["bigint", "array(integer)"], types);
    }

    private async Task AssertFailsAsync(string sql, string message)
    {
        string id = await Server.Alice.SubmitAsync(sql);
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains(message, status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
