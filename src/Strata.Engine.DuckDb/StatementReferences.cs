using System.Text;

namespace Strata.Engine.DuckDb;

/// <summary>
/// What a statement names, read from DuckDB's own parse tree (<c>json_serialize_sql</c>): the
/// tables it references, the functions it calls, and whether it reads the catalog. The sandbox
/// uses it to create views only for the uploaded tables the statement can reach, and to refuse
/// the functions and system views that describe the server rather than the caller's data.
/// </summary>
internal sealed class StatementReferences
{
    /// <summary>Functions and system views that show server paths, settings or other sessions' state.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "current_setting", "getvariable", "duckdb_settings", "duckdb_databases", "duckdb_views",
        "duckdb_temporary_files", "duckdb_extensions", "duckdb_external_file_cache", "duckdb_secrets",
        "which_secret", "duckdb_logs", "duckdb_log_contexts", "duckdb_variables", "duckdb_prepared_statements",
        "pragma_database_list", "pragma_database_size", "pragma_storage_info", "pragma_metadata_info", "sqlite_master", "sqlite_schema", "sqlite_temp_master",
        "sqlite_temp_schema", "pg_settings", "pg_views", "pg_database", "pg_prepared_statements",
        "query", "query_table",
        // hostile11: the engine process's memory by tag (base tables, hash tables, readers), left by every owner's runs in turn.
        "duckdb_memory",
        // hostile3: runs a SELECT given as text (json_serialize_sql's output), so the names above were read past this check.
        "json_execute_serialized_sql",
        // Logging and profiling: they change the instance's settings after the lock, and the parsed view reads duckdb_logs.
        "duckdb_logs_parsed", "enable_logging", "disable_logging", "truncate_duckdb_logs", "write_log",
        "enable_profiling", "disable_profiling",
    };

    /// <summary>Catalog routes with no <c>duckdb_</c>/<c>pragma_</c>/<c>pg_</c> prefix.</summary>
    private static readonly HashSet<string> CatalogNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "information_schema", "pg_catalog", "system", "temp", "table_info", "show", "show_tables",
        "show_tables_expanded", "show_databases", "describe", "summarize",
    };

    private StatementReferences(bool known)
    {
        Known = known;
    }

    /// <summary>False when DuckDB could not serialise the statement: nothing below is known.</summary>
    public bool Known { get; }

    /// <summary>Names of the tables and views the statement references (CTE names included).</summary>
    public HashSet<string> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names the statement defines itself (common table expressions).</summary>
    public HashSet<string> CteNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// True when a referenced name is neither one of <paramref name="known"/>, a CTE of the
    /// statement nor a catalog name: the statement will fail on it, and its error tells a missing
    /// table from a missing schema only with the visible tables' schemas in the catalog.
    /// </summary>
    public bool NamesUnknownTable(IReadOnlySet<string> known) =>
        Tables.Any(t => !known.Contains(t) && !CteNames.Contains(t) && !IsCatalogName(t));

    /// <summary>True when the statement reads the catalog (information_schema, duckdb_tables(), SHOW...).</summary>
    public bool ReadsCatalog { get; private set; }

    /// <summary>The first refused function or system view the statement names, if any.</summary>
    public string? HiddenName { get; private set; }

    private readonly List<(string Schema, string Name, bool IsFunction)> refs = [];

    private readonly List<(string Catalog, string Schema, string Name)> tableReferences = [];

    /// <summary>
    /// Every table reference as written: its catalog and schema (empty when not written) and its name. CTE names are
    /// included (an unqualified name may be one); a reader tells them apart with <see cref="CteNames"/>.
    /// </summary>
    public IEnumerable<(string Catalog, string Schema, string Name)> TableReferences =>
        tableReferences.Distinct();

    /// <summary>The tables the statement references with the schema each is written with (empty when none), CTEs excluded.</summary>
    public IEnumerable<(string Schema, string Name)> SchemaTables =>
        refs.Where(r => !r.IsFunction && !(r.Schema.Length == 0 && CteNames.Contains(r.Name))).Select(r => (r.Schema, r.Name)).Distinct();

    public static StatementReferences Unknown { get; } = new(false);

    /// <summary>
    /// Reads <c>json_serialize_sql</c> output. The scan is iterative and tolerant of tokens that
    /// are not strict JSON (DuckDB writes <c>Infinity</c> for an infinite constant): only the
    /// string properties of each object matter, and they are collected per object on a stack.
    /// <paramref name="userSchemas"/> are the namespaces of uploaded tables: a user table there
    /// that happens to share a system view's name is not refused.
    /// </summary>
    public static StatementReferences Parse(string json, IReadOnlySet<string> userSchemas)
    {
        var result = new StatementReferences(true);
        var stack = new Stack<Dictionary<string, string>>();
        string? key = null;
        int i = 0;
        while (i < json.Length)
        {
            char c = json[i];
            switch (c)
            {
                case '{':
                    stack.Push(new Dictionary<string, string>(StringComparer.Ordinal));
                    key = null;
                    i++;
                    break;
                case '}':
                    if (stack.Count > 0)
                    {
                        result.Visit(stack.Pop());
                    }
                    key = null;
                    i++;
                    break;
                case '[' or ']' or ',':
                    key = null;
                    i++;
                    break;
                case '"':
                    string text = ReadString(json, ref i);
                    int next = i;
                    while (next < json.Length && char.IsWhiteSpace(json[next]))
                    {
                        next++;
                    }
                    if (next < json.Length && json[next] == ':')
                    {
                        key = text;
                        i = next + 1;
                    }
                    else
                    {
                        if (key is not null && stack.Count > 0)
                        {
                            stack.Peek()[key] = text;
                        }
                        key = null;
                    }
                    break;
                default:
                    i++;
                    break;
            }
        }
        result.Decide(userSchemas);
        return result;
    }

    private void Visit(Dictionary<string, string> node)
    {
        node.TryGetValue("type", out string? type);
        if (type == "BASE_TABLE" && node.TryGetValue("table_name", out string? table))
        {
            Tables.Add(table);
            refs.Add((Schema(node, "schema_name", "catalog_name"), table, false));
            tableReferences.Add((node.GetValueOrDefault("catalog_name") ?? "", node.GetValueOrDefault("schema_name") ?? "", table));
        }
        else if (node.TryGetValue("class", out string? cls) && cls == "FUNCTION" && node.TryGetValue("function_name", out string? function))
        {
            refs.Add((Schema(node, "schema", "catalog"), function, true));
        }
        else if (type is null && !node.ContainsKey("class") && node.TryGetValue("key", out string? cte))
        {
            // An entry of a cte_map: {"key": name, "value": {...}}.
            CteNames.Add(cte);
        }
        else if (type == "SHOW_REF" && node.TryGetValue("show_type", out string? show) && show.StartsWith("SHOW", StringComparison.Ordinal))
        {
            ReadsCatalog = true;
        }
    }

    /// <summary>The schema a reference names; a catalog alone (<c>system.duckdb_views</c>) counts as one.</summary>
    private static string Schema(Dictionary<string, string> node, string schemaKey, string catalogKey)
    {
        string schema = node.GetValueOrDefault(schemaKey) ?? "";
        string catalog = node.GetValueOrDefault(catalogKey) ?? "";
        return schema.Length > 0 ? schema : catalog;
    }

    private void Decide(IReadOnlySet<string> userSchemas)
    {
        foreach (var (schema, name, isFunction) in refs)
        {
            bool userTable = !isFunction && schema.Length > 0 && userSchemas.Contains(schema);
            // A relation named like a refused table function (WITH query(x) AS (…) SELECT … FROM query): without its
            // parentheses the name reads a table, a view or a CTE only, and DuckDB has no table or view of such a name (its
            // system views are catalog names), so it is the statement's CTE or a missing table, never the function.
            bool cteOfFunctionName = !isFunction && schema.Length == 0 && CteNames.Contains(name) && !IsCatalogName(name);
            if (!userTable && !cteOfFunctionName && HiddenName is null
                && (Hidden.Contains(name) || (!isFunction && name.Equals("views", StringComparison.OrdinalIgnoreCase) && schema.Equals("information_schema", StringComparison.OrdinalIgnoreCase))))
            {
                HiddenName = schema.Length > 0 && !isFunction ? $"{schema}.{name}" : name;
            }
            if (!userTable && (IsCatalogName(name) || IsCatalogName(schema)))
            {
                ReadsCatalog = true;
            }
        }
    }

    private static bool IsCatalogName(string name) =>
        CatalogNames.Contains(name)
        || name.StartsWith("duckdb_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("pragma_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("pg_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a JSON string starting at its opening quote; <paramref name="i"/> ends past the closing one.</summary>
    private static string ReadString(string json, ref int i)
    {
        var text = new StringBuilder();
        i++;
        while (i < json.Length)
        {
            char c = json[i++];
            if (c == '"')
            {
                break;
            }
            if (c != '\\' || i >= json.Length)
            {
                text.Append(c);
                continue;
            }
            char escaped = json[i++];
            switch (escaped)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'u' when i + 4 <= json.Length
                    && int.TryParse(json.AsSpan(i, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out int code):
                    text.Append((char)code);
                    i += 4;
                    break;
                default: text.Append(escaped); break;
            }
        }
        return text.ToString();
    }
}
