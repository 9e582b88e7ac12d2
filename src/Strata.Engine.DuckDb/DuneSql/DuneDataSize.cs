using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>dune_data_size_bytes(text) → VARCHAR</c>: the byte count of a data size (<c>'2.3MB'</c>), exact, as the digits
/// <c>parse_data_size</c>'s template casts to decimal(38,0) (<see cref="TrinoDocsFunctions"/>; the template has checked
/// the text's form and unit first). Trino multiplies the number (a BigDecimal) by the unit's power of 1024 and drops the
/// fraction of a byte; a count past decimal(38,0) fails with Trino's "Value out of range: '<text>' ('<bytes>B')"
/// (DuckDB's decimal arithmetic failed in its own words before, on a number past decimal(38,10) or on the product).
/// Registered only for a text that calls it.
/// </summary>
public static unsafe class DuneDataSize
{
    public const string Function = "dune_data_size_bytes";

    /// <summary>The units by their power of 1024 (case matters, as Trino's).</summary>
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];

    /// <summary>The largest decimal(38,0).</summary>
    private static readonly BigInteger MaxDecimal38 = BigInteger.Pow(10, 38) - 1;

    /// <summary>Integer digits past which a size is out of range without being computed, and the fraction digits read.</summary>
    private const int MaxIntegerDigits = 60, MaxFractionDigits = 100;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection) =>
        NativeScalarFunction.Register(connection, Function, DuckDBType.Varchar, 1, DuckDBType.Varchar, &Rows);

    internal sealed class OutOfRangeException(string message) : Exception(message);

    /// <summary>The exact byte count of a data size whose form the template checked (digits, an optional fraction, a
    /// unit, blanks around them), or null when the text is not of that form. A number of more than
    /// <see cref="MaxIntegerDigits"/> integer digits is out of range, and not computed.</summary>
    public static BigInteger? Bytes(string text)
    {
        string t = text.Trim();
        int numberEnd = 0;
        while (numberEnd < t.Length && (char.IsAsciiDigit(t[numberEnd]) || t[numberEnd] == '.'))
        {
            numberEnd++;
        }
        int power = Array.IndexOf(Units, t[numberEnd..].Trim());
        string[] parts = t[..numberEnd].Split('.');
        if (numberEnd == 0 || power < 0 || parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && parts[1].Length == 0))
        {
            return null;
        }
        if (parts[0].TrimStart('0').Length > MaxIntegerDigits)
        {
            throw new OutOfRangeException($"Value out of range: '{Shown(text)}'"); // whatever the unit; its digits are not computed
        }
        // Fraction digits past these change no whole byte (a unit is at most 1024^8 bytes).
        string fraction = parts.Length == 2 ? parts[1][..Math.Min(parts[1].Length, MaxFractionDigits)] : "";
        var scaled = BigInteger.Parse(parts[0] + fraction, NumberStyles.None, CultureInfo.InvariantCulture);
        return scaled * BigInteger.Pow(1024, power) / BigInteger.Pow(10, fraction.Length);
    }

    /// <summary>A text shown in a message: at most 200 characters.</summary>
    private static string Shown(string text) => text.Length <= 200 ? text : text[..200] + "…";

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong* valid = DuneNative.ValidRows(input, output, 1, out ulong rows);
            void* texts = DuneNative.Data(DuneNative.ChunkVector(input, 0));
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    continue;
                }
                string text = DuneNative.ReadText(texts, row);
                if (Bytes(text) is not BigInteger bytes)
                {
                    throw new OutOfRangeException($"Invalid data size: '{text}'");
                }
                if (bytes > MaxDecimal38)
                {
                    throw new OutOfRangeException($"Value out of range: '{text}' ('{bytes.ToString(CultureInfo.InvariantCulture)}B')");
                }
                DuneNative.WriteBytes(output, row, Encoding.ASCII.GetBytes(bytes.ToString(CultureInfo.InvariantCulture)));
            }
        }
        catch (OutOfRangeException e)
        {
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "parse_data_size failed: " + e.GetType().Name);
        }
    }
}
