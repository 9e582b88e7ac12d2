using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using Strata.Core.Results;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The functions of <see cref="PerValueNanosType"/> that keep the value's zone, as <c>dune_tzv</c>'s do
/// (DuneZones.Functions.cs, whose arithmetic they call on the microseconds): <c>x ± interval</c> and date_trunc keep the
/// nanoseconds below the microsecond (date_trunc's units are a millisecond or longer, so it drops them), <c>-</c> of two
/// values is the instants' difference, date_diff counts on the first value's calendar, timezone_hour/minute read the offset.
/// </summary>
public static unsafe partial class DuneZones
{
    private static void AddWideFunctions(Dictionary<string, List<IntPtr>> pending, ZoneTags tags)
    {
        Func<IntPtr> wide = PerValueNanosTypeHandle, interval = () => DuneNative.CreateType((int)DuckDBType.Interval);
        Func<IntPtr> bigint = () => DuneNative.CreateType((int)DuckDBType.BigInt), varchar = () => DuneNative.CreateType((int)DuckDBType.Varchar);
        foreach (var (name, operation) in new[] { ("dune_plus", Operation.Plus), ("dune_minus", Operation.Minus), ("+", Operation.Plus), ("-", Operation.Minus) })
        {
            AddOverload(pending, name, operation, tags, null, [wide, interval], wide, wideBody: &WideArithmeticRows);
        }
        // Trino's interval + timestamp with time zone is the sum the other way round (the zone kept).
        AddOverload(pending, "+", Operation.PlusIntervalFirst, tags, null, [interval, wide], wide, wideBody: &WideArithmeticRows);
        AddOverload(pending, "time_bucket", Operation.Bucket, tags, null, [interval, wide], wide, wideBody: &WideArithmeticRows);
        AddOverload(pending, DuneTimeTruncation.MonthsFunction, Operation.Bucket, tags, null, [interval, wide], wide, wideBody: &WideArithmeticRows);
        AddOverload(pending, "-", Operation.Difference, tags, null, [wide, wide], interval, wideBody: &WideDifferenceRows);
        AddOverload(pending, "date_sub", Operation.DateDiff, tags, null, [varchar, wide, wide], bigint, wideBody: &WideDateDiffRows);
        AddOverload(pending, "timezone_hour", Operation.OffsetHour, tags, null, [wide], bigint, wideBody: &WideOffsetRows);
        AddOverload(pending, "timezone_minute", Operation.OffsetMinute, tags, null, [wide], bigint, wideBody: &WideOffsetRows);
    }

    /// <summary>A stored value's zone, instant (microseconds) and the nanoseconds below.</summary>
    private static Zone DecodeWide(ZoneTags tags, Int128 value, out long micros, out int belowMicro)
    {
        micros = Narrow(value, out belowMicro, out int tag);
        return tag == 0 ? Utc : tags.ZoneAt(tag);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void WideArithmeticRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(DuneNative.ScalarGetExtra(info));
            var operation = (Operation)call.Kind;
            ulong rows = DuneNative.ChunkSize(input);
            int timeArgument = operation is Operation.Bucket or Operation.PlusIntervalFirst ? 1 : 0;
            IntPtr t = DuneNative.ChunkVector(input, (ulong)timeArgument), v = DuneNative.ChunkVector(input, (ulong)(1 - timeArgument));
            var times = (Int128*)DuneNative.Data(t);
            var intervals = (DuneTime.Interval*)DuneNative.Data(v);
            ulong* tValid = DuneNative.Validity(t), vValid = DuneNative.Validity(v);
            var result = (Int128*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(tValid, row) || !DuneNative.IsValid(vValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                var zone = DecodeWide(call.Tags, times[row], out long instant, out int below);
                DuneTime.Interval i = intervals[row];
                if (instant is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros)
                {
                    result[row] = times[row];
                    continue;
                }
                long computed = operation == Operation.Bucket ? Truncate(zone, instant, i)
                    : operation is Operation.Plus or Operation.PlusIntervalFirst ? Add(zone, instant, i.Months, i.Days, i.Micros)
                    : Add(zone, instant, checked(-i.Months), checked(-i.Days), checked(-i.Micros));
                // A bucket of a microsecond or more starts on a whole microsecond; one of no width leaves the value.
                bool keeps = operation != Operation.Bucket || i.Months == 0 && i.Days * MicrosPerDay + i.Micros <= 0;
                result[row] = Wide(computed, keeps ? below : 0, (int)(times[row] & ((1 << TagBits) - 1)));
            }
        }
        catch (OverflowException)
        {
            DuneNative.ScalarSetError(info, "Out of Range Error: the timestamp is out of range");
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Failure("timestamp(9) with time zone arithmetic", e));
        }
    }

    /// <summary>Two values subtracted: the instants' difference (an interval holds microseconds).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void WideDifferenceRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(DuneNative.ScalarGetExtra(info));
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr a = DuneNative.ChunkVector(input, 0), b = DuneNative.ChunkVector(input, 1);
            Int128* left = (Int128*)DuneNative.Data(a), right = (Int128*)DuneNative.Data(b);
            ulong* aValid = DuneNative.Validity(a), bValid = DuneNative.Validity(b);
            var result = (DuneTime.Interval*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(aValid, row) || !DuneNative.IsValid(bValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                DecodeWide(call.Tags, left[row], out long l, out int lb);
                DecodeWide(call.Tags, right[row], out long r, out int rb);
                long micros = checked((long)((((Int128)l - r) * 1000 + lb - rb) / 1000));
                result[row] = new DuneTime.Interval { Days = (int)(micros / MicrosPerDay), Micros = micros % MicrosPerDay };
            }
        }
        catch (OverflowException)
        {
            DuneNative.ScalarSetError(info, "Out of Range Error: the timestamp is out of range");
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Failure("timestamp(9) with time zone subtraction", e));
        }
    }

    /// <summary>date_diff(unit, a, b) on a's calendar, as DateDiffRows of <c>dune_tzv</c>.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void WideDateDiffRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(DuneNative.ScalarGetExtra(info));
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr u = DuneNative.ChunkVector(input, 0), a = DuneNative.ChunkVector(input, 1), b = DuneNative.ChunkVector(input, 2);
            void* units = DuneNative.Data(u);
            Int128* starts = (Int128*)DuneNative.Data(a), ends = (Int128*)DuneNative.Data(b);
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
                var zone = DecodeWide(call.Tags, starts[row], out long start, out _);
                DecodeWide(call.Tags, ends[row], out long end, out _);
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

    /// <summary>timezone_hour and timezone_minute: the value's offset at its instant, with the offset's sign.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void WideOffsetRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(DuneNative.ScalarGetExtra(info));
            bool hours = (Operation)call.Kind == Operation.OffsetHour;
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr t = DuneNative.ChunkVector(input, 0);
            var times = (Int128*)DuneNative.Data(t);
            ulong* valid = DuneNative.Validity(t);
            long* result = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                var zone = DecodeWide(call.Tags, times[row], out long instant, out _);
                long minutes = (WallClock(zone, instant) - instant) / 60_000_000L;
                result[row] = hours ? minutes / 60 : minutes % 60;
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Failure("timezone_hour of a timestamp with time zone", e));
        }
    }
}
