using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Native;
using Strata.Core.Results;
using static Strata.Engine.DuckDb.DuneSql.DuneNative;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>timestamp(p) with time zone</c>, p 4 to 9, whose zone is the value's own (decision 269): at_timezone and
/// with_timezone of a timestamp(p) with a zone per row, from_iso8601_timestamp_nanos (each row's offset). One type,
/// HUGEINT registered as <see cref="PerValueNanosType"/>: the instant in nanoseconds since the epoch times 1,024 plus the
/// zone's tag (<see cref="PerValueType"/>'s tags: 0 UTC, 1-113 quarter hours, then the connection's named zones), so
/// comparing, sorting, grouping and joining read the instant first, to the nanosecond, as <c>dune_tzv</c> reads its
/// milliseconds (two zones of one instant differ, the tag breaking the tie). An infinity is TIMESTAMPTZ's, in nanoseconds.
/// Casts to the wall clock (TIMESTAMP, implicit and the cheapest, so every function of a timestamp reads it; TIMESTAMP_NS,
/// DATE, TIME), to the instant (TIMESTAMPTZ) and to Trino's text with nine digits (the declared type's p cut it, see
/// DuckDbDeclaredTypes); from TIMESTAMPTZ, TIMESTAMP_NS (UTC), <c>dune_tzv</c> and each zone's type. The functions that
/// keep the zone (interval arithmetic, date_trunc, date_diff, <c>-</c>, timezone_hour/minute) read the microseconds with
/// <c>dune_tzv</c>'s code (DuneZones.Functions.cs) and keep the nanoseconds below them.
/// </summary>
public static unsafe partial class DuneZones
{
    /// <summary>The type of a value with nanoseconds that carries its own zone.</summary>
    public const string PerValueNanosType = "dune_tzv9";

    private const int TypeHugeInt = 16;

    private const int TagBits = 10;

    /// <summary>The bits of a stored value below its nanoseconds (the tag): dune_instant_key shifts them off.</summary>
    internal const int PerValueNanosTagBits = TagBits;

    private enum WideConversion : byte { Tag, Instant, WallClock, WallNanos, Date, Time, Text, FromNanos, FromPerValue, Strip, FromDate }

    private static IntPtr PerValueNanosTypeHandle() => Type(TypeHugeInt, PerValueNanosType);

    /// <summary>A value of <see cref="PerValueNanosType"/>: microseconds since the epoch (an infinity stays one), the
    /// nanoseconds below them (0-999) and the zone's tag.</summary>
    internal static Int128 Wide(long micros, int belowMicro, int tag) =>
        micros is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros
            ? (Int128)micros * 1000 << TagBits
            : (((Int128)micros * 1000 + belowMicro) << TagBits) + tag;

    /// <summary>The microseconds (floored), the nanoseconds below them and the tag of a stored value.</summary>
    internal static long Narrow(Int128 value, out int belowMicro, out int tag)
    {
        tag = (int)(value & ((1 << TagBits) - 1));
        Int128 nanos = value >> TagBits;
        Int128 micros = Int128.DivRem(nanos, 1000).Quotient;
        belowMicro = (int)(nanos - micros * 1000);
        if (belowMicro < 0)
        {
            belowMicro += 1000;
            micros--;
        }
        return (long)micros;
    }

    /// <summary>The instant of a stored value in nanoseconds since the epoch (dune_instant_ns); throws past TIMESTAMP_NS.</summary>
    internal static long PerValueNanosInstant(Int128 value)
    {
        long micros = Narrow(value, out int below, out _);
        return micros is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros ? micros : checked(micros * 1000 + below);
    }

    private static long FloorDiv(long a, long b, out int rest)
    {
        long q = Math.DivRem(a, b, out long r);
        if (r < 0)
        {
            q--;
            r += b;
        }
        rest = (int)r;
        return q;
    }

