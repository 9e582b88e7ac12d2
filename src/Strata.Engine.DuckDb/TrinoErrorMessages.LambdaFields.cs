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
            : SubscriptPrint(printed) is var (array, index) ? Dereferences(array) + "[" + index + "]"
            : printed;

    /// <summary>Trino's refusal of a field read from a value that is no row, its base as the user wrote it; a base whose print
    /// is still the translator's SQL (a subscript of a subscript, element_at's template) is named by the field read from it
    /// instead, as no internal name may reach the message.</summary>
    private static string NotARowWords(string printed, string field)
    {
        string written = Dereferences(printed);
        return TranslatorPrint().IsMatch(written)
            ? $"Expression before .{field} is not of type ROW"
            : $"Expression {written} is not of type ROW";
    }

    /// <summary>What only the translator's SQL prints: DuckDB's CASE (two spaces), its error calls' marker, its internal
    /// names, struct packing and the lambdas of its templates.</summary>
    [GeneratedRegex(@"CASE  WHEN|\uE000|_strata|struct_pack\(|list_transform\(", RegexOptions.CultureInvariant)]
    private static partial Regex TranslatorPrint();

    /// <summary>
    /// The base and index of DuckDB's print of the translator's subscript template (DuneSqlTranslator.Subscript: a CASE over
    /// the base's type whose first branch is <c>COALESCE(array_extract(base, CAST(index AS BIGINT)), …)</c>), or null for any
    /// other print: <c>x[1].f</c> over an array of numbers is refused at its base, which Trino prints as <c>x[1]</c>, not as
    /// the template (Trino's ExpressionAnalyzer.visitDereferenceExpression, "Expression %s is not of type ROW").
    /// </summary>
    private static (string Base, string Index)? SubscriptPrint(string printed)
    {
        var start = SubscriptTemplatePrint().Match(printed);
        if (!start.Success)
        {
            return null;
        }
        int comma = ArgumentEnd(printed, start.Length);
        if (comma < 0 || printed[comma] != ',')
        {
            return null;
        }
        int from = comma + 1;
        while (from < printed.Length && printed[from] == ' ')
        {
            from++;
        }
        int close = ArgumentEnd(printed, from);
        if (close < 0 || printed[close] != ')')
        {
            return null;
        }
        string index = printed[from..close];
        if (index.StartsWith("CAST(", StringComparison.Ordinal) && index.EndsWith(" AS BIGINT)", StringComparison.Ordinal))
        {
            index = index["CAST(".Length..^" AS BIGINT)".Length];
        }
        return (printed[start.Length..comma], index);
    }

    /// <summary>The index of the first comma or closing parenthesis at depth 0 from <paramref name="from"/> (quoted text
    /// skipped), or -1.</summary>
    private static int ArgumentEnd(string printed, int from)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = from; i < printed.Length; i++)
        {
            char c = printed[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote; // a doubled quote closes and reopens: the same outcome
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']' && depth > 0)
            {
                depth--;
            }
            else if (c is ',' or ')' && depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    [GeneratedRegex(@"^CASE +WHEN \(+'[^']*' !~~ '%\[\]'\)+ THEN \(COALESCE\(array_extract\(", RegexOptions.CultureInvariant)]
    private static partial Regex SubscriptTemplatePrint();

    [GeneratedRegex(@"^struct_extract\((?<e>.+), '(?<f>(?:[^']|'')*)'\)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex StructExtractPrint();
}
