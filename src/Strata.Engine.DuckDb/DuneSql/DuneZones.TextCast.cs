using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_text_instant(text, p)</c> and <c>dune_try_text_instant(text, p)</c>: a text cast to <c>timestamp(p) with time
/// zone</c> (p up to 6) as Trino's VarcharToTimestampWithTimeZoneCast reads it, the instant as DuckDB's TIMESTAMPTZ
/// (decision 298). The trimmed text must match DateTimes.DATETIME_PATTERN (<see cref="DuneTimestampLiteral"/>: a date
/// <c>[-+]yyyy-M-d</c>, then after one space an optional time <c>H:m[:s[.f…]]</c> and an optional zone); the zone is read
/// as Java's <c>ZoneId.of</c> reads it (<c>Z</c>; an offset <c>±h</c>, <c>±hh</c>, <c>±hhmm</c>, <c>±hh:mm</c>,
/// <c>±hhmmss</c>, <c>±hh:mm:ss</c> within ±18:00; <c>UTC</c>/<c>GMT</c>/<c>UT</c> with or without such an offset; a
/// region id, case as the database spells it), and an offset must then have a Trino zone key (whole minutes within
/// ±14:00, as <see cref="Canonical"/>); a text without a zone is in the session zone, UTC. The date and time are checked as
/// <c>ZonedDateTime.of</c> checks them; a wall clock in a gap moves forward by the gap, one in an overlap takes the earlier
/// offset. The fraction is rounded half up to p digits from all its digits (Trino's round, then rescale). A text that
/// does not read fails as Trino words it, "Value cannot be cast to timestamp: " and the text; the try form is NULL then.
/// </summary>
public static unsafe partial class DuneZones
{
    internal const string TextInstant = "dune_text_instant", TryTextInstant = "dune_try_text_instant";

    /// <summary>The years DuckDB's TIMESTAMPTZ holds whole (Trino's reach further: such a text is refused by name).</summary>
    private const int TextYearMin = -290307, TextYearMax = 294246;

    internal static bool ReadsText(string translatedSql) => translatedSql.Contains(TextInstant + "(", StringComparison.Ordinal)
        || translatedSql.Contains(TryTextInstant + "(", StringComparison.Ordinal);

