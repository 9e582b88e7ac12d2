using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// What the text alone tells of a division's operand types (decision "dune-num3"): the DuckDB type name that
/// <c>typeof</c> would give the translated operand, for the forms whose type is fixed whatever the tables hold
/// (number literals, typed literals, casts, functions whose result type is fixed), or null when only DuckDB's binder
/// knows (columns, aggregates, expressions). When both operands are known, the form is the one the bound-type probe
/// would pick (<see cref="DuneNumeric.Key"/> is asked with these names), written without the probe.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Functions whose DuckDB result is DOUBLE for any numeric arguments (as translated).</summary>
    private static readonly HashSet<string> DoubleFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "power", "pow", "sqrt", "cbrt", "ln", "log10", "log2", "exp", "pi", "degrees", "radians", "nan", "infinity",
    };

    /// <summary>Functions whose result is a 256-bit integer (DuckDB's operator is Dune's for them).</summary>
    private static readonly Dictionary<string, string> WideFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["varbinary_to_uint256"] = "uint256", ["bytearray_to_uint256"] = "uint256",
        ["varbinary_to_int256"] = "int256", ["bytearray_to_int256"] = "int256",
    };

    /// <summary>Type words of typed literals and casts, as DuckDB names the translated type.</summary>
    private static readonly Dictionary<string, string> FixedTypeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["double"] = "DOUBLE", ["real"] = "FLOAT", ["bigint"] = "BIGINT", ["integer"] = "INTEGER", ["int"] = "INTEGER",
        ["smallint"] = "SMALLINT", ["tinyint"] = "TINYINT", ["uint256"] = "uint256", ["int256"] = "int256",
    };

    private static readonly string[] PlainDivision = Split("{A} / {B}"), PlainModulus = Split("{A} % {B}");

    /// <summary>A double quotient: DuckDB's, and IEEE division (Infinity, NaN) where DuckDB gave NULL for a zero divisor.</summary>
    private static readonly string[] FloatDivision = Split("coalesce({A} / {B}, cast_to_type(dune_fdiv({A}, {B}), {A} / {B}))");

    private static readonly string[] CheckedDivision = Split(Pinned(Checked('/'))), CheckedModulus = Split(Pinned(Checked('%')));

    /// <summary>DuckDB's operator on two integers, an integer literal pinned to INTEGER (see <see cref="Pinned"/>).</summary>
    private static readonly string[] IntegerDivision = Split("{a} / {b}"), IntegerModulus = Split("{a} % {b}");

    /// <summary>The form the bound-type probe would pick for operands of DuckDB types a and b (null: unknown), or null
    /// when it depends on an unknown type. nonZero: the divisor is a literal other than zero (no zero check).</summary>
    private static string[]? ChooseForm(bool divide, string? a, string? b, bool nonZero)
    {
        char op = divide ? '/' : '%';
        if (a is "uint256" or "int256" || b is "uint256" or "int256")
        {
            return divide ? PlainDivision : PlainModulus; // the probe's "v" whatever the other operand is
        }
        if (a is null || b is null)
        {
            // Next to a double the other operand is a number ("f" for /, DuckDB's % for %), a 256-bit integer ("v") or a
            // type DuckDB does not divide by a double; the float form gives DuckDB's result wherever that is not NULL.
            return (a ?? b) is not ("DOUBLE" or "FLOAT") ? null : !divide ? PlainModulus : nonZero ? PlainDivision : FloatDivision;
        }
        string types = a + "|" + b;
        switch (DuneNumeric.Key(types, "k" + op))
        {
            case "i":
                return nonZero ? (divide ? IntegerDivision : IntegerModulus) : divide ? CheckedDivision : CheckedModulus;
            case "f":
                return nonZero ? PlainDivision : FloatDivision;
            case "d":
                string type = DecimalResult(types, op);
                string scale = DuneNumeric.Key(types, "s" + op)[1..];
                return Split(divide ? $"CAST(dune_decimal_divide({{A}}, {{B}}, CAST(NULL AS {DuneDecimal.ScaleTypePrefix}{scale})) AS {type})"
                    : $"CAST({(nonZero ? "{A} % {B}" : Checked('%'))} AS {type})");
            default:
                return divide ? PlainDivision : PlainModulus;
        }
    }

    /// <summary>Trino's decimal type of a quotient or remainder of operands of DuckDB types "a|b" (one a decimal).</summary>
    private static string DecimalResult(string types, char op)
    {
        int integers = int.Parse(DuneNumeric.Key(types, "i" + op).AsSpan(1), CultureInfo.InvariantCulture);
        int scale = int.Parse(DuneNumeric.Key(types, "s" + op).AsSpan(1), CultureInfo.InvariantCulture);
        return $"DECIMAL({Math.Max(1, integers + scale)},{scale})";
    }

    private sealed partial class Pass
    {
        /// <summary>The DuckDB type name of the operand in tokens [from, to) when its form fixes it, else null.</summary>
        private string? StaticType(int from, int to)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack(); // nested operands recurse (decision hostile11)
            from = from < tokens.Count && tokens[from].IsTrivia ? Next(from, to) : from;
            int last = Previous(to);
            if (from >= to || last < from)
            {
                return null;
            }
            if (Is(from, "(") && Match(from) == last)
            {
                return StaticType(from + 1, last);
            }
            if (QuotientType(from, last + 1) is string quotient)
            {
                return quotient;
            }
            if (ArithmeticType(from, last + 1) is var (precision, scale))
            {
                return string.Create(CultureInfo.InvariantCulture, $"DECIMAL({precision},{scale})");
            }
            if ((Is(from, "-") || Is(from, "+")) && Next(from, to) <= last)
            {
                // -2147483648 would be a BIGINT negated; only signs of values that keep their type are followed.
                int inner = Next(from, to);
                return inner == last && tokens[inner].Kind == DuneTokenKind.Number && NumberType(Text(inner)) is "BIGINT" ? null : StaticType(inner, to);
            }
            if (from == last)
            {
                return tokens[from].Kind == DuneTokenKind.Number ? NumberType(Text(from)) : ColumnType(from, last);
            }
            if (ColumnType(from, last) is string column)
            {
                return column;
            }
            int second = Next(from, to);
            if (second == last && tokens[from].Kind == DuneTokenKind.Word && IsTerminatedString(last))
            {
                string word = Text(from);
                return word.Equals("decimal", StringComparison.OrdinalIgnoreCase) ? DecimalLiteralType(Text(last)[1..^1])
                    : word.Equals("json", StringComparison.OrdinalIgnoreCase) ? "JSON"
                    : !word.Equals("int", StringComparison.OrdinalIgnoreCase) && FixedTypeWords.TryGetValue(word, out string? literal) ? literal : null;
            }
            if (Is(from, "array") && Is(second, "[") && !Is(Previous(from), "."))
            {
                return ArrayLiteralType(from, to); // decision 332: a CTE's array column for ||
            }
            if (tokens[from].Kind != DuneTokenKind.Word || !Is(second, "(") || Close(second, to) != last)
            {
                return null;
            }
            string name = Text(from).ToLowerInvariant();
            if (Is(Previous(from), "."))
            {
                return null;
            }
            if (name is "json_parse" || name is "map" && Next(second, last) < last)
            {
                return name is "json_parse" ? "JSON" : MapLiteralType(from, to); // decision 332: a field of either is refused
            }
            if (name is "cast" or "try_cast")
            {
                return CastType(second, last);
            }
            if (name is "sum" or "avg" or "min" or "max" or "arbitrary" or "any_value" && Arguments(second, last) is [var arg]
                && StaticType(arg.From, arg.To) is string argument)
            {
                return AggregateType(name, argument);
            }
            if (name is "array_agg" && Arguments(second, last) is [var element] && StaticType(element.From, element.To) is string elementType)
            {
                return elementType + "[]"; // decision 337: a CTE's array_agg column is typed for ||
            }
            if (name == "count" || (name is "rand" or "random" && Next(second, last) == last))
            {
                return name == "count" ? "BIGINT" : "DOUBLE";
            }
            return DoubleFunctions.Contains(name) ? "DOUBLE" : WideFunctions.GetValueOrDefault(name);
        }

        /// <summary>Types of divisions whose operands' types are fixed, by their first and end token.</summary>
        private Dictionary<(int, int), string?>? quotientTypes;

        /// <summary>When tokens [from, to) are one division or modulus whose operands' types are fixed: the type of the
        /// form chosen for it (a decimal, a double next to a double, the wider of two integers), else null.</summary>
        private string? QuotientType(int from, int to)
        {
            divisions ??= FindDivisions();
            int k = divisions.TryGetValue(from, out var here) ? here.FindIndex(d => d.Item2 == to) : -1;
            if (k < 0)
            {
                return null;
            }
            quotientTypes ??= [];
            if (quotientTypes.TryGetValue((from, to), out string? known))
            {
                return known;
            }
            quotientTypes[(from, to)] = null; // while it is worked out
            int op = here![k].Item1;
            string? a = StaticType(from, op), b = StaticType(Next(op, to), to), type = null;
            if (a is not null && b is not null && a is not ("uint256" or "int256") && b is not ("uint256" or "int256"))
            {
                char sign = Is(op, "/") ? '/' : '%';
                string types = a + "|" + b;
                type = DuneNumeric.Key(types, "k" + sign) switch
                {
                    "d" => DecimalResult(types, sign),
                    "f" when a == "DOUBLE" || b == "DOUBLE" => "DOUBLE",
                    "i" => WiderInteger(a, b),
                    _ => null,
                };
            }
            quotientTypes[(from, to)] = type;
            return type;
        }

        /// <summary>The type of <c>CAST(… AS type)</c> whose parentheses are at open and close, when it is a fixed one.</summary>
        private string? CastType(int open, int close)
        {
            int asWord = -1;
            for (int k = open + 1; k < close; k++)
            {
                if (IsOpening(k))
                {
                    k = Match(k) is int m && m > k ? m : k;
                }
                else if (Is(k, "as"))
                {
                    asWord = k;
                }
            }
            int type = asWord < 0 ? close : Next(asWord, close);
            if (type >= close)
            {
                return null;
            }
            int after = Next(type, close);
            if (after == close)
            {
                return FixedTypeWords.GetValueOrDefault(Text(type));
            }
            if (Is(type, "double") && Is(after, "precision") && Next(after, close) == close)
            {
                return "DOUBLE";
            }
            if ((Is(type, "decimal") || Is(type, "numeric")) && Is(after, "(") && Match(after) is int shut && Next(shut, close) == close)
            {
                var parameters = Arguments(after, shut);
                int? Read(int a) => int.TryParse(Text(Next(parameters[a].From - 1, parameters[a].To)), NumberStyles.None, CultureInfo.InvariantCulture, out int v)
                    && Next(Next(parameters[a].From - 1, parameters[a].To), parameters[a].To) == parameters[a].To ? v : null;
                if (parameters.Count is 1 or 2 && Read(0) is int p and >= 1 and <= 38 && (parameters.Count == 1 ? 0 : Read(1)) is int s && s <= p)
                {
                    return $"DECIMAL({p},{s})";
                }
            }
            return null;
        }

        /// <summary>Whether tokens [from, to) are a number literal other than zero (the divisor of a division that cannot fail).</summary>
        private bool IsNonZeroLiteral(int from, int to)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack(); // nested operands recurse (decision hostile11)
            from = from < tokens.Count && tokens[from].IsTrivia ? Next(from, to) : from;
            int last = Previous(to);
            if (from > last)
            {
                return false;
            }
            if (Is(from, "(") && Match(from) == last)
            {
                return IsNonZeroLiteral(from + 1, last);
            }
            int number = Is(from, "-") || Is(from, "+") ? Next(from, to) : from;
            return number == last && tokens[number].Kind == DuneTokenKind.Number && NumberType(Text(number)) is not null
                && double.TryParse(Text(number), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value != 0;
        }

        /// <summary>DuckDB's type of a number literal (checked against DuckDB by DuneSqlDivisionCostTests), or null.</summary>
        private static string? NumberType(string text)
        {
            if (text.Contains('_', StringComparison.Ordinal) || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            if (text.AsSpan().IndexOfAny("eE") >= 0)
            {
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? "DOUBLE" : null;
            }
            if (text.Contains('.', StringComparison.Ordinal))
            {
                return DecimalLiteralType(text);
            }
            return !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? null // the least bigint's digits
                : n <= int.MaxValue ? "INTEGER" : "BIGINT";
        }
    }
}
