using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Dune's docs examples over the tables dune-tables6 added (Tron's raw tables and Tether's decoded transfers there,
/// labels.owner_addresses and labels.owner_details), run through the translator on the demo data, against answers computed
/// here from the tables' raw rows.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    private static DateTime Utc(string epochMicros) => DateTime.UnixEpoch.AddTicks(long.Parse(epochMicros, CultureInfo.InvariantCulture) * 10);

    [Fact]
    public void Docs_tron_blocks_per_day_count_each_days_blocks()
    {
        var expected = fixture.Db.TranslatedRows("SELECT epoch_us(time)::VARCHAR, number::VARCHAR FROM tron.blocks")
            .GroupBy(r => DateOnly.FromDateTime(Utc(r[0]))).ToDictionary(g => g.Key, g => g.Select(r => r[1]).Distinct().Count());
        var rows = fixture.Db.Rows(CorpusReal("dd_tron_blocks_per_day.sql"));
        output.WriteLine($"{rows.Count} days; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        // Test scale replays ~4 Tron blocks a day (a sample of Ethereum's transactions), so a day, most often today's
        // first hours, can have none: the bound says "most of the 30 days"; the equality below is the check.
        Assert.True(expected.Count >= 24, $"{expected.Count} days of Tron blocks");
        Assert.Equal(expected.OrderByDescending(p => p.Key).Select(p => (p.Key, p.Value)), rows.Select(r => (Day(r[0]), int.Parse(r[1], CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Docs_tron_transactions_per_block_are_the_ten_latest_blocks_counts()
    {
        var expected = fixture.Db.TranslatedRows("SELECT block_number::VARCHAR FROM tron.transactions")
            .GroupBy(r => long.Parse(r[0], CultureInfo.InvariantCulture)).OrderByDescending(g => g.Key).Take(10)
            .Select(g => $"{g.Key}|{g.Count()}").ToList();
        var rows = fixture.Db.Rows(CorpusReal("dd_tron_transactions_per_block.sql"));
        output.WriteLine($"{string.Join(", ", rows.Select(r => string.Join('|', r)))}");
        Assert.Equal(10, expected.Count);
        Assert.Equal(expected, rows.Select(r => string.Join('|', r)));
        // and the latest blocks are these blocks, with their hash and gas used
        var blocks = fixture.Db.Rows(CorpusReal("dd_tron_blocks_most_recent.sql"));
        Assert.Equal(expected.Select(e => e.Split('|')[0]), blocks.Select(b => b[0]));
    }

    [Fact]
    public void Docs_tron_transfer_topic_logs_are_every_transfer_log()
    {
        const string Transfer = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
        var logs = fixture.Db.TranslatedRows("SELECT lower(hex(topic0)), lower(hex(tx_hash)), \"index\"::VARCHAR, topic3 IS NULL FROM tron.logs");
        var expected = logs.Where(r => r[0] == Transfer).Select(r => $"0x{r[1]}|{r[2]}").Order(StringComparer.Ordinal).ToList();
        var decoded = fixture.Db.TranslatedRows("SELECT lower(hex(evt_tx_hash)), evt_index::VARCHAR FROM erc20_tron.\"evt_Transfer\"");
        var rows = fixture.Db.Rows(CorpusReal("dd_tron_logs_transfer_topic.sql"));
        output.WriteLine($"{logs.Count} Tron logs, {expected.Count} transfers, {rows.Count} rows");
        Assert.True(expected.Count > 0 && expected.Count < logs.Count, $"{expected.Count} of {logs.Count}");
        // the ERC-20 ones (two indexed parties; an NFT's Transfer indexes its token id too) are erc20_tron's rows
        Assert.Equal(logs.Count(r => r[0] == Transfer && r[3] == "true"), decoded.Count);
        // select * of tron.logs: tx_hash is the 10th column, index the 11th
        Assert.Equal(expected, rows.Select(r => $"{r[9]}|{r[10]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_tether_daily_transfer_count_and_volume_over_the_last_ten_days()
    {
        var transfers = fixture.Db.TranslatedRows("SELECT epoch_us(evt_block_time)::VARCHAR, value::VARCHAR FROM tether_tron.\"Tether_USD_evt_Transfer\"")
            .Select(r => (Time: Utc(r[0]), Usdt: (double)decimal.Parse(r[1], CultureInfo.InvariantCulture) / 1e6)).ToList();
        var counts = fixture.Db.Rows(CorpusReal("dd_tether_tron_daily_transfer_count.sql"));
        var volumes = fixture.Db.Rows(CorpusReal("dd_tether_tron_daily_transfer_volume.sql"));
        DateTime after = DateTime.UtcNow;
        output.WriteLine($"{transfers.Count} USDT transfers; counts {string.Join(", ", counts.Select(r => string.Join('|', r)))}");
        Assert.NotEmpty(counts);
        Assert.Equal(counts.Select(r => r[0]).Order(StringComparer.Ordinal), volumes.Select(r => r[0]).Order(StringComparer.Ordinal));
        var volumeOf = volumes.ToDictionary(r => Day(r[0]), r => Number(r[1]));
        foreach (var row in counts)
        {
            DateOnly day = Day(row[0]);
            var ofDay = transfers.Where(t => DateOnly.FromDateTime(t.Time) == day).ToList();
            Assert.True(day.ToDateTime(TimeOnly.MinValue) >= after.Date.AddDays(-11), $"{day} is within the ten days");
            if (day.ToDateTime(TimeOnly.MinValue) > after.AddDays(-10))
            {
                // a whole day after the cut: every transfer of it
                Assert.Equal(ofDay.Count, int.Parse(row[1], CultureInfo.InvariantCulture));
                double want = ofDay.Sum(t => t.Usdt);
                Assert.Equal(want, volumeOf[day], Math.Max(1e-9, want * 1e-12));
            }
            else
            {
                // the day the cut falls in: some of its transfers
                Assert.InRange(int.Parse(row[1], CultureInfo.InvariantCulture), 1, ofDay.Count);
            }
        }
        // every day after the cut that has transfers is listed
        var listed = counts.Select(r => Day(r[0])).ToHashSet();
        Assert.All(transfers.Where(t => t.Time.Date > after.AddDays(-10)).Select(t => DateOnly.FromDateTime(t.Time)), d => Assert.Contains(d, listed));
    }

    [Fact]
    public void Docs_coinbase_owner_addresses_are_its_exchange_wallets()
    {
        var expected = fixture.Db.TranslatedRows("SELECT lower(hex(address)), cex_name FROM cex.addresses")
            .Where(r => r[1] == "Coinbase").Select(r => "0x" + r[0]).Order(StringComparer.Ordinal).ToList();
        var rows = fixture.Db.Rows(CorpusReal("dd_labels_owner_addresses_coinbase.sql"));
        output.WriteLine($"{rows.Count} Coinbase addresses; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.True(expected.Count >= 2, $"{expected.Count} Coinbase wallets");
        Assert.Equal(expected, rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(["ethereum", "coinbase", "Coinbase"], new[] { r[1], r[2], r[4] }));
        // the deposit-contract example: the owners' transactions to the ETH 2.0 deposit contract, picked here from the raw rows
        var owners = fixture.Db.TranslatedRows("SELECT lower(hex(address)) FROM labels.owner_addresses").Select(r => "0x" + r[0]).ToHashSet(StringComparer.Ordinal);
        var deposits = fixture.Db.TranslatedRows("""
            SELECT lower(hex("from")), lower(hex("to")), lower(hex(hash)) FROM ethereum.transactions
            """).Where(r => r[1] == "00000000219ab540356cbb839cbe05303d7705fa" && owners.Contains("0x" + r[0])).Select(r => "0x" + r[2]).Order(StringComparer.Ordinal);
        Assert.Equal(deposits, fixture.Db.Rows(CorpusReal("dd_labels_owner_addresses_deposit_contract.sql")).Select(r => r[4]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_dex_owner_details_are_the_protocols_of_the_demos_routers()
    {
        var expected = fixture.Db.TranslatedRows("SELECT name, website, primary_category FROM labels.owner_details")
            .Where(r => r[2] == "Decentralized Exchange").Select(r => string.Join('|', r)).Order(StringComparer.Ordinal).ToList();
        var rows = fixture.Db.Rows(CorpusReal("dd_labels_owner_details_dex.sql"));
        Assert.Equal(["SushiSwap|https://www.sushi.com|Decentralized Exchange", "Uniswap|https://uniswap.org|Decentralized Exchange"], expected);
        Assert.Equal(expected, rows.Select(r => string.Join('|', r)).Order(StringComparer.Ordinal));
    }
}
