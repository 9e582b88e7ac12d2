using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The translator's bound on wide lists (hostile39): a select list, a row, a VALUES row or a call's arguments.</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>
    /// The most items one list of the statement may hold: the result's own bound on columns (<see cref="ResultSchema.MaxColumns"/>),
    /// which every select list, VALUES row and row constructor becomes, applied to a call's arguments as well. Past it
    /// DuckDB's binding and planning grow faster than the list: 200,000 select items were refused only after 35-82 s of
    /// translation, parsing and planning (hostile38, hostile39), and <c>greatest</c> of 100,000 arguments answered after
    /// 74.5 s where 20,000 took 4.2 s (hostile39, load 25-77). The data lists, an IN list, an ARRAY[…] constructor and the
    /// rows of a VALUES list, are not counted: their cost is linear (50,000 and 100,000 IN items took 22 and 32 s) and the
    /// text's own bound (Strata:MaxSqlBytes) holds them. A clause's terms (GROUP BY, ORDER BY, PARTITION BY, a FROM list)
    /// are held to the same bound (hostile40: 12,000 GROUP BY terms and 100,000 ORDER BY keys each ran past 60 s on main),
    /// a WITH list to <see cref="MaxWithQueries"/>.
    /// </summary>
    public const int MaxListItems = ResultSchema.MaxColumns;

    /// <summary>
    /// Refuses a statement one of whose lists holds more than <see cref="MaxListItems"/> items, naming the list and its
    /// length at its first token, before anything is translated (one pass over the tokens, a frame per open parenthesis or
    /// bracket). A list is the items between commas at one level of one clause: a clause word at the level (FROM, WHERE,
    /// GROUP, ORDER, …) starts the next one, so a select list is counted apart from its FROM list and GROUP BY.
    /// </summary>
    private static void RefuseWideLists(string sql, List<DuneToken> tokens)
    {
        var frames = new Stack<WidthFrame>();
        var at = new WidthFrame(WidthKind.Clause, "", Depth: 0, Items: 1, Start: FirstToken(tokens));
        var chains = new ChainCounts();
        DuneToken? previous = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsTrivia)
            {
                continue;
            }
            var text = sql.AsSpan(token.Start, token.Length);
            if (token.Kind == DuneTokenKind.Symbol && text is "(" or "[")
            {
                frames.Push(at);
                at = new WidthFrame(ListKind(sql, text, previous, at), previous is { } p ? sql.Substring(p.Start, p.Length) : "", frames.Count, 1, token);
            }
            else if (token.Kind == DuneTokenKind.Symbol && text is ")" or "]")
            {
                RefuseWide(sql, at, chains);
                chains.EndLambdas(frames.Count);
                at = frames.Count > 0 ? frames.Pop() : at;
            }
            else if (token.Kind == DuneTokenKind.Symbol && text is ",")
            {
                at.Items++;
                chains.EndLambdas(frames.Count);
            }
            else if (token.Kind == DuneTokenKind.Symbol && text is "->")
            {
                chains.OpenLambda(sql, token, frames.Count);
            }
            else if (token.Kind == DuneTokenKind.Word && ClauseStarts.Contains(text) && !IsNameNotClause(sql, tokens, i, previous)
                && !(text.Equals("WITH", StringComparison.OrdinalIgnoreCase) && IsWithModifier(sql, tokens, i)))
            {
                RefuseWide(sql, at, chains);
                chains.CountSetOperation(sql, token, text);
                var kind = text.Equals("SELECT", StringComparison.OrdinalIgnoreCase) ? WidthKind.Select
                    : text.Equals("VALUES", StringComparison.OrdinalIgnoreCase) ? WidthKind.ValuesRows : WidthKind.Clause;
                at = new WidthFrame(kind, text.ToString().ToUpperInvariant(), frames.Count, 1, token);
            }
            previous = token;
        }
        RefuseWide(sql, at, chains);
    }

    /// <summary>Whether the WITH at i modifies what precedes it (<c>WITH ORDINALITY</c>, <c>with time zone</c>,
    /// <c>WITH TIES</c>) rather than opening a WITH clause, whose queries the bound counts (the review of 341). A query
    /// named by one of those words opens a clause: its name is followed by <c>AS (</c> or by its column list's bracket,
    /// which no modifier is (<c>WITH ORDINALITY AS t(a, n)</c> names an alias, not a bracket, after AS), so 900 queries
    /// named <c>time</c>, <c>ties</c> or <c>ordinality</c> are counted as others are (hostile42).</summary>
    private static bool IsWithModifier(string sql, List<DuneToken> tokens, int i)
    {
        int word = NextSolid(tokens, i + 1);
        if (word >= tokens.Count)
        {
            return false;
        }
        var next = sql.AsSpan(tokens[word].Start, tokens[word].Length);
        if (!(next.Equals("ORDINALITY", StringComparison.OrdinalIgnoreCase) || next.Equals("TIME", StringComparison.OrdinalIgnoreCase)
            || next.Equals("TIES", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }
        int after = NextSolid(tokens, word + 1);
        if (after >= tokens.Count)
        {
            return true;
        }
        var text = sql.AsSpan(tokens[after].Start, tokens[after].Length);
        if (text is "(")
        {
            return false; // a query's column list: WITH time (a) AS (…)
        }
        int bracket = text.Equals("AS", StringComparison.OrdinalIgnoreCase) ? NextSolid(tokens, after + 1) : tokens.Count;
        return !(bracket < tokens.Count && sql.AsSpan(tokens[bracket].Start, tokens[bracket].Length) is "(");
    }

    /// <summary>Whether the clause word at i is a name (Trino's non-reserved LIMIT, OFFSET, FETCH, PARTITION, WINDOW, and
    /// QUALIFY, not a Trino keyword, name columns): after a dot or AS, or before a dot, a comma or a closing bracket. Such a
    /// name restarted the count, so a 200,000-item select list with one column named <c>window</c> in it went past the
    /// check to the engine's slow refusal (decision 340).</summary>
    private static bool IsNameNotClause(string sql, List<DuneToken> tokens, int i, DuneToken? previous)
    {
        if (previous is { } p && (sql.AsSpan(p.Start, p.Length) is "." || sql.AsSpan(p.Start, p.Length).Equals("AS", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        for (int k = i + 1; k < tokens.Count; k++)
        {
            if (!tokens[k].IsTrivia)
            {
                return sql.AsSpan(tokens[k].Start, tokens[k].Length) is "." or "," or ")" or "]";
            }
        }
        return false;
    }

    /// <summary>What the list a parenthesis or bracket opens is, by the token before it.</summary>
    private static WidthKind ListKind(string sql, ReadOnlySpan<char> open, DuneToken? previous, WidthFrame outer)
    {
        if (open is "[")
        {
            return WidthKind.Data; // ARRAY[…] (a subscript holds one item)
        }
        var before = previous is { } p ? sql.AsSpan(p.Start, p.Length) : default;
        return before.Equals("IN", StringComparison.OrdinalIgnoreCase) ? WidthKind.Data
            : before.Equals("ROW", StringComparison.OrdinalIgnoreCase) ? WidthKind.Row
            : outer.Kind == WidthKind.ValuesRows && (before.Equals("VALUES", StringComparison.OrdinalIgnoreCase) || before is ",") ? WidthKind.ValuesRow
            : IsCall(sql, previous) ? WidthKind.Call
            : WidthKind.Row; // a row without ROW, a subquery's or a grouping parenthesis (a clause word inside starts its own list)
    }

    private static void RefuseWide(string sql, WidthFrame list, ChainCounts chains)
    {
        if (list.Kind == WidthKind.Clause && list.Name == "WITH")
        {
            chains.CountWithQueries(sql, list.Items, list.Start);
            return;
        }
        if (list.Items <= MaxListItems || list.Kind is WidthKind.Data or WidthKind.ValuesRows)
        {
            return;
        }
        var (line, column) = ParameterSubstitution.LineColumnOf(sql, list.Start.Start);
        string n = list.Items.ToString(CultureInfo.InvariantCulture), bound = MaxListItems.ToString(CultureInfo.InvariantCulture);
        string message = list.Kind switch
        {
            // The engine's own words for the same bound (DuckDbEngine.Statements.cs), which it gives a text of DuckDB's dialect.
            WidthKind.Select when list.Depth == 0 => $"The result has {n} columns; a result may have at most {bound}.",
            WidthKind.Select or WidthKind.ValuesRow => $"A select list or VALUES row has {n} columns; a result may have at most {bound}.",
            WidthKind.Row => $"A row has {n} fields; a row, like a result, may have at most {bound}.",
            WidthKind.Clause => $"The {ClauseName(list.Name)} clause has {n} items; Strata allows at most {bound} items in one clause, as many as a result has columns.",
            _ => $"The call of {list.Name} has {n} arguments; Strata allows at most {bound} arguments in one call.",
        };
        throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, message, line, column));
    }

    /// <summary>A clause word as the clause is written: GROUP BY, ORDER BY and PARTITION BY with their BY.</summary>
    private static string ClauseName(string word) => word is "GROUP" or "ORDER" or "PARTITION" ? word + " BY" : word.Length == 0 ? "first" : word;

    private static DuneToken FirstToken(List<DuneToken> tokens) => tokens.FirstOrDefault(t => !t.IsTrivia);

    private enum WidthKind
    {
        Clause,
        Select,
        ValuesRows,
        ValuesRow,
        Row,
        Call,
        Data,
    }

    /// <summary>One open list: what it is, the word that names it (a clause's or a called function's), how many levels
    /// are around it, its items so far and where it starts.</summary>
    private record struct WidthFrame(WidthKind Kind, string Name, int Depth, int Items, DuneToken Start);

    /// <summary>The words that start a new list at their level: the clauses.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseStarts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "UNION", "INTERSECT",
        "EXCEPT", "VALUES", "WITH", "QUALIFY", "PARTITION", "ON", "USING", "JOIN",
    }.GetAlternateLookup<ReadOnlySpan<char>>();
}
