namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The ORDER BY of a UNION, INTERSECT or EXCEPT orders the set operation's rows by any expression of its output columns
/// in Trino (StatementAnalyzer analyses the query's ORDER BY in the scope of the query body's output fields: an ordinal,
/// an output name, or an expression of them, <c>ORDER BY a + 1</c>); DuckDB orders a set operation only by an output
/// column or an ordinal ("Could not ORDER BY column … move the UNION into a FROM clause"). When an ORDER BY item at the
/// set operation's own depth is anything else, the set operation becomes a subquery the ORDER BY (and what follows it,
/// LIMIT, OFFSET) reads: <c>SELECT * FROM (… UNION …) ORDER BY a + 1</c>. The output names are the same, so names Trino
/// refuses (a branch's column that is not an output name, a qualified name) still fail, with DuckDB's binder naming the
/// column. Plain names and ordinals stay DuckDB's own form.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Words that end an ORDER BY list at its own depth.</summary>
    private static readonly HashSet<string> OrderByEnds = new(StringComparer.OrdinalIgnoreCase) { "limit", "offset", "fetch", "for" };

    private sealed partial class Pass
    {
        /// <summary>Text written before a token: the subquery's opening before a set operation's first branch, its
        /// closing before the ORDER BY that reads it.</summary>
        private Dictionary<int, string>? setOrderWraps;

        /// <summary>The token and output position of the last wrap written, so that the loop resuming at that token
        /// does not write it twice (a template repeating the text writes it again at its own position).</summary>
        private (int Token, int Output) lastWrap = (-1, -1);

        private int TryEmitSetOrderWrap(int i)
        {
            setOrderWraps ??= FindSetOrderWraps();
            if (setOrderWraps.Count == 0 || !setOrderWraps.TryGetValue(i, out var text) || lastWrap == (i, emitter.Length) || i == probedBranchStart)
            {
                return -1;
            }
            emitter.Text(text, tokens[i]);
            lastWrap = (i, emitter.Length);
            return i;
        }

        private Dictionary<int, string> FindSetOrderWraps()
        {
            var wraps = new Dictionary<int, string>();
            foreach (var chain in SetChains())
            {
                int start = chain.Branches[0].From;
                if (Is(chain.End, "order") && !(tiesPlans ??= FindTiesPlans()).ContainsKey(chain.End) && !OrdersByOutputColumns(Next(chain.End, tokens.Count), OutputNames(start)))
                {
                    wraps[start] = "SELECT * FROM (";
                    wraps[chain.End] = ") ";
                }
            }
            return wraps;
        }

        /// <summary>The names of the first branch's select items (an alias, or a column's own name), which name the set
        /// operation's columns; null when an item is <c>*</c> or the branch is not a SELECT.</summary>
        private HashSet<string>? OutputNames(int start)
        {
            int select = start;
            while (select < tokens.Count && (tokens[select].IsTrivia || Is(select, "(")))
            {
                select++;
            }
            if (!Is(select, "select"))
            {
                return null;
            }
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (from, to) in SelectItems(select))
            {
                int name = ItemNameToken(from, to, out bool aliased);
                if (!aliased && Is(Previous(to), "*"))
                {
                    return null;
                }
                if (name >= 0)
                {
                    names.Add(UnquotedName(name));
                }
            }
            return names;
        }

        /// <summary>Whether every item of the ORDER BY list after the word BY at by is an ordinal or an output column's
        /// name (with ASC/DESC and NULLS FIRST/LAST), the forms DuckDB orders a set operation by as Trino does. DuckDB also
        /// takes a branch's input column that Trino refuses; that goes to the subquery too, where it fails.</summary>
        private bool OrdersByOutputColumns(int by, HashSet<string>? outputNames)
        {
            foreach (var (from, to) in Arguments(by, OrderByEnd(by, tokens.Count)))
            {
                int first = Next(from - 1, to);
                int rest = Next(first, to);
                while (rest < to && (Is(rest, "asc") || Is(rest, "desc") || Is(rest, "nulls") || Is(rest, "first") || Is(rest, "last")))
                {
                    rest = Next(rest, to);
                }
                bool simple = first < to && rest >= to && (tokens[first].Kind is DuneTokenKind.Number
                    || (IsName(first) && !Is(first, "null") && !Is(first, "true") && !Is(first, "false")
                        && (outputNames is null || outputNames.Contains(UnquotedName(first)))));
                if (!simple)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
