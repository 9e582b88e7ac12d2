using Strata.Core.Engine;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 228 ("dune-regex-time"), issue 10: the regexp_* functions give Trino's answers (JoniRegexpFunctions: Joni, Java
/// syntax) for constant patterns that use what RE2 lacks — look-around, atomic groups, possessive quantifiers,
/// back-references (<c>\1</c>, <c>\k&lt;name&gt;</c>), <c>\G</c>, <c>\Z</c> anywhere — through a backtracking engine
/// (<c>dune_java_regexp</c>), with Trino's search loop, group checks and replacement syntax; the POSIX properties
/// <c>\p{Punct}</c>, <c>Graph</c>, <c>Print</c>, <c>Cntrl</c>; <c>\v</c>. Each expected value is Java's/Joni's reading of
/// the pattern, worked by hand.
/// </summary>
public sealed class DuneSqlRegexTimeTests
{
    [Theory]
    [InlineData("SELECT regexp_like('foobar', 'foo(?=bar)')", "true")]
    [InlineData("SELECT regexp_like('foobaz', 'foo(?=bar)')", "false")]
    [InlineData(@"SELECT regexp_extract('foobar foobaz', 'foo(?!bar)\w+')", "foobaz")]
    [InlineData(@"SELECT regexp_extract_all('price: $10, cost: $20', '(?<=\$)\d+')", "[10, 20]")]
    [InlineData(@"SELECT regexp_extract('xyz abz', '(?<!x)[a-z]z')", "bz")]
    // The atomic group keeps 'a' and does not try 'ab': no match (a plain group would match "abc").
    [InlineData("SELECT regexp_like('abc', '(?>a|ab)c')", "false")]
    [InlineData("SELECT regexp_like('abc', '(?:a|ab)c')", "true")]
    // A possessive star takes every 'a' and gives none back.
    [InlineData("SELECT regexp_extract('aaa', 'a*+a')", "NULL")]
    [InlineData(@"SELECT regexp_extract('xx123abc', '\d{2}+\d')", "123")]
    [InlineData(@"SELECT regexp_extract('<abc>x', '<[^>]*+>x')", "<abc>x")]
    [InlineData(@"SELECT regexp_extract('aab', '(?:a|b)++b')", "NULL")]
    [InlineData(@"SELECT regexp_replace('hello world', '(\w)\1', '<$1$1>')", "he<ll>o world")]
    [InlineData(@"SELECT regexp_extract('xabcabc', '(?<w>abc)\k<w>')", "abcabc")]
    [InlineData(@"SELECT regexp_extract('xabcabc', '(?<w>abc)\k<w>', 1)", "abc")]
    [InlineData(@"SELECT regexp_extract_all('aa bb cd ee', '(\w)\1')", "[aa, bb, ee]")]
    [InlineData(@"SELECT regexp_extract_all('aa bb cd ee', '(\w)\1', 1)", "[a, b, e]")]
    [InlineData(@"SELECT regexp_count('aa bb cd ee', '(\w)\1')", "3")]
    [InlineData(@"SELECT regexp_position('xaa bb', '(\w)\1')", "2")]
    [InlineData(@"SELECT regexp_position('aa bb aa', '(\w)\1', 2)", "4")]
    [InlineData(@"SELECT regexp_position('aa bb aa', '(\w)\1', 1, 3)", "7")]
    [InlineData(@"SELECT regexp_position('aa bb aa', '(\w)\1', 1, 4)", "-1")]
    [InlineData(@"SELECT regexp_position('aa', '(\w)\1', 9)", "-1")]
    [InlineData(@"SELECT regexp_split('a11b2c', '(\d)\1')", "[a, b2c]")]
    [InlineData(@"SELECT regexp_replace('a11b22', '(\d)\1')", "ab")]
    // \G holds where each search starts: only the leading run.
    [InlineData(@"SELECT regexp_extract_all('aaabaa', '\Ga')", "[a, a, a]")]
    [InlineData(@"SELECT regexp_replace('aaabaa', '\Ga', 'x')", "xxxbaa")]
    // \Z: the end, or before a final newline; \z only the end; \A only the start.
    [InlineData(@"SELECT length(regexp_replace('ab' || chr(10), 'b\Z', 'X'))", "3")]
    [InlineData(@"SELECT regexp_replace('ab' || chr(10), 'b\Z', 'X') = 'aX' || chr(10)", "true")]
    [InlineData(@"SELECT regexp_extract('ab' || chr(10), 'b\Z(\n?)', 1) = chr(10)", "true")]
    [InlineData(@"SELECT regexp_like('ab' || chr(10), 'b\z')", "false")]
    [InlineData(@"SELECT regexp_extract_all('aXa', '\Aa')", "[a]")]
    // Empty matches: each search starts one character after an empty match, as Trino's getNextStart.
    [InlineData("SELECT regexp_replace('abc', '(?=b)', '-')", "a-bc")]
    [InlineData("SELECT regexp_split('abc', '(?=b)|(?=c)')", "[a, b, c]")]
    [InlineData("SELECT regexp_count('abc', '(?=.)')", "3")]
    // Quoted text, categories and flags inside a pattern the backtracking engine reads.
    [InlineData(@"SELECT regexp_extract('a.b+ a.b+', '(\Qa.b+\E) \1')", "a.b+ a.b+")]
    [InlineData(@"SELECT regexp_extract('Ünï1', '(\p{L})\1*+')", "Ü")]
    [InlineData(@"SELECT regexp_extract('ÄÄx', '(\p{Lu})\1')", "ÄÄ")]
    [InlineData(@"SELECT regexp_extract('AbAB', '(?i)(ab)\1')", "AbAB")]
    [InlineData(@"SELECT regexp_like('b' || chr(10) || 'a', '(?m)^a$(?<=a)')", "true")]
    [InlineData(@"SELECT regexp_like('b' || chr(10) || 'a', '^a$(?<=a)')", "false")]
    [InlineData(@"SELECT regexp_like('a' || chr(10) || 'b', '(?s)a.b(?!x)')", "true")]
    [InlineData(@"SELECT regexp_like('a' || chr(10) || 'b', 'a.b(?!x)')", "false")]
    [InlineData(@"SELECT regexp_extract('x9 ab', '(?=\w)\D\w\b')", "x9")]
    [InlineData(@"SELECT regexp_extract('x9a ab', '(?=\w)\D\w\b')", "ab")]
    [InlineData(@"SELECT regexp_extract('aé1', '(?<=a)\x{e9}\d')", "é1")]
    // A replacement's ${name}, $n taking as many digits as name a group, \$ and \\ literal.
    [InlineData(@"SELECT regexp_replace('2024-05-06', '(?<y>\d+)-(?<m>\d+)-(?<d>\d+)(?!\d)', '${d}/${m}/${y}')", "06/05/2024")]
    [InlineData(@"SELECT regexp_replace('ab', '(a)(?=b)', '$10')", "a0b")]
    [InlineData(@"SELECT regexp_replace('ab', '(a)(?=b)', '\$1\\')", "$1\\b")]
    [InlineData(@"SELECT regexp_replace('ab', '(x)?a(?=b)', '[$1]')", "[]b")]
    [InlineData(@"SELECT regexp_extract('ab', '(x)?a(?=b)', 1)", "NULL")]
    [InlineData(@"SELECT regexp_extract_all('ab', '(x)?[ab](?=b|$)', 1)", "[NULL, NULL]")]
    [InlineData(@"SELECT regexp_extract(NULL, '(a)\1')", "NULL")]
    [InlineData(@"SELECT regexp_extract('aa', '(a)\1', NULL)", "NULL")]
    public void Constructs_re2_lacks_give_trinos_answers(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_column_of_texts_is_matched_row_by_row()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows(@"SELECT regexp_extract(s, '(\w)\1+') FROM (VALUES ('abbc'), (NULL), ('xyz'), ('zzz')) v(s) ORDER BY s NULLS LAST");
        Assert.Equal(["bb", "NULL", "zzz", "NULL"], rows.Select(r => r[0]).ToArray());
    }

