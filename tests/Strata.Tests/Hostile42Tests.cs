using System.Diagnostics;
using System.Globalization;
using Strata.Application.Queries;
using Strata.Core.Engine;
using Strata.Core.Queries;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile42 (decision 356): a WITH query named <c>time</c>, <c>ties</c> or <c>ordinality</c> is counted by the WITH bound;
/// a LIKE whose pattern is an expression is matched in linear time; one execution inlines at most 64 query_&lt;id&gt;
/// references. Expected values are counted here.
/// </summary>
public sealed class Hostile42Tests
{
    private static string Ctes(string first, int others) =>
        $"WITH {first} AS (SELECT 1 AS x), "
        + string.Join(", ", Enumerable.Range(0, others).Select(i => $"c{i.ToString(CultureInfo.InvariantCulture)} AS (SELECT 1 AS x)"))
        + $" SELECT count(*) FROM {first}";

    [Theory]
    [InlineData("time")]
    [InlineData("ties")]
    [InlineData("ordinality")]
    [InlineData("TIME (x)")]
    public void A_WITH_query_named_like_a_modifier_is_counted(string first)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(Ctes(first, DuneSqlTranslator.MaxWithQueries)));
        Assert.StartsWith("The WITH clause has 901 queries; Strata allows at most 900", error.Error.Message, StringComparison.Ordinal);
        DuneSqlTranslator.Translate(Ctes(first, DuneSqlTranslator.MaxWithQueries - 1));
    }

    [Fact]
    public void The_modifiers_still_open_no_WITH_clause()
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("3", db.Scalar("SELECT count(*) FROM unnest(sequence(1, 3)) WITH ORDINALITY AS t(a, n)"));
        Assert.Equal("6", db.Scalar("SELECT sum(n) FROM unnest(ARRAY['a', 'b', 'c']) WITH ORDINALITY t(a, n)"));
        Assert.Equal("1", db.Scalar("WITH time AS (SELECT CAST('2024-01-01 00:00:00 UTC' AS timestamp(3) with time zone) AS t) SELECT count(*) FROM time"));
    }

    [Fact]
    public void A_LIKE_whose_pattern_is_built_at_run_time_is_matched_in_linear_time()
    {
        using var db = new DuneSql.DuneSqlDb();
        // A concatenation of 200 `%_` pairs: DuckDB's LIKE ran past 3 minutes on 5 values of 3,000 characters on main.
        string pairs = string.Concat(Enumerable.Repeat("%_", 200));
        var clock = Stopwatch.StartNew();
        Assert.Equal("0", db.Scalar($"SELECT count(*) FROM unnest(sequence(1, 100)) t(i) WHERE lpad('', 3000, 'a') LIKE '{pairs}' || 'b'"));
        Assert.Equal("100", db.Scalar($"SELECT count(*) FROM unnest(sequence(1, 100)) t(i) WHERE lpad('', 3000, 'a') || 'b' LIKE '{pairs}' || 'b'"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
        // Trino's answers: a concatenated pattern (the review of 349's case), RE2's metacharacters as themselves, `_` one
        // character, a pattern from a column, a CASE, NOT LIKE and NULL.
        Assert.Equal("true", db.Scalar("SELECT 'za-q' LIKE '%a_%' || '_'"));
        Assert.Equal("true", db.Scalar("SELECT 'a.b(c' LIKE '%.b' || '(%_'"));
        Assert.Equal("false", db.Scalar("SELECT 'axb(c' LIKE '%.b' || '(%_'"));
        Assert.Equal("2", db.Scalar("SELECT count(*) FROM (VALUES ('a_c', '%_c'), ('abc', 'a%'), ('ab', '_')) t(v, p) WHERE v LIKE p"));
        Assert.Equal("true", db.Scalar("SELECT 'abc' LIKE CASE WHEN 1 = 1 THEN 'a' ELSE 'x' END || '%' AND 1 = 1"));
        Assert.Equal("true", db.Scalar("SELECT 'ab' NOT LIKE '%' || '_%c'"));
        Assert.Equal("true", db.Scalar("SELECT ('ab' LIKE CAST(NULL AS varchar) || '%') IS NULL"));
        // ESCAPE keeps DuckDB's LIKE.
        Assert.Equal("true", db.Scalar("SELECT 'a%' LIKE 'a' || '\\%' ESCAPE '\\'"));
    }

    [Fact]
    public async Task An_execution_inlines_at_most_MaxInlinedReferences_query_references()
    {
        await using var h = await Strata.Tests.Application.ViewHarness.CreateAsync();
        long leaf = await h.QueryAsync("alice", "select 1 as a");
        var references = new QueryReferences(h.Executions.Store, new DuneQueryViewSyntax(), 1 << 20);
        string Union(long id, int n) => string.Join(" union all ", Enumerable.Range(0, n).Select(_ => $"select a from query_{id}"));
        var expanded = await references.ExpandAsync(Union(leaf, QueryReferences.MaxInlinedReferences), "alice", 0, CancellationToken.None);
        Assert.Equal(QueryReferences.MaxInlinedReferences, expanded.QueryIds.Count);
        // 300 references to one query: 29.9 s on main's server (hostile41); refused at the 257th.
        var error = await Assert.ThrowsAsync<QueryFailedException>(() => references.ExpandAsync(Union(leaf, 300), "alice", 0, CancellationToken.None));
        Assert.StartsWith($"the query inlines more than 256 query_<id> references (query_{leaf} brings the count to 257", error.Error.Message, StringComparison.Ordinal);
        // Copies inside a referenced query count too: 150 inside, read twice, are 302.
        long middle = await h.QueryAsync("alice", Union(leaf, 150));
        var nested = await Assert.ThrowsAsync<QueryFailedException>(() => references.ExpandAsync(Union(middle, 2), "alice", 0, CancellationToken.None));
        Assert.Contains("brings the count to 302", nested.Error.Message, StringComparison.Ordinal);
        // A fan-out inside the queries is refused while it is built: 260 copies stop at the 257th.
        long fan = await h.QueryAsync("alice", Union(leaf, 260));
        var wide = await Assert.ThrowsAsync<QueryFailedException>(() => references.ExpandAsync($"select a from query_{fan}", "alice", 0, CancellationToken.None));
        Assert.Contains($"query_{fan} brings the count to 257", wide.Error.Message, StringComparison.Ordinal);
    }
}
