namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's types where DuckDB's differ (branch dune-time2): <c>typeof</c> spells Trino's names (conversion.md:
/// <c>typeof(123)</c> is <c>integer</c>, <c>typeof('cat')</c> is <c>varchar(3)</c>, <c>typeof(cos(2) + 1.5)</c> is
/// <c>double</c>), <c>date - date</c> is an <c>interval day to second</c> (Trino coerces both dates to timestamps),
/// <c>histogram</c> counts in <c>bigint</c>, and a <c>time(3)</c> cast to varchar keeps its milliseconds.
/// </summary>
public sealed class DuneSqlTimeTypesTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // conversion.md, typeof's documented examples.
    [InlineData("SELECT typeof(123)", "integer")]
    [InlineData("SELECT typeof('cat')", "varchar(3)")]
    [InlineData("SELECT typeof(cos(2) + 1.5)", "double")]
    // Trino's names of the other types (language/types.md).
    [InlineData("SELECT typeof('')", "varchar(0)")]
    [InlineData("SELECT typeof('für')", "varchar(3)")]
    [InlineData("SELECT typeof(10000000000)", "bigint")]
    [InlineData("SELECT typeof(3.14)", "decimal(3,2)")]
    [InlineData("SELECT typeof(1e0)", "double")]
    [InlineData("SELECT typeof(REAL '1.5')", "real")]
    [InlineData("SELECT typeof(true)", "boolean")]
    [InlineData("SELECT typeof(date '2024-01-01')", "date")]
    [InlineData("SELECT typeof(now())", "timestamp(3) with time zone")]
    [InlineData("SELECT typeof(current_time)", "time(3) with time zone")]
    [InlineData("SELECT typeof(time '01:00')", "time(3)")]
    [InlineData("SELECT typeof(interval '2' day)", "interval day to second")]
    [InlineData("SELECT typeof(0xabcd)", "varbinary")]
    [InlineData("SELECT typeof(uint256 '1')", "uint256")]
    [InlineData("SELECT typeof(int256 '-1')", "int256")]
    [InlineData("SELECT typeof(ARRAY[1, 2])", "array(integer)")]
    [InlineData("SELECT typeof(ARRAY[ARRAY['a']])", "array(array(varchar))")]
    [InlineData("SELECT typeof(MAP(ARRAY['a'], ARRAY[1]))", "map(varchar, integer)")]
    [InlineData("SELECT typeof(CAST(ROW(1, 'a') AS ROW(x integer, y varchar)))", "row(x integer, y varchar)")]
    [InlineData("SELECT typeof(sum(x)) FROM (VALUES (BIGINT '1')) t(x)", "bigint")]
    [InlineData("SELECT typeof(count(*)) FROM (VALUES 1) t(x)", "bigint")]
    [InlineData("SELECT typeof(x) FROM (VALUES ('abc')) t(x)", "varchar")]
    // The value of typeof is text that can be compared, as in a query that branches on it.
    [InlineData("SELECT typeof(1) = 'integer'", "true")]
    public void Typeof_spells_Trinos_type_names(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // Trino: date - date is interval day to second (the dates are coerced to timestamps); values read as milliseconds.
    [InlineData("SELECT typeof(date '2024-03-01' - date '2024-02-01')", "interval day to second")]
    [InlineData("SELECT to_milliseconds(date '2024-03-01' - date '2024-02-01')", "2505600000")]
    [InlineData("SELECT to_milliseconds(date '2024-01-01' - date '2024-01-03')", "-172800000")]
    [InlineData("SELECT to_milliseconds(current_date - (current_date - interval '7' day))", "604800000")]
    [InlineData("SELECT to_milliseconds(CAST('2024-03-01' AS date) - timestamp '2024-02-29 12:00:00')", "43200000")]
    [InlineData("SELECT to_milliseconds(timestamp '2024-03-01 06:00:00' - date '2024-03-01')", "21600000")]
    [InlineData("SELECT to_milliseconds(date(timestamp '2024-03-02 10:00:00') - TIMESTAMP '2024-03-01 00:00:00 UTC')", "86400000")]
    [InlineData("SELECT to_milliseconds(max(d) - date '2024-01-01') FROM (VALUES (date '2024-01-03')) t(d)", "172800000")]
    [InlineData("SELECT to_milliseconds(d - date '2024-01-01') FROM (VALUES (date '2024-01-02')) t(d)", "86400000")]
    [InlineData("SELECT count(*) FROM (VALUES (date '2024-01-02')) t(d) WHERE d - date '2024-01-01' <= interval '1' day", "1")]
    [InlineData("SELECT d - date '2024-01-01' IS NULL FROM (VALUES (CAST(NULL AS date))) t(d)", "true")]
    // timestamp - timestamp was already an interval; subtractions without a date stay as they were.
    [InlineData("SELECT to_milliseconds(timestamp '2024-03-01 00:00:00' - timestamp '2024-02-01 12:00:00')", "2462400000")]
    [InlineData("SELECT typeof(timestamp '2024-03-01 00:00:00' - timestamp '2024-02-01 12:00:00')", "interval day to second")]
    [InlineData("SELECT CAST(date '2024-03-01' - interval '1' day AS varchar)", "2024-02-29")]
    [InlineData("SELECT 7 - 2 - 1", "4")]
    [InlineData("SELECT date_diff('day', date '2024-02-01', date '2024-03-01')", "29")]
    public void Date_minus_date_is_an_interval_day_to_second(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // aggregate.md: histogram(x) → map(K, bigint); map_agg(key, value) → map(K, V).
    [InlineData("SELECT typeof(histogram(x)) FROM (VALUES 1, 2, 2) t(x)", "map(integer, bigint)")]
    [InlineData("SELECT CAST(histogram(x)[2] AS varchar) FROM (VALUES 1, 2, 2) t(x)", "2")]
    [InlineData("SELECT cardinality(histogram(x) FILTER (WHERE x > 1)) FROM (VALUES 1, 2, 2, 3) t(x)", "2")]
    [InlineData("SELECT CAST(histogram(x)['b'] AS varchar) FROM (VALUES 'a', 'b', 'b', 'b') t(x)", "3")]
    [InlineData("SELECT typeof(map_agg(x, CAST(y AS varchar))) FROM (VALUES (1, 'a'), (2, 'b')) t(x, y)", "map(integer, varchar)")]
    public void Histogram_and_map_agg_have_Trinos_types(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // datetime.md: time '01:00' - interval '3' hour is 22:00:00.000, a time(3) written with its milliseconds.
    [InlineData("SELECT CAST(time '01:00' - interval '3' hour AS varchar)", "22:00:00.000")]
    [InlineData("SELECT CAST(time '01:02:03.456' AS varchar)", "01:02:03.456")]
    [InlineData("SELECT CAST(timestamp '2012-08-08 01:00' + interval '29' hour AS varchar)", "2012-08-09 06:00:00.000")]
    [InlineData("SELECT CAST(TIMESTAMP '2012-10-31 01:00 UTC' AS varchar)", "2012-10-31 01:00:00.000 UTC")]
    public void Times_and_timestamps_cast_to_varchar_as_Trino(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));
}

/// <summary>The same through the HTTP API: the JSON value, the column type of the metadata and the CSV text.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTimeTypesHttpTests(InProcessSharedServer shared)
{
    [Fact]
    public async Task A_date_difference_is_an_interval_and_typeof_spells_Trinos_names()
    {
        var (row, types, csv) = await shared.Server.Alice.RunFirstRowAsync("SELECT date '2024-03-01' - date '2024-02-01' AS i, "
            + "typeof('cat') AS t, typeof(1.5) AS d, CAST(time '01:00' - interval '3' hour AS varchar) AS c, "
            + "current_date - current_date AS z");
        Assert.Equal("29 00:00:00.000", row["i"]!.GetValue<string>());
        Assert.Equal("varchar(3)", row["t"]!.GetValue<string>());
        Assert.Equal("decimal(2,1)", row["d"]!.GetValue<string>());
        Assert.Equal("22:00:00.000", row["c"]!.GetValue<string>());
        Assert.Equal("0 00:00:00.000", row["z"]!.GetValue<string>());
        Assert.Equal("interval day to second", types[0]);
        Assert.Equal("interval day to second", types[4]);
        Assert.Equal("29 00:00:00.000,varchar(3),\"decimal(2,1)\",22:00:00.000,0 00:00:00.000", csv[1]);
    }

    [Fact]
    public async Task A_histogram_is_a_map_of_bigint_counts()
    {
        var (_, types, _) = await shared.Server.Alice.RunFirstRowAsync("SELECT histogram(x) AS h FROM (VALUES 1, 2, 2) t(x)");
        Assert.Equal("map(integer, bigint)", types[0]);
    }
}
