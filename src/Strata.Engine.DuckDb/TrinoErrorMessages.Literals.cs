using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>Decision 234: a call's arguments and its literals' Trino types, read from the user's text for the
/// refusals of TrinoErrorMessages.Leaks.cs and TrinoErrorMessages.Mixed.cs.</summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>The token ranges of the arguments of the call whose <c>(</c> is at <paramref name="open"/>, or null when
    /// the call does not close.</summary>
    private static List<(int From, int To)>? Arguments(string sql, List<DuneToken> tokens, int open)
    {
        var args = new List<(int, int)>();
        int depth = 0, start = open + 1;
        for (int j = open; j < tokens.Count; j++)
        {
            string w = Word(sql, tokens[j]);
            if (w is "(" or "[")
            {
                depth++;
            }
            else if (w is ")" or "]")
            {
                depth--;
                if (depth == 0)
                {
                    if (j > start)
                    {
                        args.Add((start, j));
                    }
                    return args;
                }
            }
            else if (w == "," && depth == 1)
            {
                args.Add((start, j));
                start = j + 1;
            }
        }
        return null;
    }

    /// <summary>Trino's type of a literal written as tokens [from, to) (ExpressionAnalyzer's visit of each literal): a
    /// string is varchar(its length), an integer integer or bigint, an exact decimal decimal(p, s), a number with an
    /// exponent double, 0x… varbinary, DATE '…' date; null for anything else.</summary>
    private static string? LiteralType(string sql, List<DuneToken> tokens, int from, int to)
    {
        if (to - from == 2 && Word(sql, tokens[from]) == "-" && tokens[from + 1].Kind == DuneTokenKind.Number)
        {
            from++;
        }
        if (to - from == 2 && Word(sql, tokens[from]) == "date" && tokens[from + 1].Kind == DuneTokenKind.String)
        {
            return "date";
        }
        if (to - from != 1)
        {
            return null;
        }
        var token = tokens[from];
        string text = Text(sql, token);
        switch (token.Kind)
        {
            case DuneTokenKind.String when text is ['\'', .. var inner, '\'']:
                return $"varchar({new string(inner).Replace("''", "'", StringComparison.Ordinal).EnumerateRunes().Count()})";
            case DuneTokenKind.HexBinary:
                return "varbinary";
            case DuneTokenKind.Number when text.Contains('e', StringComparison.OrdinalIgnoreCase):
                return "double";
            case DuneTokenKind.Number when text.IndexOf('.', StringComparison.Ordinal) is int dot and >= 0:
                int scale = text.Length - dot - 1, precision = text[..dot].TrimStart('0').Length + scale;
                return $"decimal({Math.Max(precision, 1).ToString(CultureInfo.InvariantCulture)}, {scale.ToString(CultureInfo.InvariantCulture)})";
            case DuneTokenKind.Number when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long n):
                return n <= int.MaxValue ? "integer" : "bigint";
            case DuneTokenKind.Word when text.ToLowerInvariant() is "true" or "false":
                return "boolean";
            case DuneTokenKind.Word when text.Equals("null", StringComparison.OrdinalIgnoreCase):
                return "unknown";
            default:
                return null;
        }
    }

    /// <summary>The types of the arguments of the user's call of <paramref name="name"/> at <paramref name="offset"/>
    /// when each is a literal, or null.</summary>
    private static List<string>? LiteralArgumentTypes(string sql, int offset)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        int name = tokens.FindIndex(t => t.End > offset && t.Kind == DuneTokenKind.Word);
        if (name < 0 || name + 1 >= tokens.Count || Word(sql, tokens[name + 1]) != "(" || Arguments(sql, tokens, name + 1) is not { } args)
        {
            return null;
        }
        var types = new List<string>();
        foreach (var (from, to) in args)
        {
            if (LiteralType(sql, tokens, from, to) is not { } type)
            {
                return null;
            }
            types.Add(type);
        }
        return types;
    }

    /// <summary>The argument types of DuckDB's refusal of a call of <paramref name="function"/> at <paramref name="offset"/>
    /// of DuckDB's text, each string literal argument written as Trino's analyzer types it, varchar(its length) (DuckDB's
    /// message says VARCHAR or STRING_LITERAL); the types as they are when the call there is not that function with as
    /// many arguments.</summary>
    private static List<string> WithStringLiterals(List<string> types, string function, string? text, int? offset)
    {
        if (text is null || offset is not int at)
        {
            return types;
        }
        var tokens = DuneLexer.NonTrivia(text);
        int name = tokens.FindIndex(t => t.End > at && t.Kind == DuneTokenKind.Word);
        if (name < 0 || name + 1 >= tokens.Count || !Word(text, tokens[name]).Equals(function, StringComparison.OrdinalIgnoreCase)
            || Word(text, tokens[name + 1]) != "(" || Arguments(text, tokens, name + 1) is not { } args || args.Count != types.Count)
        {
            return types;
        }
        return types.Select((type, i) => type == "varchar" && LiteralType(text, tokens, args[i].From, args[i].To) is { } literal
            && literal.StartsWith("varchar(", StringComparison.Ordinal) ? literal : type).ToList();
    }

    /// <summary>The length a string literal beside the operator at <paramref name="offset"/> of DuckDB's text has, as
    /// Trino's varchar(n) (the left operand when <paramref name="left"/>), or null when that operand is no string
    /// literal.</summary>
    private static string? StringOperand(string? text, int? offset, bool left)
    {
        if (text is null || offset is not int at)
        {
            return null;
        }
        var tokens = DuneLexer.NonTrivia(text);
        int op = tokens.FindIndex(t => t.Start == at);
        int k = op < 0 ? -1 : left ? op - 1 : op + 1;
        return k >= 0 && k < tokens.Count ? LiteralType(text, tokens, k, k + 1) is { } type && type.StartsWith("varchar(", StringComparison.Ordinal) ? type : null : null;
    }
}
