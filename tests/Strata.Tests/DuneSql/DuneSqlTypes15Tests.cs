using DuckDB.NET.Data;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision "dune-types15" (issue 10): avg of a uint256/int256 expression, UNNEST of arrays of rows beside other arrays,
/// CAST to <c>timestamp(p)</c> rounding to p digits, and timestamp(9) against zoned values in IS [NOT] DISTINCT FROM,
/// IN (subquery) and quantified comparisons. Expected values are worked out by hand from Trino's rules (stated per case).
/// </summary>
public sealed class DuneSqlTypes15Tests
{
    /// <summary>The demo data's way of holding uint256 amounts: DuckDB's BIGNUM columns (not the uint256 alias).</summary>
    private const string Amounts = "CREATE TABLE t AS SELECT CAST(x AS BIGNUM) AS amount, CAST(10 * x AS BIGNUM) AS locktime, x AS i FROM range(1, 4) r(x);";

    [Theory]
    // avg of uint256 is a double (aggregate.mdx: avg(x) → double): (2 + 4 + 6) / 3.
    [InlineData("SELECT avg(amount * 2), typeof(avg(amount * 2)) FROM t", "4,double")]
    // uint256 / bigint divides as integers (0, 1, 1), then the mean 2/3 as a double.
    [InlineData("SELECT avg(amount / 2) FROM t", "0.6666666666666666")]
    // The veBAL file: MAX(locktime) - MAX(ts) per group (9, 18, 27) averaged over a CTE's column, then divided by a
    // parenthesized product as the file does ((365 * 86400 / 12) there; 9 here): 18 and 2. On main: "Unimplemented type
    // for cast (BIGNUM -> DECIMAL(1,0))".
    [InlineData("WITH l AS (SELECT i, MAX(locktime) - MAX(amount) AS lock_time FROM t GROUP BY 1) SELECT AVG(lock_time), AVG(lock_time) / (3 * 6 / 2) FROM l", "18,2")]
    // int256 and a cast mixed with an integer column: -9, -8, -7 and 2, 4, 6.
    [InlineData("SELECT avg(CAST(amount AS int256) - 10), avg(cast(i as uint256) + amount) FROM t", "-8,4")]
    // GROUP BY and FILTER (a FILTER is DuckDB's own avg): per group the one value; 2 and 3 → 2.5.
    [InlineData("SELECT i, avg(amount * 3) FROM t GROUP BY i ORDER BY i", "1,3|2,6|3,9")]
    [InlineData("SELECT avg(amount + 0) FILTER (WHERE i > 1) FROM t", "2.5")]
    public void Avg_of_a_uint256_expression_is_its_double_mean(string sql, string expected)
    {
        using var db = new DuneSqlDb(Amounts);
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql, db.ColumnTypes())));
    }

    [Fact]
    public void Avg_of_large_uint256_values_is_exact_where_the_double_is()
    {
        // 2^100 and 3 * 2^100: the mean 2^101 = 2535301200456458802993406410752 is a double.
        using var db = new DuneSqlDb("CREATE TABLE b AS SELECT CAST(CAST(x AS VARCHAR) AS BIGNUM) AS v FROM (VALUES (1267650600228229401496703205376::HUGEINT), (3802951800684688204490109616128::HUGEINT)) s(x);");
        Assert.Equal("true", db.Scalar("SELECT avg(v * 1) = 2535301200456458802993406410752e0 FROM b"));
        Assert.Equal("true", db.Scalar("SELECT avg(v + 0) = avg(v) FROM b"));
    }

    [Theory]
    // An array of rows beside an array of scalars: the row's fields, then the scalar, the shorter padded with NULL.
    [InlineData("WITH a AS (SELECT ARRAY[ROW('x', 1), ROW('y', 2)] AS r, ARRAY[5] AS s) SELECT n, v, w FROM a CROSS JOIN UNNEST(r, s) AS t(n, v, w)", "x,1,5|y,2,NULL")]
    [InlineData("WITH a AS (SELECT ARRAY[7, 8, 9] AS s, ARRAY[ROW('x', true)] AS r) SELECT w, n, b, o FROM a CROSS JOIN UNNEST(s, r) WITH ORDINALITY AS t(w, n, b, o)", "7,x,true,1|8,NULL,NULL,2|9,NULL,NULL,3")]
    // Two arrays of scalars, and with ORDINALITY, from columns.
    [InlineData("SELECT x, y FROM (VALUES (ARRAY[1, 2, 3], ARRAY['a', 'b'])) v(a, b) CROSS JOIN UNNEST(a, b) AS t(x, y)", "1,a|2,b|3,NULL")]
    [InlineData("SELECT x, y, n FROM (VALUES (ARRAY[1], ARRAY['a', 'b'])) v(a, b) CROSS JOIN UNNEST(a, b) WITH ORDINALITY AS t(x, y, n)", "1,a,1|NULL,b,2")]
    // A map gives its key and value.
    [InlineData("SELECT k, v FROM UNNEST(map(ARRAY['a', 'b'], ARRAY[1, 2])) AS t(k, v) ORDER BY k", "a,1|b,2")]
    // An ABI file (nonstopcoderaxw): a JSON array of objects cast to array(row(…)) with three fields, then unnested.
    [InlineData("WITH a AS (SELECT cast(json_parse('[{\"name\":\"x\",\"type\":\"uint256\",\"indexed\":true},{\"name\":\"y\",\"type\":\"address\",\"indexed\":false}]') "
        + "as array(row(name varchar, type varchar, indexed boolean))) as inputs) SELECT i.names, i.types, i.indexed FROM a, unnest(inputs) as i(names, types, indexed)", "x,uint256,true|y,address,false")]
    public void Unnest_zips_arrays_of_rows_and_scalars(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    // Trino rounds to p digits, half up (types.md: CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS TIMESTAMP(1)) is .4).
    // Its text has exactly p digits (DateTimes.formatTimestamp; decision 253: it had three).
    [InlineData("SELECT CAST(CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS timestamp(1)) AS varchar)", "2020-06-10 15:55:23.4")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.1234565' AS timestamp(4)) = TIMESTAMP '2024-01-01 00:00:00.1235', "
        + "CAST(TIMESTAMP '2024-01-01 00:00:00.12344' AS timestamp(4)) = TIMESTAMP '2024-01-01 00:00:00.1234'", "true,true")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.123455' AS timestamp(5)) = TIMESTAMP '2024-01-01 00:00:00.12346'", "true")]
    // From nanoseconds: .123456789 to 6 digits is .123457 (DuckDB alone cut it to .123456).
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp(6)) = TIMESTAMP '2024-01-01 00:00:00.123457', "
        + "CAST('2024-01-01 00:00:00.1234565' AS timestamp(6)) = TIMESTAMP '2024-01-01 00:00:00.123457'", "true,true")]
    // 7 and 8 digits keep their nanoseconds (timestamp(9) here), written with 8 and 7 digits (decision 253: it had nine).
    [InlineData("SELECT CAST(CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp(8)) AS varchar), CAST(CAST('2024-01-01 00:00:00.12345675' AS timestamp(7)) AS varchar)",
        "2024-01-01 00:00:00.12345679,2024-01-01 00:00:00.1234568")]
    // Rounding carries into the next day; 3, 2 and 0 digits.
    [InlineData("SELECT CAST(TIMESTAMP '2024-12-31 23:59:59.9999996' AS timestamp(6)) = TIMESTAMP '2025-01-01 00:00:00', "
        + "CAST(TIMESTAMP '2024-01-01 00:00:00.1235' AS timestamp(3)) = TIMESTAMP '2024-01-01 00:00:00.124', "
        + "CAST(TIMESTAMP '2024-01-01 00:00:00.125' AS timestamp(2)) = TIMESTAMP '2024-01-01 00:00:00.13', "
        + "CAST(TIMESTAMP '2024-01-01 00:00:00.5' AS timestamp(0)) = TIMESTAMP '2024-01-01 00:00:01'", "true,true,true,true")]
    // Before the epoch half up is towards the later instant (Timestamps.roundDiv): -50 µs → 0, -60 µs → -100 µs.
    [InlineData("SELECT CAST(TIMESTAMP '1969-12-31 23:59:59.99995' AS timestamp(4)) = TIMESTAMP '1970-01-01 00:00:00', "
        + "CAST(TIMESTAMP '1969-12-31 23:59:59.99994' AS timestamp(4)) = TIMESTAMP '1969-12-31 23:59:59.9999', "
        + "CAST(TIMESTAMP '1969-12-31 23:59:59.5' AS timestamp(0)) = TIMESTAMP '1970-01-01 00:00:00'", "true,true,true")]
    // A column, a date, a timestamp with time zone (its UTC wall clock), a year past timestamp(9)'s range, TRY_CAST.
    [InlineData("SELECT CAST(x AS timestamp(2)) = TIMESTAMP '2024-01-01 00:00:00.13' FROM (VALUES TIMESTAMP '2024-01-01 00:00:00.125', TIMESTAMP '2024-01-01 00:00:00.134999') t(x)", "true|true")]
    [InlineData("SELECT CAST(DATE '2024-01-01' AS timestamp(2)) = TIMESTAMP '2024-01-01 00:00:00', CAST(from_unixtime(1.23456789) AS timestamp(4)) = TIMESTAMP '1970-01-01 00:00:01.2350'", "true,true")] // from_unixtime: milliseconds (decision 228)
    [InlineData("SELECT CAST('3000-01-01 00:00:00.12345' AS timestamp(4)) = TIMESTAMP '3000-01-01 00:00:00.1235', TRY_CAST('x' AS timestamp(4))", "true,NULL")]
    // A 7- or 8-digit literal keeps its digits (it was cut to microseconds).
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00.1234567' > TIMESTAMP '2024-01-01 00:00:00.123456', typeof(TIMESTAMP '2024-01-01 00:00:00.12345678')", "true,timestamp(8)")] // eight digits: timestamp(8) (decision 248)
    public void A_cast_to_timestamp_p_rounds_to_p_digits(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Fact]
    public void A_bad_timestamp_text_is_duckdbs_error()
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows("SELECT CAST('x' AS timestamp(4))"));
        Assert.Contains("invalid timestamp field format", e.Message, StringComparison.Ordinal);
    }

    private const string Paris = "at_timezone(from_unixtime(1), 'Europe/Paris')";

    [Theory]
    // from_unixtime(1) is 00:00:01 UTC (01:00:01 in Paris); one nanosecond later is distinct, the same instant is not.
    [InlineData("SELECT CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) IS DISTINCT FROM " + Paris + ", "
        + "TIMESTAMP '1970-01-01 00:00:01.000000000' IS DISTINCT FROM " + Paris + ", "
        + "TIMESTAMP '1970-01-01 00:00:01.000000001' IS NOT DISTINCT FROM " + Paris + ", "
        + "CAST(NULL AS timestamp(9)) IS DISTINCT FROM " + Paris, "true,false,false,true")]
    // IN and NOT IN over a subquery.
    [InlineData("SELECT TIMESTAMP '1970-01-01 00:00:01.000000001' IN (SELECT " + Paris + "), TIMESTAMP '1970-01-01 00:00:01.000000001' NOT IN (SELECT from_unixtime(1)), "
        + "TIMESTAMP '1970-01-01 00:00:01.000000000' IN (SELECT from_unixtime(1) AS b)", "false,true,true")]
    // Quantified comparisons: ALL, ANY and SOME, a zone per subquery column, several rows.
    [InlineData("SELECT TIMESTAMP '1970-01-01 00:00:01.000000001' > ALL (SELECT from_unixtime(1)), TIMESTAMP '1970-01-01 00:00:01.000000001' = ANY (SELECT " + Paris + "), "
        + "TIMESTAMP '1970-01-01 00:00:01.000000001' < SOME (SELECT from_unixtime(2))", "true,false,true")]
    [InlineData("SELECT TIMESTAMP '1970-01-01 00:00:01.000000001' >= ALL (SELECT from_unixtime(x) FROM (VALUES 0, 1) t(x)), "
        + "TIMESTAMP '1970-01-01 00:00:00.999999999' > ANY (SELECT at_timezone(from_unixtime(x), 'Asia/Tokyo') FROM (VALUES 1, 2) t(x))", "true,false")]
    // A timestamp(8) cast is held at nanoseconds and compared as one.
    [InlineData("SELECT CAST('1970-01-01 00:00:01.00000001' AS timestamp(8)) > from_unixtime(1), CAST('1970-01-01 00:00:01.00000001' AS timestamp(8)) = " + Paris, "true,false")]
    public void A_timestamp9_in_distinct_and_subquery_comparisons_compares_instants(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Fact]
    public void A_subquery_of_numbers_against_a_timestamp9_is_trinos_refusal()
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows("SELECT TIMESTAMP '1970-01-01 00:00:01.000000001' > ALL (SELECT 5)"));
        Assert.Contains("Cannot compare timestamp(9) with integer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subquerys_column_is_converted_in_the_translation()
    {
        string sql = DuneSqlTranslator.Translate("SELECT TIMESTAMP '2024-01-01 00:00:00.000000001' IN (SELECT block_time FROM t)").Sql;
        Assert.Contains("(SELECT dune_instant_ns(_strata_c) FROM (SELECT block_time FROM t) AS _strata_s(_strata_c))", sql, StringComparison.Ordinal);
    }
}
