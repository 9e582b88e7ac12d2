using System.Buffers.Binary;
using System.Numerics;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Bob Jenkins' SpookyHash V2 (public domain), as Trino's <c>spooky_hash_v2_64</c> / <c>spooky_hash_v2_32</c> compute it
/// through airlift's SpookyHashV2 with seed 0: the first 64-bit half of the 128-bit hash with both seeds 0 (the 32-bit
/// form is its low half). A message under 192 bytes takes the short path (4 lanes over 32-byte steps), a longer one the
/// long path (12 lanes over 96-byte blocks, a zero-padded last block whose final byte is its length). The mixing steps
/// are written here as tables of their rotations, one loop per step kind.
/// </summary>
internal static class DuneSpookyHash
{
    private const ulong Constant = 0xdeadbeefdeadbeefUL;
    private const int Lanes = 12;
    private const int BlockBytes = Lanes * 8;

    private static ReadOnlySpan<byte> MixRotations => [11, 32, 43, 31, 17, 28, 39, 57, 55, 54, 22, 46];
    private static ReadOnlySpan<byte> EndRotations => [44, 15, 34, 21, 38, 33, 10, 13, 38, 53, 42, 54];
    private static ReadOnlySpan<byte> ShortMixRotations => [50, 52, 30, 41, 54, 48, 38, 37, 62, 34, 5, 36];
    private static ReadOnlySpan<byte> ShortEndRotations => [15, 52, 26, 51, 28, 9, 47, 54, 32, 25, 63];

    /// <summary>The first 64 bits of SpookyHash V2's 128-bit hash of <paramref name="data"/> with both seeds 0.</summary>
    public static ulong Hash64(ReadOnlySpan<byte> data) => data.Length < 2 * BlockBytes ? Short(data) : Long(data);

    private static ulong Word(ReadOnlySpan<byte> data, int index) => BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(index * 8, 8));

    /// <summary>Up to 8 bytes read as a little-endian number.</summary>
    private static ulong Part(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        for (int i = bytes.Length - 1; i >= 0; i--)
        {
            value = value << 8 | bytes[i];
        }
        return value;
    }

    private static ulong Short(ReadOnlySpan<byte> data)
    {
        Span<ulong> h = [0, 0, Constant, Constant];
        int at = 0;
        if (data.Length > 15)
        {
            for (; data.Length - at >= 32; at += 32)
            {
                h[2] += Word(data, at / 8);
                h[3] += Word(data, at / 8 + 1);
                ShortMix(h);
                h[0] += Word(data, at / 8 + 2);
                h[1] += Word(data, at / 8 + 3);
            }
            if (data.Length - at >= 16)
            {
                h[2] += Word(data, at / 8);
                h[3] += Word(data, at / 8 + 1);
                ShortMix(h);
                at += 16;
            }
        }
        var tail = data[at..];
        h[3] += (ulong)data.Length << 56;
        if (tail.Length == 0)
        {
            h[2] += Constant;
            h[3] += Constant;
        }
        else
        {
            h[2] += Part(tail[..Math.Min(8, tail.Length)]);
            if (tail.Length > 8)
            {
                h[3] += Part(tail[8..]);
            }
        }
        // The short end: eleven steps, each folding one lane into the next after rotating it.
        for (int k = 0; k < ShortEndRotations.Length; k++)
        {
            int a = (k + 3) % 4, b = (k + 2) % 4;
            h[a] ^= h[b];
            h[b] = BitOperations.RotateLeft(h[b], ShortEndRotations[k]);
            h[a] += h[b];
        }
        return h[0];
    }

    private static void ShortMix(Span<ulong> h)
    {
        for (int k = 0; k < ShortMixRotations.Length; k++)
        {
            int x = (k + 2) % 4, y = (k + 3) % 4, z = k % 4;
            h[x] = BitOperations.RotateLeft(h[x], ShortMixRotations[k]);
            h[x] += h[y];
            h[z] ^= h[x];
        }
    }

    private static ulong Long(ReadOnlySpan<byte> data)
    {
        Span<ulong> h = stackalloc ulong[Lanes];
        for (int i = 0; i < Lanes; i++)
        {
            h[i] = i % 3 == 2 ? Constant : 0; // seeds 0 in lanes 0, 1, 3, 4, …; the constant in 2, 5, 8, 11
        }
        int blocks = data.Length / BlockBytes;
        for (int b = 0; b < blocks; b++)
        {
            var block = data.Slice(b * BlockBytes, BlockBytes);
            for (int i = 0; i < Lanes; i++)
            {
                h[i] += Word(block, i);
                h[(i + 2) % Lanes] ^= h[(i + 10) % Lanes];
                h[(i + 11) % Lanes] ^= h[i];
                h[i] = BitOperations.RotateLeft(h[i], MixRotations[i]);
                h[(i + 11) % Lanes] += h[(i + 1) % Lanes];
            }
        }
        Span<byte> last = stackalloc byte[BlockBytes];
        var rest = data[(blocks * BlockBytes)..];
        rest.CopyTo(last);
        last[BlockBytes - 1] = (byte)rest.Length;
        for (int i = 0; i < Lanes; i++)
        {
            h[i] += Word(last, i);
        }
        for (int round = 0; round < 3; round++)
        {
            for (int j = 0; j < Lanes; j++)
            {
                h[(j + 11) % Lanes] += h[(j + 1) % Lanes];
                h[(j + 2) % Lanes] ^= h[(j + 11) % Lanes];
                h[(j + 1) % Lanes] = BitOperations.RotateLeft(h[(j + 1) % Lanes], EndRotations[j]);
            }
        }
        return h[0];
    }
}
