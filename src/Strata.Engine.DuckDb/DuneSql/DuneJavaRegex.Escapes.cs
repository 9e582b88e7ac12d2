using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Java's escapes and property classes in RE2's spelling (DuneJavaRegex.cs).</summary>
internal static partial class DuneJavaRegex
{
    /// <summary>RE2's ASCII meanings of \d \w \s, which .NET's pattern spells out (.NET's are Unicode's).</summary>
    private static readonly Dictionary<char, string> AsciiClasses = new()
    {
        ['d'] = "0-9",
        ['w'] = "a-zA-Z0-9_",
        ['s'] = @"\t\n\f\r ",
    };

    /// <summary>Unicode's general categories, by their short names (what .NET's \p{…} reads besides blocks).</summary>
    private static readonly HashSet<string> Categories = new(StringComparer.Ordinal)
    {
        "L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
        "Po", "S", "Sm", "Sc", "Sk", "So", "Z", "Zs", "Zl", "Zp", "C", "Cc", "Cf", "Cs", "Co", "Cn",
    };

    private const string AsciiWord = "[a-zA-Z0-9_]";

    private static int Escape(string java, int i, bool inClass, StringBuilder result, List<string?> groups, bool dotNet, ref int atom)
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
                return Property(java, i, inClass, result, dotNet);
            case 'u' when i + 6 <= java.Length && !java.AsSpan(i + 2, 4).ContainsAnyExcept("0123456789abcdefABCDEF"):
                result.Append(dotNet ? @"\u" : @"\x{").Append(java, i + 2, 4).Append(dotNet ? "" : "}");
                return i + 6;
            case 'x' when dotNet && i + 2 < java.Length && java[i + 2] == '{':
                return CodePoint(java, i, result);
            case 'v':
                // Joni's Java syntax reads \v as the vertical tab (ONIG_SYN_OP2_ESC_V_VTAB).
                result.Append(@"\x0B");
                return i + 2;
            case 'd' or 'w' or 's' or 'D' or 'W' or 'S' when dotNet:
                string members = AsciiClasses[char.ToLowerInvariant(e)];
                bool negated = char.IsUpper(e);
                if (inClass && negated)
                {
                    throw Refused($"\\{e} inside a class together with a construct only a backtracking engine has", "no such class");
                }
                result.Append(inClass ? members : (negated ? "[^" : "[") + members + "]");
                return i + 2;
            case 'b' or 'B' when dotNet && !inClass:
                // RE2's ASCII word boundary (.NET's \b is Unicode's).
                result.Append(e == 'b'
                    ? $"(?:(?<={AsciiWord})(?!{AsciiWord})|(?<!{AsciiWord})(?={AsciiWord}))"
                    : $"(?:(?<={AsciiWord})(?={AsciiWord})|(?<!{AsciiWord})(?!{AsciiWord}))");
                return i + 2;
            case >= '1' and <= '9' when !inClass:
                if (!dotNet)
                {
                    throw Backtracking($"a back-reference (\\{e})", "no back-references");
                }
                int number = e - '0';
                if (number > groups.Count || (i + 2 < java.Length && char.IsAsciiDigit(java[i + 2]) && groups.Count >= 10))
                {
                    throw Refused($"the back-reference \\{java[(i + 1)..Math.Min(i + 3, java.Length)]} (to a group not before it, or of two digits)", "no such back-reference");
                }
                result.Append(@"\k<").Append(number).Append('>');
                return i + 2;
            case 'k' when i + 2 < java.Length && java[i + 2] == '<':
                if (!dotNet)
                {
                    throw Backtracking("a named back-reference (\\k<…>)", "no back-references");
                }
                int close = java.IndexOf('>', i + 3);
                string name = close < 0 ? java[(i + 3)..] : java[(i + 3)..close];
                int group = groups.IndexOf(name);
                if (close < 0 || group < 0)
                {
                    // Oniguruma's words (ONIGERR_UNDEFINED_NAME_REFERENCE).
                    throw new FormatException($"undefined name <{name}> reference");
                }
                result.Append(@"\k<").Append(group + 1).Append('>');
                return close + 1;
            case 'Z' or 'G' when inClass:
                throw Refused($"the escape \\{e} in a class", "no such class member");
            case 'Z' or 'G':
                if (!dotNet)
                {
                    throw Backtracking($"the escape \\{e}", $"no \\{e}");
                }
                result.Append('\\').Append(e);
                return i + 2;
            case 'R' or 'X' or 'h' or 'H' or 'V':
                throw Refused($"the escape \\{e}", $"no \\{e}");
            case 'Q' when !inClass:
                // Quoted text (up to \E or the pattern's end; its backslashes are not escapes): RE2 reads it as Java
                // does; for .NET each character is escaped, the last one the atom a quantifier after \E repeats.
                int end = java.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                int next = end < 0 ? java.Length : end + 2;
                if (!dotNet)
                {
                    result.Append(java, i, next - i);
                    return next;
                }
                for (int k = i + 2; k < (end < 0 ? java.Length : end); k++)
                {
                    atom = result.Length;
                    result.Append(Regex.Escape(java[k].ToString()));
                }
                return next;
            default:
                result.Append('\\').Append(e);
                return i + 2;
        }
    }

    /// <summary>Java's <c>\x{h…h}</c> in .NET's spelling (<c>\uhhhh</c>); a code point past U+FFFF is refused (.NET's
    /// pattern is UTF-16).</summary>
    private static int CodePoint(string java, int i, StringBuilder result)
    {
        int close = java.IndexOf('}', i + 3);
        var digits = close < 0 ? ReadOnlySpan<char>.Empty : java.AsSpan(i + 3, close - i - 3);
        if (digits.IsEmpty || digits.Length > 8 || digits.ContainsAnyExcept("0123456789abcdefABCDEF")
            || !int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code) || code > 0xFFFF)
        {
            throw Refused($"the code point {java[i..(close < 0 ? java.Length : close + 1)]} together with a construct only a backtracking engine has", "no such code point");
        }
        result.Append(@"\u").Append(code.ToString("X4", CultureInfo.InvariantCulture));
        return close + 1;
    }

    private static int Property(string java, int i, bool inClass, StringBuilder result, bool dotNet)
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
        if (bare.StartsWith("java", StringComparison.Ordinal) || bare.StartsWith("Is", StringComparison.Ordinal)
            || bare.StartsWith("In", StringComparison.Ordinal) || bare.Contains('=') || bare.Contains('_'))
        {
            throw Refused($"the character property {java[i..next]}", "no such property");
        }
        if (dotNet)
        {
            // .NET's engine knows Unicode's general categories, not scripts.
            if (!Categories.Contains(bare))
            {
                throw Refused($"the character property {java[i..next]} together with a construct only a backtracking engine has", "no script properties");
            }
            result.Append(negated ? @"\P{" : @"\p{").Append(bare).Append('}');
            return next;
        }
        result.Append(java, i, next - i);
        return next;
    }
}
