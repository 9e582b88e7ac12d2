using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Time zones with Dune's session zone (UTC): to_iso8601 (Trino's precision rules), from_iso8601_timestamp,
/// at_timezone/with_timezone/AT TIME ZONE with UTC, and the refusal of unknown or computed zones (other zones: DuneSqlZoneTests).</summary>
public sealed class DuneSqlTimeZoneTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // Trino TestDateTimeFunctions: a timestamp(3) literal.
    [InlineData("SELECT to_iso8601(TIMESTAMP '2001-08-22 03:04:05.321')", "2001-08-22T03:04:05.321")]
    [InlineData("SELECT to_iso8601(TIMESTAMP '2001-08-22 03:04:05')", "2001-08-22T03:04:05")]
    [InlineData("SELECT to_iso8601(TIMESTAMP '2001-08-22 03:04:05.123456')", "2001-08-22T03:04:05.123456")]
    [InlineData("SELECT to_iso8601(TIMESTAMP '2001-08-22 03:04:05.5')", "2001-08-22T03:04:05.5")]
    [InlineData("SELECT to_iso8601(TIMESTAMP '2001-08-22 03:04:05.321 UTC')", "2001-08-22T03:04:05.321Z")]
    [InlineData("SELECT to_iso8601(DATE '2024-01-02')", "2024-01-02")]
    // A column or expression is timestamp(3), as Dune's block_time and now().
    [InlineData("SELECT to_iso8601(t) FROM (VALUES (TIMESTAMP '2024-01-02 03:04:05')) AS v(t)", "2024-01-02T03:04:05.000")]
    [InlineData("SELECT to_iso8601(from_unixtime(1700000000))", "2023-11-14T22:13:20.000Z")]
    // The offset is the value's zone (Trino keeps it): the day starts at midnight +01:00.
    [InlineData("SELECT to_iso8601(date_trunc('day', from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00')))", "2020-05-11T00:00:00.000+01:00")]
    [InlineData("SELECT to_iso8601(CAST(NULL AS timestamp))", "NULL")]
    // datetime.mdx: from_iso8601_timestamp (the session zone is UTC on Dune) and AT TIME ZONE 'UTC'.
    [InlineData("SELECT from_iso8601_timestamp('2020-05-11')", "2020-05-11 00:00:00")]
    [InlineData("SELECT from_iso8601_timestamp('2020-05-11T11:15:05')", "2020-05-11 11:15:05")]
    [InlineData("SELECT from_iso8601_timestamp('2020-05-11T11:15:05.055+01:00')", "2020-05-11 10:15:05.055")]
    [InlineData("SELECT timestamp '2012-10-31 01:00 UTC'", "2012-10-31 01:00:00")]
    // Trino writes a timestamp(3) with time zone with its zone (from_unixtime is timestamp(3) with time zone).
    [InlineData("SELECT CAST(at_timezone(from_unixtime(1351645200), 'UTC') AS varchar)", "2012-10-31 01:00:00.000 UTC")]
    [InlineData("SELECT at_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'UTC')", "2022-11-01 09:08:07.321")]
    [InlineData("SELECT with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'utc')", "2022-11-01 09:08:07.321")]
    [InlineData("SELECT at_timezone(from_unixtime(0), 'UTC')", "1970-01-01 00:00:00")]
    [InlineData("SELECT current_timezone()", "UTC")]
    // (Rendered with " UTC" by the result writer: a timestamp with time zone, as Dune types them.)
    [InlineData("SELECT typeof(at_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'UTC'))", "timestamp(3) with time zone")]
    [InlineData("SELECT typeof(from_iso8601_timestamp('2020-05-11'))", "timestamp(3) with time zone")]
    public void Documented_example_gives_documented_answer(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/Los_Angelez')", "Time zone 'America/Los_Angelez' is not known", "'America")]
    [InlineData("SELECT now() AT TIME ZONE z FROM (VALUES ('UTC')) AS t(z)", "AT TIME ZONE takes a constant zone", "AT TIME")]
    [InlineData("SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angelez'", "Time zone 'America/Los_Angelez' is not known", "'America")]
    public void An_unknown_or_computed_zone_is_refused_at_its_position(string sql, string message, string at)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains(message, e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(sql.IndexOf(at, StringComparison.Ordinal) + 1, e.Error.Column);
    }

    [Fact]
    public void The_session_zone_is_utc_whatever_the_connection_had()
    {
        using var other = new DuneSqlDb("SET TimeZone = 'America/New_York';\n" + DuneSqlTranslator.Prelude);
        Assert.Equal("UTC", other.Scalar("SELECT current_timezone()"));
        Assert.Equal("1704153600", other.Scalar("SELECT CAST(to_unixtime(CAST(TIMESTAMP '2024-01-02 00:00' AS timestamp with time zone)) AS bigint)"));
    }
}
