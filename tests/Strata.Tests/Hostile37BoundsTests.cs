using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Tests;

/// <summary>
/// hostile37 (decision 322): combinations and ngrams counted before they build. combinations follows Trino's
/// ArrayCombinationsFunction: C(length, n) counted in 32-bit integers ("Number of combinations too large for array of size
/// … and combination length …" when a step overflows) and at most 100,000 elements in all (C(length, n) × n, "combinations
/// exceed max size"); Trino's own testLimits case (sequence(1, 100), 5) is one row. ngrams' answer, (length - n + 1) × n
/// elements, is refused past the value bound as flatten's is. Expected counts are computed here (binomials in C#).
/// </summary>
public sealed class Hostile37BoundsTests
{
    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static long Choose(long n, int k)
    {
        long c = 1;
        for (int i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    [Theory]
    // Trino's ArrayCombinationsFunctionTest.testLimits: C(100, 5) = 75,287,520 groups.
    [InlineData("SELECT combinations(sequence(1, 100), 5)")]
    // C(317, 2) × 2 = 100,172 elements, past 100,000; the array from a subquery's column as well as a constant.
    [InlineData("SELECT combinations(sequence(1, 317), 2)")]
    [InlineData("SELECT combinations(a, 2) FROM (SELECT sequence(1, 317) AS a)")]
    // n = 1: 110,000 one-element groups.
    [InlineData("SELECT combinations(flatten(transform(sequence(1, 10000), x -> sequence(1, 11))), 1)")]
    public void Combinations_past_100000_elements_are_refused_in_trinos_words(string sql)
    {
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains("combinations exceed max size", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // C(200, 5) = 2,535,650,040: Trino's last step, 63,391,251 × 200, overflows an int. C(10,000, 3) × 3 is far past it; with
    // a constant array DuckDB folded the n = 4 and 5 branches at planning (hostile36: 14 GB) before this was checked.
    [InlineData(200, 5)]
    [InlineData(10000, 3)]
    [InlineData(10000, 5)]
    public void Combinations_whose_count_overflows_32_bits_are_refused_before_anything_is_built(int length, int n)
    {
        Assert.True(Choose(length, n) * n > int.MaxValue);
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT combinations(sequence(1, {length}), {n})"));
        Assert.Contains($"Number of combinations too large for array of size {length} and combination length {n}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combinations_within_the_bound_answer_with_trinos_counts()
    {
        using var db = new DuneSql.DuneSqlDb();
        // C(316, 2) × 2 = 99,540 elements; 100,000 one-element groups is exactly the bound.
        Assert.Equal(Text(Choose(316, 2)), db.Scalar("SELECT cardinality(combinations(sequence(1, 316), 2))"));
        Assert.Equal(Text(100_000), db.Scalar("SELECT cardinality(combinations(flatten(transform(sequence(1, 10), x -> sequence(1, 10000))), 1))"));
        // C(25, 5) × 5 = 265,650 is past the bound; C(20, 5) × 5 = 77,520 is not.
        Assert.Equal(Text(Choose(20, 5)), db.Scalar("SELECT cardinality(combinations(a, 5)) FROM (SELECT sequence(1, 20) AS a)"));
        // Trino's testCardinality: every n < 5 and k <= n.
        for (int n = 0; n < 5; n++)
        {
            string array = "ARRAY[" + string.Join(", ", Enumerable.Range(0, n)) + "]";
            for (int k = 0; k <= n; k++)
            {
                string sql = n == 0 ? $"SELECT cardinality(combinations(CAST(ARRAY[] AS array(integer)), {k}))" : $"SELECT cardinality(combinations({array}, {k}))";
                Assert.Equal(Text(Choose(n, k)), db.Scalar(sql));
            }
        }
        Assert.Equal("NULL", db.Scalar("SELECT combinations(CAST(NULL AS array(bigint)), 2)"));
        Assert.Equal("0", db.Scalar("SELECT cardinality(combinations(ARRAY[1, 2], 3))"));
        var size = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT combinations(sequence(1, 40), 10)"));
        Assert.Contains("combination size must not exceed 5: 10", size.Message, StringComparison.Ordinal);
        var negative = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT combinations(sequence(1, 40), -1)"));
        Assert.Contains("combination size must not be negative: -1", negative.Message, StringComparison.Ordinal);
    }

    [Theory]
    // (10,000 - 5,000 + 1) × 5,000 = 25,005,000 elements (hostile36: past 45 s); 8,192 elements in grams of 4,096:
    // 4,097 × 4,096 = 16,781,312, one gram past the bound.
    [InlineData("SELECT ngrams(sequence(1, 10000), 5000)")]
    [InlineData("SELECT cardinality(ngrams(flatten(transform(sequence(1, 2), x -> sequence(1, 4096))), 4096))")]
    public void Ngrams_past_the_value_bound_are_refused_before_they_are_built(string sql)
    {
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains("ngrams: the answer's element count", error.Message, StringComparison.Ordinal);
        Assert.Contains("is past 16777216", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ngrams_at_the_bound_and_below_answer()
    {
        using var db = new DuneSql.DuneSqlDb();
        // 8,191 elements in grams of 4,096: 4,096 grams of 4,096, exactly 16,777,216 elements.
        Assert.Equal(Text(4096), db.Scalar("SELECT cardinality(ngrams(slice(flatten(transform(sequence(1, 2), x -> sequence(1, 4096))), 1, 8191), 4096))"));
        // Trino's documented example (array.md): ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 2).
        Assert.Equal("foo bar|bar baz|baz foo", db.Scalar("SELECT array_join(transform(ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 2), g -> array_join(g, ' ')), '|')"));
        Assert.Equal("foo bar baz foo", db.Scalar("SELECT array_join(transform(ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 5), g -> array_join(g, ' ')), '|')"));
    }

    /// <summary>On this branch's server these two ended "run stopped: cancelled" seconds after they started, nobody having
    /// cancelled them, and stayed EXECUTING (the server now fails such a run: ExecutionRunTests). On the engine's own path
    /// each must end: the timestamps' 946,771,201 entries with Trino's sequence refusal, the transform with its count.</summary>
    [Theory]
    [InlineData("SELECT cardinality(sequence(TIMESTAMP '2000-01-01 00:00:00', TIMESTAMP '2030-01-01 00:00:00', INTERVAL '1' SECOND))", "result of sequence function must not have more than 10000 entries")]
    [InlineData("SELECT cardinality(transform(sequence(1, 300), x -> sequence(1, 10000)))", null)]
    public void Runs_the_server_saw_stop_by_themselves_end_on_the_engines_path(string sql, string? refusal)
    {
        using var fixture = new DuneSql.DemoEngineFixture("strata-hostile37-", "CREATE TABLE t AS SELECT 1 AS x");
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, [], SqlDialect.DuneSql);
        if (refusal is null)
        {
            var outcome = fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
            Assert.Equal(1L, outcome.RowCount);
            return;
        }
        var error = Assert.Throws<QueryFailedException>(() =>
            fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None));
        Assert.Contains(refusal, error.Error.Message, StringComparison.Ordinal);
    }
}
