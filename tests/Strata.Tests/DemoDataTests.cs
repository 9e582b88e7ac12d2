using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Tiny demo data generated once per test run, in process, in a session whose time zone is not UTC. The data is
/// generated into one in-memory database the first time a class asks for it (issue 11, test-speed: the nineteen classes
/// taking this fixture each generated the same rows before); each class reads it through a connection of its own to
/// that database (<see cref="DuckDBConnection.Duplicate"/>), as the classes run in parallel and a connection serves one
/// thread at a time. No test here writes to it (they read the tables and the catalog), so sharing changes no outcome.
/// </summary>
public sealed class DemoDataFixture : IDisposable
{
    /// <summary>The generation time: the data must end here (to the second) and start 30 days before.</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 6, 15, 12, 34, 56, 789, TimeSpan.Zero);

    public const double Scale = 0.005;

    /// <summary>The database the rows are generated into, once; kept open for the run (closing it frees the rows).</summary>
    private static readonly Lazy<DuckDBConnection> Generated = new(() => Open(Scale, GeneratedAt), LazyThreadSafetyMode.ExecutionAndPublication);

    public DuckDBConnection Connection { get; }

    public DemoDataFixture()
    {
        Connection = Generated.Value.Duplicate();
        Connection.Open();
        Execute(Connection, "SET TimeZone = 'America/New_York'");
    }

    /// <summary>An in-memory database with demo data, generated in a New York session (times must not shift).</summary>
    public static DuckDBConnection Open(double scale, DateTimeOffset generatedAt)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, "SET TimeZone = 'America/New_York'");
        DemoData.Generate(connection, scale, generatedAt);
        return connection;
    }

    public static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first value of the first row of a query on the demo data.</summary>
    public object? Scalar(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Every row of the query, each value as invariant text ("" for NULL).</summary>
    public List<string[]> Rows(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }
            rows.Add(row);
        }
        return rows;
    }

    public void Dispose() => Connection.Dispose();
}

