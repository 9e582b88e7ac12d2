using System.Globalization;
using System.Numerics;
using System.Text;

namespace Strata.Tests.Infrastructure;

/// <summary>ABI encoding of the static argument types the test contracts take (address, uint256, bool).</summary>
public static class Abi
{
    public static string Call(string selector, params object[] arguments)
    {
        var data = new StringBuilder("0x").Append(selector);
        foreach (var argument in arguments)
        {
            data.Append(Word(argument));
        }
        return data.ToString();
    }

    /// <summary>One 32-byte word, as 64 hex digits.</summary>
    public static string Word(object value) => value switch
    {
        string address when address.StartsWith("0x", StringComparison.Ordinal) && address.Length == 42 => address[2..].ToLowerInvariant().PadLeft(64, '0'),
        BigInteger number when number.Sign >= 0 && number.GetByteCount(isUnsigned: true) <= 32 => number.ToString("x64", CultureInfo.InvariantCulture)[^64..],
        long number when number >= 0 => number.ToString("x64", CultureInfo.InvariantCulture),
        int number when number >= 0 => number.ToString("x64", CultureInfo.InvariantCulture),
        bool flag => (flag ? 1 : 0).ToString("x64", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"cannot ABI-encode {value}", nameof(value)),
    };
}
