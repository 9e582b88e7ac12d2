using System.Security.Cryptography;
using System.Text;

namespace Strata.Core.Queries;

/// <summary>Normalised SQL text, for recognising the same query again (result reuse).</summary>
public static class SqlText
{
    /// <summary>
    /// Collapses runs of white space to one space and strips trailing semicolons, outside string
    /// literals, quoted identifiers, dollar-quoted strings and comments, which stay as written (a line
    /// comment keeps the line break that ends it).
    /// </summary>
    public static string Normalise(string sql)
    {
        string text = sql.Trim();
        var b = new StringBuilder(text.Length);
        bool pendingSpace = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                i++;
                continue;
            }
            if (pendingSpace && b.Length > 0)
            {
                b.Append(' ');
            }
            pendingSpace = false;
            int end = VerbatimEnd(text, i);
            if (end > i)
            {
                b.Append(text, i, end - i);
                i = end;
                continue;
            }
            b.Append(c);
            i++;
        }
        string s = b.ToString();
        while (s.EndsWith(';'))
        {
            s = s[..^1].TrimEnd();
        }
        return s;
    }

    /// <summary>End of a literal, quoted identifier, dollar-quoted string or comment starting at i; i if none starts there.</summary>
    private static int VerbatimEnd(string text, int i)
    {
        char c = text[i];
        if (c is '\'' or '"')
        {
            int close = text.IndexOf(c, i + 1);
            return close < 0 ? text.Length : close + 1;
        }
        if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
        {
            int newline = text.IndexOf('\n', i);
            return newline < 0 ? text.Length : newline + 1;
        }
        if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
        {
            int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return close < 0 ? text.Length : close + 2;
        }
        if (c == '$')
        {
            int tagEnd = text.IndexOf('$', i + 1);
            if (tagEnd > i && text.AsSpan(i + 1, tagEnd - i - 1).ContainsAnyExcept(TagCharacters) is false)
            {
                string tag = text[i..(tagEnd + 1)];
                int close = text.IndexOf(tag, tagEnd + 1, StringComparison.Ordinal);
                return close < 0 ? text.Length : close + tag.Length;
            }
        }
        return i;
    }

    private static readonly System.Buffers.SearchValues<char> TagCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>The reuse key of an execution: owner, saved query and version (0 for ad hoc), normalised SQL and parameter values.</summary>
    public static string ReuseKey(string owner, long queryId, int? version, string sql, string parametersJson, SqlDialect dialect = SqlDialect.DuneSql) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            // The same text means something else in another dialect (7/2); DuneSQL keeps the key it always had.
            $"{owner}\n{queryId}\n{version ?? 0}\n{Normalise(sql)}\n{parametersJson}{(dialect == SqlDialect.DuneSql ? "" : "\n" + dialect.ToStored())}")));
}
