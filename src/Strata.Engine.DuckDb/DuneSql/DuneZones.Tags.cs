using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The zone tags of one connection (decision zones-sec). A connection is one execution (the sandbox opens an in-memory
/// database per execution), so the IANA zones and odd-minute offsets one query gives tags to are numbered for that query
/// alone: no other execution, of this owner or another, can run out of tags because of it or see which zones it met.
/// Every cast and function of the zone types holds, in its extra data, a handle to a <see cref="ZoneCall"/> naming its
/// connection's table; DuckDB frees the handle with the function (<see cref="DuneNative.FreeHandle"/>). Values leave the connection
/// only as text (<c>DuckDbTypes.Plan</c> casts a zoned column to VARCHAR inside it), so nothing outside needs the table.
/// </summary>
public static unsafe partial class DuneZones
{
    /// <summary>How many IANA zones and odd-minute offsets one query can give tags to.</summary>
    public const int NamedTagCapacity = MaxTag - FirstNamedTag + 1;

    /// <summary>The error of a query that needs more tags than <see cref="NamedTagCapacity"/>.</summary>
    public static readonly string TooManyZonesMessage = string.Create(CultureInfo.InvariantCulture,
        $"Too many time zones in one query: values that carry their own zone (from_iso8601_timestamp, at_timezone or with_timezone of a column, or values of several zones in one column) can be in at most {NamedTagCapacity} IANA zones and offsets that are not whole quarter hours per query");

    /// <summary>The quarter-hour offsets from -14:00 to +14:00 by tag (1 to 113; arithmetic, the same in every connection).</summary>
    private static readonly Zone[] QuarterHours = Enumerable.Range(0, FirstNamedTag)
        .Select(tag => tag is 0 or 57 ? new Zone("UTC", null, 0) : new Zone(OffsetName((tag - 57) * 15), null, (tag - 57) * 15 * 60_000_000L)).ToArray();

    /// <summary>The tables of the connections that registered zone types (weak: a table lives as long as its connection
    /// or a function of it that DuckDB still holds).</summary>
    private static readonly ConditionalWeakTable<DuckDBConnection, ZoneTags> ConnectionTags = new();

    private static ZoneTags TagsOf(DuckDBConnection connection) => ConnectionTags.GetValue(connection, _ => new ZoneTags());

    private static string OffsetName(int minutes) =>
        (minutes < 0 ? "-" : "+") + (Math.Abs(minutes) / 60).ToString("00", CultureInfo.InvariantCulture) + ":"
        + (Math.Abs(minutes) % 60).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>A failure whose message is meant for the user as it is.</summary>
    private sealed class ZoneError(string message) : Exception(message);

    /// <summary>The message of a failure in a callback: the user's own for a <see cref="ZoneError"/>, else the kind.</summary>
    private static string Failure(string what, Exception e) => e is ZoneError ? e.Message : what + " failed: " + e.GetType().Name;

    /// <summary>One connection's tags of IANA zones and odd-minute offsets, given as they are first met, at most
    /// <see cref="NamedTagCapacity"/>. A tag once given is never changed; reads take no lock.</summary>
    private sealed class ZoneTags
    {
        private readonly Zone?[] named = new Zone?[MaxTag + 1];
        private readonly Dictionary<string, int> tags = new(StringComparer.Ordinal);
        private readonly Lock gate = new();
        private int next = FirstNamedTag;

        /// <summary>The tag of a zone as Trino names it (<see cref="Canonical"/>), or -1 when this connection has given
        /// every tag.</summary>
        public int TryTag(string zone)
        {
            if (zone == "UTC")
            {
                return 0;
            }
            if (FixedOffsetMinutes(zone) is int minutes && minutes % 15 == 0)
            {
                return 57 + minutes / 15;
            }
            lock (gate)
            {
                if (tags.TryGetValue(zone, out int known))
                {
                    return known;
                }
                if (next > MaxTag)
                {
                    return -1;
                }
                Volatile.Write(ref named[next], Resolve(zone));
                tags[zone] = next;
                return next++;
            }
        }

        /// <summary>The tag of a zone; a query past the capacity fails naming it.</summary>
        public int Tag(string zone) => TryTag(zone) is int tag and >= 0 ? tag : throw new ZoneError(TooManyZonesMessage);

        /// <summary>The zone of a tag; a tag this connection never gave (a value made some other way) fails.</summary>
        public Zone ZoneAt(int tag) =>
            (tag < FirstNamedTag ? QuarterHours[tag] : Volatile.Read(ref named[tag]))
            ?? throw new ZoneError("A timestamp with time zone value carries no zone: its digits below the millisecond are not a zone's tag of this query");
    }

    /// <summary>A cast's or function's extra data: its conversion or operation, its zone (null: each value's), the tag it
    /// gives (a conversion to the per-value type), its connection's tags, and whether it reads and gives nanoseconds
    /// (<see cref="PerValueNanosType"/>'s _at, _wall and _offset).</summary>
    private sealed record ZoneCall(byte Kind, Zone? Fixed, int Tag, ZoneTags Tags, bool Wide = false);

    private static IntPtr Extra(ZoneCall call) => GCHandle.ToIntPtr(GCHandle.Alloc(call));

    private static ZoneCall CallOf(IntPtr extra) => (ZoneCall)GCHandle.FromIntPtr(extra).Target!;

    /// <summary>DuckDB's delete callback of a <see cref="ZoneCall"/>'s handle.</summary>
    private static IntPtr FreeCallback => DuneNative.FreeHandle;
}
