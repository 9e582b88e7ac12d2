namespace Strata.Engine.DuckDb;

/// <summary>
/// Balancer V3 on the demo chains that have it in spellbook's sources (<c>sources/balancer/&lt;chain&gt;/balancer_&lt;chain&gt;_sources.yml</c>
/// lists <c>balancer_v3_&lt;chain&gt;</c> for Ethereum, Arbitrum, Base, Gnosis and Avalanche C; not Optimism or Polygon), in
/// Dune's decoded names and columns (the V3 Vault's <c>Swap</c> and <c>PoolRegistered</c> events, as spellbook's
/// <c>balancer_compatible_v3_trades</c> and <c>balancer_v3_&lt;chain&gt;_pools_tokens_weights</c> models read them):
/// <list type="bullet">
/// <item>Fifteen two-token pools per chain over the same token pairs as the V2 pools (stable 0.04%, weighted 0.3%); a V3
/// pool is addressed by its own 20-byte address. <c>Vault_evt_PoolRegistered</c> is dated before the span, its
/// <c>tokenConfig</c> the JSON strings Dune decodes a <c>TokenConfig[]</c> into (<c>$.token</c> the token as 0x-hex).</item>
/// <item><c>Vault_evt_Swap</c>: one swap in fifty of the chain's successful transactions that hold no V2 swap (its hash,
/// sender, block and time; log index 20,000 + the transaction's index), 10 USD to 100,000 USD at the token's demo price;
/// the fee (<c>swapFeeAmount</c>) is taken from the amount in, the amount out is the rest at the demo prices.</item>
/// <item><c>balancer_v3_multichain.vault_evt_*</c>: Dune's multichain views of the two events, the chains' rows with a
/// <c>chain</c> column first. <c>labels.balancer_v3_pools</c> names the pools as <c>labels_balancer_v3_pools_&lt;chain&gt;</c>
/// does (a stable pool by its lower-cased symbol, a weighted one by its tokens and weights).</item>
/// </list>
/// <c>balancer.trades</c>, <c>balancer.liquidity</c> and the fee spells stay Balancer V2's (not derived from these events).
/// </summary>
public static partial class DemoData
{
    /// <summary>The Balancer V3 Vault, the same address on every chain.</summary>
    private const string BalancerV3Vault = "ba1333333333a1ba1108e8412f11850a5c319ba9";

    private static IEnumerable<string> BalancerV3Chains => ["ethereum", "arbitrum", "base", "gnosis", "avalanche_c"];

    private static IEnumerable<string> BalancerV3Tables => BalancerV3Chains
        .SelectMany(c => new[] { $"balancer_v3_{c}.Vault_evt_Swap", $"balancer_v3_{c}.Vault_evt_PoolRegistered" })
        .Concat(["balancer_v3_multichain.vault_evt_swap", "balancer_v3_multichain.vault_evt_poolregistered", "labels.balancer_v3_pools"])
        .Concat(BalancerV3BufferTables).Concat(BalancerV3ReClammTables);

