using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_java_regexp(op, s, pattern, a, b) → VARCHAR[]</c>: Trino's regexp_* functions (JoniRegexpFunctions, read in
/// trinodb/trino) for a constant pattern that uses what RE2 lacks and a backtracking engine has — look-around, atomic
/// groups, possessive quantifiers, back-references, <c>\G</c>, <c>\Z</c> — run by .NET's engine on the pattern
/// <see cref="DuneJavaRegex.ToDotNet"/> wrote. <c>op</c> is the function: <c>like</c> → <c>[true|false]</c>;
/// <c>count</c> → <c>[n]</c>; <c>extract</c> (group <c>a</c>) → <c>[value]</c>, <c>[NULL]</c> for a group outside the
/// match, <c>[]</c> without a match; <c>extract_all</c> (group <c>a</c>) → the values; <c>replace</c> (replacement
/// <c>a</c>) → <c>[text]</c>; <c>position</c> (start <c>a</c>, occurrence <c>b</c>) → <c>[n]</c>; <c>split</c> → the
/// pieces. Matches are searched as Trino searches them: each from where the last ended, or one character further after an
/// empty match. A NULL argument gives NULL. A text with a character past U+FFFF is refused (.NET matches UTF-16 units, Joni
/// code points: <c>.</c> would split it); a match that takes over <see cref="DuneRegexCache.MatchTimeout"/> is the query's
/// error.
/// Registered only for a text that calls it.
/// </summary>
internal static unsafe class DuneJavaRegexp
{
    public const string Function = "dune_java_regexp";

    /// <summary>What one native call may produce over all its rows, as JSON_TABLE's bounds (decision 229): DuckDB hands a
    /// call up to 2,048 rows, and one pattern can make a value far larger than its input (every prefix of the text).</summary>
    public const long MaxCallCharacters = 64L << 20;

    public const int MaxCallValues = 1_000_000;

    /// <summary>The most time one native call may spend matching (hostile22): each match stops at <see cref="MatchTimeout"/>,
    /// but a call evaluates up to 2,048 rows and DuckDB sees a query's cancellation or time limit only between calls, so
    /// 2,048 matches just under a second each held a thread for 34 minutes past the query's limit.</summary>
    public static readonly TimeSpan MaxCallTime = TimeSpan.FromSeconds(10);

    /// <summary>When the running native call began (<see cref="Stopwatch.GetTimestamp"/>), 0 outside one.</summary>
    [ThreadStatic]
    private static long callStarted;

    /// <summary>The running call's bound on its matching time (the registration's extra info, in ticks).</summary>
    [ThreadStatic]
    private static long callTicks;

    [ThreadStatic]
    private static long producedCharacters;

    [ThreadStatic]
    private static int producedValues;

    /// <summary>Counts a value (or <paramref name="characters"/> more of one) against the call's bounds.</summary>
    private static void Produce(long characters, int values)
    {
        producedCharacters += characters;
        producedValues += values;
        if (producedCharacters > MaxCallCharacters || producedValues > MaxCallValues)
        {
            throw new FormatException($"regexp functions: the values computed together pass {MaxCallCharacters} characters or {MaxCallValues} values; filter the inputs or use a narrower pattern");
        }
    }

