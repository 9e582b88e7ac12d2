using System.Globalization;
using System.Text;

namespace Strata.Core.Uploads;

/// <summary>The form of a <see cref="NestedType"/>.</summary>
public enum NestedForm
{
    /// <summary>A scalar (<see cref="NestedType.Leaf"/> names it).</summary>
    Leaf,

    /// <summary><c>array(T)</c>: one child.</summary>
    Array,

    /// <summary><c>map(K, V)</c>: two children, the key's and the value's.</summary>
    Map,

    /// <summary><c>row(a T, b U)</c>: a child per field, named by <see cref="NestedType.FieldNames"/>.</summary>
    Row,
}

/// <summary>
/// A Dune (Trino) type name of an array, map or row that a table column may keep as its type (a materialized view's
/// column of a nested type). Only the forms whose values round-trip exactly through a result's JSON text are accepted:
/// leaves <c>boolean, tinyint, smallint, integer, bigint, real, double, varchar, varbinary, date, timestamp(3)</c>, and
/// <c>decimal(p,s)</c> of a precision up to 15 (a JSON number whose every value a double gives back exactly) or from 19
/// (written as an exact string) to 38; rows with named fields (letters, digits and <c>_</c>); map keys that are leaves.
/// Anything else (decimals of precision 16 to 18, written as JSON numbers a double would round; 256-bit integers;
/// unnamed rows; time zones, intervals, json) is not a nested table type, and such a column stays varchar holding the
/// JSON text.
/// </summary>
public sealed class NestedType
{
    /// <summary>The deepest nesting accepted (a type name is also at most <see cref="MaxNameLength"/> characters).</summary>
    public const int MaxDepth = 16;

    /// <summary>The longest type name accepted.</summary>
    public const int MaxNameLength = 4096;

    private static readonly HashSet<string> Leaves = new(StringComparer.Ordinal)
    {
        "boolean", "tinyint", "smallint", "integer", "bigint", "real", "double", "varchar", "varbinary", "date", "timestamp(3)",
    };

    private NestedType(NestedForm form, string? leaf, IReadOnlyList<NestedType> children, IReadOnlyList<string> fieldNames)
    {
        Form = form;
        Leaf = leaf;
        Children = children;
        FieldNames = fieldNames;
    }

    public NestedForm Form { get; }

    /// <summary>The scalar's Dune name (e.g. <c>timestamp(3)</c>) when <see cref="Form"/> is <see cref="NestedForm.Leaf"/>.</summary>
    public string? Leaf { get; }

    public IReadOnlyList<NestedType> Children { get; }

    /// <summary>The field names of a row, in order; empty otherwise.</summary>
    public IReadOnlyList<string> FieldNames { get; }

