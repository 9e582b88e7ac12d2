using DuckDB.NET.Data;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's DECIMAL semantics (DuneSqlTranslator.Decimal.cs, DuneDecimal.cs), with the answers Trino gives: a decimal
/// literal is decimal(digits, fraction digits) (<c>0.05</c> is decimal(2,2), <c>1e2</c> a double), an integer next to
/// a decimal is decimal(10,0) (bigint decimal(19,0)), and a decimal quotient is
/// decimal(min(38, p1 + s2 + max(s2 - s1, 0)), max(s1, s2)), rounded half up (DecimalOperators). Values are read
/// through CAST(… AS varchar), Trino's text of the value.
/// </summary>
public sealed class DuneSqlDecimalTests
{
    [Theory]
    // The answer DuckDB got wrong (0.05, a double): Trino's 5 / 100.0 is decimal(12,1) 0.1.
    [InlineData("5 / 100.0", "0.1", "decimal(12,1)")]
    [InlineData("BIGINT '5' / 100.0", "0.1", "decimal(21,1)")]
    [InlineData("-15 / 100.0", "-0.2", "decimal(12,1)")]
    [InlineData("1.0 / 3", "0.3", "decimal(2,1)")]
    [InlineData("2.00 / 3", "0.67", "decimal(3,2)")]
    [InlineData("1 / 3.0", "0.3", "decimal(12,1)")]
    [InlineData("10.0 / 4", "2.5", "decimal(3,1)")]
    [InlineData("1.5 / -0.2", "-7.5", "decimal(3,1)")]
    [InlineData("-0.05 / 1.0", "-0.05", "decimal(3,2)")]
    [InlineData("DECIMAL '1' / DECIMAL '3.00'", "0.33", "decimal(5,2)")]
    [InlineData("CAST(1 AS decimal(10,4)) / 3", "0.3333", "decimal(10,4)")]
    [InlineData("100.0 * 5 / 3", "166.7", "decimal(14,1)")]
    [InlineData("1.0 / 3 / 3", "0.1", "decimal(2,1)")]
    [InlineData("(2.5 + 1) / 2", "1.8", "decimal(12,1)")]
    // Integers alone keep integer division; a double makes the quotient a double.
    [InlineData("7 / 2", "3", "integer")]
    public void Decimal_division_is_typed_and_rounded_half_up(string expression, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([value, type], db.Rows($"SELECT CAST({expression} AS varchar), typeof({expression})")[0]);
    }

