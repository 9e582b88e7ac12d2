using System.Numerics;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The arithmetic of the native overloads: exact BigInteger operations checked against the result type's range, Trino's rounding, Java's double arithmetic, and the names their errors use.</summary>
public static partial class DuneInt256
{
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
}
