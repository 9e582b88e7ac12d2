using System.Diagnostics;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// dune-types7: the corpora translated with the tables' column types (as the engine gives them) write fewer bound-type
/// probes, and every query whose text changes still completes. Reports the probe counts and the translation and
/// execution (bind, plan, run over the empty tables) times with and without the types, as measured once each.
/// </summary>
public sealed partial class DuneSqlCorpusTests
{
    [Fact]
    public void Real_queries_translated_with_column_types_probe_less_and_complete()
    {
        using var db = new DuneSqlDb(Schema + MoreSchema);
        var catalog = db.ColumnTypes();
        var files = Directory.GetFiles(CorpusDirectory(), "*.sql").Concat(Directory.GetFiles(RealCorpusDirectory(), "*.sql")).Order(StringComparer.Ordinal);
        int statements = 0, changed = 0, probesWithout = 0, probesWith = 0;
        double translateWithout = 0, translateWith = 0, runWithout = 0, runWith = 0;
        var failures = new List<string>();
        foreach (var file in files)
        {
            foreach (string statement in Statements(File.ReadAllText(file)))
            {
                string without, with;
                try
                {
                    long t0 = Stopwatch.GetTimestamp();
                    without = DuneSqlTranslator.Translate(statement).Sql;
                    long t1 = Stopwatch.GetTimestamp();
                    with = DuneSqlTranslator.Translate(statement, default, catalog).Sql;
                    translateWithout += Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                    translateWith += Stopwatch.GetElapsedTime(t1).TotalMilliseconds;
                }
                catch (QueryFailedException)
                {
                    continue;
                }
                statements++;
                probesWithout += Count(without);
                probesWith += Count(with);
                if (without == with)
                {
                    continue;
                }
                changed++;
                // The text with the column types runs first; the one without only where that fails, to tell a regression
                // (runs without, not with) from a query that fails either way (half the runs: test speed, 2026-12-07).
                if (!TryRun(db, statement, catalog, ref runWith) && TryRun(db, statement, null, ref runWithout))
                {
                    failures.Add(Path.GetFileName(file));
                }
            }
        }
        output.WriteLine($"{statements} statements: {probesWithout} probes without the column types, {probesWith} with; {changed} texts change");
        // The report is of the one timed translation each way above (its mean); the translator's percentiles over the
        // corpus are Translation_cost_over_the_corpus's, which asserts its p50. (Five more rounds each way, only to print
        // percentiles here, were ~12 more translations of every statement: test-speed3.)
        output.WriteLine($"translation total {translateWithout:F0} ms without, {translateWith:F0} ms with (mean per statement "
            + $"{translateWithout / Math.Max(1, statements):F3} ms, {translateWith / Math.Max(1, statements):F3} ms); "
            + $"the changed texts run (bind, plan, empty tables) in {runWith:F0} ms with, {runWithout:F0} ms without where that failed");
        Assert.True(failures.Count == 0, "fail only with the column types: " + string.Join(", ", failures));
        Assert.True(probesWith < probesWithout, $"{probesWith} probes with the column types, {probesWithout} without");
    }

    private static int Count(string text) => (text.Length - text.Replace("dune_num_key(", "", StringComparison.Ordinal).Length) / "dune_num_key(".Length;

    private static bool TryRun(DuneSqlDb db, string statement, DuneColumnTypes? catalog, ref double total)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            db.Run(statement, catalog);
            return true;
        }
        catch (Exception e) when (e is QueryFailedException or DuckDB.NET.Data.DuckDBException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            total += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }
}
