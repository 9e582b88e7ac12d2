using System.Text;
using System.Text.RegularExpressions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Decision 235: the parse and pattern failures of the date/time and regexp functions in Trino's words.
/// <list type="bullet">
/// <item>DuckDB's strptime (date_parse, parse_datetime, the Teradata parsers) refusing a text, <c>Could not parse string
/// "x" according to format specifier "%Y"</c> with a caret under where it stopped, is Joda's refusal, which Trino passes
/// on (DateTimeFunctions: <c>new TrinoException(INVALID_FUNCTION_ARGUMENT, e)</c>; FormatUtils.createErrorMessage):
/// <c>Invalid format: "x"</c> at the first character, <c>… is too short</c> at the end, <c>… is malformed at "rest"</c>
/// elsewhere, the text cut 32 characters after that place.</item>
/// <item>RE2's refusal of a pattern (DuckDB's regexp_*) is Joni's (Trino's JoniRegexpCasts passes its SyntaxException's
/// text on; joni ErrorMessages) where the two refuse the same thing: an unclosed group or class, a close parenthesis
/// without its group, a quantifier with nothing before it, a backslash ending the pattern, a reversed class range or
/// repeat range.</item>
/// </list>
/// </summary>
internal static partial class TrinoErrorMessages
{
    private const string CouldNotParse = "Could not parse string \"";
    private const string AccordingTo = "\" according to format specifier \"";

    /// <summary>How many places the parsed text could end <see cref="JodaParseFailure"/> tries.</summary>
    private const int MaxSeparatorTries = 8;

    /// <summary>Joda's message for DuckDB's strptime refusal (see the type's summary), or null for another message.</summary>
    internal static string? JodaParseFailure(string message)
    {
        if (!message.StartsWith(CouldNotParse, StringComparison.Ordinal))
        {
            return null;
        }
        // "Could not parse string "<text>" according to format specifier "<format>"\n<text>\n<spaces>^\nError: …": the text
        // may hold the separator's words, so each place it could end is tried until the text stands again before the caret
        // (a few: each try scans the message, and a text of thousands of separators is no date).
        int tries = 0;
        for (int at = message.IndexOf(AccordingTo, CouldNotParse.Length, StringComparison.Ordinal); at >= 0 && tries++ < MaxSeparatorTries;
             at = message.IndexOf(AccordingTo, at + 1, StringComparison.Ordinal))
        {
            string text = message[CouldNotParse.Length..at];
            string repeated = "\"\n" + text + "\n";
            int line = message.IndexOf(repeated, at + AccordingTo.Length, StringComparison.Ordinal);
            if (line < 0)
            {
                continue;
            }
            int caret = line + repeated.Length;
            int spaces = 0;
            while (caret + spaces < message.Length && message[caret + spaces] == ' ')
            {
                spaces++;
            }
            if (caret + spaces < message.Length && message[caret + spaces] == '^')
            {
                int position = CharactersIn(text, spaces);
                string afterCaret = message[(caret + spaces + 1)..];
                if (afterCaret.StartsWith("\nError: Literal does not match", StringComparison.Ordinal) && position > 0)
                {
                    // DuckDB points past the literal it compared; Joda at it.
                    position--;
                }
                else if (afterCaret.StartsWith("\nError: Full specifier did not match", StringComparison.Ordinal))
                {
                    // DuckDB skips white space after the pattern's end before it finds the rest; Joda stops at the end.
                    while (position > 0 && char.IsWhiteSpace(text[position - 1]))
                    {
                        position--;
                    }
                }
                return JodaFieldOutOfRange(text, position, afterCaret) ?? JodaInvalidFormat(text, position);
            }
        }
        // No place given: the text as Joda words a failure at its start.
        int end = message.IndexOf(AccordingTo, CouldNotParse.Length, StringComparison.Ordinal);
        return end < 0 ? null : JodaInvalidFormat(message[CouldNotParse.Length..end], 0);
    }

