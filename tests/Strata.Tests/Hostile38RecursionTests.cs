using System.Diagnostics;

namespace Strata.Tests;

/// <summary>
/// hostile38 (decision 331): a recursive WITH query runs to Trino's recursion depth. Trino unrolls it into the base and
/// max_recursion_depth (default 10) copies of the step and fails when one more step yields a row (RelationPlanner's
/// expansion; TestRecursiveCte.testRecursionDepthLimitExceeded; sql/select.md: "recursion depth is fixed, defaults to 10,
/// and doesn't depend on the actual query results"). Expected values are Trino's documented example and counts of the
/// unrolling computed by hand: step k of <c>n + 1</c> from 1 yields k + 1.
/// </summary>
public sealed class Hostile38RecursionTests
{
    private const string DepthMessage = "Recursion depth limit exceeded (10). Use 'max_recursion_depth' session property to modify the limit.";

    [Theory]
    // Trino's docs (sql/select.md): 1 + 2 + 3 + 4.
    [InlineData("WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 4) SELECT sum(n) FROM t", "10")]
    // The same with the step's reference qualified, aliased, and the name quoted.
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM t WHERE t.n < 4) SELECT sum(n) FROM t", "10")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT x.n + 1 FROM t AS x WHERE x.n < 4) SELECT sum(t.n) FROM t", "10")]
    [InlineData("WITH RECURSIVE \"t\"(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM \"t\" WHERE n < 4) SELECT sum(n) FROM t", "10")]
    // Ten steps, the most Trino runs: 1…11, sum 66; the eleventh step yields nothing.
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 11) SELECT sum(n) FROM t", "66")]
    // A walk over a table of edges, a plain query before it in the same list: node 4 at depth 3.
    [InlineData("WITH RECURSIVE edges(a, b) AS (VALUES (1, 2), (2, 3), (3, 4)), walk(node, depth) AS (SELECT 1, 0 UNION ALL "
        + "SELECT edges.b, walk.depth + 1 FROM walk JOIN edges ON edges.a = walk.node) SELECT max(node) * 10 + max(depth) FROM walk", "43")]
    // The review of 331: a base of several UNION terms is their union (Trino nests set operations to the left, the step
    // is the last term): levels {1, 2}, {2, 3}, {3, 4}, {4}, sum 19.
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT n + 1 FROM t WHERE n < 4) SELECT sum(n) FROM t", "19")]
    // A column and a lambda parameter spelled as the query's name are no references to it (Trino counts table references).
    [InlineData("WITH RECURSIVE depth(depth) AS (SELECT 1 UNION ALL SELECT depth + 1 FROM depth WHERE depth < 5) SELECT max(depth) FROM depth", "5")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT reduce(ARRAY[n], 0, (s, t) -> s + t, s -> s) + 1 FROM t WHERE n < 4) SELECT sum(n) FROM t", "10")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT t.n + 1 FROM (VALUES 0) v(x), t WHERE t.n < 4) SELECT sum(n) FROM t", "10")]
    public void A_recursion_within_ten_steps_answers_as_trino_does(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    // Trino's TestRecursiveCte.testRecursionDepthLimitExceeded.
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT * FROM t) SELECT * FROM t")]
    // An eleventh step that yields a row.
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 12) SELECT sum(n) FROM t")]
    // The brief's attacks: a text doubled each step, a row count doubled each step, a step without end.
    [InlineData("WITH RECURSIVE t(s) AS (SELECT 'a' UNION ALL SELECT s || s FROM t WHERE length(s) < 1e9) SELECT max(length(s)) FROM t")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t CROSS JOIN (VALUES 1, 2) v(x)) SELECT count(*) FROM t")]
    [InlineData("with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r")]
    public void A_recursion_past_ten_steps_is_refused_in_trinos_words(string sql)
    {
        using var db = new DuneSql.DuneSqlDb();
        var clock = Stopwatch.StartNew();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(DepthMessage, error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"refused after {clock.Elapsed}");
    }

    [Theory]
    // StatementAnalyzer's refusals of shapes Trino does not unroll.
    [InlineData("WITH RECURSIVE t AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t", "missing column aliases in recursive WITH query")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT n FROM t UNION ALL SELECT 1) SELECT * FROM t", "WITH table name is referenced in the base relation of recursion")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT a.n FROM t a JOIN t b ON a.n = b.n WHERE a.n < 3) SELECT * FROM t", "multiple recursive references in the step relation of recursion")]
    // The review of 331: Trino's grammar has no AS MATERIALIZED (left to DuckDB it iterated without a bound), and its
    // analyzer refuses a recursive WITH nested in a query of the list (unrolled in each copy, the text grew exponentially).
    [InlineData("WITH RECURSIVE t(n) AS MATERIALIZED (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t", "mismatched input 'MATERIALIZED'")]
    [InlineData("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM (WITH RECURSIVE u(m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM u "
        + "WHERE m < 2) SELECT * FROM u) x, t WHERE n < 3) SELECT count(*) FROM t", "nested recursive WITH query")]
    public void A_shape_trino_does_not_unroll_is_refused(string sql, string message)
    {
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
