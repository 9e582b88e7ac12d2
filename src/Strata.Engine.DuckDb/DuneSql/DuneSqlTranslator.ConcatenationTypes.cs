using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The array depth of a <c>||</c> operand where the text or the catalog fixes it (decision 332): a column the engine knows
/// (<c>ethereum.traces.trace_address</c>, BIGINT[]), a CTE's or subquery's column defined by an array literal, an
/// <c>ARRAY[…]</c> whose elements' types the text fixes, and a literal element (depth 0). Trino's <c>||</c> is its concat
/// function (ArrayConcatFunction, ArrayToElementConcatFunction, ElementToArrayConcatFunction): an array beside an
/// element one level less deep appends or prepends it, the element coerced to the array's element type (an integer beside
/// an array(bigint) is a bigint); two arrays of one depth concatenate. DuckDB's <c>||</c> of BIGINT[] and INTEGER refused
/// ("Cannot concatenate types"), as it refused BIGINT[][] beside BIGINT[].
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The brackets that end a DuckDB array type's name (<c>[]</c>, <c>[3]</c>, repeated).</summary>
    [GeneratedRegex(@"(\[[0-9]*\])+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingBrackets();

    /// <summary>How many array levels a DuckDB type name has (INTEGER[][] is 2; VARCHAR and MAP(…) are 0).</summary>
    private static int DepthOf(string duckDbType)
    {
        var brackets = TrailingBrackets().Match(duckDbType);
        return brackets.Success ? brackets.Value.Count(c => c == '[') : 0;
    }

    private sealed partial class Pass
    {
        /// <summary>The array depth of the operand tokens [from, to) when the text or the catalog fixes it (0: an element),
        /// else null.</summary>
        private int? ArrayDepth(int from, int to)
        {
            if (KindOf(from, to) == OperandKind.Element)
            {
                return 0;
            }
            int first = Next(from - 1, to), last = Previous(to);
            if (first >= to || last < first)
            {
                return null;
            }
            string? type = ColumnType(first, last) ?? ArrayLiteralType(first, last + 1);
            return type is null ? null : DepthOf(type);
        }

        /// <summary>What an operand of <c>||</c> is: its form's kind, or the kind its known type gives.</summary>
        private OperandKind TypedKindOf(int from, int to) => ArrayDepth(from, to) switch
        {
            > 0 => OperandKind.Array,
            0 => OperandKind.Element,
            _ => KindOf(from, to) is var kind && kind == OperandKind.Unknown && IsArrayFormColumn(from, to) ? OperandKind.Array : kind,
        };

        /// <summary>Whether tokens [from, to) name a CTE's or subquery's column whose expression is an array by its form
        /// (<c>array_agg(x) AS a</c> over a column of no known type): an array of unknown depth, as the expression itself
        /// is where the text holds it (decision 337).</summary>
        private bool IsArrayFormColumn(int from, int to)
        {
            int first = Next(from - 1, to), last = Previous(to);
            return first <= last && ResolveColumn(first, last) is var (item, name) && item.Derived is { } derived
                && Outputs(derived) is not null && derived.ArrayForms.Contains(name);
        }

        /// <summary>The DuckDB type of <c>ARRAY[e, …]</c> at tokens [from, to) when every element's type is fixed and one
        /// (a string literal is VARCHAR, a nested array literal its own), else null.</summary>
        private string? ArrayLiteralType(int from, int to)
        {
            int open = Next(from, to), last = Previous(to);
            if (!Is(from, "array") || !Is(open, "[") || Close(open, to) != last || Next(open, to) >= last)
            {
                return null;
            }
            string? element = null;
            foreach (var (a, b) in Arguments(open, last))
            {
                int first = Next(a - 1, b), end = Previous(b);
                string? type = first == end && IsTerminatedString(first) ? "VARCHAR"
                    : first < b && Is(first, "array") ? ArrayLiteralType(first, b) : StaticType(a, b);
                if (type is null || (element is not null && element != type))
                {
                    return null;
                }
                element = type;
            }
            return element is null ? null : element + "[]";
        }

        /// <summary>The DuckDB type of <c>map(ARRAY[…], ARRAY[…])</c> at tokens [from, to) when both arrays' types are fixed,
        /// else null.</summary>
        private string? MapLiteralType(int from, int to)
        {
            int open = Next(from, to), last = Previous(to);
            if (!Is(from, "map") || !Is(open, "(") || Close(open, to) != last || Arguments(open, last) is not [var keys, var values])
            {
                return null;
            }
            return ArrayLiteralType(Next(keys.From - 1, keys.To), keys.To) is { } k && ArrayLiteralType(Next(values.From - 1, values.To), values.To) is { } v
                ? $"MAP({k[..^2]}, {v[..^2]})" : null;
        }
    }
}
