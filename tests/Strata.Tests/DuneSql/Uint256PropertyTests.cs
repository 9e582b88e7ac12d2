using System.Globalization;
using System.Numerics;
using System.Text;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// uint256/int256 arithmetic and comparisons in DuneSQL against <see cref="BigInteger"/>: seeded random
/// 256-bit operands (any bit length, both signs, and the boundaries), run through the translator on a real
/// DuckDB with the sandbox's definitions (<see cref="DuneInt256.Register"/>).
/// </summary>
public sealed class Uint256PropertyTests
{
    private const int Pairs = 2500;

    private static readonly BigInteger[] Boundaries =
    [
        BigInteger.Zero, BigInteger.One, BigInteger.MinusOne, 2, -2, 10, -7, 3,
        DuneInt256.UintMax, DuneInt256.UintMax - 1, DuneInt256.IntMax, DuneInt256.IntMax + 1, DuneInt256.IntMin, DuneInt256.IntMin + 1,
        BigInteger.One << 128, (BigInteger.One << 128) - 1, BigInteger.One << 64, -(BigInteger.One << 64), long.MaxValue, long.MinValue,
    ];

    /// <summary>A random value in [-2^255, 2^256-1] with a random bit length, so that products and sums both fit and overflow.</summary>
    private static BigInteger RandomValue(Random random)
    {
        int bits = random.Next(0, 257);
        var bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        var value = new BigInteger(bytes, isUnsigned: true) & ((BigInteger.One << bits) - 1);
        if (random.Next(4) == 0 && bits <= 255)
        {
            value = -value;
        }
        return value;
    }

    private static List<(BigInteger A, BigInteger B)> Operands(int seed)
    {
        var random = new Random(seed);
        var pairs = new List<(BigInteger, BigInteger)>();
        foreach (var a in Boundaries)
        {
            foreach (var b in Boundaries)
            {
                pairs.Add((a, b));
            }
        }
        while (pairs.Count < Pairs)
        {
            pairs.Add((RandomValue(random), RandomValue(random)));
        }
        return pairs;
    }

    private static bool Fits(BigInteger v, string type) => type == "uint256"
        ? v.Sign >= 0 && v <= DuneInt256.UintMax
        : v >= DuneInt256.IntMin && v <= DuneInt256.IntMax;

    /// <summary>Dune's result type of an operation on the two types: int256 is "bigger" than uint256
    /// (conversion.mdx), so a mixed operation converts the uint256 operand to int256 first.</summary>
    private static string ResultType(string left, string right) => left == "uint256" && right == "uint256" ? "uint256" : "int256";

