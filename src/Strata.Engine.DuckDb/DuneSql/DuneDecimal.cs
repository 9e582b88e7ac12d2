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
internal static unsafe partial class DuneDecimal
{
    private const int TypeAny = 34; // DUCKDB_TYPE_ANY
    private const int TypeDecimal = 19; // DUCKDB_TYPE_DECIMAL

    [LibraryImport("duckdb", EntryPoint = "duckdb_vector_get_column_type")]
    private static partial IntPtr ColumnType(IntPtr vector);

    [LibraryImport("duckdb", EntryPoint = "duckdb_get_type_id")]
    private static partial int TypeId(IntPtr type);

    [LibraryImport("duckdb", EntryPoint = "duckdb_decimal_scale")]
    private static partial byte DecimalScale(IntPtr type);

    [LibraryImport("duckdb", EntryPoint = "duckdb_decimal_internal_type")]
    private static partial int DecimalInternalType(IntPtr type);

    /// <summary>10^38: a quotient must stay below it (Trino's 38 digits).</summary>
    private static readonly UInt128 Limit = UInt128.Parse("100000000000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr any = DuneNative.CreateType(TypeAny);
        IntPtr scale = DuneNative.CreateType(DuneNative.TypeInteger);
        IntPtr result = DuneNative.CreateType(DuneNative.TypeHugeInt);
        IntPtr function = DuneNative.CreateScalar();
        try
        {
            DuneNative.ScalarName(function, "dune_decimal_divide");
            DuneNative.ScalarParameter(function, any);
            DuneNative.ScalarParameter(function, any);
            DuneNative.ScalarParameter(function, scale);
            DuneNative.ScalarReturn(function, result);
            DuneNative.ScalarBody(function, &Rows);
            if (DuneNative.RegisterScalar(con, function) != 0)
            {
                throw new InvalidOperationException("Could not register dune_decimal_divide.");
            }
        }
        finally
        {
            DuneNative.DestroyScalar(ref function);
            DuneNative.DestroyType(ref result);
            DuneNative.DestroyType(ref scale);
            DuneNative.DestroyType(ref any);
        }
    }

    /// <summary>How a vector's values read as an unscaled decimal: its layout and scale, and whether it is a decimal;
    /// null for a type that is neither a decimal nor an integer.</summary>
    private static (Layout Layout, int Scale, bool IsDecimal)? Operand(IntPtr vector)
    {
        IntPtr type = ColumnType(vector);
        try
        {
            int id = TypeId(type);
            if (id == TypeDecimal)
            {
                return (LayoutOf(DecimalInternalType(type)) ?? Layout.Int128, DecimalScale(type), true);
            }
            return LayoutOf(id) is Layout layout ? (layout, 0, false) : null;
        }
        finally
        {
            DuneNative.DestroyType(ref type);
        }
    }

    private static Layout? LayoutOf(int id) => id switch
    {
        DuneNative.TypeTinyInt => Layout.Int8,
        DuneNative.TypeSmallInt => Layout.Int16,
        DuneNative.TypeInteger => Layout.Int32,
        DuneNative.TypeBigInt => Layout.Int64,
        DuneNative.TypeUTinyInt => Layout.UInt8,
        DuneNative.TypeUSmallInt => Layout.UInt16,
        DuneNative.TypeUInteger => Layout.UInt32,
        DuneNative.TypeUBigInt => Layout.UInt64,
        DuneNative.TypeHugeInt => Layout.Int128,
        DuneNative.TypeUHugeInt => Layout.UInt128,
        _ => null,
    };

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
                for (ulong row = 0; row < rows; row++)
                {
                    DuneNative.SetNull(output, row);
                }
                return;
            }
            int scale = rows > 0 ? ((int*)DuneNative.Data(DuneNative.ChunkVector(input, 2)))[0] : 0;
            int rescale = scale - dividend.Scale + divisor.Scale;
            if (rescale < 0)
            {
                ScalarFunction.DuckDBScalarFunctionSetError(info, "decimal division: the result scale is below the operands'");
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
                    long d = ReadLong(rightData, divisor.Layout, row);
                    if (d == 0)
                    {
                        ScalarFunction.DuckDBScalarFunctionSetError(info, "Division by zero");
                        return;
                    }
                    Int128 numerator = ReadLong(leftData, dividend.Layout, row) * factor;
                    var (quotient, remainder) = Int128.DivRem(numerator, d);
                    if (2 * Int128.Abs(remainder) >= Int128.Abs(d))
                    {
                        quotient += numerator < 0 == d < 0 ? 1 : -1; // half up: away from zero
                    }
                    result[row] = quotient;
                    continue;
                }
                BigInteger divisorValue = DuneNative.ReadInteger(rightData, divisor.Layout, row);
                if (divisorValue.IsZero)
                {
                    ScalarFunction.DuckDBScalarFunctionSetError(info, "Division by zero");
                    return;
                }
                BigInteger n = DuneNative.ReadInteger(leftData, dividend.Layout, row);
                if (Quotient(n, divisorValue, rescale) is not UInt128 magnitude)
                {
                    ScalarFunction.DuckDBScalarFunctionSetError(info, "Decimal overflow");
                    return;
                }
                result[row] = n.Sign * divisorValue.Sign < 0 ? -(Int128)magnitude : (Int128)magnitude;
            }
        }
        catch (Exception e)
        {
            ScalarFunction.DuckDBScalarFunctionSetError(info, "decimal division failed: " + e.GetType().Name);
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

    private static long ReadLong(void* data, Layout layout, ulong row) => layout switch
    {
        Layout.Int8 => ((sbyte*)data)[row],
        Layout.Int16 => ((short*)data)[row],
        Layout.Int32 => ((int*)data)[row],
        Layout.Int64 => ((long*)data)[row],
        Layout.UInt8 => ((byte*)data)[row],
        Layout.UInt16 => ((ushort*)data)[row],
        _ => ((uint*)data)[row],
    };

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
