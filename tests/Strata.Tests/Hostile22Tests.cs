using System.Diagnostics;
using System.Text;
using Strata.Core.Executions;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile22 (docs/notes/hostile22.md): the Trino-words rebuilder of a GROUP BY refusal reads the select list once, however
/// many ordinals the clause has (it re-read the list per ordinal: quadratic in a 1 MiB statement).
/// </summary>
public sealed class Hostile22GroupByTests
{
    /// <summary>DuckDB's refusal of an aggregate in GROUP BY, rebuilt in Trino's words from the user's text.</summary>
    private static (ExecutionError Error, TimeSpan Elapsed) Rebuilt(string sql)
    {
        var watch = Stopwatch.StartNew();
        var error = TrinoErrorMessages.InUserText(new ExecutionError(ExecutionError.ExecutionFailed, "Binder Error: GROUP BY clause cannot contain aggregates!"), sql);
        return (error, watch.Elapsed);
    }

    [Fact]
    public void Thousands_of_ordinals_read_the_select_list_once()
    {
        // 20,000 columns grouped by their ordinals, the last an aggregation: each ordinal re-read the select list up to it
        // (2 x 10^8 item reads before).
        const int columns = 20_000;
        var sql = new StringBuilder("SELECT ");
        for (int c = 1; c <= columns; c++)
        {
            sql.Append("c").Append(c).Append(", ");
        }
        sql.Append("count(*) FROM t GROUP BY ");
        sql.AppendJoin(", ", Enumerable.Range(1, columns + 1));
        var (error, elapsed) = Rebuilt(sql.ToString());
        Assert.Equal("GROUP BY clause cannot contain aggregations, window functions or grouping operations: [count(*)]", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"{elapsed} for {columns:N0} ordinals");
    }

    [Fact]
    public void A_repeated_ordinal_reads_its_item_once()
    {
        // One item of 20,000 arguments named by 20,000 ordinals: its calls were listed once per ordinal (4 x 10^8 nodes before).
        const int terms = 20_000;
        string item = "coalesce(" + string.Join(", ", Enumerable.Repeat("x", terms)) + ")";
        string sql = "SELECT " + item + ", count(*) FROM t GROUP BY " + string.Join(", ", Enumerable.Repeat("1", terms)) + ", 2";
        var (error, elapsed) = Rebuilt(sql);
        Assert.Equal("GROUP BY clause cannot contain aggregations, window functions or grouping operations: [count(*)]", error.Message);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"{elapsed} for {terms:N0} repeated ordinals");
    }

    [Fact]
    public void An_ordinal_still_names_its_item()
    {
        // The third item, at its own place in the text.
        string sql = "SELECT a, b AS bee, sum(c) FROM t GROUP BY 1, 3";
        var (error, _) = Rebuilt(sql);
        Assert.Equal("GROUP BY clause cannot contain aggregations, window functions or grouping operations: [sum(c)]", error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal(sql.IndexOf("sum", StringComparison.Ordinal) + 1, error.Column);
    }
}

/// <summary>
/// hostile22: a declared <c>varchar(n)</c>/<c>char(n)</c> cast writes the value's text once (it wrote the whole varchar
/// template three times, ~4,300 characters a cast: a 62 KB statement of casts translated to megabytes that took minutes
/// to bind).
/// </summary>
public sealed class Hostile22DeclaredCastTests
{
    /// <summary>Characters of translation a cast adds, from 1,000 of them in one statement.</summary>
    private static double CharsPerCast(string cast)
    {
        const int casts = 1_000;
        string one = DuneSqlTranslator.Translate("SELECT 1 FROM (VALUES 1) t(x)").Sql;
        string many = DuneSqlTranslator.Translate("SELECT " + string.Join(", ", Enumerable.Repeat(cast, casts)) + " FROM (VALUES 1) t(x)").Sql;
        return (many.Length - one.Length) / (double)casts;
    }

    [Theory]
    [InlineData("CAST(x AS varchar(3))")]
    [InlineData("TRY_CAST(x AS varchar(3))")]
    [InlineData("CAST(x AS char(3))")]
    [InlineData("TRY(CAST(x AS varchar(3)))")]
    public void A_declared_cast_translates_small(string cast)
    {
        double chars = CharsPerCast(cast);
        // Written three times a cast was ~4,300 characters; once, ~1,900 before 316's bound on an array's text added its
        // branch (~2,100 for the TRY form, whose value is written out with the branch's refusal).
        Assert.True(chars < 2_500, $"{chars:N0} characters a cast");
    }

