using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision "dune-types17" (issue 10): Trino's decimal widening of <c>+ - *</c> (DecimalOperators' signatures), the ends of
/// timestamp(9) as DuckDB holds them, timestamp(10…12) and timestamp(p) with time zone past microseconds held or refused,
/// time(p) rounded (types.md: "Casting to lower precision causes the value to be rounded"), char(n) cut to n. Expected
/// values and types from Trino's docs and DecimalOperators.
/// </summary>
public sealed class DuneSqlTypes17Tests
{
    [Theory]
    // decimal(18,0) * decimal(18,0) is decimal(36,0) (DuckDB: DECIMAL(18,0), overflowing past 18 digits).
    [InlineData("SELECT CAST(999999999999999999 AS decimal(18,0)) * CAST(10 AS decimal(18,0))", "9999999999999999990", "decimal(36,0)")]
    [InlineData("SELECT CAST(999999999999999999 AS decimal(18,0)) + CAST(1 AS decimal(18,0))", "1000000000000000000", "decimal(19,0)")]
    [InlineData("SELECT CAST(-999999999999999999 AS decimal(18,0)) - CAST(1 AS decimal(18,0))", "-1000000000000000000", "decimal(19,0)")]
    [InlineData("SELECT CAST(99999999999999999 AS decimal(17,0)) + CAST(1 AS decimal(17,0))", "100000000000000000", "decimal(18,0)")]
    [InlineData("SELECT CAST(1.25 AS decimal(10,2)) * CAST(2.5 AS decimal(10,2))", "3.1250", "decimal(20,4)")]
    [InlineData("SELECT CAST(5 AS decimal(18,2)) - CAST(7.5 AS decimal(18,1))", "-2.50", "decimal(20,2)")]
    // An integer is decimal(10,0) (integer) or decimal(19,0) (bigint) next to a decimal; a literal 1.5 is decimal(2,1).
    [InlineData("SELECT CAST(1 AS decimal(10,2)) * 10", "10.00", "decimal(20,2)")]
    [InlineData("SELECT 1.5 * 2", "3.0", "decimal(12,1)")]
    [InlineData("SELECT 1.5 - 2", "-0.5", "decimal(12,1)")]
    [InlineData("SELECT CAST(12345678912345678 AS bigint) * 1.5", "18518518368518517.0", "decimal(21,1)")]
    [InlineData("SELECT CAST(1 AS decimal(20,2)) + CAST(1 AS decimal(5,4))", "2.0000", "decimal(23,4)")]
    // Chains and nesting: each operation typed from its operands' Trino types; a division around a product keeps its form.
    [InlineData("SELECT CAST(1 AS decimal(10,2)) * 2.5 + CAST(1 AS decimal(18,3))", "3.500", "decimal(19,3)")]
    [InlineData("SELECT CAST(5 AS decimal(18,2)) - CAST(3 AS decimal(18,2)) - CAST(1 AS decimal(18,2))", "1.00", "decimal(20,2)")]
    [InlineData("SELECT CAST(2 AS decimal(18,2)) * CAST(3 AS decimal(18,2)) / CAST(2 AS decimal(5,1))", "3.0000", "decimal(37,4)")]
    [InlineData("SELECT -CAST(1 AS decimal(18,2)) * CAST(3 AS decimal(18,2))", "-3.0000", "decimal(36,4)")]
    [InlineData("SELECT 2 - -CAST(1 AS decimal(18,2))", "3.00", "decimal(19,2)")]
    [InlineData("SELECT count(*) * 1.5 FROM (VALUES 1) t(n)", "1.5", "decimal(21,1)")]
    // Past 38 digits the type stays decimal(38,s).
    [InlineData("SELECT CAST(1 AS decimal(20,2)) * CAST(1 AS decimal(20,2))", "1.0000", "decimal(38,4)")]
    public void Decimal_arithmetic_widens_as_trino(string sql, string value, string type)
    {
        using var db = new DuneSqlDb();
        // The value as Dune's text (its scale's digits), the type as the result metadata names it.
        int from = sql.IndexOf(" FROM ", StringComparison.Ordinal);
        string expression = from < 0 ? sql["SELECT ".Length..] : sql["SELECT ".Length..from];
        Assert.Equal(value, db.Scalar($"SELECT CAST(({expression}) AS varchar){(from < 0 ? "" : sql[from..])}"));
        Assert.Equal(type, DuckDbTypes.DuneName(db.Types(sql)[0]));
    }

