using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

// DuneSQL over the demo data, before and after, in one process: each case's "before" is the DuckDB text main's
// translator gave, its "after" the DuneSQL this build translates; the rounds alternate the two so load drifts hit both.
// Usage: DuneSqlSpeed <demo.duckdb> [rounds] [case-name-filter]. The demo file is generated (scale 1) when absent.
if (args.Length > 1 && args[0] == "raw")
{
    // DuckDB texts timed on one in-memory connection with every Dune function registered (for trying forms).
    using var raw = new DuckDBConnection("Data Source=:memory:");
    raw.Open();
    DuneInt256.Register(raw);
    DuneTime.Register(raw);
    foreach (string text in args.Skip(1))
    {
        using var command = raw.CreateCommand();
        command.CommandText = text;
        var watch = Stopwatch.StartNew();
        object? value = command.ExecuteScalar();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMilliseconds,10:F0} ms  {value}"));
    }
    return;
}
string path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "strata-dunesql-speed", "demo.duckdb");
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
string filter = args.Length > 2 ? args[2] : "";
if (!File.Exists(path))
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var generate = Stopwatch.StartNew();
    using var create = new DuckDBConnection("Data Source=" + path);
    create.Open();
    DemoData.Generate(create, 1.0, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    Console.WriteLine($"generated {path} in {generate.Elapsed.TotalSeconds:F0} s");
}

var cases = Cases.All.Where(c => c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
var times = cases.ToDictionary(c => c.Name, _ => (Before: new List<double>(), After: new List<double>()));
for (int round = 0; round < rounds; round++)
{
    foreach (var c in cases)
    {
        var (before, beforeRows) = Run(path, c.Before, translate: false);
        var (after, afterRows) = Run(path, c.After, translate: true);
        if (beforeRows != afterRows)
        {
            throw new InvalidOperationException($"{c.Name}: before and after differ ({beforeRows} / {afterRows})");
        }
        times[c.Name].Before.Add(before);
        times[c.Name].After.Add(after);
    }
}
Console.WriteLine($"{"case",-34} {"before ms",10} {"after ms",10} {"after/before",12}");
foreach (var c in cases)
{
    double b = Median(times[c.Name].Before), a = Median(times[c.Name].After);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{c.Name,-34} {b,10:F0} {a,10:F0} {a / b,12:F4}"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// One query on a fresh connection set up as the sandbox does (functions of the text, the prelude, the demo attached):
// milliseconds of the query alone, and a digest of its rows so before and after are checked to agree.
static (double Ms, string Digest) Run(string demo, string sql, bool translate)
{
    string text = translate ? DuneSqlTranslator.Translate(sql).Sql : sql;
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    DuneInt256.Register(connection);
    DuneTime.Register(connection, text);
    DuneZones.Register(connection, DuneZones.UsedBy(text), DuneZones.UsesPerValue(text));
    using (var setup = connection.CreateCommand())
    {
        setup.CommandText = DuneSqlTranslator.Prelude + DuneSqlTranslator.TimeMacros
            + $"ATTACH '{demo.Replace("'", "''", StringComparison.Ordinal)}' AS demo (READ_ONLY); USE demo;";
        setup.ExecuteNonQuery();
    }
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT md5(string_agg(CAST(q AS VARCHAR), '|' ORDER BY CAST(q AS VARCHAR))) || ' ' || count(*) FROM (" + text + ") q";
    var watch = Stopwatch.StartNew();
    string digest = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    return (watch.Elapsed.TotalMilliseconds, digest);
}

/// <summary>A measured query: the DuckDB text main ran and the DuneSQL this build translates.</summary>
internal sealed record Case(string Name, string Before, string After);