    [Theory]
    [InlineData("SELECT CAST(x AS varchar(2)), TRY_CAST(x AS varchar(2)), CAST(x AS char(4)) FROM (VALUES 12) t(x)", "12,12,12  ")]
    [InlineData("SELECT TRY_CAST(x AS varchar(2)), TRY(CAST(x AS varchar(2))), TRY(CAST(x AS char(2))) FROM (VALUES 123) t(x)", "NULL,NULL,NULL")]
    [InlineData("SELECT CAST(CAST(x AS varchar(5)) AS varchar(3)), CAST(CAST(x AS char(5)) AS varchar(6)) FROM (VALUES 'abcdefg') t(x)", "abc,abcde")]
    [InlineData("SELECT CAST(x AS varchar(30)) FROM (VALUES TIMESTAMP '2024-01-02 03:04:05.678') t(x)", "2024-01-02 03:04:05.678")]
    public void Declared_casts_answer_as_before(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, DuneSql.DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("SELECT CAST(x AS varchar(2)) FROM (VALUES 123) t(x)", "Value 123 cannot be represented as varchar(2)")]
    [InlineData("SELECT CAST(x AS char(2)) FROM (VALUES 123) t(x)", "Value 123 cannot be represented as char(2)")]
    public void A_text_past_the_length_still_fails_naming_it(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        var e = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => db.Rows(sql));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// hostile22: JSON_TABLE's rows are bounded across all of a query's calls of its native function (decisions 217 and 229
/// bound one input and one call of up to 2,048 inputs; a query calls it once per chunk of inputs).
/// </summary>
public sealed class Hostile22JsonTableTests
{
    /// <summary>inputs JSON arrays of three items each: three rows an input.</summary>
    private static string Rows(int inputs) =>
        "SELECT count(*) FROM (SELECT '[1, 2, ' || CAST(i AS varchar) || ']' AS j FROM UNNEST(sequence(1, " + inputs + ")) t(i)) s "
        + "CROSS JOIN JSON_TABLE(s.j, 'lax $[*]' COLUMNS (a varchar PATH 'lax $'))";

