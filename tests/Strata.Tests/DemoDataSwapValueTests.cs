using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Branch demo-swaps: a demo swap's later hops are worth about what its first hop is worth at the minute's prices (those
/// of <c>prices.usd</c>), less a 0.3% pool fee a hop and the pair's slippage (dune-tables27: the pairs' constant-product
/// rule), as an AMM's trades are; and every token's amounts, the meme tokens' beyond 2^128 too, are worth at most a few
/// million USD. Before, each hop's amount was drawn on its own and a meme token cost 1e-20 USD, so <c>dex.trades</c> held
/// trades of 10^19 USD and bought/sold ratios of 10^-10 to 10^9.
/// </summary>
public sealed class DemoDataSwapValueTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private const string Valued = """
        WITH t AS (
            SELECT d.*, pb.price AS bought_price, ps.price AS sold_price
            FROM dex.trades d
            JOIN prices.usd pb ON pb.blockchain = 'ethereum' AND pb.contract_address = d.token_bought_address AND pb.minute = date_trunc('minute', d.block_time)
            JOIN prices.usd ps ON ps.blockchain = 'ethereum' AND ps.contract_address = d.token_sold_address AND ps.minute = date_trunc('minute', d.block_time)
            WHERE d.blockchain = 'ethereum'
        )
        """;

    /// <summary>
    /// A trade gets what the pair's constant-product rule gives (DemoDataTables27Tests), so its value against what it pays, at the
    /// minute's prices, is the pair's price against the market's, less the 0.3% fee and the trade's slippage: the pairs start at
    /// the volume-weighted price of their span with twenty times its volume, so nine trades in ten get within a quarter of what
    /// they pay (the median within a few percent) and none less than 0.4 or more than twice (a dust trade's unit, a pair moved by
    /// one large swap).
    /// </summary>
    [Fact]
    public void Ethereum_dex_trades_get_about_what_they_pay_at_the_minutes_prices()
    {
        long trades = Count("SELECT count(*) FROM dex.trades WHERE blockchain = 'ethereum'");
        Assert.True(trades > 100, $"{trades} trades");
        // every trade's tokens are priced at its minute
        Assert.Equal(trades, Count(Valued + "SELECT count(*) FROM t"));
        const string Ratio = "token_bought_amount * bought_price / (token_sold_amount * sold_price)";
        var ratios = fixture.Rows(Valued + string.Join(", ", new[] { 0.0, 0.05, 0.5, 0.95, 1.0 }.Select(p => string.Create(CultureInfo.InvariantCulture, $"quantile_cont({Ratio}, {p})"))).Insert(0, "SELECT ") + " FROM t")[0]
            .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        string q = string.Join(", ", ratios);
        Assert.True(ratios[0] >= 0.4 && ratios[4] <= 2 && ratios[1] >= 0.75 && ratios[3] <= 1.25 && ratios[2] >= 0.9 && ratios[2] <= 1.05,
            $"bought / sold value: min, 5%, median, 95%, max {q}");
        // amount_usd is the bought side's value (Dune's coalesce(bought, sold))
        Assert.Equal(0, Count(Valued + "SELECT count(*) FROM t WHERE abs(amount_usd / (token_bought_amount * bought_price) - 1) > 1e-9"));
    }

    [Fact]
    public void Two_hop_swaps_pass_the_first_pools_output_on_as_the_second_pools_input()
    {
        long chained = Count("""
            SELECT count(*) FROM dex.trades a JOIN dex.trades b
              ON b.blockchain = a.blockchain AND b.tx_hash = a.tx_hash AND b.evt_index > a.evt_index AND b.token_sold_address = a.token_bought_address
            WHERE a.blockchain = 'ethereum' AND a.project = b.project
            """);
        Assert.True(chained > 0, "no multi-hop swap in the demo");
        Assert.Equal(0, Count("""
            SELECT count(*) FROM dex.trades a JOIN dex.trades b
              ON b.blockchain = a.blockchain AND b.tx_hash = a.tx_hash AND b.evt_index > a.evt_index AND b.token_sold_address = a.token_bought_address
            WHERE a.blockchain = 'ethereum' AND a.project = b.project AND b.token_sold_amount_raw <> a.token_bought_amount_raw
            """));
    }

    /// <summary>Meme tokens' transfers go beyond 2^128, but no meme token trades through a Uniswap V2 style pair, whose reserves are
    /// uint112 (DemoData.V2Swaps.cs).</summary>
    [Fact]
    public void Meme_token_amounts_go_beyond_2_to_the_128_and_no_trade_or_transfer_is_worth_more_than_a_few_million_usd()
    {
        Assert.True(Count("SELECT count(*) FROM tokens.transfers WHERE blockchain = 'ethereum' AND CAST(amount_raw AS DOUBLE) > 3.5e38") > 0);
        Assert.Equal(0, Count("SELECT count(*) FROM dex.trades WHERE blockchain = 'ethereum' AND CAST(token_bought_amount_raw AS DOUBLE) > 5.2e33"));
        Assert.Equal(0, Count("SELECT count(*) FROM dex.trades WHERE amount_usd > 1e7"));
        Assert.Equal(0, Count("SELECT count(*) FROM tokens.transfers WHERE amount_usd > 1e7"));
        Assert.True(Count("SELECT count(*) FROM tokens.transfers WHERE amount_usd > 0") > 0);
    }
}
