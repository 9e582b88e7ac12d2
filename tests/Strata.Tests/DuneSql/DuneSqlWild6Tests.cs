namespace Strata.Tests.DuneSql;

/// <summary>Branch dune-wild6: Trino's two-argument IF, TRY around a predicate over a subquery, and regexp_replace's
/// lambda seeing NULL for a group that takes no part in a match.</summary>
public sealed class DuneSqlWild6Tests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // conditional.mdx: IF(condition, true_value) is true_value when the condition is true, otherwise NULL.
    [InlineData("SELECT if(2 > 1, 'yes')", "yes")]
    [InlineData("SELECT if(1 > 2, 'yes')", "NULL")]
    [InlineData("SELECT if(NULL, 1)", "NULL")]
    [InlineData("SELECT IF(x > 1, x * 10) FROM (VALUES 2) t(x)", "20")]
    [InlineData("SELECT sum(if(x > 1, x)) FROM (VALUES 1, 2, 3) t(x)", "5")]
    [InlineData("SELECT if(1 > 2, 'yes', 'no')", "no")]
    public void If_with_two_arguments_is_null_when_the_condition_is_not_true(string sql, string expected) =>
        Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT try(2 IN (SELECT x FROM (VALUES 1, 2) t(x)))", "true")]
    [InlineData("SELECT try(3 NOT IN (SELECT x FROM (VALUES 1, NULL) t(x)))", "NULL")]
    [InlineData("SELECT try(EXISTS (SELECT 1 WHERE false))", "false")]
    [InlineData("SELECT try(NOT EXISTS (SELECT 1))", "false")]
    [InlineData("SELECT try(2 = ANY (SELECT x FROM (VALUES 1, 2) t(x)))", "true")]
    [InlineData("SELECT try(2 > ALL (SELECT x FROM (VALUES 1, 2) t(x)))", "false")]
    [InlineData("SELECT try(1 + 1 IN (SELECT x FROM (VALUES 1, 2) t(x)))", "true")]
    // The division by zero next to the predicate is caught, the predicate itself computed apart (Trino's semi join).
    [InlineData("SELECT try(CASE WHEN 1 IN (SELECT x FROM (VALUES 1) t(x)) THEN 1 / 0 ELSE 1 END)", "NULL")]
    [InlineData("SELECT try(CASE WHEN 2 IN (SELECT x FROM (VALUES 1) t(x)) THEN 1 / 0 ELSE 7 END)", "7")]
    // Correlated: the operand is the outer row's column.
    [InlineData("SELECT count(*) FROM (VALUES 1, 2, 3) o(y) WHERE try(y IN (SELECT x FROM (VALUES 1, 3) t(x) WHERE x = o.y) AND 6 / y > 1)", "2")]
    [InlineData("SELECT count(*) FROM (VALUES 0, 1, 2) o(y) WHERE try(y * 2 IN (SELECT x FROM (VALUES 0, 2, 4) t(x)) AND 4 / y > 1) IS NULL", "1")]
    public void Try_around_a_predicate_over_a_subquery_computes_the_predicate_apart(string sql, string expected) =>
        Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // Trino: a group that does not take part in the match is NULL in the lambda's array.
    [InlineData("SELECT regexp_replace('abc', '(a)|(b)', x -> coalesce(x[2], 'N'))", "Nbc")]
    [InlineData("SELECT regexp_replace('abc', '(a)|(b)', x -> coalesce(x[1], 'N'))", "aNc")]
    [InlineData("SELECT regexp_replace('ab', '(x)?b', x -> coalesce(x[1], '-'))", "a-")]
    // A group that matched the empty string took part: '' is kept.
    [InlineData("SELECT regexp_replace('ab', '(x*)b', x -> '[' || x[1] || ']')", "a[]")]
    [InlineData("SELECT regexp_replace('new york', '(\\w)(\\w*)', x -> upper(x[1]) || lower(x[2]))", "New York")]
    [InlineData("SELECT regexp_replace('ab', '(x)?b', x -> x[1]) IS NULL", "true")]
    public void Regexp_replace_lambda_sees_null_for_a_group_outside_the_match(string sql, string expected) =>
        Assert.Equal(expected, db.Scalar(sql));
}
