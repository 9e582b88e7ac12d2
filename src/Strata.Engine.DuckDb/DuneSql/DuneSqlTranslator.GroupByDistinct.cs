using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>GROUP BY DISTINCT</c> (decision "dune-ties"): the set quantifier. Trino's StatementAnalyzer enumerates each
/// grouping element's sets (a plain expression or <c>(a, b)</c>: one set; <c>ROLLUP(a, b)</c>: (a, b), (a), ();
/// <c>CUBE(a, b)</c>: every subset; <c>GROUPING SETS (…)</c>: its sets), takes their cross product (each combination's
/// union) and, for DISTINCT, keeps each set of columns once. DuckDB has no quantifier and keeps duplicate sets, so the
/// list is written out as the <c>GROUPING SETS</c> Trino computes. Columns are the same when their tokens are (a
/// qualified and a bare reference to one column count as two, where Trino resolves both to one field).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's default <c>max-grouping-sets</c>: a GROUP BY whose elements' sets multiply past it is refused
    /// before anything is expanded (so a short text cannot make the translator build millions of sets).</summary>
    private const int MaxGroupingSets = 2048;

    private sealed partial class Pass
    {
        /// <summary>Writes the grouping elements after <c>GROUP BY DISTINCT</c> (the word at distinct) as the deduplicated
        /// GROUPING SETS; returns the token after the list.</summary>
        private int EmitGroupByDistinct(int distinct, int end)
        {
            int listEnd = GroupingListEnd(distinct, end);
            var items = BlockAt(distinct) is { } block && block.Select < distinct ? SelectItems(block.Select) : [];
            var elements = CheckedGroupingElements(distinct, listEnd, distinct);
            // Each column's key once: a union adds the right side's columns whose key the left side lacks.
            var keys = new Dictionary<(int From, int To), string>();
            string Key((int From, int To) c) => keys.TryGetValue(c, out string? k) ? k : keys[c] = ColumnKey(c.From, c.To);
            var combined = new List<(List<(int From, int To)> Columns, HashSet<string> Keys)> { ([], new HashSet<string>(StringComparer.Ordinal)) };
            // The element an item was read from: an ordinal a grouping rewrite writes as its key (a zone per row by
            // instant, decision 324) is written as that element, not as the select item (whose rewrite is the group's value).
            var ordinals = new Dictionary<(int From, int To), (int From, int To)>();
            foreach (var element in elements)
            {
                var written = ElementSets(element).Select(set => set.Select(c =>
                {
                    var item = OrdinalItem(c, items);
                    ordinals.TryAdd(item, c);
                    return item;
                }).ToList()).ToList();
                var product = new List<(List<(int From, int To)> Columns, HashSet<string> Keys)>(combined.Count * written.Count);
                foreach (var left in combined)
                {
                    foreach (var right in written)
                    {
                        _ = emitter.Continue();
                        var union = (Columns: new List<(int From, int To)>(left.Columns), Keys: new HashSet<string>(left.Keys, StringComparer.Ordinal));
                        foreach (var column in right.Where(c => union.Keys.Add(Key(c))))
                        {
                            union.Columns.Add(column);
                        }
                        product.Add(union);
                    }
                }
                combined = product;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            emitter.Text("GROUPING SETS (", tokens[distinct]);
            bool firstSet = true;
            foreach (var (set, setKeys) in combined)
            {
                if (!seen.Add(string.Join('\u0001', setKeys.Order(StringComparer.Ordinal))))
                {
                    continue;
                }
                emitter.Text(firstSet ? "(" : ", (", tokens[distinct]);
                firstSet = false;
                for (int c = 0; c < set.Count; c++)
                {
                    if (c > 0)
                    {
                        emitter.Text(", ", tokens[set[c].From]);
                    }
                    var column = ordinals.TryGetValue(set[c], out var unit) && unit != set[c] && (instantGroups ??= FindInstantGroups()).ContainsKey(unit.From)
                        ? unit : set[c];
                    Emit(column.From, column.To);
                }
                emitter.Text(")", tokens[distinct]);
            }
            emitter.Text(") ", tokens[distinct]);
            return listEnd;
        }

        /// <summary>Checks the grouping-set count of a <c>GROUP BY</c> without DISTINCT (the word after BY at first): Trino
        /// bounds every GROUP BY, DuckDB expands up to its own, larger limit. A bare <c>GROUP BY ALL</c> is DuckDB's and
        /// has no elements.</summary>
        private void CheckGroupingSetCount(int first, int end)
        {
            if (first >= end || Is(first, "distinct") || Is(first, "all") && (Next(first, end) >= end || GroupByAllEnds.Contains(Text(Next(first, end)))))
            {
                return;
            }
            int before = Is(first, "all") ? first : Previous(first);
            _ = CheckedGroupingElements(before, GroupingListEnd(before, end), first);
        }

        /// <summary>The token after a GROUP BY's elements, the first of which follows <paramref name="before"/>.</summary>
        private int GroupingListEnd(int before, int end)
        {
            int listEnd = Next(before, end);
            for (; listEnd < end; listEnd = Next(listEnd, end))
            {
                if (IsOpening(listEnd))
                {
                    listEnd = Match(listEnd) is int m && m > listEnd && m < end ? m : end;
                    continue;
                }
                if (Is(listEnd, ")") || Is(listEnd, ";") || tokens[listEnd].Kind == DuneTokenKind.Word && GroupByAllEnds.Contains(Text(listEnd)))
                {
                    break;
                }
            }
            return Math.Min(listEnd, end);
        }

        /// <summary>The grouping elements in (before, listEnd), refused as Trino's StatementAnalyzer refuses them when the
        /// product of their set counts (past int's range "more than" it) passes <see cref="MaxGroupingSets"/>; checked
        /// before any set is built, at the first token after BY (Trino's GroupBy node: the set quantifier when there is one).</summary>
        private List<(ElementKind Kind, List<(int From, int To)> Units)> CheckedGroupingElements(int before, int listEnd, int anchor)
        {
            var elements = Arguments(before, listEnd).Select(Element).ToList();
            long count = 1;
            foreach (var element in elements)
            {
                long sets = ElementSetCount(element);
                count = sets > int.MaxValue || count * sets > int.MaxValue ? long.MaxValue : count * sets;
            }
            if (count > MaxGroupingSets)
            {
                string has = count > int.MaxValue ? "more than " + int.MaxValue.ToString(CultureInfo.InvariantCulture) : count.ToString(CultureInfo.InvariantCulture);
                throw NotSupported(sql, tokens[anchor], $"GROUP BY has {has} grouping sets but can contain at most {MaxGroupingSets.ToString(CultureInfo.InvariantCulture)}");
            }
            return elements;
        }

        /// <summary>A grouping column that is a select-list ordinal as the item it names (so that <c>1</c> and the item's
        /// expression are one column); a <c>*</c> item or any other column as written.</summary>
        private (int From, int To) OrdinalItem((int From, int To) column, List<(int From, int To)> items)
        {
            int first = Next(column.From - 1, column.To);
            return first < column.To && tokens[first].Kind == DuneTokenKind.Number && Next(first, column.To) >= column.To
                && int.TryParse(Text(first), NumberStyles.None, CultureInfo.InvariantCulture, out int ordinal)
                && ordinal >= 1 && ordinal <= items.Count && !Is(Previous(items[ordinal - 1].To), "*") ? items[ordinal - 1] : column;
        }

        /// <summary>The text of tokens [from, to) that identifies a column of a grouping set (words without regard to case).</summary>
        private string ColumnKey(int from, int to)
        {
            var parts = new List<string>();
            for (int k = Next(from - 1, to); k < to; k = Next(k, to))
            {
                parts.Add(tokens[k].Kind == DuneTokenKind.Word ? Text(k).ToLowerInvariant() : Text(k));
            }
            return string.Join(' ', parts);
        }

        private enum ElementKind { Single, Rollup, Cube, Sets }

        /// <summary>A grouping element read once: ROLLUP or CUBE with its arguments, GROUPING SETS with its sets, or any
        /// other element as its one unit.</summary>
        private (ElementKind Kind, List<(int From, int To)> Units) Element((int From, int To) element)
        {
            var (from, to) = element;
            int first = Next(from - 1, to);
            int open = Next(first, to);
            if ((Is(first, "rollup") || Is(first, "cube")) && Is(open, "(") && Close(open, to) is int close && Next(close, to) >= to)
            {
                return (Is(first, "rollup") ? ElementKind.Rollup : ElementKind.Cube, Arguments(open, close));
            }
            if (Is(first, "grouping") && Is(open, "sets") && Next(open, to) is int setsOpen && Is(setsOpen, "(") && Close(setsOpen, to) is int setsClose)
            {
                return (ElementKind.Sets, Arguments(setsOpen, setsClose));
            }
            return (ElementKind.Single, [(from, to)]);
        }

        /// <summary>How many sets <see cref="ElementSets"/> gives for an element, without building them (a CUBE of more
        /// than 62 units as long.MaxValue).</summary>
        private static long ElementSetCount((ElementKind Kind, List<(int From, int To)> Units) element) => element.Kind switch
        {
            ElementKind.Rollup => element.Units.Count + 1L,
            ElementKind.Cube => element.Units.Count > 62 ? long.MaxValue : 1L << element.Units.Count,
            _ => element.Units.Count,
        };

        /// <summary>The grouping sets of one grouping element: ROLLUP, CUBE, GROUPING SETS, <c>(a, b)</c> or an expression.</summary>
        private List<List<(int From, int To)>> ElementSets((ElementKind Kind, List<(int From, int To)> Units) element)
        {
            var units = element.Units.Select(u => GroupingSet(u.From, u.To)).ToList();
            var sets = new List<List<(int From, int To)>>();
            if (element.Kind == ElementKind.Rollup)
            {
                for (int n = units.Count; n >= 0; n--)
                {
                    sets.Add(units.Take(n).SelectMany(u => u).ToList());
                }
                return sets;
            }
            if (element.Kind == ElementKind.Cube)
            {
                for (int mask = (1 << units.Count) - 1; mask >= 0; mask--)
                {
                    sets.Add(units.Where((_, u) => (mask & (1 << (units.Count - 1 - u))) != 0).SelectMany(u => u).ToList());
                }
                return sets;
            }
            return units;
        }

        /// <summary>One set: <c>(a, b)</c>, <c>(a)</c> or <c>()</c> its expressions, anything else the one expression.</summary>
        private List<(int From, int To)> GroupingSet(int from, int to)
        {
            int first = Next(from - 1, to);
            if (Is(first, "(") && Close(first, to) is int close && Next(close, to) >= to)
            {
                var inner = Arguments(first, close);
                bool empty = Next(first, close) >= close;
                if (empty)
                {
                    return [];
                }
                if (inner.Count > 0)
                {
                    return inner.Select(e => (Next(e.From - 1, e.To), e.To)).ToList();
                }
            }
            return first < to ? [(first, to)] : [];
        }
    }
}