    /// <summary>DuckDB's range checks of a field Joda checks with a fixed range: Joda reads the number, then refuses it
    /// when it computes the instant (DateTimeParserBucket: IllegalFieldValueException, the text prepended).</summary>
    [GeneratedRegex(@"^\nError: (?<field>Month|Hour|Hour12|Minutes|Seconds) out of range, expected a value between", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex FieldOutOfRange();

    /// <summary>Joda's refusal of a field's value (<c>Cannot parse "2024-13-01": Value 13 for monthOfYear must be in the
    /// range [1,12]</c>) for DuckDB's range error after the caret, the number read where the caret points; else null.</summary>
    private static string? JodaFieldOutOfRange(string text, int position, string afterCaret)
    {
        if (FieldOutOfRange().Match(afterCaret) is not { Success: true } m)
        {
            return null;
        }
        int end = position;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        if (end == position || !int.TryParse(text.AsSpan(position, end - position), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value))
        {
            return null;
        }
        string range = m.Groups["field"].Value switch
        {
            "Month" => "monthOfYear must be in the range [1,12]",
            "Hour" => "hourOfDay must be in the range [0,23]",
            "Hour12" => "clockhourOfHalfday must be in the range [1,12]",
            "Minutes" => "minuteOfHour must be in the range [0,59]",
            _ => "secondOfMinute must be in the range [0,59]",
        };
        return $"Cannot parse \"{text}\": Value {value} for {range}";
    }

    /// <summary>How many characters of <paramref name="text"/> its first <paramref name="bytes"/> UTF-8 bytes are (DuckDB's
    /// caret counts bytes, Joda's position characters); a caret past the text's end stays past it by as much.</summary>
    private static int CharactersIn(string text, int bytes)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        return bytes > utf8.Length ? text.Length + bytes - utf8.Length : Encoding.UTF8.GetCharCount(utf8, 0, bytes);
    }

    /// <summary>Joda's FormatUtils.createErrorMessage: the text (cut 32 characters past the place, with "...", when it is
    /// over 3 characters longer) and where parsing stopped.</summary>
    internal static string JodaInvalidFormat(string text, int errorPosition)
    {
        int sampleLength = errorPosition + 32;
        string sample = text.Length <= sampleLength + 3 ? text : text[..sampleLength] + "...";
        if (errorPosition <= 0)
        {
            return $"Invalid format: \"{sample}\"";
        }
        if (errorPosition >= text.Length)
        {
            return $"Invalid format: \"{sample}\" is too short";
        }
        return $"Invalid format: \"{sample}\" is malformed at \"{sample[errorPosition..]}\"";
    }

    /// <summary>RE2's refusals (its error code's text, then the part of the pattern it names) that Joni words as below.</summary>
    [GeneratedRegex(@"^(?:Pattern failed to parse(?:, error)?: '?)?(?<code>missing \)|unexpected \)|missing \]|missing argument to repetition operator|no argument for repetition operator|trailing \\|invalid character class range|invalid repetition size)(?:: (?<arg>.*?))?'?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex Re2Refusal();

    [GeneratedRegex(@"^\{(\d{1,9}),(\d{1,9})\}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReversedRepeat();

    /// <summary>Joni's message for RE2's refusal of a pattern (see the type's summary), or null for another message.</summary>
    internal static string? JoniPatternFailure(string message)
    {
        if (Re2Refusal().Match(message) is not { Success: true } m)
        {
            return null;
        }
        return m.Groups["code"].Value switch
        {
            "missing )" => UnmatchedCloseParenthesis(m.Groups["arg"].Value) ? JoniUnmatchedClose : JoniUnclosedGroup,
            "unexpected )" => JoniUnmatchedClose,
            "missing ]" => JoniUnclosedClass,
            "trailing \\" => JoniEndAtEscape,
            "invalid character class range" => JoniEmptyRange,
            // RE2 also refuses a count over 1,000 that Joni reads (to 100,000): only a reversed range is Joni's error too.
            "invalid repetition size" => ReversedRepeat().Match(m.Groups["arg"].Value) is { Success: true } r
                && long.Parse(r.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) < long.Parse(r.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                ? JoniReversedRepeat : null,
            _ => JoniNoRepeatTarget,
        };
    }

    internal const string JoniUnclosedGroup = "end pattern with unmatched parenthesis";
    internal const string JoniUnmatchedClose = "unmatched close parenthesis";
    internal const string JoniUnclosedClass = "premature end of char-class";
    internal const string JoniEndAtEscape = "end pattern at escape";
    internal const string JoniEmptyRange = "empty range in char class";
    internal const string JoniReversedRepeat = "upper is smaller than lower in repeat range";
    internal const string JoniNoRepeatTarget = "target of repeat operator is not specified";

    /// <summary>Whether a close parenthesis of the pattern closes no group (outside classes, not escaped): RE2 words it and
    /// an unclosed group alike in older versions ("missing )").</summary>
    private static bool UnmatchedCloseParenthesis(string pattern)
    {
        int depth = 0;
        foreach (int i in DuneJavaRegex.OutsideClasses(pattern))
        {
            if (pattern[i] == '(')
            {
                depth++;
            }
            else if (pattern[i] == ')' && --depth < 0)
            {
                return true;
            }
        }
        return false;
    }
}
