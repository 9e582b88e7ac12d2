using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Runtime.InteropServices;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;
using Strata.Core.Results;
using DuckDB.NET.Data;
using static Strata.Engine.DuckDb.DuneSql.DuneNative;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>timestamp(3) with time zone</c> whose zone is the value's own (decision dune-time4): the zone of each row of
/// <c>from_iso8601_timestamp(column)</c>, <c>at_timezone(ts, zone_column)</c>, <c>with_timezone(ts, zone_column)</c>, and of
/// each value where values of several zones meet (a UNION, CASE, COALESCE…). One type, TIMESTAMPTZ registered as
/// <see cref="PerValueType"/>; its value is the instant to the millisecond (Trino's precision) with the zone's tag in
/// the microseconds below it (0 is UTC; 1 to 113 the offsets of whole quarter hours from -14:00 to +14:00; from 114 the
/// IANA zones and other offsets, numbered as they are first met in the execution's connection (<see cref="ZoneTags"/>), at
/// most <see cref="MaxTag"/>). Casts and
/// functions read the tag: the text (<c>2024-01-01 00:00:00.000 +01:00</c>), the wall clock every function of a timestamp
/// reads, the offset, date_trunc and interval arithmetic in the value's zone, date_diff on the first value's calendar.
/// Comparing, sorting and grouping read the stored number, so two values of one instant in two zones differ (Trino:
/// equal); a comparison with a value of another type is off by under a millisecond at most.
/// </summary>
public static unsafe partial class DuneZones
{
    /// <summary>The type of a value that carries its own zone.</summary>
    public const string PerValueType = "dune_tzv";

    /// <summary>The largest tag (the microseconds below a millisecond).</summary>
    public const int MaxTag = 999;

    private const int FirstNamedTag = 114;

    private static readonly Zone Utc = new("UTC", null, 0);

    /// <summary>Whether a translated text uses the zone-per-value type.</summary>
    public static bool UsesPerValue(string translatedSql) => translatedSql.Contains(PerValueType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a DuckDB type text is a timestamp with time zone other than DuckDB's own (a zone's, or per value).</summary>
    public static bool IsZoned(string duckType) => ZoneOf(duckType) is not null
        || duckType.Trim().Trim('"').Equals(PerValueType, StringComparison.OrdinalIgnoreCase) || IsPerValueNanos(duckType);

    /// <summary>Whether a DuckDB type text is <see cref="PerValueNanosType"/> (a zone per value with nanoseconds).</summary>
    public static bool IsPerValueNanos(string duckType) => duckType.Trim().Trim('"').Equals(PerValueNanosType, StringComparison.OrdinalIgnoreCase);

    private static IntPtr PerValueTypeHandle() => Type(31, PerValueType);

    /// <summary>The tag of a stored value.</summary>
    private static int TagIn(long value) =>
        value is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros ? 0 : (int)(((value % 1000) + 1000) % 1000);

    /// <summary>An instant (truncated to the millisecond) with a zone's tag.</summary>
    private static long Tagged(long instant, int tag) =>
        instant is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros ? instant : instant - (((instant % 1000) + 1000) % 1000) + tag;

    /// <summary>The instant (to the millisecond) of a stored zone-per-value value, its tag dropped.</summary>
    internal static long PerValueInstant(long value) => value - TagIn(value);

    /// <summary>A stored value's zone and instant.</summary>
    private static Zone Decode(ZoneTags tags, long value, out long instant)
    {
        int tag = TagIn(value);
        instant = value - tag;
        return tag == 0 ? Utc : tags.ZoneAt(tag);
    }

