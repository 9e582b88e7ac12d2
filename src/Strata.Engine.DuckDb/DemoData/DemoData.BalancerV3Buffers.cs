namespace Strata.Engine.DuckDb;

/// <summary>
/// Balancer V3's liquidity and ERC4626 buffer events on the demo's V3 chains, in Dune's decoded names and columns (the
/// deployed Vault's events: <c>LiquidityAdded(pool, liquidityProvider, kind, totalSupply, amountsAddedRaw,
/// swapFeeAmountsRaw)</c>, <c>LiquidityRemoved(…, amountsRemovedRaw, …)</c>, <c>Wrap(wrappedToken, depositedUnderlying,
/// mintedShares, bufferBalances)</c>, <c>Unwrap(wrappedToken, burnedShares, withdrawnUnderlying, bufferBalances)</c>,
/// <c>LiquidityAddedToBuffer</c>/<c>LiquidityRemovedFromBuffer(wrappedToken, amountUnderlying, amountWrapped,
/// bufferBalances)</c>, <c>BufferSharesMinted(wrappedToken, to, issuedShares)</c>, <c>BufferSharesBurned(wrappedToken,
/// from, burnedShares)</c>) and the <c>balancer_v3[_&lt;chain&gt;].erc4626_token_mapping</c> spell:
/// <list type="bullet">
/// <item>Pools: each V3 pool is initialized (kind 1, unbalanced) a day after its registration with 5 million USD a side at
/// the demo price, its BPT supply worth 1 USD a token; then one in five hundred of the chain's successful transactions
/// without a Balancer swap adds (three in five) or removes 100 USD to 100,000 USD proportionally (kind 0, half the value
/// a side, no swap fee), <c>totalSupply</c> the supply after it (log index 80,000 + the transaction's index).</item>
/// <item>Buffers: an Aave-style ERC4626 wrapper (<c>waEthUSDC</c>, …) of each of the chain's WETH, USDC, USDT and DAI,
/// whose rate (underlying per share) grows at 2–6 % a year from 1.02–1.10 at the span's start. In three in ten V3 swaps
/// the router's path also passes the buffer: a swap whose token out has a wrapper wraps the amount out after it (log
/// index 25,000 + index), one whose token in has one unwraps the amount in before it (15,000 + index); when both have
/// one, the same draw chooses (DuckDB's seeded hashes of one value are the value's hash XOR a constant of the seed, so
/// two seeds on one value are not independent draws: the script draws once, or re-hashes a seeded hash). Shares are the amount over the rate, rounded down for a wrap and up for an unwrap, as
/// ERC4626's previews round. The buffer serves every operation: it is seeded before the span with twice what the span's
/// operations take from each side plus 100,000 USD, so neither balance falls below zero.</item>
/// <item><c>bufferBalances</c> is the Vault's packed word after the event: the wrapped balance in the high 16 bytes, the
/// underlying balance in the low 16. Seeding emits <c>BufferSharesMinted</c> of the Vault's minimum supply (10,000) to
/// the zero address and the rest (the buffer's value in underlying) to its owner; the owner removes a tenth of the
/// buffer (a tenth of each balance and of the shares) in one of its transactions in the span's second half (log index
/// 100,000 + 10 × index + 2 × the token's id for the burn, + 1 for the removal).</item>
/// </list>
/// Not modelled: wraps the buffer cannot serve (the Vault then deposits into the wrapper itself), ERC4626 Transfer logs,
/// the wrappers in <c>tokens.erc20</c> and <c>prices.usd</c>.
/// </summary>
public static partial class DemoData
{
    /// <summary>Each V3 chain's Aave market tag and name, as Aave's static aToken wrappers are named (waEthUSDC, "Wrapped Aave Ethereum USDC").</summary>
    private static readonly (string Chain, string Tag, string Name)[] BalancerV3AaveMarkets =
        [("ethereum", "Eth", "Ethereum"), ("arbitrum", "Arb", "Arbitrum"), ("base", "Bas", "Base"), ("gnosis", "Gno", "Gnosis"), ("avalanche_c", "Ava", "Avalanche")];

