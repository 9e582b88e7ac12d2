using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Core.Security;

/// <summary>
/// Caller input quoted back in an error message, cut to a short prefix: a 5,000-character execution id, query id,
/// parameter name or setting came back whole in the 400 (hostile27), making every refusal as large as what was sent.
/// The prefix is enough to recognise the input; the count says how much was cut.
/// </summary>
public static partial class EchoedText
{
    /// <summary>The most characters of the input an error message repeats.</summary>
    public const int MaxChars = 64;

    /// <summary>The longest quoted run <see cref="CutQuoted"/> leaves whole: a real Dune table or column name runs past 64
    /// characters (<c>delta_prod.uniswap_v3_ethereum.NonfungibleTokenPositionDescriptor_call_…</c>) and Trino names it whole
    /// in "Table … does not exist"; a longer run is input no name reaches, cut to <see cref="MaxChars"/>.</summary>
    public const int MaxQuotedChars = 256;

    /// <summary><paramref name="text"/> whole when it has at most <see cref="MaxChars"/> characters, else its first
    /// <see cref="MaxChars"/> and "… (N characters)". A surrogate pair is not split.</summary>
    public static string Cut(string? text)
    {
        if (text is null || text.Length <= MaxChars)
        {
            return text ?? "";
        }
        int end = char.IsHighSurrogate(text[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
        return string.Create(CultureInfo.InvariantCulture, $"{text[..end]}... ({text.Length} characters)");
    }

    /// <summary>
    /// One rule for the input an error message repeats inside quotes ('…' or "…", as DuckDB and Trino quote a value, a
    /// name, a zone or a pattern): each quoted run longer than <see cref="MaxQuotedChars"/> is cut as <see cref="Cut"/> cuts.
    /// <c>at_timezone(ts, &lt;100,000-character zone&gt;)</c> came back whole (hostile28), as would a date text, a JSON text
    /// or a column name of that size. A quote opens after the start, a space or one of <c>( [ : = ,</c> and closes before
    /// the end, a space or one of <c>) ] . , ; :</c>, so an apostrophe inside a word ("the zone's name") opens nothing; a
    /// run that never closes (a message cut short) is cut to its end; a run already cut (64 characters and "...", with or
    /// without the count) is left as it is.
    /// <para>
    /// hostile30: a run that closes early (input <c>x' yyyy…</c> echoed <c>'x' yyyy…'</c>, or thousands of <c>'a' </c>)
    /// left the rest of the echo whole. So, after the runs are cut, the span from the first quote that opens to the last
    /// that closes, when it still holds more than <see cref="MaxEchoSpanChars"/> characters, is cut as one run: however
    /// the quotes fall, the echoed part of a message is at most that span.
    /// </para>
    /// </summary>
    public static string CutQuoted(string message)
    {
        if (message is null || message.Length <= MaxQuotedChars)
        {
            return message!;
        }
        string runs = CutRuns(message);
        int first = -1, last = -1;
        for (int i = 0; i < runs.Length; i++)
        {
            if (runs[i] is '\'' or '"')
            {
                if (first < 0 && Opens(runs, i))
                {
                    first = i;
                }
                else if (first >= 0 && Closes(runs, i))
                {
                    last = i;
                }
            }
        }
        if (first < 0 || last < 0 || last - first - 1 <= MaxEchoSpanChars)
        {
            return runs;
        }
        return string.Concat(runs.AsSpan(0, first + 1), Cut(runs.Substring(first + 1, last - first - 1)), runs.AsSpan(last));
    }

    /// <summary>The most characters between a message's first opening quote and its last closing one once its runs are
    /// cut: two runs of <see cref="MaxQuotedChars"/> and the words between them.</summary>
    public const int MaxEchoSpanChars = 2 * MaxQuotedChars + 64;

    private static bool Opens(string text, int i) => i == 0 || text[i - 1] is ' ' or '(' or '[' or ':' or '=' or ',' or '\n';

    private static bool Closes(string text, int i) =>
        i + 1 == text.Length || text[i + 1] is ' ' or ')' or ']' or '.' or ',' or ';' or ':' or '\n';

    /// <summary>Each quoted run over <see cref="MaxQuotedChars"/> cut (a run closes at its first closing quote).</summary>
    private static string CutRuns(string message)
    {
        StringBuilder? cut = null;
        int copied = 0;
        for (int i = 0; i < message.Length; i++)
        {
            char q = message[i];
            if (q is not ('\'' or '"') || !Opens(message, i))
            {
                continue;
            }
            int close = i + 1;
            while (close < message.Length && !(message[close] == q && Closes(message, close)))
            {
                close++;
            }
            int length = close - (i + 1);
            if (length > MaxQuotedChars && !AlreadyCut().IsMatch(message.AsSpan(i + 1, length)))
            {
                cut ??= new StringBuilder(message.Length);
                cut.Append(message, copied, i + 1 - copied).Append(Cut(message.Substring(i + 1, length)));
                copied = close;
            }
            i = close;
        }
        return cut is null ? message : cut.Append(message, copied, message.Length - copied).ToString();
    }

    [GeneratedRegex(@"^[\s\S]{1,64}\.\.\.(?: \(\d+ characters\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AlreadyCut();
}
