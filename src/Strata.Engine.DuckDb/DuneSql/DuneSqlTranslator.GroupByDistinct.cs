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
    /// <summary>The most grouping sets a GROUP BY DISTINCT is written out with.</summary>
    private const int MaxGroupingSets = 4096;

    private sealed partial class Pass
    {
        /// <summary>Writes the grouping elements after <c>GROUP BY DISTINCT</c> (the word at distinct) as the deduplicated
        /// GROUPING SETS; returns the token after the list.</summary>
        private int EmitGroupByDistinct(int distinct, int end)
        {
            int listEnd = Next(distinct, end);
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
            listEnd = Math.Min(listEnd, end);
            var items = BlockAt(distinct) is { } block && block.Select < distinct ? SelectItems(block.Select) : [];
            var sets = new List<List<(int From, int To)>> { new() };
            foreach (var element in Arguments(distinct, listEnd))
            {
                var product = new List<List<(int From, int To)>>();
                foreach (var left in sets)
                {
                    foreach (var written in ElementSets(element.From, element.To))
                    {
                        var right = written.Select(c => OrdinalItem(c, items)).ToList();
                        var union = new List<(int From, int To)>(left);
                        union.AddRange(right.Where(r => !union.Any(u => SameTokens(u.From, u.To, r.From, r.To))));
                        product.Add(union);
                        if (product.Count > MaxGroupingSets)
                        {
                            throw NotSupported(sql, tokens[distinct], $"GROUP BY DISTINCT expands to more than {MaxGroupingSets.ToString(CultureInfo.InvariantCulture)} grouping sets");
                        }
                    }
                }
                sets = product;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            emitter.Text("GROUPING SETS (", tokens[distinct]);
            bool firstSet = true;
            foreach (var set in sets)
            {
                string key = string.Join('\u0001', set.Select(c => ColumnKey(c.From, c.To)).Order(StringComparer.Ordinal));
                if (!seen.Add(key))
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
                    Emit(set[c].From, set[c].To);
                }
                emitter.Text(")", tokens[distinct]);
            }
            emitter.Text(") ", tokens[distinct]);
            return listEnd;
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

        /// <summary>The grouping sets of one grouping element: ROLLUP, CUBE, GROUPING SETS, <c>(a, b)</c> or an expression.</summary>
        private List<List<(int From, int To)>> ElementSets(int from, int to)
        {
            int first = Next(from - 1, to);
            int open = Next(first, to);
            if ((Is(first, "rollup") || Is(first, "cube")) && Is(open, "(") && Close(open, to) is int close && Next(close, to) >= to)
            {
                var units = Arguments(open, close).Select(u => GroupingSet(u.From, u.To)).ToList();
                var sets = new List<List<(int From, int To)>>();
                if (Is(first, "rollup"))
                {
                    for (int n = units.Count; n >= 0; n--)
                    {
                        sets.Add(units.Take(n).SelectMany(u => u).ToList());
                    }
                    return sets;
                }
                if (units.Count > 12)
                {
                    throw NotSupported(sql, tokens[first], "GROUP BY DISTINCT CUBE of more than 12 elements is not supported");
                }
                for (int mask = (1 << units.Count) - 1; mask >= 0; mask--)
                {
                    sets.Add(units.Where((_, u) => (mask & (1 << (units.Count - 1 - u))) != 0).SelectMany(u => u).ToList());
                }
                return sets;
            }
            if (Is(first, "grouping") && Is(open, "sets") && Next(open, to) is int setsOpen && Is(setsOpen, "(") && Close(setsOpen, to) is int setsClose)
            {
                return Arguments(setsOpen, setsClose).Select(s => GroupingSet(s.From, s.To)).ToList();
            }
            return [GroupingSet(from, to)];
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
