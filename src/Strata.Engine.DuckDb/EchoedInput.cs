using System.Text;
using Strata.Core.Security;

namespace Strata.Engine.DuckDb;

/// <summary>
/// One rule for the input an engine error repeats: each quoted run ('…' or "…", as DuckDB and Trino quote a value, a name or
/// a pattern) is cut as <see cref="EchoedText.Cut"/> cuts the API's echoes (64 characters, then the count).
/// <c>at_timezone(ts, &lt;100,000-character zone&gt;)</c> came back whole inside "Time zone '…' is not valid" (hostile28),
/// as did a date text, a JSON text or a column name of that size in their messages. A quote opens after the start, a
/// space or one of <c>( [ : = ,</c> and closes before the end, a space or one of <c>) ] . , ; :</c>, so an apostrophe
/// inside a word ("the zone's name") opens nothing; a run that never closes (a message cut short) is cut to its end.
/// </summary>
internal static class EchoedInput
{
    internal static string Cut(string message)
    {
        if (message.Length <= EchoedText.MaxChars)
        {
            return message;
        }
        StringBuilder? cut = null;
        int copied = 0;
        for (int i = 0; i < message.Length; i++)
        {
            char q = message[i];
            if (q is not ('\'' or '"') || !(i == 0 || message[i - 1] is ' ' or '(' or '[' or ':' or '=' or ',' or '\n'))
            {
                continue;
            }
            int close = i + 1;
            while (close < message.Length && !(message[close] == q
                && (close + 1 == message.Length || message[close + 1] is ' ' or ')' or ']' or '.' or ',' or ';' or ':' or '\n')))
            {
                close++;
            }
            int length = close - (i + 1);
            if (length > EchoedText.MaxChars)
            {
                cut ??= new StringBuilder(message.Length);
                cut.Append(message, copied, i + 1 - copied).Append(EchoedText.Cut(message.Substring(i + 1, length)));
                copied = close;
            }
            i = close;
        }
        return cut is null ? message : cut.Append(message, copied, message.Length - copied).ToString();
    }
}
