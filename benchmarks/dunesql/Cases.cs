internal static class Cases
{
    public static readonly Case[] All =
    [
        new("month of prices.usd minute", "SELECT time_bucket(INTERVAL '1 month', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1",
            "SELECT date_trunc('month', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1"),
    ];
}
