using System.Globalization;
using System.Text;
using Strata.Core.Engine;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Finds DuneSQL's query views in a text: a table reference <c>query_&lt;id&gt;</c>, or the quoted
/// form with parameter values <c>"query_&lt;id&gt;(name='value', …)"</c> (Dune's "Query Views").
/// Works on the translator's tokens, so a <c>query_1</c> inside a string, a comment or a longer
/// quoted name is never taken for one.
/// </summary>
public static class QueryReferenceFinder
{
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "from", "where", "group", "having", "order", "limit", "qualify", "window",
        "union", "intersect", "except", "values", "offset", "fetch",
    };

    /// <summary>Words that may follow a table in FROM and are not an alias for it.</summary>
    private static readonly HashSet<string> NotAnAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "group",
        "order", "limit", "offset", "fetch", "union", "except", "intersect", "having", "window", "qualify",
        "tablesample", "for", "lateral", "pivot", "unpivot", "semi", "anti", "asof", "positional", "returning",
        "outer", "select", "with",
    };

    public static List<QueryViewReference> Find(string sql) => Find(sql, DuneLexer.Lex(sql));

    public static List<QueryViewReference> Find(string sql, List<DuneToken> all)
    {
        var tokens = DuneLexer.NonTrivia(all);
        var cteNames = CteNames(sql, tokens);
        var clause = new List<string> { "" };
        var found = new List<QueryViewReference>();
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            string text = sql.Substring(t.Start, t.Length);
            if (t.Kind == DuneTokenKind.Symbol && text == "(")
            {
                clause.Add("");
                continue;
            }
            if (t.Kind == DuneTokenKind.Symbol && text == ")")
            {
                if (clause.Count > 1)
                {
                    clause.RemoveAt(clause.Count - 1);
                }
                continue;
            }
            if (t.Kind == DuneTokenKind.Word && ClauseWords.Contains(text))
            {
                // FROM begins a FROM clause only after SELECT; elsewhere it is an argument word
                // (extract(day FROM x), substring(s FROM 2), trim(leading FROM s)).
                string word = text.ToLowerInvariant();
                clause[^1] = word == "from" && clause[^1] != "select" ? "from-argument" : word;
                continue;
            }
            if (Parse(t, text) is not var (id, values, name, problem) || cteNames.Contains(name))
            {
                continue;
            }
            string previous = i > 0 ? sql.Substring(tokens[i - 1].Start, tokens[i - 1].Length) : "";
            string next = i + 1 < tokens.Count ? sql.Substring(tokens[i + 1].Start, tokens[i + 1].Length) : "";
            bool tablePosition = clause[^1] == "from"
                && (previous == "," || previous.Equals("from", StringComparison.OrdinalIgnoreCase) || previous.Equals("join", StringComparison.OrdinalIgnoreCase));
            if (!tablePosition || next is "." or "(")
            {
                continue;
            }
            bool hasAlias = i + 1 < tokens.Count
                && (tokens[i + 1].Kind == DuneTokenKind.QuotedName
                    || (tokens[i + 1].Kind == DuneTokenKind.Word && !NotAnAlias.Contains(next)));
            found.Add(new QueryViewReference(t.Start, t.Length, id, values, hasAlias, t.Kind == DuneTokenKind.Word ? text : $"\"{name}\"", problem));
        }
        return found;
    }

    /// <summary>A query view's id, values and bare name from a word or quoted-name token, with the problem of a quoted
    /// form whose parameter list cannot be read; null when the token is no query view.</summary>
    private static (long Id, IReadOnlyDictionary<string, string> Values, string Name, string? Problem)? Parse(DuneToken t, string text)
    {
        string body;
        if (t.Kind == DuneTokenKind.Word)
        {
            body = text;
        }
        else if (t.Kind == DuneTokenKind.QuotedName && text.Length >= 2 && text[^1] == '"' && !text[1..^1].Contains('"'))
        {
            body = text[1..^1];
        }
        else
        {
            return null;
        }
        if (!body.StartsWith("query_", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        int digits = 6;
        while (digits < body.Length && char.IsAsciiDigit(body[digits]))
        {
            digits++;
        }
        if (digits == 6 || !long.TryParse(body.AsSpan(6, digits - 6), NumberStyles.None, CultureInfo.InvariantCulture, out long id) || id <= 0)
        {
            return null;
        }
        string name = body[..digits];
        if (digits == body.Length)
        {
            return (id, new Dictionary<string, string>(), name, null);
        }
        // Only the quoted form carries values: "query_1(a='x', b='y')". A quoted name that begins so but whose list
        // cannot be read is still meant as a query view: refused with what is wrong, not looked up as a table.
        if (t.Kind != DuneTokenKind.QuotedName || body[digits] != '(')
        {
            return null;
        }
        var values = body[^1] == ')' ? ParseValues(body[(digits + 1)..^1]) : null;
        if (values is null)
        {
            return (id, new Dictionary<string, string>(), name, $"\"{body}\" is not a query view Strata can read: the parameters of "
                + $"\"{name}(...)\" are written name='value', separated by commas, each value in single quotes (a quote inside "
                + "a value as \\'), each name once, as in \"query_123(blockchain='ethereum', days='7')\"");
        }
        return (id, values, name, null);
    }

    /// <summary><c>name='value', …</c> with <c>\'</c> and <c>\\</c> escapes inside the quotes; null when malformed.</summary>
    internal static Dictionary<string, string>? ParseValues(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i == text.Length)
            {
                return values;
            }
            int keyStart = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }
            string key = text[keyStart..i];
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (key.Length == 0 || i >= text.Length || text[i] != '=')
            {
                return null;
            }
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length || text[i] != '\'')
            {
                return null;
            }
            i++;
            var value = new StringBuilder();
            while (i < text.Length && text[i] != '\'')
            {
                if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '\'' or '\\')
                {
                    i++;
                }
                value.Append(text[i]);
                i++;
            }
            if (i >= text.Length || !values.TryAdd(key, value.ToString()))
            {
                return null;
            }
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i < text.Length && text[i] == ',')
            {
                i++;
            }
            else if (i < text.Length)
            {
                return null;
            }
        }
    }

    /// <summary>Names the text defines as common table expressions (<c>name AS (</c>), which shadow a query view.</summary>
    private static HashSet<string> CteNames(string sql, List<DuneToken> tokens)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName
                && sql.AsSpan(tokens[i + 1].Start, tokens[i + 1].Length).Equals("as", StringComparison.OrdinalIgnoreCase)
                && sql.AsSpan(tokens[i + 2].Start, tokens[i + 2].Length).SequenceEqual("("))
            {
                string name = sql.Substring(tokens[i].Start, tokens[i].Length);
                names.Add(tokens[i].Kind == DuneTokenKind.QuotedName ? name.Trim('"') : name);
            }
        }
        return names;
    }
}

/// <summary>DuneSQL's query views for the application (<see cref="IQueryViewSyntax"/>), read with the DuneSQL lexer.</summary>
public sealed class DuneQueryViewSyntax : IQueryViewSyntax
{
    public IReadOnlyList<QueryViewReference> Find(string sql) => QueryReferenceFinder.Find(sql);

    public int? FirstUnnamedColumn(string sql) => QueryViewColumns.FirstUnnamed(sql);

    public string WithoutTrailingSemicolons(string sql)
    {
        var tokens = DuneLexer.Lex(sql);
        for (int i = tokens.Count - 1; i >= 0; i--)
        {
            var t = tokens[i];
            if (t.IsTrivia || (t.Kind == DuneTokenKind.Symbol && sql[t.Start] == ';'))
            {
                continue;
            }
            return sql[..t.End];
        }
        return sql;
    }
}
