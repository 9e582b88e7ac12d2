namespace Strata.Engine.DuckDb;

/// <summary>
/// Uniswap V2's (and SushiSwap's, the same contract) pair events besides Swap, decoded as Dune names them:
/// <c>Pair_evt_Sync</c>, <c>Pair_evt_Mint</c> and <c>Pair_evt_Burn</c>, with reserves that follow the swaps.
/// <list type="bullet">
/// <item>Each pair's liquidity comes before the span (the pairs exist when it starts, as <c>Factory_evt_PairCreated</c>
/// says): a Mint a block after the pair's creation, of three times each token's whole volume over the span (in and out),
/// and a Burn an hour later of one time it, each followed by its Sync; the reserves at the span's start are twice the
/// volume, so no swap takes a reserve below zero.</item>
/// <item>Every Swap log's Sync (the log before it, as the pair's <c>_update</c> emits it) carries the reserves after the
/// swap: the start's plus the running sum of the pair's net amounts in. The Sync logs of <c>ethereum.logs</c> are written
/// with them, so the decoded table and the raw logs agree (and the other chains, which replay those logs, carry them).</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static readonly (string Schema, string Project, string Router)[] V2Pairs =
    [
        ("uniswap_v2_ethereum", "uniswap", "7a250d5630b4cf539739df2c5dacb4c659f2488d"),
        ("sushi_ethereum", "sushiswap", "d9e1ce17f2641f24ae83637ab66a2cca9c378b9f"),
    ];

    private static IEnumerable<string> V2PairTables =>
        V2Pairs.SelectMany(p => new[] { $"{p.Schema}.Pair_evt_Sync", $"{p.Schema}.Pair_evt_Mint", $"{p.Schema}.Pair_evt_Burn" });

    /// <summary>Runs after the Swap and PairCreated tables, while <c>demo_swaps</c> exists (DemoData.Decoded.cs).</summary>
    private static IEnumerable<string> V2PairScript()
    {
        // Net amounts in per swap, token0 and token1 (amount in minus amount out), and each pair's volume of each token.
        yield return $"""
            CREATE OR REPLACE TEMP TABLE demo_v2_sync AS
            WITH s AS (
                SELECT project, pair, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, evt_index, evt_block_time, evt_block_number, evt_block_date,
                       CASE WHEN zero_in THEN sold_raw ELSE bought_raw END AS moved0,
                       CASE WHEN zero_in THEN bought_raw ELSE sold_raw END AS moved1,
                       CASE WHEN zero_in THEN sold_raw ELSE 0::{Uint256Type} - bought_raw END AS net0,
                       CASE WHEN zero_in THEN 0::{Uint256Type} - bought_raw ELSE sold_raw END AS net1
                FROM demo_swaps
            ), v AS (
                SELECT *,
                       sum(moved0) OVER (PARTITION BY pair) AS volume0, sum(moved1) OVER (PARTITION BY pair) AS volume1,
                       sum(net0) OVER w AS cum0, sum(net1) OVER w AS cum1
                FROM s
                WINDOW w AS (PARTITION BY pair ORDER BY evt_block_number, evt_index ROWS UNBOUNDED PRECEDING)
            )
            SELECT project, pair, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, evt_index - 1 AS evt_index, evt_block_time, evt_block_number,
                   evt_block_date, volume0, volume1,
                   volume0 + volume0 + cum0 AS reserve0, volume1 + volume1 + cum1 AS reserve1
            FROM v
            """;
        // The Sync logs carry the reserves (two uint112 words).
        yield return """
            UPDATE ethereum.logs l SET data = demo_uint(r.reserve0) || demo_uint(r.reserve1)
            FROM demo_v2_sync r
            WHERE l.block_number = r.evt_block_number AND l."index" = r.evt_index AND l.contract_address = r.pair
              AND l.topic0 = unhex('1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1')
            """;
        foreach (var (schema, project, router) in V2Pairs)
        {
            // The liquidity's two transactions before the span: the Mint a block after the pair's creation, the Burn 300 blocks later.
            yield return $$"""
                CREATE OR REPLACE TEMP TABLE demo_v2_liquidity AS
                WITH v AS (SELECT pair, any_value(volume0) AS volume0, any_value(volume1) AS volume1 FROM demo_v2_sync WHERE project = '{{project}}' GROUP BY pair)
                SELECT c.pair, step, demo_hash(hash(c.pair, step), 63) AS evt_tx_hash, demo_wallet(hash(c.pair) % 1000) AS evt_tx_from,
                       unhex('{{router}}') AS evt_tx_to, 0::BIGINT AS evt_tx_index,
                       c.evt_block_time + to_seconds({{SlotSeconds}} * blocks) AS evt_block_time,
                       c.evt_block_number + blocks AS evt_block_number,
                       CAST((c.evt_block_time + to_seconds({{SlotSeconds}} * blocks)) AT TIME ZONE 'UTC' AS DATE) AS evt_block_date,
                       CASE step WHEN 'mint' THEN volume0 + volume0 + volume0 ELSE volume0 END AS amount0,
                       CASE step WHEN 'mint' THEN volume1 + volume1 + volume1 ELSE volume1 END AS amount1,
                       CASE step WHEN 'mint' THEN volume0 + volume0 + volume0 ELSE volume0 + volume0 END AS reserve0,
                       CASE step WHEN 'mint' THEN volume1 + volume1 + volume1 ELSE volume1 + volume1 END AS reserve1
                FROM {{schema}}."Factory_evt_PairCreated" c
                JOIN v USING (pair)
                CROSS JOIN (VALUES ('mint', 1), ('burn', 300)) k(step, blocks)
                """;
            yield return $"""
                CREATE OR REPLACE TABLE {schema}."Pair_evt_Sync" AS
                SELECT pair AS contract_address, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index,
                       CASE step WHEN 'mint' THEN 2 ELSE 4 END::BIGINT AS evt_index,
                       evt_block_time, evt_block_number, evt_block_date, reserve0, reserve1
                FROM demo_v2_liquidity
                UNION ALL
                SELECT pair, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, evt_index, evt_block_time, evt_block_number, evt_block_date,
                       reserve0, reserve1
                FROM demo_v2_sync WHERE project = '{project}'
                ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE {schema}."Pair_evt_Mint" AS
                SELECT pair AS contract_address, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, 3::BIGINT AS evt_index,
                       evt_block_time, evt_block_number, evt_block_date, evt_tx_to AS sender, amount0, amount1
                FROM demo_v2_liquidity WHERE step = 'mint'
                ORDER BY evt_block_number;
                CREATE OR REPLACE TABLE {schema}."Pair_evt_Burn" AS
                SELECT pair AS contract_address, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, 5::BIGINT AS evt_index,
                       evt_block_time, evt_block_number, evt_block_date, evt_tx_to AS sender, amount0, amount1, evt_tx_from AS "to"
                FROM demo_v2_liquidity WHERE step = 'burn'
                ORDER BY evt_block_number;
                """;
        }
        yield return "DROP TABLE IF EXISTS temp.main.demo_v2_liquidity; DROP TABLE IF EXISTS temp.main.demo_v2_sync;";
    }
}
