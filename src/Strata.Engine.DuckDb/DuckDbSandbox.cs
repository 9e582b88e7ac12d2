using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>The per-execution sandbox: its catalog, its files, its spill directory and its locked settings.</summary>
public sealed partial class DuckDbEngine
{
    /// <summary>Parent of the per-execution spill directories.</summary>
    private string SpillRoot => Path.Combine(settings.TempDirectory, "executions");

    /// <summary>
    /// Removes spill left by executions that never ended (a crash, a kill): run at start-up, before
    /// any execution. Also removes the per-tier directories that earlier versions shared between
    /// executions, and the stored catalogs (<see cref="CatalogTemplate"/>: a half-written one a kill left, those of
    /// earlier demos; the next catalog read writes the current one again). Returns how many entries were removed.
    /// </summary>
    public int SweepLeftovers() => SweepSpill() + SpillDirectory.Sweep(CatalogDirectory);

    /// <summary>Removes leftover spill directories; returns how many entries were removed.</summary>
    public int SweepSpill()
    {
        int removed = SpillDirectory.Sweep(SpillRoot);
        foreach (var tier in settings.Tiers.Keys)
        {
            string legacy = Path.Combine(settings.TempDirectory, tier.ToWire());
            if (Directory.Exists(legacy))
            {
                removed += SpillDirectory.Sweep(legacy);
                SpillDirectory.TryDelete(legacy);
            }
        }
        return removed;
    }

    /// <summary>The tier's spill cap, never more than the disk has free now.</summary>
    private long SpillLimit(PerformanceTier tier) => SpillDirectory.CapToFree(SpillRoot, settings.Tiers[tier].MaxSpillBytes);

    private static bool IsSpillLimit(QueryFailedException e) =>
        e.Error.Message.Contains("'max_temp_directory_size'", StringComparison.Ordinal);

    private static QueryFailedException SpillLimitExceeded(PerformanceTier tier, long limit, QueryFailedException e) =>
        new(new ExecutionError(e.Error.Type,
            $"Out of Memory Error: the query needed more temporary disk space (spill) than an execution of the {tier.ToWire()} tier may use: "
            + $"the limit is {limit.ToString(CultureInfo.InvariantCulture)} bytes. Sort, join or aggregate less data at once, or filter earlier.",
            e.Error.Line, e.Error.Column));

    /// <summary>DuckDB's own memory-limit failure: its text goes on to suggest <c>SET threads</c>, <c>SET memory_limit</c> and a
    /// tuning guide, none of which a user of the sandbox can follow.</summary>
    private static bool IsMemoryLimit(QueryFailedException e) =>
        e.Error.Message.StartsWith(OutOfMemory, StringComparison.Ordinal) && e.Error.Message.Contains("\nPossible solutions:", StringComparison.Ordinal);

    private const string OutOfMemory = "Out of Memory Error: ";

    /// <summary>The memory-limit failure naming the tier's limit, DuckDB's first line kept (what it failed to allocate) and
    /// its suggestions dropped.</summary>
    private QueryFailedException MemoryLimitExceeded(PerformanceTier tier, QueryFailedException e)
    {
        string message = e.Error.Message;
        int end = message.IndexOf('\n', StringComparison.Ordinal);
        string what = message[OutOfMemory.Length..(end < 0 ? message.Length : end)].Trim();
        return new(new ExecutionError(e.Error.Type,
            $"{OutOfMemory}the query needed more memory than an execution of the {tier.ToWire()} tier may use (memory limit "
            + $"{settings.Tiers[tier].MemoryLimit}; what does not fit spills to temporary disk, but this did not): {what}. "
            + "Sort, join or aggregate less data at once, build smaller values, or filter earlier.",
            e.Error.Line, e.Error.Column));
    }

