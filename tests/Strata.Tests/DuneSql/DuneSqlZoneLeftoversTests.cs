namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10's zone leftovers (decision zones-sec), as Trino answers them (trinodb/trino datetime.md, DateTimeFunctions,
/// TimeZoneKey, the grammar's timeZoneSpecifier): from_iso8601_timestamp refuses an offset Joda cannot read and one past
/// ±14:00 with Trino's messages; parse_datetime with <c>Z</c>/<c>ZZ</c> keeps each row's offset; to_char reads a zoned
/// value's own wall clock; AT TIME ZONE takes a constant zone only (Trino's grammar), and the refusal names at_timezone.
/// </summary>
public sealed class DuneSqlZoneLeftoversTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private List<string> Column(string sql) => db.Rows(sql).Select(r => r[0]).ToList();

    [Theory]
    // Joda's offset parser takes hours to 23 and minutes to 59: anything else is its "Invalid format".
    [InlineData("2024-01-01T00:00:00+99:99", "Invalid format: \"2024-01-01T00:00:00+99:99\" is malformed at \"+99:99\"")]
    [InlineData("2024-01-01T00:00:00-10:75", "Invalid format: \"2024-01-01T00:00:00-10:75\" is malformed at \"-10:75\"")]
    // Read by Joda, but Trino's zones stop at ±14:00.
    [InlineData("2024-01-01T00:00:00+15:00", "Time zone not supported: +15:00")]
    [InlineData("2024-01-01T00:00:00-2330", "Time zone not supported: -23:30")]
    public void From_iso8601_timestamp_refuses_an_offset_as_trino_does(string text, string message)
    {
        foreach (string sql in new[]
        {
            $"SELECT CAST(from_iso8601_timestamp('{text}') AS varchar)",
            $"SELECT CAST(from_iso8601_timestamp(s) AS varchar) FROM (VALUES ('{text}')) AS t(s)",
        })
        {
            var e = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
            Assert.Contains(message, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void From_iso8601_timestamp_takes_offsets_to_fourteen_hours()
    {
        Assert.Equal(["2024-01-01 00:00:00.000 +14:00", "2024-01-01 00:00:00.000 -12:00"],
            Column("SELECT CAST(from_iso8601_timestamp(s) AS varchar) FROM (VALUES (1, '2024-01-01T00:00:00+14:00'), "
                + "(2, '2024-01-01T00:00:00-12:00')) AS t(n, s) ORDER BY n"));
        Assert.Equal(["2024-01-01 00:00:00.000 +14:00"], Column("SELECT CAST(from_iso8601_timestamp('2024-01-01T00:00:00+14:00') AS varchar)"));
    }

    [Fact]
    public void Parse_datetime_with_an_offset_keeps_each_rows_offset()
    {
        const string Rows = "(VALUES (1, '2024-01-01 00:00:00 +0530'), (2, '2024-01-01 00:00:00 -0800'), (3, '2024-01-01 00:00:00 +0000')) AS t(n, s)";
        Assert.Equal(["2024-01-01 00:00:00.000 +05:30", "2024-01-01 00:00:00.000 -08:00", "2024-01-01 00:00:00.000 UTC"],
            Column($"SELECT CAST(parse_datetime(s, 'yyyy-MM-dd HH:mm:ss Z') AS varchar) FROM {Rows} ORDER BY n"));
        // The instants: 18:30 the day before, 08:00, midnight UTC.
        Assert.Equal(["1704047400", "1704096000", "1704067200"],
            Column($"SELECT CAST(to_unixtime(parse_datetime(s, 'yyyy-MM-dd HH:mm:ss Z')) AS bigint) FROM {Rows} ORDER BY n"));
        Assert.Equal(["5", "-8", "0"], Column($"SELECT timezone_hour(parse_datetime(s, 'yyyy-MM-dd HH:mm:ss Z')) FROM {Rows} ORDER BY n"));
        // ZZ (+05:30), a constant text, and a quoted Z (a literal letter, no offset: UTC).
        Assert.Equal(["2024-01-01 00:00:00.000 +05:30"],
            Column("SELECT CAST(parse_datetime('2024-01-01 00:00:00+05:30', 'yyyy-MM-dd HH:mm:ssZZ') AS varchar)"));
        Assert.Equal(["2024-01-01 00:00:00.000 UTC"],
            Column("SELECT CAST(parse_datetime('2024-01-01T00:00:00Z', 'yyyy-MM-dd''T''HH:mm:ss''Z''') AS varchar)"));
        Assert.Equal(["timestamp(3) with time zone"],
            Column($"SELECT DISTINCT typeof(parse_datetime(s, 'yyyy-MM-dd HH:mm:ss Z')) FROM {Rows}"));
    }

    [Theory]
    [InlineData("SELECT to_char(TIMESTAMP '2024-01-01 00:00:00 UTC' AT TIME ZONE 'Asia/Tokyo', 'yyyy-mm-dd hh24:mi')", "2024-01-01 09:00")]
    [InlineData("SELECT to_char(at_timezone(TIMESTAMP '2024-01-01 00:00:00 UTC', 'America/New_York'), 'yyyy-mm-dd hh24:mi')", "2023-12-31 19:00")]
    [InlineData("SELECT to_char(x, 'yyyy-mm-dd hh24:mi') FROM (SELECT TIMESTAMP '2024-01-01 00:00:00 UTC' AT TIME ZONE 'Asia/Tokyo' AS x)", "2024-01-01 09:00")]
    [InlineData("SELECT to_char(at_timezone(TIMESTAMP '2024-01-01 00:00:00 UTC', z), 'yyyy-mm-dd hh24:mi') FROM (VALUES ('Asia/Kolkata')) AS t(z)", "2024-01-01 05:30")]
    [InlineData("SELECT to_char(from_iso8601_timestamp(s), 'yyyy-mm-dd hh24:mi') FROM (VALUES ('2024-01-01T00:00:00+05:07')) AS t(s)", "2024-01-01 00:00")]
    public void To_char_formats_a_zoned_values_own_wall_clock(string sql, string expected) => Assert.Equal([expected], Column(sql));

    [Fact]
    public void At_time_zone_with_a_zone_column_is_refused_naming_at_timezone()
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Rows("SELECT now() AT TIME ZONE z FROM (VALUES ('UTC')) AS t(z)"));
        Assert.Contains("AT TIME ZONE takes a constant zone", e.Message, StringComparison.Ordinal);
        Assert.Contains("at_timezone(x, zone_column)", e.Message, StringComparison.Ordinal);
    }
}
