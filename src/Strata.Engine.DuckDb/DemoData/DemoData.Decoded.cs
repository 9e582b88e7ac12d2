namespace Strata.Engine.DuckDb;

/// <summary>
/// Tables real Dune queries read that the raw and curated demo tables did not cover, derived from them so joins give rows:
/// <list type="bullet">
/// <item>Decoded project tables in Dune's naming (spellbook's <c>sources/uniswap/ethereum</c> and
/// <c>sources/_sector/dex/trades/ethereum</c> column lists): <c>uniswap_v2_ethereum.Pair_evt_Swap</c> and
/// <c>sushi_ethereum.Pair_evt_Swap</c> are the demo's Swap logs of the Uniswap V2 and SushiSwap pairs (the same rows as
/// <c>dex.trades</c>: amounts in and out by the pair's token0/token1, as the log's data words order them; sender and to
/// from its topics); <c>*.Factory_evt_PairCreated</c> one row per pair that traded (token0, token1, pair, <c>_0</c> the
/// pair's ordinal), dated before the span (the pairs exist when it starts). <c>uniswap_v3_ethereum.Pair_evt_Swap</c> /
/// <c>Factory_evt_PoolCreated</c> show the same Uniswap swaps in V3's event shape (signed amount0/amount1 as seen from the
/// pool, the swap's price as sqrtPriceX96 and tick, fee 3000): the demo chain has no V3 pool of its own, and these give
/// queries written for V3 the demo's Uniswap activity (ethereum.logs holds only the V2 events).</item>
/// <item><c>tokens_ethereum.balances_daily</c> (evm-balances.mdx; spellbook's balances macros' columns): ERC-20 and native
/// ETH balances of every address that moved a token, from the transfers and the transactions (value, and the fee the
/// sender paid). The demo starts with no history, so an address is taken to hold at the start what it sends over the span:
/// a balance is the incoming amounts up to the day plus the outgoing amounts after it, never negative, exact as uint256. A
/// row for each day a balance changed and for the last day of every address and token (<c>last_updated</c> the last
/// change's day); Dune's table repeats the balance on every day between changes, which would cost rows times days.</item>
/// <item><c>labels."all"</c>: the name Dune's earlier label spell had, a view of <c>labels.addresses</c>.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static readonly string[] DecodedTables =
    [
        "uniswap_v2_ethereum.Pair_evt_Swap", "uniswap_v2_ethereum.Factory_evt_PairCreated", "sushi_ethereum.Pair_evt_Swap",
        "sushi_ethereum.Factory_evt_PairCreated", "uniswap_v3_ethereum.Pair_evt_Swap", "uniswap_v3_ethereum.Factory_evt_PoolCreated",
        "tokens_ethereum.balances_daily", "labels.all",
    ];

    /// <summary>The evt_* columns of a decoded event, from the log <c>l</c>.</summary>
    private const string EventColumns = """
        l.tx_hash AS evt_tx_hash, l.tx_from AS evt_tx_from, l.tx_to AS evt_tx_to, l.tx_index AS evt_tx_index, l."index" AS evt_index,
        l.block_time AS evt_block_time, l.block_number AS evt_block_number, l.block_date AS evt_block_date
        """;

    private static IEnumerable<string> DecodedScript(Sizes size)
    {
        yield return "CREATE SCHEMA IF NOT EXISTS uniswap_v2_ethereum; CREATE SCHEMA IF NOT EXISTS sushi_ethereum; CREATE SCHEMA IF NOT EXISTS uniswap_v3_ethereum;";
        // Each Swap log of dex.trades with its orientation: token0 went in when the first data word (amount0In) is not zero.
        yield return $"""
            CREATE OR REPLACE TEMP TABLE demo_swaps AS
            SELECT d.project, d.project_contract_address AS pair, {EventColumns},
                   unhex(substr(hex(l.topic1), 25)) AS sender, unhex(substr(hex(l.topic2), 25)) AS recipient,
                   substr(hex(l.data), 1, 64) <> repeat('0', 64) AS zero_in,
                   d.token_sold_address, d.token_bought_address, d.token_sold_amount_raw AS sold_raw, d.token_bought_amount_raw AS bought_raw
            FROM dex.trades d
            JOIN ethereum.logs l ON l.block_number = d.block_number AND l.tx_hash = d.tx_hash AND l."index" = d.evt_index
            """;
        foreach (var (schema, project, factory) in new[] { ("uniswap_v2_ethereum", "uniswap", "5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f"), ("sushi_ethereum", "sushiswap", "c0aee478e3658e2610c5f7a4a2e1777ce9e4f2ac") })
        {
            yield return $$"""
                CREATE OR REPLACE TABLE {{schema}}."Pair_evt_Swap" AS
                SELECT pair AS contract_address, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, evt_index, evt_block_time, evt_block_number, evt_block_date,
                       sender,
                       CASE WHEN zero_in THEN sold_raw ELSE 0::{{Uint256Type}} END AS "amount0In",
                       CASE WHEN zero_in THEN 0::{{Uint256Type}} ELSE sold_raw END AS "amount1In",
                       CASE WHEN zero_in THEN 0::{{Uint256Type}} ELSE bought_raw END AS "amount0Out",
                       CASE WHEN zero_in THEN bought_raw ELSE 0::{{Uint256Type}} END AS "amount1Out",
                       recipient AS "to"
                FROM demo_swaps WHERE project = '{{project}}'
                ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE {{schema}}."Factory_evt_PairCreated" AS
                {{PairsCreated(size, project, factory, $"token0, token1, pair, CAST(k AS {Uint256Type}) AS _0")}}
                """;
        }
        // V3's shape of the Uniswap swaps: amounts signed from the pool's side, the swap's price (token1 per token0, raw) as
        // sqrt(price) * 2^96 and as the tick floor(log_1.0001(price)), both within V3's bounds (ticks ±887272, and the
        // sqrt prices of those ticks: a meme token against a 6-decimal one is priced beyond them).
        yield return $"""
            CREATE OR REPLACE TABLE uniswap_v3_ethereum."Pair_evt_Swap" AS
            WITH s AS (
                SELECT *, CAST(CASE WHEN zero_in THEN sold_raw ELSE bought_raw END AS DOUBLE) AS a0,
                          CAST(CASE WHEN zero_in THEN bought_raw ELSE sold_raw END AS DOUBLE) AS a1
                FROM demo_swaps WHERE project = 'uniswap'
            )
            SELECT pair AS contract_address, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, evt_index, evt_block_time, evt_block_number, evt_block_date,
                   sender, recipient,
                   CASE WHEN zero_in THEN sold_raw ELSE CAST('-' || CAST(bought_raw AS VARCHAR) AS {Uint256Type}) END AS amount0,
                   CASE WHEN zero_in THEN CAST('-' || CAST(bought_raw AS VARCHAR) AS {Uint256Type}) ELSE sold_raw END AS amount1,
                   CAST(printf('%.0f', least(greatest(sqrt(a1 / a0) * pow(2, 96), 4295128739), 1.4614467034852101e48)) AS {Uint256Type}) AS "sqrtPriceX96",
                   CAST(hash(pair, 61) % 1000000000000000000 AS {Uint256Type}) AS liquidity,
                   CAST(greatest(-887272, least(887272, floor(ln(a1 / a0) / ln(1.0001)))) AS INTEGER) AS tick
            FROM s
            WHERE a0 > 0 AND a1 > 0
            ORDER BY evt_block_number, evt_index
            """;
        yield return $"""
            CREATE OR REPLACE TABLE uniswap_v3_ethereum."Factory_evt_PoolCreated" AS
            {PoolsCreated(size)}
            """;
        foreach (string sql in BalanceScript(size))
        {
            yield return sql;
        }
        yield return "CREATE OR REPLACE VIEW labels.\"all\" AS SELECT * FROM labels.addresses;";
        foreach (string sql in V2PairScript())
        {
            yield return sql;
        }
        yield return "DROP TABLE IF EXISTS temp.main.demo_swaps;";
    }

    /// <summary>One creation event per pair of <paramref name="project"/> that traded: before the span's first block, in
    /// the order of the pairs' first swaps, by the factory at its mainnet address.</summary>
    private static string PairsCreated(Sizes size, string project, string factory, string columns) => $"""
        WITH p AS (
            SELECT pair, min(evt_block_number) AS first_block,
                   arg_min(CASE WHEN zero_in THEN token_sold_address ELSE token_bought_address END, evt_block_number) AS token0,
                   arg_min(CASE WHEN zero_in THEN token_bought_address ELSE token_sold_address END, evt_block_number) AS token1
            FROM demo_swaps WHERE project = '{project}' GROUP BY pair
        ), n AS (SELECT *, row_number() OVER (ORDER BY first_block, pair) AS k FROM p)
        SELECT unhex('{factory}') AS contract_address, demo_hash(hash(pair), 62) AS evt_tx_hash, 0::BIGINT AS evt_index,
               demo_tz({Sql(size.Start)} - to_seconds({SlotSeconds} * (1000 + 7200 * (count(*) OVER () - k + 1)))) AS evt_block_time,
               ({Sql(size.LastBlock - size.Slots + 1)} - 1000 - 7200 * (count(*) OVER () - k + 1))::BIGINT AS evt_block_number,
               CAST({Sql(size.Start)} - to_seconds({SlotSeconds} * (1000 + 7200 * (count(*) OVER () - k + 1))) AS DATE) AS evt_block_date,
               {columns}
        FROM n
        ORDER BY evt_block_number
        """;

    /// <summary>V3's pool creations: fee tier 0.3% (3000) and its tick spacing, 60.</summary>
    private static string PoolsCreated(Sizes size) =>
        PairsCreated(size, "uniswap", "1f98431c8ad98523631ae4a59f267346ea31f984", "token0, token1, 3000 AS fee, 60 AS \"tickSpacing\", pair AS pool");
}
