using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables11: Lido submits on the demo chain and the decoded <c>lido_ethereum.steth_evt_*</c> tables, checked
/// against what is computed here from <c>ethereum.transactions</c> (the submit calls: recipient stETH, selector
/// <c>0xa1903eab</c>; the stETH transfers, <c>0xa9059cbb</c>) and <c>erc20_ethereum.evt_Transfer</c>, with the shares computed
/// in C# from the pool's totals (branch dune-tables12: the mint is getPooledEthByShares, every transfer logs TransferShares).
/// </summary>
public sealed class DemoDataLidoTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date, ";

    private const string Steth = "AE7AB96520DE3A18E5E111B5EAAB095312D7FE84";

    private const string Zero = "0000000000000000000000000000000000000000";

    public static TheoryData<string, string> Schemas => new()
    {
        // Lido's stETH: Submitted(address indexed sender, uint256 amount, address referral),
        // Transfer(address indexed from, address indexed to, uint256 value),
        // TransferShares(address indexed from, address indexed to, uint256 sharesValue)
        { "lido_ethereum.steth_evt_Submitted", Evt + "sender varbinary, amount uint256, referral varbinary" },
        { "lido_ethereum.steth_evt_Transfer", Evt + "from varbinary, to varbinary, value uint256" },
        { "lido_ethereum.steth_evt_TransferShares", Evt + "from varbinary, to varbinary, sharesValue uint256" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Lido_tables_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    /// <summary>The submit calls of ethereum.transactions: hash → (success, from, value, referral, block, index, time as text).</summary>
    private Dictionary<string, (bool Success, string From, BigInteger Value, string Referral, long Block, long Index)> Submits() =>
        fixture.Rows($"""
            SELECT hex(hash), success, hex("from"), CAST(value AS VARCHAR), hex(data), block_number, "index"
            FROM ethereum.transactions WHERE "to" = unhex('{Steth}')
            """)
            .Where(r => r[4].StartsWith("A1903EAB", StringComparison.Ordinal))
            .ToDictionary(r => r[0], r => (bool.Parse(r[1]), r[2], BigInteger.Parse(r[3], CultureInfo.InvariantCulture),
                r[4].Substring(8 + 24, 40), long.Parse(r[5], CultureInfo.InvariantCulture), long.Parse(r[6], CultureInfo.InvariantCulture)));

    [Fact]
    public void Each_successful_submit_has_one_Submitted_event_with_its_sender_value_and_referral()
    {
        var submits = Submits();
        Assert.True(submits.Count(s => s.Value.Success) >= 10, $"{submits.Count} submits");
        Assert.Contains(submits.Values, s => s.Referral != Zero);
        Assert.Contains(submits.Values, s => s.Referral == Zero);
        // a submit's data is the selector and one address word, and it pays ETH
        Assert.All(submits.Values, s => Assert.True(s.Value > 0));
        var rows = fixture.Rows("""
            SELECT hex(evt_tx_hash), hex(contract_address), hex(sender), CAST(amount AS VARCHAR), hex(referral), hex(evt_tx_from), hex(evt_tx_to),
                   evt_block_number, evt_tx_index
            FROM lido_ethereum.steth_evt_Submitted
            """);
        var successful = submits.Where(s => s.Value.Success).ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal(successful.Count, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r[0]).Distinct().Count());
        foreach (var r in rows)
        {
            var s = successful[r[0]];
            Assert.Equal([Steth, s.From, s.Value.ToString(CultureInfo.InvariantCulture), s.Referral, s.From, Steth,
                s.Block.ToString(CultureInfo.InvariantCulture), s.Index.ToString(CultureInfo.InvariantCulture)], r[1..]);
        }
    }

    /// <summary>
    /// The successful calls to stETH that move shares, in chain order (block, index), with the shares and the stETH each
    /// moves computed here as Lido's StETH does from the pool's totals: a submit of e wei mints floor(e · S / P) shares,
    /// the totals grow by those and by e, and the mint's Transfer is floor(shares · P / S) at the new totals; a
    /// <c>transfer(to, amount)</c> moves floor(amount · S / P) shares and its Transfer is the amount.
    /// </summary>
    private List<(string Hash, string From, string To, BigInteger Amount, BigInteger Shares, bool Submit)> ShareMoves()
    {
        BigInteger pooled = DemoData.StethTotalPooledEtherAtStart, total = DemoData.StethTotalSharesAtStart;
        var moves = new List<(string, string, string, BigInteger, BigInteger, bool)>();
        foreach (var r in fixture.Rows($"""
            SELECT hex(hash), hex("from"), CAST(value AS VARCHAR), hex(data) FROM ethereum.transactions
            WHERE "to" = unhex('{Steth}') AND success ORDER BY block_number, "index"
            """))
        {
            if (r[3].StartsWith("A1903EAB", StringComparison.Ordinal))
            {
                var e = BigInteger.Parse(r[2], CultureInfo.InvariantCulture);
                BigInteger shares = e * total / pooled;
                total += shares;
                pooled += e;
                moves.Add((r[0], Zero, r[1], shares * pooled / total, shares, true));
            }
            else if (r[3].StartsWith("A9059CBB", StringComparison.Ordinal))  // transfer(address,uint256)
            {
                var amount = BigInteger.Parse("0" + r[3][(8 + 64)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                moves.Add((r[0], r[1], r[3][(8 + 24)..(8 + 64)], amount, amount * total / pooled, false));
            }
        }
        return moves;
    }

    [Fact]
    public void A_submit_mints_the_pooled_ether_of_its_shares_at_the_pools_totals()
    {
        var successful = Submits().Where(s => s.Value.Success).ToDictionary(s => s.Key, s => s.Value);
        var moves = ShareMoves().Where(m => m.Submit).ToDictionary(m => m.Hash);
        Assert.Equal(successful.Count, moves.Count);
        // the mints: Transfer from the zero address, one per submit, right after its Submitted log
        var submitted = fixture.Rows("SELECT hex(evt_tx_hash), evt_index FROM lido_ethereum.steth_evt_Submitted")
            .ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture));
        var mints = fixture.Rows($"""
            SELECT hex(evt_tx_hash), hex("to"), CAST(value AS VARCHAR), evt_index FROM lido_ethereum.steth_evt_Transfer WHERE "from" = unhex('{Zero}')
            """);
        Assert.Equal(successful.Count, mints.Count);
        foreach (var m in mints)
        {
            var s = successful[m[0]];
            Assert.Equal([s.From, moves[m[0]].Amount.ToString(CultureInfo.InvariantCulture), (submitted[m[0]] + 1).ToString(CultureInfo.InvariantCulture)], m[1..]);
            // getPooledEthByShares rounds down: the ETH submitted or a little less
            Assert.InRange(s.Value - moves[m[0]].Amount, BigInteger.Zero, new BigInteger(2));
        }
        Assert.Contains(mints, m => moves[m[0]].Amount < successful[m[0]].Value);
        var shares = fixture.Rows($"""
            SELECT hex(evt_tx_hash), hex("from"), hex("to"), CAST("sharesValue" AS VARCHAR), evt_index FROM lido_ethereum.steth_evt_TransferShares
            WHERE "from" = unhex('{Zero}')
            """);
        Assert.Equal(successful.Count, shares.Count);
        foreach (var t in shares)
        {
            var s = successful[t[0]];
            Assert.Equal([Zero, s.From, moves[t[0]].Shares.ToString(CultureInfo.InvariantCulture), (submitted[t[0]] + 2).ToString(CultureInfo.InvariantCulture)], t[1..]);
        }
        // submit returns the shares minted: the root trace's output word
        var outputs = fixture.Rows($"""
            SELECT hex(tx_hash), hex(output) FROM ethereum.traces WHERE "to" = unhex('{Steth}') AND len(trace_address) = 0 AND success
              AND hex(input) LIKE 'A1903EAB%'
            """);
        Assert.Equal(successful.Count, outputs.Count);
        Assert.All(outputs, o => Assert.Equal(moves[o[0]].Shares.ToString("X64", CultureInfo.InvariantCulture)[^64..], o[1]));
    }

    [Fact]
    public void Every_steth_Transfer_log_is_followed_by_its_TransferShares()
    {
        // the stETH logs of each transaction in order: (hash, index, topic0, from, to, data as a number)
        var logs = fixture.Rows($"""
            SELECT hex(tx_hash), "index", hex(topic0), hex(topic1), hex(topic2), hex(data) FROM ethereum.logs
            WHERE contract_address = unhex('{Steth}') ORDER BY block_number, "index"
            """);
        const string transfer = "DDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF";
        const string transferShares = "9D9C909296D9C674451C0C24F02CB64981EB3B727F99865939192F880A755DCB";
        var moves = ShareMoves();
        Assert.Contains(moves, m => !m.Submit);
        var expected = moves.SelectMany(m => new[]
        {
            (m.Hash, transfer, m.From, m.To, m.Amount),
            (m.Hash, transferShares, m.From, m.To, m.Shares),
        }).ToList();
        var actual = logs.Where(l => l[2] is transfer or transferShares)
            .Select(l => (l[0], l[2], l[3][24..], l[4][24..], BigInteger.Parse("0" + l[5], NumberStyles.HexNumber, CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(expected, actual);
        // the TransferShares log is the next log of its transaction
        for (int n = 0; n < logs.Count; n++)
        {
            if (logs[n][2] == transferShares)
            {
                Assert.Equal(transfer, logs[n - 1][2]);
                Assert.Equal(logs[n - 1][0], logs[n][0]);
                Assert.Equal(long.Parse(logs[n - 1][1], CultureInfo.InvariantCulture) + 1, long.Parse(logs[n][1], CultureInfo.InvariantCulture));
            }
        }
        // the decoded table holds every one of them
        var decoded = fixture.Rows("""
            SELECT hex(evt_tx_hash), hex("from"), hex("to"), CAST("sharesValue" AS VARCHAR) FROM lido_ethereum.steth_evt_TransferShares
            ORDER BY evt_block_number, evt_index
            """);
        Assert.Equal(moves.Select(m => new[] { m.Hash, m.From, m.To, m.Shares.ToString(CultureInfo.InvariantCulture) }).ToList(), decoded);
    }

    [Fact]
    public void Steth_transfers_are_the_erc20_transfers_of_steth()
    {
        var erc20 = fixture.Rows($"""
            SELECT hex(evt_tx_hash), evt_index, hex("from"), hex("to"), CAST(value AS VARCHAR) FROM erc20_ethereum.evt_Transfer
            WHERE contract_address = unhex('{Steth}') ORDER BY 1, 2
            """);
        var lido = fixture.Rows("""
            SELECT hex(evt_tx_hash), evt_index, hex("from"), hex("to"), CAST(value AS VARCHAR) FROM lido_ethereum.steth_evt_Transfer ORDER BY 1, 2
            """);
        Assert.Equal(erc20, lido);
        // wallets' stETH transfers too, not only mints
        Assert.Contains(lido, r => r[2] != Zero);
        // and each Transfer log of stETH in ethereum.logs is one of them
        long logs = Convert.ToInt64(fixture.Scalar($"""
            SELECT count(*) FROM ethereum.logs WHERE contract_address = unhex('{Steth}')
              AND topic0 = unhex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef')
            """), CultureInfo.InvariantCulture);
        Assert.Equal(lido.Count, logs);
    }
}
