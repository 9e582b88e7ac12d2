using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A constant pattern of Trino's regexp_* functions, written in Java's syntax (Trino reads it with Joni, Java syntax, UTF-8),
/// as RE2's (DuckDB's regexp_*), for the constructs whose spelling differs:
/// <list type="bullet">
/// <item>A named group <c>(?&lt;name&gt;…)</c> is RE2's <c>(?P&lt;name&gt;…)</c> (numbered in the same order).</item>
/// <item>The POSIX classes <c>\p{Alpha}</c>, <c>\p{Digit}</c>, <c>\p{Alnum}</c>, <c>\p{Upper}</c>, <c>\p{Lower}</c>,
/// <c>\p{Space}</c>, <c>\p{Blank}</c>, <c>\p{XDigit}</c>, <c>\p{ASCII}</c>, <c>\p{Word}</c> (and <c>\P{…}</c>) by the
/// Unicode categories Joni gives them for a Unicode encoding (letters, decimal digits, upper/lower case letters, …),
/// inside or outside a class.</item>
/// <item><c>\uhhhh</c> is RE2's <c>\x{hhhh}</c>; a possessive quantifier at the very end of the pattern (<c>\d++</c>,
/// <c>[a-z]*+$</c>), where nothing follows that could take back what it matched, is the greedy one.</item>
/// <item>The comments flag <c>(?x)</c> (also <c>(?x:…)</c>, <c>(?ix)</c>, <c>(?-x)</c>) as Joni's extended mode: outside a
/// class, white space (Unicode White_Space) is dropped and <c>#</c> starts a comment to the next newline; an escaped
/// space or <c>\#</c> stays a literal; the flag is not written (RE2 has none).</item>
/// </list>
/// What RE2 cannot express is refused naming the construct: look-ahead and look-behind, atomic groups, back-references,
/// other possessive quantifiers, class intersection (<c>&amp;&amp;</c>) and nested classes, Java's
/// <c>(?u)</c>/<c>(?d)</c>/<c>(?U)</c> (RE2's <c>U</c> is another flag), <c>\Z</c> (but at the end of regexp_like's
/// pattern), <c>\G</c>,
/// <c>\R</c>, <c>\X</c>, <c>\h</c>, and the properties whose members differ between readings (<c>\p{Punct}</c>,
/// <c>\p{Graph}</c>, <c>\p{Print}</c>, <c>\p{Cntrl}</c>, <c>java…</c>, <c>Is…</c>, <c>In…</c> blocks). The rest is
/// written as given.
/// </summary>
internal static partial class DuneJavaRegex
{
    /// <summary>The class contents of the POSIX property names, as Joni's Unicode ctypes (Onigmo's doc/RE, "Unicode case").</summary>
    private static readonly Dictionary<string, string> Posix = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alpha"] = @"\p{L}\p{Nl}",
        ["Digit"] = @"\p{Nd}",
        ["Alnum"] = @"\p{L}\p{Nl}\p{Nd}",
        ["Upper"] = @"\p{Lu}",
        ["Lower"] = @"\p{Ll}",
        ["Space"] = @"\t\n\x0B\f\r\x85\p{Z}",
        ["Blank"] = @"\t\p{Zs}",
        ["XDigit"] = "0-9A-Fa-f",
        ["ASCII"] = @"\x00-\x7F",
        ["Word"] = @"\p{L}\p{Nl}\p{M}\p{Nd}\p{Pc}",
        // Onigmo's (jcodings') POSIX brackets, as its enc-unicode.rb builds them: Punct is Unicode's Punctuation and,
        // since Onigmo 6.0, the nine ASCII symbols POSIX counts ($+<=>^`|~); Cntrl is Cc; Graph is every assigned
        // character but white space, Cc and surrogates (L, M, N, P, S, Cf, Co); Print is Graph and Zs.
        ["Punct"] = @"\p{P}\$\+<=>\^\x60\|~",
        ["Cntrl"] = @"\p{Cc}",
        ["Graph"] = @"\p{L}\p{M}\p{N}\p{P}\p{S}\p{Cf}\p{Co}",
        ["Print"] = @"\p{L}\p{M}\p{N}\p{P}\p{S}\p{Cf}\p{Co}\p{Zs}",
    };

    /// <summary>RE2's pattern for Java's; the names of its named groups in order of their numbers (null for an unnamed one).
    /// A construct RE2 lacks but a backtracking engine has fails with <see cref="NeedsBacktracking"/>.</summary>
    /// <param name="truthOnly">Whether only whether the pattern matches counts (regexp_like): then a <c>\Z</c> ending the
    /// pattern, outside any group and class, is written <c>(?:\n?\z)</c> — Joni's <c>\Z</c> is the end or the place before
    /// a final newline; the two match the same texts, but the match would take the newline. So is a final <c>$</c> without
    /// <c>(?m)</c> (Joni's Java syntax is single-line: its <c>$</c> is <c>\Z</c>).</param>
    public static string ToRe2(string java, out List<string?> groups, bool truthOnly = false)
    {
        groups = [];
        return Convert(java, groups, truthOnly, dotNet: false);
    }

    /// <summary>RE2's pattern for Java's (see <see cref="ToRe2(string, out List{string?}, bool)"/>).</summary>
    public static string ToRe2(string java) => ToRe2(java, out _);

    /// <summary>The most characters of a pattern read by .NET's engine (<see cref="DuneJavaRegexp"/>): a possessive
    /// quantifier is written by inserting <c>(?&gt;</c> before its atom, so a longer pattern could cost quadratic time.</summary>
    public const int MaxBacktrackingPattern = 10_000;

    /// <summary>.NET's pattern for Java's, for the constructs RE2 lacks (look-around, atomic groups, possessive quantifiers,
    /// back-references, <c>\G</c>, <c>\Z</c>): every capturing group is unnamed (.NET numbers named groups last; Java in
    /// order), a back-reference is <c>\k&lt;n&gt;</c>, a possessive quantifier an atomic group around its atom, and <c>\d \w
    /// \s \b</c> keep the ASCII meaning RE2 gives them, so that a pattern reads the same whichever engine runs it.</summary>
    public static string ToDotNet(string java, out List<string?> groups)
    {
        if (java.Length > MaxBacktrackingPattern)
        {
            throw new FormatException($"Regular expression: a pattern using look-around, atomic groups, possessive quantifiers, back-references, \\G or \\Z is limited to {MaxBacktrackingPattern} characters in Strata");
        }
        groups = [];
        string pattern = Convert(java, groups, truthOnly: false, dotNet: true);
        try
        {
            // What .NET's engine refuses is the translation's error, not each row's.
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (RegexParseException e) when (JoniWords(e.Error) is { } words)
        {
            // Joni refuses these as .NET does, in its words (Trino passes them on).
            throw new FormatException(words, e);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Regular expression: " + e.Message, e);
        }
        return pattern;
    }

    /// <summary>The places of a pattern's characters outside its classes, in order, escapes skipped: a class stands as its
    /// '[' (a ']' first in it, or after '^', is a member).</summary>
    internal static IEnumerable<int> OutsideClasses(string pattern)
    {
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else
            {
                yield return i;
                if (c == '[')
                {
                    inClass = true;
                    i += i + 1 < pattern.Length && pattern[i + 1] == '^' ? 1 : 0;
                    i += i + 1 < pattern.Length && pattern[i + 1] == ']' ? 1 : 0;
                }
            }
        }
    }

    /// <summary>Whether a flag group outside the pattern's classes and escapes sets <c>m</c> (<c>(?m)</c>, <c>(?im:…)</c>;
    /// not <c>(?-m)</c>): an escaped <c>\(?m</c> or a class <c>[(?m]</c> is text, not a flag.</summary>
    private static bool SetsMultiline(string pattern)
    {
        foreach (int i in OutsideClasses(pattern))
        {
            if (pattern[i] != '(' || i + 1 >= pattern.Length || pattern[i + 1] != '?')
            {
                continue;
            }
            for (int j = i + 2; j < pattern.Length && char.IsAsciiLetter(pattern[j]); j++)
            {
                if (pattern[j] == 'm')
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The class members of a POSIX bracket's name (Onigmo's names are lower case), or null for another name.</summary>
    private static string? PosixBracket(string name) =>
        name.Length > 0 && name.All(char.IsAsciiLetterLower) && Posix.TryGetValue(name, out var members) ? members : null;

    /// <summary>Joni's message (joni ErrorMessages) for a refusal of .NET's parser that Joni refuses alike, or null.</summary>
    private static string? JoniWords(RegexParseError error) => error switch
    {
        RegexParseError.InsufficientClosingParentheses => TrinoErrorMessages.JoniUnclosedGroup,
        RegexParseError.InsufficientOpeningParentheses => TrinoErrorMessages.JoniUnmatchedClose,
        RegexParseError.UnterminatedBracket => TrinoErrorMessages.JoniUnclosedClass,
        RegexParseError.QuantifierAfterNothing => TrinoErrorMessages.JoniNoRepeatTarget,
        RegexParseError.UnescapedEndingBackslash => TrinoErrorMessages.JoniEndAtEscape,
        RegexParseError.ReversedCharacterRange => TrinoErrorMessages.JoniEmptyRange,
        RegexParseError.ReversedQuantifierRange => TrinoErrorMessages.JoniReversedRepeat,
        _ => null,
    };

    private static string Convert(string java, List<string?> groups, bool truthOnly, bool dotNet)
    {
        var result = new StringBuilder(java.Length + 8);
        int classDepth = 0;
        // Where the last atom starts in the result (a possessive quantifier of .NET's pattern wraps it in (?>…)).
        int atom = 0;
        // The comments flag (?x) as Joni reads it: outside classes, white space is skipped and '#' starts a comment up to a
        // newline; the flag holds to the end of the group it is set in (or inside a (?x:…) group).
        var flags = new Flags();
        for (int i = 0; i < java.Length;)
        {
            char c = java[i];
            if (flags.Extended && classDepth == 0 && char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (flags.Extended && classDepth == 0 && c == '#')
            {
                int newline = java.IndexOf('\n', i);
                i = newline < 0 ? java.Length : newline + 1;
                continue;
            }
            // Joni's '$' (Java syntax: single line) is \Z: the end or before a final newline; RE2's only the end.
            if (truthOnly && c == '$' && i + 1 == java.Length && classDepth == 0 && flags.Depth == 0 && !SetsMultiline(java))
            {
                result.Append(@"(?:\n?\z)");
                break;
            }
            if (truthOnly && c == '\\' && i + 2 == java.Length && java[i + 1] == 'Z' && classDepth == 0 && flags.Depth == 0)
            {
                result.Append(@"(?:\n?\z)");
                break;
            }
            if (c == '\\')
            {
                if (classDepth == 0)
                {
                    atom = result.Length;
                }
                i = Escape(java, i, classDepth > 0, result, groups, dotNet, ref atom);
                continue;
            }
            if (classDepth > 0)
            {
                if (c == '[' && !(i + 1 < java.Length && java[i + 1] == ':'))
                {
                    throw Refused("a nested character class ([…[…]…])", "no union or nesting of classes");
                }
                if (c == '&' && i + 1 < java.Length && java[i + 1] == '&')
                {
                    throw Refused("a class intersection (&&)", "no intersection of classes");
                }
                if (c == '[')
                {
                    // A POSIX bracket [:name:] inside a class: Joni's (Unicode) members, those of \p{Name}; RE2 reads the
                    // bracket as ASCII only and .NET not at all. Another name is written as it stands.
                    int close = java.IndexOf(":]", i + 2, StringComparison.Ordinal);
                    int next = close < 0 ? java.Length : close + 2;
                    string name = close < 0 ? "" : java[(i + 2)..close];
                    if (name.StartsWith('^') && PosixBracket(name[1..]) is not null)
                    {
                        throw Refused($"the negated POSIX bracket [:{name}:]", "no negated Unicode bracket");
                    }
                    result.Append(PosixBracket(name) ?? java[i..next]);
                    i = next;
                    continue;
                }
                if (c == ']')
                {
                    classDepth--;
                }
                result.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '[':
                    atom = result.Length;
                    classDepth++;
                    result.Append(c);
                    i++;
                    // A ']' right after '[' or '[^' is a literal member.
                    if (i < java.Length && java[i] == '^')
                    {
                        result.Append('^');
                        i++;
                    }
                    if (i < java.Length && java[i] == ']')
                    {
                        result.Append(@"\]");
                        i++;
                    }
                    continue;
                case '(':
                    i = Group(java, i, result, groups, flags, dotNet);
                    continue;
                case ')':
                    atom = flags.Close(result.Length);
                    result.Append(c);
                    i++;
                    continue;
                case '*' or '+' or '?':
                    result.Append(c);
                    i = Possessive(java, i, i + 1, result, dotNet, atom);
                    continue;
                case '{':
                    // Only digits and one comma may stand before a repetition's '}': the scan stops at anything else, so
                    // a run of unclosed braces costs linear time (a search for '}' per brace was quadratic: hostile20).
                    int brace = i + 1;
                    while (brace < java.Length && (char.IsAsciiDigit(java[brace]) || java[brace] == ','))
                    {
                        brace++;
                    }
                    if (brace < java.Length && java[brace] == '}' && IsRepetition(java.AsSpan(i + 1, brace - i - 1)))
                    {
                        result.Append(java, i, brace + 1 - i);
                        i = Possessive(java, i, brace + 1, result, dotNet, atom);
                        continue;
                    }
                    atom = result.Length;
                    result.Append(dotNet ? @"\{" : "{");
                    i++;
                    continue;
                default:
                    atom = result.Length;
                    result.Append(c);
                    i++;
                    continue;
            }
        }
        return result.ToString();
    }
}
