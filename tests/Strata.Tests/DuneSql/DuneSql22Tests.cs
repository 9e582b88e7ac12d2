namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 360 (docs/notes/dune-sql22.md): small gaps of the DuneSQL translation.
/// <list type="bullet">
/// <item>A field read from an array element that is no row (<c>x[1].f</c>): Trino's ExpressionAnalyzer.visitDereferenceExpression
/// refuses the base, "Expression x[1] is not of type ROW" (the base printed by ExpressionFormatter); Strata printed its
/// subscript template's SQL.</item>
/// <item>Decision 347's ambiguity check (a name a FROM subquery gives twice): a lambda parameter's field <c>d.a</c> and a ROW
/// type's field named <c>a</c> are no reference to the subquery's column.</item>
/// <item>A WITH query named like a DuckDB table function (<c>range</c>, <c>query</c>): Trino takes any identifier.</item>
/// </list>
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSql22Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string Doubled = " FROM (SELECT 1 AS a, 2 AS a) d";

    [Theory]
    [InlineData("SELECT x[1].f FROM (VALUES ARRAY[1, 2]) t(x)", "Expression x[1] is not of type ROW")]
    [InlineData("SELECT t.x[2].f FROM (VALUES ARRAY['a', 'b']) t(x)", "Expression x[2] is not of type ROW")]
    // A base whose print is still the translator's (a subscript of a subscript): named by the field, never by internal SQL.
    [InlineData("SELECT x[1][1].f FROM (VALUES ARRAY[ARRAY[1]]) t(x)", "Expression before .f is not of type ROW")]
    public async Task A_field_of_an_array_element_that_is_no_row_is_refused_at_its_base(string sql, string message)
    {
        Assert.Equal(message, await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    // d is the lambda's parameter (its scope is the innermost, decision 347): d.a is the row's field 5.
    [InlineData("SELECT transform(ARRAY[CAST(ROW(5) AS ROW(a integer))], d -> d.a + 1)[1] AS v" + Doubled, "6")]
    // A ROW type's field named a, at the top and nested in a ROW or an ARRAY type.
    [InlineData("SELECT CAST(ROW(3) AS ROW(a integer)).a AS v" + Doubled, "3")]
    [InlineData("SELECT CAST(ROW(ROW(3)) AS ROW(b ROW(a integer))).b.a AS v" + Doubled, "3")]
    [InlineData("SELECT CAST(ARRAY[ROW(3)] AS ARRAY(ROW(a integer)))[1].a AS v" + Doubled, "3")]
    public async Task A_field_named_like_a_doubled_column_is_no_ambiguous_reference(string sql, string value)
    {
        Assert.Equal(["v", value], await Server.Alice.RunCsvAsync(sql));
    }

    [Theory]
    [InlineData("SELECT d.a" + Doubled, "Column 'd.a' is ambiguous")]
    [InlineData("SELECT CAST(ROW(3) AS ROW(a integer)).a + a AS v" + Doubled, "Column 'a' is ambiguous")]
    public async Task The_doubled_column_itself_stays_ambiguous(string sql, string message)
    {
        Assert.Equal(message, await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    [InlineData("WITH range(x) AS (VALUES 1, 2) SELECT * FROM range ORDER BY x", "x", "1", "2")]
    [InlineData("WITH range(start, stop) AS (VALUES (1, 3)) SELECT r.start, r.stop FROM range r", "start,stop", "1,3")]
    [InlineData("WITH RECURSIVE range(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM range WHERE x < 3) SELECT * FROM range ORDER BY x", "x", "1", "2", "3")]
    // query and query_table are DuckDB table functions the sandbox refuses: a CTE of the name is no call of them.
    [InlineData("WITH query(x) AS (VALUES 1) SELECT x FROM query", "x", "1")]
    [InlineData("WITH query_table(x) AS (VALUES 1) SELECT q.x FROM query_table q", "x", "1")]
    public async Task A_with_query_named_like_a_duckdb_table_function_is_the_query(string sql, params string[] rows)
    {
        Assert.Equal(rows, await Server.Alice.RunCsvAsync(sql));
    }

    [Theory]
    // Without a CTE of their names these stay refused: a system view, and the function itself.
    [InlineData("SELECT * FROM (WITH duckdb_settings(x) AS (VALUES 1) SELECT x FROM duckdb_settings)", "duckdb_settings")]
    [InlineData("WITH query(x) AS (VALUES 1) SELECT * FROM query('SELECT 1')", "query")]
    public async Task A_refused_name_stays_refused_beside_a_cte_of_its_name(string sql, string name)
    {
        Assert.Equal($"{name} is not available in queries: it describes the server, not the data.", await Server.Alice.RunToFailureAsync(sql));
    }
}
