using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DuckDB.NET.Data;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The sandbox catalog with a view of every demo table, stored once (suite-speed, decision 237). A statement that reads
/// the catalog gets a view of every demo table a chain does not replace: built statement by statement, DuckDB binds each
/// view's query (a view over a demo view binds that view's whole query), ~180 ms of CPU for the test-scale demo's 311
/// tables and views. The same views are written once into a database file; a statement that gets them all attaches a copy
/// of that file as its catalog <c>dune</c> (~9 ms: DuckDB reads a stored view's columns and types without binding it),
/// drops the schemas its chains replace, and adds its uploaded tables' views to the copy as before. The copy
/// is the execution's own, in its spill directory, and goes with it.
/// </summary>
public sealed partial class DuckDbEngine
{
    private readonly Lock catalogGate = new();

    /// <summary>False builds every demo view statement by statement, as before the stored catalog; for tests comparing the two.</summary>
    internal bool UseStoredCatalog { get; init; } = true;
    private string? catalogTemplate;

    /// <summary>Where the stored catalogs are written, under the engine's temporary directory.</summary>
    private string CatalogDirectory => Path.Combine(settings.TempDirectory, "catalog");

    /// <summary>The file name of an execution's copy of the catalog, in its spill directory.</summary>
    private const string CatalogCopyName = "catalog.duckdb";

    /// <summary>
    /// Appends the schemas (those not in <paramref name="schemas"/> yet) and views of <paramref name="views"/> to the
    /// sandbox's set-up: each demo table as the sandbox names it (<see cref="DemoTarget"/>), BIGNUM amounts typed uint256.
    /// </summary>
    private void AppendDemoViews(StringBuilder setup, HashSet<string> schemas, IEnumerable<(string Schema, string Name)> views)
    {
        foreach (var (schema, name) in views)
        {
            string target = DemoTarget(schema);
            if (schemas.Add(target) && target != "main")
            {
                setup.Append(CultureInfo.InvariantCulture, $"CREATE SCHEMA {SqlQuoting.QuoteIdentifier(target)};\n");
            }
            // Demo amounts are stored as BIGNUM (other DuckDB instances read the file too); the view types them uint256 (int256
            // for the signed ones, DemoData.BignumColumnType).
            string replace = demoUint256Columns.TryGetValue(schema + "." + name, out var bignums)
                ? " REPLACE (" + string.Join(", ", bignums.Select(c => $"CAST({SqlQuoting.QuoteIdentifier(c.Column)} AS {c.Type}) AS {SqlQuoting.QuoteIdentifier(c.Column)}")) + ")"
                : "";
            setup.Append(CultureInfo.InvariantCulture,
                $"CREATE VIEW {Qualified(target, name)} AS SELECT *{replace} FROM {DemoCatalog}.{Qualified(schema, name)};\n");
        }
    }

    /// <summary>
    /// Attaches a copy of the stored catalog (a view of every demo table) as the sandbox catalog <c>dune</c> and opens the
    /// set-up's transaction; the demo schemas of <paramref name="chainSchemas"/> (replaced by the request's chains) are
    /// dropped with their views. Adds the catalog's other schemas to <paramref name="schemas"/>.
    /// </summary>
    private void AppendStoredCatalog(StringBuilder setup, HashSet<string> schemas, HashSet<string> chainSchemas, string spillDirectory)
    {
        string copy = Path.Combine(spillDirectory, CatalogCopyName);
        File.Copy(CatalogTemplate(), copy);
        setup.Append(CultureInfo.InvariantCulture, $"ATTACH {SqlQuoting.QuoteString(copy)} AS dune;\nUSE dune;\n");
        setup.Append("BEGIN TRANSACTION;\n");
        foreach (var (schema, name) in demoTables)
        {
            string target = DemoTarget(schema);
            if (!chainSchemas.Contains(schema))
            {
                schemas.Add(target);
            }
            else if (target == "main")
            {
                setup.Append(CultureInfo.InvariantCulture, $"DROP VIEW {Qualified(target, name)};\n");
            }
        }
        foreach (string target in chainSchemas.Where(s => demoTables.Any(t => t.Schema.Equals(s, StringComparison.OrdinalIgnoreCase)))
            .Select(DemoTarget).Where(t => t != "main").Distinct(StringComparer.OrdinalIgnoreCase))
        {
            // Created again, as in the statement-by-statement set-up, only when one of the chain's tables gets a view.
            setup.Append(CultureInfo.InvariantCulture, $"DROP SCHEMA {SqlQuoting.QuoteIdentifier(target)} CASCADE;\n");
        }
    }

    /// <summary>The stored catalog's file, written on first use under the engine's temporary directory. Its name is a hash of
    /// the demo file (path, length, time written) and of the views' set-up, so a new demo gets a new catalog; engines
    /// sharing the directory share the file (each writes it whole under a name of its own, then renames it).</summary>
    private string CatalogTemplate()
    {
        lock (catalogGate)
        {
            if (catalogTemplate is not null && File.Exists(catalogTemplate))
            {
                return catalogTemplate;
            }
            var views = new StringBuilder();
            AppendDemoViews(views, new HashSet<string>(StringComparer.OrdinalIgnoreCase), demoTables);
            var demo = new FileInfo(settings.DemoDatabasePath);
            string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
                $"{demo.FullName}\n{demo.Length}\n{demo.LastWriteTimeUtc.Ticks}\n{views}")))[..24].ToLowerInvariant();
            string directory = CatalogDirectory;
            Directory.CreateDirectory(directory);
            string path = Path.Combine(directory, $"demo-views-{key}.duckdb");
            if (!File.Exists(path))
            {
                string temp = Path.Combine(directory, $"building-{Guid.NewGuid():N}.duckdb");
                try
                {
                    using (var connection = new DuckDBConnection("Data Source=:memory:"))
                    {
                        connection.Open();
                        DuneSql.DuneInt256.Register(connection);
                        DuckDbCommands.Exec(connection,
                            $"ATTACH {SqlQuoting.QuoteString(settings.DemoDatabasePath)} AS {DemoCatalog} (READ_ONLY);\n"
                            + $"ATTACH {SqlQuoting.QuoteString(temp)} AS dune;\nUSE dune;\nBEGIN TRANSACTION;\n{views}COMMIT;\nCHECKPOINT dune;\nUSE memory;\nDETACH dune;\n");
                    }
                    File.Move(temp, path, overwrite: true);
                }
                finally
                {
                    File.Delete(temp);
                    File.Delete(temp + ".wal");
                }
            }
            catalogTemplate = path;
            return path;
        }
    }
}
