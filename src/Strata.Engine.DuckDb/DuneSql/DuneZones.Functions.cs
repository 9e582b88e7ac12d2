using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using Strata.Core.Results;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The functions that keep a zone's type, as Trino's do for a <c>timestamp with time zone</c>: <c>x ± interval</c>
/// (<c>dune_plus</c>/<c>dune_minus</c>, decision 100; <c>interval + x</c> too, decision 298) and <c>date_trunc</c> with a constant unit (<c>time_bucket</c>, and
/// <c>dune_time_bucket</c> for months, decision 173).
/// One overload per zone of the text; DuckDB prefers it to the wall-clock conversion (an exact match costs nothing).
/// As Trino: months are added to the wall clock in the zone (day clamped to the month's end), days and smaller units to
/// the instant (a day is 24 hours), and truncation truncates the wall clock; a wall clock is made an instant again with
/// the offset the value had where it still applies (Joda's rule), else the zone's, and a time in a gap moves forward.
/// </summary>
public static unsafe partial class DuneZones
{
    private enum Operation : byte { Plus, Minus, Bucket, Difference, DateDiff, DateDiffToInstant, OffsetHour, OffsetMinute, At, Wall, IsoOffset, ParsedOffset, PlusIntervalFirst }

    private const long MicrosPerDay = 86_400_000_000L;

    private static void AddFunctions(Dictionary<string, List<IntPtr>> pending, ZoneTags tags, Func<IntPtr> zoneType, Zone? zone)
    {
        (string, Operation)[] overloads =
        [
            ("dune_plus", Operation.Plus), ("dune_minus", Operation.Minus), ("+", Operation.Plus), ("-", Operation.Minus), ("+", Operation.PlusIntervalFirst),
            ("time_bucket", Operation.Bucket), (DuneTimeTruncation.MonthsFunction, Operation.Bucket), ("-", Operation.Difference), ("date_sub", Operation.DateDiff),
            ("date_sub", Operation.DateDiffToInstant),
            ("timezone_hour", Operation.OffsetHour), ("timezone_minute", Operation.OffsetMinute),
        ];
        foreach (var (name, operation) in overloads)
        {
            var (parameters, result) = Signature(operation);
            // date_diff(unit, zoned, utc) counts on the first argument's zone, as Trino's: its second parameter is
            // DuckDB's own TIMESTAMPTZ (an exact match, so DuckDB's UTC overload is not taken).
            var types = parameters.Select((parameter, p) => parameter == DuckDBType.TimestampTz && !(operation == Operation.DateDiffToInstant && p == 2)
                ? zoneType : () => DuneNative.CreateType((int)parameter)).ToArray();
            AddOverload(pending, name, operation, tags, zone, types, result == DuckDBType.TimestampTz ? zoneType : () => DuneNative.CreateType((int)result));
        }
    }

    /// <summary>date_diff (DuckDB's date_sub) and <c>-</c> of a value of zone <paramref name="from"/> and one of zone
    /// <paramref name="to"/>: an exact overload (no conversion to pick between the zones' own), on the first zone's calendar.</summary>
    private static void AddPairFunctions(Dictionary<string, List<IntPtr>> pending, ZoneTags tags, string from, Zone fromZone, string to)
    {
        AddOverload(pending, "date_sub", Operation.DateDiff, tags, fromZone,
            [() => DuneNative.CreateType((int)DuckDBType.Varchar), () => ZoneType(from), () => ZoneType(to)], () => DuneNative.CreateType((int)DuckDBType.BigInt));
        AddOverload(pending, "-", Operation.Difference, tags, fromZone, [() => ZoneType(from), () => ZoneType(to)],
            () => DuneNative.CreateType((int)DuckDBType.Interval));
    }