    [Fact]
    public void Decimal_overflow_past_38_digits_is_trinos_error_and_untyped_operands_keep_duckdbs_operator()
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Rows("SELECT CAST('99999999999999999999999999999999999999' AS decimal(38,0)) * CAST(10 AS decimal(5,0))"));
        Assert.Equal("Decimal overflow", TrinoErrorMessages.Rewrite(error.Message[(error.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        var sum = Assert.ThrowsAny<Exception>(() => db.Rows("SELECT CAST('99999999999999999999999999999999999999' AS decimal(38,0)) + 1"));
        Assert.Equal("Decimal overflow", TrinoErrorMessages.Rewrite(sum.Message[(sum.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        // Integers, doubles and operands whose type only DuckDB knows are written as they were.
        Assert.Equal("SELECT n * 2, 1 + 2, x * 1.5, 2e0 * 1.5 FROM t", DuneSqlTranslator.Translate("SELECT n * 2, 1 + 2, x * 1.5, 2e0 * 1.5 FROM t").Sql);
    }

    [Theory]
    // The ends DuckDB's TIMESTAMP_NS holds: a literal at the top and a timestamp on the first day it converts (both failed
    // with "Cannot cast '…' to BIGINT").
    [InlineData("SELECT CAST(CAST(TIMESTAMP '2262-04-11 23:47:16.854775806' AS timestamp(9)) AS varchar)", "2262-04-11 23:47:16.854775806")]
    [InlineData("SELECT CAST(CAST(TIMESTAMP '1677-09-22 00:00:00' AS timestamp(9)) AS varchar)", "1677-09-22 00:00:00.000000000")]
    [InlineData("SELECT CAST(CAST(TIMESTAMP '2262-04-11 23:47:16.854775' AS timestamp(9)) AS varchar)", "2262-04-11 23:47:16.854775000")]
    // timestamp(10…12): held as nanoseconds where the digits past the ninth are zeros (types.md: "Casting to higher
    // precision appends zeros").
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00.123456789000' = TIMESTAMP '2024-01-01 00:00:00.123456789'", "true")]
    [InlineData("SELECT CAST(TIMESTAMP '2020-06-10 15:55:23.383345' AS timestamp(12)) = TIMESTAMP '2020-06-10 15:55:23.383345000'", "true")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.1234567890' AS timestamp(10)) > TIMESTAMP '2024-01-01 00:00:00.123456788'", "true")]
    // timestamp(7/8/12) with time zone of a value with six digits or fewer: exact.
    [InlineData("SELECT CAST('2024-01-01 00:00:00.123456000 UTC' AS timestamp(8) with time zone) = TIMESTAMP '2024-01-01 00:00:00.123456 UTC'", "true")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123456000' AS timestamp(12) with time zone) = TIMESTAMP '2024-01-01 00:00:00.123456 UTC'", "true")]
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00.123456000 UTC' = TIMESTAMP '2024-01-01 00:00:00.123456 UTC'", "true")]
    // time(p): rounded half up, around midnight.
    [InlineData("SELECT CAST('23:59:59.9996' AS time(3)) = TIME '00:00:00'", "true")]
    [InlineData("SELECT CAST('01:02:03.5' AS time(0)) = TIME '01:02:04', CAST('01:02:03.4' AS time(0)) = TIME '01:02:03'", "true,true")]
    [InlineData("SELECT CAST('01:02:03.45' AS time(1)) = TIME '01:02:03.5'", "true")]
    [InlineData("SELECT CAST(TIME '01:02:03.123456' AS time(5)) = TIME '01:02:03.12346'", "true")]
    [InlineData("SELECT TRY_CAST(s AS time(2)) FROM (VALUES 'x') t(s)", "NULL")]
    // char(n): the text cut to n characters (bare char is char(1)).
    [InlineData("SELECT CAST('abc' AS char(2)), CAST('abc' AS char), CAST('ab' AS char(4)) = 'ab'", "ab,a,true")]
    [InlineData("SELECT TRY_CAST(12345 AS char(2)), CAST(12 AS char(3))", "NULL,12 ")]
    public void Timestamp_time_and_char_precisions_hold_trinos_values(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("SELECT CAST(TIMESTAMP '2262-04-11 23:47:16.854775807' AS timestamp(9))", "a timestamp(9) holds 1677-09-22 00:00:00.000000000 to 2262-04-11 23:47:16.854775806")]
    [InlineData("SELECT CAST(TIMESTAMP '1677-09-21 00:12:43.145225' AS timestamp(9))", "a timestamp(9) holds 1677-09-22")]
    [InlineData("SELECT CAST(from_unixtime(1e11) AS timestamp(9))", "to timestamp(9): a timestamp(9) holds")]
    [InlineData("SELECT CAST(from_unixtime(1e11) AS timestamp(7))", "to timestamp(7): a timestamp(9) holds")]
    [InlineData("SELECT TRY_CAST(t AS timestamp(9)) FROM (VALUES TIMESTAMP '2300-01-01 00:00:00') v(t)", "a timestamp(9) holds")]
    [InlineData("SELECT CAST(CAST('2300-01-01 00:00:00 UTC' AS timestamp with time zone) AS timestamp(9))", "a timestamp(9) holds")]
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00.123456789012'", "more than nine fraction digits")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.1234567895' AS timestamp(12))", "to timestamp(12): a timestamp holds nanoseconds")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.123456789 UTC' AS timestamp(7) with time zone)", "holds microseconds (six digits)")]
    [InlineData("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp(8) with time zone)", "holds microseconds (six digits)")]
    [InlineData("SELECT CAST(12345 AS char(2))", "Value 12345 cannot be represented as char(2)")]
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00.1234567 UTC'", "more than six fraction digits")]
    [InlineData("SELECT TIMESTAMP '2024-01-01 09:00:00.123456789 Asia/Tokyo'", "more than six fraction digits")]
    public void Values_a_precision_cannot_hold_are_refused_naming_why(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BIGINT", error.Message, StringComparison.Ordinal);
    }
}
