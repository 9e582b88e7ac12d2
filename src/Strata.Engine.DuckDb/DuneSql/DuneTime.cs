using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>x + interval</c> and <c>x - interval</c> as native DuckDB functions <c>dune_plus</c>/<c>dune_minus</c>: one
/// overload per left operand type (date, time, time with time zone, timestamp of every precision, timestamp with time zone,
/// interval), each returning its left operand's type, as Trino's DateTimeOperators do. DuckDB picks the overload when it
/// binds the call, after its arguments are bound, so the left operand may be anything (an aggregate, a window, a correlated
/// column, a lambda parameter); a typed macro was picked before that and failed on those (decision 94).
/// <list type="bullet">
/// <item>A date plus whole days or months is a date; with hours, minutes or seconds it fails with Trino's message.</item>
/// <item>Months are added first, the day clamped to the month's end (Jan 31 + 1 month is Feb 29), then days, then the rest.</item>
/// <item>A time (with or without a zone) wraps around midnight; its days and months are ignored, as Trino's time + interval.</item>
/// </list>
/// Timestamps with time zone are instants in the session zone (UTC, as Dune's), so a day is 24 hours.
/// </summary>
public static unsafe class DuneTime
{
    private const long MicrosPerDay = 86_400_000_000L;

    /// <summary>The left operand types, in the order of <see cref="Types"/>.</summary>
    private enum Left : byte { Date, Time, TimeTz, Timestamp, TimestampMs, TimestampS, TimestampNs, TimestampTz, Interval }

    private static readonly DuckDBType[] Types =
    [
        DuckDBType.Date, DuckDBType.Time, DuckDBType.TimeTz, DuckDBType.Timestamp, DuckDBType.TimestampMs, DuckDBType.TimestampS,
        DuckDBType.TimestampNs, DuckDBType.TimestampTz, DuckDBType.Interval,
    ];

