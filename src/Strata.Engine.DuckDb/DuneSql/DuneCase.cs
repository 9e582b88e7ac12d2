using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_upper(VARCHAR)</c> and <c>dune_lower(VARCHAR)</c>: Trino's upper and lower (StringFunctions.upper/lower, airlift's
/// SliceUtf8.toUpperCase/toLowerCase), which map each code point alone with Java's <c>Character.toUpperCase(int)</c> /
/// <c>toLowerCase(int)</c>: Unicode's simple case mapping, one code point to one, so <c>upper('ß')</c> is <c>ß</c> and
/// <c>lower('İ')</c> is <c>i</c>. DuckDB's own mapping gave <c>ẞ</c> for <c>ß</c>. .NET's invariant simple mapping
/// (<see cref="Rune.ToUpperInvariant"/>) is Java's but for two pairs .NET leaves alone for compatibility: Java maps
/// <c>ı</c> (U+0131) up to <c>I</c> and <c>İ</c> (U+0130) down to <c>i</c>. An ASCII text (most) is mapped byte by byte.
/// Registered only for a text that calls them.
/// </summary>
public static unsafe class DuneCase
{
    public const string Upper = "dune_upper", Lower = "dune_lower";

    public static bool UsedBy(string translatedSql) =>
        translatedSql.Contains(Upper + "(", StringComparison.Ordinal) || translatedSql.Contains(Lower + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, Upper, DuckDBType.Varchar, 1, DuckDBType.Varchar, &UpperRows);
        NativeScalarFunction.Register(connection, Lower, DuckDBType.Varchar, 1, DuckDBType.Varchar, &LowerRows);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void UpperRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, static (output, row, text, _) => Write(output, row, text, upper: true), Failure);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void LowerRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, static (output, row, text, _) => Write(output, row, text, upper: false), Failure);

    private static string Failure(Exception e) => "a case mapping failed: " + e.GetType().Name;

    private static string? Write(IntPtr output, ulong row, ReadOnlySpan<byte> text, bool upper)
    {
        if (NativeStringRows.TooLong(upper ? "upper" : "lower", text.Length, DuneKeccak.MaxInputBytes) is { } tooLong)
        {
            return tooLong;
        }
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(2 * text.Length + 4);
        try
        {
            // A mapping lengthens a code point's UTF-8 by at most half (U+0250 → U+2C6F, two bytes to three).
            int length = Ascii.IsValid(text) ? MapAscii(text, buffer, upper) : Map(text, buffer, upper);
            NativeString.Set(output, row, buffer.AsSpan(0, length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return null;
    }

    private static int MapAscii(ReadOnlySpan<byte> text, Span<byte> to, bool upper)
    {
        int written;
        _ = upper ? Ascii.ToUpper(text, to, out written) : Ascii.ToLower(text, to, out written);
        return written;
    }

    /// <summary>Each code point of a UTF-8 text mapped as Java maps it alone.</summary>
    internal static int Map(ReadOnlySpan<byte> text, Span<byte> to, bool upper)
    {
        int written = 0;
        while (!text.IsEmpty)
        {
            Rune.DecodeFromUtf8(text, out Rune rune, out int consumed);
            Rune result = upper ? (rune.Value == 0x131 ? new Rune('I') : Rune.ToUpperInvariant(rune))
                : rune.Value == 0x130 ? new Rune('i') : Rune.ToLowerInvariant(rune);
            written += result.EncodeToUtf8(to[written..]);
            text = text[Math.Max(1, consumed)..];
        }
        return written;
    }
}
