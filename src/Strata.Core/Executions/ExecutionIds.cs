using System.Security.Cryptography;

namespace Strata.Core.Executions;

/// <summary>ULID execution ids: 26 characters of uppercase Crockford base32, time-ordered.</summary>
public static class ExecutionIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly Lock Gate = new();
    private static long lastMillis;
    private static readonly byte[] LastRandom = new byte[10];

    public static string New() => New(DateTimeOffset.UtcNow);

    public static string New(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        long millis = now.ToUnixTimeMilliseconds();
        lock (Gate)
        {
            if (millis <= lastMillis)
            {
                // Monotonic within a millisecond, and not guessable: the random part grows by a random step of 1 to 2^40.
                // It grew by one, so an id taken in the same millisecond as another owner's was that id plus or minus
                // one, and an execution readable by id (a run of a query made public later) could be found (hostile4).
                millis = lastMillis;
                Span<byte> step = stackalloc byte[5];
                RandomNumberGenerator.Fill(step);
                int carry = 1;
                for (int i = LastRandom.Length - 1; i >= 0; i--)
                {
                    int j = i - (LastRandom.Length - step.Length);
                    int sum = LastRandom[i] + (j >= 0 ? step[j] : 0) + carry;
                    LastRandom[i] = (byte)sum;
                    carry = sum >> 8;
                }
            }
            else
            {
                lastMillis = millis;
                RandomNumberGenerator.Fill(LastRandom);
                // The top bit clear: room for 2^39 steps within one millisecond before the part could wrap.
                LastRandom[0] &= 0x7F;
            }
            for (int i = 5; i >= 0; i--)
            {
                bytes[i] = (byte)(millis & 0xFF);
                millis >>= 8;
            }
            LastRandom.CopyTo(bytes[6..]);
        }
        return Encode(bytes);
    }

    private static string Encode(ReadOnlySpan<byte> b)
    {
        // 128 bits -> 26 chars; the first char carries the top 3 bits.
        UInt128 value = 0;
        foreach (byte x in b)
        {
            value = (value << 8) | x;
        }
        Span<char> chars = stackalloc char[26];
        for (int i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }

    /// <summary>True when the text is a well-formed ULID as this server issues them.</summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != 26 || id[0] > '7')
        {
            return false;
        }
        foreach (char c in id)
        {
            if (!Alphabet.Contains(c))
            {
                return false;
            }
        }
        return true;
    }
}
