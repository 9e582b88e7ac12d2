namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 248 (dune-datetime4), through the HTTP API in JSON and CSV: a <c>TIMESTAMP '…'</c> literal is typed by
/// its digits as Trino types it, three digits at least (decision 252) (trinodb/trino DateTimes.extractTimestampPrecision: the fraction's length, 0 without one;
/// timestampHasTimeZone: any text after the time is a zone), and the arithmetic that follows keeps the timestamp's type
/// (TimestampPlusIntervalDayToSecond, DateAdd, DateTrunc: timestamp(p) in, timestamp(p) out; a common super type is the larger
/// precision, TypeCoercion.getCommonSuperType). Trino prints exactly p digits (DateTimes.formatTimestamp: none and no point for 0).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlDateTime4Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00'", "timestamp(3)", "2020-01-01 00:00:00.000 UTC")]
    [InlineData("TIMESTAMP '2020-01-01'", "timestamp(3)", "2020-01-01 00:00:00.000 UTC")]
    [InlineData("TIMESTAMP '2020-01-01 10:20'", "timestamp(3)", "2020-01-01 10:20:00.000 UTC")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00.5'", "timestamp(3)", "2020-01-01 00:00:00.500 UTC")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00.123'", "timestamp(3)", "2020-01-01 00:00:00.123 UTC")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00.123456'", "timestamp(6)", "2020-01-01 00:00:00.123456 UTC")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00.1234567'", "timestamp(7)", "2020-01-01 00:00:00.1234567 UTC")]
    [InlineData("TIMESTAMP '2020-01-01 12:00:00 +01:00'", "timestamp(3) with time zone", "2020-01-01 12:00:00.000 +01:00")]
    [InlineData("TIMESTAMP '2020-01-01 12:00:00.12 America/New_York'", "timestamp(3) with time zone", "2020-01-01 12:00:00.120 America/New_York")]
    [InlineData("TIMESTAMP '2020-01-01 12:00:00 UTC'", "timestamp(3) with time zone", "2020-01-01 12:00:00.000 UTC")]
    [InlineData("TIMESTAMP '2020-01-01 12:00:00.123456 UTC'", "timestamp(6) with time zone", "2020-01-01 12:00:00.123456 UTC")]
    // Dune's datatypes.mdx, its TIMESTAMP(P) and TIMESTAMP(P) WITH TIME ZONE examples (Dune's API adds ' UTC' to a UTC value);
    // its literal without a fraction is timestamp(3) here (decision 252), as datetime.mdx prints such literals.
    [InlineData("TIMESTAMP '2020-06-10 15:55:23'", "timestamp(3)", "2020-06-10 15:55:23.000 UTC")]
    [InlineData("TIMESTAMP '2020-06-10 15:55:23.383345'", "timestamp(6)", "2020-06-10 15:55:23.383345 UTC")]
    [InlineData("cast(TIMESTAMP '2020-06-10 15:55:23.383345' as TIMESTAMP(1))", "timestamp(1)", "2020-06-10 15:55:23.4 UTC")]
    [InlineData("cast(TIMESTAMP '2020-06-10 15:55:23.383345' as TIMESTAMP(12))", "timestamp(12)", "2020-06-10 15:55:23.383345000000 UTC")]
    [InlineData("TIMESTAMP '2001-08-22 03:04:05.321 UTC'", "timestamp(3) with time zone", "2001-08-22 03:04:05.321 UTC")]
    [InlineData("TIMESTAMP '2001-08-22 03:04:05.321 -08:30'", "timestamp(3) with time zone", "2001-08-22 03:04:05.321 -08:30")]
    [InlineData("TIMESTAMP '2001-08-22 03:04:05.321 GMT-08:30'", "timestamp(3) with time zone", "2001-08-22 03:04:05.321 -08:30")]
    [InlineData("TIMESTAMP '2001-08-22 03:04:05.321 America/New_York'", "timestamp(3) with time zone", "2001-08-22 03:04:05.321 America/New_York")]
    // Arithmetic keeps the timestamp's precision (TimestampPlusIntervalDayToSecond, IntervalDayToSecondPlusTimestamp,
    // TimestampMinusIntervalYearToMonth: timestamp(p) → timestamp(p)).
    [InlineData("TIMESTAMP '2020-01-01 00:00:00' + INTERVAL '1' DAY", "timestamp(3)", "2020-01-02 00:00:00.000 UTC")]
    [InlineData("INTERVAL '2' HOUR + TIMESTAMP '2020-01-01 00:00:00.123456'", "timestamp(6)", "2020-01-01 02:00:00.123456 UTC")]
    [InlineData("TIMESTAMP '2020-03-31 00:00:00.5' - INTERVAL '1' MONTH + INTERVAL '1' SECOND", "timestamp(3)", "2020-02-29 00:00:01.500 UTC")]
    [InlineData("CAST(TIMESTAMP '2020-01-01 00:00:00.123456' AS timestamp(6)) + INTERVAL '1' DAY", "timestamp(6)", "2020-01-02 00:00:00.123456 UTC")]
    [InlineData("date_trunc('hour', TIMESTAMP '2020-01-01 10:30:00.12')", "timestamp(3)", "2020-01-01 10:00:00.000 UTC")]
    [InlineData("date_add('day', 1, TIMESTAMP '2020-01-01 00:00:00.1')", "timestamp(3)", "2020-01-02 00:00:00.100 UTC")]
    [InlineData("CAST(TIMESTAMP '2020-01-01 00:00:00' AS timestamp(3))", "timestamp(3)", "2020-01-01 00:00:00.000 UTC")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00' AT TIME ZONE 'Asia/Tokyo'", "timestamp(3) with time zone", "2020-01-01 09:00:00.000 Asia/Tokyo")]
    // A common super type is the larger precision (TypeCoercion.getCommonSuperType).
    [InlineData("coalesce(TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2020-01-01 00:00:00.1234')", "timestamp(4)", "2020-01-01 00:00:00.0000 UTC")]
    [InlineData("greatest(TIMESTAMP '2020-01-01 00:00:00', TIMESTAMP '2019-01-01 00:00:00.12')", "timestamp(3)", "2020-01-01 00:00:00.000 UTC")]
    // A cast between zoned types keeps the value's zone and rounds half up to p (Trino's
    // TimestampWithTimeZoneToTimestampWithTimeZoneCast; the zone is part of the value).
    [InlineData("CAST(TIMESTAMP '2024-01-01 00:00:00.123456' AT TIME ZONE 'America/New_York' AS timestamp(3) with time zone)",
        "timestamp(3) with time zone", "2023-12-31 19:00:00.123 America/New_York")]
    [InlineData("CAST(with_timezone(TIMESTAMP '2024-01-01 12:00:00.5', 'Asia/Tokyo') AS timestamp(0) with time zone)",
        "timestamp(0) with time zone", "2024-01-01 12:00:01 Asia/Tokyo")]
    [InlineData("CAST(TIMESTAMP '2024-01-01 12:00:00.123456 Europe/Paris' AS timestamp(6) with time zone)",
        "timestamp(6) with time zone", "2024-01-01 12:00:00.123456 Europe/Paris")]
    [InlineData("CAST(at_timezone(TIMESTAMP '2024-01-01 00:00:00.987654', 'Asia/Kolkata') AS timestamp(2) with time zone)",
        "timestamp(2) with time zone", "2024-01-01 05:30:00.99 Asia/Kolkata")]
    [InlineData("CAST(TIMESTAMP '2024-01-01 12:00:00 +05:30' AS timestamp with time zone)", "timestamp(3) with time zone", "2024-01-01 12:00:00.000 +05:30")]
    // from_iso8601_timestamp_nanos is timestamp(9) with time zone (Trino's datetime.md; Dune's datetime.mdx).
    [InlineData("from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456789Z')", "timestamp(9) with time zone", "2020-05-11 11:15:05.123456789 UTC")]
    [InlineData("from_iso8601_timestamp_nanos('2020-05-11T11:15:05.1')", "timestamp(9) with time zone", "2020-05-11 11:15:05.100000000 UTC")]
    public async Task A_timestamp_literal_is_typed_and_written_with_its_own_digits(string expression, string type, string expected)
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync($"SELECT {expression} AS a");
        Assert.Equal([type], types);
        Assert.Equal(expected, row["a"]!.GetValue<string>());
        Assert.Equal(expected, csv[1]);
    }

    /// <summary>A zoned cast reads its zone's clock (Trino: hour of the value in its zone).</summary>
    [Fact]
    public async Task A_zoned_cast_reads_its_zones_clock()
    {
        var (row, _, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT hour(CAST(TIMESTAMP '2024-01-01 12:00:00 Asia/Tokyo' AS timestamp(3) with time zone)) AS h, "
            + "CAST(TIMESTAMP '2024-01-01 12:00:00 Asia/Tokyo' AS timestamp(6) with time zone) = TIMESTAMP '2024-01-01 03:00:00 UTC' AS same");
        Assert.Equal(12, row["h"]!.GetValue<long>());
        Assert.True(row["same"]!.GetValue<bool>());
    }

    /// <summary>Values with a zone per row keep the timestamp's digits (at_timezone/with_timezone of a timestamp(p) are
    /// timestamp(p) with time zone, Trino's datetime.md); from_iso8601_timestamp_nanos of a column keeps nine digits.</summary>
    [Theory]
    [InlineData("SELECT at_timezone(TIMESTAMP '2024-01-01 00:00:00', z) AS a FROM (VALUES 'Asia/Tokyo', 'America/New_York') v(z)",
        "timestamp(3) with time zone", "a|2024-01-01 09:00:00.000 Asia/Tokyo|2023-12-31 19:00:00.000 America/New_York")]
    [InlineData("SELECT with_timezone(TIMESTAMP '2024-01-01 00:00:00.5', z) AS a FROM (VALUES 'Asia/Tokyo', '+01:00') v(z)",
        "timestamp(3) with time zone", "a|2024-01-01 00:00:00.500 Asia/Tokyo|2024-01-01 00:00:00.500 +01:00")]
    [InlineData("SELECT from_iso8601_timestamp_nanos(t) AS a FROM (VALUES '2020-05-11T11:15:05.123456789Z', '2020-05-11T11:15:05.000000001') v(t)",
        "timestamp(9) with time zone", "a|2020-05-11 11:15:05.123456789 UTC|2020-05-11 11:15:05.000000001 UTC")]
    [InlineData("SELECT ARRAY[TIMESTAMP '2020-01-01 00:00:00.123456', NULL] AS a", "array(timestamp(6))", "a|\"[\"\"2020-01-01 00:00:00.123456 UTC\"\",null]\"")]
    public async Task Each_rows_zone_keeps_the_digits(string sql, string type, string expected)
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(sql);
        Assert.Equal([type], types);
        Assert.Equal(expected.Split('|'), csv);
    }

    /// <summary>Joda's z and zzzz of a named zone: Java's English zone strings (DefaultNameProvider), the standard pair where
    /// the offset at the instant is the zone's standard offset (DateTimeZone.isStandardOffset), else the daylight pair.</summary>
    [Theory]
    [InlineData("format_datetime(TIMESTAMP '2024-01-01 00:00:00' AT TIME ZONE 'America/New_York', 'HH:mm z zzzz')", "19:00 EST Eastern Standard Time")]
    [InlineData("format_datetime(TIMESTAMP '2024-07-01 00:00:00' AT TIME ZONE 'America/New_York', 'HH:mm z zzzz')", "20:00 EDT Eastern Daylight Time")]
    [InlineData("format_datetime(TIMESTAMP '2024-07-01 12:00:00 Europe/London', 'z zzzz')", "BST British Summer Time")]
    [InlineData("format_datetime(with_timezone(TIMESTAMP '2024-07-01 12:00:00', 'Asia/Tokyo'), 'z zzzz')", "JST Japan Standard Time")]
    [InlineData("format_datetime(TIMESTAMP '2024-01-01 00:00:00' AT TIME ZONE 'Asia/Kolkata', 'z, zzzz')", "IST, India Standard Time")]
    public async Task Format_datetime_names_a_named_zone_as_joda_does(string call, string expected)
    {
        var (row, _, csv) = await Server.Alice.RunFirstRowAsync($"SELECT {call} AS a");
        Assert.Equal(expected, row["a"]!.GetValue<string>());
        Assert.Equal(expected.Contains(',', StringComparison.Ordinal) ? $"\"{expected}\"" : expected, csv[1]);
    }

    [Fact]
    public async Task Each_rows_zone_is_named_by_its_own_offset()
    {
        string[] csv = await Server.Alice.RunCsvAsync(
            "SELECT format_datetime(at_timezone(TIMESTAMP '2024-07-01 12:00:00', z), 'HH:mm z') AS a "
            + "FROM (VALUES 'Europe/Paris', 'Australia/Sydney', 'UTC') v(z)");
        Assert.Equal(["a", "14:00 CEST", "22:00 AEST", "12:00 UTC"], csv);
    }

    /// <summary>typeof names the literal's own precision, three digits at least (decision 252; Trino's timestamp(0) for no fraction).</summary>
    [Fact]
    public async Task Typeof_names_a_literals_precision()
    {
        var (row, _, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT typeof(TIMESTAMP '2020-01-01 00:00:00') a, typeof(TIMESTAMP '2020-01-01 00:00:00.123456') b, "
            + "typeof(TIMESTAMP '2020-01-01 00:00:00.12 Asia/Tokyo') c, typeof(TIMESTAMP '2020-01-01 00:00:00' + INTERVAL '1' DAY) d");
        Assert.Equal(["timestamp(3)", "timestamp(6)", "timestamp(3) with time zone", "timestamp(3)"],
            new[] { "a", "b", "c", "d" }.Select(c => row[c]!.GetValue<string>()));
    }

    /// <summary>Comparisons across precisions compare the values (Trino widens to the larger precision): a timestamp(0)
    /// literal equals a timestamp(3) value of the same second, and a column of Dune's timestamp(3) compares as before.</summary>
    [Fact]
    public async Task Comparisons_across_precisions_compare_the_values()
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT TIMESTAMP '2020-01-01 00:00:00' = TIMESTAMP '2020-01-01 00:00:00.000' AS a, "
            + "TIMESTAMP '2020-01-01 00:00:00.5' > TIMESTAMP '2020-01-01 00:00:00' AS b, "
            + "(SELECT count(*) FROM (VALUES TIMESTAMP '2020-01-01 00:00:00.001', TIMESTAMP '2019-12-31 23:59:59.999') v(t) "
            + "WHERE t >= TIMESTAMP '2020-01-01 00:00:00') AS c");
        Assert.Equal(["boolean", "boolean", "bigint"], types);
        Assert.True(row["a"]!.GetValue<bool>());
        Assert.True(row["b"]!.GetValue<bool>());
        Assert.Equal(1, row["c"]!.GetValue<long>());
    }
}
