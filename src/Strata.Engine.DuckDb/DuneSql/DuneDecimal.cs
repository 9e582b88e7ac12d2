using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using static DuckDB.NET.Native.NativeMethods;
using Layout = Strata.Engine.DuckDb.DuneSql.DuneNative.Layout;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's decimal division (DecimalOperators' divide): <c>dune_decimal_divide(a, b)</c> takes any two values and,
/// when one is a decimal and the other a decimal or an integer (an integer is decimal(p,0)), gives the quotient at
/// scale s = max(a_scale, b_scale) (the third argument, a constant), rounded half up (away from zero); DuckDB divides
/// decimals as doubles. A C API function has one return type, so the result is the unscaled quotient (a HUGEINT); the
/// translator scales it by 10^-s and casts it to Trino's precision (DuneSqlTranslator.Decimal.cs). Operands up to 64 bits are divided in 128-bit arithmetic, wider ones with BigInteger. A zero divisor fails with Trino's "Division by zero",
/// a quotient of more than 38 digits with "Decimal overflow". Other argument types give NULL (the translator then
/// takes DuckDB's own division). The parameters are DuckDB's ANY, so each chunk's vectors keep their own types.
/// </summary>
internal static unsafe class DuneDecimal
{
    private const int TypeAny = 34; // DUCKDB_TYPE_ANY
    private const int TypeDecimal = 19; // DUCKDB_TYPE_DECIMAL

    /// <summary>10^38: a quotient must stay below it (Trino's 38 digits).</summary>
    private static readonly UInt128 Limit = UInt128.Parse("100000000000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Registers the function set: (ANY, ANY, INTEGER scale) → HUGEINT, the unscaled quotient (avg's), and for
    /// each scale k (ANY, ANY, dune_scale{k}) → DECIMAL(38,k), the quotient itself: DuckDB picks the overload by the
    /// third argument's type (a never-read witness), so the division's scale is chosen when the call is bound.</summary>
    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        var functions = new List<IntPtr>();
        for (int k = 0; k <= 38; k++)
        {
            IntPtr alias = ScaleType(k);
            try
            {
                if (DuneNative.RegisterType(con, alias, IntPtr.Zero) != 0)
                {
                    throw new InvalidOperationException($"Could not register the type {ScaleTypePrefix}{k}.");
                }
            }
            finally
            {
                DuneNative.DestroyType(ref alias);
            }
        }
        for (int k = -1; k <= 38; k++)
        {
            IntPtr any = DuneNative.CreateType(TypeAny);
            IntPtr scale = k < 0 ? DuneNative.CreateType(DuneNative.TypeInteger) : ScaleType(k);
            IntPtr result = k < 0 ? DuneNative.CreateType(DuneNative.TypeHugeInt) : DuneNative.CreateDecimalType(38, (byte)k);
            IntPtr function = DuneNative.CreateScalar();
            functions.Add(function);
            DuneNative.ScalarName(function, "dune_decimal_divide");
            DuneNative.ScalarParameter(function, any);
            DuneNative.ScalarParameter(function, any);
            DuneNative.ScalarParameter(function, scale);
            DuneNative.ScalarReturn(function, result);
            DuneNative.ScalarBody(function, &Rows);
            // The witness is a NULL of its type; the operands' NULLs are handled row by row.
            DuneNative.ScalarSpecialNulls(function);
            DuneNative.DestroyType(ref result);
            DuneNative.DestroyType(ref scale);
            DuneNative.DestroyType(ref any);
        }
        DuneInt256.RegisterSets(con, new Dictionary<string, List<IntPtr>> { ["dune_decimal_divide"] = functions });
    }

    /// <summary>The names of the scale witnesses' types: DECIMAL(38,k) registered as <c>dune_scale{k}</c>. DuckDB
    /// converts no aliased type implicitly to another, so each overload matches only its own witness (plain
    /// DECIMAL(38,k) parameters would all match any decimal).</summary>
    internal const string ScaleTypePrefix = "dune_scale";

