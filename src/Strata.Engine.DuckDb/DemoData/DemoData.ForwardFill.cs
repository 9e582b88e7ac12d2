namespace Strata.Engine.DuckDb;

/// <summary>
/// <c>prices.usd_forward_fill</c>: spellbook's prices_usd_forward_fill.sql (the most read price source of spellbook's
/// models after prices.usd) as a view over prices.usd: the minutes older than an hour as they are, and every minute of
/// the last hour up to now filled with the latest price at or before it. It is a view on Dune too, so it follows the
/// clock: once the demo data is older than an hour, the last hour's minutes have no price (as on Dune when prices stop).
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> ForwardFillScript()
    {
        yield return """
            CREATE OR REPLACE VIEW prices.usd_forward_fill AS
            WITH finalized AS (
                SELECT * FROM prices.usd WHERE minute <= now() - INTERVAL 1 HOUR
            ), unfinalized AS (
                SELECT *, lead(minute) OVER (PARTITION BY blockchain, contract_address, decimals, symbol ORDER BY minute) AS next_update_minute
                FROM prices.usd WHERE minute >= now() - INTERVAL 1 HOUR
            ), timeseries AS (
                SELECT unnest(generate_series(date_trunc('minute', now() - INTERVAL 1 HOUR), date_trunc('minute', now()), INTERVAL 1 MINUTE)) AS minute
            ), forward_fill AS (
                SELECT t.minute, blockchain, contract_address, decimals, symbol, price
                FROM unfinalized p
                RIGHT JOIN timeseries t ON t.minute >= p.minute AND (p.next_update_minute IS NULL OR t.minute < p.next_update_minute)
            )
            SELECT minute, blockchain, contract_address, decimals, symbol, price FROM finalized
            UNION ALL
            SELECT minute, blockchain, contract_address, decimals, symbol, price FROM forward_fill WHERE minute > now() - INTERVAL 1 HOUR
            """;
    }
}
