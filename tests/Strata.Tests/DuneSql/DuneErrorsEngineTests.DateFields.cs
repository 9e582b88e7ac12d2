namespace Strata.Tests.DuneSql;

/// <summary>A unit a date or a time does not have, and a time of day added to a date, through the real engine: Trino's
/// DateTimeFunctions refuse the unit in getDateField's / getTimeField's words, and DateTimeOperators a time of day on a
/// date in their own, without DuckDB's "Invalid Input Error" in front.</summary>
public sealed partial class DuneErrorsEngineTests
{
    [Theory]
    // date + interval day to second: whole days only (DateTimeOperators).
    [InlineData("SELECT date '2012-08-08' + interval '2' hour", "Cannot add hour, minutes or seconds to a date")]
    [InlineData("SELECT date '2012-08-08' - interval '90' minute", "Cannot subtract hour, minutes or seconds from a date")]
    // date_add(unit, bigint, date): day, week, month, quarter, year (getDateField).
    [InlineData("SELECT date_add('hour', 1, DATE '2024-01-01')", "'hour' is not a valid DATE field")]
    [InlineData("SELECT date_add('MilliSecond', 1, DATE '2024-01-01')", "'millisecond' is not a valid DATE field")]
    // date_add(unit, bigint, time): millisecond to hour (getTimeField).
    [InlineData("SELECT date_add('day', 1, TIME '10:00:00')", "'day' is not a valid Time field")]
    public void A_unit_the_type_has_not_fails_in_trinos_words(string sql, string message)
    {
        Assert.Equal(message, Fail(sql).Message);
    }

    [Theory]
    // A date_diff alias inside an ORDER BY expression binds: an error() in date_diff's template made DuckDB refuse it
    // ("Alias referenced - but the expression has side effects"); Trino's ORDER BY reads output columns.
    [InlineData("SELECT date_diff('day', d, DATE '2024-01-10') AS age FROM (VALUES DATE '2024-01-01', DATE '2024-01-05') t(d) ORDER BY age + 0", "5")]
    [InlineData("SELECT date_diff('day', d, DATE '2024-01-10') AS age FROM (VALUES DATE '2024-01-01', DATE '2024-01-05') t(d) ORDER BY -age", "9")]
    public void A_date_diff_alias_orders_in_an_expression(string sql, string first)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(first, db.Rows(sql)[0][0]);
    }
}
