using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 226 (dune-messages): bad DuneSQL fails in Trino's words, at Trino's place, where DuckDB's binder, parser or
/// functions had their own (each message as Trino's analyzer, operators and functions word it: TestAnalyzer,
/// AggregationAnalyzer, StatementAnalyzer, ExpressionAnalyzer, ShowQueriesRewrite, JsonFunctions, JsonOperators,
/// DecimalCasts, MathFunctions, StringFunctions, MapConstructor, NTileFunction). The marker is the text the position points
/// at (its first occurrence).
/// </summary>
public sealed class DuneMessagesTests : IDisposable
{
    private const string T = "(VALUES (1, 12, 1.4)) t(x, y, p)";

    private readonly DemoEngineFixture fixture = new("strata-dune-messages-", "CREATE SCHEMA ethereum; CREATE TABLE ethereum.blocks AS SELECT 1::BIGINT AS number");

    public void Dispose() => fixture.Dispose();

    private ExecutionError Fail(string sql)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, []);
        var e = Assert.Throws<QueryFailedException>(() => fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None));
        return e.Error;
    }

    [Theory]
    // AggregationAnalyzer: the aggregation at its name, the nested calls in ExpressionFormatter's text (a window's ORDER BY
    // key with its ASC); DuckDB said "Binder Error: aggregate function calls cannot contain window function calls".
    [InlineData("SELECT avg(abs(p - lag(p) OVER (ORDER BY x))) FROM " + T,
        "Cannot nest window functions or row pattern measures inside aggregation 'avg': [lag(p) OVER (ORDER BY x ASC)]", "avg")]
    [InlineData("SELECT y, AVG(abs(p - LAG(p) OVER (PARTITION BY y ORDER BY x DESC ROWS 2 PRECEDING)) / lag(p) OVER (ORDER BY x)) FROM " + T + " GROUP BY y",
        "Cannot nest window functions or row pattern measures inside aggregation 'avg': [LAG(p) OVER (PARTITION BY y ORDER BY x DESC ROWS 2 PRECEDING), lag(p) OVER (ORDER BY x ASC)]", "AVG")]
    [InlineData("SELECT sum(count(*)) FROM " + T, "Cannot nest aggregations inside aggregation 'sum': [count(*)]", "sum")]
    [InlineData("SELECT y, max(avg(x + 1)) FROM " + T + " GROUP BY y", "Cannot nest aggregations inside aggregation 'max': [avg((x + 1))]", "max")]
    // StatementAnalyzer: WHERE's predicate at its root (a comparison's operator), GROUP BY's expression; aggregations first.
    [InlineData("SELECT x FROM " + T + " WHERE count(*) > 1", "WHERE clause cannot contain aggregations, window functions or grouping operations: [count(*)]", ">")]
    [InlineData("SELECT x FROM " + T + " WHERE row_number() OVER (ORDER BY x) = 1",
        "WHERE clause cannot contain aggregations, window functions or grouping operations: [row_number() OVER (ORDER BY x ASC)]", "=")]
    [InlineData("SELECT x FROM " + T + " GROUP BY sum(x)", "GROUP BY clause cannot contain aggregations, window functions or grouping operations: [sum(x)]", "sum")]
    [InlineData("SELECT x FROM " + T + " GROUP BY 5", "GROUP BY position 5 is not in select list", "5")]
    [InlineData("SELECT x, y FROM " + T + " GROUP BY 1, 0", "GROUP BY position 0 is not in select list", "0")]
    [InlineData("SELECT x FROM " + T + " ORDER BY 3", "ORDER BY position 3 is not in select list", "3")]
    [InlineData("SELECT x FROM " + T + " HAVING x > 1", "'x' must be an aggregate expression or appear in GROUP BY clause", "x")]
    [InlineData("SELECT count(*) FROM " + T + " HAVING y > 1", "'y' must be an aggregate expression or appear in GROUP BY clause", "y >")]
    // ExpressionAnalyzer's window frames, at ROWS/RANGE (a RANGE offset's sort items at its ORDER BY).
    [InlineData("SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM " + T, "Window frame starting from FOLLOWING cannot end with CURRENT ROW", "ROWS")]
    [InlineData("SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM " + T, "Window frame starting from FOLLOWING cannot end with PRECEDING", "ROWS")]
    [InlineData("SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM " + T, "Window frame start cannot be UNBOUNDED FOLLOWING", "ROWS")]
    [InlineData("SELECT sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM " + T, "Window frame end cannot be UNBOUNDED PRECEDING", "ROWS")]
    [InlineData("SELECT sum(x) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM " + T, "Window frame of type RANGE PRECEDING or FOLLOWING requires ORDER BY", "RANGE")]
    [InlineData("SELECT sum(x) OVER (ORDER BY x, y RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM " + T,
        "Window frame of type RANGE PRECEDING or FOLLOWING requires single sort item in ORDER BY (actual: 2)", "ORDER")]
    // ExpressionAnalyzer's literals, at the literal (decision 223 did 'infinity'; DuckDB's cast words before).
    [InlineData("SELECT DATE '2024-13-01'", "'2024-13-01' is not a valid date literal", "DATE")]
    [InlineData("SELECT 1, TIMESTAMP '2024-01-01 25:00:00'", "'2024-01-01 25:00:00' is not a valid timestamp literal", "TIMESTAMP")]
    [InlineData("SELECT TIME '25:00:00'", "'25:00:00' is not a valid time literal", "TIME")]
    [InlineData("SELECT JSON '{bad'", "'{bad' is not a valid json literal", "JSON")]
    // ShowQueriesRewrite: an unknown catalog, else the schema by its name, at the statement.
    [InlineData("SHOW TABLES FROM dune.your_team", "Schema 'your_team' does not exist", "SHOW")]
    [InlineData("SHOW TABLES FROM nosuchschema", "Schema 'nosuchschema' does not exist", "SHOW")]
    [InlineData("SHOW TABLES FROM nosuchcatalog.s", "Catalog 'nosuchcatalog' not found", "SHOW")]
    public void A_refusal_is_in_trinos_words_at_trinos_place(string sql, string message, string marker)
    {
        var error = Fail(sql);
        Assert.Equal(message, error.Message);
        Assert.Equal((1, sql.IndexOf(marker, StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Theory]
    // Trino's grammar takes an integer (or ALL) after LIMIT and OFFSET; DuckDB refused a negative one in its binder's words
    // and rounded a decimal one.
    [InlineData("SELECT x FROM " + T + " LIMIT -1", "mismatched input '-'", "-1")]
    [InlineData("SELECT x FROM " + T + " LIMIT 1.5", "mismatched input '1.5'", "1.5")]
    [InlineData("SELECT x FROM " + T + " OFFSET -1", "mismatched input '-'", "-1")]
    [InlineData("SELECT x FROM " + T + " ORDER BY x OFFSET 1.5 ROWS", "mismatched input '1.5'", "1.5 ROWS")]
    [InlineData("SELECT x FROM " + T + " LIMIT '2'", "mismatched input ''2''", "'2'")]
    // DuckDB's parser: "SELECT clause without selection list"; Trino's stops at the token where the list should begin.
    [InlineData("SELECT FROM " + T, "mismatched input 'FROM'", "FROM")]
    public void A_limit_or_offset_that_is_no_integer_is_a_syntax_error_at_it(string sql, string message, string marker)
    {
        var error = Fail(sql);
        Assert.Equal((ExecutionError.SyntaxError, message), (error.Type, error.Message));
        Assert.Equal((1, sql.IndexOf(marker, StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Theory]
    // Values Strata's functions refuse while running: Trino's function and operator words, without DuckDB's type.
    [InlineData("""SELECT json_parse('{"a": 1,')""", """Cannot convert value to JSON: '{"a": 1,'""")]
    // Trino names the whole text (DuckDB cut it at 50 characters and an ellipsis).
    [InlineData("SELECT json_parse('not json at all and a long text that goes on past fifty characters')",
        "Cannot convert value to JSON: 'not json at all and a long text that goes on past fifty characters'")]
    [InlineData("""SELECT CAST(json_parse('{"a": [1, 2]}') AS varchar)""", """Cannot cast '{"a":[1,2]}' to varchar""")]
    [InlineData("SELECT ARRAY[1, 2, 3][5]", "Array subscript must be less than or equal to array length: 5 > 3")]
    [InlineData("SELECT element_at(ARRAY[1, 2, 3], 0)", "SQL array indices start at 1")]
    [InlineData("SELECT MAP(ARRAY['a'], ARRAY[1])['k']", "Key not present in map: k")]
    [InlineData("SELECT MAP(ARRAY[1], ARRAY[1, 2])", "Key and value arrays must be the same length")]
    [InlineData("SELECT sequence(1, 100000000)", "result of sequence function must not have more than 10000 entries")]
    [InlineData("SELECT sequence(1, 10, 0)", "step must not be zero")]
    [InlineData("SELECT 1 / 0", "Division by zero")]
    [InlineData("SELECT 9223372036854775807 + 1", "bigint addition overflow: 9223372036854775807 + 1")]
    [InlineData("SELECT CAST(65536 AS integer) * CAST(65536 AS integer)", "integer multiplication overflow: 65536 * 65536")]
    [InlineData("SELECT abs(-9223372036854775807 - 1)", "Value -9223372036854775808 is out of range for abs(bigint)")]
    [InlineData("SELECT cast('abc' as integer)", "Cannot cast 'abc' to INT")]
    [InlineData("SELECT cast('abc' as decimal(10, 2))", "Cannot cast VARCHAR 'abc' to DECIMAL(10, 2). Value is not a number.")]
    [InlineData("SELECT CAST('2024-13-01' AS date)", "Value cannot be cast to date: 2024-13-01")]
    [InlineData("SELECT CAST('25:00:00' AS time)", "Value cannot be cast to time: 25:00:00")]
    [InlineData("SELECT ntile(0) OVER (ORDER BY x) FROM " + T, "Buckets must be greater than 0")]
    [InlineData("SELECT chr(-1)", "Not a valid Unicode code point: -1")]
    [InlineData("SELECT lpad('a', -1, 'b')", "Target length must be in the range [0..2147483647]")]
    [InlineData("SELECT from_base('zz', 16)", "Not a valid base-16 number: zz")]
    [InlineData("SELECT repeat('a', -1)", "count argument of repeat function must be greater than or equal to 0")]
    [InlineData("SELECT x FROM (VALUES 1) t(x) UNION SELECT x, x FROM (VALUES 1) t(x)", "UNION query has different number of fields: 1, 2")]
    [InlineData("SELECT 1 IN (SELECT 1, 2)", "Multiple columns returned by subquery are not yet supported. Found 2")]
    [InlineData("SELECT * FROM (VALUES 1) t(x, y)", "Column alias list has 2 entries but 't' has 1 columns available")]
    [InlineData("WITH a AS (SELECT 1 AS x), a AS (SELECT 2 AS x) SELECT * FROM a", "WITH query name 'a' specified more than once")]
    // VarbinaryFunctions.fromHexVarchar, after Dune's optional 0x: DuckDB's unhex read 'abc' as 0x0abc and 'zz' in its words.
    [InlineData("SELECT from_hex('abc')", "invalid input length 3")]
    [InlineData("SELECT from_hex('0x0ab')", "invalid input length 3")]
    [InlineData("SELECT from_hex('0xzz')", "invalid hex character: z")]
    [InlineData("SELECT from_hex(h) FROM (VALUES '00ff', '12g4') t(h)", "invalid hex character: g")]
    public void A_value_refused_while_running_is_in_trinos_words(string sql, string message)
    {
        Assert.Equal(message, Fail(sql).Message);
    }

    /// <summary>Bare parentheses make no DuckDB expression node, so neither DuckDB's depth limit nor the translator's stops
    /// them; the reader recursed through them. On a 1 MiB thread (less than a worker's) 100,000 of them are read as
    /// nothing, not a stack overflow that would end the worker.</summary>
    [Fact]
    public void The_expression_reader_survives_deep_parentheses()
    {
        string sql = "SELECT x FROM t WHERE " + new string('(', 100_000) + "count(*) > 1" + new string(')', 100_000);
        var tokens = DuneLexer.NonTrivia(sql);
        object? read = "unset";
        var thread = new Thread(() => read = TrinoExpressionText.Read(sql, tokens, 5), 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(read);
    }

    [Fact]
    public void The_expression_reader_writes_trinos_forms()
    {
        const string sql = "SELECT -x * (y + 2) || 'a', CAST(p AS decimal(10, 2)), count(DISTINCT x) FILTER (WHERE x IS NOT NULL AND NOT y = 1.5)";
        var tokens = DuneLexer.NonTrivia(sql);
        var texts = new List<string>();
        for (int k = 1; k < tokens.Count && TrinoExpressionText.Read(sql, tokens, k) is { } read; k = read.End + 1)
        {
            texts.Add(read.Expression.Text);
        }
        Assert.Equal(["concat((-(x) * (y + 2)), 'a')", "CAST(p AS decimal(10, 2))",
            "count(DISTINCT x) FILTER (WHERE ((x IS NOT NULL) AND (NOT (y = DECIMAL '1.5'))))"], texts);
    }
}
