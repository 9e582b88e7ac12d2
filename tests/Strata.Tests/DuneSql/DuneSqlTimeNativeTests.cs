namespace Strata.Tests.DuneSql;

/// <summary>
/// <c>x ± interval</c> and <c>date_add</c> through the native dune_plus/dune_minus (DuneTime): Trino's result type for every
/// operand form DuckDB binds before it picks the overload (aggregates, windows, correlated columns, lambda parameters) and
/// every timestamp precision. Answers are Trino's (datetime.mdx; DateTimeOperators: a date stays a date, months clamp).
/// </summary>
public sealed class DuneSqlTimeNativeTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // date_add keeps its operand's type (datetime.mdx: "same as input").
    [InlineData("SELECT CAST(date_add('day', 1, DATE '2024-01-01') AS varchar)", "2024-01-02")]
    [InlineData("SELECT typeof(date_add('day', 1, DATE '2024-01-01'))", "date")]
    [InlineData("SELECT CAST(date_add('week', 2, DATE '2024-01-01') AS varchar)", "2024-01-15")]
    [InlineData("SELECT CAST(date_add('quarter', 1, DATE '2023-11-30') AS varchar)", "2024-02-29")]
    [InlineData("SELECT CAST(date_add('year', -1, DATE '2024-02-29') AS varchar)", "2023-02-28")]
    [InlineData("SELECT CAST(date_add('second', 86, TIMESTAMP '2020-03-01 00:00:00') AS varchar)", "2020-03-01 00:01:26.000")]
    [InlineData("SELECT CAST(date_add('hour', 9, TIMESTAMP '2020-03-01 00:00:00') AS varchar)", "2020-03-01 09:00:00.000")]
    [InlineData("SELECT CAST(date_add('millisecond', 1500, TIMESTAMP '2020-03-01 00:00:00') AS varchar)", "2020-03-01 00:00:01.500")]
    [InlineData("SELECT typeof(date_add('minute', 5, now()))", "timestamp(3) with time zone")]
    [InlineData("SELECT date_add('day', 1, CAST(NULL AS date))", "NULL")]
    // The newest block time less a week: an aggregate on the left.
    [InlineData("SELECT CAST(max(t) - interval '7' day AS varchar) FROM (VALUES (TIMESTAMP '2024-01-08 10:00:00 UTC')) x(t)", "2024-01-01 10:00:00.000 UTC")]
    [InlineData("SELECT CAST(max(d) - interval '7' day AS varchar) FROM (VALUES (date '2024-01-08')) t(d)", "2024-01-01")]
    [InlineData("SELECT typeof(max(d) - interval '7' day) FROM (VALUES (date '2024-01-08')) t(d)", "date")]
    [InlineData("SELECT CAST(date_add('day', -7, max(d)) AS varchar) FROM (VALUES (date '2024-01-08')) t(d)", "2024-01-01")]
    [InlineData("SELECT CAST(coalesce(max(d), date '2020-01-01') + interval '1' month AS varchar) FROM (VALUES (date '2024-01-31')) t(d)", "2024-02-29")]
    // A window on the left, with an inline and a named window.
    [InlineData("SELECT typeof(max(d) OVER (ORDER BY d) - interval '1' day) FROM (VALUES (date '2024-01-02')) t(d)", "date")]
    [InlineData("SELECT CAST(min(d) OVER w + interval '1' day AS varchar) FROM (VALUES (date '2024-01-02')) t(d) WINDOW w AS ()", "2024-01-03")]
    // A correlated column (the outer query's), as a WAU window has it.
    [InlineData("SELECT (SELECT typeof(t.d + interval '1' day) FROM (VALUES 1) x(y)) FROM (VALUES (date '2024-01-02')) t(d)", "date")]
    [InlineData("SELECT (SELECT CAST(date_add('day', -6, t.d) AS varchar) FROM (VALUES 1) x(y)) FROM (VALUES (date '2024-01-08')) t(d)", "2024-01-02")]
    [InlineData("SELECT (SELECT count(*) FROM (VALUES (date '2024-01-01')) w(d) WHERE w.d >= t.d - interval '6' day) FROM (VALUES (date '2024-01-02')) t(d)", "1")]
    // A lambda parameter.
    [InlineData("SELECT CAST(element_at(transform(ARRAY[date '2024-01-31'], x -> x + interval '1' month), 1) AS varchar)", "2024-02-29")]
    // Every timestamp precision keeps its type and its digits.
    [InlineData("SELECT CAST(CAST(TIMESTAMP '2024-01-01 00:00:00.123' AS timestamp(3)) + interval '1' day AS varchar)", "2024-01-02 00:00:00.123")]
    [InlineData("SELECT CAST(CAST(TIMESTAMP '2024-01-31 10:00:00.123456' AS timestamp(6)) + interval '1' month AS varchar)", "2024-02-29 10:00:00.123456")]
    [InlineData("SELECT CAST(date_add('day', 1, CAST(TIMESTAMP '2024-01-01 00:00:00.123' AS timestamp(3))) AS varchar)", "2024-01-02 00:00:00.123")]
    // Months clamp to the month's end, before the epoch too; a time wraps around midnight.
    [InlineData("SELECT CAST(date '2024-03-31' - interval '1' month AS varchar)", "2024-02-29")]
    [InlineData("SELECT CAST(date '2024-02-29' + interval '1' year AS varchar)", "2025-02-28")]
    [InlineData("SELECT CAST(timestamp '1969-12-31 23:00:00' + interval '1' month AS varchar)", "1970-01-31 23:00:00.000")]
    [InlineData("SELECT CAST(timestamp '1900-03-31 06:30:00' - interval '1' month AS varchar)", "1900-02-28 06:30:00.000")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-31 12:00:00 UTC' + interval '1' month AS varchar)", "2024-02-29 12:00:00.000 UTC")]
    [InlineData("SELECT hour(time '01:00' - interval '3' hour) * 100 + minute(time '01:00' - interval '3' hour)", "2200")]
    [InlineData("SELECT hour(time '01:00' + interval '3' hour)", "4")]
    [InlineData("SELECT CAST(date '2012-08-08' + interval '48' hour AS varchar)", "2012-08-10")]
    public void Left_operand_keeps_its_type(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Every_row_of_a_column_is_added_to()
    {
        // More rows than a DuckDB vector holds (2048), with NULLs among them: each day count against DuckDB's own date + integer.
        const string sql = "SELECT count(*), count(a), sum(CASE WHEN a = b THEN 1 ELSE 0 END) FROM (SELECT "
            + "date_add('day', i, DATE '1999-12-31') AS a, CAST(DATE '1999-12-31' + CAST(i AS integer) AS date) AS b "
            + "FROM (SELECT CASE WHEN r % 7 = 0 THEN NULL ELSE r - 2500 END AS i FROM range(5000) x(r)))";
        Assert.Equal(["5000", "4285", "4285"], db.Rows(sql)[0]);
    }

    [Theory]
    [InlineData("SELECT min(d) + interval '1' hour FROM (VALUES (date '2024-01-02')) t(d)", "Cannot add hour, minutes or seconds to a date")]
    [InlineData("SELECT max(d) - interval '1' second FROM (VALUES (date '2024-01-02')) t(d)", "Cannot subtract hour, minutes or seconds from a date")]
    public void Time_of_day_on_a_date_fails_as_Trino(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Trino's mathematical functions: from_base(string, radix) -> bigint, to_base(x, radix) -> varchar.
    [InlineData("SELECT from_base('ff', 16)", "255")]
    [InlineData("SELECT from_base('FF', 16)", "255")]
    [InlineData("SELECT from_base('-1010', 2)", "-10")]
    [InlineData("SELECT from_base('7fffffffffffffff', 16)", "9223372036854775807")]
    [InlineData("SELECT from_base('-8000000000000000', 16)", "-9223372036854775808")]
    [InlineData("SELECT typeof(from_base('z', 36))", "bigint")]
    [InlineData("SELECT to_base(255, 16)", "ff")]
    [InlineData("SELECT to_base(-255, 2)", "-11111111")]
    [InlineData("SELECT to_base(0, 7)", "0")]
    [InlineData("SELECT to_base(-9223372036854775808, 36)", "-1y2p0ij32e8e8")]
    [InlineData("SELECT from_base(to_base(123456789, 36), 36)", "123456789")]
    [InlineData("SELECT to_base(CAST(NULL AS bigint), 16)", "NULL")]
    public void From_base_and_to_base_as_Trino(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT from_base('12g', 16)", "Not a valid base-16 number: 12g")]
    [InlineData("SELECT from_base('8000000000000000', 16)", "Not a valid base-16 number: 8000000000000000")]
    [InlineData("SELECT from_base('', 10)", "Not a valid base-10 number: ")]
    [InlineData("SELECT to_base(5, 37)", "Radix must be between 2 and 36")]
    [InlineData("SELECT from_base('1', 1)", "Radix must be between 2 and 36")]
    public void From_base_and_to_base_fail_as_Trino(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // datetime.mdx: from_unixtime_nanos is a timestamp(9) with time zone with its nanoseconds (decision 201); its text ends
    // " UTC" as Trino's (decision 253), from_iso8601_timestamp_nanos the instant to the microsecond.
    [InlineData("SELECT CAST(from_unixtime_nanos(1700000000123456789) AS varchar)", "2023-11-14 22:13:20.123456789 UTC")]
    [InlineData("SELECT CAST(from_unixtime_nanos(DECIMAL '1234.499') AS varchar)", "1970-01-01 00:00:00.000001234 UTC")]
    [InlineData("SELECT CAST(from_unixtime_nanos(-1234) AS varchar)", "1969-12-31 23:59:59.999998766 UTC")]
    [InlineData("SELECT typeof(from_unixtime_nanos(100))", "timestamp(9) with time zone")]
    [InlineData("SELECT to_unixtime(from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456789+01:00'))", "1589192105.123456")]
    public void Nanosecond_parsers_give_the_instant(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // Trino's aggregate.md: listagg(x, separator) WITHIN GROUP (ORDER BY …) skips NULLs; no separator is the empty string.
    [InlineData("SELECT listagg(value, ',') WITHIN GROUP (ORDER BY value) csv_value FROM (VALUES ('a'), ('c'), ('b')) t(value)", "a,b,c")]
    [InlineData("SELECT listagg(x, ', ') WITHIN GROUP (ORDER BY x DESC) FROM (VALUES ('b'), ('a'), (NULL), ('c')) t(x)", "c, b, a")]
    [InlineData("SELECT listagg(x) WITHIN GROUP (ORDER BY x) FROM (VALUES ('b'), ('a')) t(x)", "ab")]
    [InlineData("SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FROM (VALUES ('b')) t(x) WHERE x = 'z'", "NULL")]
    [InlineData("SELECT max(l) FROM (SELECT id, listagg(v, ',') WITHIN GROUP (ORDER BY v DESC) AS l FROM (VALUES (1, 'a'), (1, 'b'), (2, 'c')) t(id, v) GROUP BY id)", "c")]
    [InlineData("SELECT min(l) FROM (SELECT id, listagg(v, ',') WITHIN GROUP (ORDER BY v DESC) AS l FROM (VALUES (1, 'a'), (1, 'b'), (2, 'c')) t(id, v) GROUP BY id)", "b,a")]
    public void Listagg_within_group_as_Trino(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Listagg_on_overflow_truncate_needs_its_count_as_in_Trinos_grammar()
    {
        // Trino's rule: TRUNCATE string? (WITH | WITHOUT) COUNT (hostile20 implements TRUNCATE; its count is not optional).
        const string sql = "SELECT listagg(x, ',' ON OVERFLOW TRUNCATE) WITHIN GROUP (ORDER BY x) FROM (VALUES ('a')) t(x)";
        var e = Assert.Throws<Strata.Core.Engine.QueryFailedException>(() => Strata.Engine.DuckDb.DuneSql.DuneSqlTranslator.Translate(sql));
        Assert.StartsWith("mismatched input ')'", e.Error.Message, StringComparison.Ordinal);
    }
}
