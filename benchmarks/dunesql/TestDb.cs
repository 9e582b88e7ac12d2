using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The cost of the test suite's in-process DuneSQL database (tests/Strata.Tests/DuneSql/DuneSqlDb.cs, opened once per
/// case by ~3,000 cases; test-speed2, decision 257). <c>DuneSqlSpeed testdb [runs]</c>: each step of its construction
/// timed alone on a fresh instance (wall and this process's CPU, median of the runs after two of warm-up), then whole
/// constructions with every function and macro made up front (as the test database made them) against only the base
/// set the sandbox always makes (the rest on demand), each followed by one query and the dispose.
/// </summary>
internal static class TestDb
{
    private static readonly (string Name, Action<DuckDBConnection> Step)[] Steps =
    [
        ("DuneInt256", DuneInt256.Register),
        ("DuneKeccak", DuneKeccak.Register),
        ("DuneHashes", DuneHashes.Register),
        ("DuneDistributions", DuneDistributions.Register),
        ("DuneJsonFunctions", DuneJsonFunctions.Register),
        ("DuneTime (all)", c => DuneTime.Register(c)),
        ("DuneRadix", DuneRadix.Register),
        ("DuneTypeNames", DuneTypeNames.Register),
        ("DuneSpecialTimes", DuneSpecialTimes.Register),
        ("DuneSetTypes", DuneSetTypes.Register),
        ("DuneRegexpGroups", DuneRegexpGroups.Register),
        ("DuneJavaRegexp", DuneJavaRegexp.Register),
        ("DuneDataSize", DuneDataSize.Register),
        ("DuneWeightedPercentile", DuneWeightedPercentile.Register),
        ("DuneListaggTruncate", DuneListaggTruncate.Register),
        ("DuneListaggBound", DuneListaggBound.Register),
        ("DuneJsonTable", DuneJsonTable.Register),
        ("ATTACH ':memory:' AS dune; USE dune", c => Exec(c, "ATTACH ':memory:' AS dune; USE dune;")),
        ("Prelude (two SETs)", c => Exec(c, DuneSqlTranslator.Prelude)),
        ("TimeMacros", c => Exec(c, DuneSqlTranslator.TimeMacros)),
        ("PercentileMacros", c => Exec(c, DuneSqlTranslator.PercentileMacros)),
    ];

    public static void Run(int runs)
    {
        var wall = new Dictionary<string, List<double>>();
        var cpu = new Dictionary<string, List<double>>();
        void Add(string name, (double Wall, double Cpu) from, (double Wall, double Cpu) to, int run)
        {
            if (run < 0)
            {
                return;
            }
            (wall.TryGetValue(name, out var w) ? w : wall[name] = []).Add(to.Wall - from.Wall);
            (cpu.TryGetValue(name, out var c) ? c : cpu[name] = []).Add(to.Cpu - from.Cpu);
        }
        for (int run = -2; run < runs; run++)
        {
            var t0 = Now();
            var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            var t1 = Now();
            Add("open a :memory: instance", t0, t1, run);
            foreach (var (name, step) in Steps)
            {
                var s0 = Now();
                step(connection);
                Add(name, s0, Now(), run);
            }
            var d0 = Now();
            connection.Dispose();
            Add("dispose", d0, Now(), run);
        }
        Console.WriteLine($"{"step",-40} {"CPU ms",8} {"wall ms",8}");
        foreach (string name in wall.Keys)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {Median(cpu[name]),8:F2} {Median(wall[name]),8:F2}"));
        }

        // Whole constructions, the two alternating run by run: everything up front, or the base set only.
        var whole = new Dictionary<string, List<double>> { ["everything"] = [], ["base only"] = [] };
        var wholeWall = new Dictionary<string, List<double>> { ["everything"] = [], ["base only"] = [] };
        for (int run = -2; run < runs; run++)
        {
            foreach (bool everything in new[] { true, false })
            {
                var s0 = Now();
                using (var connection = new DuckDBConnection("Data Source=:memory:"))
                {
                    connection.Open();
                    foreach (var (name, step) in Steps)
                    {
                        bool baseSet = name is "DuneInt256" or "DuneKeccak" or "DuneHashes" or "DuneDistributions" or "DuneJsonFunctions"
                            or "ATTACH ':memory:' AS dune; USE dune" or "Prelude (two SETs)";
                        if (everything || baseSet)
                        {
                            step(connection);
                        }
                    }
                    Exec(connection, "SELECT 1");
                }
                var s1 = Now();
                if (run >= 0)
                {
                    string key = everything ? "everything" : "base only";
                    whole[key].Add(s1.Cpu - s0.Cpu);
                    wholeWall[key].Add(s1.Wall - s0.Wall);
                }
            }
        }
        foreach (string key in whole.Keys)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"whole: " + key,-40} {Median(whole[key]),8:F2} {Median(wholeWall[key]),8:F2}"));
        }
    }

    private static void Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static (double Wall, double Cpu) Now() =>
        (Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency, Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
