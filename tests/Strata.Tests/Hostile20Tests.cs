using Strata.Core.Engine;
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
        var watch = System.Diagnostics.Stopwatch.StartNew();
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
        var watch = System.Diagnostics.Stopwatch.StartNew();
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
