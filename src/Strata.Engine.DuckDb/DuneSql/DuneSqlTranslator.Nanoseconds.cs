namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A <c>timestamp(9)</c> compared with a timestamp with time zone, as Trino compares them: the timestamp(9) is read in
/// the session zone (UTC on Dune) and the two instants are compared at nanoseconds. DuckDB refuses TIMESTAMP_NS ordered
/// against TIMESTAMPTZ, and against a zone's type (an alias, which DuckDB's binder prefers) it converts the timestamp(9)
/// to microseconds, so <c>ts9 &gt; at_timezone(…)</c> lost the nanoseconds (a wrong answer). Where one operand is surely a
/// timestamp(9) — a <c>TIMESTAMP '…'</c> literal with seven to nine fractional digits and no zone, or <c>CAST</c>/<c>TRY_CAST(…
/// AS timestamp(9))</c> — the other operands of the comparison (<c>=</c>, <c>&lt;&gt;</c>, <c>!=</c>, <c>&lt;</c>,
/// <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c>), of the BETWEEN or of the IN list are written inside
/// <c>dune_instant_ns(…)</c> (<see cref="DuneInstantNanos"/>), which gives the nanosecond timestamp Trino compares
/// (a zoned value's instant, a timestamp's value, a date's midnight) and refuses any other type as Trino does. An
/// operand that is a string literal or NULL is left to DuckDB. Only an operand whose extent is clear is converted (the
/// rules of the numeric operands, DuneSqlTranslator.Numeric.cs, and a trailing <c>AT TIME ZONE '…'</c>); elsewhere a
/// zone's type meeting a timestamp(9) with nanoseconds fails (DuneZones' cast), and a plain timestamp with time zone
/// fails as DuckDB's binder does, naming both types (TrinoErrorMessages).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Operands to write inside dune_instant_ns: the end (exclusive) by the first token.</summary>
        private Dictionary<int, int>? nanosecondOperands;

        /// <summary>The opening parentheses of subqueries (in <see cref="nanosecondOperands"/>) whose column is read through
        /// dune_instant_ns.</summary>
        private HashSet<int>? nanosecondSubqueries;

        /// <summary>The first token of the operand being written inside dune_instant_ns (it is not wrapped again).</summary>
        private int nanosecondOperandAt = -1;

        /// <summary>At the first token of an operand found by <see cref="FindNanosecondOperands"/>: writes it inside
        /// dune_instant_ns; returns the next index, or -1.</summary>
        private int TryEmitNanosecondOperand(int i, int to) =>
            !(nanosecondOperands ??= FindNanosecondOperands()).ContainsKey(i) ? -1 : TryEmitOperand(i, to, nanosecondOperands, ref nanosecondOperandAt, (from, end) =>
            {
                if (nanosecondSubqueries?.Contains(from) == true)
                {
                    // The subquery's one column, whatever its name, read as the instant Trino compares.
                    emitter.Text("(SELECT " + DuneInstantNanos.Function + "(_strata_c) FROM ", tokens[from]);
                    Emit(from, end);
                    emitter.Text(" AS _strata_s(_strata_c))", tokens[Previous(end)]);
                }
                else
                {
                    emitter.Text(DuneInstantNanos.Function + "(", tokens[from]);
                    Emit(from, end);
                    emitter.Text(")", tokens[Previous(end)]);
                }
            });

        /// <summary>At the first token of an operand in <paramref name="operands"/> (first token → end), other than the one
        /// being written (<paramref name="writing"/>): writes it with <paramref name="write"/>; returns the next index, or -1.</summary>
        private int TryEmitOperand(int i, int to, Dictionary<int, int> operands, ref int writing, Action<int, int> write)
        {
            if (i == writing || !operands.TryGetValue(i, out int end) || end > to)
            {
                return -1;
            }
            int outer = writing;
            writing = i;
            try
            {
                write(i, end);
            }
            finally
            {
                writing = outer;
            }
            return end;
        }

        private Dictionary<int, int> FindNanosecondOperands()
        {
            var found = new Dictionary<int, int>();
            if (!HasNanosecondValue())
            {
                return found;
            }
            ScanComparisons(operands => AddNanosecondOperands(operands, found), (leftEnd, open) => AddNanosecondSubquery(leftEnd, open, found));
            return found;
        }

        /// <summary>Every comparison (<c>=</c> … <c>&gt;=</c>, <c>[NOT] BETWEEN</c>, <c>[NOT] IN (…)</c>, <c>IS [NOT] DISTINCT
        /// FROM</c>) whose operands' extents are clear: <paramref name="compared"/> gets the operands, <paramref name="subquery"/>
        /// (when given) the value's last token and the subquery's parenthesis of <c>v IN (SELECT …)</c> and <c>v op ALL|ANY (…)</c>.</summary>
        private void ScanComparisons(Action<List<(int From, int To)>> compared, Action<int, int>? subquery)
        {
            for (int c = 0; c < tokens.Count; c++)
            {
                if (tokens[c].IsTrivia)
                {
                    continue;
                }
                if (tokens[c].Kind == DuneTokenKind.Symbol && ComparisonOperators.Contains(Text(c)))
                {
                    int quantifier = Next(c, tokens.Count);
                    if (Is(quantifier, "all") || Is(quantifier, "any") || Is(quantifier, "some"))
                    {
                        subquery?.Invoke(Previous(c), Next(quantifier, tokens.Count));
                    }
                    else if (ComparisonExtent(c, zoned: true) is var (left, right))
                    {
                        compared([left, right]);
                    }
                }
                else if (tokens[c].Kind == DuneTokenKind.Word && Is(c, "between"))
                {
                    if (BetweenExtent(c, zoned: true) is var (value, low, high))
                    {
                        compared([value, low, high]);
                    }
                }
                else if (tokens[c].Kind == DuneTokenKind.Word && Is(c, "in") && Is(Next(c, tokens.Count), "("))
                {
                    if (InExtent(c, zoned: true) is var (_, open, end) && IsSubqueryStart(Next(open, end)))
                    {
                        subquery?.Invoke(Previous(Is(Previous(c), "not") ? Previous(c) : c), open);
                    }
                    else if (InExtent(c, zoned: true) is var (value, listOpen, close))
                    {
                        var operands = new List<(int, int)> { value };
                        operands.AddRange(Arguments(listOpen, close).Select(a => (Next(a.From - 1, a.To), Previous(a.To) + 1)));
                        compared(operands);
                    }
                }
                else if (tokens[c].Kind == DuneTokenKind.Word && Is(c, "distinct") && DistinctExtent(c) is var (left, right))
                {
                    compared([left, right]);
                }
            }
        }

        /// <summary>The operands of <c>a IS [NOT] DISTINCT FROM b</c> at its DISTINCT, when their extents are clear.</summary>
        private ((int From, int To) Left, (int From, int To) Right)? DistinctExtent(int distinct)
        {
            int isIndex = Is(Previous(distinct), "not") ? Previous(Previous(distinct)) : Previous(distinct);
            int from = Next(distinct, tokens.Count), rightStart = Next(from, tokens.Count);
            if (isIndex < 1 || !Is(isIndex, "is") || !Is(from, "from") || rightStart >= tokens.Count
                || OperandStart(Previous(isIndex), zoned: true) is not int leftStart || OperandEnd(rightStart, zoned: true) is not int rightEnd)
            {
                return null;
            }
            int before = Previous(leftStart), after = Next(rightEnd - 1, tokens.Count);
            bool bounded = (before < 0 || OperandBoundaries.Contains(Text(before))) && (after >= tokens.Count || OperandBoundaries.Contains(Text(after)));
            return bounded && !IsBoundaryWord(leftStart) && !IsBoundaryWord(rightStart)
                ? ((leftStart, Previous(isIndex) + 1), (rightStart, rightEnd)) : null;
        }

        /// <summary>A subquery compared with a value surely a timestamp(9) (<c>v IN (SELECT …)</c>, <c>v &gt; ALL (SELECT …)</c>):
        /// its column is read through dune_instant_ns. leftEnd is the value's last token, open the subquery's parenthesis.</summary>
        private void AddNanosecondSubquery(int leftEnd, int open, Dictionary<int, int> found)
        {
            if (leftEnd < 0 || open >= tokens.Count || !Is(open, "("))
            {
                return;
            }
            int close = Close(open, tokens.Count);
            if (close >= tokens.Count || !IsSubqueryStart(Next(open, close)) || OperandStart(leftEnd, zoned: true) is not int leftStart
                || (Previous(leftStart) is int before && before >= 0 && !OperandBoundaries.Contains(Text(before)))
                || !IsNanosecondValue(leftStart, leftEnd + 1))
            {
                return;
            }
            found.TryAdd(open, close + 1);
            (nanosecondSubqueries ??= []).Add(open);
        }

        /// <summary>Whether token i is a precision held as TIMESTAMP_NS: 7, 8 or 9 (DuneTypes.ToTimestamp).</summary>
        private bool IsNanosecondPrecision(int i) => Is(i, "9") || Is(i, "8") || Is(i, "7");

        private bool IsSubqueryStart(int i) => Is(i, "select") || Is(i, "with") || Is(i, "values") || Is(i, "(");

        /// <summary>Whether the text has a timestamp(9) the translator recognizes (else no operand is converted).</summary>
        private bool HasNanosecondValue()
        {
            for (int c = 0; c < tokens.Count; c++)
            {
                if (Is(c, "from_unixtime_nanos") && Is(Next(c, tokens.Count), "("))
                {
                    return true;
                }
                if (Is(c, "timestamp") && (IsNanosecondValue(c, Math.Min(Next(c, tokens.Count) + 1, tokens.Count))
                    || (Is(Previous(c), "as") && Is(Next(c, tokens.Count), "(") && IsNanosecondPrecision(Next(Next(c, tokens.Count), tokens.Count)))))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>With one operand surely a timestamp(9), the others (those that are not, nor a string literal or NULL).</summary>
        private void AddNanosecondOperands(List<(int From, int To)> operands, Dictionary<int, int> found)
        {
            if (operands.Any(o => o.From >= o.To) || !operands.Any(o => IsNanosecondValue(o.From, o.To)))
            {
                return;
            }
            foreach (var (from, to) in operands)
            {
                bool literal = Next(from - 1, to) == Previous(to) && (tokens[from].Kind == DuneTokenKind.String || Is(from, "null"));
                if (!literal && !IsNanosecondValue(from, to))
                {
                    found.TryAdd(from, to);
                }
            }
        }

        /// <summary>Whether tokens [from, to) are surely a timestamp(9): <c>TIMESTAMP '…'</c> with seven to nine fractional digits and
        /// no zone, <c>CAST</c>/<c>TRY_CAST(… AS timestamp(9))</c> or <c>from_unixtime_nanos(…)</c>, in parentheses or not.</summary>
        private bool IsNanosecondValue(int from, int to)
        {
            to = Math.Min(to, tokens.Count);
            from = from < tokens.Count && tokens[from].IsTrivia ? Next(from, to) : from;
            int last = Previous(to);
            if (from >= to || last < from)
            {
                return false;
            }
            if (Is(from, "(") && Close(from, to) == last)
            {
                return IsNanosecondValue(from + 1, last);
            }
            if (Is(from, "timestamp") && Next(from, to) == last && IsTerminatedString(last))
            {
                // Seven to twelve digits without a zone: a TIMESTAMP_NS (TryEmitTimestampLiteral).
                return DuneTimestampLiteral.Parse(Unquote(last)) is { Zone: null, Digits: > 6 and <= 12 };
            }
            if (Is(from, "from_unixtime_nanos") && Is(Next(from, to), "(") && Close(Next(from, to), to) == last)
            {
                return true; // a timestamp(9) of the nanoseconds (DuneTime's template)
            }
            if ((Is(from, "cast") || Is(from, "try_cast")) && Is(Next(from, to), "(") && Close(Next(from, to), to) == last)
            {
                int typeClose = Previous(last);
                int typeOpen = Opening(typeClose);
                return Is(typeClose, ")") && typeOpen > from && IsNanosecondPrecision(Next(typeOpen, typeClose)) && Next(Next(typeOpen, typeClose), typeClose) == typeClose
                    && Is(Previous(typeOpen), "timestamp") && Is(Previous(Previous(typeOpen)), "as");
            }
            return false;
        }

        /// <summary>The operands of the comparison at op ([start, end) each), when their extents are clear: chains of
        /// primaries joined by arithmetic (with a trailing <c>AT TIME ZONE '…'</c> when <paramref name="zoned"/>), with
        /// a boundary before and after the comparison.</summary>
        private ((int From, int To) Left, (int From, int To) Right)? ComparisonExtent(int op, bool zoned = false)
        {
            int leftEnd = Previous(op);
            int rightStart = Next(op, tokens.Count);
            if (leftEnd < 0 || rightStart >= tokens.Count || OperandStart(leftEnd, zoned) is not int leftStart
                || OperandEnd(rightStart, zoned) is not int rightEnd)
            {
                return null;
            }
            if (IsBoundaryWord(leftStart) || IsBoundaryWord(leftEnd) || IsBoundaryWord(rightStart) || IsBoundaryWord(rightEnd - 1)
                || !Bounded(leftStart, rightEnd))
            {
                return null;
            }
            return ((leftStart, leftEnd + 1), (rightStart, rightEnd));
        }

        /// <summary>The value and bounds of <c>v [NOT] BETWEEN a AND b</c>, when their extents are clear.</summary>
        private ((int From, int To) Value, (int From, int To) Low, (int From, int To) High)? BetweenExtent(int between, bool zoned = false)
        {
            int leftEnd = Previous(Is(Previous(between), "not") ? Previous(between) : between);
            int lowStart = Next(between, tokens.Count);
            if (leftEnd < 0 || lowStart >= tokens.Count || OperandStart(leftEnd, zoned) is not int leftStart
                || OperandEnd(lowStart, zoned) is not int lowEnd || !Is(Next(lowEnd - 1, tokens.Count), "and"))
            {
                return null;
            }
            int highStart = Next(Next(lowEnd - 1, tokens.Count), tokens.Count);
            if (highStart >= tokens.Count || OperandEnd(highStart, zoned) is not int highEnd)
            {
                return null;
            }
            return Bounded(leftStart, highEnd) && !IsBoundaryWord(leftStart) && !IsBoundaryWord(leftEnd)
                ? ((leftStart, leftEnd + 1), (lowStart, lowEnd), (highStart, highEnd)) : null;
        }

        /// <summary>The value and the list's parentheses of <c>v [NOT] IN (…)</c>, when the value's extent is clear.</summary>
        private ((int From, int To) Value, int Open, int Close)? InExtent(int inIndex, bool zoned = false)
        {
            int leftEnd = Previous(Is(Previous(inIndex), "not") ? Previous(inIndex) : inIndex);
            int open = Next(inIndex, tokens.Count);
            int close = Close(open, tokens.Count);
            if (leftEnd < 0 || close >= tokens.Count || OperandStart(leftEnd, zoned) is not int leftStart)
            {
                return null;
            }
            return Bounded(leftStart, close + 1) && !IsBoundaryWord(leftStart) && !IsBoundaryWord(leftEnd)
                ? ((leftStart, leftEnd + 1), open, close) : null;
        }

        /// <summary>Whether a boundary (or the text's edge) stands right before from and right at or after to.</summary>
        private bool Bounded(int from, int to)
        {
            int before = Previous(from), after = Next(to - 1, tokens.Count);
            return (before < 0 || OperandBoundaries.Contains(Text(before))) && (after >= tokens.Count || OperandBoundaries.Contains(Text(after)));
        }

        /// <summary>The first token of the operand ending at last (<see cref="OperandChainStart"/>; with
        /// <paramref name="zoned"/>, also one ending in <c>AT TIME ZONE '…'</c>).</summary>
        private int? OperandStart(int last, bool zoned) =>
            zoned && tokens[last].Kind == DuneTokenKind.String && Is(Previous(last), "zone") && Is(Previous(Previous(last)), "time")
                && Is(Previous(Previous(Previous(last))), "at") && Previous(Previous(Previous(Previous(last)))) is int before and >= 0
                ? OperandChainStart(before) : OperandChainStart(last);

        /// <summary>The index after the operand starting at first (<see cref="OperandChainEnd"/>; with
        /// <paramref name="zoned"/>, and a trailing <c>AT TIME ZONE '…'</c>).</summary>
        private int? OperandEnd(int first, bool zoned)
        {
            if (OperandChainEnd(first) is not int end)
            {
                return null;
            }
            int at = Next(end - 1, tokens.Count), time = Next(at, tokens.Count), zone = Next(time, tokens.Count), name = Next(zone, tokens.Count);
            return zoned && Is(at, "at") && Is(time, "time") && Is(zone, "zone") && name < tokens.Count && tokens[name].Kind == DuneTokenKind.String
                ? name + 1 : end;
        }
    }
}
