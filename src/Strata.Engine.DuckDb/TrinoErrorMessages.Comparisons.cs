namespace Strata.Engine.DuckDb;

/// <summary>The comparisons of DuckDB's messages: the operator written at a position, and the comparison a column at a
/// position is an operand of (for Trino's <c>Cannot apply operator</c>).</summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>The comparison a column named at <paramref name="offset"/> is an operand of (the operator right after its
    /// name, or right before it), or null.</summary>
    private static (string Op, bool ColumnFirst)? ComparedOperand(string? text, int? offset)
    {
        if (text is null || offset is not int at || QualifiedNameAt(text, at) is not { Count: > 0 })
        {
            return null;
        }
        int after = at;
        while (after < text.Length && (char.IsLetterOrDigit(text[after]) || text[after] is '_' or '.' or '"'))
        {
            after++;
        }
        while (after < text.Length && char.IsWhiteSpace(text[after]))
        {
            after++;
        }
        if (ComparisonAt(text, after) is { } op)
        {
            return (op, true);
        }
        int before = at;
        while (before > 0 && char.IsWhiteSpace(text[before - 1]))
        {
            before--;
        }
        int start = before;
        while (start > 0 && before - start < 2 && text[start - 1] is '=' or '<' or '>' or '!')
        {
            start--;
        }
        return start < before && ComparisonAt(text[..before], start) is { } written ? (written, false) : null;
    }

    /// <summary>The operator Trino's "Cannot apply operator" names for a comparison written <paramref name="written"/>:
    /// its ExpressionAnalyzer resolves <c>=</c> and <c>&lt;&gt;</c> (<c>!=</c>) through the EQUAL operator, <c>&lt;</c> and
    /// <c>&gt;</c> through LESS_THAN, <c>&lt;=</c> and <c>&gt;=</c> through LESS_THAN_OR_EQUAL, with the operands in the
    /// order written, and OperatorNotFoundException prints that operator's symbol.</summary>
    internal static string TrinoComparisonOperator(string written) => written switch
    {
        "<>" or "!=" => "=",
        ">" => "<",
        ">=" => "<=",
        _ => written,
    };

    /// <summary>The comparison operator written at <paramref name="offset"/>, as Trino's message names it
    /// (<see cref="TrinoComparisonOperator"/>), or null.</summary>
    private static string? ComparisonAt(string? text, int? offset)
    {
        if (text is null || offset is not int at || at >= text.Length)
        {
            return null;
        }
        int end = at;
        while (end < text.Length && end - at < 2 && text[end] is '=' or '<' or '>' or '!')
        {
            end++;
        }
        return text[at..end] switch
        {
            "=" or "<" or ">" or "<=" or ">=" or "<>" or "!=" => TrinoComparisonOperator(text[at..end]),
            _ => null,
        };
    }
}
