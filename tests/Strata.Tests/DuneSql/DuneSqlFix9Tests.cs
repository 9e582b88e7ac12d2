using Strata.Core.Engine;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Small differences from Trino's answers (issue 10, decision "dune-fix9"): lpad/rpad of varbinary pad bytes
/// (VarbinaryFunctions) with Trino's errors; an integer literal too long for a decimal(38,0) fails as Trino's parser fails
/// ("Invalid numeric literal") instead of becoming a double; approx_percentile of a real is a real.
/// </summary>
public sealed class DuneSqlFix9Tests
{
    private const string Setup = "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT * FROM (VALUES "
        + "(1, CAST(1.5 AS REAL), 2.5e0), (2, CAST(2.25 AS REAL), -2.5e0), (3, CAST(NULL AS REAL), 0.5e0), (4, CAST(4 AS REAL), 1e0)) v(k, r, d);";

    [Theory]
    // Trino's TestVarbinaryFunctions.testLpad/testRpad.
    [InlineData("lpad(x'1234', 7, x'45')", "0x45454545451234")]
    [InlineData("lpad(x'1234', 7, x'4524')", "0x45244524451234")]
    [InlineData("lpad(x'1234', 3, x'4524')", "0x451234")]
    [InlineData("lpad(x'1234', 0, x'4524')", "0x")]
    [InlineData("lpad(x'1234', 1, x'4524')", "0x12")]
    [InlineData("rpad(x'1234', 7, x'45')", "0x12344545454545")]
    [InlineData("rpad(x'1234', 7, x'4524')", "0x12344524452445")]
    [InlineData("rpad(x'1234', 3, x'4524')", "0x123445")]
    [InlineData("rpad(x'23', 0, x'4524')", "0x")]
    [InlineData("rpad(x'1234', 1, x'4524')", "0x12")]
    [InlineData("lpad(0x00ff, 4, 0xff)", "0xffff00ff")]
    [InlineData("rpad(from_hex('ab'), CAST(3 AS bigint), 0x00)", "0xab0000")]
    [InlineData("lpad(x'1234', CAST(NULL AS bigint), x'45')", "NULL")]
    [InlineData("rpad(x'1234', CAST(NULL AS bigint), x'45')", "NULL")]
    [InlineData("(SELECT lpad(b, n, x'45') FROM (VALUES (x'12', CAST(NULL AS bigint))) t(b, n))", "NULL")]
    public void Lpad_and_rpad_of_varbinary_pad_bytes(string call, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar("SELECT " + call));
        Assert.Equal("BLOB", db.Types("SELECT " + call)[0]);
    }

    [Theory]
    // Trino's TestStringFunctions: code points, the pad repeated and cut, the text cut to the size.
    [InlineData("lpad('text', 5, 'x')", "xtext")]
    [InlineData("lpad('text', 9, 'xyz')", "xyzxytext")]
    [InlineData("lpad('text', 2, 'x')", "te")]
    [InlineData("rpad('text', 7, 'xy')", "textxyx")]
    [InlineData("rpad('text', 3, 'x')", "tex")]
    [InlineData("lpad('信念', 4, '望')", "望望信念")]
    [InlineData("rpad('', 2, 'ab')", "ab")]
    [InlineData("lpad(CAST(NULL AS varchar), 3, 'x')", "NULL")]
    [InlineData("lpad('a', CAST(NULL AS bigint), 'x')", "NULL")]
    [InlineData("rpad(CAST(NULL AS varbinary), 3, 0x00)", "NULL")]
    public void Lpad_and_rpad_of_varchar_are_unchanged(string call, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar("SELECT " + call));
    }

    [Fact]
    public void Lpad_of_a_varchar_column_and_a_varbinary_column_in_one_query()
    {
        using var db = new DuneSqlDb("CREATE TABLE p AS SELECT * FROM (VALUES ('ab', '\\x01'::BLOB), ('c', '\\x02\\x03'::BLOB)) v(s, b);");
        var rows = db.Rows("SELECT lpad(s, 3, '.'), rpad(b, 3, 0xee) FROM p ORDER BY s");
        Assert.Equal(["0x01eeee", "0x0203ee"], rows.Select(r => r[1]));
        Assert.Equal([".ab", "..c"], rows.Select(r => r[0]));
    }

    [Theory]
    [InlineData("lpad(x'2312', -1, x'4524')", "Target length must be in the range [0..2147483647]")]
    [InlineData("rpad(x'1234', -1, x'4524')", "Target length must be in the range [0..2147483647]")]
    [InlineData("lpad(x'2312', 1, x'')", "Padding bytes must not be empty")]
    [InlineData("rpad(x'1234', 1, x'')", "Padding bytes must not be empty")]
    [InlineData("lpad('abc', -1, 'foo')", "Target length must be in the range [0..2147483647]")]
    [InlineData("rpad('abc', 3000000000, 'foo')", "Target length must be in the range [0..2147483647]")]
    [InlineData("lpad('abc', 3, '')", "Padding string must not be empty")]
    [InlineData("rpad('abc', 5, '')", "Padding string must not be empty")]
    public void Lpad_and_rpad_fail_as_Trino_for_a_bad_size_or_an_empty_pad(string call, string message)
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT " + call));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("123456789012345678901234567890123456789", 39)]
    [InlineData("1000000000000000000000000000000000000000000000", 46)]
    public void An_integer_literal_past_38_digits_fails_as_an_invalid_numeric_literal(string literal, int digits)
    {
        var error = Assert.Throws<QueryFailedException>(() => Strata.Engine.DuckDb.DuneSql.DuneSqlTranslator.Translate($"SELECT 1 + {literal} AS x"));
        Assert.Contains("Invalid numeric literal", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{digits} digits", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(literal, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT CAST(DECIMAL '12345678901234567890123456789012345678' AS varchar)", "12345678901234567890123456789012345678")]
    [InlineData("SELECT 00000000000000000000000000000000000000001", "1")]
    [InlineData("SELECT 1e40 > 0", "true")]
    [InlineData("SELECT '1234567890123456789012345678901234567890' AS s", "1234567890123456789012345678901234567890")]
    [InlineData("SELECT 1 AS x -- 1234567890123456789012345678901234567890", "1")]
    public void Literals_within_38_digits_strings_comments_and_doubles_are_read_as_before(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    [InlineData("SELECT approx_percentile(r, 0.5) FROM s.t", "2.25", "FLOAT")]
    [InlineData("SELECT approx_percentile(r, ARRAY[0.0, 1.0]) FROM s.t", "[1.5, 4]", "FLOAT[]")]
    [InlineData("SELECT approx_percentile(r, 0.0) FILTER (WHERE k > 1) FROM s.t", "2.25", "FLOAT")]
    [InlineData("SELECT approx_percentile(r, 1.0) OVER () FROM s.t ORDER BY k LIMIT 1", "4", "FLOAT")]
    [InlineData("SELECT approx_percentile(r, 0.0) FROM s.t GROUP BY k ORDER BY k LIMIT 1", "1.5", "FLOAT")]
    [InlineData("SELECT k FROM s.t GROUP BY k HAVING approx_percentile(r, 0.5) > 2 ORDER BY k LIMIT 1", "2", "INTEGER")]
    [InlineData("SELECT approx_percentile(d, 1.0) FROM s.t", "2.5", "DOUBLE")]
    [InlineData("SELECT approx_percentile(d, ARRAY[1.0]) FROM s.t", "[2.5]", "DOUBLE[]")]
    [InlineData("SELECT approx_percentile(k, 1.0) FROM s.t", "4", "BIGINT")]
    public void Approx_percentile_of_a_real_is_a_real(string sql, string value, string type)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(value, db.Scalar(sql));
        Assert.Equal(type, db.Types(sql)[0]);
    }

    [Theory]
    [InlineData("SELECT JSON 'null'", "null")]
    [InlineData("SELECT json_format(JSON 'null')", "null")]
    [InlineData("SELECT JSON 'null' IS NULL", "false")]
    [InlineData("SELECT JSON ' null '", "null")]
    [InlineData("SELECT json_format(JSON '[1, null]')", "[1,null]")]
    [InlineData("SELECT CAST(JSON 'null' AS varchar)", "NULL")]
    public void A_json_null_literal_is_a_json_value_not_sql_null(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void An_integer_division_by_zero_outside_try_still_fails()
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT * FROM (VALUES (1), (2), (3)) v(k);");
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT k / 0 FROM t GROUP BY k / 0"));
        Assert.Contains("Division by zero", error.Message, StringComparison.Ordinal);
    }
}
