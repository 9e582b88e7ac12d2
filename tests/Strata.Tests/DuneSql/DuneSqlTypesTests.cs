using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Result types and failures that depend on an operand's type, as Trino/Dune give them (branch dune-types):
/// <c>date_trunc</c> keeps its argument's type, <c>json_size</c> is a bigint, an array subscript past either end fails
/// while <c>element_at</c> gives NULL, aggregates over 256-bit columns, and uint256/int256 mixed with other numeric types
/// against <see cref="BigInteger"/>.
/// </summary>
public sealed class DuneSqlTypesTests
{
    [Theory]
    // datetime.mdx: date_trunc(unit, x) → [same as input], with its three documented examples.
    [InlineData("SELECT date_trunc('day', TIMESTAMP '2022-10-20 05:10:00'), typeof(date_trunc('day', TIMESTAMP '2022-10-20 05:10:00'))", "2022-10-20 00:00:00", "timestamp(3)")] // fewer than three digits: timestamp(3) (decision 252)
    [InlineData("SELECT date_trunc('month', TIMESTAMP '2022-10-20 05:10:00'), 1", "2022-10-01 00:00:00", "1")]
    [InlineData("SELECT date_trunc('year', TIMESTAMP '2022-10-20 05:10:00'), 1", "2022-01-01 00:00:00", "1")]
    // A DATE stays a DATE (DuckDB's own date_trunc gives a TIMESTAMP).
    [InlineData("SELECT CAST(date_trunc('month', DATE '2020-05-17') AS varchar), typeof(date_trunc('month', DATE '2020-05-17'))", "2020-05-01", "date")]
    [InlineData("SELECT CAST(date_trunc('week', DATE '1999-12-17') AS varchar), CAST(date_trunc('quarter', DATE '1999-12-17') AS varchar)", "1999-12-13", "1999-10-01")]
    [InlineData("SELECT CAST(date_trunc('YEAR', DATE '1969-07-20') AS varchar), CAST(date_trunc('day', DATE '1969-07-20') AS varchar)", "1969-01-01", "1969-07-20")]
    // Trino's units on timestamps: week starts on Monday, quarter on Jan/Apr/Jul/Oct, millisecond keeps three digits.
    [InlineData("SELECT date_trunc('week', TIMESTAMP '2020-05-17 13:14:15.123'), date_trunc('quarter', TIMESTAMP '2020-05-17 13:14:15.123')", "2020-05-11 00:00:00", "2020-04-01 00:00:00")]
    [InlineData("SELECT date_trunc('hour', TIMESTAMP '1969-05-17 13:14:15.123'), date_trunc('minute', TIMESTAMP '2020-05-17 13:14:15.123')", "1969-05-17 13:00:00", "2020-05-17 13:14:00")]
    [InlineData("SELECT date_trunc('second', TIMESTAMP '2020-05-17 13:14:15.999'), date_trunc('millisecond', TIMESTAMP '2020-05-17 13:14:15.1236')", "2020-05-17 13:14:15", "2020-05-17 13:14:15.123")]
    // With time zone: the instant's UTC day (Dune's session zone), still a timestamp with time zone.
    [InlineData("SELECT date_trunc('day', TIMESTAMP '2012-10-31 01:00:00 UTC'), typeof(date_trunc('day', now()))", "2012-10-31 00:00:00", "timestamp(3) with time zone")]
    [InlineData("SELECT date_trunc('month', NULL) IS NULL, CAST(CAST(date_trunc('day', TIMESTAMP '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York') AS date) AS varchar)", "true", "2012-10-30")]
    public void Date_trunc_keeps_its_arguments_type(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }

    [Theory]
    // json.mdx: json_size → bigint, its three examples.
    [InlineData("SELECT json_size('{\"x\": {\"a\": 1, \"b\": 2}}', '$.x'), typeof(json_size('{\"x\": {\"a\": 1, \"b\": 2}}', '$.x'))", "2", "bigint")]
    [InlineData("SELECT json_size('{\"x\": [1, 2, 3]}', '$.x'), json_size('{\"x\": {\"a\": 1, \"b\": 2}}', '$.x.a')", "3", "0")]
    [InlineData("SELECT json_size('{\"x\": 1}', '$.y') IS NULL, typeof(json_size('[1]', '$'))", "true", "bigint")]
    public void Json_size_is_a_bigint(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }

