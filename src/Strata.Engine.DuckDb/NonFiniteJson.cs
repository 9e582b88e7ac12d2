using System.Text;

namespace Strata.Engine.DuckDb;

/// <summary>
/// DuckDB's JSON writer emits non-finite doubles as bare <c>Infinity</c>, <c>-Infinity</c> and
/// <c>NaN</c>, which JSON lacks; a body holding one does not parse.
/// </summary>
internal static class NonFiniteJson
{
    /// <summary>
    /// Replaces bare <c>Infinity</c>, <c>-Infinity</c> and <c>NaN</c> tokens outside strings with
    /// <c>null</c>, or with the same words as JSON strings when <paramref name="quote"/> is set.
    /// </summary>
    public static string Replace(string json, bool quote)
    {
        if (json.AsSpan().IndexOfAny('I', 'N') < 0)
        {
            return json;
        }
        StringBuilder? result = null;
        int copied = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            if (c == '"')
            {
                inString = true;
                continue;
            }
            int length = string.CompareOrdinal(json, i, "-Infinity", 0, 9) == 0 ? 9
                : string.CompareOrdinal(json, i, "Infinity", 0, 8) == 0 ? 8
                : string.CompareOrdinal(json, i, "NaN", 0, 3) == 0 ? 3
                : 0;
            if (length > 0)
            {
                result ??= new StringBuilder(json.Length);
                result.Append(json, copied, i - copied).Append(quote ? "\"" + json.Substring(i, length) + "\"" : "null");
                i += length - 1;
                copied = i + 1;
            }
        }
        return result is null ? json : result.Append(json, copied, json.Length - copied).ToString();
    }
}
