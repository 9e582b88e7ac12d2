using System.Security.Cryptography;
using System.Text;

namespace Strata.Core.Queries;

/// <summary>Normalised SQL text, for recognising the same query again (result reuse).</summary>
public static class SqlText
{
    /// <summary>Collapses white space outside quotes and strips trailing semicolons; literals are untouched.</summary>
    public static string Normalise(string sql)
    {
        var b = new StringBuilder(sql.Length);
        char quote = '\0';
        bool pendingSpace = false;
        foreach (char c in sql.Trim())
        {
            if (quote != '\0')
            {
                b.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && b.Length > 0)
            {
                b.Append(' ');
            }
            pendingSpace = false;
            if (c is '\'' or '"')
            {
                quote = c;
            }
            b.Append(c);
        }
        string s = b.ToString();
        while (s.EndsWith(';'))
        {
            s = s[..^1].TrimEnd();
        }
        return s;
    }

    /// <summary>The reuse key of an execution: owner, normalised SQL and effective parameter values.</summary>
    public static string ReuseKey(string owner, string sql, string parametersJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{owner}\n{Normalise(sql)}\n{parametersJson}")));
}
