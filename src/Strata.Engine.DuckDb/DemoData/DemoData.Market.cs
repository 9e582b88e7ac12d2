namespace Strata.Engine.DuckDb;

/// <summary>
/// A spell dashboards read often, derived from the demo's own trades so they agree with them: <c>dex.prices</c> (spellbook's
/// dex_prices.sql: a token's median USD price per hour). (<c>nft.trades</c> is DemoData.SeaportTables.cs's.)
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> MarketScript()
    {
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
