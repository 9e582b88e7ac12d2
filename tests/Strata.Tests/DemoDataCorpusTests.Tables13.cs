using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// A real query over the tables dune-tables13 added (<c>safe_ethereum.safes</c>), run through the translator on the demo
/// data, against the answer computed here from the raw Safe creations and Safe transactions of <c>ethereum.transactions</c>.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>xai-ctrl's "top contracts Safe users interact with": the successful calls and delegatecalls made by Safes,
    /// per callee. A demo Safe makes its setup's delegatecall to its singleton and, per executed Safe transaction, one more
    /// delegatecall to the singleton and the singleton's call of the transaction's destination in the Safe's name.</summary>
    [Fact]
    public void Safe_top_contracts_counts_the_calls_made_by_Safes()
    {
        string factories = string.Join(", ", DemoData.SafeFactories.Select(f => $"unhex('{f.Factory}')"));
        // the successful creations: createProxyWithNonce's first argument (the singleton), the proxy its root call returned
        var singletonOf = fixture.Db.TranslatedRows($"""
            SELECT hex(t.data), hex(r.output) FROM ethereum.transactions t
            JOIN ethereum.traces r ON r.tx_hash = t.hash AND r.block_number = t.block_number AND len(r.trace_address) = 0
            WHERE t."to" IN ({factories}) AND t.success
            """).ToDictionary(r => r[1].Substring(24, 40).ToLowerInvariant(), r => r[0].Substring(8 + 24, 40).ToLowerInvariant());
        Assert.True(singletonOf.Count >= 2, $"{singletonOf.Count} Safes");
        var calls = singletonOf.Select(s => (Callee: s.Value, Safe: s.Key)).ToList();
        // the successful execTransaction calls of those Safes: the destination is its first argument
        foreach (var r in fixture.Db.TranslatedRows("""SELECT hex("to"), hex(data) FROM ethereum.transactions WHERE success AND starts_with(hex(data), '6A761202')"""))
        {
            string safe = r[0].ToLowerInvariant();
            if (singletonOf.TryGetValue(safe, out string? singleton))
            {
                calls.Add((singleton, safe));
                calls.Add((r[1].Substring(8 + 24, 40).ToLowerInvariant(), safe));
            }
        }
        var expected = calls.GroupBy(c => c.Callee)
            .Select(g => new[] { "0x" + g.Key, g.Count().ToString(CultureInfo.InvariantCulture), g.Select(c => c.Safe).Distinct().Count().ToString(CultureInfo.InvariantCulture) })
            .OrderByDescending(e => int.Parse(e[1], CultureInfo.InvariantCulture)).Take(200).ToList();
        var rows = fixture.Db.Rows(CorpusReal("xai_ctrl_safe_top_contracts.sql")).Select(r => new[] { r[0].ToLowerInvariant(), r[1], r[2] }).ToList();
        Assert.Equal(expected.Select(e => e[1]), rows.Select(r => r[1]));
        Assert.Equal(expected.OrderBy(e => e[0], StringComparer.Ordinal), rows.OrderBy(r => r[0], StringComparer.Ordinal));
    }
}