    private static BigInteger? Expected(string op, BigInteger a, BigInteger b, string type)
    {
        if (!Fits(a, type) || !Fits(b, type) || (op is "/" or "%" && b.IsZero))
        {
            return null; // an operand that does not convert to the result type, or division by zero
        }
        BigInteger r = op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => BigInteger.Divide(a, b),
            _ => BigInteger.Remainder(a, b),
        };
        return Fits(r, type) ? r : null;
    }

    private static DuneSqlDb Load(List<(BigInteger A, BigInteger B)> pairs)
    {
        var db = new DuneSqlDb();
        var sql = new StringBuilder("CREATE TABLE pairs AS SELECT * FROM (VALUES ");
        for (int i = 0; i < pairs.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({i}, '{pairs[i].A}', '{pairs[i].B}')");
        }
        // Loaded as text through DuneSQL's own casts below, so the cast path is exercised too.
        db.Exec(sql.Append(") t(i, a, b);").ToString());
        return db;
    }

    /// <summary>Every pair of operand types: each operand is kept where it fits its type (NULL otherwise, and that row
    /// is skipped), so each query has one type per column as SQL requires, and the four queries cover
    /// uint256∘uint256, uint256∘int256, int256∘uint256 and int256∘int256.</summary>
    [Theory]
    [InlineData(1, "uint256", "uint256")]
    [InlineData(1, "uint256", "int256")]
    [InlineData(1, "int256", "uint256")]
    [InlineData(1, "int256", "int256")]
    [InlineData(20261130, "uint256", "uint256")]
    [InlineData(20261130, "uint256", "int256")]
    [InlineData(20261130, "int256", "uint256")]
    [InlineData(20261130, "int256", "int256")]
    public void Arithmetic_matches_BigInteger(int seed, string left, string right)
    {
        var pairs = Operands(seed);
        using var db = Load(pairs);
        string type = ResultType(left, right);
        // try(...) turns each row's overflow or division by zero into NULL, which is where BigInteger says the result has
        // no value of the result type; the errors themselves are checked below. Operands are those of the types that also
        // convert to the result type (a uint256 past 2^255-1 with an int256 is a conversion error, in Int256TypeTests).
        var rows = db.Rows($"""
            SELECT i, typeof(x + y), cast(try(x + y) AS varchar), cast(try(x - y) AS varchar), cast(try(x * y) AS varchar),
                   cast(try(x / y) AS varchar), cast(try(x % y) AS varchar),
                   try(x < y), try(x = y), try(x > y), try(x <= y), try(x >= y), try(x <> y)
            FROM (SELECT i, try_cast(a AS {left}) AS x, try_cast(b AS {right}) AS y FROM pairs
                  WHERE try_cast(a AS {left}) IS NOT NULL AND try_cast(b AS {right}) IS NOT NULL
                    AND try_cast(a AS {type}) IS NOT NULL AND try_cast(b AS {type}) IS NOT NULL)
            ORDER BY i
            """);
        string[] ops = ["+", "-", "*", "/", "%"];
        int checkedResults = 0, overflows = 0, compared = 0;
        foreach (var row in rows)
        {
            var (a, b) = pairs[int.Parse(row[0], CultureInfo.InvariantCulture)];
            Assert.Equal(type, row[1]);
            for (int k = 0; k < ops.Length; k++)
            {
                var expected = Expected(ops[k], a, b, type);
                Assert.True((expected?.ToString(CultureInfo.InvariantCulture) ?? "NULL") == row[k + 2],
                    $"{left} {a} {ops[k]} {right} {b}: expected {expected?.ToString(CultureInfo.InvariantCulture) ?? "NULL"}, got {row[k + 2]}");
                checkedResults++;
                overflows += expected is null ? 1 : 0;
            }
            int c = a.CompareTo(b);
            Assert.Equal([c < 0, c == 0, c > 0, c <= 0, c >= 0, c != 0], row[7..].Select(v => v == "true").ToArray());
            compared++;
        }
        Assert.True(rows.Count > 300, $"only {rows.Count} pairs of {left} and {right}");
        Assert.True(compared > 300, $"only {compared} comparisons");
        // Both sides of the boundary are exercised: most results fit, a good share overflow.
        Assert.InRange(overflows, checkedResults / 50, checkedResults / 2);
    }

    [Theory]
    [InlineData("SELECT uint256 '115792089237316195423570985008687907853269984665640564039457584007913129639935' + uint256 '1'", "addition overflow")]
    [InlineData("SELECT uint256 '115792089237316195423570985008687907853269984665640564039457584007913129639935' * 2", "multiplication overflow")]
    [InlineData("SELECT int256 '-57896044618658097711785492504343953926634992332820282019728792003956564819968' - 1", "subtraction overflow")]
    [InlineData("SELECT uint256 '7' / uint256 '0'", "Division by zero")]
    [InlineData("SELECT uint256 '7' % 0", "Division by zero")]
    [InlineData("SELECT cast('115792089237316195423570985008687907853269984665640564039457584007913129639936' AS uint256)", "out of range")]
    [InlineData("SELECT cast(-1 AS uint256)", "out of range")]
    [InlineData("SELECT cast('57896044618658097711785492504343953926634992332820282019728792003956564819968' AS int256)", "out of range")]
    // Values no uint256/int256 can hold are refused without parsing or computing on them (bounded work in a native call).
    [InlineData("SELECT cast(lpad('', 5000000, '9') AS uint256)", "out of range")]
    [InlineData("SELECT sum(x) * 1 FROM (VALUES uint256 '115792089237316195423570985008687907853269984665640564039457584007913129639935', uint256 '1') AS t(x)", "uint256 overflow: the result is outside [0, 2^256-1]")]
    public void Overflow_and_division_by_zero_are_errors(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void At_the_boundary_the_result_is_exact()
    {
        using var db = new DuneSqlDb();
        Assert.Equal(DuneInt256.UintMaxDigits, db.Scalar("SELECT cast(uint256 '115792089237316195423570985008687907853269984665640564039457584007913129639934' + 1 AS varchar)"));
        Assert.Equal(DuneInt256.IntMinDigits, db.Scalar("SELECT cast(int256 '-57896044618658097711785492504343953926634992332820282019728792003956564819967' - 1 AS varchar)"));
        Assert.Equal(DuneInt256.UintMaxDigits, db.Scalar("SELECT cast((uint256 '340282366920938463463374607431768211456' - 1) * (uint256 '340282366920938463463374607431768211456' + 1) AS varchar)"));
    }

    [Theory]
    // Dune's implicit conversions (query-engine/Functions-and-operators/conversion.mdx): integers become
    // uint256/int256 (exact), doubles and non-integral decimals make the result double.
    [InlineData("SELECT typeof(uint256 '2' * 3), cast(uint256 '2' * 3 AS varchar)", "uint256", "6")]
    [InlineData("SELECT typeof(uint256 '7' / 2), cast(uint256 '7' / 2 AS varchar)", "uint256", "3")]
    [InlineData("SELECT typeof(uint256 '7' % bigint '4'), cast(uint256 '7' % bigint '4' AS varchar)", "uint256", "3")]
    [InlineData("SELECT typeof(mod(uint256 '115792089237316195423570985008687907853269984665640564039457584007913129639935', 1000)), cast(mod(uint256 '115792089237316195423570985008687907853269984665640564039457584007913129639935', 1000) AS varchar)", "uint256", "935")]
    [InlineData("SELECT typeof(bigint '3' - int256 '5'), cast(bigint '3' - int256 '5' AS varchar)", "int256", "-2")]
    // int256 is "bigger" than uint256: a mixed operation is int256.
    [InlineData("SELECT typeof(uint256 '3' - int256 '5'), cast(uint256 '3' - int256 '5' AS varchar)", "int256", "-2")]
    [InlineData("SELECT typeof(int256 '-5' * uint256 '3'), cast(int256 '-5' * uint256 '3' AS varchar)", "int256", "-15")]
    // A zero-scale decimal converts to uint256 (exact); a decimal literal past bigint too.
    [InlineData("SELECT typeof(uint256 '5' * cast(3 AS decimal(10,0))), cast(uint256 '5' * cast(3 AS decimal(10,0)) AS varchar)", "uint256", "15")]
    [InlineData("SELECT typeof(uint256 '2' * DECIMAL '1000000000000000000000000'), cast(uint256 '2' * DECIMAL '1000000000000000000000000' AS varchar)", "uint256", "2000000000000000000000000")]
    [InlineData("SELECT typeof(cast(38 AS decimal(38,0)) + int256 '-40'), cast(cast(38 AS decimal(38,0)) + int256 '-40' AS varchar)", "int256", "-2")]
    [InlineData("SELECT typeof(uint256 '5' * cast(1.5 AS decimal(10,1))), cast(uint256 '5' * cast(1.5 AS decimal(10,1)) AS varchar)", "double", "7.5E0")]
    [InlineData("SELECT typeof(uint256 '3' * real '1.5'), cast(uint256 '3' * real '1.5' AS varchar)", "double", "4.5E0")]
    [InlineData("SELECT typeof(power(uint256 '3', 2)), cast(power(uint256 '3', 2) AS varchar)", "double", "9.0E0")]
    [InlineData("SELECT typeof(uint256 '7' / 2e0), cast(uint256 '7' / 2e0 AS varchar)", "double", "3.5E0")]
    [InlineData("SELECT typeof(uint256 '3' * 2.5), cast(uint256 '3' * 2.5 AS varchar)", "double", "7.5E0")]
    [InlineData("SELECT typeof(uint256 '3' * double '0.5'), cast(uint256 '3' * double '0.5' AS varchar)", "double", "1.5E0")]
    public void Mixed_operands_follow_Dunes_typing(string sql, string type, string value)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([type, value], db.Rows(sql)[0]);
    }

    [Fact]
    public void Integer_functions_stay_exact()
    {
        using var db = new DuneSqlDb();
        const string v = "-57896044618658097711785492504343953926634992332820282019728792003956564819967";
        Assert.Equal(["int256", v[1..], v, v, v, v], db.Rows(
            $"SELECT typeof(abs(int256 '{v}')), cast(abs(int256 '{v}') AS varchar), cast(floor(int256 '{v}') AS varchar), "
            + $"cast(ceil(int256 '{v}') AS varchar), cast(round(int256 '{v}') AS varchar), cast(truncate(int256 '{v}') AS varchar)")[0]);
    }

    [Fact]
    public void Casts_are_exact_where_Dunes_are()
    {
        using var db = new DuneSqlDb();
        var random = new Random(7);
        for (int n = 0; n < 200; n++)
        {
            var v = RandomValue(random);
            string digits = v.ToString(CultureInfo.InvariantCulture);
            string type = v.Sign < 0 ? "int256" : "uint256";
            // varchar round trip, 78 digits included
            Assert.Equal(digits, db.Scalar($"SELECT cast(cast('{digits}' AS {type}) AS varchar)"));
            // to double: the nearest double (Java's BigInteger.doubleValue; .NET's explicit conversion truncates, parsing the digits rounds)
            Assert.Equal(double.Parse(digits, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
                double.Parse(db.Scalar($"SELECT cast(cast('{digits}' AS {type}) AS double)"), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
        }
        Assert.Equal("123", db.Scalar("SELECT cast(cast(decimal '123.45' AS uint256) AS varchar)"));
        Assert.Equal("124", db.Scalar("SELECT cast(cast(decimal '123.5' AS uint256) AS varchar)"));
        Assert.Equal("-124", db.Scalar("SELECT cast(cast(decimal '-123.5' AS int256) AS varchar)"));
        Assert.Equal("3", db.Scalar("SELECT cast(cast(2.5e0 AS uint256) AS varchar)"));
        Assert.Equal("10000000000000000725314363815292351261583744096465219555182101554790400", db.Scalar("SELECT cast(cast(1e70 AS uint256) AS varchar)"));
        Assert.Equal("9223372036854775807", db.Scalar("SELECT cast(cast(bigint '9223372036854775807' AS uint256) AS varchar)"));
        Assert.Equal("12345", db.Scalar("SELECT cast(uint256 '12345' AS bigint)"));
        Assert.Equal("12345.00", db.Scalar("SELECT cast(uint256 '12345' AS decimal(10,2))"));
        Assert.Equal("12345678901234567890123456789012345678", db.Scalar("SELECT cast(cast(uint256 '12345678901234567890123456789012345678' AS decimal(38,0)) AS varchar)"));
        Assert.Equal("NULL", db.Scalar("SELECT try_cast(-1 AS uint256)"));
        Assert.ThrowsAny<Exception>(() => db.Rows("SELECT cast(uint256 '100000000000000000000' AS bigint)"));
    }

    [Fact]
    public void Sums_are_typed_as_Dune_types_them()
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT range::INTEGER AS i, range::BIGINT AS b, range::DOUBLE AS d, "
            + "(range / 4)::DECIMAL(10,2) AS m, (range::BIGNUM * '1000000000000000000000000000000'::BIGNUM) AS u FROM range(5);");
        // typeof spells Trino's names of sum/avg/count (DuckDbTypes.DuneName of DuckDB's HUGEINT, BIGNUM...).
        Assert.Equal(["bigint", "bigint", "double", "decimal(38,2)", "uint256", "double", "bigint"],
            db.Rows("SELECT typeof(sum(i)), typeof(sum(b)), typeof(sum(d)), typeof(sum(m)), typeof(sum(u)), typeof(avg(u)), typeof(count(*)) FROM t")[0]);
        Assert.Equal("10000000000000000000000000000000", db.Scalar("SELECT cast(sum(u) AS varchar) FROM t"));
    }
}