    /// <summary>Trino's <c>*_nanos</c> parsers, a <c>timestamp(9) with time zone</c> in Trino. <c>from_unixtime_nanos</c>
    /// is the timestamp(9) of its nanoseconds (DuckDB's TIMESTAMP_NS, which holds every bigint of nanoseconds): exact, and
    /// shown as Trino shows it in UTC (<c>2023-11-14 22:13:20.123456789 UTC</c>); DuckDB has no zoned nanosecond type, so
    /// it is named <c>timestamp(9)</c> and its own text (a cast to varchar) has no zone (decision 201). The ISO parser
    /// keeps the instant to the microsecond in its zone (timestamps with time zone hold microseconds).</summary>
    /// <summary>The nanoseconds since the epoch a TIMESTAMP_NS holds (DuckDB reserves the bigint's ends).</summary>
    internal const string NanosFloor = "-9223372036854775806", NanosCeiling = "9223372036854775806";

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        // DuckDB's TIMESTAMP_NS keeps the bigint's two ends (and one more below) for its infinities: those, and a decimal
        // past a bigint, are refused by name rather than with DuckDB's conversion text (Trino answers the ends).
        yield return new(("from_unixtime_nanos", 1), "(CASE WHEN $1 IS NOT NULL AND NOT coalesce(TRY_CAST($1 AS BIGINT) BETWEEN "
            + NanosFloor + " AND " + NanosCeiling + ", false) THEN error('from_unixtime_nanos: ' || CAST($1 AS VARCHAR) || "
            + "' nanoseconds is outside the range Strata holds (" + NanosFloor + " to " + NanosCeiling + ")') "
            + "ELSE make_timestamp_ns(CAST($1 AS BIGINT)) END)");
        // Trino's timestamp(9) with time zone (datetime.md: 2020-05-11 11:15:05.123456789 +01:00): the instant to the
        // nanosecond, held as from_unixtime_nanos' value is (a zoneless TIMESTAMP_NS in UTC; DuckDB's text cast applies the
        // offset). A constant text with an offset other than zero keeps it as its zone (DuneSqlTranslator.Zones.cs).
        yield return new(("from_iso8601_timestamp_nanos", 1), "CAST($1 AS TIMESTAMP_NS)");
    }

    /// <summary>Whether a translated text calls the functions or truncates a timestamp (the sandbox registers them only then).</summary>
    public static bool UsedBy(string translatedSql) => AddsIntervals(translatedSql) || DuneTimeTruncation.UsedBy(translatedSql)
        || DuneInstantNanos.UsedBy(translatedSql) || DuneInstantKey.UsedBy(translatedSql) || DuneWallClock.UsedBy(translatedSql)
        || DuneZones.ReadsText(translatedSql);

    private static bool AddsIntervals(string translatedSql) => translatedSql.Contains("dune_plus(", StringComparison.Ordinal)
        || translatedSql.Contains("dune_minus(", StringComparison.Ordinal) || translatedSql.Contains("date_add(", StringComparison.OrdinalIgnoreCase);

    /// <summary>Registers dune_plus and dune_minus, the timestamp(9) truncations (<see cref="DuneTimeTruncation"/>),
    /// <see cref="DuneWallClock"/> and <see cref="DuneInstantNanos"/> on the connection's database (definitions, made before the lock): those
    /// <paramref name="translatedSql"/> uses, or all.</summary>
    public static void Register(DuckDBConnection connection, string? translatedSql = null)
    {
        var pending = new Dictionary<string, List<IntPtr>>(StringComparer.Ordinal);
        if (translatedSql is null || DuneTimeTruncation.UsedBy(translatedSql))
        {
            DuneTimeTruncation.AddOverloads(pending);
        }
        if (translatedSql is null || DuneInstantNanos.UsedBy(translatedSql))
        {
            DuneInstantNanos.AddOverload(pending);
        }
        if (translatedSql is null || DuneInstantKey.UsedBy(translatedSql))
        {
            DuneInstantKey.AddOverload(pending);
        }
        if (translatedSql is null || DuneZones.ReadsText(translatedSql))
        {
            DuneZones.AddTextReaders(pending);
        }
        if (translatedSql is null || DuneWallClock.UsedBy(translatedSql))
        {
            DuneWallClock.AddOverloads(pending);
        }
        if (translatedSql is not null && !AddsIntervals(translatedSql))
        {
            DuneInt256.RegisterSets(connection.NativeConnection.DangerousGetHandle(), pending);
            return;
        }
        foreach (var (name, negate) in new[] { ("dune_plus", false), ("dune_minus", true) })
        {
            pending[name] = [];
            for (int left = 0; left < Types.Length; left++)
            {
                IntPtr function = DuneNative.CreateScalar();
                pending[name].Add(function);
                DuneNative.ScalarName(function, name);
                IntPtr type = DuneNative.CreateType((int)Types[left]);
                IntPtr interval = DuneNative.CreateType((int)DuckDBType.Interval);
                DuneNative.ScalarParameter(function, type);
                DuneNative.ScalarParameter(function, interval);
                DuneNative.ScalarReturn(function, type);
                DuneNative.DestroyType(ref type);
                DuneNative.DestroyType(ref interval);
                DuneNative.ScalarBody(function, &Rows);
                DuneNative.ScalarExtra(function, left | (negate ? 0x100 : 0), IntPtr.Zero);
            }
        }
        pending["dune_minus"].AddRange(DuneDateDifference.Overloads()); // date - date: Trino's interval
        DuneInt256.RegisterSets(connection.NativeConnection.DangerousGetHandle(), pending);
    }

    /// <summary>DuckDB's interval: months, days and microseconds, each applied on its own.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Interval
    {
        public int Months;
        public int Days;
        public long Micros;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        int extra = (int)DuneNative.ScalarGetExtra(info);
        var left = (Left)(extra & 0xff);
        bool negate = (extra & 0x100) != 0;
        try
        {
            ulong* valid = DuneNative.ValidRows(input, output, arguments: 2, out ulong rows);
            void* aData = DuneNative.Data(DuneNative.ChunkVector(input, 0));
            var bData = (Interval*)DuneNative.Data(DuneNative.ChunkVector(input, 1));
            void* result = DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    continue;
                }
                Interval i = bData[row];
                if (negate)
                {
                    i = new Interval { Months = checked(-i.Months), Days = checked(-i.Days), Micros = checked(-i.Micros) };
                }
                switch (left)
                {
                    case Left.Date:
                        ((int*)result)[row] = AddToDate(((int*)aData)[row], i, negate);
                        break;
                    case Left.Time:
                        ((long*)result)[row] = AddToTime(((long*)aData)[row], i);
                        break;
                    case Left.TimeTz:
                        // dtime_tz_t: the microseconds of the day above 24 bits of encoded offset, which is kept.
                        ulong bits = ((ulong*)aData)[row];
                        ((ulong*)result)[row] = ((ulong)AddToTime((long)(bits >> 24), i) << 24) | (bits & 0xFFFFFF);
                        break;
                    case Left.Interval:
                        Interval x = ((Interval*)aData)[row];
                        ((Interval*)result)[row] = new Interval
                        {
                            Months = checked(x.Months + i.Months), Days = checked(x.Days + i.Days), Micros = checked(x.Micros + i.Micros),
                        };
                        break;
                    default:
                        ((long*)result)[row] = AddToTimestamp(((long*)aData)[row], i, left);
                        break;
                }
            }
        }
        catch (OverflowException)
        {
            DuneNative.ScalarSetError(info, "Out of Range Error: the date or time is out of range after adding the interval");
        }
        catch (DateArithmeticException e)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "date/time arithmetic failed: " + e.GetType().Name);
        }
    }

    private sealed class DateArithmeticException(string message) : Exception(message);

    /// <summary>Trino's date ± interval: whole days (24 hours count as a day) and months; a time of day fails.</summary>
    private static int AddToDate(int days, Interval i, bool negate)
    {
        if (days is int.MaxValue or -int.MaxValue)
        {
            return days; // infinity
        }
        long span = checked(i.Days * MicrosPerDay + i.Micros);
        if (span % MicrosPerDay != 0)
        {
            throw new DateArithmeticException(negate ? "Cannot subtract hour, minutes or seconds from a date" : "Cannot add hour, minutes or seconds to a date");
        }
        long shifted = i.Months == 0 ? days : AddMonths(days, i.Months);
        return checked((int)(shifted + span / MicrosPerDay));
    }

    private static long AddToTime(long micros, Interval i)
    {
        long r = (micros + i.Micros % MicrosPerDay) % MicrosPerDay;
        return r < 0 ? r + MicrosPerDay : r;
    }

    /// <summary>A timestamp (ticks of its precision since the epoch) plus months, days and microseconds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long AddToTimestamp(long value, Interval i, Left left)
    {
        if (value is long.MaxValue or -long.MaxValue)
        {
            return value; // infinity
        }
        long perDay = left switch
        {
            Left.TimestampMs => MicrosPerDay / 1000,
            Left.TimestampS => MicrosPerDay / 1_000_000,
            Left.TimestampNs => MicrosPerDay * 1000,
            _ => MicrosPerDay,
        };
        if (i.Months != 0)
        {
            long day = Math.DivRem(value, perDay, out long timeOfDay);
            if (timeOfDay < 0)
            {
                day--;
                timeOfDay += perDay;
            }
            value = checked(AddMonths(day, i.Months) * perDay + timeOfDay);
        }
        long rest = left switch
        {
            Left.TimestampMs => Math.DivRem(i.Micros, 1000L).Quotient,
            Left.TimestampS => Math.DivRem(i.Micros, 1_000_000L).Quotient,
            Left.TimestampNs => checked(i.Micros * 1000),
            _ => i.Micros,
        };
        return checked(value + i.Days * perDay + rest);
    }

    /// <summary>Days since the epoch plus months, the day of the month clamped to the new month's length.</summary>
    internal static long AddMonths(long days, int months)
    {
        var (year, month, day) = Civil(days);
        long index = checked(year * 12 + (month - 1) + months);
        long newYear = Math.DivRem(index, 12L, out long m0);
        if (m0 < 0)
        {
            m0 += 12;
            newYear--;
        }
        int newMonth = (int)m0 + 1;
        return DaysFromCivil(newYear, newMonth, Math.Min(day, DaysInMonth(newYear, newMonth)));
    }

    private static int DaysInMonth(long year, int month) => month == 2
        ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28)
        : month is 4 or 6 or 9 or 11 ? 30 : 31;

    /// <summary>The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).</summary>
    internal static (long Year, int Month, int Day) Civil(long days)
    {
        long z = days + 719468;
        long era = (z >= 0 ? z : z - 146096) / 146097;
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int)(doy - (153 * mp + 2) / 5 + 1);
        int m = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
    }

    internal static long DaysFromCivil(long year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
