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

        /// <summary>The quoted name a value of tokens [from, to) that is a bare column reference (<c>x</c>, <c>t.x</c>,
        /// <c>"X"</c>) and has no alias gives its result column; null for any other value or an aliased one.</summary>
        private string? ColumnReferenceName(int from, int to)
        {
            int name = ItemNameToken(from, to, out bool aliased);
            return aliased || name < 0 ? null : tokens[name].Kind == DuneTokenKind.QuotedName ? Text(name) : "\"" + Text(name) + "\"";
        }

        private Dictionary<int, (int, List<(int, int)>, string, int)> FindSetChecks()
        {
            var checks = new Dictionary<int, (int, List<(int, int)>, string, int)>();
            for (int c = 0; c < tokens.Count; c++)
            {
                if (Is(c, "recursive"))
                {
                    return checks;
                }
            }
            foreach (var chain in SetChains())
            {
                if (SetCheck(chain) is { } check)
                {
                    checks[check.Host] = (check.HostTo, chain.Branches, string.Join(",", chain.Operators), check.Width);
                }
            }
            return checks;
        }

        /// <summary>Where the check of a chain goes (the first item of its first SELECT branch) and the branches' width,
        /// or null when the chain is not checked (see the type's summary).</summary>
        private (int Host, int HostTo, int Width)? SetCheck(SetChain chain)
        {
            if (chain.Branches.Count > DuneSetTypes.MaxBranches)
            {
                return null;
            }
            int width = -1, host = -1, hostTo = -1;
            foreach (var (first, _) in chain.Branches)
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
                    (host, hostTo) = (Next(items[0].From - 1, items[0].To), Previous(items[0].To) + 1);
                }
            }
            return host < 0 ? null : (host, hostTo, width);
        }
    }
}
