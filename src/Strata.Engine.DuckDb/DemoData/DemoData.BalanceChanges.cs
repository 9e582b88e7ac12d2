namespace Strata.Engine.DuckDb;

/// <summary>
/// <c>tokens_&lt;chain&gt;.balances</c>: Dune's granular balances (data-catalog/curated/balances/evm-balances.mdx, "a new row
/// every time a balance changes … for each address and token combination per block"), for the chains that have a
/// <c>tokens_&lt;chain&gt;.balances_daily</c>. Columns as Dune's table shows them: <c>blockchain, block_number, block_time,
/// address, token_address, token_standard, balance_raw, balance, token_symbol, token_id, collection_name</c>.
/// <para>
/// Derived from the same moves as the daily table (<see cref="BalanceParts"/>: the ERC-20 transfers, the successful
/// transactions' value and every transaction's fee), so the last row of a day is that day's <c>balances_daily</c> balance:
/// one row per address, token and block where it moved, the balance after the block (the incoming amounts up to and in it
/// plus the outgoing amounts after it: the demo starts with no history, so an address holds at the start what it sends
/// over the span), exact as uint256; <c>balance</c> in the token's decimals (18 for the native token), the symbol from
/// tokens.erc20 (the chain's native symbol for native). ERC-721/1155 balances are left out as the daily table leaves them
/// out: <c>token_id</c> and <c>collection_name</c> are NULL.
/// </para>
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> BalanceChangeTables => new[] { "ethereum" }.Concat(BalanceChains.Select(c => c.Chain)).Select(c => $"tokens_{c}.balances");

    /// <summary>The CTEs <c>moves</c> and <c>parts</c> of a chain's balance tables: every amount that moved an address's
    /// balance (incoming or not) with its block and day, split into the digits above the last 18 and the last 18.</summary>
    private static string BalanceParts(string chain) => $$"""
        moves AS (
            SELECT "to" AS address, contract_address AS token_address, 'erc20' AS token_standard, evt_block_number AS block_number,
                   evt_block_time AS block_time, evt_block_date AS day, true AS incoming, CAST(value AS VARCHAR) AS s
            FROM erc20_{{chain}}."evt_Transfer"
            UNION ALL
            SELECT "from", contract_address, 'erc20', evt_block_number, evt_block_time, evt_block_date, false, CAST(value AS VARCHAR) FROM erc20_{{chain}}."evt_Transfer"
            UNION ALL
            SELECT "to", {{ZeroAddress}}, 'native', block_number, block_time, block_date, true, CAST(value AS VARCHAR) FROM {{chain}}.transactions WHERE success AND "to" IS NOT NULL
            UNION ALL
            SELECT "from", {{ZeroAddress}}, 'native', block_number, block_time, block_date, false, CAST(value AS VARCHAR) FROM {{chain}}.transactions WHERE success
            UNION ALL
            SELECT "from", {{ZeroAddress}}, 'native', block_number, block_time, block_date, false, CAST(CAST(gas_used AS HUGEINT) * gas_price AS VARCHAR) FROM {{chain}}.transactions
        ), parts AS (
            SELECT address, token_address, token_standard, block_number, block_time, day, incoming,
                   CASE WHEN length(s) > 18 THEN CAST(substr(s, 1, length(s) - 18) AS HUGEINT) ELSE 0::HUGEINT END AS hi,
                   CAST(right(s, 18) AS HUGEINT) AS lo
            FROM moves
            WHERE s <> '0' AND address <> {{ZeroAddress}}
        """;

    /// <summary>
    /// What an address holds at the span's start, joined as <c>o</c> (digits above the last 18 and the last 18): on Ethereum, a
    /// Uniswap V2 / SushiSwap pair holds its reserves then (its liquidity was added before the span: DemoData.V2Swaps.cs), so its
    /// balance after each swap is its reserve; any other address (and every address of the other chains) holds what it sends over
    /// the span (the demo starts with no history), so its balance never falls below zero.
    /// </summary>
    private static string BalanceOpening(string chain) => chain != "ethereum" ? "LEFT JOIN (SELECT NULL::BLOB AS a, NULL::BLOB AS t, NULL::HUGEINT AS hi, NULL::HUGEINT AS lo) o ON false" : $$"""
        LEFT JOIN (
            SELECT unhex(s.pair) AS a, k.address AS t, s.r // {{Exa}} AS hi, s.r % {{Exa}} AS lo
            FROM (SELECT pair, id0 AS id, mint0::HUGEINT - burn0::HUGEINT AS r FROM demo_v2_pool
                  UNION ALL SELECT pair, id1, mint1::HUGEINT - burn1::HUGEINT FROM demo_v2_pool) s
            JOIN demo_tokens k ON k.id = s.id
        ) o ON o.a = address AND o.t = token_address
        """;

    /// <summary>The balance after a row as two HUGEINT parts <c>h</c> and <c>l</c> (h * 10^18 + l; l may be negative or past
    /// 10^18): the opening, plus the incoming amounts up to the row, less the outgoing ones.</summary>
    private const string BalanceAfter = """
        CAST(coalesce(o.hi, sum(out_hi) OVER whole) + sum(in_hi) OVER upto - sum(out_hi) OVER upto AS HUGEINT) AS h,
        CAST(coalesce(o.lo, sum(out_lo) OVER whole) + sum(in_lo) OVER upto - sum(out_lo) OVER upto AS HUGEINT) AS l
        """;

    /// <summary>h and l carried into <c>high</c> (the digits above the last 18) and <c>low</c> (the last 18, 0 to 10^18 - 1).</summary>
    private const string BalanceDigits = $"h + (l - ((l % {Exa}) + {Exa}) % {Exa}) // {Exa} AS high, ((l % {Exa}) + {Exa}) % {Exa} AS low";

    /// <summary><c>tokens_&lt;chain&gt;.balances</c>: the balance after each block that moved it.</summary>
    private static string BalanceChangeScript(string chain, string native) => $$"""
        CREATE OR REPLACE TABLE tokens_{{chain}}.balances AS
        WITH {{BalanceParts(chain)}}
        ), blocks AS (
            SELECT address, token_address, token_standard, block_number, any_value(block_time) AS block_time,
                   CAST(sum(CASE WHEN incoming THEN hi ELSE 0 END) AS HUGEINT) AS in_hi, CAST(sum(CASE WHEN incoming THEN lo ELSE 0 END) AS HUGEINT) AS in_lo,
                   CAST(sum(CASE WHEN incoming THEN 0 ELSE hi END) AS HUGEINT) AS out_hi, CAST(sum(CASE WHEN incoming THEN 0 ELSE lo END) AS HUGEINT) AS out_lo
            FROM parts
            GROUP BY address, token_address, token_standard, block_number
        ), w AS (
            SELECT blocks.*, {{BalanceAfter}}
            FROM blocks {{BalanceOpening(chain)}}
            WINDOW upto AS (PARTITION BY address, token_address ORDER BY block_number ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
                   whole AS (PARTITION BY address, token_address)
        ), v AS (
            SELECT *, {{BalanceDigits}} FROM w
        )
        SELECT '{{chain}}' AS blockchain, v.block_number, v.block_time, v.address, v.token_address, v.token_standard,
               CAST(CASE WHEN high > 0 THEN CAST(high AS VARCHAR) || lpad(CAST(low AS VARCHAR), 18, '0') ELSE CAST(low AS VARCHAR) END AS {{Uint256Type}}) AS balance_raw,
               (CAST(high AS DOUBLE) * 1e18 + CAST(low AS DOUBLE)) / power(10, CASE WHEN v.token_standard = 'native' THEN 18 ELSE e.decimals END) AS balance,
               CASE WHEN v.token_standard = 'native' THEN '{{native}}' ELSE e.symbol END AS token_symbol,
               CAST(NULL AS {{Uint256Type}}) AS token_id,
               CAST(NULL AS VARCHAR) AS collection_name
        FROM v
        LEFT JOIN tokens.erc20 e ON e.blockchain = '{{chain}}' AND e.contract_address = v.token_address AND v.token_standard = 'erc20'
        ORDER BY v.block_number, v.address, v.token_address
        """;
}
