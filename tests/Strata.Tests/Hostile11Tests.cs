using Strata.Core.Engine;
using Strata.Core.Queries;
using Strata.Core.Views;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// The eleventh hostile pass (docs/notes/hostile11.md): scans of the DuneSQL translator that ran once per nested or chained
/// construct over the rest of the text, so that a 1 MB statement held an engine worker (or, for a pipeline plan, a server
/// thread until its budget) for hours of CPU. Each case is a text under the 1 MiB SQL limit.
/// </summary>
public sealed class Hostile11Tests
{
    /// <summary>A guard against a hang (the bounds are the translating thread's processor time, which load does not stretch:
    /// a 15 s wall bound failed with two busy loops beside the run, test-speed7).</summary>
    private static readonly TimeSpan Allowed = TimeSpan.FromMinutes(10);

    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    /// <summary>Translates within <see cref="Allowed"/> (the token stops a scan past it); a refusal of the translator's own
    /// (nesting, length) is an answer too. Before the fixes each of these ran for minutes to hours.</summary>
    private static TimeSpan TranslateTimed(string sql)
    {
        var used = TimeSpan.Zero;
        Exception? failure = null;
        // A thread of a fixed 1 MiB stack (less than a server thread's 1.5 MiB), so the outcome does not depend on the runner's
        // thread: an overflow ends the test host, as it ended the server.
        var thread = new Thread(() =>
        {
            using var cancel = new CancellationTokenSource(Allowed);
            var cpu = ThreadCpu.StartNew();
            try
            {
                DuneSqlTranslator.Translate(sql, cancel.Token);
            }
            catch (QueryFailedException)
            {
                // "nests expressions too deeply" or "too long once translated": the translator's own bounds, answered at once
            }
            catch (Exception e)
            {
                failure = e;
            }
            used = cpu.Elapsed;
        }, 1024 * 1024) { IsBackground = true };
        thread.Start();
        Assert.True(thread.Join(Allowed + TimeSpan.FromSeconds(30)), "the translation did not end");
        Assert.Null(failure);
        return used;
    }

    /// <summary>Each TRY read its whole body for aggregates, windows and subqueries before anything was written (5,000 nested
    /// TRYs 3 s in process, 20,000 took an engine worker 146 s: quadratic; 200,000 in 1 MB would be hours).</summary>
    [Theory]
    [InlineData(200_000)]
    [InlineData(20_000)]
    public void Nested_TRYs_around_no_aggregate_are_read_in_linear_time(int depth)
    {
        var elapsed = TranslateTimed("select " + Repeat("try(", depth) + "1" + new string(')', depth));
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
    }

    [Fact]
    public void A_TRY_around_an_aggregate_is_still_computed_apart()
    {
        string sql = DuneSqlTranslator.Translate("select try(try(sum(x) / 0)) from t").Sql;
        Assert.Contains("list_transform([struct_pack(", sql, StringComparison.Ordinal);
        Assert.Equal("select TRY(TRY(1))", DuneSqlTranslator.Translate("select try(try(1))").Sql, ignoreCase: true);
    }

    /// <summary>Finding the subscripts read each bracket's body for a slice colon, and each chained bracket's base by walking
    /// the chain back, recursively (20,000 chained subscripts took a worker 11 s, 300,000 ran past a 4 min timeout; 300,000
    /// empty brackets before one subscript overflowed the stack: a GET of the saved query's pipeline plan ended the server).</summary>
    [Theory]
    [InlineData("select array[1]{0}", "[1]", "", 300_000)]
    [InlineData("select array[1]{0}[1]", "[ ]", "", 300_000)]
    [InlineData("select {0}1{1}", "map(array[1], array[", "])", 40_000)]
    [InlineData("select {0}1{1}", "x[", "]", 300_000)]
    public void Chained_and_nested_subscripts_are_found_in_linear_time(string shape, string open, string close, int count)
    {
        var elapsed = TranslateTimed(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Repeat(open, count), Repeat(close, count)));
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
    }

    [Fact]
    public void Subscripts_and_slices_keep_their_forms()
    {
        string sql = DuneSqlTranslator.Translate("select a[1][2], b[1:2], c[x[1]] from t").Sql;
        Assert.Contains("b[1:2]", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("a[1][2]", sql, StringComparison.Ordinal);
    }

    /// <summary>A division's operand types are read by recursion through its parentheses, signs and inner divisions
    /// (StaticType, QuotientType), with no depth bound: a saved query of 150,000 nested <c>1 / (…)</c> (900 KB) overflowed
    /// the stack of the server thread that read it for its pipeline plan and ended the server. Now the translator's
    /// "nests too deeply" refusal.</summary>
    [Theory]
    [InlineData("select {0}1{1}", "1 / (", ")", 150_000)]
    [InlineData("select 1 / {0}1{1}", "(", ")", 300_000)]
    [InlineData("select 1 / {0}1{1}", "- ", "", 300_000)]
    [InlineData("select {0}1{1}", "(1 / (", ") / 1)", 70_000)]
    public void Deeply_nested_division_operands_are_refused_not_overflowed(string shape, string open, string close, int count)
    {
        var elapsed = TranslateTimed(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, Repeat(open, count), Repeat(close, count)));
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"took {elapsed}");
    }

    /// <summary>A pipeline plan reads a saved query's tables from DuckDB's parse tree in the server's own process, where
    /// nothing stops json_serialize_sql: 88,888 ANDed terms (445 KB) took 12.6 s in process and a 28 MB tree, a GET of the plan
    /// 10.6 to 25.4 s of a server thread (superlinear; here 100,000 took 12-15 s before). Past 50,000 tokens the names are
    /// read from the tokens, as for a text DuckDB refuses.</summary>
    [Theory]
    [InlineData(SqlDialect.DuneSql)]
    [InlineData(SqlDialect.DuckDb)]
    public void A_long_text_names_its_tables_without_building_its_parse_tree(SqlDialect dialect)
    {
        string sql = "select " + string.Join(" and ", Enumerable.Repeat("true", 100_000)) + " from dune.b.result_v";
        // The calling thread's processor time (the token reading, or the parse tree read into .NET), not the wall clock a
        // loaded machine stretches (test-speed7).
        var clock = ThreadCpu.StartNew();
        var tables = new Strata.Engine.DuckDb.DuckDbStatementTables().TablesOf(sql, dialect);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed} of processor time");
        Assert.Contains(new TableReference("b", "result_v"), tables);
    }
}
