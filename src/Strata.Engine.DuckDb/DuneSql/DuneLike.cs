using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_like(VARCHAR value, VARCHAR pattern) → BOOLEAN</c>: Trino's LIKE without ESCAPE for a pattern computed at run
/// time (<c>name LIKE '%' || symbol || '%'</c>). DuckDB's LIKE of a pattern that is no constant tries every place for
/// each <c>%</c> inside one value, where no cancel reaches (hostile42); decision 356 matched such patterns by RE2
/// (<c>SIMILAR TO</c>), which compiles a regular expression for every row: 10.3 s over 10^6 rows against DuckDB's 0.33 s
/// (hostile43). This matcher is the one-star-backtrack wildcard scan: <c>%</c> any run of characters, <c>_</c> one code
/// point (Trino's likematcher matches characters, not bytes), every other character itself; on a mismatch it resumes one
/// character past the last <c>%</c>'s start, so a row costs at most its value's length times its pattern's, no
/// recursion and no allocation. Past <see cref="MaxSteps"/> steps one row fails with a clear error, as a native call
/// cannot be cancelled (decision 362).
/// </summary>
public static unsafe class DuneLike
{
    public const string Function = "dune_like";

    /// <summary>The most comparison steps one row may take (about a second): a value and a pattern of 30,000
    /// characters each, the worst shape, stay within it.</summary>
    internal const long MaxSteps = 1_000_000_000;

    internal const string TooLong = "LIKE: the value and the pattern are too long to match (more than 1000000000 steps); shorten them";

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, Function, DuckDBType.Varchar, 2, DuckDBType.Boolean, &Rows);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, static (output, row, value, pattern) =>
        {
            bool? matched = Matches(value, pattern);
            if (matched is not bool m)
            {
                return TooLong;
            }
            ((byte*)Vectors.DuckDBVectorGetData(output))[row] = m ? (byte)1 : (byte)0;
            return null;
        }, e => "LIKE failed: " + e.GetType().Name);

    /// <summary>Whether the UTF-8 value matches the UTF-8 LIKE pattern, or null past <see cref="MaxSteps"/>.</summary>
    internal static bool? Matches(ReadOnlySpan<byte> value, ReadOnlySpan<byte> pattern)
    {
        int v = 0, p = 0, star = -1, resume = 0;
        long steps = 0;
        while (v < value.Length)
        {
            if (++steps > MaxSteps)
            {
                return null;
            }
            if (p < pattern.Length && pattern[p] == (byte)'%')
            {
                star = ++p; // the pattern after the run of %s; the value resumes from here on a mismatch
                while (p < pattern.Length && pattern[p] == (byte)'%')
                {
                    star = ++p;
                }
                resume = v;
            }
            else if (p < pattern.Length && pattern[p] == (byte)'_')
            {
                v += CharLength(value[v]);
                p++;
            }
            else if (p < pattern.Length && pattern[p] == value[v])
            {
                v++;
                p++;
            }
            else if (star >= 0)
            {
                // Every byte of a character is compared from its first, so a mismatch within one resumes at a character.
                resume += CharLength(value[resume]);
                (v, p) = (resume, star);
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == (byte)'%')
        {
            p++;
        }
        return p == pattern.Length;
    }

    /// <summary>The bytes of the UTF-8 character whose first byte is <paramref name="lead"/> (1 for a byte that starts
    /// none, which valid text never has at a character's start).</summary>
    private static int CharLength(byte lead) => lead switch
    {
        < 0xC0 => 1,
        < 0xE0 => 2,
        < 0xF0 => 3,
        _ => 4,
    };
}
