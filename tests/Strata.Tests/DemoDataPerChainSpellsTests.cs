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

    /// <summary>The per-chain table holds exactly the union table's rows of that chain (with the version filter), same
    /// columns in the same order, and is a demo table.</summary>
    private void AssertChainRowsOfUnion(string union, string perChain, string chain, string where)
    {
        Assert.Equal(Columns(union.Split('.')[0], union.Split('.')[1]), Columns(perChain.Split('.')[0], perChain.Split('.')[1]));
        double rows = Number($"SELECT count(*) FROM {union} WHERE blockchain = '{chain}' {where}");
        Assert.True(rows > 0, chain);
        Assert.Equal(rows, Number($"SELECT count(*) FROM {perChain}"));
        Assert.Equal(rows, Number($"SELECT count(*) FROM (SELECT * FROM {union} WHERE blockchain = '{chain}' {where} INTERSECT ALL SELECT * FROM {perChain})"));
        Assert.Contains(perChain, DemoData.Tables);
    }

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
        AssertChainRowsOfUnion("balancer.trades", $"balancer_v2_{chain}.trades", chain, "AND version = '2'");
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

    [Theory]
    [MemberData(nameof(Chains))]
    public void Per_chain_balancer_pool_labels_are_the_chains_rows_of_the_union(string chain)
    {
        // labels_balancer_v2_pools.sql is the UNION of SELECT * of labels_balancer_v2_pools_<chain>.sql (dune-wild10).
        AssertChainRowsOfUnion("labels.balancer_v2_pools", $"labels.balancer_v2_pools_{chain}", chain, "");
        Assert.Equal(0, Number($"SELECT count(*) FROM labels.balancer_v2_pools_{chain} WHERE blockchain <> '{chain}' OR model_name <> 'balancer_v2_pools_{chain}'"));
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void Pool_token_weights_are_the_weighted_pools_tokens_at_half_each(string chain)
    {
        // balancer_v2_<chain>_pools_tokens_weights.sql: blockchain, version, pool_id (the registered 32-byte id),
        // token_address, normalized_weight (the factory's uint256 weight / POWER(10, 18): a double); weighted pools only.
        Assert.Equal("blockchain VARCHAR, version VARCHAR, pool_id BLOB, token_address BLOB, normalized_weight DOUBLE",
            Columns($"balancer_v2_{chain}", "pools_tokens_weights"));
        Assert.Equal(Columns("balancer", "pools_tokens_weights"), Columns($"balancer_v2_{chain}", "pools_tokens_weights"));
        double weighted = Number($"SELECT count(*) FROM labels.balancer_v2_pools WHERE blockchain = '{chain}' AND pool_type = 'weighted'");
        Assert.True(weighted > 0, chain);
        Assert.Equal(2 * weighted, Number($"SELECT count(*) FROM balancer_v2_{chain}.pools_tokens_weights"));
        // each pool's weights sum to one, its tokens are the registered pool's and the pool is a weighted one
        Assert.Equal(0, Number($"""
            SELECT count(*) FROM (SELECT pool_id, sum(normalized_weight) AS w FROM balancer_v2_{chain}.pools_tokens_weights GROUP BY pool_id)
            WHERE abs(w - 1) > 1e-12
            """));
        Assert.Equal(0, Number($"""
            SELECT count(*) FROM balancer_v2_{chain}.pools_tokens_weights w
            WHERE NOT EXISTS (SELECT 1 FROM balancer_v2_{chain}."Vault_evt_PoolBalanceChanged" b WHERE b."poolId" = w.pool_id AND list_contains(b.tokens, w.token_address))
               OR NOT EXISTS (SELECT 1 FROM labels.balancer_v2_pools l WHERE l.blockchain = '{chain}' AND starts_with(hex(w.pool_id), hex(l.address)) AND l.pool_type = 'weighted')
            """));
        Assert.Contains($"balancer_v2_{chain}.pools_tokens_weights", DemoData.Tables);
        Assert.Contains("balancer.pools_tokens_weights", DemoData.Tables);
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void Per_chain_protocol_fees_are_the_chains_v2_rows_of_balancer_protocol_fee(string chain)
    {
        // balancer_protocol_fee.sql unions the 16 columns of balancer_v2_<chain>_protocol_fee.sql in the macro's order.
        AssertChainRowsOfUnion("balancer.protocol_fee", $"balancer_v2_{chain}.protocol_fee", chain, "AND version = '2'");
        Assert.StartsWith("day TIMESTAMP WITH TIME ZONE, pool_id BLOB, pool_address BLOB, pool_symbol VARCHAR, version VARCHAR, blockchain VARCHAR",
            Columns($"balancer_v2_{chain}", "protocol_fee"), StringComparison.Ordinal);
    }
}