    /// <summary>The conversions between zones registered before and the zone-per-value type (registered after them on one
    /// connection, as the tests' in-process database does across queries).</summary>
    public static void RegisterPerValueCasts(DuckDBConnection connection, IReadOnlyList<string> zones)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        var tags = TagsOf(connection);
        foreach (string zone in zones)
        {
            PerValueCasts(con, tags, zone);
        }
    }

    private static void PerValueCasts(IntPtr con, ZoneTags tags, string zone)
    {
        // A zone's value gets its zone's tag where it meets values of other zones; back, the instant.
        Cast(con, () => ZoneType(zone), PerValueTypeHandle, FromInstant, new ZoneCall((byte)Conversion.Tag, null, tags.Tag(zone), tags));
        Cast(con, PerValueTypeHandle, () => ZoneType(zone), FromInstant, new ZoneCall((byte)Conversion.Strip, null, 0, tags));
        PerValueNanosCasts(con, tags, zone);
    }

    /// <summary>Registers the zone-per-value type, its casts and functions.</summary>
    private static void RegisterPerValue(IntPtr con, ZoneTags tags, Dictionary<string, List<IntPtr>> pending)
    {
        IntPtr type = PerValueTypeHandle();
        try
        {
            if (RegisterType(con, type, IntPtr.Zero) != 0)
            {
                throw new InvalidOperationException("Could not register the type of a zone per value.");
            }
        }
        finally
        {
            DestroyType(ref type);
        }
        Cast(con, () => CreateType(TypeTimestampTz), PerValueTypeHandle, FromInstant, new ZoneCall((byte)Conversion.Tag, null, 0, tags));
        Cast(con, PerValueTypeHandle, () => CreateType(TypeTimestampTz), ToInstant, new ZoneCall((byte)Conversion.Strip, null, 0, tags));
        Cast(con, PerValueTypeHandle, () => CreateType(TypeTimestamp), ToWallClock, new ZoneCall((byte)Conversion.WallClock, null, 0, tags));
        Cast(con, PerValueTypeHandle, () => CreateType(TypeDate), ExplicitOnly, new ZoneCall((byte)Conversion.Date, null, 0, tags));
        Cast(con, PerValueTypeHandle, () => CreateType(TypeTime), ExplicitOnly, new ZoneCall((byte)Conversion.Time, null, 0, tags));
        Cast(con, PerValueTypeHandle, () => CreateType(TypeVarchar), ExplicitOnly, new ZoneCall((byte)Conversion.Text, null, 0, tags));
        Cast(con, () => CreateType(TypeTimestampNs), PerValueTypeHandle, ExplicitOnly, new ZoneCall((byte)Conversion.FromNanos, null, 1_000_000, tags));
        AddFunctions(pending, tags, PerValueTypeHandle, null);
        Func<IntPtr> varchar = () => CreateType(TypeVarchar);
        AddOverload(pending, "dune_tzv_at", Operation.At, tags, null, [() => CreateType(TypeTimestampTz), varchar], PerValueTypeHandle);
        AddOverload(pending, "dune_tzv_wall", Operation.Wall, tags, null, [() => CreateType(TypeTimestamp), varchar], PerValueTypeHandle);
        AddOverload(pending, "dune_tzv_offset", Operation.IsoOffset, tags, null, [() => CreateType(TypeTimestampTz), varchar], PerValueTypeHandle);
        AddOverload(pending, "dune_tzv_parsed", Operation.ParsedOffset, tags, null, [() => CreateType(TypeTimestampTz), varchar], PerValueTypeHandle);
        RegisterPerValueNanos(con, tags, pending);
    }

    /// <summary><c>dune_tzv_at(instant, zone)</c> (at_timezone), <c>dune_tzv_wall(wall clock, zone)</c> (with_timezone),
    /// <c>dune_tzv_offset(instant, ISO text)</c> (from_iso8601_timestamp: the offset after the time, none or <c>Z</c> for UTC)
    /// and <c>dune_tzv_parsed(instant, text)</c> (parse_datetime with <c>Z</c>/<c>ZZ</c>: the text's last offset): a value in
    /// the row's zone; an unknown zone fails naming it, an offset past ±23:59 with Joda's "Invalid format" and one past ±14:00
    /// with Trino's "Time zone not supported".</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ZoneOfRowRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(ScalarGetExtra(info));
            var operation = (Operation)call.Kind;
            ulong rows = ChunkSize(input);
            IntPtr t = ChunkVector(input, 0), z = ChunkVector(input, 1);
            long* times = (long*)Data(t);
            void* zones = Data(z);
            ulong* tValid = Validity(t), zValid = Validity(z);
            long* result = (long*)Data(output);
            bool wide = call.Wide;
            // A wide overload reads TIMESTAMP_NS (p 7-9) or microseconds (TIMESTAMPTZ/TIMESTAMP, p 4-6: the whole range).
            bool nanosIn = wide && TypeIdOf(t) == TypeTimestampNs;
            string? lastName = null;
            int lastTag = 0;
            for (ulong row = 0; row < rows; row++)
            {
                if (!IsValid(tValid, row) || !IsValid(zValid, row))
                {
                    SetNull(output, row);
                    continue;
                }
                string text = ReadText(zones, row);
                string name = operation switch
                {
                    Operation.IsoOffset => IsoTextOffset().Match(text) is { Success: true } iso ? iso.Groups[1].Value : "",
                    Operation.ParsedOffset => LastOffset().Match(text) is { Success: true } parsed ? parsed.Groups[1].Value : "",
                    _ => text,
                };
                if (name != lastName)
                {
                    bool offset = operation is Operation.IsoOffset or Operation.ParsedOffset;
                    string? zone = offset && (name.Length == 0 || name is "Z" or "z") ? "UTC" : Canonical(name);
                    if (zone is null)
                    {
                        DuneNative.ScalarSetError(info, offset ? OffsetError(text, name)
                            : $"Time zone '{name}' is not known: use an IANA zone ('America/New_York') or an offset ('+05:30')");
                        return;
                    }
                    lastName = name;
                    lastTag = call.Tags.Tag(zone);
                }
                long value = times[row];
                int below = 0;
                if (nanosIn && value is not (TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros))
                {
                    value = FloorDiv(value, 1000, out below); // TIMESTAMP_NS: microseconds and the nanoseconds below
                }
                if (operation == Operation.Wall && lastTag != 0 && value is not (TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros))
                {
                    var zone = call.Tags.ZoneAt(lastTag);
                    long dayBefore = value - MicrosPerDay;
                    value = Instant(zone, value, WallClock(zone, dayBefore) - dayBefore);
                }
                if (wide)
                {
                    ((Int128*)result)[row] = Wide(value, below, lastTag);
                    continue;
                }
                result[row] = Tagged(value, lastTag);
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Failure("timestamp with time zone conversion", e));
        }
    }

    /// <summary>Trino's error for a parsed offset it refuses: Joda's parser takes hours to 23 and minutes to 59 ("Invalid
    /// format"); Trino's zones stop at ±14:00 ("Time zone not supported").</summary>
    private static string OffsetError(string text, string offset)
    {
        var parts = Offset().Match(offset);
        int hours = int.Parse(parts.Groups[2].Value, CultureInfo.InvariantCulture);
        int minutes = parts.Groups[3].Success ? int.Parse(parts.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return hours > 23 || minutes > 59
            ? $"Invalid format: \"{text}\" is malformed at \"{text[text.LastIndexOf(offset, StringComparison.Ordinal)..]}\""
            : string.Create(CultureInfo.InvariantCulture, $"Time zone not supported: {parts.Groups[1].Value}{hours:00}:{minutes:00}");
    }

    /// <summary>The offset of an ISO 8601 date-time text: after the time, <c>±hh</c>, <c>±hh:mm</c>, <c>±hhmm</c> or <c>Z</c>.</summary>
    [GeneratedRegex(@"T[0-9:.,]+([+-][0-9]{2}(?::?[0-9]{2})?|[Zz])\s*$")]
    private static partial Regex IsoTextOffset();

    /// <summary>The last offset of a text (<c>±hhmm</c>, <c>±hh:mm</c> or <c>Z</c>), as parse_datetime's <c>Z</c>/<c>ZZ</c> read it.</summary>
    [GeneratedRegex(@".*([+-][0-9]{2}:?[0-9]{2}|Z)")]
    private static partial Regex LastOffset();
}
