using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// A real query over the tables dune-tables18 added (<c>aave_v3_ethereum.Pool_evt_Supply</c> / <c>Pool_evt_Borrow</c>), run through
/// the translator on the demo data, against the answer computed here from the Pool's raw logs and the transactions that emitted them.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    /// <summary>The Aave v3 stablecoin funnel: per action (Supply, Borrow of USDC, USDT or DAI) and month, the transactions, those
    /// sent straight to the Pool, their distinct senders, their events, and the others.</summary>
    [Fact]
    public void Aave_stable_funnel_counts_the_pools_stablecoin_supplies_and_borrows()
    {
        string[] stables = ["A0B86991C6218B36C1D19D4A2E9EB0CE3606EB48", "DAC17F958D2EE523A2206206994597C13D831EC7", "6B175474E89094C44DA98B954EEDEAC495271D0F"];
        var actions = new Dictionary<string, string>
        {
            ["2B627736BCA15CD5381DCF80B0BF11FD197D01A037C52B927A881A10FB73BA61"] = "supply",  // Supply(address,address,address,uint256,uint16)
            ["B3D084820FB1A9DECFFB176436BD02558D15FAC9B0DDFED8C465BC7359D7DCE0"] = "borrow",  // Borrow(address,address,address,uint256,uint8,uint256,uint16)
        };
        var txs = fixture.Db.TranslatedRows($"""
            SELECT hex(l.topic0), hex(l.topic1), hex(l.tx_hash), strftime(timezone('UTC', l.block_time), '%Y-%m-01'), hex(t."from"), hex(t."to")
            FROM ethereum.logs l JOIN ethereum.transactions t ON t.hash = l.tx_hash AND t.block_number = l.block_number
            WHERE l.contract_address = unhex('{DemoData.AavePool}')
            """)
            .Where(r => actions.ContainsKey(r[0].ToUpperInvariant()) && stables.Contains(r[1][24..].ToUpperInvariant()))
            .Select(r => (Action: actions[r[0].ToUpperInvariant()], Tx: r[2], Month: r[3], From: r[4], To: r[5].ToUpperInvariant()))
            .ToList();
        string pool = DemoData.AavePool.ToUpperInvariant();
        var expected = txs.GroupBy(x => (x.Action, x.Month)).OrderBy(g => g.Key.Action, StringComparer.Ordinal).ThenBy(g => g.Key.Month, StringComparer.Ordinal)
            .Select(g =>
            {
                var perTx = g.GroupBy(x => x.Tx).Select(t => (Events: t.Count(), t.First().From, t.First().To)).ToList();
                var direct = perTx.Where(t => t.To == pool).ToList();
                return string.Join('|', g.Key.Action, g.Key.Month, perTx.Count, direct.Count, direct.Select(t => t.From).Distinct().Count(),
                    direct.Sum(t => t.Events), perTx.Count - direct.Count);
            }).ToList();
        Assert.NotEmpty(expected);
        var rows = fixture.Db.Rows(CorpusReal("aave_v3_stable_supply_borrow_funnel.sql"));
        Assert.Equal(expected, rows.Select(r => string.Join('|', r[0], DateTime.Parse(r[1], CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r[2], r[3], r[4], r[5], r[6])));
        Assert.Contains(rows, r => r[0] == "supply");
    }
}
