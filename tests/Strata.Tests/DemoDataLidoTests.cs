using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables11: Lido submits on the demo chain and the decoded <c>lido_ethereum.steth_evt_*</c> tables, checked
/// against what is computed here from <c>ethereum.transactions</c> (the submit calls: recipient stETH, selector
/// <c>0xa1903eab</c>) and <c>erc20_ethereum.evt_Transfer</c>, with the shares computed in C# from the rate the demo holds.
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

    [Fact]
    public void A_submit_mints_its_amount_of_stETH_and_the_shares_the_rate_gives()
    {
        var successful = Submits().Where(s => s.Value.Success).ToDictionary(s => s.Key, s => s.Value);
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
            Assert.Equal([s.From, s.Value.ToString(CultureInfo.InvariantCulture), (submitted[m[0]] + 1).ToString(CultureInfo.InvariantCulture)], m[1..]);
        }
        var shares = fixture.Rows("SELECT hex(evt_tx_hash), hex(\"from\"), hex(\"to\"), CAST(\"sharesValue\" AS VARCHAR), evt_index FROM lido_ethereum.steth_evt_TransferShares");
        Assert.Equal(successful.Count, shares.Count);
        foreach (var t in shares)
        {
            var s = successful[t[0]];
            BigInteger expected = s.Value * 1_000_000_000 / DemoData.StethPooledEthPerShareE9;
            Assert.Equal([Zero, s.From, expected.ToString(CultureInfo.InvariantCulture), (submitted[t[0]] + 2).ToString(CultureInfo.InvariantCulture)], t[1..]);
        }
        // submit returns the shares minted: the root trace's output word
        var outputs = fixture.Rows($"""
            SELECT hex(tx_hash), hex(output) FROM ethereum.traces WHERE "to" = unhex('{Steth}') AND len(trace_address) = 0 AND success
              AND hex(input) LIKE 'A1903EAB%'
            """);
        Assert.Equal(successful.Count, outputs.Count);
        Assert.All(outputs, o => Assert.Equal(
            (successful[o[0]].Value * 1_000_000_000 / DemoData.StethPooledEthPerShareE9).ToString("X64", CultureInfo.InvariantCulture)[^64..], o[1]));
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