    [Theory]
    // DuckDB's own forms that DuneSQL passes through: a fixed-size array type after ::, a :: cast in a concatenation.
    [InlineData("SELECT typeof([1, 2]::int[2]), CAST(([1, 2]::int[2])[2] AS VARCHAR)", "array(integer)", "2")]
    [InlineData("SELECT '7'::varchar || lpad('', 3, '0') || '1', typeof(x::varchar || '1') FROM (SELECT 1 AS x) t", "70001", "varchar")]
    public void Passed_through_forms_are_not_taken_for_subscripts_or_arrays(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }

    [Theory]
    // array.mdx: repeat(element, count) → array; Trino's bounds and messages (ArrayFunctions/RepeatFunction).
    [InlineData("SELECT CAST(repeat('ab', 3) AS VARCHAR), CAST(cardinality(repeat(1, 0)) AS VARCHAR)", "[ab, ab, ab]", "0")]
    [InlineData("SELECT typeof(repeat(2.5e0, 2)), CAST(repeat(NULL, 2) AS VARCHAR)", "array(double)", "[NULL, NULL]")]
    [InlineData("SELECT CAST(repeat(ARRAY[1], 2) AS VARCHAR), CAST(repeat('x', 2) || 'y' AS VARCHAR)", "[[1], [1]]", "[x, x, y]")]
    public void Repeat_makes_an_array_of_its_element(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }

