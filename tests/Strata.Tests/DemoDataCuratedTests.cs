using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// The curated tables added for real queries (dex_aggregator.trades, evt_Approval, erc721 evt_Transfer, creation_traces, nft.*, tokens.nft,
/// tokens_ethereum.stablecoins, dune.blockchains, utils.*): Dune's columns and types, derived from the raw demo tables.
/// </summary>
public sealed class DemoDataCuratedTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private object? Scalar(string sql) => fixture.Scalar(sql);

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook dbt_subprojects/dex/models/aggregator_trades/dex_aggregator_trades.sql
        {
            "dex_aggregator.trades",
            $"blockchain varchar, project varchar, version varchar, block_date date, block_month date, block_time {Tz}, "
            + "token_bought_symbol varchar, token_sold_symbol varchar, token_pair varchar, token_bought_amount double, "
            + "token_sold_amount double, token_bought_amount_raw uint256, token_sold_amount_raw uint256, amount_usd double, "
            + "token_bought_address varbinary, token_sold_address varbinary, taker varbinary, maker varbinary, "
            + "project_contract_address varbinary, tx_hash varbinary, tx_from varbinary, tx_to varbinary, trace_address array(bigint), evt_index bigint"
        },
        // Dune's decoded event tables: the evt_* columns, then the event's parameters
        {
            "erc20_ethereum.evt_Approval",
            "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
            + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, owner varbinary, spender varbinary, value uint256"
        },
        {
            "erc721_ethereum.evt_Transfer",
            "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
            + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, from varbinary, to varbinary, tokenId uint256"
        },
        // spellbook sources/_base_sources/evm/ethereum_base_sources.yml, creation_traces, and block_month (spellbook's evms_creation_traces reads it)
        { "ethereum.creation_traces", $"block_time {Tz}, block_number bigint, tx_hash varbinary, address varbinary, from varbinary, code varbinary, block_month date" },
        // spellbook dbt_subprojects/nft/models/_sector/transfers/_schema.yml (with the models' block_month, block_date)
        {
            "nft.transfers",
            $"blockchain varchar, block_time {Tz}, block_month date, block_date date, block_number bigint, token_standard varchar, "
            + "transfer_type varchar, evt_index bigint, contract_address varbinary, token_id uint256, amount uint256, from varbinary, "
            + "to varbinary, executed_by varbinary, tx_hash varbinary, unique_transfer_id varchar"
        },
        // spellbook dbt_subprojects/nft/models/_sector/mints/_schema.yml (without the fee columns)
        {
            "nft.mints",
            $"blockchain varchar, project varchar, version varchar, block_time {Tz}, block_month date, block_date date, block_number bigint, "
            + "token_id uint256, collection varchar, amount_usd double, token_standard varchar, trade_type varchar, number_of_items uint256, "
            + "trade_category varchar, evt_type varchar, seller varbinary, buyer varbinary, amount_original double, amount_raw uint256, "
            + "currency_symbol varchar, currency_contract varbinary, nft_contract_address varbinary, project_contract_address varbinary, "
            + "aggregator_name varchar, aggregator_address varbinary, tx_hash varbinary, tx_from varbinary, tx_to varbinary, evt_index bigint"
        },
        // spellbook dbt_subprojects/hourly_spellbook/macros/_sector/nft/port_to_old_schema.sql (nft_trades.sql's columns)
        {
            "nft.trades",
            $"blockchain varchar, project varchar, version varchar, block_date date, block_month date, block_time {Tz}, token_id uint256, "
            + "collection varchar, amount_usd double, token_standard varchar, trade_type varchar, number_of_items uint256, "
            + "trade_category varchar, evt_type varchar, seller varbinary, buyer varbinary, amount_original double, amount_raw uint256, "
            + "currency_symbol varchar, currency_contract varbinary, nft_contract_address varbinary, project_contract_address varbinary, "
            + "aggregator_name varchar, aggregator_address varbinary, tx_hash varbinary, block_number bigint, tx_from varbinary, tx_to varbinary, "
            + "platform_fee_amount_raw uint256, platform_fee_amount double, platform_fee_amount_usd double, platform_fee_percentage double, "
            + "royalty_fee_receive_address varbinary, royalty_fee_currency_symbol varchar, royalty_fee_amount_raw uint256, "
            + "royalty_fee_amount double, royalty_fee_amount_usd double, royalty_fee_percentage double, unique_trade_id varchar"
        },
        // spellbook dbt_subprojects/dex/models/prices/dex_prices.sql
        { "dex.prices", "block_month date, hour timestamp, contract_address varbinary, blockchain varchar, median_price double, sample_size integer" },
        // Dune's data catalog, curated/nft-trades/evm/nft-metadata.mdx
        { "tokens.nft", "blockchain varchar, contract_address varbinary, name varchar, symbol varchar, standard varchar" },
        { "tokens_ethereum.stablecoins", "blockchain varchar, contract_address varbinary, backing varchar, symbol varchar, decimals integer, name varchar" },
        // Dune's data catalog, curated/prices/*.mdx (name, token_address, token_symbol) and spellbook's evms_info
        {
            "dune.blockchains",
            "name varchar, display_name varchar, chain_id bigint, token_address varbinary, token_symbol varchar, token_decimals integer, "
            + "explorer_link varchar, first_block_time timestamp"
        },
        { "utils.days", "timestamp timestamp" },
        { "utils.hours", "timestamp timestamp" },
        { "utils.minutes", "timestamp timestamp" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Curated_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Fact]
    public void Aggregator_trades_are_the_whole_swaps_sent_to_an_aggregator_router()
    {
        string routers = string.Join(", ", DemoData.Aggregators.Select(a => $"unhex('{a.Address}')"));
        // every swap transaction sent to an aggregator has exactly one aggregator trade, and nothing else has one
        Assert.True(Count("SELECT count(*) FROM dex_aggregator.trades") > 10);
        Assert.Equal(
            Count($"SELECT count(DISTINCT tx_hash) FROM dex.trades WHERE tx_to IN ({routers})"),
            Count($"SELECT count(*) FROM dex_aggregator.trades WHERE tx_to IN ({routers}) AND project_contract_address = tx_to"));
        Assert.Equal(Count("SELECT count(*) FROM dex_aggregator.trades"), Count("SELECT count(DISTINCT tx_hash) FROM dex_aggregator.trades"));
        // the pairs are still Uniswap V2's or SushiSwap's: dex.trades names the DEX, not the router
        Assert.Equal(0, Count($"SELECT count(*) FROM dex.trades WHERE tx_to IN ({routers}) AND project NOT IN ('uniswap', 'sushiswap')"));
        // sold: the first hop's token sold; bought: the last hop's token bought, in the same transaction
        Assert.Equal(0, Count("""
            SELECT count(*) FROM dex_aggregator.trades a
            WHERE a.token_sold_address <> (SELECT arg_min(d.token_sold_address, d.evt_index) FROM dex.trades d WHERE d.tx_hash = a.tx_hash)
               OR a.token_bought_address <> (SELECT arg_max(d.token_bought_address, d.evt_index) FROM dex.trades d WHERE d.tx_hash = a.tx_hash)
               OR a.taker <> a.tx_from OR NOT a.amount_usd > 0 OR a.token_pair IS NULL
               OR a.project NOT IN ('1inch', '0x API')
            """));
        // the routers are the real ones, and labelled
        Assert.Equal("1inch v6: Aggregation Router", Scalar("SELECT name FROM labels.addresses WHERE address = unhex('111111125421ca6dc452d289314280a0f8842a65')"));
        Assert.True(Count("SELECT count(*) FROM dex_aggregator.trades WHERE project = '1inch' AND tx_to = unhex('111111125421ca6dc452d289314280a0f8842a65')") > 0);
    }

    [Fact]
    public void Approvals_are_exactly_the_decoded_approval_logs()
    {
        const string approval = "unhex('8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925')";
        long logs = Count($"SELECT count(*) FROM ethereum.logs WHERE topic0 = {approval}");
        Assert.True(logs > 10);
        Assert.Equal(logs, Count("SELECT count(*) FROM erc20_ethereum.\"evt_Approval\""));
        // same log (transaction, index, contract), owner and spender from the topics, value the data word
        Assert.Equal(logs, Count($"""
            SELECT count(*) FROM erc20_ethereum."evt_Approval" a JOIN ethereum.logs l
              ON l.tx_hash = a.evt_tx_hash AND l."index" = a.evt_index AND l.contract_address = a.contract_address
             AND l.block_time = a.evt_block_time AND l.tx_from = a.evt_tx_from
            WHERE l.topic0 = {approval}
              AND l.topic1 = unhex('000000000000000000000000') || a.owner AND l.topic2 = unhex('000000000000000000000000') || a.spender
              AND l.data = unhex(lpad(substr(hex(a.value), 7), 64, '0'))
            """));
        Assert.True(Count("SELECT count(*) FROM erc20_ethereum.\"evt_Approval\" WHERE value = '115792089237316195423570985008687907853269984665640564039457584007913129639935'::BIGNUM") > 0);
    }

    [Fact]
    public void Creation_traces_are_the_successful_contract_creations()
    {
        long created = Count("SELECT count(*) FROM ethereum.transactions WHERE \"to\" IS NULL AND success");
        Assert.True(created > 0);
        Assert.Equal(created, Count("""
            SELECT count(*) FROM ethereum.creation_traces c
            JOIN ethereum.transactions t ON t.hash = c.tx_hash AND t.block_number = c.block_number AND t."from" = c."from"
            WHERE t."to" IS NULL AND t.success AND octet_length(c.address) = 20 AND octet_length(c.code) > 0
            """));
    }

    [Fact]
    public void Nft_transfers_mints_and_collections_come_from_the_erc721_transfer_logs()
    {
        long logs = Count("SELECT count(*) FROM ethereum.logs WHERE topic0 = unhex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') AND topic3 IS NOT NULL");
        Assert.True(logs > 10);
        Assert.Equal(logs, Count("""
            SELECT count(*) FROM nft.transfers n JOIN ethereum.logs l ON l.tx_hash = n.tx_hash AND l."index" = n.evt_index
            WHERE l.contract_address = n.contract_address AND l.topic3 = unhex(lpad(substr(hex(n.token_id::BIGNUM), 7), 64, '0'))
              AND l.topic2 = unhex('000000000000000000000000') || n."to" AND n.executed_by = l.tx_from
            """));
        Assert.Equal(logs, Count("SELECT count(DISTINCT unique_transfer_id) FROM nft.transfers WHERE token_standard = 'erc721'"));  // the ERC-1155 rows: DemoDataErc1155Tests
        // Dune's decoded ERC-721 transfers are the same events, one row per nft.transfers row
        Assert.Equal(logs, Count("""
            SELECT count(*) FROM erc721_ethereum."evt_Transfer" e JOIN nft.transfers n ON n.tx_hash = e.evt_tx_hash AND n.evt_index = e.evt_index
            WHERE e.contract_address = n.contract_address AND e."from" = n."from" AND e."to" = n."to" AND e."tokenId" = n.token_id
              AND e.evt_block_time = n.block_time AND e.evt_block_number = n.block_number AND e.evt_tx_from = n.executed_by
            """));
        // the demo's NFT transfers are mints (from the zero address; each mint row is one, priced from what its transaction paid)
        // and Seaport sales (one a successful sale; DemoDataSeaportTests)
        long minted = Count($"""
            SELECT count(*) FROM ethereum.logs WHERE topic0 = unhex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') AND topic3 IS NOT NULL
              AND topic1 = unhex('{new string('0', 64)}')
            """);
        Assert.Equal(logs - minted, Count($"SELECT count(*) FROM ethereum.transactions WHERE success AND \"to\" = unhex('{DemoData.Seaport}')"));
        Assert.Equal(minted, Count("SELECT count(*) FROM nft.mints m JOIN nft.transfers n ON n.tx_hash = m.tx_hash AND n.evt_index = m.evt_index AND n.token_id = m.token_id"));
        Assert.Equal(0, Count("SELECT count(*) FROM nft.mints WHERE seller <> unhex('0000000000000000000000000000000000000000') OR collection IS NULL"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT m.tx_hash, sum(CAST(m.amount_raw AS DOUBLE)) AS paid, any_value(CAST(t.value AS DOUBLE)) AS value
                                  FROM nft.mints m JOIN ethereum.transactions t ON t.hash = m.tx_hash GROUP BY m.tx_hash)
            WHERE abs(paid - value) > 1e6
            """));
        Assert.True(Count("SELECT count(*) FROM nft.mints WHERE amount_usd > 0") > 0);
        Assert.Equal(0, Count("SELECT count(*) FROM nft.transfers n WHERE NOT EXISTS (SELECT 1 FROM tokens.nft k WHERE k.contract_address = n.contract_address)"));
    }

    [Fact]
    public void Nft_trades_of_the_demo_project_are_the_paid_mints_bought_from_their_collection()
    {
        long paid = Count("SELECT count(*) FROM nft.mints WHERE amount_raw > 0");
        Assert.True(paid > 10);
        Assert.Equal(paid, Count("SELECT count(*) FROM nft.trades WHERE project = 'demo'"));
        // the same transfer (transaction, token), bought by the minter from the collection contract the transaction paid
        Assert.Equal(paid, Count("""
            SELECT count(*) FROM nft.trades t
            JOIN nft.transfers n ON n.tx_hash = t.tx_hash AND n.token_id = t.token_id AND n.contract_address = t.nft_contract_address
            JOIN ethereum.transactions x ON x.hash = t.tx_hash AND x.block_number = t.block_number
            WHERE t.project = 'demo' AND t.buyer = n."to" AND t.seller = x."to" AND x.value > 0 AND t.amount_usd > 0 AND t.collection IS NOT NULL
              AND t.trade_category = 'Buy' AND t.evt_type = 'Trade' AND t.platform_fee_amount_raw = 0
            """));
        Assert.Equal(paid, Count("SELECT count(DISTINCT unique_trade_id) FROM nft.trades WHERE project = 'demo'"));
        // the other rows are OpenSea's (DemoDataSeaportTests), their ids distinct from the mints'
        Assert.Equal(Count("SELECT count(*) FROM nft.trades"), paid + Count("SELECT count(*) FROM opensea_v4_ethereum.base_trades"));
        Assert.Equal(Count("SELECT count(*) FROM nft.trades"), Count("SELECT count(DISTINCT unique_trade_id) FROM nft.trades"));
    }

    [Fact]
    public void Dex_prices_are_the_hourly_median_prices_of_the_dex_trades()
    {
        Assert.True(Count("SELECT count(*) FROM dex.prices") > 10);
        // every row: the trades of its token (either side) in its UTC hour, counted, and the median of the token's
        // prices.usd price at their minutes
        Assert.Equal(0, Count("""
            WITH s AS (
                SELECT block_time, token_bought_address AS a FROM dex.trades UNION ALL SELECT block_time, token_sold_address FROM dex.trades
            ), g AS (
                SELECT date_trunc('hour', s.block_time AT TIME ZONE 'UTC') AS hour, s.a, median(u.price) AS m, count(*) AS n
                FROM s JOIN prices.usd u ON u.contract_address = s.a AND u.minute = date_trunc('minute', s.block_time) GROUP BY ALL
            )
            SELECT count(*) FROM g FULL JOIN dex.prices d ON d.hour = g.hour AND d.contract_address = g.a
            WHERE d.hour IS NULL OR g.hour IS NULL OR d.sample_size <> g.n OR abs(d.median_price - g.m) > 1e-9 * g.m
               OR d.block_month <> CAST(date_trunc('month', g.hour) AS DATE) OR d.blockchain <> 'ethereum'
            """));
        // a trade's bought side is valued at that price: dex.trades' amount_usd over the amount bought lies within the hour's range
        Assert.Equal(0, Count("""
            SELECT count(*) FROM dex.trades t JOIN prices.usd u ON u.contract_address = t.token_bought_address AND u.minute = date_trunc('minute', t.block_time)
            WHERE t.token_bought_amount > 0 AND abs(t.amount_usd / t.token_bought_amount - u.price) > 1e-9 * u.price
            """));
        // USDC trades near a dollar, as prices.usd has it
        Assert.Equal(0, Count("SELECT count(*) FROM dex.prices WHERE contract_address = unhex('a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48') AND abs(median_price - 1) > 0.05"));
    }

    [Fact]
    public void Native_eth_is_priced_under_the_native_token_address_of_dune_blockchains()
    {
        var zero = "unhex('0000000000000000000000000000000000000000')";
        Assert.Equal(1, Count($"SELECT count(*) FROM dune.blockchains WHERE name = 'ethereum' AND chain_id = 1 AND token_address = {zero} AND token_symbol = 'ETH'"));
        foreach (string table in new[] { "prices.minute", "prices.hour", "prices.day", "prices.latest" })
        {
            Assert.True(Count($"SELECT count(*) FROM {table} p JOIN dune.blockchains b ON p.blockchain = b.name AND p.contract_address = b.token_address WHERE p.symbol = 'ETH'") > 0, table);
            Assert.Equal(0, Count($"SELECT count(*) FROM {table} WHERE contract_address IS NULL OR blockchain IS NULL"));
        }
        // ETH's modern price is the legacy one (prices.usd keeps it without a contract)
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM prices.minute m JOIN prices.usd u ON u.contract_address IS NULL AND u.symbol = 'ETH'
              AND m."timestamp" = make_timestamp(epoch_us(u.minute))
            WHERE m.contract_address = {zero} AND m.price <> u.price
            """));
        Assert.Equal(3, Count("SELECT count(*) FROM tokens_ethereum.stablecoins s JOIN tokens.erc20 e USING (contract_address, symbol)"));
    }

    [Fact]
    public void Utils_days_and_hours_cover_the_span()
    {
        Assert.Equal(Count("SELECT count(DISTINCT CAST(make_timestamp(epoch_us(time)) AS DATE)) FROM ethereum.blocks"), Count("SELECT count(*) FROM utils.days"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT DISTINCT date_trunc('hour', make_timestamp(epoch_us(time))) AS h FROM ethereum.blocks) b
            WHERE NOT EXISTS (SELECT 1 FROM utils.hours u WHERE u."timestamp" = b.h)
            """));
        Assert.Equal(Count("SELECT count(*) FROM utils.hours"), Count("SELECT count(DISTINCT \"timestamp\") FROM utils.hours"));
    }

    [Fact]
    public void Utils_minutes_are_every_minute_of_the_span_in_order()
    {
        // utils_minutes.sql: each hour of utils.hours and its 60 minutes (the last hour up to the span's end).
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT DISTINCT date_trunc('minute', make_timestamp(epoch_us(time))) AS m FROM ethereum.blocks) b
            WHERE NOT EXISTS (SELECT 1 FROM utils.minutes u WHERE u."timestamp" = b.m)
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM utils.minutes WHERE date_trunc('hour', \"timestamp\") NOT IN (SELECT \"timestamp\" FROM utils.hours)"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT "timestamp" - lag("timestamp") OVER (ORDER BY "timestamp") AS gap FROM utils.minutes)
            WHERE gap <> INTERVAL 1 MINUTE
            """));
        Assert.Equal(60 * (Count("SELECT count(*) FROM utils.hours") - 1), Count("SELECT count(*) FROM utils.minutes WHERE date_trunc('hour', \"timestamp\") < (SELECT max(\"timestamp\") FROM utils.hours)"));
    }
}