    /// <summary>Registers the type, its casts and functions (with <see cref="PerValueType"/>'s, on the same connection).</summary>
    private static void RegisterPerValueNanos(IntPtr con, ZoneTags tags, Dictionary<string, List<IntPtr>> pending)
    {
        IntPtr type = PerValueNanosTypeHandle();
        try
        {
            if (RegisterType(con, type, IntPtr.Zero) != 0)
            {
                throw new InvalidOperationException("Could not register the type of a zone per value with nanoseconds.");
            }
        }
        finally
        {
            DestroyType(ref type);
        }
        Func<IntPtr> wide = PerValueNanosTypeHandle;
        WideCast(con, () => CreateType(TypeTimestampTz), wide, FromInstant, WideConversion.Tag, tags);
        WideCast(con, () => CreateType(TypeTimestampNs), wide, FromInstant, WideConversion.FromNanos, tags);
        // A timestamp meets a timestamp with time zone in the session's zone, UTC (Trino's coercion): without it a comparison
        // with TIMESTAMP '…' failed to bind (the lead's review of 269).
        WideCast(con, () => CreateType(TypeTimestamp), wide, FromInstant, WideConversion.Tag, tags);
        WideCast(con, () => CreateType(TypeDate), wide, FromInstant, WideConversion.FromDate, tags);
        WideCast(con, PerValueTypeHandle, wide, FromInstant, WideConversion.FromPerValue, tags);
        WideCast(con, wide, () => CreateType(TypeTimestampTz), ToInstant, WideConversion.Instant, tags);
        WideCast(con, wide, () => CreateType(TypeTimestamp), ToWallClock, WideConversion.WallClock, tags);
        WideCast(con, wide, () => CreateType(TypeTimestampNs), ExplicitOnly, WideConversion.WallNanos, tags);
        WideCast(con, wide, () => CreateType(TypeDate), ExplicitOnly, WideConversion.Date, tags);
        WideCast(con, wide, () => CreateType(TypeTime), ExplicitOnly, WideConversion.Time, tags);
        WideCast(con, wide, () => CreateType(TypeVarchar), ExplicitOnly, WideConversion.Text, tags);
        WideCast(con, wide, PerValueTypeHandle, ExplicitOnly, WideConversion.Strip, tags);
        AddWideFunctions(pending, tags);
        Func<IntPtr> nanos = () => CreateType(TypeTimestampNs), varchar = () => CreateType(TypeVarchar);
        AddOverload(pending, PerValueNanosType + "_at", Operation.At, tags, null, [nanos, varchar], wide);
        AddOverload(pending, PerValueNanosType + "_wall", Operation.Wall, tags, null, [nanos, varchar], wide);
        // timestamp(4-6): microseconds in (TIMESTAMPTZ's / TIMESTAMP's whole range), nanoseconds out (decision 275).
        AddOverload(pending, PerValueNanosType + "_at", Operation.At, tags, null, [() => CreateType(TypeTimestampTz), varchar], wide);
        AddOverload(pending, PerValueNanosType + "_wall", Operation.Wall, tags, null, [() => CreateType(TypeTimestamp), varchar], wide);
        AddOverload(pending, PerValueNanosType + "_offset", Operation.IsoOffset, tags, null, [nanos, varchar], wide);
    }

    /// <summary>A zone's type to and from the nanosecond per-value type (a zone's value with its tag; back, the instant).</summary>
    private static void PerValueNanosCasts(IntPtr con, ZoneTags tags, string zone)
    {
        var call = new ZoneCall((byte)WideConversion.Tag, null, tags.Tag(zone), tags);
        RegisterCast(con, ZoneType(zone), PerValueNanosTypeHandle(), FromInstant, &WideRows, Extra(call), "a cast of a zone's timestamp", FreeCallback);
        RegisterCast(con, PerValueNanosTypeHandle(), ZoneType(zone), ExplicitOnly, &WideRows,
            Extra(call with { Kind = (byte)WideConversion.Instant, Tag = 0 }), "a cast of a zone's timestamp", FreeCallback);
    }

    private static void WideCast(IntPtr con, Func<IntPtr> source, Func<IntPtr> target, long cost, WideConversion conversion, ZoneTags tags) =>
        RegisterCast(con, source(), target(), cost, &WideRows, Extra(new ZoneCall((byte)conversion, null, 0, tags)),
            $"a cast of a zoned timestamp(9) ({conversion})", FreeCallback);

