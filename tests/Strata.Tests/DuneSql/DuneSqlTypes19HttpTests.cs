namespace Strata.Tests.DuneSql;

/// <summary>Decision 201 ("dune-types19") through the HTTP API, JSON and CSV: date_trunc of a DATE and of a TIME by the
/// units Trino takes and its refusals of the others (DateTimeFunctions.getDateField, time's DateTrunc); approx_percentile
/// with a NULL percentile (no row is taken: NULL), a NULL element, one out of range, NaN and infinite values (airlift
/// TDigest.add); from_unixtime_nanos to the nanosecond.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes19HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Date_trunc_of_a_time_keeps_its_type_by_millisecond_to_hour()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT date_trunc('hour', TIME '12:34:56.789') AS h, date_trunc('MINUTE', TIME '12:34:56.789') AS m, "
            + "date_trunc('second', CAST('23:59:59.999' AS time(3))) AS s, date_trunc('millisecond', TIME '00:00:00.123') AS ms, "
            + "date_trunc(u, TIME '12:34:56.789') AS per_row FROM (VALUES 'minute') t(u)");
        Assert.Equal(["time(3)", "time(3)", "time(3)", "time(3)", "time(3)"], types);
        Assert.Equal("h,m,s,ms,per_row", csv[0]);
        Assert.Equal("12:00:00.000,12:34:00.000,23:59:59.000,00:00:00.123,12:34:00.000", csv[1]);
        Assert.Equal("12:00:00.000", row["h"]!.GetValue<string>());
        Assert.Equal("12:34:00.000", row["per_row"]!.GetValue<string>());
    }

    [Fact]
    public async Task Date_trunc_of_a_date_by_day_or_longer_stays_a_date()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT date_trunc('day', DATE '2024-05-08') AS d, date_trunc('week', DATE '2024-05-08') AS w, date_trunc('quarter', DATE '2024-05-08') AS q");
        Assert.Equal(["date", "date", "date"], types);
        Assert.Equal("2024-05-08,2024-05-06,2024-04-01", csv[1]);
        Assert.Equal("2024-05-06", row["w"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SELECT date_trunc('hour', DATE '2024-05-06')", "'hour' is not a valid DATE field")]
    [InlineData("SELECT date_trunc('Minute', DATE '2024-05-06')", "'minute' is not a valid DATE field")]
    [InlineData("SELECT date_trunc('second', d) FROM (VALUES DATE '2024-05-06') t(d)", "'second' is not a valid DATE field")]
    [InlineData("SELECT date_trunc('millisecond', current_date)", "'millisecond' is not a valid DATE field")]
    [InlineData("SELECT date_trunc('day', TIME '12:34:56')", "'day' is not a valid TIME field")]
    [InlineData("SELECT date_trunc('week', CAST('12:34:56' AS time(3)))", "'week' is not a valid TIME field")]
    [InlineData("SELECT date_trunc('year', TIME '12:34:56')", "'year' is not a valid TIME field")]
    [InlineData("SELECT date_trunc(u, TIME '12:34:56') FROM (VALUES 'Month') t(u)", "'month' is not a valid TIME field")]
    [InlineData("SELECT approx_percentile(x, ARRAY[0.5, NULL]) FROM (VALUES 1.0E0, 2.0E0) t(x)", "Percentile cannot be null")]
    [InlineData("SELECT approx_percentile(x, 1.5) FROM (VALUES 1.0E0, 2.0E0) t(x)", "Percentile must be between 0 and 1")]
    [InlineData("SELECT approx_percentile(x, ARRAY[0.5, -0.1]) FROM (VALUES 1, 2) t(x)", "Percentile must be between 0 and 1")]
    [InlineData("SELECT approx_percentile(x, 0.5) FROM (VALUES nan(), 2.0E0) t(x)", "value is NaN")]
    [InlineData("SELECT approx_percentile(x, ARRAY[0.5]) FROM (VALUES CAST(nan() AS real), REAL '2') t(x)", "value is NaN")]
    [InlineData("SELECT approx_percentile(x, 0.5) FROM (VALUES -infinity(), 2.0E0) t(x)", "value must be finite")]
    [InlineData("SELECT approx_percentile(x, 1, 0.5) FROM (VALUES nan(), 2.0E0) t(x)", "value is NaN")]
    [InlineData("SELECT approx_percentile(x, 2, ARRAY[0.5]) FROM (VALUES infinity(), 2.0E0) t(x)", "value must be finite")]
    public async Task A_refused_query_has_trinos_words(string sql, string message)
    {
        string error = await Server.Alice.RunToFailureAsync(sql);
        Assert.Equal(message, error);
    }

    /// <summary>Trino masks an aggregate's rows whose non-nullable argument is NULL (AggregationMaskCompiler): a NULL
    /// percentile takes no row, and the answer is NULL of the value's type, bare NULL or typed, scalar or array.</summary>
    [Fact]
    public async Task A_null_percentile_answers_null_of_the_values_type()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT approx_percentile(x, NULL) AS a, approx_percentile(x, CAST(NULL AS double)) AS b, "
            + "approx_percentile(x, CAST(NULL AS array(double))) AS c, approx_percentile(y, NULL) AS d, approx_percentile(x, 0.5) AS e "
            + "FROM (VALUES (1, 1.5E0), (2, 2.5E0), (3, 3.5E0)) t(x, y)");
        Assert.Equal(["bigint", "bigint", "array(bigint)", "double", "bigint"], types);
        Assert.Equal("a,b,c,d,e", csv[0]);
        Assert.Equal(",,,,2", csv[1]);
        Assert.Null(row["a"]);
        Assert.Null(row["c"]);
        Assert.Equal(2, row["e"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_null_percentile_answers_null_per_window_too()
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT approx_percentile(x, NULL) OVER () AS a, approx_percentile(x, 0.5) OVER () AS b FROM (VALUES 1.0E0, 2.0E0) t(x)");
        Assert.Equal(["double", "double"], types);
        Assert.Null(row["a"]);
        Assert.Equal(1.5, row["b"]!.GetValue<double>());
    }

    /// <summary>Trino's from_unixtime_nanos keeps every nanosecond (its text in UTC ends " UTC"); the value compares with
    /// a zoned timestamp at nanoseconds.</summary>
    [Fact]
    public async Task From_unixtime_nanos_keeps_its_nanoseconds()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT from_unixtime_nanos(1700000000123456789) AS a, from_unixtime_nanos(-1234) AS b, "
            + "from_unixtime_nanos(1700000000123456789) > from_unixtime(1700000000.123456) AS later, "
            // from_unixtime is Trino's millisecond instant (decision 228).
            + "from_unixtime_nanos(1700000000123000000) = at_timezone(from_unixtime(1700000000.123456), 'America/New_York') AS same");
        Assert.Equal(["timestamp(9) with time zone", "timestamp(9) with time zone", "boolean", "boolean"], types);
        Assert.Equal("a,b,later,same", csv[0]);
        Assert.Equal("2023-11-14 22:13:20.123456789 UTC,1969-12-31 23:59:59.999998766 UTC,true,true", csv[1]);
        Assert.Equal("2023-11-14 22:13:20.123456789 UTC", row["a"]!.GetValue<string>());
        Assert.True(row["same"]!.GetValue<bool>());
    }
}
