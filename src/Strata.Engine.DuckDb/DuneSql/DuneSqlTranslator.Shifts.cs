using System.Globalization;
using System.Numerics;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's bit shifts keep their value's type (bitwise.mdx: <c>→ [same as value]</c>; BitwiseFunctions has one function
/// per integer type). On a value the translator knows to be a tinyint, smallint or integer (a literal, a column of known
/// type, a cast) the shift is computed on that width, as Trino's: the left shift keeps the low bits and their sign, the
/// logical right shift reads the value's bits as unsigned of its width (<c>bitwise_right_shift(-45, 1)</c> of an integer is
/// 2147483625), the arithmetic one keeps the sign; a shift of 64 or more gives 0 (-1 for a negative value's arithmetic
/// shift); Java takes any other shift modulo 64. Elsewhere (bigint, an unknown type) the bigint forms of
/// <see cref="DuneBinaryFunctions"/> apply. The forms use arithmetic on HUGEINT, so no DuckDB shift sees a negative value
/// or an out-of-range count.
/// </summary>
public static partial class DuneSqlTranslator
{
    private static readonly Dictionary<string, int> ShiftWidths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TINYINT"] = 8, ["SMALLINT"] = 16, ["INTEGER"] = 32,
    };

    /// <summary>The shift's form for a value of <paramref name="type"/> (<paramref name="width"/> bits), $1 the value and $2
    /// the count.</summary>
    internal static string ShiftForm(string name, string type, int width)
    {
        string modulus = "CAST(" + (BigInteger.One << width).ToString(CultureInfo.InvariantCulture) + " AS HUGEINT)";
        string half = "CAST(" + (BigInteger.One << (width - 1)).ToString(CultureInfo.InvariantCulture) + " AS HUGEINT)";
        string low = $"(((CAST($1 AS HUGEINT) % {modulus}) + {modulus}) % {modulus})";
        string count = "(CAST($2 AS BIGINT) & 63)";
        string body = name switch
        {
            "bitwise_left_shift" => $"list_transform([({low} * (CAST(1 AS HUGEINT) << CAST(least({count}, {width}) AS INTEGER))) % {modulus}], "
                + $"_strata_b -> CASE WHEN _strata_b >= {half} THEN _strata_b - {modulus} ELSE _strata_b END)[1]",
            "bitwise_right_shift" => $"(CASE WHEN ($2) = 0 THEN CAST($1 AS HUGEINT) ELSE CAST(CAST({low} AS BIGINT) >> {count} AS HUGEINT) END)",
            _ => $"CAST(CAST($1 AS BIGINT) >> {count} AS HUGEINT)",
        };
        string beyond = name is "bitwise_right_shift_arithmetic" ? "(CASE WHEN ($1) < 0 THEN -1 ELSE 0 END)" : "0";
        return $"CAST(CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL WHEN ($2) >= 64 THEN {beyond} ELSE {body} END AS {type})";
    }

    private sealed partial class Pass
    {
        /// <summary>A shift of a value of a known narrow type in Trino's form for that type; -1 (nothing written) otherwise.</summary>
        private int TryEmitTypedShift(List<(int From, int To)> args, string name, int close, int end, DuneToken anchor)
        {
            if (close >= end || args.Count != 2 || StaticType(args[0].From, args[0].To) is not string type
                || !ShiftWidths.TryGetValue(type, out int width))
            {
                return -1;
            }
            EmitTemplate(ShiftForm(name, type.ToUpperInvariant(), width), args, anchor);
            return close + 1;
        }
    }
}
