namespace Strata.Tests.DuneSql;

/// <summary>Branch dune-wild9: <c>ARRAY[…] || x</c> and <c>x || ARRAY[…]</c> where x is a column, whose kind the text does
/// not show (gustavobftorres/dune-queries fee_setting_solvers_monitor and the fee_discounted queries:
/// <c>ORDER BY ARRAY[block_number] || index</c>). Trino's <c>||</c> (array.mdx, Trino's functions/array.md) appends or
/// prepends an element and concatenates two arrays, the element or array coerced to the other operand's type; the
/// translation lets DuckDB's binder choose from x's bound type. Before: DuckDB's "Cannot concatenate types BIGINT[] and
/// BIGINT".</summary>
public sealed class DuneSqlWild9Tests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // An element column is appended or prepended.
    [InlineData("SELECT array_join(ARRAY[b] || i, ',') FROM (VALUES (7, 2)) t(b, i)", "7,2")]
    [InlineData("SELECT array_join(i || ARRAY[b], ',') FROM (VALUES (7, 2)) t(b, i)", "2,7")]
    [InlineData("SELECT array_join(ARRAY[b, 8] || t.i, ',') FROM (VALUES (7, 2)) t(b, i)", "7,8,2")]
    [InlineData("SELECT cardinality(ARRAY[1, 2, 3] || i) FROM (VALUES 4) t(i)", "4")]
    [InlineData("SELECT array_join(ARRAY['a'] || s, ',') FROM (VALUES 'b') t(s)", "a,b")]
    [InlineData("SELECT array_join(ARRAY[1.5e0] || i, ',') FROM (VALUES 2) t(i)", "1.5,2.0")]
    [InlineData("SELECT array_join(ARRAY[b] || i, ',', 'null') FROM (VALUES (7, CAST(NULL AS bigint))) t(b, i)", "7,null")]
    // An array column is concatenated, its elements coerced to the array's element type.
    [InlineData("SELECT array_join(ARRAY[1] || a, ',') FROM (SELECT ARRAY[2, 3] AS a) t", "1,2,3")]
    [InlineData("SELECT array_join(a || ARRAY[4], ',') FROM (SELECT ARRAY[2, 3] AS a) t", "2,3,4")]
    [InlineData("SELECT array_join(ARRAY[CAST(1 AS bigint)] || a, ',') FROM (SELECT ARRAY[CAST(2 AS integer)] AS a) t", "1,2")]
    [InlineData("SELECT array_join(ARRAY[0.5e0] || a, ',') FROM (SELECT ARRAY[2] AS a) t", "0.5,2.0")]
    // Nested arrays: an array of the element type is an element; an array of arrays is concatenated.
    [InlineData("SELECT cardinality(ARRAY[ARRAY[1]] || a) FROM (SELECT ARRAY[2, 3] AS a) t", "2")]
    [InlineData("SELECT cardinality(ARRAY[ARRAY[1]] || a) FROM (SELECT ARRAY[ARRAY[2], ARRAY[3]] AS a) t", "3")]
    [InlineData("SELECT cardinality(a || ARRAY[ARRAY[1]]) FROM (SELECT ARRAY[2, 3] AS a) t", "2")]
    public void Array_and_a_column_concatenate_by_the_columns_type(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Array_of_a_column_and_a_column_orders_a_window_as_in_trino()
    {
        // Rows ordered by (block, index) as arrays compare element by element: the previous fee of each change.
        string sql = """
            SELECT array_join(array_agg(coalesce(prev, -1) ORDER BY fee), ',') FROM (
                SELECT fee, lag(fee) OVER (PARTITION BY pool ORDER BY ARRAY[block_number] || index) AS prev
                FROM (VALUES ('p', 10, 2, 30), ('p', 10, 1, 20), ('p', 9, 5, 10), ('q', 1, 1, 40)) t(pool, block_number, index, fee))
            """;
        Assert.Equal("-1,10,20,-1", db.Scalar(sql));
    }

    [Theory]
    [InlineData("SELECT a || b FROM (VALUES ('x', 'y')) t(a, b)", "xy")]
    [InlineData("SELECT cardinality(a || b) FROM (SELECT ARRAY[1] AS a, ARRAY[2, 3] AS b) t", "3")]
    [InlineData("SELECT array_join(ARRAY[1] || ARRAY[2], ',')", "1,2")]
    [InlineData("SELECT array_join(ARRAY[1] || 2, ',')", "1,2")]
    public void Other_concatenations_are_unchanged(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    // monmon-sitdown/Onchain-Data-Analysis 06_MostHolderMatic: sum((-1) * cast(value AS decimal)) / 1e18. A zero-scale
    // decimal with a double is a double in Trino; a negative one failed "Cannot cast value to uint256: out of range".
    [Theory]
    [InlineData("SELECT x / 2e0 FROM (VALUES CAST(-5 AS decimal(38,0))) t(x)", "-2.5")]
    [InlineData("SELECT x * 1.5e0 FROM (VALUES CAST(-5 AS decimal(10,0))) t(x)", "-7.5")]
    [InlineData("SELECT 0.5e0 + x FROM (VALUES CAST(-5 AS decimal(38,0))) t(x)", "-4.5")]
    [InlineData("SELECT sum(x) / 1e1 FROM (VALUES CAST(-5 AS decimal(38,0)), CAST(3 AS decimal(38,0))) t(x)", "-0.2")]
    [InlineData("SELECT typeof(x / 2e0) FROM (VALUES CAST(-5 AS decimal(38,0))) t(x)", "double")]
    public void Zero_scale_decimal_with_a_double_is_a_double_also_when_negative(string sql, string expected) =>
        Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT typeof(CAST(5 AS decimal(38,0)) + CAST(1 AS uint256))", "uint256")]
    [InlineData("SELECT typeof(CAST(5 AS decimal(38,0)) + CAST(1 AS int256))", "int256")]
    [InlineData("SELECT typeof((-1) * CAST(CAST(5 AS uint256) AS decimal(38,0)))", "decimal(38,0)")]
    [InlineData("SELECT typeof(CAST(1 AS uint256) + CAST(1 AS int256))", "int256")]
    public void Zero_scale_decimal_with_a_256_bit_integer_keeps_its_type(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));
}
