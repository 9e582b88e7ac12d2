using DuckDB.NET.Data;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Date and time arithmetic, extract fields and parsing with Trino's types and answers (Dune's datetime.mdx and
/// Trino's DateTimeOperators): a date plus an interval stays a date, months clamp to the month's end, intervals are written
/// as Trino writes them.</summary>
public sealed class DuneSqlTimeTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // datetime.mdx, "Date and time operators".
    [InlineData("SELECT CAST(date '2012-08-08' + interval '2' day AS varchar)", "2012-08-10")]
    [InlineData("SELECT CAST(date '2012-08-08' - interval '2' day AS varchar)", "2012-08-06")]
    [InlineData("SELECT CAST(timestamp '2012-10-31 01:00' + interval '1' month AS varchar)", "2012-11-30 01:00:00.000")]
    [InlineData("SELECT CAST(timestamp '2012-10-31 01:00' - interval '1' month AS varchar)", "2012-09-30 01:00:00.000")]
    [InlineData("SELECT CAST(timestamp '2012-08-08 01:00' + interval '29' hour AS varchar)", "2012-08-09 06:00:00.000")]
    // A date stays a date (Trino's DateTimeOperators), also through a chain and with a column, and at a month's end.
    [InlineData("SELECT typeof(date '2012-08-08' + interval '2' day)", "date")]
    [InlineData("SELECT typeof(current_date - interval '7' day + interval '1' day)", "date")]
    [InlineData("SELECT CAST(x + interval '1' month AS varchar) FROM (VALUES (date '2024-01-31')) AS t(x)", "2024-02-29")]
    [InlineData("SELECT CAST(date '2012-08-08' + interval '24' hour AS varchar)", "2012-08-09")]
    [InlineData("SELECT typeof(now() - interval '7' day)", "timestamp(3) with time zone")]
    [InlineData("SELECT typeof(current_time + interval '1' hour)", "time(3) with time zone")]
    [InlineData("SELECT typeof(time '01:00' - interval '3' hour)", "time(3)")]
    [InlineData("SELECT typeof(x + interval '1' day) FROM (SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123' AS timestamp(6)) AS x)", "timestamp(3)")]
    // date_add keeps its operand's type (datetime.mdx: "same as input"); the month clamps to its end.
    [InlineData("SELECT typeof(date_add('day', 1, DATE '2020-03-01'))", "date")]
    [InlineData("SELECT CAST(date_add('month', 1, DATE '2020-01-31') AS varchar)", "2020-02-29")]
    [InlineData("SELECT CAST(date_add('day', -1, TIMESTAMP '2020-03-01 00:00:00 UTC') AS varchar)", "2020-02-29 00:00:00.000 UTC")]
    // extract with Trino's fields: day_of_week is ISO (Sunday 7), and the fields DuckDB does not know.
    [InlineData("SELECT extract(dow FROM date '2024-01-07')", "7")]
    [InlineData("SELECT extract(DAY_OF_WEEK FROM date '2024-01-07')", "7")]
    [InlineData("SELECT extract(doy FROM date '2001-08-22')", "234")]
    [InlineData("SELECT extract(yow FROM date '2005-01-02')", "2004")]
    [InlineData("SELECT extract(year_of_week FROM date '2005-01-02')", "2004")]
    [InlineData("SELECT extract(day_of_month FROM date '2001-08-22')", "22")]
    [InlineData("SELECT extract(YEAR FROM TIMESTAMP '2022-10-20 05:10:00')", "2022")]
    [InlineData("SELECT extract(hour FROM timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles')", "18")]
    // date_parse reads a two-digit year in 1970..2069 (datetime.mdx, footnote of %y); parse_datetime gives a timestamp with time zone.
    [InlineData("SELECT CAST(date_parse('69', '%y') AS varchar)", "2069-01-01 00:00:00.000")]
    [InlineData("SELECT CAST(date_parse('70', '%y') AS varchar)", "1970-01-01 00:00:00.000")]
    [InlineData("SELECT CAST(date_parse('1969', '%Y') AS varchar)", "1969-01-01 00:00:00.000")]
    [InlineData("SELECT CAST(date_parse('2022/10/20/05', '%Y/%m/%d/%H') AS varchar)", "2022-10-20 05:00:00.000")]
    [InlineData("SELECT typeof(parse_datetime('1960/01/22 03:04', 'yyyy/MM/dd HH:mm'))", "timestamp(3) with time zone")]
    // from_unixtime(unixtime, zone) (datetime.mdx): UTC is the instant; another zone runs where its local fields are read.
    [InlineData("SELECT CAST(from_unixtime(1700000000, 'UTC') AS varchar)", "2023-11-14 22:13:20.000 UTC")]
    [InlineData("SELECT hour(from_unixtime(1700000000, 'America/New_York'))", "17")]
    [InlineData("SELECT CAST(date(from_unixtime(1700000000, '+08:00')) AS varchar)", "2023-11-15")]
    [InlineData("SELECT CAST(from_unixtime(1700000000, 'America/New_York') AS varchar)", "2023-11-14 17:13:20.000 America/New_York")]
    public void Documented_example_gives_documented_answer(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT date '2012-08-08' + interval '2' day", false)]
    [InlineData("SELECT date_parse('69', '%y')", true)]
    [InlineData("SELECT date_parse('1969', '%Y'), now()", false)]
    public void The_time_macros_are_made_only_for_a_text_that_calls_them(string sql, bool made)
    {
        string prelude = DuneSqlTranslator.PreludeFor(DuneSqlTranslator.Translate(sql).Sql);
        Assert.Equal(made, prelude.Contains(DuneSqlTranslator.TimeMacros, StringComparison.Ordinal));
        Assert.StartsWith(DuneSqlTranslator.Prelude, prelude, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT date '2012-08-08' + interval '2' hour", "Cannot add hour, minutes or seconds to a date")]
    [InlineData("SELECT date '2012-08-08' - interval '90' minute", "Cannot subtract hour, minutes or seconds from a date")]
    public void Time_of_day_added_to_a_date_fails_as_Trino(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // datetime.mdx, "Date and time operators" and parse_duration; Trino's interval day to second / year to month text.
    [InlineData("SELECT interval '2' day + interval '3' hour", "2 03:00:00.000")]
    [InlineData("SELECT interval '2' day - interval '3' hour", "1 21:00:00.000")]
    [InlineData("SELECT interval '3' year + interval '5' month", "3-5")]
    [InlineData("SELECT interval '3' year - interval '5' month", "2-7")]
    [InlineData("SELECT interval '-14' month", "-1-2")]
    [InlineData("SELECT interval '-2' day + interval '3' hour", "-1 21:00:00.000")]
    [InlineData("SELECT interval '29' hour", "1 05:00:00.000")]
    [InlineData("SELECT parse_duration('42.8ms')", "0 00:00:00.043")]
    [InlineData("SELECT parse_duration('3.81 d')", "3 19:26:24.000")]
    [InlineData("SELECT parse_duration('5m')", "0 00:05:00.000")]
    [InlineData("SELECT timestamp '2024-03-01 10:00' - timestamp '2024-01-01 00:00'", "60 10:00:00.000")]
    [InlineData("SELECT CAST(NULL AS interval)", "NULL")]
    public void Intervals_are_written_as_Trino_writes_them(string sql, string expected)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        DuneTime.Register(connection);
        using var command = connection.CreateCommand();
        command.CommandText = DuneSqlTranslator.Prelude + DuneSqlTranslator.TimeMacros;
        command.ExecuteNonQuery();
        command.CommandText = $"SELECT {Strata.Engine.DuckDb.DuckDbTypes.IntervalText("x")} FROM ({DuneSqlTranslator.Translate(sql).Sql}) AS t(x)";
        object? value = command.ExecuteScalar();
        Assert.Equal(expected, value is null or DBNull ? "NULL" : (string)value);
    }

    [Theory]
    // A dashboard's commonest window: the newest block time less a week (the merge's first CI run failed on these when the
    // sum was a typed macro, whose overload DuckDB picked before it bound aggregates and windows).
    [InlineData("SELECT max(d) - interval '1' day FROM (VALUES (timestamp '2024-01-02 00:00:00')) t(d)", "2024-01-01 00:00:00")]
    [InlineData("SELECT CAST(CAST(max(d) - interval '1' day AS date) AS varchar) FROM (VALUES (date '2024-01-02')) t(d)", "2024-01-01")]
    [InlineData("SELECT coalesce(max(d), timestamp '2020-01-01') - interval '1' day FROM (VALUES (timestamp '2024-01-02 00:00:00')) t(d)", "2024-01-01 00:00:00")]
    [InlineData("SELECT max(d) OVER () - interval '1' day FROM (VALUES (timestamp '2024-01-02 00:00:00')) t(d)", "2024-01-01 00:00:00")]
    [InlineData("SELECT CAST(d AS timestamp(3)) - interval '1' day FROM (VALUES (timestamp '2024-01-02 00:00:00')) t(d)", "2024-01-01 00:00:00")]
    [InlineData("SELECT CAST(coalesce(d, date '2020-01-01') + interval '1' day AS varchar) FROM (VALUES (date '2024-01-02')) t(d)", "2024-01-03")]
    // A correlated column (the outer query's, in a subquery used as a value), as a real dashboard's WAU window has it.
    [InlineData("SELECT (SELECT CAST(t.d + interval '1' day AS varchar) FROM (VALUES 1) x(y)) FROM (VALUES (timestamp '2024-01-02 00:00:00')) t(d)", "2024-01-03 00:00:00.000")]
    [InlineData("SELECT (SELECT count(*) FROM (VALUES (date '2024-01-01')) w(d) WHERE date_add('day', -6, t.d) <= w.d) FROM (VALUES (date '2024-01-02')) t(d)", "1")]
    public void Aggregates_windows_and_every_timestamp_precision_take_an_interval(string sql, string expected) =>
        Assert.Equal(expected, db.Scalar(sql));
}

/// <summary>Date arithmetic and intervals through the HTTP API: the JSON value, the column type and the CSV text.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTimeHttpTests(InProcessSharedServer shared)
{
    [Fact]
    public async Task A_date_plus_an_interval_is_a_date_and_intervals_read_as_Trino()
    {
        var (row, types, csv) = await shared.Server.Alice.RunFirstRowAsync("SELECT date '2024-01-31' + interval '1' month AS d, "
            + "timestamp '2012-10-31 01:00' + interval '1' month AS t, interval '2' day + interval '3' hour AS i, "
            + "interval '3' year + interval '5' month AS m");
        Assert.Equal("2024-02-29", row["d"]!.GetValue<string>());
        Assert.Equal("2012-11-30 01:00:00.000 UTC", row["t"]!.GetValue<string>());
        Assert.Equal("2 03:00:00.000", row["i"]!.GetValue<string>());
        Assert.Equal("3-5", row["m"]!.GetValue<string>());
        Assert.Equal("date", types[0]);
        Assert.Equal("2024-02-29,2012-11-30 01:00:00.000 UTC,2 03:00:00.000,3-5", csv[1]);
    }

    [Fact]
    public async Task A_time_reads_with_milliseconds_as_Trino()
    {
        // datetime.mdx: time '01:00' + interval '3' hour is 04:00:00.000, time '01:00' - interval '3' hour is 22:00:00.000.
        var (row, types, csv) = await shared.Server.Alice.RunFirstRowAsync("SELECT time '01:00' + interval '3' hour AS a, "
            + "time '01:00' - interval '3' hour AS b, time '01:02:03.456' AS c");
        Assert.Equal("04:00:00.000", row["a"]!.GetValue<string>());
        Assert.Equal("22:00:00.000", row["b"]!.GetValue<string>());
        Assert.Equal("01:02:03.456", row["c"]!.GetValue<string>());
        Assert.Equal("time(3)", types[0]);
        Assert.Equal("04:00:00.000,22:00:00.000,01:02:03.456", csv[1]);
    }
}
