using System.Buffers.Binary;
using System.Numerics;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// MurmurHash3's x64 128-bit variant with seed 0, as Trino's <c>murmur3(varbinary)</c> computes it (airlift's
/// Murmur3Hash128): the 16 bytes are h1 then h2, each little-endian. Written from Austin Appleby's public-domain
/// description: 16-byte blocks mixed into two lanes, a tail of up to 15 bytes, the length, and the 64-bit finaliser.
/// </summary>
internal static class DuneMurmur3
{
    private const ulong C1 = 0x87c37b91114253d5UL;
    private const ulong C2 = 0x4cf5ad432745937fUL;

    public static byte[] Hash128(ReadOnlySpan<byte> data)
    {
        ulong h1 = 0, h2 = 0;
        int blocks = data.Length / 16;
        for (int b = 0; b < blocks; b++)
        {
            ulong k1 = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(b * 16, 8));
            ulong k2 = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(b * 16 + 8, 8));
            h1 ^= MixK1(k1);
            h1 = BitOperations.RotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= MixK2(k2);
            h2 = BitOperations.RotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        var tail = data[(blocks * 16)..];
        if (tail.Length > 8)
        {
            h2 ^= MixK2(LittleEndianPart(tail[8..]));
        }
        if (tail.Length > 0)
        {
            h1 ^= MixK1(LittleEndianPart(tail[..Math.Min(8, tail.Length)]));
        }
        h1 ^= (ulong)data.Length;
        h2 ^= (ulong)data.Length;
        h1 += h2;
        h2 += h1;
        h1 = Finalise(h1);
        h2 = Finalise(h2);
        h1 += h2;
        h2 += h1;
        var hash = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(hash, h1);
        BinaryPrimitives.WriteUInt64LittleEndian(hash.AsSpan(8), h2);
        return hash;
    }

    private static ulong MixK1(ulong k) => BitOperations.RotateLeft(k * C1, 31) * C2;

    private static ulong MixK2(ulong k) => BitOperations.RotateLeft(k * C2, 33) * C1;

    /// <summary>Up to 8 bytes read as a little-endian number.</summary>
    private static ulong LittleEndianPart(ReadOnlySpan<byte> bytes)
    {
        ulong k = 0;
        for (int i = bytes.Length - 1; i >= 0; i--)
        {
            k = k << 8 | bytes[i];
        }
        return k;
    }

    private static ulong Finalise(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53UL;
        k ^= k >> 33;
        return k;
    }
}
