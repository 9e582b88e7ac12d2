using DuckDB.NET.Data;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's CAST(x AS varchar(n)) (found by dune-dialect14, fixed by the lead): a varchar is cut to its first n code points
/// (Trino's VarcharOperators / Varchars.truncateToLength: <c>CAST('abcd' AS varchar(2))</c> is <c>ab</c>); any other
/// value's text must fit in n or the cast fails "Value 12300000000 cannot be represented as varchar(3)" (Trino's
/// BigintOperators test), and TRY_CAST gives NULL. Strata returned the whole text for every type.
/// </summary>
public sealed class DuneSqlVarcharBoundTests
{
    [Theory]
    [InlineData("SELECT CAST('abcd' AS varchar(2))", "ab")]
    [InlineData("SELECT CAST('abcd' AS varchar(4)), CAST('abcd' AS varchar(10)), CAST('' AS varchar(0))", "abcd,abcd,")]
    // Code points, not bytes: é and 🦆 are one each.
    [InlineData("SELECT CAST('é🦆xyz' AS varchar(3))", "é🦆x")]
    [InlineData("SELECT CAST(x AS varchar(3)) FROM (VALUES 'abcdef', NULL, 'ab') t(x) ORDER BY 1 NULLS LAST", "ab|abc|NULL")]
    // Other types: the text fits, or the cast fails; TRY_CAST gives NULL where it would fail.
    [InlineData("SELECT CAST(42 AS varchar(10)), CAST(123 AS varchar(3)), CAST(0xabcd AS varchar(6))", "42,123,0xabcd")]
    [InlineData("SELECT TRY_CAST(12345 AS varchar(3)), TRY_CAST('abcd' AS varchar(2)), TRY_CAST(12 AS varchar(3))", "NULL,ab,12")]
    [InlineData("SELECT CAST(CAST(NULL AS bigint) AS varchar(1))", "NULL")]
    public void A_bounded_varchar_cast_gives_trinos_text(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("SELECT CAST(12300000000 AS varchar(3))", "Value 12300000000 cannot be represented as varchar(3)")]
    [InlineData("SELECT CAST(DATE '2024-05-06' AS varchar(4))", "Value 2024-05-06 cannot be represented as varchar(4)")]
    public void A_value_whose_text_does_not_fit_fails_naming_it(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CAST('a' AS varchar(-1))", "VARCHAR length must be in range [0, 2147483646], got -1")]
    [InlineData("CAST('a' AS varchar(x))", "VARCHAR length must be in range [0, 2147483646], got x")]
    [InlineData("TRY_CAST('a' AS varchar(2147483647))", "VARCHAR length must be in range [0, 2147483646], got 2147483647")]
    [InlineData("CAST('a' AS char(65537))", "CHAR length must be in range [0, 65536], got 65537")]
    [InlineData("CAST(ARRAY['a'] AS array(varchar(1.5)))", "VARCHAR length must be in range [0, 2147483646], got 1.5")]
    public void A_length_outside_trinos_range_is_refused(string expression, string message)
    {
        // Each ran as an unbounded varchar (DuckDB ignores a VARCHAR's length) where Trino refuses the type (hostile17).
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT " + expression));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lengths_at_trinos_ends_still_cast()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("abc,a", DuneSqlTypes9Tests.Flat(db.Rows("SELECT CAST('abc' AS varchar(2147483646)), CAST('abc' AS char(1))")));
    }
}
