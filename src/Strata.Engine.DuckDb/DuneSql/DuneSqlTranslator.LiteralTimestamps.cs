using System.Globalization;
using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A <c>TIMESTAMP '…'</c> literal typed by its digits, as Trino types it (decision 248): LiteralInterpreter/ExpressionAnalyzer
/// take DateTimes.extractTimestampPrecision (the fraction's length, 0 without one) and timestampHasTimeZone (any text after
/// the time), so <c>TIMESTAMP '2020-01-01 00:00:00'</c> is timestamp(0), <c>'… .123456'</c> timestamp(6) and
/// <c>'… 00:00:00.5 +01:00'</c> timestamp(1) with time zone. The scan (DuneSqlTranslator.DeclaredTypes.cs) names the literal's
/// type, and the arithmetic that keeps a timestamp's type (Trino's TimestampPlusIntervalDayToSecond and its siblings:
/// <c>timestamp(p) ± interval</c> and <c>interval + timestamp(p)</c> are timestamp(p); <c>date_add(unit, n, timestamp(p))</c>
/// too), so the result's column type and its JSON and CSV text carry exactly p digits.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's DateTimes.DATETIME_PATTERN: the date, an optional time with an optional fraction, then a zone.</summary>
    [GeneratedRegex(@"^[-+]?\d{4,}-\d{1,2}-\d{1,2}( (?:\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.(?<fraction>\d+))?)?)?\s*(?<timezone>.+)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampLiteralText();

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
        int p = match.Groups["fraction"].Success ? match.Groups["fraction"].Length : 0;
        return p > 12 ? null : "timestamp(" + p.ToString(CultureInfo.InvariantCulture) + ")" + (match.Groups["timezone"].Success ? " with time zone" : "");
    }

    private sealed partial class Pass
    {
        /// <summary>The type of [from, last] when it is a <c>TIMESTAMP '…'</c> literal, else null.</summary>
        private string? LiteralTimestampType(int from, int last) =>
            Next(from, last + 1) == last && Is(from, "timestamp") && IsTerminatedString(last) ? TimestampLiteralType(Unquote(last)) : null;

        /// <summary>The type of <c>a ± b</c> in [from, last] (the last additive operator at the top, so a chain is read from the
        /// left) when one side is a timestamp(p) [with time zone] and the other an interval literal: the timestamp's type.</summary>
        private string? TimestampArithmeticType(int from, int last, List<ScopedRelation> relations, bool plainJoins)
        {
            int op = -1;
            for (int k = from; k <= last; k = Next(IsOpening(k) ? Close(k, last + 1) : k, last + 1))
            {
                if (Tokens[k].Kind == DuneTokenKind.Word && LooserWords.Contains(Text(k))
                    || Tokens[k].Kind == DuneTokenKind.Symbol && !IsOpening(k) && !IsArithmetic(k) && !Is(k, ".") && !Is(k, "::"))
                {
                    return null;
                }
                if ((Is(k, "+") || Is(k, "-")) && k > from && IsOperandEnd(Previous(k)) && !Is(Previous(k), "interval"))
                {
                    op = k;
                }
            }
            int right = Next(op, last + 1);
            if (op < 0 || right > last)
            {
                return null;
            }
            if (IntervalLiteralEnd(right) == last + 1)
            {
                return Timestamp(ItemType(from, op, relations, plainJoins).Type);
            }
            return Is(op, "+") && IntervalLiteralEnd(from) == Previous(op) + 1 ? Timestamp(ItemType(right, last + 1, relations, plainJoins).Type) : null;

            static string? Timestamp(string? type) => SplitDeclared(type ?? "").Base == "timestamp" ? type : null;
        }
    }
}
