using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using static Strata.Engine.DuckDb.DuneSql.DuneNative;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// DuneSQL's two 256-bit types as DuckDB types of their own: <c>uint256</c> and <c>int256</c>, BIGNUM registered under
/// those names (<c>duckdb_register_logical_type</c>). DuckDB keeps an alias through a query (typeof, DESCRIBE, results),
/// refuses to convert an aliased type implicitly to anything without a registered cast, and prefers an aliased type when
/// it unifies two (UNION, CASE, COALESCE, comparisons). The casts registered here give Dune's conversions
/// (conversion.mdx): integers and zero-scale decimals convert to either implicitly (range-checked); uint256 converts to
/// int256 implicitly ("int256 is bigger"), int256 to uint256 only explicitly; both convert to double implicitly (the
/// nearest double) and, as a last resort, to DuckDB's BIGNUM (so DuckDB's BIGNUM functions still bind). A double
/// converts to either only when it is a whole number in range: DuckDB unifies <c>uint256</c> with <c>double</c> as
/// <c>uint256</c>, where Dune's answer is a double, so a value with a fraction is an error, never a rounded value.
/// </summary>
internal static unsafe class DuneInt256Types
{
    internal const string Uint256 = "uint256";
    internal const string Int256 = "int256";

    /// <summary>Implicit-cast costs. DuckDB's own numeric promotions cost about 100–120 (a cast to VARCHAR 149), so
    /// these never win over them: an integer becomes a uint256 only where the other operand is one.</summary>
    private const long IntegerToUint = 250, IntegerToInt = 251, UintToInt = 2, ToBignum = 300, ToDouble = 400, ExplicitOnly = -1;

    /// <summary>A zero-scale decimal with a uint256 binds to the exact overloads rather than to DOUBLE's (DuckDB's
    /// DECIMAL→DOUBLE costs 104); still above any cost of a decimal's own operators (0). Next to an integer literal
    /// (DuckDB's literal→BIGINT costs 11, literal→DECIMAL 105) the decimal's own operator must win: Trino's
    /// <c>(-1) * CAST(u AS decimal(38,0))</c> is a decimal, not a uint256 (11 + 50 chose the (bigint, uint256)
    /// overload, which overflowed), so the cost is above 105 - 11 and below 104. With a double the decimal binds the
    /// (int256, double) overload, whose result is a double as Trino's <c>decimal * double</c>: int256 holds every
    /// zero-scale decimal, a negative one too (through the (uint256, double) overload a negative decimal failed the
    /// uint256 range check). With a uint256 the uint256 overloads still win: 101 + 0 against 100 + UintToInt (2).</summary>
    private const long DecimalToUint = 101, DecimalToInt = 100;

    private enum Target : byte { Uint, Int, Double, Bignum }

