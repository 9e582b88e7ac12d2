using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// A real query over the table dune-tables16 added (<c>cow_protocol_ethereum.trades</c>), run through the translator on the demo
/// data, against the answer computed here from the raw Trade logs of GPv2Settlement, tokens.erc20 and prices.usd.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>A CoW Protocol WETH/USDC trade list: the trades between WETH and USDC (native ETH bought is "ETH", not WETH), with
    /// the atoms from the Trade event (the fee taken off the sell side) and the USD value of the larger side.</summary>
    [Fact]
    public void Cow_weth_usdc_trade_list_is_the_settlements_weth_usdc_trades()
    {
        var symbols = fixture.Db.TranslatedRows("SELECT hex(contract_address), symbol, decimals FROM tokens.erc20 WHERE blockchain = 'ethereum'")
            .ToDictionary(r => r[0].ToUpperInvariant(), r => (Symbol: r[1], Decimals: int.Parse(r[2], CultureInfo.InvariantCulture)));
        var expected = new List<(string Key, double Usd)>();
        foreach (var r in fixture.Db.TranslatedRows($"""
            SELECT hex(l.tx_hash), hex(l.data), l.tx_hash IS NOT NULL, CAST(epoch(date_trunc('minute', l.block_time)) AS BIGINT)
            FROM ethereum.logs l
            WHERE l.contract_address = unhex('{DemoData.CowSettlement}')
              AND l.topic0 = unhex('a07a543ab8a018198e99ca0184c93fe9050a79400a0a723441f84de1d972cc17')
            """))
        {
            byte[] d = Convert.FromHexString(r[1]);
            string sell = Convert.ToHexString(d.AsSpan(12, 20)), buy = Convert.ToHexString(d.AsSpan(44, 20));
            string sellSymbol = symbols[sell].Symbol;
            string buySymbol = buy == new string('E', 40) ? "ETH" : symbols[buy].Symbol;
            if (!(sellSymbol, buySymbol).Equals(("WETH", "USDC")) && !(sellSymbol, buySymbol).Equals(("USDC", "WETH")))
            {
                continue;
            }
            BigInteger Word(int at) => new(d.AsSpan(at, 32), isUnsigned: true, isBigEndian: true);
            BigInteger sold = Word(64) - Word(128), bought = Word(96);
            int uidAt = (int)Word(160);
            string uid = Convert.ToHexString(d.AsSpan(uidAt + 32, (int)Word(uidAt)));
            string pair = string.CompareOrdinal(buySymbol.ToLowerInvariant(), sellSymbol.ToLowerInvariant()) > 0 ? sellSymbol + "-" + buySymbol : buySymbol + "-" + sellSymbol;
            long minute = long.Parse(r[3], CultureInfo.InvariantCulture);
            double Price(string token) => double.Parse(fixture.Db.TranslatedRows($"""
                SELECT price FROM prices.usd WHERE blockchain = 'ethereum' AND contract_address = unhex('{token}') AND epoch(minute) = {minute}
                """).Single()[0], CultureInfo.InvariantCulture);
            double sellUsd = Price(sell) * (double)sold / Math.Pow(10, symbols[sell].Decimals);
            double buyUsd = Price(buy) * (double)bought / Math.Pow(10, symbols[buy].Decimals);
            expected.Add((string.Join('|', r[0].ToUpperInvariant(), uid, sellSymbol, buySymbol, pair, sold, bought), Math.Max(sellUsd, buyUsd)));
        }
        Assert.NotEmpty(expected);
        var rows = fixture.Db.Rows(CorpusReal("cow_trades_weth_usdc.sql"));
        // block_number, block_date, block_time, tx_hash, order_uid, trader, sell_token_address, sell_token, buy_token_address, buy_token,
        // token_pair, order_type, partial_fill, fill_proportion, surplus_usd, units_sold, atoms_sold, units_bought, atoms_bought, usd_value
        var actual = rows.Select(row => (Key: string.Join('|', row[3][2..].ToUpperInvariant(), row[4][2..].ToUpperInvariant(), row[7], row[9], row[10],
            row[16], row[18]), Usd: double.Parse(row[19], CultureInfo.InvariantCulture))).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        expected = [.. expected.OrderBy(x => x.Key, StringComparer.Ordinal)];
        Assert.Equal(expected.Select(x => x.Key), actual.Select(x => x.Key));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.True(Math.Abs(e.Usd - a.Usd) <= 1e-9 * e.Usd, $"{e.Key}: usd_value {a.Usd} <> {e.Usd}");
        }
    }
}
