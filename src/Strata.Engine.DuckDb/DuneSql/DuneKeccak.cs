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
/// input over <see cref="MaxInputBytes"/> is refused. Also <c>dune_bignum_to_varbinary(BIGNUM) → BLOB</c>, Dune's
/// <c>CAST(uint256/int256 AS varbinary)</c>: 32 bytes big-endian, two's complement for a negative int256 (DuckDB's own
/// BIGNUM→BLOB cast would give its internal encoding).
/// </summary>
public static unsafe class DuneKeccak
{
    /// <summary>The largest input hashed in one call (16 MiB, the value cap).</summary>
    public const int MaxInputBytes = 16 * 1024 * 1024;

    public static void Register(DuckDBConnection connection)
    {
        Add(connection, "dune_keccak", DuckDBType.Blob, &KeccakRows);
        Add(connection, "dune_bignum_to_varbinary", DuckDBType.VarInt, &BignumRows);
    }

    private static void Add(DuckDBConnection connection, string name, DuckDBType parameter,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body) =>
        NativeScalarFunction.Register(connection, name, parameter, 1, DuckDBType.Blob, body);

    /// <summary>Keccak-256 of <paramref name="data"/> (32 bytes).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        return hash;
    }

    /// <summary>A uint256 or int256 as Dune's varbinary: 32 bytes big-endian, two's complement when negative.</summary>
    public static byte[] Uint256Bytes(System.Numerics.BigInteger value)
    {
        if (value > DuneInt256.UintMax || value < DuneInt256.IntMin)
        {
            throw new OverflowException("Cannot cast to varbinary: the value is outside [-2^255, 2^256-1]");
        }
        var word = value.Sign < 0 ? System.Numerics.BigInteger.Pow(2, 256) + value : value;
        byte[] magnitude = word.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[32];
        magnitude.CopyTo(bytes, 32 - magnitude.Length);
        return bytes;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void KeccakRows(IntPtr info, IntPtr input, IntPtr output) => Run(false, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void BignumRows(IntPtr info, IntPtr input, IntPtr output) => Run(true, info, input, output);

    private static void Run(bool bignum, IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, (output, row, value, _) =>
        {
            // A uint256 is at most 35 bytes encoded; a longer BIGNUM (DuckDB's own sum past 2^256) is out of range.
            if (bignum && value.Length > 35)
            {
                return "Cannot cast to varbinary: the value is outside [-2^255, 2^256-1]";
            }
            if (NativeStringRows.TooLong("keccak", value.Length, MaxInputBytes) is { } tooLong)
            {
                return tooLong;
            }
            NativeString.Set(output, row, bignum ? Uint256Bytes(DuneInt256.Decode(value)) : Hash(value));
            return null;
        }, e => e is OverflowException ? e.Message : (bignum ? "cast to varbinary" : "keccak") + " failed: " + e.GetType().Name);
}
