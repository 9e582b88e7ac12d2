namespace Strata.Engine.DuckDb;

/// <summary>
/// Balancer V3's reCLAMM pools on the demo's V3 chains, in Dune's decoded names and columns (the deployed pool's events,
/// <c>IReClammEvents</c> of balancer/reclamm: <c>VirtualBalancesUpdated(virtualBalanceA, virtualBalanceB)</c>,
/// <c>CenterednessMarginUpdated(centerednessMargin)</c>, <c>PriceRatioStateUpdated(startFourthRootPriceRatio,
/// endFourthRootPriceRatio, priceRatioUpdateStartTime, priceRatioUpdateEndTime)</c>,
/// <c>DailyPriceShiftExponentUpdated(dailyPriceShiftExponent, dailyPriceShiftBase)</c>, <c>LastTimestampUpdated(uint32
/// lastTimestamp)</c>, and the Vault's calls of <c>onSwap(PoolSwapParams request) returns (uint256
/// amountCalculatedScaled18)</c>), with Dune's multichain views (<c>balancer_v3_multichain.reclammpool_*</c>):
/// <list type="bullet">
/// <item>Three of each chain's fifteen V3 pools (WETH-USDC, WETH-WBTC, WETH-LINK) are reCLAMM pools: registered by the
/// reCLAMM factory (<c>0x355bd33f…</c>, the address public queries filter <c>vault_evt_poolregistered.factory</c> on), the
/// pool its own hook (before initialize, add and remove liquidity), unbalanced liquidity disabled; labelled
/// <c>pool_type = 'reclamm'</c> with its symbol as name, as spellbook's V3 pool labels do. Their swaps go either way.</item>
/// <item>Initialization (the Vault's <c>LiquidityAdded</c> of kind 1, log index 5): the pool emits, at log indexes 0–4,
/// <c>VirtualBalancesUpdated</c> (a centered pool: each virtual balance is its real balance in 18 decimals over q − 1, q
/// the fourth root of the price ratio, 1.10–1.30), <c>PriceRatioStateUpdated</c> (start = end = q, both times the
/// initialization's), <c>DailyPriceShiftExponentUpdated</c> (50–100 %; the base is 1 − exponent / 124649 as the
/// contract's <c>toDailyPriceShiftBase</c> rounds it, the exponent emitted back from the base),
/// <c>CenterednessMarginUpdated</c> (20–35 %) and <c>LastTimestampUpdated</c>.</item>
/// <item>Each in-span add or remove (the Vault's event at 80,000 + index): <c>VirtualBalancesUpdated</c> at 78,000 + index
/// with the virtual balances scaled by the BPT supply's change (the contract's <c>onBeforeAdd/RemoveLiquidity</c>: the
/// initial virtual balances × supply after / initial supply), <c>LastTimestampUpdated</c> at 79,000 + index.</item>
/// <item>Each swap (the Vault's <c>Swap</c> at 20,000 + index): the Vault's <c>onSwap</c> call (EXACT_IN; the amount given
/// net of the swap fee and the result, both in 18 decimals; <c>balancesScaled18</c> the pool's real balances before the
/// swap: the initialization, adds, removes and earlier swaps, the whole amount in staying in the pool) and
/// <c>LastTimestampUpdated</c> at 17,000 + index. The pool stays within its target range (centeredness at or above the
/// margin), so a swap does not move the virtual balances and emits no <c>VirtualBalancesUpdated</c>.</item>
/// <item>The first reCLAMM pool of each chain lowers its margin by 5 points in the chain's first transaction from a time
/// drawn in days 15 to 20 of the span (log indexes 90,000 + index: <c>LastTimestampUpdated</c>, then + 1 <c>CenterednessMarginUpdated</c>).</item>
/// </list>
/// Not modelled: the swaps keep the demo's fixed prices (the amounts out are not the curve's; the curve's price is within a
/// few percent of them at the demo's sizes), rebalancing (virtual balances moving while the pool is out of range), price
/// ratio updates, the Vault's <c>VaultAuxiliary</c> copies of these events and <c>ReclammPoolFactory_call_create</c>.
/// </summary>
public static partial class DemoData
{
    /// <summary>The demo V3 pools (pair numbers: WETH-USDC, WETH-WBTC, WETH-LINK) that are reCLAMM pools.</summary>
    private const string ReClammPoolNumbers = "0, 3, 4";

    /// <summary>The reCLAMM pool factory the public queries filter V3 pool registrations on (dune.com/queries/5244620).</summary>
    private const string ReClammFactory = "355bd33f0033066bb3de396a6d069be57353ad95";

