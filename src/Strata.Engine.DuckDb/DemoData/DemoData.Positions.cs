namespace Strata.Engine.DuckDb;

/// <summary>
/// Uniswap V3 liquidity events in Dune's decoded names and columns (spellbook's <c>sources/uniswap/ethereum</c>:
/// <c>uniswap_v3_ethereum.Pair_evt_Mint</c>, <c>Pair_evt_Burn</c>, <c>Pair_evt_Collect</c>) on the demo's V3 pools
/// (<see cref="DecodedScript"/>): one in two hundred of Ethereum's successful transactions adds liquidity to a pool
/// (Mint, by the NonfungiblePositionManager) or removes it (Burn, then Collect of the same amounts at the next log index), 100 to 100,000 USD at the demo
/// prices, on a range of ticks around the pool's last swap tick (multiples of the 0.3% tier's spacing, 60). Log indexes
/// are 20,000 + the transaction's index, clear of the demo's own logs (ethereum.logs does not hold these events).
/// </summary>
public static partial class DemoData
{
    private static readonly string[] PositionTables =
        ["uniswap_v3_ethereum.Pair_evt_Mint", "uniswap_v3_ethereum.Pair_evt_Burn", "uniswap_v3_ethereum.Pair_evt_Collect"];

    /// <summary>Uniswap V3's NonfungiblePositionManager on mainnet: the sender and owner of the positions.</summary>
    private const string PositionManager = "c36442b4a4522e871399cd717abdd847ab11fe88";

    private static IEnumerable<string> PositionScript()
    {
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_v3_positions AS
            WITH pools AS (
                SELECT c.pool, c.token0, c.token1, (row_number() OVER (ORDER BY c.evt_block_number, c.pool) - 1)::BIGINT AS k,
                       (SELECT arg_max(s.tick, s.evt_block_number) FROM uniswap_v3_ethereum."Pair_evt_Swap" s WHERE s.contract_address = c.pool) AS tick,
                       t0.decimals AS d0, t1.decimals AS d1, t0.price AS p0, t1.price AS p1
                FROM uniswap_v3_ethereum."Factory_evt_PoolCreated" c
                JOIN demo_tokens t0 ON t0.address = c.token0
                JOIN demo_tokens t1 ON t1.address = c.token1
            ), tx AS (
                SELECT hash, "from", "to", "index", block_time, block_number, block_date,
                       demo_int(hash, 981, (SELECT greatest(1, count(*)) FROM pools)) AS k, demo_u(hash, 982) < 0.5 AS mint,
                       pow(10, 2 + 3 * demo_u(hash, 983)) AS usd, demo_int(hash, 984, 100) AS below, demo_int(hash, 985, 100) AS above
                FROM ethereum.transactions
                WHERE success AND demo_int(hash, 980, 200) = 0
            )
            SELECT tx.*, p.pool, p.tick,
                   (floor(coalesce(p.tick, 0) / 60) - 1 - below)::INTEGER * 60 AS tick_lower, (floor(coalesce(p.tick, 0) / 60) + 1 + above)::INTEGER * 60 AS tick_upper,
                   CAST(printf('%.0f', usd / 2 / p.p0 * pow(10, p.d0)) AS HUGEINT) AS amount0,
                   CAST(printf('%.0f', usd / 2 / p.p1 * pow(10, p.d1)) AS HUGEINT) AS amount1
            FROM tx JOIN pools p ON p.k = tx.k
            WHERE p.p0 > 0 AND p.p1 > 0 AND usd / 2 / p.p0 * pow(10, p.d0) < 1e37 AND usd / 2 / p.p1 * pow(10, p.d1) < 1e37
            """;
        string evt = """
            pool AS contract_address, hash AS evt_tx_hash, "from" AS evt_tx_from, "to" AS evt_tx_to, "index" AS evt_tx_index,
            20000 + "index" AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date
            """;
        // Liquidity: sqrt(amount0 * amount1), the geometric mean V3 mints for a position around the price.
        string liquidity = $"CAST(printf('%.0f', sqrt(CAST(amount0 AS DOUBLE)) * sqrt(CAST(amount1 AS DOUBLE))) AS {Uint256Type})";
        yield return $"""
            CREATE OR REPLACE TABLE uniswap_v3_ethereum."Pair_evt_Mint" AS
            SELECT {evt}, unhex('{PositionManager}') AS sender, unhex('{PositionManager}') AS owner, tick_lower AS "tickLower", tick_upper AS "tickUpper",
                   {liquidity} AS amount, CAST(amount0 AS {Uint256Type}) AS amount0, CAST(amount1 AS {Uint256Type}) AS amount1
            FROM demo_v3_positions WHERE mint
            ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE uniswap_v3_ethereum."Pair_evt_Burn" AS
            SELECT {evt}, unhex('{PositionManager}') AS owner, tick_lower AS "tickLower", tick_upper AS "tickUpper",
                   {liquidity} AS amount, CAST(amount0 AS {Uint256Type}) AS amount0, CAST(amount1 AS {Uint256Type}) AS amount1
            FROM demo_v3_positions WHERE NOT mint
            ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE uniswap_v3_ethereum."Pair_evt_Collect" AS
            SELECT * REPLACE (evt_index + 1 AS evt_index) FROM (
                SELECT {evt}, unhex('{PositionManager}') AS owner, "from" AS recipient, tick_lower AS "tickLower", tick_upper AS "tickUpper",
                       CAST(amount0 AS {Uint256Type}) AS amount0, CAST(amount1 AS {Uint256Type}) AS amount1
                FROM demo_v3_positions WHERE NOT mint
            )
            ORDER BY evt_block_number, evt_index;
            DROP TABLE IF EXISTS temp.main.demo_v3_positions;
            """;
    }
}
