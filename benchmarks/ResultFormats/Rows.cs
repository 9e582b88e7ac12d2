using System.Globalization;
using Strata.Core.Results;

namespace Strata.Bench.ResultFormats;

/// <summary>
/// A deterministic result: row i's values are pure functions of i, so both formats store the same rows
/// and every run stores the same bytes.
/// </summary>
internal static class Rows
{
    public static readonly ResultSchema Schema = new(
    [
        new ResultColumn("block_number", "bigint", ColumnKind.Int64),
        new ResultColumn("amount_usd", "double", ColumnKind.Double),
        new ResultColumn("account", "varchar", ColumnKind.Text),
        new ResultColumn("block_time", "timestamp(3) with time zone", ColumnKind.Timestamp),
        new ResultColumn("value", "uint256", ColumnKind.ExactNumber),
    ]);

    /// <summary>A row; strings are allocated per row, as a query engine's reader would.</summary>
    public readonly record struct Row(long BlockNumber, double AmountUsd, string Account, long BlockTimeMicros, string Value);

    public static Row At(long i)
    {
        ulong h = Mix((ulong)i);
        return new Row(
            // Ascending, ~128 rows a block, like most chain-data results.
            BlockNumber: 18_000_000 + (i / 128),
            // Random cents up to 1,000,000.
            AmountUsd: (h % 100_000_000) / 100.0,
            // 20 characters from a population of 5 million accounts.
            Account: string.Create(CultureInfo.InvariantCulture, $"acct-{Mix(h) % 5_000_000:D15}"),
            // Ascending, 12 s a block, with sub-second jitter.
            BlockTimeMicros: 1_700_000_000_000_000 + ((i / 128) * 12_000_000) + (long)(h % 1_000_000),
            // A uint256-style amount of 20 to 39 digits.
            Value: (((UInt128)Mix(h + 1) << 64 | Mix(h + 2)) >> (int)(h % 64)).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes rows [0, count) through the production writer.</summary>
    public static void Write(ResultWriter writer, long count)
    {
        for (long i = 0; i < count; i++)
        {
            var row = At(i);
            writer.AppendInt64(0, row.BlockNumber);
            writer.AppendDouble(1, row.AmountUsd);
            writer.AppendText(2, row.Account);
            writer.AppendInt64(3, row.BlockTimeMicros);
            writer.AppendText(4, row.Value);
            writer.EndRow();
        }
    }

    /// <summary>Generates rows without storing them: the share of the write times that is not the format's.</summary>
    public static long GenerateOnly(long count)
    {
        long checksum = 0;
        for (long i = 0; i < count; i++)
        {
            var row = At(i);
            checksum += row.Account.Length + row.Value.Length;
        }
        return checksum;
    }

    private static ulong Mix(ulong x)
    {
        // SplitMix64 finalizer.
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
