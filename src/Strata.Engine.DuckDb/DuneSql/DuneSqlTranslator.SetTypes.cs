namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino refuses a UNION, INTERSECT or EXCEPT whose columns have no common type, or whose branches have different
/// numbers of columns (<see cref="DuneSetTypes"/>); the translator does not know most columns' types, nor a <c>*</c>'s
/// width, so DuckDB's binder tells them. A check <c>dune_set_check('UNION,…', 'hints', typeof((SELECT dune_set_row FROM
/// (branch) AS dune_set_row LIMIT 0)), …)</c> holds a probe per branch: each <c>typeof</c> folds to the branch's row type
/// when DuckDB binds (the subquery is never run), the check fails the bind when two types have no common type or two
/// rows differ in width, and is otherwise the constant true. It is hosted by the first item of a SELECT branch that is
/// not a <c>*</c> (<c>CASE WHEN check THEN value END</c>, the value unchanged); when every item is a <c>*</c>, by the first
/// SELECT branch's WHERE condition (<c>CASE WHEN check THEN condition END</c>) or, without one, a WHERE added after its
/// FROM list. The hints give the types DuckDB does not keep: a string literal is <c>varchar(n)</c> in Trino, n its length,
/// as is a cast to <c>varchar(n)</c>. A chain is checked when its branches are SELECTs, VALUES or parenthesised queries, at
/// most <see cref="DuneSetTypes.MaxBranches"/> of them, and not in a statement with WITH RECURSIVE (a probe in the anchor
/// would read the recursive name). A probe's copy of a branch holds no checks of its own (a nested chain is checked where
/// it stands), so nesting copies text linearly.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>How a check is written at its host.</summary>
        private enum SetHost
        {
            /// <summary>A select item: <c>CASE WHEN check THEN value END</c>, a bare column keeping its name.</summary>
            Value,

            /// <summary>A WHERE condition: <c>CASE WHEN check THEN condition END</c>.</summary>
            Condition,

            /// <summary>A FROM list without WHERE: the list, then <c>WHERE check</c>.</summary>
            FromList,
        }

        /// <summary>A chain's check: its host's tokens [Host, HostTo), the form, the branches' common width (-1 when
        /// unknown or different: the probes then name no columns) and the literal types' hints.</summary>
        private sealed record SetCheckPlan(int Host, int HostTo, SetHost Form, SetChain Chain, int Width, string Hints);

        /// <summary>Checks by the first token of their host.</summary>
        private Dictionary<int, SetCheckPlan>? setChecks;

        private readonly HashSet<int> activeSetChecks = [];

        private int probingSetBranches;

        /// <summary>The first token of the branch a probe copies (the set operation's ORDER BY wrap is not written there).</summary>
        private int probedBranchStart = -1;

        /// <summary>At the host of a set-operation check: emits the check and the host; returns the next index, or -1.</summary>
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
                if (check.Form == SetHost.FromList)
                {
                    Emit(i, check.HostTo);
                    emitter.Text(" WHERE ", tokens[i]);
                    EmitSetCheckCall(i, check);
                    return check.HostTo;
                }
                // Spaced on both sides: the user's item may touch the word before or after it (DISTINCT(x)AS a).
                emitter.Text(" CASE WHEN ", tokens[i]);
                EmitSetCheckCall(i, check);
                emitter.Text(" THEN ", tokens[i]);
                Emit(i, check.HostTo);
                emitter.Text(" END ", tokens[i]);
                if (check.Form == SetHost.Value && ColumnReferenceName(i, check.HostTo) is string name)
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

        private void EmitSetCheckCall(int i, SetCheckPlan check)
        {
            emitter.Text($"{DuneSetTypes.Function}('{string.Join(",", check.Chain.Operators)}', '{check.Hints}'", tokens[i]);
            string aliases = check.Width > 0 ? "(" + string.Join(", ", Enumerable.Range(1, check.Width).Select(k => $"dune_c{k}")) + ")" : "";
            int outerStart = probedBranchStart;
            probingSetBranches++;
            try
            {
                foreach (var (from, end) in check.Chain.Branches)
                {
                    emitter.Text(", typeof((SELECT dune_set_row FROM (", tokens[from]);
                    probedBranchStart = from;
                    Emit(from, end);
                    emitter.Text($") AS dune_set_row{aliases} LIMIT 0))", tokens[from]);
                }
            }
            finally
            {
                probingSetBranches--;
                probedBranchStart = outerStart;
            }
            emitter.Text(")", tokens[i]);
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

        /// <summary>The quoted name a value of tokens [from, to) that is a bare column reference (<c>x</c>, <c>t.x</c>,
        /// <c>"X"</c>) and has no alias gives its result column; null for any other value or an aliased one.</summary>
        private string? ColumnReferenceName(int from, int to)
        {
            int name = ItemNameToken(from, to, out bool aliased);
            return aliased || name < 0 ? null : tokens[name].Kind == DuneTokenKind.QuotedName ? Text(name) : "\"" + Text(name) + "\"";
        }

        private Dictionary<int, SetCheckPlan> FindSetChecks()
        {
            var checks = new Dictionary<int, SetCheckPlan>();
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
                    checks[check.Host] = check;
                }
            }
            return checks;
        }

        /// <summary>The check of a chain, or null when the chain is not checked (see the type's summary).</summary>
        private SetCheckPlan? SetCheck(SetChain chain)
        {
            if (chain.Branches.Count > DuneSetTypes.MaxBranches)
            {
                return null;
            }
            int width = -1, host = -1, hostTo = -1, fallback = -1, fallbackTo = -1, firstSelect = -1;
            bool sameWidth = true;
            var hints = new List<string>();
            foreach (var (first, last) in chain.Branches)
            {
                int select = first;
                while (Is(select, "("))
                {
                    select = Next(select, tokens.Count);
                }
                List<List<(int From, int To)>> rows = Is(select, "select") ? [SelectItems(select)] : Is(select, "values") ? ValuesRows(select) : [];
                if (rows.Count == 0 || rows[0].Count == 0)
                {
                    return null;
                }
                var items = rows[0];
                bool star = items.Any(v => IsStarItem(v.From, v.To));
                sameWidth &= !star && (width < 0 || items.Count == width);
                width = star ? width : items.Count;
                hints.Add(LiteralTypeHints(rows));
                if (Is(select, "select"))
                {
                    firstSelect = firstSelect < 0 ? select : firstSelect;
                    // An item the branch groups by its ordinal would be grouped as the check's CASE, and the branch's
                    // other references to its columns would no longer be grouped: the first explicit item of a branch
                    // not so named (and before any *, whose width hides the ordinals after it) hosts the check; when
                    // there is none, the first explicit item of the first SELECT.
                    var grouped = GroupedOrdinals(select, last);
                    int stars = items.FindIndex(v => IsStarItem(v.From, v.To));
                    int safe = Enumerable.Range(0, stars < 0 ? items.Count : stars).FirstOrDefault(k => !grouped.Contains(k + 1), -1);
                    int explicitItem = items.FindIndex(v => !IsStarItem(v.From, v.To));
                    if (host < 0 && safe >= 0)
                    {
                        (host, hostTo) = (Next(items[safe].From - 1, items[safe].To), Previous(items[safe].To) + 1);
                    }
                    else if (fallback < 0 && explicitItem >= 0)
                    {
                        (fallback, fallbackTo) = (Next(items[explicitItem].From - 1, items[explicitItem].To), Previous(items[explicitItem].To) + 1);
                    }
                }
            }
            (host, hostTo) = host < 0 ? (fallback, fallbackTo) : (host, hostTo);
            int checkedWidth = sameWidth ? width : -1;
            string hintText = string.Join(";", hints);
            if (host >= 0)
            {
                return new SetCheckPlan(host, hostTo, SetHost.Value, chain, checkedWidth, hintText);
            }
            if (firstSelect < 0 || WhereHost(firstSelect) is not { } where)
            {
                return null;
            }
            return new SetCheckPlan(where.From, where.To, where.Form, chain, checkedWidth, hintText);
        }

        private bool IsStarItem(int from, int to) => Is(Next(from - 1, to), "*") || Is(Previous(to), "*");

        /// <summary>Where a check goes in the SELECT at select whose items are all <c>*</c>: its WHERE condition, or its
        /// FROM list (a WHERE is added after it); null without a FROM.</summary>
        private (int From, int To, SetHost Form)? WhereHost(int select)
        {
            int from = -1, where = -1, end = Next(select, tokens.Count);
            for (; end < tokens.Count; end = Next(end, tokens.Count))
            {
                if (IsOpening(end))
                {
                    end = Match(end) > end ? Match(end) : tokens.Count - 1;
                    continue;
                }
                if (Is(end, ")") || Is(end, "]") || Is(end, ";") || (tokens[end].Kind == DuneTokenKind.Word && SelectListEnds.Contains(Text(end))
                    && !Is(end, "from") && !Is(end, "where")))
                {
                    break;
                }
                if (Is(end, "from") && from < 0)
                {
                    from = end;
                }
                else if (Is(end, "where") && from >= 0 && where < 0)
                {
                    where = end;
                }
            }
            end = Math.Min(end, tokens.Count);
            if (from < 0 || Next(from, end) >= end || (where >= 0 && Next(where, end) >= end))
            {
                return null;
            }
            int last = Previous(end) + 1; // the host ends at its last token: the text after it stays after the check's END
            return where >= 0 ? (Next(where, end), last, SetHost.Condition) : (Next(from, end), last, SetHost.FromList);
        }

        /// <summary>The Trino types of a branch's columns that DuckDB's type does not tell, as <c>column:type</c> joined by
        /// <c>|</c>: a column whose values (one per row) are string literals (or NULL) is <c>varchar(n)</c>, n the longest
        /// literal's length in code points; a cast to <c>varchar(n)</c> is <c>varchar(n)</c>. Columns up to a <c>*</c>.</summary>
        private string LiteralTypeHints(List<List<(int From, int To)>> rows)
        {
            var hints = new List<string>();
            // The columns after a * are not where its items stand: hints stop at the first *.
            for (int column = 0; column < rows[0].Count && !IsStarItem(rows[0][column].From, rows[0][column].To); column++)
            {
                int length = -1;
                foreach (var row in rows)
                {
                    int n = column < row.Count ? VarcharLength(row[column].From, row[column].To) : -2;
                    if (n == -2)
                    {
                        length = -1;
                        break;
                    }
                    length = Math.Max(length, n);
                }
                if (length >= 0)
                {
                    hints.Add($"{column + 1}:varchar({length})");
                }
            }
            return string.Join("|", hints);
        }

        /// <summary>The bounded varchar length of a value of tokens [from, to): a string literal's length, a cast to
        /// varchar(n)'s n; -1 for NULL, -2 for anything else.</summary>
        private int VarcharLength(int from, int to)
        {
            int first = Next(from - 1, to), last = Previous(to);
            if (first == last && Is(first, "null"))
            {
                return -1;
            }
            string literal = first == last && tokens[first].Kind == DuneTokenKind.String ? Text(first) : "";
            if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'')
            {
                return literal[1..^1].Replace("''", "'", StringComparison.Ordinal).EnumerateRunes().Count();
            }
            // CAST(x AS varchar(n)): the last tokens are 'varchar' '(' n ')' ')'.
            int close = Previous(last), number = Previous(close), open = Previous(number), type = Previous(open), asWord = Previous(type);
            return Is(first, "cast") && Is(Next(first, to), "(") && Match(Next(first, to)) == last && Is(close, ")")
                && tokens[number].Kind == DuneTokenKind.Number && Is(open, "(") && Is(type, "varchar") && Is(asWord, "as")
                && int.TryParse(Text(number), out int n) ? n : -2;
        }
    }
}
