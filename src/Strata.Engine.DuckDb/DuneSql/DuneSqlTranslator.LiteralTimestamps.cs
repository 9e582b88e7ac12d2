using System.Globalization;
using System.Text.RegularExpressions;

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
    /// <summary>Trino's DateTimes.DATETIME_PATTERN: the date, an optional time with an optional fraction, then a zone.</summary>
    [GeneratedRegex(@"^[-+]?\d{4,}-\d{1,2}-\d{1,2}( (?:\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.(?<fraction>\d+))?)?)?\s*(?<timezone>.+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLiteralText();

    /// <summary>The fewest fraction digits a timestamp literal's type has: timestamp(3), as every timestamp before Trino 341.</summary>
    private const int MinLiteralDigits = 3;

    /// <summary>Words that join operands more loosely than <c>+</c>/<c>-</c> or open a construct the arithmetic scan does not read.</summary>
    private static readonly HashSet<string> LooserWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "is", "in", "between", "like", "at", "case", "when", "then", "else", "end", "over", "filter", "escape", "similar",
    };

    /// <summary>Trino's type of the literal text (unquoted) of <c>TIMESTAMP '…'</c>: timestamp(p) [with time zone] for p the
    /// fraction's digits; null when Trino would refuse it (another form, more than 12 digits).</summary>
    internal static string? TimestampLiteralType(string text)
    {
        var match = TimestampLiteralText().Match(text);
        if (!match.Success)
        {
            return null;
        }
        // Three digits at least (decision 252): the contract's values table and Dune's function pages print such literals
        // with milliseconds (`2012-10-30 18:00:00.000 America/Los_Angeles`).
        int p = Math.Max(MinLiteralDigits, match.Groups["fraction"].Success ? match.Groups["fraction"].Length : 0);
        return p > 12 ? null : "timestamp(" + p.ToString(CultureInfo.InvariantCulture) + ")" + (match.Groups["timezone"].Success ? " with time zone" : "");
    }

    private sealed partial class Pass
    {
        /// <summary>The type of [from, last] when it is a <c>TIMESTAMP '…'</c> literal, else null.</summary>
        private string? LiteralTimestampType(int from, int last) =>
            Next(from, last + 1) == last && Is(from, "timestamp") && IsTerminatedString(last) ? TimestampLiteralType(Unquote(last)) : null;

        /// <summary>The type of <c>a ± b ± …</c> in [from, last] when one operand is a timestamp(p) [with time zone] and every
        /// other an interval literal (<c>interval + timestamp</c> first, or the timestamp first): the timestamp's type. One pass
        /// over the top level's tokens, without recursion, however long the chain.</summary>
        private string? TimestampArithmeticType(int from, int last, List<ScopedRelation> relations, bool plainJoins)
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
                return Timestamp(ItemType(from, ops[0], relations, plainJoins).Type);
            }
            return Is(ops[0], "+") && IntervalLiteralEnd(from) == Previous(ops[0]) + 1
                ? Timestamp(ItemType(firstRight, firstRightEnd, relations, plainJoins).Type) : null;

            static string? Timestamp(string? type) => SplitDeclared(type ?? "").Base == "timestamp" ? type : null;
        }
    }
}
