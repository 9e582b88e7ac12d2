using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Strata.Tests;

/// <summary>
/// A real query over the rows dune-tables19 added to <c>nft.trades</c> (OpenSea's, from Seaport's OrderFulfilled), run through the
/// translator on the demo data, against the answer computed here from Seaport's raw logs (DemoDataSeaportTests' reading of them as
/// spellbook's macro reads them), tokens.nft and prices.usd.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>A wallet's OpenSea summary: overall, as buyer and as seller, and per collection (the 25 largest in USD), for a wallet picked
    /// from the trades read here (the file's wallet literal replaced), one that bought and sold.</summary>
    [Fact]
    public void Opensea_wallet_summary_sums_the_wallets_seaport_sales()
    {
        var all = DemoDataSeaportTests.Trades(DemoDataSeaportTests.Events(fixture.Db.TranslatedRows));
        // the wallet: of those that both bought and sold on OpenSea (a P&L to read), the one with the most trades (ties: the lowest address)
        var sides = all.SelectMany(t => new[] { (Wallet: t.E.Recipient, Buy: true), (Wallet: t.E.Offerer, Buy: false) }).GroupBy(x => x.Wallet)
            .Where(g => g.Any(x => x.Buy) && g.Any(x => !x.Buy)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.True(sides.Count > 0, $"no wallet both bought and sold in {all.Count} OpenSea trades");
        string wallet = sides[0].Key;
        var literal = Regex.Match(CorpusReal("opensea_wallet_trading_summary.sql"), @"CAST\(0x([0-9a-fA-F]{40}) AS VARBINARY\)");
        Assert.True(literal.Success, "the query's wallet parameter");
        string sql = CorpusReal("opensea_wallet_trading_summary.sql").Replace(literal.Value, $"CAST(0x{wallet.ToLowerInvariant()} AS VARBINARY)", StringComparison.Ordinal);
        var nfts = fixture.Db.TranslatedRows("SELECT hex(contract_address), name FROM tokens.nft WHERE blockchain = 'ethereum'").ToDictionary(r => r[0], r => r[1]);
        var prices = fixture.Db.TranslatedRows("""
            SELECT coalesce(hex(contract_address), '0000000000000000000000000000000000000000'), CAST(epoch(minute)::BIGINT AS VARCHAR), CAST(price AS VARCHAR)
            FROM prices.usd
            WHERE (blockchain = 'ethereum' AND contract_address = unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')) OR (blockchain IS NULL AND symbol = 'ETH')
            """).ToDictionary(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture)), r => double.Parse(r[2], CultureInfo.InvariantCulture));
        var fills = all.Where(t => t.E.Offerer == wallet || t.E.Recipient == wallet).Select(t =>
        {
            double usd = prices[(t.Currency, t.E.Minute)];
            double Eth(BigInteger raw) => (double)raw / 1e18;
            return (Side: t.E.Recipient == wallet ? "buyer" : "seller", Minute: t.E.Minute, Collection: nfts[t.E.Offer[0].Token], Eth: Eth(t.Price),
                Usd: Eth(t.Price) * usd, Fee: Eth(t.PlatformFee), FeeUsd: Eth(t.PlatformFee) * usd, Royalty: t.Royalty is { } r ? Eth(r) : 0, RoyaltyUsd: t.Royalty is { } q ? Eth(q) * usd : 0);  // null: no royalty, summed as none
        }).ToList();
        Assert.True(fills.Count >= 2 && fills.Any(f => f.Side == "buyer") && fills.Any(f => f.Side == "seller"), $"{fills.Count} OpenSea trades of 0x{wallet}");
        // (section, label, count, eth, usd, fee eth, royalty eth) and the summary's own columns
        var expected = new List<(string Section, string Label, int Count, double[] Sums)>
        {
            ("summary", "overall", fills.Count, [fills.Sum(f => f.Eth), fills.Sum(f => f.Usd), fills.Sum(f => f.Fee), fills.Sum(f => f.Royalty)]),
        };
        expected.AddRange(fills.GroupBy(f => f.Side).Select(g => ("buyer_seller", g.Key, g.Count(), new[] { g.Sum(f => f.Eth), g.Sum(f => f.Usd), g.Sum(f => f.Fee), g.Sum(f => f.Royalty) })));
        expected.AddRange(fills.GroupBy(f => f.Collection).OrderByDescending(g => g.Sum(f => f.Usd)).Take(25)
            .Select(g => ("collection", g.Key, g.Count(), new[] { g.Sum(f => f.Eth), g.Sum(f => f.Usd), g.Sum(f => f.Fee), g.Sum(f => f.Royalty) })));
        var rows = fixture.Db.Rows(sql).OrderBy(r => r[0], StringComparer.Ordinal).ThenBy(r => r[1], StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => (e.Section, e.Label, e.Count.ToString(CultureInfo.InvariantCulture))).OrderBy(e => e.Section, StringComparer.Ordinal).ThenBy(e => e.Label, StringComparer.Ordinal),
            rows.Select(r => (r[0], r[1], r[2])));
        foreach (var r in rows)
        {
            var e = expected.Single(x => x.Section == r[0] && x.Label == r[1]);
            for (int k = 0; k < 4; k++)
            {
                Close(e.Sums[k], r[3 + k]);
            }
        }
        var summary = rows.Single(r => r[0] == "summary");
        var buys = fills.Where(f => f.Side == "buyer").ToList();
        var sells = fills.Where(f => f.Side == "seller").ToList();
        Assert.Equal([buys.Count.ToString(CultureInfo.InvariantCulture), sells.Count.ToString(CultureInfo.InvariantCulture)], summary[10..12]);
        Close(buys.Sum(f => f.Eth), summary[12]);
        Close(sells.Sum(f => f.Eth), summary[13]);
        Close(fills.Sum(f => f.FeeUsd), summary[14]);
        Close(fills.Sum(f => f.RoyaltyUsd), summary[15]);
        // first and last trade: their minutes (the block times within them)
        Assert.Equal(fills.Min(f => f.Minute), new DateTimeOffset(DateTime.Parse(summary[7].Replace(" UTC", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero).ToUnixTimeSeconds() / 60 * 60);
        Assert.Equal(fills.Max(f => f.Minute), new DateTimeOffset(DateTime.Parse(summary[8].Replace(" UTC", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero).ToUnixTimeSeconds() / 60 * 60);
    }

    private static void Close(double expected, string actual)
    {
        double a = double.Parse(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(a - expected) <= 1e-9 * Math.Max(1e-9, Math.Abs(expected)), $"{actual} vs {expected}");
    }
}