    private static void AddOverload(Dictionary<string, List<IntPtr>> pending, string name, Operation operation, ZoneTags tags, Zone? zone,
        Func<IntPtr>[] parameters, Func<IntPtr> result, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> wideBody = null)
    {
        IntPtr function = DuneNative.CreateScalar();
        if (!pending.TryGetValue(name, out var list))
        {
            pending[name] = list = [];
        }
        list.Add(function);
        DuneNative.ScalarName(function, name);
        foreach (var parameter in parameters)
        {
            IntPtr type = parameter();
            DuneNative.ScalarParameter(function, type);
            DuneNative.DestroyType(ref type);
        }
        IntPtr returned = result();
        DuneNative.ScalarReturn(function, returned);
        DuneNative.DestroyType(ref returned);
        DuneNative.ScalarBody(function, wideBody != null ? wideBody : operation is Operation.DateDiff or Operation.DateDiffToInstant ? &DateDiffRows
            : operation is Operation.OffsetHour or Operation.OffsetMinute ? &OffsetRows
            : operation is Operation.At or Operation.Wall or Operation.IsoOffset or Operation.ParsedOffset ? &ZoneOfRowRows : &FunctionRows);
        // A zone per row with nanoseconds (its _at/_wall/_offset read TIMESTAMP_NS and give dune_tzv9): ZoneCall.Wide.
        bool wide = wideBody == null && parameters.Length > 0 && name.StartsWith(PerValueNanosType + "_", StringComparison.Ordinal);
        DuneNative.ScalarExtra(function, Extra(new ZoneCall((byte)operation, zone, 0, tags, wide)), FreeCallback);
    }

