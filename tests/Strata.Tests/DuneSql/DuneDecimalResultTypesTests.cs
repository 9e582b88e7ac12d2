namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 233 (dune-window-args): decimal results typed as Trino types them, in the result metadata, with
/// their values: MathFunctions' Floor, Ceiling and Round (decimal(p - s + min(s, 1), 0)), Truncate (decimal(max(1, p - s), 0)),
/// TruncateN (the argument's type), RoundN (decimal(min(38, p + 1), s)), abs, sign (decimal(1,0)) and negation; and
/// DecimalOperators' + - * / % over a sweep of precisions up to 38, with Trino's "Decimal overflow" and "Division by zero".
/// Also the uint256 negation Dune refuses (datatypes.mdx: the type holds no negative value) without DuckDB's prefix, and
/// from_hex of a varbinary (binary.mdx and varbinary.mdx list from_hex(varchar) only).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneDecimalResultTypesTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Floor_ceil_truncate_and_round_of_a_decimal_have_Trinos_whole_types()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT floor(CAST(12.345 AS decimal(5,3))), ceil(CAST(12.345 AS decimal(5,3))), ceiling(CAST(-12.345 AS decimal(5,3))),
                   truncate(CAST(-12.345 AS decimal(5,3))), round(CAST(12.5 AS decimal(5,3))),
                   floor(CAST(1.5 AS decimal(38,10))), ceil(CAST(1.5 AS decimal(38,10))), truncate(CAST(1.5 AS decimal(38,10))),
                   floor(CAST(-0.5 AS decimal(2,2))), truncate(CAST(0.99 AS decimal(2,2))), ceil(CAST(7 AS decimal(38,0))),
                   floor(CAST(99.5 AS decimal(3,1)))
            """);
        Assert.Equal(["decimal(3,0)", "decimal(3,0)", "decimal(3,0)", "decimal(2,0)", "decimal(3,0)",
            "decimal(29,0)", "decimal(29,0)", "decimal(28,0)", "decimal(1,0)", "decimal(1,0)", "decimal(38,0)", "decimal(3,0)"], types);
        Assert.Equal("12,13,-12,-12,13,1,2,1,-1,0,7,99", csv[1]);
    }

    [Fact]
    public async Task The_other_decimal_functions_keep_Trinos_types_and_non_decimals_keep_theirs()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT truncate(CAST(99.99 AS decimal(4,2)), 1), round(CAST(12.345 AS decimal(5,3)), 1), round(CAST(1.25 AS decimal(38,2)), 1),
                   abs(CAST(-12.345 AS decimal(5,3))), sign(CAST(-12.345 AS decimal(5,3))), -CAST(12.345 AS decimal(5,3)),
                   typeof(floor(1.5e0)), floor(1.5e0) = 1e0, ceil(7), floor(CAST(-3 AS bigint)), truncate(-2.5e0) = -2e0
            """);
        Assert.Equal(["decimal(4,2)", "decimal(6,3)", "decimal(38,2)", "decimal(5,3)", "decimal(1,0)", "decimal(5,3)",
            "varchar", "boolean", "integer", "bigint", "boolean"], types);
        Assert.Equal("99.90,12.300,1.30,12.345,-1,-12.345,double,true,7,-3,true", csv[1]);
    }

    [Theory]
    // DecimalOperators: + and - are decimal(min(38, max(p1 - s1, p2 - s2) + max(s1, s2) + 1), max(s1, s2)); * is
    // decimal(min(38, p1 + p2), s1 + s2); / is decimal(min(38, p1 + s2 + max(s2 - s1, 0)), max(s1, s2)); % is
    // decimal(min(p2 - s2, p1 - s1) + max(s1, s2), max(s1, s2)).
    [InlineData("decimal(10,2)", "decimal(5,4)", "decimal(13,4),decimal(13,4),decimal(15,6),decimal(16,4),decimal(5,4)", "3.5000,-0.5000,3.000000,0.7500,1.5000")]
    [InlineData("decimal(3,1)", "decimal(3,1)", "decimal(4,1),decimal(4,1),decimal(6,2),decimal(4,1),decimal(3,1)", "3.5,-0.5,3.00,0.8,1.5")]
    [InlineData("decimal(38,2)", "decimal(5,4)", "decimal(38,4),decimal(38,4),decimal(38,6),decimal(38,4),decimal(5,4)", "3.5000,-0.5000,3.000000,0.7500,1.5000")]
    [InlineData("decimal(20,2)", "decimal(20,4)", "decimal(23,4),decimal(23,4),decimal(38,6),decimal(26,4),decimal(20,4)", "3.5000,-0.5000,3.000000,0.7500,1.5000")]
    [InlineData("decimal(38,10)", "decimal(38,10)", "decimal(38,10),decimal(38,10),decimal(38,20),decimal(38,10),decimal(38,10)", "3.5000000000,-0.5000000000,3.00000000000000000000,0.7500000000,1.5000000000")]
    [InlineData("decimal(18,0)", "decimal(19,0)", "decimal(20,0),decimal(20,0),decimal(37,0),decimal(18,0),decimal(18,0)", "4,0,4,1,0")]
    public async Task Decimal_arithmetic_has_Trinos_result_types(string left, string right, string types, string values)
    {
        var (_, actual, csv) = await Server.Alice.RunFirstRowAsync($"""
            SELECT a + b, a - b, a * b, a / b, a % b
            FROM (VALUES (CAST(1.5 AS {left}), CAST(2 AS {right}))) t(a, b)
            """);
        Assert.Equal(types, string.Join(",", actual));
        Assert.Equal(values, csv[1]);
    }

    [Theory]
    [InlineData("CAST('99999999999999999999999999999999999999' AS decimal(38,0)) + CAST(1 AS decimal(38,0))", "Decimal overflow")]
    [InlineData("CAST('-99999999999999999999999999999999999999' AS decimal(38,0)) - CAST(1 AS decimal(1,0))", "Decimal overflow")]
    [InlineData("CAST('9999999999999999999999999999999999999' AS decimal(38,0)) * CAST(100 AS decimal(38,0))", "Decimal overflow")]
    [InlineData("CAST('9999999999999999999999999999999999999' AS decimal(38,0)) / CAST(0.01 AS decimal(3,2))", "Decimal overflow")]
    [InlineData("CAST(1 AS decimal(38,0)) / CAST(0 AS decimal(38,0))", "Division by zero")]
    [InlineData("CAST(1 AS decimal(5,2)) % CAST(0 AS decimal(3,1))", "Division by zero")]
    public async Task Decimal_arithmetic_fails_in_Trinos_words(string expression, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync("SELECT " + expression));
    }

    [Theory]
    [InlineData("SELECT -uint256 '4'", "uint256 negation overflow: the result is outside [0, 2^256-1]")]
    [InlineData("SELECT - SUM(CAST(x AS uint256)) FROM (VALUES 1, 2) t(x)", "uint256 negation overflow: the result is outside [0, 2^256-1]")]
    [InlineData("SELECT uint256 '1' - uint256 '2'", "uint256 subtraction overflow: the result is outside [0, 2^256-1]")]
    [InlineData("SELECT from_hex(0x3132)", "Unexpected parameters (varbinary) for function from_hex")]
    [InlineData("SELECT from_hex(to_utf8('ab'))", "Unexpected parameters (varbinary) for function from_hex")]
    public async Task Uint256_negation_and_from_hex_of_a_varbinary_fail_without_DuckDBs_prefix(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task Uint256_negation_of_zero_and_int256_negation_answer()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT -uint256 '0', -SUM(CAST(x AS uint256)), -int256 '5', -SUM(CAST(x AS int256)) FROM (VALUES 0, 0) t(x)");
        Assert.Equal(["uint256", "uint256", "int256", "int256"], types);
        Assert.Equal("0,0,-5,0", csv[1]);
    }
}
