using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;
using static Strata.Tests.AbiWords;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables16: CoW Protocol settlements on the demo chain (GPv2Settlement <c>settle</c>), Dune's decoded
/// <c>gnosis_protocol_v2_ethereum</c> tables and spellbook's <c>cow_protocol_ethereum.trades</c>, checked against what is computed
/// here from the raw rows: the settle calldata parsed as the ABI encodes it, the settlement's logs, prices.usd and tokens.erc20.
/// </summary>
public sealed class DemoDataCowTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date";

    private const string TradeTopic = "A07A543AB8A018198E99CA0184C93FE9050A79400A0A723441F84DE1D972CC17";
    private const string InteractionTopic = "ED99827EFB37016F2275F98C4BCF71C7551C75D59E9B450F79FA32E60BE672C2";
    private const string SettlementTopic = "40338CE1A7C49204F0099533B1E9A7EE0A3D261F84974AB7AF36105B8C4E9DB4";
    private const string NativeEth = "EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE";
    private const string Weth = "C02AAA39B223FE8D0A0E5C4F27EAD9083C756CC2";
    private static readonly string Settlement = DemoData.CowSettlement.ToUpperInvariant();
    private static readonly string Zero = new('0', 40);

    public static TheoryData<string, string> Schemas => new()
    {
        // Trade(address indexed owner, IERC20 sellToken, IERC20 buyToken, uint256 sellAmount, uint256 buyAmount, uint256 feeAmount, bytes orderUid)
        { "gnosis_protocol_v2_ethereum.GPv2Settlement_evt_Trade", Evt + ", owner varbinary, sellToken varbinary, buyToken varbinary, "
            + "sellAmount uint256, buyAmount uint256, feeAmount uint256, orderUid varbinary" },
        { "gnosis_protocol_v2_ethereum.GPv2Settlement_evt_Settlement", Evt + ", solver varbinary" },
        { "gnosis_protocol_v2_ethereum.GPv2Settlement_evt_Interaction", Evt + ", target varbinary, value uint256, selector varbinary" },
        // settle(IERC20[] tokens, uint256[] clearingPrices, GPv2Trade.Data[] trades, GPv2Interaction.Data[][3] interactions)
        { "gnosis_protocol_v2_ethereum.GPv2Settlement_call_settle", "contract_address varbinary, call_success boolean, call_tx_hash varbinary, "
            + "call_tx_from varbinary, call_tx_to varbinary, call_tx_index bigint, call_trace_address array(bigint), "
            + "call_block_time timestamp(3) with time zone, call_block_number bigint, call_block_date date, "
            + "tokens array(varbinary), clearingPrices array(uint256), trades array(varchar), interactions array(array(varchar))" },
        // spellbook's model, its final select's order
        { "cow_protocol_ethereum.trades", "block_date date, block_month date, block_time timestamp(3) with time zone, block_number bigint, "
            + "tx_hash varbinary, evt_index bigint, trace_address array(bigint), project_contract_address varbinary, order_uid varbinary, "
            + "trader varbinary, sell_token_address varbinary, sell_token varchar, buy_token_address varbinary, buy_token varchar, "
            + "token_pair varchar, units_sold double, atoms_sold uint256, units_bought double, atoms_bought uint256, usd_value double, "
            + "buy_price double, buy_value_usd double, sell_price double, sell_value_usd double, fee double, fee_atoms uint256, fee_usd double, "
            + "app_data varbinary, receiver varbinary, limit_sell_amount uint256, limit_buy_amount uint256, valid_to varchar, flags integer, "
            + "order_type varchar, partial_fill boolean, fill_proportion uint256, surplus_usd double" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Cow_tables_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    private sealed record Order(int SellIndex, int BuyIndex, string Receiver, BigInteger SellAmount, BigInteger BuyAmount, long ValidTo,
        string AppData, BigInteger FeeAmount, BigInteger Flags, BigInteger Executed, string Signature);

    private sealed record Interaction(string Target, BigInteger Value, string CallData);

    private sealed record Settle(string Hash, bool Success, string From, long Block, long Minute, string Time, List<string> Tokens,
        List<BigInteger> Prices, List<Order> Orders, List<List<Interaction>> Interactions);

    /// <summary>GPv2Settlement's settle transactions in chain order, their arguments read from the ABI encoding.</summary>
    private List<Settle> Settlements()
    {
        var list = new List<Settle>();
        foreach (var r in fixture.Rows($"""
            SELECT hex(hash), success, hex("from"), block_number, epoch(block_time)::BIGINT // 60 * 60,
                   strftime(timezone('UTC', block_time), '%Y-%m-%d'), hex(data)
            FROM ethereum.transactions WHERE "to" = unhex('{Settlement}') ORDER BY block_number, "index"
            """))
        {
            Assert.Equal("13D79A0B", r[6][..8]);
            byte[] d = Convert.FromHexString(r[6]);
            int tp = 4 + Int(d, 4), pp = 4 + Int(d, 36), rp = 4 + Int(d, 68), ip = 4 + Int(d, 100);
            var tokens = Enumerable.Range(0, Int(d, tp)).Select(k => Addr(d, tp + 32 + 32 * k)).ToList();
            var prices = Enumerable.Range(0, Int(d, pp)).Select(k => Big(d, pp + 32 + 32 * k)).ToList();
            var orders = Enumerable.Range(0, Int(d, rp)).Select(j => rp + 32 + Int(d, rp + 32 + 32 * j)).Select(p => new Order(
                Int(d, p), Int(d, p + 32), Addr(d, p + 64), Big(d, p + 96), Big(d, p + 128), (long)Big(d, p + 160),
                Convert.ToHexString(d.AsSpan(p + 192, 32)), Big(d, p + 224), Big(d, p + 256), Big(d, p + 288), Bytes(d, p + Int(d, p + 320)))).ToList();
            var interactions = Enumerable.Range(0, 3).Select(x => ip + Int(d, ip + 32 * x)).Select(q =>
                Enumerable.Range(0, Int(d, q)).Select(e => q + 32 + Int(d, q + 32 + 32 * e))
                    .Select(p => new Interaction(Addr(d, p), Big(d, p + 32), Bytes(d, p + Int(d, p + 64)))).ToList()).ToList();
            list.Add(new Settle(r[0], r[1] == "True", r[2], long.Parse(r[3], CultureInfo.InvariantCulture), long.Parse(r[4], CultureInfo.InvariantCulture),
                r[5], tokens, prices, orders, interactions));
        }
        Assert.True(list.Count(s => s.Success) >= 10, $"{list.Count} settlements");
        return list;
    }

    private sealed record TradeLog(string Hash, long Index, string Owner, string Sell, string Buy, BigInteger Sold, BigInteger Bought,
        BigInteger Fee, string Uid);

    /// <summary>The settlement's Trade logs, read from the raw topics and data.</summary>
    private Dictionary<string, List<TradeLog>> TradeLogs()
    {
        var logs = new Dictionary<string, List<TradeLog>>();
        foreach (var r in fixture.Rows($"""
            SELECT hex(tx_hash), "index", hex(topic1), hex(data) FROM ethereum.logs
            WHERE contract_address = unhex('{Settlement}') AND topic0 = unhex('{TradeTopic}') ORDER BY block_number, "index"
            """))
        {
            byte[] d = Convert.FromHexString(r[3]);
            var log = new TradeLog(r[0], long.Parse(r[1], CultureInfo.InvariantCulture), r[2][24..], Addr(d, 0), Addr(d, 32), Big(d, 64),
                Big(d, 96), Big(d, 128), Bytes(d, Int(d, 160)));
            (logs.TryGetValue(r[0], out var l) ? l : logs[r[0]] = []).Add(log);
        }
        return logs;
    }

    [Fact]
    public void A_settlement_is_a_solvers_settle_whose_logs_are_the_contracts()
    {
        var settlements = Settlements();
        var trades = TradeLogs();
        var other = fixture.Rows($"""
            SELECT hex(tx_hash), hex(topic0), hex(topic1), hex(data) FROM ethereum.logs
            WHERE contract_address = unhex('{Settlement}') AND topic0 <> unhex('{TradeTopic}') ORDER BY block_number, "index"
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var s in settlements)
        {
            Assert.InRange(s.Orders.Count, 1, 3);
            Assert.Equal(2 * s.Orders.Count, s.Tokens.Count);
            Assert.Equal(s.Tokens.Count, s.Prices.Count);
            Assert.Equal([0, 1, 0], s.Interactions.Select(l => l.Count));
            if (!s.Success)
            {
                Assert.False(trades.ContainsKey(s.Hash) || other.ContainsKey(s.Hash), "a failed settlement logs nothing");
                continue;
            }
            var logs = trades[s.Hash];
            Assert.Equal(s.Orders.Count, logs.Count);
            for (int j = 0; j < logs.Count; j++)
            {
                Order o = s.Orders[j];
                TradeLog t = logs[j];
                Assert.Equal(s.Tokens[o.SellIndex], t.Sell);
                Assert.Equal(s.Tokens[o.BuyIndex], t.Buy);
                // the contract's executed buy amount: executed sell × p(sell) / p(buy)
                BigInteger executedSell = t.Sold - t.Fee;
                Assert.Equal(t.Bought, executedSell * s.Prices[o.SellIndex] / s.Prices[o.BuyIndex]);
                // the order uid: a digest, the owner, validTo
                Assert.Equal(112, t.Uid.Length);
                Assert.Equal(t.Owner, t.Uid[64..104]);
                Assert.Equal(o.ValidTo, long.Parse(t.Uid[104..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                Assert.Equal(130, o.Signature.Length);
                bool buy = !o.Flags.IsEven, partial = (o.Flags & 2) != 0;
                // the limit price holds (never less bought per unit sold than the order asks), and a fill-or-kill order fills exactly
                Assert.True(t.Bought * o.SellAmount >= executedSell * o.BuyAmount, $"limit of {s.Hash}/{j}");
                if (!partial)
                {
                    Assert.Equal(buy ? o.BuyAmount : o.SellAmount, buy ? t.Bought : executedSell);
                    Assert.Equal(o.FeeAmount, t.Fee);
                    Assert.Equal(BigInteger.Zero, o.Executed);
                }
                else
                {
                    Assert.Equal(buy ? t.Bought : executedSell, o.Executed);
                    Assert.True((buy ? o.BuyAmount : o.SellAmount) > o.Executed, "a partial fill");
                }
            }
            var rest = other[s.Hash];
            Assert.Equal(2, rest.Count);
            var call = s.Interactions[1][0];
            Assert.Equal([InteractionTopic, new string('0', 24) + call.Target, new string('0', 64) + call.CallData[..8] + new string('0', 56)],
                rest[0].Skip(1));
            Assert.Equal([SettlementTopic, new string('0', 24) + s.From, ""], rest[1].Skip(1));
        }
        Assert.Contains(settlements, s => s.Orders.Any(o => !o.Flags.IsEven));
        Assert.Contains(settlements, s => s.Orders.Any(o => (o.Flags & 2) != 0));
        Assert.Contains(settlements, s => s.Tokens.Contains(NativeEth));
        Assert.InRange(settlements.Select(s => s.From).Distinct().Count(), 2, 4);
        Assert.Equal(0L, Convert.ToInt64(fixture.Scalar($"SELECT count(*) FROM base.transactions WHERE \"to\" = unhex('{Settlement}')"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_decoded_tables_are_the_logs_and_the_calldata()
    {
        var settlements = Settlements();
        var trades = TradeLogs();
        var expectedTrades = trades.Values.SelectMany(l => l)
            .Select(t => string.Join('|', t.Hash, t.Index, t.Owner, t.Sell, t.Buy, t.Sold, t.Bought, t.Fee, t.Uid)).Order().ToList();
        var actualTrades = fixture.Rows("""
            SELECT hex(evt_tx_hash), evt_index, hex(owner), hex("sellToken"), hex("buyToken"), CAST("sellAmount" AS VARCHAR),
                   CAST("buyAmount" AS VARCHAR), CAST("feeAmount" AS VARCHAR), hex("orderUid")
            FROM gnosis_protocol_v2_ethereum."GPv2Settlement_evt_Trade"
            """).Select(r => string.Join('|', r)).Order().ToList();
        Assert.Equal(expectedTrades, actualTrades);
        var solvers = fixture.Rows("SELECT hex(evt_tx_hash), hex(solver), hex(evt_tx_from) FROM gnosis_protocol_v2_ethereum.\"GPv2Settlement_evt_Settlement\"");
        Assert.Equal(settlements.Where(s => s.Success).Select(s => s.Hash + s.From + s.From).Order(), solvers.Select(r => string.Concat(r)).Order());

        static string Json(Order o) => string.Create(CultureInfo.InvariantCulture,
            $"{o.SellIndex}|{o.BuyIndex}|0x{o.Receiver.ToLowerInvariant()}|{o.SellAmount}|{o.BuyAmount}|{o.ValidTo}|0x{o.AppData.ToLowerInvariant()}|{o.FeeAmount}|{o.Flags}|{o.Executed}|0x{o.Signature.ToLowerInvariant()}");
        var calls = fixture.Rows("""
            SELECT hex(call_tx_hash), call_success, array_to_string(list_transform(tokens, lambda t: hex(t)), ','),
                   array_to_string(list_transform("clearingPrices", lambda p: CAST(p AS VARCHAR)), ','),
                   array_to_string(list_transform(trades, lambda t: concat_ws('|', json_extract_string(t, '$.sellTokenIndex'),
                       json_extract_string(t, '$.buyTokenIndex'), json_extract_string(t, '$.receiver'), json_extract_string(t, '$.sellAmount'),
                       json_extract_string(t, '$.buyAmount'), json_extract_string(t, '$.validTo'), json_extract_string(t, '$.appData'),
                       json_extract_string(t, '$.feeAmount'), json_extract_string(t, '$.flags'), json_extract_string(t, '$.executedAmount'),
                       json_extract_string(t, '$.signature'))), ';'),
                   array_to_string(list_transform(interactions, lambda l: array_to_string(list_transform(l, lambda x: concat_ws('|',
                       json_extract_string(x, '$.target'), json_extract_string(x, '$.value'), json_extract_string(x, '$.callData'))), ',')), ';'),
                   call_trace_address::VARCHAR
            FROM gnosis_protocol_v2_ethereum."GPv2Settlement_call_settle"
            """).ToDictionary(r => r[0]);
        Assert.Equal(settlements.Count, calls.Count);
        foreach (var s in settlements)
        {
            var c = calls[s.Hash];
            Assert.Equal(s.Success.ToString(), c[1]);
            Assert.Equal(string.Join(',', s.Tokens), c[2]);
            Assert.Equal(string.Join(',', s.Prices), c[3]);
            Assert.Equal(string.Join(';', s.Orders.Select(Json)), c[4]);
            Assert.Equal(string.Join(';', s.Interactions.Select(l => string.Join(',', l.Select(x =>
                $"0x{x.Target.ToLowerInvariant()}|{x.Value}|0x{x.CallData.ToLowerInvariant()}")))), c[5]);
            Assert.Equal("[]", c[6]);
        }
    }

    /// <summary>spellbook's cow_protocol_ethereum.trades, computed here as its model reads: every successful settlement's trades.</summary>
    [Fact]
    public void Cow_trades_are_the_models_reading_of_the_settlements()
    {
        var settlements = Settlements().Where(s => s.Success).ToList();
        var trades = TradeLogs();
        var tokens = fixture.Rows("SELECT hex(contract_address), symbol, decimals FROM tokens.erc20 WHERE blockchain = 'ethereum'")
            .ToDictionary(r => r[0], r => (Symbol: r[1], Decimals: int.Parse(r[2], CultureInfo.InvariantCulture)));
        var prices = fixture.Rows("""
            SELECT hex(contract_address), CAST(epoch(minute)::BIGINT AS VARCHAR), CAST(price AS VARCHAR) FROM prices.usd
            WHERE blockchain = 'ethereum' AND minute IN (SELECT date_trunc('minute', evt_block_time) FROM gnosis_protocol_v2_ethereum."GPv2Settlement_evt_Trade")
            """).ToDictionary(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture)), r => double.Parse(r[2], CultureInfo.InvariantCulture));
        var actual = fixture.Rows("""
            SELECT hex(tx_hash), evt_index, hex(order_uid), hex(trader), sell_token, buy_token, token_pair, units_sold, units_bought,
                   CAST(atoms_sold AS VARCHAR), CAST(atoms_bought AS VARCHAR), usd_value, fee, fee_usd, hex(receiver),
                   CAST(limit_sell_amount AS VARCHAR), CAST(limit_buy_amount AS VARCHAR), valid_to, flags, order_type, partial_fill,
                   CAST(fill_proportion AS VARCHAR), surplus_usd, hex(app_data), CAST(block_date AS VARCHAR), CAST(trace_address AS VARCHAR)
            FROM cow_protocol_ethereum.trades
            """).ToDictionary(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture)));
        int n = 0;
        foreach (var s in settlements)
        {
            var logs = trades[s.Hash];
            for (int j = 0; j < logs.Count; j++)
            {
                TradeLog t = logs[j];
                Order o = s.Orders[j];
                var row = actual[(s.Hash, t.Index)];
                n++;
                string buyKey = t.Buy == NativeEth ? Weth : t.Buy;
                var (sellSymbol, sellDecimals) = tokens[t.Sell];
                var (buySymbol, buyDecimals) = tokens[buyKey];
                buySymbol = t.Buy == NativeEth ? "ETH" : buySymbol;
                double sellPrice = prices[(t.Sell, s.Minute)], buyPrice = prices[(buyKey, s.Minute)];
                BigInteger sold = t.Sold - t.Fee;
                double unitsSold = (double)sold / Math.Pow(10, sellDecimals), unitsBought = (double)t.Bought / Math.Pow(10, buyDecimals);
                double fee = (double)t.Fee / Math.Pow(10, sellDecimals);
                bool buyValued = buyPrice * unitsBought > sellPrice * unitsSold;
                double usd = buyValued ? buyPrice * unitsBought : sellPrice * unitsSold;
                double feeUsd = buyValued ? buyPrice * unitsBought * fee / unitsSold : sellPrice * fee;
                bool buy = !o.Flags.IsEven;
                BigInteger fill = buy ? t.Bought / o.BuyAmount : sold / o.SellAmount;
                double surplus = usd * (double)(t.Bought * o.SellAmount - sold * o.BuyAmount) / (double)(t.Bought * o.SellAmount);
                string pair = string.CompareOrdinal(buySymbol.ToLowerInvariant(), sellSymbol.ToLowerInvariant()) > 0
                    ? sellSymbol + "-" + buySymbol : buySymbol + "-" + sellSymbol;
                Assert.Equal([t.Uid, t.Owner, sellSymbol, buySymbol, pair], row[2..7]);
                AssertClose(unitsSold, row[7]);
                AssertClose(unitsBought, row[8]);
                Assert.Equal([sold.ToString(CultureInfo.InvariantCulture), t.Bought.ToString(CultureInfo.InvariantCulture)], row[9..11]);
                AssertClose(usd, row[11]);
                AssertClose(fee, row[12]);
                AssertClose(feeUsd, row[13]);
                Assert.Equal(o.Receiver == Zero ? t.Owner : o.Receiver, row[14]);
                Assert.Equal([o.SellAmount.ToString(CultureInfo.InvariantCulture), o.BuyAmount.ToString(CultureInfo.InvariantCulture)], row[15..17]);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(o.ValidTo).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), row[17]);
                Assert.Equal([o.Flags.ToString(CultureInfo.InvariantCulture), buy ? "BUY" : "SELL", ((o.Flags & 2) != 0).ToString(),
                    fill.ToString(CultureInfo.InvariantCulture)], row[18..22]);
                Assert.True(Math.Abs(surplus - double.Parse(row[22], CultureInfo.InvariantCulture)) <= 1e-6 * Math.Max(1, Math.Abs(usd)), $"surplus {row[22]} vs {surplus}");
                Assert.Equal([o.AppData, s.Time, "[-1]"], row[23..26]);
            }
        }
        Assert.Equal(n, actual.Count);
    }

    private static void AssertClose(double expected, string actual)
    {
        double a = double.Parse(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(a - expected) <= 1e-9 * Math.Max(1e-12, Math.Abs(expected)), $"{actual} vs {expected}");
    }
}