    private static IntPtr ScaleType(int k)
    {
        IntPtr type = DuneNative.CreateDecimalType(38, (byte)k);
        DuneNative.SetAlias(type, ScaleTypePrefix + k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return type;
    }

    /// <summary>How a vector's values read as an unscaled decimal: its layout and scale, and whether it is a decimal;
    /// null for a type that is neither a decimal nor an integer of at most 128 bits.</summary>
    private static (Layout Layout, int Scale, bool IsDecimal)? Operand(IntPtr vector)
    {
        IntPtr type = DuneNative.ColumnType(vector);
        try
        {
            int id = DuneNative.TypeId(type);
            if (id == TypeDecimal)
            {
                return (DuneNative.IntegerLayout(DuneNative.DecimalInternalType(type)) ?? Layout.Int128, DuneNative.DecimalScale(type), true);
            }
            return DuneNative.IntegerLayout(id) is Layout layout and not Layout.Text ? (layout, 0, false) : null;
        }
        finally
        {
            DuneNative.DestroyType(ref type);
        }
    }

    /// <summary>The result scale: the witness's own scale (a DECIMAL(38,k) third argument) or the INTEGER's value.</summary>
    private static int ResultScale(IntPtr vector, ulong rows)
    {
        IntPtr type = DuneNative.ColumnType(vector);
        try
        {
            return DuneNative.TypeId(type) == TypeDecimal ? DuneNative.DecimalScale(type) : rows > 0 ? ((int*)DuneNative.Data(vector))[0] : 0;
        }
        finally
        {
            DuneNative.DestroyType(ref type);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr left = DuneNative.ChunkVector(input, 0);
            IntPtr right = DuneNative.ChunkVector(input, 1);
            var a = Operand(left);
            var b = Operand(right);
            if (a is not { } dividend || b is not { } divisor || !(dividend.IsDecimal || divisor.IsDecimal))
            {
                DuneNative.SetAllNull(output, rows);
                return;
            }
            int scale = ResultScale(DuneNative.ChunkVector(input, 2), rows);
            int rescale = scale - dividend.Scale + divisor.Scale;
            if (rescale < 0)
            {
                DuneNative.ScalarSetError(info, "decimal division: the result scale is below the operands'");
                return;
            }
            void* leftData = DuneNative.Data(left);
            void* rightData = DuneNative.Data(right);
            ulong* leftValid = DuneNative.Validity(left);
            ulong* rightValid = DuneNative.Validity(right);
            var result = (Int128*)DuneNative.Data(output);
            bool small = dividend.Layout is not (Layout.Int128 or Layout.UInt128 or Layout.UInt64)
                && divisor.Layout is not (Layout.Int128 or Layout.UInt128 or Layout.UInt64) && rescale <= 18;
            Int128 factor = small ? Pow10(rescale) : 0;
            // Below this dividend the numerator fits in 64 bits, where division is several times faster.
            long longLimit = small ? long.MaxValue / (long)factor : 0;
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(leftValid, row) || !DuneNative.IsValid(rightValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                if (small)
                {
                    // |n| < 2^63 and 10^rescale <= 10^18: the product fits in 128 bits.
                    long d = DuneNative.ReadInt64(rightData, divisor.Layout, row);
                    if (d == 0)
                    {
                        DuneNative.ScalarSetError(info, "Division by zero");
                        return;
                    }
                    long value = DuneNative.ReadInt64(leftData, dividend.Layout, row);
                    result[row] = value > -longLimit && value < longLimit ? Rounded(value * (long)factor, d) : Rounded(value * factor, d);
                    continue;
                }
                BigInteger divisorValue = DuneNative.ReadInteger(rightData, divisor.Layout, row);
                if (divisorValue.IsZero)
                {
                    DuneNative.ScalarSetError(info, "Division by zero");
                    return;
                }
                BigInteger n = DuneNative.ReadInteger(leftData, dividend.Layout, row);
                if (Quotient(n, divisorValue, rescale) is not UInt128 magnitude)
                {
                    DuneNative.ScalarSetError(info, "Decimal overflow");
                    return;
                }
                result[row] = n.Sign * divisorValue.Sign < 0 ? -(Int128)magnitude : (Int128)magnitude;
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "decimal division failed: " + e.GetType().Name);
        }
    }

    /// <summary>|n| · 10^rescale / |d| rounded half up, or null past 38 digits.</summary>
    internal static UInt128? Quotient(BigInteger n, BigInteger d, int rescale)
    {
        BigInteger numerator = BigInteger.Abs(n) * BigInteger.Pow(10, rescale);
        BigInteger divisor = BigInteger.Abs(d);
        BigInteger quotient = BigInteger.DivRem(numerator, divisor, out BigInteger remainder);
        if (remainder * 2 >= divisor)
        {
            quotient += 1;
        }
        return quotient >= (BigInteger)Limit ? null : (UInt128)quotient;
    }

    /// <summary>n / d rounded half up (away from zero).</summary>
    private static long Rounded(long n, long d)
    {
        var (quotient, remainder) = Math.DivRem(n, d);
        // |remainder| < |d| <= 2^63, so neither doubled magnitude overflows an unsigned 64-bit value.
        ulong twice = 2 * (ulong)Math.Abs(remainder), magnitude = d < 0 ? (ulong)(-(d + 1)) + 1 : (ulong)d;
        return twice >= magnitude ? quotient + (n < 0 == d < 0 ? 1 : -1) : quotient;
    }

    private static Int128 Rounded(Int128 n, long d)
    {
        var (quotient, remainder) = Int128.DivRem(n, d);
        return 2 * Int128.Abs(remainder) >= Int128.Abs(d) ? quotient + (n < 0 == d < 0 ? 1 : -1) : quotient;
    }

    private static Int128 Pow10(int exponent)
    {
        Int128 value = 1;
        for (int k = 0; k < exponent; k++)
        {
            value *= 10;
        }
        return value;
    }
}