    [Fact]
    public void A_column_divided_by_a_decimal_literal_is_a_decimal()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("SELECT CAST(x / 100.0 AS varchar), typeof(x / 100.0), CAST(x * 1.0 / 8 AS varchar) "
            + "FROM (VALUES (BIGINT '5'), (BIGINT '15'), (BIGINT '-15')) AS t(x) ORDER BY x");
        Assert.Equal([["-0.2", "decimal(21,1)", "-1.9"], ["0.1", "decimal(21,1)", "0.6"], ["0.2", "decimal(21,1)", "1.9"]], rows);
        // A grouped sum (bigint in Trino, HUGEINT to DuckDB) and a window sum.
        Assert.Equal(["6.7", "decimal(21,1)", "0.3"], db.Rows("SELECT CAST(sum(x) / 3.0 AS varchar), typeof(sum(x) / 3.0), "
            + "CAST(min(x) * 1.0 / sum(x) AS varchar) FROM (VALUES (BIGINT '5'), (BIGINT '15')) AS t(x)")[0]);
        Assert.Equal(["0.25"], db.Rows("SELECT CAST(x * 1.00 / sum(x) OVER () AS varchar) FROM (VALUES 1, 3) AS t(x) ORDER BY x")[0]);
    }

    [Theory]
    [InlineData("1.5 / 1e0", "double")]
    [InlineData("1e0 / 3", "double")]
    [InlineData("uint256 '10' / 4.0", "double")]
    [InlineData("1.5 + 1e0", "double")]
    [InlineData("BIGINT '1' + 1.5", "decimal(21,1)")]
    [InlineData("1.5 * 2.25", "decimal(5,3)")]
    public void A_double_wins_and_integers_widen_to_decimals(string expression, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(type, db.Scalar($"SELECT typeof({expression})"));
    }

    [Theory]
    [InlineData("SELECT 10.0 / 0", "Division by zero")]
    [InlineData("SELECT x / 0.0 FROM (VALUES 1) AS t(x)", "Division by zero")]
    [InlineData("SELECT CAST('12345678901234567890123456789012345678' AS decimal(38,0)) / 0.1", "Decimal overflow")]
    public void Division_errors_are_Trinos(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.05", "0.05", "decimal(2,2)")]
    [InlineData(".5", "0.5", "decimal(1,1)")]
    [InlineData("100.0", "100.0", "decimal(4,1)")]
    [InlineData("-0.5", "-0.5", "decimal(1,1)")]
    [InlineData("DECIMAL '0.10'", "0.10", "decimal(2,2)")]
    public void Decimal_literals_have_Trinos_type_and_text(string literal, string text, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([text, type], db.Rows($"SELECT CAST({literal} AS varchar), typeof({literal})")[0]);
        Assert.Equal("double", db.Scalar("SELECT typeof(1e2)"));
    }

    [Theory]
    // DecimalAverageAggregation: the input's type, rounded half up.
    [InlineData("SELECT CAST(avg(x * 1.0) AS varchar), typeof(avg(x * 1.0)) FROM (VALUES 1, 2, 2) AS t(x)", "1.7", "decimal(12,1)")]
    [InlineData("SELECT CAST(avg(CAST(x AS decimal(10,2))) AS varchar), typeof(avg(CAST(x AS decimal(10,2)))) FROM (VALUES 1, 2, 2) AS t(x)", "1.67", "decimal(10,2)")]
    [InlineData("SELECT CAST(avg(x * 1.0) AS varchar), typeof(avg(x)) FROM (VALUES 1) AS t(x) WHERE x > 1", "NULL", "double")]
    // sum(decimal(p,s)) is decimal(38,s).
    [InlineData("SELECT CAST(sum(CAST(x AS decimal(10,2))) AS varchar), typeof(sum(CAST(x AS decimal(10,2)))) FROM (VALUES 1, 2, 2) AS t(x)", "5.00", "decimal(38,2)")]
    public void Avg_and_sum_of_decimals_are_decimals(string sql, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([value, type], db.Rows(sql)[0]);
    }

    [Theory]
    // MathFunctions.RoundN: round(decimal(p,s), d) is decimal(min(38, p + 1), s), rounded half up at d digits.
    [InlineData("round(2.345, 2)", "2.350", "decimal(5,3)")]
    [InlineData("round(2.355, 2)", "2.360", "decimal(5,3)")]
    [InlineData("round(-2.345, 2)", "-2.350", "decimal(5,3)")]
    [InlineData("round(0.345, 2)", "0.350", "decimal(4,3)")]
    [InlineData("round(CAST(5 AS decimal(10,0)), 1)", "5", "decimal(11,0)")]
    [InlineData("round(5, 1)", "5", "integer")]
    [InlineData("abs(-1.50)", "1.50", "decimal(3,2)")]
    public void Round_keeps_a_decimals_scale(string expression, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([value, type], db.Rows($"SELECT CAST({expression} AS varchar), typeof({expression})")[0]);
    }

    [Theory]
    // DecimalCasts: HALF_UP; a double goes through its shortest text (BigDecimal.valueOf).
    [InlineData("CAST(2.45 AS decimal(2,1))", "2.5")]
    [InlineData("CAST(-2.45 AS decimal(2,1))", "-2.5")]
    [InlineData("CAST(2.55e0 AS decimal(2,1))", "2.6")]
    [InlineData("CAST('2.45' AS decimal(2,1))", "2.5")]
    [InlineData("CAST(2.5 AS integer)", "3")]
    [InlineData("CAST(-2.5 AS bigint)", "-3")]
    [InlineData("CAST(2.5 = 2.50 AS varchar)", "true")]
    [InlineData("CAST(0.1 + 0.2 = 0.3 AS varchar)", "true")]
    public void Casts_and_comparisons_are_exact(string expression, string value)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(value, db.Scalar($"SELECT CAST({expression} AS varchar)"));
    }
}
