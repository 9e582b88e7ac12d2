using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Real queries over the tables dune-tables24 added (the other chains' creation_traces and evms.creation_traces, erc721_polygon.evt_Transfer),
/// run through the translator on the demo data, against answers computed here from the raw traces and logs.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>
    /// t24_docs_gnosis_creation_traces_daily.sql (Dune's docs example): the ten latest days with Gnosis contract creations and their
    /// counts, computed here from the chain's successful create traces by UTC day. Run as the file has it (gnosis) and with the template's
    /// chain ethereum: at this fixture's scale (0.002) the other chains' samples hold no contract creation.
    /// </summary>
    [Theory]
    [InlineData("gnosis")]
    [InlineData("ethereum")]
    public void Creations_per_day_are_the_chains_create_traces(string chain)
    {
        var expected = fixture.Db.TranslatedRows($"SELECT epoch_ms(block_time), type, success FROM {chain}.traces")
            .Where(t => t[1] == "create" && string.Equals(t[2], "true", StringComparison.OrdinalIgnoreCase))
            .GroupBy(t => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(t[0], CultureInfo.InvariantCulture)).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .OrderByDescending(g => g.Key, StringComparer.Ordinal).Take(10)
            .Select(g => $"{g.Key}|{g.Count()}").ToList();
        Assert.True(chain == "gnosis" || expected.Count > 0, chain);
        string sql = CorpusReal("t24_docs_gnosis_creation_traces_daily.sql").Replace("FROM gnosis.", $"FROM {chain}.", StringComparison.Ordinal);
        var rows = fixture.Db.Rows(sql);
        Assert.Equal(expected, rows.Select(r => $"{DateTime.Parse(r[0], CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{r[1]}"));
    }

    /// <summary>
    /// t24_erc721_polygon_daily_mints.sql: per UTC day, the collection's ERC-721 mints on polygon (Transfer logs from the zero address, the
    /// token id in topic3) and their running total, computed here from polygon.logs.
    /// </summary>
    [Fact]
    public void Polygon_daily_mints_are_the_collections_mint_logs()
    {
        const string Collection = "f07e5e5cc406777ead9e8d0d7b2d55fcc1de164b";  // the demo's first collection, the query's parameter
        var expected = fixture.Db.TranslatedRows($"""
            SELECT epoch_ms(block_time), hex(topic0), hex(topic1), hex(topic3) FROM polygon.logs WHERE contract_address = unhex('{Collection}')
            """)
            .Where(l => l[1] == "DDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF" && l[3] != "" && l[2] == new string('0', 64))
            .GroupBy(l => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(l[0], CultureInfo.InvariantCulture)).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        long total = 0;
        var lines = expected.Select(g => $"Demo Collection 0|{g.Count()}|{g.Key}|{total += g.Count()}").Order(StringComparer.Ordinal).ToList();
        var rows = fixture.Db.Rows(CorpusReal("t24_erc721_polygon_daily_mints.sql"));
        Assert.Equal(lines, rows.Select(r => string.Join('|', r)).Order(StringComparer.Ordinal));
    }
}
