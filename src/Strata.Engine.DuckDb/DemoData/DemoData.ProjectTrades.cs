namespace Strata.Engine.DuckDb;

/// <summary>
/// Spellbook's Uniswap trade models, derived from the demo's <c>dex.trades</c> as spellbook derives them from
/// <c>dex_ethereum_trades</c> (its <c>dbt_subprojects/dex/models/_projects/uniswap</c> and the macro
/// <c>uniswap_downstream_trades</c>), and <c>tokens.native</c> and <c>evms.contracts</c> (views of <c>evms.info</c> /
/// <c>tokens.erc20</c> and of the chains' <c>contracts</c> tables, as spellbook's <c>tokens_native.sql</c> and
/// <c>evms_contracts.sql</c>).
/// <list type="bullet">
/// <item><c>uniswap_v2_ethereum.trades</c>: spellbook's view, the Uniswap V2 rows of <c>dex.trades</c>.</item>
/// <item><c>uniswap_v3_ethereum.trades</c>: spellbook's view, the Uniswap version '3' rows of <c>dex.trades</c> joined to
/// <c>uniswap_v3_ethereum.Factory_evt_PoolCreated</c> on the pool, with its <c>fee</c>. The demo chain's Uniswap swaps are
/// all V2 (its logs hold V2 Swap events only), so the view has no row: each version's view shows its own pools only. (The V3
/// decoded tables still show the V2 swaps in V3's event shape for queries that read the decoded events; DemoData.Decoded.cs.)</item>
/// <item><c>uniswap_ethereum.trades</c> (a table, as spellbook's incremental model): the Uniswap rows with each side's USD
/// value at the trade's minute (prices.usd), the pool (V2: the pair), token0/token1 of the pair's
/// <c>Factory_evt_PairCreated</c> and their symbols, and the LP fee: V2's 0.3 % of the amount sold (in USD the sold side's
/// value, else grossed up from the bought side's). No V4 or Bunni hooks in the demo: the hooks columns are NULL.
/// Spellbook prefers the side of a trusted token for the fee's USD value (prices.trusted_tokens, not in the demo): here the
/// sold side when it has a price, as spellbook does when neither or the sold one is trusted.</item>
/// <item><c>uniswap.trades</c>: spellbook's view, the union of the chains' <c>uniswap_&lt;chain&gt;.trades</c>: the demo
/// has Uniswap trades on Ethereum only.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private static readonly string[] ProjectTradeTables =
    [
        "uniswap_v2_ethereum.trades", "uniswap_v3_ethereum.trades", "uniswap_ethereum.trades", "uniswap.trades", "tokens.native",
        "evms.contracts",
    ];

    /// <summary>The columns spellbook's uniswap_v2/v3_ethereum_trades views take from dex_ethereum_trades, up to the pool.</summary>
    private const string DexTradeColumns = """
        d.blockchain, d.project, d.version, d.block_month, d.block_date, d.block_time, d.block_number, d.token_bought_symbol,
        d.token_sold_symbol, d.token_pair, d.token_bought_amount, d.token_sold_amount, d.token_bought_amount_raw,
        d.token_sold_amount_raw, d.amount_usd, d.token_bought_address, d.token_sold_address, d.taker, d.maker,
        d.project_contract_address
        """;

    private static IEnumerable<string> ProjectTradeScript(Sizes size)
    {
        yield return "CREATE SCHEMA IF NOT EXISTS uniswap_ethereum; CREATE SCHEMA IF NOT EXISTS uniswap;";
        yield return $"""
            CREATE OR REPLACE VIEW uniswap_v2_ethereum.trades AS
            SELECT {DexTradeColumns},
                   d.tx_hash, d.tx_from, d.tx_to, d.evt_index
            FROM dex.trades d
            WHERE d.blockchain = 'ethereum' AND d.project = 'uniswap' AND d.version = '2';
            CREATE OR REPLACE VIEW uniswap_v3_ethereum.trades AS
            SELECT {DexTradeColumns},
                   f.fee, d.tx_hash, d.tx_from, d.tx_to, d.evt_index
            FROM dex.trades d
            JOIN uniswap_v3_ethereum."Factory_evt_PoolCreated" f ON f.pool = d.project_contract_address
            WHERE d.blockchain = 'ethereum' AND d.project = 'uniswap' AND d.version = '3';
            """;
        // uniswap_downstream_trades: uni_fee is the pool's fee (V2 0.3, in percent) / 1e2; the USD values at the minute.
        yield return """
            CREATE OR REPLACE TABLE uniswap_ethereum.trades AS
            WITH t AS (
                SELECT d.*, p.token0, p.token1, 0.3 / 1e2 AS uni_fee, pb.price AS bought_price, ps.price AS sold_price,
                       d.token_bought_amount * pb.price AS bought_usd, d.token_sold_amount * ps.price AS sold_usd
                FROM dex.trades d
                LEFT JOIN uniswap_v2_ethereum."Factory_evt_PairCreated" p ON p.pair = d.project_contract_address
                LEFT JOIN prices.usd pb ON pb.blockchain = 'ethereum' AND pb.contract_address = d.token_bought_address
                                       AND pb.minute = date_trunc('minute', d.block_time)
                LEFT JOIN prices.usd ps ON ps.blockchain = 'ethereum' AND ps.contract_address = d.token_sold_address
                                       AND ps.minute = date_trunc('minute', d.block_time)
                WHERE d.blockchain = 'ethereum' AND d.project = 'uniswap'
            )
            SELECT blockchain, project, version, block_month, block_date, block_time, block_number, token_bought_symbol,
                   token_sold_symbol, token_pair,
                   bought_usd AS token_bought_amount_usd,
                   sold_usd AS token_sold_amount_usd,
                   token_bought_amount, token_sold_amount, token_bought_amount_raw, token_sold_amount_raw, amount_usd,
                   token_bought_address, token_sold_address, taker, maker, project_contract_address,
                   project_contract_address AS pool_address,
                   token0 AS token0_address,
                   token1 AS token1_address,
                   CASE WHEN token0 = token_bought_address THEN token_bought_symbol ELSE token_sold_symbol END AS token0_symbol,
                   CASE WHEN token1 = token_bought_address THEN token_bought_symbol ELSE token_sold_symbol END AS token1_symbol,
                   tx_hash, tx_from, tx_to, evt_index,
                   coalesce(token_sold_amount * uni_fee * sold_price,
                            bought_usd / (1 - uni_fee) - bought_usd) AS lp_fee_amount_usd,
                   token_sold_amount * uni_fee AS lp_fee_amount,
                   CAST(token_sold_amount_raw AS DOUBLE) * uni_fee AS lp_fee_amount_raw,
                   uni_fee * 1e2 AS lp_fee,
                   CAST(NULL AS DOUBLE) AS hooks_fee_amount_usd,
                   CAST(NULL AS DOUBLE) AS hooks_fee_amount,
                   CAST(NULL AS DOUBLE) AS hooks_fee_amount_raw,
                   CAST(NULL AS DOUBLE) AS hooks_fee,
                   CAST(NULL AS VARCHAR) AS hooks
            FROM t
            ORDER BY block_number, evt_index
            """;
        yield return """
            CREATE OR REPLACE VIEW uniswap.trades AS
            SELECT blockchain, project, version, block_month, block_date, block_time, block_number, token_bought_symbol, token_sold_symbol,
                   token_pair, token_bought_amount_usd, token_sold_amount_usd, token_bought_amount, token_sold_amount, token_bought_amount_raw,
                   token_sold_amount_raw, amount_usd, token_bought_address, token_sold_address, taker, maker, project_contract_address,
                   pool_address, token0_address, token1_address, token0_symbol, token1_symbol, tx_hash, tx_from, tx_to, evt_index,
                   lp_fee_amount_usd, lp_fee_amount, lp_fee_amount_raw, lp_fee, hooks_fee_amount_usd, hooks_fee_amount, hooks_fee_amount_raw,
                   hooks_fee, hooks
            FROM uniswap_ethereum.trades
            """;
        // tokens_native.sql: each chain's native token, priced by its wrapped token's tokens.erc20 row.
        yield return """
            CREATE OR REPLACE VIEW tokens.native AS
            SELECT ei.blockchain AS chain, ei.native_token_symbol AS symbol, erc20.symbol AS price_symbol,
                   ei.wrapped_native_token_address AS price_address, erc20.decimals AS decimals
            FROM evms.info ei
            LEFT JOIN tokens.erc20 erc20 ON ei.wrapped_native_token_address = erc20.contract_address AND ei.blockchain = erc20.blockchain
            WHERE ei.wrapped_native_token_address IS NOT NULL AND ei.is_on_dune
            """;
        // evms_contracts.sql: the union of the chains' contracts tables; the demo has Ethereum's.
        yield return """
            CREATE OR REPLACE VIEW evms.contracts AS
            SELECT 'ethereum' AS blockchain, abi_id, abi, address, "from", code, name, namespace, dynamic, base, factory,
                   detection_source, created_at
            FROM ethereum.contracts
            """;
        foreach (string sql in SolanaUtilsScript(size))
        {
            yield return sql;
        }
    }
}
