using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>TRY</c> around aggregates, window functions and scalar subqueries (<c>try(sum(a) / sum(b))</c>), which
/// DuckDB's TRY refuses ("aggregates are not allowed inside the TRY expression"). Trino plans an aggregate, a window and
/// a subquery apart from the expression around them, so TRY catches only the errors of what is computed from their values
/// (the division above, not an overflow of the sum). The same here: those parts, and the column references next to them
/// (a lambda cannot read a grouped query's column), are the fields of one struct, written outside the TRY; the TRY is a
/// lambda's body reading the fields:
/// <c>list_transform([struct_pack(_1 := (sum(a)), _2 := (sum(b)))], _strata_y0 -> TRY(_strata_y0['_1'] / _strata_y0['_2']))[1]</c>
/// (fields by subscript: DuckDB binds a dotted field of a lambda parameter in HAVING as a column of the grouped query).
/// A predicate over a subquery (<c>x IN (SELECT …)</c>, <c>EXISTS (…)</c>, <c>x = ANY (…)</c>) is such a part with its operand:
/// Trino plans it as a semi join whose operand is projected below it, outside the TRY.
/// A TRY with none of them is DuckDB's own, as before.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Dune's aggregate functions (aggregate.mdx); any call followed by OVER is a window function as well.</summary>
    private static readonly HashSet<string> AggregateNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "any_value", "approx_distinct", "approx_most_frequent", "approx_percentile", "approx_set", "arbitrary", "array_agg",
        "avg", "bitwise_and_agg", "bitwise_or_agg", "bitwise_xor_agg", "bool_and", "bool_or", "checksum", "corr", "count",
        "count_if", "covar_pop", "covar_samp", "every", "geometric_mean", "histogram", "kurtosis", "listagg", "map_agg",
        "map_union", "max", "max_by", "merge", "min", "min_by", "multimap_agg", "numeric_histogram", "qdigest_agg",
        "reduce_agg", "regr_intercept", "regr_slope", "skewness", "stddev", "stddev_pop", "stddev_samp", "sum",
        "tdigest_agg", "try_sum", "var_pop", "var_samp", "variance",
    };

    /// <summary>Whether a name is one of Dune's aggregate functions (an aggregation when written without OVER).</summary>
    internal static bool IsAggregateName(string name) => AggregateNames.Contains(name);

    /// <summary><see cref="IsAggregateName(string)"/> of a name read in place from the user's text.</summary>
    internal static bool IsAggregateName(ReadOnlySpan<char> name) => AggregateNameSpans.Contains(name);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AggregateNameSpans = AggregateNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words of an expression that are never a column.</summary>
    private static readonly HashSet<string> ExpressionKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "is", "null", "true", "false", "case", "when", "then", "else", "end", "in", "between", "like",
        "escape", "distinct", "from", "for", "all", "any", "some", "exists", "at", "time", "zone", "array", "current_date",
        "current_time", "current_timestamp", "localtime", "localtimestamp", "nulls", "first", "last", "asc", "desc",
    };

    /// <summary>The units of an interval literal (<c>interval '1' day to second</c>).</summary>
    private static readonly HashSet<string> IntervalLiteralUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "month", "week", "day", "hour", "minute", "second", "millisecond", "to",
    };

    private sealed partial class Pass
    {
        /// <summary>While a TRY's body is written: the parts computed outside it, by their first token (their end, exclusive,
        /// and the field that holds them).</summary>
        private Dictionary<int, (int End, string Field)>? tryFields;

        private int tryDepth;

        /// <summary>At a part computed outside an enclosing TRY: writes its field; returns the next index, or -1.</summary>
        private int TryEmitTryField(int i, int to)
        {
            if (tryFields is null || !tryFields.TryGetValue(i, out var field) || field.End > to)
            {
                return -1;
            }
            emitter.Text(field.Field, tokens[i]);
            return field.End;
        }

        /// <summary><c>try(x)</c> where x holds an aggregate, a window or a scalar subquery (see the type's summary); returns
        /// the next index, or -1 (DuckDB's TRY as written).</summary>
        private int TryEmitTryAroundAggregates(int nameIndex, int open, int close, int end)
        {
            if (close >= end)
            {
                return -1;
            }
            if (!MayComputeApart(open + 1, close))
            {
                // DuckDB's TRY, with the templates inside it in their TRY-caught forms (decision 148).
                return EmitPlainTry(nameIndex, open, close);
            }
            if (Arguments(open, close).Count != 1)
            {
                return -1;
            }
            var parts = new List<(int From, int To)>();
            bool computedApart = false;
            if (!CollectTryParts(open + 1, close, parts, LambdaParameters(open + 1, close), ref computedApart) || !computedApart)
            {
                return EmitPlainTry(nameIndex, open, close);
            }
            var anchor = tokens[nameIndex];
            string parameter = "_strata_y" + tryDepth.ToString(CultureInfo.InvariantCulture);
            emitter.Text("list_transform([struct_pack(", anchor);
            for (int k = 0; k < parts.Count; k++)
            {
                emitter.Text((k > 0 ? ", _" : "_") + (k + 1).ToString(CultureInfo.InvariantCulture) + " := (", tokens[parts[k].From]);
                Emit(parts[k].From, parts[k].To);
                emitter.Text(")", anchor);
            }
            emitter.Text(")], " + parameter + " -> TRY(", anchor);
            tryFields ??= [];
            var shadowed = new List<(int From, (int End, string Field) Field)>();
            for (int k = 0; k < parts.Count; k++)
            {
                if (tryFields.TryGetValue(parts[k].From, out var outer))
                {
                    shadowed.Add((parts[k].From, outer));
                }
                tryFields[parts[k].From] = (parts[k].To, parameter + "['_" + (k + 1).ToString(CultureInfo.InvariantCulture) + "']"); // by subscript, as a hoisted argument (DuneSqlTranslator.Syntax.cs)
            }
            tryDepth++;
            try
            {
                Emit(open + 1, close);
            }
            finally
            {
                tryDepth--;
                foreach (var part in parts)
                {
                    tryFields.Remove(part.From);
                }
                foreach (var (from, field) in shadowed)
                {
                    tryFields[from] = field;
                }
            }
            emitter.Text("))[1]", tokens[close]);
            return close + 1;
        }

        /// <summary>For each token, how many tokens before it may start a part computed apart (an aggregate's name, OVER, SELECT,
        /// WITH: every part <see cref="CollectTryParts"/> sets computedApart for holds one).</summary>
        private int[]? apartWords;

        /// <summary>Whether [from, to) holds a word that may start a part computed apart. A TRY without one is DuckDB's own; asked
        /// first, so TRYs nested n deep around none cost n, not the n² of scanning each one's body (decision hostile11).</summary>
        private bool MayComputeApart(int from, int to)
        {
            if (apartWords is null)
            {
                apartWords = new int[tokens.Count + 1];
                for (int k = 0; k < tokens.Count; k++)
                {
                    bool apart = tokens[k].Kind == DuneTokenKind.Word
                        && (AggregateNames.Contains(Text(k)) || Text(k).ToLowerInvariant() is "over" or "select" or "with");
                    apartWords[k + 1] = apartWords[k] + (apart ? 1 : 0);
                }
            }
            return apartWords[Math.Min(to, tokens.Count)] - apartWords[Math.Clamp(from, 0, tokens.Count)] > 0;
        }

        /// <summary>Finds in [from, to) the aggregates, windows and scalar subqueries (computedApart is set when there is one)
        /// and the column references outside them; a predicate over a subquery (IN, EXISTS, ANY, SOME, ALL) is one part with
        /// its operand (<see cref="SubqueryPredicateStart"/>); false when the text holds a form this does not take apart.</summary>
        private bool CollectTryParts(int from, int to, List<(int From, int To)> parts, HashSet<string> lambdaParameters, ref bool computedApart)
        {
            for (int i = from; i < to; i++)
            {
                if (tokens[i].IsTrivia)
                {
                    continue;
                }
                if (Is(i, "(") && (Is(Next(i, to), "select") || Is(Next(i, to), "with")))
                {
                    int previous = Previous(i);
                    int closing = Close(i, to);
                    if (Is(previous, "in") || Is(previous, "exists") || Is(previous, "any") || Is(previous, "some") || Is(previous, "all"))
                    {
                        int start = SubqueryPredicateStart(from, previous);
                        if (start < 0)
                        {
                            return false;
                        }
                        parts.RemoveAll(p => p.From >= start); // the operand's columns: computed with the predicate
                        parts.Add((start, Math.Min(closing + 1, to)));
                        computedApart = true;
                        i = closing;
                        continue;
                    }
                    parts.Add((i, Math.Min(closing + 1, to)));
                    computedApart = true;
                    i = closing;
                    continue;
                }
                if (tokens[i].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName) || Is(Previous(i), "."))
                {
                    continue;
                }
                int next = Next(i, to);
                string word = Text(i);
                if (tokens[i].Kind == DuneTokenKind.Word && next < to && tokens[next].Kind == DuneTokenKind.String)
                {
                    // a typed literal (DATE '…', uint256 '…'), or an interval literal with its units
                    i = next;
                    while (word.Equals("interval", StringComparison.OrdinalIgnoreCase) && Next(i, to) < to && IntervalLiteralUnits.Contains(Text(Next(i, to))))
                    {
                        i = Next(i, to);
                    }
                    continue;
                }
                if (word.Equals("interval", StringComparison.OrdinalIgnoreCase) && (Is(next, "-") || Is(next, "+")))
                {
                    continue;
                }
                if (Is(next, "("))
                {
                    int closing = Close(next, to);
                    int partEnd = CallWithClauses(closing, to, out bool window);
                    if (window || (tokens[i].Kind == DuneTokenKind.Word && AggregateNames.Contains(word)))
                    {
                        parts.Add((i, partEnd));
                        computedApart = true;
                        i = partEnd - 1;
                        continue;
                    }
                    if (word.Equals("cast", StringComparison.OrdinalIgnoreCase) || word.Equals("try_cast", StringComparison.OrdinalIgnoreCase))
                    {
                        // the operand, not the type after AS
                        int @as = TopLevelWord(next + 1, closing, "as");
                        if (!CollectTryParts(next + 1, @as, parts, lambdaParameters, ref computedApart))
                        {
                            return false;
                        }
                        i = closing;
                        continue;
                    }
                    if (word.Equals("extract", StringComparison.OrdinalIgnoreCase))
                    {
                        i = TopLevelWord(next + 1, closing, "from"); // the unit is no column
                    }
                    continue;
                }
                if (tokens[i].Kind == DuneTokenKind.Word && (ExpressionKeywords.Contains(word) || lambdaParameters.Contains(word) || Is(next, "->")))
                {
                    continue;
                }
                // a column reference, qualified or not (t.x, "t"."x", a row's field)
                int last = i;
                while (Is(Next(last, to), ".") && Next(Next(last, to), to) is int field && field < to
                    && tokens[field].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !Is(Next(field, to), "("))
                {
                    last = field;
                }
                if (Is(Next(last, to), ".") || Is(Next(last, to), "("))
                {
                    continue; // a qualified function name
                }
                parts.Add((i, last + 1));
                i = last;
            }
            return true;
        }

        /// <summary>The end (exclusive) of a call closed at <paramref name="closing"/> with its FILTER (…), IGNORE/RESPECT NULLS
        /// and OVER (…) or OVER name; window tells whether it has OVER.</summary>
        private int CallWithClauses(int closing, int to, out bool window)
        {
            int partEnd = Math.Min(closing + 1, to);
            int after = Next(closing, to);
            if (Is(after, "filter") && Is(Next(after, to), "("))
            {
                partEnd = Math.Min(Close(Next(after, to), to) + 1, to);
                after = Next(partEnd - 1, to);
            }
            if ((Is(after, "ignore") || Is(after, "respect")) && Is(Next(after, to), "nulls"))
            {
                partEnd = Next(after, to) + 1;
                after = Next(partEnd - 1, to);
            }
            window = Is(after, "over") && Next(after, to) < to;
            if (window)
            {
                int spec = Next(after, to);
                partEnd = Is(spec, "(") ? Math.Min(Close(spec, to) + 1, to) : spec + 1;
            }
            return partEnd;
        }

        /// <summary>The index of the word at the top level of [from, to) (outside brackets), or to.</summary>
        private int TopLevelWord(int from, int to, string word)
        {
            for (int k = from; k < to; k++)
            {
                if (IsOpening(k))
                {
                    k = Close(k, to);
                }
                else if (Is(k, word))
                {
                    return k;
                }
            }
            return to;
        }

        /// <summary>The names of the lambda parameters declared in [from, to) (<c>x -> …</c>, <c>(s, x) -> …</c>).</summary>
        private HashSet<string> LambdaParameters(int from, int to)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (int k = from; k < to; k++)
            {
                if (!Is(k, "->"))
                {
                    continue;
                }
                int before = Previous(k);
                if (Is(before, ")") && Opening(before) is int opening and >= 0)
                {
                    for (int p = opening + 1; p < before; p++)
                    {
                        if (tokens[p].Kind == DuneTokenKind.Word)
                        {
                            names.Add(Text(p));
                        }
                    }
                }
                else if (before >= from && tokens[before].Kind == DuneTokenKind.Word)
                {
                    names.Add(Text(before));
                }
            }
            return names;
        }
    }
}