    private static readonly string[] BalancerV3BufferEvents =
        ["Vault_evt_LiquidityAdded", "Vault_evt_LiquidityRemoved", "Vault_evt_Wrap", "Vault_evt_Unwrap", "Vault_evt_LiquidityAddedToBuffer",
         "Vault_evt_LiquidityRemovedFromBuffer", "Vault_evt_BufferSharesMinted", "Vault_evt_BufferSharesBurned"];

    private static IEnumerable<string> BalancerV3BufferTables => BalancerV3Chains
        .SelectMany(c => BalancerV3BufferEvents.Select(e => $"balancer_v3_{c}.{e}").Append($"balancer_v3_{c}.erc4626_token_mapping"))
        .Concat(BalancerV3BufferEvents.Select(e => $"balancer_v3_multichain.{e.ToLowerInvariant()}")).Append("balancer_v3.erc4626_token_mapping");

    /// <summary>The statements; they read <c>demo_bal3_pools</c> and the V3 swap tables, so they run after <see cref="BalancerV3Script"/>.</summary>
    private static IEnumerable<string> BalancerV3BufferScript(Sizes size)
    {
        string start = Sql(size.Start);
        string markets = string.Join(", ", BalancerV3AaveMarkets.Select(m => $"('{m.Chain}', '{m.Tag}', '{m.Name}')"));
        string vault = $"unhex('{BalancerV3Vault}')";
        // The wrappers: rate(t) = rate0 × (1 + apr × years since the span's start).
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS balancer_v3;
            CREATE OR REPLACE TEMP TABLE demo_bal3_wrappers AS
            WITH c AS (SELECT DISTINCT chain, j FROM demo_bal3_pools), m(chain, tag, name) AS (VALUES {{markets}})
            SELECT c.chain, c.j, d.id, coalesce(o.address, d.address) AS underlying, d.symbol, d.decimals, d.price,
                   demo_addr(c.j * 100 + d.id, 1010) AS wrapper, 'wa' || m.tag || d.symbol AS wrapper_symbol,
                   'Wrapped Aave ' || m.name || ' ' || d.symbol AS wrapper_name,
                   1.02 + 0.08 * demo_u(c.j * 100 + d.id, 1011) AS rate0, 0.02 + 0.04 * demo_u(c.j * 100 + d.id, 1012) AS apr
            FROM c JOIN m ON m.chain = c.chain CROSS JOIN demo_tokens d
            LEFT JOIN demo_chain_tokens o ON o.chain = c.chain AND o.id = d.id
            WHERE d.id < 4
            """;
        yield return """
            CREATE OR REPLACE TEMP TABLE demo_bal3_buf (chain VARCHAR, wrapper BLOB, tx_hash BLOB, tx_from BLOB, tx_to BLOB, tx_index BIGINT,
                block_time TIMESTAMPTZ, block_number BIGINT, block_date DATE, evt_index BIGINT, op VARCHAR, d_under HUGEINT, d_wrapped HUGEINT,
                shares HUGEINT, owner BLOB)
            """;
        foreach (string chain in BalancerV3Chains)
        {
            // Wraps and unwraps in the V3 swaps' transactions: d_under / d_wrapped are the buffer's changes.
            yield return $$"""
                INSERT INTO demo_bal3_buf
                WITH s AS (
                    SELECT s.*, wo.wrapper AS w_out, wi.wrapper AS w_in
                    FROM balancer_v3_{{chain}}."Vault_evt_Swap" s
                    LEFT JOIN demo_bal3_wrappers wo ON wo.chain = '{{chain}}' AND wo.underlying = s."tokenOut"
                    LEFT JOIN demo_bal3_wrappers wi ON wi.chain = '{{chain}}' AND wi.underlying = s."tokenIn"
                    WHERE demo_u(s.evt_tx_hash, 1013) < 0.3 AND (wo.wrapper IS NOT NULL OR wi.wrapper IS NOT NULL)
                ), o AS (
                    SELECT s.*, w_out IS NOT NULL AND (w_in IS NULL OR demo_u(evt_tx_hash, 1013) < 0.15) AS is_wrap FROM s
                ), r AS (
                    SELECT o.*, w.wrapper, CAST(CAST(CASE WHEN is_wrap THEN o."amountOut" ELSE o."amountIn" END AS VARCHAR) AS HUGEINT) AS under,
                           w.rate0 * (1 + w.apr * (epoch(o.evt_block_time) - epoch({{start}})) / 31536000) AS rate
                    FROM o JOIN demo_bal3_wrappers w ON w.chain = '{{chain}}' AND w.wrapper = CASE WHEN is_wrap THEN o.w_out ELSE o.w_in END
                )
                SELECT '{{chain}}', wrapper, evt_tx_hash, evt_tx_from, evt_tx_to, evt_tx_index, evt_block_time, evt_block_number, evt_block_date,
                       CASE WHEN is_wrap THEN 25000 ELSE 15000 END + evt_tx_index, CASE WHEN is_wrap THEN 'wrap' ELSE 'unwrap' END,
                       CASE WHEN is_wrap THEN under ELSE -under END,
                       CASE WHEN is_wrap THEN -CAST(printf('%.0f', floor(under / rate)) AS HUGEINT) ELSE CAST(printf('%.0f', ceil(under / rate)) AS HUGEINT) END,
                       NULL, NULL
                FROM r
                """;
            // The owner's removal of a tenth: its first transaction, one in two hundred picked, from 15 days into the span.
            yield return $$"""
                INSERT INTO demo_bal3_buf
                WITH t AS (
                    SELECT w.wrapper, w.id, x.hash, x."from", x."to", x."index", x.block_time, x.block_number, x.block_date,
                           row_number() OVER (PARTITION BY w.wrapper ORDER BY x.block_number, x."index") AS n
                    FROM demo_bal3_wrappers w JOIN {{chain}}.transactions x
                      ON x.success AND x.block_time >= {{start}} + INTERVAL 15 DAY AND demo_int(hash(x.hash, 1015 + w.id), 0, 200) = 0
                    WHERE w.chain = '{{chain}}'
                )
                SELECT '{{chain}}', wrapper, hash, "from", "to", "index", block_time, block_number, block_date, 100000 + 10 * "index" + 2 * id + 1,
                       'remove', NULL, NULL, NULL, "from"
                FROM t WHERE n = 1
                """;
        }
        // The seed (before the span: twice what the operations take from each side + 100,000 USD), then the balances after each
        // event; the removal takes a tenth of the balances at its time.
        const string after = "(ops.block_number > c.cut_block OR (ops.block_number = c.cut_block AND ops.evt_index >= c.cut_index))";
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_bal3_seed AS
            SELECT w.chain, w.wrapper, w.id, w.j, w.rate0,
                   CAST(printf('%.0f', 2 * coalesce(sum(CASE WHEN b.op = 'unwrap' THEN -b.d_under END), 0) + 1e5 / w.price * pow(10, w.decimals)) AS HUGEINT) AS u0,
                   CAST(printf('%.0f', 2 * coalesce(sum(CASE WHEN b.op = 'wrap' THEN -b.d_wrapped END), 0) + 1e5 / w.price / w.rate0 * pow(10, w.decimals)) AS HUGEINT) AS w0,
                   any_value(b.owner) FILTER (WHERE b.op = 'remove') AS owner,
                   any_value(b.block_time) FILTER (WHERE b.op = 'remove') AS remove_time
            FROM demo_bal3_wrappers w LEFT JOIN demo_bal3_buf b ON b.wrapper = w.wrapper AND b.chain = w.chain
            GROUP BY w.chain, w.wrapper, w.id, w.j, w.rate0, w.price, w.decimals;
            CREATE OR REPLACE TEMP TABLE demo_bal3_bufstate AS
            WITH ops AS (
                SELECT b.*, s.u0, s.w0, s.id, s.rate0,
                       s.u0 + sum(coalesce(b.d_under, 0)) OVER (PARTITION BY b.wrapper ORDER BY b.block_number, b.evt_index) AS u_pre,
                       s.w0 + sum(coalesce(b.d_wrapped, 0)) OVER (PARTITION BY b.wrapper ORDER BY b.block_number, b.evt_index) AS w_pre
                FROM demo_bal3_buf b JOIN demo_bal3_seed s ON s.wrapper = b.wrapper AND s.chain = b.chain
            ), cut AS (
                SELECT wrapper, u_pre // 10 AS u_cut, w_pre // 10 AS w_cut, block_number AS cut_block, evt_index AS cut_index,
                       (u0 + CAST(printf('%.0f', w0 * rate0) AS HUGEINT)) // 10 AS share_cut
                FROM ops WHERE op = 'remove'
            )
            SELECT ops.*,
                   CASE WHEN op = 'remove' THEN c.u_cut ELSE 0 END AS removed_u, CASE WHEN op = 'remove' THEN c.w_cut ELSE 0 END AS removed_w,
                   CASE WHEN op = 'remove' THEN c.share_cut END AS removed_shares,
                   u_pre - CASE WHEN {{after}} THEN c.u_cut ELSE 0 END AS u_after, w_pre - CASE WHEN {{after}} THEN c.w_cut ELSE 0 END AS w_after
            FROM ops LEFT JOIN cut c ON c.wrapper = ops.wrapper
            """;
        foreach (string chain in BalancerV3Chains)
        {
            string evt = $"{vault} AS contract_address, tx_hash AS evt_tx_hash, tx_from AS evt_tx_from, tx_to AS evt_tx_to, tx_index AS evt_tx_index, "
                + "evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date";
            const string balances = "w_after::HUGEINT::BIT::BLOB || u_after::HUGEINT::BIT::BLOB AS \"bufferBalances\"";
            // The seeding: a transaction before the span, not one of the chain's (as the pools' registrations), its block counted
            // back from the chain's first block at the chain's mean block time.
            yield return $$"""
                CREATE OR REPLACE TEMP TABLE demo_bal3_init AS
                WITH f AS (SELECT min(number) AS n0, min(time) AS t0, (max(number) - min(number)) / greatest(1, epoch(max(time)) - epoch(min(time))) AS per_s FROM {{chain}}.blocks),
                s AS (SELECT *, {{start}} - to_days(CAST(20 + 2 * id AS INTEGER)) AS ts FROM demo_bal3_seed WHERE chain = '{{chain}}')
                SELECT s.*, demo_hash(s.wrapper, 1020) AS tx_hash, coalesce(s.owner, demo_wallet(900 + s.j)) AS tx_from, {{vault}} AS tx_to, 0::BIGINT AS tx_index,
                       demo_tz(s.ts) AS block_time, CAST(f.n0 - (epoch(f.t0) - epoch(demo_tz(s.ts))) * f.per_s AS BIGINT) AS block_number, CAST(s.ts AS DATE) AS block_date,
                       s.u0 + CAST(printf('%.0f', s.w0 * s.rate0) AS HUGEINT) AS issued
                FROM s CROSS JOIN f;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_Wrap" AS
                SELECT {{evt}}, wrapper AS "wrappedToken", CAST(d_under AS {{Uint256Type}}) AS "depositedUnderlying",
                       CAST(-d_wrapped AS {{Uint256Type}}) AS "mintedShares", {{balances}}
                FROM demo_bal3_bufstate WHERE chain = '{{chain}}' AND op = 'wrap' ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_Unwrap" AS
                SELECT {{evt}}, wrapper AS "wrappedToken", CAST(d_wrapped AS {{Uint256Type}}) AS "burnedShares",
                       CAST(-d_under AS {{Uint256Type}}) AS "withdrawnUnderlying", {{balances}}
                FROM demo_bal3_bufstate WHERE chain = '{{chain}}' AND op = 'unwrap' ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_LiquidityAddedToBuffer" AS
                SELECT {{evt.Replace("evt_index,", "2::BIGINT AS evt_index,")}}, wrapper AS "wrappedToken", CAST(u0 AS {{Uint256Type}}) AS "amountUnderlying",
                       CAST(w0 AS {{Uint256Type}}) AS "amountWrapped", w0::HUGEINT::BIT::BLOB || u0::HUGEINT::BIT::BLOB AS "bufferBalances"
                FROM demo_bal3_init ORDER BY evt_block_number, wrapper;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_BufferSharesMinted" AS
                SELECT {{evt.Replace("evt_index,", "0::BIGINT AS evt_index,")}}, wrapper AS "wrappedToken", unhex('0000000000000000000000000000000000000000') AS "to",
                       CAST(10000 AS {{Uint256Type}}) AS "issuedShares"
                FROM demo_bal3_init
                UNION ALL
                SELECT {{evt.Replace("evt_index,", "1::BIGINT AS evt_index,")}}, wrapper, tx_from, CAST(issued - 10000 AS {{Uint256Type}})
                FROM demo_bal3_init
                ORDER BY evt_block_number, "wrappedToken", evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_LiquidityRemovedFromBuffer" AS
                SELECT {{evt}}, wrapper AS "wrappedToken", CAST(removed_u AS {{Uint256Type}}) AS "amountUnderlying",
                       CAST(removed_w AS {{Uint256Type}}) AS "amountWrapped", {{balances}}
                FROM demo_bal3_bufstate WHERE chain = '{{chain}}' AND op = 'remove' ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_BufferSharesBurned" AS
                SELECT {{evt.Replace("evt_index,", "evt_index - 1 AS evt_index,")}}, wrapper AS "wrappedToken", owner AS "from",
                       CAST(removed_shares AS {{Uint256Type}}) AS "burnedShares"
                FROM demo_bal3_bufstate WHERE chain = '{{chain}}' AND op = 'remove' ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}.erc4626_token_mapping AS
                SELECT chain AS blockchain, wrapper AS erc4626_token, wrapper_name AS erc4626_token_name, wrapper_symbol AS erc4626_token_symbol,
                       underlying AS underlying_token, symbol AS underlying_token_symbol, decimals
                FROM demo_bal3_wrappers WHERE chain = '{{chain}}' ORDER BY id;
                """;
        }
        // Pool liquidity: the initialization, then proportional adds and removes in transactions without a Balancer swap.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_bal3_liq (chain VARCHAR, k BIGINT, tx_hash BLOB, tx_from BLOB, tx_to BLOB, tx_index BIGINT,
                block_time TIMESTAMPTZ, block_number BIGINT, block_date DATE, evt_index BIGINT, is_add BOOLEAN, kind INTEGER, usd DOUBLE);
            INSERT INTO demo_bal3_liq
            SELECT chain, k, demo_hash(pool, 1021), demo_wallet(k), {{vault}}, 0, demo_tz(created_ts + INTERVAL 1 DAY),
                   (2007200 + 1000 * k)::BIGINT, CAST(created_ts + INTERVAL 1 DAY AS DATE), 5, true, 1, 1e7
            FROM demo_bal3_pools
            """;
        foreach (string chain in BalancerV3Chains)
        {
            yield return $$"""
                INSERT INTO demo_bal3_liq
                SELECT '{{chain}}', demo_int(hash(hash, 1023), 0, 15), hash, "from", "to", "index", block_time, block_number, block_date, 80000 + "index",
                       demo_u(hash(hash, 1024), 0) < 0.6, 0, pow(10, 2 + 3 * demo_u(hash(hash, 1025), 0))
                FROM {{chain}}.transactions
                WHERE success AND demo_int(hash(hash, 1022), 0, 500) = 0 AND demo_int(hash, 971, 50) <> 0 AND demo_int(hash, 981, 50) <> 0
                """;
        }
        foreach (string chain in BalancerV3Chains)
        {
            string liq = $"{vault} AS contract_address, tx_hash AS evt_tx_hash, tx_from AS evt_tx_from, tx_to AS evt_tx_to, tx_index AS evt_tx_index, "
                + "evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date, pool, tx_from AS \"liquidityProvider\", kind, "
                + $"CAST(supply AS {Uint256Type}) AS \"totalSupply\", [CAST(raw_a AS {Uint256Type}), CAST(raw_b AS {Uint256Type})]";
            yield return $$"""
                CREATE OR REPLACE TEMP TABLE demo_bal3_liq_rows AS
                SELECT l.*, p.pool,
                       CAST(printf('%.0f', l.usd / 2 / p.price_a * pow(10, p.decimals_a)) AS HUGEINT) AS raw_a,
                       CAST(printf('%.0f', l.usd / 2 / p.price_b * pow(10, p.decimals_b)) AS HUGEINT) AS raw_b,
                       CAST(printf('%.0f', 1e18 * sum(CASE WHEN l.is_add THEN l.usd ELSE -l.usd END) OVER (PARTITION BY l.k ORDER BY l.block_number, l.evt_index))
                           AS HUGEINT) AS supply
                FROM demo_bal3_liq l JOIN demo_bal3_pools p ON p.chain = l.chain AND p.k = l.k
                WHERE l.chain = '{{chain}}';
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_LiquidityAdded" AS
                SELECT {{liq}} AS "amountsAddedRaw", [0::{{Uint256Type}}, 0::{{Uint256Type}}] AS "swapFeeAmountsRaw"
                FROM demo_bal3_liq_rows WHERE is_add ORDER BY evt_block_number, evt_index;
                CREATE OR REPLACE TABLE balancer_v3_{{chain}}."Vault_evt_LiquidityRemoved" AS
                SELECT {{liq}} AS "amountsRemovedRaw", [0::{{Uint256Type}}, 0::{{Uint256Type}}] AS "swapFeeAmountsRaw"
                FROM demo_bal3_liq_rows WHERE NOT is_add ORDER BY evt_block_number, evt_index;
                """;
        }
        yield return "CREATE OR REPLACE TABLE balancer_v3.erc4626_token_mapping AS "
            + string.Join(" UNION ALL ", BalancerV3Chains.Select(c => $"SELECT * FROM balancer_v3_{c}.erc4626_token_mapping")) + ";\n"
            + string.Concat(BalancerV3BufferEvents.Select(e => $"CREATE OR REPLACE VIEW balancer_v3_multichain.{e.ToLowerInvariant()} AS "
                + string.Join(" UNION ALL ", BalancerV3Chains.Select(c => $"SELECT '{c}' AS chain, * FROM balancer_v3_{c}.\"{e}\"")) + ";\n"))
            + "DROP TABLE IF EXISTS temp.main.demo_bal3_liq_rows; DROP TABLE IF EXISTS temp.main.demo_bal3_liq; DROP TABLE IF EXISTS temp.main.demo_bal3_init; "
            + "DROP TABLE IF EXISTS temp.main.demo_bal3_bufstate; DROP TABLE IF EXISTS temp.main.demo_bal3_seed; DROP TABLE IF EXISTS temp.main.demo_bal3_buf; "
            + "DROP TABLE IF EXISTS temp.main.demo_bal3_wrappers;";
    }
}
