using System.Globalization;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 298 (dune-datetime12). (1) Trino's <c>interval + timestamp with time zone</c> is the sum the other
/// way round (TimestampWithTimeZoneOperators: the interval added to the instant, the zone kept), so it is a zone per row
/// wherever the operand is one. (2) Trino's cast of a text to <c>timestamp(p) with time zone</c>
/// (VarcharToTimestampWithTimeZoneCast) matches DateTimes.DATETIME_PATTERN (one-digit month, day, hour, minute, second),
/// reads the zone with Java's <c>ZoneId.of</c> (ZoneOffset.of's <c>±h</c>, <c>±hhmmss</c>, <c>±hh:mm:ss</c>; ±18:00 at
/// most; region ids case-sensitive), then keys it (TimeZoneKey: an offset within ±14:00), checks the date as
/// <c>ZonedDateTime.of</c> does and rounds the fraction half up to p digits. Every instant here is Java 17's, from that
/// pattern, <c>ZoneId.of</c> and <c>ZonedDateTime.of(…).toEpochSecond()</c> (/tmp/dd12java/C.java in the note):
/// '2024-01-01 1:2' 1704070920; '2024-1-2 3:4:5' 1704164645; +053000, +05:30:00, UTC+0530 and a date alone with +05:30
/// 1704047400; +5 1704049200; +14:00 1704016800; GMT-08:30 1704097800; Asia/Tokyo 1704034800; New York's gap
/// '2024-03-10 02:30:00' 1710055800 (03:30 -04:00), its overlap '2024-11-03 01:30:00' 1730611800 (the earlier offset,
/// -04:00). ZoneId.of refuses +25:00, +05:75, +5:30 and utc; TimeZoneKey refuses +18:00; ZonedDateTime.of refuses
/// February 30 and hour 24; the pattern refuses a T.
/// </summary>
public sealed class DuneSqlDateTime12Tests
{
    private const string Zoned = "(SELECT k, from_iso8601_timestamp(s) AS x FROM (VALUES (1, '2020-05-11T11:15:05.123+05:30'), "
        + "(2, '2020-05-11T05:45:05.123Z'), (3, '2020-01-31T11:15:05.123+05:30'), (4, CAST(NULL AS varchar))) v(k, s))";

