using System.Globalization;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 218 ("dune-types21"): Joda fields format_datetime could not write (a year of five or more letters, k, K, C,
/// G, DD, S/SS — Joda's DateTimeFormat: numbers zero-padded to the letters' count, a year of 2 letters the year of the
/// century), parse_datetime's two-digit year read around Joda's pivot (this year - 30, so this year - 80 … this year + 19),
/// and Java's comments flag <c>(?x)</c> in the regexp_* functions (Joni's extended mode: white space and <c>#</c>
/// comments dropped outside classes).
/// </summary>
public sealed class DuneSqlTypes21Tests
{
    [Theory]
    [InlineData("yyyyy", "02024")]
    [InlineData("yyyyyy", "002024")]
    [InlineData("YYYYY", "02024")]
    [InlineData("yyyyy-MM-dd", "02024-05-06")]
    [InlineData("k:mm", "7:08")]
    [InlineData("kk", "07")]
    [InlineData("K", "7")]
    [InlineData("C", "20")]
    [InlineData("CCC", "020")]
    [InlineData("G yyyy", "AD 2024")]
    [InlineData("DD", "127")]
    [InlineData("S", "1")]
    [InlineData("ss.SS", "09.12")]
    [InlineData("'y' yyyyy 'k' kk", "y 02024 k 07")]
    public void Joda_fields_strftime_lacks_are_written_as_joda_writes_them(string pattern, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT format_datetime(TIMESTAMP '2024-05-06 07:08:09.123', '{pattern.Replace("'", "''", StringComparison.Ordinal)}')"));
    }

    [Theory]
    // Midnight is hour 24 of k; 13:00 is hour 1 of K; a day of the year below 10 padded to DD's two digits.
    [InlineData("2024-01-05 00:30:00", "kk K DD", "24 0 05")]
    [InlineData("2024-01-05 13:30:00", "k K", "13 1")]
    [InlineData("2024-01-05 12:00:00", "k K", "12 0")]
    public void Clock_hours_and_days_of_the_year_follow_joda(string timestamp, string pattern, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT format_datetime(TIMESTAMP '{timestamp}', '{pattern}')"));
    }

    [Fact]
    public void A_column_of_timestamps_and_a_null_are_formatted_row_by_row()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("SELECT format_datetime(t, 'yyyyy kk G') FROM (VALUES TIMESTAMP '2024-05-06 00:00:00', "
            + "TIMESTAMP '1999-12-31 23:00:00', NULL) v(t) ORDER BY t NULLS LAST");
        Assert.Equal(["01999 23 AD", "02024 24 AD", "NULL"], rows.Select(r => r[0]).ToArray());
    }

    [Fact]
    public void A_two_digit_year_is_read_around_jodas_pivot()
    {
        // Joda (DateTimeFormat.parsePatternTo): appendTwoDigitYear(this year - 30), so yy reads as the year in
        // [this year - 80, this year + 19]. DuckDB's %y alone reads 00..68 as 20xx and 69..99 as 19xx.
        int year = DateTime.UtcNow.Year, last = year + 19;
        using var db = new DuneSqlDb();
        foreach (int expected in new[] { last, last + 1 - 100, year, 1999, 2000 })
        {
            string yy = (expected % 100).ToString("00", CultureInfo.InvariantCulture);
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture),
                db.Scalar($"SELECT year(parse_datetime('{yy}-03-04', 'yy-MM-dd'))"));
        }
        Assert.Equal((last + 1 - 100).ToString(CultureInfo.InvariantCulture),
            db.Scalar($"SELECT year(parse_datetime('{(last + 1) % 100:00}-03-04 +01:00', 'yy-MM-dd ZZ'))"));
        // Four letters read the year as written.
        Assert.Equal("2050", db.Scalar("SELECT year(parse_datetime('2050-03-04', 'yyyy-MM-dd'))"));
    }

    [Theory]
    [InlineData("SELECT regexp_like('ab', '(?x) a b # a comment')", "true")]
    [InlineData("SELECT regexp_extract('xa by', '(?x) a \\  b')", "a b")]
    [InlineData("SELECT regexp_like('a#b', '(?x)a\\#b')", "true")]
    [InlineData("SELECT regexp_extract('ab c', '(?x)b[ ]c')", "b c")] // white space in a class stays
    [InlineData("SELECT regexp_like('a bc', '^(?x:a )( b)c$')", "true")] // the flag holds inside its group only
    [InlineData("SELECT regexp_like('abc', '^(?x:a )( b)c$')", "false")]
    [InlineData("SELECT regexp_like('AB', '(?ix) a b')", "true")]
    [InlineData("SELECT regexp_like('a b', '^(?x) a (?-x) b$')", "true")]
    [InlineData("SELECT regexp_like('ab', '^(?x) a (?-x) b$')", "false")]
    [InlineData("SELECT regexp_like('ab', '^((?x) a ) b$')", "false")] // (?x) ends with its group: ' b' is literal
    [InlineData("SELECT regexp_like('a b', '^((?x) a ) b$')", "true")]
    [InlineData("SELECT regexp_replace('a1 b2', '(?x) (?<l> [a-z] ) (?<d> \\d )', '${d}${l}')", "1a 2b")]
    [InlineData("SELECT regexp_extract('ab12', '(?x)\n  [a-z]+  # letters\n  (\\d+)  # digits\n', 1)", "12")]
    public void The_comments_flag_reads_as_joni_reads_it(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    // Joni's \Z: the end, or before a final newline (only '\n'); regexp_like's answer is the same for \n?\z.
    [InlineData("abc", "true")]
    [InlineData("abc\n", "true")]
    [InlineData("abc\n\n", "false")]
    [InlineData("abc\r", "false")]
    [InlineData("abcd", "false")]
    [InlineData("x\nabc", "true")]
    public void A_final_z_in_regexp_like_is_the_end_or_before_a_final_newline(string text, string expected)
    {
        using var db = new DuneSqlDb();
        string literal = "'" + text.Replace("\n", "' || chr(10) || '", StringComparison.Ordinal).Replace("\r", "' || chr(13) || '", StringComparison.Ordinal) + "'";
        Assert.Equal(expected, db.Scalar($"SELECT regexp_like({literal}, 'c\\Z')"));
    }

    [Theory]
    // Decision 228: a \Z elsewhere is read by the backtracking engine (DuneJavaRegexp); in a class it is refused.
    [InlineData("SELECT regexp_extract('abc', 'c\\Z')", "c")]
    [InlineData("SELECT regexp_like('abc', '(c\\Z)')", "true")]
    public void Another_z_is_the_backtracking_engines(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_z_in_a_class_is_refused()
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<Strata.Core.Engine.QueryFailedException>(() => db.Scalar("SELECT regexp_like('abc', '[\\Z]')"));
        Assert.Contains("\\Z", e.Error.Message, StringComparison.Ordinal);
    }
}