    private static readonly (string Table, string Lower)[] ReClammTables =
    [
        ("ReClammPool_evt_VirtualBalancesUpdated", "reclammpool_evt_virtualbalancesupdated"),
        ("ReClammPool_evt_CenterednessMarginUpdated", "reclammpool_evt_centerednessmarginupdated"),
        ("ReClammPool_evt_PriceRatioStateUpdated", "reclammpool_evt_priceratiostateupdated"),
        ("ReClammPool_evt_DailyPriceShiftExponentUpdated", "reclammpool_evt_dailypriceshiftexponentupdated"),
        ("ReClammPool_evt_LastTimestampUpdated", "reclammpool_evt_lasttimestampupdated"),
        ("ReClammPool_call_onSwap", "reclammpool_call_onswap"),
    ];

    private static IEnumerable<string> BalancerV3ReClammTables => BalancerV3Chains
        .SelectMany(c => ReClammTables.Select(t => $"balancer_v3_{c}.{t.Table}"))
        .Concat(ReClammTables.Select(t => $"balancer_v3_multichain.{t.Lower}"));

    /// <summary>The statements; they read <c>demo_bal3_pools</c> and the V3 Vault's swap and liquidity tables, so they run after <see cref="BalancerV3BufferScript"/>.</summary>
    private static IEnumerable<string> BalancerV3ReClammScript(Sizes size)
    {
        string start = Sql(size.Start);
        // Parameters in 18 decimals, drawn on re-hashed pool numbers (seeded hashes of one value are not independent).
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_rcl_pools AS
            SELECT chain, j, k, pool, decimals_a, decimals_b,
                   CAST(1.10e18 + 1e16 * demo_int(hash(j * 100 + k, 1031), 0, 21) AS HUGEINT) AS q18,
                   CAST(5e17 + 125e15 * demo_int(hash(j * 100 + k, 1032), 0, 5) AS HUGEINT) AS exponent18,
                   CAST(2e17 + 5e16 * demo_int(hash(j * 100 + k, 1033), 0, 4) AS HUGEINT) AS margin18,
                   row_number() OVER (PARTITION BY chain ORDER BY k) AS n
            FROM demo_bal3_pools WHERE reclamm;
            CREATE OR REPLACE TEMP TABLE demo_rcl_ops (chain VARCHAR, pool BLOB, tx_hash BLOB, tx_from BLOB, tx_to BLOB, tx_index BIGINT,
                block_time TIMESTAMPTZ, block_number BIGINT, block_date DATE, evt_index BIGINT, op VARCHAR, d_a HUGEINT, d_b HUGEINT,
                supply HUGEINT, given HUGEINT, calc HUGEINT, a_in BOOLEAN)
            """;
        const string evt = "tx_hash AS evt_tx_hash, tx_from AS evt_tx_from, tx_to AS evt_tx_to, tx_index AS evt_tx_index";
        const string at = "block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date";
        foreach (string chain in BalancerV3Chains)
        {
            // The pool's operations in 18 decimals: liquidity (the Vault's events) and swaps.
            string scaleA = "CAST(pow(10, 18 - p.decimals_a) AS HUGEINT)", scaleB = "CAST(pow(10, 18 - p.decimals_b) AS HUGEINT)";
            string raw(string column) => $"CAST(CAST({column} AS VARCHAR) AS HUGEINT)";
            yield return $$"""
                INSERT INTO demo_rcl_ops
                SELECT '{{chain}}', l.pool, l.evt_tx_hash, l.evt_tx_from, l.evt_tx_to, l.evt_tx_index, l.evt_block_time, l.evt_block_number, l.evt_block_date,
                       l.evt_index, CASE WHEN l.kind = 1 THEN 'init' ELSE 'add' END, {{raw("l.\"amountsAddedRaw\"[1]")}} * {{scaleA}},
                       {{raw("l.\"amountsAddedRaw\"[2]")}} * {{scaleB}}, {{raw("l.\"totalSupply\"")}}, NULL, NULL, NULL
                FROM balancer_v3_{{chain}}."Vault_evt_LiquidityAdded" l JOIN demo_rcl_pools p ON p.chain = '{{chain}}' AND p.pool = l.pool
                UNION ALL
                SELECT '{{chain}}', l.pool, l.evt_tx_hash, l.evt_tx_from, l.evt_tx_to, l.evt_tx_index, l.evt_block_time, l.evt_block_number, l.evt_block_date,
                       l.evt_index, 'remove', -{{raw("l.\"amountsRemovedRaw\"[1]")}} * {{scaleA}}, -{{raw("l.\"amountsRemovedRaw\"[2]")}} * {{scaleB}},
                       {{raw("l.\"totalSupply\"")}}, NULL, NULL, NULL
                FROM balancer_v3_{{chain}}."Vault_evt_LiquidityRemoved" l JOIN demo_rcl_pools p ON p.chain = '{{chain}}' AND p.pool = l.pool
                UNION ALL
                SELECT '{{chain}}', s.pool, s.evt_tx_hash, s.evt_tx_from, s.evt_tx_to, s.evt_tx_index, s.evt_block_time, s.evt_block_number, s.evt_block_date,
                       s.evt_index, 'swap',
                       CASE WHEN a_in THEN {{raw("s.\"amountIn\"")}} * {{scaleA}} ELSE -{{raw("s.\"amountOut\"")}} * {{scaleA}} END,
                       CASE WHEN a_in THEN -{{raw("s.\"amountOut\"")}} * {{scaleB}} ELSE {{raw("s.\"amountIn\"")}} * {{scaleB}} END, NULL,
                       ({{raw("s.\"amountIn\"")}} - {{raw("s.\"swapFeeAmount\"")}}) * CASE WHEN a_in THEN {{scaleA}} ELSE {{scaleB}} END,
                       {{raw("s.\"amountOut\"")}} * CASE WHEN a_in THEN {{scaleB}} ELSE {{scaleA}} END, a_in
                FROM (SELECT w.*, w."tokenIn" = unhex(substr(json_extract_string(r."tokenConfig"[1], '$.token'), 3)) AS a_in
                      FROM balancer_v3_{{chain}}."Vault_evt_Swap" w JOIN balancer_v3_{{chain}}."Vault_evt_PoolRegistered" r ON r.pool = w.pool) s
                JOIN demo_rcl_pools p ON p.chain = '{{chain}}' AND p.pool = s.pool
                """;
        }
        // Real balances before each operation; the initial virtual balances and supply.
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_rcl_state AS
            WITH o AS (
                SELECT o.*, p.q18, p.exponent18, p.margin18, p.n,
                       coalesce(sum(d_a) OVER w, 0) AS bal_a, coalesce(sum(d_b) OVER w, 0) AS bal_b
                FROM demo_rcl_ops o JOIN demo_rcl_pools p ON p.chain = o.chain AND p.pool = o.pool
                WINDOW w AS (PARTITION BY o.chain, o.pool ORDER BY o.block_number, o.evt_index ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
            ), i AS (
                SELECT chain, pool, supply AS supply0,
                       CAST(printf('%.0f', CAST(d_a AS DOUBLE) * 1e18 / CAST(q18 - CAST(1e18 AS HUGEINT) AS DOUBLE)) AS HUGEINT) AS va0,
                       CAST(printf('%.0f', CAST(d_b AS DOUBLE) * 1e18 / CAST(q18 - CAST(1e18 AS HUGEINT) AS DOUBLE)) AS HUGEINT) AS vb0
                FROM o WHERE op = 'init'
            )
            SELECT o.*, i.va0, i.vb0, i.supply0,
                   CASE WHEN op IN ('init', 'add', 'remove') THEN CAST(printf('%.0f', CAST(i.va0 AS DOUBLE) * CAST(o.supply AS DOUBLE) / CAST(i.supply0 AS DOUBLE)) AS HUGEINT) END AS va,
                   CASE WHEN op IN ('init', 'add', 'remove') THEN CAST(printf('%.0f', CAST(i.vb0 AS DOUBLE) * CAST(o.supply AS DOUBLE) / CAST(i.supply0 AS DOUBLE)) AS HUGEINT) END AS vb
            FROM o JOIN i ON i.chain = o.chain AND i.pool = o.pool
            """;
        foreach (string chain in BalancerV3Chains)
        {
            string u(string e) => $"CAST({e} AS {Uint256Type})";
            // The margin change: the chain's first successful transaction from a time drawn in days 15 to 20 of the span.
            yield return $$"""
                CREATE OR REPLACE TEMP TABLE demo_rcl_margin AS
                WITH t AS (
                    SELECT p.pool, p.margin18, x.hash AS tx_hash, x."from" AS tx_from, x."to" AS tx_to, x."index" AS tx_index, x.block_time,
                           x.block_number, x.block_date, row_number() OVER (ORDER BY x.block_number, x."index") AS r
                    FROM demo_rcl_pools p JOIN {{chain}}.transactions x
                      ON x.success AND x.block_time >= {{start}} + INTERVAL 15 DAY + to_seconds(CAST(432000 * demo_u(hash(p.j, 1034), 0) AS BIGINT))
                    WHERE p.chain = '{{chain}}' AND p.n = 1
                )
                SELECT * FROM t WHERE r = 1;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."ReClammPool_evt_VirtualBalancesUpdated" AS
                SELECT pool AS contract_address, {{evt}}, CASE WHEN op = 'init' THEN 0 ELSE evt_index - 2000 END AS evt_index, {{at}},
                       {{u("va")}} AS "virtualBalanceA", {{u("vb")}} AS "virtualBalanceB"
                FROM demo_rcl_state WHERE chain = '{{chain}}' AND op <> 'swap' ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."ReClammPool_evt_PriceRatioStateUpdated" AS
                SELECT pool AS contract_address, {{evt}}, 1::BIGINT AS evt_index, {{at}}, {{u("q18")}} AS "startFourthRootPriceRatio",
                       {{u("q18")}} AS "endFourthRootPriceRatio", {{u("CAST(epoch(block_time) AS BIGINT)")}} AS "priceRatioUpdateStartTime",
                       {{u("CAST(epoch(block_time) AS BIGINT)")}} AS "priceRatioUpdateEndTime"
                FROM demo_rcl_state WHERE chain = '{{chain}}' AND op = 'init' ORDER BY evt_block_number;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."ReClammPool_evt_DailyPriceShiftExponentUpdated" AS
                SELECT pool AS contract_address, {{evt}}, 2::BIGINT AS evt_index, {{at}},
                       {{u("exponent18 // 124649 * 124649")}} AS "dailyPriceShiftExponent", {{u("CAST(1e18 AS HUGEINT) - exponent18 // 124649")}} AS "dailyPriceShiftBase"
                FROM demo_rcl_state WHERE chain = '{{chain}}' AND op = 'init' ORDER BY evt_block_number;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."ReClammPool_evt_CenterednessMarginUpdated" AS
                SELECT pool AS contract_address, {{evt}}, 3::BIGINT AS evt_index, {{at}}, {{u("margin18")}} AS "centerednessMargin"
                FROM demo_rcl_state WHERE chain = '{{chain}}' AND op = 'init'
                UNION ALL
                SELECT pool, {{evt}}, 90001 + tx_index, {{at}}, {{u("margin18 - CAST(5e16 AS HUGEINT)")}} FROM demo_rcl_margin
                ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."ReClammPool_evt_LastTimestampUpdated" AS
                SELECT pool AS contract_address, {{evt}},
                       CASE op WHEN 'init' THEN 4 WHEN 'swap' THEN evt_index - 3000 ELSE evt_index - 1000 END AS evt_index, {{at}},
                       CAST(epoch(block_time) AS BIGINT) AS "lastTimestamp"
                FROM demo_rcl_state WHERE chain = '{{chain}}'
                UNION ALL
                SELECT pool, {{evt}}, 90000 + tx_index, {{at}}, CAST(epoch(block_time) AS BIGINT) FROM demo_rcl_margin
                ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."ReClammPool_call_onSwap" AS
                SELECT pool AS contract_address, true AS call_success, tx_hash AS call_tx_hash, tx_from AS call_tx_from, tx_to AS call_tx_to,
                       tx_index AS call_tx_index, [0, 1]::BIGINT[] AS call_trace_address, block_time AS call_block_time, block_number AS call_block_number,
                       block_date AS call_block_date,
                       '{"kind":0,"amountGivenScaled18":' || given || ',"balancesScaled18":[' || bal_a || ',' || bal_b || '],"indexIn":'
                           || CASE WHEN a_in THEN '0,"indexOut":1' ELSE '1,"indexOut":0' END || ',"router":"0x' || lower(hex(tx_to)) || '","userData":"0x"}' AS request,
                       {{u("calc")}} AS "output_amountCalculatedScaled18"
                FROM demo_rcl_state WHERE chain = '{{chain}}' AND op = 'swap' ORDER BY call_block_number, call_tx_index;
                """;
        }
        yield return "CREATE SCHEMA IF NOT EXISTS balancer_v3_multichain;\n"
            + string.Concat(ReClammTables.Select(t => $"CREATE OR REPLACE VIEW balancer_v3_multichain.{t.Lower} AS "
                + string.Join(" UNION ALL ", BalancerV3Chains.Select(c => $"SELECT '{c}' AS chain, * FROM balancer_v3_{c}.\"{t.Table}\"")) + ";\n"))
            + "DROP TABLE IF EXISTS temp.main.demo_rcl_margin; DROP TABLE IF EXISTS temp.main.demo_rcl_state; DROP TABLE IF EXISTS temp.main.demo_rcl_ops; "
            + "DROP TABLE IF EXISTS temp.main.demo_rcl_pools;";
    }
}