    [Fact]
    public void Calls_each_within_the_bounds_are_bounded_together()
    {
        // 10,000 inputs come in chunks of at most 2,048 (one call each, 6,144 rows at most): 30,000 rows in all pass a query
        // bound of 20,000 (the engine's is 20,000,000; a smaller one here keeps the test fast).
        using var db = new DuneSql.DuneSqlDb(jsonTableBudget: new DuneJsonTable.QueryBudget(maxRows: 20_000));
        db.Exec("SET threads = 1");
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Rows(Rows(10_000)));
        Assert.Contains("JSON_TABLE: the query's JSON inputs give more than 20,000 rows in all", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_within_the_query_bound_answer()
    {
        using var db = new DuneSql.DuneSqlDb(jsonTableBudget: new DuneJsonTable.QueryBudget(maxRows: 20_000));
        Assert.Equal("18000", db.Scalar(Rows(6_000)));
    }

    [Fact]
    public void The_character_bound_counts_across_calls()
    {
        using var db = new DuneSql.DuneSqlDb(jsonTableBudget: new DuneJsonTable.QueryBudget(maxChars: 10_000));
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Rows(Rows(5_000)));
        Assert.Contains("JSON_TABLE: the query's JSON inputs give more than 10,000 characters of column values in all", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// hostile22: the backtracking regexp path (decision 228) bounds a native call's matching time, not only each match's: DuckDB
/// hands a call up to 2,048 rows and sees a query's cancellation or time limit only between calls.
/// </summary>
public sealed class Hostile22RegexTimeTests
{
    /// <summary>2,000 distinct texts of 14 a's and a number, each searched by a look-ahead that backtracks through the
    /// Fibonacci-many ways of reading the a's as a and aa before it fails (under a millisecond a row here, far under the 1 s
    /// of one match; .NET's engine reads <c>(a|a)*</c> as one set, so the pattern's two branches differ).</summary>
    private const string Backtracking = "SELECT count_if(regexp_like(lpad('', 14, 'a') || CAST(i AS varchar), '(?=(a|aa)*b)')) "
        + "FROM UNNEST(sequence(1, 2000)) t(i)";

    [Fact]
    public void A_call_past_its_matching_time_fails_naming_it()
    {
        // One thread: the 2,000 rows are one call. A bound of 50 ms (the engine's is 10 s) keeps the test short.
        using var db = new DuneSql.DuneSqlDb(regexCallTime: TimeSpan.FromMilliseconds(50));
        db.Exec("SET threads = 1");
        // With one thread DuckDB runs the statement on the calling thread: its processor time is the call's work, which a
        // loaded machine does not stretch (a wall-clock bound failed at load 50, test-speed7).
        var cpu = ThreadCpu.StartNew();
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Rows(Backtracking));
        Assert.Contains("regexp functions: matching the inputs evaluated together took more than 0.05 s", e.Message, StringComparison.Ordinal);
        Assert.True(cpu.Elapsed < TimeSpan.FromSeconds(20), $"{cpu.Elapsed}");
    }

    [Fact]
    public void A_call_within_its_matching_time_answers()
    {
        // The engine's bound (DuneJavaRegexp.MaxCallTime, 10 s) is a wall clock, which a loaded machine stretches: the
        // 2,000 rows' matching passed it at load 50 and with two burners (test-speed7's r4). So the answer is
        // taken under a bound no load reaches (the database's own, which the 'like' path reads from the function's
        // registration, as the case above shows with 50 ms), and the work's fit in the engine's bound is proven by its
        // processor time: with one DuckDB thread the statement runs on the calling thread, and load does not move
        // that thread's processor time.
        using var db = new DuneSql.DuneSqlDb(regexCallTime: TimeSpan.FromHours(1));
        db.Exec("SET threads = 1");
        var cpu = ThreadCpu.StartNew();
        Assert.Equal("0", db.Scalar(Backtracking));
        var used = cpu.Elapsed;
        Assert.True(used < DuneJavaRegexp.MaxCallTime, $"{used} of processor time for the 2,000 rows");
        Assert.Equal("true", db.Scalar("SELECT regexp_like('aab', '(?=(a|aa)*b)')"));
    }
}

/// <summary>
/// hostile22: an execution's error message is bounded (<see cref="ExecutionError.MaxMessageChars"/>): DuckDB's and Trino's
/// messages quote a value whole, so a statement of a few bytes made a message of megabytes for the server to carry, store
/// and serve.
/// </summary>
public sealed class Hostile22ErrorMessageTests : IDisposable
{
    private readonly DuneSql.DemoEngineFixture fixture = new("strata-hostile22-", "CREATE SCHEMA ethereum; CREATE TABLE ethereum.blocks AS SELECT 1::BIGINT AS number");

    public void Dispose() => fixture.Dispose();

    [Theory]
    // A cast of a 10,000,000-character text: DuckDB's conversion error quoted all of it.
    [InlineData("SELECT CAST(lpad('', 10000000, 'x') AS integer)")]
    // A time text Trino cannot read, rebuilt in Trino's words with the text.
    [InlineData("SELECT CAST(lpad('', 10000000, 'x') AS date)")]
    public void A_failed_execution_s_message_is_bounded(string sql)
    {
        var request = new Strata.Core.Engine.EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, []);
        var e = Assert.Throws<Strata.Core.Engine.QueryFailedException>(() => fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None));
        Assert.True(e.Error.Message.Length <= ExecutionError.MaxMessageChars + 40, $"{e.Error.Message.Length:N0} characters");
        Assert.Contains("characters)", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_message_keeps_its_beginning_and_says_what_was_left_out()
    {
        string text = "Value " + new string('9', 100_000) + " cannot be represented as varchar(2)";
        var error = new ExecutionError(ExecutionError.ExecutionFailed, text);
        Assert.Equal(text[..ExecutionError.MaxMessageChars] + "... (83,658 more characters)", error.Message);
        Assert.Equal(error.Message, (error with { Message = text }).Message);
        Assert.Equal("short", (error with { Message = "short" }).Message);
    }
}
