using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Real queries over the tables dune-tables2 added (ethereum.withdrawals, the Solana tables), run through the
/// translator on the demo data, against answers computed here from the tables' raw rows.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    private static string CorpusReal(string file) => File.ReadAllText(Path.Combine(DuneSqlDirectory(), "corpus-real", file));

    /// <summary>The UTC day of a rendered timestamp such as "2026-11-30 00:00:00.000 UTC".</summary>
    private static DateOnly Day(string rendered) => DateOnly.ParseExact(rendered[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Number(string rendered) => double.Parse(rendered, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void Docs_withdrawals_per_day_sum_each_days_gwei()
    {
        var expected = new Dictionary<DateOnly, decimal>();
        foreach (var row in fixture.Db.TranslatedRows("SELECT epoch_us(block_time)::VARCHAR, amount::VARCHAR FROM ethereum.withdrawals"))
        {
            var day = DateOnly.FromDateTime(DateTime.UnixEpoch.AddTicks(long.Parse(row[0], CultureInfo.InvariantCulture) * 10));
            expected[day] = expected.GetValueOrDefault(day) + decimal.Parse(row[1], CultureInfo.InvariantCulture);
        }
        var rows = fixture.Db.Rows(CorpusReal("dd_ethereum_withdrawals_per_day.sql"));
        output.WriteLine($"{rows.Count} days; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.True(expected.Count >= 25, $"{expected.Count} days of withdrawals");
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            double want = (double)(expected[Day(row[0])] / 1_000_000_000m);
            Assert.Equal(want, Number(row[1]), want * 1e-12);
        }
    }

    [Fact]
    public void Spellbook_lido_withdrawals_take_32_eth_of_each_exit_to_the_vault()
    {
        // per block, the exits (more than 32 ETH) to Lido's vault each bring 32 ETH of principal; skims bring none
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in fixture.Db.TranslatedRows($"""
            SELECT hex(block_hash), amount::VARCHAR FROM ethereum.withdrawals WHERE address = unhex('{Strata.Engine.DuckDb.DemoData.LidoWithdrawalVault}')
            """))
        {
            decimal eth = decimal.Parse(row[1], CultureInfo.InvariantCulture) / 1_000_000_000m;
            int exits = eth > 32 ? 1 : 0;
            Assert.False(eth is >= 20 and <= 32, "no demo withdrawal lies in the 20-32 ETH band");
            expected[row[0].ToLowerInvariant()] = expected.GetValueOrDefault(row[0].ToLowerInvariant()) + exits;
        }
        var blocks = expected.Where(p => p.Value > 0).ToDictionary(p => "0x" + p.Key, p => p.Value, StringComparer.Ordinal);
        var rows = fixture.Db.Rows(CorpusReal("sb_lido_accounting_ethereum_withdrawals.sql"));
        output.WriteLine($"{rows.Count} blocks with Lido exits; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.NotEmpty(rows);
        Assert.Equal(blocks.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(blocks[row[1]] * 32e18, Number(row[2]), 1e6);
        }
    }

    [Fact]
    public void Docs_weekly_solana_dex_volume_sums_each_iso_weeks_trades()
    {
        var expected = new SortedDictionary<DateOnly, double>();
        foreach (var row in fixture.Db.TranslatedRows("SELECT epoch_us(block_time)::VARCHAR, amount_usd::VARCHAR FROM dex_solana.trades"))
        {
            var day = DateOnly.FromDateTime(DateTime.UnixEpoch.AddTicks(long.Parse(row[0], CultureInfo.InvariantCulture) * 10));
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            expected[monday] = expected.GetValueOrDefault(monday) + Number(row[1]);
        }
        var rows = fixture.Db.Rows(CorpusReal("dd_dex_solana_weekly_volume.sql"));
        output.WriteLine($"{rows.Count} weeks; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.True(expected.Count >= 4);
        Assert.Equal(expected.Keys, rows.Select(r => Day(r[0])));
        foreach (var row in rows)
        {
            double want = expected[Day(row[0])];
            Assert.Equal(want, Number(row[1]), want * 1e-9);
        }
    }

    [Fact]
    public void Docs_solana_token_metadata_finds_usdc_with_its_real_mint_and_decimals()
    {
        var rows = fixture.Db.Rows(CorpusReal("dd_tokens_solana_fungible_2.sql"));
        var row = Assert.Single(rows);
        Assert.Equal(["EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "USDC", "USD Coin", "6"], row[..4]);
        // tokens with other decimals than 9, most decimals first: the 6-decimal ones and Bonk's 5
        var others = fixture.Db.Rows(CorpusReal("dd_tokens_solana_fungible_3.sql"));
        Assert.Equal(["6", "6", "6", "6", "6", "5"], others.Select(r => r[3]));
    }

    [Fact]
    public void Spellbook_solana_net_transfers_keep_the_assets_received_on_net()
    {
        // per (day, mint): sum over owners of (received - sent) USD, counting only owners whose net is positive
        var net = new Dictionary<(DateOnly Day, string Mint, string Owner), double>();
        foreach (var row in fixture.Db.TranslatedRows("""
            SELECT block_date::VARCHAR, token_mint_address, from_owner, to_owner, amount_usd::VARCHAR FROM tokens_solana.transfers
            """))
        {
            double usd = Number(row[4]);
            var day = DateOnly.ParseExact(row[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            net[(day, row[1], row[2])] = net.GetValueOrDefault((day, row[1], row[2])) - usd;
            net[(day, row[1], row[3])] = net.GetValueOrDefault((day, row[1], row[3])) + usd;
        }
        var expected = net.Where(p => p.Value > 0).GroupBy(p => (p.Key.Day, p.Key.Mint))
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        var rows = fixture.Db.Rows(CorpusReal("sb_tokens_solana_net_transfers_daily_asset.sql"));
        output.WriteLine($"{rows.Count} (day, asset) rows; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.True(expected.Count > 0);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            double want = expected[(DateOnly.Parse(row[1], CultureInfo.InvariantCulture), row[2])];
            Assert.Equal(want, Number(row[4]), Math.Max(1e-6, want * 1e-9));
        }
    }

    [Fact]
    public void Forward_filled_prices_carry_the_last_minute_price_up_to_now()
    {
        // data generated at the fixture's start (minutes ago): every minute after the last one, up to now, has its price
        var last = fixture.Db.TranslatedRows("""
            SELECT epoch(max(minute))::BIGINT::VARCHAR, arg_max(price, minute)::VARCHAR FROM prices.usd WHERE symbol = 'WETH'
            """)[0];
        var filled = fixture.Db.Rows("""
            SELECT count(*), count(DISTINCT price), max(price), to_unixtime(max(minute)), to_unixtime(date_trunc('minute', now()))
            FROM prices.usd_forward_fill
            WHERE symbol = 'WETH' AND minute > from_unixtime(EPOCH_LAST)
            """.Replace("EPOCH_LAST", last[0], StringComparison.Ordinal))[0];
        output.WriteLine($"WETH after its last minute: {string.Join(" | ", filled)}");
        double lastMinute = Number(last[0]), now = Number(filled[4]);
        Assert.True(now - lastMinute < 3600, "the fixture's data is less than an hour old");
        Assert.Equal((long)Math.Round((now - lastMinute) / 60), long.Parse(filled[0], CultureInfo.InvariantCulture));
        if (now > lastMinute)
        {
            Assert.Equal("1", filled[1]);
            Assert.Equal(Number(last[1]), Number(filled[2]));
            Assert.Equal(now, Number(filled[3]));
        }
    }
}