    [Theory]
    [InlineData($"SELECT count(DISTINCT INTERVAL '1' HOUR + x) FROM {Zoned} WHERE k < 3", "1")]
    [InlineData($"SELECT count(*) FROM {Zoned} WHERE k < 3 AND INTERVAL '1' HOUR + x = x + INTERVAL '1' HOUR", "2")]
    [InlineData($"SELECT count(*) FROM (SELECT INTERVAL '1' HOUR + x AS y FROM {Zoned}) WHERE y = TIMESTAMP '2020-05-11 06:45:05.123 UTC'", "2")]
    [InlineData($"SELECT count(*) FROM (SELECT DISTINCT INTERVAL '2' DAY + x AS y FROM {Zoned} WHERE k < 3)", "1")]
    [InlineData($"SELECT count(*) FROM {Zoned} WHERE k = 4 AND INTERVAL '1' HOUR + x IS NULL", "1")]
    public void Interval_first_sums_of_a_zone_per_row_group_and_compare_by_instant(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>The sum keeps each value's zone: 11:15:05.123 +05:30 plus an hour is 12:15:05.123 +05:30; a month from
    /// January 31 is February 29 on the zone's wall clock (2020 is a leap year); a named zone and nanoseconds keep theirs.</summary>
    [Fact]
    public void Interval_first_sums_keep_the_values_zone()
    {
        using var db = new DuneSqlDb();
        Assert.Equal(["2020-05-11 06:45:05.123 UTC", "2020-05-11 12:15:05.123 +05:30"],
            db.Rows($"SELECT CAST(INTERVAL '1' HOUR + x AS varchar) FROM {Zoned} WHERE k < 3 ORDER BY 1").Select(r => r[0]));
        Assert.Equal("2020-02-29 11:15:05.123 +05:30", db.Scalar($"SELECT CAST(INTERVAL '1' MONTH + x AS varchar) FROM {Zoned} WHERE k = 3"));
        Assert.Equal("2020-05-11 12:15:05.123 Asia/Tokyo",
            db.Scalar("SELECT CAST(INTERVAL '1' HOUR + TIMESTAMP '2020-05-11 11:15:05.123 Asia/Tokyo' AS varchar)"));
        Assert.Equal("2020-05-11 12:15:05.123456789 +05:30",
            db.Scalar("SELECT CAST(INTERVAL '1' HOUR + from_iso8601_timestamp_nanos(s) AS varchar) FROM (VALUES '2020-05-11T11:15:05.123456789+05:30') v(s)"));
    }

    [Theory]
    [InlineData("2024-01-01 1:2", 1704070920)]
    [InlineData("2024-1-2 3:4:5", 1704164645)]
    [InlineData("2024-01-01 00:00:00 +053000", 1704047400)]
    [InlineData("2024-01-01 00:00:00+05:30:00", 1704047400)]
    [InlineData("2024-01-01 00:00:00 +5", 1704049200)]
    [InlineData("2024-01-01 00:00:00 +14:00", 1704016800)]
    [InlineData("2024-01-01 00:00:00 UTC+0530", 1704047400)]
    [InlineData("2024-01-01 00:00:00 GMT-08:30", 1704097800)]
    [InlineData("2024-03-10 02:30:00 America/New_York", 1710055800)]
    [InlineData("2024-11-03 01:30:00 America/New_York", 1730611800)]
    [InlineData("2024-01-01 +05:30", 1704047400)]
    [InlineData("  2024-01-01 00:00:00 Asia/Tokyo  ", 1704034800)]
    [InlineData("2024-01-01 00:00:00Z", 1704067200)]
    public void A_column_of_text_casts_as_Trino_reads_it(string text, long seconds)
    {
        using var db = new DuneSqlDb();
        string expected = seconds.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(expected, db.Scalar($"SELECT to_unixtime(CAST(s AS timestamp with time zone)) FROM (VALUES '{text}') v(s)"));
        Assert.Equal(expected, db.Scalar($"SELECT to_unixtime(TRY_CAST(s AS timestamp(6) with time zone)) FROM (VALUES '{text}') v(s)"));
    }

    [Theory]
    [InlineData("2024-01-01 00:00:00 +25:00")]
    [InlineData("2024-01-01 00:00:00 +05:75")]
    [InlineData("2024-01-01 00:00:00 +18:00")]
    [InlineData("2024-01-01 00:00:00 +5:30")]
    [InlineData("2024-01-01 00:00:00 utc")]
    [InlineData("2024-02-30 00:00:00")]
    [InlineData("2024-01-01 24:00:00")]
    [InlineData("2024-01-01T00:00:00Z")]
    public void A_column_text_Trino_refuses_fails_in_its_words_and_try_cast_is_null(string text)
    {
        using var db = new DuneSqlDb();
        var column = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => db.Rows($"SELECT CAST(s AS timestamp with time zone) FROM (VALUES '{text}') v(s)"));
        Assert.Contains("Value cannot be cast to timestamp: " + text, column.Message, StringComparison.Ordinal);
        Assert.Equal("NULL", db.Scalar($"SELECT TRY_CAST(s AS timestamp(3) with time zone) FROM (VALUES '{text}') v(s)"));
    }

    /// <summary>Trino rounds the whole fraction half up to p digits (the first digit dropped decides), a carry making the
    /// next second; a text without a zone is in the session zone, UTC, so Trino's text of the value is UTC's.</summary>
    [Theory]
    [InlineData("2024-01-01 00:00:00.1234995", "timestamp(3) with time zone", "2024-01-01 00:00:00.123 UTC")]
    [InlineData("2024-01-01 00:00:00.1234995", "timestamp(6) with time zone", "2024-01-01 00:00:00.123500 UTC")]
    [InlineData("2023-12-31 23:59:59.9995", "timestamp with time zone", "2024-01-01 00:00:00.000 UTC")]
    [InlineData("2024-01-01 00:00:00.5", "timestamp(0) with time zone", "2024-01-01 00:00:01 UTC")]
    public void The_fraction_rounds_half_up_to_the_types_digits(string text, string type, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT CAST(CAST(s AS {type}) AS varchar) FROM (VALUES '{text}') v(s)"));
    }

    /// <summary>Rows of many zones in one vector read each with its own zone (none leaks into the next row).</summary>
    [Fact]
    public void Each_row_reads_its_own_zone()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("SELECT to_unixtime(CAST(s AS timestamp with time zone)) FROM (VALUES (1, '2024-01-01 00:00:00 Asia/Tokyo'), "
            + "(2, '2024-01-01 00:00:00'), (3, '2024-01-01 0:0 +053000'), (4, '2024-01-01'), (5, CAST(NULL AS varchar))) v(k, s) ORDER BY k");
        Assert.Equal(["1704034800", "1704067200", "1704047400", "1704067200", "NULL"], rows.Select(r => r[0]));
    }
}
