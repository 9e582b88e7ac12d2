namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 304 (dune-datetime13). Trino's timestamp with time zone hashes and compares its instant alone
/// (TimestampWithTimeZone's equal and hash operators read the UTC millis, never the zone key), so
/// <c>array_agg(DISTINCT x)</c> keeps one element per instant and <c>map_agg(x, v)</c> one key per instant (its state
/// ignores a key it already holds: the first entry stays); a NULL is one distinct value of array_agg (Trino's array_agg
/// keeps NULLs). A set operation whose columns have no common super type fails in the analyzer's words ("column %d in %s
/// query has incompatible types: %s, %s", StatementAnalyzer.visitSetOperation); bigint and a timestamp with time zone have
/// none. DateTimeOperators' <c>interval + date</c> is <c>date + interval</c>: a date (months on the calendar, the day
/// clamped to the month's end, as Java's LocalDate.plusMonths; a time of day refused). Instants from
/// Python's datetime: 2020-05-11 05:45:05.123 UTC (= 11:15:05.123 +05:30) is 1589175905123 ms, 2020-01-31 11:15:05.123
/// +05:30 is 1580449505123 ms.
/// </summary>
public sealed class DuneSqlDateTime13Tests
{
    private const string Zoned = "(SELECT k, from_iso8601_timestamp(s) AS x FROM (VALUES (1, '2020-05-11T11:15:05.123+05:30'), "
        + "(2, '2020-05-11T05:45:05.123Z'), (3, '2020-01-31T11:15:05.123+05:30'), (4, CAST(NULL AS varchar))) v(k, s))";

    private static readonly string[] OneInstant = ["2020-05-11 11:15:05.123 +05:30", "2020-05-11 05:45:05.123 UTC"];

