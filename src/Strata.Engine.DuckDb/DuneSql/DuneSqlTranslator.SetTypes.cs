namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino refuses a UNION, INTERSECT or EXCEPT whose columns have no common type (<see cref="DuneSetTypes"/>); the
/// translator does not know most columns' types, so DuckDB's binder tells them. The first column of the first branch
/// that is a plain SELECT becomes <c>CASE WHEN dune_set_check('UNION,…', typeof((SELECT dune_set_row FROM (branch) AS
/// dune_set_row(dune_c1, …) LIMIT 0)), …) THEN value END</c>, a probe per branch: each <c>typeof</c> folds to the branch's
/// row type when DuckDB binds (the subquery is never run), the check fails the bind when two types have no common type,
/// and is otherwise the constant true, so the value is unchanged. A chain is checked when its branches are SELECTs,
/// VALUES or parenthesised queries of one known width without <c>*</c>, at most <see cref="DuneSetTypes.MaxBranches"/> of
/// them, and not in a statement with WITH RECURSIVE (a probe in the anchor would read the recursive name). A probe's copy
/// of a branch holds no checks of its own (a nested chain is checked where it stands), so nesting copies text linearly.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Checks by the first token of the value they wrap: the value's end, the branches, the operators.</summary>
        private Dictionary<int, (int HostTo, List<(int From, int To)> Branches, string Operators, int Width)>? setChecks;

        private readonly HashSet<int> activeSetChecks = [];

        private int probingSetBranches;

        /// <summary>The first token of the branch a probe copies (the set operation's ORDER BY wrap is not written there).</summary>
        private int probedBranchStart = -1;

        /// <summary>At the value a set-operation check wraps: emits the check and the value; returns the next index, or -1.</summary>
        private int TryEmitSetCheck(int i, int to)
        {
            setChecks ??= FindSetChecks();
            if (setChecks.Count == 0 || probingSetBranches > 0 || !setChecks.TryGetValue(i, out var check) || check.HostTo > to
                || !activeSetChecks.Add(i))
            {
                return -1;
            }
            try
            {
                emitter.Text($"CASE WHEN {DuneSetTypes.Function}('{check.Operators}'", tokens[i]);
                string aliases = string.Join(", ", Enumerable.Range(1, check.Width).Select(k => $"dune_c{k}"));
                int outerStart = probedBranchStart;
                probingSetBranches++;
                try
                {
                    foreach (var (from, end) in check.Branches)
                    {
                        emitter.Text(", typeof((SELECT dune_set_row FROM (", tokens[from]);
                        probedBranchStart = from;
                        Emit(from, end);
                        emitter.Text($") AS dune_set_row({aliases}) LIMIT 0))", tokens[from]);
                    }
                }
                finally
                {
                    probingSetBranches--;
                    probedBranchStart = outerStart;
                }
                emitter.Text(") THEN ", tokens[i]);
                Emit(i, check.HostTo);
                emitter.Text(" END", tokens[i]);
                if (ColumnReferenceName(i, check.HostTo) is string name)
                {
                    // The engine names a result column by the select item's form: a bare column keeps its name.
                    emitter.Text(" AS " + name, tokens[i]);
                }
                return check.HostTo;
            }
            finally
            {
                activeSetChecks.Remove(i);
            }
        }

        /// <summary>The select-list ordinals (<c>GROUP BY 1, 3</c>, also inside ROLLUP, CUBE or GROUPING SETS) of the GROUP
        /// BY at the own depth of the SELECT that starts at select and ends before to. A lone integer argument of a call
        /// there counts too: that only moves the check to another item.</summary>
        private HashSet<int> GroupedOrdinals(int select, int to)
        {
            var ordinals = new HashSet<int>();
            int k = Next(select, to);
            while (k < to && !(Is(k, "group") && Is(Next(k, to), "by")))
            {
                k = IsOpening(k) && Match(k) > k ? Next(Match(k), to) : Next(k, to);
            }
            for (k = Next(Next(k, to), to); k < to; k = Next(k, to))
            {
                if ((tokens[k].Kind == DuneTokenKind.Word && SelectListEnds.Contains(Text(k))) || (Is(k, ")") && Opening(k) < select))
                {
                    break;
                }
                if (tokens[k].Kind == DuneTokenKind.Number && int.TryParse(Text(k), out int ordinal)
                    && IsGroupingSeparator(Previous(k)) && IsGroupingSeparator(Next(k, to)))
                {
                    ordinals.Add(ordinal);
                }
            }
            return ordinals;
        }

        private bool IsGroupingSeparator(int k) => k >= 0 && k < tokens.Count && (Is(k, ",") || Is(k, "(") || Is(k, ")") || Is(k, "by")
            || Is(k, ";") || (tokens[k].Kind == DuneTokenKind.Word && (SelectListEnds.Contains(Text(k)) || SetOperators.Contains(Text(k)))));

        /// <summary>The name a value of tokens [from, to) that is a bare column reference (<c>x</c>, <c>t.x</c>,
        /// <c>"X"</c>) and has no alias gives its result column, quoted; null for any other value or an aliased one.</summary>
        private string? ColumnReferenceName(int from, int to)
        {
            int last = Previous(to), after = Next(last, tokens.Count);
            if (Is(after, "as") || (after < tokens.Count && tokens[after].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName
                && !SelectListEnds.Contains(Text(after)) && !SetOperators.Contains(Text(after))))
            {
                return null; // aliased (x AS y, x y)
            }
            int position = 0;
            for (int k = from; k <= last; k = Next(k, to), position++)
            {
                bool name = tokens[k].Kind == DuneTokenKind.QuotedName || (tokens[k].Kind == DuneTokenKind.Word && !NotColumnWords.Contains(Text(k)));
                if (position % 2 == 0 ? !name : !Is(k, ".") || k == last)
                {
                    return null;
                }
            }
            return tokens[last].Kind == DuneTokenKind.QuotedName ? Text(last) : "\"" + Text(last) + "\"";
        }

        /// <summary>Words that stand alone in a select list without being a column.</summary>
        private static readonly HashSet<string> NotColumnWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "null", "true", "false", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
            "current_user", "current_catalog", "current_schema", "current_path", "case", "cast", "not", "exists", "array", "map", "row",
            "interval", "date", "timestamp", "time",
        };

        private Dictionary<int, (int, List<(int, int)>, string, int)> FindSetChecks()
        {
            var checks = new Dictionary<int, (int, List<(int, int)>, string, int)>();
            var bodies = new HashSet<int>();
            var open = new Stack<int>();
            int statement = 0;
            for (int c = 0; c < tokens.Count; c++)
            {
                if (tokens[c].IsTrivia)
                {
                    continue;
                }
                if (Is(c, "recursive"))
                {
                    return [];
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
            foreach (int body in bodies)
            {
                if (SetCheck(body) is { } check)
                {
                    checks[check.Host] = (check.HostTo, check.Branches, check.Operators, check.Width);
                }
            }
            return checks;
        }

        /// <summary>The check of the set operation whose query body starts at token from (a statement's start or the token
        /// after an opening parenthesis), or null when it is not checked (see the type's summary).</summary>
        private (int Host, int HostTo, List<(int, int)> Branches, string Operators, int Width)? SetCheck(int from)
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
                    if (branches.Count >= DuneSetTypes.MaxBranches)
                    {
                        return null;
                    }
                }
            }
            branches.Add((start, Math.Min(end, tokens.Count)));
            if (branches.Count < 2)
            {
                return null;
            }
            int width = -1, host = -1, hostTo = -1, fallback = -1, fallbackTo = -1;
            foreach (var (first, last) in branches)
            {
                int select = first;
                while (Is(select, "("))
                {
                    select = Next(select, tokens.Count);
                }
                List<(int From, int To)> items = Is(select, "select") ? SelectItems(select)
                    : Is(select, "values") && ValuesRows(select) is [var row, ..] ? row : [];
                if (items.Count == 0 || (width >= 0 && items.Count != width) || items.Any(v => Is(v.From, "*") || Is(Previous(v.To), "*")))
                {
                    return null;
                }
                width = items.Count;
                if (host < 0 && Is(select, "select"))
                {
                    // An item the branch groups by its ordinal would be grouped as the check's CASE, and the branch's
                    // other references to its columns would no longer be grouped: the first item of a branch not so
                    // named hosts it; when every item of every branch is, the first item of the first SELECT.
                    var grouped = GroupedOrdinals(select, last);
                    int item = Enumerable.Range(0, items.Count).FirstOrDefault(k => !grouped.Contains(k + 1), -1);
                    if (item >= 0)
                    {
                        (host, hostTo) = (Next(items[item].From - 1, items[item].To), Previous(items[item].To) + 1);
                    }
                    else if (fallback < 0)
                    {
                        (fallback, fallbackTo) = (Next(items[0].From - 1, items[0].To), Previous(items[0].To) + 1);
                    }
                }
            }
            (host, hostTo) = host < 0 ? (fallback, fallbackTo) : (host, hostTo);
            return host < 0 ? null : (host, hostTo, branches, string.Join(",", operators), width);
        }
    }
}
