using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The fixed cost of an execution's sandbox (serve-speed, decision 230). <c>DuneSqlSpeed sandbox &lt;demo.duckdb&gt; [runs]</c>:
/// (1) the steps of opening a sandbox, each timed alone (wall and this process's CPU, median of the runs): what
/// DuckDbEngine.OpenSandbox does for <c>select 1</c>; (2) whole executions through the engine in this process (translation,
/// sandbox, statement check, describe, run, result file): <c>select 1</c> and a small demo query, p50/p99 wall and the
/// median CPU of each. The demo file is generated (scale 0.01, the server's test scale) when absent.
/// </summary>
internal static class Sandbox
{
    private static readonly string[] Queries =
    [
        "select 1",
        "select number, hash from ethereum.blocks order by number desc limit 5",
        // A catalog read: every demo table a chain does not replace gets a view (suite-speed, decision 237).
        "select table_name from information_schema.tables where table_schema = 'ethereum' order by 1 limit 5",
    ];

    public static void Run(string demo, int runs)
    {
        if (DemoData.EnsureFile(demo, 0.01))
        {
            Console.WriteLine($"generated {demo}");
        }
        Steps(demo, runs);
        Executions(demo, runs);
    }

    /// <summary>The CPU of attaching each file read-only in a fresh instance (median of the runs).</summary>
    public static void Attach(IEnumerable<string> files, int runs)
    {
        foreach (string file in files)
        {
            var wall = new List<double>();
            var cpu = new List<double>();
            for (int run = -2; run < runs; run++)
            {
                using var connection = new DuckDBConnection("Data Source=:memory:");
                connection.Open();
                var (w0, c0) = Now();
                Exec(connection, $"ATTACH '{file}' AS d (READ_ONLY)");
                var (w1, c1) = Now();
                if (run >= 0)
                {
                    wall.Add(w1 - w0);
                    cpu.Add(c1 - c0);
                }
            }
            Line(file, wall, cpu);
        }
    }

    /// <summary>
    /// What a catalog read's set-up costs (suite-speed, decision 237): a view in the sandbox's catalog for the first n
    /// demo tables (all, then fewer: how it grows), in one transaction as DuckDbEngine.OpenSandbox builds them, the demo
    /// attached first (not timed). CPU median of the runs.
    /// </summary>
    public static void Views(string demo, int runs)
    {
        List<(string Schema, string Name)> tables;
        int demoViews;
        using (var probe = new DuckDBConnection("Data Source=:memory:"))
        {
            probe.Open();
            Exec(probe, $"ATTACH '{demo}' AS _strata_demo (READ_ONLY)");
            using var command = probe.CreateCommand();
            command.CommandText = "(SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = '_strata_demo' "
                + "ORDER BY 1, 2) UNION ALL (SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = '_strata_demo' AND NOT internal ORDER BY 1, 2)";
            using var reader = command.ExecuteReader();
            tables = [];
            while (reader.Read())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
            reader.Close();
            command.CommandText = "SELECT count(*) FROM duckdb_views() WHERE database_name = '_strata_demo' AND NOT internal";
            demoViews = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        // The demo's own views last: a view over one binds that view's whole query.
        Console.WriteLine($"{"views",-76} {"wall ms",9} {"cpu ms",9}   (median of {runs})");
        var overTables = tables.Take(tables.Count - demoViews).ToList();
        var overViews = tables.Skip(tables.Count - demoViews).ToList();
        foreach (var (n, every, set, what) in new[] { (tables.Count, 0, tables, "all"), (tables.Count / 2, 0, tables, "all"), (tables.Count, 40, tables, "all"),
            (overTables.Count, 0, overTables, "over demo tables"), (overViews.Count, 0, overViews, "over demo views") })
        {
            var setup = new System.Text.StringBuilder("BEGIN TRANSACTION;\n");
            var schemas = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (schema, name) in set.Take(n))
            {
                string target = schema == "dune" ? "main" : schema;
                if (schemas.Add(target) && target != "main")
                {
                    setup.Append(CultureInfo.InvariantCulture, $"CREATE SCHEMA \"{target}\";\n");
                }
                setup.Append(CultureInfo.InvariantCulture, $"CREATE VIEW \"{target}\".\"{name}\" AS SELECT * FROM _strata_demo.\"{schema}\".\"{name}\";\n");
                if (every > 0 && schemas.Count + setup.Length > 0 && set.IndexOf((schema, name)) % every == every - 1)
                {
                    setup.Append("COMMIT;\nBEGIN TRANSACTION;\n");
                }
            }
            setup.Append("COMMIT;\n");
            var wall = new List<double>();
            var cpu = new List<double>();
            for (int run = -2; run < runs; run++)
            {
                using var connection = new DuckDBConnection("Data Source=:memory:");
                connection.Open();
                Exec(connection, $"ATTACH '{demo}' AS _strata_demo (READ_ONLY);\nATTACH ':memory:' AS dune;\nUSE dune;");
                var (w0, c0) = Now();
                Exec(connection, setup.ToString());
                var (w1, c1) = Now();
                if (run >= 0)
                {
                    wall.Add(w1 - w0);
                    cpu.Add(c1 - c0);
                }
            }
            Line(every > 0 ? $"{n} views ({what}), a commit every {every}" : $"{n} views ({what}), one transaction", wall, cpu);
        }
    }

