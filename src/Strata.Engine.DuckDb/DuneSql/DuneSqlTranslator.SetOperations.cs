namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The columns of a UNION, INTERSECT or EXCEPT, and the rows of a VALUES, unify as the values of a CASE do (decision
/// "dune-types4"): next to a branch whose value is surely a double or a decimal with a scale (a literal or a cast to one),
/// the same column of the other branches is converted to double when it is uint256 or int256 (Dune: "the result type is
/// DOUBLE"; DuckDB unifies an aliased type with anything as the alias and, its branches being bound apart, gave int256 or
/// failed on a fraction). Branches are the SELECT lists and VALUES rows joined by set operators at one bracket depth; a
/// parenthesised branch next to a set operator counts as at the operator's depth. A chain with a <c>*</c> item or with
/// branches of different widths is left as it is.
/// </summary>
public static partial class DuneSqlTranslator
{
    private static readonly HashSet<string> SetOperators = new(StringComparer.OrdinalIgnoreCase) { "union", "intersect", "except" };

    /// <summary>Words that end a SELECT list at its own depth (a second <c>select</c> there is a syntax error, but each list
    /// must not be read on to the end of the text: 140,000 of them were quadratic, hostile10).</summary>
    private static readonly HashSet<string> SelectListEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "from", "where", "group", "having", "order", "limit", "offset", "fetch", "window", "qualify", "union", "intersect", "except", "into",
        "select",
    };

    private sealed partial class Pass
    {
        /// <summary>Adds to <paramref name="found"/> the branch values of every set operation and VALUES list (see the type's summary).</summary>
        private void AddSetOperations(Dictionary<int, int> found)
        {
            var chains = new Dictionary<int, List<List<(int From, int To)>>>();
            var joined = new HashSet<int>(); // depths whose next branch joins the open chain
            int depth = 0;
            void Flush(int d)
            {
                if (chains.Remove(d, out var branches) && branches.Count > 1)
                {
                    AddColumns(branches, found);
                }
                joined.Remove(d);
            }
            for (int c = 0; c < tokens.Count; c++)
            {
                if (tokens[c].IsTrivia)
                {
                    continue;
                }
                if (tokens[c].Kind == DuneTokenKind.Symbol && sql[tokens[c].Start] is '(' or '[' or ')' or ']')
                {
                    if (IsTransparent(c))
                    {
                        continue;
                    }
                    if (sql[tokens[c].Start] is '(' or '[')
                    {
                        depth++;
                    }
                    else
                    {
                        Flush(depth);
                        depth--;
                    }
                    continue;
                }
                if (Is(c, ";"))
                {
                    Flush(depth);
                }
                else if (tokens[c].Kind == DuneTokenKind.Word && SetOperators.Contains(Text(c)))
                {
                    joined.Add(depth);
                }
                else if (Is(c, "select") || (Is(c, "values") && !Is(Previous(c), ".")))
                {
                    var branches = Is(c, "select") ? [SelectItems(c)] : ValuesRows(c);
                    if (!joined.Remove(depth))
                    {
                        Flush(depth);
                    }
                    if (!chains.TryGetValue(depth, out var chain))
                    {
                        chains[depth] = chain = [];
                    }
                    chain.AddRange(branches);
                }
            }
            foreach (int d in chains.Keys.ToList())
            {
                Flush(d);
            }
        }

        /// <summary>A bracket of a parenthesised branch next to a set operator (<c>(SELECT …) UNION (SELECT …)</c>).</summary>
        private bool IsTransparent(int bracket)
        {
            int open = Is(bracket, "(") ? bracket : Opening(bracket);
            int close = open < 0 ? -1 : Match(open);
            if (close < 0 || !Is(open, "("))
            {
                return false;
            }
            int first = Next(open, close);
            if (!(Is(first, "select") || Is(first, "values")))
            {
                return false;
            }
            int before = Previous(open), after = Next(close, tokens.Count);
            bool IsOperator(int k) => k >= 0 && k < tokens.Count && tokens[k].Kind == DuneTokenKind.Word && SetOperators.Contains(Text(k));
            return IsOperator(before) || ((Is(before, "all") || Is(before, "distinct")) && IsOperator(Previous(before))) || IsOperator(after);
        }

        /// <summary>The values of the SELECT list that starts at the word <c>select</c> (aliases left out).</summary>
        private List<(int From, int To)> SelectItems(int select)
        {
            int from = Next(select, tokens.Count);
            if (Is(from, "distinct") || Is(from, "all"))
            {
                from = Next(from, tokens.Count);
            }
            int end = from;
            for (; end < tokens.Count; end++)
            {
                if (tokens[end].IsTrivia)
                {
                    continue;
                }
                if (IsOpening(end))
                {
                    end = Match(end) is int m && m > end ? m : tokens.Count;
                    continue;
                }
                if (Is(end, ")") || Is(end, "]") || Is(end, ";") || (tokens[end].Kind == DuneTokenKind.Word && SelectListEnds.Contains(Text(end))))
                {
                    break;
                }
            }
            return Arguments(from - 1, Math.Min(end, tokens.Count)).Select(item => Value(Next(item.From - 1, item.To), item.To)).ToList();
        }

        /// <summary>The rows of the VALUES list that starts at the word <c>values</c>, each as its values.</summary>
        private List<List<(int From, int To)>> ValuesRows(int values)
        {
            var rows = new List<List<(int From, int To)>>();
            int end = values + 1;
            for (; end < tokens.Count; end++)
            {
                if (IsOpening(end))
                {
                    end = Match(end) is int m && m > end ? m : tokens.Count;
                }
                else if (!tokens[end].IsTrivia && (Is(end, ")") || Is(end, ";") || tokens[end].Kind == DuneTokenKind.Word
                    && (SelectListEnds.Contains(Text(end)) || Is(end, "as"))))
                {
                    break;
                }
            }
            foreach (var (from, to) in Arguments(values, Math.Min(end, tokens.Count)))
            {
                int first = Next(from - 1, to);
                rows.Add(Is(first, "(") && Match(first) is int close && Next(close, to) >= to
                    ? Arguments(first, close).Select(v => (Next(v.From - 1, v.To), v.To)).ToList()
                    : [(first, to)]);
            }
            return rows;
        }

        /// <summary>An item's value: the tokens before its alias (<c>x AS a</c>, <c>x a</c>).</summary>
        private (int From, int To) Value(int from, int to)
        {
            int last = Previous(to);
            for (int k = from; k <= last && k >= 0; k++)
            {
                if (IsOpening(k))
                {
                    k = Match(k) is int m && m > k ? m : last;
                }
                else if (Is(k, "as"))
                {
                    return (from, k);
                }
            }
            bool bareAlias = last > from && (tokens[last].Kind == DuneTokenKind.QuotedName
                || (tokens[last].Kind == DuneTokenKind.Word && !OperandBoundaries.Contains(Text(last)) && !Is(last, "null")
                    && !Is(last, "true") && !Is(last, "false")))
                && IsOperandEnd(Previous(last)) && !Is(Previous(last), ".");
            return bareAlias ? (from, last) : (from, to);
        }

        /// <summary>Each column of a chain of branches as the values of one CASE, when every branch has the same width.</summary>
        private void AddColumns(List<List<(int From, int To)>> branches, Dictionary<int, int> found)
        {
            int width = branches[0].Count;
            if (width == 0 || branches.Any(b => b.Count != width || b.Any(v => Is(v.From, "*") || Is(Previous(v.To), "*"))))
            {
                return;
            }
            for (int column = 0; column < width; column++)
            {
                AddValues(branches.Select(b => b[column]).ToList(), found);
            }
        }
    }
}
