namespace Strata.Tests.DuneSql;

/// <summary>
/// dune-types7: values where DuckDB's answer differed from Trino's in common query shapes. Logarithms and square roots
/// are Java's (MathFunctions: Math.log, Math.log10, Math.sqrt): -Infinity at zero and NaN below it, where DuckDB failed
/// the query. concat is Trino's <c>||</c> (binary.md: "the same functionality as the SQL-standard concatenation
/// operator"): NULL when an argument is NULL, varbinary of varbinaries; DuckDB's concat skipped NULLs and wrote bytes as
/// text. An integer literal past bigint is Trino's decimal of its digits; DuckDB's HUGEINT was read as an overflowing bigint.
/// </summary>
public sealed class DuneSqlTrinoValuesTests
{
    [Theory]
    [InlineData("ln(0)", "-Infinity")]
    [InlineData("ln(-1)", "NaN")]
    [InlineData("ln(1)", "0E0")]
    [InlineData("log10(0)", "-Infinity")]
    [InlineData("log10(1000)", "3.0E0")]
    [InlineData("log2(-4)", "NaN")]
    [InlineData("log2(8)", "3.0E0")]
    [InlineData("log(2, 8)", "3.0E0")]
    [InlineData("log(10, 0)", "-Infinity")]
    [InlineData("sqrt(-1)", "NaN")]
    [InlineData("sqrt(16)", "4.0E0")]
    [InlineData("ln(CAST(NULL AS double))", "NULL")]
    [InlineData("sqrt(CAST(NULL AS double))", "NULL")]
    public void Logarithms_and_square_roots_at_zero_and_below_are_javas(string expression, string text)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([text, "double"], db.Rows($"SELECT CAST({expression} AS varchar), typeof({expression})")[0]);
    }

    [Fact]
    public void Logarithms_of_a_column_holding_zero_and_negatives_run()
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT * FROM (VALUES (1, 0.0), (2, -5.0), (3, 100.0)) v(k, x);");
        var rows = db.Rows("SELECT CAST(log10(x) AS varchar), CAST(sqrt(x) AS varchar) FROM t ORDER BY k");
        Assert.Equal([["-Infinity", "0E0"], ["NaN", "NaN"], ["2.0E0", "1.0E1"]], rows);
    }

    [Theory]
    [InlineData("concat('a', 'b', 'c')", "abc", "varchar")]
    [InlineData("concat(0x01, 0x02)", "0x0102", "varbinary")]
    [InlineData("concat(0x000000000000000000000000, 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48)",
        "0x000000000000000000000000a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", "varbinary")]
    [InlineData("concat(ARRAY[1], ARRAY[2, 3])", "[1, 2, 3]", "array(integer)")]
    [InlineData("concat('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i')", "abcdefghi", "varchar")]
    public void Concat_is_trinos_concatenation_operator(string expression, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([value, type], db.Rows($"SELECT {expression}, typeof({expression})")[0]);
    }

    [Fact]
    public void Concat_with_a_null_argument_is_null()
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a'), (2, NULL)) v(k, s);");
        Assert.Equal([["ax", "varchar"], ["NULL", "varchar"]], db.Rows("SELECT concat(s, 'x'), typeof(concat(s, 'x')) FROM t ORDER BY k"));
        Assert.Equal([["bax"], ["NULL"]], db.Rows("SELECT concat('b', s, 'x') FROM t ORDER BY k"));
    }

    /// <summary>An integer literal is a bigint (Trino's LongLiteral; decision "dune-types9"); past bigint see
    /// DuneSqlTypes9Tests. A decimal literal of those digits is a decimal.</summary>
    [Theory]
    [InlineData("DECIMAL '99999999999999999999'", "99999999999999999999", "decimal(20,0)")]
    [InlineData("DECIMAL '99999999999999999999' / 3", "33333333333333333333", "decimal(20,0)")]
    [InlineData("DECIMAL '12345678901234567890123456789012345678' - 1", "12345678901234567890123456789012345677", "decimal(38,0)")]
    [InlineData("9223372036854775807", "9223372036854775807", "bigint")]
    public void Integer_literals_up_to_bigint_and_decimal_literals_past_it(string expression, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([value, type], db.Rows($"SELECT CAST({expression} AS varchar), typeof({expression})")[0]);
    }

    /// <summary>A double cast to an integer type rounds half away from zero, as Trino's DoubleOperators (MathFunctions.round);
    /// DuckDB's cast rounds half to even (2.5 to 2). Where the text fixes the operand's type as double.</summary>
    [Theory]
    [InlineData("CAST(2.5e0 AS integer)", "3")]
    [InlineData("CAST(-2.5e0 AS bigint)", "-3")]
    [InlineData("CAST(0.5e0 AS bigint)", "1")]
    [InlineData("CAST(3.5e0 AS smallint)", "4")]
    [InlineData("TRY_CAST(2.5e0 AS tinyint)", "3")]
    [InlineData("CAST(2.4e0 AS integer)", "2")]
    [InlineData("CAST(5e0 / 2 AS bigint)", "3")]
    [InlineData("CAST(x AS bigint) FROM (SELECT 4.5e0 AS x) d", "5")]
    public void A_double_cast_to_an_integer_type_rounds_half_away_from_zero(string expression, string text)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(text, db.Rows($"SELECT {expression}", db.ColumnTypes())[0][0]);
    }

    [Fact]
    public void A_double_column_cast_to_bigint_rounds_half_away_from_zero()
    {
        using var db = new DuneSqlDb("CREATE SCHEMA s; CREATE TABLE s.t AS SELECT * FROM (VALUES (1, 0.5::DOUBLE), (2, 1.5::DOUBLE), (3, -0.5::DOUBLE), (4, 2.5::DOUBLE)) v(k, x);");
        var types = db.ColumnTypes();
        Assert.Equal([["1"], ["2"], ["-1"], ["3"]], db.Rows("SELECT CAST(x AS bigint) FROM s.t ORDER BY k", types));
        Assert.Equal([["1"], ["2"], ["-1"], ["3"]], db.Rows("SELECT CAST(a.x AS bigint) FROM s.t a ORDER BY k", types));
    }
}
