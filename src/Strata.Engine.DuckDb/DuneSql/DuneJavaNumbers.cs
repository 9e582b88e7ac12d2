using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_java_integer(VARCHAR) → VARCHAR</c> and <c>dune_java_floating(VARCHAR) → VARCHAR</c>: a text as Trino's
/// VarcharOperators reads it before a cast (Java's parsers of the text trimmed as Java trims, every char up to U+0020),
/// written for DuckDB's cast to read the same number. An integer is a sign and decimal digits, any script's (Java's
/// <c>Character.digit</c>: '٣' is 3), written in ASCII; a floating number is Java's <c>FloatingDecimal</c> grammar (ASCII
/// digits, an optional point and exponent, an optional f or d suffix, dropped; NaN and Infinity spelled so), whose
/// decimal forms DuckDB's cast rounds as Java does. A text Java refuses is written behind
/// <see cref="DuneTypes.TextRefusedMark"/>, which no cast reads, so DuckDB's own conversion error is raised at the cast
/// (caught by TRY_CAST and TRY) and the binder words it as Trino's, without the mark. One call reads the operand once, so
/// a volatile operand is evaluated once. Java's hexadecimal floats ("0x1.8p1") are read in C# and written as the
/// double's shortest decimal text (DuneJavaNumbers.Hex.cs). Registered only for a text that calls them.
/// </summary>
public static unsafe partial class DuneJavaNumbers
{
    public const string Integer = "dune_java_integer", Floating = "dune_java_floating";

    /// <summary>The mark's UTF-8 bytes.</summary>
    private static readonly byte[] Mark = Encoding.UTF8.GetBytes(DuneTypes.TextRefusedMark.ToString());

    public static bool UsedBy(string translatedSql) =>
        translatedSql.Contains(Integer + "(", StringComparison.Ordinal) || translatedSql.Contains(Floating + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, Integer, DuckDBType.Varchar, 1, DuckDBType.Varchar, &IntegerRows);
        NativeScalarFunction.Register(connection, Floating, DuckDBType.Varchar, 1, DuckDBType.Varchar, &FloatingRows);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void IntegerRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, static (output, row, text, _) => WriteInteger(output, row, text), Failure);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FloatingRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 1, static (output, row, text, _) => WriteFloating(output, row, text), Failure);

    private static string Failure(Exception e) => "a cast of text to a number failed: " + e.GetType().Name;

    /// <summary>Java's <c>String.trim</c> of UTF-8 bytes: every char up to U+0020 is one byte below 0x21.</summary>
    private static ReadOnlySpan<byte> JavaTrim(ReadOnlySpan<byte> text, out bool onlyBlanks)
    {
        int start = 0, end = text.Length;
        while (start < end && text[start] <= (byte)' ')
        {
            start++;
        }
        while (end > start && text[end - 1] <= (byte)' ')
        {
            end--;
        }
        onlyBlanks = IsBlank(text[..start]) && IsBlank(text[end..]);
        return text[start..end];
    }

    /// <summary>Whether every byte is whitespace DuckDB's cast trims itself.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r'))
            {
                return false;
            }
        }
        return true;
    }

    private static string? WriteInteger(IntPtr output, ulong row, ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> core = JavaTrim(text, out bool onlyBlanks);
        int first = core.Length > 0 && core[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        bool ascii = true;
        for (int i = first; i < core.Length && ascii; i++)
        {
            if (core[i] >= 0x80)
            {
                ascii = false;
            }
            else if (!char.IsAsciiDigit((char)core[i]))
            {
                return Refuse(output, row, text);
            }
        }
        if (core.Length == first)
        {
            return Refuse(output, row, text);
        }
        if (ascii)
        {
            // The text as written when DuckDB reads it alike: an overflow's error then echoes it as Trino's does.
            NativeString.Set(output, row, onlyBlanks ? text : core);
            return null;
        }
        // Another script's digits: each char must be a decimal digit (Character.digit; a surrogate is none).
        string chars = Encoding.UTF8.GetString(core[first..]);
        Span<byte> digits = chars.Length < 256 ? stackalloc byte[first + chars.Length] : new byte[first + chars.Length];
        core[..first].CopyTo(digits);
        for (int i = 0; i < chars.Length; i++)
        {
            if (!char.IsDigit(chars[i]))
            {
                return Refuse(output, row, text);
            }
            digits[first + i] = (byte)('0' + CharUnicodeInfo.GetDecimalDigitValue(chars[i]));
        }
        NativeString.Set(output, row, digits);
        return null;
    }

    private static string? WriteFloating(IntPtr output, ulong row, ReadOnlySpan<byte> text)
    {
        ReadOnlySpan<byte> core = JavaTrim(text, out bool onlyBlanks);
        int length = FloatingLength(core);
        if (length < 0)
        {
            if (HexFloating(core) is double hex)
            {
                NativeString.Set(output, row, Encoding.ASCII.GetBytes(HexText(hex)));
                return null;
            }
            return Refuse(output, row, text);
        }
        NativeString.Set(output, row, onlyBlanks && length == core.Length ? text : core[..length]);
        return null;
    }

    /// <summary>The length of a trimmed text's number without its f or d suffix when Java's FloatingDecimal reads it
    /// (NaN and Infinity take no suffix), else -1.</summary>
    private static int FloatingLength(ReadOnlySpan<byte> core)
    {
        int i = core.Length > 0 && core[0] is (byte)'+' or (byte)'-' ? 1 : 0;
        if (core[i..].SequenceEqual("NaN"u8) || core[i..].SequenceEqual("Infinity"u8))
        {
            return core.Length;
        }
        int digits = Digits(core, ref i);
        if (i < core.Length && core[i] == (byte)'.')
        {
            i++;
            digits += Digits(core, ref i);
        }
        if (digits == 0)
        {
            return -1;
        }
        if (i < core.Length && core[i] is (byte)'e' or (byte)'E')
        {
            i++;
            i += i < core.Length && core[i] is (byte)'+' or (byte)'-' ? 1 : 0;
            if (Digits(core, ref i) == 0)
            {
                return -1;
            }
        }
        return i == core.Length ? i
            : i == core.Length - 1 && core[i] is (byte)'f' or (byte)'F' or (byte)'d' or (byte)'D' ? i
            : -1;
    }

    private static int Digits(ReadOnlySpan<byte> text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
        }
        return i - start;
    }

    /// <summary>Writes the text behind the mark, for DuckDB's cast to refuse.</summary>
    private static string? Refuse(IntPtr output, ulong row, ReadOnlySpan<byte> text)
    {
        NativeString.SetRented(output, row, Mark.Length + text.Length, text, static (to, from) =>
        {
            Mark.CopyTo(to);
            from.CopyTo(to[Mark.Length..]);
        });
        return null;
    }
}
