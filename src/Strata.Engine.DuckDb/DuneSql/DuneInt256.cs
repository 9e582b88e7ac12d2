using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;
using Layout = Strata.Engine.DuckDb.DuneSql.DuneNative.Layout;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Exact uint256/int256 arithmetic over the two registered types (<see cref="DuneInt256Types"/>): native overloads
/// of <c>+ - * / // % mod</c>, unary <c>-</c>, <c>abs</c>, <c>floor</c>/<c>ceil</c>/<c>round</c>/<c>truncate</c> and
/// <c>round(x, d)</c>, computed with <see cref="BigInteger"/> and checked against the result type's range (DuckDB 1.5
/// computes BIGNUM <c>*</c>, <c>/</c>, <c>%</c> through DOUBLE). Registering a function whose name exists adds an
/// overload (the C API creates functions with ALTER_ON_CONFLICT), so every other type keeps DuckDB's own. Also
/// <c>dune_uint256/dune_int256(text, type)</c> (the translator's casts) and <c>dune_varbinary_to_uint256/int256</c>.
/// All are definitions made on the connection before its configuration is locked.
/// </summary>
public static unsafe class DuneInt256
{
    /// <summary>2^256 - 1, the largest uint256.</summary>
    public const string UintMaxDigits = "115792089237316195423570985008687907853269984665640564039457584007913129639935";

    /// <summary>-2^255, the smallest int256.</summary>
    public const string IntMinDigits = "-57896044618658097711785492504343953926634992332820282019728792003956564819968";

    /// <summary>2^255 - 1, the largest int256.</summary>
    public const string IntMaxDigits = "57896044618658097711785492504343953926634992332820282019728792003956564819967";

