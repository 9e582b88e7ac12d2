using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild9: the per-chain Balancer V2 spells real queries read by name — <c>balancer_v2_&lt;chain&gt;.trades</c>
/// (spellbook's dex/models/_projects/balancer/trades/&lt;chain&gt;/balancer_v2_&lt;chain&gt;_trades.sql) and
/// <c>balancer_v2_&lt;chain&gt;.pools_fees</c> (…/pools/&lt;chain&gt;/balancer_v2_&lt;chain&gt;_pools_fees.sql) — each the
/// chain's V2 rows of the union spell (balancer_trades.sql, balancer_pools_fees.sql) in the per-chain model's columns.
/// </summary>
public sealed class DemoDataPerChainSpellsTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Tz = "TIMESTAMP WITH TIME ZONE";

    private double Number(string sql) => Convert.ToDouble(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private string Columns(string schema, string table) => (string)fixture.Scalar(
        "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns "
        + $"WHERE table_schema = '{schema}' AND table_name = '{table}'")!;

    public static TheoryData<string> Chains => new() { "ethereum", "arbitrum", "optimism", "polygon", "base", "gnosis", "avalanche_c" };

    [Theory]
    [MemberData(nameof(Chains))]
    public void Per_chain_balancer_trades_are_the_chains_v2_rows_of_balancer_trades_in_its_columns(string chain)
    {
        // balancer_v2_<chain>_trades.sql selects blockchain … evt_index in the order balancer_trades.sql unions them.
        string expected = "blockchain VARCHAR, project VARCHAR, version VARCHAR, block_date DATE, block_number BIGINT, block_month DATE, "
            + $"block_time {Tz}, token_bought_symbol VARCHAR, token_sold_symbol VARCHAR, token_pair VARCHAR, token_bought_amount DOUBLE, "
            + $"token_sold_amount DOUBLE, token_bought_amount_raw {DemoData.Uint256Type}, token_sold_amount_raw {DemoData.Uint256Type}, "
            + "amount_usd DOUBLE, token_bought_address BLOB, token_sold_address BLOB, taker BLOB, maker BLOB, project_contract_address BLOB, "
            + "pool_id BLOB, swap_fee DOUBLE, pool_symbol VARCHAR, pool_type VARCHAR, tx_hash BLOB, tx_from BLOB, tx_to BLOB, evt_index BIGINT";
        Assert.Equal(expected, Columns($"balancer_v2_{chain}", "trades"));
        Assert.Equal(Columns("balancer", "trades"), Columns($"balancer_v2_{chain}", "trades"));
        double rows = Number($"SELECT count(*) FROM balancer.trades WHERE blockchain = '{chain}' AND version = '2'");
        Assert.True(rows > 0, chain);
        Assert.Equal(rows, Number($"SELECT count(*) FROM balancer_v2_{chain}.trades"));
        Assert.Equal(rows, Number($"""
            SELECT count(*) FROM (SELECT * FROM balancer.trades WHERE blockchain = '{chain}' INTERSECT ALL SELECT * FROM balancer_v2_{chain}.trades)
            """));
        Assert.Contains($"balancer_v2_{chain}.trades", DemoData.Tables);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void Per_chain_balancer_pools_fees_are_the_chains_rows_with_tx_index_before_index(string chain)
    {
        Assert.Equal(
            $"blockchain VARCHAR, version VARCHAR, contract_address BLOB, tx_hash BLOB, tx_index BIGINT, index BIGINT, block_time {Tz}, "
            + "block_number BIGINT, swap_fee_percentage DOUBLE",
            Columns($"balancer_v2_{chain}", "pools_fees"));
        double rows = Number($"SELECT count(*) FROM balancer.pools_fees WHERE blockchain = '{chain}'");
        Assert.True(rows > 0, chain);
        Assert.Equal(rows, Number($"SELECT count(*) FROM balancer_v2_{chain}.pools_fees"));
        Assert.Equal(rows, Number($"""
            SELECT count(*) FROM (
                SELECT blockchain, version, contract_address, tx_hash, tx_index, "index", block_time, block_number, swap_fee_percentage
                FROM balancer.pools_fees WHERE blockchain = '{chain}'
                INTERSECT ALL SELECT * FROM balancer_v2_{chain}.pools_fees)
            """));
        Assert.Contains($"balancer_v2_{chain}.pools_fees", DemoData.Tables);
    }
}
