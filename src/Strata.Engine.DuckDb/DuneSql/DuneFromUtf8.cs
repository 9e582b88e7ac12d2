using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>from_utf8(binary)</c>, <c>from_utf8(binary, replace)</c> of a one-character-or-empty string and of a code
/// point (string.mdx: "Invalid UTF-8 sequences are replaced with the Unicode replacement character U+FFFD", or with
/// <c>replace</c>, "a single character or empty (in which case invalid characters are removed)") as
/// <c>dune_from_utf8(BLOB[, VARCHAR | BIGINT]) → VARCHAR</c>. DuckDB's <c>decode</c>, the template before, failed on any
/// invalid byte. What one replacement stands for follows airlift's SliceUtf8 (fixInvalidUtf8 over tryGetCodePointAt, the
/// routine Trino's StringFunctions.fromUtf8 calls): a lead byte announces the sequence's length (C0-DF two, E0-EF three,
/// F0-F7 four, F8-FB five, FC-FD six); a stray continuation byte (80-BF), FE and FF are one invalid byte each; a sequence
/// whose continuation bytes stop early is one invalid run of the lead and the continuations read; a complete sequence that
/// is overlong, a UTF-16 surrogate (U+D800-U+DFFF), past U+10FFFF or five or six bytes long is one invalid run of its whole
/// length. Each run gives one replacement (none for an empty <c>replace</c>). A replacement string of two or more
/// characters is "Replacement character string must empty or a single character" and a code point past U+10FFFF or a
/// surrogate "Invalid replacement character" (Trino's words). A native call cannot be cancelled: an input over
/// <see cref="DuneKeccak.MaxInputBytes"/> is refused naming the function, and an answer past
/// <see cref="DuneValueBound.MaxBytes"/> before it is built. Registered only for a text that calls it.
/// </summary>
internal static unsafe class DuneFromUtf8
{
    public const string Function = "dune_from_utf8";

