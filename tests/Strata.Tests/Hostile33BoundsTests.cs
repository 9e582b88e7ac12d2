using System.Globalization;
using System.Text;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Tests.Infrastructure;

namespace Strata.Tests;

/// <summary>
/// hostile33 (decision 305): the known gaps of hostile32. (305's bound on <c>||</c> and concat, a typed macro over a native,
/// was withdrawn in 308: it refused aggregate operands and bound a chain in exponential time; concatenations of
/// aggregates, windows and long chains are checked here.) regexp_replace's bound counts
/// a group reference as its group's text only; reverse of a text or varbinary is one native pass; the demo lock's wait is
/// bounded. Expected values are computed here from the inputs (lengths, Trino's code-point reversal in C#).
/// </summary>
public sealed class Hostile33BoundsTests
{
    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("SELECT length(rpad('', 8000000, 'a') || rpad('', 8000000, 'b'))", "16000000")]
    [InlineData("SELECT length(concat(rpad('', 8388608, 'a'), rpad('', 8388608, 'b')))", "16777216")]
    [InlineData("SELECT 'ab' || 'cd' || CAST(NULL AS varchar)", "NULL")]
    [InlineData("SELECT 'ab' || 'cd' || 'é'", "abcdé")]
    [InlineData("SELECT from_hex('0102') || from_hex('03')", "0x010203")]
    [InlineData("SELECT ARRAY[1, 2] || ARRAY[3]", "[1, 2, 3]")]
    [InlineData("SELECT x || y FROM (VALUES ('a', 'b'), ('c', 'd')) t(x, y) ORDER BY 1 DESC LIMIT 1", "cd")]
    public void A_concatenation_within_the_bound_answers(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_constant_concatenation_is_still_folded()
    {
        // The translator's own regex patterns are built with ||: with the bound they stay constants DuckDB compiles once.
        using var db = new DuneSql.DuneSqlDb();
        string plan = string.Join("\n", db.TranslatedRows("EXPLAIN SELECT regexp_matches(s, 'q' || 'r' || 's') FROM (VALUES ('x')) t(s)").Select(r => string.Join(" ", r)));
        Assert.Contains("'qrs'", plan, StringComparison.Ordinal);
    }

    [Theory]
    // 305's typed "||" macro (withdrawn in 308's review): DuckDB bound an aggregate or window operand of a typed macro
    // overload as UNKNOWN, so both overloads matched ("Macro ||() has multiple overloads"), and it bound each level's
    // left operand twice, so a chain of n links took 2^n binds (22 links: 84 s). Dune's dashboards build labels this way.
    [InlineData("SELECT max(a) || max(b) FROM (VALUES ('x', 'y')) t(a, b)", "xy")]
    [InlineData("SELECT CAST(min(d) AS varchar) || ' - ' || CAST(max(d) AS varchar) FROM (VALUES DATE '2024-01-02', DATE '2024-03-04') t(d)", "2024-01-02 - 2024-03-04")]
    [InlineData("SELECT max(v) FROM (SELECT lag(s) OVER (ORDER BY s) || lead(s) OVER (ORDER BY s) AS v FROM (VALUES 'a', 'b', 'c') t(s))", "ac")]
    [InlineData("SELECT s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s || s FROM (VALUES 'a') t(s)", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("SELECT length(concat(s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s)) FROM (VALUES 'ab') t(s)", "64")]
    public void Concatenations_of_aggregates_windows_and_long_chains_answer(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void Regexp_replace_counts_a_reference_as_its_groups_text_only()
    {
        // 8,000,000 matches of one character, each replaced by its group twice: 16,000,000 characters, within 16 MiB. The
        // bound before counted each reference's two characters too (8,000,000 × 4 + 16,000,000) and refused it.
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(Text(16_000_000), db.Scalar("SELECT length(regexp_replace(rpad('', 8000000, 'a'), '(a)', '$1$1'))"));
        // The same with a literal byte per match is past the bound: 8,000,000 × 3.
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT length(regexp_replace(rpad('', 8000000, 'a'), '(a)', '$1-$1'))"));
        Assert.Contains("regexp_replace: the answer's length (the replacement at each match) is past 16777216", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Java's replacement: a backslash takes the next character literally, $n is group n.
    [InlineData("SELECT regexp_replace('ab', '(a)', '\\\\$1')", "\\ab")]
    [InlineData("SELECT regexp_replace('ab', '(a)', '\\$1')", "$1b")]
    [InlineData("SELECT regexp_replace('ab', '(a)(b)', '$2$1$2')", "bab")]
    public void Regexp_replace_reads_escapes_and_references_as_java_does(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>Trino's reverse of a varchar (SliceUtf8.reverse): the code points in reverse order, computed here.</summary>
    private static string CodePointsReversed(string s)
    {
        var points = new List<int>();
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1)
        {
            points.Add(char.ConvertToUtf32(s, i));
        }
        points.Reverse();
        var reversed = new StringBuilder();
        foreach (int p in points)
        {
            reversed.Append(char.ConvertFromUtf32(p));
        }
        return reversed.ToString();
    }

    [Theory]
    [InlineData("e\u0301x")] // a combining mark moves onto the x, as Trino's code points do
    [InlineData("a\U0001F600b\U00010348")] // supplementary characters stay whole
    [InlineData("")]
    [InlineData("h\u00e9llo w\u00f6rld \u4e2d\u6587")]
    public void Reverse_of_a_text_reverses_its_code_points(string text)
    {
        using var db = new DuneSql.DuneSqlDb();
        string literal = "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        Assert.Equal(CodePointsReversed(text), db.Scalar($"SELECT reverse({literal})"));
    }

    [Fact]
    public void Reverse_of_a_long_text_and_of_bytes_answers()
    {
        using var db = new DuneSql.DuneSqlDb();
        // 3,000,000 code points of "aé😀" repeated: its reverse starts with the last three reversed.
        var row = db.Rows("SELECT length(reverse(x)), substr(reverse(x), 1, 3), reverse(reverse(x)) = x FROM (SELECT rpad('', 3000000, 'a\u00e9\U0001F600') x)")[0];
        Assert.Equal(new[] { "3000000", CodePointsReversed("a\u00e9\U0001F600"), "true" }, row);
        Assert.Equal("0x030201", db.Scalar("SELECT reverse(from_hex('010203'))"));
        Assert.Equal("0x", db.Scalar("SELECT reverse(from_hex(''))"));
        Assert.Equal("[3, 2, 1]", db.Scalar("SELECT reverse(ARRAY[1, 2, 3])"));
    }

    [Fact]
    public void Reverse_is_one_native_pass()
    {
        // 297's split into a list of one-character strings is gone from the translation.
        string sql = DuneSqlTranslator.Translate("SELECT reverse(x) FROM t").Sql;
        Assert.Contains(DuneReverse.Function + "(", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("(?s).", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("regexp_extract_all", sql, StringComparison.Ordinal);
    }
}

/// <summary>hostile33 (decision 305): a start waits for the demo lock at most its bound, then fails naming the lock file;
/// a lock that cannot be opened fails at once, naming it.</summary>
public sealed class Hostile33DemoLockTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("strata-h33-lock-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_lock_held_past_the_wait_fails_the_start_naming_the_lock()
    {
        string path = DemoDatabase.PathIn(directory);
        using var hung = new FileStream(DemoData.LockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        using var waiting = new ManualResetEventSlim();
        var start = Task.Run(() => DemoData.EnsureFile(path, 0.001, waiting.Set, TimeSpan.FromSeconds(1)));
        var error = await Assert.ThrowsAsync<DemoData.DemoLockException>(() => start.WaitAsync(Api.HangGuard));
        Assert.True(waiting.IsSet);
        Assert.Contains($"The demo data lock {Path.GetFullPath(DemoData.LockPath(path))} is still held by another process", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_lock_that_cannot_be_opened_fails_at_once_naming_it()
    {
        string path = DemoDatabase.PathIn(directory);
        Directory.CreateDirectory(DemoData.LockPath(path)); // not a file: no process will ever release it
        var error = Assert.Throws<DemoData.DemoLockException>(() => DemoData.EnsureFile(path, 0.001, null, Api.HangGuard));
        Assert.Contains($"The demo data lock {Path.GetFullPath(DemoData.LockPath(path))} could not be opened for writing", error.Message, StringComparison.Ordinal);
    }
}
