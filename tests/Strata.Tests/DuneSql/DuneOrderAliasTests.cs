namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 283: a name in an ORDER BY expression is the select item of that alias (Trino's StatementAnalyzer rewrites ORDER
/// BY items with the aliased select expressions before it reads the FROM clause), written from Trino's select.md ("ORDER BY
/// … each expression may be composed of output columns") and the rewrite's rule, not from Strata's output.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneOrderAliasTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string Dates = "(VALUES DATE '2024-01-01', DATE '2024-02-01', DATE '2023-12-31') AS t(d)";

    [Theory]
    // Translations that hold error() (a cast to varchar, date_add) were refused by DuckDB as "side effects".
    [InlineData($"SELECT CAST(d AS varchar) AS x FROM {Dates} ORDER BY length(x), x DESC", "x", "2024-02-01", "2024-01-01", "2023-12-31")]
    [InlineData($"SELECT date_add('day', 1, d) AS x FROM {Dates} ORDER BY year(x) DESC, day_of_year(x) DESC", "x", "2024-02-02", "2024-01-02", "2024-01-01")]
    [InlineData($"SELECT date_add('month', 1, d) AS x FROM {Dates} ORDER BY -year(x) NULLS LAST, x DESC", "x", "2024-03-01", "2024-02-01", "2024-01-31")]
    // The alias comes before a FROM column of the same name inside an expression; a qualified name is the column.
    [InlineData("SELECT -a AS a FROM (VALUES 1, 2, 3) AS t(a) ORDER BY a + 0", "a", "-3", "-2", "-1")]
    [InlineData("SELECT -a AS a FROM (VALUES 1, 2, 3) AS t(a) ORDER BY t.a + 0", "a", "-1", "-2", "-3")]
    [InlineData("SELECT -a AS a FROM (VALUES 1, 2, 3) AS t(a) ORDER BY a", "a", "-3", "-2", "-1")]
    // An interval's unit, a cast's type and extract's field are not names, even where an alias is called so.
    [InlineData("SELECT d AS day FROM (VALUES DATE '2024-01-02', DATE '2024-01-01', DATE '2023-06-01') AS t(d) ORDER BY day + INTERVAL '1' day DESC",
        "day", "2024-01-02", "2024-01-01", "2023-06-01")]
    [InlineData("SELECT -a AS varchar FROM (VALUES 1, 2, 3) AS t(a) ORDER BY length(CAST(varchar AS varchar)), varchar", "varchar", "-3", "-2", "-1")]
    [InlineData("SELECT d AS month FROM (VALUES DATE '2024-03-05', DATE '2024-01-07', DATE '2024-02-06') AS t(d) ORDER BY extract(month FROM month)",
        "month", "2024-01-07", "2024-02-06", "2024-03-05")]
    public async Task An_order_by_expression_reads_the_alias(string sql, string header, string first, string second, string third)
    {
        Assert.Equal([header, first, second, third], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task An_alias_keeps_the_operators_translation()
    {
        // Review of 283: a double divided by zero is Infinity (first when descending), as Trino's; DuckDB's / gives NULL.
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT k, x AS vol, y AS cnt FROM (VALUES (1, 1e0, 0e0), (5, 5e0, 1e0), (2, 2e0, 1e0)) AS t(k, x, y) ORDER BY vol / cnt DESC");
        Assert.Equal(["1", "5", "2"], rows.Skip(1).Select(r => r.Split(',')[0]));
        // A decimal divided by zero and a subscript past the array's end fail as Trino's do.
        Assert.Contains("Division by zero", await Server.Alice.RunToFailureAsync("SELECT x AS v FROM (VALUES 3.0, 1.5) AS t(x) ORDER BY v / 0"), StringComparison.Ordinal);
        Assert.Contains("Array subscript must be less than or equal to array length: 2 > 1",
            await Server.Alice.RunToFailureAsync("SELECT x AS b FROM (VALUES (ARRAY[3, 1]), (ARRAY[2])) AS t(x) ORDER BY b[2]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grouped_and_set_operation_orders_are_unchanged()
    {
        Assert.Equal(["x,n", "2023-12-31,1", "2024-01-01,1", "2024-02-01,1"],
            await Server.Alice.RunCsvAsync($"SELECT CAST(d AS varchar) AS x, count(*) AS n FROM {Dates} GROUP BY 1 ORDER BY length(x), x"));
        Assert.Equal(["a", "3", "2", "1"], await Server.Alice.RunCsvAsync("SELECT 1 AS a UNION ALL SELECT 3 UNION ALL SELECT 2 ORDER BY -a + 0"));
        // A correlated name inside a subquery of the ORDER BY is that subquery's own.
        Assert.Equal(["a", "-2", "-1"], await Server.Alice.RunCsvAsync(
            "SELECT -a AS a FROM (VALUES 2, 1) AS t(a) ORDER BY (SELECT max(a) FROM (VALUES 5) AS u(a)) * a"));
    }

    [Theory]
    // A quoted name left open runs to the end of the text: refused by the lexer as Trino's is, in any place a name is read.
    [InlineData("SELECT 1 AS \"", "'\"'")]
    [InlineData("SELECT 1 AS x ORDER BY \"", "'\"'")]
    [InlineData("SELECT 1 AS \"x ORDER BY x", "'\"x ORDER BY x'")]
    [InlineData("SELECT a FROM (VALUES 1) AS t(a) GROUP BY \"", "'\"'")]
    public async Task An_unterminated_quoted_name_is_a_syntax_error(string sql, string token)
    {
        Assert.Equal($"token recognition error at: {token}", await Server.Alice.RunToFailureAsync(sql));
    }
}