    /// <summary>
    /// A catalog read through the engine in process (decision 237), on an engine with the stored catalog and on one building
    /// every view statement by statement (UseStoredCatalog = false), the two alternating run by run: p50 wall and median
    /// CPU of each.
    /// </summary>
    public static void Catalog(string demo, int runs)
    {
        string directory = Directory.CreateTempSubdirectory("strata-catalog-speed-").FullName;
        try
        {
            var tiers = new Dictionary<PerformanceTier, DuckDbTierSettings> { [PerformanceTier.Medium] = new(1, "512MB", 1L << 30) };
            var engines = new[]
            {
                ("built view by view", new DuckDbEngine(new DuckDbEngineSettings(demo, Path.Combine(directory, "a"), tiers)) { UseStoredCatalog = false }),
                ("stored catalog", new DuckDbEngine(new DuckDbEngineSettings(demo, Path.Combine(directory, "b"), tiers))),
            };
            string sql = Queries[^1];
            var wall = engines.Select(_ => new List<double>()).ToArray();
            var cpu = engines.Select(_ => new List<double>()).ToArray();
            for (int run = -2; run < runs; run++)
            {
                for (int k = 0; k < engines.Length; k++)
                {
                    int e = run % 2 == 0 ? k : engines.Length - 1 - k;
                    string id = ExecutionIds.New();
                    var request = new EngineRequest(id, sql, "alice", PerformanceTier.Medium, 1L << 30, [], Strata.Core.Queries.SqlDialect.DuneSql);
                    var (w0, c0) = Now();
                    engines[e].Item2.Execute(request, schema => new ResultWriter(Path.Combine(directory, id + ".tmp"), Path.Combine(directory, id + ".arrow"), schema),
                        CancellationToken.None);
                    var (w1, c1) = Now();
                    File.Delete(Path.Combine(directory, id + ".arrow"));
                    if (run >= 0)
                    {
                        wall[e].Add(w1 - w0);
                        cpu[e].Add(c1 - c0);
                    }
                }
            }
            Console.WriteLine($"{sql}\n{"execution (engine in process)",-76} {"p50 ms",9} {"cpu ms",9}   (median of {runs})");
            for (int e = 0; e < engines.Length; e++)
            {
                Line(engines[e].Item1, wall[e], cpu[e]);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Probe: the every-demo-view catalog stored once in a file, a copy attached as the sandbox catalog.</summary>
    public static void Template(string demo, int runs)
    {
        string dir = Directory.CreateTempSubdirectory("strata-template-").FullName;
        string template = Path.Combine(dir, "template.duckdb");
        var sql = new System.Text.StringBuilder();
        using (var build = new DuckDBConnection("Data Source=:memory:"))
        {
            build.Open();
            DuneInt256.Register(build);
            Exec(build, $"ATTACH '{demo}' AS _strata_demo (READ_ONLY); ATTACH '{template}' AS dune; USE dune;");
            using var command = build.CreateCommand();
            command.CommandText = "(SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = '_strata_demo' ORDER BY 1, 2) "
                + "UNION ALL (SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = '_strata_demo' AND NOT internal ORDER BY 1, 2)";
            var tables = new List<(string, string)>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    tables.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
            command.CommandText = "SELECT schema_name, table_name, column_name FROM duckdb_columns() WHERE database_name = '_strata_demo' AND data_type IN ('BIGNUM', 'VARINT')";
            var bignums = new Dictionary<string, List<string>>();
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    string key = reader.GetString(0) + "." + reader.GetString(1);
                    if (!bignums.TryGetValue(key, out var list)) { bignums[key] = list = []; }
                    list.Add(reader.GetString(2));
                }
            }
            var schemas = new HashSet<string>();
            sql.Append("BEGIN TRANSACTION;\n");
            foreach (var (schema, name) in tables)
            {
                string target = schema == "dune" ? "main" : schema;
                if (schemas.Add(target) && target != "main") { sql.Append(CultureInfo.InvariantCulture, $"CREATE SCHEMA \"{target}\";\n"); }
                string replace = bignums.TryGetValue(schema + "." + name, out var cols)
                    ? " REPLACE (" + string.Join(", ", cols.Select(c => $"CAST(\"{c}\" AS uint256) AS \"{c}\"")) + ")" : "";
                sql.Append(CultureInfo.InvariantCulture, $"CREATE VIEW \"{target}\".\"{name}\" AS SELECT *{replace} FROM _strata_demo.\"{schema}\".\"{name}\";\n");
            }
            sql.Append("COMMIT;\n");
            Exec(build, sql.ToString());
            Exec(build, "CHECKPOINT dune");
            Console.WriteLine($"template: {tables.Count} views, {bignums.Count} with uint256 columns, {new FileInfo(template).Length} bytes");
        }
        string probe = "SELECT (SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'dune') || ' ' || "
            + "(SELECT count(*) FROM information_schema.columns WHERE table_catalog = 'dune') || ' ' || "
            + "(SELECT string_agg(DISTINCT data_type, ',' ORDER BY data_type) FROM information_schema.columns WHERE table_catalog = 'dune' AND data_type ILIKE '%int256%') || ' ' || "
            + "(SELECT count(*) FROM ethereum.blocks)";
        foreach (bool copy in new[] { false, true, false, true })
        {
            var wall = new List<double>();
            var cpu = new List<double>();
            var close = new List<double>();
            string? seen = null;
            for (int run = -2; run < runs; run++)
            {
                var connection = new DuckDBConnection("Data Source=:memory:");
                connection.Open();
                DuneInt256.Register(connection);
                Exec(connection, $"ATTACH '{demo}' AS _strata_demo (READ_ONLY);");
                string target = Path.Combine(dir, $"run{run}-{copy}.duckdb");
                var (w0, c0) = Now();
                if (copy)
                {
                    File.Copy(template, target);
                    Exec(connection, $"ATTACH '{target}' AS dune; USE dune;");
                }
                else
                {
                    Exec(connection, "ATTACH ':memory:' AS dune; USE dune;\n" + sql);
                }
                var (w1, c1) = Now();
                using (var command = connection.CreateCommand())
                {
                    command.CommandText = probe;
                    seen = command.ExecuteScalar() as string;
                }
                var (w2, c2) = Now();
                connection.Dispose();
                var (w3, c3) = Now();
                File.Delete(target);
                File.Delete(target + ".wal");
                if (run >= 0)
                {
                    wall.Add(w1 - w0);
                    cpu.Add(c1 - c0);
                    close.Add(c3 - c2);
                }
            }
            Line(copy ? $"copy the template, attach it as dune ({seen})" : $"views built in :memory: dune ({seen})", wall, cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"  dispose cpu",-76} {close.Median(),9:F1}"));
        }
        Directory.Delete(dir, recursive: true);
    }

    private static void Steps(string demo, int runs)
    {
        var steps = new (string Name, Action<DuckDBConnection> Do)[]
        {
            ("DuneInt256.Register (types, sums, decimal, numeric, cardinality, operators)", DuneInt256.Register),
            ("DuneKeccak.Register", DuneKeccak.Register),
            ("DuneHashes.Register", DuneHashes.Register),
            ("DuneDistributions.Register", DuneDistributions.Register),
            ("DuneJsonFunctions.Register", DuneJsonFunctions.Register),
            ("json_serialize_sql (the statement's names)", c => Exec(c, "SELECT json_serialize_sql('SELECT 1')")),
            ("ATTACH demo (READ_ONLY)", c => Exec(c, $"ATTACH '{demo}' AS _strata_demo (READ_ONLY)")),
            ("ATTACH :memory: AS dune; USE dune; empty transaction", c => Exec(c, "ATTACH ':memory:' AS dune;\nUSE dune;\nBEGIN TRANSACTION;\nCOMMIT;\n")),
            ("settings and lock", c => Exec(c, "SET allowed_paths = [];\nSET threads = 1;\nSET memory_limit = '512MB';\nSET max_temp_directory_size = '1073741824B';\n"
                + "SET GLOBAL errors_as_json = true;\nSET autoinstall_known_extensions = false;\nSET autoload_known_extensions = false;\n"
                + "SET allow_community_extensions = false;\nSET enable_external_access = false;\n" + DuneSqlTranslator.Prelude + "SET lock_configuration = true;\n")),
        };
        var wall = steps.Select(_ => new List<double>()).ToArray();
        var cpu = steps.Select(_ => new List<double>()).ToArray();
        var open = new List<double>();
        var openCpu = new List<double>();
        var close = new List<double>();
        var closeCpu = new List<double>();
        for (int run = -2; run < runs; run++)
        {
            var (w0, c0) = Now();
            var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            var (w1, c1) = Now();
            if (run >= 0)
            {
                open.Add(w1 - w0);
                openCpu.Add(c1 - c0);
            }
            for (int i = 0; i < steps.Length; i++)
            {
                var (a, b) = Now();
                steps[i].Do(connection);
                var (c, d) = Now();
                if (run >= 0)
                {
                    wall[i].Add(c - a);
                    cpu[i].Add(d - b);
                }
            }
            var (w2, c2) = Now();
            connection.Dispose();
            var (w3, c3) = Now();
            if (run >= 0)
            {
                close.Add(w3 - w2);
                closeCpu.Add(c3 - c2);
            }
        }
        Console.WriteLine($"{"step",-76} {"wall ms",9} {"cpu ms",9}   (median of {runs})");
        Line("open :memory:", open, openCpu);
        for (int i = 0; i < steps.Length; i++)
        {
            Line(steps[i].Name, wall[i], cpu[i]);
        }
        Line("dispose", close, closeCpu);
        Console.WriteLine($"{"sum of medians",-76} {open.Median() + close.Median() + wall.Sum(w => w.Median()),9:F1} {openCpu.Median() + closeCpu.Median() + cpu.Sum(c => c.Median()),9:F1}");
    }

    private static void Executions(string demo, int runs)
    {
        string directory = Directory.CreateTempSubdirectory("strata-sandbox-speed-").FullName;
        try
        {
            var tier = new DuckDbTierSettings(1, "512MB", 1L << 30);
            var engine = new DuckDbEngine(new DuckDbEngineSettings(demo, Path.Combine(directory, "tmp"),
                new Dictionary<PerformanceTier, DuckDbTierSettings> { [PerformanceTier.Medium] = tier }));
            Console.WriteLine($"{"execution (engine in process)",-76} {"p50 ms",9} {"p99 ms",9} {"cpu ms",9}");
            foreach (string sql in Queries)
            {
                var wall = new List<double>();
                var cpu = new List<double>();
                for (int run = -2; run < runs; run++)
                {
                    string id = ExecutionIds.New();
                    var request = new EngineRequest(id, sql, "alice", PerformanceTier.Medium, 1L << 30, [], Strata.Core.Queries.SqlDialect.DuneSql);
                    var (w0, c0) = Now();
                    var outcome = engine.Execute(request, schema => new ResultWriter(Path.Combine(directory, id + ".tmp"), Path.Combine(directory, id + ".arrow"), schema),
                        CancellationToken.None);
                    var (w1, c1) = Now();
                    if (outcome.RowCount == 0)
                    {
                        throw new InvalidOperationException($"no rows: {sql}");
                    }
                    File.Delete(Path.Combine(directory, id + ".arrow"));
                    if (run >= 0)
                    {
                        wall.Add(w1 - w0);
                        cpu.Add(c1 - c0);
                    }
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{sql,-76} {wall.Median(),9:F1} {wall.Percentile(99),9:F1} {cpu.Median(),9:F1}"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
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

    private static void Line(string name, List<double> wall, List<double> cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-76} {wall.Median(),9:F1} {cpu.Median(),9:F1}"));

    private static double Median(this List<double> values) => values.Percentile(50);

    private static double Percentile(this List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Round(p / 100.0 * (sorted.Count - 1)))];
    }
}
