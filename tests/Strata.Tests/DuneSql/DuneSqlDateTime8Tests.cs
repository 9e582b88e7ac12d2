namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 275 (dune-datetime8). Trino's timestamp with time zone operators compare the instant alone
/// (TimestampWithTimeZoneOperators, and datetime.md: a value is an instant with a zone), so one instant in two zones is
/// equal, and a timestamp meets one as its UTC instant. The instants are Java 17 java.time's (OffsetDateTime.parse,
/// LocalDateTime.atZone, Instant.atZone; /tmp/dd8java in the note): '2020-05-11T11:15:05.123+05:30' and
/// '2020-05-11T05:45:05.123Z' are both 05:45:05.123Z; '…11:15:05.123456789+05:30' and '…01:45:05.123456789-04:00' both
/// 05:45:05.123456789Z; Berlin's 2024-01-01 01:00:00.123456 is 00:00:00.123456Z.
/// </summary>
public sealed class DuneSqlDateTime8Tests
{
    private const string Milli = "(VALUES ('2020-05-11T11:15:05.123+05:30', '2020-05-11T05:45:05.123Z')) v(t, u)";

    private const string Nano = "(VALUES ('2020-05-11T11:15:05.123456789+05:30', '2020-05-11T01:45:05.123456789-04:00')) v(t, u)";

    /// <summary>One instant in two zones per row (the millisecond type and the nanosecond one) is equal under every
    /// comparison.</summary>
    [Theory]
    [InlineData($"SELECT from_iso8601_timestamp(t) = from_iso8601_timestamp(u) FROM {Milli}", "true")]
    [InlineData($"SELECT from_iso8601_timestamp(t) <> from_iso8601_timestamp(u) FROM {Milli}", "false")]
    [InlineData($"SELECT from_iso8601_timestamp(t) < from_iso8601_timestamp(u) FROM {Milli}", "false")]
    [InlineData($"SELECT from_iso8601_timestamp(u) < from_iso8601_timestamp(t) FROM {Milli}", "false")]
    [InlineData($"SELECT from_iso8601_timestamp(t) <= from_iso8601_timestamp(u) FROM {Milli}", "true")]
    [InlineData($"SELECT from_iso8601_timestamp(u) >= from_iso8601_timestamp(t) FROM {Milli}", "true")]
    [InlineData($"SELECT from_iso8601_timestamp(t) BETWEEN from_iso8601_timestamp(u) AND from_iso8601_timestamp(u) FROM {Milli}", "true")]
    [InlineData($"SELECT from_iso8601_timestamp(t) IN (from_iso8601_timestamp(u)) FROM {Milli}", "true")]
    [InlineData($"SELECT from_iso8601_timestamp(t) IS DISTINCT FROM from_iso8601_timestamp(u) FROM {Milli}", "false")]
    [InlineData($"SELECT from_iso8601_timestamp_nanos(t) = from_iso8601_timestamp_nanos(u) FROM {Nano}", "true")]
    [InlineData($"SELECT from_iso8601_timestamp_nanos(t) < from_iso8601_timestamp_nanos(u) FROM {Nano}", "false")]
    [InlineData($"SELECT from_iso8601_timestamp_nanos(u) <= from_iso8601_timestamp_nanos(t) FROM {Nano}", "true")]
    [InlineData($"SELECT from_iso8601_timestamp_nanos(t) NOT BETWEEN from_iso8601_timestamp_nanos(u) AND from_iso8601_timestamp_nanos(u) FROM {Nano}", "false")]
    // The millisecond type meets the nanosecond one: 05:45:05.123Z against 05:45:05.123456789Z.
    [InlineData($"SELECT from_iso8601_timestamp(t) < from_iso8601_timestamp_nanos(u) FROM (VALUES ('2020-05-11T11:15:05.123+05:30', '2020-05-11T01:45:05.123456789-04:00')) v(t, u)", "true")]
    [InlineData($"SELECT from_iso8601_timestamp(t) = from_iso8601_timestamp_nanos(u) FROM (VALUES ('2020-05-11T11:15:05.123+05:30', '2020-05-11T01:45:05.123000000-04:00')) v(t, u)", "true")]
    // A constant zone meets a zone per row: Tokyo's 14:45:05.123 is 05:45:05.123Z.
    [InlineData($"SELECT from_iso8601_timestamp(t) = at_timezone(from_iso8601_timestamp(u), 'Asia/Tokyo') FROM {Milli}", "true")]
    // A CTE's columns the scan types timestamp(9) with time zone / timestamp(6) with time zone.
    [InlineData($"WITH x AS (SELECT from_iso8601_timestamp_nanos(t) AS a, from_iso8601_timestamp_nanos(u) AS b FROM {Nano}) SELECT a = b AND a <= b AND NOT a < b FROM x", "true")]
    [InlineData("WITH x AS (SELECT with_timezone(CAST(TIMESTAMP '2024-01-01 01:00:00.123456' AS timestamp(6)), z) AS a, "
        + "with_timezone(CAST(TIMESTAMP '2024-01-01 00:00:00.123456' AS timestamp(6)), w) AS b FROM (VALUES ('Europe/Berlin', 'UTC')) v(z, w)) "
        + "SELECT a = b FROM x", "true")]
    public void One_instant_in_two_zones_compares_equal(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>A join on instants matches the same instant in another zone, and not one a nanosecond away.</summary>
    [Fact]
    public void A_join_matches_one_instant_in_two_zones()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("1", db.Scalar("SELECT count(*) FROM (VALUES '2020-05-11T11:15:05.123456789+05:30') a(t) JOIN (VALUES "
            + "'2020-05-11T01:45:05.123456789-04:00', '2020-05-11T01:45:05.123456788-04:00') b(u) "
            + "ON from_iso8601_timestamp_nanos(a.t) = from_iso8601_timestamp_nanos(b.u)"));
        Assert.Equal("2", db.Scalar("SELECT count(*) FROM (VALUES '2020-05-11T11:15:05.123+05:30', '2020-05-11T05:45:05.123Z') a(t) JOIN (VALUES "
            + "'2020-05-11T07:45:05.123+02:00') b(u) ON from_iso8601_timestamp(a.t) = from_iso8601_timestamp(b.u)"));
    }

