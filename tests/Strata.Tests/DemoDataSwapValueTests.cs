using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Branch demo-swaps: a demo swap's later hops are worth what its first hop is worth at the minute's prices (those
/// of <c>prices.usd</c>), less a 0.3% pool fee a hop, as an AMM's trades are; and every token's amounts, the meme
/// tokens' beyond 2^128 too, are worth at most a few million USD. Before, each hop's amount was drawn on its own and a
/// meme token cost 1e-20 USD, so <c>dex.trades</c> held trades of 10^19 USD and bought/sold ratios of 10^-10 to 10^9.
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

    [Fact]
    public void Every_ethereum_dex_trade_gets_what_it_pays_less_the_pools_fee_at_the_minutes_prices()
    {
        long trades = Count("SELECT count(*) FROM dex.trades WHERE blockchain = 'ethereum'");
        Assert.True(trades > 100, $"{trades} trades");
        // every trade's tokens are priced at its minute
        Assert.Equal(trades, Count(Valued + "SELECT count(*) FROM t"));
        // bought value / sold value = 0.997 (the fee), to eight significant digits of the amounts, or to a whole unit
        // of the token where an amount has fewer digits (a dust swap of 26 units of USDT gets 26 units of USDC); a swap
        // worth less than one unit of what it buys gets one unit
        const string Off = "abs(token_bought_amount * bought_price / (token_sold_amount * sold_price) / 0.997 - 1)";
        const string Unit = "1.0 / least(CAST(token_sold_amount_raw AS DOUBLE), CAST(token_bought_amount_raw AS DOUBLE))";
        Assert.Equal(trades, Count(Valued + $"""
            SELECT count(*) FROM t
            WHERE {Off} <= 1e-6 + 2 * {Unit}
               OR (token_bought_amount_raw = 1 AND token_bought_amount * bought_price > token_sold_amount * sold_price * 0.997)
            """));
        Assert.True(Count(Valued + $"SELECT count(*) FROM t WHERE {Off} <= 1e-6") * 2 > trades);
        // amount_usd is the bought side's value (Dune's coalesce(bought, sold)), so the same
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

    [Fact]
    public void Meme_token_amounts_go_beyond_2_to_the_128_and_no_trade_or_transfer_is_worth_more_than_a_few_million_usd()
    {
        Assert.True(Count("SELECT count(*) FROM dex.trades WHERE blockchain = 'ethereum' AND CAST(token_bought_amount_raw AS DOUBLE) > 3.5e38") > 0);
        Assert.Equal(0, Count("SELECT count(*) FROM dex.trades WHERE amount_usd > 1e7"));
        Assert.Equal(0, Count("SELECT count(*) FROM tokens.transfers WHERE amount_usd > 1e7"));
        Assert.True(Count("SELECT count(*) FROM tokens.transfers WHERE amount_usd > 0") > 0);
    }
}
