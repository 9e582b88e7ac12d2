using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// The other chains (base, arbitrum, optimism, polygon, gnosis, bnb, avalanche_c: blocks, transactions, logs, decoded
/// transfers and their tokens) and the further tables real queries read (tokens_ethereum.transfers, prices.usd_daily,
/// labels.ens, ethereum.contracts): Dune's columns and types, and consistency with the Ethereum demo data.
/// </summary>
public sealed class DemoDataChainsTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private object? Scalar(string sql) => fixture.Scalar(sql);

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "timestamp(3) with time zone";

    private const string TransactionColumns =
        $"block_time {Tz}, block_number bigint, value uint256, gas_limit bigint, gas_price bigint, gas_used bigint, "
        + "max_fee_per_gas bigint, max_priority_fee_per_gas bigint, priority_fee_per_gas bigint, nonce bigint, index bigint, "
        + "success boolean, from varbinary, to varbinary, block_hash varbinary, data varbinary, hash varbinary, type varchar, "
        + "access_list array(row(address varbinary, storagekeys array(varbinary))), block_date date";

    public static TheoryData<string> Chains => [.. DemoData.OtherChains.Select(c => c.Name)];

    /// <summary>The chains replayed from the Ethereum sample: the other EVM chains and Tron (which has no traces table).</summary>
    public static TheoryData<string> ReplayedChains => [.. DemoData.ReplayedChains.Select(c => c.Name)];

    /// <summary>Per chain kind, the transaction columns after Ethereum's common ones (spellbook's evms_transactions.sql).</summary>
    private static string L2Columns(string kind) => kind switch
    {
        "op" => ", l1_gas_used decimal(38,0), l1_gas_price decimal(38,0), l1_fee decimal(38,0), l1_fee_scalar double, "
            + "l1_block_number decimal(38,0), l1_timestamp bigint, l1_tx_origin varbinary",
        "arbitrum" => ", effective_gas_price decimal(38,0), gas_used_for_l1 bigint",
        _ => "",
    };

    [Theory]
    [MemberData(nameof(ReplayedChains))]
    public void Chain_tables_have_Dunes_columns_and_types(string chain)
    {
        var c = DemoData.ReplayedChains.Single(x => x.Name == chain);
        DemoDataTests.AssertDuneColumns(Db, $"{chain}.transactions", TransactionColumns + L2Columns(c.Kind));
        DemoDataTests.AssertDuneColumns(Db, $"{chain}.blocks",
            $"time {Tz}, number bigint, gas_limit bigint, gas_used bigint, difficulty uint256, total_difficulty uint256, size bigint, "
            + "base_fee_per_gas bigint, hash varbinary, parent_hash varbinary, miner varbinary, nonce varbinary, date date, "
            + "blob_gas_used bigint, excess_blob_gas bigint, parent_beacon_block_root varbinary");
        DemoDataTests.AssertDuneColumns(Db, $"{chain}.logs",
            $"block_time {Tz}, block_number bigint, block_hash varbinary, contract_address varbinary, topic0 varbinary, "
            + "topic1 varbinary, topic2 varbinary, topic3 varbinary, data varbinary, tx_hash varbinary, index bigint, tx_index bigint, "
            + "block_date date, tx_from varbinary, tx_to varbinary");
        DemoDataTests.AssertDuneColumns(Db, $"erc20_{chain}.evt_Transfer",
            "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
            + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, from varbinary, to varbinary, value uint256");
    }

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook tokens_ethereum_transfers.sql: tokens.transfers' columns
        {
            "tokens_ethereum.transfers",
            "unique_key varchar, blockchain varchar, block_month date, block_date date, "
            + $"block_time {Tz}, block_number bigint, tx_hash varbinary, evt_index bigint, trace_address array(bigint), "
            + "token_standard varchar, tx_from varbinary, tx_to varbinary, tx_index bigint, from varbinary, to varbinary, "
            + "contract_address varbinary, symbol varchar, amount_raw uint256, amount double, price_usd double, amount_usd double"
        },
        // spellbook dbt_subprojects/hourly_spellbook/models/_sector/prices/prices_usd_daily.sql
        {
            "prices.usd_daily",
            "day date, blockchain varchar, contract_address varbinary, decimals integer, symbol varchar, price double, "
            + "price_open double, price_high double, price_low double, price_close double"
        },
        // Dune's data catalog, curated/labels/ens-labels.mdx (types of spellbook's labels_ens.sql)
        {
            "labels.ens",
            "blockchain varchar, address varbinary, name varchar, category varchar, contributor varchar, source varchar, "
            + $"created_at date, updated_at {Tz}, model_name varchar, label_type varchar"
        },
        // spellbook sources/_base_sources/evm/ethereum_base_sources.yml, contracts ("base" for the yml's "ethereum")
        {
            "ethereum.contracts",
            "abi_id varchar, abi varchar, address varbinary, from varbinary, code varbinary, name varchar, namespace varchar, "
            + $"dynamic boolean, base boolean, factory boolean, detection_source varchar, created_at {Tz}"
        },
        // spellbook's cex_addresses model (the columns the real corpus's exchange-flow queries read)
        {
            "cex.addresses",
            "blockchain varchar, address varbinary, cex_name varchar, distinct_name varchar, added_by varchar, added_date date"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void More_tables_have_Dunes_columns_and_types(string table, string columns) => DemoDataTests.AssertDuneColumns(Db, table, columns);

    [Theory]
    [MemberData(nameof(ReplayedChains))]
    public void Chain_transactions_replay_ethereum_transactions_in_their_own_blocks(string chain)
    {
        var c = DemoData.ReplayedChains.Single(x => x.Name == chain);
        long ethereum = Count("SELECT count(*) FROM ethereum.transactions WHERE type <> '3'");
        long mine = Count($"SELECT count(*) FROM {chain}.transactions");
        // the chain's share of the Ethereum transactions, within a generous margin for the sampling
        Assert.InRange(mine, ethereum * c.Share / 1000 / 2, ethereum * c.Share / 1000 * 2 + 20);
        // unique hashes and (block, index); every transaction in its block, at the block's time and hash
        Assert.Equal(mine, Count($"SELECT count(DISTINCT hash) FROM {chain}.transactions"));
        Assert.Equal(mine, Count($"SELECT count(DISTINCT (block_number, \"index\")) FROM {chain}.transactions"));
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM {chain}.transactions t LEFT JOIN {chain}.blocks b ON b.number = t.block_number
            WHERE b.number IS NULL OR b.time <> t.block_time OR b.hash <> t.block_hash OR b.date <> t.block_date
            """));
        // blocks: exactly the blocks of the transactions, gas used their sum, times rising with numbers
        Assert.Equal(Count($"SELECT count(DISTINCT block_number) FROM {chain}.transactions"), Count($"SELECT count(*) FROM {chain}.blocks"));
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM {chain}.blocks b
            WHERE b.gas_used <> (SELECT sum(gas_used) FROM {chain}.transactions t WHERE t.block_number = b.number)
            """));
        Assert.Equal(0, Count($"SELECT count(*) FROM (SELECT time < lag(time) OVER (ORDER BY number) AS back FROM {chain}.blocks) WHERE back"));
        // every transaction is an Ethereum one replayed at (about) the same time: same sender, value, calldata, outcome
        Assert.Equal(mine, Count($"""
            SELECT count(*) FROM {chain}.transactions t JOIN ethereum.transactions e
              ON e."from" = t."from" AND e.value = t.value AND e.data = t.data AND e.success = t.success AND e.gas_used = t.gas_used
             AND t.block_time BETWEEN e.block_time - INTERVAL 5 SECOND AND e.block_time
            """));
        // the data spans the month up to the generation time
        Assert.True(Count($"SELECT count(*) FROM {chain}.transactions WHERE block_time >= (SELECT max(time) FROM ethereum.blocks) - INTERVAL 7 DAY") > 0);
        Assert.True(Count($"SELECT count(*) FROM {chain}.transactions WHERE block_time < (SELECT min(time) FROM ethereum.blocks) + INTERVAL 7 DAY") > 0);
        // fees are the chain's: cheaper than Ethereum's on the L2s
        if (c.FeePerMille < 1000)
        {
            Assert.True(Convert.ToDouble(Scalar($"SELECT avg(gas_price) FROM {chain}.transactions"), CultureInfo.InvariantCulture)
                < Convert.ToDouble(Scalar("SELECT avg(gas_price) FROM ethereum.transactions"), CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [MemberData(nameof(ReplayedChains))]
    public void Chain_transfers_are_exactly_the_decoded_transfer_logs_of_its_transactions(string chain)
    {
        long transfers = Count($"SELECT count(*) FROM erc20_{chain}.\"evt_Transfer\"");
        Assert.True(transfers > 0);
        // logs: unique block-wide indexes, each in its transaction (same block, index, sender, recipient)
        Assert.Equal(Count($"SELECT count(*) FROM {chain}.logs"), Count($"SELECT count(DISTINCT (block_number, \"index\")) FROM {chain}.logs"));
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM {chain}.logs l LEFT JOIN {chain}.transactions t ON t.hash = l.tx_hash
            WHERE t.hash IS NULL OR t.block_number <> l.block_number OR t."index" <> l.tx_index OR t."from" <> l.tx_from
               OR t."to" IS DISTINCT FROM l.tx_to OR t.block_time <> l.block_time OR NOT t.success
            """));
        // each decoded transfer is a Transfer log with two indexed addresses: same contract, transaction, index, parties
        Assert.Equal(transfers, Count($"""
            SELECT count(*) FROM erc20_{chain}."evt_Transfer" e JOIN {chain}.logs l
              ON l.tx_hash = e.evt_tx_hash AND l."index" = e.evt_index AND l.block_number = e.evt_block_number
             AND l.contract_address = e.contract_address AND l.topic1 = unhex('000000000000000000000000') || e."from"
             AND l.topic2 = unhex('000000000000000000000000') || e."to" AND l.tx_index = e.evt_tx_index AND l.block_time = e.evt_block_time
            WHERE l.topic0 = unhex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef')
            """));
        Assert.Equal(transfers, Count($"""
            SELECT count(*) FROM {chain}.logs
            WHERE topic0 = unhex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') AND topic3 IS NULL
            """));
        // every token moved on the chain has its metadata there
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM erc20_{chain}."evt_Transfer" e
            WHERE NOT EXISTS (SELECT 1 FROM tokens.erc20 t WHERE t.blockchain = '{chain}' AND t.contract_address = e.contract_address)
            """));
        // no Ethereum token address leaks onto the chain
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM erc20_{chain}."evt_Transfer" e JOIN tokens.erc20 t ON t.blockchain = 'ethereum' AND t.contract_address = e.contract_address
            """));
    }

    [Theory]
    [InlineData("base", "USDC", "833589fcd6edb6e08f4c7c32d4f71b54bda02913", 6)]
    [InlineData("base", "WETH", "4200000000000000000000000000000000000006", 18)]
    [InlineData("arbitrum", "USDC", "af88d065e77c8cc2239327c5edb3a432268e5831", 6)]
    [InlineData("arbitrum", "USDT", "fd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9", 6)]
    [InlineData("optimism", "USDC", "0b2c639c533813f4aa9d7837caf62653d097ff85", 6)]
    [InlineData("polygon", "USDT", "c2132d05d31c914a87c6611c10748aeb04b58e8f", 6)]
    [InlineData("tron", "USDT", DemoData.TronUsdt, 6)]
    public void Well_known_tokens_move_under_their_real_address_on_each_chain(string chain, string symbol, string address, int decimals)
    {
        Assert.Equal(decimals, Convert.ToInt32(Scalar(
            $"SELECT decimals FROM tokens.erc20 WHERE blockchain = '{chain}' AND contract_address = unhex('{address}') AND symbol = '{symbol}'"),
            CultureInfo.InvariantCulture));
        Assert.Equal(1, Count($"SELECT count(*) FROM tokens.erc20 WHERE blockchain = '{chain}' AND symbol = '{symbol}'"));
        Assert.True(Count($"SELECT count(*) FROM erc20_{chain}.\"evt_Transfer\" WHERE contract_address = unhex('{address}')") > 0, $"{symbol} on {chain}");
        // its amounts are those of the Ethereum transfers it replays (same decimals)
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM erc20_{chain}."evt_Transfer" e
            WHERE e.contract_address = unhex('{address}') AND NOT EXISTS (
                SELECT 1 FROM erc20_ethereum."evt_Transfer" x JOIN tokens.erc20 t ON t.blockchain = 'ethereum' AND t.contract_address = x.contract_address
                WHERE t.symbol = '{symbol}' AND x.value = e.value AND x."from" = e."from" AND x."to" = e."to")
            """));
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void Chain_traces_are_the_ethereum_traces_of_its_transactions(string chain)
    {
        long traces = Count($"SELECT count(*) FROM {chain}.traces");
        Assert.True(traces > 0);
        // each trace in its transaction (the chain's block, time, hash and index), as many as the replayed transaction had
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM {chain}.traces r LEFT JOIN {chain}.transactions t ON t.hash = r.tx_hash
            WHERE t.hash IS NULL OR t.block_number <> r.block_number OR t.block_time <> r.block_time OR t."index" <> r.tx_index
               OR t.block_hash <> r.block_hash OR t.block_date <> r.block_date OR t.success <> r.tx_success
            """));
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM {chain}.transactions t JOIN ethereum.transactions e
              ON e."from" = t."from" AND e.value = t.value AND e.data = t.data AND e.gas_used = t.gas_used
             AND t.block_time BETWEEN e.block_time - INTERVAL 5 SECOND AND e.block_time
            WHERE (SELECT count(*) FROM {chain}.traces r WHERE r.tx_hash = t.hash) <> (SELECT count(*) FROM ethereum.traces r WHERE r.tx_hash = e.hash)
            """));
        // a token contract a trace calls has the chain's address for it
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM {chain}.traces r JOIN tokens.erc20 t ON t.blockchain = 'ethereum' AND t.contract_address = r."to"
            """));
        Assert.Equal(ColumnsOf("ethereum.traces"), ColumnsOf($"{chain}.traces"));
        Assert.Contains($"{chain}.traces", DemoData.Tables);
    }

    public static TheoryData<string, string> EvmsTables => new()
    {
        { "evms.transactions", "transactions" },
        { "evms.blocks", "blocks" },
        { "evms.logs", "logs" },
        { "evms.traces", "traces" },
        { "evms.erc20_transfers", "erc20_{0}.\"evt_Transfer\"" },
    };

    [Theory]
    [MemberData(nameof(EvmsTables))]
    public void Evms_tables_are_every_chains_rows_with_its_name(string table, string source)
    {
        foreach (string chain in DemoData.OtherChains.Select(c => c.Name).Prepend("ethereum"))
        {
            string from = source.Contains('{', StringComparison.Ordinal) ? string.Format(CultureInfo.InvariantCulture, source, chain) : $"{chain}.{source}";
            long rows = Count($"SELECT count(*) FROM {from}");
            Assert.True(rows > 0, from);
            Assert.Equal(rows, Count($"SELECT count(*) FROM {table} WHERE blockchain = '{chain}'"));
        }
        Assert.Equal(0, Count($"SELECT count(*) FROM {table} WHERE blockchain IS NULL"));
        Assert.Contains(table, DemoData.Tables);
    }

    [Fact]
    public void Evms_tables_have_spellbooks_columns()
    {
        // spellbook daily_spellbook/models/evms/evms_tables/evms_erc20_transfers.sql and evms_logs.sql, in their order
        DemoDataTests.AssertDuneColumns(Db, "evms.erc20_transfers",
            "blockchain varchar, contract_address varbinary, evt_tx_hash varbinary, evt_index bigint, evt_block_date date, evt_tx_from varbinary, "
            + $"evt_tx_to varbinary, evt_tx_index bigint, evt_block_time {Tz}, evt_block_number bigint, from varbinary, to varbinary, value uint256");
        DemoDataTests.AssertDuneColumns(Db, "evms.logs",
            $"blockchain varchar, block_time {Tz}, block_date date, block_number bigint, block_hash varbinary, contract_address varbinary, "
            + "topic0 varbinary, topic1 varbinary, topic2 varbinary, topic3 varbinary, data varbinary, tx_hash varbinary, index bigint, "
            + "tx_index bigint, tx_from varbinary, tx_to varbinary");
        // evms_transactions.sql: gas price and value as double, the L2 fee columns (NULL where the chain has none)
        Assert.Equal("DOUBLE DOUBLE", string.Join(" ", ColumnTypes("evms.transactions", "gas_price", "value")));
        Assert.True(Count("SELECT count(*) FROM evms.transactions WHERE blockchain = 'base' AND l1_fee IS NOT NULL") > 0);
        Assert.True(Count("SELECT count(*) FROM evms.transactions WHERE blockchain = 'arbitrum' AND effective_gas_price IS NOT NULL") > 0);
        Assert.Equal(0, Count("SELECT count(*) FROM evms.transactions WHERE blockchain = 'ethereum' AND l1_fee IS NOT NULL"));
    }

    private List<string> ColumnsOf(string table)
    {
        using var command = Db.CreateCommand();
        command.CommandText = $"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema || '.' || table_name = '{table}' ORDER BY ordinal_position";
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0) + " " + reader.GetString(1));
        }
        return columns;
    }

    private IEnumerable<string> ColumnTypes(string table, params string[] columns)
    {
        using var command = Db.CreateCommand();
        command.CommandText = $"SELECT data_type FROM information_schema.columns WHERE table_schema || '.' || table_name = '{table}' "
            + $"AND column_name IN ({string.Join(", ", columns.Select(c => $"'{c}'"))}) ORDER BY ordinal_position";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }

    [Fact]
    public void Every_chain_lists_every_token_once()
    {
        long tokens = Count("SELECT count(*) FROM tokens.erc20 WHERE blockchain = 'ethereum'");
        // Ethereum, the other EVM chains and Tron; the tokens that exist on Ethereum only (stETH) are Ethereum's rows alone
        int chains = DemoData.ReplayedChains.Count() + 1;
        Assert.Equal(chains * tokens - (chains - 1) * DemoData.EthereumOnlyTokens.Count, Count("SELECT count(*) FROM tokens.erc20"));
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT blockchain, contract_address FROM tokens.erc20 GROUP BY ALL HAVING count(*) > 1)"));
        Assert.Equal(chains, Count("SELECT count(DISTINCT blockchain) FROM tokens.erc20"));
    }

    [Fact]
    public void Ethereum_token_transfers_are_the_ethereum_rows_of_tokens_transfers()
    {
        long rows = Count("SELECT count(*) FROM tokens.transfers WHERE blockchain = 'ethereum'");
        Assert.True(rows > 0);
        Assert.Equal(rows, Count("SELECT count(*) FROM tokens_ethereum.transfers"));
        Assert.Equal(rows, Count("SELECT count(*) FROM (SELECT * FROM tokens_ethereum.transfers INTERSECT ALL SELECT * FROM tokens.transfers)"));
    }

    [Fact]
    public void Daily_usd_prices_summarise_each_complete_day_of_the_minute_prices()
    {
        // one row per token (and native ETH) per complete UTC day: the generation day is still going on
        long tokens = Count("SELECT count(DISTINCT symbol) FROM prices.usd");
        long days = Count("SELECT count(DISTINCT CAST(make_timestamp(epoch_us(minute)) AS DATE)) FROM prices.usd");
        Assert.Equal(tokens * (days - 1), Count("SELECT count(*) FROM prices.usd_daily"));
        Assert.Equal(0, Count("SELECT count(*) FROM prices.usd_daily WHERE day >= CAST(make_timestamp(epoch_us((SELECT max(minute) FROM prices.usd))) AS DATE)"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM prices.usd_daily
            WHERE NOT (price_low <= price_open AND price_open <= price_high AND price_low <= price_close AND price_close <= price_high
                       AND price_low <= price AND price <= price_high)
            """));
        // the day's close is the day's last minute price, and the average its mean
        Assert.Equal(0, Count("""
            SELECT count(*) FROM prices.usd_daily d JOIN prices.usd u
              ON u.contract_address = d.contract_address AND epoch_us(u.minute) = epoch_us(CAST(d.day AS TIMESTAMP)) + 86340000000
            WHERE u.price <> d.price_close
            """));
        Assert.True(Count("""
            SELECT count(*) FROM prices.usd_daily d JOIN prices.usd u
              ON u.contract_address = d.contract_address AND epoch_us(u.minute) = epoch_us(CAST(d.day AS TIMESTAMP)) + 86340000000
            """) > 0);
        Assert.Equal(0, Count("""
            SELECT count(*) FROM prices.usd_daily d
            WHERE d.symbol = 'WETH' AND abs(d.price - (SELECT avg(u.price) FROM prices.usd u WHERE u.symbol = 'WETH'
                    AND CAST(make_timestamp(epoch_us(u.minute)) AS DATE) = d.day)) > 1e-9 * d.price
            """));
    }

    [Fact]
    public void Ens_names_label_vitalik_and_the_busiest_demo_wallets()
    {
        Assert.Equal("vitalik.eth", Scalar("SELECT name FROM labels.ens WHERE address = unhex('d8da6bf26964af9d7eed9e03e53415d37aa96045')"));
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT name FROM labels.ens GROUP BY name HAVING count(*) > 1)"));
        Assert.Equal(0, Count("SELECT count(*) FROM labels.ens WHERE name NOT LIKE '%.eth' OR category <> 'ENS' OR model_name <> 'ens'"));
        // most named wallets send Ethereum transactions in the demo
        long named = Count("SELECT count(*) FROM labels.ens");
        long active = Count("SELECT count(*) FROM labels.ens l WHERE EXISTS (SELECT 1 FROM ethereum.transactions t WHERE t.\"from\" = l.address)");
        Assert.True(active * 2 > named, $"{active} of {named} named wallets are active");
    }

    [Fact]
    public void Exchange_addresses_hold_real_hot_wallets_and_demo_wallets_that_receive_transfers()
    {
        Assert.Equal("Binance 14", Scalar("SELECT distinct_name FROM cex.addresses WHERE address = unhex('28c6c06298d514db089934071355e5743bf21d60')"));
        Assert.Equal(Count("SELECT count(*) FROM cex.addresses"), Count("SELECT count(DISTINCT address) FROM cex.addresses"));
        Assert.Equal(0, Count("SELECT count(*) FROM cex.addresses a JOIN labels.ens e ON e.address = a.address"));
        long flows = Count("""
            SELECT count(*) FROM erc20_ethereum.evt_Transfer t JOIN cex.addresses a ON a.address IN (t."from", t."to")
            """);
        Assert.True(flows > 0, "no demo transfer reaches an exchange wallet");
    }

    [Fact]
    public void Decoded_contracts_are_the_tokens_routers_and_pairs_the_transactions_call()
    {
        long contracts = Count("SELECT count(*) FROM ethereum.contracts");
        Assert.Equal(contracts, Count("SELECT count(DISTINCT address) FROM ethereum.contracts"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT DISTINCT project_contract_address AS a FROM dex.trades) p
            WHERE NOT EXISTS (SELECT 1 FROM ethereum.contracts c WHERE c.address = p.a AND c.name = 'Pair' AND c.factory)
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM tokens.erc20 t
            WHERE t.blockchain = 'ethereum' AND NOT EXISTS (SELECT 1 FROM ethereum.contracts c WHERE c.address = t.contract_address)
            """));
        Assert.Equal("UniswapV2Router02", Scalar("SELECT name FROM ethereum.contracts WHERE address = unhex('7a250d5630b4cf539739df2c5dacb4c659f2488d')"));
        // most decoded contracts are called by the demo's transactions
        Assert.True(Count("SELECT count(*) FROM ethereum.contracts c WHERE EXISTS (SELECT 1 FROM ethereum.logs l WHERE l.contract_address = c.address)") * 2 > contracts);
    }

    [Fact]
    public void Evms_info_has_spellbooks_columns_and_one_row_per_demo_chain()
    {
        // spellbook dbt_subprojects/daily_spellbook/models/evms/evms_info.sql (a VALUES list: integer ids, timestamp without zone)
        DemoDataTests.AssertDuneColumns(Db, "evms.info", "chain_id integer, blockchain varchar, name varchar, chain_type varchar, rollup_type varchar, "
            + "native_token_symbol varchar, wrapped_native_token_address varbinary, explorer_link varchar, first_block_time timestamp, codebase varchar, "
            + "data_availability varchar, settlement varchar, is_on_dune boolean, ecosystem varchar");
        Assert.Equal(DemoData.OtherChains.Count + 1, Count("SELECT count(*) FROM evms.info"));
        // every demo chain (on Dune), with the chain id dune.blockchains gives the chains it lists
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (SELECT DISTINCT blockchain FROM evms.transactions) t LEFT JOIN evms.info i USING (blockchain)
            WHERE i.blockchain IS NULL OR NOT i.is_on_dune
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM evms.info i JOIN dune.blockchains b ON b.name = i.blockchain WHERE b.chain_id <> i.chain_id"));
        Assert.True(Count("SELECT count(*) FROM evms.info i JOIN dune.blockchains b ON b.name = i.blockchain") >= 6);
    }

    [Fact]
    public void Tron_has_no_traces_and_tethers_decoded_transfers_are_its_usdt_transfers()
    {
        // Dune's Tron raw tables are blocks, transactions and logs (spellbook's tron_base_sources.yml)
        Assert.Equal(0, Count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'tron' AND table_name = 'traces'"));
        Assert.DoesNotContain("tron.traces", DemoData.Tables);
        DemoDataTests.AssertDuneColumns(Db, "tether_tron.Tether_USD_evt_Transfer",
            "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
            + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, from varbinary, to varbinary, value uint256");
        // the USDT rows of erc20_tron.evt_Transfer, picked here from all of them
        const string Columns = "lower(hex(contract_address)), lower(hex(evt_tx_hash)), evt_index, evt_block_number, lower(hex(\"from\")), lower(hex(\"to\")), value::VARCHAR";
        var expected = fixture.Rows($"SELECT {Columns} FROM erc20_tron.\"evt_Transfer\"").Where(r => r[0] == DemoData.TronUsdt)
            .Select(r => string.Join('|', r)).Order(StringComparer.Ordinal).ToList();
        var actual = fixture.Rows($"SELECT {Columns} FROM tether_tron.\"Tether_USD_evt_Transfer\"").Select(r => string.Join('|', r))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 1, $"{expected.Count} USDT transfers on Tron");
        Assert.Equal(expected, actual);
    }
}
