namespace Strata.Engine.DuckDb;

/// <summary>
/// The fee spells real queries read most among the tables the demo lacked (dune-wild8's count over the mirrored
/// repositories), in spellbook's names and columns:
/// <list type="bullet">
/// <item><c>gas.fees</c> and <c>gas_&lt;chain&gt;.fees</c> (spellbook's <c>_sector/gas/fees/gas_fees.sql</c> and the
/// <c>evm_l1_gas_fees</c> macro): one row per transaction of the chain, the fee gas price × gas used, split into base and
/// priority fee, valued at the native token's daily price (ETH on the ETH chains; the demo has no POL, xDAI, BNB or AVAX
/// price, so those chains' USD columns are NULL). Views over the chain's transactions and blocks: nothing is generated.
/// An OP Stack chain's L1 fee and Arbitrum's L1 gas are not in the breakdown.</item>
/// <item><c>balancer.protocol_fee</c> (the <c>balancer_protocol_fee_macro</c>): per day, pool and token, Balancer V2's
/// protocol share (50%) of the swap fees of <c>balancer.trades</c>, charged in the token sold, with the treasury share of
/// BIP 734 (0.175).</item>
/// <item><c>balancer.pools_fees</c> and <c>balancer_v2_&lt;chain&gt;.pools_fees</c> (<c>balancer_v2_&lt;chain&gt;_pools_fees</c>,
/// the chain's rows as a view): each pool's swap fee percentage (1e18 = 100%, a DOUBLE as in the model), set once when
/// the pool is registered.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>The chains with gas fees and their fee currency's symbol (Dune's <c>currency_symbol</c>).</summary>
    private static IEnumerable<(string Chain, string Symbol)> GasChains =>
        new[] { ("ethereum", "ETH") }.Concat(OtherChains.Select(c => (c.Name, c.Name switch
        {
            "polygon" => "POL",
            "gnosis" => "xDAI",
            "bnb" => "BNB",
            "avalanche_c" => "AVAX",
            _ => "ETH",
        })));

    private static IEnumerable<string> FeeTables =>
        GasChains.Select(c => $"gas_{c.Chain}.fees").Concat(["gas.fees", "balancer.protocol_fee", "balancer.pools_fees"])
            .Concat(BalancerChains.SelectMany(c => new[] { $"balancer_v2_{c}.pools_fees", $"balancer_v2_{c}.protocol_fee" }));

    /// <summary>spellbook's gas_fees.sql: the columns of the union, in its order.</summary>
    private const string GasFeesColumns = "blockchain, block_month, block_date, block_time, block_number, tx_hash, tx_index, tx_from, tx_to, "
        + "gas_price, gas_used, currency_symbol, tx_fee, tx_fee_usd, tx_fee_raw, tx_fee_breakdown, tx_fee_breakdown_usd, tx_fee_breakdown_raw, "
        + "tx_fee_currency, block_proposer, gas_limit, gas_limit_usage";

    private static IEnumerable<string> FeeScript()
    {
        foreach (var (chain, symbol) in GasChains)
        {
            string priced = symbol == "ETH" ? "ethereum" : chain;
            yield return $$"""
                CREATE SCHEMA IF NOT EXISTS gas_{{chain}};
                CREATE OR REPLACE VIEW gas_{{chain}}.fees AS
                WITH b AS (
                    SELECT t.block_time, t.block_number, t.hash AS tx_hash, t."index" AS tx_index, t."from" AS tx_from, t."to" AS tx_to,
                           CAST(t.gas_price AS HUGEINT) AS gas_price, t.gas_used, t.gas_limit, k.miner AS block_proposer,
                           CAST(t.gas_price AS HUGEINT) * t.gas_used AS fee,
                           CASE WHEN t.priority_fee_per_gas IS NULL OR t.priority_fee_per_gas < 0 THEN NULL
                                ELSE CAST(t.priority_fee_per_gas AS HUGEINT) * t.gas_used END AS priority,
                           CAST(k.base_fee_per_gas AS HUGEINT) * t.gas_used AS base
                    FROM {{chain}}.transactions t JOIN {{chain}}.blocks k ON k.number = t.block_number
                ), r AS (
                    SELECT b.*,
                           CASE WHEN priority IS NULL THEN MAP {'base_fee': fee} ELSE MAP {'base_fee': base, 'priority_fee': priority} END AS breakdown,
                           p.price
                    FROM b LEFT JOIN prices.day p ON p.blockchain = '{{priced}}' AND p.contract_address = {{ZeroAddress}}
                        AND p."timestamp" = date_trunc('day', make_timestamp(epoch_us(b.block_time)))
                )
                SELECT '{{chain}}' AS blockchain, CAST(date_trunc('month', make_timestamp(epoch_us(block_time))) AS DATE) AS block_month,
                       CAST(make_timestamp(epoch_us(block_time)) AS DATE) AS block_date, block_time, block_number, tx_hash, tx_index, tx_from, tx_to,
                       CAST(gas_price AS {{Uint256Type}}) AS gas_price, gas_used, '{{symbol}}' AS currency_symbol,
                       CAST(fee AS {{Uint256Type}}) AS tx_fee_raw, CAST(fee AS DOUBLE) / 1e18 AS tx_fee, CAST(fee AS DOUBLE) / 1e18 * price AS tx_fee_usd,
                       map_from_entries(list_transform(map_entries(breakdown), e -> {'key': e.key, 'value': CAST(e.value AS {{Uint256Type}})})) AS tx_fee_breakdown_raw,
                       map_from_entries(list_transform(map_entries(breakdown), e -> {'key': e.key, 'value': CAST(e.value AS DOUBLE) / 1e18})) AS tx_fee_breakdown,
                       map_from_entries(list_transform(map_entries(breakdown), e -> {'key': e.key, 'value': CAST(e.value AS DOUBLE) / 1e18 * price})) AS tx_fee_breakdown_usd,
                       {{ZeroAddress}} AS tx_fee_currency, block_proposer, gas_limit,
                       CASE WHEN gas_limit = 0 THEN NULL ELSE CAST(gas_used AS DOUBLE) / CAST(gas_limit AS DOUBLE) END AS gas_limit_usage
                FROM r
                """;
        }
        // gas_fees.sql selects the per-chain models' columns in an order of its own (the fee amounts before their raw values)
        yield return "CREATE SCHEMA IF NOT EXISTS gas;\nCREATE OR REPLACE VIEW gas.fees AS\n"
            + string.Join("\nUNION ALL\n", GasChains.Select(c => $"SELECT {GasFeesColumns} FROM gas_{c.Chain}.fees"));
        yield return $$"""
            CREATE OR REPLACE TABLE balancer.protocol_fee AS
            WITH f AS (
                SELECT demo_tz(CAST(block_date AS TIMESTAMP)) AS day, pool_id, project_contract_address AS pool_address, pool_symbol, version, blockchain, pool_type,
                       token_sold_address AS token_address, token_sold_symbol AS token_symbol,
                       sum(CAST(CAST(token_sold_amount_raw AS VARCHAR) AS DOUBLE) * swap_fee * 0.5) AS raw,
                       sum(token_sold_amount * swap_fee * 0.5) AS token_amount, sum(amount_usd * swap_fee * 0.5) AS usd
                FROM balancer.trades
                GROUP BY ALL
            )
            SELECT day, pool_id, pool_address, pool_symbol, version, blockchain, pool_type, 'swap_fee' AS fee_type, token_address, token_symbol,
                   CAST(printf('%.0f', raw) AS {{Uint256Type}}) AS token_amount_raw, token_amount, usd AS protocol_fee_collected_usd,
                   CAST(0.175 AS DECIMAL(4, 3)) AS treasury_share, usd * 0.175 AS treasury_fee_usd, usd AS lp_fee_collected_usd
            FROM f
            ORDER BY day, blockchain, pool_id, token_address
            """;
        // balancer_v2_<chain>.protocol_fee (balancer_v2_compatible_protocol_fee_macro): balancer_protocol_fee.sql unions
        // these per-chain models' 16 columns in their own order, so each is the chain's V2 rows.
        yield return string.Concat(BalancerChains.Select(chain =>
            $"CREATE OR REPLACE VIEW balancer_v2_{chain}.protocol_fee AS SELECT * FROM balancer.protocol_fee WHERE blockchain = '{chain}' AND version = '2';\n"));
        // balancer_pools_fees.sql is the union of the per-chain models, with index before tx_index; each chain's model
        // (balancer_v2_<chain>_pools_fees.sql) has tx_index first.
        yield return "CREATE OR REPLACE TABLE balancer.pools_fees AS\n" + string.Join("\nUNION ALL\n", BalancerChains.Select(chain => $$"""
            SELECT '{{chain}}' AS blockchain, '2' AS version, r."poolAddress" AS contract_address, r.evt_tx_hash AS tx_hash,
                   r.evt_index + 1 AS "index", r.evt_tx_index AS tx_index, r.evt_block_time AS block_time, r.evt_block_number AS block_number,
                   CASE WHEN l.pool_type = 'stable' THEN {{StableSwapFee}} ELSE {{WeightedSwapFee}} END::DOUBLE * 1e18 AS swap_fee_percentage
            FROM balancer_v2_{{chain}}."Vault_evt_PoolRegistered" r
            JOIN labels.balancer_v2_pools l ON l.blockchain = '{{chain}}' AND l.address = r."poolAddress"
            """)) + "\nORDER BY blockchain, block_number";
        yield return string.Concat(BalancerChains.Select(chain => $"CREATE OR REPLACE VIEW balancer_v2_{chain}.pools_fees AS SELECT blockchain, "
            + $"version, contract_address, tx_hash, tx_index, \"index\", block_time, block_number, swap_fee_percentage FROM balancer.pools_fees "
            + $"WHERE blockchain = '{chain}' AND version = '2';\n"));
    }
}
