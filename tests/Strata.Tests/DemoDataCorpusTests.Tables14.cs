using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// A real query over the table dune-tables14 added (<c>account_abstraction_erc4337.userops</c>), run through the translator on
/// the demo data, against the answer computed here from the raw bundles: <c>ethereum.transactions</c> to the EntryPoint, their
/// UserOperationEvent logs and ETH's minute price.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>SixdegreeLab's monthly bundler profit: per UTC month, the bundles' user operation fees less their transaction fees,
    /// in USD at the block's minute.</summary>
    [Fact]
    public void Sixdegree_bundler_revenue_is_the_bundles_fees_less_their_gas()
    {
        var costs = fixture.Db.TranslatedRows($"""
            SELECT hex(tx_hash), hex(data) FROM ethereum.logs
            WHERE contract_address = unhex('{DemoData.EntryPointV06}') AND topic0 = unhex('49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f')
            """).GroupBy(r => r[0].ToUpperInvariant())
            .ToDictionary(g => g.Key, g => g.Select(r => (double)new BigInteger(Convert.FromHexString(r[1]).AsSpan(64, 32), isUnsigned: true, isBigEndian: true)).ToList());
        var revenue = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in fixture.Db.TranslatedRows($"""
            SELECT hex(t.hash), t.gas_used, t.gas_price, p.price, CAST(epoch(t.block_time) AS BIGINT)
            FROM ethereum.transactions t
            JOIN prices.usd p ON p.minute = date_trunc('minute', t.block_time) AND p.blockchain = 'ethereum'
                AND p.contract_address = unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
            WHERE t."to" = unhex('{DemoData.EntryPointV06}') AND t.success
            """))
        {
            double price = double.Parse(r[3], CultureInfo.InvariantCulture);
            double opFeesUsd = costs[r[0].ToUpperInvariant()].Sum(c => c / 1e18 * price);
            double txFeeUsd = double.Parse(r[1], CultureInfo.InvariantCulture) * double.Parse(r[2], CultureInfo.InvariantCulture) / 1e18 * price;
            string month = DateTimeOffset.FromUnixTimeSeconds(long.Parse(r[4], CultureInfo.InvariantCulture)).ToString("yyyy-MM-01", CultureInfo.InvariantCulture);
            revenue[month] = revenue.GetValueOrDefault(month) + opFeesUsd - txFeeUsd;
        }
        Assert.Equal(costs.Count, fixture.Db.TranslatedRows($"SELECT 1 FROM ethereum.transactions WHERE \"to\" = unhex('{DemoData.EntryPointV06}') AND success").Count);
        Assert.True(revenue.Count >= 1, "months");
        var rows = fixture.Db.Rows(CorpusReal("sixdegree_erc4337_bundler_revenue.sql")).OrderBy(r => r[0], StringComparer.Ordinal).ToList();
        Assert.Equal(revenue.Keys, rows.Select(r => r[0][..10]));
        foreach (var (row, (month, usd)) in rows.Zip(revenue))
        {
            double got = double.Parse(row[1], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(got - usd) <= 1e-9 * Math.Max(1, Math.Abs(usd)), $"{month}: {got} <> {usd}");
            Assert.Equal(usd >= 0 ? "Positive" : "Negative", row[2]);
        }
    }
}
