using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Native helpers of Trino's numeric rules that depend on the operands' bound types (DuneSqlTranslator.Division.cs):
/// <list type="bullet">
/// <item><c>dune_num_key(typeof(a) || '|' || typeof(b), part)</c>: folded to a constant when DuckDB binds (its inputs
/// are), it says which form of <c>a / b</c> or <c>a % b</c> applies (<c>d</c> decimal, <c>i</c> integers, <c>v</c>
/// DuckDB's own) and Trino's result type decimal(p,s) as the keys of the witness structs (<c>iN</c> integer digits,
/// <c>sN</c> scale) or the scale itself (<c>S</c>).</item>
/// <item><c>dune_float_text(x)</c>: Trino's <c>CAST(double AS varchar)</c> (DecimalFormat <c>0.0###################E0</c>:
/// <c>1.5E2</c>, <c>1.0E0</c>, <c>0E0</c>, <c>-Infinity</c>, <c>NaN</c>) and of a real (<c>0.0#####E0</c>, seven digits
/// rounded half even); NULL for any other type (the parameter is ANY so the branch binds for every type).</item>
/// </list>
/// </summary>
internal static unsafe class DuneNumeric
{
    private const int TypeAny = 34; // DUCKDB_TYPE_ANY

    /// <summary>The CAST(… AS varchar) branch (DuneFunctions.ToVarchar) of a double or real: Trino's text.</summary>
    internal const string FloatText = "WHEN typeof($1) IN ('DOUBLE', 'FLOAT') THEN dune_float_text($1) ";

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_num_key", DuckDB.NET.Native.DuckDBType.Varchar, 2, DuckDB.NET.Native.DuckDBType.Varchar, &KeyRows);
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr any = DuneNative.CreateType(TypeAny);
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        IntPtr dbl = DuneNative.CreateType(DuneNative.TypeDouble);
        try
        {
            Register(con, "dune_float_text", [any], text, &FloatRows);
            Register(con, "dune_fdiv", [any, any], dbl, &DivideRows);
            IntPtr boolean = DuneNative.CreateType((int)DuckDB.NET.Native.DuckDBType.Boolean);
            IntPtr bigint = DuneNative.CreateType(DuneNative.TypeBigInt);
            try
            {
                Register(con, "dune_division_by_zero", [any], boolean, &ZeroDivisorRows);
                Register(con, "dune_bigint_sum", [any], bigint, &BigintSumRows);
                DuneSequence.Register(con, any, bigint);
            }
            finally
            {
                DuneNative.DestroyType(ref bigint);
                DuneNative.DestroyType(ref boolean);
            }
        }
        finally
        {
            DuneNative.DestroyType(ref dbl);
            DuneNative.DestroyType(ref text);
            DuneNative.DestroyType(ref any);
        }
    }

    internal static void Register(IntPtr con, string name, IntPtr[] parameters, IntPtr result, delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body)
    {
        IntPtr function = DuneNative.CreateScalar();
        try
        {
            DuneNative.ScalarName(function, name);
            foreach (IntPtr parameter in parameters)
            {
                DuneNative.ScalarParameter(function, parameter);
            }
            DuneNative.ScalarReturn(function, result);
            DuneNative.ScalarBody(function, body);
            if (DuneNative.RegisterScalar(con, function) != 0)
            {
                throw new InvalidOperationException("Could not register " + name + ".");
            }
        }
        finally
        {
            DuneNative.DestroyScalar(ref function);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void KeyRows(IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 2, static (output, row, types, part) =>
        {
            NativeString.Set(output, row, Encoding.ASCII.GetBytes(Key(Encoding.UTF8.GetString(types), Encoding.UTF8.GetString(part))));
            return null;
        }, e => "dune_num_key failed: " + e.GetType().Name);

    /// <summary>The key <paramref name="part"/> (k, i, s or S, then the operator / or %) for the operand types "a|b".</summary>
    internal static string Key(string types, string part)
    {
        int bar = types.IndexOf('|', StringComparison.Ordinal);
        var a = Exact(bar < 0 ? types : types[..bar]);
        var b = Exact(bar < 0 ? "" : types[(bar + 1)..]);
        bool divide = part.EndsWith('/');
        string kind = a is null || b is null ? (divide && IsFloating(types, bar) ? "f" : "v") : a.Value.IsDecimal || b.Value.IsDecimal ? "d" : "i";
        int scale = 0, integers = 1;
        if (kind == "d")
        {
            var (p1, s1, _) = a!.Value;
            var (p2, s2, _) = b!.Value;
            scale = Math.Max(s1, s2);
            // Trino's DecimalOperators: a / b is decimal(min(38, p1 + s2 + max(s2 - s1, 0)), max(s1, s2));
            // a % b is decimal(min(p2 - s2, p1 - s1) + max(s1, s2), max(s1, s2)).
            integers = divide ? Math.Min(38, p1 + s2 + Math.Max(s2 - s1, 0)) - scale : Math.Min(p2 - s2, p1 - s1);
        }
        return part[0] switch
        {
            'k' => kind,
            'i' => "i" + integers.ToString(CultureInfo.InvariantCulture),
            's' => "s" + scale.ToString(CultureInfo.InvariantCulture),
            _ => scale.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Whether a quotient is a double or real: one operand is, and the other is a number of DuckDB's own types.</summary>
    private static bool IsFloating(string types, int bar)
    {
        string a = bar < 0 ? types : types[..bar], b = bar < 0 ? "" : types[(bar + 1)..];
        static bool Floating(string t) => t is "DOUBLE" or "FLOAT";
        return (Floating(a) || Floating(b)) && (Floating(a) || Exact(a) is not null) && (Floating(b) || Exact(b) is not null);
    }

    /// <summary>A DuckDB type name as Trino's exact numeric type: decimal(p,s), or an integer as decimal(3/5/10/19,0)
    /// (HUGEINT is DuckDB's sum of integers, Trino's bigint); null for any other type.</summary>
    private static (int Precision, int Scale, bool IsDecimal)? Exact(string type)
    {
        int digits = type switch
        {
            "TINYINT" or "UTINYINT" => 3,
            "SMALLINT" or "USMALLINT" => 5,
            "INTEGER" or "UINTEGER" => 10,
            "BIGINT" or "HUGEINT" => 19,
            "UBIGINT" => 20,
            "UHUGEINT" => 38,
            _ => 0,
        };
        if (digits > 0)
        {
            return (digits, 0, false);
        }
        if (type.StartsWith("DECIMAL(", StringComparison.Ordinal) && type.EndsWith(')') && type.IndexOf(',', StringComparison.Ordinal) is int comma and > 0
            && int.TryParse(type.AsSpan(8, comma - 8), NumberStyles.None, CultureInfo.InvariantCulture, out int p)
            && int.TryParse(type.AsSpan(comma + 1, type.Length - comma - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int s))
        {
            return (p, s, true);
        }
        return null;
    }

    /// <summary>IEEE division as doubles (Trino's: <c>1e0 / 0</c> is Infinity, <c>0e0 / 0</c> NaN; DuckDB's <c>/</c> gives
    /// NULL for a zero divisor once <c>integer_division</c> is set). The parameters are ANY, so the call binds whatever
    /// the operands are (the translator picks this form only for a double or real next to a number); an operand that is
    /// not a double, real, integer or decimal gives NULL. A real quotient is the double one rounded to a real by the
    /// translator's cast, which is the correctly rounded real quotient.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DivideRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr left = DuneNative.ChunkVector(input, 0), right = DuneNative.ChunkVector(input, 1);
            if (Number(left) is not { } a || Number(right) is not { } b)
            {
                DuneNative.SetAllNull(output, rows);
                return;
            }
            ulong* leftValid = DuneNative.Validity(left), rightValid = DuneNative.Validity(right);
            void* leftData = DuneNative.Data(left), rightData = DuneNative.Data(right);
            var result = (double*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(leftValid, row) || !DuneNative.IsValid(rightValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                result[row] = Read(leftData, a, row) / Read(rightData, b, row);
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "division failed: " + e.GetType().Name);
        }
    }

    /// <summary>Fails with Trino's "Division by zero" at its first non-NULL row (the translator calls it only on the rows
    /// whose divisor is zero). Unlike DuckDB's <c>error()</c> it is not volatile, so it may stand inside <c>TRY</c>.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ZeroDivisorRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            ulong* valid = DuneNative.Validity(DuneNative.ChunkVector(input, 0));
            for (ulong row = 0; row < rows; row++)
            {
                if (DuneNative.IsValid(valid, row))
                {
                    DuneNative.ScalarSetError(info, "Division by zero");
                    return;
                }
            }
            DuneNative.SetAllNull(output, rows);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "division failed: " + e.GetType().Name);
        }
    }

    /// <summary>Trino's <c>sum</c> of integers is a bigint and fails past its range (LongSumAggregation, BigintOperators.add);
    /// DuckDB's is a HUGEINT. This reads DuckDB's sum (a HUGEINT) as a bigint and fails, naming the overflow, where it
    /// does not fit. The parameter is ANY so that the branch binds for every type (the translator takes it only for a
    /// HUGEINT); any other type gives NULL.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void BigintSumRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong* valid = DuneNative.ValidRows(input, output, arguments: 1, out ulong rows);
            IntPtr vector = DuneNative.ChunkVector(input, 0);
            int id = DuneNative.TypeIdOf(vector);
            if (id != DuneNative.TypeHugeInt)
            {
                DuneNative.SetAllNull(output, rows);
                return;
            }
            var data = (Int128*)DuneNative.Data(vector);
            var result = (long*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    continue;
                }
                Int128 sum = data[row];
                if (sum < long.MinValue || sum > long.MaxValue)
                {
                    DuneNative.ScalarSetError(info,
                        "bigint addition overflow: the sum " + sum.ToString(CultureInfo.InvariantCulture) + " is outside the range of bigint");
                    return;
                }
                result[row] = (long)sum;
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "sum failed: " + e.GetType().Name);
        }
    }

    /// <summary>How a vector's values read as doubles: its layout and decimal scale; null for a type that is not a number.</summary>
    private static (DuneNative.Layout Layout, double Divisor)? Number(IntPtr vector)
    {
        IntPtr type = DuneNative.ColumnType(vector);
        try
        {
            int id = DuneNative.TypeId(type);
            return id switch
            {
                DuneNative.TypeDouble => (DuneNative.Layout.Double, 1),
                DuneNative.TypeFloat => (DuneNative.Layout.Float, 1),
                TypeDecimal => (DuneNative.IntegerLayout(DuneNative.DecimalInternalType(type)) ?? DuneNative.Layout.Int128, Math.Pow(10, DuneNative.DecimalScale(type))),
                _ => DuneNative.IntegerLayout(id) is { } layout and not DuneNative.Layout.Text ? (layout, 1) : null,
            };
        }
        finally
        {
            DuneNative.DestroyType(ref type);
        }
    }

    private const int TypeDecimal = 19; // DUCKDB_TYPE_DECIMAL

    private static double Read(void* data, (DuneNative.Layout Layout, double Divisor) number, ulong row) => number.Layout switch
    {
        DuneNative.Layout.Double => ((double*)data)[row],
        DuneNative.Layout.Float => ((float*)data)[row],
        DuneNative.Layout.Int128 or DuneNative.Layout.UInt128 or DuneNative.Layout.UInt64 => (double)DuneNative.ReadInteger(data, number.Layout, row) / number.Divisor,
        _ => DuneNative.ReadInt64(data, number.Layout, row) / number.Divisor,
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void FloatRows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr vector = DuneNative.ChunkVector(input, 0);
            int id = DuneNative.TypeIdOf(vector);
            if (id is not (DuneNative.TypeDouble or DuneNative.TypeFloat))
            {
                DuneNative.SetAllNull(output, rows);
                return;
            }
            void* data = DuneNative.Data(vector);
            ulong* valid = DuneNative.Validity(vector);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(valid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                string text = id == DuneNative.TypeDouble ? DoubleText(((double*)data)[row]) : RealText(((float*)data)[row]);
                DuneNative.WriteBytes(output, row, Encoding.ASCII.GetBytes(text));
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "CAST to varchar failed: " + e.GetType().Name);
        }
    }

    /// <summary>Trino's text of a double: the shortest digits that read back as the value, as d.d…E±x.</summary>
    internal static string DoubleText(double value) => Special(value) ?? Scientific(value.ToString("R", CultureInfo.InvariantCulture), 21);

    /// <summary>Trino's text of a real: the float's value rounded half even to seven significant digits, as d.d…E±x.</summary>
    internal static string RealText(float value) => Special(value) ?? Scientific(((double)value).ToString("E60", CultureInfo.InvariantCulture), 7);

    private static string? Special(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity"
        : value == 0 ? (double.IsNegative(value) ? "-0E0" : "0E0") : null;

    /// <summary>A number's text (.NET's "R" or "E" form) as Trino's DecimalFormat writes it: one integer digit, one to
    /// <paramref name="digits"/> - 1 fraction digits (rounded half even), and the exponent.</summary>
    private static string Scientific(string text, int digits)
    {
        bool negative = text.StartsWith('-');
        string body = negative ? text[1..] : text;
        int e = body.IndexOfAny(['E', 'e']);
        int exponent = e < 0 ? 0 : int.Parse(body.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? body : body[..e];
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string all = point < 0 ? mantissa : mantissa.Remove(point, 1);
        int pointAt = point < 0 ? mantissa.Length : point;
        int lead = 0;
        while (lead < all.Length - 1 && all[lead] == '0')
        {
            lead++;
        }
        // The value is 0.<all> × 10^(pointAt + exponent); with the leading zeros gone, d.ddd × 10^(that - lead - 1).
        int power = pointAt + exponent - lead - 1;
        var kept = new StringBuilder(all[lead..]);
        if (kept.Length > digits)
        {
            bool tie = kept[digits] == '5' && kept.ToString(digits + 1, kept.Length - digits - 1).All(c => c == '0');
            bool up = kept[digits] > '5' || (kept[digits] == '5' && (!tie || (kept[digits - 1] - '0') % 2 == 1));
            kept.Length = digits;
            for (int k = digits - 1; up && k >= 0; k--)
            {
                up = kept[k] == '9';
                kept[k] = up ? '0' : (char)(kept[k] + 1);
            }
            if (up)
            {
                kept.Insert(0, '1');
                kept.Length = digits;
                power++;
            }
        }
        string significant = kept.ToString().TrimEnd('0');
        string fraction = significant.Length > 1 ? significant[1..] : "0";
        return (negative ? "-" : "") + (significant.Length > 0 ? significant[0] : '0') + "." + fraction + "E" + power.ToString(CultureInfo.InvariantCulture);
    }
}
