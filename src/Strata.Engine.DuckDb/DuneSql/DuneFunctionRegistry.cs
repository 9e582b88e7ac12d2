using System.Reflection;
using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The functions a DuneSQL call may name (issue 10, decision 242): Trino's (its docs' list of functions,
/// DuneSql/Registry/trino-functions.txt) and Dune's (dune-docs' function pages, DuneSql/Registry/dune-functions.txt), each
/// file naming its source. A call the translator passes through to DuckDB under a name in neither is refused with Trino's
/// <c>Function 'len' not registered</c> at the name, before DuckDB could answer it with its own function of that name
/// (len, string_agg, list_value, …: another dialect's semantics). Names the translator rewrites itself (templates, special
/// forms) never reach the check; <see cref="GrammarWords"/> are the words of Trino's grammar that a parenthesis may follow
/// without being a call.
/// </summary>
internal static partial class DuneFunctionRegistry
{
    private static readonly HashSet<string> Names = Load("trino-functions.txt", "dune-functions.txt");

    /// <summary>The name of the environment variable that turns the refusal on for every translation (<c>1</c> or
    /// <c>true</c>). Off by default: Strata's own test suite and tools submit DuckDB's SQL (range(n), duckdb_settings(),
    /// list functions) under the default DuneSQL dialect in about 90 test files, which the refusal would fail
    /// (docs/notes/dune-registry.md); a deployment that serves Dune users only turns it on.</summary>
    internal const string EnforcedVariable = "STRATA_DUNESQL_STRICT_FUNCTIONS";

    /// <summary>Whether translations refuse unregistered calls unless told otherwise (<see cref="EnforcedVariable"/>).</summary>
    internal static bool Enforced { get; } = Environment.GetEnvironmentVariable(EnforcedVariable) is "1" or "true" or "TRUE" or "True";

    /// <summary>Words of Trino's grammar (SqlBase.g4) a '(' may follow that are no function call: clauses and predicates
    /// (IN (…), EXISTS (…), VALUES (…), OVER (…), FILTER (…), USING (…), GROUPING SETS (…), CUBE/ROLLUP (…), MATCH_RECOGNIZE's
    /// PATTERN/DEFINE/SUBSET/PERMUTE, TABLE (…), LATERAL (…), DESCRIPTOR (…), JSON_TABLE's COLUMNS/NESTED/PLAN), constructors
    /// (ROW, ARRAY, MAP), and the type names a parameter list may follow (decimal(10, 2), varchar(3), timestamp(3), row(…),
    /// array(…), map(…), Dune's uint256/int256).</summary>
    private static readonly HashSet<string> GrammarWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "having", "on", "using", "in", "exists", "values", "and", "or", "not", "when", "then", "else",
        "case", "end", "by", "as", "with", "recursive", "join", "union", "intersect", "except", "all", "any", "some", "distinct",
        "over", "filter", "within", "group", "grouping", "sets", "cube", "rollup", "order", "partition", "between", "like",
        "is", "escape", "lateral", "unnest", "table", "ordinality", "window", "pattern", "define", "measures", "subset",
        "permute", "match_recognize", "descriptor", "columns", "nested", "plan", "returning", "limit", "offset", "fetch",
        "row", "array", "map", "interval", "zone", "at", "return", "into", "set", "uescape",
        "decimal", "numeric", "dec", "varchar", "char", "character", "varying", "varbinary", "timestamp", "time", "date",
        "double", "precision", "real", "float", "bigint", "integer", "int", "smallint", "tinyint", "boolean", "json",
        "uint256", "int256", "uuid", "ipaddress", "ipprefix", "hyperloglog", "qdigest", "tdigest", "setdigest",
    };

    /// <summary>A Dune query's result read as a relation (<c>query_1234</c>), never a function.</summary>
    [GeneratedRegex(@"^query_\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex QueryReference();

    /// <summary>Whether a call of <paramref name="name"/> (any case) names a function of Trino or Dune, or is no call (a
    /// word of the grammar, a query reference).</summary>
    internal static bool IsKnown(string name) =>
        Names.Contains(name) || GrammarWords.Contains(name) || QueryReference().IsMatch(name.ToLowerInvariant());

    /// <summary>The names of the embedded lists, for the registry's tests.</summary>
    internal static IReadOnlyCollection<string> FunctionNames => Names;

    private static HashSet<string> Load(params string[] files)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var assembly = Assembly.GetExecutingAssembly();
        foreach (string file in files)
        {
            using var stream = assembly.GetManifestResourceStream("Strata.DuneSql.Registry." + file)
                ?? throw new InvalidOperationException($"The function list {file} is not embedded in {assembly.GetName().Name}");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                string name = line.Trim();
                if (name.Length > 0 && name[0] != '#')
                {
                    names.Add(name);
                }
            }
        }
        return names;
    }
}
