using System.Diagnostics;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Tests.DuneSql;

namespace Strata.Tests;

/// <summary>
/// The ninth hostile pass (docs/notes/hostile9.md): format strings and patterns that the DuneSQL translator reads before
/// it writes anything. The translator's token and its output bound stop a translation only where it writes; a scan of a
/// literal that is quadratic in the literal runs on in a thread no request can stop (the pipeline plan reads a saved
/// query's tables in the server's own process, with a 5 s budget that such a scan never looks at).
/// </summary>
public sealed class Hostile9Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    /// <summary>Java's explicit argument index (<c>%2$s</c>) was read with int.Parse: an index past int's range escaped as an
    /// OverflowException, and the run FAILED "An internal error occurred" with a <c>fail:</c> line in the server's log.</summary>
    [Theory]
    [InlineData("select format('%99999999999$s', 1)")]
    [InlineData("select format('%1$s %99999999999999999999999$d', 1)")]
    public void A_format_argument_index_past_the_integer_range_is_refused_as_out_of_range(string sql)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains("is out of range", error.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Error.Line);
    }

    /// <summary>The literals a rewrite reads before writing: a run of 500,000 format flags was appended one character at a
    /// time to a string (1.25e11 characters copied), and each '(' of a regexp_replace lambda's pattern copied the rest of the
    /// pattern to look at the next characters (a 1 MB pattern of them: 5e11 characters). Both ran in the server when a
    /// pipeline plan read the saved query's tables, past the 5 s budget, which they never checked.</summary>
    [Theory]
    [InlineData("select format('%{0}d', 1) from dune.b.result_v", '-', 500_000)]
    [InlineData("select regexp_replace('a', '{0}', x -> 'b') from dune.b.result_v", '(', 1_000_000)]
    public async Task A_literal_the_translator_reads_before_writing_is_read_in_linear_time(string shape, char repeated, int count)
    {
        string sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, new string(repeated, count));
        // The bounds are the reading thread's processor time, the work, which load does not stretch (test-speed7); the
        // wait only guards a hang.
        var (tables, used) = await Task.Run(() =>
        {
            var cpu = ThreadCpu.StartNew();
            var tables = new DuckDbStatementTables().TablesOf(sql, SqlDialect.DuneSql);
            return (tables, cpu.Elapsed);
        }).WaitAsync(Bound);
        Assert.True(used < DuckDbStatementTables.MaxTranslationTime + TimeSpan.FromSeconds(15), $"took {used} of processor time");
        Assert.Contains(new Strata.Core.Views.TableReference("b", "result_v"), tables);
        var clock = ThreadCpu.StartNew();
        // The run's own translation: the format is written (its flags once), the lambda's million groups are refused by the
        // translation's bound before their elements are built.
        try
        {
            DuneSqlTranslator.Translate(sql);
        }
        catch (QueryFailedException e)
        {
            Assert.Contains("too long once translated", e.Error.Message, StringComparison.Ordinal);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed} of processor time");
    }

    /// <summary>Rewrites whose SQL recomputed the whole input for each element: luhn_check reversed the string once per
    /// digit, and regexp_replace with a lambda split the input again for each piece between matches and joined the pieces
    /// with a reduce. Quadratic: 200,000 digits held a server's worker 140 s, 2,000 characters of empty matches 5.7 s;
    /// the inputs below would have held one for hours (past the tier's timeout, cut by it). Each is now one pass.</summary>
    [Theory]
    [InlineData("SELECT luhn_check(lpad('', 1000000, '1'))", "true")]
    [InlineData("SELECT luhn_check(lpad('', 999999, '1') || '2')", "false")]
    [InlineData("SELECT length(regexp_replace(lpad('', 200000, 'a'), '()', x -> 'z'))", "399999")]
    [InlineData("SELECT substr(regexp_replace(lpad('', 400000, 'ab'), '(a)(b)', x -> x[2] || x[1]), 1, 6)", "bababa")]
    [InlineData("SELECT regexp_replace(lpad('', 300000, 'a1'), '([0-9])', x -> NULL) IS NULL", "true")]
    public async Task A_rewrite_reads_its_input_once_per_row_not_once_per_element(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        var clock = Stopwatch.StartNew();
        string answer = await Task.Run(() => db.Scalar(sql)).WaitAsync(Bound);
        Assert.Equal(expected, answer);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    /// <summary>A zone offset of digits other than ASCII's: .NET's <c>\d</c> took any Unicode digit (Arabic-Indic, full-width)
    /// and <c>int.Parse</c> then threw a FormatException, an internal error with a <c>fail:</c> line in the server's log.
    /// Now such a text is not an offset, and the zone is refused as unknown, naming it.</summary>
    [Theory]
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00' AT TIME ZONE '+\u0661'")]
    [InlineData("SELECT at_timezone(TIMESTAMP '2024-01-01 00:00:00 UTC', '+\uFF11')")]
    [InlineData("SELECT with_timezone(TIMESTAMP '2024-01-01 00:00:00', '+\u0661')")]
    [InlineData("SELECT from_iso8601_timestamp('2024-01-01T00:00:00+\uFF10\uFF11:00')")]
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00 +\u0661'")]
    public void A_zone_offset_of_digits_other_than_ascii_is_refused_not_an_internal_error(string sql)
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.True(error is QueryFailedException or DuckDB.NET.Data.DuckDBException, $"{error.GetType().Name}: {error.Message}");
    }

    /// <summary>regexp_replace's lambda reads which groups took part in each match (<see cref="DuneRegexpGroups"/>): one
    /// character per group per match, held in the managed heap. A pattern of many groups that matches at every position
    /// of a long text would make gigabytes of them; past the input's own bound the value fails, naming the cause.</summary>
    [Fact]
    public void The_flags_of_a_values_matches_are_bounded()
    {
        Assert.Null(DuneRegexpGroups.Flags(new string('a', 5_000_000), "()()()()", out bool tooMany));
        Assert.True(tooMany);
        Assert.Equal("10", DuneRegexpGroups.Flags("a", "(a)|(b)", out tooMany));
        // Group by group: the first group's flag for each of the three matches, then the second's.
        Assert.Equal("110001", DuneRegexpGroups.Flags("aab", "(a)|(b)", out tooMany));
        Assert.False(tooMany);
    }
}
