using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile34 (decision 309): a <c>||</c> chain or a concat call of texts or varbinaries is one native <c>dune_concat</c> call
/// that refuses an answer past 16 MiB before building it; format's arguments and to_hex's answer are bounded the same way;
/// reverse refuses an input past 16 MiB; split_to_map's natives are registered only for a text that calls them. Expected
/// values come from the inputs (lengths computed here, Trino's semantics from its docs: concat and <c>||</c> are NULL when an
/// operand is NULL, to_hex writes two digits a byte).
/// </summary>
public sealed class Hostile34BoundsTests
{
    private const string Bound = "is past 16777216, the most bytes a value may hold (16 MiB)";

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Translated(string sql) => DuneSqlTranslator.Translate(sql, default).Sql;

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Theory]
    // 9,000,000 + 1 + 9,000,000 bytes: past 16,777,216.
    [InlineData("SELECT length(rpad('', 9000000, 'a') || '-' || rpad('', 9000000, 'b'))")]
    [InlineData("SELECT length(concat(rpad('', 9000000, 'a'), '-', rpad('', 9000000, 'b')))")]
    [InlineData("SELECT length(to_utf8(rpad('', 9000000, 'a')) || 0x00 || to_utf8(rpad('', 9000000, 'b')))")]
    // A recursive CTE doubling a text: 2^15 × 2^10 bytes at the 10th step, the last Trino's recursion depth runs (decision 331;
    // before it the base was 'ab' and the bound was met at the 24th step).
    [InlineData("WITH RECURSIVE r(n, s) AS (SELECT 1, rpad('', 32768, 'a') UNION ALL SELECT n + 1, s || '' || s FROM r WHERE n < 40) SELECT max(length(s)) FROM r")]
    [InlineData("WITH RECURSIVE r(n, s) AS (SELECT 1, rpad('', 32768, 'a') UNION ALL SELECT n + 1, concat(CAST(s AS varchar), s) FROM r WHERE n < 40) SELECT max(length(s)) FROM r")]
    public void A_concatenation_past_the_bound_is_refused_naming_concat(string sql)
    {
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains("concat: the answer's size (its operands' bytes added) " + Bound, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT length(rpad('', 8388607, 'a') || '-' || rpad('', 8388608, 'b'))", 16_777_216)]
    [InlineData("SELECT length(concat(rpad('', 8388608, 'a'), rpad('', 8388608, 'b'), ''))", 16_777_216)]
    public void A_concatenation_at_the_bound_answers(string sql, long expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(Text(expected), db.Scalar(sql));
    }

    [Theory]
    // Trino: concat and || are NULL when any operand is NULL (string.mdx; ConcatFunction).
    [InlineData("SELECT 'a' || CAST(NULL AS varchar) || s FROM (VALUES 'x') t(s)", "NULL")]
    [InlineData("SELECT concat('a', s, 'b') FROM (VALUES CAST(NULL AS varchar)) t(s)", "NULL")]
    [InlineData("SELECT s || '-' || NULL FROM (VALUES 'x') t(s)", "NULL")]
    [InlineData("SELECT max(a) || ' / ' || min(b) FROM (VALUES ('x', 'y'), ('w', 'z')) t(a, b)", "x / y")]
    [InlineData("SELECT max(v) FROM (SELECT lag(s) OVER (ORDER BY s) || '+' || lead(s) OVER (ORDER BY s) AS v FROM (VALUES 'a', 'b', 'c') t(s))", "a+c")]
    [InlineData("SELECT from_hex('0102') || b || 0x04 FROM (VALUES from_hex('03')) t(b)", "0x01020304")]
    [InlineData("SELECT concat(b, from_hex('ff')) FROM (VALUES from_hex('00')) t(b)", "0x00ff")]
    [InlineData("SELECT a || x FROM (VALUES (ARRAY[1, 2], ARRAY[3])) t(a, x)", "[1, 2, 3]")]
    [InlineData("SELECT concat(a, ARRAY[3]) FROM (VALUES ARRAY[1, 2]) t(a)", "[1, 2, 3]")]
    [InlineData("SELECT 'é' || s || '😀' FROM (VALUES 'ü') t(s)", "éü😀")]
    [InlineData("SELECT upper(s) || lower(s) FROM (VALUES 'aB') t(s)", "ABab")]
    public void Concatenations_keep_Trinos_semantics(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_chain_is_one_call_with_each_operand_written_once()
    {
        string sql = Translated("SELECT max(a) || ' / ' || min(b) || ' / ' || upper(c) FROM t");
        Assert.Equal(1, Count(sql, "dune_concat("));
        Assert.Equal(1, Count(sql, "max(a)"));
        Assert.True(Count(sql, "upper((c))") == 1, sql); // dune_upper, Java's case mapping (decision 355)
        Assert.DoesNotContain("||", sql, StringComparison.Ordinal);
        // A chain of literals alone stays DuckDB's (folded as before); a chain next to arithmetic keeps its extent.
        Assert.DoesNotContain("dune_concat", Translated("SELECT s FROM t WHERE s LIKE '%' || 'abc' || '%'"), StringComparison.Ordinal);
        Assert.DoesNotContain("dune_concat", Translated("SELECT 'a' || 1 + 1"), StringComparison.Ordinal);
        // Calls that answer only texts or varbinaries type a chain (the translator's special-time set of text functions
        // once shadowed this set inside its pass: to_hex, to_utf8 and from_hex were missed).
        Assert.Contains("dune_concat(", Translated("SELECT to_utf8(x) || from_hex('00') || to_hex(y) FROM t"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_chain_of_forty_links_is_bound_at_once()
    {
        string chain = string.Join(" || ", Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "s" : "'-'"));
        using var db = new DuneSql.DuneSqlDb();
        var clock = Stopwatch.StartNew();
        string answer = db.Scalar($"SELECT {chain} FROM (VALUES 'a') t(s)");
        Assert.Equal(string.Concat(Enumerable.Range(0, 40).Select(i => i % 2 == 0 ? "a" : "-")), answer);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"40 links took {clock.Elapsed}");
    }

    [Fact]
    public void A_constant_chain_with_a_call_is_folded_by_DuckDB()
    {
        using var db = new DuneSql.DuneSqlDb();
        string plan = string.Join("\n", db.TranslatedRows(Translated("EXPLAIN SELECT regexp_like(s, 'q' || lower('R')) FROM (VALUES ('x')) t(s)")).Select(r => string.Join(" ", r)));
        Assert.Contains("'qr'", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void A_concatenation_of_a_number_and_a_text_is_refused_as_Trino_refuses_it()
    {
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT x || 'a' FROM (VALUES 1) t(x)"));
        Assert.Contains("Unexpected parameters (integer, varchar) for function concat", TrinoErrorMessages.Rewrite(Message(error)), StringComparison.Ordinal);
    }

    /// <summary>DuckDB's message without its type prefix ("Binder Error: ").</summary>
    private static string Message(Exception e)
    {
        string m = e.Message;
        int colon = m.IndexOf("Error: ", StringComparison.Ordinal);
        return colon >= 0 && colon < 30 ? m[(colon + "Error: ".Length)..] : m;
    }

    [Theory]
    [InlineData("SELECT length(format('%s%s', x, x)) FROM (SELECT rpad('', 9000000, 'a') x)")]
    [InlineData("SELECT length(format('%1$s%1$s', x)) FROM (SELECT rpad('', 9000000, 'a') x)")]
    [InlineData("SELECT length(format('%s-%s', x, y)) FROM (SELECT rpad('', 9000000, 'a') x, rpad('', 9000000, 'b') y)")]
    public void Format_past_the_bound_is_refused(string sql)
    {
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains("format: the answer's size (its arguments' text) " + Bound, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT length(format('%s%s', x, x)) FROM (SELECT rpad('', 8000000, 'a') x)", "16000000")]
    [InlineData("SELECT format('%s-%d-%s', 'a', 7, max(s)) FROM (VALUES 'x', 'y') t(s)", "a-7-y")]
    [InlineData("SELECT format('%2$s %1$s', 'a', 'b')", "b a")]
    public void Format_within_the_bound_answers(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void Format_references_are_counted_per_argument() =>
        Assert.Equal(new[] { 2, 0, 1 }, DuneSqlTranslator.FormatReferences("{0}{{1}}{0:>5}{2}", 3));

    [Fact]
    public void To_hex_writes_two_lower_case_digits_a_byte_and_refuses_past_the_bound()
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("abcd", db.Scalar("SELECT to_hex(0xABcd)"));
        Assert.Equal("", db.Scalar("SELECT to_hex(from_hex(''))"));
        Assert.Equal("NULL", db.Scalar("SELECT to_hex(CAST(NULL AS varbinary))"));
        Assert.Equal(Text(16_777_216), db.Scalar("SELECT length(to_hex(to_utf8(rpad('', 8388608, 'a'))))"));
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT length(to_hex(to_utf8(rpad('', 8388609, 'a'))))"));
        Assert.Contains("to_hex: the answer's size (two digits for each byte) " + Bound, error.Message, StringComparison.Ordinal);
        // A recursive CTE applying to_hex to its own answer stops at the bound.
        error = Assert.ThrowsAny<Exception>(() => db.Scalar(
            "WITH RECURSIVE r(n, s) AS (SELECT 1, rpad('', 32768, 'a') UNION ALL SELECT n + 1, to_hex(to_utf8(s)) FROM r WHERE n < 40) SELECT max(length(s)) FROM r"));
        Assert.Contains("to_hex: the answer's size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reverse_refuses_an_input_past_the_bound()
    {
        using var db = new DuneSql.DuneSqlDb();
        // An array's text (DuckDB's cast, not bounded here) of 10,000 × 1,677 characters and separators is past 16 MiB (the
        // array itself within transform's bound, decision 368).
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT length(reverse(CAST(transform(sequence(1, 10000), x -> rpad('', 1677, 'a')) AS varchar)))"));
        // Since 316 the array's text is refused where the cast builds it, before reverse reads it: either bound holds.
        Assert.Matches("reverse: the input is .* bytes, over the limit of 16777216 bytes|cast to varchar: the text of the array, map or row is past 16777216 bytes", error.Message);
        Assert.Equal(Text(16_000_000), db.Scalar("SELECT length(reverse(rpad('', 16000000, 'a')))"));
    }

    [Fact]
    public void Split_to_map_is_registered_only_for_a_text_that_calls_it()
    {
        // DuneHashes.Register (the sandbox's always-made set) registers the codecs; split_to_map's natives are on demand.
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        DuneHashes.Register(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM duckdb_functions() WHERE function_name LIKE 'dune_split_to_%'";
        Assert.Equal(0L, Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
        string translated = Translated("SELECT split_to_map('a=1,b=2', ',', '=')");
        Assert.True(DuneSplitMaps.UsedBy(translated));
        Assert.False(DuneSplitMaps.UsedBy(Translated("SELECT split('a,b', ',')")));
        DuneSplitMaps.Register(connection);
        command.CommandText = "SELECT CAST(m AS VARCHAR) FROM (" + Translated("SELECT split_to_map('a=1,b=2', ',', '=') AS m").TrimEnd().TrimEnd(';') + ")";
        Assert.Equal("{a=1, b=2}", command.ExecuteScalar());
    }
}
