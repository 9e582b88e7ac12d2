using DuckDB.NET.Data;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// A timestamp(9) compared with a timestamp with time zone, as Trino compares them (decision "dune-types14"): Trino
/// coerces the timestamp(9) to a timestamp with time zone in the session zone (UTC on Dune) and compares the two instants
/// at nanoseconds, whatever zone the other value is shown in. Expected values are worked out by hand from that rule:
/// <c>from_unixtime(1)</c> is the instant 1970-01-01 00:00:01 UTC, 01:00:01 in Paris and 09:00:01 in Tokyo in 1970.
/// </summary>
public sealed class DuneSqlTypes14Tests
{
    private const string Paris = "at_timezone(from_unixtime(1), 'Europe/Paris')";

    [Theory]
    // One nanosecond after the instant: later, unequal (DuckDB alone converted the timestamp(9) to microseconds: false, true).
    [InlineData("SELECT CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) > " + Paris + ", CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) = " + Paris, "true,false")]
    [InlineData("SELECT TIMESTAMP '1970-01-01 00:00:01.000000001' >= " + Paris + ", TIMESTAMP '1970-01-01 00:00:01.000000001' <= " + Paris
        + ", TIMESTAMP '1970-01-01 00:00:01.000000001' < " + Paris + ", TIMESTAMP '1970-01-01 00:00:01.000000001' <> " + Paris, "true,false,false,true")]
    // The zoned value on the left; one nanosecond before the instant.
    [InlineData("SELECT " + Paris + " > TIMESTAMP '1970-01-01 00:00:00.999999999', " + Paris + " != TIMESTAMP '1970-01-01 00:00:00.999999999'", "true,true")]
    // The same instant is equal; the timestamp(9) is read in UTC, never as Paris's wall clock (01:00:01).
    [InlineData("SELECT CAST('1970-01-01 00:00:01' AS timestamp(9)) = " + Paris + ", CAST('1970-01-01 01:00:01' AS timestamp(9)) = " + Paris
        + ", CAST('1970-01-01 01:00:00.999999999' AS timestamp(9)) > " + Paris, "true,false,true")]
    // with_timezone: the wall clock 01:00:01 in Paris is the instant 00:00:01 UTC.
    [InlineData("SELECT TIMESTAMP '1970-01-01 00:00:00.999999999' < with_timezone(TIMESTAMP '1970-01-01 01:00:01', 'Europe/Paris'), "
        + "TIMESTAMP '1970-01-01 00:00:01.000000001' <= with_timezone(TIMESTAMP '1970-01-01 01:00:01', 'Europe/Paris')", "true,false")]
    // AT TIME ZONE on either side.
    [InlineData("SELECT from_unixtime(1) AT TIME ZONE 'America/New_York' < TIMESTAMP '1970-01-01 00:00:01.000000001', "
        + "TIMESTAMP '1970-01-01 00:00:01.000000001' = from_unixtime(1) AT TIME ZONE 'Asia/Tokyo'", "true,false")]
    // BETWEEN and IN with zoned bounds and values.
    [InlineData("SELECT TIMESTAMP '1970-01-01 00:00:01.000000001' BETWEEN at_timezone(from_unixtime(1), 'Asia/Tokyo') AND at_timezone(from_unixtime(2), 'Asia/Tokyo'), "
        + "TIMESTAMP '1970-01-01 00:00:00.999999999' BETWEEN at_timezone(from_unixtime(1), 'Asia/Tokyo') AND at_timezone(from_unixtime(2), 'Asia/Tokyo')", "true,false")]
    [InlineData("SELECT CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) IN (" + Paris + "), CAST('1970-01-01 00:00:01' AS timestamp(9)) IN (" + Paris + ", from_unixtime(5))", "false,true")]
    // A zone per value (a zone column): each row's instant.
    [InlineData("SELECT z, TIMESTAMP '1970-01-01 00:00:01.000000001' > at_timezone(from_unixtime(1), z), TIMESTAMP '1970-01-01 00:00:01.000000001' = at_timezone(from_unixtime(1), z) "
        + "FROM (VALUES 'Europe/Paris', 'Asia/Tokyo') t(z) ORDER BY z", "Asia/Tokyo,true,false|Europe/Paris,true,false")]
    public void A_timestamp9_against_a_zones_value_compares_instants_at_nanoseconds(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    // The other side a plain timestamp with time zone (UTC), as block_time is: DuckDB's binder refused these.
    [InlineData("SELECT CAST('2024-01-01 00:00:00.123456789' AS timestamp(9)) < TIMESTAMP '2024-01-01 00:00:00 UTC', CAST('2024-01-01 00:00:00.123456789' AS timestamp(9)) > TIMESTAMP '2024-01-01 00:00:00 UTC'", "false,true")]
    [InlineData("SELECT from_unixtime(1) <= CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)), from_unixtime(1) >= CAST('1970-01-01 00:00:01.000000001' AS timestamp(9))", "true,false")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.123456789' AS timestamp(9)) BETWEEN from_unixtime(1) AND from_unixtime(2), CAST('1970-01-01 00:00:01.5' AS timestamp(9)) NOT BETWEEN from_unixtime(1) AND from_unixtime(2)", "false,false")]
    // A column of timestamps with time zone filtered by a nanosecond literal.
    [InlineData("SELECT count(*) FROM (VALUES from_unixtime(1), from_unixtime(2), from_unixtime(3)) t(block_time) WHERE block_time > TIMESTAMP '1970-01-01 00:00:01.000000001'", "2")]
    [InlineData("SELECT count(*) FROM (VALUES from_unixtime(1), from_unixtime(2), from_unixtime(3)) t(block_time) WHERE TIMESTAMP '1970-01-01 00:00:02.000000000' <= block_time AND block_time < TIMESTAMP '1970-01-01 00:00:02.999999999'", "1")]
    [InlineData("SELECT bt FROM (VALUES from_unixtime(1), from_unixtime(2)) t(bt) WHERE bt >= TRY_CAST('1970-01-01 00:00:01.000000001' AS timestamp(9))", "1970-01-01 00:00:02")]
    // Before the epoch, and in parentheses.
    [InlineData("SELECT TIMESTAMP '1969-12-31 23:59:59.999999999' < from_unixtime(0), (TIMESTAMP '1969-12-31 23:59:59.500000001') > from_unixtime(-0.5)", "true,true")]
    // A date is its midnight; a timestamp(3) its value.
    [InlineData("SELECT TIMESTAMP '1970-01-01 00:00:00.000000001' > DATE '1970-01-01', TIMESTAMP '1970-01-01 00:00:00.000000001' > TIMESTAMP '1970-01-01 00:00:00.000'", "true,true")]
    public void A_timestamp9_against_a_utc_timestamp_with_time_zone_compares_at_nanoseconds(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Fact]
    public void The_other_operand_is_converted_in_the_translation()
    {
        string sql = DuneSqlTranslator.Translate("SELECT 1 FROM t WHERE block_time > TIMESTAMP '2024-01-01 00:00:00.000000001'").Sql;
        Assert.Contains("dune_instant_ns(block_time)", sql, StringComparison.Ordinal);
        // Without a timestamp(9) nothing is converted.
        Assert.DoesNotContain("dune_instant_ns", DuneSqlTranslator.Translate("SELECT 1 FROM t WHERE block_time > TIMESTAMP '2024-01-01 00:00:00.001'").Sql, StringComparison.Ordinal);
    }

    [Theory]
    // Trino refuses a timestamp compared with a number or a varchar column.
    [InlineData("SELECT CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) > 5", "Cannot compare timestamp(9) with integer")]
    [InlineData("SELECT s FROM (VALUES 'x') t(s) WHERE TIMESTAMP '1970-01-01 00:00:01.000000001' = s", "Cannot compare timestamp(9) with varchar")]
    // Past timestamp(9)'s range: an error, never a wrong answer (Trino: true).
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00.000000001' < TIMESTAMP '3000-01-01 00:00:00 UTC'", "outside timestamp(9)'s range")]
    public void A_comparison_trino_refuses_or_out_of_range_is_an_error(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // A column the translator cannot know is a timestamp(9): a value with nanoseconds fails naming both types ...
    [InlineData("SELECT x > " + Paris + " FROM (VALUES CAST('1970-01-01 00:00:01.000000001' AS timestamp(9))) t(x)", "Europe/Paris")]
    // (A zone per row meeting it compares instants exactly since decision 275: DuneSqlDateTime8Tests.)
    [InlineData("SELECT TIMESTAMP '1970-01-01 00:00:01.000000001' > at_timezone(from_unixtime(0), 'Europe/Paris') + INTERVAL '1' SECOND", "Europe/Paris")]
    [InlineData("SELECT greatest(x, " + Paris + ") FROM (VALUES CAST('1970-01-01 00:00:01.000000001' AS timestamp(9))) t(x)", "Europe/Paris")]
    public void A_nanosecond_value_meeting_a_zones_type_unseen_fails_rather_than_lose_nanoseconds(string sql, string zone)
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains("Cannot compare or combine timestamp(9) with nanoseconds and timestamp(3) with time zone (" + zone + ") exactly here", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // ... and one without nanoseconds (or at whole milliseconds, for a zone per value) compares exactly.
    [InlineData("SELECT x > " + Paris + ", x = " + Paris + " FROM (VALUES CAST('1970-01-01 00:00:01.000001' AS timestamp(9))) t(x)", "true,false")]
    [InlineData("SELECT x = " + Paris + " FROM (VALUES CAST('1970-01-01 00:00:01' AS timestamp(9))) t(x)", "true")]
    [InlineData("SELECT x > at_timezone(from_unixtime(1), z), x < at_timezone(from_unixtime(2), z) FROM (VALUES (CAST('1970-01-01 00:00:01.5' AS timestamp(9)), 'Asia/Tokyo')) t(x, z)", "true,true")]
    public void A_value_without_nanoseconds_meeting_a_zones_type_compares_exactly(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }
}