    private static void Add(List<string?> values, string? value)
    {
        Produce(value?.Length ?? 0, 1);
        values.Add(value);
    }

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) => Register(connection, MaxCallTime);

    /// <summary>Registers the function with <paramref name="callTime"/> as each call's bound on its matching time.</summary>
    public static void Register(DuckDBConnection connection, TimeSpan callTime)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        IntPtr list = DuneNative.CreateListType(text);
        try
        {
            DuneNative.RegisterScalar(con, Function, [text, text, text, text, text], list, &Rows, (IntPtr)Math.Max(callTime.Ticks, 1));
        }
        finally
        {
            DuneNative.DestroyType(ref list);
            DuneNative.DestroyType(ref text);
        }
    }

    /// <summary>The function's values for one row (see the type's summary); a <see cref="FormatException"/> is Trino's error.</summary>
    public static List<string?> Evaluate(string op, string s, string pattern, string a, string b)
    {
        if (s.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            throw new FormatException($"regexp_{op}: Strata reads this pattern (look-around, atomic groups, possessive quantifiers, back-references, \\G or \\Z) with an engine that cannot match a text holding characters past U+FFFF");
        }
        var regex = DuneRegexCache.Get(pattern);
        int groups = regex.GetGroupNumbers().Length - 1;
        var values = new List<string?>();
        switch (op)
        {
            case "like":
                CheckCallTime();
                values.Add(regex.IsMatch(s) ? "true" : "false");
                break;
            case "count":
                values.Add(Matches(regex, s, 0).Count().ToString(CultureInfo.InvariantCulture));
                break;
            case "extract":
                int group = Group(a, groups);
                if (Matches(regex, s, 0).FirstOrDefault() is { } first)
                {
                    values.Add(first.Groups[group].Success ? first.Groups[group].Value : null);
                }
                break;
            case "extract_all":
                int each = Group(a, groups);
                foreach (var match in Matches(regex, s, 0))
                {
                    Add(values, match.Groups[each].Success ? match.Groups[each].Value : null);
                }
                break;
            case "replace":
                values.Add(Replace(regex, s, a, groups));
                break;
            case "position":
                values.Add(Position(regex, s, a, b).ToString(CultureInfo.InvariantCulture));
                break;
            case "split":
                int lastEnd = 0;
                foreach (var match in Matches(regex, s, 0))
                {
                    Add(values, s[lastEnd..match.Index]);
                    lastEnd = match.Index + match.Length;
                }
                Add(values, s[lastEnd..]);
                break;
            default:
                throw new ArgumentException("unknown operation " + op, nameof(op));
        }
        return values;
    }

    /// <summary>Trino's search loop: each search starts where the last match ended, one character further when it was
    /// empty (getNextStart), and ends past the text.</summary>
    private static IEnumerable<Match> Matches(Regex regex, string s, int start)
    {
        for (int next = start; next <= s.Length;)
        {
            CheckCallTime();
            var match = regex.Match(s, next);
            if (!match.Success)
            {
                yield break;
            }
            yield return match;
            next = match.Index + Math.Max(match.Length, 1);
        }
    }

    /// <summary>Fails the running native call once its matching has taken <see cref="callTicks"/> (a search already begun
    /// stops at <see cref="MatchTimeout"/>).</summary>
    private static void CheckCallTime()
    {
        if (callStarted != 0 && Stopwatch.GetElapsedTime(callStarted).Ticks > callTicks)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"regexp functions: matching the inputs evaluated together took more than {TimeSpan.FromTicks(callTicks).TotalSeconds:0.###} s; filter the inputs or use a simpler pattern"));
        }
    }

    /// <summary>The group number of a regexp_extract argument, checked as Trino's validateGroup.</summary>
    private static int Group(string text, int groups)
    {
        long group = long.Parse(text, CultureInfo.InvariantCulture);
        if (group < 0)
        {
            throw new FormatException("Group cannot be negative");
        }
        if (group > groups)
        {
            throw new FormatException($"Pattern has {groups} groups. Cannot access group {group}");
        }
        return (int)group;
    }

    private static long Position(Regex regex, string s, string startText, string occurrenceText)
    {
        long start = long.Parse(startText, CultureInfo.InvariantCulture), occurrence = long.Parse(occurrenceText, CultureInfo.InvariantCulture);
        if (start < 1)
        {
            throw new FormatException("start position cannot be smaller than 1");
        }
        if (occurrence < 1)
        {
            throw new FormatException("occurrence cannot be smaller than 1");
        }
        if (start > s.Length)
        {
            return -1;
        }
        long count = 0;
        foreach (var match in Matches(regex, s, (int)start - 1))
        {
            if (++count == occurrence)
            {
                return match.Index + 1;
            }
        }
        return -1;
    }

    /// <summary>Trino's regexp_replace (appendReplacement): <c>$n</c> takes the most digits that still name a group,
    /// <c>${name}</c> was made <c>$n</c> by the translation, a backslash makes the next character literal; a group outside
    /// the match adds nothing.</summary>
    private static string Replace(Regex regex, string s, string replacement, int groups)
    {
        var result = new StringBuilder(s.Length);
        int lastEnd = 0;
        foreach (var match in Matches(regex, s, 0))
        {
            int before = result.Length;
            result.Append(s, lastEnd, match.Index - lastEnd);
            lastEnd = match.Index + match.Length;
            AppendReplacement(result, match, replacement, groups);
            Produce(result.Length - before, 0);
        }
        return result.Append(s, lastEnd, s.Length - lastEnd).ToString();
    }

    private static void AppendReplacement(StringBuilder result, Match match, string replacement, int groups)
    {
        for (int i = 0; i < replacement.Length;)
        {
            char c = replacement[i];
            if (c == '$')
            {
                if (++i < replacement.Length && replacement[i] == '{')
                {
                    // A ${name} left here named no group of the pattern (the translation rewrote the ones it knew).
                    int close = replacement.IndexOf('}', i);
                    throw new FormatException($"Illegal replacement sequence: unknown group {{ {replacement[(i + 1)..(close < 0 ? replacement.Length : close)]} }}");
                }
                if (i == replacement.Length || !char.IsAsciiDigit(replacement[i]))
                {
                    throw new FormatException("Illegal replacement sequence: " + replacement);
                }
                int group = replacement[i++] - '0';
                if (group > groups)
                {
                    throw new FormatException("Illegal replacement sequence: unknown group " + group.ToString(CultureInfo.InvariantCulture));
                }
                while (i < replacement.Length && char.IsAsciiDigit(replacement[i]) && group * 10 + (replacement[i] - '0') <= groups)
                {
                    group = group * 10 + (replacement[i++] - '0');
                }
                if (match.Groups[group].Success)
                {
                    result.Append(match.Groups[group].ValueSpan);
                }
                continue;
            }
            if (c == '\\')
            {
                if (++i == replacement.Length)
                {
                    throw new FormatException("Illegal replacement sequence: " + replacement);
                }
            }
            result.Append(replacement[i++]);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, NativeStringRows.MaxArguments, Row, Failure, () => Start(info, input, output), () => callStarted = 0);

    /// <summary>A call's start: its bounds count from zero, its matching clock starts (<see cref="CheckCallTime"/>), and
    /// every row's list is empty until written (a NULL row's too).</summary>
    private static void Start(IntPtr info, IntPtr input, IntPtr output)
    {
        producedCharacters = 0;
        producedValues = 0;
        callTicks = (long)DuneNative.ScalarGetExtra(info);
        callStarted = Stopwatch.GetTimestamp();
        var entries = (DuneNative.ListEntry*)DuneNative.Data(output);
        for (ulong row = 0, rows = DuneNative.ChunkSize(input); row < rows; row++)
        {
            entries[row] = default;
        }
    }

    /// <summary>One row's values as a LIST after the ones written before it (the call's rows share the list's child).</summary>
    private static string? Row(IntPtr output, ulong row, NativeStringRows.Arguments arguments)
    {
        if (arguments[1].Length > DuneKeccak.MaxInputBytes)
        {
            return $"regexp functions: the input is over the limit of {DuneKeccak.MaxInputBytes} bytes";
        }
        var texts = new string[NativeStringRows.MaxArguments];
        for (int k = 0; k < texts.Length; k++)
        {
            texts[k] = Encoding.UTF8.GetString(arguments[k]);
        }
        var values = Evaluate(texts[0], texts[1], texts[2], texts[3], texts[4]);
        ulong written = DuneNative.ListSize(output);
        DuneNative.ListReserve(output, written + (ulong)values.Count);
        var entries = (DuneNative.ListEntry*)DuneNative.Data(output);
        entries[row] = new DuneNative.ListEntry { Offset = written, Length = (ulong)values.Count };
        IntPtr child = DuneNative.ListChild(output);
        foreach (var value in values)
        {
            DuneNative.SetText(child, written++, value);
        }
        DuneNative.ListSetSize(output, written);
        return null;
    }

    /// <summary>The query's error for what a row threw: Trino's words, the timeout, or the exception's type.</summary>
    private static string Failure(Exception e) => e switch
    {
        FormatException => e.Message,
        RegexMatchTimeoutException => "regexp functions: the pattern took too long on one input",
        _ => "regexp functions failed: " + e.GetType().Name,
    };
}
