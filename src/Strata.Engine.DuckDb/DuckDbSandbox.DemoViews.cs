using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>Which demo tables an execution's sandbox gets views of (suite-speed7, suite-speed8).</summary>
public sealed partial class DuckDbEngine
{
    /// <summary>
    /// The schemas of the request's chains (an ingested chain replaces the demo data's schemas of its name whole: a query
    /// never mixes the two), and the demo's schemas as the sandbox names them, which hold no uploaded table.
    /// </summary>
    private (HashSet<string> Chains, HashSet<string> Demo) SchemasOf(IReadOnlyList<TableSnapshot> tables)
    {
        var chains = tables.Where(t => t.Chain).Select(t => t.Namespace).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var demo = demoTables.Where(t => !chains.Contains(t.Schema)).Select(t => DemoTarget(t.Schema))
            .Concat(demoTables.Select(t => t.Schema)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (chains, demo);
    }

    /// <summary>The demo tables an execution of <paramref name="request"/> gets views of, and whether it gets every demo schema
    /// (<see cref="DemoViews"/>), for tests.</summary>
    internal (IReadOnlyList<(string Schema, string Name)> Views, bool EverySchema) DemoViewsFor(EngineRequest request)
    {
        var translated = TranslatedFor(request);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var (chainSchemas, demoSchemas) = SchemasOf(request.Tables);
        return DemoViews(ReadReferences(connection, translated), translated, chainSchemas, demoSchemas);
    }

    /// <summary>
    /// Whether the sandbox attaches the demo database (serve-speed): attaching it loads its whole catalog, some hundreds of
    /// tables and thousands of columns, about half of the CPU of an execution of <c>select 1</c>. A statement that gets no
    /// demo view and does not read the catalog binds nothing there: every name it references resolves to a table of the
    /// request or a CTE of its own (a name of another catalog or of a missing table gets <paramref name="everySchema"/>,
    /// or every demo table in DuckDB's own SQL), or DuckDB cannot serialise it and the statement check refuses it before
    /// anything binds. An unqualified or <c>x.y</c> name is looked up in the sandbox catalog <c>dune</c> only, never in the
    /// demo's.
    /// </summary>
    private static bool NeedsDemo(StatementReferences references, IReadOnlyList<(string Schema, string Name)> views, bool everySchema) =>
        views.Count > 0 || everySchema || references.ReadsCatalog;

    /// <summary>The catalogs (DuckDB's databases, system ones left out) an execution of <paramref name="request"/> gets, its
    /// sandbox opened as for a run and closed; for tests.</summary>
    internal IReadOnlyList<string> SandboxCatalogsFor(EngineRequest request)
    {
        var translated = TranslatedFor(request);
        using var spill = SpillDirectory.Create(SpillRoot);
        using var connection = OpenSandbox(translated, spill.Path, SpillLimit(request.Tier), out _);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT database_name FROM duckdb_databases() WHERE NOT internal ORDER BY 1";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    /// <summary>The request as the sandbox sees it: DuneSQL translated.</summary>
    private EngineRequest TranslatedFor(EngineRequest request) => request.Dialect == Strata.Core.Queries.SqlDialect.DuneSql
        ? request with { Sql = DuneSql.DuneSqlTranslator.Translate(request.Sql, CancellationToken.None, ColumnTypesFor(request)).Sql }
        : request;

    /// <summary>Dune's own schema "dune" (dune.blockchains) is the sandbox catalog's default schema: a schema named like
    /// its catalog would make every "dune.x" ambiguous to DuckDB.</summary>
    private static string DemoTarget(string schema) => schema.Equals("dune", StringComparison.OrdinalIgnoreCase) ? "main" : schema;

    /// <summary>
    /// The demo tables an execution gets views of, and whether it gets every demo schema besides (empty but for those views).
    /// <list type="bullet">
    /// <item>Every table the statement names resolves (to a demo table, an uploaded or chain table of the request, or a CTE
    /// of its own): only the demo tables it names. Binding it needs no other, and a view each for some hundreds of demo
    /// tables was most of an execution's set-up.</item>
    /// <item>It reads the catalog (information_schema, duckdb_*, SHOW, pg_*): every demo table a chain does not replace, as
    /// always: the catalog lists them.</item>
    /// <item>It names a table or schema that does not exist, or another catalog, and is DuneSQL: the demo tables of every
    /// name it references (in whichever schema: "main.blockchains" binds to Dune's own schema, "x.y" may name a catalog)
    /// and every demo schema. What DuckDB's error says depends on the catalog only through the schemas ("does not exist
    /// because schema s does not exist") and its "did you mean" lines, which TrinoErrorMessages drops from every
    /// DuneSQL message. DuckDB's own SQL shows DuckDB's message whole, hints and all: there every demo table, as always.</item>
    /// <item>DuckDB cannot serialise it: nothing. The statement check parses it the same way (json_serialize_sql) and
    /// refuses it or reports its syntax error before anything binds.</item>
    /// </list>
    /// </summary>
    private (IReadOnlyList<(string Schema, string Name)> Views, bool EverySchema) DemoViews(StatementReferences references, EngineRequest request,
        HashSet<string> chainSchemas, HashSet<string> demoSchemas)
    {
        if (!references.Known)
        {
            return ([], false);
        }
        var visible = demoTables.Where(t => !chainSchemas.Contains(t.Schema)).ToList();
        if (references.ReadsCatalog)
        {
            return (visible, false);
        }
        var named = new List<(string Schema, string Name)>();
        bool resolves = true;
        foreach (var (catalog, schema, name) in references.TableReferences)
        {
            // "dune.x.y" is this catalog; "dune.dune.y" names a schema it does not have (the demo's "dune" is its "main").
            if (catalog.Length > 0 && (!catalog.Equals("dune", StringComparison.OrdinalIgnoreCase)
                || schema.Equals("dune", StringComparison.OrdinalIgnoreCase)))
            {
                resolves = false;
                continue;
            }
            // An unqualified name is looked up in the default schema, which holds the demo's "dune" schema.
            string demoSchema = schema.Length == 0 ? "dune" : schema;
            int demo = visible.FindIndex(t => t.Schema.Equals(demoSchema, StringComparison.OrdinalIgnoreCase) && t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (demo >= 0)
            {
                named.Add(visible[demo]);
            }
            else if (schema.Length == 0 ? !references.CteNames.Contains(name)
                : !request.Tables.Any(t => t.Namespace.Equals(schema, StringComparison.OrdinalIgnoreCase) && t.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                    && (t.Chain || !demoSchemas.Contains(schema))))
            {
                resolves = false;
            }
        }
        if (resolves)
        {
            return (named.Distinct().ToList(), false);
        }
        if (request.Dialect != Strata.Core.Queries.SqlDialect.DuneSql)
        {
            return (visible, false);
        }
        var names = references.TableReferences.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (visible.Where(t => names.Contains(t.Name)).ToList(), true);
    }
}
