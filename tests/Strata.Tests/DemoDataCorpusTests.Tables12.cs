using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// A real query over the table dune-tables12 added (<c>staking_ethereum.deposits</c>), run through the translator on the
/// demo data, against the answer computed here from the raw deposit calls of <c>ethereum.transactions</c>.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>Valdorff's validator index: each deposited key (none of its blacklisted mainnet keys is on the demo chain)
    /// numbered by its first deposit's index from 0, the highest first. The demo's keys are each deposited once, so the
    /// numbering is the successful deposit calls' chain order.</summary>
    [Fact]
    public void Validator_pubkey_index_numbers_the_deposited_keys_in_deposit_order()
    {
        var keys = fixture.Db.TranslatedRows("""
            SELECT hex(data) FROM ethereum.transactions
            WHERE "to" = unhex('00000000219ab540356cbb839cbe05303d7705fa') AND success ORDER BY block_number, "index"
            """)
            // deposit(bytes pubkey, …): the first argument's offset word, then its length word and 48 bytes
            .Select(r => Convert.FromHexString(r[0]))
            .Select(d => d[(4 + (int)d[4 + 31] + 32)..(4 + (int)d[4 + 31] + 32 + 48)])
            .Select(k => "0x" + Convert.ToHexString(k).ToLowerInvariant())
            .ToList();
        Assert.True(keys.Count >= 5, $"{keys.Count} deposits");
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var rows = fixture.Db.Rows(CorpusReal("valdorff_validator_pubkey_index.sql"));
        var expected = keys.Select((k, n) => new[] { n.ToString(CultureInfo.InvariantCulture), k }).Reverse().ToList();
        Assert.Equal(expected.Select(e => e[0]), rows.Select(r => r[0]));
        Assert.Equal(expected.Select(e => e[1]), rows.Select(r => r[1].ToLowerInvariant()));
    }
}
