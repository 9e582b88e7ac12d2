namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The UNION, INTERSECT and EXCEPT chains of a text, found once for the rewrites that read them (the ORDER BY of a set
/// operation, DuneSqlTranslator.SetOrderBy.cs; the check of its column types, DuneSqlTranslator.SetTypes.cs). A chain
/// is the query body at a statement's start or just inside an opening parenthesis that holds a set operator at its own
/// depth: after its WITH list, the branches joined by set operators at that depth (a parenthesised branch with its
/// brackets), up to the token that ends it (the ORDER of a trailing ORDER BY, LIMIT, OFFSET, FETCH, a closing
/// parenthesis, <c>;</c> or the end of the text). Each body is read once, its nested parentheses skipped, so finding
/// every chain is linear in the text.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>A set operation chain: its branches' token ranges, the operator before each branch after the first
        /// (upper case), and the token that ends it.</summary>
        private sealed record SetChain(List<(int From, int To)> Branches, List<string> Operators, int End);

        private List<SetChain>? setChains;

        /// <summary>Every chain of at least two branches in the text (see the type's summary).</summary>
        private List<SetChain> SetChains()
        {
            if (setChains is not null)
            {
                return setChains;
            }
            var bodies = new HashSet<int>();
            var open = new Stack<int>();
            int statement = 0;
            for (int c = 0; c < tokens.Count; c++)
            {
                if (tokens[c].IsTrivia)
                {
                    continue;
                }
                if (Is(c, "("))
                {
                    open.Push(c);
                }
                else if (Is(c, ")") && open.Count > 0)
                {
                    open.Pop();
                }
                else if (Is(c, ";") && open.Count == 0)
                {
                    statement = c + 1;
                }
                else if (tokens[c].Kind == DuneTokenKind.Word && SetOperators.Contains(Text(c)))
                {
                    bodies.Add(open.Count > 0 ? open.Peek() + 1 : statement);
                }
            }
            setChains = [];
            foreach (int body in bodies.Order())
            {
                if (ReadSetChain(body) is { } chain)
                {
                    setChains.Add(chain);
                }
            }
            return setChains;
        }

        /// <summary>The chain whose query body starts at token from, or null when it has fewer than two branches.</summary>
        private SetChain? ReadSetChain(int from)
        {
            int k = Next(from - 1, tokens.Count);
            if (Is(k, "with"))
            {
                while (k < tokens.Count && !Is(k, "select") && !Is(k, "values") && !Is(k, ")") && !Is(k, ";"))
                {
                    k = IsOpening(k) && Match(k) > k ? Next(Match(k), tokens.Count) : Next(k, tokens.Count);
                }
            }
            var branches = new List<(int, int)>();
            var operators = new List<string>();
            int start = k, end = k;
            for (; end < tokens.Count; end = Next(end, tokens.Count))
            {
                if (IsOpening(end))
                {
                    end = Match(end) > end ? Match(end) : tokens.Count;
                    continue;
                }
                if (Is(end, ")") || Is(end, ";") || (Is(end, "order") && Is(Next(end, tokens.Count), "by")) || Is(end, "limit")
                    || Is(end, "offset") || Is(end, "fetch"))
                {
                    break;
                }
                if (tokens[end].Kind == DuneTokenKind.Word && SetOperators.Contains(Text(end)))
                {
                    branches.Add((start, end));
                    operators.Add(Text(end).ToUpperInvariant());
                    start = Next(end, tokens.Count);
                    start = Is(start, "all") || Is(start, "distinct") ? Next(start, tokens.Count) : start;
                    end = start - 1; // the loop's step reads the branch's first token next
                }
            }
            end = Math.Min(end, tokens.Count);
            branches.Add((start, end));
            return branches.Count < 2 ? null : new SetChain(branches, operators, end);
        }

        /// <summary>The token that names the column of a select item whose value is tokens [from, to) (as SelectItems
        /// gives it, the alias left out): the alias after it (<c>x AS y</c>, <c>x y</c>), or the last name of a bare
        /// column reference (<c>x</c>, <c>t.x</c>, <c>"X"</c>); -1 for any other unaliased value.</summary>
        private int ItemNameToken(int from, int to, out bool aliased)
        {
            int last = Previous(to), after = Next(last, tokens.Count);
            aliased = true;
            if (last < from)
            {
                aliased = false;
                return -1;
            }
            if (Is(after, "as"))
            {
                return Next(after, tokens.Count);
            }
            if (after < tokens.Count && tokens[after].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName
                && !SelectListEnds.Contains(Text(after)) && !SetOperators.Contains(Text(after)))
            {
                return after;
            }
            aliased = false;
            int position = 0;
            for (int k = from; k <= last; k = Next(k, to), position++)
            {
                bool name = tokens[k].Kind == DuneTokenKind.QuotedName || (tokens[k].Kind == DuneTokenKind.Word && !NotColumnWords.Contains(Text(k)));
                if (position % 2 == 0 ? !name : !Is(k, ".") || k == last)
                {
                    return -1;
                }
            }
            return last;
        }

        /// <summary>Words that stand alone in a select list without being a column. A word that starts a longer form
        /// (<c>DATE '…'</c>, <c>CAST(…)</c>, <c>ARRAY[…]</c>) is not here: the form is not names joined by dots, and alone
        /// the word is a column (<c>SELECT date FROM trades</c>).</summary>
        private static readonly HashSet<string> NotColumnWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "null", "true", "false", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
            "current_user", "current_catalog", "current_schema", "current_path",
        };
    }
}
