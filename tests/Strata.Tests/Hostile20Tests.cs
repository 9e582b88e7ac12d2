using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile20 (docs/notes/hostile20.md): a constant regexp_* pattern's conversion from Java's syntax (decision 209) costs
/// time and memory linear in the pattern, however many groups, braces or named references it has.
/// </summary>
public sealed class Hostile20RegexTests
{
    /// <summary>The bytes the current thread allocates translating sql; a 1 MiB statement (Strata:MaxSqlBytes) may take
    /// a few copies of its text, not one per group.</summary>
    private static long AllocatedTranslating(string sql)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            DuneSqlTranslator.Translate(sql);
        }
        catch (QueryFailedException)
        {
            // A refusal is an answer too: what it cost is what is measured.
        }
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Repeat(string piece, int count) => string.Concat(Enumerable.Repeat(piece, count));

    [Theory]
    // 50,000 non-capturing groups: each copied the rest of the pattern (about 10 GB before).
    [InlineData("(?:", 50_000, ")")]
    // Inline flags and named groups take the same path.
    [InlineData("(?i:", 40_000, ")")]
    [InlineData("(?<g>", 40_000, ")")]
    public void Groups_cost_linear_memory(string open, int count, string close)
    {
        string pattern = Repeat(open, count) + "a" + Repeat(close, count);
        long allocated = AllocatedTranslating($"SELECT regexp_like('a', '{pattern}')");
        Assert.True(allocated < 200L * pattern.Length + 50_000_000, $"{allocated:N0} bytes for a {pattern.Length:N0}-character pattern");
    }

    [Fact]
    public void Unclosed_braces_cost_linear_time()
    {
        // 400,000 '{' with no '}': each looked for its '}' to the pattern's end (80 billion character reads before).
        string sql = $"SELECT regexp_like('a', 'x{new string('{', 400_000)}')";
        var watch = ThreadCpu.StartNew();
        try
        {
            DuneSqlTranslator.Translate(sql);
        }
        catch (QueryFailedException)
        {
        }
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed} translating 400,000 unclosed braces");
    }

    [Fact]
    public void Named_references_cost_linear_time()
    {
        // 20,000 named groups and 20,000 references to the last: each reference searched every name (400 million string
        // comparisons before).
        const int n = 20_000;
        string pattern = string.Concat(Enumerable.Range(0, n).Select(i => $"(?<g{i}>a)"));
        string replacement = Repeat($"${{g{n - 1}}}", n);
        var watch = ThreadCpu.StartNew();
        string translated = DuneSqlTranslator.Translate($"SELECT regexp_replace('a', '{pattern}', '{replacement}')").Sql;
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{watch.Elapsed} translating {n} named references");
        // The last group's number, split from its '$' by the template's quoting ($' || '20000).
        Assert.Contains("$' || '" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), translated, StringComparison.Ordinal);
    }

    [Theory]
    // Repetitions keep their meaning after the linear scan.
    [InlineData("SELECT regexp_like('aaa', '^a{3}$')", "true")]
    [InlineData("SELECT regexp_like('aaa', '^a{2,}$')", "true")]
    [InlineData("SELECT regexp_like('a{2}', '^a\\{2}$')", "true")]
    [InlineData("SELECT regexp_like('a{', 'a{')", "true")]
    [InlineData("SELECT regexp_like('a{x}', 'a{x}')", "true")]
    [InlineData("SELECT regexp_like('a{1', 'a{1')", "true")]
    [InlineData("SELECT regexp_extract('abab', '(?<p>ab)\\d*+')", "ab")]
    [InlineData("SELECT regexp_replace('ab', '(?<x>a)(?<y>b)', '${y}${x}')", "ba")]
    public void Converted_patterns_answer_as_before(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }
}

/// <summary>
/// hostile20: listagg's <c>ON OVERFLOW TRUNCATE ['filler'] WITH|WITHOUT COUNT</c> as Trino's AbstractListaggAggregationState
/// writes it: values while the output stays within 1,048,576 bytes, then the separator (after a value), the filler
/// (default <c>...</c>) and, WITH COUNT, <c>(n)</c> for the values left out.
/// </summary>
public sealed class Hostile20ListaggTests
{
    private const string TenThousand = " WITHIN GROUP (ORDER BY x) FROM UNNEST(sequence(1, 10000)) t(x)";