    [Theory]
    [InlineData(@"SELECT regexp_extract('aa', '(a)\1', 2)", "Pattern has 1 groups. Cannot access group 2")]
    [InlineData(@"SELECT regexp_extract_all('aa', '(a)\1', -1)", "Group cannot be negative")]
    [InlineData(@"SELECT regexp_replace('aa', '(a)\1', '$2')", "Illegal replacement sequence: unknown group 2")]
    [InlineData(@"SELECT regexp_replace('aa', '(a)\1', 'x$')", "Illegal replacement sequence: x$")]
    [InlineData(@"SELECT regexp_replace('aa', '(a)\1', 'x\')", @"Illegal replacement sequence: x\")]
    [InlineData(@"SELECT regexp_position('aa', '(a)\1', 0)", "start position cannot be smaller than 1")]
    [InlineData(@"SELECT regexp_replace('aa', '(a)\1', r) FROM (VALUES '${v}') t(r)", "Illegal replacement sequence: unknown group { v }")]
    [InlineData(@"SELECT regexp_position('aa', '(a)\1', 1, 0)", "occurrence cannot be smaller than 1")]
    [InlineData(@"SELECT regexp_like('aa', '(?<w>a)\k<v>')", "undefined name <v> reference")]
    public void Bad_arguments_fail_in_trinos_words(string sql, string message)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(message, Failure(db, sql));
    }

    /// <summary>The query's error as the engine reports it: a translation's refusal, or DuckDB's error rewritten.</summary>
    private static string Failure(DuneSqlDb db, string sql)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        return e is QueryFailedException failed ? failed.Error.Message : Strata.Engine.DuckDb.TrinoErrorMessages.RewriteError(e.Message);
    }

