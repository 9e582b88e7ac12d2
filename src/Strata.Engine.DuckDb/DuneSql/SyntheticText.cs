using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The translator's synthetic text as it is written out (<see cref="DuneEmitter.Text"/>): outside its single-quoted
/// literals and double-quoted names (a name the user or an ABI wrote, which may hold a quote, <c>error(</c> or
/// <c>_strata_</c>; the translator never quotes an internal name), each <c>error(</c> call is marked as Strata's
/// (<see cref="DuneErrorCalls"/>) and, when the user's text holds <c>_strata_</c>, each internal name is written with
/// this text's own prefix (<see cref="InternalNames"/>). One scan
/// keeps the quote state for both (hostile31: each read the whole text for it); the marker's own literal is balanced and
/// holds no internal name, so the order of the two rewrites never mattered.
/// </summary>
internal static class SyntheticText
{
    private const string Call = "error(";

    /// <summary><paramref name="text"/> with its <c>error(</c> calls marked and, when <paramref name="prefix"/> is not
    /// null, its <c>_strata_</c> names written with it.</summary>
    internal static string Written(string text, string? prefix)
    {
        bool salt = prefix is not null && text.Contains(InternalNames.Prefix, StringComparison.Ordinal);
        if (!salt && !text.Contains(Call, StringComparison.Ordinal))
        {
            return text;
        }
        var written = new StringBuilder(text.Length + 16);
        bool quoted = false, named = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\'' && !named)
            {
                quoted = !quoted;
            }
            else if (c == '"' && !quoted)
            {
                named = !named; // a quoted identifier is a name as written (decode_evm_event's ABI names): never rewritten
            }
            else if (!quoted && !named && c == 'e' && string.CompareOrdinal(text, i, Call, 0, Call.Length) == 0
                && (i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_')))
            {
                written.Append(Call).Append('\'').Append(DuneErrorCalls.Marker).Append("' || ");
                i += Call.Length - 1;
                continue;
            }
            else if (salt && !quoted && !named && c == '_' && string.CompareOrdinal(text, i, InternalNames.Prefix, 0, InternalNames.Prefix.Length) == 0)
            {
                written.Append(prefix);
                i += InternalNames.Prefix.Length - 1;
                continue;
            }
            written.Append(c);
        }
        return written.ToString();
    }
}