    public static readonly BigInteger UintMax = BigInteger.Parse(UintMaxDigits, CultureInfo.InvariantCulture);
    public static readonly BigInteger IntMin = BigInteger.Parse(IntMinDigits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    public static readonly BigInteger IntMax = BigInteger.Parse(IntMaxDigits, CultureInfo.InvariantCulture);

    private enum Op : byte { Add, Subtract, Multiply, Divide, Modulo, ToUint256, ToInt256, Abs, Same, Negate, Round, FromBytes }

    /// <summary>Adds the operator overloads and the cast functions to the connection's database (after
    /// <see cref="DuneInt256Types.Register"/>, which defines the types they take).</summary>
    public static void Register(DuckDBConnection connection)
    {
        DuneInt256Types.Register(connection);
        DuneInt256Sum.Register(connection);
        DuneCardinality.Register(connection);
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        var pending = new Dictionary<string, List<IntPtr>>(StringComparer.Ordinal);
        // With integer_division set, DuckDB binds "/" as "//"; both get the exact overload. mod is Trino's mod(n, m).
        (string Name, Op Op)[] binary = [("+", Op.Add), ("-", Op.Subtract), ("*", Op.Multiply), ("/", Op.Divide), ("//", Op.Divide), ("%", Op.Modulo), ("mod", Op.Modulo)];
        // A bare BIGNUM comes from DuckDB's own functions over uint256/int256 (sum, list_sum): exact too, and checked
        // against both types' range.
        var bignum = (DuneNative.TypeBignum, (string?)null, Layout.Text);
        foreach (var (name, op) in binary)
        {
            Add(pending, name, op, Kind.Bignum, bignum, bignum);
        }
        foreach (var kind in new[] { Kind.Uint, Kind.Int })
        {
            string alias = kind == Kind.Uint ? DuneInt256Types.Uint256 : DuneInt256Types.Int256;
            var self = (DuneNative.TypeBignum, alias, Layout.Text);
            // An integer operand (a literal is BIGINT or HUGEINT to DuckDB) binds here rather than to DOUBLE's overload.
            var bigint = (DuneNative.TypeBigInt, (string?)null, Layout.Int64);
            var hugeint = (DuneNative.TypeHugeInt, (string?)null, Layout.Int128);
            var dbl = (DuneNative.TypeDouble, (string?)null, Layout.Double);
            foreach (var (name, op) in binary)
            {
                Add(pending, name, op, kind, self, self);
                Add(pending, name, op, kind, self, bigint);
                Add(pending, name, op, kind, bigint, self);
                Add(pending, name, op, kind, self, hugeint);
                Add(pending, name, op, kind, hugeint, self);
                // With a double (or a real, or a decimal with a scale) the result is a double (conversion.mdx); without
                // these DuckDB would pick its BIGNUM overload and truncate the real or float to an integer first.
                Add(pending, name, op, Kind.Double, self, dbl);
                Add(pending, name, op, Kind.Double, dbl, self);
            }
            // DuckDB computes these through DOUBLE for BIGNUM; on a uint256/int256 they are exact and keep the type.
            Add(pending, "abs", Op.Abs, kind, self);
            Add(pending, "-", Op.Negate, kind, self);
            foreach (string name in new[] { "floor", "ceil", "ceiling", "round", "truncate", "trunc" })
            {
                Add(pending, name, Op.Same, kind, self);
            }
            Add(pending, "round", Op.Round, kind, self, (DuneNative.TypeInteger, null, Layout.Int32));
        }
        var text = (DuneNative.TypeVarchar, (string?)null, Layout.Text);
        var blob = (DuneNative.TypeBlob, (string?)null, Layout.Text);
        Add(pending, "dune_varbinary_to_uint256", Op.FromBytes, Kind.Uint, blob);
        Add(pending, "dune_varbinary_to_int256", Op.FromBytes, Kind.Int, blob);
        // DuckDB computes abs/floor/… on BIGNUM through DOUBLE.
        Add(pending, "abs", Op.Abs, Kind.Bignum, bignum);
        foreach (string name in new[] { "floor", "ceil", "ceiling", "round", "truncate", "trunc" })
        {
            Add(pending, name, Op.Same, Kind.Bignum, bignum);
        }
        Add(pending, "dune_uint256", Op.ToUint256, Kind.Uint, text, text);
        Add(pending, "dune_int256", Op.ToInt256, Kind.Int, text, text);
        RegisterSets(con, pending);
    }

    /// <summary>The result type: uint256, int256, or a bare BIGNUM (checked against the union of their ranges).</summary>
    internal enum Kind : byte { Uint, Int, Bignum, Double }

    /// <summary>Registers each name's overloads as one function set: one catalog change per name (one per overload made
    /// the sandbox's set-up about 10 ms slower).</summary>
    private static void RegisterSets(IntPtr con, Dictionary<string, List<IntPtr>> pending)
    {
        foreach (var (name, functions) in pending)
        {
            IntPtr set = DuneNative.CreateScalarSet(name);
            try
            {
                foreach (var function in functions)
                {
                    DuneNative.AddToScalarSet(set, function);
                }
                if (DuneNative.RegisterScalarSet(con, set) != 0)
                {
                    throw new InvalidOperationException($"Could not register the function {name}.");
                }
            }
            finally
            {
                DuneNative.DestroyScalarSet(ref set);
                for (int i = 0; i < functions.Count; i++)
                {
                    IntPtr function = functions[i];
                    DuneNative.DestroyScalar(ref function);
                }
            }
        }
    }

    private static void Add(Dictionary<string, List<IntPtr>> pending, string name, Op op, Kind kind, params (int Type, string? Alias, Layout Layout)[] parameters)
    {
        IntPtr function = DuneNative.CreateScalar();
        if (!pending.TryGetValue(name, out var functions))
        {
            pending[name] = functions = [];
        }
        functions.Add(function);
        {
            DuneNative.ScalarName(function, name);
            foreach (var p in parameters)
            {
                IntPtr type = DuneNative.Type(p.Type, p.Alias);
                DuneNative.ScalarParameter(function, type);
                DuneNative.DestroyType(ref type);
            }
            IntPtr result = DuneNative.Type(kind == Kind.Double ? DuneNative.TypeDouble : DuneNative.TypeBignum, kind switch
            {
                Kind.Uint => DuneInt256Types.Uint256,
                Kind.Int => DuneInt256Types.Int256,
                _ => null,
            });
            DuneNative.ScalarReturn(function, result);
            DuneNative.DestroyType(ref result);
            DuneNative.ScalarBody(function, &Rows);
            int extra = (int)op | ((int)parameters[0].Layout << 8) | ((int)parameters[^1].Layout << 16) | ((int)kind << 24) | (parameters.Length << 26);
            DuneNative.ScalarExtra(function, extra, IntPtr.Zero);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        int extra = (int)DuneNative.ScalarGetExtra(info);
        var op = (Op)(extra & 0xff);
        var leftLayout = (Layout)((extra >> 8) & 0xff);
        var rightLayout = (Layout)((extra >> 16) & 0xff);
        var kind = (Kind)((extra >> 24) & 3);
        bool unary = (extra >> 26) == 1;
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            IntPtr left = DuneNative.ChunkVector(input, 0);
            IntPtr right = DuneNative.ChunkVector(input, unary ? 0UL : 1UL);
            void* leftData = DuneNative.Data(left);
            void* rightData = DuneNative.Data(right);
            ulong* leftValid = DuneNative.Validity(left);
            ulong* rightValid = DuneNative.Validity(right);
            for (ulong row = 0; row < rows; row++)
            {
                if (!DuneNative.IsValid(leftValid, row) || !DuneNative.IsValid(rightValid, row))
                {
                    DuneNative.SetNull(output, row);
                    continue;
                }
                if (kind == Kind.Double)
                {
                    ((double*)DuneNative.Data(output))[row] = ComputeDouble(op, AsDouble(leftData, leftLayout, row), AsDouble(rightData, rightLayout, row));
                    continue;
                }
                BigInteger value = op is Op.ToUint256 or Op.ToInt256
                    ? Cast(op, DuneNative.ReadText(leftData, row), DuneNative.ReadText(rightData, row))
                    : op == Op.FromBytes ? FromBytes(DuneNative.Bytes((DuneNative.DuneString*)leftData + row), kind)
                    : unary ? Unary(op, Operand(leftData, leftLayout, row, op, kind), kind)
                    : op == Op.Round ? RoundTo(Operand(leftData, leftLayout, row, op, kind), ((int*)rightData)[row], kind)
                    : Compute(op, Operand(leftData, leftLayout, row, op, kind), Operand(rightData, rightLayout, row, op, kind), kind);
                DuneNative.WriteBignum(output, row, value);
            }
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException or FormatException)
        {
            ScalarFunction.DuckDBScalarFunctionSetError(info, e.Message);
        }
        catch (Exception e)
        {
            ScalarFunction.DuckDBScalarFunctionSetError(info, "uint256 arithmetic failed: " + e.GetType().Name);
        }
    }

    private static double AsDouble(void* data, Layout layout, ulong row) => layout == Layout.Double
        ? ((double*)data)[row]
        : DuneInt256Types.NearestDouble(DuneNative.ReadInteger(data, layout, row));

    /// <summary>Double arithmetic as Java's (Trino's): x / 0 is an infinity or NaN, % is the truncated remainder.</summary>
    private static double ComputeDouble(Op op, double left, double right) => op switch
    {
        Op.Add => left + right,
        Op.Subtract => left - right,
        Op.Multiply => left * right,
        Op.Divide => left / right,
        _ => left % right,
    };

    private static string TypeName(Kind kind) => kind switch { Kind.Uint => "uint256", Kind.Int => "int256", _ => "uint256/int256" };

    private static string Range(Kind kind) => kind switch { Kind.Uint => "[0, 2^256-1]", Kind.Int => "[-2^255, 2^255-1]", _ => "[-2^255, 2^256-1]" };

    private static BigInteger Checked(BigInteger result, Op op, Kind kind) => (kind == Kind.Bignum
        ? result >= IntMin && result <= UintMax : DuneInt256Types.Fits(result, kind == Kind.Uint))
        ? result
        : throw new OverflowException($"{TypeName(kind)} {Name(op)} overflow: the result is outside {Range(kind)}");

    private static BigInteger Unary(Op op, BigInteger value, Kind kind) => op switch
    {
        Op.Abs => Checked(BigInteger.Abs(value), op, kind),
        Op.Negate => Checked(-value, op, kind),
        _ => value,
    };

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

    /// <summary>Trino's round(x, d) on an integer: x itself for d ≥ 0, else to a multiple of 10^-d, halves away from zero.</summary>
    private static BigInteger RoundTo(BigInteger value, int digits, Kind kind)
    {
        if (digits >= 0)
        {
            return value;
        }
        if (digits < -78)
        {
            return BigInteger.Zero;
        }
        var unit = BigInteger.Pow(10, -digits);
        var remainder = BigInteger.Remainder(value, unit);
        var rounded = value - remainder;
        if (BigInteger.Abs(remainder) * 2 >= unit)
        {
            rounded += value.Sign < 0 ? -unit : unit;
        }
        return Checked(rounded, Op.Round, kind);
    }

    private static BigInteger Operand(void* data, Layout layout, ulong row, Op op, Kind kind) =>
        layout == Layout.Text && DuneNative.BignumDataBytes(data, row) > MaxOperandBytes
        // Only DuckDB's own BIGNUM paths can make such a value; it is not a uint256 or int256, and arithmetic on it
        // is refused before it starts (a native call cannot be interrupted by cancellation).
        ? throw new OverflowException($"{TypeName(kind)} {Name(op)} overflow: an operand is outside {Range(kind)}")
        : DuneNative.ReadInteger(data, layout, row);

    private static string Name(Op op) => op switch
    {
        Op.Add => "addition",
        Op.Subtract => "subtraction",
        Op.Multiply => "multiplication",
        Op.Divide => "division",
        Op.Negate => "negation",
        Op.Abs => "absolute value",
        Op.Round => "rounding",
        _ => "modulus",
    };

    private static BigInteger Compute(Op op, BigInteger left, BigInteger right, Kind kind)
    {
        if (op is Op.Divide or Op.Modulo && right.IsZero)
        {
            throw new DivideByZeroException("Division by zero");
        }
        BigInteger result = op switch
        {
            Op.Add => left + right,
            Op.Subtract => left - right,
            Op.Multiply => left * right,
            // BigInteger division truncates toward zero and the remainder takes the dividend's sign, as Trino's.
            Op.Divide => BigInteger.Divide(left, right),
            _ => BigInteger.Remainder(left, right),
        };
        return Checked(result, op, kind);
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

    /// <summary>Data bytes of the widest value an operand may have: a uint256 or int256 needs at most 32.</summary>
    private const int MaxOperandBytes = 32;

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
        double d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(d))
        {
            throw new OverflowException("Cannot cast a non-finite double to uint256/int256");
        }
        return new BigInteger(Math.Round(d, MidpointRounding.AwayFromZero));
    }

