using System.Diagnostics;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>The demo database file of a data directory.</summary>
public static class DemoDatabase
{
    public static string PathIn(string dataDir) => Path.Combine(dataDir, "demo.duckdb");

    /// <summary>Generates the demo database when absent, into a temporary file renamed when complete.</summary>
    public static void Ensure(string dataDir, double scale, TextWriter output)
    {
        string path = PathIn(dataDir);
        if (File.Exists(path))
        {
            return;
        }
        string temp = path + ".tmp";
        File.Delete(temp);
        File.Delete(temp + ".wal");
        var clock = Stopwatch.StartNew();
        using (var connection = new DuckDBConnection($"Data Source={temp}"))
        {
            connection.Open();
            DemoData.Generate(connection, scale);
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "CHECKPOINT";
            checkpoint.ExecuteNonQuery();
        }
        File.Move(temp, path);
        output.WriteLine($"Generated demo data (scale {scale}) in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
