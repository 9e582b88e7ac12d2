namespace Strata.Tests.DuneSql;

/// <summary>
/// Date/time gaps closed by branch dune-time3, with Trino's semantics (trinodb/trino datetime.md, Dune's datetime.mdx):
/// <c>date_diff</c> of zoned values counts elapsed time below a day and the zone's calendar from a day up; a function of
/// two values in different zones reads the instants; <c>timezone_hour</c>/<c>timezone_minute</c> read the value's zone;
/// <c>from_iso8601_timestamp</c> keeps a constant text's offset; <c>date - date</c> of two date columns is an interval;
/// intervals and times with a zone are cast to varchar as Trino writes them. In-process DuckDB.
/// </summary>
public sealed class DuneSqlTimeGapsTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private const string NyBefore = "timestamp '2012-11-04 00:00 UTC' AT TIME ZONE 'America/New_York'"; // 20:00 EDT (UTC-4)
    private const string NyAfter = "timestamp '2012-11-05 00:00 UTC' AT TIME ZONE 'America/New_York'"; // 19:00 EST (UTC-5)

    [Theory]
    // New York's clocks went back an hour on 2012-11-04: 24 hours elapsed, 23 on the wall clock. Trino counts elapsed time
    // for units below a day (Joda's zoned fields use time arithmetic there).
    [InlineData("SELECT date_diff('hour', " + NyBefore + ", " + NyAfter + ")", "24")]
    [InlineData("SELECT date_diff('minute', " + NyBefore + ", " + NyAfter + ")", "1440")]
    [InlineData("SELECT date_diff('second', " + NyBefore + ", " + NyAfter + ")", "86400")]
    [InlineData("SELECT date_diff('millisecond', " + NyBefore + ", " + NyAfter + ")", "86400000")]
    [InlineData("SELECT date_diff('hour', " + NyAfter + ", " + NyBefore + ")", "-24")]
    // Spring forward (2024-03-10): 24 hours elapsed, 25 on the wall clock.
    [InlineData("SELECT date_diff('hour', timestamp '2024-03-09 12:00 UTC' AT TIME ZONE 'America/New_York', timestamp '2024-03-10 12:00 UTC' AT TIME ZONE 'America/New_York')", "24")]
    // A day and longer units count on the zone's calendar: 20:00 to 19:00 the next day is not a whole day.
    [InlineData("SELECT date_diff('day', " + NyBefore + ", " + NyAfter + ")", "0")]
    [InlineData("SELECT date_diff('day', timestamp '2012-11-03 12:00 UTC' AT TIME ZONE 'America/New_York', timestamp '2012-11-05 17:00 UTC' AT TIME ZONE 'America/New_York')", "2")]
    [InlineData("SELECT date_diff('week', timestamp '2024-01-01 12:00 UTC' AT TIME ZONE 'Asia/Tokyo', timestamp '2024-01-15 12:00 UTC' AT TIME ZONE 'Asia/Tokyo')", "2")]
    [InlineData("SELECT date_diff('month', timestamp '2024-01-31 12:00 UTC' AT TIME ZONE 'Europe/Berlin', timestamp '2024-02-29 12:00 UTC' AT TIME ZONE 'Europe/Berlin')", "1")]
    [InlineData("SELECT date_diff('month', timestamp '2024-01-15 12:00 UTC' AT TIME ZONE 'Europe/Berlin', timestamp '2024-02-15 11:00 UTC' AT TIME ZONE 'Europe/Berlin')", "0")]
    [InlineData("SELECT date_diff('quarter', timestamp '2024-01-15 12:00 UTC' AT TIME ZONE 'Europe/Berlin', timestamp '2024-08-15 12:00 UTC' AT TIME ZONE 'Europe/Berlin')", "2")]
    [InlineData("SELECT date_diff('year', timestamp '2020-02-29 12:00 UTC' AT TIME ZONE '+05:30', timestamp '2024-02-29 12:00 UTC' AT TIME ZONE '+05:30')", "4")]
    // Two zones: the same instant is no time apart (the wall clocks are 14 hours apart).
    [InlineData("SELECT date_diff('hour', x AT TIME ZONE 'America/New_York', x AT TIME ZONE 'Asia/Tokyo') FROM (SELECT timestamp '2024-01-01 12:00 UTC' AS x)", "0")]
    [InlineData("SELECT to_milliseconds(x AT TIME ZONE 'America/New_York' - x AT TIME ZONE 'Asia/Tokyo') FROM (SELECT timestamp '2024-01-01 12:00 UTC' AS x)", "0")]
    [InlineData("SELECT to_milliseconds(x AT TIME ZONE 'Asia/Tokyo' - x AT TIME ZONE 'America/New_York') FROM (SELECT timestamp '2024-01-01 12:00 UTC' AS x)", "0")]
    // A zoned value against a UTC one: the instants.
    [InlineData("SELECT date_diff('hour', " + NyBefore + ", timestamp '2012-11-05 00:00 UTC')", "24")]
    // ... and a day on the first argument's calendar (dune-wild4): New York's 2012-11-03 20:00 to 2012-11-04 19:00 is not a
    // whole day there (on UTC's calendar it is 2012-11-04 00:00 to 2012-11-05 00:00, one day). UTC first: UTC's calendar.
    [InlineData("SELECT date_diff('day', " + NyBefore + ", timestamp '2012-11-05 00:00 UTC')", "0")]
    [InlineData("SELECT date_diff('day', " + NyBefore + ", x) FROM (SELECT timestamp '2012-11-05 00:00 UTC' AS x)", "0")]
    [InlineData("SELECT date_diff('day', timestamp '2012-11-04 00:00 UTC', " + NyAfter + ")", "1")]
    // Unchanged: timestamps without a zone and dates (datetime.mdx's examples).
    [InlineData("SELECT date_diff('second', TIMESTAMP '2020-03-01 00:00:00', TIMESTAMP '2020-03-02 00:00:00')", "86400")]
    [InlineData("SELECT date_diff('hour', TIMESTAMP '2020-03-01 00:00:00 UTC', TIMESTAMP '2020-03-02 00:00:00 UTC')", "24")]
    [InlineData("SELECT date_diff('day', DATE '2020-03-01', DATE '2020-03-02')", "1")]
    public void Date_diff_of_zoned_values_is_Trinos(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Date_diff_of_zoned_values_refuses_an_unknown_unit()
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT date_diff('fortnight', " + NyBefore + ", " + NyAfter + ")"));
        Assert.Contains("fortnight", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT timezone_hour(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE '+05:30')", "5")]
    [InlineData("SELECT timezone_minute(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE '+05:30')", "30")]
    [InlineData("SELECT timezone_hour(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE '-03:30')", "-3")]
    [InlineData("SELECT timezone_minute(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE '-03:30')", "-30")]
    [InlineData("SELECT extract(timezone_hour FROM timestamp '2024-07-01 12:00 UTC' AT TIME ZONE 'America/New_York')", "-4")]
    [InlineData("SELECT extract(timezone_hour FROM timestamp '2024-01-01 12:00 UTC' AT TIME ZONE 'America/New_York')", "-5")]
    [InlineData("SELECT extract(timezone_minute FROM timestamp '2024-01-01 12:00 UTC' AT TIME ZONE 'Asia/Kathmandu')", "45")]
    [InlineData("SELECT timezone_hour(timestamp '2024-01-01 12:00 UTC')", "0")]
    public void Timezone_hour_and_minute_read_the_values_zone(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // datetime.mdx's documented example (the session zone of the two others is Dune's UTC here).
    [InlineData("SELECT CAST(from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00') AS varchar)", "2020-05-11 11:15:05.055 +01:00")]
    [InlineData("SELECT CAST(from_iso8601_timestamp('2020-05-11T11:15:05') AS varchar)", "2020-05-11 11:15:05.000 UTC")]
    [InlineData("SELECT CAST(from_iso8601_timestamp('2020-05-11') AS varchar)", "2020-05-11 00:00:00.000 UTC")]
    [InlineData("SELECT CAST(from_iso8601_timestamp('2020-05-11T11:15:05-08:00') AS varchar)", "2020-05-11 11:15:05.000 -08:00")]
    [InlineData("SELECT CAST(from_iso8601_timestamp('2020-05-11T11:15:05+0530') AS varchar)", "2020-05-11 11:15:05.000 +05:30")]
    [InlineData("SELECT CAST(from_iso8601_timestamp('2020-05-11T11:15:05Z') AS varchar)", "2020-05-11 11:15:05.000 UTC")]
    [InlineData("SELECT CAST(from_iso8601_timestamp('2020-05-11T11:15:05+00:00') AS varchar)", "2020-05-11 11:15:05.000 UTC")]
    // timestamp(9) with time zone: a cast to varchar writes nine digits (Trino; decision 253). Six given, six kept (nine
    // given keep only six with an offset: decision 253's Left).
    [InlineData("SELECT CAST(from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456+01:00') AS varchar)", "2020-05-11 11:15:05.123456000 +01:00")]
    [InlineData("SELECT typeof(from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00'))", "timestamp(3) with time zone")]
    [InlineData("SELECT timezone_hour(from_iso8601_timestamp('2020-05-11T11:15:05+05:30')) * 100 + timezone_minute(from_iso8601_timestamp('2020-05-11T11:15:05+05:30'))", "530")]
    [InlineData("SELECT hour(from_iso8601_timestamp('2020-05-11T11:15:05-08:00'))", "11")]
    // The instant is the text's: 11:15 at -08:00 is 19:15 UTC.
    [InlineData("SELECT from_iso8601_timestamp('2020-05-11T11:15:05-08:00') = timestamp '2020-05-11 19:15:05 UTC'", "true")]
    // to_iso8601 of a value in another zone writes its wall clock and offset (Java's ISO_OFFSET_DATE_TIME).
    [InlineData("SELECT to_iso8601(from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00'))", "2020-05-11T11:15:05.055+01:00")]
    [InlineData("SELECT to_iso8601(timestamp '2024-01-01 12:00 UTC' AT TIME ZONE 'America/New_York')", "2024-01-01T07:00:00.000-05:00")]
    [InlineData("SELECT to_iso8601(timestamp '2024-01-01 12:00 UTC' AT TIME ZONE 'Europe/London')", "2024-01-01T12:00:00.000Z")]
    [InlineData("SELECT to_iso8601(timestamp '2024-01-01 12:00 UTC' AT TIME ZONE '-03:30')", "2024-01-01T08:30:00.000-03:30")]
    public void From_iso8601_timestamp_keeps_the_offset(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    /// <summary>Over a column each row keeps its offset (a zone per value, docs/notes/dune-time4.md), as Trino's
    /// <c>2020-05-11 11:15:05.000 +01:00</c>. A value with an offset compared with a UTC value of the same instant is equal,
    /// as in Trino (decision 275: the comparison reads the instants; it was documented here as false before).</summary>
    [Theory]
    [InlineData("SELECT CAST(from_iso8601_timestamp(x) AS varchar) FROM (VALUES ('2020-05-11T11:15:05+01:00')) t(x)", "2020-05-11 11:15:05.000 +01:00")]
    [InlineData("SELECT from_iso8601_timestamp(x) = timestamp '2020-05-11 19:15:05 UTC' FROM (VALUES ('2020-05-11T11:15:05-08:00')) t(x)", "true")]
    [InlineData("SELECT timestamp '2020-05-11 19:15:05 UTC' = from_iso8601_timestamp(x) FROM (VALUES ('2020-05-11T11:15:05-08:00')) t(x)", "true")]
    [InlineData("SELECT at_timezone(from_iso8601_timestamp(x), 'UTC') = timestamp '2020-05-11 19:15:05 UTC' FROM (VALUES ('2020-05-11T11:15:05-08:00')) t(x)", "true")]
    [InlineData("SELECT to_unixtime(from_iso8601_timestamp(x)) = to_unixtime(timestamp '2020-05-11 19:15:05 UTC') FROM (VALUES ('2020-05-11T11:15:05-08:00')) t(x)", "true")]
    [InlineData("SELECT from_iso8601_timestamp(x) BETWEEN timestamp '2020-05-11 19:15:04 UTC' AND timestamp '2020-05-11 19:15:06 UTC' FROM (VALUES ('2020-05-11T11:15:05-08:00')) t(x)", "true")]
    [InlineData("SELECT hour(from_iso8601_timestamp(x) AT TIME ZONE 'America/Los_Angeles') FROM (VALUES ('2020-05-11T11:15:05-07:00')) t(x)", "11")]
    public void From_iso8601_timestamp_of_a_column_keeps_each_rows_offset(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT CAST(d1 - d2 AS varchar) FROM (VALUES (DATE '2024-03-01', DATE '2024-02-01')) t(d1, d2)", "29 00:00:00.000")]
    [InlineData("SELECT typeof(d1 - d2) FROM (VALUES (DATE '2024-03-01', DATE '2024-02-01')) t(d1, d2)", "interval day to second")]
    [InlineData("SELECT CAST(t.d2 - t.d1 AS varchar) FROM (VALUES (DATE '2024-03-01', DATE '2024-02-01')) t(d1, d2)", "-29 00:00:00.000")]
    [InlineData("SELECT CAST(max(d) - min(d) AS varchar) FROM (VALUES DATE '2024-01-01', DATE '2024-01-08') t(d)", "7 00:00:00.000")]
    [InlineData("SELECT count(*) FROM (VALUES (DATE '2024-03-01', DATE '2024-02-01')) t(d1, d2) WHERE d1 - d2 > interval '28' day", "1")]
    [InlineData("SELECT d1 - d2 IS NULL FROM (VALUES (DATE '2024-03-01', CAST(NULL AS date))) t(d1, d2)", "true")]
    // Guards: other subtractions of columns keep DuckDB's (and Trino's) types and values.
    [InlineData("SELECT CAST(a - b AS varchar) || ' ' || typeof(a - b) FROM (VALUES (10, 3)) t(a, b)", "7 integer")]
    [InlineData("SELECT typeof(a - b) FROM (VALUES (CAST(10 AS bigint), CAST(3 AS bigint))) t(a, b)", "bigint")]
    [InlineData("SELECT CAST(a - b AS varchar) FROM (VALUES (CAST(1.50 AS decimal(4,2)), CAST(0.25 AS decimal(4,2)))) t(a, b)", "1.25")]
    [InlineData("SELECT CAST(a - b AS varchar) FROM (VALUES (TIMESTAMP '2024-01-02 03:00:00', TIMESTAMP '2024-01-01 00:00:00')) t(a, b)", "1 03:00:00.000")]
    [InlineData("SELECT CAST(a - b AS varchar) FROM (VALUES (DATE '2024-03-01', TIMESTAMP '2024-02-29 12:00:00')) t(a, b)", "0 12:00:00.000")]
    [InlineData("SELECT sum(a - b) FROM (VALUES (5, 1), (7, 2)) t(a, b)", "9")]
    public void Date_minus_date_of_columns_is_an_interval(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // Trino's text of intervals (types.md: day to second D HH:MM:SS.fff, year to month Y-M).
    [InlineData("SELECT CAST(INTERVAL '3' DAY AS varchar)", "3 00:00:00.000")]
    [InlineData("SELECT CAST(INTERVAL '90' MINUTE AS varchar)", "0 01:30:00.000")]
    [InlineData("SELECT CAST(INTERVAL '14' MONTH AS varchar)", "1-2")]
    [InlineData("SELECT CAST(INTERVAL '2' YEAR AS varchar)", "2-0")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-03 03:04:05.5' - TIMESTAMP '2024-01-01 00:00:00' AS varchar)", "2 03:04:05.500")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00' - TIMESTAMP '2024-01-03 03:04:05' AS varchar)", "-2 03:04:05.000")]
    [InlineData("SELECT CAST(parse_duration('42.8ms') AS varchar)", "0 00:00:00.043")]
    [InlineData("SELECT TRY_CAST(INTERVAL '3' DAY AS varchar)", "3 00:00:00.000")]
    [InlineData("SELECT CAST(i AS varchar) FROM (VALUES INTERVAL '1' HOUR, INTERVAL '25' HOUR) t(i) ORDER BY i DESC LIMIT 1", "1 01:00:00.000")]
    [InlineData("SELECT CAST(CAST(NULL AS interval) AS varchar) IS NULL", "true")]
    // Trino's time(3) with time zone text: milliseconds and the offset as ±hh:mm.
    [InlineData("SELECT CAST(CAST('01:02:03.456789+05:30' AS time with time zone) AS varchar)", "01:02:03.456+05:30")]
    [InlineData("SELECT CAST(CAST('23:00:00-08:00' AS time with time zone) AS varchar)", "23:00:00.000-08:00")]
    // Unchanged: times and timestamps.
    [InlineData("SELECT CAST(TIME '22:00:00' AS varchar)", "22:00:00.000")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 12:00:00.123' AS varchar)", "2024-01-01 12:00:00.123")]
    public void Intervals_and_times_cast_to_varchar_as_Trino(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Current_time_cast_to_varchar_is_Trinos_text() =>
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$", db.Scalar("SELECT CAST(current_time AS varchar)"));
}

/// <summary>The same through the HTTP API: the JSON value, <c>column_types</c> and the CSV text.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTimeGapsHttpTests(InProcessSharedServer shared)
{
    [Fact]
    public async Task Zoned_differences_offsets_and_texts_reach_the_client_as_Trinos()
    {
        var (row, types, csv) = await shared.Server.Alice.RunFirstRowAsync("SELECT "
            + "date_diff('hour', timestamp '2012-11-04 00:00 UTC' AT TIME ZONE 'America/New_York', timestamp '2012-11-05 00:00 UTC' AT TIME ZONE 'America/New_York') AS h, "
            + "timezone_hour(from_iso8601_timestamp('2020-05-11T11:15:05+05:30')) AS tzh, "
            + "from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00') AS iso, "
            + "d1 - d2 AS dd, "
            + "CAST(INTERVAL '14' MONTH AS varchar) AS ym, "
            + "CAST(TIMESTAMP '2024-01-03 03:04:05' - TIMESTAMP '2024-01-01 00:00:00' AS varchar) AS ds "
            + "FROM (VALUES (DATE '2024-03-01', DATE '2024-02-01')) t(d1, d2)");
        Assert.Equal(24, row["h"]!.GetValue<long>());
        Assert.Equal(5, row["tzh"]!.GetValue<long>());
        Assert.Equal("2020-05-11 11:15:05.055 +01:00", row["iso"]!.GetValue<string>());
        Assert.Equal("29 00:00:00.000", row["dd"]!.GetValue<string>());
        Assert.Equal("1-2", row["ym"]!.GetValue<string>());
        Assert.Equal("2 03:04:05.000", row["ds"]!.GetValue<string>());
        Assert.Equal(["bigint", "bigint", "timestamp(3) with time zone", "interval day to second", "varchar", "varchar"], types);
        Assert.Equal("h,tzh,iso,dd,ym,ds", csv[0]);
        Assert.Equal("24,5,2020-05-11 11:15:05.055 +01:00,29 00:00:00.000,1-2,2 03:04:05.000", csv[1]);
    }

    [Fact]
    public async Task A_time_with_time_zone_is_shown_with_its_offset()
    {
        var (row, types, csv) = await shared.Server.Alice.RunFirstRowAsync("SELECT current_time AS t, CAST(current_time AS varchar) AS s");
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$", row["t"]!.GetValue<string>());
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$", row["s"]!.GetValue<string>());
        Assert.Equal(["time(3) with time zone", "varchar"], types);
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}\.\d{3}\+00:00,\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$", csv[1]);
    }
}
