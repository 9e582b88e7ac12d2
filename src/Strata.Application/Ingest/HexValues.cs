using System.Buffers;
using System.Globalization;
using System.Text;

namespace Strata.Application.Ingest;

/// <summary>
/// A JSON-RPC quantity as the node sent it: read to its value when it is a well-formed quantity of at most 16 digits
/// that fits a bigint (the common case, parsed from the answer's UTF-8 bytes without a string), kept as the node's text
/// otherwise (more digits, malformed, missing), so that <see cref="Hex"/> gives the same value or the same error naming
/// the field when the block is mapped. <c>default</c> is a missing (null) quantity.
/// </summary>
public readonly struct HexQuantity : IEquatable<HexQuantity>
{
    private readonly long value;
    private readonly string? text;
    private readonly bool parsed;

    private HexQuantity(long value)
    {
        this.value = value;
        parsed = true;
    }

    private HexQuantity(string? text) => this.text = text;

    /// <summary>True when the node sent no value (JSON null or no field).</summary>
    public bool IsNull => !parsed && text is null;

    /// <summary>The value, when it was read as one (see the type's remarks); false means <see cref="Text"/> holds what was sent.</summary>
    public bool TryValue(out long result)
    {
        result = value;
        return parsed;
    }

    /// <summary>The node's text when the quantity was not read to a value (null when missing or read).</summary>
    public string? Text => text;

    public static HexQuantity Of(long value) => value >= 0 ? new(value) : throw new ArgumentOutOfRangeException(nameof(value), "A quantity is not negative.");

    /// <summary>A quantity from its text: read to a value when it is a short well-formed one, else kept as given.</summary>
    public static HexQuantity FromText(string? text) =>
        text is { Length: >= 3 and <= 18 } && text[0] == '0' && (text[1] | 0x20) == 'x'
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong small) && small <= long.MaxValue
            ? new((long)small)
            : new(text);

    /// <summary>A quantity from the UTF-8 bytes of a JSON string (unescaped): read to a value or kept as text as <see cref="FromText"/>.</summary>
    public static HexQuantity FromUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is >= 3 and <= 18 && utf8[0] == '0' && (utf8[1] | 0x20) == 'x')
        {
            ulong result = 0;
            int i = 2;
            for (; i < utf8.Length; i++)
            {
                int digit = HexDigit(utf8[i]);
                if (digit < 0)
                {
                    break;
                }
                result = (result << 4) | (uint)digit;
            }
            if (i == utf8.Length && result <= long.MaxValue)
            {
                return new((long)result);
            }
        }
        return new(Encoding.UTF8.GetString(utf8));
    }

    private static int HexDigit(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };

    public static implicit operator HexQuantity(string? text) => FromText(text);

    /// <summary>This quantity, or <paramref name="fallback"/> when it is missing.</summary>
    public HexQuantity Or(HexQuantity fallback) => IsNull ? fallback : this;

    public bool Equals(HexQuantity other) => parsed ? other.parsed && value == other.value : !other.parsed && string.Equals(text, other.text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is HexQuantity other && Equals(other);

    public override int GetHashCode() => parsed ? value.GetHashCode() : text?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public static bool operator ==(HexQuantity left, HexQuantity right) => left.Equals(right);

    public static bool operator !=(HexQuantity left, HexQuantity right) => !left.Equals(right);

    /// <summary>The quantity as hex text ("0x1a" for a value read, the node's text otherwise; empty when missing).</summary>
    public override string ToString() => parsed ? Hex.Quantity(value) : text ?? "";
}

/// <summary>
/// JSON-RPC data as the node sent it: decoded to its bytes when it is well-formed ("0x" and an even number of hex digits
/// of either case; decoded from the answer's UTF-8 bytes without a string), kept as the node's text otherwise, so that
/// <see cref="Hex"/> fails naming the field when the block is mapped, as it did on the text. <c>default</c> is missing (null).
/// </summary>
public readonly struct HexData : IEquatable<HexData>
{
    private readonly object? value;

    private HexData(object? value) => this.value = value;

    public bool IsNull => value is null;

    /// <summary>The bytes of well-formed data; null when it is missing or malformed.</summary>
    public byte[]? Bytes => value as byte[];

    /// <summary>The node's text of malformed data; null when it is missing or well-formed.</summary>
    public string? Text => value as string;

    public static HexData Of(byte[] bytes) => new(bytes);

    /// <summary>Data from its text: decoded when well-formed, else kept as given.</summary>
    public static HexData FromText(string? text)
    {
        if (text is { Length: >= 2 } && text.Length % 2 == 0 && text[0] == '0' && (text[1] | 0x20) == 'x')
        {
            byte[] bytes = text.Length == 2 ? [] : new byte[(text.Length - 2) / 2];
            if (Convert.FromHexString(text.AsSpan(2), bytes, out _, out int written) == OperationStatus.Done && written == bytes.Length)
            {
                return new(bytes);
            }
        }
        return new(text);
    }

    /// <summary>Data from the UTF-8 bytes of a JSON string (unescaped): decoded or kept as text as <see cref="FromText"/>.</summary>
    public static HexData FromUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= 2 && utf8.Length % 2 == 0 && utf8[0] == '0' && (utf8[1] | 0x20) == 'x')
        {
            byte[] bytes = utf8.Length == 2 ? [] : new byte[(utf8.Length - 2) / 2];
            if (Convert.FromHexString(utf8[2..], bytes, out _, out int written) == OperationStatus.Done && written == bytes.Length)
            {
                return new(bytes);
            }
        }
        return new(Encoding.UTF8.GetString(utf8));
    }

    public static implicit operator HexData(string? text) => FromText(text);

    /// <summary>This data, or <paramref name="fallback"/> when it is missing.</summary>
    public HexData Or(HexData fallback) => IsNull ? fallback : this;

    /// <summary>Equal bytes (so hex text equal but for case), or equal malformed text but for case, or both missing.</summary>
    public bool Equals(HexData other) => value switch
    {
        null => other.value is null,
        byte[] bytes => other.value is byte[] others && bytes.AsSpan().SequenceEqual(others),
        _ => other.value is string otherText && string.Equals((string)value, otherText, StringComparison.OrdinalIgnoreCase),
    };

    public override bool Equals(object? obj) => obj is HexData other && Equals(other);

    public override int GetHashCode()
    {
        if (value is byte[] bytes)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
        return value is string text ? StringComparer.OrdinalIgnoreCase.GetHashCode(text) : 0;
    }

    public static bool operator ==(HexData left, HexData right) => left.Equals(right);

    public static bool operator !=(HexData left, HexData right) => !left.Equals(right);

    /// <summary>Well-formed data as lower-case hex text ("0x..."), malformed data as the node sent it; empty when missing.</summary>
    public override string ToString() => value switch
    {
        byte[] bytes => "0x" + Convert.ToHexStringLower(bytes),
        string text => text,
        _ => "",
    };
}
