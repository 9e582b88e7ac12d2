using System.Globalization;
using System.Numerics;

namespace Strata.Tests;

/// <summary>
/// Real queries over what dune-tables25 changed (the chains' creation_traces' block_month, NFT token ids as whole uint256 words), run
/// through the translator on the demo data, against answers computed here from the raw traces and logs.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>
    /// t25_spellbook_evms_creation_traces.sql (spellbook's evms_creation_traces model, its jinja rendered for the demo's chains): every
    /// chain's successful create traces with the block's UTC month (read from the chain's block_month) and day, worked out here.
    /// </summary>
    [Fact]
    public void Spellbook_evms_creation_traces_model_reads_every_chains_block_month()
    {
        var expected = new List<string>();
        foreach (string chain in new[] { "ethereum", "base", "arbitrum", "optimism", "polygon", "gnosis", "bnb", "avalanche_c" })
        {
            expected.AddRange(fixture.Db.TranslatedRows($"SELECT epoch_ms(block_time), type, success, lower(hex(tx_hash)), lower(hex(address)) FROM {chain}.traces")
                .Where(t => t[1] == "create" && string.Equals(t[2], "true", StringComparison.OrdinalIgnoreCase))
                .Select(t =>
                {
                    var at = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(t[0], CultureInfo.InvariantCulture)).UtcDateTime;
                    return $"{chain}|0x{t[3]}|0x{t[4]}|{at:yyyy-MM}-01|{at:yyyy-MM-dd}";
                }));
        }
        Assert.NotEmpty(expected);
        var rows = fixture.Db.Rows(CorpusReal("t25_spellbook_evms_creation_traces.sql"));
        // blockchain, block_time, block_number, tx_hash, address, from, code, block_month, block_date
        Assert.Equal(expected.Order(StringComparer.Ordinal),
            rows.Select(r => $"{r[0]}|{r[3]}|{r[4]}|{DateTime.Parse(r[7], CultureInfo.InvariantCulture):yyyy-MM-dd}|{DateTime.Parse(r[8], CultureInfo.InvariantCulture):yyyy-MM-dd}").Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// t25_nft_transfers_demo_collection.sql: the collection's ERC-721 transfers, token ids included, computed here from ethereum.logs
    /// (topic3 read as an unsigned 256-bit integer); the collection's ids include some past 64 bits.
    /// </summary>
    [Fact]
    public void Nft_transfers_of_a_collection_carry_whole_uint256_token_ids()
    {
        const string Collection = "f07e5e5cc406777ead9e8d0d7b2d55fcc1de164b";
        var expected = fixture.Db.TranslatedRows($"""
            SELECT lower(hex(tx_hash)), hex(topic0), hex(topic3), lower(hex(topic1)), lower(hex(topic2)) FROM ethereum.logs
            WHERE contract_address = unhex('{Collection}') AND topic3 IS NOT NULL
            """)
            .Where(l => l[1] == "DDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF")
            .Select(l => $"0x{l[0]}|{new BigInteger(Convert.FromHexString(l[2]), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture)}|0x{l[3][24..]}|0x{l[4][24..]}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.InRange(expected.Count, 1, 99);
        Assert.Contains(expected, e => BigInteger.Parse(e.Split('|')[1], CultureInfo.InvariantCulture) >= BigInteger.One << 64);
        var rows = fixture.Db.Rows(CorpusReal("t25_nft_transfers_demo_collection.sql"));
        // block_time, block_number, tx_hash, blockchain, contract_address, token_id, from, to
        Assert.Equal(expected, rows.Select(r => $"{r[2]}|{r[5]}|{r[6]}|{r[7]}").Order(StringComparer.Ordinal));
    }
}
