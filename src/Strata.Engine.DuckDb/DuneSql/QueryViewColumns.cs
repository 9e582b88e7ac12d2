
namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Dune's rule for query views (query-engine/query-a-query.mdx, "Named output columns"): every output column of a
/// query read as <c>query_&lt;id&gt;</c> must be named, so <c>select 1</c> or <c>select count(*) from t</c> cannot be
/// read while <c>select 1 as v</c> can. Read from the tokens of the query's first top-level select list (the one that
/// names a union's columns): an item is named by <c>AS name</c>, a bare alias, being a column (<c>a</c>,
/// <c>t."a"</c>) or a star. Only an item that is surely unnamed is reported, so a query Dune reads is never refused.
/// </summary>
public static class QueryViewColumns
{
    private static readonly HashSet<string> NotAnAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        "end", "and", "or", "not", "null", "true", "false", "then", "else", "when", "is", "in", "like", "between", "distinct",
        "day", "days", "hour", "hours", "minute", "minutes", "second", "seconds", "month", "months", "year", "years", "week", "weeks", "quarter",
        "millisecond", "interval", "timestamp", "date", "time", "varbinary", "uint256", "int256", "zone", "current_date", "current_timestamp",
        "current_time", "localtimestamp", "localtime", "current_user",
    };

    private static readonly HashSet<string> ListEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "from", "where", "group", "having", "order", "limit", "union", "except", "intersect", "window", "offset", "fetch",
    };

    /// <summary>The 1-based position of the first select-list item that has no name, or null when all are named.</summary>
    public static int? FirstUnnamed(string sql)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        string Text(int i) => sql.Substring(tokens[i].Start, tokens[i].Length);
        int depth = 0, select = -1;
        for (int i = 0; i < tokens.Count && select < 0; i++)
        {
            string t = Text(i);
            depth += t is "(" or "[" ? 1 : t is ")" or "]" ? -1 : 0;
            if (depth == 0 && t.Equals("select", StringComparison.OrdinalIgnoreCase))
            {
                select = i;
            }
        }
        if (select < 0)
        {
            return null;
        }
        var item = new List<int>();
        int position = 1, at = select + 1;
        if (at < tokens.Count && Text(at).ToLowerInvariant() is "distinct" or "all")
        {
            at++;
        }
        for (depth = 0; at <= tokens.Count; at++)
        {
            string t = at < tokens.Count ? Text(at) : ";";
            bool end = depth == 0 && (t is "," or ";" || ListEnds.Contains(t) || (t == ")" && depth == 0));
            if (end)
            {
                if (item.Count > 0 && !IsNamed(item, tokens, Text))
                {
                    return position;
                }
                if (t != ",")
                {
                    return null;
                }
                item.Clear();
                position++;
                continue;
            }
            depth += t is "(" or "[" ? 1 : t is ")" or "]" ? -1 : 0;
            item.Add(at);
        }
        return null;
    }

    private static bool IsNamed(List<int> item, List<DuneToken> tokens, Func<int, string> text)
    {
        string last = text(item[^1]);
        if (last == "*")
        {
            return true;
        }
        bool lastIsName = tokens[item[^1]].Kind == DuneTokenKind.Word && !NotAnAlias.Contains(last) || last.StartsWith('"');
        if (!lastIsName)
        {
            return false;
        }
        // a, t.a, "a": a column keeps its name.
        bool column = true;
        for (int k = 0; k < item.Count; k++)
        {
            bool expectName = k % 2 == 0;
            string t = text(item[k]);
            column &= expectName ? tokens[item[k]].Kind == DuneTokenKind.Word || t.StartsWith('"') : t == ".";
        }
        if (column && item.Count % 2 == 1)
        {
            return true;
        }
        // expr AS name, or expr name (a bare alias after an expression's last token).
        string before = text(item[^2]);
        return before.Equals("as", StringComparison.OrdinalIgnoreCase) || before is ")" or "]" || tokens[item[^2]].Kind is DuneTokenKind.Number or DuneTokenKind.HexBinary
            || tokens[item[^2]].Kind == DuneTokenKind.String || (tokens[item[^2]].Kind == DuneTokenKind.Word && !NotAnAlias.Contains(before) && before != ".");
    }
}
