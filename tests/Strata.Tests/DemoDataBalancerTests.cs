using System.Globalization;
using DuckDB.NET.Data;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild7: the Balancer V2 tables (decoded Vault events of every demo chain but BNB, the balancer.trades,
/// balancer.liquidity and balancer.pools_metrics_daily spells, labels.balancer_v2_pools) and the other chains'
/// tokens_&lt;chain&gt;.balances_daily, with Dune's columns and consistent with each other and the chains' transactions.
/// </summary>
public sealed class DemoDataBalancerTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, ";

    private const string Balances = "blockchain varchar, day date, address varbinary, token_symbol varchar, token_address varbinary, token_standard varchar, "
        + "token_id uint256, balance_raw uint256, balance double, balance_usd double, last_updated date";

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook sources/balancer/ethereum/balancer_ethereum_sources.yml (and the other chains' twins)
        { "balancer_v2_ethereum.Vault_evt_Swap", Evt + "poolId varbinary, tokenIn varbinary, tokenOut varbinary, amountIn uint256, amountOut uint256" },
        { "balancer_v2_arbitrum.Vault_evt_Swap", Evt + "poolId varbinary, tokenIn varbinary, tokenOut varbinary, amountIn uint256, amountOut uint256" },
        { "balancer_v2_gnosis.Vault_evt_PoolRegistered", Evt + "poolId varbinary, poolAddress varbinary, specialization integer" },
        {
            "balancer_v2_polygon.Vault_evt_PoolBalanceChanged",
            Evt + "poolId varbinary, liquidityProvider varbinary, tokens array(varbinary), deltas array(uint256), protocolFeeAmounts array(uint256)"
        },
        // dex/models/_projects/balancer/trades/balancer_trades.sql
        {
            "balancer.trades",
            "blockchain varchar, project varchar, version varchar, block_date date, block_number bigint, block_month date, block_time " + Tz + ", "
            + "token_bought_symbol varchar, token_sold_symbol varchar, token_pair varchar, token_bought_amount double, token_sold_amount double, "
            + "token_bought_amount_raw uint256, token_sold_amount_raw uint256, amount_usd double, token_bought_address varbinary, token_sold_address varbinary, "
            + "taker varbinary, maker varbinary, project_contract_address varbinary, pool_id varbinary, swap_fee double, pool_symbol varchar, pool_type varchar, "
            + "tx_hash varbinary, tx_from varbinary, tx_to varbinary, evt_index bigint"
        },
        // daily_spellbook/models/_projects/balancer/liquidity/balancer_liquidity.sql
        {
            "balancer.liquidity",
            $"day {Tz}, pool_id varbinary, pool_address varbinary, pool_symbol varchar, version varchar, blockchain varchar, pool_type varchar, "
            + "token_address varbinary, token_symbol varchar, token_balance_raw uint256, token_balance double, protocol_liquidity_usd double, "
            + "protocol_liquidity_eth double, pool_liquidity_usd double, pool_liquidity_eth double"
        },
        // spellbook sources/uniswap/ethereum/uniswap_ethereum_sources.yml (V3 Pair events)
        { "uniswap_v3_ethereum.Pair_evt_Mint", Evt + "sender varbinary, owner varbinary, tickLower integer, tickUpper integer, amount uint256, amount0 uint256, amount1 uint256" },
        { "uniswap_v3_ethereum.Pair_evt_Burn", Evt + "owner varbinary, tickLower integer, tickUpper integer, amount uint256, amount0 uint256, amount1 uint256" },
        { "uniswap_v3_ethereum.Pair_evt_Collect", Evt + "owner varbinary, recipient varbinary, tickLower integer, tickUpper integer, amount0 uint256, amount1 uint256" },
        { "tokens_arbitrum.balances_daily", Balances },
        { "tokens_polygon.balances_daily", Balances },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Balancer_and_chain_balance_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Balancer_swaps_are_in_successful_transactions_of_their_chain_and_in_balancer_trades()
    {
        foreach (string chain in new[] { "ethereum", "arbitrum", "gnosis" })
        {
            long swaps = Count($"SELECT count(*) FROM balancer_v2_{chain}.\"Vault_evt_Swap\"");
            Assert.True(swaps > 0, chain);
            Assert.Equal(swaps, Count($"""
                SELECT count(*) FROM balancer_v2_{chain}."Vault_evt_Swap" s
                JOIN {chain}.transactions t ON t.hash = s.evt_tx_hash AND t.block_number = s.evt_block_number AND t."from" = s.evt_tx_from AND t.success
                JOIN balancer_v2_{chain}."Vault_evt_PoolRegistered" r ON r."poolId" = s."poolId" AND unhex(substr(hex(s."poolId"), 1, 40)) = r."poolAddress"
                JOIN balancer.trades b ON b.blockchain = '{chain}' AND b.tx_hash = s.evt_tx_hash AND b.evt_index = s.evt_index AND b.pool_id = s."poolId"
                    AND b.token_sold_address = s."tokenIn" AND b.token_bought_amount_raw = s."amountOut"
                """));
        }
        Assert.Equal(0, Count("SELECT count(*) FROM balancer.trades WHERE amount_usd < 10 OR amount_usd > 100000 OR token_pair IS NULL"));
    }

    [Fact]
    public void Balancer_liquidity_is_the_first_join_plus_the_net_swaps_up_to_the_day()
    {
        // On the last day: join deltas + amounts in - amounts out, per pool and token, for every chain.
        Assert.Equal(0, Count("""
            WITH last AS (SELECT * FROM balancer.liquidity WHERE day = (SELECT max(day) FROM balancer.liquidity)),
            joins AS (
                SELECT 'ethereum' AS blockchain, "poolId", unnest(tokens) AS token, unnest(deltas) AS delta FROM balancer_v2_ethereum."Vault_evt_PoolBalanceChanged"
                UNION ALL SELECT 'arbitrum', "poolId", unnest(tokens), unnest(deltas) FROM balancer_v2_arbitrum."Vault_evt_PoolBalanceChanged"
            ), flows AS (
                SELECT blockchain, pool_id, token_sold_address AS token, CAST(CAST(token_sold_amount_raw AS VARCHAR) AS HUGEINT) AS d FROM balancer.trades
                UNION ALL SELECT blockchain, pool_id, token_bought_address, -CAST(CAST(token_bought_amount_raw AS VARCHAR) AS HUGEINT) FROM balancer.trades
            ), expected AS (
                SELECT j.blockchain, j."poolId", j.token, CAST(CAST(j.delta AS VARCHAR) AS HUGEINT) + coalesce((SELECT sum(d) FROM flows f WHERE f.blockchain = j.blockchain AND f.pool_id = j."poolId" AND f.token = j.token), 0) AS raw
                FROM joins j
            )
            SELECT count(*) FROM expected e LEFT JOIN last l ON l.blockchain = e.blockchain AND l.pool_id = e."poolId" AND l.token_address = e.token
            WHERE l.token_balance_raw IS NULL OR CAST(CAST(l.token_balance_raw AS VARCHAR) AS HUGEINT) <> e.raw OR e.raw <= 0
            """));
        // Fifteen pools a chain, two tokens each, one row a day; metrics per pool and day with the day's volume.
        Assert.Equal(Count("SELECT count(*) FROM balancer.liquidity") / 2, Count("SELECT count(*) FROM balancer.pools_metrics_daily"));
        Assert.Equal(Count("SELECT count(*) FROM labels.balancer_v2_pools"), Count("SELECT count(DISTINCT pool_id) FROM balancer.liquidity"));
        Assert.Equal(
            Convert.ToDouble(fixture.Scalar("SELECT sum(amount_usd) FROM balancer.trades"), CultureInfo.InvariantCulture),
            Convert.ToDouble(fixture.Scalar("SELECT sum(swap_amount_usd) FROM balancer.pools_metrics_daily"), CultureInfo.InvariantCulture),
            1e-3);
    }

    [Fact]
    public void V3_positions_are_on_the_factory_pools_and_every_burn_is_collected()
    {
        Assert.True(Count("SELECT count(*) FROM uniswap_v3_ethereum.\"Pair_evt_Mint\"") > 0);
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT contract_address, evt_tx_hash, "tickLower", "tickUpper" FROM uniswap_v3_ethereum."Pair_evt_Mint"
                                  UNION ALL SELECT contract_address, evt_tx_hash, "tickLower", "tickUpper" FROM uniswap_v3_ethereum."Pair_evt_Burn") e
            LEFT JOIN uniswap_v3_ethereum."Factory_evt_PoolCreated" c ON c.pool = e.contract_address
            LEFT JOIN ethereum.transactions t ON t.hash = e.evt_tx_hash AND t.success
            WHERE c.pool IS NULL OR t.hash IS NULL OR "tickLower" >= "tickUpper" OR "tickLower" % 60 <> 0 OR "tickUpper" % 60 <> 0
            """));
        Assert.Equal(Count("SELECT count(*) FROM uniswap_v3_ethereum.\"Pair_evt_Burn\""), Count("""
            SELECT count(*) FROM uniswap_v3_ethereum."Pair_evt_Burn" b JOIN uniswap_v3_ethereum."Pair_evt_Collect" c
            ON c.evt_tx_hash = b.evt_tx_hash AND c.evt_index = b.evt_index + 1 AND c.contract_address = b.contract_address
               AND c.amount0 = b.amount0 AND c.amount1 = b.amount1 AND c."tickLower" = b."tickLower"
            """));
    }

    [Fact]
    public void Other_chains_balances_follow_their_transfers_and_are_never_negative()
    {
        foreach (string chain in new[] { "arbitrum", "optimism", "base", "polygon", "gnosis" })
        {
            Assert.True(Count($"SELECT count(*) FROM tokens_{chain}.balances_daily WHERE token_standard = 'erc20'") > 0, chain);
            Assert.Equal(0, Count($"SELECT count(*) FROM tokens_{chain}.balances_daily WHERE blockchain <> '{chain}' OR CAST(balance_raw AS DOUBLE) < 0"));
            // Every ERC-20 token of the chain's transfers has its symbol from tokens.erc20 of that chain.
            Assert.Equal(0, Count($"SELECT count(*) FROM tokens_{chain}.balances_daily WHERE token_standard = 'erc20' AND token_symbol IS NULL"));
            // The day-to-day change of a token's total held is that day's mints minus burns (transfers from/to zero are not holders).
            Assert.Equal(0, Count($"""
                WITH big AS (SELECT DISTINCT contract_address FROM erc20_{chain}."evt_Transfer" WHERE length(CAST(value AS VARCHAR)) > 36),
                d AS (SELECT token_address, day, CAST(CAST(balance_raw AS VARCHAR) AS HUGEINT) AS b, lag(CAST(CAST(balance_raw AS VARCHAR) AS HUGEINT)) OVER (PARTITION BY address, token_address ORDER BY day) AS prev,
                                  address FROM tokens_{chain}.balances_daily WHERE token_standard = 'erc20' AND token_address NOT IN (SELECT contract_address FROM big)),
                t AS (SELECT "to" AS address, contract_address AS token_address, evt_block_date AS day, CAST(CAST(value AS VARCHAR) AS HUGEINT) AS v FROM erc20_{chain}."evt_Transfer"
                      WHERE contract_address NOT IN (SELECT contract_address FROM big)
                      UNION ALL SELECT "from", contract_address, evt_block_date, -CAST(CAST(value AS VARCHAR) AS HUGEINT) FROM erc20_{chain}."evt_Transfer"
                      WHERE contract_address NOT IN (SELECT contract_address FROM big)),
                n AS (SELECT address, token_address, day, sum(v) AS v FROM t GROUP BY ALL)
                SELECT count(*) FROM d LEFT JOIN n USING (address, token_address, day)
                WHERE d.prev IS NOT NULL AND d.b - d.prev <> coalesce(n.v, 0)
                """));
        }
    }
}
