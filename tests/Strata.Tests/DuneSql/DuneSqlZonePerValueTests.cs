using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// A zone per value (branch dune-time4): values of several zones in one column (a UNION, CASE, COALESCE, IF of zoned
/// values) and zones or offsets that differ by row (<c>from_iso8601_timestamp(column)</c>, <c>at_timezone</c>,
/// <c>with_timezone</c>, <c>from_unixtime</c> with a zone column) keep each value's zone, as Trino's
/// <c>timestamp(3) with time zone</c> (datetime.md: the value is an instant and its zone); <c>date_diff</c> of two values
/// in different zones counts on the first value's calendar (Trino's DateTimeFunctions.diffTimestampWithTimeZone takes
/// the chronology of the first argument's zone).
/// </summary>
public sealed class DuneSqlZonePerValueTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private List<string> Column(string sql) => db.Rows(sql).Select(r => r[0]).ToList();

    private const string TwoOffsets = "SELECT 1 AS n, from_iso8601_timestamp('2024-03-10T01:30:00+01:00') AS x "
        + "UNION ALL SELECT 2, from_iso8601_timestamp('2024-03-10T01:30:00-05:00')";

    [Fact]
    public void A_union_of_two_offsets_shows_each_values_offset()
    {
        Assert.Equal(["2024-03-10 01:30:00.000 +01:00", "2024-03-10 01:30:00.000 -05:00"],
            Column($"SELECT CAST(x AS varchar) FROM ({TwoOffsets}) ORDER BY n"));
        // The brief's example, both orders.
        Assert.Equal(["2024-01-01 00:00:00.000 +01:00", "2024-01-01 00:00:00.000 -05:00"],
            Column("SELECT CAST(x AS varchar) FROM (SELECT from_iso8601_timestamp('2024-01-01T00:00:00+01:00') AS x UNION ALL "
                + "SELECT from_iso8601_timestamp('2024-01-01T00:00:00-05:00')) ORDER BY 1"));
        Assert.Equal(["2024-01-01 00:00:00.000 -05:00", "2024-01-01 00:00:00.000 UTC"],
            Column("SELECT CAST(x AS varchar) FROM (SELECT from_iso8601_timestamp('2024-01-01T00:00:00-05:00') AS x UNION ALL "
                + "SELECT from_iso8601_timestamp('2024-01-01T00:00:00Z')) ORDER BY 1"));
        Assert.Equal(["timestamp(3) with time zone"], Column($"SELECT DISTINCT typeof(x) FROM ({TwoOffsets})"));
    }

    [Theory]
    // The wall clock in each value's zone: hour(), format_datetime, date_trunc, casts.
    [InlineData("hour(x)", "1", "1")]
    [InlineData("format_datetime(x, 'yyyy-MM-dd HH:mm')", "2024-03-10 01:30", "2024-03-10 01:30")]
    [InlineData("CAST(date_trunc('day', x) AS varchar)", "2024-03-10 00:00:00.000 +01:00", "2024-03-10 00:00:00.000 -05:00")]
    [InlineData("CAST(date_trunc('hour', x) + interval '1' month AS varchar)", "2024-04-10 01:00:00.000 +01:00", "2024-04-10 01:00:00.000 -05:00")]
    [InlineData("CAST(CAST(x AS timestamp) AS varchar)", "2024-03-10 01:30:00.000", "2024-03-10 01:30:00.000")]
    [InlineData("CAST(CAST(x AS date) AS varchar)", "2024-03-10", "2024-03-10")]
    // The offset of each value; the instant in another zone.
    [InlineData("timezone_hour(x)", "1", "-5")]
    [InlineData("CAST(at_timezone(x, 'UTC') AS varchar)", "2024-03-10 00:30:00.000 UTC", "2024-03-10 06:30:00.000 UTC")]
    [InlineData("CAST(x AT TIME ZONE 'Asia/Tokyo' AS varchar)", "2024-03-10 09:30:00.000 Asia/Tokyo", "2024-03-10 15:30:00.000 Asia/Tokyo")]
    [InlineData("to_iso8601(x)", "2024-03-10T01:30:00.000+01:00", "2024-03-10T01:30:00.000-05:00")]
    [InlineData("to_unixtime(x)", "1710030600", "1710052200")]
    // Comparisons with a UTC value and differences read the instants.
    [InlineData("x < TIMESTAMP '2024-03-10 03:00:00 UTC'", "true", "false")]
    [InlineData("date_diff('hour', TIMESTAMP '2024-03-10 00:00:00 UTC', x)", "0", "6")]
    public void Each_value_of_a_union_is_read_in_its_own_zone(string expression, string first, string second) =>
        Assert.Equal([first, second], Column($"SELECT {expression} FROM ({TwoOffsets}) ORDER BY n"));

    [Theory]
    // CASE, COALESCE and IF over values of two zones (datetime.md's AT TIME ZONE): each row keeps its branch's zone.
    [InlineData("CASE WHEN n = 1 THEN ts AT TIME ZONE 'Asia/Tokyo' ELSE ts AT TIME ZONE 'America/New_York' END",
        "2024-01-01 09:00:00.000 Asia/Tokyo", "2023-12-31 19:00:00.000 America/New_York")]
    [InlineData("coalesce(IF(n = 1, ts AT TIME ZONE 'Asia/Tokyo', NULL), at_timezone(ts, '-05:00'))",
        "2024-01-01 09:00:00.000 Asia/Tokyo", "2023-12-31 19:00:00.000 -05:00")]
    [InlineData("IF(n = 1, with_timezone(TIMESTAMP '2024-01-01 00:00:00', 'Europe/Paris'), from_unixtime(1704067200, 'America/Los_Angeles'))",
        "2024-01-01 00:00:00.000 Europe/Paris", "2023-12-31 16:00:00.000 America/Los_Angeles")]
    public void Case_coalesce_and_if_keep_each_branchs_zone(string expression, string first, string second) =>
        Assert.Equal([first, second], Column($"SELECT CAST({expression} AS varchar) FROM (VALUES (1, TIMESTAMP '2024-01-01 00:00:00 UTC'), "
            + "(2, TIMESTAMP '2024-01-01 00:00:00 UTC')) AS t(n, ts) ORDER BY n"));

    private const string IsoRows = "(VALUES (1, '2020-05-11T11:15:05.055+01:00'), (2, '2020-05-11T11:15:05.055-03:30'), (3, '2020-05-11T11:15:05Z'), "
        + "(4, '2020-05-11'), (5, '2020-05-11T23:00:00+0530')) AS t(n, s)";

    [Fact]
    public void From_iso8601_timestamp_of_a_column_keeps_each_rows_offset()
    {
        // datetime.mdx: from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00') is 2020-05-11 11:15:05.055 +01:00; a text
        // without an offset is in the session zone (UTC).
        Assert.Equal(["2020-05-11 11:15:05.055 +01:00", "2020-05-11 11:15:05.055 -03:30", "2020-05-11 11:15:05.000 UTC",
            "2020-05-11 00:00:00.000 UTC", "2020-05-11 23:00:00.000 +05:30"],
            Column($"SELECT CAST(from_iso8601_timestamp(s) AS varchar) FROM {IsoRows} ORDER BY n"));
        Assert.Equal(["1 0", "-3 -30", "0 0", "0 0", "5 30"],
            Column($"SELECT CAST(timezone_hour(x) AS varchar) || ' ' || CAST(timezone_minute(x) AS varchar) FROM "
                + $"(SELECT n, from_iso8601_timestamp(s) AS x FROM {IsoRows}) ORDER BY n"));
        // The local day of each row, and the instants (one hour and 3.5 hours from 11:15:05 UTC).
        Assert.Equal(["2020-05-11 00:00:00.000 +01:00", "2020-05-11 00:00:00.000 -03:30", "2020-05-11 00:00:00.000 UTC",
            "2020-05-11 00:00:00.000 UTC", "2020-05-11 00:00:00.000 +05:30"],
            Column($"SELECT CAST(date_trunc('day', from_iso8601_timestamp(s)) AS varchar) FROM {IsoRows} ORDER BY n"));
        Assert.Equal(["-60", "210", "0", "-675", "374"],
            Column($"SELECT date_diff('minute', TIMESTAMP '2020-05-11 11:15:05.055 UTC', from_iso8601_timestamp(s)) FROM {IsoRows} ORDER BY n"));
        Assert.Equal(["3"], Column($"SELECT count(*) FROM {IsoRows} WHERE from_iso8601_timestamp(s) > TIMESTAMP '2020-05-11 11:00:00 UTC'"));
        Assert.Equal(["timestamp(3) with time zone"], Column($"SELECT DISTINCT typeof(from_iso8601_timestamp(s)) FROM {IsoRows}"));
    }

    private const string ZoneRows = "(VALUES (1, 'America/Los_Angeles'), (2, 'asia/kolkata'), (3, '+05:30'), (4, 'UTC'), (5, NULL)) AS t(n, z)";

    [Fact]
    public void A_zone_column_gives_each_row_its_zone()
    {
        // datetime.md's with_timezone and at_timezone examples (session zone UTC), with the zone from a column.
        Assert.Equal(["2022-11-01 09:08:07.321 America/Los_Angeles", "2022-11-01 09:08:07.321 Asia/Kolkata",
            "2022-11-01 09:08:07.321 +05:30", "2022-11-01 09:08:07.321 UTC", "NULL"],
            Column($"SELECT CAST(with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', z) AS varchar) FROM {ZoneRows} ORDER BY n"));
        Assert.Equal(["2022-11-01 02:08:07.321 America/Los_Angeles", "2022-11-01 14:38:07.321 Asia/Kolkata",
            "2022-11-01 14:38:07.321 +05:30", "2022-11-01 09:08:07.321 UTC", "NULL"],
            Column($"SELECT CAST(at_timezone(TIMESTAMP '2022-11-01 09:08:07.321', z) AS varchar) FROM {ZoneRows} ORDER BY n"));
        Assert.Equal(["2023-11-14 14:13:20.000 America/Los_Angeles", "2023-11-15 03:43:20.000 Asia/Kolkata",
            "2023-11-15 03:43:20.000 +05:30", "2023-11-14 22:13:20.000 UTC", "NULL"],
            Column($"SELECT CAST(from_unixtime(1700000000, z) AS varchar) FROM {ZoneRows} ORDER BY n"));
        // with_timezone keeps the wall clock, so the instants differ by the offsets; at_timezone keeps the instant.
        Assert.Equal(["1667318887", "1667273887", "1667273887", "1667293687", "NULL"],
            Column($"SELECT CAST(to_unixtime(with_timezone(TIMESTAMP '2022-11-01 09:08:07', z)) AS bigint) FROM {ZoneRows} ORDER BY n"));
        Assert.Equal(["2", "14", "14", "9", "NULL"],
            Column($"SELECT hour(at_timezone(TIMESTAMP '2022-11-01 09:08:07.321', z)) FROM {ZoneRows} ORDER BY n"));
    }

    [Fact]
    public void An_unknown_zone_in_a_column_fails_naming_it()
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Rows("SELECT at_timezone(now(), z) FROM (VALUES ('Mars/Olympus_Mons')) AS t(z)"));
        Assert.Contains("Time zone 'Mars/Olympus_Mons' is not known", e.Message, StringComparison.Ordinal);
    }

    private const string AB = "(SELECT TIMESTAMP '2024-03-09 12:00:00 UTC' AS a, TIMESTAMP '2024-03-10 11:30:00 UTC' AS b)";

    [Theory]
    // New York springs forward on 2024-03-10: 07:00 EST on the 9th to 07:30 EDT on the 10th is 23.5 hours, a day on New
    // York's calendar, none on Tokyo's. Trino counts days on the first argument's zone.
    [InlineData("SELECT date_diff('day', a AT TIME ZONE 'America/New_York', b AT TIME ZONE 'Asia/Tokyo') FROM AB", "1")]
    [InlineData("SELECT date_diff('day', a AT TIME ZONE 'Asia/Tokyo', b AT TIME ZONE 'America/New_York') FROM AB", "0")]
    [InlineData("SELECT date_diff('hour', a AT TIME ZONE 'America/New_York', b AT TIME ZONE 'Asia/Tokyo') FROM AB", "23")]
    [InlineData("SELECT date_diff('hour', a AT TIME ZONE 'Asia/Tokyo', b AT TIME ZONE 'America/New_York') FROM AB", "23")]
    [InlineData("SELECT to_milliseconds(b AT TIME ZONE 'America/New_York' - a AT TIME ZONE 'Asia/Tokyo') FROM AB", "84600000")]
    // Values of two zones met in a union: each value's own calendar.
    [InlineData("SELECT date_diff('day', x, b) FROM (SELECT a AT TIME ZONE 'America/New_York' AS x, b FROM AB UNION ALL "
        + "SELECT a AT TIME ZONE 'Asia/Tokyo', b FROM AB) ORDER BY 1", "0", "1")]
    public void Date_diff_of_two_zones_counts_on_the_first_ones_calendar(string sql, params string[] expected) =>
        Assert.Equal(expected, Column(sql.Replace("FROM AB", "FROM " + AB, StringComparison.Ordinal)));

    [Fact]
    public void A_text_of_one_zone_keeps_its_zone_type()
    {
        // Only texts that mix zones in a combining construct use the per-value type; one zone keeps its own.
        Assert.DoesNotContain(DuneZones.PerValueType, DuneSqlTranslator.Translate(
            "SELECT x AT TIME ZONE 'Asia/Tokyo' FROM (SELECT now() AS x UNION ALL SELECT now())").Sql, StringComparison.Ordinal);
        Assert.DoesNotContain(DuneZones.PerValueType, DuneSqlTranslator.Translate(
            "SELECT x AT TIME ZONE 'Asia/Tokyo' = x AT TIME ZONE 'America/New_York' FROM (SELECT now() AS x)").Sql, StringComparison.Ordinal);
        Assert.DoesNotContain(DuneZones.PerValueType, DuneSqlTranslator.Translate("SELECT block_time FROM ethereum.blocks").Sql, StringComparison.Ordinal);
    }
}

[Collection(SharedServerCollection.Name)]
public sealed class DuneSqlZonePerValueHttpTests(SharedServer shared)
{
    [Fact]
    public async Task Values_of_two_zones_in_one_column_reach_the_client_each_in_its_zone()
    {
        var (row, types, csv) = await shared.Server.Alice.RunFirstRowAsync("SELECT x, from_iso8601_timestamp(s) AS p FROM ("
            + "SELECT 1 AS n, from_iso8601_timestamp('2024-01-01T00:00:00+01:00') AS x, '2020-05-11T11:15:05.055+01:00' AS s UNION ALL "
            + "SELECT 2, from_iso8601_timestamp('2024-01-01T00:00:00-05:00'), '2020-05-11T11:15:05.055-03:30') ORDER BY n DESC LIMIT 1");
        Assert.Equal("2024-01-01 00:00:00.000 -05:00", row["x"]!.GetValue<string>());
        Assert.Equal("2020-05-11 11:15:05.055 -03:30", row["p"]!.GetValue<string>());
        Assert.Equal(["timestamp(3) with time zone", "timestamp(3) with time zone"], types);
        Assert.Equal("2024-01-01 00:00:00.000 -05:00,2020-05-11 11:15:05.055 -03:30", csv[1]);
    }
}
