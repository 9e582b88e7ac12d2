namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 347 (docs/notes/dune-sql20.md): what decisions 342 and 346 left.
/// <list type="bullet">
/// <item>A lambda parameter named like a relation of its scope: Trino's lambda parameters are the innermost scope
/// (ExpressionAnalyzer.visitLambdaExpression builds a Scope of them whose parent is the query's), and Scope.resolveField
/// stops at a scope where a prefix of the dotted name is a field (isColumnReference), so <c>r.v</c> is the parameter's
/// field in every shape, and a bare <c>r</c> the parameter.</item>
/// <item>An outer join's ON: an IN over a bracketed set operation answers; an IN whose operand reads the relation after
/// JOIN only is looked up by a hash join, with Trino's IN semantics (false for no rows, NULL for no match beside a NULL).</item>
/// </list>
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSql20Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string Row7 = "ARRAY[CAST(ROW(7) AS ROW(v integer))]";

    [Theory]
    // The enclosing query's relation r(v) = 3: the parameter's field is 7 inside the lambda, the relation's column 3 outside.
    [InlineData("SELECT r.v AS c, transform(" + Row7 + ", r -> r.v)[1] AS d FROM (VALUES 3) AS r(v)", "c,d", "3,7")]
    // A lateral left side.
    [InlineData("SELECT u.d FROM (VALUES 3) AS r(v) CROSS JOIN UNNEST(transform(" + Row7 + ", r -> r.v)) AS u(d)", "d", "7")]
    // A correlated subquery: its scope's parent is the outer query's, the lambda's scope is still the innermost.
    [InlineData("SELECT (SELECT transform(" + Row7 + ", r -> r.v)[1]) AS d FROM (VALUES 3) AS r(v)", "d", "7")]
    // Nested lambdas: the inner body reads the outer parameter r's field and the inner parameter.
    [InlineData("SELECT transform(" + Row7 + ", r -> transform(ARRAY[10], y -> r.v + y)[1])[1] AS d FROM (VALUES 3) AS r(v)", "d", "17")]
    [InlineData("SELECT transform(ARRAY[10], x -> transform(" + Row7 + ", r -> r.v + x)[1])[1] AS d FROM (VALUES 3) AS r(v)", "d", "17")]
    // A bare r is the parameter; a field the relation lacks is the parameter's too.
    [InlineData("SELECT transform(ARRAY[5], r -> r + 1)[1] AS d FROM (VALUES 3) AS r(v)", "d", "6")]
    [InlineData("SELECT transform(ARRAY[CAST(ROW(7) AS ROW(w integer))], r -> r.w)[1] AS d FROM (VALUES 3) AS r(v)", "d", "7")]
    // Two parameters, one named like the relation.
    [InlineData("SELECT zip_with(ARRAY[1], " + Row7 + ", (x, r) -> x + r.v)[1] AS d FROM (VALUES 3) AS r(v)", "d", "8")]
    public async Task A_lambda_parameter_named_like_a_relation_is_the_parameter(string sql, string header, string row)
    {
        Assert.Equal([header, row], await Server.Alice.RunCsvAsync(sql));
    }

    [Theory]
    // The parameter is no row: Trino refuses the dereference at its base, whatever the relation r holds.
    [InlineData("SELECT transform(ARRAY[5], r -> r.v)[1] AS d FROM (VALUES 3) AS r(v)", "Expression r is not of type ROW")]
    // The review's query: ROW(7) has no field named v.
    [InlineData("SELECT * FROM (VALUES 1) r(v) CROSS JOIN UNNEST(transform(ARRAY[ROW(7)], r -> r.v))", "Column 'r.v' cannot be resolved")]
    public async Task A_parameter_named_like_a_relation_is_refused_as_the_parameter(string sql, string message)
    {
        Assert.Equal(message, await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    [InlineData("t.x IN ((SELECT 2) UNION ALL (SELECT 3))", "1,", "2,10", "3,10")]
    [InlineData("t.x IN ((SELECT 2) UNION (SELECT 3) EXCEPT (SELECT 3))", "1,", "2,10", "3,")]
    [InlineData("t.x NOT IN ((VALUES 2) INTERSECT (SELECT 2))", "1,10", "2,", "3,10")]
    [InlineData("t.x = ((SELECT 3) UNION ALL (SELECT 4) ORDER BY 1 LIMIT 1)", "1,", "2,", "3,10")]
    // A bracketed expression holding a subquery is no query: its subquery is computed alone.
    [InlineData("t.x = ((SELECT 2) + 1)", "1,", "2,", "3,10")]
    public async Task A_set_operation_subquery_in_an_outer_joins_condition_answers(string condition, params string[] rows)
    {
        var answer = await Server.Alice.RunCsvAsync("SELECT t.x, u.y FROM (VALUES 1, 2, 3) AS t(x) LEFT JOIN (VALUES 10) AS u(y) ON " + condition + " ORDER BY 1");
        Assert.Equal(["x,y", .. rows], answer);
    }

    [Theory]
    // u.y NOT IN (2, NULL): NULL for 1 and 3 (no match beside a NULL), false for 2: x = 1 meets no row.
    [InlineData("(u.y NOT IN (SELECT 2 UNION ALL SELECT NULL))", "1,", "2,")]
    // u.y NOT IN (2): true for 1 and 3, NULL for a NULL y.
    [InlineData("(u.y NOT IN (SELECT 2))", "1,1", "1,3", "2,")]
    // No rows: IN is false for every y, a NULL one too.
    [InlineData("(u.y NOT IN (SELECT 2 WHERE false))", "1,1", "1,2", "1,3", "1,", "2,")]
    // A duplicate row matches once: the join adds no row.
    [InlineData("(u.y IN (VALUES 3, 3, 1))", "1,1", "1,3", "2,")]
    // An expression of the relation's columns.
    [InlineData("(u.y * 2 IN (SELECT 4 UNION ALL SELECT NULL))", "1,2", "2,")]
    public async Task An_in_of_the_relations_column_has_trinos_null_semantics(string condition, params string[] rows)
    {
        var answer = await Server.Alice.RunCsvAsync(
            "SELECT t.x, u.y FROM (VALUES 1, 2) AS t(x) LEFT JOIN (VALUES 1, 2, 3, NULL) AS u(y) ON t.x = 1 AND " + condition + " ORDER BY 1, 2 NULLS LAST");
        Assert.Equal(["x,y", .. rows], answer);
    }

    [Fact]
    public async Task A_hashed_in_keeps_a_bare_stars_columns_and_trinos_type_refusal()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT * FROM (VALUES 1, 2) AS t(x) FULL JOIN (VALUES 2, 5) AS u(y) ON t.x = u.y OR u.y IN (SELECT 5) ORDER BY 1, 2");
        Assert.Equal(["x,y", "1,5", "2,2", "2,5"], rows);
        Assert.Equal("value and result of subquery must be of the same type for IN expression: integer vs varchar", await Server.Alice.RunToFailureAsync(
            "SELECT t.x FROM (VALUES 1, 2) AS t(x) LEFT JOIN (VALUES 1) AS u(y) ON t.x = u.y OR u.y IN (SELECT CAST('a' AS varchar))"));
    }

    [Theory]
    [InlineData("SELECT a FROM (SELECT 1 a, 2 a)", "Column 'a' is ambiguous", 8)]
    [InlineData("SELECT t.a FROM (SELECT 1 AS a, 2 AS A) AS t", "Column 't.a' is ambiguous", 8)]
    [InlineData("WITH w AS (SELECT 1 AS a, 2 AS a) SELECT 1 AS b FROM w WHERE a > 0", "Column 'a' is ambiguous", 62)]
    [InlineData("SELECT x + a FROM (SELECT 1 AS x, 2 AS a, 3 AS a)", "Column 'a' is ambiguous", 12)]
    public async Task A_name_a_subquery_gives_twice_is_ambiguous(string sql, string message, int column)
    {
        Assert.Equal((message, 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Theory]
    // A star is no reference (Trino returns both columns); a USING join's column is one column; an implicit alias named like the column is no reference.
    [InlineData("SELECT count(*) AS n FROM (SELECT * FROM (SELECT 1 a, 2 a))", "n", "1")]
    [InlineData("SELECT a FROM (SELECT * FROM (VALUES 1) AS x(a) JOIN (VALUES 1) AS y(a) USING (a))", "a", "1")]
    [InlineData("SELECT 5 a FROM (SELECT 1 a, 2 a)", "a", "5")]
    public async Task A_name_given_twice_answers_where_nothing_reads_it(string sql, string header, string row)
    {
        Assert.Equal([header, row], await Server.Alice.RunCsvAsync(sql));
    }
}
