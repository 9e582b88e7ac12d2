using System.Security.Cryptography;
using System.Text;

namespace Strata.Core.Security;

/// <summary>Key generation and hashing. Keys are 32 random base62 characters; only their SHA-256 is stored
/// (keys carry 190 bits of entropy, so a fast hash is enough).</summary>
public static partial class ApiKeyHashing
{
    /// <summary>Owner handles: 1-64 letters, digits or underscores (they double as upload namespaces).</summary>
    public static bool IsValidHandle(string handle) => HandlePattern().IsMatch(handle);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex HandlePattern();

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string NewKey() => RandomNumberGenerator.GetString(Alphabet, 32);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The first characters of a key, shown in listings so an admin can tell keys apart.</summary>
    public static string Prefix(string key) => key.Length <= 4 ? key : key[..4];
}
