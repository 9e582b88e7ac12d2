using System.Globalization;
using System.Numerics;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The casts into uint256/int256: from varbinary (big-endian) and from DuckDB's text of another type (integers exactly, decimals and doubles rounded half away from zero).</summary>
public static partial class DuneInt256
{
    /// <summary>Dune's varbinary_to_uint256/int256: big-endian, at most 32 bytes, a shorter value padded with zero bytes
    /// on the left; as int256 a 32-byte value is two's complement.</summary>
    private static BigInteger FromBytes(ReadOnlySpan<byte> bytes, Kind kind)
    {
        if (bytes.Length > 32)
        {
            throw new OverflowException($"varbinary_to_{TypeName(kind)}: varbinary is longer than 32 bytes");
        }
        bool negative = kind == Kind.Int && bytes.Length == 32 && (bytes[0] & 0x80) != 0;
        return new BigInteger(bytes, isUnsigned: !negative, isBigEndian: true);
    }

    /// <summary>
    /// A value rendered as DuckDB text, of DuckDB type <paramref name="type"/>, as a uint256 or int256:
    /// integers exactly, decimals and doubles rounded half away from zero (as Trino's casts to integers).
    /// </summary>
    private static BigInteger Cast(Op op, string text, string type)
    {
        // A uint256 has 78 digits; a decimal's text at most 40 characters. Longer text cannot fit, and is not
        // parsed: parsing is superlinear, and a native call cannot be interrupted by the query's cancellation.
        if (text.Length > MaxCastText)
        {
            throw new OverflowException($"Cannot cast value to {(op == Op.ToUint256 ? "uint256" : "int256")}: out of range");
        }
        BigInteger value = type.StartsWith("DECIMAL", StringComparison.Ordinal) ? RoundDecimal(text)
            : type is "DOUBLE" or "FLOAT" ? RoundDouble(text)
            : BigInteger.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : throw new FormatException($"Cannot cast '{Clip(text)}' to {(op == Op.ToUint256 ? "uint256" : "int256")}");
        bool fits = op == Op.ToUint256 ? value >= 0 && value <= UintMax : value >= IntMin && value <= IntMax;
        return fits ? value : throw new OverflowException($"Cannot cast value to {(op == Op.ToUint256 ? "uint256" : "int256")}: out of range");
    }

    private const int MaxCastText = 160;

    private static string Clip(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static BigInteger RoundDecimal(string text)
    {
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        BigInteger whole = BigInteger.Parse(text[..dot] is "-" or "" or "+" ? text[..dot] + "0" : text[..dot], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        bool up = dot + 1 < text.Length && text[dot + 1] >= '5';
        return up ? whole + (text.StartsWith('-') ? -1 : 1) : whole;
    }

    private static BigInteger RoundDouble(string text)
    {
        // DuckDB writes the infinities as inf and -inf, which .NET does not parse (its symbol is Infinity).
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || !double.IsFinite(d))
        {
            throw new OverflowException("Cannot cast a non-finite double to uint256/int256");
        }
        return new BigInteger(Math.Round(d, MidpointRounding.AwayFromZero));
    }
}
