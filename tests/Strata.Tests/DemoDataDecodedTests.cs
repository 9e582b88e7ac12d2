using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild6: the tables real queries read that the demo lacked (decoded Uniswap V2/V3 and SushiSwap events,
/// tokens_ethereum.balances_daily, labels.all), with Dune's columns and derived from the demo chain so joins give rows.
/// </summary>
public sealed class DemoDataDecodedTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, ";

    private const string Created = $"contract_address varbinary, evt_tx_hash varbinary, evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, ";

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook sources/uniswap/ethereum/uniswap_ethereum_sources.yml and sources/_sector/dex/trades/ethereum/_sources.yml
        { "uniswap_v2_ethereum.Pair_evt_Swap", Evt + "sender varbinary, amount0In uint256, amount1In uint256, amount0Out uint256, amount1Out uint256, to varbinary" },
        { "sushi_ethereum.Pair_evt_Swap", Evt + "sender varbinary, amount0In uint256, amount1In uint256, amount0Out uint256, amount1Out uint256, to varbinary" },
        { "uniswap_v2_ethereum.Factory_evt_PairCreated", Created + "token0 varbinary, token1 varbinary, pair varbinary, _0 uint256" },
        { "sushi_ethereum.Factory_evt_PairCreated", Created + "token0 varbinary, token1 varbinary, pair varbinary, _0 uint256" },
        { "uniswap_v3_ethereum.Pair_evt_Swap", Evt + "sender varbinary, recipient varbinary, amount0 int256, amount1 int256, sqrtPriceX96 uint256, liquidity uint256, tick integer" },
        { "uniswap_v3_ethereum.Factory_evt_PoolCreated", Created + "token0 varbinary, token1 varbinary, fee integer, tickSpacing integer, pool varbinary" },
        // evm-balances.mdx and spellbook's balances_incremental_subset_daily macro
        {
            "tokens_ethereum.balances_daily",
            "blockchain varchar, day date, address varbinary, token_symbol varchar, token_address varbinary, token_standard varchar, "
            + "token_id uint256, balance_raw uint256, balance double, balance_usd double, last_updated date"
        },
        // labels.addresses' columns (address-labels.mdx)
        {
            "labels.all",
            "blockchain varchar, address varbinary, name varchar, category varchar, contributor varchar, source varchar, "
            + $"created_at {Tz}, updated_at {Tz}, model_name varchar, label_type varchar"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void New_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void V2_swaps_are_the_swap_logs_of_dex_trades_by_the_pairs_token_order()
    {
        Assert.Equal(Count("SELECT count(*) FROM dex.trades WHERE project = 'uniswap'"), Count("SELECT count(*) FROM uniswap_v2_ethereum.\"Pair_evt_Swap\""));
        Assert.Equal(Count("SELECT count(*) FROM dex.trades WHERE project = 'sushiswap'"), Count("SELECT count(*) FROM sushi_ethereum.\"Pair_evt_Swap\""));
        // Each swap is one of the pair's Swap logs, one amount in and one out, the token in the trade's sold token.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM uniswap_v2_ethereum."Pair_evt_Swap" s
            LEFT JOIN ethereum.logs l ON l.tx_hash = s.evt_tx_hash AND l."index" = s.evt_index AND l.contract_address = s.contract_address
            JOIN uniswap_v2_ethereum."Factory_evt_PairCreated" c ON c.pair = s.contract_address
            JOIN dex.trades d ON d.tx_hash = s.evt_tx_hash AND d.evt_index = s.evt_index
            WHERE l.topic0 IS DISTINCT FROM unhex('d78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822')
               OR ((CAST(s."amount0In" AS DOUBLE) > 0) = (CAST(s."amount1In" AS DOUBLE) > 0))
               OR ((CAST(s."amount0Out" AS DOUBLE) > 0) = (CAST(s."amount1Out" AS DOUBLE) > 0))
               OR d.token_sold_address <> CASE WHEN CAST(s."amount0In" AS DOUBLE) > 0 THEN c.token0 ELSE c.token1 END
               OR d.token_bought_address <> CASE WHEN CAST(s."amount0Out" AS DOUBLE) > 0 THEN c.token0 ELSE c.token1 END
               OR s.sender <> unhex(substr(hex(l.topic1), 25))
            """));
        // One creation per pair that traded, before the span.
        Assert.Equal(Count("SELECT count(DISTINCT contract_address) FROM uniswap_v2_ethereum.\"Pair_evt_Swap\""),
            Count("SELECT count(DISTINCT pair) FROM uniswap_v2_ethereum.\"Factory_evt_PairCreated\""));
        Assert.Equal(0, Count("SELECT count(*) FROM uniswap_v2_ethereum.\"Factory_evt_PairCreated\" WHERE evt_block_number >= (SELECT min(number) FROM ethereum.blocks) OR evt_block_time >= (SELECT min(time) FROM ethereum.blocks)"));
    }

    [Fact]
    public void V3_swaps_sign_the_amounts_from_the_pool_and_price_them()
    {
        Assert.Equal(Count("SELECT count(*) FROM uniswap_v2_ethereum.\"Pair_evt_Swap\""), Count("SELECT count(*) FROM uniswap_v3_ethereum.\"Pair_evt_Swap\""));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM uniswap_v3_ethereum."Pair_evt_Swap" s JOIN uniswap_v2_ethereum."Pair_evt_Swap" v USING (evt_tx_hash, evt_index)
            WHERE CAST(s.amount0 AS DOUBLE) <> CAST(v."amount0In" AS DOUBLE) - CAST(v."amount0Out" AS DOUBLE)
               OR CAST(s.amount1 AS DOUBLE) <> CAST(v."amount1In" AS DOUBLE) - CAST(v."amount1Out" AS DOUBLE)
               OR abs(s.tick - least(887272, greatest(-887272, ln(abs(CAST(s.amount1 AS DOUBLE) / CAST(s.amount0 AS DOUBLE))) / ln(1.0001)))) > 1
               OR abs(2 * ln(CAST(s."sqrtPriceX96" AS DOUBLE) / pow(2, 96)) / ln(1.0001) - s.tick) > 1
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM uniswap_v3_ethereum."Pair_evt_Swap" s
            LEFT JOIN uniswap_v3_ethereum."Factory_evt_PoolCreated" p ON p.pool = s.contract_address
            WHERE p.pool IS NULL OR p.fee <> 3000
            """));
    }

    [Fact]
    public void Daily_balances_follow_the_transfers_and_are_never_negative()
    {
        Assert.True(Count("SELECT count(*) FROM tokens_ethereum.balances_daily WHERE token_standard = 'erc20'") > 0);
        Assert.True(Count("SELECT count(*) FROM tokens_ethereum.balances_daily WHERE token_standard = 'native' AND token_symbol = 'ETH'") > 0);
        Assert.Equal(0, Count("SELECT count(*) FROM tokens_ethereum.balances_daily WHERE balance < 0 OR balance_raw IS NULL OR last_updated > day"));
        // Every address and token has a row on the last day.
        Assert.Equal(Count("SELECT count(*) FROM (SELECT DISTINCT address, token_address FROM tokens_ethereum.balances_daily)"),
            Count("SELECT count(*) FROM tokens_ethereum.balances_daily WHERE day = (SELECT max(day) FROM tokens_ethereum.balances_daily)"));
        // From one row to the next of an address and token, the balance moves by that day's transfers in minus out.
        Assert.Equal(0, Count("""
            WITH b AS (
                SELECT address, token_address, day, CAST(balance_raw AS DOUBLE) AS bal, CAST(balance_raw AS DOUBLE) - lag(CAST(balance_raw AS DOUBLE)) OVER (PARTITION BY address, token_address ORDER BY day) AS change
                FROM tokens_ethereum.balances_daily WHERE token_standard = 'erc20'
            ), f AS (
                SELECT address, contract_address, day, sum(v) AS net FROM (
                    SELECT "to" AS address, contract_address, evt_block_date AS day, CAST(value AS DOUBLE) AS v FROM erc20_ethereum."evt_Transfer"
                    UNION ALL
                    SELECT "from", contract_address, evt_block_date, -CAST(value AS DOUBLE) FROM erc20_ethereum."evt_Transfer")
                GROUP BY ALL
            )
            SELECT count(*) FROM b LEFT JOIN f ON f.address = b.address AND f.contract_address = b.token_address AND f.day = b.day
            WHERE b.change IS NOT NULL AND abs(b.change - coalesce(f.net, 0)) > 1e-9 * greatest(1, abs(b.change), b.bal)
            """));
        // balance is balance_raw in the token's decimals.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM tokens_ethereum.balances_daily b JOIN tokens.erc20 e ON e.contract_address = b.token_address
            WHERE abs(b.balance - CAST(b.balance_raw AS DOUBLE) / power(10, e.decimals)) > 1e-9 * greatest(1, b.balance)
            """));
    }

    [Fact]
    public void Labels_all_is_labels_addresses_and_dunesql_names_it_as_dune_does()
    {
        Assert.Equal(Count("SELECT count(*) FROM labels.addresses"), Count("SELECT count(*) FROM labels.\"all\""));
        string translated = DuneSqlTranslator.Translate("SELECT name FROM labels.all WHERE category = 'dex'").Sql;
        Assert.Contains("labels.\"all\"", translated, StringComparison.Ordinal);
        // The natives the translation calls, registered as the engine's sandbox registers them (307's comparison guard
        // names a type with dune_type_name when the column's type is the view's).
        if (DuneTypeNames.UsedBy(translated))
        {
            DuneTypeNames.Register(Db);
        }
        Assert.True(Count($"SELECT count(*) FROM ({translated})") > 0);
    }
}