    [Theory]
    // 10,000 values of 200 bytes and ',': k values take 201k - 1 bytes, at most 1,048,576 for k = 5,216 (1,048,415 bytes);
    // then ',', '...' and '(4784)': 1,048,425 bytes.
    [InlineData("SELECT length(l), substr(l, -13) FROM (SELECT listagg(lpad('', 200, 'x'), ',' ON OVERFLOW TRUNCATE WITH COUNT)" + TenThousand + ") s(l)",
        "1048425", "xxx,...(4784)")]
    [InlineData("SELECT length(l), substr(l, -5) FROM (SELECT listagg(lpad('', 200, 'x'), ',' ON OVERFLOW TRUNCATE '~' WITHOUT COUNT)" + TenThousand + ") s(l)",
        "1048417", "xxx,~")]
    // No separator: 5,242 values of 200 bytes fit (1,048,400); '…' and '(4758)'.
    [InlineData("SELECT length(l), substr(l, -10) FROM (SELECT listagg(lpad('', 200, 'x') ON OVERFLOW TRUNCATE '…' WITH COUNT)" + TenThousand + ") s(l)",
        "1048407", "xxx…(4758)")]
    // Bytes, not characters: 100,000 two-byte characters a value, 5 values fit (1,000,000 bytes).
    [InlineData("SELECT length(l), substr(l, -7) FROM (SELECT listagg(lpad('', 100000, 'é') ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY x) FROM UNNEST(sequence(1, 10)) t(x)) s(l)",
        "500006", "é...(5)")]
    // A first value past the bound alone: no value written, no separator.
    [InlineData("SELECT length(l), l FROM (SELECT listagg(lpad('', 1048577, 'x'), ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY x) FROM UNNEST(sequence(1, 2)) t(x)) s(l)",
        "6", "...(2)")]
    // Exactly the bound: nothing truncated (4,096 values, one of 256 bytes, 4,095 of 255, 4,095 separators).
    [InlineData("SELECT length(l), substr(l, -3) FROM (SELECT listagg(lpad('', IF(x = 1, 256, 255), 'x'), ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY x) FROM UNNEST(sequence(1, 4096)) t(x)) s(l)",
        "1048576", "xxx")]
    public void Truncate_past_a_mebibyte_as_Trino(string sql, string length, string end)
    {
        using var db = new DuneSql.DuneSqlDb();
        var row = Assert.Single(db.Rows(sql));
        Assert.Equal([length, end], row);
    }

    [Theory]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a', 'c', 'b') t(v)", "a,b,c")]
    [InlineData("SELECT listagg(v ON OVERFLOW TRUNCATE 'x' WITHOUT COUNT) WITHIN GROUP (ORDER BY v DESC) FROM (VALUES 'a', 'c', 'b') t(v)", "cba")]
    [InlineData("SELECT listagg(v, ';' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a', NULL, 'b') t(v)", "a;b")]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES CAST(NULL AS varchar)) t(v)", "NULL")]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v) WHERE v = 'z'", "NULL")]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) FILTER (WHERE v <> 'b') FROM (VALUES 'a', 'c', 'b') t(v)", "a,c")]
    [InlineData("SELECT array_join(array_agg(l ORDER BY k), '|') FROM (SELECT k, listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) AS l FROM (VALUES (1, 'b'), (2, 'c'), (1, 'a')) t(k, v) GROUP BY k)", "a,b|c")]
    public void Truncate_within_the_bound_is_the_whole_join(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_filler_past_65536_bytes_fails_in_Trinos_words()
    {
        using var db = new DuneSql.DuneSqlDb();
        string sql = $"SELECT listagg(v, ',' ON OVERFLOW TRUNCATE '{new string('f', 65_537)}' WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)";
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Rows(sql));
        Assert.Equal("Overflow filler length 65537 exceeds maximum length 65536", Strata.Engine.DuckDb.TrinoErrorMessages.RewriteError(e.Message));
    }

    [Theory]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE 'x') WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input ')'")]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input ')'")]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE 'a' 'b' WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input ''b''")]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE v WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input 'v'")]
    [InlineData("SELECT listagg(v ON OVERFLOW TRUNCATE WITH COUNT 1) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input '1'")]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW SKIP) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input 'SKIP'")]
    public void Truncate_outside_Trinos_grammar_is_refused_at_its_token(string sql, string message)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.StartsWith(message, e.Error.Message, StringComparison.Ordinal);
    }
}

/// <summary>hostile20: an execution's sandbox registers listagg's TRUNCATE function when its text calls it (the engine in
/// this process, as the server's workers run it).</summary>
public sealed class Hostile20ListaggSandboxTests : IDisposable
{
    private readonly DuneSql.DemoEngineFixture fixture = new("strata-hostile20-", "CREATE TABLE t AS SELECT 1 AS a");

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void Truncate_runs_in_an_execution()
    {
        var request = new EngineRequest(ExecutionIds.New(),
            "SELECT 1 FROM t WHERE (SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) "
            + "FROM (VALUES 'b', 'a') s(v)) = 'a,b'",
            "alice", PerformanceTier.Medium, 1L << 30, [], Strata.Core.Queries.SqlDialect.DuneSql);
        var outcome = fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
        Assert.Equal(1, outcome.RowCount);
    }
}
