namespace Strata.Engine.DuckDb;

/// <summary>
/// Two spells dashboards read often, derived from the demo's own trades so they agree with them:
/// <c>nft.trades</c> (spellbook's nft_trades.sql, the old-schema port of nft_trades_beta: the same columns and types) and
/// <c>dex.prices</c> (spellbook's dex_prices.sql: a token's median USD price per hour).
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> MarketScript()
    {
        // The demo chain has no NFT marketplace: its only NFT sales are the paid mints (the minter pays the collection
        // contract ETH in the transaction that transfers the token from the zero address). nft.trades lists each of those
        // as a 'Buy' of the collection by the minter, with the price nft.mints gives it, no platform or royalty fee.
        // A view: it costs nothing to generate and can never disagree with nft.mints.
        yield return $$"""
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
            """;
        // dex.prices: per token and hour (UTC), the median of the token's minute prices at its dex.trades (either side of a
        // trade, the minute of prices.usd dex.trades values it by) and how many trades that is. Spellbook's view now reads
        // prices.hour and gives sample_size NULL; the older model counted the trades, which queries filter on, so it is kept.
        // (The demo's swap amounts are not set by the two tokens' prices, so a price implied by the other side would be noise.)
        yield return """
            CREATE OR REPLACE TABLE dex.prices AS
            WITH s AS (
                SELECT block_time, token_bought_address AS contract_address FROM dex.trades
                UNION ALL
                SELECT block_time, token_sold_address FROM dex.trades
            ), h AS (
                SELECT date_trunc('hour', make_timestamp(epoch_us(s.block_time))) AS hour, s.contract_address, u.price
                FROM s JOIN prices.usd u ON u.contract_address = s.contract_address AND u.minute = date_trunc('minute', s.block_time)
            )
            SELECT CAST(date_trunc('month', hour) AS DATE) AS block_month,
                   hour,
                   contract_address,
                   'ethereum' AS blockchain,
                   median(price) AS median_price,
                   count(*)::INTEGER AS sample_size
            FROM h
            GROUP BY hour, contract_address
            ORDER BY hour, contract_address
            """;
    }
}
