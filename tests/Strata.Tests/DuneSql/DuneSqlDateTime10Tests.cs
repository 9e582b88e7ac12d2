using System.Globalization;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 286 (dune-datetime10). (1) Trino's cast of a text to <c>timestamp(p) with time zone</c>
/// (VarcharToTimestampWithTimeZoneCast) trims the text, reads its zone after white space with Java's <c>ZoneId.of</c> and
/// refuses any other text as "Value cannot be cast to timestamp: …". The instants are Java 17's
/// (<c>ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneId.of(z)).toEpochSecond()</c>, /tmp/dd10java in the note): +05:30,
/// +0530 1704047400; +05 1704049200; -08:00 1704096000; UTC, Z 1704067200; Asia/Tokyo 1704034800. ZoneId.of refuses
/// "+5:30" and "Mars/Phobos". A text without a zone is in the session zone, UTC (a date alone at midnight), whatever row
/// came before it. (2) Trino's timestamp with time zone ± an interval keeps the value's zone
/// (TimestampWithTimeZoneOperators), so the result is a zone per row wherever the operand is one, and groups, distincts
/// and compares by instant: '2020-05-11T11:15:05.123+05:30' and '…05:45:05.123Z' are one instant (05:45:05.123Z), and
/// so is each plus one hour (06:45:05.123Z) or one day less two hours (2020-05-12T03:45:05.123Z).
/// </summary>
public sealed class DuneSqlDateTime10Tests
{
    private const string Texts = "(VALUES (1, ' 2024-01-01 00:00:00 +05:30 '), (2, '2024-01-01 00:00:00 +0530'), (3, '2024-01-01 00:00:00 +05'), "
        + "(4, '2024-01-01 00:00:00 -08:00'), (5, '2024-01-01 00:00:00 UTC'), (6, '2024-01-01 00:00:00 Z'), (7, '2024-01-01 00:00:00 Asia/Tokyo'), "
        + "(8, '2024-01-01 00:00:00+05:30'), (9, '2024-01-01 00:00:00'), (10, '2024-01-01'), "
        // Trino's DATETIME_PATTERN takes hours and minutes without seconds (review of 286: '… 00:00' failed).
        + "(11, '2024-01-01 00:00'), (12, '2024-01-01 10:00 +05:30'), (13, '2024-01-01 09:00 Asia/Tokyo')) v(k, s)";

    private static readonly long[] TextInstants = [1704047400, 1704047400, 1704049200, 1704096000, 1704067200, 1704067200, 1704034800, 1704047400, 1704067200, 1704067200,
        1704067200, 1704083400, 1704067200];

    private const string Milli = "(SELECT from_iso8601_timestamp(s) AS x FROM (VALUES '2020-05-11T11:15:05.123+05:30', '2020-05-11T05:45:05.123Z') v(s))";

