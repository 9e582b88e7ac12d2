using System.Buffers.Binary;
using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Real queries over the tables dune-tables4 added (solana.instruction_calls, solana.account_activity), run through
/// the translator on the demo data, against answers computed here from the raw rows.
/// </summary>
public sealed partial class DemoDataCorpusTests
{
    [Fact]
    public void Spellbook_compute_unit_price_decodes_each_transactions_budget_instruction()
    {
        // every demo transaction starts with SetComputeUnitPrice (3) and its little-endian u64, decoded here
        var expected = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in fixture.Db.TranslatedRows("SELECT id, hex(instructions[1].data) FROM solana.transactions"))
        {
            byte[] data = Convert.FromHexString(row[1]);
            Assert.Equal(3, data[0]);
            expected[row[0]] = (long)BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(1, 8));
        }
        var rows = fixture.Db.Rows(CorpusReal("sb_gas_solana_compute_unit_price.sql"));
        output.WriteLine($"{rows.Count} prices; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.True(expected.Count >= 200);
        Assert.Equal(expected.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(expected[row[0]], long.Parse(row[6], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Spellbook_daily_balances_are_each_addresses_last_change_of_the_day()
    {
        // the last successful row of each (address, UTC day) whose lamports or tokens changed, by slot and index
        var last = new Dictionary<(string, DateOnly), (long Slot, int Index, long Lamports, double Tokens)>();
        foreach (var row in fixture.Db.TranslatedRows("""
            SELECT address, epoch_us(block_time)::VARCHAR, block_slot, tx_index, post_balance, post_token_balance, balance_change, token_balance_change
            FROM solana.account_activity WHERE tx_success
            """))
        {
            bool changed = row[6] != "0" || (row[7] != "NULL" && Number(row[7]) != 0);
            if (!changed)
            {
                continue;
            }
            var day = DateOnly.FromDateTime(DateTime.UnixEpoch.AddTicks(long.Parse(row[1], CultureInfo.InvariantCulture) * 10));
            long slot = long.Parse(row[2], CultureInfo.InvariantCulture);
            int index = int.Parse(row[3], CultureInfo.InvariantCulture);
            if (!last.TryGetValue((row[0], day), out var seen) || (slot, index).CompareTo((seen.Slot, seen.Index)) > 0)
            {
                last[(row[0], day)] = (slot, index, long.Parse(row[4], CultureInfo.InvariantCulture), row[5] == "NULL" ? 0 : Number(row[5]));
            }
        }
        var rows = fixture.Db.Rows(CorpusReal("sb_solana_utils_daily_balances.sql"));
        output.WriteLine($"{rows.Count} address-days; first: {string.Join(" | ", rows.FirstOrDefault() ?? [])}");
        Assert.True(last.Count >= 100, $"{last.Count} address-days");
        Assert.Equal(last.Count, rows.Count);
        foreach (var row in rows)
        {
            var want = last[(row[2], Day(row[0]))];
            Assert.Equal(want.Lamports / 1e9, Number(row[3]), 1e-9);
            Assert.Equal(want.Tokens, Number(row[5]));
            Assert.Equal(want.Slot, long.Parse(row[8], CultureInfo.InvariantCulture));
            Assert.Matches("^[0-9a-f]{32}$", row[9]);
        }
        Assert.Equal(rows.Count, rows.Select(r => r[9]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Spellbook_bonkbot_fee_payments_find_no_demo_account_paid()
    {
        // BonkBot's real fee receiver is no demo account, so the model (which completes) pays it nothing
        Assert.True(Number(fixture.Db.Scalar("SELECT count(*) FROM solana.account_activity WHERE tx_success AND balance_change > 0")) > 0);
        Assert.Equal("0", fixture.Db.Scalar("SELECT count(*) FROM solana.account_activity WHERE address = 'ZG98FUCjb8mJ824Gbs6RsgVmr1FhXb2oNiJHa2dwmPd'"));
        Assert.Empty(fixture.Db.Rows(CorpusReal("sb_bonkbot_solana_fee_payments_raw.sql")));
    }
}
