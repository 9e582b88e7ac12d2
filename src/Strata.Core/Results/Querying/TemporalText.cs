namespace Strata.Core.Results.Querying;

/// <summary>Strict parsing of the text of TIMESTAMP and DATE literals.</summary>
internal static class TemporalText
{
    /// <summary><c>YYYY-MM-DD</c>, years 0001-9999.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        var s = text.AsSpan().Trim(' ');
        if (s.Length != 10 || !TryDate(s, out var year, out var month, out var day))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// <c>YYYY-MM-DD</c>, optionally followed by <c>[ T]HH:MM[:SS[.f{1,9}]]</c>, optionally followed by a zone
    /// (<c>UTC</c>, <c>Z</c>, <c>+HH</c>, <c>+HH:MM</c>, <c>+HHMM</c>, with or without a space before it).
    /// The result is in UTC (an offset is applied): <paramref name="value"/> to the microsecond, and the nanoseconds past it
    /// (the seventh to ninth fractional digits, a <c>timestamp(9)</c>'s) in <paramref name="nanoseconds"/>.
    /// </summary>
    public static bool TryParseTimestamp(string text, out DateTime value, out int nanoseconds)
    {
        value = default;
        nanoseconds = 0;
        var s = text.AsSpan().Trim(' ');
        if (s.Length < 10 || !TryDate(s[..10], out var year, out var month, out var day))
        {
            return false;
        }
        long ticks = new DateOnly(year, month, day).DayNumber * TimeSpan.TicksPerDay;
        var i = 10;
        if (i < s.Length && s[i] is ' ' or 'T' or 't' && i + 1 < s.Length && IsDigit(s[i + 1]))
        {
            i++;
            if (!TryTwoDigits(s, i, 23, out var hour) || !At(s, i + 2, ':') || !TryTwoDigits(s, i + 3, 59, out var minute))
            {
                return false;
            }
            ticks += (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
            i += 5;
            if (At(s, i, ':'))
            {
                if (!TryTwoDigits(s, i + 1, 59, out var second))
                {
                    return false;
                }
                ticks += second * TimeSpan.TicksPerSecond;
                i += 3;
                if (At(s, i, '.'))
                {
                    i++;
                    var digits = 0;
                    long fraction = 0;
                    while (i < s.Length && IsDigit(s[i]))
                    {
                        if (++digits > 9)
                        {
                            return false;
                        }
                        fraction = (fraction * 10) + (s[i] - '0');
                        i++;
                    }
                    if (digits == 0)
                    {
                        return false;
                    }
                    for (var d = digits; d < 9; d++)
                    {
                        fraction *= 10;
                    }
                    // fraction is in nanoseconds: whole microseconds as ticks, the rest apart.
                    ticks += fraction / 1000 * 10;
                    nanoseconds = (int)(fraction % 1000);
                }
            }
        }
        var zone = s[i..].TrimStart(' ');
        if (zone.Length > 0)
        {
            if (!TryZone(zone, out var offsetTicks))
            {
                return false;
            }
            ticks -= offsetTicks;
        }
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        value = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool TryZone(ReadOnlySpan<char> zone, out long offsetTicks)
    {
        offsetTicks = 0;
        if (zone is "Z" or "z" || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (zone[0] is not ('+' or '-') || !TryTwoDigits(zone, 1, 23, out var hours))
        {
            return false;
        }
        var rest = zone[3..];
        var minutes = 0;
        if (rest.Length == 3 && rest[0] == ':' && TryTwoDigits(rest, 1, 59, out var m1))
        {
            minutes = m1;
        }
        else if (rest.Length == 2 && TryTwoDigits(rest, 0, 59, out var m2))
        {
            minutes = m2;
        }
        else if (rest.Length != 0)
        {
            return false;
        }
        offsetTicks = ((hours * TimeSpan.TicksPerHour) + (minutes * TimeSpan.TicksPerMinute)) * (zone[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryDate(ReadOnlySpan<char> s, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }
        for (var i = 0; i < 4; i++)
        {
            if (!IsDigit(s[i]))
            {
                return false;
            }
            year = (year * 10) + (s[i] - '0');
        }
        return year >= 1
            && TryTwoDigits(s, 5, 12, out month) && month >= 1
            && TryTwoDigits(s, 8, 31, out day) && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TryTwoDigits(ReadOnlySpan<char> s, int at, int max, out int value)
    {
        value = 0;
        if (at + 2 > s.Length || !IsDigit(s[at]) || !IsDigit(s[at + 1]))
        {
            return false;
        }
        value = ((s[at] - '0') * 10) + (s[at + 1] - '0');
        return value <= max;
    }

    private static bool At(ReadOnlySpan<char> s, int at, char c) => at < s.Length && s[at] == c;

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
