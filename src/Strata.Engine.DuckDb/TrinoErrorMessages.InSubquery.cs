using System.Text.RegularExpressions;

namespace Strata.Engine.DuckDb;

/// <summary>
/// An IN subquery whose rows are of a type the value's does not coerce to (decision 342): Trino's ExpressionAnalyzer.
/// visitInPredicate refuses it by coerceToSingleType, "value and result of subquery must be of the same type for IN
/// expression: integer vs varchar". DuckDB says it two ways: its own IN's "Cannot compare values of type INTEGER and
/// VARCHAR in IN/ANY/ALL clause", and, for the list an outer join's ON subquery is computed into
/// (DuneSqlTranslator.OuterJoinSubqueries.cs), list_contains' "Cannot deduce template type 'T'" with the list's element
/// type first and the value's second.
/// </summary>
internal static partial class TrinoErrorMessages
{
    [GeneratedRegex(@"^Cannot compare values of type (?<a>.+?) and type (?<b>.+?) in IN/ANY/ALL clause - an explicit cast is required|^Cannot compare values of type (?<a>.+?) and (?<b>.+?) in IN/ANY/ALL clause - an explicit cast is required", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex InComparison();

    [GeneratedRegex(@"^Cannot deduce template type 'T' in function: 'list_contains\(T\[\], T\) -> BOOLEAN'\s*Type 'T' was inferred to be:\s*- '(?<list>[^']+)', from first occurrence\s*- '(?<value>[^']+)', which is incompatible", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex ListContainsMismatch();

    /// <summary>Trino's refusal of an IN subquery's types for DuckDB's message, or null (a quantified comparison's, or a
    /// list_contains the translator did not write for an outer join's IN).</summary>
    private static string? InSubqueryMismatch(string message, string? text, int? offset)
    {
        if (InComparison().Match(message) is { Success: true } compare && IsInPredicateAt(text, offset))
        {
            return $"value and result of subquery must be of the same type for IN expression: {TypeName(compare.Groups["a"].Value)} vs {TypeName(compare.Groups["b"].Value)}";
        }
        if (ListContainsMismatch().Match(message) is { Success: true } list && text is not null && offset is int at && at <= text.Length
            && text[..at].TrimEnd().TrimEnd('(').TrimEnd().EndsWith(',')
            && text.LastIndexOf("list_contains(" + DuneSql.InternalNames.Prefix + "oj", at, StringComparison.Ordinal) is int call and >= 0
            && !text[call..at].Contains(')', StringComparison.Ordinal))
        {
            return $"value and result of subquery must be of the same type for IN expression: {TypeName(list.Groups["value"].Value)} vs {TypeName(list.Groups["list"].Value)}";
        }
        return null;
    }

    /// <summary>Whether the first keyword after the value at offset, at the value's depth, is IN (not ANY, SOME or ALL of a
    /// quantified comparison).</summary>
    private static bool IsInPredicateAt(string? text, int? offset)
    {
        if (text is null || offset is not int at || at < 0 || at > text.Length)
        {
            return false;
        }
        int depth = 0;
        for (int i = at; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']' && --depth < 0)
            {
                return false;
            }
            else if (depth == 0 && char.IsAsciiLetter(c) && (i == 0 || !IsNamePart(text[i - 1])))
            {
                int end = i;
                while (end < text.Length && IsNamePart(text[end]))
                {
                    end++;
                }
                string word = text[i..end].ToLowerInvariant();
                if (word is "in" or "any" or "some" or "all")
                {
                    return word == "in";
                }
                i = end - 1;
            }
            else if (c == '\'')
            {
                int close = text.IndexOf('\'', i + 1);
                i = close < 0 ? text.Length : close;
            }
        }
        return false;
    }
}
