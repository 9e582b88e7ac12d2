namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision "dune-wild21" (docs/notes/dune-wild21.md), through the HTTP API: the gaps dune-wild20 left. Trino's
/// <c>approx_most_frequent</c> has exactly the signatures (bigint, bigint, bigint) → map(bigint, bigint) and (bigint,
/// varchar, bigint) → map(varchar, bigint) (BigintApproximateMostFrequent / VarcharApproximateMostFrequent; aggregate.mdx
/// "map&lt;[same as value], bigint&gt;" after the integer's coercion to bigint), and like every aggregate it is a window
/// function; ALL (not reserved by Trino) is an alias with a column list right after a relation; a FROM-clause UNNEST keeps
/// its array's order (the type dispatch 255 wrote for it did not, and was taken out: decision 259); and a
/// CREATE/DROP/ALTER Trino's grammar has no statement for fails in its parser at that word (SqlBase.g4).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild21Tests(InProcessSharedServer shared)
{
    private const string Expected = "Expected: approx_most_frequent(bigint, bigint, bigint), approx_most_frequent(bigint, varchar, bigint)";

    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Approx_most_frequent_of_integers_has_bigint_keys()
    {
        // 7 three times, 5 twice, 9 once: the top 2 keyed by bigint whatever the integer type (Trino coerces to bigint).
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT map_keys(approx_most_frequent(2, x, 100)) AS keys, map_values(approx_most_frequent(2, x, 100)) AS counts,
                   typeof(approx_most_frequent(2, CAST(x AS tinyint), 100)) AS t_tiny,
                   typeof(approx_most_frequent(2, x, 100)) AS t_int,
                   typeof(approx_most_frequent(2, CAST(x AS smallint), 100)) AS t_small,
                   typeof(approx_most_frequent(2, CAST(x AS bigint), 100)) AS t_big,
                   typeof(approx_most_frequent(2, CAST(x AS varchar), 100)) AS t_varchar,
                   approx_most_frequent(2, x, 100)[7] AS sevens
            FROM (VALUES 7, 5, 7, 9, 5, 7) t(x)
            """);
        Assert.Equal(["array(bigint)", "array(bigint)", "varchar", "varchar", "varchar", "varchar", "varchar", "bigint"], types);
        Assert.Equal("\"[7,5]\",\"[3,2]\",\"map(bigint, bigint)\",\"map(bigint, bigint)\",\"map(bigint, bigint)\",\"map(bigint, bigint)\",\"map(varchar, bigint)\",3", csv[1]);
        // A demo column whose type the catalog gives (block_number, bigint) takes the same signature.
        var (_, demoTypes, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT approx_most_frequent(3, block_number, 100) AS m FROM ethereum.transactions WHERE block_number < 0");
        Assert.Equal(["map(bigint, bigint)"], demoTypes);
    }

    [Theory]
    [InlineData("approx_most_frequent(2, 1.5e0, 10)", "Unexpected parameters (integer, double, integer) for function approx_most_frequent. ")]
    [InlineData("approx_most_frequent(2, DATE '2024-01-01', 10)", "Unexpected parameters")]
    [InlineData("approx_most_frequent(2, 'a', 10.5)", "Unexpected parameters")]
    [InlineData("approx_most_frequent(2.5, 'a', 10)", "Unexpected parameters")]
    public async Task Approx_most_frequent_refuses_the_types_trino_has_no_signature_for(string call, string start)
    {
        string message = await Server.Alice.RunToFailureAsync($"SELECT {call}");
        Assert.StartsWith(start, message, StringComparison.Ordinal);
        Assert.EndsWith(Expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x", "(VALUES 1.5e0, 2.5e0) t(x)")] // double
    [InlineData("x", "(VALUES from_hex('ab')) t(x)")] // varbinary
    [InlineData("x", "(VALUES true) t(x)")] // boolean
    [InlineData("x", "(VALUES CAST(1.5 AS decimal(10, 1))) t(x)")] // decimal
    [InlineData("hash", "ethereum.transactions")] // a demo varbinary column
    public async Task Approx_most_frequent_refuses_a_value_of_another_type_whatever_its_source(string value, string from)
    {
        string message = await Server.Alice.RunToFailureAsync($"SELECT approx_most_frequent(2, {value}, 10) FROM {from}");
        Assert.StartsWith("Unexpected parameters", message, StringComparison.Ordinal);
        Assert.EndsWith(Expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approx_most_frequent_is_a_window_function()
    {
        // PARTITION BY: each row sees its partition's counts. ORDER BY: the default frame, RANGE UNBOUNDED PRECEDING to the
        // current row (window.md), so the counts run; and with FILTER. element_at: a missing key is NULL (a subscript fails).
        var csv = await Server.Alice.RunCsvAsync("""
            SELECT i,
                   element_at(approx_most_frequent(2, x, 10) OVER (PARTITION BY g), 'a') AS part_a,
                   cardinality(approx_most_frequent(5, x, 10) OVER (PARTITION BY g)) AS part_size,
                   element_at(approx_most_frequent(3, x, 10) OVER (ORDER BY i), 'b') AS running_b,
                   cardinality(approx_most_frequent(3, x, 10) OVER (ORDER BY i)) AS running_size,
                   element_at(approx_most_frequent(3, x, 10) FILTER (WHERE x <> 'a') OVER (PARTITION BY g), 'b') AS filtered_b,
                   element_at(approx_most_frequent(3, x, 10) OVER w, 'c') AS named_c
            FROM (VALUES (1, 1, 'a'), (2, 1, 'b'), (3, 1, 'a'), (4, 2, 'b'), (5, 2, 'c'), (6, 2, 'b')) t(i, g, x)
            WINDOW w AS (PARTITION BY g)
            ORDER BY i
            """);
        Assert.Equal([
            "i,part_a,part_size,running_b,running_size,filtered_b,named_c",
            "1,2,2,,1,1,",
            "2,2,2,1,2,1,",
            "3,2,2,1,2,1,",
            "4,,2,2,2,2,1",
            "5,,2,2,3,2,1",
            "6,,2,3,3,2,1",
        ], csv);
    }

    [Fact]
    public async Task All_takes_a_column_list_right_after_a_relation()
    {
        // Trino: aliasedRelation is relationPrimary (AS? identifier columnAliases?)?, and ALL is a non-reserved word.
        var csv = await Server.Alice.RunCsvAsync("SELECT all.x + 1 AS y FROM (VALUES 1, 2) all(x) ORDER BY y");
        Assert.Equal(["y", "2", "3"], csv);
        var joined = await Server.Alice.RunCsvAsync("""
            SELECT all.k, all.v, o.w FROM (VALUES (1, 'a')) all(k, v) JOIN (VALUES (1, 'b')) o(k, w) ON all.k = o.k
            """);
        Assert.Equal(["k,v,w", "1,a,b"], joined);
        // The quantifier and the set operation's ALL before parentheses stay keywords.
        var keyword = await Server.Alice.RunCsvAsync("""
            SELECT x FROM (VALUES 2) t(x) WHERE x > ALL (SELECT 1) UNION ALL (SELECT 3) ORDER BY 1
            """);
        Assert.Equal(["x", "2", "3"], keyword);
    }

    [Fact]
    public async Task Unnesting_an_array_of_unknown_source_keeps_the_arrays_order()
    {
        // Trino's UNNEST gives an array's elements in their order; 255's type dispatch made DuckDB plan the UNNEST as a
        // join, and a materialized view's [0x00ff, NULL] came out reversed (MaterializedViewServerTests, CI).
        var letters = await Server.Alice.RunCsvAsync("""
            WITH t AS (SELECT split('c,a,d,b,e', ',') AS parts) SELECT c FROM t CROSS JOIN UNNEST(parts) AS u(c)
            """);
        Assert.Equal(["c", "c", "a", "d", "b", "e"], letters);
        var blobs = await Server.Alice.RunCsvAsync("""
            WITH t AS (SELECT ARRAY[from_hex('00ff'), NULL, from_hex('01')] AS blobs) SELECT b FROM t CROSS JOIN UNNEST(blobs) AS u(b)
            """);
        Assert.Equal(["b", "0x00ff", "", "0x01"], blobs);
    }

    [Fact]
    public async Task Unnesting_an_array_or_a_map_of_unknown_source_still_works()
    {
        var csv = await Server.Alice.RunCsvAsync("""
            WITH t AS (SELECT split('a,b', ',') AS parts, map_from_entries(ARRAY[('k', 1)]) AS m)
            SELECT c FROM t CROSS JOIN UNNEST(parts) AS u(c) ORDER BY c
            """);
        Assert.Equal(["c", "a", "b"], csv);
        var ordinality = await Server.Alice.RunCsvAsync("""
            WITH t AS (SELECT split('x,y', ',') AS parts) SELECT c, n FROM t CROSS JOIN UNNEST(parts) WITH ORDINALITY AS u(c, n) ORDER BY n
            """);
        Assert.Equal(["c,n", "x,1", "y,2"], ordinality);
    }

    [Theory]
    [InlineData("CREATE SEQUENCE s AS integer", "SEQUENCE", 8)]
    [InlineData("CREATE INDEX i ON t (x)", "INDEX", 8)]
    [InlineData("create temp table t (x integer)", "temp", 8)]
    [InlineData("DROP SEQUENCE s", "SEQUENCE", 6)]
    [InlineData("ALTER SEQUENCE s RESTART", "SEQUENCE", 7)]
    [InlineData("EXPLAIN CREATE SEQUENCE s", "SEQUENCE", 16)]
    public async Task A_statement_trinos_grammar_lacks_fails_at_its_second_word(string sql, string word, int column)
    {
        Assert.Equal(($"mismatched input '{word}'", 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Theory]
    [InlineData("SELECT \"\" FROM (VALUES 1) t(x)", 8)]
    [InlineData("SELECT CASE WHEN x = 1 THEN 'a' ELSE \"\" END FROM (VALUES 1) t(x)", 38)]
    public async Task An_empty_quoted_name_fails_as_trinos_parser_says(string sql, int column)
    {
        // solbricklayer/DuneAnalyticsSQL: ELSE "" END (a Postgres habit); Trino's parser: line 1:8 for SELECT "" FROM t.
        Assert.Equal(("Zero-length delimited identifier not allowed", 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Fact]
    public async Task A_statement_trino_parses_is_still_refused_as_a_write()
    {
        string message = await Server.Alice.RunToFailureAsync("CREATE TABLE t (x integer)");
        Assert.StartsWith("Only read-only queries are allowed", message, StringComparison.Ordinal);
        // Trino's grammar takes CREATE SCHEMA … AUTHORIZATION (DuckDB's parser did not: "mismatched input 'AUTHORIZATION'"),
        // and INSERT, SET SESSION, GRANT: each a write, whatever DuckDB's parser makes of the rest.
        foreach (string sql in new[] { "CREATE SCHEMA IF NOT EXISTS raw AUTHORIZATION postgres", "INSERT INTO t VALUES (1)",
            "SET SESSION query_max_run_time = '1h'", "GRANT SELECT ON t TO alice", "create table t (id serial primary key)" })
        {
            Assert.StartsWith("Only read-only queries are allowed", await Server.Alice.RunToFailureAsync(sql), StringComparison.Ordinal);
        }
    }
}
