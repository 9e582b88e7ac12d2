using System.Globalization;
using System.Numerics;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables25: the chains' <c>creation_traces</c> carry Dune's <c>block_month</c>; NFT token ids are whole uint256 words
/// (some demo ids use all 256 bits) in the ERC-721 decoded tables, nft.transfers, nft.mints and nft.trades alike; ethereum.blocks'
/// blob gas follows EIP-4844's rule over its own columns and ethereum.blobs_submissions agrees with the blocks. Each is checked
/// against values worked out here from the raw rows (traces, logs, blocks, transactions).
/// </summary>
public sealed class DemoDataTables25Tests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Tz = "timestamp(3) with time zone";

    // Transfer(address,address,uint256)'s topic0 (ERC-20 and ERC-721 alike; ERC-721 indexes the id as topic3)
    private const string TransferTopic = "DDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF";

    private const long BlobGas = 131_072;  // GAS_PER_BLOB

    private static readonly BigInteger Two64 = BigInteger.One << 64;

    private static readonly string[] EvmChains = ["ethereum", "base", "arbitrum", "optimism", "polygon", "gnosis", "bnb", "avalanche_c"];

    public static TheoryData<string, string> Schemas => new()
    {
        // spellbook sources/_base_sources/evm/<chain>_base_sources.yml's columns, and block_month, which spellbook's evms_creation_traces
        // reads from each chain's source
        { "ethereum.creation_traces", $"block_time {Tz}, block_number bigint, tx_hash varbinary, address varbinary, from varbinary, code varbinary, block_month date" },
        { "base.creation_traces", $"block_time {Tz}, block_number bigint, tx_hash varbinary, address varbinary, from varbinary, code varbinary, block_month date" },
        { "polygon.creation_traces", $"block_time {Tz}, block_number bigint, tx_hash varbinary, address varbinary, from varbinary, code varbinary, block_month date" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables25_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    /// <summary>Every chain's creation_traces: block_month is the first day of the block's UTC month.</summary>
    [Fact]
    public void Creation_traces_block_month_is_the_blocks_utc_month()
    {
        int rows = 0;
        foreach (string chain in EvmChains)
        {
            foreach (var r in fixture.Rows($"SELECT epoch_ms(block_time), CAST(block_month AS VARCHAR) FROM {chain}.creation_traces"))
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(r[0], CultureInfo.InvariantCulture)).UtcDateTime;
                Assert.Equal($"{at:yyyy-MM}-01", r[1]);
                rows++;
            }
        }
        Assert.True(rows >= 5, $"{rows} creations");
    }

    /// <summary>
    /// Each chain's ERC-721 Transfer logs decoded here (topic3 as an unsigned 256-bit integer) are erc721_&lt;chain&gt;.evt_Transfer's ids;
    /// ethereum's are nft.transfers' ERC-721 ids, nft.mints' are those of the transfers from the zero address, and nft.trades' ERC-721
    /// trades sell ids that moved in the same transaction. Some ids are past 64 bits (as ENS's and many collections' are).
    /// </summary>
    [Fact]
    public void Nft_token_ids_are_the_whole_uint256_of_topic3_in_every_table()
    {
        int wide = 0;
        foreach (string chain in EvmChains)
        {
            var logs = fixture.Rows($"""SELECT hex(topic0), hex(topic1), hex(topic3), hex(tx_hash), "index" FROM {chain}.logs WHERE topic3 IS NOT NULL""")
                .Where(l => l[0] == TransferTopic).ToList();
            var expected = logs.Select(l => $"{l[3]}|{l[4]}|{Uint256(l[2])}").Order(StringComparer.Ordinal).ToList();
            wide += logs.Count(l => Uint256(l[2]) >= Two64);
            var decoded = fixture.Rows($"""SELECT hex(evt_tx_hash), evt_index, CAST("tokenId" AS VARCHAR) FROM erc721_{chain}."evt_Transfer" """)
                .Select(r => string.Join('|', r)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, decoded);
            if (chain != "ethereum")
            {
                continue;
            }
            var transfers = fixture.Rows("SELECT hex(tx_hash), evt_index, CAST(token_id AS VARCHAR) FROM nft.transfers WHERE token_standard = 'erc721'")
                .Select(r => string.Join('|', r)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, transfers);
            var mints = logs.Where(l => l[1] == new string('0', 64)).Select(l => $"{l[3]}|{l[4]}|{Uint256(l[2])}").Order(StringComparer.Ordinal).ToList();
            var mintRows = fixture.Rows("SELECT hex(tx_hash), evt_index, CAST(token_id AS VARCHAR) FROM nft.mints WHERE token_standard = 'erc721'")
                .Select(r => string.Join('|', r)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(mints, mintRows);
            var moved = logs.Select(l => $"{l[3]}|{Uint256(l[2])}").ToHashSet(StringComparer.Ordinal);
            var trades = fixture.Rows("SELECT hex(tx_hash), CAST(token_id AS VARCHAR) FROM nft.trades WHERE token_standard = 'erc721'");
            Assert.NotEmpty(trades);
            Assert.All(trades, t => Assert.Contains($"{t[0]}|{t[1]}", moved));
            Assert.Contains(trades, t => BigInteger.Parse(t[1], CultureInfo.InvariantCulture) >= Two64);
        }
        Assert.True(wide >= 10, $"{wide} token ids past 64 bits");
    }

    /// <summary>
    /// The header rule on the block's own columns: EIP-4844's excess(n) = max(0, excess(n - 1) + blob_gas_used(n - 1) - target), the
    /// target by fork (3, 6, 10, 14 blobs), with EIP-7918's reserve price from Fusaka on (DemoDataTables27Tests.NextExcess, from the
    /// parent's base fee too); a block's blob gas is whole blobs, at most the fork's maximum, at least its blob transactions' blobs.
    /// </summary>
    [Fact]
    public void Blocks_excess_blob_gas_follows_their_blob_gas_used()
    {
        var blocks = fixture.Rows("SELECT number, excess_blob_gas, blob_gas_used, base_fee_per_gas FROM ethereum.blocks ORDER BY number")
            .Select(r => (N: long.Parse(r[0], CultureInfo.InvariantCulture), Excess: long.Parse(r[1], CultureInfo.InvariantCulture),
                          Used: long.Parse(r[2], CultureInfo.InvariantCulture), BaseFee: long.Parse(r[3], CultureInfo.InvariantCulture)))
            .ToList();
        var own = fixture.Rows("SELECT block_number, sum(len(blob_versioned_hashes)) FROM ethereum.transactions WHERE type = '3' GROUP BY 1")
            .ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => long.Parse(r[1], CultureInfo.InvariantCulture));
        Assert.NotEmpty(own);
        for (int k = 0; k < blocks.Count; k++)
        {
            var (n, excess, used, _) = blocks[k];
            long most = BlobGas * (n >= 24_179_383 ? 21 : n >= 23_975_778 ? 15 : n >= 22_431_084 ? 9 : 6);
            Assert.True(used % BlobGas == 0 && used <= most && used >= BlobGas * own.GetValueOrDefault(n), $"block {n}: blob gas {used}");
            if (k > 0)
            {
                var parent = blocks[k - 1];
                Assert.Equal(DemoDataTables27Tests.NextExcess(n, parent.Excess, parent.Used, parent.BaseFee).Excess, excess);
            }
        }
        Assert.True(blocks.Count(b => b.Excess > 0) > blocks.Count / 10, "the excess is rarely above zero");
    }

    /// <summary>
    /// ethereum.blobs_submissions against its blocks: the block's time and date, the block's blob gas covering its submissions' (their
    /// blob_gas_used summed), each submission's blob_indexes within the block's blob count, and its blob_base_fee the block's.
    /// </summary>
    [Fact]
    public void Blob_submissions_agree_with_their_blocks()
    {
        var rows = fixture.Rows("""
            SELECT s.block_number, s.blob_gas_used, list_max(s.blob_indexes), s.blob_base_fee, b.blob_gas_used, b.excess_blob_gas,
                   epoch_ms(s.block_time) = epoch_ms(b.time), s.block_date = b.date
            FROM ethereum.blobs_submissions s JOIN ethereum.blocks b ON b.number = s.block_number
            """);
        Assert.Equal(Convert.ToInt64(fixture.Scalar("SELECT count(*) FROM ethereum.blobs_submissions"), CultureInfo.InvariantCulture), rows.Count);
        Assert.NotEmpty(rows);
        foreach (var block in rows.GroupBy(r => long.Parse(r[0], CultureInfo.InvariantCulture)))
        {
            long n = block.Key, blockGas = long.Parse(block.First()[4], CultureInfo.InvariantCulture);
            Assert.True(block.Sum(r => double.Parse(r[1], CultureInfo.InvariantCulture)) <= blockGas, $"block {n}");
            long fraction = n >= 24_179_383 ? 11_684_671 : n >= 23_975_778 ? 8_346_193 : n >= 22_431_084 ? 5_007_716 : 3_338_477;
            foreach (var r in block)
            {
                Assert.True(long.Parse(r[2], CultureInfo.InvariantCulture) < blockGas / BlobGas, $"block {n}: blob index {r[2]}");
                Assert.Equal((long)Math.Floor(Math.Exp(double.Parse(r[5], CultureInfo.InvariantCulture) / fraction)), long.Parse(r[3], CultureInfo.InvariantCulture));
                Assert.Equal(["True", "True"], r[6..]);
            }
        }
    }

    private static BigInteger Uint256(string hex) => new(Convert.FromHexString(hex), isUnsigned: true, isBigEndian: true);
}
