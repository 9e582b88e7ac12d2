using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Exact uint256/int256 arithmetic for DuckDB's BIGNUM. DuckDB 1.5 computes BIGNUM <c>*</c>,
/// <c>/</c>, <c>//</c> and <c>%</c> through DOUBLE, and its <c>+</c>/<c>-</c> never overflow; this
/// registers (BIGNUM, BIGNUM) → BIGNUM overloads of those operators, computed with
/// <see cref="BigInteger"/> and range-checked. Registering a function whose name exists adds an
/// overload to it (the C API creates functions with ALTER_ON_CONFLICT), so <c>a * b</c> on BIGNUM
/// operands binds to the exact overload and every other type keeps DuckDB's own. Also
/// <c>dune_uint256(text, type)</c> and <c>dune_int256(text, type)</c>: the casts to uint256/int256
/// from any value rendered as text (exact for integers, decimals and doubles). All are
/// definitions made on the connection before its configuration is locked.
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

    private enum Op { Add, Subtract, Multiply, Divide, Modulo, ToUint256, ToInt256, Abs, Same }

    /// <summary>Adds the operator overloads and the cast functions to the connection's database.</summary>
    public static void Register(DuckDBConnection connection)
    {
        Add(connection, "+", DuckDBType.VarInt, &AddRows);
        Add(connection, "-", DuckDBType.VarInt, &SubtractRows);
        Add(connection, "*", DuckDBType.VarInt, &MultiplyRows);
        // With integer_division set, DuckDB binds "/" as "//"; both get the exact overload.
        Add(connection, "/", DuckDBType.VarInt, &DivideRows);
        Add(connection, "//", DuckDBType.VarInt, &DivideRows);
        Add(connection, "%", DuckDBType.VarInt, &ModuloRows);
        Add(connection, "mod", DuckDBType.VarInt, &ModuloRows); // Trino's mod(n, m)
        Add(connection, "dune_uint256", DuckDBType.Varchar, &ToUint256Rows);
        Add(connection, "dune_int256", DuckDBType.Varchar, &ToInt256Rows);
        // DuckDB computes these through DOUBLE for BIGNUM too; on integers they are exact.
        Add(connection, "abs", DuckDBType.VarInt, &AbsRows, arity: 1);
        foreach (string name in new[] { "floor", "ceil", "ceiling", "round", "truncate", "trunc" })
        {
            Add(connection, name, DuckDBType.VarInt, &SameRows, arity: 1);
        }
    }

    private static void Add(DuckDBConnection connection, string name, DuckDBType parameter,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body, int arity = 2) =>
        NativeScalarFunction.Register(connection, name, parameter, arity, DuckDBType.VarInt, body);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void AddRows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.Add, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void SubtractRows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.Subtract, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void MultiplyRows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.Multiply, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DivideRows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.Divide, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ModuloRows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.Modulo, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToUint256Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.ToUint256, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ToInt256Rows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.ToInt256, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void AbsRows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.Abs, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void SameRows(IntPtr info, IntPtr input, IntPtr output) => Run(Op.Same, info, input, output);

    /// <summary>Computes one chunk. Nothing may escape to native code: a failure becomes the query's error.</summary>
    private static void Run(Op op, IntPtr info, IntPtr input, IntPtr output)
    {
        var chunk = new DuckDBDataChunk(input);
        try
        {
            ulong rows = DataChunks.DuckDBDataChunkGetSize(chunk);
            IntPtr left = DataChunks.DuckDBDataChunkGetVector(chunk, 0);
            bool unary = op is Op.Abs or Op.Same;
            IntPtr right = DataChunks.DuckDBDataChunkGetVector(chunk, unary ? 0 : 1);
            var leftData = (DuckDBString*)Vectors.DuckDBVectorGetData(left);
            var rightData = (DuckDBString*)Vectors.DuckDBVectorGetData(right);
            ulong* leftValid = Vectors.DuckDBVectorGetValidity(left);
            ulong* rightValid = Vectors.DuckDBVectorGetValidity(right);
            for (ulong row = 0; row < rows; row++)
            {
                if (!IsValid(leftValid, row) || !IsValid(rightValid, row))
                {
                    Vectors.DuckDBVectorEnsureValidityWritable(output);
                    ValidityMask.DuckDBValiditySetRowValidity(Vectors.DuckDBVectorGetValidity(output), row, false);
                    continue;
                }
                BigInteger value = op is Op.ToUint256 or Op.ToInt256
                    ? Cast(op, Text(leftData + row), Text(rightData + row))
                    : unary ? Unary(op, Decode(Bytes(leftData + row)))
                    : Compute(op, Operand(Bytes(leftData + row), op), Operand(Bytes(rightData + row), op));
                byte[] encoded = Encode(value);
                fixed (byte* bytes = encoded)
                {
                    Vectors.DuckDBVectorAssignStringElementLength(output, row, bytes, encoded.Length);
                }
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
        finally
        {
            chunk.SetHandleAsInvalid(); // DuckDB owns the chunk
        }
    }

    private static bool IsValid(ulong* validity, ulong row) => validity == null || (validity[row / 64] & (1UL << (int)(row % 64))) != 0;

    private static BigInteger Unary(Op op, BigInteger value) => op == Op.Abs ? BigInteger.Abs(value) : value;

    private static BigInteger Operand(ReadOnlySpan<byte> blob, Op op) => blob.Length - 3 > MaxOperandBytes
        // Only DuckDB's own BIGNUM paths (a sum past 2^256) can make such a value; it is not a uint256 or int256, and
        // arithmetic on it is refused before it starts (a native call cannot be interrupted by cancellation).
        ? throw new OverflowException($"uint256/int256 {Name(op)} overflow: an operand is outside [-2^255, 2^256-1]")
        : Decode(blob);

    private static string Name(Op op) => op switch
    {
        Op.Add => "addition",
        Op.Subtract => "subtraction",
        Op.Multiply => "multiplication",
        Op.Divide => "division",
        _ => "modulus",
    };

    private static BigInteger Compute(Op op, BigInteger left, BigInteger right)
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
        if (result > UintMax || result < IntMin)
        {
            throw new OverflowException($"uint256/int256 {Name(op)} overflow: the result is outside [-2^255, 2^256-1]");
        }
        return result;
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

    private static string Text(DuckDBString* s) => System.Text.Encoding.UTF8.GetString(Bytes(s));

    /// <summary>The bytes of a string_t in a vector (DuckDB's memory, valid during the call).</summary>
    private static ReadOnlySpan<byte> Bytes(DuckDBString* s) =>
        s->Length <= 12 ? new ReadOnlySpan<byte>(s->Inline, (int)s->Length) : new ReadOnlySpan<byte>((byte*)s->Pointer, (int)s->Length);

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

    /// <summary>DuckDB's string_t: a length, then up to 12 bytes inline or a 4-byte prefix and a pointer.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    private struct DuckDBString
    {
        [FieldOffset(0)] public uint Length;
        [FieldOffset(4)] public fixed byte Inline[12];
        [FieldOffset(8)] public IntPtr Pointer;
    }
}
