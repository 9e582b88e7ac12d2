using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The .NET patterns the native regexp functions (<see cref="DuneJavaRegexp"/>, <see cref="DuneRegexpGroups"/>) run: each
/// compiled culture-invariant with <see cref="MatchTimeout"/>, the one compiled last on a thread kept for the next row (a
/// call's rows nearly always share their constant pattern).
/// </summary>
internal static class DuneRegexCache
{
    /// <summary>The longest one match may take before it is the query's error (a native call cannot be cancelled).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    [ThreadStatic]
    private static (string Pattern, Regex? Regex, ArgumentException? Error)? last;

    /// <summary>The compiled pattern; .NET's refusal of it is thrown (the same each time it is asked for).</summary>
    public static Regex Get(string pattern) =>
        TryGet(pattern, out var error) ?? throw error!;

    /// <summary>The compiled pattern, or null with .NET's refusal in <paramref name="error"/>.</summary>
    public static Regex? TryGet(string pattern, out ArgumentException? error)
    {
        if (last is not { } cached || cached.Pattern != pattern)
        {
            try
            {
                cached = (pattern, new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout), null);
            }
            catch (ArgumentException e)
            {
                cached = (pattern, null, e);
            }
            last = cached;
        }
        error = cached.Error;
        return cached.Regex;
    }
}
