using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The hashes of Dune's binary.mdx that DuckDB lacks, as native scalar functions over varbinary registered on each
/// sandbox connection before its configuration is locked (as <see cref="DuneKeccak"/>): <c>dune_sha512</c>,
/// <c>dune_xxhash64</c> (8 bytes, big-endian, seed 0, as Trino), <c>dune_crc32</c> (BIGINT, the unsigned CRC-32), <c>dune_murmur3</c> (16 bytes, <see cref="DuneMurmur3"/>), <c>dune_spooky_hash_v2_64/32</c> (8 / 4 bytes big-endian, <see cref="DuneSpookyHash"/>),
/// <c>dune_hmac_md5/sha1/sha256/sha512(data, key)</c>. Computed with .NET's System.Security.Cryptography and
/// System.IO.Hashing. A native call cannot be cancelled, so an input over <see cref="DuneKeccak.MaxInputBytes"/> is
/// refused.
/// </summary>
public static unsafe class DuneHashes
{
    private enum Kind { Sha512, XxHash64, Crc32, Murmur3, Spooky64, Spooky32, HmacMd5, HmacSha1, HmacSha256, HmacSha512 }

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_sha512", DuckDBType.Blob, 1, DuckDBType.Blob, &Sha512Rows);
        NativeScalarFunction.Register(connection, "dune_xxhash64", DuckDBType.Blob, 1, DuckDBType.Blob, &XxHash64Rows);
        NativeScalarFunction.Register(connection, "dune_crc32", DuckDBType.Blob, 1, DuckDBType.BigInt, &Crc32Rows);
        NativeScalarFunction.Register(connection, "dune_murmur3", DuckDBType.Blob, 1, DuckDBType.Blob, &Murmur3Rows);
        NativeScalarFunction.Register(connection, "dune_spooky_hash_v2_64", DuckDBType.Blob, 1, DuckDBType.Blob, &Spooky64Rows);
        NativeScalarFunction.Register(connection, "dune_spooky_hash_v2_32", DuckDBType.Blob, 1, DuckDBType.Blob, &Spooky32Rows);
        NativeScalarFunction.Register(connection, "dune_hmac_md5", DuckDBType.Blob, 2, DuckDBType.Blob, &HmacMd5Rows);
        NativeScalarFunction.Register(connection, "dune_hmac_sha1", DuckDBType.Blob, 2, DuckDBType.Blob, &HmacSha1Rows);
        NativeScalarFunction.Register(connection, "dune_hmac_sha256", DuckDBType.Blob, 2, DuckDBType.Blob, &HmacSha256Rows);
        NativeScalarFunction.Register(connection, "dune_hmac_sha512", DuckDBType.Blob, 2, DuckDBType.Blob, &HmacSha512Rows);
        DuneBase58.Register(connection); // the other binary encodings, registered with the hashes
        DuneChainAddresses.Register(connection);
        DuneCodecs.Register(connection);
    }

    /// <summary>The DuneSQL calls, each argument taken as varbinary (a '0x…' varchar too, as Dune casts it).</summary>
    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        foreach (var kind in Enum.GetValues<Kind>())
        {
            string name = Name(kind);
            yield return kind >= Kind.HmacMd5
                ? new((name, 2), $"dune_{name}({DuneBinaryFunctions.Bin("$1")}, {DuneBinaryFunctions.Bin("$2")})")
                : new((name, 1), $"dune_{name}({DuneBinaryFunctions.Bin("$1")})");
        }
    }

    private static byte[] Hash(Kind kind, ReadOnlySpan<byte> data, ReadOnlySpan<byte> key) => kind switch
    {
        Kind.Sha512 => SHA512.HashData(data),
        Kind.XxHash64 => XxHash64.Hash(data),
        Kind.Murmur3 => DuneMurmur3.Hash128(data),
        Kind.Spooky64 => BigEndian(DuneSpookyHash.Hash64(data), 8),
        Kind.Spooky32 => BigEndian(DuneSpookyHash.Hash64(data), 4),
        Kind.HmacMd5 => HMACMD5.HashData(key, data),
        Kind.HmacSha1 => HMACSHA1.HashData(key, data),
        Kind.HmacSha256 => HMACSHA256.HashData(key, data),
        Kind.HmacSha512 => HMACSHA512.HashData(key, data),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The low <paramref name="bytes"/> bytes of <paramref name="value"/>, most significant first (Trino writes
    /// the reversed number little-endian).</summary>
    private static byte[] BigEndian(ulong value, int bytes)
    {
        var result = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(result, value);
        return result[(8 - bytes)..];
    }

    private static string Name(Kind kind) => kind switch
    {
        Kind.Sha512 => "sha512",
        Kind.XxHash64 => "xxhash64",
        Kind.Crc32 => "crc32",
        Kind.Murmur3 => "murmur3",
        Kind.Spooky64 => "spooky_hash_v2_64",
        Kind.Spooky32 => "spooky_hash_v2_32",
        Kind.HmacMd5 => "hmac_md5",
        Kind.HmacSha1 => "hmac_sha1",
        Kind.HmacSha256 => "hmac_sha256",
        _ => "hmac_sha512",
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Sha512Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.Sha512, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void XxHash64Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.XxHash64, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Crc32Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.Crc32, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Murmur3Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.Murmur3, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Spooky64Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.Spooky64, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Spooky32Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.Spooky32, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void HmacMd5Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.HmacMd5, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void HmacSha1Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.HmacSha1, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void HmacSha256Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.HmacSha256, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void HmacSha512Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Kind.HmacSha512, info, input, output);

    private static void Run(Kind kind, IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, kind >= Kind.HmacMd5 ? 2 : 1, (output, row, value, key) =>
        {
            if (NativeStringRows.TooLong(Name(kind), value.Length, DuneKeccak.MaxInputBytes) is { } tooLong)
            {
                return tooLong;
            }
            if (kind == Kind.Crc32)
            {
                ((long*)Vectors.DuckDBVectorGetData(output))[row] = Crc32.HashToUInt32(value);
                return null;
            }
            NativeString.Set(output, row, Hash(kind, value, key));
            return null;
        }, e => $"{Name(kind)} failed: {e.GetType().Name}");
}
