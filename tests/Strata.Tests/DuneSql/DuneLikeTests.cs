using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Decision 362: a LIKE whose pattern is computed at run time runs through the native matcher
/// <c>dune_like</c> (no regular expression compiled per row), with Trino's answers: <c>%</c> any run, <c>_</c> one code
/// point, NULL for a NULL operand, NOT LIKE its negation.</summary>
public sealed class DuneLikeTests
{
    /// <summary>The reference: .NET's regular expression of the pattern over the text's code points (each code point a
    /// character of its own, so <c>_</c> is one code point as Trino's).</summary>
    private static bool Reference(string value, string pattern)
    {
        var re = new StringBuilder("^");
        foreach (var rune in pattern.EnumerateRunes())
        {
            re.Append(rune.Value switch
            {
                '%' => "(?:.|\\n)*",
                '_' => "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\uD800-\\uDFFF])",
                _ => Regex.Escape(rune.ToString()),
            });
        }
        return Regex.IsMatch(value, re.Append("\\z").ToString(), RegexOptions.CultureInvariant);
    }

    private static bool? Native(string value, string pattern) => DuneLike.Matches(Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(pattern));

    [Fact]
    public void The_matcher_agrees_with_a_regular_expression_over_random_texts_and_patterns()
    {
        string[] values = ["a", "b", "ä", "😀", "\n"];
        string[] patterns = ["a", "b", "ä", "😀", "%", "_"];
        var random = new Random(362);
        for (int n = 0; n < 20_000; n++)
        {
            string value = string.Concat(Enumerable.Range(0, random.Next(0, 8)).Select(_ => values[random.Next(values.Length)]));
            string pattern = string.Concat(Enumerable.Range(0, random.Next(0, 7)).Select(_ => patterns[random.Next(patterns.Length)]));
            Assert.True(Reference(value, pattern) == Native(value, pattern), $"'{value}' LIKE '{pattern}'");
        }
    }

    [Fact]
    public void A_pattern_that_backtracks_in_duckdb_is_matched_in_linear_time()
    {
        string value = new('a', 3000);
        string pattern = string.Concat(Enumerable.Repeat("%a_", 200)) + "b";
        var clock = Stopwatch.StartNew();
        Assert.False(Native(value, pattern));
        Assert.True(Native(value + "b", pattern));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    /// <summary>The value is the whole operand before LIKE (a concatenation binds tighter than LIKE); the translator's own
    /// forms of <c>||</c> and <c>lower</c> are written inside the call.</summary>
    [Theory]
    [InlineData("SELECT name LIKE '%' || s || '%' FROM t", "SELECT (dune_like(name, dune_concat(")]
    [InlineData("SELECT 1 FROM t WHERE t.name NOT LIKE s AND x = 1", "WHERE (NOT dune_like(t.name, s)) AND x = 1")]
    [InlineData("SELECT lower(name) LIKE concat('%', s) FROM t", "SELECT (dune_like(dune_lower((name)), ")]
    [InlineData("SELECT a || name LIKE s FROM t", "SELECT (dune_like(a || name, s))")]
    public void A_runtime_pattern_is_the_native_call(string sql, string call)
    {
        Assert.Contains(call, DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT name LIKE s ESCAPE '#' FROM t")]
    [InlineData("SELECT name LIKE 'a%' FROM t")]
    public void Other_likes_are_not_the_native_call(string sql)
    {
        Assert.DoesNotContain(DuneLike.Function, DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_through_the_engine_are_trinos()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("SELECT name, s, name LIKE '%' || s || '%', name NOT LIKE s || '_', name LIKE s FROM (VALUES "
            + "('USDC', 'SD', 'USDC'), ('äb', 'ä', 'äb'), ('x', NULL, 'x'), (NULL, 'a', NULL), ('a_c', '_', 'abc')) t(name, s, u) ORDER BY name NULLS LAST");
        Assert.Equal(
            [
                ["USDC", "SD", "true", "true", "false"],
                ["a_c", "_", "true", "true", "false"],
                ["x", "NULL", "NULL", "NULL", "NULL"],
                ["äb", "ä", "true", "false", "false"],
                ["NULL", "a", "NULL", "NULL", "NULL"],
            ],
            rows);
    }
}
