using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Org.BouncyCastle.Crypto.Digests;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_keccak(BLOB) → BLOB</c>: Ethereum's Keccak-256 (the original Keccak padding, not NIST SHA3-256's),
/// computed with BouncyCastle's <see cref="KeccakDigest"/>, for DuneSQL's <c>keccak(varbinary)</c>. A native
/// scalar function over DuckDB vectors, registered on the connection before its configuration is locked (as
/// <see cref="DuneInt256"/>). A native call cannot be interrupted by cancellation, so its work is bounded: an
/// input over <see cref="MaxInputBytes"/> is refused.
/// </summary>
public static unsafe class DuneKeccak
{
    /// <summary>The largest input hashed in one call (16 MiB, the value cap).</summary>
    public const int MaxInputBytes = 16 * 1024 * 1024;

    public static void Register(DuckDBConnection connection)
    {
        IntPtr function = ScalarFunction.DuckDBCreateScalarFunction();
        try
        {
            ScalarFunction.DuckDBScalarFunctionSetName(function, "dune_keccak");
            using (var type = LogicalType.DuckDBCreateLogicalType(DuckDBType.Blob))
            {
                ScalarFunction.DuckDBScalarFunctionAddParameter(function, type);
                ScalarFunction.DuckDBScalarFunctionSetReturnType(function, type);
            }
            ScalarFunction.DuckDBScalarFunctionSetFunction(function, &KeccakRows);
            if (ScalarFunction.DuckDBRegisterScalarFunction(connection.NativeConnection, function) != DuckDBState.Success)
            {
                throw new InvalidOperationException("Could not register the function dune_keccak.");
            }
        }
        finally
        {
            ScalarFunction.DuckDBDestroyScalarFunction(ref function);
        }
    }

    /// <summary>Keccak-256 of <paramref name="data"/> (32 bytes).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void KeccakRows(IntPtr info, IntPtr input, IntPtr output)
    {
        var chunk = new DuckDBDataChunk(input);
        try
        {
            ulong rows = DataChunks.DuckDBDataChunkGetSize(chunk);
            IntPtr vector = DataChunks.DuckDBDataChunkGetVector(chunk, 0);
            var data = (DuckDBString*)Vectors.DuckDBVectorGetData(vector);
            ulong* valid = Vectors.DuckDBVectorGetValidity(vector);
            for (ulong row = 0; row < rows; row++)
            {
                if (valid != null && (valid[row / 64] & (1UL << (int)(row % 64))) == 0)
                {
                    Vectors.DuckDBVectorEnsureValidityWritable(output);
                    ValidityMask.DuckDBValiditySetRowValidity(Vectors.DuckDBVectorGetValidity(output), row, false);
                    continue;
                }
                DuckDBString* s = data + row;
                if (s->Length > MaxInputBytes)
                {
                    ScalarFunction.DuckDBScalarFunctionSetError(info,
                        $"keccak: the input is {s->Length} bytes, over the limit of {MaxInputBytes} bytes");
                    return;
                }
                var bytes = s->Length <= 12
                    ? new ReadOnlySpan<byte>(s->Inline, (int)s->Length)
                    : new ReadOnlySpan<byte>((byte*)s->Pointer, (int)s->Length);
                byte[] hash = Hash(bytes);
                fixed (byte* h = hash)
                {
                    Vectors.DuckDBVectorAssignStringElementLength(output, row, h, hash.Length);
                }
            }
        }
        catch (Exception e)
        {
            // Nothing may escape to native code: a failure becomes the query's error.
            ScalarFunction.DuckDBScalarFunctionSetError(info, "keccak failed: " + e.GetType().Name);
        }
        finally
        {
            chunk.SetHandleAsInvalid(); // DuckDB owns the chunk
        }
    }

    /// <summary>DuckDB's string_t: a length, then up to 12 bytes inline or a 4-byte prefix and a pointer.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    private struct DuckDBString
    {
        [FieldOffset(0)] public uint Length;
        [FieldOffset(4)] public fixed byte Inline[12];
        [FieldOffset(8)] public IntPtr Pointer;
    }
}
