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
    public async Task An_unsupported_normal_form_is_a_clear_error() =>
        Assert.Contains("the normal form NFKD is not supported here (only NFC)",
            await Server.Alice.RunToFailureAsync("SELECT normalize('a', NFKD)"), StringComparison.Ordinal);

    [Fact]
    public async Task A_timestamp9_ordered_against_block_time_style_value_names_both_types() =>
        Assert.Contains("Cannot compare timestamp(9) with timestamp(3) with time zone here",
            await Server.Alice.RunToFailureAsync(
                "SELECT 1 FROM (VALUES (from_unixtime(1), CAST('1970-01-01 00:00:00.123456789' AS timestamp(9)))) t(block_time, ts) WHERE ts < block_time"),
            StringComparison.Ordinal);

    [Fact]
    public async Task Multimap_agg_runs_through_the_server()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT cardinality(m) AS n, m['a'] AS a FROM (SELECT multimap_agg(k, v) AS m FROM (VALUES ('a', 1), ('b', 2), ('a', 3)) t(k, v))");
        Assert.Equal("n,a", csv[0]);
        Assert.Equal("2,\"[1,3]\"", csv[1]);
        Assert.Equal(["bigint", "array(integer)"], types);
    }
}
