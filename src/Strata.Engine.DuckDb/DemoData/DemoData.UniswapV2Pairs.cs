namespace Strata.Engine.DuckDb;

/// <summary>
/// Uniswap V2's (and SushiSwap's, the same contract) pair events besides Swap, decoded as Dune names them:
/// <c>Pair_evt_Sync</c>, <c>Pair_evt_Mint</c> and <c>Pair_evt_Burn</c>, with reserves that follow the swaps.
/// <list type="bullet">
/// <item>Each pair's liquidity comes before the span (the pairs exist when it starts, as <c>Factory_evt_PairCreated</c>
/// says): a Mint a block after the pair's creation and a Burn of a fifth of it 300 blocks later, each followed by its Sync
/// (the amounts are DemoData.V2Swaps.cs's demo_v2_pool: 25 times each token's span volume, kept below 2^110).</item>
/// <item>Every Swap log's Sync (the log before it, as the pair's <c>_update</c> emits it) carries the reserves after the
/// swap, priced by the constant-product rule (DemoData.V2Swaps.cs); the decoded in-span Syncs are those logs decoded, so
/// the decoded table and the raw logs agree (and the other chains, which replay those logs, carry them).</item>
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

    /// <summary>Runs after the Swap and PairCreated tables (DemoData.Decoded.cs), from demo_v2_pool (DemoData.V2Swaps.cs).</summary>
    private static IEnumerable<string> V2PairScript()
    {
        foreach (var (schema, _, router) in V2Pairs)
        {
            // The liquidity's two transactions before the span: the Mint a block after the pair's creation, the Burn 300 blocks later.
            yield return $$"""
                CREATE OR REPLACE TEMP TABLE demo_v2_liquidity AS
                SELECT c.pair, step, demo_hash(hash(c.pair, step), 63) AS evt_tx_hash, demo_wallet(hash(c.pair) % 1000) AS evt_tx_from,
                       unhex('{{router}}') AS evt_tx_to, 0::BIGINT AS evt_tx_index,
                       c.evt_block_time + to_seconds({{SlotSeconds}} * blocks) AS evt_block_time,
                       c.evt_block_number + blocks AS evt_block_number,
                       CAST((c.evt_block_time + to_seconds({{SlotSeconds}} * blocks)) AT TIME ZONE 'UTC' AS DATE) AS evt_block_date,
                       CASE step WHEN 'mint' THEN p.mint0 ELSE p.burn0 END::{{Uint256Type}} AS amount0,
                       CASE step WHEN 'mint' THEN p.mint1 ELSE p.burn1 END::{{Uint256Type}} AS amount1,
                       CASE step WHEN 'mint' THEN p.mint0::HUGEINT ELSE p.mint0::HUGEINT - p.burn0::HUGEINT END::{{Uint256Type}} AS reserve0,
                       CASE step WHEN 'mint' THEN p.mint1::HUGEINT ELSE p.mint1::HUGEINT - p.burn1::HUGEINT END::{{Uint256Type}} AS reserve1
                FROM {{schema}}."Factory_evt_PairCreated" c
                JOIN demo_v2_pool p ON unhex(p.pair) = c.pair
                CROSS JOIN (VALUES ('mint', 1), ('burn', 300)) k(step, blocks)
                """;
            // The in-span Syncs are the pairs' Sync logs (two uint112 words: the low 16 bytes of each, as two 64-bit halves).
            yield return $"""
                CREATE OR REPLACE TABLE {schema}."Pair_evt_Sync" AS
                SELECT pair AS contract_address, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index,
                       CASE step WHEN 'mint' THEN 2 ELSE 4 END::BIGINT AS evt_index,
                       evt_block_time, evt_block_number, evt_block_date, reserve0, reserve1
                FROM demo_v2_liquidity
                UNION ALL
                SELECT l.contract_address, {EventColumns},
                       CAST(CAST(((('0x' || substr(hex(l.data), 33, 16))::UBIGINT::UHUGEINT << 64) | ('0x' || substr(hex(l.data), 49, 16))::UBIGINT) AS VARCHAR) AS {Uint256Type}),
                       CAST(CAST(((('0x' || substr(hex(l.data), 97, 16))::UBIGINT::UHUGEINT << 64) | ('0x' || substr(hex(l.data), 113, 16))::UBIGINT) AS VARCHAR) AS {Uint256Type})
                FROM ethereum.logs l
                WHERE l.topic0 = unhex('1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1')
                  AND l.contract_address IN (SELECT pair FROM {schema}."Factory_evt_PairCreated")
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
        yield return "DROP TABLE IF EXISTS temp.main.demo_v2_liquidity;";
    }
}
