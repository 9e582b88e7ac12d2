using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Real queries over the tables dune-tables23 added (ethereum.blobs_submissions, labels.contracts), run through the translator on the
/// demo data, against answers computed here from the raw rows those tables are built from.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>
    /// t23_blobs_fees_burned.sql (DefiLlama's Ethereum fees adapter) with its time bounds widened to the whole demo span: the sum over
    /// the type-3 transactions of their blobs times 2^17 times the block's blob base fee, e^(excess blob gas / the fork's update
    /// fraction) floored, computed here from ethereum.transactions and ethereum.blocks.
    /// </summary>
    [Fact]
    public void Blob_fees_burned_are_the_blob_transactions_fees()
    {
        var txs = fixture.Db.TranslatedRows("""
            SELECT t.block_number, len(t.blob_versioned_hashes), b.excess_blob_gas
            FROM ethereum.transactions t JOIN ethereum.blocks b ON b.number = t.block_number
            WHERE t.type = '3'
            """);
        Assert.NotEmpty(txs);
        double expected = txs.Sum(t =>
        {
            long number = long.Parse(t[0], CultureInfo.InvariantCulture);
            long fraction = number >= 24_179_383 ? 11_684_671 : number >= 23_975_778 ? 8_346_193 : number >= 22_431_084 ? 5_007_716 : 3_338_477;
            double fee = Math.Floor(Math.Exp(double.Parse(t[2], CultureInfo.InvariantCulture) / fraction));
            return long.Parse(t[1], CultureInfo.InvariantCulture) * 131072.0 * fee;
        });
        string original = CorpusReal("t23_blobs_fees_burned.sql");
        string sql = original.Replace("from_unixtime(1764979200)", "from_unixtime(0)", StringComparison.Ordinal)
            .Replace("from_unixtime(1765065600)", "from_unixtime(4102444800)", StringComparison.Ordinal);
        Assert.NotEqual(original, sql);
        var row = Assert.Single(fixture.Db.Rows(sql));
        Assert.Equal(expected, double.Parse(row[0], CultureInfo.InvariantCulture), expected * 1e-12);
    }

    /// <summary>
    /// t23_labels_contracts_usdc.sql: USDC's label, as labels_contracts names a decoded contract ("Namespace: Name", the namespace's first
    /// letter upper case), computed here from ethereum.contracts' row of that address.
    /// </summary>
    [Fact]
    public void Usdc_contract_label_is_its_decoded_contracts_name()
    {
        var contract = Assert.Single(fixture.Db.TranslatedRows(
            "SELECT namespace, name FROM ethereum.contracts WHERE address = unhex('a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48')"));
        var row = Assert.Single(fixture.Db.Rows(CorpusReal("t23_labels_contracts_usdc.sql")));
        // blockchain, address, name, category, contributor, source, created_at (then updated_at, model_name, label_type)
        Assert.Equal(["ethereum", "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48",
                      $"{char.ToUpperInvariant(contract[0][0])}{contract[0][1..]}: {contract[1]}", "contracts", "soispoke", "query"], row[..6]);
        Assert.Equal(new DateTime(2022, 9, 26), DateTime.Parse(row[6], CultureInfo.InvariantCulture));
    }
}
