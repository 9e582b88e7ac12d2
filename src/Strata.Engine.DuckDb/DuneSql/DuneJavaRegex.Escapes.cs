using System.Globalization;
using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Java's escapes and property classes in RE2's spelling (DuneJavaRegex.cs).</summary>
internal static partial class DuneJavaRegex
{
    private static int Escape(string java, int i, bool inClass, StringBuilder result)
    {
        if (i + 1 >= java.Length)
        {
            result.Append('\\');
            return i + 1;
        }
        char e = java[i + 1];
        switch (e)
        {
            case 'p' or 'P':
                return Property(java, i, inClass, result);
            case 'u' when i + 6 <= java.Length && !java.AsSpan(i + 2, 4).ContainsAnyExcept("0123456789abcdefABCDEF"):
                result.Append(@"\x{").Append(java, i + 2, 4).Append('}');
                return i + 6;
            case >= '1' and <= '9' when !inClass:
                throw Refused($"a back-reference (\\{e})", "no back-references");
            case 'k' when i + 2 < java.Length && java[i + 2] == '<':
                throw Refused("a named back-reference (\\k<…>)", "no back-references");
            case 'Z' or 'G' or 'R' or 'X' or 'h' or 'H' or 'V' or 'v':
                throw Refused($"the escape \\{e}", $"no \\{e}");
            case 'Q' when !inClass:
                // Quoted text, as RE2 reads it (up to \E or the pattern's end; its backslashes are not escapes).
                int end = java.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                int next = end < 0 ? java.Length : end + 2;
                result.Append(java, i, next - i);
                return next;
            default:
                result.Append('\\').Append(e);
                return i + 2;
        }
    }

    private static int Property(string java, int i, bool inClass, StringBuilder result)
    {
        bool negated = java[i + 1] == 'P';
        string name;
        int next;
        if (i + 2 < java.Length && java[i + 2] == '{')
        {
            int close = java.IndexOf('}', i + 3);
            if (close < 0)
            {
                throw new FormatException("invalid character property name {" + java[(i + 3)..] + "}");
            }
            name = java[(i + 3)..close];
            next = close + 1;
        }
        else if (i + 2 < java.Length)
        {
            name = java[i + 2].ToString();
            next = i + 3;
        }
        else
        {
            throw new FormatException($"Regular expression: \\{java[i + 1]} at the pattern's end names no property");
        }
        string bare = name.StartsWith('^') ? name[1..] : name;
        if (name.StartsWith('^'))
        {
            negated = !negated;
        }
        if (Posix.TryGetValue(bare, out var members))
        {
            if (inClass && negated)
            {
                throw Refused($"a negated POSIX class inside a class ({java[i..next]})", "no negated multi-category members in a class");
            }
            result.Append(inClass ? members : (negated ? "[^" : "[") + members + "]");
            return next;
        }
        if (Ambiguous.Contains(bare) || bare.StartsWith("java", StringComparison.Ordinal) || bare.StartsWith("Is", StringComparison.Ordinal)
            || bare.StartsWith("In", StringComparison.Ordinal) || bare.Contains('=') || bare.Contains('_'))
        {
            throw Refused($"the character property {java[i..next]}", "no such property");
        }
        result.Append(java, i, next - i);
        return next;
    }
}
