namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 363 (docs/notes/dune-sql23.md): gaps a sweep of real queries and Trino's function docs found.
/// <list type="bullet">
/// <item><c>replace(string, search)</c>: Trino's StringFunctions removes every occurrence; DuckDB has no two-argument replace.</item>
/// <item><c>random(n)</c>, <c>random(m, n)</c> and <c>rand(m, n)</c>: MathFunctions registers random with the alias rand at
/// every arity, [0, n) and [m, n), an empty range refused with Trino's messages; DuckDB's random takes no argument.</item>
/// <item><c>entropy(c)</c>: Trino reads each row as a count (aggregate.md); DuckDB's entropy is that of the values'
/// distribution, another answer without an error.</item>
/// </list>
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSql23Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("SELECT replace('a,b,,c', ',') AS v", "abc")]
    [InlineData("SELECT replace('abc', '') AS v", "abc")]
    [InlineData("SELECT replace(s, 'x') || '!' AS v FROM (VALUES 'xaxbx') t(s)", "ab!")]
    public async Task Replace_with_two_arguments_removes_the_search(string sql, string value)
    {
        Assert.Equal(["v", value], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task Random_of_a_bound_or_a_range_stays_inside_it()
    {
        const string sql = "SELECT bool_and(random(3) BETWEEN 0 AND 2 AND rand(5, 7) BETWEEN 5 AND 6 AND random(-2, 0) IN (-2, -1) "
            + "AND rand(4) < 4) AS v, count(DISTINCT random(3)) AS n FROM UNNEST(sequence(1, 300)) t(i)";
        Assert.Equal(["v,n", "true,3"], await Server.Alice.RunCsvAsync(sql));
    }

    [Theory]
    [InlineData("SELECT random(0)", "bound must be positive")]
    [InlineData("SELECT rand(-1)", "bound must be positive")]
    [InlineData("SELECT random(5, 5)", "start value must be less than stop value")]
    public async Task Random_of_an_empty_range_is_refused(string sql, string message)
    {
        Assert.Equal(message, await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    // counts 2, 4, 6: (2/12)log2(6) + (4/12)log2(3) + (6/12)log2(2)
    [InlineData("SELECT round(entropy(c), 12) AS v FROM (VALUES 2, 4, 6) t(c)", "1.459147917027")]
    // NULL and zero counts are ignored: two counts of 1 are one bit
    [InlineData("SELECT entropy(c) AS v FROM (VALUES 1, 1, NULL, 0) t(c)", "1")]
    [InlineData("SELECT entropy(c) AS v FROM (VALUES 0, 0) t(c)", "0")]
    [InlineData("SELECT entropy(c) AS v FROM (VALUES 1) t(c) WHERE c > 1", "0")]
    [InlineData("SELECT k, entropy(c) AS v FROM (VALUES ('a', 1), ('a', 1), ('b', 5)) t(k, c) GROUP BY k ORDER BY k", "a,1", "b,0")]
    public async Task Entropy_reads_each_row_as_a_count(string sql, params string[] rows)
    {
        var csv = await Server.Alice.RunCsvAsync(sql);
        Assert.Equal(rows, csv.Skip(1));
    }

    [Fact]
    public async Task Entropy_refuses_a_negative_count()
    {
        Assert.Equal("Entropy count argument must be non-negative",
            await Server.Alice.RunToFailureAsync("SELECT entropy(c) FROM (VALUES 1, -1) t(c)"));
    }
}
