using System.Diagnostics;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// The lead's review of the 2026-12-05 merges (decisions 232-238): a parse failure whose text repeats DuckDB's separator
/// many times is rewritten in bounded time; regexp_replace's group flags stop at a native call's time bound as
/// DuneJavaRegexp does; a 12-hour clock with a zone is not corrected as if its hour were the clock's; a fraction of
/// seconds in parse_datetime reads years outside the nanosecond range.
/// </summary>
public sealed class LeadReview38Tests
{
    [Fact]
    public void A_parse_failure_of_a_text_of_many_separators_is_rewritten_in_bounded_time()
    {
        using var db = new DuneSqlDb();
        // 40,000 copies of DuckDB's own separator: each candidate end used to copy and search the whole message.
        string sql = "SELECT date_parse(lpad('', 1320000, '\" according to format specifier \"'), '%Y')";
        var watch = Stopwatch.StartNew();
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        watch.Stop();
        string message = e is QueryFailedException failed ? failed.Error.Message : e.Message;
        Assert.False(string.IsNullOrEmpty(message));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Group_flags_stop_past_the_native_calls_time_bound()
    {
        string text = string.Concat(Enumerable.Repeat("ab", 1000));
        long started = Stopwatch.GetTimestamp() - Stopwatch.Frequency; // a call begun a second ago
        var e = Assert.Throws<DuneRegexpGroups.CallTimeException>(() =>
            DuneRegexpGroups.Flags(text, "(a)(b)?", out _, started, TimeSpan.FromMilliseconds(10)));
        Assert.Equal("regexp_replace: matching the inputs evaluated together took more than 0.01 s; filter the inputs or use a simpler pattern", e.Message);
        // Outside a call, and within the bound, the same flags as before.
        Assert.Equal(DuneRegexpGroups.Flags(text, "(a)(b)?", out _), DuneRegexpGroups.Flags(text, "(a)(b)?", out _, Stopwatch.GetTimestamp(), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_twelve_hour_clock_with_an_offset_is_not_shifted_by_the_midnight_rule()
    {
        using var db = new DuneSqlDb();
        // Without AM/PM and with a zone the instant's hour is not the clock's: 02:30 -10:00 (12:30 UTC) stays 02:30 in its
        // zone (the midnight rule read the UTC hour, 12, and made it 2023-12-31 14:30).
        Assert.Equal("2024-01-01 02:30:00", db.Scalar("SELECT format_datetime(parse_datetime('2024-01-01 02:30 -1000', 'yyyy-MM-dd hh:mm Z'), 'yyyy-MM-dd HH:mm:ss')"));
        // Without a zone Joda's 12 o'clock is midnight (decision 235).
        Assert.Equal("2024-01-01 00:30:00", db.Scalar("SELECT format_datetime(parse_datetime('2024-01-01 12:30', 'yyyy-MM-dd hh:mm'), 'yyyy-MM-dd HH:mm:ss')"));
    }

    [Theory]
    [InlineData("9999-12-31 23:59:59.999", "9999-12-31 23:59:59.999")]
    [InlineData("1500-01-01 00:00:00.000", "1500-01-01 00:00:00.000")]
    [InlineData("2024-01-02 03:04:05.123456", "2024-01-02 03:04:05.123")]
    [InlineData("2024-01-02 03:04:05.1", "2024-01-02 03:04:05.100")]
    [InlineData("2024-01-02 03:04:05.12", "2024-01-02 03:04:05.120")]
    public void A_fraction_of_seconds_reads_any_year_and_keeps_milliseconds(string text, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar($"SELECT format_datetime(parse_datetime('{text}', 'yyyy-MM-dd HH:mm:ss.SSS'), 'yyyy-MM-dd HH:mm:ss.SSS')"));
    }

    [Theory]
    // Joni's single-line $ also matches before a final newline; an escaped (?m or one in a class is text, no flag.
    [InlineData("SELECT regexp_like('x(m' || chr(10), '\\(?m$')", "true")]
    [InlineData("SELECT regexp_like('m' || chr(10), '[(?m]$')", "true")]
    // A real (?m) flag: $ at every line's end (and so before the final newline too).
    [InlineData("SELECT regexp_like('a' || chr(10) || 'b', '(?m)a$')", "true")]
    [InlineData("SELECT regexp_like('a' || chr(10) || 'b', 'a$')", "false")]
    public void Only_a_flag_group_makes_regexp_like_multiline(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }
}
