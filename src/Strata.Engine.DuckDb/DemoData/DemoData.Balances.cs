namespace Strata.Engine.DuckDb;

/// <summary><c>tokens_ethereum.balances_daily</c>: see <see cref="DecodedScript"/>'s summary for what it holds; and the
/// granular <c>tokens_&lt;chain&gt;.balances</c> (DemoData.BalanceChanges.cs).</summary>
public static partial class DemoData
{
    /// <summary>10^18: amounts are summed exactly as two HUGEINT parts, the digits above the last 18 and the last 18
    /// (a meme token's amount is beyond HUGEINT, and DuckDB's BIGNUM has no sum).</summary>
    private const string Exa = "1000000000000000000::HUGEINT";

    /// <summary>The chains besides Ethereum with a <c>tokens_&lt;chain&gt;.balances_daily</c>, and their native token's symbol.</summary>
    private static readonly (string Chain, string Native)[] BalanceChains =
        [("arbitrum", "ETH"), ("optimism", "ETH"), ("base", "ETH"), ("polygon", "POL"), ("gnosis", "XDAI")];

    private static IEnumerable<string> BalanceTables => BalanceChains.Select(c => $"tokens_{c.Chain}.balances_daily");

    /// <summary>The other chains' balances (after their transactions and transfers are made).</summary>
    private static IEnumerable<string> ChainBalanceScript(Sizes size) => BalanceChains.SelectMany(c => BalanceScript(size, c.Chain, c.Native));

    /// <summary><c>tokens_&lt;chain&gt;.balances_daily</c> from the chain's ERC-20 transfers and transactions: the fee is
    /// gas used times gas price (an OP Stack chain's L1 fee is left out).</summary>
    private static IEnumerable<string> BalanceScript(Sizes size, string chain = "ethereum", string native = "ETH")
    {
        string endDay = $"CAST({Sql(size.End)} AS DATE)";
        yield return $"CREATE SCHEMA IF NOT EXISTS tokens_{chain};";
        yield return $$"""
            CREATE OR REPLACE TABLE tokens_{{chain}}.balances_daily AS
            WITH {{BalanceParts(chain)}}
            ), daily AS (
                SELECT address, token_address, token_standard, day,
                       CAST(sum(CASE WHEN incoming THEN hi ELSE 0 END) AS HUGEINT) AS in_hi, CAST(sum(CASE WHEN incoming THEN lo ELSE 0 END) AS HUGEINT) AS in_lo,
                       CAST(sum(CASE WHEN incoming THEN 0 ELSE hi END) AS HUGEINT) AS out_hi, CAST(sum(CASE WHEN incoming THEN 0 ELSE lo END) AS HUGEINT) AS out_lo,
                       true AS changed
                FROM parts
                GROUP BY address, token_address, token_standard, day
            ), grid AS (
                SELECT * FROM daily
                UNION ALL
                SELECT address, token_address, token_standard, {{endDay}}, 0::HUGEINT, 0::HUGEINT, 0::HUGEINT, 0::HUGEINT, false
                FROM daily GROUP BY address, token_address, token_standard HAVING max(day) < {{endDay}}
            ), w AS (
                SELECT grid.*, {{BalanceAfter}},
                       max(CASE WHEN changed THEN day END) OVER upto AS last_updated
                FROM grid {{BalanceOpening(chain)}}
                WINDOW upto AS (PARTITION BY address, token_address ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
                       whole AS (PARTITION BY address, token_address)
            ), v AS (
                SELECT *, {{BalanceDigits}} FROM w
            )
            SELECT '{{chain}}' AS blockchain, v.day, v.address,
                   CASE WHEN v.token_standard = 'native' THEN '{{native}}' ELSE e.symbol END AS token_symbol,
                   v.token_address, v.token_standard, CAST(NULL AS {{Uint256Type}}) AS token_id,
                   CAST(CASE WHEN high > 0 THEN CAST(high AS VARCHAR) || lpad(CAST(low AS VARCHAR), 18, '0') ELSE CAST(low AS VARCHAR) END AS {{Uint256Type}}) AS balance_raw,
                   (CAST(high AS DOUBLE) * 1e18 + CAST(low AS DOUBLE)) / power(10, CASE WHEN v.token_standard = 'native' THEN 18 ELSE e.decimals END) AS balance,
                   (CAST(high AS DOUBLE) * 1e18 + CAST(low AS DOUBLE)) / power(10, CASE WHEN v.token_standard = 'native' THEN 18 ELSE e.decimals END) * p.price AS balance_usd,
                   v.last_updated
            FROM v
            LEFT JOIN tokens.erc20 e ON e.blockchain = '{{chain}}' AND e.contract_address = v.token_address AND v.token_standard = 'erc20'
            LEFT JOIN prices.day p ON p.blockchain = '{{chain}}' AND p.contract_address = v.token_address AND p."timestamp" = CAST(v.day AS TIMESTAMP)
            ORDER BY v.day
            """;
        yield return BalanceChangeScript(chain, native);
    }
}
