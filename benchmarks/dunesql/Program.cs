using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

// DuneSQL over the demo data, before and after, in one process: each case's "before" is the DuckDB text main's
// translator gave, its "after" the DuneSQL this build translates; the rounds alternate the two so load drifts hit both.
// Usage: DuneSqlSpeed <demo.duckdb> [rounds] [case-name-filter] [scale]. The demo file is generated (scale 1) when absent.
// DuneSqlSpeed raw <DuckDB text>… times texts; DuneSqlSpeed translate <DuneSQL>… prints their translations;
// DuneSqlSpeed multimap <rows,rows,…> [keys] [rounds] [groups] times multimap_agg's forms and peers.
// DuneSqlSpeed prefixes <folder>… translates every third prefix of each .sql file (Prefixes.cs).
// DuneSqlSpeed sandbox <demo.duckdb> [runs] times the steps of an execution's sandbox and whole executions (Sandbox.cs).
// DuneSqlSpeed testdb [runs] times the steps of the tests' in-process DuneSQL database (TestDb.cs).
if (args.Length > 1 && args[0] == "raw")
{
    // DuckDB texts timed on one in-memory connection with every Dune function registered (for trying forms).
    using var raw = new DuckDBConnection("Data Source=:memory:");
    raw.Open();
    DuneInt256.Register(raw);
    DuneTime.Register(raw);
    DuneConcat.Register(raw);
    DuneLike.Register(raw);
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
if (args.Length > 0 && args[0] == "testdb")
{
    TestDb.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
    return;
}
if (args.Length > 1 && args[0] == "sandbox")
{
    Sandbox.Run(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
    return;
}
if (args.Length > 1 && args[0] == "attach")
{
    Sandbox.Attach(args.Skip(1), 20);
    return;
}
if (args.Length > 1 && args[0] == "catalog")
{
    Sandbox.Catalog(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20);
    return;
}
if (args.Length > 1 && args[0] == "template")
{
    Sandbox.Template(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
    return;
}
if (args.Length > 1 && args[0] == "views")
{
    Sandbox.Views(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10);
    return;
}
if (args.Length > 1 && args[0] == "prefixes")
{
    Prefixes.Run(args.Skip(1));
    return;
}
if (args.Length > 1 && args[0] == "multimap")
{
    // multimap_agg over one group (or n / groups rows in each of groups) of n rows under 1,000 keys (decision 181): the grouped form, the slicing form before it
    // (only up to 200,000 rows: it is keys × rows), and peers over the same rows: array_agg of the pairs (sorted, as the
    // map's values are) and histogram of the keys. Rounds alternate the forms; the maps must agree.
    using var mm = new DuckDBConnection("Data Source=:memory:");
    mm.Open();
    int keys = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
    int mmRounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
    int groups = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1;
    string Of(string template) => "SELECT md5(string_agg(CAST(m AS VARCHAR), '|' ORDER BY g)) FROM (SELECT g, "
        + template.Replace("$1", "k", StringComparison.Ordinal).Replace("$2", "v", StringComparison.Ordinal) + " AS m FROM d GROUP BY g)";
    var forms = new (string Name, string Sql, int MaxRows)[]
    {
        ("multimap_agg", Of(DuneMoreFunctions.MultimapAgg), int.MaxValue),
        ("multimap_agg before", Of(DuneMoreFunctions.MultimapAggBySlices), groups > 1 ? int.MaxValue : 200_000),
        ("array_agg(k, v ORDER BY k, v)", Of("list(struct_pack(key := $1, value := $2) ORDER BY $1, $2)"), int.MaxValue),
        ("histogram(k)", Of("histogram($1)"), int.MaxValue),
    };
    Console.WriteLine($"{"rows",9} {"form",-32} {"median ms",10}");
    foreach (int n in args[1].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)))
    {
        using (var create = mm.CreateCommand())
        {
            create.CommandText = $"CREATE OR REPLACE TABLE d AS SELECT i % {groups} AS g, (i // {groups}) % {keys} AS k, CASE WHEN i % 97 = 5 THEN NULL ELSE (i * 7919) % 100003 END AS v FROM range({n}) r(i)";
            create.ExecuteNonQuery();
        }
        var timesOf = forms.ToDictionary(f => f.Name, _ => new List<double>());
        var digests = new HashSet<string>();
        for (int round = 0; round < mmRounds; round++)
        {
            foreach (var (name, sql, maxRows) in forms.Where(f => n <= f.MaxRows))
            {
                using var command = mm.CreateCommand();
                command.CommandText = sql;
                var watch = Stopwatch.StartNew();
                string digest = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
                timesOf[name].Add(watch.Elapsed.TotalMilliseconds);
                if (name.StartsWith("multimap_agg", StringComparison.Ordinal))
                {
                    digests.Add(digest);
                }
            }
        }
        if (digests.Count != 1)
        {
            throw new InvalidOperationException($"multimap_agg forms differ at {n} rows");
        }
        foreach (var (name, _, maxRows) in forms.Where(f => n <= f.MaxRows))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n,9} {name,-32} {Median(timesOf[name]),10:F0}"));
        }
    }
    return;
}
if (args.Length > 1 && args[0] == "translate")
{
    // The DuckDB text each DuneSQL argument translates to.
    foreach (string text in args.Skip(1))
    {
        Console.WriteLine(DuneSqlTranslator.Translate(text).Sql);
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
    // The demo's scale when it is generated: 1 unless a fourth argument gives another.
    DemoData.Generate(create, args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 1.0, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    Console.WriteLine($"generated {path} in {generate.Elapsed.TotalSeconds:F0} s");
}

var cases = Cases.All.Where(c => c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
var times = cases.ToDictionary(c => c.Name, _ => (Before: new List<double>(), After: new List<double>()));
for (int round = 0; round < rounds; round++)
{
    foreach (var c in cases)
    {
        var (before, beforeRows) = Run(path, c.Before, translate: c.BeforeIsDuneSql, c.Setup);
        var (after, afterRows) = Run(path, c.After, translate: true, c.Setup);
        if (c.SameRows && beforeRows != afterRows)
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
// milliseconds of the query alone, and a digest of its rows so before and after are checked to agree. A case's setup
// (DuckDB text, e.g. a temp table) runs before the clock starts.
static (double Ms, string Digest) Run(string demo, string sql, bool translate, string? caseSetup)
{
    string text = translate ? DuneSqlTranslator.Translate(sql).Sql : sql;
    using var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    DuneInt256.Register(connection);
    DuneTime.Register(connection, text);
    DuneZones.Register(connection, DuneZones.UsedBy(text), DuneZones.UsesPerValue(text));
    if (DuneEvmNative.UsedBy(text))
    {
        DuneEvmNative.Register(connection);
    }
    using (var setup = connection.CreateCommand())
    {
        setup.CommandText = DuneSqlTranslator.Prelude + DuneSqlTranslator.TimeMacros
            + $"ATTACH '{demo.Replace("'", "''", StringComparison.Ordinal)}' AS demo (READ_ONLY); USE demo;";
        setup.ExecuteNonQuery();
    }
    if (caseSetup is not null)
    {
        using var prepare = connection.CreateCommand();
        prepare.CommandText = caseSetup;
        prepare.ExecuteNonQuery();
    }
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT md5(string_agg(CAST(q AS VARCHAR), '|' ORDER BY CAST(q AS VARCHAR))) || ' ' || count(*) FROM (" + text + ") q";
    var watch = Stopwatch.StartNew();
    string digest = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    return (watch.Elapsed.TotalMilliseconds, digest);
}

/// <summary>A measured query: the DuckDB text main ran (or a DuneSQL peer, <paramref name="BeforeIsDuneSql"/>) and the
/// DuneSQL this build translates; <paramref name="SameRows"/> when both must give the same rows; <paramref name="Setup"/>
/// a DuckDB text run untimed on the connection first.</summary>
internal sealed record Case(string Name, string Before, string After, bool BeforeIsDuneSql = false, bool SameRows = true, string? Setup = null);
