using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Strata.Core.Results;
using static Strata.Engine.DuckDb.DuneSql.DuneNative;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>timestamp(3) with time zone</c> in a zone other than UTC (<c>AT TIME ZONE 'America/New_York'</c>,
/// <c>at_timezone</c>, <c>with_timezone</c>): the same instant, shown as the zone's wall clock and the zone's name
/// (<c>2012-10-30 21:00:00.000 America/New_York</c>). Each zone named in a text is a DuckDB type of its own,
/// TIMESTAMPTZ registered under a name made of <c>dune_tz_</c> and the zone's name spelt in letters, digits and
/// underscores (like uint256 over BIGNUM; DuckDB writes type names unquoted where it plans a query again), so the value stays an
/// instant for comparisons, sorting and joins, and DuckDB keeps the zone with the column through CTEs, subqueries and
/// UNIONs of one zone. Casts registered with it, before the sandbox's configuration is locked, give Trino's readings:
/// to TIMESTAMP (implicit, the cheapest conversion, so <c>hour()</c>, <c>date_trunc</c>, <c>strftime</c> and every
/// other function over a timestamp read the wall clock), to DATE and TIME (the wall clock's), to VARCHAR (Trino's text),
/// and to and from TIMESTAMPTZ (the instant, implicit, so a comparison with a UTC value compares instants). The zone
/// rules are .NET's (the system's IANA database); a fixed offset (<c>'+05:30'</c>) is its own zone, named as Trino
/// names it.
/// </summary>
public static unsafe partial class DuneZones
{
    /// <summary>The prefix of a zone's type name; the rest is the zone's name, <see cref="Spelt"/>.</summary>
    public const string Prefix = "dune_tz_";

    /// <summary>At most this many zones in one text (each is a type and seven casts in the catalog).</summary>
    public const int MaxZonesPerText = 16;

    private const int TypeTimestamp = 12, TypeDate = 13, TypeTime = 14, TypeVarchar = 17, TypeTimestampNs = 22, TypeTimestampTz = 31;

    /// <summary>Implicit-cast costs. To the wall clock is the cheapest, so a function with TIMESTAMP and TIMESTAMPTZ
    /// overloads reads the zone's local time, as Trino's functions of a timestamp with time zone do; DuckDB's own
    /// TIMESTAMP→TIMESTAMPTZ costs more than both.</summary>
    private const long ToWallClock = 1, ToInstant = 2, FromInstant = 3, ExplicitOnly = -1;

    private enum Conversion : byte { Identity, WallClock, Date, Time, Text, Tag, Strip, FromNanos }

    private sealed record Zone(string Name, TimeZoneInfo? Rules, long FixedOffsetMicros);

    /// <summary>The type name that carries a zone (as Trino names the zone).</summary>
    public static string TypeName(string zone) => Prefix + Spelt(zone);

    /// <summary>A zone's name in letters, digits and underscores: <c>_</c> is <c>__</c>, <c>/</c> <c>_s</c>, <c>-</c>
    /// <c>_m</c>, <c>+</c> <c>_p</c>, <c>:</c> <c>_c</c>.</summary>
    public static string Spelt(string zone)
    {
        var s = new StringBuilder(zone.Length + 8);
        foreach (char c in zone)
        {
            s.Append(c switch { '_' => "__", '/' => "_s", '-' => "_m", '+' => "_p", ':' => "_c", _ => c.ToString() });
        }
        return s.ToString();
    }

    /// <summary>The zone a DuckDB type text names (as Trino names it), or null when it is not a zone's type.</summary>
    public static string? ZoneOf(string duckType)
    {
        string t = duckType.Trim().Trim('"');
        if (!t.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var zone = new StringBuilder(t.Length);
        for (int i = Prefix.Length; i < t.Length; i++)
        {
            if (t[i] != '_')
            {
                zone.Append(t[i]);
                continue;
            }
            if (++i >= t.Length)
            {
                return null;
            }
            zone.Append(t[i] switch { '_' => '_', 's' => '/', 'm' => '-', 'p' => '+', 'c' => ':', _ => '?' });
        }
        return zone.ToString();
    }

    /// <summary>
    /// Trino's name of a zone, or null when Trino knows no such zone: an IANA name (any case, answered in the database's
    /// case), or an offset <c>±h</c>, <c>±hh</c>, <c>±hh:mm</c> or <c>±hhmm</c> within ±14:00, named <c>±hh:mm</c>.
    /// Names Trino reads as UTC are answered "UTC".
    /// </summary>
    public static string? Canonical(string zone)
    {
        string z = zone.Trim();
        if (z.Length == 0 || z.Length > 64)
        {
            return null;
        }
        var offset = Offset().Match(z);
        if (offset.Success)
        {
            int hours = int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture);
            int minutes = offset.Groups[3].Success ? int.Parse(offset.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            if (minutes > 59 || hours * 60 + minutes > 14 * 60)
            {
                return null;
            }
            return hours == 0 && minutes == 0 ? "UTC"
                : $"{offset.Groups[1].Value}{hours.ToString("00", CultureInfo.InvariantCulture)}:{minutes.ToString("00", CultureInfo.InvariantCulture)}";
        }
        if (z.Equals("UTC", StringComparison.OrdinalIgnoreCase) || z.Equals("Z", StringComparison.OrdinalIgnoreCase)
            || z.Equals("GMT", StringComparison.OrdinalIgnoreCase) || z.Equals("UT", StringComparison.OrdinalIgnoreCase)
            || z.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase) || z.Equals("Etc/GMT", StringComparison.OrdinalIgnoreCase)
            || z.Equals("UCT", StringComparison.OrdinalIgnoreCase) || z.Equals("Zulu", StringComparison.OrdinalIgnoreCase))
        {
            return "UTC";
        }
        if (z.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+') && Names.Value.TryGetValue(z, out string? name))
        {
            return name;
        }
        return PrefixedOffset(z) is string offsetText ? Canonical(offsetText) : null;
    }

    /// <summary>
    /// Trino's TimeZoneKey.normalizeZoneId for a name its index does not hold: an offset after <c>UTC</c>, <c>GMT</c> or
    /// <c>UT</c> (<c>GMT-08:30</c>, <c>UTC+5</c>; <c>Etc/</c> before it allowed) is that offset, <c>±hh:mm</c> as written or
    /// <c>±h</c>/<c>±hh</c> as whole hours, the sign flipped after <c>Etc/GMT</c> (POSIX's reading); null for anything else
    /// (<c>GMT+5:30</c> too: Trino takes neither).
    /// </summary>
    private static string? PrefixedOffset(string zone)
    {
        string id = zone.ToLowerInvariant();
        bool etc = id.StartsWith("etc/", StringComparison.Ordinal);
        id = etc ? id[4..] : id;
        bool flip = false;
        if (id.Length > 3 && (id.StartsWith("utc", StringComparison.Ordinal) || id.StartsWith("gmt", StringComparison.Ordinal)))
        {
            flip = etc && id.StartsWith("gmt", StringComparison.Ordinal);
            id = id[3..];
        }
        else if (id.Length > 2 && id.StartsWith("ut", StringComparison.Ordinal))
        {
            id = id[2..];
        }
        else
        {
            return null;
        }
        if (id.Length == 6 && id[3] == ':')
        {
            return id;
        }
        if (id.Length is 2 or 3 && id[0] is '+' or '-' && id.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            char sign = flip ? (id[0] == '-' ? '+' : '-') : id[0];
            return sign + id[1..].PadLeft(2, '0') + ":00";
        }
        return null;
    }

    /// <summary>The minutes east of UTC of a fixed-offset zone (as <see cref="Canonical"/> names it), or null for a named zone.</summary>
    public static int? FixedOffsetMinutes(string zone)
    {
        var offset = Offset().Match(zone);
        return offset.Success
            ? (offset.Groups[1].Value == "-" ? -1 : 1) * (int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture) * 60
                + (offset.Groups[3].Success ? int.Parse(offset.Groups[3].Value, CultureInfo.InvariantCulture) : 0))
            : null;
    }

    [GeneratedRegex(@"^([+-])([0-9]{1,2})(?::?([0-9]{2}))?$")]
    private static partial Regex Offset();

    /// <summary>The IANA names the system's database holds, by any case.</summary>
    private static readonly Lazy<Dictionary<string, string>> Names = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones(skipSorting: true))
        {
            if (zone.HasIanaId)
            {
                names.TryAdd(zone.Id, zone.Id);
            }
        }
        return names;
    });

    /// <summary>The zones whose types a translated text names (at most <see cref="MaxZonesPerText"/>).</summary>
    public static IReadOnlyList<string> UsedBy(string translatedSql)
    {
        if (!translatedSql.Contains(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var zones = new List<string>();
        foreach (Match m in Used().Matches(translatedSql))
        {
            string? named = ZoneOf(m.Value);
            string? zone = named is null ? null : Canonical(named);
            if (zone is not null && zone != "UTC" && zone == named && !zones.Contains(zone))
            {
                zones.Add(zone);
                if (zones.Count == MaxZonesPerText)
                {
                    break;
                }
            }
        }
        return zones;
    }

    [GeneratedRegex(@"\bdune_tz_\w{1,128}", RegexOptions.IgnoreCase)]
    private static partial Regex Used();

    /// <summary>Registers each zone's type and its casts (definitions, made before the configuration is locked).</summary>
    /// <param name="perValue">Whether the text names <see cref="PerValueType"/>; each zone then converts to it.</param>
    /// <param name="perValueRegistered">Whether that type is already registered on this connection.</param>
    public static void Register(DuckDBConnection connection, IReadOnlyList<string> zones, bool perValue = false, bool perValueRegistered = false)
    {
        if (zones.Count == 0 && !perValue)
        {
            return; // a text without zones: no table for this connection
        }
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        var tags = TagsOf(connection);
        var pending = new Dictionary<string, List<IntPtr>>(StringComparer.Ordinal);
        if (perValue && !perValueRegistered)
        {
            RegisterPerValue(con, tags, pending);
        }
        foreach (string zone in zones)
        {
            var resolved = Resolve(zone);
            IntPtr type = ZoneType(zone);
            try
            {
                if (RegisterType(con, type, IntPtr.Zero) != 0)
                {
                    throw new InvalidOperationException($"Could not register the type of the zone {zone}.");
                }
            }
            finally
            {
                DestroyType(ref type);
            }
            Cast(con, () => CreateType(TypeTimestampTz), () => ZoneType(zone), FromInstant, new ZoneCall((byte)Conversion.Identity, resolved, 0, tags));
            Cast(con, () => ZoneType(zone), () => CreateType(TypeTimestampTz), ToInstant, new ZoneCall((byte)Conversion.Identity, resolved, 0, tags));
            Cast(con, () => ZoneType(zone), () => CreateType(TypeTimestamp), ToWallClock, new ZoneCall((byte)Conversion.WallClock, resolved, 0, tags));
            Cast(con, () => ZoneType(zone), () => CreateType(TypeDate), ExplicitOnly, new ZoneCall((byte)Conversion.Date, resolved, 0, tags));
            Cast(con, () => ZoneType(zone), () => CreateType(TypeTime), ExplicitOnly, new ZoneCall((byte)Conversion.Time, resolved, 0, tags));
            Cast(con, () => ZoneType(zone), () => CreateType(TypeVarchar), ExplicitOnly, new ZoneCall((byte)Conversion.Text, resolved, 0, tags));
            // A timestamp(9) where it meets the zone's values (DuckDB's binder converts it to the aliased type): exact, or an
            // error when it has nanoseconds (DuckDB's own conversion dropped them, giving a wrong comparison).
            Cast(con, () => CreateType(TypeTimestampNs), () => ZoneType(zone), ExplicitOnly, new ZoneCall((byte)Conversion.FromNanos, resolved, 1000, tags));
            AddFunctions(pending, tags, () => ZoneType(zone), resolved);
            if (perValue)
            {
                PerValueCasts(con, tags, zone);
            }
        }
        // Between two zones of one text: the instant (a comparison compares instants; a UNION of two zones shows the
        // values in the zone DuckDB unifies them to, where Trino keeps each value's zone). To a later zone it is the
        // cheapest conversion, so a function of two values in different zones (`-`, date_diff) takes one zone's overload
        // (the instants) rather than the wall clocks, and never two overloads at one cost.
        for (int f = 0; f < zones.Count; f++)
        {
            string from = zones[f];
            for (int t = 0; t < zones.Count; t++)
            {
                string to = zones[t];
                if (t == f)
                {
                    continue;
                }
                Cast(con, () => ZoneType(from), () => ZoneType(to), f < t ? ToWallClock : FromInstant,
                    new ZoneCall((byte)Conversion.Identity, Resolve(to), 0, tags));
                // date_diff and `-` of two values in different zones: an exact overload, counting on the first one's calendar.
                AddPairFunctions(pending, tags, from, Resolve(from), to);
            }
        }
        DuneInt256.RegisterSets(con, pending);
    }

    private static IntPtr ZoneType(string zone) => Type(TypeTimestampTz, TypeName(zone));

    /// <summary>A zone's rules (as Trino names it: an IANA name of the system's database, or a fixed offset).</summary>
    private static Zone Resolve(string zone) => FixedOffsetMinutes(zone) is int minutes
        ? new Zone(zone, null, minutes * 60_000_000L)
        : new Zone(zone, TimeZoneInfo.FindSystemTimeZoneById(zone), 0);

    private static void Cast(IntPtr con, Func<IntPtr> source, Func<IntPtr> target, long cost, ZoneCall call) =>
        RegisterCast(con, source(), target(), cost, &Rows, Extra(call), $"a cast of a zone's timestamp ({(Conversion)call.Kind})", FreeCallback);

    /// <summary>The wall clock of an instant in a zone, in microseconds since the epoch (the infinities stay).</summary>
    private static long WallClock(Zone zone, long micros)
    {
        if (micros is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros)
        {
            return micros;
        }
        if (zone.Rules is null)
        {
            return micros + zone.FixedOffsetMicros;
        }
        long ticks = Math.Clamp(micros, (DateTime.MinValue.Ticks - DateTime.UnixEpoch.Ticks) / 10 + 86_400_000_000L,
            (DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) / 10 - 86_400_000_000L) * 10 + DateTime.UnixEpoch.Ticks;
        return micros + zone.Rules.GetUtcOffset(new DateTime(ticks, DateTimeKind.Utc)).Ticks / 10;
    }

    private static long FloorDays(long micros) => micros / 86_400_000_000L - (micros % 86_400_000_000L < 0 ? 1 : 0);

    /// <summary>A timestamp(9) (nanoseconds since the epoch, read in UTC) as a zoned value: the instant in microseconds
    /// (<c>call.Tag</c> is 1,000), or in milliseconds with UTC's tag for a zone per value (1,000,000); a value finer than
    /// that fails, since Trino compares and combines the two at nanoseconds.</summary>
    private static long FromNanos(long nanos, ZoneCall call)
    {
        if (nanos is TemporalFormat.InfinityMicros or TemporalFormat.NegativeInfinityMicros)
        {
            return nanos;
        }
        if (nanos % call.Tag != 0)
        {
            throw new ZoneError($"Cannot compare or combine timestamp(9) with nanoseconds and timestamp(3) with time zone "
                + $"({call.Fixed?.Name ?? "a zone per value"}) exactly here: Trino compares the instants at nanoseconds; cast the "
                + "zoned value to UTC's timestamp(9) first, CAST(at_timezone(x, 'UTC') AS timestamp(9))");
        }
        return nanos / call.Tag * (call.Tag / 1000);
    }

    /// <summary>Trino's text of a zoned value: the wall clock to milliseconds and the zone's name.</summary>
    internal static string Text(string zone, long wallMicros)
    {
        Span<byte> buffer = stackalloc byte[TemporalFormat.MaxLength];
        int n = TemporalFormat.WriteTimestamp(buffer, wallMicros);
        string text = Encoding.ASCII.GetString(buffer[..n]);
        return (text.EndsWith(" UTC", StringComparison.Ordinal) ? text[..^4] : text) + " " + zone;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte Rows(IntPtr info, ulong count, IntPtr input, IntPtr output)
    {
        try
        {
            var call = CallOf(CastGetExtra(info));
            var conversion = (Conversion)call.Kind;
            var fixedZone = call.Fixed;
            long* data = (long*)Data(input);
            ulong* valid = Validity(input);
            void* outData = Data(output);
            for (ulong row = 0; row < count; row++)
            {
                if (!IsValid(valid, row))
                {
                    SetNull(output, row);
                    continue;
                }
                long micros = data[row];
                if (conversion == Conversion.FromNanos)
                {
                    ((long*)outData)[row] = FromNanos(micros, call);
                    continue;
                }
                var zone = fixedZone ?? (conversion == Conversion.Tag ? null : Decode(call.Tags, micros, out micros));
                switch (conversion)
                {
                    case Conversion.Tag:
                        ((long*)outData)[row] = Tagged(micros, call.Tag);
                        break;
                    case Conversion.Strip:
                    case Conversion.Identity:
                        ((long*)outData)[row] = micros;
                        break;
                    case Conversion.WallClock:
                        ((long*)outData)[row] = WallClock(zone!, micros);
                        break;
                    case Conversion.Date:
                        long wall = WallClock(zone!, micros);
                        ((int*)outData)[row] = wall == TemporalFormat.InfinityMicros ? TemporalFormat.InfinityDays
                            : wall == TemporalFormat.NegativeInfinityMicros ? TemporalFormat.NegativeInfinityDays
                            : (int)Math.Clamp(FloorDays(wall), int.MinValue + 2, int.MaxValue - 1);
                        break;
                    case Conversion.Time:
                        ((long*)outData)[row] = ((WallClock(zone!, micros) % 86_400_000_000L) + 86_400_000_000L) % 86_400_000_000L;
                        break;
                    default:
                        WriteBytes(output, row, Encoding.UTF8.GetBytes(Text(zone!.Name, WallClock(zone, micros))));
                        break;
                }
            }
            return 1;
        }
        catch (Exception e)
        {
            CastError(info, Failure("timestamp with time zone conversion", e));
            return 0;
        }
    }
}
