namespace Strata.Tests.DuneSql;

/// <summary>
/// Examples of Trino's function pages (docs/src/main/sphinx/functions/*.md) that Strata answered wrongly or failed with
/// DuckDB's error (decision "trino-sweep"): each holds the page's documented answer, or the named refusal that replaced
/// a wrong answer or a raw DuckDB error.
/// </summary>
public sealed class DuneSqlTrinoSweepTests
{
    [Theory]
    // string.md: overlay(string PLACING replacement FROM start [FOR length]) (DuckDB: "syntax error at or near PLACING").
    [InlineData("overlay('Txxxxas' PLACING 'hom' FROM 2 FOR 4)", "Thomas")]
    [InlineData("overlay('abc' PLACING 'XYZ' FROM 3)", "abXYZ")]
    // The page's rules: a length of 0 or less inserts, a range past the end makes the result longer; code points.
    [InlineData("overlay('abc' PLACING 'X' FROM 2 FOR 0)", "aXbc")]
    [InlineData("overlay('abc' PLACING 'X' FROM 2 FOR -3)", "aXbc")]
    [InlineData("overlay('abc' PLACING 'XY' FROM 5)", "abcXY")]
    [InlineData("overlay('信念abc' PLACING '望' FROM 2 FOR 1)", "信望abc")]
    [InlineData("overlay(upper('abcdef') PLACING lower('XY') FROM 1 + 1 FOR length('ab'))", "AxyDEF")]
    [InlineData("overlay(CAST(NULL AS varchar) PLACING 'X' FROM 1)", "NULL")]
    [InlineData("overlay('abc' PLACING 'X' FROM 1 FOR CAST(NULL AS bigint))", "NULL")]
    // string.md: title_case (DuckDB: "Function 'title_case' not registered").
    [InlineData("title_case('hello world')", "Hello World")]
    [InlineData("title_case('hELLO wORLD-wide_web 2nd')", "Hello World-Wide_Web 2nd")]
    [InlineData("title_case('')", "")]
    [InlineData("title_case(CAST(NULL AS varchar))", "NULL")]
    // conversion.md: parse_data_size, a decimal(38) of bytes, the fraction of a byte dropped.
    [InlineData("parse_data_size('1B')", "1")]
    [InlineData("parse_data_size('1kB')", "1024")]
    [InlineData("parse_data_size('1MB')", "1048576")]
    [InlineData("parse_data_size('2.3MB')", "2411724")]
    [InlineData("parse_data_size(' 1.5 YB ')", "1813388729421943762059264")]
    public void A_documented_example_gives_the_pages_answer(string expression, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar("SELECT " + expression));
    }

    [Fact]
    public void Parse_data_size_is_a_decimal_38()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("DECIMAL(38,0)", db.Types("SELECT parse_data_size('2.3MB')")[0]);
    }

    [Theory]
    [InlineData("SELECT overlay('abc' PLACING 'X' FROM 0)", "overlay start position must be greater than 0")]
    [InlineData("SELECT parse_data_size('1 KB')", "Invalid data size: '1 KB'")]
    [InlineData("SELECT parse_data_size('MB')", "Invalid data size: 'MB'")]
    [InlineData("SELECT parse_data_size('-1B')", "Invalid data size: '-1B'")]
    // datetime.md: Trino's timezone(x) is the zone's name; DuckDB's one-argument timezone gave the offset's hour (0 for
    // Asia/Tokyo): refused by name now, and for a time with time zone (was DuckDB's binder error).
    [InlineData("SELECT timezone(TIMESTAMP '2024-01-01 12:00:00 Asia/Tokyo')", "Function timezone is not supported")]
    [InlineData("SELECT timezone(TIMESTAMP '2024-02-29 12:00:00 UTC')", "Function timezone is not supported")]
    [InlineData("SELECT timezone(TIME '12:00:00+09:00')", "Function timezone is not supported")]
    // ipaddress.md, multiset.md: types Strata does not have, named (were DuckDB's catalog and binder errors).
    [InlineData("SELECT contains('10.0.0.0/8', IPADDRESS '10.255.255.255')", "Type ipaddress is not supported")]
    [InlineData("SELECT CARDINALITY(MULTISET[1, 2, 2])", "Type multiset is not supported")]
    // conditional.md: a simple CASE's predicate WHEN (newer than Dune's Trino; was DuckDB's "syntax error at or near >").
    [InlineData("SELECT CASE a WHEN 0 THEN 'zero' WHEN > 100 THEN 'big' ELSE 'other' END FROM (VALUES 5) t(a)", "CASE … WHEN > … (a predicate after WHEN) is not supported")]
    [InlineData("SELECT CASE a WHEN IS NULL THEN 'unknown' END FROM (VALUES 5) t(a)", "CASE … WHEN IS … (a predicate after WHEN) is not supported")]
    [InlineData("SELECT CASE a WHEN BETWEEN 1 AND 10 THEN 'small' END FROM (VALUES 5) t(a)", "CASE … WHEN BETWEEN … (a predicate after WHEN) is not supported")]
    public void An_unsupported_or_bad_call_fails_naming_it(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timezone_at_hour_and_minute_are_unchanged()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("9", db.Scalar("SELECT timezone_hour(TIMESTAMP '2024-01-01 12:00:00 Asia/Tokyo')"));
        Assert.Equal("America/Los_Angeles", db.Scalar("SELECT timezone FROM (VALUES 'America/Los_Angeles') t(timezone)"));
    }

    [Fact]
    public void A_simple_and_a_searched_case_are_unchanged()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("SELECT a, CASE a WHEN 0 THEN 'zero' WHEN 5 THEN 'five' ELSE 'other' END, CASE WHEN a > 100 THEN 'big' WHEN a IS NULL THEN 'unknown' "
            + "WHEN a BETWEEN 1 AND 10 THEN 'small' ELSE 'other' END FROM (VALUES 0, 5, 500, NULL) t(a) ORDER BY a NULLS LAST");
        Assert.Equal(["zero,other", "five,small", "other,big", "other,unknown"], rows.Select(r => r[1] + "," + r[2]));
    }

    [Fact]
    public void Overlay_inside_try_gives_null_for_a_bad_start()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("NULL", db.Scalar("SELECT try(overlay('abc' PLACING 'X' FROM 0))"));
    }
}
