namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Subscripts of arrays, maps and rows, and which function calls the translator knows to give an array.
/// <list type="bullet">
/// <item><c>a[n]</c> on an array fails as Trino's does past either end ("Array subscript must be less than or equal to
/// array length: 3 &gt; 2", "Array subscript is negative: -1", "SQL array indices start at 1"; DuckDB gives NULL, or
/// counts a negative index from the end). <c>m[k]</c> on a map fails as Trino's does when the key is absent ("Key not
/// present in map: k"; DuckDB gives NULL; <c>element_at</c> still gives NULL, as Trino's). A row's subscript is
/// DuckDB's. The choice is <c>typeof(a)</c>, which DuckDB folds to a constant when it binds, tested once; on an
/// array in bounds the length is read once, and on a map the key is looked for only when the value read is NULL.</item>
/// <item>The calls known to give an array (for <c>ARRAY || element</c>) are derived from the function tables: a
/// template gives an array when its outermost expression is a list constructor or a DuckDB list function, or a CASE
/// whose every result is one of those (or an error or NULL).</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's subscript of an array (bounds errors) or map (a missing key is an error); DuckDB's of a row.
    /// An operand used more than once that is computed is evaluated once (see <c>Hoisted</c>).</summary>
    internal const string Subscript = "(CASE WHEN typeof($1) NOT LIKE '%[]' THEN coalesce(($1)[$2], CASE WHEN typeof($1) NOT LIKE 'MAP(%' "
        + "OR ($1) IS NULL OR ($2) IS NULL OR list_contains(json_keys(to_json($1)), CAST($2 AS VARCHAR)) THEN NULL "
        + "ELSE error('Key not present in map: ' || CAST($2 AS VARCHAR)) END) "
        + "WHEN TRY_CAST($2 AS BIGINT) BETWEEN 1 AND dune_cardinality($1) OR ($1) IS NULL OR TRY_CAST($2 AS BIGINT) IS NULL THEN ($1)[$2] "
        + "WHEN TRY_CAST($2 AS BIGINT) = 0 THEN error('SQL array indices start at 1') "
        + "WHEN TRY_CAST($2 AS BIGINT) < 0 THEN error('Array subscript is negative: ' || CAST($2 AS VARCHAR)) "
        + "ELSE error('Array subscript must be less than or equal to array length: ' || CAST($2 AS VARCHAR) || ' > ' "
        + "|| CAST(dune_cardinality($1) AS VARCHAR)) END)";

    /// <summary>Trino functions that DuckDB runs under the same name with no template, and whose result is an array.</summary>
    internal static readonly HashSet<string> PassThroughArrayFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "split", "array_agg", "filter", "map_keys", "map_values", "flatten", "regexp_extract_all", "shuffle",
    };

    /// <summary>DuckDB functions whose result is always a list.</summary>
    private static readonly HashSet<string> DuckDbListFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "list_transform", "list_filter", "list_select", "list_sort", "list_reverse_sort", "list_distinct", "list_intersect",
        "list_slice", "list_zip", "list_concat", "list_append", "list_prepend", "list_value", "list_reverse", "list_resize",
        "list_where", "generate_series", "range", "string_split", "str_split", "string_split_regex", "regexp_split_to_array",
        "regexp_extract_all", "map_keys", "map_values", "flatten",
    };

    /// <summary>Trino functions whose result is a map that DuckDB runs under the same name, or that the translator writes
    /// without a table template (the map lambdas of DuneSqlTranslator.Lambdas.cs).</summary>
    internal static readonly HashSet<string> PassThroughMapFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "map", "map_from_entries", "map_concat", "histogram", "multimap_agg", "approx_most_frequent", "transform_keys", "transform_values", "map_filter",
        "map_zip_with",
    };

    /// <summary>DuckDB functions whose result is always a map.</summary>
    private static readonly HashSet<string> DuckDbMapFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "map", "map_from_entries", "map_concat", "histogram",
    };

    /// <summary>Functions whose result is always an array (Trino's array.mdx, string.mdx, map.mdx, regexp.mdx): each
    /// templated name all of whose templates give a list, and the pass-through names that have no template.
    /// flatten's, combinations' and ngrams' templates (316's and 322's bounds) read their argument once through a
    /// one-element lambda, whose result the derivation cannot read: they are named.</summary>
    internal static readonly HashSet<string> ArrayFunctions =
        Derive(PassThroughArrayFunctions, ReturnsList).Concat(["flatten", "combinations", "ngrams"]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Functions whose result is always a map, derived as <see cref="ArrayFunctions"/> are.</summary>
    internal static readonly HashSet<string> MapFunctions = Derive(PassThroughMapFunctions, ReturnsMap);

    private static HashSet<string> Derive(HashSet<string> passThrough, Func<string, bool> returns)
    {
        var templated = DuneFunctions.Templates.GroupBy(t => t.Key.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var names = templated.Where(name => name.All(t => returns(t.Value))).Select(name => name.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var hasTemplate = templated.Select(t => t.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        names.UnionWith(passThrough.Where(n => !hasTemplate.Contains(n)));
        return names;
    }

    /// <summary>Whether a template's result is a list, read from its outermost expression.</summary>
    internal static bool ReturnsList(string template) => Returns(template, list: true);

    /// <summary>Whether a template's result is a map, read from its outermost expression.</summary>
    internal static bool ReturnsMap(string template) => Returns(template, list: false);

    private static bool Returns(string template, bool list)
    {
        string t = template.Trim();
        while (t.StartsWith('(') && Closing(t, 0) == t.Length - 1)
        {
            t = t[1..^1].Trim();
        }
        if (t.StartsWith('['))
        {
            return list && Closing(t, 0) == t.Length - 1;
        }
        if (t.StartsWith("CASE ", StringComparison.OrdinalIgnoreCase) && t.EndsWith(" END", StringComparison.OrdinalIgnoreCase))
        {
            var results = CaseResults(t).Select(r => r.Trim()).ToList();
            return results.Any(r => Returns(r, list)) && results.All(r => Returns(r, list) || r == "NULL"
                || (r.StartsWith("error(", StringComparison.OrdinalIgnoreCase) && Closing(r, r.IndexOf('(')) == r.Length - 1));
        }
        int open = t.IndexOf('(');
        if (open <= 0 || Closing(t, open) != t.Length - 1 || !t[..open].All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return false;
        }
        string name = t[..open];
        if (name.Equals("cast_to_type", StringComparison.OrdinalIgnoreCase) && FirstArgument(t, open) is string first)
        {
            return Returns(first, list); // the distinct elements of an array cast to the array's own type (DistinctElements)
        }
        if (!list)
        {
            return DuckDbMapFunctions.Contains(name);
        }
        // DuckDB's repeat gives a list only of a list ([x] repeated); of a string it is a string.
        return DuckDbListFunctions.Contains(name) || (name.Equals("repeat", StringComparison.OrdinalIgnoreCase) && t[(open + 1)..].TrimStart().StartsWith('['));
    }

    /// <summary>The text of a call's first argument (the call's parenthesis at open), or null when it has one argument.</summary>
    private static string? FirstArgument(string t, int open)
    {
        int depth = 0;
        bool quoted = false;
        for (int i = open + 1; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (!quoted && c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && c == ',')
            {
                return t[(open + 1)..i];
            }
        }
        return null;
    }

    /// <summary>The result expressions (after THEN and ELSE) of a CASE … END at the top level of its text.</summary>
    private static List<string> CaseResults(string t)
    {
        var results = new List<string>();
        int depth = 0, cases = 0, start = -1;
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '\'')
            {
                i = t.IndexOf('\'', i + 1) is int q and >= 0 ? q : t.Length;
                continue;
            }
            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            if (depth != 0 || !char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiLetterOrDigit(t[i - 1]) || t[i - 1] == '_')))
            {
                continue;
            }
            string word = new([.. t[i..].TakeWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')]);
            string upper = word.ToUpperInvariant();
            if (upper == "CASE")
            {
                cases++;
            }
            else if (cases == 1 && upper is "WHEN" or "ELSE" or "END" && start >= 0)
            {
                results.Add(t[start..i]);
                start = -1;
            }
            if (cases == 1 && upper is "THEN" or "ELSE")
            {
                start = i + word.Length;
            }
            if (upper == "END")
            {
                cases--;
            }
            i += word.Length - 1;
        }
        return results;
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/> (quotes skipped), or -1.</summary>
    private static int Closing(string t, int open)
    {
        int depth = 0;
        for (int i = open; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '\'')
            {
                int q = t.IndexOf('\'', i + 1);
                if (q < 0)
                {
                    return -1;
                }
                i = q;
                continue;
            }
            depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private sealed partial class Pass
    {
        /// <summary>Whether an operand's form says it is a map: a call of a function that always gives one, or a cast to a map
        /// type. (A column's type is not known to the translator.)</summary>
        private bool IsMapOperand(int from, int to)
        {
            from = tokens[from].IsTrivia ? Next(from, to) : from;
            int last = Previous(to);
            if (last <= from || !Is(last, ")") || tokens[from].Kind != DuneTokenKind.Word || Opening(last) != Next(from, to))
            {
                return false;
            }
            if (Is(from, "cast") || Is(from, "try_cast"))
            {
                int type = Previous(last);
                return Is(type, ")") && Is(Previous(Opening(type)), "map");
            }
            return MapFunctions.Contains(Text(from));
        }
    }
}
