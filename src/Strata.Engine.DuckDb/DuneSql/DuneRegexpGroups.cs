using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_regexp_groups(s VARCHAR, pattern VARCHAR) → VARCHAR</c>: which capture groups took part in each match of the
/// pattern in s, one character per group per match (<c>1</c> took part, <c>0</c> did not), group by group: the first
/// group's flags for every match in order, then the second's (so that a group's run is one substring). It is
/// what <c>regexp_replace(s, pattern, x -> …)</c> needs for Trino's rule that a group outside the match is NULL in x
/// (DuckDB's <c>regexp_extract_all</c> gives <c>''</c>, as RE2 reports no difference). A pattern .NET's engine does not
/// read as RE2 does (RE2-only syntax, named groups, which .NET numbers last) gives NULL, and the translation then keeps
/// every group (the value before this function); a match that takes over <see cref="DuneRegexCache.MatchTimeout"/> is the
/// query's error.
/// Registered only for a text that calls it.
/// </summary>
public static unsafe class DuneRegexpGroups
{
    /// <summary>The most flags one value may take (matches times groups): as much as the input's own bound, so that a
    /// pattern of many groups matching at every position of a long text cannot make the process hold gigabytes.</summary>
    public const int MaxFlags = DuneKeccak.MaxInputBytes;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains("dune_regexp_groups(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, "dune_regexp_groups", DuckDBType.Varchar, 2, DuckDBType.Varchar, &Rows);

    /// <summary>The flags of s's matches (see the type's summary), or null when the pattern is not one to read here or
    /// the flags would be over <see cref="MaxFlags"/> (<paramref name="tooMany"/>).</summary>
    public static string? Flags(string s, string pattern, out bool tooMany) => Flags(s, pattern, out tooMany, 0, TimeSpan.MaxValue);

    /// <summary><see cref="Flags(string, string, out bool)"/> within a native call begun at <paramref name="callStarted"/>
    /// (<see cref="Stopwatch.GetTimestamp"/>, 0 for none) that may spend <paramref name="callTime"/> matching: each match
    /// stops at <see cref="DuneRegexCache.MatchTimeout"/>, but a value may match many times and a call evaluates up to
    /// 2,048 values, while DuckDB sees a query's time limit only between calls (hostile22's bound of DuneJavaRegexp, for
    /// this function too). Throws <see cref="CallTimeException"/> past it.</summary>
    public static string? Flags(string s, string pattern, out bool tooMany, long callStarted, TimeSpan callTime)
    {
        tooMany = false;
        // A pattern .NET's engine refuses, or one with named groups (.NET numbers them last), is not one to read here.
        if (DuneRegexCache.TryGet(pattern, out _) is not { } regex || regex.GetGroupNames().Any(n => !int.TryParse(n, out _)))
        {
            return null;
        }
        int groups = regex.GetGroupNumbers().Length - 1;
        // Match-major while matching (their count is known only at the end), then transposed once into the string:
        // two buffers of the flags, not three (a StringBuilder's ToString was one more).
        var byMatch = new ArrayBufferWriter<char>();
        for (var match = regex.Match(s); match.Success; match = match.NextMatch())
        {
            if (callStarted != 0 && Stopwatch.GetElapsedTime(callStarted) > callTime)
            {
                throw new CallTimeException(callTime);
            }
            if (byMatch.WrittenCount + groups > MaxFlags)
            {
                tooMany = true;
                return null;
            }
            var span = byMatch.GetSpan(Math.Max(groups, 1));
            for (int g = 1; g <= groups; g++)
            {
                span[g - 1] = match.Groups[g].Success ? '1' : '0';
            }
            byMatch.Advance(groups);
        }
        int matches = groups == 0 ? 0 : byMatch.WrittenCount / groups;
        return string.Create(byMatch.WrittenCount, (byMatch, groups, matches), static (flags, state) =>
        {
            var written = state.byMatch.WrittenSpan;
            for (int m = 0; m < state.matches; m++)
            {
                for (int g = 0; g < state.groups; g++)
                {
                    flags[g * state.matches + m] = written[m * state.groups + g];
                }
            }
        });
    }

    /// <summary>A call's matching took longer than its bound.</summary>
    public sealed class CallTimeException(TimeSpan callTime) : Exception(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"regexp_replace: matching the inputs evaluated together took more than {callTime.TotalSeconds:0.###} s; filter the inputs or use a simpler pattern"));

    /// <summary>When the running native call began, 0 outside one.</summary>
    [ThreadStatic]
    private static long callStarted;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, Row, e => e is CallTimeException ? e.Message : $"regexp_replace failed: {e.GetType().Name}",
            () => callStarted = Stopwatch.GetTimestamp(), () => callStarted = 0);

    private static string? Row(IntPtr output, ulong row, NativeStringRows.Arguments arguments)
    {
        if (NativeStringRows.TooLong("regexp_replace", arguments[0].Length, DuneKeccak.MaxInputBytes) is { } tooLong)
        {
            return tooLong;
        }
        string? flags;
        try
        {
            flags = Flags(Encoding.UTF8.GetString(arguments[0]), Encoding.UTF8.GetString(arguments[1]), out bool tooMany,
                callStarted, DuneJavaRegexp.MaxCallTime);
            if (tooMany)
            {
                return $"regexp_replace: the pattern's matches times its capture groups are over {MaxFlags} in one value";
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return "regexp_replace: the pattern took too long on one input";
        }

        if (flags is null)
        {
            NativeString.SetNull(output, row);
        }
        else
        {
            NativeString.Set(output, row, Encoding.ASCII.GetBytes(flags));
        }
        return null;
    }
}
