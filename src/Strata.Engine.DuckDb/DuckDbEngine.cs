using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The embedded engine. Each execution runs in its own in-memory DuckDB instance, built for the
/// caller from the request's table snapshot: catalog <c>dune</c> holds views over the demo database
/// (attached read-only) and over the part files of exactly the uploaded tables the caller may read.
/// Nothing else exists in that instance, so no catalog function, system view or qualified name can
/// reach another owner's private table. The instance may read only those part files
/// (<c>allowed_paths</c>), has its tier's thread and memory limits, and a locked configuration with
/// external access, extension loading and settings changes disabled.
/// </summary>
public sealed partial class DuckDbEngine : IQueryEngine, IEngineNames, IEngineStartup
{
    private const string Alias = "_strata_q";
    internal const string DemoCatalog = "_strata_demo";
    private readonly DuckDbEngineSettings settings;
    private readonly IReadOnlyList<(string Schema, string Name)> demoTables;

    private readonly Dictionary<string, List<(string Column, string Type)>> demoUint256Columns;

    private readonly Dictionary<string, IReadOnlyDictionary<string, string?>> demoColumnTypes;

    public DuckDbEngine(DuckDbEngineSettings settings)
    {
        this.settings = settings;
        using var probe = new DuckDBConnection("Data Source=:memory:");
        probe.Open();
        DuckDbCommands.Exec(probe, $"ATTACH {SqlQuoting.QuoteString(settings.DemoDatabasePath)} AS {DemoCatalog} (READ_ONLY)");
        using var command = probe.CreateCommand();
        command.CommandText = $"SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = '{DemoCatalog}' "
            + $"UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE database_name = '{DemoCatalog}' AND NOT internal ORDER BY 1, 2";
        using var reader = command.ExecuteReader();
        var tables = new List<(string, string)>();
        while (reader.Read())
        {
            tables.Add((reader.GetString(0), reader.GetString(1)));
        }
        demoTables = tables;
        DemoSchemas = tables.Select(t => t.Item1).ToHashSet(StringComparer.OrdinalIgnoreCase);
        reader.Close();
        demoUint256Columns = ReadDemoUint256Columns(command);
        demoColumnTypes = ReadDemoColumnTypes(command);
        command.CommandText = "SELECT keyword_name FROM duckdb_keywords() WHERE keyword_category = 'reserved'";
        using var words = command.ExecuteReader();
        var reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (words.Read())
        {
            reserved.Add(words.GetString(0));
        }
        ReservedWords = reserved;
    }

    /// <summary>SQL keywords that must be quoted to be used as a name.</summary>
    public IReadOnlySet<string> ReservedWords { get; }

    /// <summary>The schemas of the demo database, which no upload namespace may take.</summary>
    public IReadOnlySet<string> DemoSchemas { get; }

