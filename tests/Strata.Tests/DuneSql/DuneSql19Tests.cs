namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 342 (docs/notes/dune-sql19.md): what the reviews of 337 and 338 left (decision 340's Left).
/// <list type="bullet">
/// <item>A field read on a lambda parameter: Trino's ExpressionAnalyzer.visitDereferenceExpression refuses a base that is
/// no row ("Expression x is not of type ROW", at the base) and a field the row lacks (missingAttributeException,
/// SemanticExceptions' "Column 'x.w' cannot be resolved", at the dereference); it matches a field's name ignoring case
/// (<c>equalsIgnoreCase</c>).</item>
/// <item>The relations that make <c>r.v</c> a relation's column are those of the lambda's scope (Scope.resolveField walks the
/// lambda's query and the queries it is a subquery of), not the statement's.</item>
/// <item>An outer join's ON subquery: visitSubqueryExpression's "Multiple columns returned by subquery are not yet
/// supported. Found 2" at the subquery; visitInPredicate's "value and result of subquery must be of the same type for IN
/// expression: integer vs varchar".</item>
/// </list>
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSql19Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("SELECT transform(ARRAY[1, 2], x -> x.v)", "Expression x is not of type ROW", 36)]
    [InlineData("SELECT a FROM (VALUES (1, 1), (2, 7)) AS t(a, b) GROUP BY a HAVING cardinality(transform(array_agg(b), x -> x.v)) > 0",
        "Expression x is not of type ROW", 109)]
    // The base printed as written in the body (ExpressionFormatter: an identifier's own text), whatever the spaces.
    [InlineData("SELECT transform(ARRAY['a'], X -> x . V)", "Expression x is not of type ROW", 35)]
    // No field w in row(v integer): the dereference's qualified name.
    [InlineData("SELECT transform(ARRAY[CAST(ROW(1) AS ROW(v integer))], r -> r.w)", "Column 'r.w' cannot be resolved", 62)]
    public async Task A_field_of_a_lambda_parameter_that_is_no_row_or_lacks_the_field_is_trinos_refusal(string sql, string message, int column)
    {
        Assert.Equal((message, 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Theory]
    // A map is no row; a row's field that is no row; a row of unnamed fields has no field v.
    [InlineData("SELECT transform(ARRAY[map(ARRAY['v'], ARRAY[1])], m -> m.v)", "Expression m is not of type ROW")]
    [InlineData("SELECT transform(ARRAY[CAST(ROW(1) AS ROW(v integer))], r -> r.v.w)", "Expression r.v is not of type ROW")]
    [InlineData("SELECT transform(ARRAY[ROW(1, 2)], r -> r.v)", "Column 'r.v' cannot be resolved")]
    [InlineData("SELECT transform(ARRAY[CAST(ROW(ROW(1)) AS ROW(v ROW(a integer)))], r -> r.v.w)", "Column 'r.v.w' cannot be resolved")]
    public async Task Other_bases_and_fields_are_refused_in_trinos_words(string sql, string message)
    {
        Assert.Equal(message, await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    // Field names match ignoring case; a field of a field; a subscript after the field (array.mdx: 1-based).
    [InlineData("SELECT transform(ARRAY[CAST(ROW(7) AS ROW(v integer))], r -> r.V)[1] AS d", "7")]
    [InlineData("SELECT transform(ARRAY[CAST(ROW(ROW(5)) AS ROW(v ROW(w integer)))], r -> r.v.W)[1] AS d", "5")]
    [InlineData("SELECT transform(ARRAY[CAST(ROW(ARRAY[4, 6]) AS ROW(v array(integer)))], r -> r.v[2])[1] AS d", "6")]
    public async Task A_row_parameters_field_answers(string sql, string expected)
    {
        Assert.Equal(["d", expected], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task A_parameter_named_like_a_relation_of_another_query_reads_its_field_in_having()
    {
        // r is a relation of the IN subquery only: in the HAVING's lambda r.v is the parameter's field (group a = 2: 7).
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT a FROM (VALUES (1, 1), (2, 7)) AS t(a, b) GROUP BY a "
            + "HAVING transform(array_agg(CAST(ROW(b) AS ROW(v integer))), r -> r.v)[1] = 7 AND a IN (SELECT v FROM (VALUES 1, 2) AS r(v)) ORDER BY a");
        Assert.Equal(["a", "2"], rows);
    }

    [Fact]
    public async Task A_derived_table_does_not_see_its_siblings_relation()
    {
        // The derived table s is no LATERAL one: r is not in its scope, so r.v is the parameter's field (7).
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT s.d FROM (VALUES 3) AS r(v) CROSS JOIN (SELECT transform(ARRAY[CAST(ROW(7) AS ROW(v integer))], r -> r.v)[1] AS d) AS s");
        Assert.Equal(["d", "7"], rows);
    }

    [Fact]
    public async Task A_two_column_in_subquery_of_an_outer_joins_condition_is_refused()
    {
        Assert.Equal("Multiple columns returned by subquery are not yet supported. Found 2", await Server.Alice.RunToFailureAsync(
            "SELECT t.x, u.y FROM (VALUES 1, 2) AS t(x) LEFT JOIN (VALUES 1) AS u(y) ON t.x = u.y OR t.x IN (SELECT 1, 2)"));
    }

    [Theory]
    [InlineData("SELECT t.x FROM (VALUES 1, 2) AS t(x) LEFT JOIN (VALUES 1) AS u(y) ON t.x = u.y OR t.x IN (SELECT CAST('a' AS varchar))")]
    [InlineData("SELECT t.x FROM (VALUES 1, 2) AS t(x) FULL JOIN (VALUES 1) AS u(y) ON t.x = u.y AND t.x NOT IN (SELECT CAST('a' AS varchar))")]
    [InlineData("SELECT x FROM (VALUES 1, 2) AS t(x) WHERE x IN (SELECT CAST('a' AS varchar))")]
    public async Task An_in_subquery_of_another_type_is_refused_in_trinos_words(string sql)
    {
        Assert.Equal("value and result of subquery must be of the same type for IN expression: integer vs varchar", await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task An_outer_joins_condition_after_a_nested_join_runs_its_subquery()
    {
        // a LEFT JOIN (b LEFT JOIN c ON b.y = c.z) ON a.x = b.y OR a.x = 2: b and c pair (1, 1); a = 1 meets it by b.y, a = 2
        // by the subquery's 2.
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT a.x, b.y, c.z FROM (VALUES 1, 2) AS a(x) LEFT JOIN (VALUES 1) AS b(y) LEFT JOIN (VALUES 1) AS c(z) ON b.y = c.z "
            + "ON a.x = b.y OR a.x = (SELECT 2) ORDER BY 1");
        Assert.Equal(["x,y,z", "1,1,1", "2,1,1"], rows);
    }

    [Fact]
    public async Task A_three_part_table_inside_an_outer_joins_subquery_is_its_own_relation()
    {
        // Inside the EXISTS, transactions is the table delta_prod.ethereum.transactions (the innermost scope), not the outer
        // CTE: no outer reference, so Trino answers. No nonce is negative: EXISTS is false, a = 1 meets u by u.y only.
        var rows = await Server.Alice.RunCsvAsync(
            "WITH transactions AS (SELECT 1 AS nonce) SELECT t.x, u.y FROM (VALUES 1, 2) AS t(x) LEFT JOIN (VALUES 1) AS u(y) ON t.x = u.y OR "
            + "EXISTS (SELECT 1 FROM delta_prod.ethereum.transactions WHERE transactions.nonce < 0) ORDER BY 1");
        Assert.Equal(["x,y", "1,1", "2,"], rows);
    }
}
