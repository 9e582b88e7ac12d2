using Strata.Core.Engine;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision 235 ("dune-datetime2"), issue 10: Joda's parse failures and field checks in its words (FormatUtils
/// .createErrorMessage, DateTimeParserBucket), which Trino's date_parse/parse_datetime pass on; Joni's pattern errors
/// (joni ErrorMessages) for the regexp_* functions; Joda's fraction, weekday, week and weekyear fields; a 12-hour clock
/// without AM/PM; Joni's single-line <c>$</c> in regexp_like and its Unicode POSIX brackets. Each expected value is
/// Trino's/Joda's/Joni's, worked by hand from their sources.
/// </summary>
public sealed class DuneSqlDateTime2Tests
{
    /// <summary>The query's error as the API gives it: a translation's refusal, or DuckDB's error rewritten.</summary>
    private static string Failure(DuneSqlDb db, string sql)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        return e is QueryFailedException failed ? failed.Error.Message : Strata.Engine.DuckDb.TrinoErrorMessages.RewriteError(e.Message);
    }

    [Theory]
    [InlineData("SELECT parse_datetime('x', 'yyyy')", "Invalid format: \"x\"")]
    [InlineData("SELECT date_parse('x', '%Y')", "Invalid format: \"x\"")]
    [InlineData("SELECT parse_datetime('2024-01', 'yyyy-MM-dd')", "Invalid format: \"2024-01\" is too short")]
    [InlineData("SELECT parse_datetime('2024-01-02x', 'yyyy-MM-dd')", "Invalid format: \"2024-01-02x\" is malformed at \"x\"")]
    [InlineData("SELECT date_parse('2024/01/02', '%Y-%m-%d')", "Invalid format: \"2024/01/02\" is malformed at \"/01/02\"")]
    // The caret counts bytes, Joda characters.
    [InlineData("SELECT parse_datetime('2024-é', 'yyyy-MM')", "Invalid format: \"2024-é\" is malformed at \"é\"")]
    // Joda cuts the text 32 characters after where it stopped.
    [InlineData("SELECT parse_datetime('2024-01-02 plus a long tail of more than thirty-two characters', 'yyyy-MM-dd')",
        "Invalid format: \"2024-01-02 plus a long tail of more than t...\" is malformed at \" plus a long tail of more than t...\"")]
    [InlineData("SELECT parse_datetime('2024-13-01', 'yyyy-MM-dd')", "Cannot parse \"2024-13-01\": Value 13 for monthOfYear must be in the range [1,12]")]
    [InlineData("SELECT date_parse('2024-01-02 25:00', '%Y-%m-%d %H:%i')", "Cannot parse \"2024-01-02 25:00\": Value 25 for hourOfDay must be in the range [0,23]")]
    [InlineData("SELECT parse_datetime('2024-01-02 03:61', 'yyyy-MM-dd HH:mm')", "Cannot parse \"2024-01-02 03:61\": Value 61 for minuteOfHour must be in the range [0,59]")]
    [InlineData("SELECT parse_datetime('2024-01-02 03:04:60', 'yyyy-MM-dd HH:mm:ss')", "Cannot parse \"2024-01-02 03:04:60\": Value 60 for secondOfMinute must be in the range [0,59]")]
    [InlineData("SELECT parse_datetime(t, 'yyyy-MM-dd') FROM (VALUES '2024-01-02', 'nope') v(t)", "Invalid format: \"nope\"")]
    public void Parse_failures_are_jodas(string sql, string message)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(message, Failure(db, sql));
    }

    [Theory]
    [InlineData("SELECT regexp_like('a', '(')", "end pattern with unmatched parenthesis")]
    [InlineData("SELECT regexp_extract('a', '[')", "premature end of char-class")]
    [InlineData("SELECT regexp_replace('a', '*', 'b')", "target of repeat operator is not specified")]
    [InlineData("SELECT regexp_like('a', 'a)')", "unmatched close parenthesis")]
    [InlineData(@"SELECT regexp_like('a', 'a\')", "end pattern at escape")]
    [InlineData("SELECT regexp_like('a', '[b-a]')", "empty range in char class")]
    [InlineData("SELECT regexp_like('a', 'a{2,1}')", "upper is smaller than lower in repeat range")]
    // A pattern from a column fails when it runs, in the same words.
    [InlineData("SELECT regexp_like('a', p) FROM (VALUES '(') t(p)", "end pattern with unmatched parenthesis")]
    [InlineData("SELECT regexp_count('a', p) FROM (VALUES 'x)') t(p)", "unmatched close parenthesis")]
    // A pattern for the backtracking engine: .NET's parser's refusal in Joni's words.
    [InlineData("SELECT regexp_like('a', '(?=a')", "end pattern with unmatched parenthesis")]
    [InlineData("SELECT regexp_like('a', '(?=a)[')", "premature end of char-class")]
    [InlineData("SELECT regexp_like('a', '(?=a))')", "unmatched close parenthesis")]
    [InlineData("SELECT regexp_like('a', '(?=a)b{3,2}')", "upper is smaller than lower in repeat range")]
    public void Pattern_errors_are_jonis(string sql, string message)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(message, Failure(db, sql));
    }

    [Theory]
    // Past three letters, S writes the milliseconds and zeros: Trino formats from the value's milliseconds.
    [InlineData("2024-05-06 07:08:09.123456", "ss.SSSSSS", "09.123000")]
    [InlineData("2024-05-06 07:08:09.123456", "SSSS", "1230")]
    [InlineData("2024-05-06 07:08:09.123456", "SSSSSSSSS", "123000000")]
    // 2024-05-06 is a Monday (Joda's e: 1), in ISO week 19.
    [InlineData("2024-05-06 07:08:09", "e ee eee", "1 01 001")]
    [InlineData("2024-05-06 07:08:09", "w ww www", "19 19 019")]
    [InlineData("2024-01-02 07:08:09", "w ww", "1 01")]
    // 2024-12-30 is in week 1 of weekyear 2025.
    [InlineData("2024-12-30 07:08:09", "xx xxxx xxxxx w", "25 2025 02025 1")]
    public void Joda_fields_are_formatted_as_joda_prints_them(string timestamp, string pattern, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT format_datetime(TIMESTAMP '{timestamp}', '{pattern}')"));
    }

    [Theory]
    // Joda's fraction reads 1 to 9 digits whatever the count of S, as a fraction, to the millisecond (cut).
    [InlineData("'2024-01-02 03:04:05.123456', 'yyyy-MM-dd HH:mm:ss.SSS'", "2024-01-02 03:04:05.123 UTC")]
    [InlineData("'2024-01-02 03:04:05.5', 'yyyy-MM-dd HH:mm:ss.SSS'", "2024-01-02 03:04:05.500 UTC")]
    [InlineData("'2024-01-02 03:04:05.5', 'yyyy-MM-dd HH:mm:ss.S'", "2024-01-02 03:04:05.500 UTC")]
    [InlineData("'2024-01-02 03:04:05.98765', 'yyyy-MM-dd HH:mm:ss.SS'", "2024-01-02 03:04:05.987 UTC")]
    [InlineData("'2024-01-02 03:04:05.123456789', 'yyyy-MM-dd HH:mm:ss.SSSSSSSSS'", "2024-01-02 03:04:05.123 UTC")]
    // A 12-hour clock without AM/PM reads the morning's hours: 12 is midnight.
    [InlineData("'2024-01-02 12:30', 'yyyy-MM-dd hh:mm'", "2024-01-02 00:30:00.000 UTC")]
    [InlineData("'2024-01-02 11:30', 'yyyy-MM-dd h:mm'", "2024-01-02 11:30:00.000 UTC")]
    [InlineData("'2024-01-02 12:30 PM', 'yyyy-MM-dd hh:mm a'", "2024-01-02 12:30:00.000 UTC")]
    [InlineData("'2024-01-02 12:30 AM', 'yyyy-MM-dd hh:mm a'", "2024-01-02 00:30:00.000 UTC")]
    public void Parse_datetime_reads_fractions_and_half_days_as_joda(string arguments, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT CAST(parse_datetime({arguments}) AS varchar)"));
    }

    [Theory]
    [InlineData("SELECT CAST(date_parse('2024-01-02 12:30', '%Y-%m-%d %h:%i') AS varchar)", "2024-01-02 00:30:00.000")]
    [InlineData("SELECT CAST(date_parse('2024-01-02 12:30 PM', '%Y-%m-%d %h:%i %p') AS varchar)", "2024-01-02 12:30:00.000")]
    [InlineData("SELECT CAST(date_parse('69-01-02 12:30', '%y-%m-%d %I:%i') AS varchar)", "2069-01-02 00:30:00.000")]
    public void Date_parse_reads_a_12_hour_clock_without_am_pm_as_the_morning(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    // Joni's Java syntax is single-line: '$' is the end or before a final newline (as \Z).
    [InlineData("SELECT regexp_like('ab' || chr(10), 'b$')", "true")]
    [InlineData("SELECT regexp_like('ab' || chr(10) || chr(10), 'b$')", "false")]
    [InlineData("SELECT regexp_like('ab' || chr(10) || 'c', 'b$')", "false")]
    [InlineData("SELECT regexp_like('ab', '^ab$')", "true")]
    [InlineData(@"SELECT regexp_like('ab$', 'b\$')", "true")]
    // POSIX brackets are Joni's Unicode classes (RE2's are ASCII).
    [InlineData("SELECT regexp_like('é', '^[[:alpha:]]$')", "true")]
    [InlineData("SELECT regexp_like('٣', '^[[:digit:]]$')", "true")]
    [InlineData("SELECT regexp_extract_all('aé1ü', '[[:alpha:]]+')", "[aé, ü]")]
    [InlineData("SELECT regexp_like('É', '^[[:upper:][:digit:]]+$')", "true")]
    // The backtracking engine reads them too (.NET has no POSIX brackets).
    [InlineData(@"SELECT regexp_extract('xééy', '([[:alpha:]])\1')", "éé")]
    [InlineData(@"SELECT regexp_extract('[:a', '(?=.)[[:alpha:]]')", "a")]
    public void Regexp_reads_joni_anchors_and_brackets(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_negated_posix_bracket_is_refused_by_name()
    {
        using var db = new DuneSqlDb();
        Assert.Contains("the negated POSIX bracket [:^alpha:] is not supported", Failure(db, "SELECT regexp_like('a', '[[:^alpha:]]')"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT from_unixtime(1e20)", "Millis overflow: 9223372036854775807")]
    [InlineData("SELECT from_unixtime(-1e300)", "Millis overflow: -9223372036854775808")]
    public void From_unixtime_of_a_huge_double_fails_as_trino(string sql, string message)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(message, Failure(db, sql));
    }
}