    [Theory]
    [InlineData(@"SELECT regexp_like('😀😀', '(.)\1')", "characters past U+FFFF")]
    [InlineData(@"SELECT regexp_like('αα', '(\p{Greek})\1')", @"the character property \p{Greek} together with a construct only a backtracking engine has is not supported")]
    [InlineData(@"SELECT regexp_like('a', '\p{IsLatin}')", @"the character property \p{IsLatin} is not supported")]
    [InlineData(@"SELECT regexp_like('a', '\p{InGreek}')", @"the character property \p{InGreek} is not supported")]
    [InlineData(@"SELECT regexp_like('a', '(?u)a')", "the flag (?u) is not supported")]
    [InlineData(@"SELECT regexp_like('a', '(?d)a')", "the flag (?d) is not supported")]
    [InlineData(@"SELECT regexp_like('a', '\R')", @"the escape \R is not supported")]
    [InlineData(@"SELECT regexp_like('a', '(a)\1\x{1F600}')", @"the code point \x{1F600} together with a construct only a backtracking engine has is not supported")]
    [InlineData(@"SELECT regexp_replace('abc', '(?=b)', x -> 'y')", "the look-ahead (?=…) is not supported")]
    public void What_neither_engine_reads_as_trino_is_refused_by_name(string sql, string words)
    {
        using var db = new DuneSqlDb();
        Assert.Contains(words, Failure(db, sql), StringComparison.Ordinal);
    }

