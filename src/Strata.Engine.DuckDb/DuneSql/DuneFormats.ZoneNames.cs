using System.Globalization;
using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Joda's names of a named zone in format_datetime's <c>z</c> and <c>zzzz</c> (decision 248). Joda's DateTimeZone.getShortName
/// and getName ask DefaultNameProvider, which reads Java's zone strings for the locale (Trino's session locale, English) and
/// takes the standard pair (short, long) when the offset at the instant is the zone's standard offset
/// (DateTimeZone.isStandardOffset), else the daylight pair. Java (JDK 11 and later) takes those strings from CLDR, short names
/// its former tables fill in. The zones below are the ones Dune's users name most; their names are carried here as JDK 17's
/// DateFormatSymbols(Locale.ENGLISH).getZoneStrings() rows give them (checked with a Java program, decision 253:
/// docs/notes/dune-datetime5.md), and the offset at the instant against the zone's standard offset in minutes decides which
/// pair: ahead of it is daylight time. Another named zone still fails naming the zone (ZZZ writes its id, Z its offset).
/// </summary>
internal static partial class DuneFormats
{
    /// <summary>Zones (canonical ids and their aliases), standard offset in minutes, short and long standard names, short and long daylight names.</summary>
    private static readonly (string[] Zones, int Standard, string Short, string Long, string DaylightShort, string DaylightLong)[] JavaZoneNames =
    [
        (["America/New_York", "America/Toronto", "America/Detroit", "US/Eastern", "EST5EDT"], -300, "EST", "Eastern Standard Time", "EDT", "Eastern Daylight Time"),
        (["America/Chicago", "US/Central", "CST6CDT"], -360, "CST", "Central Standard Time", "CDT", "Central Daylight Time"),
        (["America/Denver", "America/Phoenix", "US/Mountain", "US/Arizona", "MST7MDT"], -420, "MST", "Mountain Standard Time", "MDT", "Mountain Daylight Time"),
        (["America/Los_Angeles", "America/Vancouver", "US/Pacific", "PST8PDT"], -480, "PST", "Pacific Standard Time", "PDT", "Pacific Daylight Time"),
        (["America/Anchorage", "US/Alaska"], -540, "AKST", "Alaska Standard Time", "AKDT", "Alaska Daylight Time"),
        (["Pacific/Honolulu", "US/Hawaii"], -600, "HST", "Hawaii-Aleutian Standard Time", "HDT", "Hawaii-Aleutian Daylight Time"),
        (["Europe/London"], 0, "GMT", "Greenwich Mean Time", "BST", "British Summer Time"),
        (["Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Brussels", "Europe/Vienna",
            "Europe/Zurich", "Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen", "Europe/Prague", "Europe/Warsaw", "Europe/Budapest"],
            60, "CET", "Central European Standard Time", "CEST", "Central European Summer Time"),
        (["Europe/Lisbon"], 0, "WET", "Western European Standard Time", "WEST", "Western European Summer Time"),
        (["Europe/Athens", "Europe/Helsinki", "Europe/Kiev", "Europe/Kyiv", "Europe/Bucharest", "Europe/Sofia"],
            120, "EET", "Eastern European Standard Time", "EEST", "Eastern European Summer Time"),
        (["Asia/Tokyo", "Japan"], 540, "JST", "Japan Standard Time", "JDT", "Japan Daylight Time"),
        (["Asia/Seoul", "ROK"], 540, "KST", "Korean Standard Time", "KDT", "Korean Daylight Time"),
        (["Asia/Shanghai", "PRC"], 480, "CST", "China Standard Time", "CDT", "China Daylight Time"),
        (["Asia/Hong_Kong", "Hongkong"], 480, "HKT", "Hong Kong Standard Time", "HKST", "Hong Kong Summer Time"),
        (["Asia/Singapore", "Singapore"], 480, "SGT", "Singapore Standard Time", "SGST", "Singapore Summer Time"),
        (["Asia/Kolkata", "Asia/Calcutta"], 330, "IST", "India Standard Time", "IDT", "India Daylight Time"),
        (["Asia/Dubai"], 240, "GST", "Gulf Standard Time", "GDT", "Gulf Daylight Time"),
        (["Australia/Sydney", "Australia/Melbourne"], 600, "AEST", "Australian Eastern Standard Time", "AEDT", "Australian Eastern Daylight Time"),
        (["Pacific/Auckland", "NZ"], 720, "NZST", "New Zealand Standard Time", "NZDT", "New Zealand Daylight Time"),
    ];

    /// <summary>The SQL of a named zone's short or long name, given the SQL of the zone's id and of its offset in minutes at the
    /// value's instant; <paramref name="otherwise"/> for a zone not carried.</summary>
    private static string JavaZoneName(string id, string minutes, bool full, string otherwise)
    {
        var sql = new StringBuilder("CASE");
        foreach (var names in JavaZoneNames)
        {
            string standard = full ? names.Long : names.Short, daylight = full ? names.DaylightLong : names.DaylightShort;
            sql.Append(" WHEN ").Append(id).Append(" IN (").Append(string.Join(", ", names.Zones.Select(z => "'" + z + "'"))).Append(") THEN ");
            // Daylight time moves the clock forward of the standard offset; an offset behind today's standard one is an
            // earlier standard offset (Singapore's +07:30 before 1982), which Joda names with the standard pair.
            sql.Append($"CASE WHEN {minutes} > {names.Standard.ToString(CultureInfo.InvariantCulture)} THEN '{daylight}' ELSE '{standard}' END");
        }
        return sql.Append(" ELSE ").Append(otherwise).Append(" END").ToString();
    }
}
