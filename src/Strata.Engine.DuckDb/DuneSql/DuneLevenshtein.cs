using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_levenshtein(VARCHAR, VARCHAR) → BIGINT</c>: Trino's levenshtein_distance (StringFunctions.levenshteinDistance):
/// the edit distance over the texts' code points, where DuckDB's <c>levenshtein</c> counts bytes (<c>'ä'</c> to <c>'a'</c>
/// was 2). Trino's bound is kept: past 10^6 cells (the longer's length times the shorter's minus one) it fails "The
/// combined inputs for Levenshtein distance are too large", so a call costs at most that many steps. Registered only for
/// a text that calls it.
/// </summary>
public static unsafe class DuneLevenshtein
{
    public const string Function = "dune_levenshtein";

    /// <summary>Trino's bound on the longer's length times the shorter's minus one.</summary>
    private const long MaxCells = 1_000_000;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, Function, DuckDBType.Varchar, 2, DuckDBType.BigInt, &Rows);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, static (output, row, left, right) =>
        {
            long? distance = Distance(left, right);
            if (distance is not long d)
            {
                return "The combined inputs for Levenshtein distance are too large";
            }
            ((long*)Vectors.DuckDBVectorGetData(output))[row] = d;
            return null;
        }, e => "levenshtein_distance failed: " + e.GetType().Name);

    /// <summary>The distance between two UTF-8 texts' code points, or null past Trino's bound.</summary>
    internal static long? Distance(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        int leftCount = CodePointCount(left), rightCount = CodePointCount(right);
        if (leftCount < rightCount)
        {
            return Distance(right, left);
        }
        if (rightCount == 0)
        {
            return leftCount;
        }
        if ((long)leftCount * (rightCount - 1) > MaxCells)
        {
            return null;
        }
        int[] rented = ArrayPool<int>.Shared.Rent(leftCount + 2 * rightCount);
        try
        {
            Span<int> longer = rented.AsSpan(0, leftCount), shorter = rented.AsSpan(leftCount, rightCount);
            Span<int> distances = rented.AsSpan(leftCount + rightCount, rightCount);
            Decode(left, longer);
            Decode(right, shorter);
            for (int j = 0; j < rightCount; j++)
            {
                distances[j] = j + 1;
            }
            for (int i = 0; i < leftCount; i++)
            {
                int diagonal = distances[0];
                distances[0] = longer[i] == shorter[0] ? i : Math.Min(i, distances[0]) + 1;
                for (int j = 1; j < rightCount; j++)
                {
                    int above = distances[j];
                    distances[j] = longer[i] == shorter[j] ? diagonal : Math.Min(distances[j - 1], Math.Min(diagonal, above)) + 1;
                    diagonal = above;
                }
            }
            return distances[rightCount - 1];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static int CodePointCount(ReadOnlySpan<byte> text)
    {
        int count = 0;
        foreach (byte b in text)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0; // every byte but a continuation byte starts a code point
        }
        return count;
    }

    private static void Decode(ReadOnlySpan<byte> text, Span<int> codePoints)
    {
        int k = 0;
        while (!text.IsEmpty && k < codePoints.Length)
        {
            Rune.DecodeFromUtf8(text, out Rune rune, out int consumed);
            codePoints[k++] = rune.Value;
            text = text[Math.Max(1, consumed)..];
        }
    }
}
