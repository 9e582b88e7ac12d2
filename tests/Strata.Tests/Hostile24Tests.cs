using Strata.Core.Executions;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Storage.Files;
using Strata.Tests.Infrastructure;

namespace Strata.Tests;

/// <summary>
/// hostile24 (docs/notes/hostile24.md): one server alone per data directory. A second server started on a directory in
/// use ran its start-up sweeps over the first's files (the stored catalog it was about to copy, its executions' spill);
/// it is now refused before it touches anything, naming the directory and the first's pid. Cluster nodes, which share
/// the directory by design, hold the lock shared.
/// </summary>
public sealed class Hostile24DataDirectoryLockTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "strata-h24-lock-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_second_exclusive_hold_is_refused_naming_the_directory_and_the_holder()
    {
        using (DataDirectoryLock.Acquire(dir, shared: false))
        {
            var e = Assert.Throws<InvalidOperationException>(() => DataDirectoryLock.Acquire(dir, shared: false));
            Assert.Contains(Path.GetFullPath(dir), e.Message, StringComparison.Ordinal);
            Assert.Contains($"pid {Environment.ProcessId}", e.Message, StringComparison.Ordinal);
            // A cluster node is refused too: the server alone would sweep what the node writes.
            var node = Assert.Throws<InvalidOperationException>(() => DataDirectoryLock.Acquire(dir, shared: true));
            Assert.Contains("in use by another Strata server", node.Message, StringComparison.Ordinal);
        }
        // Released with the hold: the next server takes it.
        using (DataDirectoryLock.Acquire(dir, shared: false))
        {
        }
    }

    [Fact]
    public void Cluster_nodes_share_the_directory_and_a_server_alone_is_refused_beside_them()
    {
        using var a = DataDirectoryLock.Acquire(dir, shared: true);
        using var b = DataDirectoryLock.Acquire(dir, shared: true);
        var e = Assert.Throws<InvalidOperationException>(() => DataDirectoryLock.Acquire(dir, shared: false));
        Assert.Contains("in use by Strata cluster nodes", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(dir), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_server_on_a_directory_in_use_is_refused_and_a_kill_releases_it()
    {
        await using var first = await StrataServer.StartAsync(dir);
        var (code, output) = await StrataServer.RunExpectingFailureAsync(new Dictionary<string, string>(), CancellationToken.None, existingDataDir: dir);
        Assert.Equal(2, code);
        Assert.Contains($"Strata cannot start: the data directory {Path.GetFullPath(dir)} is in use by another Strata server (pid {first.ProcessId})", output, StringComparison.Ordinal);
        // The refused server swept nothing: the first still answers from its catalog.
        var csv = await first.Alice.RunCsvAsync("SELECT count(*) > 0 FROM information_schema.tables");
        Assert.Equal("true", csv[^1]);
        // kill -9: the OS releases the lock, and a server starts on the directory again.
        await first.KillAsync();
        await using var second = await StrataServer.StartAsync(dir);
        Assert.False(second.HasExited);
    }

    public void Dispose() => StrataServer.TryDelete(dir);
}

/// <summary>
/// hostile24: DuckDB binds an expression in time that grows with the cube of its depth (a 990-term <c>1+1+…</c> bound for
/// 85.7 s on a server, 990 nested <c>upper(</c> for 170.7 s; the translation of both is the user's text unchanged). The
/// translator refuses an expression past <see cref="DuneSqlTranslator.MaxExpressionDepth"/> levels at once, at the token
/// where it passes them; the deepest of 2,909 real queries reaches 16.
/// </summary>
public sealed class Hostile24ExpressionDepthTests
{
    private const string Refusal = "Expression nested too deeply: Strata's limit is 200 levels of nested operators and calls";

    private static string Repeat(string part, int n) => string.Concat(Enumerable.Repeat(part, n));

    public static TheoryData<string, string> TooDeep() => new()
    {
        // The two of the round before, at their measured sizes, and the other ways to nest. The second argument is the
        // text before the token that passes the bound (the refusal's column is the next one).
        { "SELECT " + string.Join("+", Enumerable.Repeat("1", 990)), "SELECT " + string.Join("+", Enumerable.Repeat("1", 201)) },
        { "SELECT " + Repeat("upper(", 990) + "'a'" + new string(')', 990), "SELECT " + Repeat("upper(", 200) + "upper" },
        { "SELECT " + string.Join(" || ", Enumerable.Repeat("v", 300)) + " FROM (VALUES 'a') t(v)", "SELECT " + string.Join(" || ", Enumerable.Repeat("v", 201)) + " " },
        // 200 CASEs are 200 levels: the comparison in the 200th's WHEN is the 201st.
        { "SELECT " + Repeat("CASE WHEN v = 'a' THEN ", 300) + "v" + Repeat(" ELSE 'b' END", 300) + " FROM (VALUES 'a') t(v)", "SELECT " + Repeat("CASE WHEN v = 'a' THEN ", 199) + "CASE WHEN v " },
        { "SELECT " + Repeat("NOT ", 300) + "true", "SELECT " + Repeat("NOT ", 200) },
        { "SELECT " + Repeat("- ", 300) + "1", "SELECT " + Repeat("- ", 200) },
        { "SELECT " + Repeat("(SELECT ", 300) + "1" + new string(')', 300), "SELECT " + Repeat("(SELECT ", 200) },
        // A subscript is a level and its bracket another.
        { "SELECT x" + Repeat("[1]", 300) + " FROM (VALUES ARRAY[1]) t(x)", "SELECT x" + Repeat("[1]", 199) },
        // A group's height stands in the chain it is a term of: 150 calls, then a chain of 60 terms.
        { "SELECT " + Repeat("upper(", 150) + "'a'" + new string(')', 150) + Repeat(" || 'a'", 60), "SELECT " + Repeat("upper(", 150) + "'a'" + new string(')', 150) + Repeat(" || 'a'", 50) + " " },
        // Grouping parentheses are no level, but what they hold counts where they stand: ((1+1)+1)+… is a chain.
        { "SELECT " + new string('(', 250) + "1" + Repeat("+1)", 250), "SELECT " + new string('(', 250) + "1" + Repeat("+1)", 200) },
        // Levels of different kinds add up: 100 calls around a chain of 102 terms.
        { "SELECT " + Repeat("abs(", 100) + string.Join("+", Enumerable.Repeat("1", 102)) + new string(')', 100), "SELECT " + Repeat("abs(", 100) + string.Join("+", Enumerable.Repeat("1", 101)) },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void An_expression_past_the_bound_is_refused_at_once_where_it_passes_it(string sql, string upTo)
    {
        var watch = ThreadCpu.StartNew();
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{watch.Elapsed}");
        Assert.StartsWith(Refusal, e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(ExecutionError.SyntaxError, e.Error.Type);
        Assert.Equal(1, e.Error.Line);
        Assert.Equal(upTo.Length + 1, e.Error.Column);
    }

    [Fact]
    public void Expressions_at_the_bound_answer()
    {
        using var db = new DuneSql.DuneSqlDb();
        // 200 terms: 199 operators and the SELECT list's own part.
        Assert.Equal("200", db.Scalar("SELECT " + string.Join("+", Enumerable.Repeat("1", 200))));
        Assert.Equal("A", db.Scalar("SELECT " + Repeat("upper(", 199) + "'a'" + new string(')', 199)));
        Assert.Equal("a", db.Scalar("SELECT " + Repeat("CASE WHEN v = 'a' THEN ", 150) + "v" + Repeat(" ELSE 'b' END", 150) + " FROM (VALUES 'a') t(v)"));
        // Parentheses that only group are no level (DuckDB drops them).
        Assert.Equal("1", db.Scalar("SELECT " + new string('(', 5_000) + "1" + new string(')', 5_000)));
        // Many shallow expressions and long AND/OR runs (DuckDB reads a run as one call) are not deep.
        Assert.Equal("true", db.Scalar("SELECT " + string.Join(" AND ", Enumerable.Repeat("1 + 1 = 2", 1_000))));
        Assert.Equal(1_000, db.Rows("SELECT " + string.Join(", ", Enumerable.Repeat("(1 + 2) * (3 - 4) || 'x'", 1_000)))[0].Length);
    }

    /// <summary>Alternating AND/OR groups nest a node a group in DuckDB (it merges only runs of one conjunction): each group
    /// after AND or OR is a level (the review of decision 249; 990 of them passed the bound before).</summary>
    [Fact]
    public void Alternating_and_or_groups_are_levels()
    {
        static string Alternating(int n) => "SELECT 1 WHERE " + Repeat("(true AND (true OR ", n) + "true" + new string(')', 2 * n);
        var watch = ThreadCpu.StartNew();
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(Alternating(495)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"{watch.Elapsed}");
        Assert.StartsWith(Refusal, e.Error.Message, StringComparison.Ordinal);
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("1", db.Scalar(Alternating(40)));
        Assert.Equal("1", db.Scalar("SELECT 1 WHERE (1 = 1 OR 2 = 2) AND (3 = 3 OR (4 = 4 AND 5 = 5))"));
    }
}
