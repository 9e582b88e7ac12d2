using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile31 (decision 294): regexp_replace through DuckDB's own engine refuses an answer past 16 MiB before it builds it
/// (a long replacement over many matches built up to the worker's memory limit); ordinary and large-but-within calls answer
/// as Trino does. Lengths are computed here from the inputs.
/// </summary>
public sealed class Hostile31RegexpReplaceTests
{
    [Fact]
    public void A_replacement_at_a_million_matches_past_the_bound_is_refused_naming_the_function()
    {
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT length(regexp_replace(rpad('', 1000000, 'a'), 'a', rpad('', 1000, 'b')))"));
        Assert.Contains("regexp_replace: the answer's length (the replacement at each match) is past 16777216", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_text_with_few_matches_and_a_long_replacement_is_answered()
    {
        using var db = new DuneSql.DuneSqlDb();
        // 8,000,000 + 1 characters, one match of 1 replaced by 100: the worst case (a match at every place) passes the
        // bound, the counted one does not.
        Assert.Equal((8_000_000 + 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
            db.Scalar("SELECT length(regexp_replace(rpad('', 8000000, 'a') || 'x', 'x', rpad('', 100, 'y')))"));
    }

    [Theory]
    // A text over 8 MiB with group references and few or no matches (the review of 294: each reference was charged the
    // whole text, and these were refused): the answer is the text with the matches replaced.
    [InlineData("SELECT length(regexp_replace(rpad('a', 4500000, 'a'), '(x)(y)(z)', '$3$2$1'))", 4_500_000)]
    [InlineData("SELECT length(regexp_replace(rpad('a', 9000000, 'a') || 'xy', '(x)(y)', '$2$1$2$1'))", 9_000_000 + 4)]
    public void A_large_text_with_group_references_and_few_matches_is_answered(string sql, long expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), db.Scalar(sql));
    }

    [Theory]
    [InlineData("SELECT regexp_replace('abc', '(b)', '[$1$1]')", "a[bb]c")]
    [InlineData("SELECT regexp_replace('a.b', '\\.', '\\$')", "a$b")]
    [InlineData("SELECT regexp_replace('aaa', 'a', 'xy')", "xyxyxy")]
    [InlineData("SELECT regexp_replace(CAST(NULL AS varchar), 'a', 'b')", "NULL")]
    [InlineData("SELECT regexp_replace('abc', 'b', CAST(NULL AS varchar))", "NULL")]
    [InlineData("SELECT regexp_replace(x, p, r) FROM (VALUES ('hello', 'l+', '<$0>')) t(x, p, r)", "he<ll>o")]
    public void Ordinary_calls_answer_as_trino_does(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_chain_of_calls_writes_each_operand_once()
    {
        string sql = "SELECT " + string.Concat(Enumerable.Repeat("regexp_replace(", 8)) + "x"
            + string.Concat(Enumerable.Repeat(", 'a', 'b')", 8)) + " FROM t";
        // Each level adds its own text once (a few hundred characters), not a multiple of the level below.
        Assert.True(DuneSqlTranslator.Translate(sql).Sql.Length < 8 * 2_000, DuneSqlTranslator.Translate(sql).Sql.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
