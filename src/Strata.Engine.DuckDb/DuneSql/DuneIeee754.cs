using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// binary.mdx's floating-point encodings, as native scalar functions (registered by <see cref="DuneCodecs"/>):
/// <c>to_ieee754_64(double)</c> / <c>to_ieee754_32(real)</c> give the value's IEEE 754 bits big-endian, NaN as Java's
/// canonical NaN (<c>0x7ff8000000000000</c>, <c>0x7fc00000</c>; .NET's own NaN is negative); <c>from_ieee754_64</c> /
/// <c>from_ieee754_32</c> read exactly 8 / 4 bytes back, and fail in Trino's words on any other length.
/// </summary>
public static unsafe class DuneIeee754
{
    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_to_ieee754_64", DuckDBType.Double, 1, DuckDBType.Blob, &ToBinary64Rows);
        NativeScalarFunction.Register(connection, "dune_to_ieee754_32", DuckDBType.Float, 1, DuckDBType.Blob, &ToBinary32Rows);
        NativeScalarFunction.Register(connection, "dune_from_ieee754_64", DuckDBType.Blob, 1, DuckDBType.Double, &FromBinary64Rows);
        NativeScalarFunction.Register(connection, "dune_from_ieee754_32", DuckDBType.Blob, 1, DuckDBType.Float, &FromBinary32Rows);
    }

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("to_ieee754_64", 1), "dune_to_ieee754_64(CAST($1 AS DOUBLE))");
        yield return new(("to_ieee754_32", 1), "dune_to_ieee754_32(CAST($1 AS FLOAT))");
        yield return new(("from_ieee754_64", 1), $"dune_from_ieee754_64({DuneBinaryFunctions.Bin("$1")})");
        yield return new(("from_ieee754_32", 1), $"dune_from_ieee754_32({DuneBinaryFunctions.Bin("$1")})");
    }

    internal static byte[] ToBinary64(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, double.IsNaN(value) ? 0x7ff8000000000000L : BitConverter.DoubleToInt64Bits(value));
        return bytes;
    }

    internal static byte[] ToBinary32(float value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, float.IsNaN(value) ? 0x7fc00000 : BitConverter.SingleToInt32Bits(value));
        return bytes;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToBinary64Rows(IntPtr info, IntPtr input, IntPtr output) => ToBinaryRows(info, input, output, single: false);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToBinary32Rows(IntPtr info, IntPtr input, IntPtr output) => ToBinaryRows(info, input, output, single: true);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FromBinary64Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, (output, row, value, _) =>
        {
            if (value.Length != 8)
            {
                return "Input floating-point value must be exactly 8 bytes long";
            }
            ((double*)Vectors.DuckDBVectorGetData(output))[row] = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(value));
            return null;
        }, e => $"from_ieee754_64 failed: {e.GetType().Name}");

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FromBinary32Rows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, (output, row, value, _) =>
        {
            if (value.Length != 4)
            {
                return "Input floating-point value must be exactly 4 bytes long";
            }
            ((float*)Vectors.DuckDBVectorGetData(output))[row] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32BigEndian(value));
            return null;
        }, e => $"from_ieee754_32 failed: {e.GetType().Name}");

    /// <summary>The rows of a chunk of doubles or reals: NULL gives NULL, and nothing escapes to native code.</summary>
    private static void ToBinaryRows(IntPtr info, IntPtr input, IntPtr output, bool single)
    {
        var chunk = new DuckDBDataChunk(input);
        try
        {
            ulong rows = DataChunks.DuckDBDataChunkGetSize(chunk);
            IntPtr vector = DataChunks.DuckDBDataChunkGetVector(chunk, 0);
            void* data = Vectors.DuckDBVectorGetData(vector);
            ulong* valid = Vectors.DuckDBVectorGetValidity(vector);
            for (ulong row = 0; row < rows; row++)
            {
                if (NativeString.IsNull(valid, row))
                {
                    NativeString.SetNull(output, row);
                    continue;
                }
                NativeString.Set(output, row, single ? ToBinary32(((float*)data)[row]) : ToBinary64(((double*)data)[row]));
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, $"{(single ? "to_ieee754_32" : "to_ieee754_64")} failed: {e.GetType().Name}");
        }
        finally
        {
            chunk.SetHandleAsInvalid(); // DuckDB owns the chunk
        }
    }
}
