namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A name in an ORDER BY expression means the select item of that alias in Trino: StatementAnalyzer rewrites the ORDER BY
/// items (OrderByExpressionRewriter) by replacing each simple name that names an output column with that column's select
/// expression, before the FROM clause is consulted; a name two items carry is ambiguous there. DuckDB orders by a bare alias
/// the same way, but inside an expression it reads a FROM column of the name first (<c>SELECT -a AS a … ORDER BY a + 0</c>
/// ordered by the column), and it refuses an alias whose expression it calls volatile ("Alias "x" referenced - but the
/// expression has side effects"): every translation holding <c>error()</c>, as <c>CAST(x AS varchar)</c>'s and date_add's
/// do. So in the ORDER BY of a SELECT without GROUP BY or DISTINCT, a name that is exactly one select item's alias, inside an
/// item that is more than the name, is written as that item's expression in parentheses, as Trino's rewrite does.
/// Left to DuckDB: an item whose expression is volatile (<c>random()</c>: the sort would read another draw than the row
/// shows), holds a window or a subquery; GROUP BY queries (DuckDB binds an alias against the grouping there) and DISTINCT
/// ones (Trino requires their ORDER BY items in the select list); the ORDER BY of a set operation (DuneSqlTranslator.SetOrderBy.cs).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Words that keep an item's expression out of the ORDER BY: volatile functions, a window, a subquery.</summary>
    private static readonly HashSet<string> OrderAliasStops = new(StringComparer.OrdinalIgnoreCase) { "random", "rand", "uuid", "shuffle", "over", "select" };

    /// <summary>The words that may end an ORDER BY item after its expression.</summary>
    private static readonly HashSet<string> OrderModifiers = new(StringComparer.OrdinalIgnoreCase) { "asc", "desc", "nulls", "first", "last" };

    private sealed partial class Pass
    {
        /// <summary>The ORDER BY names written as a select item (by token), found once per translation.</summary>
        private Dictionary<int, (int From, int To)>? orderAliases;

        private int TryEmitOrderAlias(int i)
        {
            orderAliases ??= FindOrderAliases();
            if (orderAliases.Count == 0 || !orderAliases.TryGetValue(i, out var item))
            {
                return -1;
            }
            emitter.Text("(", tokens[i]);
            Emit(item.From, item.To);
            emitter.Text(")", tokens[i]);
            return i + 1;
        }

        private Dictionary<int, (int From, int To)> FindOrderAliases()
        {
            var found = new Dictionary<int, (int From, int To)>();
            HashSet<int>? setOrders = null;
            for (int select = 0; select < tokens.Count; select++)
            {
                if (!Is(select, "select"))
                {
                    continue;
                }
                int enclosing = Enclosing(select);
                int blockEnd = enclosing >= 0 && Match(enclosing) is int shut and > 0 ? shut : tokens.Count;
                if (Is(Next(select, blockEnd), "distinct") || BlockOrderBy(select, blockEnd) is not int by)
                {
                    continue;
                }
                setOrders ??= SetChains().Select(c => c.End).ToHashSet();
                if (setOrders.Contains(Previous(by)) || Aliases(select) is not { Count: > 0 } aliases)
                {
                    continue;
                }
                foreach (var (from, to) in Arguments(by, OrderByEnd(by, blockEnd)))
                {
                    int expressionEnd = to;
                    while (Previous(expressionEnd) >= from && tokens[Previous(expressionEnd)].Kind == DuneTokenKind.Word && OrderModifiers.Contains(Text(Previous(expressionEnd))))
                    {
                        expressionEnd = Previous(expressionEnd);
                    }
                    int first = Next(from - 1, expressionEnd);
                    if (first >= expressionEnd || Next(first, expressionEnd) >= expressionEnd)
                    {
                        continue; // a bare name or ordinal: DuckDB reads it as Trino does
                    }
                    for (int k = first; k < expressionEnd; k = Next(k, expressionEnd))
                    {
                        if (IsOrderAliasName(k, expressionEnd, enclosing) && aliases.TryGetValue(UnquotedName(k), out var item) && item is { } value)
                        {
                            found[k] = value;
                        }
                    }
                }
            }
            return found;
        }

        /// <summary>The word BY of the ORDER BY of the SELECT at select (before end, at its own depth), or null when it has
        /// none, has a GROUP BY, or another SELECT or a set operator comes first.</summary>
        private int? BlockOrderBy(int select, int end)
        {
            for (int k = Next(select, end); k < end; k = Next(k, end))
            {
                if (IsOpening(k))
                {
                    k = Match(k) is int m && m > k ? Math.Min(m, end) : end;
                    continue;
                }
                if ((Is(k, "group") && Is(Next(k, end), "by")) || Is(k, "select") || Is(k, ";") || (tokens[k].Kind == DuneTokenKind.Word && SetOperators.Contains(Text(k))))
                {
                    return null;
                }
                if (Is(k, "order") && Is(Next(k, end), "by"))
                {
                    return Next(k, end);
                }
            }
            return null;
        }

        /// <summary>The token after the ORDER BY list that starts after the word BY at by: a `;`, LIMIT / OFFSET / FETCH /
        /// FOR, the bracket closing the list's block, or end.</summary>
        private int OrderByEnd(int by, int end)
        {
            int k = Next(by, end);
            for (; k < end; k = Next(k, end))
            {
                if (IsOpening(k))
                {
                    k = Match(k) is int m && m > k ? Math.Min(m, end - 1) : end - 1;
                    continue;
                }
                if (Is(k, ")") || Is(k, "]") || Is(k, ";") || (tokens[k].Kind == DuneTokenKind.Word && OrderByEnds.Contains(Text(k))))
                {
                    break;
                }
            }
            return Math.Min(k, end);
        }

        /// <summary>Each select item's output name and, for an alias of one item whose expression may be written again,
        /// the expression; null for a name that is ambiguous, not an alias, or an expression left to DuckDB.</summary>
        private Dictionary<string, (int From, int To)?>? Aliases(int select)
        {
            var aliases = new Dictionary<string, (int From, int To)?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (from, to) in SelectItems(select))
            {
                int name = ItemNameToken(from, to, out bool aliased);
                if (!IsWholeName(name))
                {
                    continue;
                }
                string key = UnquotedName(name);
                bool rewritable = aliased && !aliases.ContainsKey(key);
                for (int k = Next(from - 1, to); rewritable && k < to; k = Next(k, to))
                {
                    rewritable = !(tokens[k].Kind == DuneTokenKind.Word && OrderAliasStops.Contains(Text(k)));
                }
                aliases[key] = rewritable ? (from, to) : null;
            }
            return aliases.Values.Any(v => v is not null) ? aliases : null;
        }

        /// <summary>A word, or a quoted name with both its quotes (a text cut inside a quoted name ends in half of one).</summary>
        private bool IsWholeName(int k) => IsName(k) && (tokens[k].Kind == DuneTokenKind.Word || (Text(k).Length >= 2 && Text(k)[^1] == '"'));

        /// <summary>Whether token k is a simple name of the block's own ORDER BY: not qualified or qualifying, not a call,
        /// a subquery's, a lambda's parameter, a cast's type, an interval's unit, extract's field or a typed literal's type.</summary>
        private bool IsOrderAliasName(int k, int end, int top)
        {
            if (!IsWholeName(k) || LambdaNames().Contains(UnquotedName(k)))
            {
                return false;
            }
            // A name inside a subquery of the ORDER BY is the subquery's.
            for (int e = Enclosing(k); e != top && e >= 0; e = Enclosing(e))
            {
                if (Is(Next(e, end), "select") || Is(Next(e, end), "with"))
                {
                    return false;
                }
            }
            int before = Previous(k), after = Next(k, end);
            return !(Is(before, ".") || Is(before, "as") || (before >= 0 && tokens[before].Kind == DuneTokenKind.String)
                || Is(after, ".") || Is(after, "(") || Is(after, "->") || Is(after, "from")
                || (after < tokens.Count && tokens[after].Kind == DuneTokenKind.String));
        }
    }
}