    /// <summary>The native functions registered only for a text that calls them (a catalog change each; DuneTime, whose
    /// registration reads the text, and DuneZones are registered beside them): what tells that a text calls them, and
    /// what registers them, in registration order.</summary>
    private static readonly (Func<string, bool> UsedBy, Action<DuckDBConnection> Register)[] OnDemandFunctions =
    [
        (DuneSql.DuneRadix.UsedBy, DuneSql.DuneRadix.Register),
        (DuneSql.DuneRegexpGroups.UsedBy, DuneSql.DuneRegexpGroups.Register),
        (DuneSql.DuneJavaRegexp.UsedBy, DuneSql.DuneJavaRegexp.Register),
        (DuneSql.DuneWeightedPercentile.UsedBy, DuneSql.DuneWeightedPercentile.Register),
        (DuneSql.DuneJsonTable.UsedBy, DuneSql.DuneJsonTable.Register),
        (DuneSql.DuneFrameBudget.UsedBy, DuneSql.DuneFrameBudget.Register),
        (DuneSql.DuneDataSize.UsedBy, DuneSql.DuneDataSize.Register),
        (DuneSql.DuneSpecialTimes.UsedBy, DuneSql.DuneSpecialTimes.Register),
        (DuneSql.DuneListaggTruncate.UsedBy, DuneSql.DuneListaggTruncate.Register),
        (DuneSql.DuneListaggBound.UsedBy, DuneSql.DuneListaggBound.Register),
        (DuneSql.DuneListaggBound.DistinctUsedBy, DuneSql.DuneListaggBound.RegisterDistinct),
        (DuneSql.DuneTypeNames.UsedBy, DuneSql.DuneTypeNames.Register),
        (DuneSql.DuneSetTypes.UsedBy, DuneSql.DuneSetTypes.Register),
        (DuneSql.DuneUnnestTypes.UsedBy, DuneSql.DuneUnnestTypes.Register),
        (DuneSql.DuneChr.UsedBy, DuneSql.DuneChr.Register),
        (DuneSql.DuneReverse.UsedBy, DuneSql.DuneReverse.Register),
        (DuneSql.DuneLevenshtein.UsedBy, DuneSql.DuneLevenshtein.Register),
        (DuneSql.DuneLike.UsedBy, DuneSql.DuneLike.Register),
        (DuneSql.DuneCase.UsedBy, DuneSql.DuneCase.Register),
        (DuneSql.DuneEvmNative.UsedBy, DuneSql.DuneEvmNative.Register),
        (DuneSql.DuneSplitMaps.UsedBy, DuneSql.DuneSplitMaps.Register),
        (DuneSql.DuneConcat.UsedBy, DuneSql.DuneConcat.Register),
        (DuneSql.DuneToHex.UsedBy, DuneSql.DuneToHex.Register),
        (DuneSql.DuneFromUtf8.UsedBy, DuneSql.DuneFromUtf8.Register),
        (DuneSql.DuneJavaNumbers.UsedBy, DuneSql.DuneJavaNumbers.Register),
    ];

