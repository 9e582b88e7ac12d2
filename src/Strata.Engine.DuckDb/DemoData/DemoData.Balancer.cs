using System.Globalization;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Balancer V2 on the demo's chains (Ethereum and the other chains but BNB), in Dune's names and columns (spellbook's
/// <c>sources/balancer/*/balancer_*_sources.yml</c> for the decoded Vault events, the <c>balancer.trades</c>,
/// <c>balancer.liquidity</c> and <c>balancer.pools_metrics_daily</c> spells, <c>labels.balancer_v2_pools</c>):
/// <list type="bullet">
/// <item>Fifteen two-token pools per chain, one per pair of the first six well-known tokens (WETH, USDC, USDT, DAI, WBTC,
/// LINK; the chain's real address where it has the token): stable pools (fee 0.04%) for two stablecoins, 50/50 weighted
/// pools (0.3%) for the rest. The pool id is Dune's 32 bytes: the pool's address, the specialization (2, two-token) and a
/// 10-byte nonce. <c>balancer_v2_&lt;chain&gt;.Vault_evt_PoolRegistered</c> and a first join of 50 million USD a side
/// (<c>Vault_evt_PoolBalanceChanged</c>) are dated before the span.</item>
/// <item><c>Vault_evt_Swap</c>: one swap in fifty of the chain's successful transactions (its hash, sender, block and time;
/// log index 10,000 + the transaction's index, clear of the demo's own logs: the chain's logs do not hold these events),
/// 10 USD to 100,000 USD at the token's demo price, out net of the pool's fee. <c>balancer.trades</c> is these swaps as
/// the spell shows them; <c>balancer.liquidity</c> each pool's token balances at each day's end (the join plus that
/// day's and earlier swaps), valued at the demo price.</item>
/// <item><c>labels.balancer_v2_pools_&lt;chain&gt;</c> and <c>balancer_v2_&lt;chain&gt;.pools_tokens_weights</c>: the chain's rows
/// of <c>labels.balancer_v2_pools</c> and <c>balancer.pools_tokens_weights</c> (the weighted pools' tokens, 0.5 each), the
/// union spells' per-chain models.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private const string BalancerVault = "ba12222222228d8ba445958a75a0704d566bf2c8";

    /// <summary>The swap fees of the demo's stable and weighted pools (0.04%, 0.3%).</summary>
    private const string StableSwapFee = "0.0004", WeightedSwapFee = "0.003";

    private static IEnumerable<string> BalancerChains => new[] { "ethereum" }.Concat(OtherChains.Select(c => c.Name).Where(c => c != "bnb"));

    private static IEnumerable<string> BalancerTables => BalancerChains.SelectMany(c => new[]
    {
        $"balancer_v2_{c}.Vault_evt_Swap", $"balancer_v2_{c}.Vault_evt_PoolRegistered", $"balancer_v2_{c}.Vault_evt_PoolBalanceChanged",
        $"balancer_v2_{c}.liquidity", $"balancer_v2_{c}.trades",
    }).Concat(["balancer.trades", "balancer.liquidity", "balancer.pools_metrics_daily", "labels.balancer_v2_pools"])
        .Concat(BalancerChains.SelectMany(c => new[] { $"labels.balancer_v2_pools_{c}", $"balancer_v2_{c}.pools_tokens_weights" }))
        .Concat(["balancer.pools_tokens_weights"]).Concat(BalancerV3Tables).Concat(GaugeTables).Concat(VeBalSpellTables).Concat(AuraTables);

    private static IEnumerable<string> BalancerScript(Sizes size)
    {
        string chains = string.Join(", ", BalancerChains.Select((c, j) => $"('{c}', {j})"));
        string start = Sql(size.Start);
        // Pools: the pairs of token ids 0..5 of every chain, with their addresses and prices on it.
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS balancer; CREATE SCHEMA IF NOT EXISTS labels;
            CREATE OR REPLACE TEMP TABLE demo_bal_pools AS
            WITH c(chain, j) AS (VALUES {{chains}}),
            t AS (
                SELECT c.chain, c.j, d.id, coalesce(o.address, d.address) AS address, d.symbol, d.decimals, d.price, d.stable
                FROM c CROSS JOIN demo_tokens d
                LEFT JOIN demo_chain_tokens o ON o.chain = c.chain AND o.id = d.id
                WHERE d.id < 6
            ), p AS (
                SELECT a.chain, a.j, a.address AS token_a, b.address AS token_b, a.symbol AS symbol_a, b.symbol AS symbol_b,
                       a.decimals AS decimals_a, b.decimals AS decimals_b, a.price AS price_a, b.price AS price_b,
                       a.stable AND b.stable AS stable,
                       (row_number() OVER (PARTITION BY a.chain ORDER BY a.id, b.id) - 1)::BIGINT AS k
                FROM t a JOIN t b ON a.chain = b.chain AND a.id < b.id
            )
            SELECT p.*, demo_addr(j * 100 + k, 970) AS pool_address,
                   demo_addr(j * 100 + k, 970) || unhex('0002') || unhex(lpad(printf('%x', 100 + k), 20, '0')) AS pool_id,
                   CASE WHEN stable THEN 'stable' ELSE 'weighted' END AS pool_type,
                   CASE WHEN stable THEN {{StableSwapFee}} ELSE {{WeightedSwapFee}} END::DOUBLE AS swap_fee,
                   CASE WHEN stable THEN symbol_a || '-' || symbol_b ELSE '50' || symbol_a || '-50' || symbol_b END AS pool_symbol,
                   {{start}} - to_days(CAST(200 + 10 * (15 - k) AS INTEGER)) AS created_ts
            FROM p
            """;
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_bal_swaps (chain VARCHAR, tx_hash BLOB, tx_from BLOB, tx_to BLOB, tx_index BIGINT, block_time TIMESTAMPTZ,
                block_number BIGINT, block_date DATE, k BIGINT, a_in BOOLEAN, usd DOUBLE)
            """;
        foreach (string chain in BalancerChains)
        {
            yield return InsertSwaps("demo_bal_swaps", chain, 971, "");
        }
        yield return $"""
            CREATE OR REPLACE TEMP TABLE demo_bal_events AS
            SELECT s.*, p.pool_id, p.pool_address, p.pool_symbol, p.pool_type, p.swap_fee,
                   CASE WHEN a_in THEN token_a ELSE token_b END AS token_in, CASE WHEN a_in THEN token_b ELSE token_a END AS token_out,
                   CASE WHEN a_in THEN symbol_a ELSE symbol_b END AS symbol_in, CASE WHEN a_in THEN symbol_b ELSE symbol_a END AS symbol_out,
                   CAST(printf('%.0f', usd / CASE WHEN a_in THEN price_a ELSE price_b END * pow(10, CASE WHEN a_in THEN decimals_a ELSE decimals_b END)) AS HUGEINT) AS raw_in,
                   CAST(printf('%.0f', usd * (1 - p.swap_fee) / CASE WHEN a_in THEN price_b ELSE price_a END * pow(10, CASE WHEN a_in THEN decimals_b ELSE decimals_a END)) AS HUGEINT) AS raw_out,
                   CASE WHEN a_in THEN decimals_a ELSE decimals_b END AS decimals_in, CASE WHEN a_in THEN decimals_b ELSE decimals_a END AS decimals_out
            FROM demo_bal_swaps s JOIN demo_bal_pools p ON p.chain = s.chain AND p.k = s.k
            """;
        foreach (string chain in BalancerChains)
        {
            yield return $$"""
                CREATE SCHEMA IF NOT EXISTS balancer_v2_{{chain}};
                CREATE OR REPLACE TABLE balancer_v2_{{chain}}."Vault_evt_Swap" AS
                SELECT unhex('{{BalancerVault}}') AS contract_address, tx_hash AS evt_tx_hash, tx_from AS evt_tx_from, tx_to AS evt_tx_to,
                       tx_index AS evt_tx_index, 10000 + tx_index AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number,
                       block_date AS evt_block_date, pool_id AS "poolId", token_in AS "tokenIn", token_out AS "tokenOut",
                       CAST(raw_in AS {{Uint256Type}}) AS "amountIn", CAST(raw_out AS {{Uint256Type}}) AS "amountOut"
                FROM demo_bal_events WHERE chain = '{{chain}}'
                ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v2_{{chain}}."Vault_evt_PoolRegistered" AS
                SELECT unhex('{{BalancerVault}}') AS contract_address, demo_hash(pool_id, 975) AS evt_tx_hash, pool_address AS evt_tx_from,
                       unhex('{{BalancerVault}}') AS evt_tx_to, 0::BIGINT AS evt_tx_index, 0::BIGINT AS evt_index, demo_tz(created_ts) AS evt_block_time,
                       (1000000 + 1000 * k)::BIGINT AS evt_block_number, CAST(created_ts AS DATE) AS evt_block_date,
                       pool_id AS "poolId", pool_address AS "poolAddress", 2 AS specialization
                FROM demo_bal_pools WHERE chain = '{{chain}}'
                ORDER BY evt_block_number;
                CREATE OR REPLACE TABLE balancer_v2_{{chain}}."Vault_evt_PoolBalanceChanged" AS
                SELECT unhex('{{BalancerVault}}') AS contract_address, demo_hash(pool_id, 976) AS evt_tx_hash, demo_wallet(k) AS evt_tx_from,
                       unhex('{{BalancerVault}}') AS evt_tx_to, 0::BIGINT AS evt_tx_index, 1::BIGINT AS evt_index, demo_tz(created_ts + INTERVAL 1 DAY) AS evt_block_time,
                       (1007200 + 1000 * k)::BIGINT AS evt_block_number, CAST(created_ts + INTERVAL 1 DAY AS DATE) AS evt_block_date,
                       pool_id AS "poolId", demo_wallet(k) AS "liquidityProvider", [token_a, token_b] AS tokens,
                       [CAST({{JoinRaw("a")}} AS {{Uint256Type}}), CAST({{JoinRaw("b")}} AS {{Uint256Type}})] AS deltas,
                       [0::{{Uint256Type}}, 0::{{Uint256Type}}] AS "protocolFeeAmounts"
                FROM demo_bal_pools WHERE chain = '{{chain}}'
                ORDER BY evt_block_number;
                """;
        }
        yield return $"""
            CREATE OR REPLACE TABLE balancer.trades AS
            SELECT chain AS blockchain, 'balancer' AS project, '2' AS version, block_date, block_number,
                   CAST(date_trunc('month', block_date) AS DATE) AS block_month, block_time,
                   symbol_out AS token_bought_symbol, symbol_in AS token_sold_symbol,
                   CASE WHEN symbol_in < symbol_out THEN symbol_in || '-' || symbol_out ELSE symbol_out || '-' || symbol_in END AS token_pair,
                   CAST(raw_out AS DOUBLE) / pow(10, decimals_out) AS token_bought_amount, CAST(raw_in AS DOUBLE) / pow(10, decimals_in) AS token_sold_amount,
                   CAST(raw_out AS {Uint256Type}) AS token_bought_amount_raw, CAST(raw_in AS {Uint256Type}) AS token_sold_amount_raw,
                   usd AS amount_usd, token_out AS token_bought_address, token_in AS token_sold_address, tx_from AS taker, CAST(NULL AS BLOB) AS maker,
                   pool_address AS project_contract_address, pool_id, swap_fee, pool_symbol, pool_type, tx_hash, tx_from, tx_to, 10000 + tx_index AS evt_index
            FROM demo_bal_events
            ORDER BY block_time, blockchain, evt_index
            """;
        // Daily balances: the join, then each day's net swaps (in adds, out removes), at the day's end.
        yield return $$"""
            CREATE OR REPLACE TABLE balancer.liquidity AS
            WITH days AS (
                SELECT CAST(d AS DATE) AS day FROM range(CAST({{start}} AS DATE), CAST({{Sql(size.End)}} AS DATE) + 1, INTERVAL 1 DAY) r(d)
            ), sides AS (
                SELECT chain, k, pool_id, pool_address, pool_symbol, pool_type, token_a AS token, symbol_a AS symbol, decimals_a AS decimals, price_a AS price, {{JoinRaw("a")}} AS joined FROM demo_bal_pools
                UNION ALL
                SELECT chain, k, pool_id, pool_address, pool_symbol, pool_type, token_b, symbol_b, decimals_b, price_b, {{JoinRaw("b")}} FROM demo_bal_pools
            ), moves AS (
                SELECT chain, pool_id, token_in AS token, block_date AS day, raw_in AS delta FROM demo_bal_events
                UNION ALL
                SELECT chain, pool_id, token_out, block_date, -raw_out FROM demo_bal_events
            ), daily AS (
                SELECT chain, pool_id, token, day, CAST(sum(delta) AS HUGEINT) AS delta FROM moves GROUP BY ALL
            ), b AS (
                SELECT d.day, s.*, s.joined + CAST(coalesce(sum(m.delta) OVER (PARTITION BY s.chain, s.pool_id, s.token ORDER BY d.day), 0) AS HUGEINT) AS raw
                FROM days d CROSS JOIN sides s
                LEFT JOIN daily m ON m.chain = s.chain AND m.pool_id = s.pool_id AND m.token = s.token AND m.day = d.day
            )
            SELECT demo_tz(CAST(day AS TIMESTAMP)) AS day, pool_id, pool_address, pool_symbol, '2' AS version, chain AS blockchain, pool_type,
                   token AS token_address, symbol AS token_symbol, CAST(raw AS {{Uint256Type}}) AS token_balance_raw,
                   CAST(raw AS DOUBLE) / pow(10, decimals) AS token_balance,
                   CAST(raw AS DOUBLE) / pow(10, decimals) * price AS protocol_liquidity_usd,
                   CAST(raw AS DOUBLE) / pow(10, decimals) * price / {{EthPrice}} AS protocol_liquidity_eth,
                   CAST(raw AS DOUBLE) / pow(10, decimals) * price AS pool_liquidity_usd,
                   CAST(raw AS DOUBLE) / pow(10, decimals) * price / {{EthPrice}} AS pool_liquidity_eth
            FROM b
            ORDER BY day, blockchain, pool_id, token_address
            """;
        // balancer_v2_<chain>.liquidity (balancer_v2_compatible_liquidity_macro) and balancer_v2_<chain>.trades
        // (balancer_v2_<chain>_trades.sql): the chain's V2 rows of balancer.liquidity and balancer.trades, the same columns
        // in the same order (balancer_liquidity.sql and balancer_trades.sql are the unions of these models).
        yield return string.Concat(BalancerChains.SelectMany(chain => new[] { "liquidity", "trades" }.Select(spell =>
            $"CREATE OR REPLACE VIEW balancer_v2_{chain}.{spell} AS SELECT * FROM balancer.{spell} WHERE blockchain = '{chain}' AND version = '2';\n")));
        yield return """
            CREATE OR REPLACE TABLE balancer.pools_metrics_daily AS
            WITH l AS (
                SELECT CAST(make_timestamp(epoch_us(day)) AS DATE) AS block_date, blockchain, version, pool_id, pool_address, pool_symbol, pool_type,
                       sum(pool_liquidity_usd) AS tvl_usd, sum(pool_liquidity_eth) AS tvl_eth
                FROM balancer.liquidity GROUP BY ALL
            ), t AS (
                SELECT block_date, blockchain, pool_id, sum(amount_usd) AS swap_amount_usd, sum(amount_usd * swap_fee) AS fee_amount_usd
                FROM balancer.trades GROUP BY ALL
            )
            SELECT l.blockchain, 'balancer' AS project, l.version, l.block_date, l.pool_address AS project_contract_address, l.pool_symbol, l.pool_type,
                   coalesce(t.swap_amount_usd, 0) AS swap_amount_usd, l.tvl_usd, l.tvl_eth, coalesce(t.fee_amount_usd, 0) AS fee_amount_usd
            FROM l LEFT JOIN t ON t.block_date = l.block_date AND t.blockchain = l.blockchain AND t.pool_id = l.pool_id
            ORDER BY l.block_date, l.blockchain, project_contract_address
            """;
        // labels.balancer_v2_pools_<chain> (labels_balancer_v2_pools_<chain>.sql): spellbook's labels.balancer_v2_pools is the
        // UNION of these per-chain models (SELECT *), so each is the chain's rows with the same columns.
        string poolLabelViews = string.Concat(BalancerChains.Select(chain =>
            $"CREATE OR REPLACE VIEW labels.balancer_v2_pools_{chain} AS SELECT * FROM labels.balancer_v2_pools WHERE blockchain = '{chain}';\n"));
        // balancer.pools_tokens_weights (balancer_pools_tokens_weights.sql, the union of balancer_v2_<chain>_pools_tokens_weights.sql):
        // the weighted pools' tokens as their factory's create call set them (the demo's are 50/50), normalized_weight =
        // the uint256 weight / 1e18, a double; the stable pools have none. The per-chain models have the same columns.
        string weightViews = string.Concat(BalancerChains.Select(chain =>
            $"CREATE OR REPLACE VIEW balancer_v2_{chain}.pools_tokens_weights AS SELECT * FROM balancer.pools_tokens_weights WHERE blockchain = '{chain}';\n"));
        yield return $$"""
            CREATE OR REPLACE TABLE labels.balancer_v2_pools AS
            SELECT chain AS blockchain, pool_address AS address, pool_symbol AS name, pool_type, 'balancer_v2_pool' AS category,
                   'balancerlabs' AS contributor, 'query' AS source, created_ts AS created_at, created_ts AS updated_at,
                   'balancer_v2_pools_' || chain AS model_name, 'identifier' AS label_type
            FROM demo_bal_pools
            ORDER BY blockchain, k;
            {{poolLabelViews}}
            CREATE OR REPLACE TABLE balancer.pools_tokens_weights AS
            SELECT chain AS blockchain, '2' AS version, pool_id, token_a AS token_address, 0.5::DOUBLE AS normalized_weight FROM demo_bal_pools WHERE pool_type = 'weighted'
            UNION ALL
            SELECT chain, '2', pool_id, token_b, 0.5::DOUBLE FROM demo_bal_pools WHERE pool_type = 'weighted'
            ORDER BY blockchain, pool_id, token_address;
            {{weightViews}}
            """;
        foreach (string sql in BalancerV3Script(size).Concat(BalancerV3BufferScript(size)).Concat(BalancerV3ReClammScript(size)).Concat(GaugeScript(size)).Concat(VeBalSpellScript(size)).Concat(AuraScript(size)))
        {
            yield return sql;
        }
        yield return "DROP TABLE IF EXISTS temp.main.demo_bal_events; DROP TABLE IF EXISTS temp.main.demo_bal_swaps; DROP TABLE IF EXISTS temp.main.demo_bal_pools; "
            + "DROP TABLE IF EXISTS temp.main.demo_bal3_pools;";
    }

    /// <summary>
    /// Picks one in fifty of the chain's successful transactions (by <paramref name="seed"/>) as a swap into a temp table:
    /// the pool's pair number (0-14), whether token a goes in, and 10 to 100,000 USD (seeds + 1, + 2, + 3).
    /// </summary>
    private static string InsertSwaps(string table, string chain, int seed, string condition) => $"""
        INSERT INTO {table}
        SELECT '{chain}', hash, "from", "to", "index", block_time, block_number, block_date, demo_int(hash, {seed + 1}, 15), demo_int(hash, {seed + 2}, 2) = 0,
               pow(10, 1 + 4 * demo_u(hash, {seed + 3}))
        FROM {chain}.transactions
        WHERE success AND demo_int(hash, {seed}, 50) = 0 {condition}
        """;

    private static string EthPrice => WellKnownTokens[0].Price.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A pool's first join of token <paramref name="side"/> ("a" or "b"): 50 million USD at its demo price, raw.</summary>
    private static string JoinRaw(string side) => $"CAST(printf('%.0f', 5e7 / price_{side} * pow(10, decimals_{side})) AS HUGEINT)";
}
