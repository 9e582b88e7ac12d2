namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's types where DuckDB's differ:
/// <list type="bullet">
/// <item><c>typeof(x)</c> spells Trino's names (<c>integer</c>, <c>decimal(3,2)</c>, <c>timestamp(3) with time zone</c>,
/// <c>array(integer)</c>): <c>dune_type_name(typeof(x))</c>, the native renaming of <see cref="DuneTypeNames"/>. A string
/// literal is a <c>varchar(n)</c> of its length in code points, as Trino types it (<c>typeof('cat')</c> is <c>varchar(3)</c>); a
/// cast to a declared type DuckDB cannot name (<c>varchar(5)</c>, <c>timestamp(6)</c>) and <c>from_unixtime_nanos</c> give Trino's name
/// through <c>dune_type_name(typeof(x), 'declared')</c>.</item>
/// <item><c>histogram(x)</c> is <c>map(K, bigint)</c> (DuckDB counts in an unsigned 64-bit integer): the counts are cast.</item>
/// <item><c>a - b</c> where an operand is surely a date (a <c>DATE '…'</c> literal, <c>current_date</c>, <c>CAST(… AS date)</c>,
/// <c>date(…)</c>, <c>from_iso8601_date(…)</c>, <c>last_day_of_month(…)</c>) is Trino's <c>interval day to second</c>
/// (DuckDB: a bigint day count), through <c>dune_minus</c>'s date overloads (<see cref="DuneDateDifference"/>). Other
/// subtractions stay DuckDB's: the translator does not know a column's type, and a timestamp minus a timestamp is already
/// an interval there.</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    private static readonly HashSet<string> DateFunctions = new(StringComparer.OrdinalIgnoreCase) { "date", "from_iso8601_date", "last_day_of_month" };

    private sealed partial class Pass
    {
        /// <summary><c>typeof(x)</c>, <c>histogram(x)</c> and the bit shifts with Trino's types; returns the next index, or -1.</summary>
        private int TryEmitTrinoTyped(string name, List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (name.StartsWith("bitwise_", StringComparison.Ordinal))
            {
                return TryEmitTypedShift(args, name, close, end, anchor);
            }
            if (close >= end || args.Count != 1)
            {
                return -1;
            }
            if (name is "typeof")
            {
                if (IsSingleString(args[0]))
                {
                    int length = Unquote(Next(args[0].From - 1, args[0].To)).EnumerateRunes().Count();
                    emitter.Text("'varchar(" + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")'", anchor);
                    return close + 1;
                }
                // A declared parameter DuckDB's type drops (varchar(5), timestamp(6), from_unixtime_nanos' zone) is passed
                // to the renaming, which takes it when DuckDB's type is the one the cast gives (DuckDbDeclaredTypes.Name).
                var (first, last) = Unparenthesized(args[0].From, args[0].To);
                // A call typed by its arguments' declared types (AT TIME ZONE, with_timezone, current_timestamp(p): decision 244).
                string? declared = DeclaredType(first, last) ?? TimestampArithmeticType(first, last, [], false)
                    ?? (FunctionType(first, last, [], false) is { } typed && DeclaredTypeName().IsMatch(typed) ? typed : null);
                emitter.Text("dune_type_name(typeof(", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text(declared is null ? "))" : "), '" + declared + "')", tokens[close]);
                return close + 1;
            }
            if (name is "histogram")
            {
                int after = Next(close, end), last = close;
                if (Is(after, "over"))
                {
                    return -1;
                }
                if (Is(after, "filter") && Next(after, end) is int open && Is(open, "(") && Close(open, end) is int filterEnd && filterEnd < end)
                {
                    last = filterEnd;
                }
                emitter.Text("map_from_entries(list_transform(map_entries(histogram(", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Copy(tokens[close]);
                Emit(close + 1, last + 1);
                emitter.Text($"), _strata_hv -> struct_pack(key := {LambdaField.Of("_strata_hv", "key")}, value := CAST({LambdaField.Of("_strata_hv", "value")} AS BIGINT))))", tokens[last]);
                return last + 1;
            }
            return -1;
        }

        /// <summary>Adds to the interval sums (by the token where the left operand starts) each <c>a - b</c> whose operands are
        /// primary expressions, one of them surely a date, standing alone between other operators.</summary>
        private Dictionary<int, List<(int, int)>> WithDateDifferences(Dictionary<int, List<(int, int)>> found)
        {
            for (int op = 0; op < tokens.Count; op++)
            {
                if (tokens[op].Kind != DuneTokenKind.Symbol || tokens[op].Length != 1 || !Is(op, "-"))
                {
                    continue;
                }
                int leftEnd = Previous(op), rightStart = Next(op, tokens.Count);
                // The left operand may be a sum with an interval whose base is surely a date (decision 324): the sum is a date.
                int sumStart = leftEnd >= 0 && intervalChains.TryGetValue(leftEnd, out int chained) && IsSurelyDateSum(chained, found) ? chained : -1;
                if (leftEnd < 0 || IntervalLiteralEnd(rightStart) >= 0 || (sumStart < 0 && (!IsOperandEnd(leftEnd) || Is(leftEnd, "end") || Is(leftEnd, "null")
                    || IntervalLiteralStart(leftEnd) is not null || PrimaryStart(leftEnd) is null)))
                {
                    continue;
                }
                int leftStart = sumStart >= 0 ? sumStart : CallTailStart(PrimaryStart(leftEnd)!.Value);
                int rightEnd = CallTailEnd(PrimaryEnd(rightStart));
                if (rightEnd < 0 || !StandsAlone(Previous(leftStart), Next(rightEnd - 1, tokens.Count)) || HoldsParameter(leftStart, rightEnd))
                {
                    continue;
                }
                if (!(sumStart >= 0 || IsSurelyDate(leftStart, leftEnd + 1) || IsSurelyDate(rightStart, rightEnd)))
                {
                    if (!MayBeDate(leftStart, leftEnd + 1) || !MayBeDate(rightStart, rightEnd))
                    {
                        continue;
                    }
                    dateProbes.Add(op);
                }
                if (!found.TryGetValue(leftStart, out var list))
                {
                    found[leftStart] = list = [];
                }
                list.Add((op, rightEnd));
            }
            return found;
        }

        /// <summary>The end (exclusive) of a call's tail after its arguments' <c>)</c> at <paramref name="end"/> - 1: Trino's
        /// <c>WITHIN GROUP (…)</c>, <c>FILTER (…)</c>, <c>IGNORE|RESPECT NULLS</c> and <c>OVER (…)</c> or <c>OVER name</c>, in that
        /// order, each optional; so <c>max(x) - count(y) FILTER (WHERE …)</c> and <c>x - lag(x) IGNORE NULLS OVER (…)</c>
        /// subtract the whole call (the call alone, its tail left outside the rewrite, was DuckDB syntax errors).</summary>
        private int CallTailEnd(int end)
        {
            if (end <= 0 || !Is(end - 1, ")"))
            {
                return end;
            }
            int Clause(int at, string word)
            {
                int next = Next(at - 1, tokens.Count);
                if (!Is(next, word))
                {
                    return at;
                }
                int open = Next(next, tokens.Count);
                if (word == "within")
                {
                    open = Is(open, "group") ? Next(open, tokens.Count) : -1;
                }
                if (Is(open, "("))
                {
                    // Unbalanced (a prefix of a statement): no tail.
                    int close = Close(open, tokens.Count);
                    return close < tokens.Count ? close + 1 : at;
                }
                return word == "over" && open >= 0 && open < tokens.Count && tokens[open].Kind == DuneTokenKind.Word ? open + 1 : at;
            }
            end = Clause(Clause(end, "within"), "filter");
            int treatment = Next(end - 1, tokens.Count), nulls = Next(treatment, tokens.Count);
            if ((Is(treatment, "ignore") || Is(treatment, "respect")) && Is(nulls, "nulls"))
            {
                end = nulls + 1;
            }
            return Clause(end, "over");
        }

        /// <summary>The first token of the call whose tail (<c>WITHIN GROUP (…)</c>, <c>FILTER (…)</c>, <c>IGNORE|RESPECT NULLS</c>,
        /// <c>OVER (…)</c> or <c>OVER name</c>) starts at <paramref name="start"/> (its group's <c>(</c> or the window's name), so
        /// <c>count(x) FILTER (WHERE …) - count(y)</c> subtracts the whole call; <paramref name="start"/> itself otherwise.</summary>
        private int CallTailStart(int start)
        {
            int current = start;
            while (true)
            {
                int keyword = Previous(current);
                if (keyword < 0 || !(Is(current, "(") || (tokens[current].Kind == DuneTokenKind.Word && Is(keyword, "over"))))
                {
                    return current;
                }
                int before = Previous(keyword);
                if (Is(keyword, "group") && Is(before, "within"))
                {
                    before = Previous(before);
                }
                else if (Is(keyword, "over") && Is(before, "nulls") && (Is(Previous(before), "ignore") || Is(Previous(before), "respect")))
                {
                    before = Previous(Previous(before));
                }
                else if (!Is(keyword, "over") && !Is(keyword, "filter"))
                {
                    return current;
                }
                if (!Is(before, ")") || PrimaryStart(before) is not int call || call == current)
                {
                    return current;
                }
                current = call;
            }
        }

        /// <summary>Whether an operation between the tokens before and after it is one operand of nothing tighter or equal:
        /// a symbol that is no arithmetic, concatenation, cast or subscript, or a keyword or alias that is not AT or OVER.</summary>
        private bool StandsAlone(int before, int after)
        {
            bool Loose(int i) => i < 0 || i >= tokens.Count
                || (tokens[i].Kind == DuneTokenKind.Symbol && !IsArithmetic(i) && !Is(i, "||") && !Is(i, "::") && !Is(i, "[") && !Is(i, "."))
                || (tokens[i].Kind == DuneTokenKind.Word && !Is(i, "at") && !Is(i, "over") && !Is(i, "interval"));
            bool EndsCall(int i) => Is(i, "filter") || Is(i, "ignore") || Is(i, "respect") || Is(i, "within");
            return Loose(before) && Loose(after) && !EndsCall(after)
                && (before < 0 || tokens[before].Kind != DuneTokenKind.Word || NotFunctionNames.Contains(Text(before)) && !Is(before, "over"));
        }

        /// <summary>The <c>a - b</c> operators (by token) whose operands' types only the binder knows: written as
        /// <see cref="DateProbe"/>.</summary>
        private readonly HashSet<int> dateProbes = [];

        /// <summary>Whether tokens [start, end) may be a date whose type only the binder knows (a column, a call, a
        /// parenthesised expression) and are simple enough to be written four times: no literal, no subtraction, division or
        /// modulus inside (each would be a rewrite of its own), no subquery.</summary>
        private bool MayBeDate(int start, int end)
        {
            if (tokens[start].Kind is DuneTokenKind.Number or DuneTokenKind.String or DuneTokenKind.HexBinary || Is(start, "interval")
                || tokens[start].Kind == DuneTokenKind.Word && Next(start, end) < end && tokens[Next(start, end)].Kind == DuneTokenKind.String)
            {
                return false;
            }
            if (IsCastToOtherThanDate(start, end))
            {
                return false;
            }
            for (int k = start; k < end; k++)
            {
                if (Is(k, "-") || Is(k, "/") || Is(k, "%") || Is(k, "select") || Is(k, "null"))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary><c>a - b</c> where both may be dates: Trino's <c>interval day to second</c> when the binder finds two dates
        /// (DuckDB: a bigint day count), else DuckDB's <c>-</c> unchanged. The key folds to a constant when DuckDB binds
        /// (<c>typeof</c> is constant), so the struct field not taken is a NULL constant; the date branch goes through text so it
        /// binds for every pair of types.</summary>
        private void EmitDateProbe(int leftStart, int op, int end)
        {
            int rightStart = Next(op, end);
            void A() { emitter.Text("(", tokens[op]); Emit(leftStart, op); emitter.Text(")", tokens[op]); }
            void B() { emitter.Text("(", tokens[op]); Emit(rightStart, end); emitter.Text(")", tokens[op]); }
            void Key() { emitter.Text("CASE WHEN typeof(", tokens[op]); A(); emitter.Text(") = 'DATE' AND typeof(", tokens[op]); B(); emitter.Text(") = 'DATE' THEN 'd' ELSE 'o' END", tokens[op]); }
            emitter.Text("struct_extract(struct_pack(d := CASE WHEN ", tokens[leftStart]);
            Key();
            emitter.Text(" = 'd' THEN to_days(CAST(CAST(", tokens[op]);
            A();
            emitter.Text(" - ", tokens[op]);
            B();
            emitter.Text(" AS VARCHAR) AS INTEGER)) END, o := ", tokens[op]);
            A();
            emitter.Copy(tokens[op]);
            B();
            emitter.Text("), ", tokens[op]);
            Key();
            emitter.Text(")", tokens[end - 1]);
        }

        /// <summary>Whether tokens [start, end) are one <c>cast(x AS t)</c> or <c>try_cast(x AS t)</c> whose type t is not
        /// <c>date</c>: a cast's type is its target's (Trino), so it is surely no date and its difference needs no probe (the
        /// probe writes each operand four times, and a cast of a JSON value is a template of its own: sablier's 208 KB query
        /// of <c>cast(json_extract_scalar(…) AS double)</c> differences became 3.2 MB).</summary>
        private bool IsCastToOtherThanDate(int start, int end)
        {
            int open = Next(start, end), close = Previous(end);
            if (!(Is(start, "cast") || Is(start, "try_cast")) || open >= end || !Is(open, "(") || Close(open, end) != close)
            {
                return false;
            }
            int asWord = TopLevelWord(open + 1, close, "as");
            // A quoted "date" names the type too (DuneTypes.Parse unquotes it).
            return asWord < close && Next(asWord, close) < close && !UnquotedName(Next(asWord, close)).Equals("date", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Whether the interval sum (or chain of sums) starting at token start adds intervals to an operand that is
        /// surely a date (<c>DATE '…' + INTERVAL …</c>, <c>INTERVAL … + DATE '…'</c>): Trino's date plus an interval is a date.</summary>
        private bool IsSurelyDateSum(int start, Dictionary<int, List<(int Operator, int End)>> found)
        {
            if (!found.TryGetValue(start, out var sums) || sums.Count == 0)
            {
                return false;
            }
            var (op, end) = sums.MinBy(s => s.Operator);
            return intervalFirstSums.Contains(op) ? IsSurelyDate(Next(op, end), end) : IsSurelyDate(start, op);
        }

        /// <summary>Whether tokens [start, end) are an expression whose type is surely <c>date</c>.</summary>
        private bool IsSurelyDate(int start, int end)
        {
            int next = Next(start, end);
            if (Is(start, "current_date"))
            {
                return next >= end;
            }
            if (Is(start, "date") && next < end && IsTerminatedString(next))
            {
                return Next(next, end) >= end;
            }
            if (!Is(next, "(") || Close(next, end) != Previous(end))
            {
                return false;
            }
            if (Is(start, "cast") || Is(start, "try_cast"))
            {
                int type = Previous(Previous(end));
                return Is(type, "date") && Is(Previous(type), "as");
            }
            return tokens[start].Kind == DuneTokenKind.Word && DateFunctions.Contains(Text(start));
        }
    }
}