/// <summary>The demo data has Dune's schemas, a consistent story, a current 30-day window, real tokens and prices.</summary>
public sealed class DemoDataTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private object? Scalar(string sql) => fixture.Scalar(sql);

    private long Count(string sql) => Convert.ToInt64(Scalar(sql), CultureInfo.InvariantCulture);

    /// <summary>Dune's type names, as the demo tables store them in DuckDB.</summary>
    internal static readonly Dictionary<string, string> DuckTypeOf = new()
    {
        ["varbinary"] = "BLOB",
        ["bigint"] = "BIGINT",
        ["integer"] = "INTEGER",
        ["double"] = "DOUBLE",
        ["boolean"] = "BOOLEAN",
        ["varchar"] = "VARCHAR",
        ["date"] = "DATE",
        ["timestamp"] = "TIMESTAMP",
        ["timestamp(3) with time zone"] = "TIMESTAMP WITH TIME ZONE",
        ["uint256"] = DemoData.Uint256Type,
        ["int256"] = DemoData.Uint256Type,
        ["decimal(38,0)"] = "DECIMAL(38,0)",
        ["array(varbinary)"] = "BLOB[]",
        ["array(varchar)"] = "VARCHAR[]",
        ["array(array(varchar))"] = "VARCHAR[][]",
        ["array(bigint)"] = "BIGINT[]",
        ["array(uint256)"] = "BIGNUM[]",
        [DemoDataSolanaTests.Instructions] =
            "STRUCT(account_arguments VARCHAR[], \"data\" BLOB, executing_account VARCHAR, inner_instructions STRUCT(account_arguments VARCHAR[], \"data\" BLOB, executing_account VARCHAR)[])[]",
        [DemoDataSolanaTests.TokenBalances] = "STRUCT(account VARCHAR, mint VARCHAR, \"owner\" VARCHAR, amount DOUBLE)[]",
        [DemoDataSolanaTests.Error] = "STRUCT(instruction_index INTEGER, message VARCHAR)",
        [DemoDataBitcoinTests.Inputs] = "STRUCT(\"value\" DOUBLE, height BIGINT, tx_id BLOB, output_number BIGINT, coinbase BLOB, \"sequence\" BIGINT, witness_data BLOB[], script_signature STRUCT(hex BLOB, asm VARCHAR), script_pub_key STRUCT(asm VARCHAR, \"desc\" VARCHAR, address VARCHAR, hex BLOB, \"type\" VARCHAR))[]",
        [DemoDataBitcoinTests.Outputs] = "STRUCT(\"index\" BIGINT, \"value\" DOUBLE, script_pub_key STRUCT(asm VARCHAR, hex BLOB, address VARCHAR, \"type\" VARCHAR))[]",
        [DemoDataSolanaAccountsTests.InnerInstructions] = "STRUCT(account_arguments VARCHAR[], \"data\" BLOB, executing_account VARCHAR)[]",
        ["array(row(address varbinary, storagekeys array(varbinary)))"] = "STRUCT(address BLOB, storagekeys BLOB[])[]",
        [DemoDataErc4337Tests.Ops] = "STRUCT(sender BLOB, nonce BIGNUM, initCode BLOB, callData BLOB, callGasLimit BIGNUM, "
            + "verificationGasLimit BIGNUM, preVerificationGas BIGNUM, maxFeePerGas BIGNUM, maxPriorityFeePerGas BIGNUM, "
            + "paymasterAndData BLOB, signature BLOB)[]",
    };

    private const string Tz = "timestamp(3) with time zone";

    public static TheoryData<string, string> Schemas => new()
    {
        {
            "ethereum.blocks",
            $"time {Tz}, number bigint, gas_limit bigint, gas_used bigint, difficulty uint256, total_difficulty uint256, size bigint, "
            + "base_fee_per_gas bigint, hash varbinary, parent_hash varbinary, miner varbinary, nonce varbinary, date date, "
            + "blob_gas_used bigint, excess_blob_gas bigint, parent_beacon_block_root varbinary"
        },
        {
            "ethereum.transactions",
            $"block_time {Tz}, block_number bigint, value uint256, gas_limit bigint, gas_price bigint, gas_used bigint, "
            + "max_fee_per_gas bigint, max_priority_fee_per_gas bigint, priority_fee_per_gas bigint, nonce bigint, index bigint, "
            + "success boolean, from varbinary, to varbinary, block_hash varbinary, data varbinary, hash varbinary, type varchar, "
            + "access_list array(row(address varbinary, storagekeys array(varbinary))), block_date date, "
            + "max_fee_per_blob_gas bigint, blob_versioned_hashes array(varbinary)"
        },
        {
            "ethereum.logs",
            $"block_time {Tz}, block_number bigint, block_hash varbinary, contract_address varbinary, topic0 varbinary, "
            + "topic1 varbinary, topic2 varbinary, topic3 varbinary, data varbinary, tx_hash varbinary, index bigint, tx_index bigint, "
            + "block_date date, tx_from varbinary, tx_to varbinary"
        },
        {
            "ethereum.traces",
            $"block_time {Tz}, block_number bigint, value uint256, gas bigint, gas_used bigint, block_hash varbinary, success boolean, "
            + "tx_index bigint, sub_traces bigint, error varchar, tx_success boolean, tx_hash varbinary, from varbinary, to varbinary, "
            + "trace_address array(bigint), type varchar, address varbinary, code varbinary, call_type varchar, input varbinary, "
            + "output varbinary, refund_address varbinary, block_date date"
        },
        {
            "erc20_ethereum.evt_Transfer",
            "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
            + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, from varbinary, to varbinary, value uint256"
        },
        { "tokens.erc20", "blockchain varchar, contract_address varbinary, symbol varchar, name varchar, decimals integer" },
        { "prices.usd", $"minute {Tz}, blockchain varchar, contract_address varbinary, symbol varchar, decimals integer, price double" },
        // Dune's data catalog, curated/prices/prices_hour.mdx, prices_day.mdx, prices_latest.mdx
        { "prices.minute", "blockchain varchar, contract_address varbinary, symbol varchar, timestamp timestamp, price double, decimals integer, volume double, source varchar" },
        // spellbook dbt_subprojects/hourly_spellbook/models/_sector/prices/prices_usd_latest.sql
        { "prices.usd_latest", $"blockchain varchar, contract_address varbinary, decimals integer, symbol varchar, minute {Tz}, price double" },
        { "prices.hour", "blockchain varchar, contract_address varbinary, symbol varchar, timestamp timestamp, price double, decimals integer, volume double, source varchar" },
        { "prices.day", "blockchain varchar, contract_address varbinary, symbol varchar, timestamp timestamp, price double, decimals integer, volume double, source varchar" },
        { "prices.latest", "blockchain varchar, contract_address varbinary, symbol varchar, price double, decimals integer, timestamp timestamp, volume double, source varchar" },
        // spellbook dbt_subprojects/dex/models/trades/dex_trades.sql (without _updated_at)
        {
            "dex.trades",
            "blockchain varchar, project varchar, version varchar, block_month date, block_date date, "
            + $"block_time {Tz}, block_number bigint, token_bought_symbol varchar, token_sold_symbol varchar, token_pair varchar, "
            + "token_bought_amount double, token_sold_amount double, token_bought_amount_raw uint256, token_sold_amount_raw uint256, "
            + "amount_usd double, token_bought_address varbinary, token_sold_address varbinary, taker varbinary, maker varbinary, "
            + "project_contract_address varbinary, tx_hash varbinary, tx_from varbinary, tx_to varbinary, evt_index bigint"
        },
        // spellbook dbt_subprojects/tokens/models/transfers_and_balances/tokens_transfers.sql (without _updated_at)
        {
            "tokens.transfers",
            "unique_key varchar, blockchain varchar, block_month date, block_date date, "
            + $"block_time {Tz}, block_number bigint, tx_hash varbinary, evt_index bigint, trace_address array(bigint), "
            + "token_standard varchar, tx_from varbinary, tx_to varbinary, tx_index bigint, from varbinary, to varbinary, "
            + "contract_address varbinary, symbol varchar, amount_raw uint256, amount double, price_usd double, amount_usd double"
        },
        // Dune's data catalog, curated/labels/address-labels.mdx
        {
            "labels.addresses",
            "blockchain varchar, address varbinary, name varchar, category varchar, contributor varchar, source varchar, "
            + $"created_at {Tz}, updated_at {Tz}, model_name varchar, label_type varchar"
        },
    };

    [Fact]
    public void Labels_name_the_routers_builders_tokens_and_every_traded_pair()
    {
        Assert.Equal("Uniswap V2: Router 2", Scalar("SELECT name FROM labels.addresses WHERE address = unhex('7a250d5630b4cf539739df2c5dacb4c659f2488d')"));
        Assert.Equal("USD Coin (USDC)", Scalar("SELECT name FROM labels.addresses WHERE address = unhex('a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48')"));
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT DISTINCT project_contract_address AS a FROM dex.trades) p "
            + "WHERE NOT EXISTS (SELECT 1 FROM labels.addresses l WHERE l.address = p.a AND l.category = 'dex')"));
        Assert.Equal(0, Count("SELECT count(*) FROM (SELECT address FROM labels.addresses GROUP BY address HAVING count(*) > 1)"));
    }

    [Fact]
    public void Dex_trades_are_the_swap_logs_with_the_transfers_in_and_out_of_their_pair()
    {
        long swaps = Count("SELECT count(*) FROM ethereum.logs WHERE topic0 = unhex('d78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822')");
        Assert.True(swaps > 0);
        Assert.Equal(swaps, Count("SELECT count(*) FROM dex.trades"));
        // every trade's sold amount is a transfer into its pair, its bought amount one out of it, in its transaction
        Assert.Equal(0, Count("""
            SELECT count(*) FROM dex.trades d
            WHERE NOT EXISTS (SELECT 1 FROM erc20_ethereum."evt_Transfer" t WHERE t.evt_tx_hash = d.tx_hash AND t."to" = d.project_contract_address
                                AND t.contract_address = d.token_sold_address AND t.value = d.token_sold_amount_raw)
               OR NOT EXISTS (SELECT 1 FROM erc20_ethereum."evt_Transfer" t WHERE t.evt_tx_hash = d.tx_hash AND t."from" = d.project_contract_address
                                AND t.contract_address = d.token_bought_address AND t.value = d.token_bought_amount_raw)
            """));
        Assert.Equal(0, Count("SELECT count(*) FROM dex.trades WHERE project NOT IN ('uniswap', 'sushiswap') OR token_pair IS NULL OR NOT amount_usd > 0"));
        Assert.Equal(0, Count("SELECT count(*) FROM dex.trades d JOIN tokens.erc20 e ON e.contract_address = d.token_bought_address "
            + "WHERE abs(d.token_bought_amount - CAST(d.token_bought_amount_raw AS DOUBLE) / power(10, e.decimals)) > 1e-9 * d.token_bought_amount"));
        Assert.True(Count("SELECT count(*) FROM dex.trades WHERE block_time >= (SELECT max(time) FROM ethereum.blocks) - INTERVAL 7 DAY") > 0);
    }

    [Fact]
    public void Token_transfers_are_the_erc20_transfers_with_their_usd_value()
    {
        Assert.Equal(Count("SELECT count(*) FROM erc20_ethereum.\"evt_Transfer\""), Count("SELECT count(*) FROM tokens.transfers"));
        Assert.Equal(0, Count("SELECT count(*) FROM tokens.transfers WHERE NOT abs(amount_usd - amount * price_usd) <= 1e-9 * amount_usd"));
        Assert.Equal(0, Count("SELECT count(*) FROM tokens.transfers WHERE symbol IS NULL OR price_usd IS NULL OR token_standard <> 'erc20'"));
    }

    [Fact]
    public void Hourly_daily_and_latest_prices_come_from_the_minute_prices()
    {
        // every token and native ETH (in prices.usd without a contract, in the modern tables under the zero address)
        long tokens = Count("SELECT count(DISTINCT contract_address) FROM prices.usd") + 1;
        Assert.Equal(tokens, Count("SELECT count(*) FROM prices.latest"));
        Assert.Equal(tokens, Count("SELECT count(*) FROM prices.usd_latest"));
        Assert.Equal(Count("SELECT count(*) FROM prices.usd"), Count("SELECT count(*) FROM prices.minute"));
        Assert.Equal(tokens, Count("SELECT count(DISTINCT contract_address) FROM prices.hour"));
        Assert.Equal(Count("SELECT count(DISTINCT date_trunc('hour', minute AT TIME ZONE 'UTC')) FROM prices.usd"),
            Count("SELECT count(*) FROM prices.hour WHERE symbol = 'WETH'"));
        Assert.Equal(Count("SELECT count(DISTINCT CAST(minute AT TIME ZONE 'UTC' AS DATE)) FROM prices.usd"),
            Count("SELECT count(*) FROM prices.day WHERE symbol = 'USDC'"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM prices.latest l JOIN prices.usd u ON u.contract_address = l.contract_address
              AND u.minute = (SELECT max(minute) FROM prices.usd) WHERE u.price <> l.price
            """));
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables_have_Dunes_columns_and_types(string table, string columns) => AssertDuneColumns(Db, table, columns);

    /// <summary>The table has exactly these columns (Dune's names and types, in order), is a demo table and has rows.</summary>
    internal static void AssertDuneColumns(DuckDBConnection db, string table, string columns)
    {
        var expected = SplitTopLevel(columns).Select(c =>
        {
            int space = c.IndexOf(' ', StringComparison.Ordinal);
            return (c[..space], DuckTypeOf[c[(space + 1)..]]);
        }).ToList();
        string schema = table[..table.IndexOf('.', StringComparison.Ordinal)];
        string name = table[(schema.Length + 1)..];
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT column_name, data_type FROM information_schema.columns "
            + $"WHERE table_schema = '{schema}' AND table_name = '{name}' ORDER BY ordinal_position";
        var actual = new List<(string, string)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                actual.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        Assert.Equal(expected, actual);
        Assert.Contains(table, DemoData.Tables);
        command.CommandText = $"SELECT count(*) FROM {schema}.\"{name}\"";
        Assert.True(Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0, table);
    }

    [Fact]
    public void Blocks_cover_the_30_days_up_to_the_generation_time_12_seconds_apart()
    {
        // the last beacon slot at or before the generation time: slots are 12 s from the beacon genesis, 1606824023 (2020-12-01 12:00:23 UTC)
        long end = 1_606_824_023 + (DemoDataFixture.GeneratedAt.ToUnixTimeSeconds() - 1_606_824_023) / 12 * 12;
        Assert.Equal(end, Count("SELECT epoch(max(time))::BIGINT FROM ethereum.blocks"));
        Assert.Equal(end - 30 * 86400 + 12, Count("SELECT epoch(min(time))::BIGINT FROM ethereum.blocks"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM (
                SELECT number - lag(number) OVER w AS dn, epoch(time) - epoch(lag(time) OVER w) AS dt, parent_hash, lag(hash) OVER w AS ph
                FROM ethereum.blocks WINDOW w AS (ORDER BY number))
            WHERE ph IS NOT NULL AND (dn <> 1 OR dt <> 12 OR parent_hash <> ph)
            """));
        // Block numbers end near mainnet's at the generation time (about 25.5 million in mid 2026).
        long last = Count("SELECT max(number) FROM ethereum.blocks");
        Assert.InRange(last, 25_000_000, 26_000_000);
        // Dates are UTC dates, although the session's time zone is New York.
        Assert.Equal(0, Count("SELECT count(*) FROM ethereum.blocks WHERE date <> CAST(time AT TIME ZONE 'UTC' AS DATE)"));
        Assert.Equal(0, Count("SELECT count(*) FROM ethereum.transactions WHERE block_date <> CAST(block_time AT TIME ZONE 'UTC' AS DATE)"));
    }

    [Theory]
    [InlineData("ethereum.transactions", "block_time")]
    [InlineData("ethereum.logs", "block_time")]
    [InlineData("ethereum.traces", "block_time")]
    [InlineData("erc20_ethereum.evt_Transfer", "evt_block_time")]
    public void Every_table_has_rows_in_the_last_week_and_the_first_days(string table, string column)
    {
        string at = $"TIMESTAMPTZ '{DemoDataFixture.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff}+00'";
        Assert.True(Count($"SELECT count(*) FROM {table} WHERE {column} > {at} - INTERVAL '7' DAY") > 0);
        Assert.True(Count($"SELECT count(*) FROM {table} WHERE {column} < {at} - INTERVAL '25' DAY") > 0);
        Assert.Equal(0, Count($"SELECT count(*) FROM {table} WHERE {column} > {at} OR {column} < {at} - INTERVAL '30' DAY"));
    }

    /// <summary>A block's gas is its transactions'; its blob gas is the whole chain's (EIP-4844's excess rule runs on it), at least theirs.</summary>
    [Fact]
    public void Transactions_live_in_their_blocks_whose_totals_are_their_sums()
    {
        Assert.Equal((long)Math.Round(1_000_000 * DemoDataFixture.Scale), Count("SELECT count(*) FROM ethereum.transactions"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.transactions t LEFT JOIN ethereum.blocks b ON b.number = t.block_number
            WHERE b.number IS NULL OR b.time <> t.block_time OR b.hash <> t.block_hash
            """));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.blocks b
            LEFT JOIN (SELECT block_number, sum(gas_used) AS gas, sum(131072 * coalesce(len(blob_versioned_hashes), 0)) AS blob_gas,
                              count(*) AS n, max("index") AS last_index
                       FROM ethereum.transactions GROUP BY 1) t ON t.block_number = b.number
            WHERE b.gas_used <> coalesce(t.gas, 0) OR b.blob_gas_used < coalesce(t.blob_gas, 0)
               OR coalesce(t.last_index, -1) <> coalesce(t.n, 0) - 1 OR b.gas_used > b.gas_limit
            """));
        Assert.Equal(0, Count("SELECT count(*) - count(DISTINCT hash) FROM ethereum.transactions"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.transactions t JOIN ethereum.blocks b ON b.number = t.block_number
            WHERE t.priority_fee_per_gas <> t.gas_price - b.base_fee_per_gas OR t.priority_fee_per_gas < 0
            """));
    }

    [Fact]
    public void Transaction_types_carry_their_fields()
    {
        Assert.Equal(["3", "AccessList", "DynamicFee", "Legacy"], Strings("SELECT DISTINCT type FROM ethereum.transactions ORDER BY 1"));
        // Blob transactions: 1-6 versioned hashes of 32 bytes starting 0x01, a blob fee cap; nobody else has them.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.transactions
            WHERE (type = '3') <> (blob_versioned_hashes IS NOT NULL)
               OR (type = '3') <> (max_fee_per_blob_gas IS NOT NULL)
               OR (type = '3' AND (len(blob_versioned_hashes) NOT BETWEEN 1 AND 6
                   OR list_any_value(list_filter(blob_versioned_hashes, lambda h: octet_length(h) <> 32 OR substr(hex(h), 1, 2) <> '01')) IS NOT NULL))
            """));
        // Access lists: none on legacy transactions, always one entry on AccessList transactions.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.transactions
            WHERE (type = 'Legacy') <> (access_list IS NULL) OR (type = 'AccessList' AND len(access_list) = 0)
               OR (type IN ('Legacy', 'AccessList')) <> (max_fee_per_gas IS NULL)
            """));
        Assert.True(Count("""
            SELECT count(*) FROM (SELECT unnest(access_list) AS e FROM ethereum.transactions)
            WHERE octet_length(e.address) = 20 AND len(e.storagekeys) BETWEEN 1 AND 3
            """) > 0);
    }

    [Fact]
    public void Logs_and_traces_belong_to_their_transactions()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.logs l LEFT JOIN ethereum.transactions t ON t.hash = l.tx_hash
            WHERE t.hash IS NULL OR NOT t.success OR t.block_number <> l.block_number OR t.block_time <> l.block_time
               OR t.block_hash <> l.block_hash OR t."index" <> l.tx_index OR t."from" <> l.tx_from
               OR t."to" IS DISTINCT FROM l.tx_to OR t.block_date <> l.block_date
            """));
        Assert.Equal(0, Count("SELECT count(*) - count(DISTINCT (block_number, \"index\")) FROM ethereum.logs"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.traces r LEFT JOIN ethereum.transactions t ON t.hash = r.tx_hash
            WHERE t.hash IS NULL OR t.success <> r.tx_success OR t.block_number <> r.block_number
               OR t.block_time <> r.block_time OR t."index" <> r.tx_index
            """));
        // One root trace per transaction, from the sender.
        Assert.Equal(0, Count("""
            SELECT count(*) FROM ethereum.transactions t
            LEFT JOIN ethereum.traces r ON r.tx_hash = t.hash AND len(r.trace_address) = 0
            WHERE r.tx_hash IS NULL OR r."from" <> t."from" OR r.value <> t.value
            """));
        Assert.Equal(Count("SELECT count(*) FROM ethereum.transactions"), Count("SELECT count(*) FROM ethereum.traces WHERE len(trace_address) = 0"));
    }

    [Fact]
    public void Transfers_are_exactly_the_decoded_erc20_transfer_logs()
    {
        const string transfer = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
        // ERC-20 Transfer logs have three topics; NFT (ERC-721) ones have a fourth, the token id.
        Assert.Equal(
            Count($"SELECT count(*) FROM ethereum.logs WHERE topic0 = unhex('{transfer[2..]}') AND topic3 IS NULL"),
            Count("SELECT count(*) FROM erc20_ethereum.evt_Transfer"));
        Assert.Equal(0, Count("""
            SELECT count(*) FROM erc20_ethereum.evt_Transfer e
            LEFT JOIN ethereum.logs l ON l.tx_hash = e.evt_tx_hash AND l."index" = e.evt_index
            WHERE l.tx_hash IS NULL OR l.contract_address <> e.contract_address
               OR l.topic1 <> unhex('000000000000000000000000') || e."from" OR l.topic2 <> unhex('000000000000000000000000') || e."to"
               OR octet_length(l.data) <> 32
               OR (e.value::VARCHAR = ((('0x' || substr(hex(l.data), 33, 16))::UBIGINT::UHUGEINT << 64) | ('0x' || substr(hex(l.data), 49))::UBIGINT)::VARCHAR) <> (substr(hex(l.data), 1, 32) = repeat('0', 32))
               OR l.block_time <> e.evt_block_time OR l.block_number <> e.evt_block_number OR l.block_date <> e.evt_block_date
               OR l.tx_from <> e.evt_tx_from OR l.tx_to <> e.evt_tx_to OR l.tx_index <> e.evt_tx_index
            """));
        // Some synthetic "meme" transfers are beyond 2^128, as real ones can be.
        Assert.True(Count($"SELECT count(*) FROM erc20_ethereum.evt_Transfer WHERE value > '340282366920938463463374607431768211456'::{DemoData.Uint256Type}") > 0);
    }

    [Theory]
    [InlineData("a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "USDC", 6)]
    [InlineData("dac17f958d2ee523a2206206994597c13d831ec7", "USDT", 6)]
    [InlineData("c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2", "WETH", 18)]
    [InlineData("6b175474e89094c44da98b954eedeac495271d0f", "DAI", 18)]
    [InlineData("2260fac5e5542a773aa44fbcfedf7c193bc2c599", "WBTC", 8)]
    [InlineData("514910771af9ca656af840dff83e8264ecf986ca", "LINK", 18)]
    [InlineData("1f9840a85d5af5bf1d1762f925bdaddc4201f984", "UNI", 18)]
    public void Well_known_tokens_are_transferred_with_their_real_address_symbol_and_decimals(string address, string symbol, int decimals)
    {
        Assert.True(Count($"SELECT count(*) FROM erc20_ethereum.evt_Transfer WHERE contract_address = unhex('{address}')") > 0);
        Assert.Equal(1, Count($"""
            SELECT count(*) FROM tokens.erc20
            WHERE blockchain = 'ethereum' AND contract_address = unhex('{address}') AND symbol = '{symbol}' AND decimals = {decimals}
            """));
        Assert.Equal(1, Count($"SELECT count(*) FROM tokens.erc20 WHERE blockchain = 'ethereum' AND symbol = '{symbol}'"));
    }

    [Fact]
    public void Every_transferred_token_has_metadata_and_plausible_amounts()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM erc20_ethereum.evt_Transfer e
            LEFT JOIN tokens.erc20 t ON t.contract_address = e.contract_address AND t.blockchain = 'ethereum'
            WHERE t.contract_address IS NULL
            """));
        Assert.Equal(0, Count("SELECT count(*) - count(DISTINCT contract_address) FROM tokens.erc20 WHERE blockchain = 'ethereum'"));
        // Well-known tokens move at most a few million USD at a time, and at least a token's smallest unit.
        double most = Convert.ToDouble(Scalar($"""
            SELECT max(e.value::DOUBLE / pow(10, t.decimals) * p.price)
            FROM erc20_ethereum.evt_Transfer e
            JOIN tokens.erc20 t ON t.blockchain = 'ethereum' AND t.contract_address = e.contract_address
            JOIN prices.usd p ON p.contract_address = e.contract_address AND p.minute = date_trunc('minute', e.evt_block_time)
            WHERE t.symbol IN ({string.Join(", ", DemoData.WellKnownTokens.Select(k => $"'{k.Symbol}'"))})
            """), CultureInfo.InvariantCulture);
        Assert.InRange(most, 1_000, 20_000_000);
        Assert.Equal(0, Count($"SELECT count(*) FROM erc20_ethereum.evt_Transfer WHERE value < 1::{DemoData.Uint256Type}"));
    }

    [Fact]
    public void Prices_cover_every_transfers_minute_for_every_token()
    {
        Assert.Equal(0, Count("""
            SELECT count(*) FROM erc20_ethereum.evt_Transfer e
            LEFT JOIN prices.usd p ON p.blockchain = 'ethereum' AND p.contract_address = e.contract_address
                                  AND p.minute = date_trunc('minute', e.evt_block_time)
            WHERE p.price IS NULL
            """));
        // Every token, and native ETH (blockchain and contract NULL), has one price per minute of the span.
        long minutes = Count("SELECT count(DISTINCT minute) FROM prices.usd");
        Assert.InRange(minutes, 30 * 1440, 30 * 1440 + 1);
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM (SELECT symbol, count(*) AS n, count(DISTINCT minute) AS d FROM prices.usd GROUP BY symbol)
            WHERE n <> {minutes} OR d <> {minutes}
            """));
        Assert.Equal(Count("SELECT count(*) FROM tokens.erc20 WHERE blockchain = 'ethereum'") + 1, Count("SELECT count(DISTINCT symbol) FROM prices.usd"));
        Assert.Equal(minutes, Count("SELECT count(*) FROM prices.usd WHERE symbol = 'ETH' AND blockchain IS NULL AND contract_address IS NULL"));
        Assert.InRange(Convert.ToDouble(Scalar("SELECT min(price) FROM prices.usd WHERE symbol = 'USDC'"), CultureInfo.InvariantCulture), 0.99, 1.01);
        Assert.InRange(Convert.ToDouble(Scalar("SELECT avg(price) FROM prices.usd WHERE symbol = 'WETH'"), CultureInfo.InvariantCulture), 1000, 10000);
        Assert.Equal(0, Count("SELECT count(*) FROM prices.usd WHERE NOT price > 0"));
    }

    [Fact]
    public void Generation_is_deterministic_given_scale_and_time_and_follows_the_time()
    {
        using var again = DemoDataFixture.Open(0.001, DemoDataFixture.GeneratedAt);
        using var same = DemoDataFixture.Open(0.001, DemoDataFixture.GeneratedAt);
        using var later = DemoDataFixture.Open(0.001, DemoDataFixture.GeneratedAt.AddDays(10));
        foreach (string table in DemoData.Tables)
        {
            string quoted = string.Join('.', table.Split('.').Select(part => '"' + part + '"')); // labels."all"
            string sql = $"SELECT count(*) || ':' || sum(hash(t) % 1000000007) FROM {quoted} t";
            Assert.Equal(Text(again, sql), Text(same, sql));
        }
        string last = "SELECT max(number) || ' ' || epoch(max(time))::BIGINT FROM ethereum.blocks";
        var (n0, t0) = Split(Text(again, last));
        var (n1, t1) = Split(Text(later, last));
        Assert.Equal(10 * 86400, t1 - t0);
        Assert.InRange(n1 - n0, 10 * 7200 * 0.98, 10 * 7200);

        static string Text(DuckDBConnection c, string sql)
        {
            using var command = c.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
        }
        static (long, long) Split(string s) => (long.Parse(s.Split(' ')[0], CultureInfo.InvariantCulture), long.Parse(s.Split(' ')[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Splits "a t, b array(row(x u, y v))" at the commas outside parentheses.</summary>
    private static List<string> SplitTopLevel(string columns)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < columns.Length; i++)
        {
            depth += columns[i] == '(' ? 1 : columns[i] == ')' ? -1 : 0;
            if (depth == 0 && columns[i] == ',')
            {
                parts.Add(columns[start..i].Trim());
                start = i + 1;
            }
        }
        parts.Add(columns[start..].Trim());
        return parts;
    }

    private List<string> Strings(string sql)
    {
        using var command = Db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}

/// <summary>Through the API: block times come out as Dune's <c>timestamp(3) with time zone</c>, and the data is current.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DemoDataServerTests(InProcessSharedServer shared)
{
    [Fact]
    public async Task Block_times_render_as_utc_timestamps_with_time_zone_and_end_about_now()
    {
        var body = await shared.Server.Alice.RunAsync("select time, number from ethereum.blocks order by number desc limit 1");
        var meta = body["result"]!["metadata"]!;
        Assert.Equal(["timestamp(3) with time zone", "bigint"], meta["column_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        string time = body["result"]!["rows"]![0]!["time"]!.GetValue<string>();
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.000 UTC$", time);
        var last = DateTime.SpecifyKind(DateTime.ParseExact(time[..^4], "yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        // The data ends at its generation, within an hour (a block every 12 s): the shared server's template was made at
        // most twice DemoTemplate.MaxAge before the server started, and a slow run may reach this case long after that.
        Assert.InRange(last, shared.Server.StartedAt - 2 * DemoTemplate.MaxAge - TimeSpan.FromHours(1), DateTime.UtcNow);

        body = await shared.Server.Alice.RunAsync("""
            select count(*) as c from ethereum.transactions where block_time > now() - interval '7' day
            """);
        Assert.True(body["result"]!["rows"]![0]!["c"]!.GetValue<long>() > 0);
    }
}