    public Task<EngineOutcome> ExecuteAsync(EngineRequest request, Func<ResultSchema, ResultWriter> createWriter, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Execute(request, createWriter, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <param name="spillCreated">Told the execution's spill directory before DuckDB may write there
    /// (an engine worker tells the server, which removes it should the worker die).</param>
    internal EngineOutcome Execute(EngineRequest request, Func<ResultSchema, ResultWriter> createWriter, CancellationToken cancellationToken, Action<string>? spillCreated = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // DuneSQL (the default) is translated; DuckDB's own SQL, asked for explicitly, runs as written.
        RefuseNul(request.Sql);
        // UNNEST operands a checking bind found to be maps though the text does not show it (decision 266): the statement
        // failed when DuckDB bound it, so it runs again translated with those operands as maps, at most once per operand.
        var mapOperands = new HashSet<int>();
        var dune = request.Dialect == Strata.Core.Queries.SqlDialect.DuneSql ? DuneSql.DuneSqlTranslator.Translate(request.Sql, cancellationToken, ColumnTypesFor(request)) : null;
        // Disposed last: the instance has closed its temp files by the time the directory goes.
        using var spill = SpillDirectory.Create(SpillRoot);
        spillCreated?.Invoke(spill.Path);
        long spillLimit = SpillLimit(request.Tier);
        while (true)
        {
            var translated = dune is null ? request : request with { Sql = dune.Sql };
            try
            {
                using var connection = OpenSandbox(translated, spill.Path, spillLimit, out bool showedPrivate);
                using var interrupter = new DuckDbInterrupter(connection, cancellationToken);
                return Execute(connection, translated, settings.MaxValueBytes, createWriter, cancellationToken, dune?.DeclaredTypes, dune) with { ShowedPrivate = showedPrivate };
            }
            catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (QueryFailedException e) when (IsSpillLimit(e))
            {
                throw SpillLimitExceeded(request.Tier, spillLimit, e);
            }
            catch (QueryFailedException e) when (IsMemoryLimit(e))
            {
                throw MemoryLimitExceeded(request.Tier, e);
            }
            catch (QueryFailedException e) when (dune is not null)
            {
                var (typeError, mapOperand) = UnnestTypeError(request, e.Error, mapOperands, spill.Path, spillLimit, cancellationToken);
                if (mapOperand is int operand && mapOperands.Add(operand))
                {
                    dune = DuneSql.DuneSqlTranslator.Translate(request.Sql, cancellationToken, ColumnTypesFor(request), mapOperands: mapOperands);
                    continue;
                }
                throw new QueryFailedException(TrinoErrorMessages.InUserText(typeError ?? dune.MapBack(e.Error), dune.UserSql));
            }
        }
    }

    /// <param name="declared">Trino's names of declared column types DuckDB cannot name, by position (DuckDbDeclaredTypes).</param>
    private static EngineOutcome Execute(DuckDBConnection connection, EngineRequest request, long maxValueBytes, Func<ResultSchema, ResultWriter> createWriter, CancellationToken cancellationToken,
        IReadOnlyDictionary<int, string>? declared, DuneSql.DuneTranslation? dune = null)
    {
        string sql = TrimStatement(request.Sql);
        var statement = Classify(connection, sql, cancellationToken);

        if (statement.IsExplain)
        {
            return RunPlain(connection, request, sql, createWriter, cancellationToken);
        }

        string describePrefix = $"DESCRIBE SELECT * FROM (\n";
        var described = new List<(string Name, string Type)>();
        var unnamedPositions = new HashSet<int>(statement.UnnamedPositions);
        using (var describe = connection.CreateCommand())
        {
            describe.CommandText = describePrefix + sql + "\n) AS " + Alias;
            using var reader = Run(describe, request.Sql, describePrefix, cancellationToken);
            try
            {
                long chars = 0;
                while (reader.Read())
                {
                    // An unnamed expression's name is DuckDB's text of it (a long literal's whole text): it becomes _colN,
                    // so it counts for nothing and is not kept (counted, a valid select of a long literal was refused).
                    // An UNNEST's unnamed field (DuneSqlTranslator.UnnestMap.cs) is unnamed too: Trino's _colN, N its place.
                    string written = reader.GetString(0);
                    bool unnamed = statement.UnnamedPositions.Contains(described.Count) || dune?.IsUnnamedColumn(written) == true;
                    if (unnamed)
                    {
                        unnamedPositions.Add(described.Count);
                    }
                    string name = unnamed ? "" : written, type = reader.GetString(1);
                    chars += name.Length + type.Length;
                    if (chars > ResultSchema.MaxSchemaChars)
                    {
                        throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
                            $"The result's column names and types take more than {ResultSchema.MaxSchemaChars >> 20} Mi characters; shorten the names or the nested types."));
                    }
                    described.Add((name, type));
                }
            }
            catch (DuckDBException e)
            {
                throw Translate(e, request.Sql, Encoding.UTF8.GetByteCount(describePrefix), cancellationToken);
            }
        }

        if (described.Count > ResultSchema.MaxColumns)
        {
            throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
                $"The result has {described.Count} columns; a result may have at most {ResultSchema.MaxColumns}."));
        }
        long values = described.Count + described.Sum(d => DuckDbTypes.NestedFieldCount(d.Type));
        if (values > ResultSchema.MaxColumns)
        {
            // Each field of a nested row is a column to the read (its JSON is built field by field): a row of ten rows of
            // ten rows of ten rows (a few hundred bytes of SQL) took minutes of the engine and its whole memory.
            throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
                $"The result's columns hold {values} values a row, counting the fields of the rows nested in them; a result may have at most {ResultSchema.MaxColumns}."));
        }
        var names = NameColumns(described.Select(d => d.Name).ToList(), unnamedPositions);
        var columns = new List<ResultColumn>(described.Count);
        var expressions = new List<string>(described.Count);
        for (int i = 0; i < described.Count; i++)
        {
            string? declaredName = declared is not null && declared.TryGetValue(i, out var d) ? DuckDbDeclaredTypes.Name(d, described[i].Type) : null;
            var (kind, expression) = (declaredName is null ? null : DuckDbDeclaredTypes.Plan(declaredName, $"\"c{i}\"", described[i].Type)) ?? DuckDbTypes.Plan(described[i].Type, $"\"c{i}\"");
            columns.Add(new ResultColumn(names[i], declaredName ?? DuckDbTypes.DuneName(described[i].Type), kind));
            expressions.Add(DuckDbValueSize.Guard(described[i].Type, $"\"c{i}\"", expression, names[i], maxValueBytes));
        }
        var schema = new ResultSchema(columns);
        string aliasList = string.Join(", ", Enumerable.Range(0, described.Count).Select(i => $"\"c{i}\""));
        string prefix = $"SELECT {string.Join(", ", expressions)} FROM (\n";

        using var command = connection.CreateCommand();
        command.CommandText = prefix + sql + $"\n) AS {Alias}({aliasList})";
        using var rows = Run(command, request.Sql, prefix, cancellationToken);
        using var writer = createWriter(schema);
        bool truncated = Copy(rows, writer, schema, request.MaxResultBytes, (request.Sql, Encoding.UTF8.GetByteCount(prefix)), cancellationToken);
        writer.Complete();
        return new EngineOutcome(schema, writer.RowCount, writer.ValueBytes, truncated);
    }

    /// <summary>EXPLAIN cannot be wrapped in a subquery: its (text) columns are read as they come.</summary>
    private static EngineOutcome RunPlain(DuckDBConnection connection, EngineRequest request, string sql, Func<ResultSchema, ResultWriter> createWriter, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = Run(command, request.Sql, "", cancellationToken);
        var schema = new ResultSchema(Enumerable.Range(0, reader.FieldCount)
            .Select(i => new ResultColumn(reader.GetName(i), "varchar", ColumnKind.Text)).ToArray());
        using var writer = createWriter(schema);
        while (ReadTranslated(reader, request.Sql, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < reader.FieldCount; i++)
            {
                if (reader.IsDBNull(i))
                {
                    writer.AppendNull(i);
                }
                else
                {
                    writer.AppendText(i, Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
            writer.EndRow();
        }
        writer.Complete();
        return new EngineOutcome(schema, writer.RowCount, writer.ValueBytes, false);
    }

    private static bool ReadTranslated(DuckDBDataReader reader, string userSql, CancellationToken cancellationToken)
    {
        try
        {
            return reader.Read();
        }
        catch (DuckDBException e)
        {
            throw Translate(e, userSql, 0, cancellationToken);
        }
    }

    /// <summary>Copies the rows into the writer; true when it stopped at the stored-size cap.</summary>
    private static bool Copy(DuckDBDataReader rows, ResultWriter writer, ResultSchema schema, long maxBytes, (string Sql, int PrefixBytes) source, CancellationToken cancellationToken)
    {
        long checkedAt = 0;
        bool truncated = false;
        DuckDbRows.Copy(rows, writer, schema.Columns.Select(c => c.Kind).ToArray(), () =>
        {
            // Once a batch (wide rows make short batches: the stored-size cap is checked as often as a batch is written).
            if (writer.RowCount - checkedAt < writer.RowLimit)
            {
                return true;
            }
            checkedAt = writer.RowCount;
            cancellationToken.ThrowIfCancellationRequested();
            truncated = writer.ValueBytes >= maxBytes;
            return !truncated;
        }, e => Translate(e, source.Sql, source.PrefixBytes, cancellationToken));
        return truncated;
    }

    private static DuckDBDataReader Run(DuckDBCommand command, string userSql, string prefix, CancellationToken cancellationToken)
    {
        command.UseStreamingMode = true;
        using var registration = cancellationToken.Register(command.Cancel);
        try
        {
            return (DuckDBDataReader)command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            throw Translate(e, userSql, Encoding.UTF8.GetByteCount(prefix), cancellationToken);
        }
    }
}
