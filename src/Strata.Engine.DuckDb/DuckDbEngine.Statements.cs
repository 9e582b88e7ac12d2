using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>The statement check: one read-only statement, and the names of unnamed select-list columns.</summary>
public sealed partial class DuckDbEngine
{
    private sealed record StatementInfo(bool IsExplain, IReadOnlySet<int> UnnamedPositions);

    /// <summary>The refusal of every statement that is not a query (DuneSqlTranslator.Statements.cs gives it too).</summary>
    internal const string ReadOnlyRefusal = "Only read-only queries are allowed: a single SELECT, WITH, VALUES, FROM, DESCRIBE, SUMMARIZE or EXPLAIN statement.";

    /// <summary>Accepts exactly one read-only statement; refuses everything else with a clear message.</summary>
    private static StatementInfo Classify(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        if (sql.Length == 0)
        {
            throw Refused("The query is empty.");
        }
        if (sql.Contains('\0', StringComparison.Ordinal))
        {
            throw Refused("The query contains a NUL character.");
        }
        var explain = ExplainPrefix().Match(sql);
        string inner = explain.Success ? sql[explain.Length..] : sql;
        string json;
        try
        {
            // The tree the sandbox's set-up made of the same text on this connection, or a new one.
            json = DuckDbParseTrees.Serialize(connection, inner);
        }
        catch (DuckDBException e)
        {
            throw Translate(e, null, 0, cancellationToken);
        }
        using var doc = ParseStatementTree(json);
        var root = doc.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            string type = root.TryGetProperty("error_type", out var t) ? t.GetString() ?? "" : "";
            string message = root.TryGetProperty("error_message", out var m) ? m.GetString() ?? "" : "";
            if (type is "parser" or "binder")
            {
                // A binder error is one DuckDB's transformer raises while reading the text (ARRAY(SELECT 1, 2): "Subquery
                // returns 2 columns - expected 1", decision 342): the query's own error, not a statement of another kind.
                int? position = root.TryGetProperty("position", out var p) && int.TryParse(p.GetString(), out int pos) ? pos : null;
                var (line, column) = position is int b ? LineColumn(sql, b + Encoding.UTF8.GetByteCount(sql[..(explain.Success ? explain.Length : 0)])) : (null, null);
                throw new QueryFailedException(new ExecutionError(type == "parser" ? ExecutionError.SyntaxError : ExecutionError.ExecutionFailed,
                    TrinoErrorMessages.ToTrino(message, null, null) ?? (type == "parser" ? "Parser Error: " : "Binder Error: ") + message, line, column));
            }
            throw Refused(ReadOnlyRefusal);
        }
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
        {
            throw Refused($"Exactly one statement per execution is allowed; this query has {statements.GetArrayLength()}.");
        }
        if (HasParameter(statements[0]))
        {
            // Nothing binds a placeholder's value: DuckDB.NET refused to run it with an InvalidOperationException, an internal
            // error to the caller (hostile7). DuckDB's tree gives no position for it: the first placeholder token is shown.
            (int? line, int? column) = FirstPlaceholder(sql) is int at ? ParameterSubstitution.LineColumnOf(sql, at) : ((int?)null, (int?)null);
            throw new QueryFailedException(new ExecutionError(ExecutionError.Unsupported,
                "Prepared-statement parameters (?, $1, $name) are not supported: write the value in the query, or save the query "
                + "with a {{name}} parameter and pass its value when you execute it.", line, column));
        }
        if (WidestList(statements[0].GetProperty("node")) is var (width, outermost) && width > ResultSchema.MaxColumns)
        {
            // DuckDB binds a select list's repeated names in quadratic time before DESCRIBE shows the count: 20,000 columns
            // of '1' took 105 s (hostile17); the parse tree holds the lists' lengths at once.
            throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, outermost
                ? $"The result has {width} columns; a result may have at most {ResultSchema.MaxColumns}."
                : $"A select list or VALUES row has {width} columns; a result may have at most {ResultSchema.MaxColumns}."));
        }
        return new StatementInfo(explain.Success, UnnamedColumns(statements[0].GetProperty("node")));
    }

    /// <summary>The longest select list or VALUES row in the statement tree, and whether it is the outermost select list
    /// (the result's own columns).</summary>
    private static (int Width, bool Outermost)? WidestList(JsonElement node)
    {
        (int Width, bool Outermost)? widest = null;
        foreach (var element in Objects(node))
        {
            if (element.TryGetProperty("select_list", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > (widest?.Width ?? 0))
            {
                widest = (list.GetArrayLength(), node.Equals(element));
            }
            if (element.TryGetProperty("values", out var rows) && rows.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in rows.EnumerateArray())
                {
                    if (row.ValueKind == JsonValueKind.Array && row.GetArrayLength() > (widest?.Width ?? 0))
                    {
                        widest = (row.GetArrayLength(), false);
                    }
                }
            }
        }
        return widest;
    }

    /// <summary>Whether the statement holds a prepared-statement parameter (<c>?</c>, <c>$1</c>, <c>$name</c>).</summary>
    private static bool HasParameter(JsonElement statement) =>
        Objects(statement).Any(element => element.TryGetProperty("class", out var cls) && cls.ValueKind == JsonValueKind.String && cls.GetString() == "PARAMETER");

    /// <summary>Every object in the tree, walked without recursion.</summary>
    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        var pending = new Stack<JsonElement>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    pending.Push(item);
                }
                continue;
            }
            if (element.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            yield return element;
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    pending.Push(property.Value);
                }
            }
        }
    }

    /// <summary>The character offset of the text's first <c>?</c> or <c>$</c> outside strings, names and comments.</summary>
    private static int? FirstPlaceholder(string sql)
    {
        foreach (var token in DuneSql.DuneLexer.Lex(sql))
        {
            if (token.Kind == DuneSql.DuneTokenKind.Symbol && sql[token.Start] is '?' or '$')
            {
                return token.Start;
            }
        }
        return null;
    }

    /// <summary>
    /// The deepest statement tree the check reads. DuckDB's own expression depth limit (1000) is
    /// reached first for ordinary SQL, each expression level taking two or three JSON levels.
    /// </summary>
    internal const int MaxStatementTreeDepth = 4096;

    /// <summary>
    /// Parses DuckDB's serialised statement tree. Its writer emits the doubles of literals such as
    /// <c>1e999</c> as bare <c>Infinity</c>, <c>-Infinity</c> and <c>NaN</c>, which JSON lacks: they
    /// become <c>null</c> (the check never reads literal values).
    /// </summary>
    internal static JsonDocument ParseStatementTree(string json)
    {
        try
        {
            return JsonDocument.Parse(NonFiniteJson.Replace(json, quote: false), new JsonDocumentOptions { MaxDepth = MaxStatementTreeDepth });
        }
        catch (JsonException e) when (e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
        {
            throw Refused($"The query is nested too deeply: its syntax tree has more than {MaxStatementTreeDepth} levels.");
        }
    }

    /// <summary>Positions of select-list expressions with no alias and no column name (named _colN, as Trino does). A
    /// <c>SELECT * FROM (subquery)</c> has its subquery's columns, so its unnamed ones, past any the alias's column list
    /// names (the translator's set-operation and DISTINCT ON wraps are of this form).</summary>
    private static HashSet<int> UnnamedColumns(JsonElement node)
    {
        int named = 0;
        for (int depth = 0; depth < MaxStatementTreeDepth; depth++)
        {
            var unnamed = UnnamedColumnsOf(node, out var star, nested: depth > 0);
            if (star.ValueKind != JsonValueKind.Object)
            {
                unnamed.RemoveWhere(i => i < named);
                return unnamed;
            }
            named = Math.Max(named, star.TryGetProperty("column_name_alias", out var aliases) && aliases.ValueKind == JsonValueKind.Array
                ? aliases.GetArrayLength() : 0);
            node = star.GetProperty("subquery").GetProperty("node");
        }
        return [];
    }

    /// <summary>A select-list's unnamed positions, or none with <paramref name="starOver"/> the subquery relation its lone
    /// plain <c>*</c> reads (an object only then). In a subquery read through <c>*</c>, an item that may stand for several
    /// columns (the translator's <c>unnest</c> of a row, which DuckDB expands to its fields) leaves the places unknown:
    /// none is renamed.</summary>
    private static HashSet<int> UnnamedColumnsOf(JsonElement node, out JsonElement starOver, bool nested)
    {
        starOver = default;
        var unnamed = new HashSet<int>();
        // A set operation's columns are named by its first branch (Trino's rule, and DuckDB's); a loop, not recursion.
        for (int depth = 0; depth < MaxStatementTreeDepth && node.ValueKind == JsonValueKind.Object
            && node.TryGetProperty("type", out var kind) && kind.GetString() == "SET_OPERATION_NODE"; depth++)
        {
            if (node.TryGetProperty("setop_type", out var setop) && setop.GetString() == "UNION_BY_NAME")
            {
                return unnamed;
            }
            node = node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array
                && children.GetArrayLength() > 0 ? children[0]
                : node.TryGetProperty("left", out var left) ? left : default;
        }
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("type", out var type) || type.GetString() != "SELECT_NODE"
            || !node.TryGetProperty("select_list", out var list))
        {
            return unnamed;
        }
        int i = 0;
        foreach (var item in list.EnumerateArray())
        {
            string cls = item.GetProperty("class").GetString() ?? "";
            if (cls is "STAR" or "COLUMNS")
            {
                if (cls == "STAR" && list.GetArrayLength() == 1 && PlainStar(item)
                    && node.TryGetProperty("from_table", out var from) && from.ValueKind == JsonValueKind.Object
                    && from.TryGetProperty("type", out var fromType) && fromType.GetString() == "SUBQUERY"
                    && from.TryGetProperty("subquery", out var subquery) && subquery.TryGetProperty("node", out _))
                {
                    starOver = from;
                }
                return [];
            }
            if (nested && cls == "FUNCTION" && item.TryGetProperty("function_name", out var function)
                && function.GetString() is "unnest" or "unpack")
            {
                return [];
            }
            if (item.GetProperty("alias").GetString() is "" && cls != "COLUMN_REF")
            {
                unnamed.Add(i);
            }
            i++;
        }
        return unnamed;
    }

    /// <summary>A <c>*</c> with no EXCLUDE, REPLACE or RENAME list and not COLUMNS(…).</summary>
    private static bool PlainStar(JsonElement star)
    {
        foreach (string list in (string[])["exclude_list", "replace_list", "rename_list", "qualified_exclude_list"])
        {
            if (star.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0)
            {
                return false;
            }
        }
        return !(star.TryGetProperty("columns", out var columns) && columns.ValueKind == JsonValueKind.True)
            && !(star.TryGetProperty("expr", out var expr) && expr.ValueKind == JsonValueKind.Object);
    }

    /// <summary>
    /// The result's column names: the query's own names first, in order (a repeated one gets
    /// <c>_1</c>, <c>_2</c>...), then <c>_colN</c> for the unnamed positions, made unique against
    /// the names already taken. A name the query wrote is never renamed to make room for a
    /// generated one (<c>select 1, 2 as _col0</c> keeps <c>_col0</c> on its second column).
    /// </summary>
    private static List<string> NameColumns(List<string> names, IReadOnlySet<int> unnamed)
    {
        var result = new string[names.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // The next suffix to try per name: the ones below it were taken when tried, and stay taken (10,000 repeats of one
        // name tried 50 million suffixes from 1).
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int pass = 0; pass < 2; pass++)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (unnamed.Contains(i) != (pass == 1))
                {
                    continue;
                }
                string name = pass == 1 ? $"_col{i}" : names[i];
                string unique = name;
                if (!seen.Add(unique))
                {
                    int k = nextSuffix.GetValueOrDefault(name, 1);
                    for (unique = $"{name}_{k}"; !seen.Add(unique); unique = $"{name}_{k}")
                    {
                        k++;
                    }
                    nextSuffix[name] = k + 1;
                }
                result[i] = unique;
            }
        }
        return [.. result];
    }
}
