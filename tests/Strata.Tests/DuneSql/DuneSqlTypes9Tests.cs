using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10 leftovers (decision "dune-types9"): a zero divisor's error is raised only by a row that divides, so TRY
/// catches it in every clause and a query whose rows never divide does not fail; a division's form is the same in the
/// select list and in GROUP BY, HAVING and ORDER BY, so DuckDB matches the grouped expression; an integer literal
/// is a bigint, as Trino's.
/// </summary>
public sealed class DuneSqlTypes9Tests
{
    /// <summary>A table DuckDB keeps statistics for (k is never NULL, 0..2): with them DuckDB folds <c>k IS NOT NULL</c>
    /// while planning, which is what exposed the zero check to the planner.</summary>
    private const string Setup = "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT CAST(range AS INTEGER) AS k, CAST(range AS DOUBLE) AS d, "
        + "CAST(range AS DECIMAL(10,2)) AS m FROM range(3);";

    [Theory]
    [InlineData("SELECT try(k / 0) FROM s.t", "NULL|NULL|NULL")]
    [InlineData("SELECT try(k / 0) FROM s.t GROUP BY try(k / 0)", "NULL")]
    [InlineData("SELECT try(k / 0) FROM s.t GROUP BY 1", "NULL")]
    [InlineData("SELECT try(k % 0) FROM s.t GROUP BY try(k % 0)", "NULL")]
    [InlineData("SELECT try(mod(k, 0)) FROM s.t GROUP BY 1", "NULL")]
    [InlineData("SELECT try(CAST(k AS bigint) / 0) FROM s.t GROUP BY 1", "NULL")]
    [InlineData("SELECT try(m % 0) FROM s.t GROUP BY 1", "NULL")]
    [InlineData("SELECT try(1 / k) FROM (SELECT 0 AS k FROM range(3)) GROUP BY 1", "NULL")]
    [InlineData("SELECT k FROM s.t ORDER BY try(k / 0), k", "0|1|2")]
    [InlineData("SELECT k FROM s.t GROUP BY k HAVING try(k / 0) IS NULL ORDER BY k", "0|1|2")]
    [InlineData("SELECT k, row_number() OVER (PARTITION BY try(k / 0) ORDER BY k) FROM s.t ORDER BY k", "0,1|1,2|2,3")]
    [InlineData("SELECT count(*) FROM s.t WHERE try(k % 0) IS NULL", "3")]
    [InlineData("SELECT k / 0 FROM s.t WHERE k > 100", "")]
    [InlineData("SELECT sum(k / 0) FROM s.t WHERE k > 100", "NULL")]
    public void A_zero_divisor_fails_only_for_a_row_that_divides_and_try_catches_it_in_every_clause(string sql, string expected)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(expected, Flat(db.Rows(sql)));
        Assert.Equal(expected, Flat(db.Rows(sql, db.ColumnTypes())));
    }

    [Theory]
    [InlineData("SELECT k / 0 FROM s.t")]
    [InlineData("SELECT k % 0 FROM s.t")]
    [InlineData("SELECT mod(k, 0) FROM s.t GROUP BY 1")]
    [InlineData("SELECT m % 0 FROM s.t")]
    [InlineData("SELECT k FROM s.t ORDER BY k / 0")]
    public void Outside_try_a_row_that_divides_by_zero_still_fails(string sql)
    {
        using var db = new DuneSqlDb(Setup);
        foreach (var types in new[] { null, db.ColumnTypes() })
        {
            var e = Assert.Throws<DuckDBException>(() => db.Rows(sql, types));
            Assert.Contains("Division by zero", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("k", "0", "3")]
    [InlineData("CAST(k AS bigint)", "0", "3")]
    [InlineData("m", "0", "3")]
    [InlineData("CAST(k AS smallint)", "CAST(0 AS tinyint)", "CAST(3 AS tinyint)")]
    public void The_checked_forms_keep_the_quotients_type(string a, string zero, string three)
    {
        using var db = new DuneSqlDb(Setup);
        foreach (string op in new[] { "/", "%" })
        {
            Assert.Equal(db.Types($"SELECT {a} {op} {three} FROM s.t"), db.Types($"SELECT try({a} {op} {zero}) FROM s.t"));
        }
    }

    /// <summary>A constant non-zero divisor of a known type is DuckDB's operator alone, in every clause.</summary>
    [Fact]
    public void A_constant_non_zero_divisor_writes_no_zero_check()
    {
        using var db = new DuneSqlDb(Setup);
        string sql = DuneSqlTranslator.Translate("SELECT k / 2, k % 3 FROM s.t GROUP BY k / 2, k % 3 ORDER BY k / 2", default, db.ColumnTypes()).Sql;
        Assert.DoesNotContain("dune_division_by_zero", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("dune_num_key", sql, StringComparison.Ordinal);
    }

    /// <summary>The same division in the select list and in GROUP BY, HAVING or ORDER BY gets the same form, so DuckDB
    /// matches it (a typed form in the select list beside a probe form in GROUP BY failed), with the probe's answers.</summary>
    [Theory]
    [InlineData("SELECT k / 2 FROM s.t GROUP BY k / 2 ORDER BY 1", "0|1")]
    [InlineData("SELECT k % 2, count(*) FROM s.t GROUP BY k % 2 ORDER BY k % 2", "0,2|1,1")]
    [InlineData("SELECT d / 2 FROM s.t GROUP BY d / 2 ORDER BY d / 2", "0|0.5|1")]
    [InlineData("SELECT m / 3 FROM s.t GROUP BY m / 3 ORDER BY 1", "0.00|0.33|0.67")]
    [InlineData("SELECT k / 2 AS q FROM s.t GROUP BY k / 2 HAVING k / 2 >= 1", "1")]
    [InlineData("SELECT x.k / 2 FROM s.t AS x GROUP BY x.k / 2 ORDER BY x.k / 2 DESC", "1|0")]
    [InlineData("SELECT try(k % 0) FROM s.t GROUP BY try(k % 0)", "NULL")]
    [InlineData("SELECT k FROM s.t ORDER BY k / 2 DESC, k", "2|0|1")]
    [InlineData("SELECT k / 2 FROM s.t GROUP BY k HAVING k / 2 > 0", "1")]
    [InlineData("SELECT CAST(d AS integer) FROM s.t GROUP BY CAST(d AS integer) ORDER BY CAST(d AS integer)", "0|1|2")]
    public void A_division_in_group_by_having_and_order_by_has_the_select_lists_form(string sql, string expected)
    {
        using var db = new DuneSqlDb(Setup);
        string typed = DuneSqlTranslator.Translate(sql, default, db.ColumnTypes()).Sql;
        Assert.DoesNotContain("dune_num_key", typed, StringComparison.Ordinal);
        Assert.Equal(expected, Flat(db.Rows(sql, db.ColumnTypes())));
        Assert.Equal(expected, Flat(db.Rows(sql)));
    }

    /// <summary>Where a name in HAVING or ORDER BY could be a select item's alias the probe stays (its answer is DuckDB's
    /// binding, whatever that is); a set operation's ORDER BY: DuneSqlColumnTypesTests.</summary>
    [Theory]
    [InlineData("SELECT sum(k) AS k FROM s.t GROUP BY d HAVING k / 2 >= 0 ORDER BY 1", "0|1|2")]
    [InlineData("SELECT d + 1 AS k FROM s.t ORDER BY k / 2", "1|2|3")]
    public void A_name_that_may_be_an_alias_keeps_the_probe(string sql, string expected)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Contains("dune_num_key", DuneSqlTranslator.Translate(sql, default, db.ColumnTypes()).Sql, StringComparison.Ordinal);
        Assert.Equal(expected, Flat(db.Rows(sql, db.ColumnTypes())));
    }

    /// <summary>Trino's integer literal is a bigint (LongLiteral, Long.parseLong; its grammar reads <c>MINUS?
    /// INTEGER_VALUE</c> as one number): both sides of each boundary.</summary>
    [Theory]
    [InlineData("2147483647", "2147483647", "integer")]
    [InlineData("2147483648", "2147483648", "bigint")]
    [InlineData("-2147483649", "-2147483649", "bigint")]
    [InlineData("9223372036854775807", "9223372036854775807", "bigint")]
    [InlineData("-9223372036854775807", "-9223372036854775807", "bigint")]
    [InlineData("-9223372036854775808", "-9223372036854775808", "bigint")]
    [InlineData("- 9223372036854775808", "-9223372036854775808", "bigint")]
    [InlineData("(-9223372036854775808)", "-9223372036854775808", "bigint")]
    [InlineData("CASE WHEN true THEN -9223372036854775808 END", "-9223372036854775808", "bigint")]
    [InlineData("00009223372036854775807", "9223372036854775807", "bigint")]
    public void Integer_literals_within_bigint_are_read(string literal, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([value, type], db.Rows($"SELECT CAST({literal} AS varchar), typeof({literal})")[0]);
    }

    [Theory]
    [InlineData("SELECT 9223372036854775808", 19)]
    [InlineData("SELECT -9223372036854775809", 19)]
    [InlineData("SELECT 99999999999999999999 / 3", 20)]
    [InlineData("SELECT 12345678901234567890123456789012345678", 38)]
    [InlineData("SELECT 1 - 9223372036854775808", 19)]
    [InlineData("SELECT x -9223372036854775808 FROM (VALUES 1) t(x)", 19)]
    [InlineData("SELECT -(9223372036854775808)", 19)]
    [InlineData("SELECT 123456789012345678901234567890123456789", 39)]
    public void An_integer_literal_past_bigint_is_an_invalid_numeric_literal(string sql, int digits)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains($"Invalid numeric literal: {digits} digits, past bigint", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("9223372036854775808", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT '99999999999999999999' AS s", "99999999999999999999")]
    [InlineData("SELECT CAST(DECIMAL '99999999999999999999' AS varchar)", "99999999999999999999")]
    [InlineData("SELECT CAST(uint256 '99999999999999999999' AS varchar)", "99999999999999999999")]
    [InlineData("SELECT 1e20 > 0", "true")]
    [InlineData("SELECT 1 AS x -- 99999999999999999999", "1")]
    public void Big_numbers_as_strings_typed_literals_doubles_and_comments_are_read(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    internal static string Flat(List<string[]> rows) => string.Join("|", rows.Select(r => string.Join(",", r)));
}
