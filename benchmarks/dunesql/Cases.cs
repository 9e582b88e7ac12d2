/// <summary>The measured queries (decision 173): date_trunc by a month, a quarter and a year of prices.usd's minute, a
/// timestamp with time zone; "before" is main's translation (ICU's time_bucket).</summary>
internal static class Cases
{
    public static readonly Case[] All =
    [
        new("month of prices.usd minute", "SELECT time_bucket(INTERVAL '1 month', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1",
            "SELECT date_trunc('month', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1"),
        new("year of prices.usd minute", "SELECT time_bucket(INTERVAL '1 year', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1",
            "SELECT date_trunc('year', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1"),
    ];
}