    /// <summary>An overload's parameters and result; TimestampTz stands for the zone's own type.</summary>
    private static (DuckDBType[] Parameters, DuckDBType Result) Signature(Operation operation) => operation switch
    {
        Operation.Bucket or Operation.PlusIntervalFirst => ([DuckDBType.Interval, DuckDBType.TimestampTz], DuckDBType.TimestampTz),
        Operation.Difference => ([DuckDBType.TimestampTz, DuckDBType.TimestampTz], DuckDBType.Interval),
        Operation.DateDiff or Operation.DateDiffToInstant => ([DuckDBType.Varchar, DuckDBType.TimestampTz, DuckDBType.TimestampTz], DuckDBType.BigInt),
        Operation.OffsetHour or Operation.OffsetMinute => ([DuckDBType.TimestampTz], DuckDBType.BigInt),
        _ => ([DuckDBType.TimestampTz, DuckDBType.Interval], DuckDBType.TimestampTz),
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FunctionRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(DuneNative.ScalarGetExtra(info));
            var operation = (Operation)call.Kind;
            var fixedZone = call.Fixed;
            ulong rows = DuneNative.ChunkSize(input);
            int timeArgument = operation is Operation.Bucket or Operation.PlusIntervalFirst ? 1 : 0;
            IntPtr t = DuneNative.ChunkVector(input, (ulong)timeArgument), v = DuneNative.ChunkVector(input, (ulong)(1 - timeArgument));
            long* times = (long*)DuneNative.Data(t);
            if (operation == Operation.Difference)
            {
                Differences(rows, times, t, v, output, fixedZone is null ? call.Tags : null);
                return;
            }
            var intervals = (DuneTime.Interval*)DuneNative.Data(v);
            ulong* tValid = DuneNative.Validity(t), vValid = DuneNative.Validity(v);
            long* result = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(tValid, row) || !DuneNative.IsValid(vValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                long instant = times[row];
                DuneTime.Interval i = intervals[row];
                if (instant is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros)
                {
                    result[row] = instant;
                    continue;
                }
                var zone = fixedZone ?? Decode(call.Tags, instant, out instant);
                long computed = operation == Operation.Bucket ? Truncate(zone, instant, i)
                    : operation is Operation.Plus or Operation.PlusIntervalFirst ? Add(zone, instant, i.Months, i.Days, i.Micros)
                    : Add(zone, instant, checked(-i.Months), checked(-i.Days), checked(-i.Micros));
                result[row] = fixedZone is null ? Tagged(computed, TagIn(times[row])) : computed;
            }
        }
        catch (OverflowException)
        {
            DuneNative.ScalarSetError(info, "Out of Range Error: the timestamp is out of range");
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Failure("timestamp with time zone arithmetic", e));
        }
    }

    /// <summary><c>date_diff(unit, a, b)</c> (the translator's <c>date_sub</c>) of two values of the zone, as Trino's: units
    /// below a day count the time elapsed between the instants (a daylight-saving change shortens or lengthens the wall
    /// clock, not the hours); a day and longer units count on the zone's wall clocks (Joda's zoned fields, which Trino uses
    /// with the first argument's zone). Whole units, truncated toward zero.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DateDiffRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(DuneNative.ScalarGetExtra(info));
            var fixedZone = call.Fixed;
            bool bPerValue = fixedZone is null && (Operation)call.Kind == Operation.DateDiff;
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr u = DuneNative.ChunkVector(input, 0), a = DuneNative.ChunkVector(input, 1), b = DuneNative.ChunkVector(input, 2);
            void* units = DuneNative.Data(u);
            long* starts = (long*)DuneNative.Data(a), ends = (long*)DuneNative.Data(b);
            ulong* uValid = DuneNative.Validity(u), aValid = DuneNative.Validity(a), bValid = DuneNative.Validity(b);
            long* result = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(uValid, row) || !DuneNative.IsValid(aValid, row) || !DuneNative.IsValid(bValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                string unit = DuneNative.ReadText(units, row);
                long start = starts[row], end = ends[row];
                var zone = fixedZone ?? Decode(call.Tags, start, out start);
                if (bPerValue)
                {
                    Decode(call.Tags, end, out end);
                }
                if (DateDiff(zone, unit, start, end) is not long difference)
                {
                    DuneNative.ScalarSetError(info, $"'{unit}' is not a valid TIMESTAMP field");
                    return;
                }
                result[row] = difference;
            }
        }
        catch (OverflowException)
        {
            DuneNative.ScalarSetError(info, "Out of Range Error: the timestamp is out of range");
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Failure("date_diff of timestamps with time zone", e));
        }
    }

    /// <summary>b − a in the unit, or null for a unit Trino does not know.</summary>
    private static long? DateDiff(Zone zone, string unit, long a, long b)
    {
        long elapsedMillis = Math.DivRem(b, 1000L, out long br) - (br < 0 ? 1 : 0) - (Math.DivRem(a, 1000L, out long ar) - (ar < 0 ? 1 : 0));
        switch (unit.Trim().ToLowerInvariant())
        {
            case "millisecond": return elapsedMillis;
            case "second": return elapsedMillis / 1000;
            case "minute": return elapsedMillis / 60_000;
            case "hour": return elapsedMillis / 3_600_000;
            case "day": return (WallClock(zone, b) - WallClock(zone, a)) / MicrosPerDay;
            case "week": return (WallClock(zone, b) - WallClock(zone, a)) / (7 * MicrosPerDay);
            case "month": return Months(WallClock(zone, a), WallClock(zone, b));
            case "quarter": return Months(WallClock(zone, a), WallClock(zone, b)) / 3;
            case "year": return Months(WallClock(zone, a), WallClock(zone, b)) / 12;
            default: return null;
        }
    }

    /// <summary>Whole months from wall clock a to wall clock b (Joda's month difference: the end of a shorter month counts
    /// as a whole month when a's day of month is past it).</summary>
    private static long Months(long a, long b)
    {
        if (b < a)
        {
            return -Months(b, a);
        }
        long aDay = FloorDays(a), bDay = FloorDays(b);
        var (ay, am, ad) = DuneTime.Civil(aDay);
        var (by, bm, bd) = DuneTime.Civil(bDay);
        long difference = (by - ay) * 12L + bm - am;
        long aRest = (ad - 1) * MicrosPerDay + (a - aDay * MicrosPerDay), bRest = (bd - 1) * MicrosPerDay + (b - bDay * MicrosPerDay);
        if (DuneTime.Civil(bDay + 1).Month != bm && ad > bd)
        {
            aRest = (bd - 1) * MicrosPerDay + (a - aDay * MicrosPerDay); // b is on its month's last day, before a's day
        }
        return bRest < aRest ? difference - 1 : difference;
    }

    /// <summary><c>timezone_hour</c> and <c>timezone_minute</c> of a value of the zone: its offset from UTC at that instant,
    /// hours and the minutes past them, both with the offset's sign (Trino's).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OffsetRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(DuneNative.ScalarGetExtra(info));
            bool hours = (Operation)call.Kind == Operation.OffsetHour;
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr t = DuneNative.ChunkVector(input, 0);
            long* times = (long*)DuneNative.Data(t);
            ulong* valid = DuneNative.Validity(t);
            long* result = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                long instant = times[row];
                var zone = call.Fixed ?? Decode(call.Tags, instant, out instant);
                long minutes = (WallClock(zone, instant) - instant) / 60_000_000L;
                result[row] = hours ? minutes / 60 : minutes % 60;
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Failure("timezone_hour of a timestamp with time zone", e));
        }
    }

    /// <summary>Two values of a zone subtracted: the instants' difference, as Trino's (and DuckDB's TIMESTAMPTZ's).</summary>
    private static void Differences(ulong rows, long* left, IntPtr leftVector, IntPtr rightVector, IntPtr output, ZoneTags? perValue)
    {
        long* right = (long*)DuneNative.Data(rightVector);
        ulong* lValid = DuneNative.Validity(leftVector), rValid = DuneNative.Validity(rightVector);
        var result = (DuneTime.Interval*)DuneNative.Data(output);
        for (ulong row = 0; row < rows; row++)
        {
            if (!DuneNative.IsValid(lValid, row) || !DuneNative.IsValid(rValid, row))
            {
                DuneNative.SetNull(output, row);
                continue;
            }
            long l = left[row], r = right[row];
            if (perValue is not null)
            {
                Decode(perValue, l, out l);
                Decode(perValue, r, out r);
            }
            long micros = checked(l - r);
            result[row] = new DuneTime.Interval { Days = (int)(micros / MicrosPerDay), Micros = micros % MicrosPerDay };
        }
    }

    private static long Add(Zone zone, long instant, int months, int days, long micros)
    {
        if (months != 0)
        {
            long wall = WallClock(zone, instant);
            long day = FloorDays(wall);
            long shifted = checked(DuneTime.AddMonths(day, months) * MicrosPerDay + (wall - day * MicrosPerDay));
            instant = Instant(zone, shifted, wall - instant);
        }
        return checked(instant + days * MicrosPerDay + micros);
    }

    /// <summary>DuckDB's time_bucket of the wall clock (weeks from a Monday, months from January), made an instant again.</summary>
    private static long Truncate(Zone zone, long instant, DuneTime.Interval bucket)
    {
        long wall = WallClock(zone, instant);
        long truncated;
        if (bucket.Months > 0)
        {
            var (year, month, _) = DuneTime.Civil(FloorDays(wall));
            long index = year * 12 + month - 1;
            index -= ((index % bucket.Months) + bucket.Months) % bucket.Months;
            truncated = DuneTime.DaysFromCivil(Math.DivRem(index, 12L, out long m) - (m < 0 ? 1 : 0), (int)((m + 12) % 12) + 1, 1) * MicrosPerDay;
        }
        else
        {
            long width = checked(bucket.Days * MicrosPerDay + bucket.Micros);
            if (width <= 0)
            {
                return instant;
            }
            // DuckDB's origin for buckets without months: Monday 2000-01-03 (a week written in hours counts from it too).
            const long origin = 10_959 * MicrosPerDay;
            long offset = wall - origin;
            truncated = wall - (((offset % width) + width) % width);
        }
        return Instant(zone, truncated, wall - instant);
    }

    /// <summary>The instant whose wall clock in the zone is <paramref name="wall"/>: with the offset the value had where it
    /// still applies, else the zone's; a wall clock in a gap (spring forward) moves forward by the gap.</summary>
    private static long Instant(Zone zone, long wall, long previousOffset)
    {
        if (zone.Rules is null)
        {
            return wall - zone.FixedOffsetMicros;
        }
        long guess = wall - previousOffset;
        if (WallClock(zone, guess) == wall)
        {
            return guess;
        }
        long offset = WallClock(zone, wall) - wall;
        long candidate = wall - offset;
        if (WallClock(zone, candidate) == wall)
        {
            return candidate;
        }
        long before = WallClock(zone, candidate - 6 * 3_600_000_000L) - (candidate - 6 * 3_600_000_000L);
        return wall - before;
    }
}
