using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Real queries over the tables dune-tables5 added (bitcoin.blocks, inputs, outputs), run through the translator on the
/// demo data, against answers computed here from the raw rows.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    [Fact]
    public void Sixdegree_bitcoin_supply_sums_each_blocks_subsidy()
    {
        // 50 BTC halved every 210,000 blocks (Trino's bigint division), per demo block
        double expected = fixture.Db.TranslatedRows("SELECT height FROM bitcoin.blocks")
            .Sum(r => 50 / Math.Pow(2, long.Parse(r[0], CultureInfo.InvariantCulture) / 210_000));
        var rows = fixture.Db.Rows(CorpusReal("sd_ch19_useful_metrics_2.sql"));
        output.WriteLine($"supply {string.Join(" | ", rows[0])}, expected {expected}");
        Assert.Single(rows);
        Assert.Equal(30 * 144 * 3.125, expected);
        Assert.Equal(expected, Number(rows[0][0]), 1e-9);
    }

    [Fact]
    public void Spellbook_bitcoin_transfers_are_every_addressed_input_and_output()
    {
        // inputs count negative, outputs positive; the coinbases' inputs and the witness commitments have no address
        var expected = new Dictionary<(string Type, string Tx, string Index), (string Address, double Amount, DateOnly Day)>();
        foreach (var (table, type, sign) in new[] { ("bitcoin.inputs", "input", -1), ("bitcoin.outputs", "output", 1) })
        {
            foreach (var r in fixture.Db.TranslatedRows($"SELECT tx_id, \"index\", address, value, block_date FROM {table} WHERE address IS NOT NULL"))
            {
                expected[(type, r[0], r[1])] = (r[2], sign * Number(r[3]), DateOnly.Parse(r[4], CultureInfo.InvariantCulture));
            }
        }
        var rows = fixture.Db.Rows(CorpusReal("sb_transfers_bitcoin_satoshi.sql"));
        output.WriteLine($"{rows.Count} transfers; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.True(expected.Count >= 500, $"{expected.Count} transfers");
        Assert.Equal(expected.Count, rows.Count);
        foreach (var r in rows)
        {
            var e = expected[(r[0], r[1], r[2])];
            Assert.Equal("bitcoin", r[3]);
            Assert.Equal(e.Address, r[4]);
            Assert.Equal(e.Amount, Number(r[8]));
        }
        // active addresses per day, from the model's rows and from the raw rows
        var fromModel = rows.GroupBy(r => DateOnly.Parse(r[6], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Select(r => r[4]).Distinct().Count());
        var fromRows = expected.GroupBy(p => p.Value.Day).ToDictionary(g => g.Key, g => g.Select(p => p.Value.Address).Distinct().Count());
        Assert.Equal(fromRows.OrderBy(p => p.Key), fromModel.OrderBy(p => p.Key));
        Assert.True(fromRows.Count >= 29, $"{fromRows.Count} days");
    }

    [Fact]
    public void Spellbook_bitcoin_first_funded_by_is_the_first_receipts_inputs()
    {
        // the model groups the witness commitments (no address) too: NULL is one more "address", first funded by a coinbase
        var receipts = fixture.Db.TranslatedRows("SELECT address, block_height, tx_id FROM bitcoin.outputs");
        var first = receipts.GroupBy(r => r[0]).ToDictionary(g => g.Key, g =>
        {
            long height = g.Min(r => long.Parse(r[1], CultureInfo.InvariantCulture));
            return (Height: height, Txs: g.Where(r => long.Parse(r[1], CultureInfo.InvariantCulture) == height).Select(r => r[2]).ToHashSet());
        });
        var funders = fixture.Db.TranslatedRows("SELECT tx_id, address FROM bitcoin.inputs")
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => r[1]).Order(StringComparer.Ordinal).ToList());
        var rows = fixture.Db.Rows(CorpusReal("sb_addresses_events_bitcoin_first_funded_by.sql"));
        output.WriteLine($"{rows.Count} addresses; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.Equal(first.Count, rows.Count);
        int byCoinbase = 0;
        foreach (var r in rows)
        {
            var (height, txs) = first[r[1]];
            Assert.Equal(height, long.Parse(r[4], CultureInfo.InvariantCulture));
            Assert.Contains(r[5], txs);
            // the funders are that transaction's input addresses (a coinbase's one input has none)
            var got = r[2].Trim('[', ']').Split(", ").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(funders[r[5]], got);
            byCoinbase += got is ["NULL"] ? 1 : 0;
        }
        Assert.InRange(byCoinbase, 2, BitcoinPoolCount + 1);
    }

    [Fact]
    public void Spellbook_op_chain_list_names_the_demos_op_chains_from_evms_info()
    {
        var info = fixture.Db.TranslatedRows("SELECT blockchain, name, chain_id, CAST(first_block_time AS DATE)::VARCHAR FROM evms.info")
            .ToDictionary(r => r[0], r => r);
        var rows = fixture.Db.Rows(CorpusReal("sb_op_chains_optimism_chain_list.sql"));
        output.WriteLine(string.Join("\n", rows.Select(r => string.Join(" | ", r))));
        Assert.Equal(["base", "optimism", "zora"], rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        foreach (var r in rows)
        {
            // zora is no demo chain: the left join leaves it without metadata
            string[] expected = info.TryGetValue(r[0], out var i) ? [i[1], i[2], i[3]] : ["NULL", "NULL", "NULL"];
            string[] got = [r[1], r[2], r[3] == "NULL" ? "NULL" : DateOnly.Parse(r[3], CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
            Assert.Equal<string>(expected, got);
            Assert.Equal("1", r[4]);
        }
        Assert.Equal("OP Mainnet", info["optimism"][1]);
    }

    /// <summary>The demo's mining pools (DemoData.Bitcoin.cs): their payout addresses are first funded by a coinbase.</summary>
    private const int BitcoinPoolCount = 8;
}
