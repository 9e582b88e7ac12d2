namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Grouping by instant (decision 279): Trino's timestamp with time zone hashes and compares the instant alone
/// (TimestampWithTimeZone's hash and equal operators read the UTC millis or picos, never the zone), so GROUP BY, DISTINCT,
/// <c>count(DISTINCT x)</c> and approx_distinct put one instant in two zones in one group, and the group's value is
/// whichever row the operator met first. A value whose zone is its own (<c>dune_tzv</c>, <c>dune_tzv9</c>) stores its
/// zone's tag in the number DuckDB groups, so where the declared-type scan finds such a value (as for comparisons,
/// DuneSqlTranslator.Instants.cs):
/// <list type="bullet">
/// <item><c>GROUP BY x</c> (a plain grouping element, an ordinal or an expression) groups on <c>dune_instant_key(x)</c>, and
/// x in the select list, HAVING and ORDER BY of that SELECT, outside an aggregate's arguments, is read as
/// <c>any_value(x)</c> (a bare column keeps its name);</item>
/// <item><c>SELECT DISTINCT</c> with such an item is <c>SELECT DISTINCT ON (…)</c> of its items, each such item by its
/// instant;</item>
/// <item><c>count(DISTINCT x)</c> and <c>approx_distinct(x)</c> count <c>dune_instant_key(x)</c>.</item>
/// </list>
/// Under ROLLUP, CUBE or GROUPING SETS (decision 319) each key is grouped the same way, a key's value is
/// <c>CASE WHEN grouping(dune_instant_key(x)) = 0 THEN any_value(x) END</c> (NULL where the set leaves it out, as Trino
/// gives), and <c>grouping(x, …)</c> names the key as grouped. A bare <c>GROUP BY ALL</c> (DuckDB's) is left as it was.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Rewrites by their first token: the end (exclusive) and the writer of tokens [first, end).</summary>
        private Dictionary<int, (int End, Action<int, int> Write)>? instantGroups;

        /// <summary>The first token of the range being written by an instant-group rewrite (it is not rewritten again).</summary>
        private int instantGroupAt = -1;

        /// <summary>While a grouping key is written: the select items' <c>any_value</c> wraps are off.</summary>
        private bool writingGroupKey;

        /// <summary>The first tokens of ranges read as <c>any_value(…)</c> (off while a grouping key is written).</summary>
        private HashSet<int>? groupValues;

        /// <summary>At the first token of a range <see cref="FindInstantGroups"/> rewrites: writes it; returns the next index, or -1.</summary>
        private int TryEmitInstantGroup(int i, int to)
        {
            var found = instantGroups ??= FindInstantGroups();
            if (found.Count == 0 || i == instantGroupAt || !found.TryGetValue(i, out var rewrite) || rewrite.End > to
                || (writingGroupKey && groupValues?.Contains(i) == true))
            {
                return -1;
            }
            int outer = instantGroupAt;
            instantGroupAt = i;
            try
            {
                rewrite.Write(i, rewrite.End);
            }
            finally
            {
                instantGroupAt = outer;
            }
            return rewrite.End;
        }

        private Dictionary<int, (int End, Action<int, int> Write)> FindInstantGroups()
        {
            var found = new Dictionary<int, (int End, Action<int, int> Write)>();
            if (!HasRowZoneValue())
            {
                // Zones written in the text (decision 324): a set operation whose branches hold one column in two zones.
                if (HasZonedTimestampLiteral())
                {
                    AddInstantSets(found, rowZones: false);
                }
                return found;
            }
            for (int c = 0; c < tokens.Count; c++)
            {
                if (tokens[c].Kind != DuneTokenKind.Word)
                {
                    continue;
                }
                if ((Is(c, "count") || Is(c, "approx_distinct")) && Is(Next(c, tokens.Count), "("))
                {
                    AddDistinctCount(c, found);
                }
                else if ((Is(c, "array_agg") || Is(c, "map_agg")) && Is(Next(c, tokens.Count), "("))
                {
                    AddInstantAggregate(c, found);
                }
                else if (Is(c, "select") && Is(Next(c, tokens.Count), "distinct"))
                {
                    AddSelectDistinct(c, Next(c, tokens.Count), found);
                }
                else if (Is(c, "group") && Is(Next(c, tokens.Count), "by") && !Is(Previous(c), "within"))
                {
                    AddGroupBy(c, Next(c, tokens.Count), found);
                }
            }
            AddInstantSets(found, rowZones: true);
            return found;
        }

        /// <summary>Writes tokens [from, to) inside dune_instant_key.</summary>
        private void EmitInstantKey(int from, int to)
        {
            emitter.Text(DuneInstantKey.Function + "(", tokens[from]);
            Emit(from, to);
            emitter.Text(")", tokens[Previous(to)]);
        }

        /// <summary><c>count(DISTINCT x)</c> and <c>approx_distinct(x[, e])</c> of a zone per row: x by its instant.</summary>
        private void AddDistinctCount(int name, Dictionary<int, (int End, Action<int, int> Write)> found)
        {
            int open = Next(name, tokens.Count), close = Close(open, tokens.Count);
            if (close >= tokens.Count)
            {
                return;
            }
            var args = Arguments(open, close);
            int first = args.Count > 0 ? Next(args[0].From - 1, args[0].To) : close;
            if (Is(name, "count"))
            {
                if (args.Count != 1 || !Is(first, "distinct"))
                {
                    return;
                }
                first = Next(first, close);
            }
            int end = args.Count > 0 ? Previous(args[0].To) + 1 : close;
            if (first < end && RowZoneType(first, end) is not null)
            {
                found.TryAdd(first, (end, EmitInstantKey));
            }
        }

        /// <summary><c>array_agg(DISTINCT x)</c> and <c>map_agg(x, v)</c> of a zone per row x (decision 304): one element,
        /// one key, per instant (DuneMoreFunctions.ArrayAggDistinctByInstant, MapAggByInstant). A call with FILTER, OVER,
        /// an ORDER BY inside, or a key that is not a zone per row is left as it was.</summary>
        private void AddInstantAggregate(int name, Dictionary<int, (int End, Action<int, int> Write)> found)
        {
            int open = Next(name, tokens.Count), close = Close(open, tokens.Count);
            if (close >= tokens.Count || Is(Next(close, tokens.Count), "filter") || Is(Next(close, tokens.Count), "over")
                || Enumerable.Range(open + 1, close - open - 1).Any(k => Is(k, "order") && BlockAt(k) == BlockAt(open)))
            {
                return;
            }
            var args = Arguments(open, close);
            string template;
            if (Is(name, "array_agg"))
            {
                int distinct = args.Count == 1 ? Next(args[0].From - 1, args[0].To) : close;
                if (!Is(distinct, "distinct"))
                {
                    return;
                }
                args = [(Next(distinct, close), args[0].To)];
                template = DuneMoreFunctions.ArrayAggDistinctByInstant;
            }
            else if (args.Count == 2 && !Is(Next(args[0].From - 1, args[0].To), "distinct"))
            {
                template = DuneMoreFunctions.MapAggByInstant;
            }
            else
            {
                return;
            }
            var (first, last) = Unparenthesized(args[0].From, args[0].To);
            if (first > last || RowZoneType(first, last + 1) is null)
            {
                return;
            }
            found.TryAdd(name, (close + 1, (at, _) => EmitTemplate(template, args, tokens[at])));
        }

        /// <summary><c>SELECT DISTINCT</c> with an item that is a zone per row: <c>DISTINCT ON</c> the items, that one by its
        /// instant (DuckDB keeps the first row of each; a <c>*</c> item leaves the list as it was).</summary>
        private void AddSelectDistinct(int select, int distinct, Dictionary<int, (int End, Action<int, int> Write)> found)
        {
            var items = SelectItems(select);
            if (items.Count == 0 || items.Any(item => item.From >= item.To || Is(Previous(item.To), "*")))
            {
                return;
            }
            var zoned = items.Select(item => RowZoneType(item.From, item.To) is not null).ToList();
            if (!zoned.Contains(true))
            {
                return;
            }
            found.TryAdd(distinct, (distinct + 1, (at, _) =>
            {
                emitter.Text("DISTINCT ON (", tokens[at]);
                bool first = true;
                for (int k = 0; k < items.Count; k++)
                {
                    // A constant tells no rows apart (and DuckDB reads an integer there as a select-list ordinal).
                    if (!zoned[k] && Constant(items[k].From, items[k].To))
                    {
                        continue;
                    }
                    emitter.Text(first ? "" : ", ", tokens[at]);
                    first = false;
                    if (zoned[k])
                    {
                        EmitInstantKey(items[k].From, items[k].To);
                    }
                    else
                    {
                        Emit(items[k].From, items[k].To);
                    }
                }
                emitter.Text(")", tokens[at]);
            }));
        }
    }
}
