using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Replacement references, quantifier and group reading, and the refusals of Java regex constructs.</summary>
internal static partial class DuneJavaRegex
{
    /// <summary>A replacement's <c>${name}</c> references as <c>$n</c>, by the pattern's group numbers; an unknown name is
    /// Trino's error (JoniRegexpFunctions.appendReplacement).</summary>
    public static string NamedReferences(string replacement, List<string?> groups)
    {
        var result = new StringBuilder(replacement.Length);
        // Each name's number, looked up once a reference (a search of the list per reference was quadratic: hostile20).
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = groups.Count - 1; k >= 0; k--)
        {
            if (groups[k] is { } group)
            {
                numbers[group] = k;
            }
        }
        for (int i = 0; i < replacement.Length; i++)
        {
            char c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                result.Append(c).Append(replacement[++i]);
                continue;
            }
            if (c == '$' && i + 1 < replacement.Length && replacement[i + 1] == '{')
            {
                int close = replacement.IndexOf('}', i + 2);
                if (close < 0)
                {
                    throw new FormatException("named capturing group is missing trailing '}'");
                }
                string name = replacement[(i + 2)..close];
                if (!numbers.TryGetValue(name, out int number))
                {
                    throw new FormatException($"Illegal replacement sequence: unknown group {{ {name} }}"); // Trino's appendReplacement
                }
                // $n followed by a digit would read as a longer group number: the digit is escaped.
                result.Append('$').Append((number + 1).ToString(CultureInfo.InvariantCulture));
                if (close + 1 < replacement.Length && char.IsAsciiDigit(replacement[close + 1]))
                {
                    result.Append('\\');
                }
                i = close;
                continue;
            }
            result.Append(c);
        }
        return result.ToString();
    }

    private static bool IsRepetition(ReadOnlySpan<char> inside)
    {
        int comma = inside.IndexOf(',');
        var low = comma < 0 ? inside : inside[..comma];
        if (low.IsEmpty || low.ContainsAnyExcept("0123456789"))
        {
            return false;
        }
        return comma < 0 || !inside[(comma + 1)..].ContainsAnyExcept("0123456789");
    }

    /// <summary>After a quantifier: a lazy '?' as written; a possessive '+' is, for RE2, the greedy quantifier when nothing
    /// but the pattern's end (or a final '$') follows it, and a backtracking engine's need elsewhere; for .NET, an atomic
    /// group around the atom and its quantifier.</summary>
    private static int Possessive(string java, int quantifier, int i, StringBuilder result, bool dotNet, int atom)
    {
        if (i < java.Length && java[i] == '?')
        {
            result.Append('?');
            return i + 1;
        }
        if (i < java.Length && java[i] == '+')
        {
            if (dotNet)
            {
                result.Insert(atom, "(?>").Append(')');
                return i + 1;
            }
            var rest = java.AsSpan(i + 1);
            if (rest is "" or "$")
            {
                return i + 1;
            }
            throw Backtracking($"the possessive quantifier {java[quantifier..(i + 1)]} before more of the pattern", "no possessive quantifiers");
        }
        return i;
    }

    /// <summary>Whether the comments flag holds, by open group.</summary>
    private sealed class Flags
    {
        private readonly Stack<(bool Extended, int Start)> outer = new();

        public bool Extended { get; set; }

        /// <summary>How many groups are open.</summary>
        public int Depth => outer.Count;

        /// <summary>A group opens at <paramref name="start"/> of the result: its content starts with the enclosing flag.</summary>
        public void Open(int start) => outer.Push((Extended, start));

        /// <summary>A group closes: the flag is the enclosing one's again (an unbalanced ')' is the engine's error); the
        /// group's start in the result (<paramref name="here"/> for an unbalanced one).</summary>
        public int Close(int here)
        {
            if (outer.Count == 0)
            {
                return here;
            }
            (Extended, int start) = outer.Pop();
            return start;
        }
    }

    private static int Group(string java, int i, StringBuilder result, List<string?> groups, Flags state, bool dotNet)
    {
        int start = result.Length;
        if (i + 1 >= java.Length || java[i + 1] != '?')
        {
            groups.Add(null);
            state.Open(start);
            result.Append('(');
            return i + 1;
        }
        if (!(i + 2 < java.Length && (char.IsAsciiLetter(java[i + 2]) || java[i + 2] == '-')))
        {
            state.Open(start); // (?: (?< and the look-arounds: a group, closed by its ')'
        }
        // A view of the rest, not a copy: a copy per group was quadratic in the pattern (hostile20).
        var after = java.AsSpan(i + 2);
        string? backtracking = after.StartsWith("<=", StringComparison.Ordinal) || after.StartsWith("<!", StringComparison.Ordinal)
            ? $"the look-behind {java.Substring(i, 4)}…)"
            : after.StartsWith("=", StringComparison.Ordinal) || after.StartsWith("!", StringComparison.Ordinal) ? $"the look-ahead {java.Substring(i, 3)}…)"
            : after.StartsWith(">", StringComparison.Ordinal) ? "the atomic group (?>…)" : null;
        if (backtracking is not null)
        {
            if (!dotNet)
            {
                throw Backtracking(backtracking, backtracking.Contains("atomic", StringComparison.Ordinal) ? "no atomic groups" : "no look-around");
            }
            int length = after.StartsWith("<", StringComparison.Ordinal) ? 4 : 3;
            result.Append(java, i, length);
            return i + length;
        }
        if (after.StartsWith("<", StringComparison.Ordinal))
        {
            int close = java.IndexOf('>', i + 3);
            if (close < 0)
            {
                throw new FormatException("named capturing group is missing trailing '>'");
            }
            string name = java[(i + 3)..close];
            groups.Add(name);
            result.Append(dotNet ? "(" : "(?P<" + name + ">");
            return close + 1;
        }
        // Inline flags (?flags) or (?flags:…): Java's i, m and s are both engines'; x (comments) is applied here and not
        // written; the others are refused.
        int at = i + 2;
        bool off = false;
        bool? extended = null;
        var written = new StringBuilder("(?");
        while (at < java.Length && (char.IsAsciiLetter(java[at]) || java[at] == '-'))
        {
            char flag = java[at];
            if (flag is not ('i' or 'm' or 's' or 'x' or '-'))
            {
                // Trino's documentation: (?u) and (?d) "must not be used"; (?U) is RE2's ungreedy flag, not Java's.
                throw Refused($"the flag (?{flag})", $"no flag {flag} as Java's");
            }
            off |= flag == '-';
            if (flag is 'x')
            {
                extended = !off;
            }
            else
            {
                written.Append(flag);
            }
            at++;
        }
        if (written[^1] == '-')
        {
            written.Length--; // (?i-x): nothing left to turn off
        }
        bool scoped = at < java.Length && java[at] == ':';
        if (scoped)
        {
            state.Open(start);
            state.Extended = extended ?? state.Extended;
            result.Append(written.Length == 2 ? "(?" : written.ToString());
            return at; // the ':' is written next
        }
        state.Extended = extended ?? state.Extended;
        if (at < java.Length && java[at] == ')' && (extended is null || written.Length > 2))
        {
            result.Append(written).Append(')'); // the flags hold to the enclosing group's end: this ')' closes no group
            return at + 1;
        }
        if (at < java.Length && java[at] == ')')
        {
            return at + 1; // only the comments flag: nothing for RE2
        }
        result.Append(written);
        return at;
    }

    /// <summary>A construct RE2 lacks and a backtracking engine has: the regexp_* functions read the pattern with .NET's
    /// engine instead (<see cref="DuneJavaRegexp"/>); elsewhere it is refused with this message.</summary>
    public sealed class NeedsBacktracking(string message) : FormatException(message);

    private static NeedsBacktracking Backtracking(string construct, string lack) =>
        new($"Regular expression: {construct} is not supported (Strata's engine, RE2, has {lack})");

    private static FormatException Refused(string construct, string lack) =>
        new($"Regular expression: {construct} is not supported (Strata's engine, RE2, has {lack})");
}
