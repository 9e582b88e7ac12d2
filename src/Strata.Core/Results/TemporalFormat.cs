namespace Strata.Core.Results;

/// <summary>
/// Renders stored dates and timestamps for every value the engine can store, not only years
/// 1-9999: years past 9999 get a plus sign (<c>+20000-01-01</c>, as Trino and ISO 8601's expanded
/// form write them), years before 1 are astronomical with a minus sign (<c>-0044-03-15</c> is 45 BC),
/// and the engine's infinities are <c>infinity</c> and <c>-infinity</c>.
/// </summary>
public static class TemporalFormat
{
    /// <summary>The stored microseconds of timestamp <c>infinity</c> (DuckDB's encoding).</summary>
    public const long InfinityMicros = long.MaxValue;

    /// <summary>The stored microseconds of timestamp <c>-infinity</c>.</summary>
    public const long NegativeInfinityMicros = -long.MaxValue;

    /// <summary>The stored days of date <c>infinity</c> (DuckDB's encoding).</summary>
    public const int InfinityDays = int.MaxValue;

    /// <summary>The stored days of date <c>-infinity</c>.</summary>
    public const int NegativeInfinityDays = -int.MaxValue;

    /// <summary>Longest text either method writes.</summary>
    public const int MaxLength = 40;

    /// <summary>"YYYY-MM-DD HH:MM:SS.fff UTC" from microseconds since the epoch (truncated to milliseconds).</summary>
    public static int WriteTimestamp(Span<byte> span, long micros) => WriteTimestamp(span, micros, 3);

    /// <summary>A timestamp of microseconds with <paramref name="digits"/> (0 to 12) of the second's fraction, as Trino
    /// writes a timestamp(p): truncated past the sixth digit held, zeros past it.</summary>
    public static int WriteTimestamp(Span<byte> span, long micros, int digits) =>
        micros is InfinityMicros or NegativeInfinityMicros
            ? WriteInfinity(span, micros == NegativeInfinityMicros)
            : WriteInstant(span, micros, 6, digits);

    /// <summary>"YYYY-MM-DD HH:MM:SS.fffffffff UTC" from nanoseconds since the epoch: Trino's <c>timestamp(9)</c>, all nine
    /// digits. DuckDB's TIMESTAMP_NS encodes its infinities as the microsecond kind does (±<see cref="long.MaxValue"/>).</summary>
    public static int WriteTimestampNanos(Span<byte> span, long nanos) => WriteTimestampNanos(span, nanos, 9);

    /// <summary>A timestamp of nanoseconds with <paramref name="digits"/> (0 to 12) of the second's fraction.</summary>
    public static int WriteTimestampNanos(Span<byte> span, long nanos, int digits) =>
        nanos is InfinityMicros or NegativeInfinityMicros
            ? WriteInfinity(span, nanos == NegativeInfinityMicros)
            : WriteInstant(span, nanos, 9, digits);

    /// <summary>The fraction digits a timestamp column's text has: p of its type <c>timestamp(p)</c> or <c>timestamp(p) with
    /// time zone</c> (a declared precision, decision 208), else 3 for microseconds and 9 for nanoseconds.</summary>
    public static int FractionDigits(ResultColumn column)
    {
        string type = column.DuneType;
        int close = type.IndexOf(')', StringComparison.Ordinal);
        return type.StartsWith("timestamp(", StringComparison.Ordinal) && close > 10
            && int.TryParse(type.AsSpan(10, close - 10), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int p)
            && p <= 12 ? p : column.Kind == ColumnKind.TimestampNanos ? 9 : 3;
    }

    /// <summary>The date, the time of day and <paramref name="digits"/> digits of the second's fraction (truncated; zeros
    /// past the unit's <paramref name="unitDigits"/>) of a count of units of 10^-unitDigits second since the epoch, then " UTC".</summary>
    private static int WriteInstant(Span<byte> span, long units, int unitDigits, int digits)
    {
        long perSecond = Pow10(unitDigits);
        long perDay = perSecond * 86_400;
        long days = Math.DivRem(units, perDay, out long rest);
        if (rest < 0)
        {
            days--;
            rest += perDay;
        }
        int n = WriteCivil(span, days);
        long seconds = rest / perSecond;
        int shown = Math.Min(digits, unitDigits);
        long fraction = rest % perSecond / Pow10(unitDigits - shown);
        span[n++] = (byte)' ';
        n += Two(span[n..], (int)(seconds / 3600));
        span[n++] = (byte)':';
        n += Two(span[n..], (int)(seconds / 60 % 60));
        span[n++] = (byte)':';
        n += Two(span[n..], (int)(seconds % 60));
        if (digits > 0)
        {
            span[n++] = (byte)'.';
            for (int i = shown - 1; i >= 0; i--)
            {
                span[n + i] = (byte)('0' + (int)(fraction % 10));
                fraction /= 10;
            }
            span.Slice(n + shown, digits - shown).Fill((byte)'0');
            n += digits;
        }
        " UTC"u8.CopyTo(span[n..]);
        return n + 4;
    }

    private static long Pow10(int digits)
    {
        long p = 1;
        for (int i = 0; i < digits; i++)
        {
            p *= 10;
        }
        return p;
    }

    /// <summary>"YYYY-MM-DD" from days since the epoch.</summary>
    public static int WriteDate(Span<byte> span, int days)
    {
        if (days is InfinityDays or NegativeInfinityDays)
        {
            return WriteInfinity(span, days == NegativeInfinityDays);
        }
        return WriteCivil(span, days);
    }

    /// <summary>DuckDB's infinite dates and timestamps, as DuckDB writes them.</summary>
    private static int WriteInfinity(Span<byte> span, bool negative)
    {
        ReadOnlySpan<byte> text = negative ? "-infinity"u8 : "infinity"u8;
        text.CopyTo(span);
        return text.Length;
    }

    /// <summary>The proleptic Gregorian date of a day count (H. Hinnant's civil_from_days), any range of long.</summary>
    private static int WriteCivil(Span<byte> span, long days)
    {
        long z = days + 719_468;
        long era = (z >= 0 ? z : z - 146_096) / 146_097;
        long doe = z - (era * 146_097);
        long yoe = (doe - (doe / 1460) + (doe / 36_524) - (doe / 146_096)) / 365;
        long doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
        long mp = ((5 * doy) + 2) / 153;
        int day = (int)(doy - (((153 * mp) + 2) / 5) + 1);
        int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        long year = (yoe + (era * 400)) + (month <= 2 ? 1 : 0);
        int n = 0;
        if (year > 9999)
        {
            span[n++] = (byte)'+';
        }
        else if (year < 0)
        {
            span[n++] = (byte)'-';
        }
        ulong absolute = (ulong)Math.Abs(year);
        int digits = Math.Max(4, CountDigits(absolute));
        for (int i = digits - 1; i >= 0; i--)
        {
            span[n + i] = (byte)('0' + (int)(absolute % 10));
            absolute /= 10;
        }
        n += digits;
        span[n++] = (byte)'-';
        n += Two(span[n..], month);
        span[n++] = (byte)'-';
        n += Two(span[n..], day);
        return n;
    }

    private static int CountDigits(ulong v)
    {
        int d = 1;
        while (v >= 10)
        {
            v /= 10;
            d++;
        }
        return d;
    }

    private static int Two(Span<byte> span, int v)
    {
        span[0] = (byte)('0' + (v / 10));
        span[1] = (byte)('0' + (v % 10));
        return 2;
    }
}