    [Theory]
    [InlineData("SELECT repeat('x', 10001)", "count argument of repeat function must be less than or equal to 10000")]
    [InlineData("SELECT repeat(1, -1)", "count argument of repeat function must be greater than or equal to 0")]
    public void Repeat_counts_are_bounded_as_Trinos(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Trino's literals: DECIMAL '…' is typed by its digits (DuckDB's own DECIMAL literal is DECIMAL(18,3)).
    [InlineData("SELECT typeof(DECIMAL '123.45'), CAST(DECIMAL '123.45' AS VARCHAR)", "decimal(5,2)", "123.45")]
    [InlineData("SELECT typeof(DECIMAL '-10'), CAST(DECIMAL '-10' AS VARCHAR)", "decimal(2,0)", "-10")]
    [InlineData("SELECT typeof(decimal '0.1'), CAST(decimal '0.1' + DECIMAL '0.2' AS VARCHAR)", "decimal(1,1)", "0.3")]
    [InlineData("SELECT typeof(DECIMAL '12345678901234567890.5'), CAST(DECIMAL '12345678901234567890.5' AS VARCHAR)", "decimal(21,1)", "12345678901234567890.5")]
    public void Decimal_literals_are_typed_by_their_digits(string sql, string type, string value)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([type, value], db.Rows(sql)[0]);
    }

    [Theory]
    [InlineData("1.5", "DECIMAL(2,1)")]
    [InlineData(" +007 ", "DECIMAL(1,0)")]
    [InlineData("0", "DECIMAL(1,0)")]
    [InlineData(".25", "DECIMAL(2,2)")]
    [InlineData("1e5", null)]
    [InlineData("", null)]
    [InlineData("-", null)]
    [InlineData("1.2.3", null)]
    [InlineData("123456789012345678901234567890123456789", null)]
    public void Decimal_literal_type_follows_the_digits_or_is_left_to_DuckDB(string text, string? expected) =>
        Assert.Equal(expected, Strata.Engine.DuckDb.DuneSql.DuneSqlTranslator.DecimalLiteralType(text));

    [Theory]
    // array.mdx: "the subscript operator would fail" past the array's length; Trino's messages (ArraySubscriptOperator).
    [InlineData("SELECT ARRAY[1, 2][3]", "Array subscript must be less than or equal to array length: 3 > 2")]
    [InlineData("SELECT ARRAY[1, 2][0]", "SQL array indices start at 1")]
    [InlineData("SELECT ARRAY[1, 2][-1]", "Array subscript is negative: -1")]
    [InlineData("SELECT split('a,b,c', ',')[4]", "Array subscript must be less than or equal to array length: 4 > 3")]
    [InlineData("SELECT x[3] FROM (SELECT ARRAY[10, 20] AS x) t", "3 > 2")]
    [InlineData("SELECT transform(ARRAY[ARRAY[1, 2]], x -> x[3])", "3 > 2")]
    [InlineData("SELECT ARRAY[ARRAY[1, 2], ARRAY[3]][2][2]", "2 > 1")]
    [InlineData("SELECT a[n] FROM (VALUES (ARRAY[1, 2], 1), (ARRAY[3], 2)) t(a, n)", "2 > 1")]
    public void Array_subscript_past_either_end_fails_as_Trinos(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT my_array[1] AS f_element, my_array[2] FROM (SELECT ARRAY['a', 'b'] AS my_array)", "a", "b")] // array.mdx
    [InlineData("SELECT x[2], t.x[1] FROM (SELECT ARRAY[10, 20] AS x) t", "20", "10")]
    [InlineData("SELECT (x)[1], split('a,b,c', ',')[3] FROM (SELECT ARRAY[10, 20] AS x) t", "10", "c")]
    [InlineData("SELECT CAST(ARRAY[1, 2] AS array(bigint))[2], ARRAY[ARRAY[1, 2], ARRAY[3]][2][1]", "2", "3")]
    // element_at gives NULL where the subscript fails; a negative index counts from the end (array.mdx).
    [InlineData("SELECT element_at(ARRAY[1, 2], 3), element_at(ARRAY[1, 2], -1)", "NULL", "2")]
    // Maps and rows keep DuckDB's subscript; a NULL array or index is NULL.
    [InlineData("SELECT m['a'], MAP(ARRAY['a'], ARRAY[1])['a'] FROM (SELECT MAP(ARRAY['a'], ARRAY[1]) m)", "1", "1")]
    [InlineData("SELECT r[1], r[2] FROM (SELECT ROW(1, 'a') r)", "1", "a")]
    [InlineData("SELECT ARRAY[1][CAST(NULL AS bigint)] IS NULL, CAST(NULL AS array(integer))[2] IS NULL", "true", "true")]
    public void Array_subscript_within_the_array_and_other_subscripts_answer(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }

    [Theory]
    // array.mdx, concatenation operator: its three examples.
    [InlineData("SELECT ARRAY[1] || ARRAY[2]", "[1, 2]")]
    [InlineData("SELECT ARRAY[1] || 2", "[1, 2]")]
    [InlineData("SELECT 2 || ARRAY[1]", "[2, 1]")]
    [InlineData("SELECT ARRAY[1] || 2 || 3", "[1, 2, 3]")]
    [InlineData("SELECT 0 || ARRAY[1] || ARRAY[2] || 3", "[0, 1, 2, 3]")]
    [InlineData("SELECT sequence(1, 3) || 4", "[1, 2, 3, 4]")]
    [InlineData("SELECT -1 || sequence(1, 2)", "[-1, 1, 2]")]
    [InlineData("SELECT ARRAY['a'] || 'b'", "[a, b]")]
    [InlineData("SELECT CAST(ARRAY[1] AS array(bigint)) || 5", "[1, 5]")]
    [InlineData("SELECT element_at(ARRAY[DATE '2020-01-01'] || DATE '2020-01-02', 2) = DATE '2020-01-02'", "true")]
    [InlineData("SELECT cardinality(ARRAY[uint256 '1'] || uint256 '2')", "2")]
    [InlineData("SELECT 'a' || 'b', 1", "ab")]
    [InlineData("SELECT x || 3 FROM (SELECT ARRAY[1, 2] AS x) t WHERE cardinality(ARRAY[1] || 2) = 2", "NOT-TRANSLATED")]
    public void Array_concatenation_with_an_element(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        if (expected == "NOT-TRANSLATED")
        {
            // A column's type is unknown to the translator: DuckDB's binder refuses it naming both types, never a wrong answer.
            var e = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
            Assert.Contains("INTEGER[] and INTEGER", e.Message, StringComparison.Ordinal);
            return;
        }
        Assert.Equal(expected, db.Rows(sql)[0][0]);
    }

    [Theory]
    // Trino: || binds more loosely than + and -, so ARRAY[1] || 2 + 3 is [1, 5]; the operator is left as written there.
    [InlineData("SELECT ARRAY[1] || 2 + 3")]
    [InlineData("SELECT 1 + 2 || ARRAY[1]")]
    public void Array_concatenation_next_to_arithmetic_is_not_rewritten(string sql)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.Contains("concatenate", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // aggregate.mdx / Trino: sum of an integer is a bigint (DuckDB's HUGEINT, which the result typing reads as bigint), of a
    // uint256 a uint256, min/max keep the type, avg is a double.
    [InlineData("SELECT typeof(sum(x)), CAST(sum(x) AS varchar) FROM (VALUES (BIGINT '1'), (BIGINT '2')) t(x)", "bigint", "3")]
    [InlineData("SELECT typeof(min(x)), typeof(max(x)) FROM (VALUES (uint256 '1'), (uint256 '2')) t(x)", "uint256", "uint256")]
    [InlineData("SELECT typeof(min(x)), typeof(max(x)) FROM (VALUES (int256 '-1'), (int256 '2')) t(x)", "int256", "int256")]
    [InlineData("SELECT typeof(avg(x)), avg(x) FROM (VALUES (uint256 '1'), (uint256 '2')) t(x)", "double", "1.5")]
    public void Aggregates_over_256_bit_columns_are_typed(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }

    [Fact]
    public void Sum_min_max_of_a_uint256_column_past_two_to_the_53_are_exact()
    {
        var random = new Random(20261201);
        var values = Enumerable.Range(0, 300).Select(_ => RandomBelow(random, BigInteger.One << 240)).ToList();
        using var db = new DuneSqlDb("CREATE TABLE v(x uint256);");
        db.Exec("INSERT INTO v VALUES " + string.Join(", ", values.Select(v => $"('{v}')")));
        var row = db.Rows("SELECT CAST(sum(x) AS varchar), CAST(min(x) AS varchar), CAST(max(x) AS varchar), typeof(sum(x)) FROM v")[0];
        Assert.Equal(Digits(values.Aggregate(BigInteger.Add)), row[0]);
        Assert.Equal(Digits(values.Min()), row[1]);
        Assert.Equal(Digits(values.Max()), row[2]);
        Assert.Equal("uint256", row[3]);
    }

    /// <summary>uint256 mixed with bigint, integer literals and zero-scale decimals stays exact (conversion.mdx); with a
    /// double or a decimal with a scale the result is the double of the nearest double.</summary>
    [Fact]
    public void Mixed_expressions_match_BigInteger()
    {
        var random = new Random(1201);
        using var db = new DuneSqlDb();
        int checkedRows = 0, overflows = 0;
        for (int n = 0; n < 120; n++)
        {
            BigInteger u = RandomBelow(random, BigInteger.One << random.Next(54, 257));
            long k = Math.Max(1, random.NextInt64(1, long.MaxValue) >> random.Next(0, 60));
            long j = random.NextInt64(-1_000_000_000, 1_000_000_000);
            BigInteger exact = u * k + j - u / k;
            string arithmetic = $"SELECT CAST(uint256 '{u}' * bigint '{k}' + {j} - uint256 '{u}' / {k} AS varchar)";
            string sql = $"SELECT 1, typeof(uint256 '{u}' * bigint '{k}'), uint256 '{u}' > bigint '{k}', "
                + $"CAST(uint256 '{u}' + CAST(bigint '{k}' AS decimal(19, 0)) AS varchar), uint256 '{u}' / 4e0, typeof(uint256 '{u}' + 2.5)";
            BigInteger product = u * k;
            bool fits = exact.Sign >= 0 && exact <= DuneInt256.UintMax && product <= DuneInt256.UintMax && (product + j).Sign >= 0 && product + j <= DuneInt256.UintMax;
            if (fits)
            {
                Assert.Equal(Digits(exact), db.Scalar(arithmetic));
            }
            else
            {
                overflows++;
                var e = Assert.ThrowsAny<Exception>(() => db.Rows(arithmetic));
                Assert.Contains("uint256", e.Message, StringComparison.Ordinal);
                Assert.Contains("overflow", e.Message, StringComparison.Ordinal);
            }
            var row = db.Rows(sql)[0];
            Assert.Equal("uint256", row[1]);
            Assert.Equal(u > k ? "true" : "false", row[2]);
            Assert.Equal(Digits(u + k), row[3]);
            Assert.Equal(DuneInt256Types.NearestDouble(u) / 4, double.Parse(row[4], CultureInfo.InvariantCulture));
            Assert.Equal("double", row[5]);
            checkedRows++;
        }
        Assert.Equal(120, checkedRows);
        Assert.InRange(overflows, 1, 119); // both sides of 2^256 were exercised
    }

    private static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[bound.GetByteCount() + 1];
        random.NextBytes(bytes);
        bytes[^1] = 0;
        return new BigInteger(bytes) % bound;
    }

    private static string Digits(BigInteger v) => v.ToString(CultureInfo.InvariantCulture);
}
