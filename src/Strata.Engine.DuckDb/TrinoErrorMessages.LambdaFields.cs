using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb;

/// <summary>A lambda parameter's field (decision 342): the dereference's base as the user wrote it, and DuckDB's print of the
/// translator's <c>struct_extract</c> as the user's dotted name.</summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>The base of the dereference <c>p.f</c> written at offset, as Trino's ExpressionFormatter prints it (its name
    /// as written, a delimited one with its quotes), or null when no dotted name starts there.</summary>
    private static string? LambdaFieldBase(string userSql, int offset)
    {
        if (offset < 0 || offset >= userSql.Length || QualifiedNameAt(userSql, offset) is not { Count: >= 1 } parts)
        {
            return null;
        }
        int length = userSql[offset] == '"' ? parts[0].Replace("\"", "\"\"", StringComparison.Ordinal).Length + 2 : parts[0].Length;
        int dot = offset + length;
        while (dot < userSql.Length && char.IsWhiteSpace(userSql[dot]))
        {
            dot++; // `x . v`: the user's spaces around the dot
        }
        return dot < userSql.Length && userSql[dot] == '.' ? userSql.Substring(offset, length) : null;
    }

    /// <summary>DuckDB's print of the translator's <c>struct_extract(e, 'f')</c> (decision 342) as the dereference <c>e.f</c>
    /// the user wrote, nested ones too; any other expression as printed.</summary>
    private static string Dereferences(string printed) =>
        StructExtractPrint().Match(printed) is { Success: true } extract
            ? Dereferences(extract.Groups["e"].Value) + "." + extract.Groups["f"].Value.Replace("''", "'", StringComparison.Ordinal)
            : printed;

    [GeneratedRegex(@"^struct_extract\((?<e>.+), '(?<f>(?:[^']|'')*)'\)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex StructExtractPrint();
}
