using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 253 (dune-datetime5). A <c>TIMESTAMP '…'</c> literal is read by one parser following Trino's grammar
/// (trinodb/trino DateTimes.DATETIME_PATTERN: the date, after one space an optional time with a fraction, then an optional
/// zone that Java's ZoneId.of reads, a region name or an offset); <c>CAST(x AS varchar)</c> of a timestamp(p) writes p
/// digits (DateTimes.formatTimestamp / formatTimestampWithTimeZone: exactly p, none and no point for 0, then the zone); Joda's
/// zone names are JDK 17's (DateFormatSymbols(Locale.ENGLISH).getZoneStrings(), read with a Java program).
/// </summary>
public sealed class DuneSqlDateTime5Tests
{
    [Theory]
    [InlineData("2024-01-01", null, null, 0)]
    [InlineData("2024-1-2 3:04", null, null, 0)]
    [InlineData("2024-01-01 12:00:00.123456", null, null, 6)]
    [InlineData("2024-01-01 12:00:00.123 America/New_York", "America/New_York", false, 3)]
    [InlineData("2024-01-01 12:00:00 -05:00", "-05:00", true, 0)]
    [InlineData("2024-01-01 12:00:00+0530", "+0530", true, 0)]
    [InlineData("2024-01-01 12:00 UTC", "UTC", false, 0)]
    [InlineData("2001-08-22 03:04:05.321 GMT-08:30", "GMT-08:30", false, 3)]
    [InlineData("2024-01-01 Asia/Tokyo", "Asia/Tokyo", false, 0)]
    [InlineData("2024-01-01 00:00:00 \n", null, null, 0)]
    [InlineData("2024-01-01 00:00 +1", "+1", true, 0)]
    [InlineData("+12345-01-01 00:00:00", null, null, 0)]
    public void A_literal_text_in_trinos_grammar_is_read(string text, string? zone, bool? offset, int digits)
    {
        var literal = DuneTimestampLiteral.Parse(text);
        Assert.NotNull(literal);
        Assert.Equal(zone, literal.Zone);
        Assert.Equal(digits, literal.Digits);
        if (offset is bool isOffset)
        {
            Assert.Equal(isOffset, literal.ZoneIsOffset);
        }
    }

    /// <summary>Trino's pattern needs a space after the date (no <c>T</c>), no leading space, ASCII digits (Java's \d),
    /// and a zone ZoneId.of reads.</summary>
    [Theory]
    [InlineData("2024-01-01T00:00:00")]
    [InlineData(" 2024-01-01 00:00:00")]
    [InlineData("24-01-01")]
    [InlineData("2024-01-01 00:00:0\u0661")]
    [InlineData("\u0662024-01-01")]
    [InlineData("2024-01-01 00:00 +\u0661")]
    [InlineData("2024-01-01 00:00 +1:00")]
    [InlineData("2024-01-01 00:00 America/New York")]
    [InlineData("2024-01-01 00:00:00.")]
    public void A_text_outside_trinos_grammar_is_not_a_literal(string text) => Assert.Null(DuneTimestampLiteral.Parse(text));

    [Theory]
    [InlineData("SELECT TIMESTAMP '2024-01-01T00:00:00'", "'2024-01-01T00:00:00' is not a valid timestamp literal")]
    [InlineData("SELECT TIMESTAMP '2024-01-01T12:00:00 Asia/Tokyo'", "'2024-01-01T12:00:00 Asia/Tokyo' is not a valid timestamp literal")]
    [InlineData("SELECT TIMESTAMP '2020-05-01 12:34:56.1234567890123'", "TIMESTAMP precision must be in range [0, 12]")]
    // A negative offset is a zone too: seven digits other than zeros are refused as with a positive one (the zone's type
    // holds microseconds), not cut.
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00.1234567 -05:00'", "more than six fraction digits")]
    public void A_literal_trino_refuses_is_refused_naming_it(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<QueryFailedException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    /// <summary>The parser's other readers: a one-digit hour and a date without a time are written as DuckDB reads them, a
    /// negative offset with its zone, a zone after the date alone.</summary>
    [Theory]
    [InlineData("CAST(TIMESTAMP '2024-1-2 3:04' AS varchar)", "2024-01-02 03:04:00.000")]
    [InlineData("CAST(TIMESTAMP '2024-01-01 12:00:00 -05:00' AS varchar)", "2024-01-01 12:00:00.000 -05:00")]
    [InlineData("CAST(TIMESTAMP '2024-01-01 Asia/Tokyo' AS varchar)", "2024-01-01 00:00:00.000 Asia/Tokyo")]
    [InlineData("CAST(TIMESTAMP '2024-01-01 12:00:00.1234560 Asia/Tokyo' AS varchar)", "2024-01-01 12:00:00.1234560 Asia/Tokyo")]
    public void A_literal_is_read_by_its_parts(string expression, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar("SELECT " + expression));
    }