    /// <summary>The type of <paramref name="name"/> when it is an array, map or row of the accepted forms; null otherwise.</summary>
    public static NestedType? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            return null;
        }
        var tokens = Tokens(name);
        if (tokens is null)
        {
            return null;
        }
        int at = 0;
        var type = ParseType(tokens, ref at, 0);
        return type is { Form: not NestedForm.Leaf } && at == tokens.Count ? type : null;
    }

    /// <summary>The canonical Dune name, e.g. <c>array(row(a bigint, b varbinary))</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    private void Write(StringBuilder text)
    {
        switch (Form)
        {
            case NestedForm.Leaf:
                text.Append(Leaf);
                break;
            case NestedForm.Array:
                text.Append("array(");
                Children[0].Write(text);
                text.Append(')');
                break;
            case NestedForm.Map:
                text.Append("map(");
                Children[0].Write(text);
                text.Append(", ");
                Children[1].Write(text);
                text.Append(')');
                break;
            default:
                text.Append("row(");
                for (int i = 0; i < Children.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ").Append(FieldNames[i]).Append(' ');
                    Children[i].Write(text);
                }
                text.Append(')');
                break;
        }
    }

    private static NestedType? ParseType(List<string> tokens, ref int at, int depth)
    {
        if (depth > MaxDepth || at >= tokens.Count)
        {
            return null;
        }
        string word = tokens[at++].ToLowerInvariant();
        switch (word)
        {
            case "array":
            {
                if (!Take(tokens, ref at, "(") || ParseType(tokens, ref at, depth + 1) is not { } element || !Take(tokens, ref at, ")"))
                {
                    return null;
                }
                return new NestedType(NestedForm.Array, null, [element], []);
            }
            case "map":
            {
                if (!Take(tokens, ref at, "(") || ParseType(tokens, ref at, depth + 1) is not { Form: NestedForm.Leaf } key
                    || !Take(tokens, ref at, ",") || ParseType(tokens, ref at, depth + 1) is not { } value || !Take(tokens, ref at, ")"))
                {
                    return null;
                }
                return new NestedType(NestedForm.Map, null, [key, value], []);
            }
            case "row":
            {
                if (!Take(tokens, ref at, "("))
                {
                    return null;
                }
                var children = new List<NestedType>();
                var names = new List<string>();
                do
                {
                    // A field is a name then its type; an unnamed row (a bare type first) is not accepted.
                    if (at + 1 >= tokens.Count || !IsIdentifier(tokens[at]) || !IsIdentifier(tokens[at + 1]))
                    {
                        return null;
                    }
                    string field = tokens[at++];
                    if (names.Contains(field, StringComparer.OrdinalIgnoreCase) || ParseType(tokens, ref at, depth + 1) is not { } child)
                    {
                        return null;
                    }
                    names.Add(field);
                    children.Add(child);
                }
                while (Take(tokens, ref at, ","));
                return Take(tokens, ref at, ")") ? new NestedType(NestedForm.Row, null, children, names) : null;
            }
            case "decimal":
            {
                if (!Take(tokens, ref at, "(") || !TakeNumber(tokens, ref at, out int precision) || !Take(tokens, ref at, ",")
                    || !TakeNumber(tokens, ref at, out int scale) || !Take(tokens, ref at, ")")
                    || precision is < 1 or > 38 or (> 15 and < 19) || scale > precision)
                {
                    return null;
                }
                return new NestedType(NestedForm.Leaf, $"decimal({precision},{scale})", [], []);
            }
            case "timestamp":
                return Take(tokens, ref at, "(") && Take(tokens, ref at, "3") && Take(tokens, ref at, ")")
                    && !(at < tokens.Count && tokens[at].Equals("with", StringComparison.OrdinalIgnoreCase))
                    ? new NestedType(NestedForm.Leaf, "timestamp(3)", [], [])
                    : null;
            default:
                return Leaves.Contains(word) && word != "timestamp(3)" ? new NestedType(NestedForm.Leaf, word, [], []) : null;
        }
    }

    private static bool Take(List<string> tokens, ref int at, string expected)
    {
        if (at < tokens.Count && tokens[at] == expected)
        {
            at++;
            return true;
        }
        return false;
    }

    private static bool TakeNumber(List<string> tokens, ref int at, out int value)
    {
        value = 0;
        if (at < tokens.Count && tokens[at].Length <= 2 && tokens[at].All(char.IsAsciiDigit))
        {
            value = int.Parse(tokens[at++], CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    private static bool IsIdentifier(string token) =>
        token.Length > 0 && (char.IsAsciiLetter(token[0]) || token[0] == '_') && token.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>Words (letters, digits, <c>_</c>) and the punctuation <c>( ) ,</c>; null for any other character.</summary>
    private static List<string>? Tokens(string name)
    {
        var tokens = new List<string>();
        int i = 0;
        while (i < name.Length)
        {
            char c = name[i];
            if (c == ' ')
            {
                i++;
            }
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(c.ToString(CultureInfo.InvariantCulture));
                i++;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                int start = i;
                while (i < name.Length && (char.IsAsciiLetterOrDigit(name[i]) || name[i] == '_'))
                {
                    i++;
                }
                tokens.Add(name[start..i]);
            }
            else
            {
                return null;
            }
        }
        return tokens;
    }
}
