using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>Decision 234's refusals of values of mixed or wrong types (CASE, VALUES, ARRAY, a function's arguments),
/// rebuilt from the user's text in Trino's analyzer's words (see TrinoErrorMessages.Leaks.cs).</summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>DuckDB's implicit cast of a value to a type it has none to (an array, mostly).</summary>
    [GeneratedRegex(@"^Conversion Error: Type (?<a>\S+) with value .* can't be cast to the destination type (?<b>.+)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex ValueNotOfType();

    /// <summary>DuckDB finding no common type of the values of a CASE, a VALUES list, a function's arguments.</summary>
    [GeneratedRegex(@"^(?:Binder|Not implemented) Error: Cannot (?:combine types of|combine types|mix values of type) (?<a>.+?) and (?<b>.+?)(?<case> in CASE expression)? - an explicit cast is required", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex CannotCombineTypes();

    /// <summary>A macro of the translator's given arguments it does not take.</summary>
    [GeneratedRegex(@"^Binder Error: Macro \w+\(\) does not support the supplied arguments", RegexOptions.CultureInvariant)]
    private static partial Regex MacroArguments();

    /// <summary>A row's subscript past its fields.</summary>
    [GeneratedRegex(@"^Binder Error: Key index (?<i>-?\d+) for struct_extract out of range - expected an index between 1 and (?<n>\d+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RowIndex();

    private static ExecutionError? MixedFromUserText(ExecutionError error, string userSql, int? offset, List<DuneToken> tokens)
    {
        string message = error.Message;
        if (message.StartsWith("Binder Error: ARRAY_SLICE can only operate on LISTs and VARCHARs", StringComparison.Ordinal))
        {
            return UnexpectedCall(error, userSql, tokens, tokens.FindIndex(t => Word(userSql, t) is "substr" or "substring" or "slice"));
        }
        if (message == "cardinality takes an array or a map")
        {
            return UnexpectedCall(error, userSql, tokens, tokens.FindIndex(t => Word(userSql, t) == "cardinality"));
        }
        if (MacroArguments().IsMatch(message) && offset is int macro)
        {
            return UnexpectedCall(error, userSql, tokens, tokens.FindIndex(t => t.End > macro && t.Kind == DuneTokenKind.Word));
        }
        if (message.StartsWith("Binder Error: Function \"count\" cannot be applied to a star expression", StringComparison.Ordinal))
        {
            // Trino's grammar: name '(' ASTERISK ')'; the parser stops at the token after the star.
            int star = tokens.FindIndex(t => Word(userSql, t) == "*" && t.Start > (offset ?? -1));
            return star < 0 || star + 1 >= tokens.Count ? null
                : At(error with { Type = ExecutionError.SyntaxError, Message = Mismatched(Text(userSql, tokens[star + 1])) }, userSql, tokens[star + 1].Start);
        }
        if (message.StartsWith("Binder Error: Cannot deduce template type 'T' in function: 'list_value(", StringComparison.Ordinal))
        {
            int array = FirstMixedArray(userSql, tokens);
            return array < 0 ? error with { Message = "All ARRAY elements must be the same type" } : MixedValues(error, userSql, tokens, Arguments(userSql, tokens, array + 1), "All ARRAY elements must be the same type");
        }
        if (ValueNotOfType().Match(message) is { Success: true } value)
        {
            return InConstruct(error, userSql, tokens, offset, TypeName(value.Groups["a"].Value), TypeName(value.Groups["b"].Value));
        }
        if (CannotCombineTypes().Match(message) is { Success: true } combine)
        {
            if (combine.Groups["case"].Success)
            {
                int at = tokens.FindIndex(t => t.Start >= (offset ?? 0) && Word(userSql, t) == "case");
                return at < 0 ? null : MixedValues(error, userSql, tokens, CaseResults(userSql, tokens, at), "All CASE results must be the same type");
            }
            if (message.StartsWith("Not implemented", StringComparison.Ordinal) && tokens.FindIndex(t => Word(userSql, t) == "values") is int values and >= 0)
            {
                return ValuesRows(error, userSql, tokens, values);
            }
            return InConstruct(error, userSql, tokens, offset, TypeName(combine.Groups["a"].Value), TypeName(combine.Groups["b"].Value));
        }
        if (message == "Binder Error: HAVING clause cannot contain window functions!")
        {
            int having = tokens.FindIndex(t => Word(userSql, t) == "having");
            int window = having < 0 ? -1 : tokens.FindIndex(having, t => Word(userSql, t) == "over");
            int call = window < 0 ? -1 : CallBefore(userSql, tokens, window);
            return At(error with { Message = "HAVING clause cannot contain window functions or row pattern measures" }, userSql, call < 0 ? null : tokens[call].Start);
        }
        if (RowIndex().Match(message) is { Success: true } index)
        {
            return error with { Message = $"Subscript index out of bounds: {index.Groups["i"].Value}, max value is {index.Groups["n"].Value}" };
        }
        return null;
    }

    /// <summary>The name of the call whose <c>)</c> is just before token <paramref name="after"/>, or -1.</summary>
    private static int CallBefore(string sql, List<DuneToken> tokens, int after)
    {
        int depth = 0;
        for (int k = after - 1; k >= 0; k--)
        {
            string w = Word(sql, tokens[k]);
            depth += w == ")" ? 1 : w == "(" ? -1 : 0;
            if (depth == 0 && w == "(")
            {
                return k > 0 ? k - 1 : -1;
            }
        }
        return -1;
    }

    /// <summary>Trino's refusal of a function's arguments at the call whose name is token <paramref name="name"/>: their
    /// types where each is a literal.</summary>
    private static ExecutionError? UnexpectedCall(ExecutionError error, string sql, List<DuneToken> tokens, int name)
    {
        if (name < 0)
        {
            return null;
        }
        string function = Word(sql, tokens[name]);
        string text = LiteralArgumentTypes(sql, tokens[name].Start) is { } types
            ? $"Unexpected parameters ({string.Join(", ", types)}) for function {function}"
            : $"Unexpected parameters for function {function}";
        return At(error with { Message = text }, sql, tokens[name].Start);
    }

    /// <summary>A value of type <paramref name="a"/> DuckDB could not make <paramref name="b"/>, in the construct of the
    /// user's text around <paramref name="offset"/>: a cast (Trino's "Cannot cast"), an ARRAY constructor, a call.</summary>
    private static ExecutionError? InConstruct(ExecutionError error, string sql, List<DuneToken> tokens, int? offset, string a, string b)
    {
        if (offset is not int at)
        {
            return error with { Message = $"Cannot cast {a} to {b}" };
        }
        int open = -1, depth = 0, first = tokens.FindLastIndex(t => t.Start <= at);
        if (first >= 0 && first + 1 < tokens.Count && Word(sql, tokens[first]) is "cast" or "try_cast" && Word(sql, tokens[first + 1]) == "(")
        {
            open = first + 1; // DuckDB points at the cast itself
        }
        for (int k = open < 0 ? first : -1; k >= 0; k--)
        {
            string w = Word(sql, tokens[k]);
            if (w is ")" or "]" && tokens[k].Start < at)
            {
                depth++;
            }
            else if (w is "(" or "[")
            {
                if (depth == 0)
                {
                    open = k;
                    break;
                }
                depth--;
            }
        }
        string before = open > 0 ? Word(sql, tokens[open - 1]) : "";
        if (before is "cast" or "try_cast" && CastTarget(sql, tokens[open - 1].Start) is { } target)
        {
            int asAt = tokens.FindIndex(open, t => Word(sql, t) == "as");
            string source = asAt > open ? LiteralType(sql, tokens, open + 1, asAt) ?? a : a;
            return At(error with { Message = $"Cannot cast {source} to {target}" }, sql, tokens[open - 1].Start);
        }
        if (before == "array" && Word(sql, tokens[open]) == "[")
        {
            return MixedValues(error, sql, tokens, Arguments(sql, tokens, open), "All ARRAY elements must be the same type");
        }
        if (open > 0 && tokens[open - 1].Kind == DuneTokenKind.Word && Word(sql, tokens[open]) == "(")
        {
            return UnexpectedCall(error, sql, tokens, open - 1);
        }
        return error with { Message = $"Cannot cast {a} to {b}" };
    }

    /// <summary>The first ARRAY[…] of the user's text whose literal elements are of two kinds, or -1.</summary>
    private static int FirstMixedArray(string sql, List<DuneToken> tokens)
    {
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            if (Word(sql, tokens[k]) == "array" && Word(sql, tokens[k + 1]) == "[" && Arguments(sql, tokens, k + 1) is { } elements
                && elements.Select(e => ValueType(sql, tokens, e.From, e.To)).OfType<string>().Select(Kind).Distinct().Count() > 1)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>coerceToSingleType's refusal: the type of the values before the first of another kind, at that value.</summary>
    private static ExecutionError MixedValues(ExecutionError error, string sql, List<DuneToken> tokens, List<(int From, int To)>? values, string message)
    {
        string? super = null;
        foreach (var (from, to) in values ?? [])
        {
            string? type = ValueType(sql, tokens, from, to);
            if (type is null)
            {
                continue;
            }
            if (super is not null && Kind(type) != Kind(super))
            {
                return At(error with { Message = $"{message}: {super}" }, sql, tokens[from].Start);
            }
            super = super is null || Length(type) > Length(super) ? type : super;
        }
        return error with { Message = message };
    }

    /// <summary>A literal's type, or an ARRAY[…] of literals' (its first element's type).</summary>
    private static string? ValueType(string sql, List<DuneToken> tokens, int from, int to)
    {
        if (to - from >= 3 && Word(sql, tokens[from]) == "array" && Word(sql, tokens[from + 1]) == "[" && Arguments(sql, tokens, from + 1) is [var first, ..])
        {
            return ValueType(sql, tokens, first.From, first.To) is { } element ? $"array({element})" : "array";
        }
        return LiteralType(sql, tokens, from, to);
    }

    /// <summary>The kind of a type for a common type: numbers together, texts together, else the type's name.</summary>
    private static string Kind(string type) => type switch
    {
        "integer" or "bigint" or "double" or "real" or "smallint" or "tinyint" => "number",
        _ when type.StartsWith("decimal", StringComparison.Ordinal) => "number",
        _ when type.StartsWith("varchar", StringComparison.Ordinal) => "text",
        _ => type.Split('(')[0],
    };

    private static int Length(string type) =>
        type.StartsWith("varchar(", StringComparison.Ordinal) && int.TryParse(type[8..^1], out int n) ? n : 0;

    /// <summary>The results of the CASE at token <paramref name="at"/> (after each THEN and the ELSE).</summary>
    private static List<(int From, int To)> CaseResults(string sql, List<DuneToken> tokens, int at)
    {
        var results = new List<(int, int)>();
        int depth = 0, start = -1;
        for (int k = at + 1; k < tokens.Count; k++)
        {
            string w = Word(sql, tokens[k]);
            bool boundary = depth == 0 && w is "when" or "else" or "end" or "then";
            if (boundary && start >= 0)
            {
                results.Add((start, k));
                start = -1;
            }
            if (depth == 0 && w == "end")
            {
                break;
            }
            if (boundary && w is "then" or "else")
            {
                start = k + 1;
            }
            depth += w is "(" or "[" or "case" ? 1 : w is ")" or "]" || (w == "end" && depth > 0) ? -1 : 0;
        }
        return results;
    }

    /// <summary>StatementAnalyzer's refusal of VALUES rows of types with no common type, at VALUES.</summary>
    private static ExecutionError ValuesRows(ExecutionError error, string sql, List<DuneToken> tokens, int values)
    {
        var rows = new List<List<string?>>();
        int k = values + 1;
        while (k < tokens.Count && Word(sql, tokens[k]) == "(" && Arguments(sql, tokens, k) is { } fields)
        {
            rows.Add(fields.Select(f => ValueType(sql, tokens, f.From, f.To)).ToList());
            int close = fields.Count > 0 ? fields[^1].To : k + 1;
            k = close + 1 < tokens.Count && Word(sql, tokens[close + 1]) == "," ? close + 2 : tokens.Count;
        }
        string Row(List<string?> row) => row.Count == 1 ? row[0]! : $"row({string.Join(", ", row)})";
        for (int r = 1; r < rows.Count; r++)
        {
            if (rows[0].Concat(rows[r]).Any(t => t is null) || rows[0].Count != rows[r].Count)
            {
                break;
            }
            if (rows[0].Zip(rows[r]).Any(p => Kind(p.First!) != Kind(p.Second!)))
            {
                return At(error with { Message = $"Values rows have mismatched types: {Row(rows[0])} vs {Row(rows[r])}" }, sql, tokens[values].Start);
            }
        }
        return At(error with { Message = "Values rows have mismatched types" }, sql, tokens[values].Start);
    }
}
