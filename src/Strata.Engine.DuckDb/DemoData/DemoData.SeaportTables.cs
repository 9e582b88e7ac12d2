namespace Strata.Engine.DuckDb;

/// <summary>
/// The Seaport tables (DemoData.Seaport.cs): Dune's decoded <c>seaport_ethereum.Seaport_evt_OrderFulfilled</c> from the logs,
/// spellbook's <c>opensea_v4_ethereum.base_trades</c> from it as its macro (seaport_v4_trades) computes it, and <c>nft.trades</c>:
/// the demo's paid mints (DemoData.Market.cs's reading of nft.mints) and those trades as enrich_nft_trades and port_to_old_schema
/// give them; and spellbook's <c>opensea.trades</c> view, nft.trades' OpenSea rows.
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> SeaportScript()
    {
        yield return "CREATE SCHEMA IF NOT EXISTS seaport_ethereum; CREATE SCHEMA IF NOT EXISTS opensea_v4_ethereum;";
        // A SpentItem (itemType, token, identifier, amount) or ReceivedItem (and recipient) at byte p of the data, as the JSON text
        // Dune decodes a struct into (uint8 a number, uint256 a decimal string, an address 0x-hex).
        yield return """
            CREATE OR REPLACE TEMP MACRO demo_sp_item(h, p, received) AS
                '{"itemType":' || CAST(demo_hx_int(h, p) AS VARCHAR) || ',"token":"' || demo_0x(unhex(substr(h, 2 * p + 89, 40)))
                || '","identifier":"' || demo_hx_dec(h, p + 64) || '","amount":"' || demo_hx_dec(h, p + 96) || '"'
                || CASE WHEN received THEN ',"recipient":"' || demo_0x(unhex(substr(h, 2 * p + 281, 40))) || '"' ELSE '' END || '}';
            CREATE OR REPLACE TEMP MACRO demo_sp_type(item) AS
                CASE json_extract_string(item, '$.itemType') WHEN '0' THEN 'native' WHEN '1' THEN 'erc20' WHEN '2' THEN 'erc721'
                                                             WHEN '3' THEN 'erc1155' ELSE 'etc' END;
            """;
        // (the arrays read only on OrderFulfilled logs: the engine may compute a projection before the filter has dropped others)
        string fulfilled = $"l.contract_address IN (unhex('00000000000000adc04c56bf30ac9d3c0aaf14dc'), unhex('{Seaport}')) AND l.topic0 = unhex('{OrderFulfilledTopic}')";
        yield return $"""
            CREATE OR REPLACE TABLE seaport_ethereum."Seaport_evt_OrderFulfilled" AS
            WITH l AS (
                SELECT l.*, hex(l.data) AS h, CASE WHEN {fulfilled} THEN demo_hx_int(hex(l.data), 64) END AS op,
                       CASE WHEN {fulfilled} THEN demo_hx_int(hex(l.data), 96) END AS cp
                FROM ethereum.logs l
                WHERE {fulfilled}
            )
            SELECT l.contract_address, {EventColumns},
                   demo_hx_word(h, 0) AS "orderHash",
                   unhex(substr(hex(l.topic1), 25, 40)) AS offerer,
                   unhex(substr(hex(l.topic2), 25, 40)) AS zone,
                   unhex(substr(h, 89, 40)) AS recipient,
                   list_transform(range(coalesce(demo_hx_int(h, op), 0)), lambda j: demo_sp_item(h, op + 32 + 128 * j, false)) AS offer,
                   list_transform(range(coalesce(demo_hx_int(h, cp), 0)), lambda j: demo_sp_item(h, cp + 32 + 160 * j, true)) AS consideration
            FROM l
            ORDER BY evt_block_number, evt_index
            """;
        yield return SeaportV4Trades;
        yield return NftTrades;
        // spellbook's opensea_trades_view (schema opensea, alias trades): nft_trades' rows of the project, every column
        yield return "CREATE SCHEMA IF NOT EXISTS opensea;\nCREATE OR REPLACE VIEW opensea.trades AS SELECT * FROM nft.trades WHERE project = 'opensea';";
    }

    /// <summary>
    /// opensea_v4_ethereum.base_trades: spellbook's seaport_v4_trades over OrderFulfilled (Seaport 1.4-1.6), each offer and
    /// consideration item a leg; a leg to one of OpenSea's fee wallets is the platform fee, the currency legs after the first the
    /// creator fees; the price all currency legs; kept where the zone is one of OpenSea's or a fee went to OpenSea. The demo has no
    /// OrdersMatched (matched orders): the macro's joins to it find nothing, and its branches for them are left out.
    /// </summary>
    private const string SeaportV4Trades = $$"""
        CREATE OR REPLACE TABLE opensea_v4_ethereum.base_trades AS
        WITH fee_wallets AS (
            SELECT unhex(w) AS wallet_address, 'opensea' AS wallet_name
            FROM (VALUES ('5b3256965e7c3cf26e11fcaf296dfc8807c01073'), ('8de9c5a032463c561423387a9648c5c7bcc5bc90'),
                         ('34ba0f2379bf9b81d09f7259892e26a8b0885095'), ('0000a26b00c1f0df003000390027140000faa719')) v(w)
        ), legs AS (
            SELECT f.*, 'offer' AS sub_type, unnest(range(1, len(offer) + 1)) AS sub_idx
            FROM seaport_ethereum."Seaport_evt_OrderFulfilled" f
            UNION ALL
            SELECT f.*, 'consideration' AS sub_type, unnest(range(1, len(consideration) + 1)) AS sub_idx
            FROM seaport_ethereum."Seaport_evt_OrderFulfilled" f
        ), oc AS (
            SELECT evt_block_time AS block_time, evt_block_number AS block_number, evt_tx_hash AS tx_hash, evt_index, sub_type, sub_idx,
                   demo_sp_type(offer[1]) AS offer_first_item_type, offerer, recipient,
                   CASE sub_type WHEN 'offer' THEN offerer ELSE recipient END AS sender,
                   CASE sub_type WHEN 'offer' THEN recipient ELSE unhex(substr(json_extract_string(item, '$.recipient'), 3)) END AS receiver,
                   zone, unhex(substr(json_extract_string(item, '$.token'), 3)) AS token_contract_address,
                   CAST(json_extract_string(item, '$.amount') AS HUGEINT) AS original_amount, demo_sp_type(item) AS item_type,
                   CAST(json_extract_string(item, '$.identifier') AS {{Uint256Type}}) AS token_id,
                   contract_address AS platform_contract_address, "orderHash" AS order_hash
            FROM (SELECT *, CASE sub_type WHEN 'offer' THEN offer[sub_idx] ELSE consideration[sub_idx] END AS item FROM legs)
        ), marked AS (
            SELECT oc.*, f.wallet_name AS fee_wallet_name, sender = receiver AS is_self_trans, f.wallet_address IS NOT NULL AS is_platform_fee,
                   CASE WHEN item_type IN ('native', 'erc20')
                        THEN sum(CASE WHEN item_type IN ('native', 'erc20') THEN 1 END) OVER (PARTITION BY tx_hash, evt_index, sub_type ORDER BY sub_idx) END AS eth_erc_idx,
                   sum(CASE WHEN offer_first_item_type = 'erc20' AND sub_type = 'consideration' AND item_type IN ('erc721', 'erc1155') THEN 1
                            WHEN offer_first_item_type IN ('erc721', 'erc1155') AND sub_type = 'offer' AND item_type IN ('erc721', 'erc1155') THEN 1 END)
                       OVER (PARTITION BY tx_hash, evt_index) AS nft_cnt
            FROM oc LEFT JOIN fee_wallets f ON f.wallet_address = oc.receiver
        ), pairs AS (
            SELECT *,
                   CASE WHEN offer_first_item_type = 'erc20' THEN 'Sell' WHEN offer_first_item_type IN ('erc721', 'erc1155') THEN 'Buy' ELSE 'etc' END AS order_type,
                   (offer_first_item_type = 'erc20' AND sub_type = 'offer' AND item_type = 'erc20')
                   OR (offer_first_item_type IN ('erc721', 'erc1155') AND sub_type = 'consideration' AND item_type IN ('native', 'erc20')) AS is_price,
                   NOT is_platform_fee AND ((offer_first_item_type = 'erc20' AND sub_type = 'consideration' AND eth_erc_idx > 0)
                       OR (offer_first_item_type IN ('erc721', 'erc1155') AND sub_type = 'consideration' AND eth_erc_idx > 1)) AS is_creator_fee,
                   sum(CASE WHEN is_platform_fee THEN NULL
                            WHEN offer_first_item_type = 'erc20' AND sub_type = 'consideration' AND eth_erc_idx > 0 THEN 1
                            WHEN offer_first_item_type IN ('erc721', 'erc1155') AND sub_type = 'consideration' AND eth_erc_idx > 1 THEN 1 END)
                       OVER (PARTITION BY tx_hash, evt_index ORDER BY evt_index, eth_erc_idx) AS creator_fee_idx,
                   (offer_first_item_type = 'erc20' AND sub_type = 'consideration' AND item_type IN ('erc721', 'erc1155'))
                   OR (offer_first_item_type IN ('erc721', 'erc1155') AND sub_type = 'offer' AND item_type IN ('erc721', 'erc1155')) AS is_traded_nft
            FROM marked
            WHERE NOT is_self_trans
        ), priced AS (
            SELECT *,
                   max(CASE WHEN eth_erc_idx > 0 THEN token_contract_address END) OVER e AS vol_token_contract_address,
                   min(CASE WHEN eth_erc_idx > 0 THEN token_contract_address END) OVER e = max(CASE WHEN eth_erc_idx > 0 THEN token_contract_address END) OVER e AS vol_token_match,
                   CAST(sum(CASE WHEN eth_erc_idx > 0 AND is_price THEN original_amount END) OVER e AS DOUBLE) AS price_amount_raw,
                   sum(CASE WHEN eth_erc_idx > 0 AND is_platform_fee THEN original_amount END) OVER e AS platform_fee_amount_raw,
                   max(CASE WHEN eth_erc_idx > 0 AND is_platform_fee THEN receiver END) OVER e AS platform_fee_receiver,
                   sum(CASE WHEN eth_erc_idx > 0 AND is_creator_fee THEN original_amount END) OVER e AS creator_fee_amount_raw,
                   max(CASE WHEN eth_erc_idx > 0 AND is_creator_fee AND creator_fee_idx = 1 THEN receiver END) OVER e AS creator_fee_receiver_1,
                   max(CASE WHEN eth_erc_idx > 0 THEN fee_wallet_name END) OVER e AS vol_fee_wallet_name
            FROM pairs
            WINDOW e AS (PARTITION BY block_time, tx_hash, evt_index)
        ), trades AS (
            SELECT p.*, t."from" AS tx_from, t."to" AS tx_to, t.data AS tx_data,
                   CASE WHEN vol_token_match THEN vol_token_contract_address END AS currency,
                   -- uint256 divisions: whole units
                   CAST(round(CASE WHEN vol_token_match THEN price_amount_raw END / nft_cnt) AS HUGEINT) AS price_raw,
                   CASE WHEN vol_token_match THEN platform_fee_amount_raw END // nft_cnt AS platform_fee_raw,
                   CASE WHEN vol_token_match THEN creator_fee_amount_raw END // nft_cnt AS creator_fee_raw
            FROM priced p JOIN ethereum.transactions t ON t.hash = p.tx_hash
            WHERE p.is_traded_nft AND t."from" <> unhex('110b2b128a9ed1be5ef3232d8e4e41640df5c2cd')  -- English auctions: left out by spellbook
        ), named AS (
            SELECT 'ethereum' AS blockchain, 'opensea' AS project, 'v4' AS project_version, block_time,
                   CAST(date_trunc('day', timezone('UTC', block_time)) AS DATE) AS block_date,
                   CAST(date_trunc('month', timezone('UTC', block_time)) AS DATE) AS block_month,
                   sender AS seller, receiver AS buyer, 'secondary' AS trade_type, order_type AS trade_category,
                   token_contract_address AS nft_contract_address, token_id::{{Uint256Type}} AS nft_token_id, original_amount::{{Uint256Type}} AS nft_amount,
                   price_raw::{{Uint256Type}} AS price_raw, currency AS currency_contract,  -- native: 0x00…00 on Ethereum
                   platform_contract_address AS project_contract_address, CASE WHEN vol_token_match THEN platform_fee_receiver END AS platform_fee_address,
                   platform_fee_raw::{{Uint256Type}} AS platform_fee_amount_raw,
                   CASE WHEN vol_token_match THEN creator_fee_receiver_1 END AS royalty_fee_address, creator_fee_raw::{{Uint256Type}} AS royalty_fee_amount_raw,
                   block_number, tx_hash, tx_from, tx_to,
                   unhex(right(hex(tx_data), 64)) AS tx_data_marker,
                   row_number() OVER (PARTITION BY tx_hash ORDER BY evt_index, sub_type, sub_idx, token_contract_address, token_id, original_amount, sender, receiver) AS sub_tx_trade_id,
                   unhex(right(hex(tx_data), 8)) AS right_hash,
                   CASE WHEN vol_token_match THEN vol_fee_wallet_name END AS fee_wallet_name, zone AS zone_address
            FROM trades
        )
        SELECT * FROM named
        WHERE zone_address IN (unhex('f397619df7bfd4d1657ea9bdd9df7ff888731a11'), unhex('9b814233894cd227f561b78cc65891aa55c62ad2'),
                               unhex('004c00500000ad104d7dbd00e3ae0a5c00560c00'), unhex('110b2b128a9ed1be5ef3232d8e4e41640df5c2cd'),
                               unhex('000000e7ec00e7b300774b00001314b8610022b8'), unhex('000056f7000000ece9003ca63978907a00ffd100'))
           OR fee_wallet_name = 'opensea'
        ORDER BY block_number, tx_hash, sub_tx_trade_id
        """;

    /// <summary>
    /// nft.trades (spellbook's nft_trades.sql, the old-schema port of nft_trades_beta: the same columns and types): the paid mints
    /// (the minter pays the collection contract ETH in the transaction that transfers the token from the zero address) as a 'Buy'
    /// of the collection by the minter at nft.mints' price, no fee; and opensea_v4_ethereum.base_trades as enrich_nft_trades gives
    /// them: the collection from tokens.nft, the currency's symbol and decimals from tokens.erc20 (ETH, at 0x00…00, from
    /// prices.usd's ETH row), the amounts in units and in USD at the trade's minute (prices.usd: spellbook's incremental models read
    /// prices.usd_forward_fill when the trade is new, whose minutes are then prices.usd's), the fees' shares of the price in
    /// percent (uint256 arithmetic: whole percent). The demo has no aggregator. A view: it costs nothing to generate.
    /// </summary>
    private const string NftTrades = $$"""
        CREATE SCHEMA IF NOT EXISTS nft;
        CREATE OR REPLACE VIEW nft.trades AS
        SELECT blockchain, project, version, block_date, block_month, block_time, token_id, collection, amount_usd,
               token_standard, trade_type, number_of_items, 'Buy' AS trade_category, 'Trade' AS evt_type,
               nft_contract_address AS seller, buyer, amount_original, amount_raw, currency_symbol, currency_contract,
               nft_contract_address, project_contract_address, aggregator_name, aggregator_address, tx_hash, block_number,
               tx_from, tx_to,
               0::{{Uint256Type}} AS platform_fee_amount_raw, 0::DOUBLE AS platform_fee_amount, 0::DOUBLE AS platform_fee_amount_usd,
               0::DOUBLE AS platform_fee_percentage, CAST(NULL AS BLOB) AS royalty_fee_receive_address,
               currency_symbol AS royalty_fee_currency_symbol, 0::{{Uint256Type}} AS royalty_fee_amount_raw,
               0::DOUBLE AS royalty_fee_amount, 0::DOUBLE AS royalty_fee_amount_usd, 0::DOUBLE AS royalty_fee_percentage,
               project || '-' || version || '-' || CAST(block_number AS VARCHAR) || '-0x' || lower(hex(tx_hash)) || '-'
                   || CAST(evt_index AS VARCHAR) AS unique_trade_id
        FROM nft.mints
        WHERE amount_raw > 0
        UNION ALL
        SELECT blockchain, project, project_version, block_date, block_month, block_time, nft_token_id, nft_collection, price * usd,
               nft_standard, trade_type, nft_amount, trade_category, 'Trade', seller, buyer, price, price_raw, currency_symbol, currency_contract,
               nft_contract_address, project_contract_address, CAST(NULL AS VARCHAR), CAST(NULL AS BLOB), tx_hash, block_number, tx_from, tx_to,
               platform_fee_amount_raw, platform_fee, platform_fee * usd,
               CASE WHEN price_h > 0 THEN CAST(100 * platform_h // price_h AS DOUBLE) ELSE 0 END,
               royalty_fee_address, currency_symbol, royalty_fee_amount_raw, royalty_fee, royalty_fee * usd,
               CASE WHEN price_h > 0 THEN CAST(100 * royalty_h // price_h AS DOUBLE) ELSE 0 END,
               project || '-' || project_version || '-' || CAST(block_number AS VARCHAR) || '-0x' || lower(hex(tx_hash)) || '-'
                   || CAST(sub_tx_trade_id AS VARCHAR)
        FROM (
            SELECT b.*, n.name AS nft_collection, n.standard AS nft_standard, coalesce(e.symbol, p.symbol) AS currency_symbol, p.price AS usd,
                   CAST(b.price_raw AS DOUBLE) / pow(10, coalesce(e.decimals, p.decimals, 18)) AS price,
                   CAST(b.platform_fee_amount_raw AS DOUBLE) / pow(10, coalesce(e.decimals, p.decimals, 18)) AS platform_fee,
                   CAST(b.royalty_fee_amount_raw AS DOUBLE) / pow(10, coalesce(e.decimals, p.decimals, 18)) AS royalty_fee,
                   CAST(CAST(b.price_raw AS VARCHAR) AS HUGEINT) AS price_h,
                   CAST(CAST(b.platform_fee_amount_raw AS VARCHAR) AS HUGEINT) AS platform_h,
                   CAST(CAST(b.royalty_fee_amount_raw AS VARCHAR) AS HUGEINT) AS royalty_h
            FROM opensea_v4_ethereum.base_trades b
            LEFT JOIN tokens.nft n ON n.blockchain = b.blockchain AND n.contract_address = b.nft_contract_address
            LEFT JOIN tokens.erc20 e ON e.blockchain = b.blockchain AND e.contract_address = b.currency_contract
            LEFT JOIN (SELECT contract_address, blockchain, decimals, minute, price, symbol FROM prices.usd
                       UNION ALL
                       SELECT unhex('0000000000000000000000000000000000000000'), 'ethereum', 18, minute, price, 'ETH'
                       FROM prices.usd WHERE blockchain IS NULL AND symbol = 'ETH') p
              ON p.blockchain = b.blockchain AND p.contract_address = b.currency_contract AND p.minute = date_trunc('minute', b.block_time)
        )
        """;
}