/// <summary>Through the API: the curated demo tables are there under Dune's names, including Dune's own <c>dune.blockchains</c>.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DemoDataCuratedServerTests(InProcessSharedServer shared)
{
    [Fact]
    public async Task Dune_blockchains_joins_the_latest_native_price_as_in_Dunes_docs()
    {
        var body = await shared.Server.Alice.RunAsync(DemoDataCorpusTests.NativePricesExample);
        var row = Assert.Single(body["result"]!["rows"]!.AsArray());
        Assert.Equal("ethereum", row!["blockchain"]!.GetValue<string>());
        Assert.Equal("ETH", row["native_token_symbol"]!.GetValue<string>());
        Assert.True(row["native_token_price"]!.GetValue<double>() > 0);
    }

    [Theory]
    [InlineData("select count(*) as c from dex_aggregator.trades where block_time > now() - interval '7' day")]
    [InlineData("select count(*) as c from erc20_ethereum.evt_Approval where evt_block_time > now() - interval '7' day")]
    [InlineData("select count(*) as c from nft.transfers where block_time > now() - interval '7' day")]
    [InlineData("select count(*) as c from utils.days where timestamp > now() - interval '7' day")]
    public async Task Curated_tables_have_rows_in_the_last_week(string sql)
    {
        var body = await shared.Server.Alice.RunAsync(sql);
        Assert.True(body["result"]!["rows"]![0]!["c"]!.GetValue<long>() > 0, sql);
    }
}