    /// <summary>The V3 statements; they read the V2 script's <c>demo_bal_pools</c> (the chains' token pairs), so they run before it is dropped; its own <c>demo_bal3_pools</c> is dropped with it.</summary>
    private static IEnumerable<string> BalancerV3Script(Sizes size)
    {
        string start = Sql(size.Start);
        // Dune decodes a TokenConfig[] as the JSON of each struct, addresses as 0x-hex strings.
        static string TokenConfig(string token) => "'{\"token\":\"0x' || lower(hex(" + token
            + ")) || '\",\"tokenType\":0,\"rateProvider\":\"0x0000000000000000000000000000000000000000\",\"paysYieldFees\":false}'";
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_bal3_pools AS
            SELECT chain, j, k, token_a, token_b, symbol_a, symbol_b, decimals_a, decimals_b, price_a, price_b, pool_type, swap_fee,
                   demo_addr(j * 100 + k, 980) AS pool,
                   k IN ({{ReClammPoolNumbers}}) AS reclamm,
                   CASE WHEN k IN ({{ReClammPoolNumbers}}) THEN lower(symbol_a || '-' || symbol_b || '-reCLAMM')
                        WHEN pool_type = 'stable' THEN lower(symbol_a || '-' || symbol_b)
                        ELSE lower(least(symbol_a, symbol_b) || '/' || greatest(symbol_a, symbol_b)) || ' 50/50' END AS name,
                   {{start}} - to_days(CAST(60 + 5 * (15 - k) AS INTEGER)) AS created_ts
            FROM demo_bal_pools WHERE chain IN ({{string.Join(", ", BalancerV3Chains.Select(c => $"'{c}'"))}})
            """;
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_bal3_swaps (chain VARCHAR, tx_hash BLOB, tx_from BLOB, tx_to BLOB, tx_index BIGINT, block_time TIMESTAMPTZ,
                block_number BIGINT, block_date DATE, k BIGINT, a_in BOOLEAN, usd DOUBLE)
            """;
        foreach (string chain in BalancerV3Chains)
        {
            // Not a transaction with a V2 swap (the V2 script's pick, seed 971).
            yield return InsertSwaps("demo_bal3_swaps", chain, 981, "AND demo_int(hash, 971, 50) <> 0");
        }
        // A reCLAMM pool's swaps go either way (InsertSwaps' side draw, seeded on the hash that picked the transaction, always
        // says token a): a re-hashed coin, so the pool's real balances wander instead of draining one side.
        yield return $"UPDATE demo_bal3_swaps SET a_in = demo_u(hash(tx_hash, 1030), 0) < 0.5 WHERE k IN ({ReClammPoolNumbers})";
        foreach (string chain in BalancerV3Chains)
        {
            yield return $$"""
                CREATE SCHEMA IF NOT EXISTS balancer_v3_{{chain}};
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_Swap" AS
                WITH e AS (
                    SELECT s.*, p.pool, p.swap_fee,
                           CASE WHEN a_in THEN token_a ELSE token_b END AS token_in, CASE WHEN a_in THEN token_b ELSE token_a END AS token_out,
                           usd / CASE WHEN a_in THEN price_a ELSE price_b END * pow(10, CASE WHEN a_in THEN decimals_a ELSE decimals_b END) AS in_units,
                           usd * (1 - p.swap_fee) / CASE WHEN a_in THEN price_b ELSE price_a END * pow(10, CASE WHEN a_in THEN decimals_b ELSE decimals_a END) AS out_units
                    FROM demo_bal3_swaps s JOIN demo_bal3_pools p ON p.chain = s.chain AND p.k = s.k
                    WHERE s.chain = '{{chain}}'
                )
                SELECT unhex('{{BalancerV3Vault}}') AS contract_address, tx_hash AS evt_tx_hash, tx_from AS evt_tx_from, tx_to AS evt_tx_to,
                       tx_index AS evt_tx_index, 20000 + tx_index AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number,
                       block_date AS evt_block_date, pool, token_in AS "tokenIn", token_out AS "tokenOut",
                       CAST(printf('%.0f', in_units) AS {{Uint256Type}}) AS "amountIn", CAST(printf('%.0f', out_units) AS {{Uint256Type}}) AS "amountOut",
                       CAST(printf('%.0f', swap_fee * 1e18) AS {{Uint256Type}}) AS "swapFeePercentage",
                       CAST(printf('%.0f', in_units * swap_fee) AS {{Uint256Type}}) AS "swapFeeAmount"
                FROM e
                ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_PoolRegistered" AS
                SELECT unhex('{{BalancerV3Vault}}') AS contract_address, demo_hash(pool, 985) AS evt_tx_hash, demo_wallet(k) AS evt_tx_from,
                       CASE WHEN reclamm THEN unhex('{{ReClammFactory}}') ELSE demo_addr(j, 986) END AS evt_tx_to, 0::BIGINT AS evt_tx_index, 0::BIGINT AS evt_index, demo_tz(created_ts) AS evt_block_time,
                       (2000000 + 1000 * k)::BIGINT AS evt_block_number, CAST(created_ts AS DATE) AS evt_block_date,
                       pool, CASE WHEN reclamm THEN unhex('{{ReClammFactory}}') ELSE demo_addr(j, 986) END AS factory,
                       [{{TokenConfig("token_a")}}, {{TokenConfig("token_b")}}] AS "tokenConfig",
                       CAST(printf('%.0f', swap_fee * 1e18) AS {{Uint256Type}}) AS "swapFeePercentage",
                       CAST(epoch(created_ts) + 4 * 365 * 86400 AS BIGINT) AS "pauseWindowEndTime",
                       '{"pauseManager":"0x0000000000000000000000000000000000000000","swapFeeManager":"0x0000000000000000000000000000000000000000","poolCreator":"0x0000000000000000000000000000000000000000"}' AS "roleAccounts",
                       '{"enableHookAdjustedAmounts":false,"shouldCallBeforeInitialize":' || CAST(reclamm AS VARCHAR) || ',"shouldCallAfterInitialize":false,"shouldCallComputeDynamicSwapFee":false,"shouldCallBeforeSwap":false,"shouldCallAfterSwap":false,"shouldCallBeforeAddLiquidity":' || CAST(reclamm AS VARCHAR) || ',"shouldCallAfterAddLiquidity":false,"shouldCallBeforeRemoveLiquidity":' || CAST(reclamm AS VARCHAR) || ',"shouldCallAfterRemoveLiquidity":false,"hooksContract":"0x' || CASE WHEN reclamm THEN lower(hex(pool)) ELSE '0000000000000000000000000000000000000000' END || '"}' AS "hooksConfig",
                       '{"disableUnbalancedLiquidity":' || CAST(reclamm AS VARCHAR) || ',"enableAddLiquidityCustom":false,"enableRemoveLiquidityCustom":false,"enableDonation":false}' AS "liquidityManagement"
                FROM demo_bal3_pools WHERE chain = '{{chain}}'
                ORDER BY evt_block_number;
                """;
        }
        // Dune's multichain decoded tables: every chain's rows of the contract's table, with the chain's name first.
        yield return "CREATE SCHEMA IF NOT EXISTS balancer_v3_multichain;\n" + string.Concat(new[] { ("vault_evt_swap", "Vault_evt_Swap"), ("vault_evt_poolregistered", "Vault_evt_PoolRegistered") }
            .Select(t => $"CREATE OR REPLACE VIEW balancer_v3_multichain.{t.Item1} AS "
                + string.Join(" UNION ALL ", BalancerV3Chains.Select(c => $"SELECT '{c}' AS chain, * FROM balancer_v3_{c}.\"{t.Item2}\"")) + ";\n"));
        yield return """
            CREATE OR REPLACE TABLE labels.balancer_v3_pools AS
            SELECT chain AS blockchain, pool AS address, name, CASE WHEN reclamm THEN 'reclamm' ELSE pool_type END AS pool_type, 'balancer_v3_pool' AS category,
                   'balancerlabs' AS contributor, 'query' AS source, created_ts AS created_at, created_ts AS updated_at,
                   'balancer_v3_pools_' || chain AS model_name, 'identifier' AS label_type
            FROM demo_bal3_pools
            ORDER BY blockchain, k;
            DROP TABLE IF EXISTS temp.main.demo_bal3_swaps;
            """;
    }
}
