namespace Strata.Engine.DuckDb;

/// <summary>
/// The CoW Protocol tables (DemoData.Cow.cs): Dune's decoded <c>gnosis_protocol_v2_ethereum</c> GPv2Settlement tables from the logs
/// and traces, and spellbook's <c>cow_protocol_ethereum.trades</c> from them as its model (cow_protocol_ethereum_trades.sql) does.
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> CowScript()
    {
        yield return "CREATE SCHEMA IF NOT EXISTS gnosis_protocol_v2_ethereum; CREATE SCHEMA IF NOT EXISTS cow_protocol_ethereum;";
        // A word's uint256 as decimal text, and bytes as 0x-prefixed lower-case hex (the JSON texts of a decoded struct).
        yield return """
            CREATE OR REPLACE TEMP MACRO demo_hx_dec(h, pos) AS demo_hx_u256(h, pos)::VARCHAR;
            CREATE OR REPLACE TEMP MACRO demo_0x(b) AS '0x' || lower(hex(b));
            """;
        string settlement = $"l.contract_address = unhex('{CowSettlement}')";
        string trade = settlement + " AND l.topic0 = unhex('a07a543ab8a018198e99ca0184c93fe9050a79400a0a723441f84de1d972cc17')";
        yield return $"""
            CREATE OR REPLACE TABLE gnosis_protocol_v2_ethereum."GPv2Settlement_evt_Trade" AS
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.topic1), 25, 40)) AS owner,
                   unhex(substr(hex(l.data), 25, 40)) AS "sellToken",
                   unhex(substr(hex(l.data), 89, 40)) AS "buyToken",
                   {LowWord("unhex(substr(hex(l.data), 129, 64))")} AS "sellAmount",
                   {LowWord("unhex(substr(hex(l.data), 193, 64))")} AS "buyAmount",
                   {LowWord("unhex(substr(hex(l.data), 257, 64))")} AS "feeAmount",
                   -- (read only on the Trade logs: the engine may compute a projection before the filter has dropped other logs)
                   CASE WHEN {trade} THEN demo_hx_bytes(hex(l.data), ('0x' || substr(hex(l.data), 369, 16))::UBIGINT::BIGINT) END AS "orderUid"
            FROM ethereum.logs l
            WHERE {trade}
            ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE gnosis_protocol_v2_ethereum."GPv2Settlement_evt_Interaction" AS
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.topic1), 25, 40)) AS target,
                   {LowWord("l.data")} AS value,
                   unhex(substr(hex(l.data), 65, 8)) AS selector
            FROM ethereum.logs l
            WHERE {settlement} AND l.topic0 = unhex('ed99827efb37016f2275f98c4bcf71c7551c75d59e9b450f79fa32e60be672c2')
            ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE gnosis_protocol_v2_ethereum."GPv2Settlement_evt_Settlement" AS
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.topic1), 25, 40)) AS solver
            FROM ethereum.logs l
            WHERE {settlement} AND l.topic0 = unhex('40338ce1a7c49204f0099533b1e9a7ee0a3d261f84974ab7af36105b8c4e9db4')
            ORDER BY evt_block_number, evt_index;
            """;
        // The settle calls (successful or not, as Dune's call tables hold them), decoded from the input: the arrays at
        // 4 + their offsets; a trade's tuple at the trades' start + 32 + its offset, an interaction list at the interactions'
        // start + its offset. Dune gives an array of structs as an array of JSON texts, one per struct.
        yield return $$"""
            CREATE OR REPLACE TABLE gnosis_protocol_v2_ethereum."GPv2Settlement_call_settle" AS
            WITH c AS (
                SELECT tr.*, hex(tr.input) AS h, t."from" AS tx_from, t."to" AS tx_to
                FROM ethereum.traces tr
                JOIN ethereum.transactions t ON t.hash = tr.tx_hash AND t.block_number = tr.block_number
                WHERE tr."to" = unhex('{{CowSettlement}}') AND tr.call_type = 'call' AND substr(hex(tr.input), 1, 8) = '13D79A0B'
            ), o AS (
                SELECT *, 4 + demo_hx_int(h, 4) AS tp, 4 + demo_hx_int(h, 36) AS pp, 4 + demo_hx_int(h, 68) AS rp, 4 + demo_hx_int(h, 100) AS ip
                FROM c
            )
            SELECT "to" AS contract_address, success AS call_success, tx_hash AS call_tx_hash, tx_from AS call_tx_from, tx_to AS call_tx_to,
                   tx_index AS call_tx_index, trace_address AS call_trace_address, block_time AS call_block_time,
                   block_number AS call_block_number, block_date AS call_block_date,
                   list_transform(range(demo_hx_int(h, tp)), lambda k: unhex(substr(h, 2 * (tp + 32 + 32 * k) + 25, 40))) AS tokens,
                   list_transform(range(demo_hx_int(h, pp)), lambda k: {{LowWord("demo_hx_word(h, pp + 32 + 32 * k)")}}) AS "clearingPrices",
                   list_transform(list_transform(range(demo_hx_int(h, rp)), lambda j: rp + 32 + demo_hx_int(h, rp + 32 + 32 * j)), lambda p:
                       '{"sellTokenIndex":"' || demo_hx_dec(h, p) || '","buyTokenIndex":"' || demo_hx_dec(h, p + 32)
                       || '","receiver":"' || demo_0x(unhex(substr(h, 2 * (p + 64) + 25, 40)))
                       || '","sellAmount":"' || demo_hx_dec(h, p + 96) || '","buyAmount":"' || demo_hx_dec(h, p + 128)
                       || '","validTo":' || CAST(demo_hx_int(h, p + 160) AS VARCHAR) || ',"appData":"' || demo_0x(demo_hx_word(h, p + 192))
                       || '","feeAmount":"' || demo_hx_dec(h, p + 224) || '","flags":"' || demo_hx_dec(h, p + 256)
                       || '","executedAmount":"' || demo_hx_dec(h, p + 288)
                       || '","signature":"' || demo_0x(demo_hx_bytes(h, p + demo_hx_int(h, p + 320))) || '"}') AS trades,
                   list_transform(list_transform(range(3), lambda x: ip + demo_hx_int(h, ip + 32 * x)), lambda q:
                       list_transform(list_transform(range(demo_hx_int(h, q)), lambda e: q + 32 + demo_hx_int(h, q + 32 + 32 * e)), lambda p:
                           '{"target":"' || demo_0x(unhex(substr(h, 2 * p + 25, 40))) || '","value":"' || demo_hx_dec(h, p + 32)
                           || '","callData":"' || demo_0x(demo_hx_bytes(h, p + demo_hx_int(h, p + 64))) || '"}')) AS interactions
            FROM o
            ORDER BY call_block_number, call_tx_index, call_trace_address;
            """;
        yield return CowTradesSpell;
    }

    /// <summary>
    /// spellbook's cow_protocol_ethereum.trades: the Trade events with the sell and buy tokens' minute prices from prices.usd
    /// (ETH bought as WETH), their symbols and decimals from tokens.erc20, and each order's limit amounts, app data, receiver,
    /// validTo and flags from the settle call's trades (zipped with the transaction's order uids by position). The demo has no
    /// Aave v3 aTokens (the model's price fallback) nor ETH-flow orders (its trader override): those joins find nothing.
    /// </summary>
    private const string CowTradesSpell = """
        CREATE OR REPLACE TABLE cow_protocol_ethereum.trades AS
        WITH trades_with_prices AS (
            SELECT CAST(date_trunc('day', timezone('UTC', evt_block_time)) AS DATE) AS block_date,
                   CAST(date_trunc('month', timezone('UTC', evt_block_time)) AS DATE) AS block_month,
                   evt_block_time AS block_time, evt_block_number AS block_number, evt_tx_hash AS tx_hash, evt_index,
                   trade.contract_address AS project_contract_address, owner AS trader, "orderUid" AS order_uid,
                   "sellToken" AS sell_token, "buyToken" AS buy_token,
                   CAST(CAST(CAST("sellAmount" AS VARCHAR) AS HUGEINT) - CAST(CAST("feeAmount" AS VARCHAR) AS HUGEINT) AS BIGNUM) AS sell_amount,
                   "buyAmount" AS buy_amount, "feeAmount" AS fee_amount, ps.price AS sell_price, pb.price AS buy_price
            FROM gnosis_protocol_v2_ethereum."GPv2Settlement_evt_Trade" trade
            LEFT JOIN prices.usd ps ON "sellToken" = ps.contract_address AND ps.minute = date_trunc('minute', evt_block_time)
                                   AND ps.blockchain = 'ethereum'
            LEFT JOIN prices.usd pb
                   ON pb.contract_address = CASE WHEN "buyToken" = unhex('eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee')
                                                 THEN unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2') ELSE "buyToken" END
                  AND pb.minute = date_trunc('minute', evt_block_time) AND pb.blockchain = 'ethereum'
        ), trades_with_token_units AS (
            SELECT block_date, block_month, block_time, block_number, tx_hash, evt_index, project_contract_address, order_uid, trader,
                   sell_token AS sell_token_address,
                   CASE WHEN ts.symbol IS NULL THEN '0x' || lower(hex(sell_token)) ELSE ts.symbol END AS sell_token,
                   buy_token AS buy_token_address,
                   CASE WHEN tb.symbol IS NULL THEN '0x' || lower(hex(buy_token))
                        WHEN buy_token = unhex('eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee') THEN 'ETH'
                        ELSE tb.symbol END AS buy_token,
                   CAST(sell_amount AS DOUBLE) / pow(10, ts.decimals) AS units_sold, sell_amount AS atoms_sold,
                   CAST(buy_amount AS DOUBLE) / pow(10, tb.decimals) AS units_bought, buy_amount AS atoms_bought,
                   CAST(fee_amount AS DOUBLE) / pow(10, ts.decimals) AS fee, fee_amount AS fee_atoms,
                   sell_price, buy_price
            FROM trades_with_prices
            LEFT JOIN tokens.erc20 ts ON ts.blockchain = 'ethereum' AND ts.contract_address = sell_token
            LEFT JOIN tokens.erc20 tb
                   ON tb.blockchain = 'ethereum'
                  AND tb.contract_address = CASE WHEN buy_token = unhex('eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee')
                                                 THEN unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2') ELSE buy_token END
        ), sorted_orders AS (
            SELECT evt_tx_hash, evt_block_number, list("orderUid" ORDER BY evt_index) AS order_ids
            FROM gnosis_protocol_v2_ethereum."GPv2Settlement_evt_Trade"
            GROUP BY evt_tx_hash, evt_block_number
        ), orders_and_trades AS (
            SELECT evt_tx_hash, trades, order_ids
            FROM sorted_orders
            JOIN gnosis_protocol_v2_ethereum."GPv2Settlement_call_settle" ON evt_block_number = call_block_number AND evt_tx_hash = call_tx_hash
        ), zipped AS (
            SELECT evt_tx_hash, trades, order_ids, unnest(range(1, least(len(order_ids), len(trades)) + 1)) AS j FROM orders_and_trades
        ), uid_to_app_id AS (
            SELECT DISTINCT order_ids[j] AS uid, evt_tx_hash AS hash,
                   unhex(substr(json_extract_string(trades[j], '$.appData'), 3)) AS app_data,
                   unhex(substr(json_extract_string(trades[j], '$.receiver'), 3)) AS receiver,
                   CAST(json_extract_string(trades[j], '$.sellAmount') AS BIGNUM) AS limit_sell_amount,
                   CAST(json_extract_string(trades[j], '$.buyAmount') AS BIGNUM) AS limit_buy_amount,
                   strftime(timezone('UTC', to_timestamp(CAST(json_extract_string(trades[j], '$.validTo') AS DOUBLE))), '%Y-%m-%d %H:%M:%S') AS valid_to,
                   CAST(json_extract_string(trades[j], '$.flags') AS INTEGER) AS flags
            FROM zipped
        ), valued_trades AS (
            SELECT block_date, block_month, block_time, block_number, tx_hash, evt_index, [-1]::BIGINT[] AS trace_address,
                   project_contract_address, t.order_uid, trader, sell_token_address, sell_token, buy_token_address, buy_token,
                   CASE WHEN lower(buy_token) > lower(sell_token) THEN concat(sell_token, '-', buy_token)
                        ELSE concat(buy_token, '-', sell_token) END AS token_pair,
                   units_sold, atoms_sold, units_bought, atoms_bought,
                   CASE WHEN sell_price IS NOT NULL
                            THEN CASE WHEN buy_price IS NOT NULL AND buy_price * coalesce(units_bought, 0) > sell_price * coalesce(units_sold, 0)
                                      THEN buy_price * units_bought ELSE sell_price * units_sold END
                        WHEN buy_price IS NOT NULL THEN buy_price * units_bought END AS usd_value,
                   buy_price, buy_price * units_bought AS buy_value_usd, sell_price, sell_price * units_sold AS sell_value_usd,
                   fee, fee_atoms,
                   CASE WHEN sell_price IS NOT NULL
                            THEN CASE WHEN buy_price IS NOT NULL AND buy_price * coalesce(units_bought, 0) > sell_price * coalesce(units_sold, 0)
                                      THEN buy_price * units_bought * fee / units_sold ELSE sell_price * fee END
                        WHEN buy_price IS NOT NULL THEN buy_price * units_bought * fee / units_sold END AS fee_usd,
                   app_data,
                   CASE WHEN receiver = unhex('0000000000000000000000000000000000000000') THEN trader ELSE receiver END AS receiver,
                   limit_sell_amount, limit_buy_amount, valid_to, flags,
                   CASE WHEN flags % 2 = 0 THEN 'SELL' ELSE 'BUY' END AS order_type,
                   (flags & 2) <> 0 AS partial_fill,
                   -- uint256 / uint256 is an integer division
                   CAST(CASE WHEN flags % 2 = 0 THEN CAST(CAST(atoms_sold AS VARCHAR) AS HUGEINT) // CAST(CAST(limit_sell_amount AS VARCHAR) AS HUGEINT)
                             ELSE CAST(CAST(atoms_bought AS VARCHAR) AS HUGEINT) // CAST(CAST(limit_buy_amount AS VARCHAR) AS HUGEINT) END AS BIGNUM) AS fill_proportion
            FROM trades_with_token_units t
            JOIN uid_to_app_id ON uid = t.order_uid AND hash = tx_hash
        )
        SELECT *,
               -- the relative surplus (limit price against executed price) times the trade's value
               usd_value * (CAST(atoms_bought AS DOUBLE) * CAST(limit_sell_amount AS DOUBLE) - CAST(atoms_sold AS DOUBLE) * CAST(limit_buy_amount AS DOUBLE))
                   / (CAST(atoms_bought AS DOUBLE) * CAST(limit_sell_amount AS DOUBLE)) AS surplus_usd
        FROM valued_trades
        ORDER BY block_time, tx_hash, evt_index
        """;
}
