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
public static unsafe partial class DuneInt256
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
        DuneLambdaBudget.Register(connection);
        DuneConcatWs.Register(connection);
        DuneDecimal.Register(connection);
        DuneNumeric.Register(connection);
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
    internal static void RegisterSets(IntPtr con, Dictionary<string, List<IntPtr>> pending)
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
            DuneNative.ScalarSetError(info, e.Message);
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, "uint256 arithmetic failed: " + e.GetType().Name);
        }
    }

    private static double AsDouble(void* data, Layout layout, ulong row) => layout == Layout.Double
        ? ((double*)data)[row]
        : DuneInt256Types.NearestDouble(DuneNative.ReadInteger(data, layout, row));

    private static BigInteger Operand(void* data, Layout layout, ulong row, Op op, Kind kind) =>
        layout == Layout.Text && DuneNative.BignumDataBytes(data, row) > MaxOperandBytes
        // Only DuckDB's own BIGNUM paths can make such a value; it is not a uint256 or int256, and arithmetic on it
        // is refused before it starts (a native call cannot be interrupted by cancellation).
        ? throw new OverflowException($"{TypeName(kind)} {Name(op)} overflow: an operand is outside {Range(kind)}")
        : DuneNative.ReadInteger(data, layout, row);

    /// <summary>Data bytes of the widest value an operand may have: a uint256 or int256 needs at most 32.</summary>
    private const int MaxOperandBytes = 32;
}
