using Strata.Core.Engine;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>listagg(x[, separator] [ON OVERFLOW ERROR]) WITHIN GROUP (ORDER BY …) [FILTER (…)]</c> (aggregate.mdx):
/// DuckDB knows no ordered-set <c>listagg</c>, so it becomes <c>string_agg(x, separator ORDER BY …)</c>, which skips NULLs
/// and gives NULL for no rows as Trino does; the separator defaults to the empty string and, as in Trino's grammar, is a
/// string literal (anything else is Trino's <c>mismatched input</c> at it). Trino's output is at most 1,048,576 bytes
/// (ListaggAggregationFunction's MAX_OUTPUT_LENGTH, its default page size; Dune's docs name the figure): a longer one
/// fails in Trino's words, by default and with <c>ON OVERFLOW ERROR</c> (hostile19). <c>ON OVERFLOW TRUNCATE ['filler']
/// WITH|WITHOUT COUNT</c> is a native aggregate that keeps only the values the output can hold, in order, and counts the
/// rest (<see cref="DuneListaggTruncate"/>, hostile20, hostile27); anything else after <c>ON OVERFLOW</c> is <c>mismatched input</c> at it.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's listagg output bound in bytes (ListaggAggregationFunction.MAX_OUTPUT_LENGTH).</summary>
    internal const int ListaggMaxOutputBytes = 1_048_576;

    private sealed partial class Pass
    {
        /// <summary>At <c>listagg(</c>: emits the string_agg and returns the index after the WITHIN GROUP clause (and a FILTER
        /// clause after it), or -1 when there is none (DuckDB's own listagg then runs).</summary>
        private int TryEmitListagg(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            int within = Next(close, end), group = Next(within, end), open = Next(group, end);
            if (close >= end || args.Count is < 1 or > 2 || !Is(within, "within") || !Is(group, "group") || !Is(open, "("))
            {
                return -1;
            }
            int orderClose = Close(open, end);
            if (orderClose >= end || !Is(Next(open, orderClose), "order"))
            {
                return -1;
            }
            var overflow = OverflowOf(args[^1]);
            int valueEnd = args.Count == 1 ? overflow.Start : args[0].To;
            int separatorEnd = args.Count == 2 ? ListaggSeparatorEnd(args[1], overflow.Start) : -1;
            int after = orderClose + 1;
            int filter = Next(orderClose, end);
            if (Is(filter, "filter") && Is(Next(filter, end), "(") && Close(Next(filter, end), end) is var filterClose && filterClose < end)
            {
                after = filterClose + 1;
            }
            if (Next(after - 1, end) is var over && Is(over, "over"))
            {
                // Not in Trino's grammar (its listagg rule ends at FILTER; Dune's docs: no window frames).
                throw NotSupported(sql, tokens[over], $"mismatched input '{Text(over)}'");
            }
            if (overflow.Truncate)
            {
                EmitListaggTruncate(args, valueEnd, separatorEnd, open, orderClose, after, overflow, anchor);
                return after;
            }
            // The group's output bytes counted as its rows come (DuneListaggBound, beside the sorted string_agg, which holds
            // the whole group before it sees a value); the string_agg's value is read once: the exact check runs on its
            // result, in a one-element lambda.
            EmitListaggBound(args[0].From, valueEnd, args, separatorEnd, orderClose, after, anchor);
            emitter.Text("list_transform([string_agg(", anchor);
            Emit(args[0].From, valueEnd);
            emitter.Text(", ", anchor);
            EmitListaggSeparator(args, separatorEnd, anchor);
            emitter.Text(" ", anchor);
            EmitListaggOrder(open, orderClose, after);
            emitter.Text($"], _strata_l -> CASE WHEN strlen(_strata_l) > {ListaggMaxOutputBytes} THEN error('Concatenated string has the "
                + $"length in bytes larger than the maximum output length {ListaggMaxOutputBytes}') ELSE _strata_l END)[1] END", anchor);
            return after;
        }

        /// <summary><c>CASE WHEN dune_listagg_bound(CAST((value) AS VARCHAR), separator) [FILTER (…)] THEN </c> (or
        /// dune_listagg_distinct_bound for <c>DISTINCT</c>): the
        /// aggregate that fails once the group's output passes the bound, over the same rows as the string_agg after it (its
        /// <c>END</c> follows that).</summary>
        private void EmitListaggBound(int from, int valueEnd, List<(int From, int To)> args, int separatorEnd, int orderClose, int after, DuneToken anchor)
        {
            int value = tokens[from].IsTrivia ? Next(from, valueEnd) : from;
            // DISTINCT: an aggregate that deduplicates the rows itself as they come (DuckDB's DISTINCT would hold the
            // group's distinct values before the bound saw one); ALL is the default.
            emitter.Text($"CASE WHEN {(Is(value, "distinct") ? DuneListaggBound.DistinctFunction : DuneListaggBound.Function)}(", anchor);
            EmitListaggValue(from, valueEnd, anchor);
            EmitListaggSeparator(args, separatorEnd, anchor);
            emitter.Text(")", anchor);
            if (after > orderClose + 1)
            {
                Emit(orderClose + 1, after);
            }
            emitter.Text(" THEN ", anchor);
        }

        /// <summary><c>CAST((value) AS VARCHAR), </c>: listagg's value less its DISTINCT or ALL.</summary>
        private void EmitListaggValue(int from, int valueEnd, DuneToken anchor)
        {
            int value = tokens[from].IsTrivia ? Next(from, valueEnd) : from;
            emitter.Text("CAST((", anchor);
            Emit(Is(value, "distinct") || Is(value, "all") ? value + 1 : from, valueEnd);
            emitter.Text(") AS VARCHAR), ", anchor);
        }

        /// <summary><c>dune_listagg_truncate(value, create_sort_key(…), separator, filler, count) [FILTER (…)]</c>: a native
        /// aggregate that keeps only the group's values the output can hold, in the ORDER BY's order
        /// (<see cref="DuneListaggTruncate"/>, hostile27; a <c>list(value ORDER BY …)</c> held the whole group).</summary>
        private void EmitListaggTruncate(List<(int From, int To)> args, int valueEnd, int separatorEnd, int open, int orderClose,
            int after, (int Start, bool Truncate, int Filler, bool Count) overflow, DuneToken anchor)
        {
            int from = args[0].From;
            int value = tokens[from].IsTrivia ? Next(from, valueEnd) : from;
            emitter.Text($"{DuneListaggTruncate.Function}(", anchor);
            if (Is(value, "distinct"))
            {
                // DuckDB's DISTINCT over the arguments: the ORDER BY keys are the value's own (Trino's rule for DISTINCT).
                emitter.Text("DISTINCT ", anchor);
            }
            EmitListaggValue(from, valueEnd, anchor);
            EmitListaggSortKey(open, orderClose, anchor);
            emitter.Text(", ", anchor);
            EmitListaggSeparator(args, separatorEnd, anchor);
            emitter.Text(", ", anchor);
            if (overflow.Filler >= 0)
            {
                Emit(overflow.Filler, overflow.Filler + 1);
            }
            else
            {
                emitter.Text("'...'", anchor); // Trino's default filler (AstBuilder.visitListagg)
            }
            emitter.Text(overflow.Count ? ", 'count')" : ", '')", anchor);
            if (after > orderClose + 1)
            {
                Emit(orderClose + 1, after);
            }
        }

        /// <summary><c>create_sort_key(e1, 'ASC NULLS LAST', …)</c> of the WITHIN GROUP's <c>ORDER BY</c> items: each item's
        /// direction and null order as written, else Trino's defaults (ascending, nulls last whatever the direction), and a
        /// constant text key that changes no order but makes the key a BLOB whatever the items' types.</summary>
        private void EmitListaggSortKey(int open, int orderClose, DuneToken anchor)
        {
            int by = Next(Next(open, orderClose), orderClose);
            if (!Is(by, "by"))
            {
                throw Mismatched(by, orderClose);
            }
            emitter.Text("create_sort_key(", anchor);
            var items = Arguments(by, orderClose);
            if (items.Count == 0)
            {
                throw Mismatched(orderClose, orderClose);
            }
            for (int i = 0; i < items.Count; i++)
            {
                var words = new List<int>();
                for (int k = items[i].From; k < items[i].To; k++)
                {
                    if (!tokens[k].IsTrivia)
                    {
                        words.Add(k);
                    }
                }
                int last = words.Count;
                string nulls = "NULLS LAST", direction = "ASC";
                if (last >= 3 && Is(words[last - 2], "nulls") && (Is(words[last - 1], "first") || Is(words[last - 1], "last")))
                {
                    nulls = Is(words[last - 1], "first") ? "NULLS FIRST" : "NULLS LAST";
                    last -= 2;
                }
                if (last >= 2 && (Is(words[last - 1], "asc") || Is(words[last - 1], "desc")))
                {
                    direction = Is(words[last - 1], "desc") ? "DESC" : "ASC";
                    last--;
                }
                if (last == 0)
                {
                    throw Mismatched(words.Count > 0 ? words[0] : items[i].To, orderClose);
                }
                emitter.Text(i == 0 ? "(" : ", (", anchor);
                Emit(items[i].From, words[last - 1] + 1);
                emitter.Text($"), '{direction} {nulls}'", anchor);
            }
            // A constant text key more: DuckDB gives a BIGINT instead of a BLOB for keys that fit eight bytes.
            emitter.Text(", '', 'ASC NULLS LAST')", anchor);
        }

        /// <summary>The separator literal, or Trino's default, the empty string.</summary>
        private void EmitListaggSeparator(List<(int From, int To)> args, int separatorEnd, DuneToken anchor)
        {
            if (args.Count == 2)
            {
                Emit(args[1].From, separatorEnd);
            }
            else
            {
                emitter.Text("''", anchor);
            }
        }

        /// <summary>The WITHIN GROUP's <c>ORDER BY …</c> inside the aggregate's parentheses, and a FILTER clause after them.</summary>
        private void EmitListaggOrder(int open, int orderClose, int after)
        {
            Emit(Next(open, orderClose), orderClose);
            emitter.Copy(tokens[orderClose]);
            if (after > orderClose + 1)
            {
                Emit(orderClose + 1, after);
            }
        }

        /// <summary>The end of listagg's separator within its argument: the string literal, before an <c>ON OVERFLOW …</c>
        /// clause (which starts at <paramref name="valueEnd"/>). Anything else is refused at its token.</summary>
        private int ListaggSeparatorEnd((int From, int To) argument, int valueEnd)
        {
            int literal = tokens[argument.From].IsTrivia ? Next(argument.From, argument.To) : argument.From;
            if (literal >= valueEnd || tokens[literal].Kind != DuneTokenKind.String || Next(literal, valueEnd) < valueEnd)
            {
                int at = literal < valueEnd && tokens[literal].Kind == DuneTokenKind.String ? Next(literal, valueEnd) : literal;
                throw NotSupported(sql, tokens[Math.Min(at, tokens.Count - 1)], $"mismatched input '{Shown(at, argument.To)}'");
            }
            return valueEnd;
        }

        /// <summary>Where an <c>ON OVERFLOW …</c> clause starts within listagg's last argument (its end when there is none),
        /// and what it asks, as Trino's grammar reads it: <c>ERROR</c> (the default, said explicitly), or <c>TRUNCATE</c>
        /// with an optional string literal filler and a required <c>WITH COUNT</c> or <c>WITHOUT COUNT</c>. Anything else is
        /// <c>mismatched input</c> at the token that breaks the rule.</summary>
        private (int Start, bool Truncate, int Filler, bool Count) OverflowOf((int From, int To) argument)
        {
            for (int k = argument.From; k < argument.To; k++)
            {
                if (!Is(k, "on") || !Is(Next(k, argument.To), "overflow"))
                {
                    continue;
                }
                int overflow = Next(k, argument.To), behaviour = Next(overflow, argument.To);
                if (Is(behaviour, "error") && Next(behaviour, argument.To) >= argument.To)
                {
                    return (k, false, -1, false);
                }
                if (!Is(behaviour, "truncate"))
                {
                    throw Mismatched(behaviour, argument.To);
                }
                int at = Next(behaviour, argument.To), filler = -1;
                if (at < argument.To && tokens[at].Kind == DuneTokenKind.String)
                {
                    filler = at;
                    at = Next(at, argument.To);
                }
                bool count = Is(at, "with");
                if (!count && !Is(at, "without"))
                {
                    throw Mismatched(at, argument.To);
                }
                int countWord = Next(at, argument.To);
                if (!Is(countWord, "count"))
                {
                    throw Mismatched(countWord, argument.To);
                }
                if (Next(countWord, argument.To) < argument.To)
                {
                    throw Mismatched(Next(countWord, argument.To), argument.To);
                }
                return (k, true, filler, count);
            }
            return (argument.To, false, -1, false);
        }

        private QueryFailedException Mismatched(int at, int to) =>
            NotSupported(sql, tokens[Math.Min(at, tokens.Count - 1)], $"mismatched input '{Shown(at, to)}'");

        /// <summary>A token's text for a message (at most 100 characters), or <c>)</c> past the argument.</summary>
        private string Shown(int at, int to) => at >= to ? ")" : Text(at) is { Length: > 100 } text ? text[..100] : Text(at);
    }
}
