using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>chr(bigint) → varchar(1)</c> (string.mdx, StringFunctions.chr): the character of a Unicode code point, as
/// <c>dune_chr(BIGINT) → VARCHAR</c>. DuckDB's own chr takes an INTEGER and has no implicit cast from BIGINT, so
/// <c>chr(97 + x % 26)</c> of a bigint x failed to bind ("Unexpected parameters (bigint) for function chr"); the smaller
/// integer types widen to BIGINT when DuckDB binds, and a varchar, double or decimal still fails to bind, as Trino has no
/// chr of them. A value that is no code point (negative, past U+10FFFF, or a UTF-16 surrogate U+D800..U+DFFF, which
/// airlift's codePointToUtf8 refuses) fails with Trino's "Not a valid Unicode code point: N", N as written (a bigint past
/// the int range included, which Trino's toIntExact refuses with the same words). Registered only for a text that calls it.
/// </summary>
public static unsafe class DuneChr
{
    public const string Function = "dune_chr";

    /// <summary>The largest Unicode code point.</summary>
    private const long MaxCodePoint = 0x10FFFF;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, Function, DuckDBType.BigInt, 1, DuckDBType.Varchar, &Rows);

    internal sealed class InvalidCodePointException(long codePoint)
        : Exception("Not a valid Unicode code point: " + codePoint.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The UTF-8 bytes of a code point, or Trino's refusal.</summary>
    internal static byte[] Utf8(long codePoint)
    {
        if (codePoint is < 0 or > MaxCodePoint || codePoint is >= 0xD800 and <= 0xDFFF)
        {
            throw new InvalidCodePointException(codePoint);
        }
        return Encoding.UTF8.GetBytes(char.ConvertFromUtf32((int)codePoint));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong* valid = DuneNative.ValidRows(input, output, 1, out ulong rows);
            long* codePoints = (long*)DuneNative.Data(DuneNative.ChunkVector(input, 0));
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    continue;
                }
                DuneNative.WriteBytes(output, row, Utf8(codePoints[row]));
            }
        }
        catch (InvalidCodePointException e)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "chr failed: " + e.GetType().Name);
        }
    }
}