    /// <summary>
    /// Opens the sandbox for one execution: the demo views it needs (<see cref="DemoViews"/>), the uploaded tables the statement can
    /// reach, then the locked configuration. A table the statement names gets a view over its
    /// parts; when the statement reads the catalog, the other visible tables get an empty view
    /// with the same columns (no file is read), so the catalog lists exactly the tables the caller
    /// may read (also when it names a table that does not exist, so that the error tells a missing
    /// table of a schema the caller can read from a missing schema; DuckDB's "did you mean" hint is
    /// dropped from the message, TrinoErrorMessages); otherwise they are left out, so set-up costs the same however many tables are
    /// visible. Statements here are built from validated identifiers and quoted literals only;
    /// user SQL runs after the lock. <paramref name="showedPrivate"/> tells whether any private table of
    /// the request got a view (its rows, or its name and columns in the catalog).
    /// </summary>
    private DuckDBConnection OpenSandbox(EngineRequest request, string spillDirectory, long spillLimit, out bool showedPrivate)
    {
        showedPrivate = false;
        var tier = settings.Tiers[request.Tier];
        var connection = new DuckDBConnection("Data Source=:memory:");
        try
        {
            connection.Open();
            // Exact uint256/int256 operators and casts: definitions, made before the lock like the prelude.
            DuneSql.DuneInt256.Register(connection);
            DuneSql.DuneKeccak.Register(connection);
            DuneSql.DuneHashes.Register(connection);
            DuneSql.DuneDistributions.Register(connection);
            DuneSql.DuneJsonFunctions.Register(connection);
            if (request.Dialect == Strata.Core.Queries.SqlDialect.DuneSql)
            {
                // Registered only for a text that calls them (a catalog change each).
                if (DuneSql.DuneTime.UsedBy(request.Sql))
                {
                    DuneSql.DuneTime.Register(connection, request.Sql);
                }
                foreach (var (usedBy, register) in OnDemandFunctions)
                {
                    if (usedBy(request.Sql))
                    {
                        register(connection);
                    }
                }
                DuneSql.DuneZones.Register(connection, DuneSql.DuneZones.UsedBy(request.Sql), DuneSql.DuneZones.UsesPerValue(request.Sql));
            }
            var (chainSchemas, demoSchemas) = SchemasOf(request.Tables);
            var references = ReadReferences(connection, request);
            if (references.HiddenName is { } hidden)
            {
                throw Refused($"{hidden} is not available in queries: it describes the server, not the data.");
            }
            var (views, everySchema) = DemoViews(references, request, chainSchemas, demoSchemas);
            var setup = new StringBuilder();
            if (NeedsDemo(references, views, everySchema))
            {
                setup.Append(CultureInfo.InvariantCulture, $"ATTACH {SqlQuoting.QuoteString(settings.DemoDatabasePath)} AS {DemoCatalog} (READ_ONLY);\n");
            }
            var schemas = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (UseStoredCatalog && views.Count > 0 && views.Count == demoTables.Count(t => !chainSchemas.Contains(t.Schema)))
            {
                // Every demo view (a catalog read, or DuckDB's SQL naming something missing): the stored catalog's copy.
                AppendStoredCatalog(setup, schemas, chainSchemas, spillDirectory);
            }
            else
            {
                setup.Append("ATTACH ':memory:' AS dune;\nUSE dune;\n");
                // One transaction for the catalog: a commit per CREATE made 2,000 views take seconds.
                setup.Append("BEGIN TRANSACTION;\n");
                AppendDemoViews(setup, schemas, views);
            }
            foreach (string target in everySchema ? demoTables.Where(t => !chainSchemas.Contains(t.Schema)).Select(t => DemoTarget(t.Schema)) : [])
            {
                if (schemas.Add(target) && target != "main")
                {
                    setup.Append(CultureInfo.InvariantCulture, $"CREATE SCHEMA {SqlQuoting.QuoteIdentifier(target)};\n");
                }
            }
            // Views name part files relative to the uploads root (file_search_path), so that
            // EXPLAIN output and error messages show "<table id>/<part>" and no server path.
            var roots = request.Tables.Where(t => references.Tables.Contains(t.Name) || !references.Known)
                .SelectMany(t => t.Files).Select(f => Path.GetDirectoryName(Path.GetDirectoryName(f))).Distinct().ToList();
            string? root = roots.Count == 1 && !string.IsNullOrEmpty(roots[0]) ? roots[0] : null;
            if (root is not null)
            {
                // Before the views: CREATE VIEW resolves the parts as it binds.
                setup.Insert(0, $"SET file_search_path = {SqlQuoting.QuoteString(root)};\n");
            }
            var known = request.Tables.Select(t => t.Name).Concat(demoTables.Select(t => t.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            bool listAll = references.ReadsCatalog || references.NamesUnknownTable(known);
            var files = new List<string>();
            foreach (var table in request.Tables)
            {
                if (demoSchemas.Contains(table.Namespace) && !table.Chain)
                {
                    continue;
                }
                bool named = !references.Known || references.Tables.Contains(table.Name);
                if (!named && !listAll)
                {
                    continue;
                }
                showedPrivate |= table.Private;
                if (schemas.Add(table.Namespace))
                {
                    setup.Append(CultureInfo.InvariantCulture, $"CREATE SCHEMA {SqlQuoting.QuoteIdentifier(table.Namespace)};\n");
                }
                setup.Append(CultureInfo.InvariantCulture, $"CREATE VIEW {Qualified(table.Namespace, table.Name)} AS {TableView(table, named, root)};\n");
                if (named)
                {
                    files.AddRange(table.Files);
                    // DuckDB checks the name as written and then as found on the search path.
                    files.AddRange(table.Files.Select(f => Relative(root, f)).Where(f => f is not null)!);
                }
            }
            setup.Append("COMMIT;\n");
            string allowed = string.Join(", ", files.Select(SqlQuoting.QuoteString));
            setup.Append(CultureInfo.InvariantCulture, $"SET allowed_paths = [{allowed}];\n");
            setup.Append(CultureInfo.InvariantCulture, $"SET threads = {tier.Threads};\n");
            setup.Append(CultureInfo.InvariantCulture, $"SET memory_limit = {SqlQuoting.QuoteString(tier.MemoryLimit)};\n");
            setup.Append(CultureInfo.InvariantCulture, $"SET temp_directory = {SqlQuoting.QuoteString(spillDirectory)};\n");
            setup.Append(CultureInfo.InvariantCulture, $"SET max_temp_directory_size = '{spillLimit}B';\n");
            setup.Append("SET GLOBAL errors_as_json = true;\n");
            setup.Append("SET autoinstall_known_extensions = false;\n");
            setup.Append("SET autoload_known_extensions = false;\n");
            setup.Append("SET allow_community_extensions = false;\n");
            setup.Append("SET enable_external_access = false;\n");
            if (request.Dialect == Strata.Core.Queries.SqlDialect.DuneSql)
            {
                setup.Append(DuneSql.DuneSqlTranslator.PreludeFor(request.Sql));
            }
            setup.Append("SET lock_configuration = true;\n");
            DuckDbCommands.Exec(connection, setup.ToString());
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What the statement names, from DuckDB's parse tree. When DuckDB cannot serialise it (the
    /// statement check will refuse it or report its syntax error), every visible table is set up,
    /// as if it named them all.
    /// </summary>
    private static StatementReferences ReadReferences(DuckDBConnection connection, EngineRequest request)
    {
        string sql = TrimStatement(request.Sql);
        var explain = ExplainPrefix().Match(sql);
        string inner = explain.Success ? sql[explain.Length..] : sql;
        string json;
        try
        {
            json = DuckDbParseTrees.Serialize(connection, inner);
        }
        catch (DuckDBException)
        {
            return StatementReferences.Unknown;
        }
        if (!json.StartsWith("{\"error\":false", StringComparison.Ordinal))
        {
            return StatementReferences.Unknown;
        }
        var userSchemas = request.Tables.Select(t => t.Namespace).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return StatementReferences.Parse(json, userSchemas);
    }

    /// <summary>
    /// The view over a table's parts: stored columns cast back to their declared types. Without
    /// <paramref name="withRows"/> (or with no parts) it has the same columns and no rows, and
    /// binding it reads no file.
    /// </summary>
    private static string TableView(TableSnapshot table, bool withRows, string? root)
    {
        if (!withRows || table.Files.Count == 0)
        {
            var empty = table.Columns.Select(c => c.Type.Kind is UploadTypeKind.Uint256 or UploadTypeKind.Int256
                ? $"CAST(NULL AS {Int256Type(c.Type.Kind)}) AS {SqlQuoting.QuoteIdentifier(c.Name)}"
                : $"CAST(NULL AS {DuckDbTableLoader.StoredType(c.Type)}) AS {SqlQuoting.QuoteIdentifier(c.Name)}");
            return $"SELECT {string.Join(", ", empty)} WHERE false";
        }
        var columns = table.Columns.Select(c =>
        {
            string name = SqlQuoting.QuoteIdentifier(c.Name);
            return c.Type.Kind is UploadTypeKind.Uint256 or UploadTypeKind.Int256
                ? $"CAST({name} AS {Int256Type(c.Type.Kind)}) AS {name}"
                : name;
        });
        string list = string.Join(", ", table.Files.Select(f => SqlQuoting.QuoteString(Relative(root, f) ?? f)));
        return $"SELECT {string.Join(", ", columns)} FROM read_parquet([{list}])";
    }

    /// <summary>The BIGNUM columns of each demo table ("schema.name") with the type its views give them: Dune's uint256, or
    /// int256 for the signed ones (<see cref="DemoData.BignumColumnType"/>); a BIGNUM[] column only when it is signed (int256[]),
    /// the others stay BIGNUM[], which results name array(uint256).</summary>
    private static Dictionary<string, List<(string Column, string Type)>> ReadDemoUint256Columns(DuckDBCommand command)
    {
        command.CommandText = $"SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = '{DemoCatalog}' "
            + "AND data_type IN ('BIGNUM', 'VARINT', 'BIGNUM[]', 'VARINT[]') ORDER BY 1, 2, column_index";
        var columns = new Dictionary<string, List<(string, string)>>(StringComparer.OrdinalIgnoreCase);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string schema = reader.GetString(0), table = reader.GetString(1), column = reader.GetString(2);
            string type = DemoData.BignumColumnType(schema, table, column);
            bool list = reader.GetString(3).EndsWith("[]", StringComparison.Ordinal);
            if (list && type != DuneSql.DuneInt256Types.Int256)
            {
                continue;
            }
            string key = schema + "." + table;
            if (!columns.TryGetValue(key, out var found))
            {
                columns[key] = found = [];
            }
            found.Add((column, list ? type + "[]" : type));
        }
        return columns;
    }

    /// <summary>The registered DuckDB type (<see cref="DuneSql.DuneInt256Types"/>) of an uploaded uint256 or int256 column.</summary>
    private static string Int256Type(UploadTypeKind kind) =>
        kind == UploadTypeKind.Uint256 ? DuneSql.DuneInt256Types.Uint256 : DuneSql.DuneInt256Types.Int256;

    /// <summary>The part's path below the uploads root (<c>&lt;table id&gt;/&lt;part&gt;</c>), or null when it is not below it.</summary>
    private static string? Relative(string? root, string file)
    {
        if (root is null || !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return null;
        }
        return Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string Qualified(string schema, string name) =>
        $"{SqlQuoting.QuoteIdentifier(schema)}.{SqlQuoting.QuoteIdentifier(name)}";
}