    /// <summary>Adds both functions (VARCHAR, INTEGER → TIMESTAMPTZ) to the function sets about to be registered.</summary>
    internal static void AddTextReaders(Dictionary<string, List<IntPtr>> pending)
    {
        foreach (var (name, isTry) in new[] { (TextInstant, false), (TryTextInstant, true) })
        {
            IntPtr function = DuneNative.CreateScalar();
            pending[name] = [function];
            DuneNative.ScalarName(function, name);
            IntPtr text = DuneNative.CreateType((int)DuckDBType.Varchar), digits = DuneNative.CreateType((int)DuckDBType.Integer);
            IntPtr instant = DuneNative.CreateType((int)DuckDBType.TimestampTz);
            DuneNative.ScalarParameter(function, text);
            DuneNative.ScalarParameter(function, digits);
            DuneNative.ScalarReturn(function, instant);
            DuneNative.DestroyType(ref text);
            DuneNative.DestroyType(ref digits);
            DuneNative.DestroyType(ref instant);
            DuneNative.ScalarBody(function, &TextRows);
            DuneNative.ScalarExtra(function, isTry ? 1 : 0, IntPtr.Zero);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TextRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            bool isTry = DuneNative.ScalarGetExtra(info) != 0;
            ulong* valid = DuneNative.ValidRows(input, output, arguments: 2, out ulong rows);
            void* texts = DuneNative.Data(DuneNative.ChunkVector(input, 0));
            var digits = (int*)DuneNative.Data(DuneNative.ChunkVector(input, 1));
            var result = (long*)DuneNative.Data(output);
            var zones = new Dictionary<string, Zone?>(StringComparer.Ordinal);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    continue;
                }
                string text = DuneNative.ReadText(texts, row);
                switch (ReadZonedText(text, Math.Clamp(digits[row], 0, 6), zones, out long micros))
                {
                    case TextRead.Read:
                        result[row] = micros;
                        break;
                    case TextRead.Unread when isTry:
                        DuneNative.SetNull(output, row);
                        break;
                    case TextRead.Unread:
                        DuneNative.ScalarSetError(info, "Value cannot be cast to timestamp: " + text);
                        return;
                    default:
                        DuneNative.ScalarSetError(info, $"Value cannot be cast to timestamp: {text} (a timestamp with time zone holds the years "
                            + $"{TextYearMin} to {TextYearMax} here)");
                        return;
                }
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Failure("a cast of text to timestamp with time zone", e));
        }
    }

    private enum TextRead : byte { Read, Unread, OutOfRange }

    /// <summary>The instant (microseconds since the epoch) of a text as Trino's cast reads it at p digits.</summary>
    private static TextRead ReadZonedText(string text, int precision, Dictionary<string, Zone?> zones, out long micros)
    {
        micros = 0;
        if (DuneTimestampLiteral.Parse(text.Trim()) is not { } parts)
        {
            return TextRead.Unread;
        }
        Zone? zone = Utc;
        if (parts.Zone is string id && !zones.TryGetValue(id, out zone))
        {
            zones[id] = zone = ZoneOfText(id);
        }
        string date = parts.Date;
        int firstDash = date.IndexOf('-', 1), secondDash = date.IndexOf('-', firstDash + 1);
        if (zone is null || !int.TryParse(date.AsSpan(0, firstDash), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int year))
        {
            return TextRead.Unread;
        }
        int month = Number(date[(firstDash + 1)..secondDash]), day = Number(date[(secondDash + 1)..]);
        int hour = Number(parts.Hour), minute = Number(parts.Minute), second = Number(parts.Second);
        if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || parts.Fraction is { Length: > 18 })
        {
            return TextRead.Unread; // ZonedDateTime.of's DateTimeException; Long.parseLong of the fraction
        }
        if (year is < TextYearMin or > TextYearMax)
        {
            return TextRead.OutOfRange;
        }
        long wall = DuneTime.DaysFromCivil(year, month, day) * MicrosPerDay + ((hour * 60L + minute) * 60L + second) * 1_000_000L;
        long before = zone.Rules is null ? zone.FixedOffsetMicros : WallClock(zone, wall - MicrosPerDay) - (wall - MicrosPerDay);
        micros = Instant(zone, wall, before) + FractionMicros(parts.Fraction, precision);
        return TextRead.Read;
    }

    private static int Number(string? digits) => digits is null ? 0 : int.Parse(digits, CultureInfo.InvariantCulture);

    private static int DaysInMonth(int year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month is 4 or 6 or 9 or 11 ? 30 : 31;

    /// <summary>The fraction rounded half up to p digits (the first digit dropped decides), in microseconds; a carry
    /// makes a whole second.</summary>
    private static long FractionMicros(string? fraction, int precision)
    {
        if (string.IsNullOrEmpty(fraction))
        {
            return 0;
        }
        string kept = fraction.Length > precision ? fraction[..precision] : fraction;
        long value = kept.Length == 0 ? 0 : long.Parse(kept, CultureInfo.InvariantCulture);
        if (fraction.Length > precision && fraction[precision] >= '5')
        {
            value++;
        }
        for (int d = kept.Length; d < 6; d++)
        {
            value *= 10;
        }
        return value;
    }

    /// <summary>The zone Java's <c>ZoneId.of</c> reads and Trino then keys, or null when either refuses it.</summary>
    private static Zone? ZoneOfText(string id)
    {
        if (id == "Z")
        {
            return Utc;
        }
        if (id[0] is '+' or '-')
        {
            return FixedZone(JavaOffsetSeconds(id));
        }
        foreach (string prefix in new[] { "UTC", "GMT", "UT" })
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal) && (id.Length == prefix.Length || id[prefix.Length] is '+' or '-'))
            {
                return id.Length == prefix.Length ? Utc : FixedZone(JavaOffsetSeconds(id[prefix.Length..]));
            }
        }
        // A region id, spelt as the database spells it (Java's ZoneRulesProvider is case-sensitive; .NET's cache is not).
        return id.Length <= 64 && id.AsSpan().IndexOfAny(".:~") < 0 && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var rules) && string.Equals(rules.Id, id, StringComparison.Ordinal)
            ? new Zone(id, rules, 0) : null;
    }

    /// <summary>An offset's zone when Trino keys it (whole minutes, within ±14:00), else null.</summary>
    private static Zone? FixedZone(int? seconds) =>
        seconds is int s && s % 60 == 0 && Math.Abs(s) <= 14 * 3600 ? new Zone("offset", null, s * 1_000_000L) : null;

    /// <summary>Java's <c>ZoneOffset.of</c>: <c>±h</c>, <c>±hh</c>, <c>±hhmm</c>, <c>±hh:mm</c>, <c>±hhmmss</c>,
    /// <c>±hh:mm:ss</c>, minutes and seconds below 60, within ±18:00; the offset in seconds, or null.</summary>
    private static int? JavaOffsetSeconds(string offset)
    {
        string o = offset.Length == 2 ? offset[0] + "0" + offset[1] : offset;
        if (o.Length is not (3 or 5 or 6 or 7 or 9) || o[0] is not ('+' or '-'))
        {
            return null;
        }
        bool colons = o.Length is 6 or 9;
        int? Field(int at) => at + 2 <= o.Length && char.IsAsciiDigit(o[at]) && char.IsAsciiDigit(o[at + 1]) ? (o[at] - '0') * 10 + (o[at + 1] - '0') : null;
        int? hours = Field(1);
        int? minutes = o.Length == 3 ? 0 : colons ? (o[3] == ':' ? Field(4) : null) : Field(3);
        int? seconds = o.Length is 3 or 5 or 6 ? 0 : colons ? (o[6] == ':' ? Field(7) : null) : Field(5);
        if (hours is not int h || minutes is not int m || seconds is not int s || h > 18 || m > 59 || s > 59 || h == 18 && (m | s) != 0)
        {
            return null;
        }
        return (o[0] == '-' ? -1 : 1) * (h * 3600 + m * 60 + s);
    }
}