    public static void Register(DuckDBConnection connection)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        foreach (string alias in new[] { Uint256, Int256 })
        {
            IntPtr type = Type(TypeBignum, alias);
            try
            {
                if (RegisterType(con, type, IntPtr.Zero) != 0)
                {
                    throw new InvalidOperationException($"Could not register the type {alias}.");
                }
            }
            finally
            {
                DestroyType(ref type);
            }
        }
        int[] integers =
        [
            TypeTinyInt, TypeSmallInt, TypeInteger, TypeBigInt, TypeUTinyInt, TypeUSmallInt, TypeUInteger, TypeUBigInt,
            TypeHugeInt, TypeUHugeInt, TypeBignum,
        ];
        foreach (int type in integers)
        {
            var layout = IntegerLayout(type)!.Value;
            // A plain BIGNUM is one of DuckDB's own results (a sum): past the range it is an overflow, not a cast.
            bool result = type == TypeBignum;
            Cast(con, () => CreateType(type), layout, Target.Uint, IntegerToUint, result: result);
            Cast(con, () => CreateType(type), layout, Target.Int, IntegerToInt, result: result);
        }
        // A zero-scale decimal converts as an integer (Dune: "DECIMAL(2,0) will be converted to INT256 or UINT256"); one
        // with a scale has no implicit conversion, so an operation with it binds to DOUBLE's.
        for (byte width = 1; width <= 38; width++)
        {
            byte w = width;
            var layout = w <= 4 ? Layout.Int16 : w <= 9 ? Layout.Int32 : w <= 18 ? Layout.Int64 : Layout.Int128;
            Cast(con, () => CreateDecimalType(w, 0), layout, Target.Uint, DecimalToUint);
            Cast(con, () => CreateDecimalType(w, 0), layout, Target.Int, DecimalToInt);
        }
        Cast(con, () => Type(TypeBignum, Uint256), Layout.Text, Target.Int, UintToInt);
        // int256 → uint256 is never implicit, but DuckDB inserts it where it unifies the two with the uint256 first
        // (`u < i`, COALESCE(u, i)): the value is kept as it is, so a comparison compares the numbers; a negative value
        // in a uint256 result column fails when it is written (DuckDbTypes). A DuneSQL CAST(x AS uint256) does not come
        // here: the translator checks it (dune_uint256).
        Cast(con, () => Type(TypeBignum, Int256), Layout.Text, Target.Bignum, ExplicitOnly, to: Uint256);
        foreach (string alias in new[] { Uint256, Int256 })
        {
            Cast(con, () => Type(TypeBignum, alias), Layout.Text, Target.Double, ToDouble);
            Cast(con, () => Type(TypeBignum, alias), Layout.Text, Target.Bignum, ToBignum);
        }
        foreach (var (type, layout) in new[] { (TypeDouble, Layout.Double), (TypeFloat, Layout.Float) })
        {
            Cast(con, () => CreateType(type), layout, Target.Uint, ExplicitOnly);
            Cast(con, () => CreateType(type), layout, Target.Int, ExplicitOnly);
        }
        // Text: the digits, range-checked (DuckDB's own VARCHAR→BIGNUM would take any size).
        Cast(con, () => CreateType(TypeVarchar), Layout.Text, Target.Uint, ExplicitOnly, text: true);
        Cast(con, () => CreateType(TypeVarchar), Layout.Text, Target.Int, ExplicitOnly, text: true);
    }

    private static void Cast(IntPtr con, Func<IntPtr> source, Layout layout, Target target, long cost, bool text = false, string? to = null, bool result = false)
    {
        IntPtr from = source();
        IntPtr targetType = target switch
        {
            Target.Uint => Type(TypeBignum, Uint256),
            Target.Int => Type(TypeBignum, Int256),
            Target.Double => CreateType(TypeDouble),
            _ => Type(TypeBignum, to),
        };
        RegisterCast(con, from, targetType, cost, &Rows,
            (IntPtr)((int)layout | ((int)target << 8) | (text ? 1 << 16 : 0) | (result ? 1 << 17 : 0)), $"a cast to {target}");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte Rows(IntPtr info, ulong count, IntPtr input, IntPtr output)
    {
        int extra = (int)CastGetExtra(info);
        var layout = (Layout)(extra & 0xff);
        var target = (Target)((extra >> 8) & 0xff);
        bool text = (extra & (1 << 16)) != 0;
        bool result = (extra & (1 << 17)) != 0;
        bool isTry = CastMode(info) == 1;
        try
        {
            void* data = Data(input);
            ulong* valid = Validity(input);
            void* outData = Data(output);
            for (ulong row = 0; row < count; row++)
            {
                if (!IsValid(valid, row))
                {
                    SetNull(output, row);
                    continue;
                }
                try
                {
                    Convert(data, layout, text, target, row, output, outData, result);
                }
                catch (Exception e) when (isTry && e is OverflowException or FormatException)
                {
                    CastRowError(info, e.Message, row, output);
                }
            }
            return 1;
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            CastError(info, e.Message);
            return 0;
        }
        catch (Exception e)
        {
            CastError(info, "uint256/int256 conversion failed: " + e.GetType().Name);
            return 0;
        }
    }

    private static void Convert(void* data, Layout layout, bool text, Target target, ulong row, IntPtr output, void* outData, bool result)
    {
        if (target == Target.Double)
        {
            ((double*)outData)[row] = NearestDouble(ReadInteger(data, layout, row));
            return;
        }
        if (layout == Layout.Text && !text && BignumDataBytes(data, row) > 33)
        {
            throw new OverflowException(OutOfRange(target, result));
        }
        BigInteger value = text ? Parse(ReadText(data, row), target)
            : layout is Layout.Double or Layout.Float ? Whole(ReadDouble(data, layout, row), target)
            : ReadInteger(data, layout, row);
        if (target != Target.Bignum && !Fits(value, target == Target.Uint))
        {
            throw new OverflowException(OutOfRange(target, result));
        }
        WriteBignum(output, row, value);
    }

    private static string OutOfRange(Target target, bool result) => result
        ? $"{Name(target)} overflow: the result is outside {(target == Target.Uint ? "[0, 2^256-1]" : "[-2^255, 2^255-1]")}"
        : $"Cannot cast value to {Name(target)}: out of range";

    private static string Name(Target target) => target == Target.Uint ? Uint256 : Int256;

    internal static bool Fits(BigInteger value, bool unsigned) => unsigned
        ? value.Sign >= 0 && value <= DuneInt256.UintMax
        : value >= DuneInt256.IntMin && value <= DuneInt256.IntMax;

    /// <summary>The nearest double (Java's <c>BigInteger.doubleValue</c>); .NET's conversion truncates.</summary>
    internal static double NearestDouble(BigInteger value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static BigInteger Parse(string text, Target target)
    {
        string trimmed = text.Trim();
        return trimmed.Length <= 160 && BigInteger.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : trimmed.Length > 160 ? throw new OverflowException($"Cannot cast value to {Name(target)}: out of range")
            : throw new FormatException($"Cannot cast '{(trimmed.Length > 20 ? trimmed[..20] + "…" : trimmed)}' to {Name(target)}");
    }

    private static BigInteger Whole(double value, Target target) => double.IsFinite(value) && Math.Floor(value) == value
        ? new BigInteger(value)
        : throw new FormatException($"A double with a fraction cannot become {Name(target)} here: DuckDB types a UNION, CASE, "
            + $"COALESCE or comparison of {Name(target)} and double as {Name(target)} (Dune: double); cast the {Name(target)} to double");
}
