namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 262 (docs/notes/dune-wild22.md), through the HTTP API. A call of a function neither Trino nor Dune
/// defines fails as Trino's analyzer fails it, <c>Function 'encode' not registered</c>, also when DuckDB has a function of
/// that name and refused its arguments (it said "Unexpected parameters (varbinary, varchar) for function encode"); a known
/// function given the wrong types keeps "Unexpected parameters". A FROM-clause UNNEST of a value that is no array or map
/// names its type as Trino's StatementAnalyzer does, <c>Cannot unnest type: varchar</c>, whatever the value's source; and
/// an UNNEST that runs keeps its array's order (the check is bound only for a statement DuckDB refused: decision 259).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild22Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    // Dune V1's Postgres encode(bytea, 'hex') (found in dune-wild21's probe); DuckDB's encode takes a varchar only.
    [InlineData("SELECT encode(0x0102, 'hex')", "encode", 1, 8)]
    [InlineData("SELECT\n  upper(encode(hash, 'hex')) FROM ethereum.transactions", "encode", 2, 9)]
    // DuckDB's len has no signature for an integer; Trino has no len.
    [InlineData("SELECT len(123)", "len", 1, 8)]
    public async Task A_call_of_a_function_neither_trino_nor_dune_defines_is_not_registered(string sql, string function, int line, int column)
    {
        var (message, atLine, atColumn) = await Server.Alice.RunToFailureAtAsync(sql);
        Assert.Equal($"Function '{function}' not registered", message);
        Assert.Equal((line, column), (atLine, atColumn));
    }

    [Theory]
    // string.md: substr(string, start, length) takes a varchar; length(string) a varchar; from_hex(string) a varchar.
    [InlineData("SELECT substr(123, 1, 2)", "Unexpected parameters (integer, integer, integer) for function substr")]
    [InlineData("SELECT from_hex(0x3132)", "Unexpected parameters (varbinary) for function from_hex")]
    public async Task A_known_function_given_the_wrong_types_keeps_unexpected_parameters(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    // json_extract_scalar returns varchar, length bigint, to_utf8 varbinary, a comparison boolean (json.md, string.md).
    [InlineData("WITH t AS (SELECT json_extract_scalar('{\"a\":\"b\"}', '$.a') AS s) SELECT c FROM t CROSS JOIN UNNEST(t.s) AS u(c)", "varchar")]
    [InlineData("WITH t AS (SELECT length('abc') AS n) SELECT c FROM t CROSS JOIN UNNEST(n) AS u(c)", "bigint")]
    [InlineData("WITH t AS (SELECT to_utf8('ab') AS b) SELECT c FROM t, UNNEST(b) AS u(c)", "varbinary")]
    [InlineData("WITH t AS (SELECT 1 < 2 AS f) SELECT c FROM t CROSS JOIN UNNEST(f) WITH ORDINALITY AS u(c, n)", "boolean")]
    // Two operands: the second one's type is named.
    [InlineData("WITH t AS (SELECT ARRAY[1, 2] AS a, lower('X') AS s) SELECT x, y FROM t CROSS JOIN UNNEST(a, s) AS u(x, y)", "varchar")]
    public async Task Unnesting_a_value_of_unknown_source_that_is_no_array_or_map_names_its_type(string sql, string type)
    {
        Assert.Equal($"Cannot unnest type: {type}", await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task An_unnest_that_runs_keeps_its_arrays_order()
    {
        // A permutation of 1..100 (37·x mod 101) built in the query, so its type is known to DuckDB's binder only: UNNEST
        // gives its elements in the array's order, and WITH ORDINALITY numbers them 1..100 in that order.
        var expected = Enumerable.Range(1, 100).Select(x => (37 * x % 101).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var plain = await Server.Alice.RunCsvAsync("""
            WITH t AS (SELECT transform(sequence(1, 100), x -> (37 * x) % 101) AS xs) SELECT v FROM t CROSS JOIN UNNEST(xs) AS u(v)
            """);
        Assert.Equal(expected, plain.Skip(1));
        var numbered = await Server.Alice.RunCsvAsync("""
            WITH t AS (SELECT transform(sequence(1, 100), x -> (37 * x) % 101) AS xs) SELECT v, n FROM t CROSS JOIN UNNEST(xs) WITH ORDINALITY AS u(v, n)
            """);
        Assert.Equal(expected.Select((v, i) => $"{v},{i + 1}"), numbered.Skip(1));
        // Each source row's elements numbered from 1 in the array's order (DuckDB's own WITH ORDINALITY gave 9,3 / 6,2 / 3,2 / …);
        // the order of rows across source rows is nobody's promise, so it is sorted.
        var rows = await Server.Alice.RunCsvAsync("""
            WITH t AS (SELECT * FROM (VALUES (1, ARRAY[5, 3, 9]), (2, ARRAY[8, 6])) v(k, xs))
            SELECT k, v, n FROM t CROSS JOIN UNNEST(xs) WITH ORDINALITY AS u(v, n) ORDER BY k, n
            """);
        Assert.Equal(["k,v,n", "1,5,1", "1,3,2", "1,9,3", "2,8,1", "2,6,2"], rows);
    }

    [Fact]
    public async Task A_known_column_that_is_no_array_is_refused_in_every_unnest_form()
    {
        // ethereum.transactions.hash is varbinary (the demo catalog's type, Dune's): one operand, WITH ORDINALITY, two operands.
        foreach (string unnest in new[] { "UNNEST(t.hash) AS u(c)", "UNNEST(t.hash) WITH ORDINALITY AS u(c, n)", "UNNEST(ARRAY[1], t.hash) AS u(a, c)" })
        {
            Assert.Equal("Cannot unnest type: varbinary", await Server.Alice.RunToFailureAsync($"SELECT c FROM ethereum.transactions t CROSS JOIN {unnest}"));
        }
    }
}
