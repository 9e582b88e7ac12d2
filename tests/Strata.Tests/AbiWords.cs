using System.Numerics;

namespace Strata.Tests;

/// <summary>Reading ABI-encoded words in tests (calldata, log data): a word as an unsigned big-endian integer, an address word, an address
/// padded to a topic, a uint256[] at an offset.</summary>
internal static class AbiWords
{
    /// <summary>The 32-byte word at byte <paramref name="at"/>, unsigned big-endian.</summary>
    internal static BigInteger Big(byte[] data, int at) => new(data.AsSpan(at, 32), isUnsigned: true, isBigEndian: true);

    internal static int Int(byte[] data, int at) => (int)Big(data, at);

    /// <summary>The address in the word at <paramref name="at"/> (its low 20 bytes), upper-case hex.</summary>
    internal static string Addr(byte[] data, int at) => Convert.ToHexString(data.AsSpan(at + 12, 20));

    /// <summary>An address's hex padded to a 32-byte word's.</summary>
    internal static string Pad(string address) => new string('0', 24) + address;

    /// <summary>The <c>bytes</c> at byte <paramref name="at"/> (its length word, then its bytes), upper-case hex.</summary>
    internal static string Bytes(byte[] data, int at) => Convert.ToHexString(data.AsSpan(at + 32, Int(data, at)));

    /// <summary>A uint256[] at byte <paramref name="at"/> of <paramref name="d"/> (its length word, then the words).</summary>
    internal static List<BigInteger> Words(byte[] d, int at) => [.. Enumerable.Range(0, Int(d, at)).Select(j => Big(d, at + 32 + 32 * j))];
}
