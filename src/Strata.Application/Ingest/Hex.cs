using System.Globalization;
using System.Numerics;

namespace Strata.Application.Ingest;

/// <summary>JSON-RPC's hex encodings: quantities (<c>0x1a</c>) and data (<c>0x00ff</c>, two digits a byte).</summary>
public static class Hex
{
    /// <summary>A quantity as a long; a malformed or too large value throws <see cref="FormatException"/>.</summary>
    public static long Long(string? quantity, string field)
    {
        if (Small(quantity) is ulong small)
        {
            return small <= long.MaxValue ? (long)small : throw TooLarge(quantity, field);
        }
        var value = Big(quantity, field);
        return value <= long.MaxValue ? (long)value : throw TooLarge(quantity, field);
    }

    private static FormatException TooLarge(string? quantity, string field) => new($"{field} {quantity} does not fit a bigint");

    /// <summary>
    /// A well-formed quantity of at most 16 digits, parsed without a <see cref="BigInteger"/> or a string (the common case
    /// on the ingest path); null for anything else, which <see cref="Big"/> then parses or rejects with its message.
    /// </summary>
    private static ulong? Small(string? quantity) =>
        quantity is { Length: >= 3 and <= 18 } && quantity[0] == '0' && (quantity[1] | 0x20) == 'x'
            && ulong.TryParse(quantity.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
            ? value
            : null;

    public static long? LongOrNull(string? quantity, string field) => quantity is null ? null : Long(quantity, field);

    /// <summary>A quantity as read from the node (<see cref="HexQuantity"/>): its value, or its text parsed as <see cref="Long(string?, string)"/> does.</summary>
    public static long Long(HexQuantity quantity, string field) => quantity.TryValue(out long value) ? value : Long(quantity.Text, field);

    public static long? LongOrNull(HexQuantity quantity, string field) => quantity.IsNull ? null : Long(quantity, field);

    /// <summary>A uint256 quantity as read from the node, as its decimal digits (exact at any size, as <see cref="Uint256(string?, string)"/>).</summary>
    public static string Uint256(HexQuantity quantity, string field) =>
        quantity.TryValue(out long value) ? value.ToString(CultureInfo.InvariantCulture) : Uint256(quantity.Text, field);

    /// <summary>Data as read from the node (<see cref="HexData"/>) as its bytes; malformed or missing data throws <see cref="FormatException"/> as <see cref="Data(string?, string)"/>.</summary>
    public static byte[] Data(HexData data, string field) => data.Bytes ?? throw new FormatException($"{field} is not hex data: {Shorten(data.Text)}");

    public static byte[]? DataOrNull(HexData data, string field) => data.IsNull ? null : Data(data, field);

    /// <summary>True when data as read from the node is the given hex text but for case (both missing included).</summary>
    public static bool Same(HexData data, string? text) => data.IsNull ? text is null : string.Equals(data.ToString(), text, StringComparison.OrdinalIgnoreCase);

    /// <summary>Data as read from the node as checked, lower-cased text ("0x...").</summary>
    public static string DataText(HexData data, string field) => "0x" + Convert.ToHexStringLower(Data(data, field));

    /// <summary>A non-negative quantity of any size.</summary>
    public static BigInteger Big(string? quantity, string field)
    {
        if (quantity is null || quantity.Length < 3 || quantity[0] != '0' || (quantity[1] | 0x20) != 'x' || quantity.Length > 66)
        {
            throw new FormatException($"{field} is not a hex quantity: {Shorten(quantity)}");
        }
        var digits = quantity.AsSpan(2);
        if (digits.Length <= 15)
        {
            return long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long small)
                ? small
                : throw new FormatException($"{field} is not a hex quantity: {Shorten(quantity)}");
        }
        // A leading 0 keeps BigInteger's hex parse unsigned.
        return BigInteger.TryParse("0" + quantity[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var big)
            ? big
            : throw new FormatException($"{field} is not a hex quantity: {Shorten(quantity)}");
    }

    /// <summary>A uint256 quantity as its decimal digits (how uint256 columns are stored).</summary>
    public static string Uint256(string? quantity, string field) =>
        Small(quantity) is ulong small ? small.ToString(CultureInfo.InvariantCulture) : Big(quantity, field).ToString(CultureInfo.InvariantCulture);

    /// <summary>Data, checked and lower-cased ("0x" for none); an odd length or a non-hex digit throws <see cref="FormatException"/>.</summary>
    public static string Data(string? data, string field)
    {
        if (data is null || data.Length < 2 || data[0] != '0' || (data[1] | 0x20) != 'x' || data.Length % 2 != 0)
        {
            throw new FormatException($"{field} is not hex data: {Shorten(data)}");
        }
        if (data.AsSpan(2).IndexOfAnyExcept(LowerHexDigits) < 0)
        {
            // The common case, checked vectorised: lowercase digits only.
            return data;
        }
        bool lower = true;
        for (int i = 2; i < data.Length; i++)
        {
            char c = data[i];
            if (c is >= 'A' and <= 'F')
            {
                lower = false;
            }
            else if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                throw new FormatException($"{field} is not hex data: {Shorten(data)}");
            }
        }
        return lower ? data : "0x" + data[2..].ToLowerInvariant();
    }

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string? DataOrNull(string? data, string field) => data is null ? null : Data(data, field);

    /// <summary>The number of bytes of checked data.</summary>
    public static int Bytes(string data) => (data.Length - 2) / 2;

    public static string Quantity(long value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    private static string Shorten(string? text) => text is null ? "(missing)" : text.Length > 80 ? text[..80] + "..." : text;
}