    /// <summary>A pattern can make values far larger than its input: every prefix of a 20,000-character text is 200 M
    /// characters, 1,000,001 empty matches a million values. Each native call stops at its bounds, in clear words.</summary>
    [Theory]
    [InlineData("SELECT cardinality(regexp_extract_all(lpad('', 20000, 'a'), '(?<=(.*))', 1))")]
    [InlineData("SELECT cardinality(regexp_extract_all(lpad('', 1000001, 'a'), '(?=a)|(?<=a)'))")]
    [InlineData("SELECT length(regexp_replace(lpad('', 20000, 'a'), '(?<=(.*))', '$1'))")]
    [InlineData("SELECT cardinality(regexp_split(lpad('', 1000001, 'a'), '(?<=a)'))")]
    public void What_one_call_produces_is_bounded(string sql)
    {
        using var db = new DuneSqlDb();
        Assert.StartsWith("regexp functions: the values computed together pass 67108864 characters or 1000000 values", Failure(db, sql), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_within_the_bounds_are_computed()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("2000", db.Scalar("SELECT cardinality(regexp_extract_all(lpad('', 2000, 'a'), '(?<=(.*))', 1)) - 1"));
    }

    [Theory]
    // Onigmo's POSIX brackets: Punct is Unicode's punctuation and $+<=>^`|~; Cntrl is Cc; Graph every assigned character
    // but white space and controls; Print is Graph and the space separators.
    [InlineData(@"SELECT regexp_extract_all('a,b;c$d+e', '\p{Punct}')", "[,, ;, $, +]")]
    [InlineData(@"SELECT regexp_like('«x»', '^\p{Punct}x\p{Punct}$')", "true")]
    [InlineData(@"SELECT regexp_like('a', '\p{Punct}')", "false")]
    [InlineData(@"SELECT regexp_extract('ab,;c', '\P{Punct}+')", "ab")]
    [InlineData(@"SELECT regexp_extract('ab,;c', '[\p{Punct}b]+')", "b,;")]
    [InlineData(@"SELECT regexp_count('a' || chr(9) || 'b' || chr(127) || ' ', '\p{Cntrl}')", "2")]
    [InlineData(@"SELECT regexp_extract_all('a b€ ', '\p{Graph}+')", "[a, b€]")]
    [InlineData(@"SELECT regexp_extract('a b' || chr(9) || 'c', '\p{Print}+')", "a b")]
    [InlineData(@"SELECT regexp_extract('ab c', '\P{Graph}')", " ")]
    [InlineData(@"SELECT regexp_extract('abc αβγ', '\p{Greek}+')", "αβγ")]
    [InlineData(@"SELECT regexp_extract('x,,y', '(\p{Punct})\1')", ",,")]
    [InlineData(@"SELECT regexp_like(chr(11), '^\v$')", "true")]
    [InlineData(@"SELECT regexp_like('A', '(?i)a')", "true")]
    public void Posix_properties_and_escapes_read_as_joni_reads_them(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }
}

/// <summary>
/// Decision 228: from_unixtime as Trino's DateTimeFunctions.fromUnixTime — the instant of Math.round(x * 1000)
/// milliseconds (a timestamp(3) with time zone), NaN at the epoch, "Millis overflow: n" past DateTimeEncoding's 2^51 - 1
/// milliseconds (NULL under TRY); from_unixtime_nanos at the bigint's ends refused by name, not with DuckDB's text.
/// </summary>
public sealed class DuneSqlUnixTimeTests
{
    [Theory]
    [InlineData("SELECT to_unixtime(from_unixtime(1700000000.1234567))", "1700000000.123")]
    [InlineData("SELECT to_unixtime(from_unixtime(1700000000.1235))", "1700000000.124")]
    [InlineData("SELECT CAST(from_unixtime(-1.5) AS VARCHAR)", "1969-12-31 23:59:58.500 UTC")]
    [InlineData("SELECT CAST(from_unixtime(nan()) AS VARCHAR)", "1970-01-01 00:00:00.000 UTC")]
    [InlineData("SELECT CAST(from_unixtime(2251799813685.247) AS VARCHAR)", "73326-09-11 20:14:45.247 UTC")]
    [InlineData("SELECT CAST(from_unixtime(1700000000.1234567, 'Asia/Kolkata') AS VARCHAR)", "2023-11-15 03:43:20.123 Asia/Kolkata")]
    [InlineData("SELECT CAST(from_unixtime(x) AS VARCHAR) FROM (VALUES (CAST(1700000000 AS BIGINT))) t(x)", "2023-11-14 22:13:20.000 UTC")]
    [InlineData("SELECT TRY(from_unixtime(1e18))", "NULL")]
    [InlineData("SELECT TRY(from_unixtime(1e18, 'Asia/Kolkata'))", "NULL")]
    [InlineData("SELECT CAST(from_unixtime_nanos(9223372036854775806) AS VARCHAR)", "2262-04-11 23:47:16.854775806 UTC")]
    [InlineData("SELECT CAST(from_unixtime_nanos(1700000000123456789) AS VARCHAR)", "2023-11-14 22:13:20.123456789 UTC")]
    [InlineData("SELECT from_unixtime_nanos(NULL)", "NULL")]
    [InlineData("SELECT TRY(from_unixtime_nanos(9223372036854775807))", "NULL")]
    public void Unix_times_are_trinos(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    [InlineData("SELECT from_unixtime(2251799813685.248)", "Millis overflow: 2251799813685248")]
    [InlineData("SELECT from_unixtime(-2251799813685.248)", "Millis overflow: -2251799813685248")]
    [InlineData("SELECT from_unixtime(1e18)", "Millis overflow: 9223372036854775807")]
    [InlineData("SELECT from_unixtime(-infinity())", "Millis overflow: -9223372036854775808")]
    [InlineData("SELECT from_unixtime(1e15, 'UTC')", "Millis overflow: 1000000000000000000")]
    [InlineData("SELECT from_unixtime_nanos(9223372036854775807)", "from_unixtime_nanos: 9223372036854775807 nanoseconds is outside the range Strata holds (-9223372036854775806 to 9223372036854775806)")]
    [InlineData("SELECT from_unixtime_nanos(-9223372036854775808)", "from_unixtime_nanos: -9223372036854775808 nanoseconds is outside the range Strata holds (-9223372036854775806 to 9223372036854775806)")]
    [InlineData("SELECT from_unixtime_nanos(CAST(9223372036854775807 AS DECIMAL(38,0)) * 10)", "from_unixtime_nanos: 92233720368547758070 nanoseconds is outside the range Strata holds (-9223372036854775806 to 9223372036854775806)")]
    public void Out_of_range_unix_times_fail_in_clear_words(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Equal(message, Strata.Engine.DuckDb.TrinoErrorMessages.RewriteError(e.Message));
    }
}
