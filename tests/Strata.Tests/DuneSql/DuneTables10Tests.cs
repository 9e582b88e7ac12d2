namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision "dune-tables10", through the HTTP API (the sandbox's views of the demo tables): Balancer V2's
/// <c>PoolBalanceChanged.deltas</c> is <c>int256[]</c> as the event's ABI (<c>int256[] deltas</c>) and Dune's decoded table
/// type it; Starknet's <c>messages_sent</c> is the receipt's structured messages, not text; <c>tokens_ethereum.balances</c>
/// answers the docs' ASOF JOIN; each Uniswap version's trades view shows its own version only.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneTables10Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Balancer_pool_balance_deltas_are_int256_and_take_a_sign()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT typeof(deltas) AS t, typeof(protocolFeeAmounts) AS f, count(*) > 0 AS some,
                   bool_and(cardinality(deltas) = cardinality(tokens)) AS paired,
                   bool_and(-deltas[1] < 0) AS negated,
                   bool_and(CAST(deltas[1] AS varchar) = CAST(CAST(deltas[1] AS uint256) AS varchar)) AS same_value
            FROM balancer_v2_ethereum.Vault_evt_PoolBalanceChanged
            GROUP BY 1, 2
            """);
        Assert.Equal(["varchar", "varchar", "boolean", "boolean", "boolean", "boolean"], types);
        Assert.Equal("array(int256),array(uint256),true,true,true,true", csv[1]);
    }

    [Fact]
    public async Task Starknet_messages_sent_is_an_array_of_messages_and_empty_for_the_replayed_transfers()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT typeof(messages_sent) AS t, count(*) > 0 AS some, bool_and(cardinality(messages_sent) = 0) AS none_sent
            FROM starknet.transactions
            GROUP BY 1
            """);
        Assert.Equal(["varchar", "boolean", "boolean"], types);
        Assert.Equal("\"array(row(from_address varbinary, to_address varbinary, payload array(varbinary)))\",true,true", csv[1]);
    }

    [Fact]
    public async Task Docs_asof_join_runs_over_the_balances_and_agrees_with_a_lateral_latest_row()
    {
        // asof-join.mdx's example for the busiest sender: the same answer as the latest row at or before each day by max_by.
        string sender = (await Server.Alice.RunFirstRowAsync(
            "SELECT \"from\" FROM ethereum.transactions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")).Csv[1];
        var asof = await Server.Alice.RunCsvAsync($"""
            SELECT * FROM (
            select 
                d.timestamp,
                b.balance
            from utils.days d
            asof join tokens_ethereum.balances b
            on b.address = {sender} --dune.eth
                and b.token_standard = 'native' -- native ETH
                and b.block_time <= d.timestamp -- ASOF JOIN condition
            ) ORDER BY 1
            """);
        var latest = await Server.Alice.RunCsvAsync($"""
            SELECT d.timestamp, max_by(b.balance, b.block_number) AS balance
            FROM utils.days d JOIN tokens_ethereum.balances b
              ON b.address = {sender} AND b.token_standard = 'native' AND b.block_time <= d.timestamp
            GROUP BY 1 ORDER BY 1
            """);
        Assert.True(asof.Length > 2, string.Join('\n', asof));
        Assert.Equal(latest, asof);
    }

    [Fact]
    public async Task Each_uniswap_version_view_shows_its_own_versions_trades()
    {
        var (_, _, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT (SELECT count(*) FROM uniswap_v2_ethereum.trades) AS v2,
                   (SELECT count(*) FROM uniswap_v2_ethereum.trades WHERE version <> '2') AS v2_other,
                   (SELECT count(*) FROM uniswap_v3_ethereum.trades) AS v3,
                   (SELECT count(*) FROM dex.trades WHERE project = 'uniswap' AND version = '2') AS dex_v2,
                   (SELECT count(*) FROM dex.trades WHERE project = 'uniswap' AND version = '3') AS dex_v3
            """);
        var v = csv[1].Split(',');
        Assert.Equal(v[3], v[0]);
        Assert.Equal("0", v[1]);
        Assert.Equal(v[4], v[2]);
        Assert.NotEqual("0", v[0]);
    }
}
