using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Strata.Engine.DuckDb;
using static Strata.Tests.AbiWords;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables19: OpenSea sales through Seaport 1.6 on the demo chain, Dune's decoded
/// <c>seaport_ethereum.Seaport_evt_OrderFulfilled</c>, spellbook's <c>opensea_v4_ethereum.base_trades</c> and <c>nft.trades</c>,
/// checked against what is computed here from the raw rows: the calls' calldata as the ABI encodes BasicOrderParameters, the logs'
/// topics and data words, the transactions' value and traces, tokens.nft, tokens.erc20 and prices.usd.
/// </summary>
public sealed class DemoDataSeaportTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date";

    // keccak-256 of OrderFulfilled(bytes32,address,address,address,(uint8,address,uint256,uint256)[],(uint8,address,uint256,uint256,address)[])
    // and of Transfer(address,address,uint256), checked against public Seaport tooling's constants
    private const string FulfilledTopic = "9D9AF8E38D66C62E2C12F0225249FD9D721C54B83F48D9352C97C6CACDCB6F31";
    private const string TransferTopic = "DDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF";
    private const string Weth = "C02AAA39B223FE8D0A0E5C4F27EAD9083C756CC2";
    private const string Zero = "0000000000000000000000000000000000000000";
    private static readonly string SeaportAddress = DemoData.Seaport.ToUpperInvariant();

    // spellbook's opensea_v4_ethereum_base_trades: OpenSea's fee wallets
    private static readonly HashSet<string> FeeWallets =
        ["5B3256965E7C3CF26E11FCAF296DFC8807C01073", "8DE9C5A032463C561423387A9648C5C7BCC5BC90", "34BA0F2379BF9B81D09F7259892E26A8B0885095", "0000A26B00C1F0DF003000390027140000FAA719"];

    public static TheoryData<string, string> Schemas => new()
    {
        { "seaport_ethereum.Seaport_evt_OrderFulfilled", Evt + ", orderHash varbinary, offerer varbinary, zone varbinary, recipient varbinary, "
            + "offer array(varchar), consideration array(varchar)" },
        // the macro's final select, in its order
        { "opensea_v4_ethereum.base_trades", "blockchain varchar, project varchar, project_version varchar, block_time timestamp(3) with time zone, "
            + "block_date date, block_month date, seller varbinary, buyer varbinary, trade_type varchar, trade_category varchar, nft_contract_address varbinary, "
            + "nft_token_id uint256, nft_amount uint256, price_raw uint256, currency_contract varbinary, project_contract_address varbinary, "
            + "platform_fee_address varbinary, platform_fee_amount_raw uint256, royalty_fee_address varbinary, royalty_fee_amount_raw uint256, "
            + "block_number bigint, tx_hash varbinary, tx_from varbinary, tx_to varbinary, tx_data_marker varbinary, sub_tx_trade_id bigint, "
            + "right_hash varbinary, fee_wallet_name varchar, zone_address varbinary" },
        // spellbook's opensea_trades_view.sql: SELECT * FROM nft_trades WHERE project = 'opensea' (port_to_old_schema's columns)
        { "opensea.trades", "blockchain varchar, project varchar, version varchar, block_date date, block_month date, "
            + "block_time timestamp(3) with time zone, token_id uint256, collection varchar, amount_usd double, token_standard varchar, trade_type varchar, "
            + "number_of_items uint256, trade_category varchar, evt_type varchar, seller varbinary, buyer varbinary, amount_original double, "
            + "amount_raw uint256, currency_symbol varchar, currency_contract varbinary, nft_contract_address varbinary, project_contract_address varbinary, "
            + "aggregator_name varchar, aggregator_address varbinary, tx_hash varbinary, block_number bigint, tx_from varbinary, tx_to varbinary, "
            + "platform_fee_amount_raw uint256, platform_fee_amount double, platform_fee_amount_usd double, platform_fee_percentage double, "
            + "royalty_fee_receive_address varbinary, royalty_fee_currency_symbol varchar, royalty_fee_amount_raw uint256, royalty_fee_amount double, "
            + "royalty_fee_amount_usd double, royalty_fee_percentage double, unique_trade_id varchar" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Seaport_tables_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    /// <summary>A Seaport item: SpentItem (no recipient) or ReceivedItem.</summary>
    internal sealed record Item(int Type, string Token, BigInteger Id, BigInteger Amount, string? Recipient);

    /// <summary>OrderFulfilled as its topics and data words give it.</summary>
    internal sealed record Fulfilled(string Hash, long Index, long Minute, string OrderHash, string Offerer, string Zone, string Recipient,
        List<Item> Offer, List<Item> Consideration);

    private static Fulfilled Parse(string hash, long index, long minute, string t1, string t2, byte[] d)
    {
        List<Item> Items(int at, int size) => [.. Enumerable.Range(0, Int(d, at)).Select(j => at + 32 + size * j)
            .Select(p => new Item(Int(d, p), Addr(d, p + 32), Big(d, p + 64), Big(d, p + 96), size == 160 ? Addr(d, p + 128) : null))];
        return new(hash, index, minute, Convert.ToHexString(d.AsSpan(0, 32)), t1[24..], t2[24..], Addr(d, 32), Items(Int(d, 64), 128), Items(Int(d, 96), 160));
    }

    private List<Fulfilled> Events() => Events(fixture.Rows);

    /// <summary>Seaport's OrderFulfilled logs (from <paramref name="rows"/>, a DuckDB reader of the demo data), parsed.</summary>
    internal static List<Fulfilled> Events(Func<string, List<string[]>> rows) => [.. rows($"""
        SELECT hex(tx_hash), "index", epoch(block_time)::BIGINT // 60 * 60, hex(topic1), hex(topic2), hex(data)
        FROM ethereum.logs WHERE contract_address = unhex('{SeaportAddress}') AND topic0 = unhex('{FulfilledTopic}') ORDER BY block_number, "index"
        """).Select(r => Parse(r[0], long.Parse(r[1], CultureInfo.InvariantCulture), long.Parse(r[2], CultureInfo.InvariantCulture), r[3], r[4],
            Convert.FromHexString(r[5])))];

    [Fact]
    public void A_sale_calls_seaport_with_a_basic_order_and_logs_its_fulfilment_and_transfers()
    {
        var calls = fixture.Rows($"""
            SELECT hex(hash), success, hex("from"), CAST(value AS VARCHAR), hex(data), epoch(block_time)::BIGINT FROM ethereum.transactions
            WHERE "to" = unhex('{SeaportAddress}') ORDER BY block_number, "index"
            """);
        var logs = fixture.Rows($"""
            SELECT hex(l.tx_hash), hex(l.contract_address), hex(l.topic0), coalesce(hex(l.topic1), ''), coalesce(hex(l.topic2), ''),
                   coalesce(hex(l.topic3), ''), hex(l.data)
            FROM ethereum.logs l JOIN ethereum.transactions t ON t.hash = l.tx_hash AND t.block_number = l.block_number
            WHERE t."to" = unhex('{SeaportAddress}') ORDER BY l.block_number, l."index"
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var traces = fixture.Rows($"""
            SELECT hex(r.tx_hash), hex(r."from"), hex(r."to"), CAST(r.value AS VARCHAR), hex(r.input)
            FROM ethereum.traces r JOIN ethereum.transactions t ON t.hash = r.tx_hash AND t.block_number = r.block_number
            WHERE t."to" = unhex('{SeaportAddress}') AND len(r.trace_address) = 1 ORDER BY r.block_number, r.tx_index, r.trace_address
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new HashSet<string>();
        int weth = 0, royalties = 0;
        foreach (var c in calls)
        {
            byte[] d = Convert.FromHexString(c[4]);
            string selector = c[4][..8];
            Assert.Contains(selector, new[] { "00000000", "FB0F3EE1" });  // fulfillBasicOrder_efficient_6GL6yc, fulfillBasicOrder
            seen.Add(selector);
            // BasicOrderParameters: one dynamic tuple, at 4 + its offset; additionalRecipients and signature at the tuple + theirs
            Assert.Equal(32, Int(d, 4));
            int p = 4 + 32;
            string currency = Addr(d, p);
            BigInteger toSeller = Big(d, p + 64);
            string offerer = Addr(d, p + 96), nft = Addr(d, p + 160);
            BigInteger tokenId = Big(d, p + 192);
            int orderType = Int(d, p + 256);
            Assert.Equal((BigInteger.Zero, Zero, BigInteger.One), (Big(d, p + 32), Addr(d, p + 128), Big(d, p + 224)));
            Assert.Equal(currency == Weth ? 8 : 0, orderType);  // ERC20_TO_ERC721_FULL_OPEN, ETH_TO_ERC721_FULL_OPEN
            Assert.True(currency is Weth or Zero, currency);
            // listed up to a week before, for 30 days; no zone hash, no conduits
            BigInteger start = Big(d, p + 288), now = long.Parse(c[5], CultureInfo.InvariantCulture);
            Assert.InRange(now - start, 60, 7 * 86400 + 60);
            Assert.Equal(start + 30 * 86400, Big(d, p + 320));
            Assert.Equal([BigInteger.Zero, BigInteger.Zero, BigInteger.Zero], new[] { Big(d, p + 352), Big(d, p + 416), Big(d, p + 448) });
            int extra = Int(d, p + 480);
            int recipientsAt = p + Int(d, p + 512);
            Assert.Equal(576, Int(d, p + 512));
            Assert.Equal(extra, Int(d, recipientsAt));
            var payments = new List<(string To, BigInteger Amount)> { (offerer, toSeller) };
            // AdditionalRecipient (amount, recipient)
            payments.AddRange(Enumerable.Range(0, extra).Select(j => (Addr(d, recipientsAt + 64 + 64 * j), Big(d, recipientsAt + 32 + 64 * j))));
            int signatureAt = p + Int(d, p + 544);
            Assert.Equal(recipientsAt + 32 + 64 * extra, signatureAt);
            Assert.Equal(65, Int(d, signatureAt));
            Assert.Equal(signatureAt + 32 + 96, d.Length);
            BigInteger total = payments.Aggregate(BigInteger.Zero, (s, x) => s + x.Amount);
            Assert.Equal(currency == Weth ? "0" : total.ToString(CultureInfo.InvariantCulture), c[3]);
            string buyer = c[2];
            Assert.NotEqual(offerer, buyer);
            if (c[1] != "True")
            {
                Assert.False(logs.ContainsKey(c[0]), "a failed sale logs nothing");
                continue;
            }
            // OpenSea's fee: 0.5 % to its fee wallet; a royalty of 2.5-10 % to the creator in some
            Assert.Equal("0000A26B00C1F0DF003000390027140000FAA719", payments[1].To);
            Assert.Equal(total / 200, payments[1].Amount);
            if (extra == 2)
            {
                royalties++;
                Assert.InRange((double)payments[2].Amount / (double)total, 0.0249, 0.1001);
            }
            var l = logs[c[0]];
            Assert.Equal(2 + (currency == Weth ? payments.Count : 0), l.Count);
            // OrderFulfilled: offerer and zone indexed; the buyer receives the token, the payees the considerations
            Assert.Equal([SeaportAddress, FulfilledTopic, Pad(offerer), Pad(Zero), ""], l[0][1..6]);
            var e = Parse(c[0], 0, 0, l[0][3], l[0][4], Convert.FromHexString(l[0][6]));
            Assert.Equal(buyer, e.Recipient);
            Assert.Equal([new Item(2, nft, tokenId, BigInteger.One, null)], e.Offer);
            Assert.Equal(payments.Select(x => new Item(currency == Weth ? 1 : 0, currency, BigInteger.Zero, x.Amount, x.To)), e.Consideration);
            // the token's ERC-721 Transfer, seller to buyer; WETH's Transfer a payment
            Assert.Equal([nft, TransferTopic, Pad(offerer), Pad(buyer), tokenId.ToString("X64", CultureInfo.InvariantCulture)[^64..], ""], l[1][1..7]);
            var t = traces[c[0]];
            Assert.Equal(1 + payments.Count, t.Count);
            Assert.Equal([SeaportAddress, nft, "0", "23B872DD" + Pad(offerer) + Pad(buyer) + tokenId.ToString("X64", CultureInfo.InvariantCulture)[^64..]], t[0][1..5]);
            for (int j = 0; j < payments.Count; j++)
            {
                string amount = payments[j].Amount.ToString(CultureInfo.InvariantCulture);
                if (currency == Weth)
                {
                    string word = payments[j].Amount.ToString("X64", CultureInfo.InvariantCulture)[^64..];
                    Assert.Equal([Weth, TransferTopic, Pad(buyer), Pad(payments[j].To), "", word], l[2 + j][1..7]);
                    Assert.Equal([SeaportAddress, Weth, "0", "23B872DD" + Pad(buyer) + Pad(payments[j].To) + word], t[1 + j][1..5]);
                }
                else
                {
                    Assert.Equal([SeaportAddress, payments[j].To, amount, ""], t[1 + j][1..5]);  // ETH sent with the call's value
                }
            }
            weth += currency == Weth ? 1 : 0;
        }
        Assert.Equal(["00000000", "FB0F3EE1"], seen.Order(StringComparer.Ordinal));
        Assert.True(calls.Count(c => c[1] == "True") >= 20, $"{calls.Count} Seaport calls");
        Assert.InRange(weth, 1, calls.Count - 1);
        Assert.InRange(royalties, 1, calls.Count - 1);
        Assert.Equal(0L, Convert.ToInt64(fixture.Scalar($"SELECT count(*) FROM base.transactions WHERE \"to\" = unhex('{SeaportAddress}')"), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Every ERC-721 token's Transfer logs on each chain (four topics: from, to and the id indexed), in block and log order: the first
    /// is its mint (from the zero address), each later one is from the previous one's recipient (its owner then) and none is a second
    /// mint. On Ethereum a Seaport sale is such a Transfer, so its seller (the offerer) is the token's owner; a token resold is
    /// resold by its last buyer, and some wallets both buy and sell.
    /// </summary>
    [Fact]
    public void Every_erc721_token_moves_from_its_owner_and_a_token_bought_is_resold_by_its_buyer()
    {
        foreach (string chain in DemoData.OtherChains.Select(c => c.Name).Prepend("ethereum"))
        {
            var owners = new Dictionary<(string Contract, string Id), string>();
            int moves = 0;
            foreach (var r in fixture.Rows($"""
                SELECT hex(contract_address), hex(topic1), hex(topic2), hex(topic3), hex(tx_hash) FROM {chain}.logs
                WHERE topic0 = unhex('{TransferTopic}') AND topic3 IS NOT NULL ORDER BY block_number, "index"
                """))
            {
                string from = r[1][24..], to = r[2][24..];
                var token = (r[0], r[3]);
                if (owners.TryGetValue(token, out string? owner))
                {
                    Assert.True(from == owner, $"{chain}: token {r[3]} of {r[0]} moves from {from} in {r[4]}, its owner is {owner}");
                    moves++;
                }
                else
                {
                    Assert.True(from == Zero, $"{chain}: token {r[3]} of {r[0]} first moves from {from} (not a mint) in {r[4]}");
                }
                owners[token] = to;
            }
            Assert.True(chain != "ethereum" || (owners.Count > 100 && moves >= 20), $"{chain}: {owners.Count} tokens, {moves} transfers after the mints");
        }
        // Seaport's sales in order: a token sold before is resold by the wallet that bought it last
        var trades = Trades(Events());
        var lastBuyer = new Dictionary<(string, BigInteger), string>();
        int resales = 0;
        foreach (var t in trades)
        {
            var token = (t.E.Offer[0].Token, t.E.Offer[0].Id);
            if (lastBuyer.TryGetValue(token, out string? buyer))
            {
                Assert.Equal(buyer, t.E.Offerer);
                resales++;
            }
            lastBuyer[token] = t.E.Recipient;
        }
        Assert.True(resales >= 2 && resales < trades.Count, $"{resales} resales of {trades.Count} sales");
        var sellers = trades.Select(t => t.E.Offerer).ToHashSet();
        Assert.Contains(trades, t => sellers.Contains(t.E.Recipient));
    }

    [Fact]
    public void The_decoded_table_is_seaports_order_fulfilled_logs()
    {
        static string Json(Item i) => "{\"itemType\":" + i.Type.ToString(CultureInfo.InvariantCulture) + ",\"token\":\"0x" + i.Token.ToLowerInvariant()
            + "\",\"identifier\":\"" + i.Id.ToString(CultureInfo.InvariantCulture) + "\",\"amount\":\"" + i.Amount.ToString(CultureInfo.InvariantCulture) + "\""
            + (i.Recipient is null ? "" : ",\"recipient\":\"0x" + i.Recipient.ToLowerInvariant() + "\"") + "}";
        var expected = Events().Select(e => string.Join('|', e.Hash, e.Index, e.OrderHash, e.Offerer, e.Zone, e.Recipient,
            string.Join(';', e.Offer.Select(Json)), string.Join(';', e.Consideration.Select(Json)))).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        var actual = fixture.Rows($"""
            SELECT hex(evt_tx_hash), evt_index, hex("orderHash"), hex(offerer), hex(zone), hex(recipient), array_to_string(offer, ';'),
                   array_to_string(consideration, ';')
            FROM seaport_ethereum."Seaport_evt_OrderFulfilled" WHERE contract_address = unhex('{SeaportAddress}')
            """).Select(r => string.Join('|', r)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        // each item is JSON, as spellbook reads it (json_extract_scalar of $.itemType, $.token, $.amount ...)
        string first = fixture.Rows("SELECT offer[1] FROM seaport_ethereum.\"Seaport_evt_OrderFulfilled\" LIMIT 1")[0][0];
        Assert.Equal(2, JsonDocument.Parse(first).RootElement.GetProperty("itemType").GetInt32());
    }

    /// <summary>A trade as spellbook's seaport_v4_trades reads an OrderFulfilled whose offer is one NFT and whose considerations are payments.</summary>
    internal sealed record Trade(Fulfilled E, string Currency, BigInteger Price, BigInteger PlatformFee, string? PlatformFeeAddress, BigInteger? Royalty,
        string? RoyaltyAddress);

    /// <summary>
    /// seaport_v4_trades, here: each currency leg of the consideration counts in the price; a leg to one of OpenSea's fee wallets is the
    /// platform fee, the currency legs after the first that are not are creator fees (the first of them the royalty's address); the
    /// trade is kept when a fee went to OpenSea (the demo's orders have no zone).
    /// </summary>
    internal static List<Trade> Trades(List<Fulfilled> events) => [.. events.Where(e => e.Offer.Count == 1 && e.Offer[0].Type == 2)
        .Select(e =>
        {
            var legs = e.Consideration.Where(c => c.Type is 0 or 1 && c.Recipient != e.Recipient).ToList();
            var creator = legs.Skip(1).Where(c => !FeeWallets.Contains(c.Recipient!)).ToList();
            var platform = legs.Where(c => FeeWallets.Contains(c.Recipient!)).ToList();
            // the price: the legs' sum as a double, rounded (the macro's CAST(round(CAST(sum AS DOUBLE) / nft_cnt) AS uint256))
            return new Trade(e, legs.Select(c => c.Token).Distinct().Single(), new BigInteger(Math.Round((double)legs.Aggregate(BigInteger.Zero, (s, c) => s + c.Amount))),
                platform.Aggregate(BigInteger.Zero, (s, c) => s + c.Amount), platform.FirstOrDefault()?.Recipient,
                // no creator fee: the macro's sum over no rows, null
                creator.Count == 0 ? null : creator.Aggregate(BigInteger.Zero, (s, c) => s + c.Amount), creator.FirstOrDefault()?.Recipient);
        })
        .Where(t => t.PlatformFeeAddress is not null)];

    [Fact]
    public void Opensea_trades_are_spellbooks_reading_of_order_fulfilled()
    {
        var trades = Trades(Events());
        var tx = fixture.Rows($"SELECT hex(hash), hex(\"from\"), hex(\"to\"), hex(data) FROM ethereum.transactions WHERE \"to\" = unhex('{SeaportAddress}')")
            .ToDictionary(r => r[0]);
        var nfts = fixture.Rows("SELECT hex(contract_address), name, standard FROM tokens.nft WHERE blockchain = 'ethereum'").ToDictionary(r => r[0]);
        var prices = fixture.Rows($"""
            SELECT coalesce(hex(contract_address), '{Zero}'), CAST(epoch(minute)::BIGINT AS VARCHAR), CAST(price AS VARCHAR) FROM prices.usd
            WHERE (blockchain = 'ethereum' AND contract_address = unhex('{Weth}')) OR (blockchain IS NULL AND symbol = 'ETH')
            """).ToDictionary(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture)), r => double.Parse(r[2], CultureInfo.InvariantCulture));
        static string S(BigInteger x) => x.ToString(CultureInfo.InvariantCulture);
        static string N(string? a) => a ?? "";
        static string R(BigInteger? x) => x is { } v ? S(v) : "";
        var baseRows = fixture.Rows("""
            SELECT hex(tx_hash), blockchain, project, project_version, hex(seller), hex(buyer), trade_type, trade_category, hex(nft_contract_address),
                   CAST(nft_token_id AS VARCHAR), CAST(nft_amount AS VARCHAR), CAST(price_raw AS VARCHAR), hex(currency_contract),
                   hex(project_contract_address), coalesce(hex(platform_fee_address), ''), CAST(platform_fee_amount_raw AS VARCHAR),
                   coalesce(hex(royalty_fee_address), ''), coalesce(CAST(royalty_fee_amount_raw AS VARCHAR), ''), hex(tx_from), hex(tx_to), hex(tx_data_marker),
                   sub_tx_trade_id, hex(right_hash), fee_wallet_name, hex(zone_address)
            FROM opensea_v4_ethereum.base_trades
            """).ToDictionary(r => r[0]);
        var old = fixture.Rows("""
            SELECT hex(tx_hash), version, CAST(token_id AS VARCHAR), collection, amount_usd, token_standard, CAST(number_of_items AS VARCHAR),
                   trade_category, evt_type, hex(seller), hex(buyer), amount_original, CAST(amount_raw AS VARCHAR), currency_symbol,
                   CAST(platform_fee_amount_raw AS VARCHAR), platform_fee_amount, platform_fee_amount_usd, platform_fee_percentage,
                   coalesce(hex(royalty_fee_receive_address), ''), royalty_fee_currency_symbol, coalesce(CAST(royalty_fee_amount_raw AS VARCHAR), ''),
                   coalesce(CAST(royalty_fee_amount AS VARCHAR), ''), coalesce(CAST(royalty_fee_amount_usd AS VARCHAR), ''),
                   coalesce(CAST(royalty_fee_percentage AS VARCHAR), ''), unique_trade_id, CAST(block_number AS VARCHAR)
            FROM nft.trades WHERE project = 'opensea' AND blockchain = 'ethereum'
            """).ToDictionary(r => r[0]);
        Assert.True(trades.Count >= 20, $"{trades.Count} trades");
        Assert.Equal(trades.Count, baseRows.Count);
        Assert.Equal(trades.Count, old.Count);
        foreach (var t in trades)
        {
            var e = t.E;
            var b = baseRows[e.Hash];
            var x = tx[e.Hash];
            Assert.Equal(["ethereum", "opensea", "v4", e.Offerer, e.Recipient, "secondary", "Buy", e.Offer[0].Token, S(e.Offer[0].Id), "1", S(t.Price),
                t.Currency, SeaportAddress, N(t.PlatformFeeAddress), S(t.PlatformFee), N(t.RoyaltyAddress), R(t.Royalty), x[1], x[2], x[3][^64..],
                "1", x[3][^8..], "opensea", Zero], b[1..]);
            var o = old[e.Hash];
            var (price, fee) = ((double)t.Price / 1e18, (double)t.PlatformFee / 1e18);
            double usd = prices[(t.Currency, e.Minute)];
            string symbol = t.Currency == Weth ? "WETH" : "ETH";
            Assert.Equal(["v4", S(e.Offer[0].Id), nfts[e.Offer[0].Token][1], nfts[e.Offer[0].Token][2], "1", "Buy", "Trade", e.Offerer, e.Recipient], [o[1], o[2], o[3], o[5], o[6], o[7], o[8], o[9], o[10]]);
            AssertClose(price * usd, o[4]);
            AssertClose(price, o[11]);
            Assert.Equal([S(t.Price), symbol, S(t.PlatformFee)], [o[12], o[13], o[14]]);
            AssertClose(fee, o[15]);
            AssertClose(fee * usd, o[16]);
            // uint256 arithmetic: 100 * fee / price in whole percent
            AssertClose((double)(100 * t.PlatformFee / t.Price), o[17]);
            Assert.Equal([N(t.RoyaltyAddress), symbol, R(t.Royalty)], [o[18], o[19], o[20]]);
            if (t.Royalty is { } royalty)
            {
                AssertClose((double)royalty / 1e18, o[21]);
                AssertClose((double)royalty / 1e18 * usd, o[22]);
                AssertClose((double)(100 * royalty / t.Price), o[23]);
            }
            else
            {
                Assert.Equal(["", "", ""], o[21..24]);  // null: no creator fee
            }
            Assert.Equal($"opensea-v4-{o[25]}-0x{e.Hash.ToLowerInvariant()}-1", o[24]);
        }
        Assert.Contains(trades, t => t.Royalty > 0 && 100 * t.Royalty / t.Price > 0);
        Assert.Contains(trades, t => t.Royalty is null);
        Assert.Contains(trades, t => t.Currency == Weth);
    }

    /// <summary>opensea.trades: one row per OpenSea sale read from Seaport's logs, and nft.trades' row of the same trade, every column.</summary>
    [Fact]
    public void Opensea_trades_are_the_seaport_sales_as_nft_trades_gives_them()
    {
        static string S(BigInteger x) => x.ToString(CultureInfo.InvariantCulture);
        var expected = Trades(Events()).Select(t => string.Join('|', t.E.Hash, "ethereum", "opensea", "v4", t.E.Offerer, t.E.Recipient, t.E.Offer[0].Token,
            S(t.E.Offer[0].Id), S(t.Price), t.Currency, S(t.PlatformFee), t.Royalty is { } r ? S(r) : "")).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count >= 20, $"{expected.Count} trades");
        const string Columns = """
            hex(tx_hash), blockchain, project, version, hex(seller), hex(buyer), hex(nft_contract_address), CAST(token_id AS VARCHAR),
            CAST(amount_raw AS VARCHAR), hex(currency_contract), CAST(platform_fee_amount_raw AS VARCHAR), coalesce(CAST(royalty_fee_amount_raw AS VARCHAR), '')
            """;
        Assert.Equal(expected, fixture.Rows($"SELECT {Columns} FROM opensea.trades").Select(r => string.Join('|', r)).Order(StringComparer.Ordinal));
        // the view is nft.trades' OpenSea rows, whole: each row's unique_trade_id and USD amount are nft.trades'
        Assert.Equal(fixture.Rows("SELECT unique_trade_id, CAST(amount_usd AS VARCHAR) FROM nft.trades WHERE project = 'opensea' ORDER BY 1").Select(r => string.Join('|', r)),
            fixture.Rows("SELECT unique_trade_id, CAST(amount_usd AS VARCHAR) FROM opensea.trades ORDER BY 1").Select(r => string.Join('|', r)));
    }

    private static void AssertClose(double expected, string actual)
    {
        double a = double.Parse(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(a - expected) <= 1e-9 * Math.Max(1e-12, Math.Abs(expected)), $"{actual} vs {expected}");
    }
}
