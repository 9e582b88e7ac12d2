namespace Strata.Tests.DuneSql;

/// <summary>
/// Dune's numeric typing where DuckDB's unification alone disagrees (DuneSqlTranslator.Numeric.cs): sum typed as its
/// 256-bit argument, and a uint256/int256 value next to a double or a decimal with a scale becoming a double
/// (conversion.mdx: "For operations involving INT256 or UINT256 and DECIMAL type with non-zero scale, like
/// DECIMAL(2,1), the result type is DOUBLE. Also, for operations involving INT256 or UINT256 and REAL or DOUBLE types,
/// the result type is DOUBLE").
/// </summary>
public sealed class DuneSqlNumericTests
{
    private const string Values = "(VALUES (int256 '-5', uint256 '7', BIGINT '3', CAST(1.25 AS decimal(10,2)), 2e0), "
        + "(int256 '-115792089237316195423570985008687907853269984665640564039457584007913129639', uint256 '1', BIGINT '4', CAST(2.5 AS decimal(10,2)), 1e0)) "
        + "AS t(i, u, b, m, d)";

    [Theory]
    // aggregate.mdx: sum "returns the sum of all input values", of the input's type; Dune has no sum over int256 that
    // turns into uint256 (a negative sum is not a uint256).
    [InlineData("SELECT typeof(sum(i)), CAST(sum(i) AS varchar) FROM " + Values,
        "int256", "-115792089237316195423570985008687907853269984665640564039457584007913129644")]
    [InlineData("SELECT typeof(sum(u)), CAST(sum(u) AS varchar) FROM " + Values, "uint256", "8")]
    [InlineData("SELECT typeof(sum(DISTINCT i)), CAST(sum(i) FILTER (WHERE b = 3) AS varchar) FROM " + Values, "int256", "-5")]
    [InlineData("SELECT typeof(sum(i) FILTER (WHERE b > 3)), CAST(sum(i + 1) AS varchar) FROM " + Values,
        "int256", "-115792089237316195423570985008687907853269984665640564039457584007913129642")]
    // Other types keep DuckDB's sum type (HUGEINT is read as bigint, decimal(38,s) as Trino's).
    [InlineData("SELECT typeof(sum(b)), typeof(sum(m)) FROM " + Values, "bigint", "decimal(38,2)")]
    [InlineData("SELECT typeof(sum(d)), CAST(sum(b) AS varchar) FROM " + Values, "double", "7")]
    [InlineData("SELECT typeof(s), CAST(s AS varchar) FROM (SELECT b, sum(i) AS s FROM " + Values + " GROUP BY b) WHERE b = 3", "int256", "-5")]
    [InlineData("SELECT typeof(max(i)), typeof(avg(i)) FROM " + Values, "int256", "double")]
    public void Sum_is_typed_as_its_256_bit_argument(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }

    [Theory]
    [InlineData("SELECT uint256 '5' > 4.5, uint256 '4' > 4.5", "true", "false")]
    [InlineData("SELECT 4.5 < uint256 '5', int256 '-5' < -4.5", "true", "true")]
    [InlineData("SELECT uint256 '5' = 5.0, uint256 '5' <> 5.0", "true", "false")]
    [InlineData("SELECT uint256 '5' >= DOUBLE '4.5', uint256 '5' <= DECIMAL '4.50'", "true", "false")]
    [InlineData("SELECT int256 '-3' >= CAST(-3 AS double), uint256 '3' < CAST(3.25 AS decimal(10,2))", "true", "true")]
    // Dune compares as doubles: 2^53 + 1 is 2^53 as a double.
    [InlineData("SELECT uint256 '9007199254740993' = 9007199254740992e0, uint256 '9007199254740993' > 9007199254740992.5", "true", "false")]
    // Other types are not converted: a bigint against a decimal compares exactly (Trino: as decimals).
    [InlineData("SELECT BIGINT '9007199254740993' > 9007199254740992.5, typeof(BIGINT '3' + 0)", "true", "bigint")]
    [InlineData("SELECT count(*) FILTER (WHERE u > 1.5), count(*) FILTER (WHERE u * 2 + 1 > 2.5) FROM " + Values, "1", "2")]
    [InlineData("SELECT count(*) FILTER (WHERE -i > 4.5), count(*) FILTER (WHERE i < 1e0 AND b > 3.5) FROM " + Values, "2", "1")]
    [InlineData("SELECT uint256 '5' BETWEEN 4.5 AND 5.5, int256 '-5' NOT BETWEEN -4.5 AND 1e0", "true", "true")]
    [InlineData("SELECT uint256 '5' IN (4.5, 5), int256 '-5' NOT IN (-4.5, 1e0)", "true", "true")]
    [InlineData("SELECT b, sum(u) > 6.5 FROM " + Values + " GROUP BY b HAVING sum(u) > 6.5", "3", "true")]
    [InlineData("SELECT CASE WHEN u > 4.5 THEN 'big' ELSE 'small' END, m > 1.5 FROM " + Values + " WHERE b = 3", "big", "false")]
    public void Comparisons_of_256_bit_values_with_fractions_are_as_doubles(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }

    [Theory]
    [InlineData("SELECT typeof(coalesce(uint256 '1', 2.5)), coalesce(uint256 '1', 2.5)", "double", "1")]
    [InlineData("SELECT typeof(coalesce(NULL, int256 '-2', 2e0)), coalesce(NULL, int256 '-2', 2e0)", "double", "-2")]
    [InlineData("SELECT typeof(greatest(uint256 '3', 2.5)), least(int256 '-3', 2.5)", "double", "-3")]
    [InlineData("SELECT typeof(least(uint256 '3', REAL '2.5')), greatest(uint256 '3', DOUBLE '3.5')", "double", "3.5")]
    [InlineData("SELECT typeof(if(true, uint256 '1', 2.5)), if(false, uint256 '1', 2.5)", "double", "2.5")]
    [InlineData("SELECT typeof(CASE WHEN true THEN uint256 '7' ELSE 0.5 END), CASE WHEN false THEN uint256 '7' ELSE 0.5 END", "double", "0.5")]
    [InlineData("SELECT typeof(CASE WHEN false THEN 0.5 WHEN true THEN int256 '-7' END), CASE WHEN false THEN 0.5 WHEN true THEN int256 '-7' END", "double", "-7")]
    [InlineData("SELECT typeof(CASE u WHEN 7 THEN u ELSE 1e0 END), max(CASE WHEN b = 3 THEN u ELSE 0.5 END) FROM " + Values + " GROUP BY u ORDER BY u DESC LIMIT 1", "double", "7")]
    // Nested: a CASE inside a COALESCE, each with a fraction.
    [InlineData("SELECT typeof(coalesce(CASE WHEN false THEN uint256 '1' ELSE 1.5 END, 2.5)), coalesce(NULL, CASE WHEN true THEN uint256 '2' ELSE 1.5 END, 2.5)", "double", "2")]
    // Without a fraction the 256-bit type stays (conversion.mdx's COALESCE(1, INT256 '2') is int256), and a decimal
    // or bigint mix keeps Trino's type.
    [InlineData("SELECT typeof(coalesce(1, int256 '2')), typeof(coalesce(BIGINT '1', 2.5))", "int256", "decimal(20,1)")]
    public void A_256_bit_value_next_to_a_fraction_is_a_double(string sql, string first, string second)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([first, second], db.Rows(sql)[0]);
    }
}
