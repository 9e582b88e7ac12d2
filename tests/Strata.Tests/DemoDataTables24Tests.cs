using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables24: the other EVM chains' <c>creation_traces</c> and spellbook's <c>evms.creation_traces</c>, the other chains'
/// <c>erc721_&lt;chain&gt;.evt_Transfer</c> (polygon's read by real queries), the blocks on the beacon slot grid and the excess blob
/// gas on EIP-4844's path, each checked against what is computed here from the raw rows (traces, logs, blocks) and EIP-4844's text.
/// </summary>
public sealed class DemoDataTables24Tests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Tz = "timestamp(3) with time zone";

    /// <summary>The beacon chain's mainnet genesis (2020-12-01 12:00:23 UTC, slot 0); SECONDS_PER_SLOT is 12.</summary>
    private const long Genesis = 1_606_824_023;

    // Transfer(address,address,uint256): keccak256 of the signature, the event's topic0 (ERC-20 and ERC-721 alike; ERC-721 indexes the id)
    private const string TransferTopic = "DDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF";

    private static readonly string[] OtherEvmChains = ["base", "arbitrum", "optimism", "polygon", "gnosis", "bnb", "avalanche_c"];

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook daily_spellbook/models/evms/evms_tables/evms_creation_traces.sql's select list (block_month and block_date dates)
        {
            "evms.creation_traces",
            $"blockchain varchar, block_time {Tz}, block_number bigint, tx_hash varbinary, address varbinary, from varbinary, code varbinary, "
            + "block_month date, block_date date"
        },
        // the chains' creation_traces: spellbook's <chain>_base_sources.yml, as ethereum's, and block_month (DemoDataTables25Tests)
        { "polygon.creation_traces", $"block_time {Tz}, block_number bigint, tx_hash varbinary, address varbinary, from varbinary, code varbinary, block_month date" },
        { "base.creation_traces", $"block_time {Tz}, block_number bigint, tx_hash varbinary, address varbinary, from varbinary, code varbinary, block_month date" },
        // Dune's decoded event tables: the evt_* columns, then Transfer's parameters
        {
            "erc721_polygon.evt_Transfer",
            "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
            + $"evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, from varbinary, to varbinary, tokenId uint256"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables24_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    /// <summary>
    /// evms.creation_traces: per chain, the successful traces of type create of the chain's traces table (Dune's filter, the demo's
    /// ethereum.creation_traces' rule), with the chain's name, the month and the UTC date of the block's time worked out here.
    /// </summary>
    [Fact]
    public void Evms_creation_traces_are_every_chains_create_traces()
    {
        var expected = new List<string>();
        foreach (string chain in OtherEvmChains.Prepend("ethereum"))
        {
            var traces = fixture.Rows($"""SELECT type, success, epoch_ms(block_time), block_number, hex(tx_hash), hex(address), hex("from"), hex(code) FROM {chain}.traces""");
            var creates = traces.Where(t => t[0] == "create" && t[1] == "True").ToList();
            if (chain is "ethereum" or "polygon")
            {
                Assert.True(creates.Count >= 1, $"{chain}: no contract creation");
            }
            Assert.Contains(traces, t => t[0] != "create" || t[1] != "True");
            expected.AddRange(creates.Select(t =>
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(t[2], CultureInfo.InvariantCulture)).UtcDateTime;
                return string.Join('|', chain, t[2], t[3], t[4], t[5], t[6], t[7], $"{at:yyyy-MM}-01", $"{at:yyyy-MM-dd}");
            }));
        }
        var rows = fixture.Rows("""
            SELECT blockchain, epoch_ms(block_time), block_number, hex(tx_hash), hex(address), hex("from"), hex(code),
                   CAST(block_month AS VARCHAR), CAST(block_date AS VARCHAR)
            FROM evms.creation_traces
            """).Select(r => string.Join('|', r));
        Assert.True(expected.Count >= 5, $"{expected.Count} creations");
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        var polygon = fixture.Rows("""SELECT epoch_ms(block_time), block_number, hex(tx_hash), hex(address), hex("from"), hex(code) FROM polygon.creation_traces""")
            .Select(r => "polygon|" + string.Join('|', r));
        Assert.Equal(expected.Where(e => e.StartsWith("polygon|", StringComparison.Ordinal)).Select(e => string.Join('|', e.Split('|')[..7])).Order(StringComparer.Ordinal),
            polygon.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// erc721_polygon.evt_Transfer (and each other chain's): the chain's logs whose topic0 is Transfer's and that have a topic3 (ERC-721
    /// indexes the token id; ERC-20's Transfer has two indexed arguments), decoded here: from and to the low 20 bytes of topic1 and topic2,
    /// tokenId topic3 as an unsigned 256-bit integer.
    /// </summary>
    [Fact]
    public void Erc721_transfers_of_the_other_chains_are_their_logs_decoded()
    {
        int mints = 0;
        foreach (string chain in OtherEvmChains)
        {
            var logs = fixture.Rows($"""
                SELECT hex(topic0), hex(topic1), hex(topic2), hex(topic3), hex(contract_address), hex(tx_hash), hex(tx_from), hex(tx_to), tx_index,
                       "index", epoch_ms(block_time), block_number, CAST(block_date AS VARCHAR)
                FROM {chain}.logs
                """);
            var expected = logs.Where(l => l[0] == TransferTopic && l[3] != "").Select(l => string.Join('|', l[4], l[5], l[6], l[7], l[8], l[9], l[10], l[11], l[12],
                l[1][24..], l[2][24..], new BigInteger(Convert.FromHexString(l[3]), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture))).ToList();
            Assert.Contains(logs, l => l[0] == TransferTopic && l[3] == "");  // ERC-20 transfers are not in it
            var rows = fixture.Rows($"""
                SELECT hex(contract_address), hex(evt_tx_hash), hex(evt_tx_from), hex(evt_tx_to), evt_tx_index, evt_index, epoch_ms(evt_block_time),
                       evt_block_number, CAST(evt_block_date AS VARCHAR), hex("from"), hex("to"), CAST("tokenId" AS VARCHAR)
                FROM erc721_{chain}."evt_Transfer"
                """).Select(r => string.Join('|', r));
            Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
            if (chain == "polygon")
            {
                Assert.NotEmpty(expected);
            }
            mints += expected.Count(e => e.Split('|')[9] == new string('0', 40));
        }
        Assert.True(mints >= 5, $"{mints} mints");
    }

    /// <summary>Every Ethereum block's time is a beacon slot's (genesis + 12 s a slot), the last the last slot at or before the generation time.</summary>
    [Fact]
    public void Ethereum_blocks_sit_on_the_beacon_slot_grid()
    {
        long end = DemoDataFixture.GeneratedAt.ToUnixTimeSeconds();
        long lastSlot = Genesis + (end - Genesis) / 12 * 12;
        var times = fixture.Rows("SELECT epoch(time)::BIGINT FROM ethereum.blocks").Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(lastSlot, times.Max());
        Assert.All(times, t => Assert.Equal(0, (t - Genesis) % 12));
        Assert.Equal(0, Convert.ToInt64(fixture.Scalar("""
            SELECT count(*) FROM ethereum.transactions t JOIN ethereum.blocks b ON b.number = t.block_number WHERE t.block_time <> b.time
            """), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The header rule, block by block (EIP-4844's, with EIP-7918's reserve price from Fusaka on: DemoDataTables27Tests.NextExcess),
    /// over a parent's blob gas (the whole chain's, of which the demo's blob transactions are part) that is a whole number of blobs,
    /// at most the fork's maximum (EIP-4844, EIP-7691 and the BPO forks' target / maximum: 3/6, 6/9, 10/15, 14/21 blobs); parents
    /// above and below the target; and the blob base fee, fake_exponential(1, excess, update fraction), takes many values.
    /// </summary>
    [Fact]
    public void Excess_blob_gas_follows_the_forks_rule_with_parents_above_and_below_the_target()
    {
        var blocks = fixture.Rows("SELECT number, excess_blob_gas, blob_gas_used, base_fee_per_gas FROM ethereum.blocks ORDER BY number")
            .Select(r => (N: long.Parse(r[0], CultureInfo.InvariantCulture), Excess: long.Parse(r[1], CultureInfo.InvariantCulture),
                          Used: long.Parse(r[2], CultureInfo.InvariantCulture), BaseFee: long.Parse(r[3], CultureInfo.InvariantCulture)))
            .ToList();
        const long BlobGas = 131_072;  // GAS_PER_BLOB
        int above = 0, below = 0;
        for (int k = 1; k < blocks.Count; k++)
        {
            var (n, excess, _, _) = blocks[k];
            var parent = blocks[k - 1];
            long target = BlobGas * DemoDataTables27Tests.Schedule(n).Target;
            long most = BlobGas * DemoDataTables27Tests.Schedule(n).Max;
            Assert.True(excess >= 0);
            Assert.Equal(DemoDataTables27Tests.NextExcess(n, parent.Excess, parent.Used, parent.BaseFee).Excess, excess);
            Assert.True(parent.Used % BlobGas == 0 && parent.Used <= most, $"block {n}: parent's blob gas {parent.Used}");
            above += parent.Used > target ? 1 : 0;
            below += parent.Used < target ? 1 : 0;
        }
        Assert.True(above > blocks.Count / 10 && below > blocks.Count / 10, $"{above} above, {below} below the target");

        var fees = blocks.Select(b => FakeExponential(1, b.Excess, Fraction(b.N))).ToList();
        Assert.True(fees.Distinct().Count() >= 100, $"{fees.Distinct().Count()} distinct blob base fees");
        Assert.True(fees.Max() >= 1_000_000, $"the highest blob base fee {fees.Max()}");
    }

    /// <summary>
    /// ethereum.blobs_submissions' blob_base_fee is spellbook's floor(exp(excess / fraction)), which is EIP-4844's fake_exponential
    /// (the chain's fee) to within a wei; both worked out here from the block's excess blob gas, on blocks where the fee is past 1.
    /// </summary>
    [Fact]
    public void Blob_base_fee_is_EIP_4844s_fee()
    {
        var rows = fixture.Rows("""
            SELECT s.block_number, s.blob_base_fee, b.excess_blob_gas
            FROM ethereum.blobs_submissions s JOIN ethereum.blocks b ON b.number = s.block_number
            """);
        Assert.NotEmpty(rows);
        int past1 = 0;
        foreach (var r in rows)
        {
            long n = long.Parse(r[0], CultureInfo.InvariantCulture), fee = long.Parse(r[1], CultureInfo.InvariantCulture);
            long excess = long.Parse(r[2], CultureInfo.InvariantCulture);
            Assert.Equal((long)Math.Floor(Math.Exp((double)excess / Fraction(n))), fee);
            Assert.InRange((BigInteger)fee - FakeExponential(1, excess, Fraction(n)), -1, 1);
            past1 += fee > 1 ? 1 : 0;
        }
        Assert.True(past1 >= rows.Count / 10, $"{past1} of {rows.Count} blob transactions pay more than 1 wei a blob gas");
    }

    /// <summary>BLOB_BASE_FEE_UPDATE_FRACTION by fork (EIP-4844, EIP-7691, the BPO1 and BPO2 forks), by block number as spellbook gives the forks.</summary>
    private static long Fraction(long n) => n >= 24_179_383 ? 11_684_671 : n >= 23_975_778 ? 8_346_193 : n >= 22_431_084 ? 5_007_716 : 3_338_477;

    /// <summary>EIP-4844's fake_exponential: factor · e^(numerator / denominator) by its Taylor series in integers.</summary>
    private static BigInteger FakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator)
    {
        BigInteger output = 0, accum = factor * denominator;
        for (int i = 1; accum > 0; i++)
        {
            output += accum;
            accum = accum * numerator / (denominator * i);
        }
        return output / denominator;
    }
}
