using System.Globalization;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>An in-process DuckDB with the DuneSQL prelude applied, running translated DuneSQL. A database with the
/// default bounds comes from <see cref="Pool"/> (DuneSqlDb.Pool.cs): a fresh one, or one a finished case left in the
/// state of a fresh one, checked.</summary>
internal sealed partial class DuneSqlDb : IDisposable
{
    private readonly DuckDBConnection connection;

    /// <param name="jsonTableBudget">JSON_TABLE's bound on all of a query's calls (the engine's by default).</param>
    /// <param name="regexCallTime">The backtracking regexp functions' bound on one call's matching time (the engine's by default).</param>
    public DuneSqlDb(string? setup = null, DuneJsonTable.QueryBudget? jsonTableBudget = null, TimeSpan? regexCallTime = null)
    {
        (connection, fresh) = jsonTableBudget is null && regexCallTime is null ? Pool.Take() : (Open(jsonTableBudget, regexCallTime), null);
        try
        {
            if (setup is not null)
            {
                Exec(setup);
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>A new database: the native functions, the <c>dune</c> catalog and the prelude.</summary>
    private static DuckDBConnection Open(DuneJsonTable.QueryBudget? jsonTableBudget, TimeSpan? regexCallTime)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            DuneInt256.Register(connection);
            DuneKeccak.Register(connection);
            DuneHashes.Register(connection);
            DuneDistributions.Register(connection);
            DuneJsonFunctions.Register(connection);
            DuneTime.Register(connection);
            DuneRadix.Register(connection);
            DuneTypeNames.Register(connection);
            DuneSpecialTimes.Register(connection);
            DuneSetTypes.Register(connection);
            DuneRegexpGroups.Register(connection);
            DuneJavaRegexp.Register(connection, regexCallTime ?? DuneJavaRegexp.MaxCallTime);
            DuneDataSize.Register(connection);
            DuneChr.Register(connection);
            DuneReverse.Register(connection);
            DuneLevenshtein.Register(connection);
            DuneLike.Register(connection);
            DuneCase.Register(connection);
            DuneEvmNative.Register(connection);
            DuneSplitMaps.Register(connection);
            DuneFromUtf8.Register(connection);
            DuneJavaNumbers.Register(connection);
            DuneConcat.Register(connection);
            DuneToHex.Register(connection);
            DuneWeightedPercentile.Register(connection);
            DuneListaggTruncate.Register(connection);
            DuneListaggBound.Register(connection);
            DuneListaggBound.RegisterDistinct(connection);
            DuneFrameBudget.Register(connection);
            DuneJsonTable.Register(connection, jsonTableBudget ?? new DuneJsonTable.QueryBudget());
            // The sandbox's catalog (DuckDbSandbox): tables named dune.<schema>.<table> (uploads' dune.<team>.<table>) and
            // delta_prod.<schema>.<table>, which the translator writes as dune's, are this database's.
            Exec(connection, Catalog);
            Exec(connection, DuneSqlTranslator.Prelude + DuneSqlTranslator.TimeMacros + DuneSqlTranslator.PercentileMacros);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private const string Catalog = "ATTACH ':memory:' AS dune; USE dune;";

    /// <summary>The demo data generated into this database (Dune's tables with rows), for queries that need data; the
    /// same scale and time give the same rows.</summary>
    /// <remarks>The demo has a schema of its own named <c>dune</c> (<c>dune.blockchains</c>), which the sandbox makes its
    /// catalog's default schema; here the demo is generated into DuckDB's own catalog instead of the <c>dune</c> catalog, as a
    /// catalog and a schema of one name make <c>dune.blockchains</c> ambiguous.</remarks>
    public void GenerateDemoData(double scale, DateTimeOffset generatedAt)
    {
        Exec("USE memory; DETACH dune;");
        generated = true;
        Strata.Engine.DuckDb.DemoData.Generate(connection, scale, generatedAt);
    }

    public void Exec(string sql) => Exec(connection, Tracked(sql));

    private static void Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Runs DuneSQL and returns its rows rendered as Dune shows values (varbinary as lowercase 0x hex).</summary>
    public List<string[]> Rows(string duneSql, DuneColumnTypes? columnTypes = null) =>
        TranslatedRows(DuneSqlTranslator.Translate(duneSql, default, columnTypes).Sql);

    /// <summary>Runs DuckDB text (a translation, perhaps edited) with the zones it names, rendered as <see cref="Rows"/>.</summary>
    public List<string[]> TranslatedRows(string duckSql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = WithZones(duckSql);
        using var watchdog = Watchdog();
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? "NULL" : Render(reader.GetValue(i));
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Runs DuneSQL to completion without reading values (the corpus checks that queries complete).</summary>
    public void Run(string duneSql, DuneColumnTypes? columnTypes = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = WithZones(DuneSqlTranslator.Translate(duneSql, default, columnTypes).Sql);
        using var watchdog = Watchdog();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }

    /// <summary>The longest one query may run here before it is interrupted: a query that runs without end fails its test
    /// (DuckDB's "Interrupted") instead of holding CI past its 90 minutes, as a guard that did not fire once did (decision
    /// 359). Far above any case's time on a loaded machine.</summary>
    private static readonly TimeSpan MaxQueryTime = TimeSpan.FromMinutes(5);

    private sealed class Watch(CancellationTokenSource timer, IDisposable interrupter) : IDisposable
    {
        public void Dispose()
        {
            interrupter.Dispose();
            timer.Dispose();
        }
    }

    private Watch Watchdog()
    {
        var timer = new CancellationTokenSource(MaxQueryTime);
        return new Watch(timer, new Strata.Engine.DuckDb.DuckDbInterrupter(connection, timer.Token));
    }

    /// <summary>This database's tables' columns and their DuckDB types, as the engine gives the translator its tables'.</summary>
    public DuneColumnTypes ColumnTypes()
    {
        var tables = new Dictionary<string, Dictionary<string, string?>>(StringComparer.OrdinalIgnoreCase);
        using var command = connection.CreateCommand();
        command.CommandText = Tracked("SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string key = reader.GetString(0) + "." + reader.GetString(1);
            if (!tables.TryGetValue(key, out var columns))
            {
                tables[key] = columns = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            }
            columns[reader.GetString(2)] = reader.GetString(3);
        }
        return (schema, table) => tables.GetValueOrDefault(schema + "." + table);
    }

    private readonly HashSet<string> zones = [];

    private bool perValueRegistered;

    /// <summary>Registers the types of the zones a translated text names (the sandbox does so per execution).</summary>
    private string WithZones(string translated)
    {
        Tracked(translated);
        bool perValue = DuneZones.UsesPerValue(translated);
        var added = DuneZones.UsedBy(translated).Where(zones.Add).ToList();
        DuneZones.Register(connection, added, perValue, perValueRegistered);
        if (perValue && !perValueRegistered)
        {
            // Zones met before the zone-per-value type get their conversions to it now.
            DuneZones.RegisterPerValueCasts(connection, zones.Except(added).ToList());
            perValueRegistered = true;
        }
        return translated;
    }

    public string Scalar(string duneSql) => Rows(duneSql)[0][0];

    /// <summary>DuckDB's names of the result's column types (an alias such as <c>int256</c> by its own name).</summary>
    public List<string> Types(string duneSql, DuneColumnTypes? columnTypes = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DESCRIBE " + WithZones(DuneSqlTranslator.Translate(duneSql, default, columnTypes).Sql);
        using var reader = command.ExecuteReader();
        var types = new List<string>();
        while (reader.Read())
        {
            types.Add(reader.GetString(1));
        }
        return types;
    }

    private static string Render(object? value) => value switch
    {
        null => "NULL", // an array's NULL element
        Stream s => "0x" + Convert.ToHexStringLower(ReadAll(s)),
        bool b => b ? "true" : "false",
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + " UTC",
        System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>().Select(Render)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static byte[] ReadAll(Stream s)
    {
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        if (fresh is not null && !generated && !usedJsonTable && !madeFunctions && zones.Count == 0 && !perValueRegistered)
        {
            Pool.Return(connection, fresh);
        }
        else
        {
            connection.Dispose();
        }
    }
}