    [Theory]
    [InlineData("timestamp(6) with time zone", "CAST")]
    [InlineData("timestamp with time zone", "CAST")]
    [InlineData("timestamp(3) with time zone", "CAST")]
    [InlineData("timestamp(0) with time zone", "TRY_CAST")]
    [InlineData("timestamp(8) with time zone", "CAST")]
    public void A_text_with_an_offset_or_a_zone_casts_to_its_instant(string type, string cast)
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows($"SELECT to_unixtime({cast}(s AS {type})) FROM {Texts} ORDER BY k");
        Assert.Equal(TextInstants.Select(i => i.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r[0]));
    }

    [Theory]
    [InlineData("'2024-01-01 00:00:00 +05:30'", 1704047400)]
    [InlineData("'2024-01-01 00:00:00 +0530'", 1704047400)]
    [InlineData("'2024-01-01 00:00:00 -08:00'", 1704096000)]
    [InlineData("'2024-01-01 00:00:00 Z'", 1704067200)]
    [InlineData("'2024-01-01 00:00:00.5 Z'", 1704067200.5)]
    public void A_literal_text_with_an_offset_or_z_casts_to_its_instant(string literal, double seconds)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(seconds.ToString(CultureInfo.InvariantCulture), db.Scalar($"SELECT to_unixtime(CAST({literal} AS timestamp(6) with time zone))"));
    }

    /// <summary>A literal text keeps its zone (Trino's value is the wall clock in the text's zone; the text of p = 6 has six
    /// digits); Z is UTC (TimeZoneKey names the zone Z as UTC).</summary>
    [Theory]
    [InlineData("2024-01-01 00:00:00 +05:30", "2024-01-01 00:00:00.000000 +05:30")]
    [InlineData("2024-01-01 00:00:00 Z", "2024-01-01 00:00:00.000000 UTC")]
    public void A_literal_text_keeps_its_zone(string text, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT CAST(CAST('{text}' AS timestamp(6) with time zone) AS varchar)"));
    }

    [Theory]
    [InlineData("2024-01-01 00:00:00 Mars/Phobos")]
    [InlineData("2024-01-01 00:00:00 +5:30")]
    [InlineData("nonsense")]
    public void A_text_Trino_cannot_read_is_refused_in_its_words(string text)
    {
        using var db = new DuneSqlDb();
        var literal = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => db.Rows($"SELECT CAST('{text}' AS timestamp(6) with time zone)"));
        Assert.Contains("Value cannot be cast to timestamp: " + text, literal.Message, StringComparison.Ordinal);
        var column = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => db.Rows($"SELECT CAST(s AS timestamp with time zone) FROM (VALUES '{text}') v(s)"));
        Assert.Contains("Value cannot be cast to timestamp: " + text, column.Message, StringComparison.Ordinal);
        Assert.Equal("NULL", db.Scalar($"SELECT TRY_CAST(s AS timestamp(6) with time zone) FROM (VALUES '{text}') v(s)"));
        Assert.Equal("NULL", db.Scalar("SELECT CAST(s AS timestamp(6) with time zone) FROM (VALUES CAST(NULL AS varchar)) v(s)"));
    }

    [Theory]
    [InlineData($"SELECT count(DISTINCT x + INTERVAL '1' HOUR) FROM {Milli}", "1")]
    [InlineData($"SELECT count(DISTINCT x - INTERVAL '2' HOUR + INTERVAL '1' DAY) FROM {Milli}", "1")]
    [InlineData($"SELECT count(*) FROM (SELECT x + INTERVAL '1' HOUR AS y, count(*) AS n FROM {Milli} GROUP BY 1) WHERE n = 2", "1")]
    [InlineData($"SELECT count(*) FROM (SELECT DISTINCT x + INTERVAL '1' HOUR AS y FROM {Milli})", "1")]
    [InlineData($"SELECT count(*) FROM (SELECT x + INTERVAL '1' HOUR AS y FROM {Milli}) WHERE y = TIMESTAMP '2020-05-11 12:15:05.123 +05:30'", "2")]
    public void Interval_arithmetic_of_a_zone_per_row_groups_and_compares_by_instant(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>The sum keeps each value's zone (Trino: 11:15:05.123 +05:30 plus an hour is 12:15:05.123 +05:30).</summary>
    [Fact]
    public void Interval_arithmetic_keeps_each_values_zone()
    {
        using var db = new DuneSqlDb();
        var texts = db.Rows($"SELECT CAST(x + INTERVAL '1' HOUR AS varchar) FROM {Milli} ORDER BY 1").Select(r => r[0]);
        Assert.Equal(["2020-05-11 06:45:05.123 UTC", "2020-05-11 12:15:05.123 +05:30"], texts);
    }

    /// <summary>A GROUP BY key written once bare and once qualified is one column (the matcher folded in 286).</summary>
    [Fact]
    public void A_column_key_matches_however_written()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows($"WITH c AS {Milli} SELECT count(*), to_unixtime(c.x) FROM c GROUP BY x ORDER BY c.x");
        Assert.Equal([("2", "1589175905.123")], rows.Select(r => (r[0], r[1])));
        var quoted = db.Rows($"WITH c AS {Milli} SELECT count(*), to_unixtime(\"x\") FROM c GROUP BY c.X");
        Assert.Equal([("2", "1589175905.123")], quoted.Select(r => (r[0], r[1])));
    }
}