    /// <summary>U+FFFD, Trino's default replacement.</summary>
    private const int ReplacementCharacter = 0xFFFD;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("from_utf8", 1), Function + "($1)");
        yield return new(("from_utf8", 2), Function + "($1, $2)");
    }

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, Function, DuckDBType.Blob, 1, DuckDBType.Varchar, &DefaultRows);
        IntPtr blob = DuneNative.CreateType((int)DuckDBType.Blob), text = DuneNative.CreateType((int)DuckDBType.Varchar),
            bigint = DuneNative.CreateType((int)DuckDBType.BigInt);
        try
        {
            IntPtr handle = connection.NativeConnection.DangerousGetHandle();
            DuneNative.RegisterScalar(handle, Function, [blob, text], text, &TextReplacementRows);
            DuneNative.RegisterScalar(handle, Function, [blob, bigint], text, &CodePointReplacementRows);
        }
        finally
        {
            DuneNative.DestroyType(ref bigint);
            DuneNative.DestroyType(ref text);
            DuneNative.DestroyType(ref blob);
        }
    }

    /// <summary>The replacement code point a <c>replace</c> string names (-1: remove), or Trino's refusal.</summary>
    internal static int ReplacementOf(string replace) => replace.EnumerateRunes().Count() switch
    {
        0 => -1,
        1 => replace.EnumerateRunes().First().Value,
        _ => throw new ArgumentException("Replacement character string must empty or a single character"),
    };

    /// <summary>The replacement a code point names, or Trino's refusal (a negative one too: no character).</summary>
    internal static int ReplacementOf(long codePoint) =>
        codePoint is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? throw new ArgumentException("Invalid replacement character") : (int)codePoint;

    /// <summary>The length of the sequence at <paramref name="at"/>: positive when it is a valid code point
    /// (<paramref name="codePoint"/>), else minus the length of the invalid run one replacement stands for.</summary>
    internal static int Sequence(ReadOnlySpan<byte> bytes, int at, out int codePoint)
    {
        int lead = bytes[at];
        codePoint = lead;
        int length = lead switch
        {
            < 0x80 => 1,
            < 0xC0 => -1,
            < 0xE0 => 2,
            < 0xF0 => 3,
            < 0xF8 => 4,
            < 0xFC => 5,
            < 0xFE => 6,
            _ => -1,
        };
        if (length <= 1)
        {
            return length;
        }
        // The lead's payload bits, then six bits per continuation byte.
        codePoint = lead & (0x7F >> length);
        for (int k = 1; k < length; k++)
        {
            if (at + k >= bytes.Length || (bytes[at + k] & 0xC0) != 0x80)
            {
                return -k; // the lead and the k - 1 continuation bytes read
            }
            codePoint = (codePoint << 6) | (bytes[at + k] & 0x3F);
        }
        int least = length switch { 2 => 0x80, 3 => 0x800, _ => 0x10000 };
        bool valid = length <= 4 && codePoint >= least && codePoint <= 0x10FFFF && codePoint is < 0xD800 or > 0xDFFF;
        return valid ? length : -length;
    }

    /// <summary>The UTF-8 length of the answer (see the type's summary).</summary>
    internal static long DecodedLength(ReadOnlySpan<byte> bytes, int replacement)
    {
        int replacementLength = replacement < 0 ? 0 : new Rune(replacement).Utf8SequenceLength;
        long total = 0;
        for (int at = 0; at < bytes.Length;)
        {
            int length = Sequence(bytes, at, out _);
            total += length > 0 ? length : replacementLength;
            at += Math.Abs(length);
        }
        return total;
    }

    /// <summary>Writes the answer into <paramref name="output"/> (<see cref="DecodedLength"/> bytes long).</summary>
    internal static void Decode(ReadOnlySpan<byte> bytes, int replacement, Span<byte> output)
    {
        int written = 0;
        for (int at = 0; at < bytes.Length;)
        {
            int length = Sequence(bytes, at, out _);
            if (length > 0)
            {
                bytes.Slice(at, length).CopyTo(output[written..]);
                written += length;
            }
            else if (replacement >= 0)
            {
                written += new Rune(replacement).EncodeToUtf8(output[written..]);
            }
            at += Math.Abs(length);
        }
    }

    /// <summary>The answer as a string (tests and callers outside DuckDB).</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes, int replacement = ReplacementCharacter)
    {
        var output = new byte[DecodedLength(bytes, replacement)];
        Decode(bytes, replacement, output);
        return Encoding.UTF8.GetString(output);
    }

    /// <summary>One row: the answer set into <paramref name="output"/>, or the query's error.</summary>
    private static string? Row(IntPtr output, ulong row, ReadOnlySpan<byte> bytes, int replacement)
    {
        if (NativeStringRows.TooLong("from_utf8", bytes.Length, DuneKeccak.MaxInputBytes) is { } tooLong)
        {
            return tooLong;
        }
        long length = DecodedLength(bytes, replacement);
        if (length > DuneValueBound.MaxBytes)
        {
            return DuneValueBound.Words("from_utf8", "the answer's size");
        }
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max((int)length, 1));
        try
        {
            Decode(bytes, replacement, buffer.AsSpan(0, (int)length));
            NativeString.Set(output, row, buffer.AsSpan(0, (int)length));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        return null;
    }

    private static string Failure(Exception e) => e is ArgumentException ? e.Message : "from_utf8 failed: " + e.GetType().Name;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DefaultRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, (output, row, bytes, _) => Row(output, row, bytes, ReplacementCharacter), Failure);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void TextReplacementRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2,
            (output, row, bytes, replace) => Row(output, row, bytes, ReplacementOf(Encoding.UTF8.GetString(replace))), Failure);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void CodePointReplacementRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong* valid = DuneNative.ValidRows(input, output, 2, out ulong rows);
            var bytes = (NativeString*)DuneNative.Data(DuneNative.ChunkVector(input, 0));
            long* codePoints = (long*)DuneNative.Data(DuneNative.ChunkVector(input, 1));
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    continue;
                }
                if (Row(output, row, (bytes + row)->Bytes, ReplacementOf(codePoints[row])) is { } error)
                {
                    DuneNative.ScalarSetError(info, error);
                    return;
                }
            }
        }
        catch (Exception e)
        {
            // Nothing may escape to native code: a failure becomes the query's error.
            DuneNative.ScalarSetError(info, Failure(e));
        }
    }
}
