using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// A real query over the table dune-tables13 added (<c>safe_ethereum.safes</c>), run through the translator on the demo data,
/// against the answer computed here from the raw Safe creations of <c>ethereum.transactions</c>.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>xai-ctrl's "top contracts Safe users interact with": the successful calls and delegatecalls made by Safes,
    /// per callee. A demo Safe's only call is its setup's delegatecall to its singleton, so the answer is, per singleton, the
    /// successful creations through it (each a distinct Safe).</summary>
    [Fact]
    public void Safe_top_contracts_counts_each_singletons_setup_delegatecalls()
    {
        string factories = string.Join(", ", DemoData.SafeFactories.Select(f => $"unhex('{f.Factory}')"));
        var singletons = fixture.Db.TranslatedRows($"""
            SELECT hex(data) FROM ethereum.transactions WHERE "to" IN ({factories}) AND success
            """)
            // createProxyWithNonce(address _singleton, …): the first argument word
            .Select(r => "0x" + r[0].Substring(8 + 24, 40).ToLowerInvariant())
            .ToList();
        Assert.True(singletons.Count >= 2, $"{singletons.Count} creations");
        var expected = singletons.GroupBy(s => s).OrderByDescending(g => g.Count())
            .Select(g => new[] { g.Key, g.Count().ToString(CultureInfo.InvariantCulture), g.Count().ToString(CultureInfo.InvariantCulture) }).ToList();
        var rows = fixture.Db.Rows(CorpusReal("xai_ctrl_safe_top_contracts.sql"));
        Assert.Equal(expected.Select(e => e[1]), rows.Select(r => r[1]));
        Assert.Equal(expected.ToHashSet(new RowComparer()), rows.Select(r => new[] { r[0].ToLowerInvariant(), r[1], r[2] }).ToHashSet(new RowComparer()));
    }

    private sealed class RowComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] obj) => string.Join('|', obj).GetHashCode(StringComparison.Ordinal);
    }
}
