using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>from_base(string, radix)</c> → bigint and <c>to_base(x, radix)</c> → varchar (mathematical functions):
/// radix 2 to 36, digits <c>0-9a-z</c> (either case when read, lower case when written), an optional sign, and the bigint
/// range; anything else fails with Trino's message. Native scalar functions over text, registered before the lock when
/// the translated text calls them (<see cref="UsedBy"/>).
/// </summary>
public static unsafe class DuneRadix
{
    private const int MaxText = 1024;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains("dune_from_base(", StringComparison.Ordinal)
        || translatedSql.Contains("dune_to_base(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_from_base", DuckDBType.Varchar, 2, DuckDBType.Varchar, &FromBaseRows);
        NativeScalarFunction.Register(connection, "dune_to_base", DuckDBType.Varchar, 2, DuckDBType.Varchar, &ToBaseRows);
    }

    /// <summary>The DuneSQL calls: the native functions read and write text; from_base's text is cast to bigint.</summary>
    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("from_base", 2), "CAST(dune_from_base(CAST($1 AS VARCHAR), CAST(CAST($2 AS BIGINT) AS VARCHAR)) AS BIGINT)");
        yield return new(("to_base", 2), "dune_to_base(CAST(CAST($1 AS BIGINT) AS VARCHAR), CAST(CAST($2 AS BIGINT) AS VARCHAR))");
    }

    /// <summary>The radix, or Trino's error.</summary>
    private static int Radix(ReadOnlySpan<byte> text, out string? error)
    {
        error = null;
        if (long.TryParse(Encoding.ASCII.GetString(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long radix) && radix is >= 2 and <= 36)
        {
            return (int)radix;
        }
        error = "Radix must be between 2 and 36";
        return 0;
    }

    /// <summary>from_base: the value of the digits, or Trino's error for a text that is not a base-radix bigint.</summary>
    public static string? FromBase(string text, int radix, out long value)
    {
        value = 0;
        int at = 0;
        bool negative = text.Length > 0 && text[0] == '-';
        if (text.Length > 0 && (text[0] == '-' || text[0] == '+'))
        {
            at = 1;
        }
        if (at >= text.Length)
        {
            return $"Not a valid base-{radix} number: {text}";
        }
        // Accumulated negative, as the bigint range has one more negative value than positive ones.
        long total = 0;
        for (; at < text.Length; at++)
        {
            char c = char.ToLowerInvariant(text[at]);
            int digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'z' ? c - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return $"Not a valid base-{radix} number: {text}";
            }
            try
            {
                total = checked(total * radix - digit);
            }
            catch (OverflowException)
            {
                return $"Not a valid base-{radix} number: {text}";
            }
        }
        if (!negative && total == long.MinValue)
        {
            return $"Not a valid base-{radix} number: {text}";
        }
        value = negative ? total : -total;
        return null;
    }

    /// <summary>to_base: the digits of value in radix, lower case, with a leading minus when negative.</summary>
    public static string ToBase(long value, int radix)
    {
        if (value == 0)
        {
            return "0";
        }
        Span<char> digits = stackalloc char[65];
        int at = digits.Length;
        long rest = value;
        while (rest != 0)
        {
            int digit = (int)Math.Abs(rest % radix);
            digits[--at] = (char)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            rest /= radix;
        }
        if (value < 0)
        {
            digits[--at] = '-';
        }
        return new string(digits[at..]);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FromBaseRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, (output, row, text, radixText) =>
        {
            int radix = Radix(radixText, out string? error);
            if (error is null && NativeStringRows.TooLong("from_base", text.Length, MaxText) is { } tooLong)
            {
                return tooLong;
            }
            if (error is null && (error = FromBase(Encoding.UTF8.GetString(text), radix, out long value)) is null)
            {
                NativeString.Set(output, row, Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
            }
            return error;
        }, e => "from_base failed: " + e.GetType().Name);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToBaseRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, (output, row, text, radixText) =>
        {
            int radix = Radix(radixText, out string? error);
            if (error is null)
            {
                long value = long.Parse(Encoding.ASCII.GetString(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                NativeString.Set(output, row, Encoding.ASCII.GetBytes(ToBase(value, radix)));
            }
            return error;
        }, e => "to_base failed: " + e.GetType().Name);
}
