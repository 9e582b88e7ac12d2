using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 234 (dune-messages2): the refusals the sweep (<see cref="DuneMessagesSweepTests"/>) still found in DuckDB's
/// words, each now Trino's message (JsonOperators, JsonToArrayCast/JsonToMapCast, DuplicateMapKeyException,
/// StatementAnalyzer, ExpressionAnalyzer, DateTimeFunctions, ConcatFunction, ANTLR's lexer and Trino's parser), at Trino's
/// place where Trino gives one. The marker is the text the position points at (its first occurrence); null where the
/// refusal comes while running (no position is asserted).
/// </summary>
public sealed class DuneMessages2Tests : IDisposable
{
    private const string T = "(VALUES (1, 10, 'a')) t(x, y, s)";

    private readonly DemoEngineFixture fixture = new("strata-dune-messages2-", "CREATE SCHEMA ethereum; CREATE TABLE ethereum.blocks AS SELECT 1::BIGINT AS number");

    public void Dispose() => fixture.Dispose();

    private ExecutionError Fail(string sql)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, []);
        var e = Assert.Throws<QueryFailedException>(() => fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None));
        return e.Error;
    }

    [Theory]
    // StatementAnalyzer and ExpressionAnalyzer, read from the user's text.
    [InlineData("SELECT q.* FROM " + T, "Unable to resolve reference q", "q.*")]
    [InlineData("SELECT x FROM " + T + " JOIN (VALUES (1, 2)) b(x, z) USING (nosuch)", "Column 'nosuch' is missing from left side of join", "nosuch")]
    [InlineData("SELECT CAST(ROW(1, 2) AS ROW(a integer))", "Cannot cast row(integer, integer) to row(a integer)", "CAST")]
    [InlineData("SELECT * FROM UNNEST(1)", "Cannot unnest type: integer", "UNNEST")]
    [InlineData("SELECT * FROM UNNEST('abc')", "Cannot unnest type: varchar(3)", "UNNEST")]
    // ExpressionAnalyzer's coerceToSingleType, at the first value of another kind.
    [InlineData("SELECT CASE x WHEN 1 THEN 'ab' WHEN 2 THEN 3 END FROM " + T, "All CASE results must be the same type: varchar(2)", "3 END")]
    [InlineData("SELECT CASE WHEN x = 1 THEN DATE '2024-01-01' ELSE 1 END FROM " + T, "All CASE results must be the same type: date", "1 END")]
    [InlineData("SELECT ARRAY[1, DATE '2024-01-01']", "All ARRAY elements must be the same type: integer", "DATE")]
    [InlineData("SELECT ARRAY['a', ARRAY['b']]", "All ARRAY elements must be the same type: varchar(1)", "ARRAY['b']")]
    [InlineData("SELECT * FROM (VALUES (1, 'a'), ('b', 2)) t(a, b)", "Values rows have mismatched types: row(integer, varchar(1)) vs row(varchar(1), integer)", "VALUES")]
    [InlineData("SELECT CAST('a' AS array(varchar))", "Cannot cast varchar(1) to array(varchar)", "CAST")]
    // Operands and arguments of the wrong types: a literal's type as Trino's analyzer gives it (varchar(n)).
    [InlineData("SELECT 'a' + 1", "Cannot apply operator: varchar(1) + integer", "+")]
    [InlineData("SELECT 'abc' - 1", "Cannot apply operator: varchar(3) - integer", "-")]
    [InlineData("SELECT date_diff('day', 'x', DATE '2024-01-01')", "Unexpected parameters (varchar(3), varchar(1), date) for function date_diff", "date_diff")]
    [InlineData("SELECT substr(123, 1, 2)", "Unexpected parameters (integer, integer, integer) for function substr", "substr")]
    [InlineData("SELECT cardinality('abc')", "Unexpected parameters (varchar(3)) for function cardinality", "cardinality")]
    [InlineData("SELECT contains('abc', 'a')", "Unexpected parameters (varchar(3), varchar(1)) for function contains", "contains")]
    [InlineData("SELECT split_part('a,b', ',')", "Unexpected parameters (varchar(3), varchar(1)) for function split_part", "split_part")]
    [InlineData("SELECT least(DATE '2024-01-01', 1)", "Unexpected parameters (date, integer) for function least", "least")]
    // Window functions where Trino takes none.
    [InlineData("SELECT x FROM " + T + " GROUP BY x HAVING rank() OVER () > 1", "HAVING clause cannot contain window functions or row pattern measures", "rank")]
    [InlineData("SELECT x FROM " + T + " WHERE sum(x) OVER () > 1", "WHERE clause cannot contain aggregations, window functions or grouping operations: [sum(x) OVER ()]", ">")]
    public void A_refusal_is_in_trinos_words_at_trinos_place(string sql, string message, string marker)
    {
        var error = Fail(sql);
        Assert.Equal(message, error.Message);
        Assert.Equal((1, sql.IndexOf(marker, StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Theory]
    // ANTLR's lexer (Trino's LEXER_ERROR_LISTENER): the unterminated token from its quote to the end; Trino's parser at a
    // token after count's star.
    [InlineData("SELECT 'unterminated", "token recognition error at: ''unterminated'", "'unterminated")]
    [InlineData("SELECT \"unterminated", "token recognition error at: '\"unterminated'", "\"unterminated")]
    [InlineData("SELECT x FROM (VALUES 1) t(x) WHERE x = 'a\nb", "token recognition error at: ''a\\nb'", "'a")]
    [InlineData("SELECT count(*, x) FROM " + T, "mismatched input ','", ", x")]
    public void A_lexical_or_grammar_error_is_trinos_syntax_error(string sql, string message, string marker)
    {
        var error = Fail(sql);
        Assert.Equal((ExecutionError.SyntaxError, message), (error.Type, error.Message));
        Assert.Equal((1, sql.IndexOf(marker, StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Theory]
    // JsonOperators: a JSON value of another kind named whole, the type lower case; a JSON string in VarcharOperators' words.
    [InlineData("""SELECT CAST(json_parse('{"a": 1}') AS integer)""", """Cannot cast '{"a":1}' to integer""")]
    [InlineData("""SELECT CAST(json_parse('{"a": 1}') AS bigint)""", """Cannot cast '{"a":1}' to bigint""")]
    [InlineData("SELECT CAST(json_parse('[1, 2]') AS double)", "Cannot cast '[1,2]' to double")]
    [InlineData("""SELECT CAST(json_parse('"x"') AS integer)""", "Cannot cast 'x' to INT")]
    [InlineData("""SELECT CAST(json_parse('"x"') AS bigint)""", "Cannot cast 'x' to BIGINT")]
    // JsonToArrayCast / JsonToMapCast: the first token, then the JSON on its own line.
    [InlineData("""SELECT CAST(json_parse('{"a": 1}') AS array(integer))""", "Cannot cast to array(integer). Expected a json array, but got {\n{\"a\":1}")]
    [InlineData("SELECT CAST(json_parse('[1, 2]') AS map(varchar, integer))", "Cannot cast to map(varchar, integer). Expected a json object, but got [\n[1,2]")]
    // MapConstructor: the first key repeated, a string without its quotes.
    [InlineData("SELECT MAP(ARRAY[1, 1], ARRAY[2, 3])", "Duplicate map keys (1) are not allowed")]
    [InlineData("SELECT MAP(ARRAY['a', 'b', 'a'], ARRAY[1, 2, 3])", "Duplicate map keys (a) are not allowed")]
    // DateTimeFunctions' unit checks (the unit lower case, the type by getDateField's / getTimestampField's word).
    [InlineData("SELECT date_add('foo', 1, DATE '2024-01-01')", "'foo' is not a valid DATE field")]
    [InlineData("SELECT date_add('Weeks', 1, TIMESTAMP '2024-01-01 00:00:00')", "'weeks' is not a valid Timestamp field")]
    // Trino's own words, without DuckDB's type in front.
    [InlineData("SELECT concat('a')", "There must be two or more concatenation arguments")]
    [InlineData("SELECT 1 UNION SELECT 'a'", "column 1 in UNION query has incompatible types: integer, varchar(1)")]
    [InlineData("SELECT ROW(1, 2)[3]", "Subscript index out of bounds: 3, max value is 2")]
    [InlineData("SELECT ROW(1, 2).x", "Column 'null' cannot be resolved")]
    public void A_value_refused_is_in_trinos_words(string sql, string message)
    {
        Assert.Equal(message, Fail(sql).Message);
    }

    /// <summary>date_add's unit check lets Trino's units through in any case, and a NULL unit gives NULL: a wrong value
    /// divides by zero, which fails the query.</summary>
    [Fact]
    public void A_valid_unit_of_date_add_still_adds()
    {
        const string sql = "SELECT CASE WHEN date_add('DAY', 2, DATE '2024-01-01') = DATE '2024-01-03' "
            + "AND date_add('hour', 3, TIMESTAMP '2024-01-01 00:00:00') = TIMESTAMP '2024-01-01 03:00:00' "
            + "AND date_add(NULL, 2, DATE '2024-01-01') IS NULL THEN 1 ELSE 1 / 0 END AS ok";
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, []);
        var outcome = fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
        Assert.Equal(1, outcome.RowCount);
    }
}
