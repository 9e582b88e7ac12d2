using System.Globalization;
using System.Numerics;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Java's hexadecimal floating literals as <c>Double.parseDouble</c> reads them (FloatingDecimal's HEX_FLOAT_PATTERN):
/// an optional sign, <c>0x</c> or <c>0X</c>, hex digits with an optional point (at least one digit), a binary exponent
/// <c>p</c>/<c>P</c> with an optional sign and decimal digits (required), and an optional f/F/d/D suffix. The value is the
/// significand times two to the exponent, rounded to the nearest double (ties to even), subnormals and overflow to an
/// infinity included, so <c>'0x1.8p1'</c> is 3.0.
/// </summary>
public static partial class DuneJavaNumbers
{
    /// <summary>Past this binary exponent every significand rounds to zero or overflows, so larger ones are clamped (a
    /// text of many digits must not make a big integer of as many bits).</summary>
    private const int ExponentClamp = 1 << 20;

    /// <summary>The double a trimmed text reads as when it is a Java hexadecimal float, else null.</summary>
    internal static double? HexFloating(ReadOnlySpan<byte> core)
    {
        int i = core.Length > 0 && core[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        bool negative = i == 1 && core[0] == (byte)'-';
        if (core.Length < i + 2 || core[i] != (byte)'0' || core[i + 1] is not ((byte)'x' or (byte)'X'))
        {
            return null;
        }
        i += 2;
        var significand = BigInteger.Zero;
        int digits = 0, fraction = 0, dropped = 0, significant = 0;
        bool point = false, sticky = false;
        for (; i < core.Length; i++)
        {
            if (core[i] == (byte)'.' && !point)
            {
                point = true;
                continue;
            }
            int value = HexValue(core[i]);
            if (value < 0)
            {
                break;
            }
            digits++;
            fraction += point ? 1 : 0;
            if (significant < 32)
            {
                // 32 hex digits hold 128 bits, more than a double's 53 and its rounding bit; later ones only make it sticky.
                significand = significand * 16 + value;
                significant += significand.IsZero ? 0 : 1;
            }
            else
            {
                sticky |= value != 0;
                dropped++;
            }
        }
        if (digits == 0 || i >= core.Length || core[i] is not ((byte)'p' or (byte)'P'))
        {
            return null;
        }
        i++;
        bool negativeExponent = i < core.Length && core[i] == (byte)'-';
        i += i < core.Length && core[i] is (byte)'+' or (byte)'-' ? 1 : 0;
        int exponentStart = i;
        long exponent = 0;
        for (; i < core.Length && char.IsAsciiDigit((char)core[i]); i++)
        {
            exponent = Math.Min(ExponentClamp, exponent * 10 + (core[i] - '0'));
        }
        if (i == exponentStart || !(i == core.Length || i == core.Length - 1 && core[i] is (byte)'f' or (byte)'F' or (byte)'d' or (byte)'D'))
        {
            return null;
        }
        double magnitude = RoundToDouble(significand, sticky, (negativeExponent ? -exponent : exponent) - 4L * (fraction - dropped));
        return negative ? -magnitude : magnitude;
    }

    /// <summary>significand × 2^exponent (with a sticky bit below it) rounded to the nearest double, ties to even.</summary>
    private static double RoundToDouble(BigInteger significand, bool sticky, long exponent)
    {
        if (significand.IsZero)
        {
            return 0.0;
        }
        long bits = (long)significand.GetBitLength();
        long lead = bits - 1 + exponent;
        if (lead > 1023)
        {
            return double.PositiveInfinity;
        }
        // Bits kept: 53, fewer below the normal range (the last kept bit is 2^-1074).
        long precision = lead >= -1022 ? 53 : 53 - (-1022 - lead);
        long shift = bits - precision;
        if (shift <= 0)
        {
            return Math.ScaleB((double)significand, (int)exponent);
        }
        if (shift > bits + 1)
        {
            return 0.0; // below half of the least subnormal
        }
        var kept = significand >> (int)shift;
        var rest = significand - (kept << (int)shift);
        var half = BigInteger.One << (int)(shift - 1);
        int order = rest.CompareTo(half);
        if (order > 0 || order == 0 && (sticky || !kept.IsEven))
        {
            kept += 1;
        }
        return Math.ScaleB((double)kept, (int)(exponent + shift));
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>The double's text as DuckDB's cast reads it back to the same double.</summary>
    private static string HexText(double value) =>
        double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity"
        : value == 0 && double.IsNegative(value) ? "-0.0" : value.ToString("R", CultureInfo.InvariantCulture);
}