    /// <summary>Trino's text of a zoned value with nanoseconds: the wall clock with nine digits and the zone's name.</summary>
    private static string WideText(string zone, long wallMicros, int belowMicro)
    {
        Span<byte> buffer = stackalloc byte[TemporalFormat.MaxLength];
        int n = TemporalFormat.WriteTimestamp(buffer, wallMicros, 6);
        string text = Encoding.ASCII.GetString(buffer[..n]);
        return text.EndsWith(" UTC", StringComparison.Ordinal)
            ? text[..^4] + belowMicro.ToString("000", System.Globalization.CultureInfo.InvariantCulture) + " " + zone
            : text + " " + zone;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte WideRows(IntPtr info, ulong count, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(CastGetExtra(info));
            var conversion = (WideConversion)call.Kind;
            void* data = Data(input);
            ulong* valid = Validity(input);
            void* outData = Data(output);
            for (ulong row = 0; row < count; row++)
            {
                if (!IsValid(valid, row))
                {
                    SetNull(output, row);
                    continue;
                }
                switch (conversion)
                {
                    case WideConversion.Tag:
                        ((Int128*)outData)[row] = Wide(((long*)data)[row], 0, call.Tag);
                        continue;
                    case WideConversion.FromNanos:
                        long ns = ((long*)data)[row];
                        ((Int128*)outData)[row] = ns is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros
                            ? Wide(ns, 0, 0) : Wide(FloorDiv(ns, 1000, out int below), below, 0);
                        continue;
                    case WideConversion.FromDate:
                        int days = ((int*)data)[row];
                        ((Int128*)outData)[row] = days == TemporalFormat.InfinityDays ? Wide(TemporalFormat.InfinityMicros, 0, 0)
                            : days == TemporalFormat.NegativeInfinityDays ? Wide(TemporalFormat.NegativeInfinityMicros, 0, 0)
                            : Wide(days * MicrosPerDay, 0, 0);
                        continue;
                    case WideConversion.FromPerValue:
                        long ms = ((long*)data)[row];
                        ((Int128*)outData)[row] = Wide(PerValueInstant(ms), 0, TagIn(ms));
                        continue;
                }
                long micros = Narrow(((Int128*)data)[row], out int belowMicro, out int tag);
                var zone = tag == 0 ? Utc : call.Tags.ZoneAt(tag);
                switch (conversion)
                {
                    case WideConversion.Instant:
                        ((long*)outData)[row] = micros;
                        break;
                    case WideConversion.Strip:
                        ((long*)outData)[row] = Tagged(micros, tag);
                        break;
                    case WideConversion.WallClock:
                        ((long*)outData)[row] = WallClock(zone, micros);
                        break;
                    case WideConversion.WallNanos:
                        long wall = WallClock(zone, micros);
                        ((long*)outData)[row] = wall is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros ? wall : checked(wall * 1000 + belowMicro);
                        break;
                    case WideConversion.Date:
                        long dayWall = WallClock(zone, micros);
                        ((int*)outData)[row] = dayWall == TemporalFormat.InfinityMicros ? TemporalFormat.InfinityDays
                            : dayWall == TemporalFormat.NegativeInfinityMicros ? TemporalFormat.NegativeInfinityDays
                            : (int)Math.Clamp(FloorDays(dayWall), int.MinValue + 2, int.MaxValue - 1);
                        break;
                    case WideConversion.Time:
                        // DuckDB's TIME holds microseconds: the nanoseconds below are dropped.
                        ((long*)outData)[row] = ((WallClock(zone, micros) % MicrosPerDay) + MicrosPerDay) % MicrosPerDay;
                        break;
                    default:
                        WriteBytes(output, row, Encoding.UTF8.GetBytes(WideText(zone.Name, WallClock(zone, micros), belowMicro)));
                        break;
                }
            }
            return 1;
        }
        catch (OverflowException)
        {
            CastError(info, "Out of Range Error: the timestamp is out of timestamp(9)'s range");
            return 0;
        }
        catch (Exception e)
        {
            CastError(info, Failure("timestamp(9) with time zone conversion", e));
            return 0;
        }
    }
}
