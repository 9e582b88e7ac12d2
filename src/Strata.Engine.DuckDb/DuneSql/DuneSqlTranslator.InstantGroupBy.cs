namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>GROUP BY</c> of a zone per row by its instant (see DuneSqlTranslator.InstantGroups.cs): each grouping element the
/// scan finds to be such a value (written, or an ordinal naming a select item) is written <c>dune_instant_key(x)</c>, and
/// every occurrence of x (the same tokens) in the select list, HAVING, WINDOW and ORDER BY of the SELECT, outside an
/// aggregate's arguments, FILTER and WITHIN GROUP and outside nested queries, is read <c>any_value(x)</c>: the group's
/// value is one of its rows', as Trino keeps the first value its hash aggregation met (which one is not specified).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        private void AddGroupBy(int group, int by, Dictionary<int, (int End, Action<int, int> Write)> found)
        {
            int firstElement = Next(by, tokens.Count);
            if (firstElement >= tokens.Count || BlockAt(group) is not { } block || block.Select >= group)
            {
                return;
            }
            // Trino's set quantifier (GROUP BY DISTINCT / ALL before elements); a bare GROUP BY ALL is DuckDB's, left as it was.
            int before = by;
            if (Is(firstElement, "distinct") || Is(firstElement, "all"))
            {
                int after = Next(firstElement, tokens.Count);
                if (after >= tokens.Count || GroupByAllEnds.Contains(Text(after)) || Is(after, ")") || Is(after, ";"))
                {
                    return;
                }
                before = firstElement;
            }
            int listEnd = GroupingListEnd(before, tokens.Count);
            var items = SelectItems(block.Select);
            var keys = new List<(int From, int To)>();
            var elements = new List<((int From, int To) Element, (int From, int To) Target)>();
            bool rolled = false;
            foreach (var element in Arguments(before, listEnd).Select(Element))
            {
                // ROLLUP, CUBE and GROUPING SETS (decision 319) name columns only (Trino's StatementAnalyzer refuses any
                // other expression there), so no ordinal is read inside them; a plain element or (a, b) reads ordinals.
                rolled |= element.Kind != ElementKind.Single;
                foreach (var unit in element.Units)
                {
                    foreach (var (from, to) in GroupingSet(unit.From, unit.To))
                    {
                        int first = Next(from - 1, to), last = Previous(to);
                        if (first > last)
                        {
                            continue;
                        }
                        (int From, int To) target = element.Kind == ElementKind.Single ? OrdinalItem((first, last + 1), items) : (first, last + 1);
                        target = (Next(target.From - 1, target.To), Previous(target.To) + 1);
                        if (RowZoneType(target.From, target.To) is not null)
                        {
                            elements.Add(((first, last + 1), target));
                            keys.Add(target);
                        }
                    }
                }
            }
            if (keys.Count == 0)
            {
                return;
            }
            foreach (var (element, target) in elements)
            {
                found.TryAdd(element.From, (element.To, (_, _) => EmitGroupKey(target)));
            }
            int listStart = Next(block.Select, tokens.Count);
            int selectEnd = block.From > block.Select && block.From < group ? block.From : group;
            AddGroupValues(block, listStart, selectEnd, keys, items, rolled, found);
            AddGroupValues(block, listEnd, Math.Min(block.End, tokens.Count), keys, items, rolled, found);
        }

        /// <summary>Writes a grouping key as the GROUP BY groups it, <c>dune_instant_key(key)</c>, from anywhere in the text
        /// (the key's own tokens are not rewritten again while it is written).</summary>
        private void EmitGroupKey((int From, int To) key)
        {
            bool outerKey = writingGroupKey;
            int outerAt = instantGroupAt;
            writingGroupKey = true;
            instantGroupAt = key.From;
            try
            {
                EmitInstantKey(key.From, key.To);
            }
            finally
            {
                writingGroupKey = outerKey;
                instantGroupAt = outerAt;
            }
        }

        /// <summary>Reads each occurrence of a key in [from, to) of the block (outside aggregates and nested queries) as
        /// <c>any_value(key)</c>; a select item that is a bare column keeps its name.</summary>
        private void AddGroupValues(QueryBlock block, int from, int to, List<(int From, int To)> keys, List<(int From, int To)> items,
            bool rolled, Dictionary<int, (int End, Action<int, int> Write)> found)
        {
            for (int k = from; k < to; k++)
            {
                if (tokens[k].IsTrivia || BlockAt(k) != block)
                {
                    continue;
                }
                if (Is(k, "grouping") && Is(Next(k, to), "("))
                {
                    k = AddGroupingCall(Next(k, to), to, keys, found);
                    continue;
                }
                if (tokens[k].Kind == DuneTokenKind.Word && Is(Next(k, to), "(") && AggregateNames.Contains(Text(k)))
                {
                    int close = Close(Next(k, to), to);
                    int after = Next(close, to);
                    if (!Is(after, "over"))
                    {
                        k = AggregateTail(close, to);
                        continue;
                    }
                }
                foreach (var key in keys)
                {
                    if (KeyEnd(k, key, to) is not int end || Is(Previous(k), ".") || Is(end < tokens.Count ? Next(end - 1, tokens.Count) : -1, "."))
                    {
                        continue;
                    }
                    string alias = "";
                    bool bareColumn = key.To - key.From <= 3 && tokens[Previous(key.To)].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName
                        && (Next(key.From, key.To) >= key.To || (Is(Next(key.From, key.To), ".") && Next(Next(key.From, key.To), key.To) == Previous(key.To)));
                    int after = Next(end - 1, tokens.Count);
                    if (bareColumn && items.Any(item => item.From == k && Previous(item.To) + 1 == end)
                        && (after >= tokens.Count || Is(after, ",") || Is(after, ")") || Is(after, ";") || SelectListEnds.Contains(Text(after))))
                    {
                        alias = " AS " + Text(Previous(end));
                    }
                    (groupValues ??= []).Add(k);
                    var rolledKey = key;
                    found.TryAdd(k, (end, (at, stop) =>
                    {
                        if (rolled)
                        {
                            // A set that leaves the key out gives NULL for it, as Trino does (any_value would give a row's).
                            emitter.Text("CASE WHEN grouping(", tokens[at]);
                            EmitGroupKey(rolledKey);
                            emitter.Text(") = 0 THEN ", tokens[at]);
                        }
                        emitter.Text("any_value(", tokens[at]);
                        Emit(at, stop);
                        emitter.Text(rolled ? ") END" + alias : ")" + alias, tokens[Previous(stop)]);
                    }));
                    k = end - 1;
                    break;
                }
            }
        }

        /// <summary><c>grouping(a, …)</c> (the parenthesis at open): each argument that is a key is written as the GROUP BY
        /// groups it, so DuckDB finds it among the grouping expressions (Trino's bit order, the rightmost argument the
        /// least significant bit, is DuckDB's too). Returns the closing parenthesis.</summary>
        private int AddGroupingCall(int open, int to, List<(int From, int To)> keys, Dictionary<int, (int End, Action<int, int> Write)> found)
        {
            int close = Close(open, to);
            foreach (var (from, argTo) in Arguments(open, Math.Min(close, tokens.Count)))
            {
                int first = Next(from - 1, argTo), last = Previous(argTo);
                if (first > last)
                {
                    continue;
                }
                foreach (var key in keys)
                {
                    if (KeyEnd(first, key, argTo) == last + 1)
                    {
                        var written = key;
                        found.TryAdd(first, (last + 1, (_, _) => EmitGroupKey(written)));
                        break;
                    }
                }
            }
            return close;
        }

        /// <summary>The last token of an aggregate call closed at <paramref name="close"/>, with its FILTER (…) or
        /// WITHIN GROUP (…) when written.</summary>
        private int AggregateTail(int close, int to)
        {
            int after = Next(close, to);
            if (Is(after, "within") && Is(Next(after, to), "group"))
            {
                after = Next(Next(after, to), to);
            }
            else if (!Is(after, "filter"))
            {
                return close;
            }
            else
            {
                after = Next(after, to);
            }
            return Is(after, "(") ? AggregateTail(Close(after, to), to) : close;
        }

        /// <summary>The end (exclusive) of the key written again from k, or null: for a key that is a column reference
        /// (<c>c</c> or <c>q.c</c>), the same column however written (<c>c</c>, <c>q.c</c>, quoted or not; a bare name the
        /// block resolves is the one column of that name, and two qualifiers written must be one: review of 279, where
        /// <c>GROUP BY ts ORDER BY x.ts</c> left x.ts outside any_value and failed to bind); for any other key, its tokens
        /// again (words in any case).</summary>
        private int? KeyEnd(int k, (int From, int To) key, int to)
        {
            int first = Next(key.From - 1, key.To), last = Previous(key.To);
            if (IsWholeName(last) && (first == last || (IsWholeName(first) && Is(Next(first, key.To), ".") && Next(Next(first, key.To), key.To) == last)))
            {
                if (!IsWholeName(k))
                {
                    return null;
                }
                bool Same(int a, int b) => string.Equals(UnquotedName(a), UnquotedName(b), StringComparison.OrdinalIgnoreCase);
                int dot = Next(k, to), name = Is(dot, ".") && Next(dot, to) < to && IsWholeName(Next(dot, to)) ? Next(dot, to) : k;
                return Same(name, last) && (name == k || first == last || Same(k, first)) ? name + 1 : null;
            }
            int a = k, end = k;
            for (int b = key.From; b < key.To; b = Next(b, key.To))
            {
                if (a >= to || tokens[a].Kind != tokens[b].Kind
                    || !string.Equals(Text(a), Text(b), tokens[a].Kind == DuneTokenKind.Word ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                {
                    return null;
                }
                end = a + 1;
                a = Next(a, to);
            }
            return end;
        }
    }
}
