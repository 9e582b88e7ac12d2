using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 242 (dune-registry): a call of a function neither Trino (its docs' list of functions) nor Dune (dune-docs'
/// function pages) defines is refused with Trino's <c>Function 'len' not registered</c> at the name, before DuckDB could
/// answer it with its own function of that name; the words of Trino's grammar a parenthesis follows, aliases with
/// columns, named queries' columns, types, special forms and Dune's functions still translate. On main each refused
/// query below translated (DuckDB answered most of them). The refusal of unregistered names is behind a switch
/// (<c>STRATA_DUNESQL_STRICT_FUNCTIONS</c>, or the translator's strictFunctions), asked for explicitly here; the literal
/// type rules always apply.
/// </summary>
public sealed class DuneFunctionRegistryTests : IDisposable
{
    private readonly DemoEngineFixture fixture = new("strata-dune-registry-", "CREATE SCHEMA ethereum; CREATE TABLE ethereum.blocks AS SELECT 1::BIGINT AS number");

    public void Dispose() => fixture.Dispose();

    private static ExecutionError Refused(string sql) =>
        Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql, strictFunctions: true)).Error;

    [Theory]
    [InlineData("SELECT len('abc')", "len")]
    [InlineData("SELECT LEN('abc')", "LEN")]
    [InlineData("SELECT \"len\"('abc')", "\"len\"")]
    [InlineData("SELECT 1 + list_value(1, 2)[1]", "list_value")]
    [InlineData("SELECT string_agg(s, ',') FROM (VALUES 'a') t(s)", "string_agg")]
    [InlineData("SELECT group_concat(s) FROM (VALUES 'a') t(s)", "group_concat")]
    [InlineData("SELECT datediff('day', DATE '2024-01-01', DATE '2024-01-02')", "datediff")]
    [InlineData("SELECT dateadd(day, 1, DATE '2024-01-01')", "dateadd")]
    [InlineData("SELECT ifnull(NULL, 0)", "ifnull")]
    [InlineData("SELECT nvl(NULL, 0)", "nvl")]
    [InlineData("SELECT array_length(ARRAY[1])", "array_length")]
    [InlineData("SELECT getdate()", "getdate")]
    [InlineData("SELECT * FROM range(1, 3)", "range")]
    [InlineData("SELECT * FROM generate_series(1, 3)", "generate_series")]
    [InlineData("SELECT x FROM (VALUES 1) t(x) WHERE x > 0 AND\n  strlen('a') = 1", "strlen")]
    [InlineData("SELECT CASE WHEN true THEN list_sum(ARRAY[1]) END", "list_sum")]
    public void A_call_of_a_function_neither_trino_nor_dune_defines_is_not_registered(string sql, string name)
    {
        var error = Refused(sql);
        string bare = name.Trim('"').ToLowerInvariant();
        Assert.Equal($"Function '{bare}' not registered", error.Message);
        int at = sql.IndexOf(name + "(", StringComparison.Ordinal);
        var (line, column) = ParameterSubstitution.LineColumnOf(sql, at);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("SELECT x, y FROM (VALUES (1, 2)) t(x, y)")]
    [InlineData("SELECT * FROM ethereum.blocks b(n)")]
    [InlineData("SELECT * FROM ethereum.blocks AS b(n)")]
    [InlineData("WITH c(a) AS (SELECT 1), d (b) AS (SELECT 2) SELECT * FROM c, d")]
    [InlineData("WITH RECURSIVE r(n) AS (SELECT 1) SELECT * FROM r")]
    [InlineData("SELECT CAST(1 AS decimal(10, 2)), CAST('a' AS varchar(3)), CAST(ROW(1) AS row(a integer)), CAST(now() AS timestamp(3))")]
    [InlineData("SELECT sum(x) OVER (PARTITION BY x), count(*) FILTER (WHERE x > 0) OVER () FROM (VALUES 1) t(x)")]
    [InlineData("SELECT x, count(*) FROM (VALUES 1) t(x) GROUP BY GROUPING SETS ((x), ()), ROLLUP (x), CUBE (x)")]
    [InlineData("SELECT * FROM UNNEST(ARRAY[1]) WITH ORDINALITY u(v, n)")]
    [InlineData("SELECT * FROM TABLE(sequence(1, 3))")]
    [InlineData("SELECT transform(ARRAY[1], v -> v + 1), reduce(ARRAY[1], 0, (s, v) -> s + v, s -> s)")]
    [InlineData("SELECT EXTRACT(YEAR FROM DATE '2024-01-01'), TRIM(BOTH FROM ' a '), SUBSTRING('abc' FROM 2), POSITION('b' IN 'abc'), CURRENT_DATE")]
    [InlineData("SELECT \"left\"('abc', 1), \"right\"('abc', 1), initcap('ab'), varbinary_to_uint256(0x01), from_base58('2g'), keccak(0x01)")]
    [InlineData("SELECT Abs(-1), COALESCE(NULL, 1), IF(true, 1, 2), TRY(1 / 1), NULLIF(1, 2), \"ABS\"(-1)")]
    [InlineData("SELECT x FROM (VALUES 1) t(x) WHERE x IN (1, 2) AND EXISTS (SELECT 1) AND NOT (x = 2)")]
    [InlineData("SELECT row_number() OVER w FROM (VALUES 1) t(x) WINDOW w AS (ORDER BY x)")]
    [InlineData("SELECT ROW(1, 2), ARRAY[1], MAP(ARRAY[1], ARRAY[2]), json_array(1), json_object('a': 1)")]
    public void Calls_of_trino_and_dune_and_the_grammars_parentheses_still_translate(string sql) =>
        Assert.NotNull(DuneSqlTranslator.Translate(sql, strictFunctions: true).Sql);

    [Theory]
    [InlineData("SELECT len('abc')")]
    [InlineData("SELECT * FROM range(1, 3)")]
    public void Without_the_switch_a_duckdb_function_still_passes_through(string sql) =>
        Assert.NotNull(DuneSqlTranslator.Translate(sql, strictFunctions: false).Sql);

    [Fact]
    public void The_lists_name_their_sources_and_hold_trinos_and_dunes_functions_only()
    {
        var names = DuneFunctionRegistry.FunctionNames;
        foreach (string name in new[] { "abs", "approx_percentile", "transform", "json_query", "sequence", "st_area", "varbinary_to_uint256", "bytearray_to_bigint", "from_base58", "initcap", "try_sum" })
        {
            Assert.Contains(name, names);
        }
        foreach (string name in new[] { "len", "string_agg", "group_concat", "list_value", "ifnull", "datediff", "array_length", "range", "generate_series", "keyvalue", "size" })
        {
            Assert.DoesNotContain(name, names);
        }
        Assert.True(names.Count > 500, $"{names.Count} names");
        var assembly = typeof(DuneSqlTranslator).Assembly;
        foreach (var (file, source) in new[] { ("trino-functions.txt", "trinodb/trino docs/src/main/sphinx/functions/list.md"), ("dune-functions.txt", "duneanalytics/dune-docs query-engine/Functions-and-operators") })
        {
            using var stream = assembly.GetManifestResourceStream("Strata.DuneSql.Registry." + file);
            Assert.NotNull(stream);
            Assert.Contains(source, new StreamReader(stream).ReadToEnd(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("SELECT coalesce(1, 'a')", "All COALESCE operands must be the same type: integer", "'a'")]
    [InlineData("SELECT coalesce(NULL, 'ab', 'c', 2)", "All COALESCE operands must be the same type: varchar(2)", "2)")]
    [InlineData("SELECT 1 IN ('a', 'b')", "IN value and list items must be the same type: integer", "'a'")]
    [InlineData("SELECT 'a' NOT IN (1)", "IN value and list items must be the same type: varchar(1)", "1)")]
    [InlineData("SELECT CASE WHEN true THEN 'a' ELSE 1 END", "All CASE results must be the same type: varchar(1)", "1 END")]
    [InlineData("SELECT NOT 1", "Value of logical NOT expression must evaluate to a boolean (actual: integer)", "1")]
    [InlineData("SELECT 1 WHERE NOT 'a'", "Value of logical NOT expression must evaluate to a boolean (actual: varchar(1))", "'a'")]
    [InlineData("SELECT 0x01 = '0x01'", "Cannot apply operator: varbinary = varchar(4)", "=")]
    [InlineData("SELECT 1 WHERE '0x01' <> 0x01", "Cannot apply operator: varchar(4) = varbinary", "<>")]
    public void Literals_of_types_trino_does_not_coerce_are_refused_in_its_words(string sql, string message, string marker)
    {
        var error = Refused(sql);
        Assert.Equal((ExecutionError.ExecutionFailed, message), (error.Type, error.Message));
        Assert.Equal((1, sql.IndexOf(marker, StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("SELECT INTERVAL '1' WEEK", "WEEK")]
    [InlineData("SELECT now() - INTERVAL '2' days", "days")]
    public void An_interval_unit_trinos_grammar_lacks_is_a_syntax_error(string sql, string unit)
    {
        var error = Refused(sql);
        Assert.Equal((ExecutionError.SyntaxError, $"mismatched input '{unit}'"), (error.Type, error.Message));
        Assert.Equal((1, sql.IndexOf(unit, StringComparison.Ordinal) + 1), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("SELECT coalesce(1, 2.5), coalesce(NULL, 1), coalesce(x, 'a') FROM (VALUES 1) t(x)")]
    [InlineData("SELECT 1 IN (1, 2), 'a' IN ('a', 'bc'), x IN ('a') FROM (VALUES 1) t(x)")]
    [InlineData("SELECT NOT true, NOT 1 = 2, NOT 'a' LIKE 'b', NOT x FROM (VALUES true) t(x)")]
    [InlineData("SELECT 0x01 = 0x02, 0x01 = from_hex('01'), 'a' = 'b', x BETWEEN 1 AND 2 FROM (VALUES 1) t(x)")]
    [InlineData("SELECT CASE WHEN true THEN 'a' ELSE s END, CASE WHEN true THEN 1 ELSE 2.5 END FROM (VALUES 'b') t(s)")]
    [InlineData("SELECT INTERVAL '1' DAY, INTERVAL '1' YEAR TO MONTH, INTERVAL '2' SECOND")]
    public void Literals_trino_takes_together_still_translate(string sql) =>
        Assert.NotNull(DuneSqlTranslator.Translate(sql).Sql);

    [Theory]
    [InlineData("SELECT coalesce(1, 'a')", "All COALESCE operands must be the same type: integer")]
    [InlineData("SELECT 0x01 = '0x01'", "Cannot apply operator: varbinary = varchar(4)")]
    public void The_engine_refuses_before_duckdb_answers(string sql, string message)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, []);
        var e = Assert.Throws<QueryFailedException>(() => fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None));
        Assert.Equal(message, e.Error.Message);
    }
}
