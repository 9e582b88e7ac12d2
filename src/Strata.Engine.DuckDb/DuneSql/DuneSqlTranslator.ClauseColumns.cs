namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Column names in the clauses after WHERE (decision "dune-types9"). A division's form follows its operands' types, so
/// the same expression must get the same types in the select list and in GROUP BY, HAVING and ORDER BY: DuckDB matches
/// a grouped select expression with the GROUP BY one by its text, and one typed form beside one probe form failed
/// (<c>SELECT k / 2 FROM t GROUP BY k / 2</c>: "column k must appear in the GROUP BY clause"). A name there is
/// resolved as in the select list where it can only mean the FROM column:
/// <list type="bullet">
/// <item>GROUP BY: DuckDB binds a name to the FROM columns before the select list's aliases (Trino to its input
/// columns), so a name found in exactly one known FROM item is that column.</item>
/// <item>HAVING and ORDER BY: either may name a select-list alias first, so a bare name is resolved only when no select
/// item could carry it as its name (an item whose last token is that name and which is not the column itself); ORDER
/// BY only in a block that is not a branch of a set operation (there it orders the set operation's columns).</item>
/// </list>
/// WINDOW, QUALIFY, LIMIT and the rest stay unresolved (the probe decides).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Per block: the clause keywords at its own depth after FROM, and the names its select items may carry.</summary>
        private Dictionary<QueryBlock, (List<int> Clauses, HashSet<string> Aliases)>? clauseInfo;

        /// <summary>Whether a name at i (bare when qualifier is null) in a clause after WHERE is bound against the block's
        /// FROM items.</summary>
        private bool ResolvesInLaterClause(QueryBlock block, int i, string name, string? qualifier)
        {
            int after = block.HasWhere ? block.WhereEnd : block.FromEnd;
            if (block.From < 0 || i <= after || i >= block.End)
            {
                return false;
            }
            clauseInfo ??= [];
            if (!clauseInfo.TryGetValue(block, out var info))
            {
                clauseInfo[block] = info = (LaterClauses(block, after), SelectItemNames(block));
            }
            int clause = -1;
            foreach (int k in info.Clauses)
            {
                clause = k < i ? k : clause;
            }
            if (clause < 0)
            {
                return false;
            }
            if (Is(clause, "group"))
            {
                return true;
            }
            bool free = qualifier is not null || !info.Aliases.Contains(name);
            return Is(clause, "having") ? free : Is(clause, "order") && free && !InSetOperation(block);
        }

        /// <summary>GROUP, HAVING, WINDOW, QUALIFY, ORDER, LIMIT, OFFSET, FETCH at the block's own depth after its WHERE.</summary>
        private List<int> LaterClauses(QueryBlock block, int after)
        {
            var found = new List<int>();
            for (int k = after; k >= 0 && k < block.End; k = Next(k, block.End))
            {
                if (IsOpening(k))
                {
                    k = Match(k) is int m && m > k ? Math.Min(m, block.End) : block.End;
                    continue;
                }
                if (tokens[k].Kind == DuneTokenKind.Word && !Is(k, "where") && ClauseAfterFrom.Contains(Text(k)))
                {
                    found.Add(k);
                }
            }
            return found;
        }

        /// <summary>The last name of every select item that is not a plain column reference (its alias or what could be
        /// read as one); a plain <c>k</c> or <c>q.k</c> carries the column's own name.</summary>
        private HashSet<string> SelectItemNames(QueryBlock block)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int start = Next(block.Select, block.From);
            start = Is(start, "distinct") || Is(start, "all") ? Next(start, block.From) : start;
            foreach (var (a, b) in Arguments(start - 1, block.From))
            {
                int first = tokens[a].IsTrivia ? Next(a, b) : a, last = Previous(b);
                if (first > last || !IsName(last))
                {
                    continue;
                }
                bool plain = first == last || (Is(Next(first, b), ".") && Next(Next(first, b), b) == last);
                if (!plain)
                {
                    names.Add(UnquotedName(last));
                }
            }
            return names;
        }

        /// <summary>Whether the block is a branch of UNION, INTERSECT or EXCEPT at its own depth.</summary>
        private bool InSetOperation(QueryBlock block)
        {
            int before = Previous(block.Select);
            before = Is(before, "(") ? Previous(before) : before;
            return IsSetWord(before) || IsSetWord(block.End) || (Is(block.End, ")") && IsSetWord(Next(block.End, tokens.Count)));
        }

        private bool IsSetWord(int k) => k >= 0 && k < tokens.Count
            && (Is(k, "union") || Is(k, "intersect") || Is(k, "except") || Is(k, "all") || Is(k, "distinct"));
    }
}
