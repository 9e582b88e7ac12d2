namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A <c>TIMESTAMP '…'</c> literal typed by its digits, as Trino types it (decision 248): LiteralInterpreter/ExpressionAnalyzer
/// take DateTimes.extractTimestampPrecision (the fraction's length, 0 without one) and timestampHasTimeZone (any text after
/// the time), so <c>'… .123456'</c> is timestamp(6) and <c>'… 00:00:00.123456789 +01:00'</c> timestamp(9) with time zone.
/// A literal of fewer than three digits is timestamp(3) here, not Trino's timestamp(0..2) (decision 252: the contract's
/// values table and Dune's function pages show them with milliseconds). The scan (DuneSqlTranslator.DeclaredTypes.cs) names the literal's
/// type, and the arithmetic that keeps a timestamp's type (Trino's TimestampPlusIntervalDayToSecond and its siblings:
/// <c>timestamp(p) ± interval</c> and <c>interval + timestamp(p)</c> are timestamp(p); <c>date_add(unit, n, timestamp(p))</c>
/// too), so the result's column type and its JSON and CSV text carry exactly p digits.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The fewest fraction digits a timestamp literal's type has: timestamp(3), as every timestamp before Trino 341.</summary>
    private const int MinLiteralDigits = 3;

    /// <summary>Words that join operands more loosely than <c>+</c>/<c>-</c> or open a construct the arithmetic scan does not read.</summary>
    private static readonly HashSet<string> LooserWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "is", "in", "between", "like", "at", "case", "when", "then", "else", "end", "over", "filter", "escape", "similar",
    };

    /// <summary>Trino's type of the literal text (unquoted) of <c>TIMESTAMP '…'</c>: timestamp(p) [with time zone] for p the
    /// fraction's digits; null when Trino would refuse it (another form, more than 12 digits).</summary>
    internal static string? TimestampLiteralType(string text) =>
        // Three digits at least (decision 252): the contract's values table and Dune's function pages print such literals
        // with milliseconds (`2012-10-30 18:00:00.000 America/Los_Angeles`).
        DuneTimestampLiteral.Parse(text)?.TypeName(MinLiteralDigits);

    private sealed partial class Pass
    {
        /// <summary>At <c>TIMESTAMP '…'</c> (<paramref name="next"/> the string): the literal as DuckDB reads the value Trino
        /// gives it — a zone's type for a zone other than UTC (<see cref="TryEmitZonedLiteral"/>), TIMESTAMPTZ for UTC,
        /// TIMESTAMP_NS for seven to twelve digits (DuckDB's TIMESTAMP would cut them to microseconds; past the ninth only
        /// zeros are held), the seconds written where Trino's grammar leaves them out. A text Trino's grammar refuses is
        /// refused in Trino's words. Returns the next index, or -1 where DuckDB reads the text as written.</summary>
        private int TryEmitTimestampLiteral(DuneToken token, int next)
        {
            string text = Unquote(next);
            if (DuneTimestampLiteral.Parse(text) is not { } literal)
            {
                throw NotSupported(sql, token, $"'{text}' is not a valid timestamp literal", Strata.Core.Executions.ExecutionError.ExecutionFailed);
            }
            string fraction = literal.Fraction ?? "";
            if (fraction.Length > 12)
            {
                throw NotSupported(sql, token, $"TIMESTAMP{(literal.Zone is null ? "" : " WITH TIME ZONE")} precision must be in range [0, 12]",
                    Strata.Core.Executions.ExecutionError.ExecutionFailed);
            }
            if (literal.Zone is not null && fraction.Length > 6 && fraction.AsSpan(6).ContainsAnyExcept('0'))
            {
                // A timestamp(7…12) with time zone: the zone's type holds microseconds, so digits past the sixth other than
                // zeros are refused rather than cut (decision "dune-types17").
                throw NotSupported(sql, token, $"Timestamp {Text(next)} has more than six fraction digits; a timestamp with time zone holds microseconds here");
            }
            if (TryEmitZonedLiteral(token, next, literal) is > 0 and int afterZoned)
            {
                return afterZoned;
            }
            bool nanos = literal.Zone is null && fraction.Length > 6;
            if (nanos && fraction.Length > 9)
            {
                if (fraction.AsSpan(9).ContainsAnyExcept('0'))
                {
                    throw NotSupported(sql, token, $"Timestamp {Text(next)} has more than nine fraction digits; a timestamp holds nanoseconds at most here");
                }
                fraction = fraction[..9];
            }
            else if (literal.Zone is not null && fraction.Length > 6)
            {
                fraction = fraction[..6];
            }
            string local = literal.LocalText(fraction);
            if (nanos && DuneTypes.OutsideNanosecondRange(local))
            {
                throw NotSupported(sql, token, $"Timestamp {Text(next)} is outside the range of timestamp(9) here ({DuneTypes.NanosecondRange})");
            }
            if (literal.Zone is null && !nanos && local == text)
            {
                return -1;
            }
            // A zone here is UTC by another name or one DuckDB is left to refuse (TryEmitZonedLiteral took the others).
            string zone = literal.Zone is null ? "" : DuneZones.Canonical(literal.Zone) is "UTC" ? " UTC" : literal.ZoneIsOffset ? literal.Zone : " " + literal.Zone;
            emitter.Text(literal.Zone is not null ? "TIMESTAMPTZ" : nanos ? "TIMESTAMP_NS" : "TIMESTAMP", token);
            emitter.Text(" " + Strata.Core.Results.Querying.SqlQuoting.QuoteString(local + zone), tokens[next]);
            return next + 1;
        }

        /// <summary>The type of [from, last] when it is a <c>TIMESTAMP '…'</c> literal, else null.</summary>
        private string? LiteralTimestampType(int from, int last) =>
            Next(from, last + 1) == last && Is(from, "timestamp") && IsTerminatedString(last) ? TimestampLiteralType(Unquote(last)) : null;

        /// <summary>The type of <c>a ± b ± …</c> in [from, last] when one operand is a timestamp(p) [with time zone] and every
        /// other an interval literal (<c>interval + timestamp</c> first, or the timestamp first): the timestamp's type. One pass
        /// over the top level's tokens, without recursion, however long the chain.</summary>
        private string? TimestampArithmeticType(int from, int last, List<ScopedRelation> relations, bool plainJoins) =>
            ArithmeticOperand(from, last) is var (operandFrom, operandTo)
            && ItemType(operandFrom, operandTo, relations, plainJoins).Type is { } type && SplitDeclared(type).Base == "timestamp" ? type : null;

        /// <summary>In <c>a ± b ± …</c> at the top level of [from, last] with every operand but one an interval literal
        /// (<c>interval + x</c> first, or x first): x's tokens, else null. One pass over the top level's tokens, without
        /// recursion, however long the chain.</summary>
        private (int From, int To)? ArithmeticOperand(int from, int last)
        {
            var ops = new List<int>();
            for (int k = from; k <= last; k = Next(IsOpening(k) ? Close(k, last + 1) : k, last + 1))
            {
                if (Tokens[k].Kind == DuneTokenKind.Word && LooserWords.Contains(Text(k))
                    || Tokens[k].Kind == DuneTokenKind.Symbol && !IsOpening(k) && !IsArithmetic(k) && !Is(k, ".") && !Is(k, "::"))
                {
                    return null;
                }
                if ((Is(k, "+") || Is(k, "-")) && k > from && IsOperandEnd(Previous(k)) && !Is(Previous(k), "interval"))
                {
                    ops.Add(k);
                }
            }
            if (ops.Count == 0 || Next(ops[^1], last + 1) > last)
            {
                return null;
            }
            // The operand after each operator but the first is an interval literal ending at the next operator (or the end).
            for (int o = 1; o < ops.Count; o++)
            {
                if (IntervalLiteralEnd(Next(ops[o], last + 1)) != (o + 1 < ops.Count ? Previous(ops[o + 1]) + 1 : last + 1))
                {
                    return null;
                }
            }
            int firstRight = Next(ops[0], last + 1), firstRightEnd = ops.Count > 1 ? Previous(ops[1]) + 1 : last + 1;
            if (IntervalLiteralEnd(firstRight) == firstRightEnd)
            {
                return (from, ops[0]);
            }
            return Is(ops[0], "+") && IntervalLiteralEnd(from) == Previous(ops[0]) + 1 ? (firstRight, firstRightEnd) : null;
        }
    }
}
