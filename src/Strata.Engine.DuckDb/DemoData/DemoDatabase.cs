using System.Diagnostics;

namespace Strata.Engine.DuckDb;

/// <summary>The demo database file of a data directory.</summary>
public static class DemoDatabase
{
    public static string PathIn(string dataDir) => Path.Combine(dataDir, "demo.duckdb");

    /// <summary>Generates the demo database when absent (<see cref="DemoData.EnsureFile"/>) and says how long it took.</summary>
    public static void Ensure(string dataDir, double scale, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        if (DemoData.EnsureFile(PathIn(dataDir), scale))
        {
            output.WriteLine($"Generated demo data (scale {scale}) in {clock.Elapsed.TotalSeconds:F1} s");
        }
    }
}
