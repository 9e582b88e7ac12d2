using System.Text;

namespace Strata.Core.Results.Querying;

/// <summary>
/// Parses the <c>columns</c> query parameter: <c>a,b,"we""ird"</c>, a projection in the given order.
/// </summary>
/// <remarks>
/// Items are separated by commas. An item that starts with <c>"</c> is a quoted name, matched exactly; inside it
/// <c>""</c> and <c>\"</c> both stand for <c>"</c> and <c>\\</c> for <c>\</c> (Dune's TypeScript SDK sends
/// <c>"we\"ird"</c>); if that reading names no column, the plain SQL reading (only <c>""</c>) is tried.
/// Any other item is the raw text up to the next comma, trimmed of whitespace (Dune's Python SDK sends names
/// unquoted, spaces and all), matched exactly, else case-insensitively if only one column matches.
/// Unknown and repeated names are errors.
/// </remarks>
public static class ColumnsParser
{
    public const int MaxLength = 10_000;

    private const string Parameter = "columns";

    /// <summary>
    /// The chosen columns, by their exact result names, in the order given; empty (meaning all columns)
    /// when <paramref name="text"/> is null, empty or whitespace. Throws <see cref="FilterException"/> (and
    /// nothing else) when the value is not valid.
    /// </summary>
    public static IReadOnlyList<string> Parse(string? text, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (FilterException.IsBlank(text, Parameter, MaxLength))
        {
            return [];
        }
        var resolver = new ColumnResolver(columns, Parameter);
        var chosen = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (true)
        {
            i = SkipWhitespace(text, i);
            var start = i;
            if (i == text.Length || text[i] == ',')
            {
                throw new FilterException(Parameter, "expected a column name", i);
            }
            string name;
            if (text[i] == '"')
            {
                (name, i) = ReadQuoted(text, start, resolver);
            }
            else
            {
                var comma = text.IndexOf(',', i);
                var end = comma < 0 ? text.Length : comma;
                var raw = text[start..end].TrimEnd();
                name = resolver.TryBare(raw, start) ?? throw resolver.Unknown(raw, start);
                i = end;
            }
            if (!seen.Add(name))
            {
                throw new FilterException(Parameter, $"column {FilterException.Describe(name)} is listed twice", start);
            }
            chosen.Add(name);
            if (i == text.Length)
            {
                return chosen;
            }
            i++; // the comma
        }
    }

    private static (string Name, int Next) ReadQuoted(string text, int start, ColumnResolver resolver)
    {
        var lenient = Decode(text, start, backslashEscapes: true);
        var strict = Decode(text, start, backslashEscapes: false);
        foreach (var candidate in new[] { lenient, strict })
        {
            if (candidate is { } c && resolver.TryQuoted(c.Name) is not null)
            {
                var next = SkipWhitespace(text, c.End);
                if (next == text.Length || text[next] == ',')
                {
                    return (c.Name, next);
                }
            }
        }
        var reading = lenient ?? strict
            ?? throw new FilterException(Parameter, "unterminated quoted column name", start);
        var after = SkipWhitespace(text, reading.End);
        if (after < text.Length && text[after] != ',')
        {
            throw new FilterException(Parameter, $"expected ',' after the quoted column name, found {FilterLexer.DescribeChar(text, after)}", after);
        }
        throw resolver.Unknown(reading.Name, start);
    }

    /// <summary>The name in the quotes opening at <paramref name="start"/> and the index after the closing quote; null if unterminated.</summary>
    private static (string Name, int End)? Decode(string text, int start, bool backslashEscapes)
    {
        var name = new StringBuilder();
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '"')
            {
                if (next == '"' && i + 1 < text.Length)
                {
                    name.Append('"');
                    i += 2;
                    continue;
                }
                return (name.ToString(), i + 1);
            }
            if (backslashEscapes && c == '\\' && next is '"' or '\\' && i + 1 < text.Length)
            {
                name.Append(next);
                i += 2;
                continue;
            }
            name.Append(c);
            i++;
        }
        return null;
    }

    private static int SkipWhitespace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }
}
