using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_reverse(VARCHAR) → VARCHAR</c>: a text's code points in reverse order (Trino's reverse of a varchar,
/// SliceUtf8.reverse), in one pass over its UTF-8 bytes: each code point's sequence (one to four bytes, a supplementary
/// character whole) is copied to the mirrored place. DuckDB's reverse keeps a grapheme cluster together (a combining mark
/// stays on its letter), and decision 297's split into a list of one-character strings and join took 15 s for 10 million
/// characters. A byte that cannot start a sequence (DuckDB's texts are valid UTF-8, so never seen) is moved alone.
/// <c>dune_reverse(BLOB) → BLOB</c> reverses bytes (Trino's reverse of a varbinary), where the template split the hex
/// text into a list of two-digit strings.
/// Registered only for a text that calls it.
/// </summary>
public static unsafe class DuneReverse
{
    public const string Function = "dune_reverse";

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, Function, DuckDBType.Varchar, 1, DuckDBType.Varchar, &Rows);
        NativeScalarFunction.Register(connection, Function, DuckDBType.Blob, 1, DuckDBType.Blob, &ByteRows);
    }

    /// <summary>Writes <paramref name="text"/>'s code points in reverse order into <paramref name="reversed"/> (as long).</summary>
    internal static void CodePoints(ReadOnlySpan<byte> text, Span<byte> reversed)
    {
        int end = text.Length;
        for (int i = 0; i < text.Length;)
        {
            int length = Math.Min(SequenceLength(text[i]), text.Length - i);
            text.Slice(i, length).CopyTo(reversed[(end - i - length)..]);
            i += length;
        }
    }

    /// <summary>The length of the UTF-8 sequence a lead byte starts (1 for a byte that starts none).</summary>
    private static int SequenceLength(byte lead) => lead switch
    {
        >= 0xF0 and < 0xF8 => 4,
        >= 0xE0 => lead < 0xF0 ? 3 : 1,
        >= 0xC0 => 2,
        _ => 1,
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, (output, row, text, _) => Write(output, row, text, CodePoints), Failure);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ByteRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, (output, row, bytes, _) => Write(output, row, bytes, static (from, to) =>
        {
            from.CopyTo(to);
            to.Reverse();
        }), Failure);

    private static string Failure(Exception e) => "reverse failed: " + e.GetType().Name;

    /// <summary>Writes <paramref name="value"/> as <paramref name="reverse"/> orders it into a buffer as long, at
    /// <paramref name="row"/> of <paramref name="output"/>; a value past <see cref="DuneKeccak.MaxInputBytes"/> (16 MiB) is
    /// refused, as every native string function's input is (a native call cannot be cancelled).</summary>
    private static string? Write(IntPtr output, ulong row, ReadOnlySpan<byte> value, SpanReversal reverse)
    {
        if (NativeStringRows.TooLong("reverse", value.Length, DuneKeccak.MaxInputBytes) is { } tooLong)
        {
            return tooLong;
        }
        NativeString.SetRented(output, row, value.Length, new Reversal(value, reverse), static (to, r) => r.Reverse(r.Value, to));
        return null;
    }

    /// <summary>A value and how to reverse it.</summary>
    private readonly ref struct Reversal(ReadOnlySpan<byte> value, SpanReversal reverse)
    {
        public ReadOnlySpan<byte> Value { get; } = value;

        public SpanReversal Reverse { get; } = reverse;
    }

    private delegate void SpanReversal(ReadOnlySpan<byte> from, Span<byte> to);
}
