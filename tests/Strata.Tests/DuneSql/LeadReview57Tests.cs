using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// The review of 354-357 (decision 358): ARRAY after IS [NOT] DISTINCT FROM is a constructor, not a relation (354); a LIKE
/// whose pattern is an expression ends at a bare alias, DESC or NULLS (356); a NaN guard is left out where it would write
/// a volatile or a subquery operand twice (355).
/// </summary>
public sealed class LeadReview57Tests
{
    [Theory]
    [InlineData("SELECT ARRAY[1, NULL] IS DISTINCT FROM ARRAY[1, NULL]", "false")]
    [InlineData("SELECT ARRAY['a'] IS NOT DISTINCT FROM ARRAY['a']", "true")]
    [InlineData("SELECT count(*) FROM (VALUES 1) t(x) WHERE ARRAY[x] IS NOT DISTINCT FROM ARRAY[1]", "1")]
    public void An_array_after_is_distinct_from_is_a_constructor(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    [InlineData("SELECT name LIKE pat matched FROM (VALUES ('abc', 'a%')) t(name, pat)", "true")]
    [InlineData("SELECT name LIKE pat \"m\" FROM (VALUES ('abc', 'b%')) t(name, pat)", "false")]
    [InlineData("SELECT name FROM (VALUES ('abc', 'a'), ('xbc', 'a')) t(name, pat) ORDER BY name LIKE pat || '%' DESC LIMIT 1", "abc")]
    [InlineData("SELECT name FROM (VALUES ('abc', 'a'), ('xbc', 'a')) t(name, pat) ORDER BY name LIKE pat || '%' NULLS LAST, name LIMIT 1", "xbc")]
    [InlineData("SELECT name LIKE '%' || lower(pat) || '%' AS m FROM (VALUES ('a.c', 'A.')) t(name, pat)", "true")]
    [InlineData("SELECT name LIKE '%' || pat || '%' FROM (VALUES ('abc', '.')) t(name, pat)", "false")]
    public void A_runtime_like_pattern_ends_where_its_operand_does(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    [InlineData("SELECT CAST(IF(rand() < 0.5, nan()) AS DOUBLE) > 0e0")]
    [InlineData("SELECT nan() > (SELECT max(x) FROM (VALUES 1e0) t(x))")]
    [InlineData("SELECT (SELECT nan()) = nan()")]
    public void A_nan_guard_never_writes_a_volatile_or_subquery_operand_twice(string sql)
    {
        Assert.DoesNotContain("isnan", DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nan_guard_still_guards_a_plain_operand()
    {
        Assert.Contains("isnan", DuneSqlTranslator.Translate("SELECT nan() > 1e0").Sql, StringComparison.Ordinal);
        using var db = new DuneSqlDb();
        Assert.Equal("false", db.Scalar("SELECT nan() > 1e0"));
    }
}
