using DuckDB.NET.Data;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's <c>/</c> and <c>%</c> chosen by the operands' bound types (DuneSqlTranslator.Division.cs), with Trino's
/// documented answers: a decimal quotient is decimal(min(38, p1 + s2 + max(s2 - s1, 0)), max(s1, s2)) rounded half up,
/// a decimal remainder decimal(min(p2 - s2, p1 - s1) + max(s1, s2), max(s1, s2)) with the dividend's sign, integer
/// division and remainder by zero fail with "Division by zero", a double divided by zero is Infinity or NaN; and
/// CAST(double AS varchar) is DecimalFormat 0.0###################E0 (real: 0.0#####E0).
/// </summary>
public sealed class DuneSqlDivisionTests
{
    private const string Table = "CREATE TABLE amounts AS SELECT * FROM (VALUES (CAST(1.00 AS DECIMAL(18,2)), CAST(3 AS DECIMAL(10,3)), BIGINT '3'), "
        + "(CAST(2.00 AS DECIMAL(18,2)), CAST(3 AS DECIMAL(10,3)), BIGINT '3'), (CAST(-2.00 AS DECIMAL(18,2)), CAST(3 AS DECIMAL(10,3)), BIGINT '-3')) AS t(x, y, n);";

    [Fact]
    public void A_decimal_column_divided_by_a_column_is_Trinos_decimal()
    {
        using var db = new DuneSqlDb(Table);
        var rows = db.Rows("SELECT CAST(x / y AS varchar), typeof(x / y), CAST(x / n AS varchar), typeof(x / n), CAST(n / y AS varchar), typeof(n / y) "
            + "FROM amounts ORDER BY x");
        Assert.Equal([["-0.667", "decimal(22,3)", "0.67", "decimal(18,2)", "-1.000", "decimal(25,3)"],
            ["0.333", "decimal(22,3)", "0.33", "decimal(18,2)", "1.000", "decimal(25,3)"],
            ["0.667", "decimal(22,3)", "0.67", "decimal(18,2)", "1.000", "decimal(25,3)"]], rows);
        // Through a CTE, an aggregate and a chain: the choice is made from the bound types, not from the text.
        Assert.Equal(["0.111", "decimal(38,3)"], db.Rows("WITH s AS (SELECT sum(x) AS total, sum(y) AS ys FROM amounts) SELECT CAST(total / ys AS varchar), typeof(total / ys) FROM s")[0]);
        Assert.Equal(["0.111", "decimal(22,3)"], db.Rows("SELECT CAST(x / y / n AS varchar), typeof(x / y / n) FROM amounts WHERE x = 1")[0]);
    }

    [Theory]
    [InlineData("7.5 % 2", "1.5", "decimal(2,1)")]
    [InlineData("-7.5 % 2", "-1.5", "decimal(2,1)")]
    [InlineData("3 % 1.5", "0.0", "decimal(2,1)")]
    [InlineData("0.3 % 0.1", "0.0", "decimal(1,1)")]
    [InlineData("DECIMAL '10.25' % DECIMAL '3.1'", "0.95", "decimal(3,2)")]
    [InlineData("-7 % 2", "-1", "integer")]
    [InlineData("7 % -2", "1", "integer")]
    [InlineData("7 / 2", "3", "integer")]
    [InlineData("-7 / 2", "-3", "integer")]
    [InlineData("1e0 / 0", "Infinity", "double")]
    [InlineData("-1e0 / 0", "-Infinity", "double")]
    [InlineData("0e0 / 0", "NaN", "double")]
    [InlineData("1e0 % 0", "NaN", "double")]
    [InlineData("5e0 / 2", "2.5E0", "double")]
    [InlineData("uint256 '10' / 4", "2", "uint256")]
    public void Modulus_and_division_follow_Trinos_types_and_signs(string expression, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([value, type], db.Rows($"SELECT CAST({expression} AS varchar), typeof({expression})")[0]);
    }

    [Theory]
    [InlineData("SELECT 7 / 0")]
    [InlineData("SELECT 7 % 0")]
    [InlineData("SELECT 7.5 % 0")]
    [InlineData("SELECT n / (n - n) FROM amounts")]
    [InlineData("SELECT x % (y - y) FROM amounts")]
    [InlineData("SELECT x / (y - y) FROM amounts")]
    public void Integer_and_decimal_division_by_zero_fail_as_Trino(string sql)
    {
        using var db = new DuneSqlDb(Table);
        var e = Assert.ThrowsAny<DuckDBException>(() => db.Rows(sql));
        Assert.Contains("Division by zero", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("150e0", "1.5E2")]
    [InlineData("1e0", "1.0E0")]
    [InlineData("-1.25e-5", "-1.25E-5")]
    [InlineData("0e0", "0E0")]
    [InlineData("-0e0", "-0E0")]
    [InlineData("nan()", "NaN")]
    [InlineData("infinity()", "Infinity")]
    [InlineData("-infinity()", "-Infinity")]
    [InlineData("1e0 / 3", "3.333333333333333E-1")]
    [InlineData("123456789e0", "1.23456789E8")]
    [InlineData("1e300 * 10", "1.0E301")]
    [InlineData("REAL '0.1'", "1.0E-1")]
    [InlineData("REAL '1234567.5'", "1.234568E6")]
    [InlineData("REAL '3.14159265'", "3.141593E0")]
    public void Doubles_and_reals_cast_to_varchar_as_Trino_writes_them(string expression, string text)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([text, text], db.Rows($"SELECT CAST({expression} AS varchar), TRY_CAST({expression} AS varchar)")[0]);
    }
}