    /// <summary>DuckDB's BIGNUM encoding: a 3-byte header (byte count with bit 23 set, all bits inverted when
    /// negative), then the magnitude big-endian, each byte inverted when negative. It sorts as bytes.</summary>
    public static BigInteger Decode(ReadOnlySpan<byte> blob)
    {
        bool negative = (blob[0] & 0x80) == 0;
        var data = blob[3..].ToArray();
        if (negative)
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)~data[i];
            }
        }
        var magnitude = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        return negative ? -magnitude : magnitude;
    }

    public static byte[] Encode(BigInteger value)
    {
        bool negative = value.Sign < 0;
        byte[] magnitude = BigInteger.Abs(value).ToByteArray(isUnsigned: true, isBigEndian: true);
        if (magnitude.Length == 0)
        {
            magnitude = [0];
        }
        uint header = (uint)magnitude.Length | 0x00800000;
        if (negative)
        {
            header = ~header;
        }
        var blob = new byte[magnitude.Length + 3];
        blob[0] = (byte)(header >> 16);
        blob[1] = (byte)(header >> 8);
        blob[2] = (byte)header;
        for (int i = 0; i < magnitude.Length; i++)
        {
            blob[i + 3] = negative ? (byte)~magnitude[i] : magnitude[i];
        }
        return blob;
    }
}
