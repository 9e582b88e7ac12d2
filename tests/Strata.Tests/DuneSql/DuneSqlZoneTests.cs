using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Timestamps with time zone in zones other than UTC (branch dune-zone): <c>AT TIME ZONE</c>, <c>at_timezone</c>,
/// <c>with_timezone</c> and <c>from_unixtime(x, zone)</c> give Trino's <c>timestamp(3) with time zone</c> whose value is
/// the instant, shown as the zone's wall clock and name; comparisons and arithmetic act on the instant, field functions,
/// <c>date_trunc</c>, <c>format_datetime</c> and casts on the wall clock (Trino's datetime.md, Dune's datetime.mdx).
/// </summary>
public sealed class DuneSqlZoneTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // datetime.md / datetime.mdx: the AT TIME ZONE operator's documented example.
    [InlineData("SELECT CAST(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles' AS varchar)", "2012-10-30 18:00:00.000 America/Los_Angeles")]
    // with_timezone's documented example (the wall clock kept, read in the zone).
    [InlineData("SELECT CAST(with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/Los_Angeles') AS varchar)", "2022-11-01 09:08:07.321 America/Los_Angeles")]
    // at_timezone's documented example has the session zone America/New_York; Dune's is UTC, so the timestamp is first
    // put in New York explicitly, then the documented answer follows; with Dune's UTC session it is 02:08:07.321.
    [InlineData("SELECT CAST(at_timezone(with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/New_York'), 'America/Los_Angeles') AS varchar)", "2022-11-01 06:08:07.321 America/Los_Angeles")]
    [InlineData("SELECT CAST(at_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/Los_Angeles') AS varchar)", "2022-11-01 02:08:07.321 America/Los_Angeles")]
    // Fixed offsets, minutes included, named as Trino names them.
    [InlineData("SELECT CAST(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE '+05:30' AS varchar)", "2012-10-31 06:30:00.000 +05:30")]
    [InlineData("SELECT CAST(with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', '-03:00') AS varchar)", "2022-11-01 09:08:07.321 -03:00")]
    [InlineData("SELECT CAST(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'asia/kolkata' AS varchar)", "2012-10-31 06:30:00.000 Asia/Kolkata")]
    // from_unixtime(unixtime, zone) (datetime.mdx): the instant in the zone.
    [InlineData("SELECT CAST(from_unixtime(1700000000, 'America/New_York') AS varchar)", "2023-11-14 17:13:20.000 America/New_York")]
    // A timestamp literal with a zone keeps it (datetime.md's timezone() examples' literals).
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 12:00:00 Asia/Tokyo' AS varchar)", "2024-01-01 12:00:00.000 Asia/Tokyo")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 12:00:00 +01:00' AS varchar)", "2024-01-01 12:00:00.000 +01:00")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-02-29 12:00:00 UTC' AS varchar)", "2024-02-29 12:00:00.000 UTC")]
    // Dune's datatypes page: a zone written as an offset after GMT (Trino's TimeZoneKey reads UTC±, GMT±, UT± as the offset).
    [InlineData("SELECT CAST(TIMESTAMP '2001-08-22 03:04:05.321 GMT-08:30' AS varchar)", "2001-08-22 03:04:05.321 -08:30")]
    [InlineData("SELECT CAST(TIMESTAMP '2001-08-22 03:04:05.321 UTC+5' AS varchar)", "2001-08-22 03:04:05.321 +05:00")]
    [InlineData("SELECT CAST(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'GMT+05:30' AS varchar)", "2012-10-31 06:30:00.000 +05:30")]
    [InlineData("SELECT TIMESTAMP '2001-08-22 03:04:05.321 GMT-08:30' = TIMESTAMP '2001-08-22 11:34:05.321 UTC'", "true")]
    [InlineData("SELECT TIMESTAMP '2024-01-01 12:00 Asia/Tokyo' = TIMESTAMP '2024-01-01 03:00 UTC'", "true")]
    // Its type: the literal's precision, three digits at least (decisions 248, 252).
    [InlineData("SELECT typeof(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles')", "timestamp(3) with time zone")]
    // Daylight saving: New York is UTC-4 in July, UTC-5 in January.
    [InlineData("SELECT CAST(timestamp '2024-07-01 12:00 UTC' AT TIME ZONE 'America/New_York' AS varchar) || ' / ' || CAST(timestamp '2024-01-01 12:00 UTC' AT TIME ZONE 'America/New_York' AS varchar)",
        "2024-07-01 08:00:00.000 America/New_York / 2024-01-01 07:00:00.000 America/New_York")]
    public void Documented_example_gives_documented_answer(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // Comparisons act on the instant, whatever the zones (Trino compares instants).
    [InlineData("SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York' = timestamp '2012-10-31 01:00 UTC'", "true")]
    [InlineData("SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York' = timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'Asia/Tokyo'", "true")]
    [InlineData("SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York' < timestamp '2012-10-31 00:30:00'", "false")]
    [InlineData("SELECT count(*) FROM (VALUES timestamp '2012-10-31 01:00 UTC', timestamp '2012-10-31 03:00 UTC') t(x) "
        + "WHERE x AT TIME ZONE 'America/Los_Angeles' > timestamp '2012-10-31 02:00 UTC'", "1")]
    // Arithmetic: a day-to-second interval moves the instant (24 hours), a month the wall clock; the zone is kept.
    [InlineData("SELECT CAST(timestamp '2012-11-03 12:00 UTC' AT TIME ZONE 'America/New_York' + interval '1' day AS varchar)", "2012-11-04 07:00:00.000 America/New_York")]
    [InlineData("SELECT CAST(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York' + interval '1' month AS varchar)", "2012-11-30 21:00:00.000 America/New_York")]
    [InlineData("SELECT CAST(at_timezone(TIMESTAMP '2012-10-31 01:00:00', '+05:30') - interval '2' hour AS varchar)", "2012-10-31 04:30:00.000 +05:30")]
    [InlineData("SELECT CAST(date_add('day', 1, timestamp '2012-11-03 12:00 UTC' AT TIME ZONE 'America/New_York') AS varchar)", "2012-11-04 07:00:00.000 America/New_York")]
    [InlineData("SELECT typeof(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York' + interval '1' day)", "timestamp(3) with time zone")]
    // The difference of two zoned values is the instants' (24 hours across the end of daylight saving, 25 on the wall clock).
    [InlineData("SELECT to_milliseconds(timestamp '2012-11-04 12:00 UTC' AT TIME ZONE 'America/New_York' - timestamp '2012-11-03 12:00 UTC' AT TIME ZONE 'America/New_York')", "86400000")]
    // Field functions, date_trunc, format_datetime and casts read the wall clock.
    [InlineData("SELECT hour(x) * 100 + minute(x) FROM (SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE '+05:30' AS x)", "630")]
    [InlineData("SELECT day_of_week(x) FROM (SELECT timestamp '2024-01-01 02:00 UTC' AT TIME ZONE 'America/New_York' AS x)", "7")]
    [InlineData("SELECT CAST(date_trunc('day', timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York') AS varchar)", "2012-10-30 00:00:00.000 America/New_York")]
    [InlineData("SELECT CAST(date_trunc('day', timestamp '2012-11-04 12:00 UTC' AT TIME ZONE 'America/New_York') AS varchar)", "2012-11-04 00:00:00.000 America/New_York")]
    [InlineData("SELECT CAST(date_trunc('month', timestamp '2012-10-01 01:00 UTC' AT TIME ZONE 'America/New_York') AS varchar)", "2012-09-01 00:00:00.000 America/New_York")]
    [InlineData("SELECT CAST(date_trunc('week', at_timezone(TIMESTAMP '2012-10-31 01:00:00', '+05:30')) AS varchar)", "2012-10-29 00:00:00.000 +05:30")]
    [InlineData("SELECT format_datetime(x, 'yyyy-MM-dd HH:mm') FROM (SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York' AS x)", "2012-10-30 21:00")]
    [InlineData("SELECT CAST(CAST(x AS date) AS varchar) FROM (SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York' AS x)", "2012-10-30")]
    [InlineData("SELECT CAST(CAST(x AS timestamp) AS varchar) FROM (SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York' AS x)", "2012-10-30 21:00:00.000")]
    // Through a CTE, an aggregate and ORDER BY the zone stays with the column.
    [InlineData("WITH t AS (SELECT x AT TIME ZONE 'Europe/Berlin' AS b FROM (VALUES timestamp '2024-03-01 10:00 UTC', timestamp '2024-03-02 10:00 UTC') v(x)) "
        + "SELECT CAST(max(b) AS varchar) FROM t", "2024-03-02 11:00:00.000 Europe/Berlin")]
    [InlineData("SELECT to_unixtime(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York')", "1351645200")]
    public void Zoned_values_act_as_Trinos(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT now() AT TIME ZONE z FROM (VALUES ('UTC')) AS t(z)", "AT TIME ZONE takes a constant zone", "AT TIME")]
    [InlineData("SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'Mars/Olympus_Mons'", "Time zone 'Mars/Olympus_Mons' is not known", "'Mars")]
    [InlineData("SELECT with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', '+15:00')", "Time zone '+15:00' is not known", "'+15")]
    public void A_zone_that_is_not_constant_or_not_known_is_refused_at_its_position(string sql, string message, string at)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains(message, e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(sql.IndexOf(at, StringComparison.Ordinal) + 1, e.Error.Column);
    }

    [Fact]
    public void A_query_names_a_bounded_number_of_zones()
    {
        string sql = "SELECT " + string.Join(", ", Enumerable.Range(1, DuneZones.MaxZonesPerText + 1)
            .Select(m => $"now() AT TIME ZONE '+01:{m:00}'"));
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains($"at most {DuneZones.MaxZonesPerText} time zones", e.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("America/New_York", "America/New_York")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("+5:30", "+05:30")]
    [InlineData("-0800", "-08:00")]
    [InlineData("+00:00", "UTC")]
    [InlineData("Etc/UTC", "UTC")]
    // TimeZoneKey.normalizeZoneId: an offset after UTC, GMT or UT; whole hours as ±h or ±hh; Etc/GMT's sign flipped (POSIX:
    // Etc/GMT+5 is five hours behind; the flip exists because Trino's index holds no Etc/GMT±n; it was refused here).
    [InlineData("GMT-08:30", "-08:30")]
    [InlineData("utc+5", "+05:00")]
    [InlineData("UT-03", "-03:00")]
    [InlineData("UTC+00:00", "UTC")]
    [InlineData("GMT+15", null)]
    [InlineData("GMT+5:30", null)]
    [InlineData("GMT+0530", null)]
    [InlineData("GMTX", null)]
    [InlineData("Etc/GMT+5", "-05:00")]
    [InlineData("etc/gmt-14", "+14:00")]
    [InlineData("+14:01", null)]
    [InlineData("Nowhere/City", null)]
    [InlineData("../etc/passwd", null)]
    public void Zone_names_are_Trinos(string zone, string? expected) => Assert.Equal(expected, DuneZones.Canonical(zone));

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("+05:30")]
    [InlineData("-03:00")]
    [InlineData("Etc/GMT+5")]
    public void A_zones_type_name_spells_the_zone_back(string zone) => Assert.Equal(zone, DuneZones.ZoneOf(DuneZones.TypeName(zone)));
}

/// <summary>Zoned values through the HTTP API: the JSON value, the column type and the CSV text a Dune client reads.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlZoneHttpTests(InProcessSharedServer shared)
{
    [Fact]
    public async Task A_value_in_another_zone_is_shown_as_Trino_shows_it()
    {
        var (row, types, csv) = await shared.Server.Alice.RunFirstRowAsync("SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles' AS la, "
            + "with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', '+05:30') AS k, "
            + "date_trunc('day', from_unixtime(1700000000, 'Asia/Tokyo')) AS d, "
            + "hour(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles') AS h");
        Assert.Equal("2012-10-30 18:00:00.000 America/Los_Angeles", row["la"]!.GetValue<string>());
        Assert.Equal("2022-11-01 09:08:07.321 +05:30", row["k"]!.GetValue<string>());
        Assert.Equal("2023-11-15 00:00:00.000 Asia/Tokyo", row["d"]!.GetValue<string>());
        Assert.Equal(18, row["h"]!.GetValue<long>());
        Assert.Equal(["timestamp(3) with time zone", "timestamp(3) with time zone", "timestamp(3) with time zone", "bigint"], types);
        Assert.Equal("la,k,d,h", csv[0]);
        Assert.Equal("2012-10-30 18:00:00.000 America/Los_Angeles,2022-11-01 09:08:07.321 +05:30,2023-11-15 00:00:00.000 Asia/Tokyo,18", csv[1]);
    }

    [Fact]
    public async Task Demo_rows_grouped_by_a_local_day_keep_the_zone()
    {
        var (row, types, _) = await shared.Server.Alice.RunFirstRowAsync("SELECT date_trunc('day', block_time AT TIME ZONE 'America/New_York') AS day, "
            + "count(*) AS n FROM ethereum.transactions GROUP BY 1 ORDER BY 1 DESC LIMIT 1");
        Assert.EndsWith(" 00:00:00.000 America/New_York", row["day"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(row["n"]!.GetValue<long>() > 0);
        Assert.Equal("timestamp(3) with time zone", types[0]);
    }
}
