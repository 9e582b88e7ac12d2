namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 244 (dune-datetime3), through the HTTP API: a timestamp(p) with time zone in a zone other than UTC
/// keeps its precision (AT TIME ZONE, at_timezone, with_timezone: Trino's datetime.md gives them
/// <c>timestamp(p) with time zone</c>; SqlTimestampWithTimeZone prints p digits), current_timestamp(p) and
/// localtimestamp(p) are typed with p; Joda's zone letters in format_datetime and parse_datetime (DateTimeFormat
/// .parsePatternTo: Z, ZZ offsets, ZZZ the id, z/zzzz names; DateTimeUtils' default short names for parsing); fraction
/// digits past six read as Joda reads nine; from_unixtime(x, hours, minutes) (TimeZoneKey.getTimeZoneKeyForOffset);
/// a ROWS/GROUPS offset with a fraction refused as StatementAnalyzer refuses it; nth_value's offset unchecked on an empty
/// frame (NthValueFunction.processRow: frameStart &lt; 0 is NULL before the check).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneDateTime3Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string Micros = "CAST(TIMESTAMP '2024-01-01 00:00:00.123456' AS timestamp({0}))";

    /// <summary>Trino: the cast rounds to p digits (half up), AT TIME ZONE keeps p, the text has exactly p digits
    /// (none and no point for 0); digits past the sixth are zeros (Strata holds microseconds).</summary>
    [Theory]
    [InlineData(0, "America/New_York", "2023-12-31 19:00:00 America/New_York")]
    [InlineData(1, "Asia/Tokyo", "2024-01-01 09:00:00.1 Asia/Tokyo")]
    [InlineData(2, "America/New_York", "2023-12-31 19:00:00.12 America/New_York")]
    [InlineData(3, "America/New_York", "2023-12-31 19:00:00.123 America/New_York")]
    [InlineData(4, "+05:30", "2024-01-01 05:30:00.1235 +05:30")]
    [InlineData(5, "Europe/Paris", "2024-01-01 01:00:00.12346 Europe/Paris")]
    [InlineData(6, "America/New_York", "2023-12-31 19:00:00.123456 America/New_York")]
    [InlineData(7, "America/New_York", "2023-12-31 19:00:00.1234560 America/New_York")]
    [InlineData(9, "America/New_York", "2023-12-31 19:00:00.123456000 America/New_York")]
    [InlineData(12, "America/New_York", "2023-12-31 19:00:00.123456000000 America/New_York")]
    public async Task At_time_zone_keeps_the_timestamps_precision_in_json_and_csv(int p, string zone, string expected)
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            $"SELECT {string.Format(System.Globalization.CultureInfo.InvariantCulture, Micros, p)} AT TIME ZONE '{zone}' AS a");
        Assert.Equal([$"timestamp({p}) with time zone"], types);
        Assert.Equal(expected, row["a"]!.GetValue<string>());
        Assert.Equal(expected, csv[1]);
    }

    [Fact]
    public async Task With_timezone_at_timezone_and_a_zoned_cast_keep_the_precision()
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT with_timezone(CAST(TIMESTAMP '2024-01-01 00:00:00.123456' AS timestamp(6)), 'America/New_York') AS a, "
            + "at_timezone(CAST(TIMESTAMP '2024-01-01 00:00:00.123456' AS timestamp(2)), 'America/New_York') AS b, "
            + "with_timezone(CAST(TIMESTAMP '2024-01-01 00:00:00' AS timestamp(0)), 'America/New_York') AS c, "
            + "CAST(TIMESTAMP '2024-01-01 00:00:00.123456' AS timestamp(6) with time zone) AT TIME ZONE 'America/New_York' AS d");
        Assert.Equal(["timestamp(6) with time zone", "timestamp(2) with time zone", "timestamp(0) with time zone", "timestamp(6) with time zone"], types);
        Assert.Equal(["2024-01-01 00:00:00.123456 America/New_York", "2023-12-31 19:00:00.12 America/New_York",
            "2024-01-01 00:00:00 America/New_York", "2023-12-31 19:00:00.123456 America/New_York"],
            new[] { "a", "b", "c", "d" }.Select(c => row[c]!.GetValue<string>()));
    }

    [Fact]
    public async Task Typeof_names_the_precision_of_a_zoned_and_a_current_timestamp()
    {
        var (row, _, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT typeof(current_timestamp(6)) a, typeof(localtimestamp(2)) b, "
            + "typeof(with_timezone(CAST(TIMESTAMP '2024-01-01 00:00:00.123456' AS timestamp(6)), 'America/New_York')) c, "
            + "typeof(CAST(TIMESTAMP '2024-01-01 00:00:00.123456' AS timestamp(4)) AT TIME ZONE 'America/New_York') d");
        Assert.Equal(["timestamp(6) with time zone", "timestamp(2)", "timestamp(6) with time zone", "timestamp(4) with time zone"],
            new[] { "a", "b", "c", "d" }.Select(c => row[c]!.GetValue<string>()));
    }

    /// <summary>Each row's value: a zoned timestamp(6) column of a subquery sorted and written with six digits; format_datetime's
    /// zone fields and parse_datetime's zone read per row.</summary>
    [Theory]
    [InlineData("SELECT a FROM (SELECT CAST(t AS timestamp(6)) AT TIME ZONE 'Asia/Tokyo' AS a FROM (VALUES "
        + "TIMESTAMP '2024-01-01 00:00:00.000002', TIMESTAMP '2024-01-01 00:00:00.000001') v(t)) ORDER BY a",
        "a|2024-01-01 09:00:00.000001 Asia/Tokyo|2024-01-01 09:00:00.000002 Asia/Tokyo")]
    [InlineData("SELECT format_datetime(v, 'HH:mm ZZZ Z') AS a FROM (VALUES from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00'), "
        + "from_iso8601_timestamp('2020-05-11T11:15:05.055-07:00')) t(v)", "a|11:15 +01:00 +0100|11:15 -07:00 -0700")]
    [InlineData("SELECT parse_datetime(t, 'yyyy-MM-dd HH:mm ZZZ') AS a FROM (VALUES '2024-01-01 12:00 Asia/Tokyo', "
        + "'2024-01-01 12:00 Europe/Paris') v(t)", "a|2024-01-01 12:00:00.000 Asia/Tokyo|2024-01-01 12:00:00.000 Europe/Paris")]
    public async Task Each_rows_zone_and_digits_are_kept(string sql, string expected)
    {
        Assert.Equal(expected.Split('|'), await Server.Alice.RunCsvAsync(sql));
    }

    /// <summary>Trino's datetime.md: current_timestamp(p) is a timestamp(p) with time zone, localtimestamp(p) a timestamp(p)
    /// (<c>2020-06-24 08:25:31.759993</c> for p = 6).</summary>
    [Fact]
    public async Task Current_timestamp_and_localtimestamp_of_p_are_typed_and_written_with_p_digits()
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT current_timestamp(6) a, localtimestamp(6) b, current_timestamp(0) c, localtimestamp(2) d");
        Assert.Equal(["timestamp(6) with time zone", "timestamp(6)", "timestamp(0) with time zone", "timestamp(2)"], types);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} UTC$", row["a"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6} UTC$", row["b"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", row["c"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d\d UTC$", row["d"]!.GetValue<string>());
    }

    /// <summary>Joda's DateTimeFormat: Z is appendTimeZoneOffset(null, "Z", false, 2, 2) (+0000 for UTC, no colon), ZZ the
    /// same with a colon, ZZZ appendTimeZoneId; z and zzzz of UTC are Java's "UTC" and "Coordinated Universal Time", of a
    /// fixed offset zone (no name key) its id.</summary>
    [Theory]
    [InlineData("format_datetime(TIMESTAMP '2024-07-01 00:00:00' AT TIME ZONE 'America/New_York', 'yyyy Z ZZ ZZZ')", "2024 -0400 -04:00 America/New_York")]
    [InlineData("format_datetime(TIMESTAMP '2024-01-01 00:00:00' AT TIME ZONE 'America/New_York', 'HH:mm Z')", "19:00 -0500")]
    [InlineData("format_datetime(TIMESTAMP '2024-01-01 00:00:00 UTC', 'Z ZZ ZZZ z zzzz')", "+0000 +00:00 UTC UTC Coordinated Universal Time")]
    [InlineData("format_datetime(TIMESTAMP '2024-01-01 00:00:00' AT TIME ZONE '-03:30', 'HH:mm Z ZZ ZZZ z zzzz')", "20:30 -0330 -03:30 -03:30 -03:30 -03:30")]
    [InlineData("format_datetime(at_timezone(TIMESTAMP '2024-01-01 00:00:00', 'Asia/Kolkata'), 'yyyy-MM-dd HH:mm ZZ')", "2024-01-01 05:30 +05:30")]
    [InlineData("format_datetime(from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00'), 'HH:mm ZZ ZZZ')", "11:15 +01:00 +01:00")]
    [InlineData("format_datetime(TIMESTAMP '2024-01-01 15:00:00', 'k K kk KK hh')", "15 3 15 03 03")]
    // A timestamp is read in the session's zone, UTC (Trino's implicit cast to timestamp with time zone).
    [InlineData("format_datetime(TIMESTAMP '2024-01-02 03:04:05', 'yyyy ZZ Z ZZZ')", "2024 +00:00 +0000 UTC")]
    public async Task Format_datetime_writes_jodas_zone_fields(string call, string expected)
    {
        var (row, _, _) = await Server.Alice.RunFirstRowAsync($"SELECT {call} AS a");
        Assert.Equal(expected, row["a"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_named_zones_short_name_is_refused_naming_the_zone_not_printed_wrong()
    {
        string message = await Server.Alice.RunToFailureAsync(
            "SELECT format_datetime(TIMESTAMP '2024-01-01 00:00:00' AT TIME ZONE 'Asia/Kathmandu', 'z')");
        // America/New_York's names are carried since decision 248 (DuneSqlDateTime4Tests): a zone whose names are not is refused.
        Assert.Contains("format_datetime pattern z", message, StringComparison.Ordinal);
        Assert.Contains("Asia/Kathmandu", message, StringComparison.Ordinal);
    }

    /// <summary>Trino's parse_datetime parses withOffsetParsed: a zone id (ZZZ) or one of Joda's default short names (z:
    /// PST is America/Los_Angeles) becomes the value's zone, the text's wall clock read in it.</summary>
    [Theory]
    [InlineData("parse_datetime('2024-01-01 12:00 America/New_York', 'yyyy-MM-dd HH:mm ZZZ')", "2024-01-01 12:00:00.000 America/New_York")]
    [InlineData("parse_datetime('2024-07-01 05:00 PST', 'yyyy-MM-dd hh:mm z')", "2024-07-01 05:00:00.000 America/Los_Angeles")]
    [InlineData("parse_datetime('2024-01-01 05:00 UTC', 'yyyy-MM-dd HH:mm zzz')", "2024-01-01 05:00:00.000 UTC")]
    [InlineData("parse_datetime('2024-01-01 00:00:00.1234567', 'yyyy-MM-dd HH:mm:ss.SSS')", "2024-01-01 00:00:00.123 UTC")]
    [InlineData("parse_datetime('2024-01-01 00:00:00.987654321', 'yyyy-MM-dd HH:mm:ss.S')", "2024-01-01 00:00:00.987 UTC")]
    public async Task Parse_datetime_reads_jodas_zone_fields_and_nine_fraction_digits(string call, string expected)
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync($"SELECT {call} AS a");
        Assert.Equal(["timestamp(3) with time zone"], types);
        Assert.Equal(expected, row["a"]!.GetValue<string>());
    }

    /// <summary>Joda's TimeZoneName parser fails on a name it does not hold (FormatUtils' "malformed at"), and at the end of
    /// the text ("too short").</summary>
    [Theory]
    [InlineData("parse_datetime('2024-01-01 12:00 XYZ', 'yyyy-MM-dd HH:mm z')", "Invalid format: \"2024-01-01 12:00 XYZ\" is malformed at \"XYZ\"")]
    [InlineData("parse_datetime('2024-01-01 12:00 ', 'yyyy-MM-dd HH:mm ZZZ')", "Invalid format: \"2024-01-01 12:00 \" is too short")]
    public async Task Parse_datetime_zone_failures_are_jodas(string call, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync($"SELECT {call}"));
    }

    /// <summary>Trino's datetime.md: from_unixtime(unixtime, hours, minutes) is a timestamp(3) with time zone in the offset's
    /// zone; TimeZoneKey.getTimeZoneKeyForOffset: 0 is UTC, past ±14:00 "Invalid offset minutes n".</summary>
    [Fact]
    public async Task From_unixtime_with_hours_and_minutes_is_in_the_offsets_zone()
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT from_unixtime(1700000000, 5, 30) a, from_unixtime(1700000000, -2, 0) b, from_unixtime(1700000000, 0, 0) c");
        Assert.Equal(["timestamp(3) with time zone", "timestamp(3) with time zone", "timestamp(3) with time zone"], types);
        Assert.Equal(["2023-11-15 03:43:20.000 +05:30", "2023-11-14 20:13:20.000 -02:00", "2023-11-14 22:13:20.000 UTC"],
            new[] { "a", "b", "c" }.Select(c => row[c]!.GetValue<string>()));
        Assert.Equal("Invalid offset minutes 900", await Server.Alice.RunToFailureAsync("SELECT from_unixtime(1700000000, 15, 0)"));
    }

    /// <summary>StatementAnalyzer: "Window frame ROWS start value type must be exact numeric type with scale 0 (actual
    /// decimal(2,1))" (TrinoAnalyzer tests); a decimal of scale 0 (<c>1.</c>) is taken.</summary>
    [Theory]
    [InlineData("ROWS 1.5 PRECEDING", "Window frame ROWS start value type must be exact numeric type with scale 0 (actual decimal(2,1))")]
    [InlineData("ROWS BETWEEN 1 PRECEDING AND 2.0 FOLLOWING", "Window frame ROWS end value type must be exact numeric type with scale 0 (actual decimal(2,1))")]
    [InlineData("GROUPS 1e0 PRECEDING", "Window frame GROUPS start value type must be exact numeric type with scale 0 (actual double)")]
    public async Task A_frame_offset_with_a_fraction_is_refused_in_Trinos_words(string frame, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync($"SELECT sum(x) OVER (ORDER BY x {frame}) FROM (VALUES 1, 2, 3) t(x)"));
    }

    [Fact]
    public async Task A_whole_decimal_frame_offset_is_taken()
    {
        var csv = await Server.Alice.RunCsvAsync("SELECT sum(x) OVER (ORDER BY x ROWS 1. PRECEDING) AS s FROM (VALUES 1, 2, 3) t(x)");
        Assert.Equal(["s", "1", "3", "5"], csv);
    }

    /// <summary>NthValueFunction: an empty frame answers NULL before the offset is checked; a row whose frame holds rows fails.</summary>
    [Fact]
    public async Task Nth_values_offset_is_not_checked_on_an_empty_frame()
    {
        var csv = await Server.Alice.RunCsvAsync(
            "SELECT x, nth_value(x, 0) OVER (ORDER BY x ROWS BETWEEN 5 PRECEDING AND 3 PRECEDING) AS n FROM (VALUES 1, 2, 3) t(x) ORDER BY x");
        Assert.Equal(["x,n", "1,", "2,", "3,"], csv);
        Assert.Equal("Offset must be at least 1", await Server.Alice.RunToFailureAsync(
            "SELECT nth_value(x, 0) OVER (ORDER BY x ROWS BETWEEN 5 PRECEDING AND 3 PRECEDING) FROM (VALUES 1, 2, 3, 4) t(x)"));
        var perRow = await Server.Alice.RunCsvAsync("SELECT x, nth_value(x, n) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) AS v "
            + "FROM (VALUES (1, 1), (2, 1), (3, 0)) t(x, n) ORDER BY x");
        Assert.Equal(["x,v", "1,2", "2,3", "3,"], perRow);
        var named = await Server.Alice.RunCsvAsync("SELECT x, nth_value(x, 2) OVER w AS v FROM (VALUES 1, 2, 3, 4) t(x) "
            + "WINDOW w AS (ORDER BY x ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) ORDER BY x");
        Assert.Equal(["x,v", "1,", "2,", "3,2", "4,3"], named);
        var ignoring = await Server.Alice.RunCsvAsync("SELECT x, nth_value(x, 1) IGNORE NULLS OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING "
            + "AND 1 PRECEDING) AS v FROM (VALUES 1, 2, 3, 4) t(x) ORDER BY x");
        Assert.Equal(["x,v", "1,", "2,1", "3,1", "4,2"], ignoring);
    }
}
