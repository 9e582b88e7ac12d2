namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 367 (docs/notes/dune-sql24.md): gaps a sweep of real queries not tried before (xmtp-labs/xmtp-dune-queries,
/// 0xRobin/dune-queries, balancer/dune_queries and others; spellbook's nft, lending, bridges, staking, cex, safe and labels
/// sectors) and probes of Trino's documented functions found.
/// <list type="bullet">
/// <item>A set operation whose last branch ends the query with a line comment: its type check copied the branch and
/// wrote <c>) AS …</c> after the comment, so DuckDB read a syntax error.</item>
/// <item><c>approx_distinct</c>: Trino's sketch (airlift's HyperLogLog) counts a few hundred distinct values exactly, DuckDB's
/// approx_count_distinct did not (96 for 100 values); the form with a maximum standard error was not translated at all.</item>
/// <item><c>parse_datetime</c> with an offset field (<c>Z</c>, <c>ZZ</c>) reads <c>Z</c> as +00:00, as Joda does; DuckDB's
/// <c>%z</c> refused it.</item>
/// </list>
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSql24Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("SELECT 'a' AS p UNION SELECT 'bb' -- the last branch's comment", "a", "bb")]
    [InlineData("SELECT 'a' AS p, 1 AS n UNION ALL SELECT 'bbb', 2 ORDER BY 1 -- sorted", "a,1", "bbb,2")]
    [InlineData("SELECT 'x' AS p INTERSECT SELECT 'x' --", "x")]
    public async Task A_set_operation_may_end_the_query_with_a_line_comment(string sql, params string[] rows)
    {
        var csv = await Server.Alice.RunCsvAsync(sql);
        Assert.Equal(rows, csv.Skip(1).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("SELECT approx_distinct(x) AS v FROM UNNEST(sequence(1, 100)) t(x)", "100")]
    [InlineData("SELECT approx_distinct(x % 250) AS v FROM UNNEST(sequence(1, 1000)) t(x)", "250")]
    [InlineData("SELECT approx_distinct(x, 0.01) AS v FROM (VALUES 'a', 'b', 'a', NULL) t(x)", "2")]
    [InlineData("SELECT approx_distinct(x, 0.5) AS v FROM (VALUES CAST(NULL AS bigint)) t(x)", "0")]
    // DISTINCT or ALL inside changes nothing (and must not be written twice into the count).
    [InlineData("SELECT approx_distinct(DISTINCT x) AS v FROM (VALUES 1, 1, 2, NULL) t(x)", "2")]
    [InlineData("SELECT approx_distinct(ALL x, 0.1) AS v FROM (VALUES 1, 1, 2) t(x)", "2")]
    public async Task Approx_distinct_counts_a_small_set_exactly_as_Trino_does(string sql, string value)
    {
        Assert.Equal(["v", value], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task Approx_distinct_keeps_its_filter_and_window()
    {
        const string sql = "SELECT k, approx_distinct(x) FILTER (WHERE x > 10) AS f, max(w) AS w FROM (SELECT x % 3 AS k, x, "
            + "approx_distinct(x % 7) OVER (PARTITION BY x % 3) AS w FROM UNNEST(sequence(1, 60)) t(x)) GROUP BY k ORDER BY k";
        Assert.Equal(["k,f,w", "0,17,7", "1,16,7", "2,17,7"], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task Approx_distinct_refuses_a_standard_error_out_of_range()
    {
        Assert.Equal("Max standard error must be in [0.0040625, 0.26]: 0.5",
            await Server.Alice.RunToFailureAsync("SELECT approx_distinct(x, 0.5) FROM UNNEST(sequence(1, 3)) t(x)"));
    }

    [Theory]
    [InlineData("SELECT parse_datetime('2024-03-05T14:07:09Z', 'yyyy-MM-dd''T''HH:mm:ssZ') AS v", "2024-03-05 14:07:09.000 UTC")]
    [InlineData("SELECT parse_datetime('2024-03-05 14:07:09 z', 'yyyy-MM-dd HH:mm:ss ZZ') AS v", "2024-03-05 14:07:09.000 UTC")]
    [InlineData("SELECT to_unixtime(parse_datetime('2024-03-05T14:07:09Z', 'yyyy-MM-dd''T''HH:mm:ssZ')) AS v", "1709647629")]
    public async Task Parse_datetime_reads_Z_as_a_zero_offset(string sql, string value)
    {
        Assert.Equal(["v", value], await Server.Alice.RunCsvAsync(sql));
    }
}