    [Fact]
    public void Array_agg_distinct_keeps_one_element_per_instant_in_one_of_its_zones()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("1", db.Scalar($"SELECT cardinality(array_agg(DISTINCT x)) FROM {Zoned} WHERE k < 3"));
        Assert.Equal("2", db.Scalar($"SELECT cardinality(array_agg(DISTINCT x)) FROM {Zoned} WHERE k < 4"));
        Assert.Equal("3", db.Scalar($"SELECT cardinality(array_agg(DISTINCT x)) FROM {Zoned}"));
        Assert.Equal("[1580449505123, 1589175905123]", db.Scalar(
            $"SELECT CAST(array_sort(transform(array_agg(DISTINCT x), e -> CAST(to_unixtime(e) * 1000 AS bigint))) AS varchar) FROM {Zoned} WHERE k < 4"));
        Assert.Contains(db.Scalar($"SELECT CAST(element_at(array_agg(DISTINCT x), 1) AS varchar) FROM {Zoned} WHERE k < 3"), OneInstant);
        // Per group, and beside other aggregates.
        Assert.Equal(["1|1|2", "2|1|1"], db.Rows($"SELECT g, cardinality(array_agg(DISTINCT x)), count(*) FROM (SELECT k, x, CASE WHEN k < 3 THEN 1 ELSE 2 END AS g "
            + $"FROM {Zoned} WHERE k < 4) GROUP BY g ORDER BY g").Select(r => string.Join('|', r)));
    }

    [Fact]
    public void Map_agg_keeps_one_key_per_instant()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("1", db.Scalar($"SELECT cardinality(map_agg(x, k)) FROM {Zoned} WHERE k < 3"));
        Assert.Equal("2", db.Scalar($"SELECT cardinality(map_agg(x, k)) FROM {Zoned}"));
        Assert.Equal("[1580449505123, 1589175905123]", db.Scalar(
            $"SELECT CAST(array_sort(transform(map_keys(map_agg(x, k)), e -> CAST(to_unixtime(e) * 1000 AS bigint))) AS varchar) FROM {Zoned}"));
        Assert.Contains(db.Scalar($"SELECT CAST(element_at(map_keys(map_agg(x, k)), 1) AS varchar) FROM {Zoned} WHERE k < 3"), OneInstant);
    }

    [Theory]
    [InlineData("INTERSECT")]
    [InlineData("UNION")]
    [InlineData("EXCEPT")]
    [InlineData("UNION ALL")]
    public void A_bigint_and_a_timestamp_with_time_zone_have_no_common_type_in_a_set_operation(string operation)
    {
        using var db = new DuneSqlDb();
        string name = operation.Split(' ')[0];
        var perRow = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => db.Rows($"SELECT CAST(k AS bigint) FROM {Zoned} {operation} SELECT x FROM {Zoned}"));
        Assert.Contains($"column 1 in {name} query has incompatible types: bigint, timestamp(3) with time zone", perRow.Message, StringComparison.Ordinal);
        var fixedZone = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => db.Rows(
            $"SELECT CAST(1 AS bigint) {operation} SELECT TIMESTAMP '2020-05-11 11:15:05.123 +05:30'"));
        Assert.Contains($"column 1 in {name} query has incompatible types: bigint, timestamp(3) with time zone", fixedZone.Message, StringComparison.Ordinal);
    }

    /// <summary>Java's LocalDate: 2020-01-31 plus a month is 2020-02-29 (clamped), 2020-02-29 plus a year 2021-02-28.</summary>
    [Theory]
    [InlineData("INTERVAL '1' month + DATE '2020-01-31'", "2020-02-29")]
    [InlineData("DATE '2020-01-31' + INTERVAL '1' month", "2020-02-29")]
    [InlineData("INTERVAL '1' day + DATE '2020-02-28'", "2020-02-29")]
    [InlineData("INTERVAL '1' year + DATE '2020-02-29'", "2021-02-28")]
    [InlineData("INTERVAL '2' month + d", "2020-03-31")]
    [InlineData("INTERVAL '1' month + d - INTERVAL '1' day", "2020-02-28")]
    [InlineData("DATE '2020-03-31' - INTERVAL '1' month", "2020-02-29")]
    [InlineData("DATE '2020-03-01' - INTERVAL '1' day", "2020-02-29")]
    [InlineData("INTERVAL '24' hour + DATE '2020-02-28'", "2020-02-29")]
    public void An_interval_plus_a_date_is_a_date(string expression, string expected)
    {
        using var db = new DuneSqlDb();
        string sql = $"SELECT CAST({expression} AS varchar), typeof({expression}) FROM (VALUES DATE '2020-01-31') v(d)";
        Assert.Equal([expected, "date"], db.Rows(sql)[0]);
    }

    [Theory]
    // The right operand is a call with a tail (OVER, FILTER, IGNORE NULLS): the sum takes the whole windowed or filtered
    // value (304 wrapped the call alone, dune_plus(max(d)) OVER (…), which DuckDB refused as no window function).
    [InlineData("INTERVAL '1' month + max(d) OVER (PARTITION BY k)", "2020-02-29")]
    [InlineData("INTERVAL '1' month + max(d) FILTER (WHERE k = 1) OVER ()", "2020-02-29")]
    [InlineData("INTERVAL '1' month + lag(d) IGNORE NULLS OVER (ORDER BY k)", "2020-02-29")]
    public void An_interval_plus_a_windowed_or_filtered_call_adds_to_the_calls_whole_value(string expression, string expected)
    {
        using var db = new DuneSqlDb();
        string sql = $"SELECT CAST({expression} AS varchar) FROM (VALUES (DATE '2020-01-31', 1), (DATE '2020-01-31', 2)) v(d, k) ORDER BY 1 NULLS LAST";
        Assert.Equal(expected, db.Rows(sql)[0][0]);
    }

    [Fact]
    public void An_interval_with_a_time_of_day_plus_a_date_fails_as_Trino()
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => db.Rows("SELECT INTERVAL '1' hour + d FROM (VALUES DATE '2020-01-31') v(d)"));
        Assert.Contains("Cannot add hour, minutes or seconds to a date", e.Message, StringComparison.Ordinal);
        Assert.Equal(["2020-01-31 01:00:00.000", "timestamp(3)"],
            db.Rows("SELECT CAST(INTERVAL '1' hour + TIMESTAMP '2020-01-31 00:00:00.000' AS varchar), typeof(INTERVAL '1' hour + TIMESTAMP '2020-01-31 00:00:00.000')")[0]);
    }
}

/// <summary>The API's JSON and CSV of decision 304's answers: a date (Trino's <c>interval + date</c>) as its ISO text, and
/// the one element array_agg(DISTINCT x) keeps of one instant in two zones, shown in one of those zones.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class DuneSqlDateTime13HttpTests(SharedServer shared)
{
    [Fact]
    public async Task An_interval_plus_a_date_and_a_distinct_instant_reach_the_client_as_Trino_shows_them()
    {
        var (row, types, csv) = await shared.Server.Alice.RunFirstRowAsync("SELECT INTERVAL '1' month + DATE '2020-01-31' AS d, "
            + "cardinality(array_agg(DISTINCT x)) AS n, element_at(array_agg(DISTINCT x), 1) AS e FROM (SELECT from_iso8601_timestamp(s) AS x "
            + "FROM (VALUES '2020-05-11T11:15:05.123+05:30', '2020-05-11T05:45:05.123Z') v(s))");
        Assert.Equal("2020-02-29", row["d"]!.GetValue<string>());
        Assert.Equal(1, row["n"]!.GetValue<long>());
        string e = row["e"]!.GetValue<string>();
        Assert.Contains(e, new[] { "2020-05-11 11:15:05.123 +05:30", "2020-05-11 05:45:05.123 UTC" });
        Assert.Equal(["date", "bigint", "timestamp(3) with time zone"], types);
        Assert.Equal($"2020-02-29,1,{e}", csv[1]);
    }
}