    /// <summary>A zone per row with nanoseconds against a UTC timestamp(6) with time zone, or a timestamp, is exact at the
    /// boundary: '…11:15:05.123456001+05:30' is one nanosecond after 05:45:05.123456Z; Berlin's 01:00:00.123456 is
    /// 00:00:00.123456 UTC exactly.</summary>
    [Theory]
    [InlineData("SELECT from_iso8601_timestamp_nanos(t) <= TIMESTAMP '2020-05-11 05:45:05.123456 UTC' FROM (VALUES '2020-05-11T11:15:05.123456001+05:30') v(t)", "false")]
    [InlineData("SELECT from_iso8601_timestamp_nanos(t) > TIMESTAMP '2020-05-11 05:45:05.123456 UTC' FROM (VALUES '2020-05-11T11:15:05.123456001+05:30') v(t)", "true")]
    [InlineData("SELECT from_iso8601_timestamp_nanos(t) = TIMESTAMP '2020-05-11 05:45:05.123456 UTC' FROM (VALUES '2020-05-11T11:15:05.123456000+05:30') v(t)", "true")]
    [InlineData("SELECT from_iso8601_timestamp_nanos(t) <= TIMESTAMP '2020-05-11 05:45:05.123456' FROM (VALUES '2020-05-11T11:15:05.123456000+05:30') v(t)", "true")]
    [InlineData("SELECT with_timezone(CAST(TIMESTAMP '2024-01-01 01:00:00.123456' AS timestamp(6)), z) <= TIMESTAMP '2024-01-01 00:00:00.123456' "
        + "FROM (VALUES 'Europe/Berlin') v(z)", "true")]
    [InlineData("SELECT with_timezone(CAST(TIMESTAMP '2024-01-01 01:00:00.123456' AS timestamp(6)), z) = TIMESTAMP '2024-01-01 00:00:00.123456' "
        + "FROM (VALUES 'Europe/Berlin') v(z)", "true")]
    [InlineData("SELECT with_timezone(CAST(TIMESTAMP '2024-01-01 01:00:00.123456' AS timestamp(6)), z) >= TIMESTAMP '2024-01-01 00:00:00.123457' "
        + "FROM (VALUES 'Europe/Berlin') v(z)", "false")]
    public void A_rows_zone_meets_a_utc_value_exactly(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>at_timezone/with_timezone of a timestamp(4-6) with a zone per row take the whole timestamp range (the
    /// nanosecond path stopped at 1677-2262). java.time: 1500-01-01T12:00:00.123456 at +01:00 is 11:00:00.123456Z;
    /// 2300-06-01T00:00:00.123456Z is 05:30:00.123456 in Asia/Kolkata; 1500-01-01T12:00:00.123456Z is 04:00:00.123456 at
    /// -08:00.</summary>
    [Theory]
    [InlineData("SELECT CAST(with_timezone(CAST(TIMESTAMP '1500-01-01 12:00:00.123456' AS timestamp(6)), z) AS varchar) FROM (VALUES '+01:00') v(z)",
        "1500-01-01 12:00:00.123456 +01:00")]
    [InlineData("SELECT with_timezone(CAST(TIMESTAMP '1500-01-01 12:00:00.123456' AS timestamp(6)), z) = TIMESTAMP '1500-01-01 11:00:00.123456' "
        + "FROM (VALUES '+01:00') v(z)", "true")]
    [InlineData("SELECT with_timezone(CAST(TIMESTAMP '1500-01-01 12:00:00.123456' AS timestamp(6)), z) < TIMESTAMP '1500-01-01 11:00:00.123457' "
        + "AND with_timezone(CAST(TIMESTAMP '1500-01-01 12:00:00.123456' AS timestamp(6)), z) > TIMESTAMP '1500-01-01 11:00:00.123455' FROM (VALUES '+01:00') v(z)", "true")]
    [InlineData("SELECT CAST(at_timezone(CAST(TIMESTAMP '2300-06-01 00:00:00.123456 UTC' AS timestamp(6) with time zone), z) AS varchar) FROM (VALUES 'Asia/Kolkata') v(z)",
        "2300-06-01 05:30:00.123456 Asia/Kolkata")]
    [InlineData("SELECT CAST(at_timezone(CAST(TIMESTAMP '1500-01-01 12:00:00.123456' AS timestamp(6)), z) AS varchar) FROM (VALUES '-08:00') v(z)",
        "1500-01-01 04:00:00.123456 -08:00")]
    [InlineData("SELECT CAST(with_timezone(CAST(TIMESTAMP '2300-06-01 00:00:00.1234' AS timestamp(4)), z) AS varchar) FROM (VALUES 'Asia/Kolkata') v(z)",
        "2300-06-01 00:00:00.1234 Asia/Kolkata")]
    public void A_timestamp_of_four_to_six_digits_takes_a_rows_zone_over_the_whole_range(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>A timestamp(9) column the translator cannot type meets a zone per row as its UTC instant, to the nanosecond
    /// (1970-01-01 00:00:01.000000001 is one nanosecond after from_unixtime(1), in any zone); before decision 275 it
    /// failed rather than lose the nanosecond (DuneSqlTypes14Tests).</summary>
    [Theory]
    [InlineData("SELECT x = at_timezone(from_unixtime(1), z) FROM (VALUES (CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)), 'Asia/Tokyo')) t(x, z)", "false")]
    [InlineData("SELECT x > at_timezone(from_unixtime(1), z) FROM (VALUES (CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)), 'Asia/Tokyo')) t(x, z)", "true")]
    [InlineData("SELECT x = at_timezone(from_unixtime(1), z) FROM (VALUES (CAST('1970-01-01 00:00:01' AS timestamp(9)), 'Asia/Tokyo')) t(x, z)", "true")]
    public void A_timestamp9_column_meets_a_rows_zone_exactly(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }
}
