using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The translator's bounds: nesting, the translated length, a statement's casts to varchar (hostile23) and its
/// expressions' depth (hostile24).</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>
    /// How deep translated constructs may nest (calls the translator rewrites, casts, types, JSON paths). DuckDB
    /// refuses expressions deeper than 1000 levels anyway; the bound keeps the translator's recursion off the end of
    /// its thread's stack, which would end the whole process (the server translates for pipeline plans too).
    /// </summary>
    public const int MaxNesting = 1000;

    /// <summary>
    /// The longest translated text (16 Mi characters, 32 MB): a rewrite repeats its operands, so a short text can become a
    /// very long one (each <c>1/1/1</c> becomes about 77,000 characters, 1 MiB of them would be 13 billion), whose
    /// building and parsing no other bound stops in time (decision hostile6). DuckDB's parser is the next wall: 31 million
    /// characters (1 MiB of nothing but casts to varchar) did not parse in 5 minutes.
    /// </summary>
    public const int MaxTranslatedChars = 16 << 20;

    internal static QueryFailedException TooDeep(string sql, DuneToken? at)
    {
        var (line, column) = at is { } t ? ParameterSubstitution.LineColumnOf(sql, t.Start) : ((int?)null, (int?)null);
        return new QueryFailedException(new ExecutionError(ExecutionError.SyntaxError,
            $"The query nests expressions too deeply: more than {MaxNesting} levels of calls, casts, types or JSON path groups.", line, column));
    }

    /// <summary>
    /// The most casts to varchar, varchar(n) or char(n) one statement may hold (hostile23). Each is written as a dispatch on
    /// the operand's type (~1,100-1,400 characters of CASE and typeof calls) that DuckDB binds in ~20 ms on a loaded server:
    /// 1,000 casts bound for 20 s and 2,500 for 60-120 s, and the translated-length bound alone allowed ~12,000.
    /// </summary>
    public const int MaxTextCasts = 1000;

    private sealed partial class Pass
    {
        private int textCasts;

        /// <summary>Counts the casts to varchar a template writes out: a CAST to varchar, varchar(n) or char(n), and the ones
        /// inside other templates (each json_array/json_object value, get_chain_explorer_*'s address); past
        /// <see cref="MaxTextCasts"/>, refused at the template's anchor.</summary>
        private void CountTextCasts(string template, DuneToken at)
        {
            foreach (string cast in CastsToVarchar)
            {
                textCasts += Occurrences(template, cast);
            }
            if (textCasts > MaxTextCasts)
            {
                var (line, column) = ParameterSubstitution.LineColumnOf(sql, at.Start);
                throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
                    $"The query has more than {MaxTextCasts.ToString("N0", CultureInfo.InvariantCulture)} casts to varchar, varchar(n) or char(n) "
                    + "(counting the values of json_array and json_object and the addresses of get_chain_explorer_*); "
                    + "each is written out as a check of its value's type, which the engine takes seconds to read in the thousands. "
                    + "Cast fewer values, for example once in a subquery or CTE", line, column));
            }
        }

        /// <summary>The dispatch as templates hold it: of their first argument, or of their second (get_chain_explorer_*).</summary>
        private static readonly string[] CastsToVarchar = [DuneFunctions.ToVarchar, DuneFunctions.TryToVarchar,
            DuneFunctions.ToVarchar.Replace("$1", "$2", StringComparison.Ordinal)];

        private static int Occurrences(string text, string part)
        {
            int count = 0;
            for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            {
                count++;
            }
            return count;
        }
    }

    /// <summary>
    /// The most levels of nested operators, calls, groups and CASEs an expression may have (hostile24). DuckDB binds an
    /// expression in time that grows with the cube of its depth, however it is written (its binder's, not the
    /// translation's: the translated text of a chain of <c>1+1+…</c> or of nested <c>upper(</c> is the user's own, and
    /// DuckDB takes as long on the untranslated text): 100 levels bind in ~50 ms, 250 in ~0.9 s, 990 for 85-170 s on a
    /// server, within its own limit of 1,000. Real queries are shallow: over 2,909 corpus and public Dune files the deepest
    /// reaches 16 levels counted alike (a script over the tokens), the longest chain of operators 13.
    /// </summary>
    public const int MaxExpressionDepth = 200;

    /// <summary>
    /// Refuses a statement one of whose expressions nests past <see cref="MaxExpressionDepth"/> levels, at the token where
    /// it does, before anything is translated (one pass over the tokens). Each parenthesis, bracket and CASE is a level,
    /// and each operator of the part of the enclosing group it stands in: a chain of <c>a + b + …</c> nests one level a
    /// term (DuckDB reads it as <c>((a + b) + …)</c>), as a run of unary minus, NOT, <c>::</c> casts or subscripts does. A
    /// group closed inside a part adds its own height to the part (<c>upper(upper(…)) || x || …</c> is as deep as both
    /// together). A comma, the clause words and AND/OR (which DuckDB reads as one n-ary call) end a part.
    /// </summary>
    private static void RefuseDeepExpressions(string sql, List<DuneToken> tokens)
    {
        var groups = new Stack<DepthGroup>();
        var at = default(DepthGroup); // the innermost group's part: its operators, its closed groups' height, its base
        DuneToken? previous = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsTrivia)
            {
                continue;
            }
            var text = sql.AsSpan(token.Start, token.Length);
            if (token.Kind == DuneTokenKind.Symbol)
            {
                if (text is "(" or "[")
                {
                    // A subscript nests like an operator: x[1][1]… is as deep as its brackets are many. A parenthesis is a
                    // level when it is a call's or a subquery's; one that only groups is none (DuckDB drops it: 5,000
                    // around a 1 answer), though what it holds counts in the part it stands in.
                    at.Operators += text is "[" ? 1 : 0;
                    char kind = text is "[" || IsCall(sql, previous) || StartsSubquery(sql, tokens, i) ? text[0] : 'g';
                    groups.Push(at);
                    // A group right after AND/OR is a level too: DuckDB merges only runs of one conjunction, so
                    // `a AND (b OR (c AND …))` nests a node a group (the review of decision 249).
                    bool connective = previous is { Kind: DuneTokenKind.Word } w
                        && (sql.AsSpan(w.Start, w.Length).Equals("AND", StringComparison.OrdinalIgnoreCase)
                            || sql.AsSpan(w.Start, w.Length).Equals("OR", StringComparison.OrdinalIgnoreCase));
                    at = new DepthGroup(kind, 0, 0, 0, at.Base + at.Operators + at.Inner + (kind == 'g' && !connective ? 0 : 1));
                }
                else if (text is ")" or "]" && groups.Count > 0 && at.Kind != 'C')
                {
                    at = Closed(groups.Pop(), at, at.Kind == '(' ? 1 : 0);
                }
                else if (text is "," or ";")
                {
                    at = at.EndPart();
                }
                else if (IsDepthOperator(text))
                {
                    at.Operators++;
                }
            }
            else if (token.Kind == DuneTokenKind.Word)
            {
                if (text.Equals("CASE", StringComparison.OrdinalIgnoreCase))
                {
                    groups.Push(at);
                    at = new DepthGroup('C', 0, 0, 0, at.Base + at.Operators + at.Inner + 1);
                }
                else if (text.Equals("END", StringComparison.OrdinalIgnoreCase) && at.Kind == 'C' && groups.Count > 0)
                {
                    at = Closed(groups.Pop(), at, 1);
                }
                else if (text.Equals("NOT", StringComparison.OrdinalIgnoreCase))
                {
                    at.Operators++;
                }
                else if (EndsPart(text))
                {
                    at = at.EndPart();
                }
            }
            previous = token;
            if (at.Base + at.Operators + at.Inner > MaxExpressionDepth)
            {
                var (line, column) = ParameterSubstitution.LineColumnOf(sql, token.Start);
                throw new QueryFailedException(new ExecutionError(ExecutionError.SyntaxError,
                    TrinoErrorMessages.ExpressionTooDeepWords(MaxExpressionDepth.ToString(CultureInfo.InvariantCulture)), line, column));
            }
        }
    }

    /// <summary>Whether a parenthesis after <paramref name="previous"/> opens a call: after a name that is not a clause word.</summary>
    private static bool IsCall(string sql, DuneToken? previous) =>
        previous is { } p && (p.Kind == DuneTokenKind.QuotedName
            || (p.Kind == DuneTokenKind.Word && !EndsPart(sql.AsSpan(p.Start, p.Length)) && !sql.AsSpan(p.Start, p.Length).Equals("NOT", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether the parenthesis at <paramref name="open"/> holds a query (its first word SELECT or WITH).</summary>
    private static bool StartsSubquery(string sql, List<DuneToken> tokens, int open)
    {
        int next = open + 1;
        while (next < tokens.Count && tokens[next].IsTrivia)
        {
            next++;
        }
        return next < tokens.Count && tokens[next].Kind == DuneTokenKind.Word
            && (sql.AsSpan(tokens[next].Start, tokens[next].Length).Equals("SELECT", StringComparison.OrdinalIgnoreCase)
                || sql.AsSpan(tokens[next].Start, tokens[next].Length).Equals("WITH", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An open group (its kind: '(' for a call or subquery, 'g' for a grouping parenthesis, '[' or 'C' for CASE) and its current part: the operators counted in it, the
    /// height of the groups closed in it, the greatest height of its parts so far, and the levels around the group.</summary>
    private record struct DepthGroup(char Kind, int Operators, int Inner, int Height, int Base)
    {
        public readonly DepthGroup EndPart() => this with { Operators = 0, Inner = 0, Height = Math.Max(Height, Operators + Inner) };
    }

    /// <summary>The enclosing part once <paramref name="closed"/> ends: the group's height (plus its own level, if it has
    /// one: a call's, a subquery's or a CASE's) stands in the part beside its operators.</summary>
    private static DepthGroup Closed(DepthGroup outer, DepthGroup closed, int level) =>
        outer with { Inner = Math.Max(outer.Inner, Math.Max(closed.Height, closed.Operators + closed.Inner) + level) };

    private static bool IsDepthOperator(ReadOnlySpan<char> symbol) =>
        symbol is "+" or "-" or "*" or "/" or "%" or "||" or "::" or "=" or "<" or ">" or "<=" or ">=" or "<>" or "!=";

    /// <summary>Words that end a part of a group: clause words, and AND/OR (DuckDB makes a run of them one call).</summary>
    private static bool EndsPart(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 9 && PartEnders.Contains(word);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PartEnders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET", "UNION", "INTERSECT", "EXCEPT",
        "AND", "OR", "WHEN", "THEN", "ELSE", "AS", "ON", "JOIN", "USING", "WITH", "OVER", "PARTITION", "ROWS", "RANGE",
        "BETWEEN", "IN", "LIKE", "IS", "FILTER", "WITHIN", "VALUES", "WINDOW", "QUALIFY",
    }.GetAlternateLookup<ReadOnlySpan<char>>();
}
