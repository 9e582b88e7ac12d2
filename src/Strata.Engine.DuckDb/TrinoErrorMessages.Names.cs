using System.Text;

namespace Strata.Engine.DuckDb;

/// <summary>Reading the names the user wrote at an error's offset: a table's qualified name, a function's name.</summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>Trino's name of a table: the qualified name written at <paramref name="offset"/> when it ends in DuckDB's
    /// name, lower case, a schema-qualified one in Dune's catalog; else DuckDB's name.</summary>
    private static string TableName(string duckDbName, string? text, int? offset)
    {
        string last = duckDbName[(duckDbName.LastIndexOf('.') + 1)..];
        var parts = text is null || offset is not int at ? null : QualifiedNameAt(text, at);
        if (parts is null || parts.Count > 3 || !parts[^1].Equals(last, StringComparison.OrdinalIgnoreCase))
        {
            return duckDbName.ToLowerInvariant();
        }
        string name = string.Join('.', parts).ToLowerInvariant();
        return parts.Count == 2 ? $"{DuneCatalog}.{name}" : name;
    }

    /// <summary>The parts of the dotted name starting at <paramref name="offset"/> (plain or double-quoted), or null.</summary>
    private static List<string>? QualifiedNameAt(string text, int offset)
    {
        var parts = new List<string>();
        int i = offset;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                var part = new StringBuilder();
                int j = i + 1;
                while (j < text.Length && !(text[j] == '"' && (j + 1 >= text.Length || text[j + 1] != '"')))
                {
                    part.Append(text[j]);
                    j += text[j] == '"' ? 2 : 1;
                }
                if (j >= text.Length)
                {
                    return null;
                }
                parts.Add(part.ToString());
                i = j + 1;
            }
            else
            {
                int j = i;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is '_' or '$'))
                {
                    j++;
                }
                if (j == i)
                {
                    return null;
                }
                parts.Add(text[i..j]);
                i = j;
            }
            if (i >= text.Length || text[i] != '.')
            {
                break;
            }
            i++;
        }
        return parts.Count == 0 ? null : parts;
    }

    /// <summary>
    /// The name of the function called at <paramref name="offset"/> (a name then <c>(</c>), or null. An offset inside a
    /// plain name reads the whole name: the error of a template's inner call points into the name it replaced (at its
    /// last character), which read alone named function <c>y</c> for <c>overlay</c>.
    /// </summary>
    private static string? FunctionNameAt(string text, int offset)
    {
        while (offset > 0 && offset < text.Length && IsNamePart(text[offset - 1]) && IsNamePart(text[offset]))
        {
            offset--;
        }
        var parts = QualifiedNameAt(text, offset);
        if (parts is not { Count: 1 })
        {
            return null;
        }
        int after = offset + parts[0].Length;
        while (after < text.Length && char.IsWhiteSpace(text[after]))
        {
            after++;
        }
        return after < text.Length && text[after] == '(' ? parts[0] : null;
    }

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
