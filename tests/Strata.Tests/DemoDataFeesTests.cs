using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-wild8: the fee spells real queries read most among the tables the demo lacked — <c>gas.fees</c> and
/// <c>gas_&lt;chain&gt;.fees</c>, <c>balancer.protocol_fee</c>, <c>balancer.pools_fees</c> — with spellbook's columns and
/// consistent with the chains' transactions and <c>balancer.trades</c>.
/// </summary>
public sealed class DemoDataFeesTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private DuckDBConnection Db => fixture.Connection;

    private double Number(string sql) => Convert.ToDouble(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Tz = "TIMESTAMP WITH TIME ZONE";

    public static TheoryData<string, string> Schemas => new()
    {
        // hourly_spellbook/models/_sector/gas/fees/gas_fees.sql (its select's order: tx_fee, tx_fee_usd, tx_fee_raw, the breakdowns
        // likewise) over macros/sector/gas/evm_l1_gas_fees.sql's types
        {
            "gas.fees",
            $"blockchain VARCHAR, block_month DATE, block_date DATE, block_time {Tz}, block_number BIGINT, tx_hash BLOB, tx_index BIGINT, "
            + $"tx_from BLOB, tx_to BLOB, gas_price {DemoData.Uint256Type}, gas_used BIGINT, currency_symbol VARCHAR, tx_fee DOUBLE, tx_fee_usd DOUBLE, "
            + $"tx_fee_raw {DemoData.Uint256Type}, tx_fee_breakdown MAP(VARCHAR, DOUBLE), tx_fee_breakdown_usd MAP(VARCHAR, DOUBLE), "
            + $"tx_fee_breakdown_raw MAP(VARCHAR, {DemoData.Uint256Type}), tx_fee_currency BLOB, block_proposer BLOB, gas_limit BIGINT, gas_limit_usage DOUBLE"
        },
        // macros/sector/gas/evm_l1_gas_fees.sql: a chain's model, in the macro's order
        {
            "gas_ethereum.fees",
            $"blockchain VARCHAR, block_month DATE, block_date DATE, block_time {Tz}, block_number BIGINT, tx_hash BLOB, tx_index BIGINT, "
            + $"tx_from BLOB, tx_to BLOB, gas_price {DemoData.Uint256Type}, gas_used BIGINT, currency_symbol VARCHAR, tx_fee_raw {DemoData.Uint256Type}, "
            + $"tx_fee DOUBLE, tx_fee_usd DOUBLE, tx_fee_breakdown_raw MAP(VARCHAR, {DemoData.Uint256Type}), tx_fee_breakdown MAP(VARCHAR, DOUBLE), "
            + "tx_fee_breakdown_usd MAP(VARCHAR, DOUBLE), tx_fee_currency BLOB, block_proposer BLOB, gas_limit BIGINT, gas_limit_usage DOUBLE"
        },
        // dbt_macros/shared/balancer/balancer_protocol_fee_macro.sql
        {
            "balancer.protocol_fee",
            $"day {Tz}, pool_id BLOB, pool_address BLOB, pool_symbol VARCHAR, version VARCHAR, blockchain VARCHAR, pool_type VARCHAR, fee_type VARCHAR, "
            + $"token_address BLOB, token_symbol VARCHAR, token_amount_raw {DemoData.Uint256Type}, token_amount DOUBLE, protocol_fee_collected_usd DOUBLE, "
            + "treasury_share DECIMAL(4,3), treasury_fee_usd DOUBLE, lp_fee_collected_usd DOUBLE"
        },
        // dex/models/_projects/balancer/pools/balancer_pools_fees.sql (the union: index before tx_index)
        {
            "balancer.pools_fees",
            $"blockchain VARCHAR, version VARCHAR, contract_address BLOB, tx_hash BLOB, index BIGINT, tx_index BIGINT, block_time {Tz}, "
            + "block_number BIGINT, swap_fee_percentage DOUBLE"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Fee_tables_have_spellbooks_columns_and_rows(string table, string columns)
    {
        string schema = table[..table.IndexOf('.', StringComparison.Ordinal)], name = table[(schema.Length + 1)..];
        using var command = Db.CreateCommand();
        command.CommandText = $"SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns "
            + $"WHERE table_schema = '{schema}' AND table_name = '{name}'";
        Assert.Equal(columns, command.ExecuteScalar());
        Assert.Contains(table, DemoData.Tables);
        Assert.True(Number($"SELECT count(*) FROM {table}") > 0, table);
    }

    [Fact]
    public void Gas_fees_are_every_transaction_of_every_chain_with_its_fee_split_and_priced()
    {
        foreach (string chain in new[] { "ethereum", "base", "arbitrum", "polygon" })
        {
            Assert.Equal(Number($"SELECT count(*) FROM {chain}.transactions"), Number($"SELECT count(*) FROM gas.fees WHERE blockchain = '{chain}'"));
            Assert.Equal(Number($"SELECT count(*) FROM {chain}.transactions"), Number($"SELECT count(*) FROM gas_{chain}.fees"));
            // The fee is gas price × gas used, and its parts add up to it.
            Assert.Equal(0, Number($"""
                SELECT count(*) FROM gas_{chain}.fees f JOIN {chain}.transactions t ON t.hash = f.tx_hash
                WHERE CAST(f.tx_fee_raw AS VARCHAR) <> CAST(CAST(t.gas_price AS HUGEINT) * t.gas_used AS VARCHAR)
                   OR CAST(f.tx_fee_raw AS VARCHAR) <> CAST(list_sum(list_transform(map_values(f.tx_fee_breakdown_raw), v -> CAST(CAST(v AS VARCHAR) AS HUGEINT))) AS VARCHAR)
                   OR abs(f.tx_fee - CAST(t.gas_price AS DOUBLE) * t.gas_used / 1e18) > 1e-12 * f.tx_fee
                   OR f.block_date <> t.block_date
                """));
        }
        // ETH chains are priced at the day's ETH price; the demo has no POL price.
        Assert.Equal(0, Number("""
            SELECT count(*) FROM gas.fees f LEFT JOIN prices.day p ON p.blockchain = 'ethereum' AND p.symbol = 'ETH'
                AND p."timestamp" = CAST(f.block_date AS TIMESTAMP)
            WHERE f.currency_symbol = 'ETH' AND (p.price IS NULL OR abs(f.tx_fee_usd - f.tx_fee * p.price) > 1e-9 * f.tx_fee_usd
                OR abs(f.tx_fee_breakdown_usd['base_fee'] - f.tx_fee_breakdown['base_fee'] * p.price) > 1e-9 * f.tx_fee_usd)
            """));
        Assert.Equal(0, Number("SELECT count(*) FROM gas.fees WHERE blockchain = 'polygon' AND (currency_symbol <> 'POL' OR tx_fee_usd IS NOT NULL)"));
        Assert.True(Number("SELECT count(*) FROM gas.fees WHERE cardinality(tx_fee_breakdown) = 2") > 0);
    }

    [Fact]
    public void Protocol_fees_are_half_the_swap_fees_of_balancer_trades_per_day_pool_and_token()
    {
        Assert.Equal(
            Number("SELECT round(sum(amount_usd * swap_fee) / 2, 3) FROM balancer.trades"),
            Number("SELECT round(sum(protocol_fee_collected_usd), 3) FROM balancer.protocol_fee"));
        Assert.Equal(0, Number("""
            SELECT count(*) FROM balancer.protocol_fee f
            LEFT JOIN (SELECT blockchain, pool_id, token_sold_address, block_date, sum(token_sold_amount * swap_fee) / 2 AS fee
                       FROM balancer.trades GROUP BY ALL) t
              ON t.blockchain = f.blockchain AND t.pool_id = f.pool_id AND t.token_sold_address = f.token_address
             AND t.block_date = CAST(f.day AT TIME ZONE 'UTC' AS DATE)
            WHERE t.fee IS NULL OR abs(t.fee - f.token_amount) > 1e-9 * t.fee OR f.fee_type <> 'swap_fee'
               OR abs(f.treasury_fee_usd - 0.175 * f.protocol_fee_collected_usd) > 1e-9 * f.protocol_fee_collected_usd
               OR substr(hex(f.pool_id), 1, 40) <> hex(f.pool_address)
            """));
    }

    [Fact]
    public void Pools_fees_hold_each_registered_pools_fee_as_its_trades_pay_it()
    {
        Assert.Equal(
            Number("SELECT count(*) FROM labels.balancer_v2_pools"),
            Number("SELECT count(*) FROM balancer.pools_fees"));
        Assert.Equal(0, Number("""
            SELECT count(*) FROM balancer.trades t
            JOIN balancer.pools_fees f ON f.blockchain = t.blockchain AND f.contract_address = t.project_contract_address
            WHERE abs(f.swap_fee_percentage / 1e18 - t.swap_fee) > 1e-12
            """));
        Assert.True(Number("SELECT count(DISTINCT swap_fee_percentage) FROM balancer.pools_fees") == 2);
    }

    [Fact]
    public void Per_chain_balancer_liquidity_is_the_chains_rows_of_balancer_liquidity()
    {
        foreach (string chain in new[] { "ethereum", "arbitrum", "avalanche_c" })
        {
            double rows = Number($"SELECT count(*) FROM balancer.liquidity WHERE blockchain = '{chain}'");
            Assert.True(rows > 0, chain);
            Assert.Equal(rows, Number($"SELECT count(*) FROM (SELECT * FROM balancer.liquidity WHERE blockchain = '{chain}' INTERSECT ALL SELECT * FROM balancer_v2_{chain}.liquidity)"));
            Assert.Equal(rows, Number($"SELECT count(*) FROM balancer_v2_{chain}.liquidity"));
            Assert.Contains($"balancer_v2_{chain}.liquidity", DemoData.Tables);
        }
    }
}