    /// <summary>Trino's CAST(timestamp(p) AS varchar): exactly p digits (datatypes.mdx's casts to TIMESTAMP(1) and (12) of
    /// '2020-06-10 15:55:23.383345': <c>…23.4</c>, <c>…23.383345000000</c>), none for p = 0; with time zone the zone after
    /// them. Three digits stay as they were.</summary>
    [Theory]
    [InlineData("TIMESTAMP '2020-06-10 15:55:23.383345'", "2020-06-10 15:55:23.383345")]
    [InlineData("CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS TIMESTAMP(1))", "2020-06-10 15:55:23.4")]
    [InlineData("CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS TIMESTAMP(12))", "2020-06-10 15:55:23.383345000000")]
    [InlineData("CAST(TIMESTAMP '2020-06-10 15:55:23.5' AS TIMESTAMP(0))", "2020-06-10 15:55:24")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00.123456789'", "2020-01-01 00:00:00.123456789")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00.1234567'", "2020-01-01 00:00:00.1234567")]
    [InlineData("TIMESTAMP '1969-12-31 23:59:59.999999'", "1969-12-31 23:59:59.999999")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00.123456' + INTERVAL '1' DAY", "2020-01-02 00:00:00.123456")]
    [InlineData("TIMESTAMP '2020-01-01 12:00:00.123456 UTC'", "2020-01-01 12:00:00.123456 UTC")]
    [InlineData("TIMESTAMP '2024-01-01 12:00:00.123456 Europe/Paris'", "2024-01-01 12:00:00.123456 Europe/Paris")]
    [InlineData("TIMESTAMP '2024-01-01 00:00:00.123456' AT TIME ZONE 'America/New_York'", "2023-12-31 19:00:00.123456 America/New_York")]
    [InlineData("CAST(TIMESTAMP '2024-01-01 12:00:00.5 Asia/Tokyo' AS timestamp(0) with time zone)", "2024-01-01 12:00:01 Asia/Tokyo")]
    [InlineData("from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456789Z')", "2020-05-11 11:15:05.123456789 UTC")]
    // Three digits: the text as before (datetime.mdx).
    [InlineData("TIMESTAMP '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles'", "2012-10-30 18:00:00.000 America/Los_Angeles")]
    [InlineData("TIMESTAMP '2020-01-01 00:00:00.5'", "2020-01-01 00:00:00.500")]
    public void A_timestamp_cast_to_varchar_has_its_types_digits(string value, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT CAST({value} AS varchar)"));
        Assert.Equal(expected, db.Scalar($"SELECT TRY_CAST({value} AS varchar)"));
    }

    [Fact]
    public void A_null_timestamp_cast_to_varchar_is_null()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("true", db.Scalar("SELECT CAST(CAST(NULL AS timestamp(6)) AS varchar) IS NULL"));
    }

    /// <summary>Joda's k (clockhourOfDay, 1-24: 24 is hour 0 of the same day, ZeroIsMaxDateTimeField) and K (hourOfHalfday,
    /// 0-11: with a, PM is 12 hours on; without it the morning's), as java.time's k and K read them too.</summary>
    [Theory]
    [InlineData("parse_datetime('2024-03-05 24:30', 'yyyy-MM-dd kk:mm')", "2024-03-05 00:30:00.000 UTC")]
    [InlineData("parse_datetime('2024-03-05 13:30', 'yyyy-MM-dd kk:mm')", "2024-03-05 13:30:00.000 UTC")]
    [InlineData("parse_datetime('2024-03-05 7:05', 'yyyy-MM-dd k:mm')", "2024-03-05 07:05:00.000 UTC")]
    [InlineData("parse_datetime('2024-03-05 11:30 PM', 'yyyy-MM-dd KK:mm a')", "2024-03-05 23:30:00.000 UTC")]
    [InlineData("parse_datetime('2024-03-05 00:15 pm', 'yyyy-MM-dd KK:mm a')", "2024-03-05 12:15:00.000 UTC")]
    [InlineData("parse_datetime('2024-03-05 00:15 AM', 'yyyy-MM-dd KK:mm a')", "2024-03-05 00:15:00.000 UTC")]
    [InlineData("parse_datetime('2024-03-05 11:59', 'yyyy-MM-dd K:mm')", "2024-03-05 11:59:00.000 UTC")]
    [InlineData("parse_datetime('24-03-05 24:00:00.123', 'yy-MM-dd kk:mm:ss.SSS')", "2024-03-05 00:00:00.123 UTC")]
    public void Parse_datetime_reads_jodas_clock_hours(string call, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT CAST({call} AS varchar)"));
    }

    [Theory]
    [InlineData("parse_datetime('2024-03-05 00:30', 'yyyy-MM-dd kk:mm')", "Value 0 for clockhourOfDay must be in the range [1,24]")]
    [InlineData("parse_datetime('2024-03-05 12:30', 'yyyy-MM-dd KK:mm')", "Value 12 for hourOfHalfday must be in the range [0,11]")]
    [InlineData("parse_datetime('2024-03-05 12:30 PM', 'yyyy-MM-dd KK:mm a')", "Value 12 for hourOfHalfday must be in the range [0,11]")]
    public void Parse_datetime_refuses_a_clock_hour_outside_its_range(string call, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Rows($"SELECT {call}"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TIMESTAMP '2024-03-05 00:30:00'", "kk:mm", "24:30")]
    [InlineData("TIMESTAMP '2024-03-05 13:30:00'", "k:mm", "13:30")]
    [InlineData("TIMESTAMP '2024-03-05 12:30:00'", "KK:mm a", "00:30 PM")]
    [InlineData("TIMESTAMP '2024-03-05 23:30:00'", "K:mm a", "11:30 PM")]
    public void Format_datetime_writes_jodas_clock_hours(string value, string pattern, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT format_datetime({value}, '{pattern}')"));
    }

    /// <summary>JDK 17's English zone strings (the daylight names of zones without daylight time today included), and the
    /// standard pair for an offset behind today's standard one: Singapore was +07:30 until 1982, its standard time then
    /// (Joda: DateTimeZone.isStandardOffset).</summary>
    [Theory]
    [InlineData("TIMESTAMP '2024-07-01 12:00:00 UTC' AT TIME ZONE 'Asia/Singapore'", "zzzz", "Singapore Standard Time")]
    [InlineData("TIMESTAMP '1975-07-01 12:00:00 UTC' AT TIME ZONE 'Asia/Singapore'", "z", "SGT")]
    [InlineData("TIMESTAMP '2024-07-01 12:00:00 UTC' AT TIME ZONE 'Asia/Kolkata'", "z", "IST")]
    [InlineData("TIMESTAMP '2024-07-01 12:00:00 UTC' AT TIME ZONE 'Asia/Dubai'", "zzzz", "Gulf Standard Time")]
    [InlineData("TIMESTAMP '2024-07-01 12:00:00 UTC' AT TIME ZONE 'America/New_York'", "zzzz", "Eastern Daylight Time")]
    [InlineData("TIMESTAMP '2024-01-01 12:00:00 UTC' AT TIME ZONE 'Europe/London'", "z", "GMT")]
    [InlineData("TIMESTAMP '2024-07-01 12:00:00 UTC' AT TIME ZONE 'Europe/London'", "zzzz", "British Summer Time")]
    public void Format_datetime_names_zones_as_the_jdk_does(string value, string pattern, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT format_datetime({value}, '{pattern}')"));
    }
}
