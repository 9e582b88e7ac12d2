using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// DuckDB refusals that leaked in its words until decision 234 (dune-messages2), read again from the user's text where
/// DuckDB's message lacks what Trino's names (a cast's target type, a literal's type, a key, a relation):
/// <list type="bullet">
/// <item>JsonOperators / JsonToArrayCast: <c>Cannot cast '{"a":1}' to integer</c>, <c>Cannot cast 'x' to INT</c> (a
/// JSON string, VarcharOperators' words), <c>Cannot cast to array(integer). Expected a json array, but got {</c> and the
/// JSON on the next line.</item>
/// <item>MapConstructor (DuplicateMapKeyException): <c>Duplicate map keys (1) are not allowed</c>, the key read from the
/// user's literal keys; the exception's own <c>Duplicate map keys are not allowed</c> when they are no literals.</item>
/// <item>StatementAnalyzer: <c>Cannot unnest type: integer</c>, <c>Unable to resolve reference q</c> (<c>q.*</c>),
/// <c>Column 'c' is missing from left side of join</c> (USING); ExpressionAnalyzer: <c>Cannot cast row(integer,
/// integer) to row(a integer)</c> at CAST, a row field that no field is named (<c>Column 'null' cannot be resolved</c>:
/// missingAttributeException of a dereference whose base is no name).</item>
/// <item>ANTLR's lexer through Trino's LEXER_ERROR_LISTENER: <c>token recognition error at: ''abc'</c> for an
/// unterminated string or quoted name, at its opening quote.</item>
/// </list>
/// And the refusals of values of mixed or wrong types that the extended sweep found in DuckDB's words, as Trino's
/// analyzer words them (ExpressionAnalyzer's coerceToSingleType:
/// <c>All ARRAY elements must be the same type: integer</c>, <c>All CASE results must be the same type: varchar(1)</c> at
/// the first value of another type; StatementAnalyzer's <c>Values rows have mismatched types: … vs …</c>; a function
/// given arguments of the wrong types or count: <c>Unexpected parameters (integer, integer, integer) for function
/// substr</c> at the call, its arguments' types where they are literals; <c>count(*, x)</c> Trino's parser's
/// <c>mismatched input ','</c>; <c>HAVING clause cannot contain window functions or row pattern measures</c> at the
/// window function; a row subscript past its fields: <c>Subscript index out of bounds: 3, max value is 2</c>).
/// </summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>DuckDB's JSON cast to a number of a value that is none (an object, an array, a string).</summary>
    [GeneratedRegex(@"^Conversion Error: Failed to cast value to numerical: (?<v>.*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex JsonNotScalar();

    /// <summary>DuckDB's JSON cast to an array or a map of a value of another kind.</summary>
    [GeneratedRegex(@"^Conversion Error: Expected (?<want>ARRAY|OBJECT), but got \w+: (?<v>.*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex JsonNotContainer();

    /// <summary>A USING column one side of the join does not have.</summary>
    [GeneratedRegex(@"^Binder Error: Column ""(?<c>[^""]*)"" does not exist on (?<side>left|right) side of join!", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex UsingColumnMissing();

    /// <summary>A cast of a row to a row type of another field count.</summary>
    [GeneratedRegex(@"^Mismatch Type Error: Type (?<a>.+) does not match with (?<b>.+)\. Cannot cast STRUCTs of different size$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex RowCastSize();

    /// <summary>DuckDB's lexer at an unterminated string or quoted name.</summary>
    [GeneratedRegex(@"^Parser Error: unterminated quoted (?:string|identifier) at or near ", RegexOptions.CultureInvariant)]
    private static partial Regex Unterminated();

    private const string BinderError = "Binder Error: ";

    /// <summary>The refusals above, or null.</summary>
    private static ExecutionError? LeakFromUserText(ExecutionError error, string userSql)
    {
        string message = error.Message;
        if (message.StartsWith(BinderError, StringComparison.Ordinal) && EitherBinding().Match(message[BinderError.Length..]) is { Success: true } either)
        {
            // A name or clause DuckDB bound two ways: its first alternative is the refusal (a window function in WHERE).
            return FromUserText(error with { Message = BinderError + either.Groups["first"].Value }, userSql);
        }
        int? offset = error.Line is int errorLine && error.Column is int errorColumn ? Strata.Core.Queries.ParameterSubstitution.OffsetOf(userSql, errorLine, errorColumn) : null;
        if (JsonNotScalar().Match(message) is { Success: true } scalar)
        {
            return error with { Message = JsonScalarCast(scalar.Groups["v"].Value, CastTarget(userSql, offset)) };
        }
        if (JsonNotContainer().Match(message) is { Success: true } container)
        {
            string json = container.Groups["v"].Value, want = container.Groups["want"].Value == "ARRAY" ? "array" : "object";
            string target = CastTarget(userSql, offset) ?? (want == "array" ? "array" : "map");
            return error with { Message = $"Cannot cast to {target}. Expected a json {want}, but got {FirstJsonToken(json)}\n{json}" };
        }
        if (message == "Invalid Input Error: Map keys must be unique.")
        {
            return error with { Message = DuplicateKey(userSql) is { } key ? $"Duplicate map keys ({key}) are not allowed" : "Duplicate map keys are not allowed" };
        }
        if (message.StartsWith("Binder Error: UNNEST requires a single list as input", StringComparison.Ordinal))
        {
            return error with { Message = UnnestArgumentType(userSql, offset) is { } type ? $"Cannot unnest type: {type}" : "Cannot unnest a value that is no array or map" };
        }
        var tokens = TrinoExpressionText.Tokens(userSql);
        if (message.StartsWith(BinderError, StringComparison.Ordinal) && MissingRelation().Match(message[BinderError.Length..]) is { Success: true } star)
        {
            string relation = star.Groups["t"].Value;
            for (int k = 0; k + 2 < tokens.Count; k++)
            {
                if (Text(userSql, tokens[k]).Equals(relation, StringComparison.OrdinalIgnoreCase) && Word(userSql, tokens[k + 1]) == "." && Word(userSql, tokens[k + 2]) == "*")
                {
                    return At(error with { Message = $"Unable to resolve reference {Text(userSql, tokens[k])}" }, userSql, tokens[k].Start);
                }
            }
            return null;
        }
        if (UsingColumnMissing().Match(message) is { Success: true } missing)
        {
            string column = missing.Groups["c"].Value;
            int usingAt = tokens.FindIndex(t => Word(userSql, t) == "using");
            int at = usingAt < 0 ? -1 : tokens.FindIndex(usingAt, t => Text(userSql, t).Trim('"').Equals(column, StringComparison.OrdinalIgnoreCase));
            return At(error with { Message = $"Column '{column}' is missing from {missing.Groups["side"].Value} side of join" }, userSql, at < 0 ? null : tokens[at].Start);
        }
        if (RowCastSize().Match(message) is { Success: true } rows)
        {
            int cast = offset is int o ? tokens.FindLastIndex(t => t.Start <= o && Word(userSql, t) is "cast" or "try_cast") : -1;
            return At(error with { Message = $"Cannot cast {DuckDbTypes.DuneName(rows.Groups["a"].Value)} to {DuckDbTypes.DuneName(rows.Groups["b"].Value)}" },
                userSql, cast < 0 ? null : tokens[cast].Start);
        }
        if (message.StartsWith("Binder Error: struct_extract with a string key cannot be used on an unnamed struct", StringComparison.Ordinal))
        {
            // ExpressionAnalyzer.visitDereferenceExpression: no field of the row has the name; the dereference's base is no
            // name, so its qualified name is null in missingAttributeException's words.
            return error with { Message = "Column 'null' cannot be resolved" };
        }
        if (Unterminated().IsMatch(message) && offset is int quote && quote < userSql.Length)
        {
            return error with { Type = ExecutionError.SyntaxError, Message = $"token recognition error at: '{ErrorDisplay(userSql[quote..])}'" };
        }
        return MixedFromUserText(error, userSql, offset, tokens);
    }

    private static string Text(string sql, DuneToken token) => sql.Substring(token.Start, token.Length);

    /// <summary>ANTLR's getErrorDisplay (line breaks and tabs escaped), cut as <see cref="Mismatched"/> cuts a token.</summary>
    private static string ErrorDisplay(string text)
    {
        string shown = text.Length > MaxTokenText ? text[..MaxTokenText] + "…" : text;
        return shown.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
    }

    /// <summary>JsonOperators' cast of a JSON value to a number or boolean: a JSON string fails in VarcharOperators'
    /// words (its text, the type upper case), anything else in the JSON cast's own (the JSON, the type lower case).</summary>
    private static string JsonScalarCast(string json, string? target)
    {
        if (target is null)
        {
            return $"Cannot cast '{json}' to a number";
        }
        if (json.StartsWith('"'))
        {
            string text;
            try
            {
                text = JsonDocument.Parse(json).RootElement.GetString() ?? json;
            }
            catch (JsonException)
            {
                text = json;
            }
            string upper = target switch
            {
                "integer" => "INT",
                "real" => "REAL",
                _ => target.ToUpperInvariant(),
            };
            return $"Cannot cast '{text}' to {upper}";
        }
        return $"Cannot cast '{json}' to {target}";
    }

    /// <summary>The text Jackson's parser gives for a JSON value's first token (JsonToArrayCast's "but got").</summary>
    private static string FirstJsonToken(string json)
    {
        string t = json.TrimStart();
        if (t.Length == 0)
        {
            return t;
        }
        if (t[0] is '{' or '[')
        {
            return t[..1];
        }
        if (t[0] == '"')
        {
            try
            {
                return JsonDocument.Parse(t).RootElement.GetString() ?? t;
            }
            catch (JsonException)
            {
                return t;
            }
        }
        return t;
    }

    /// <summary>The type a CAST of the user's text names (Trino's display: lower case, <c>int</c> as integer), the
    /// innermost cast around <paramref name="offset"/>, else the text's only cast; null when neither.</summary>
    private static string? CastTarget(string sql, int? offset)
    {
        var tokens = TrinoExpressionText.Tokens(sql);
        var casts = new List<(int Start, int End, string Type)>();
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            if (Word(sql, tokens[k]) is not ("cast" or "try_cast") || Word(sql, tokens[k + 1]) != "(")
            {
                continue;
            }
            int depth = 0, asAt = -1, close = -1;
            for (int j = k + 1; j < tokens.Count && close < 0; j++)
            {
                switch (Word(sql, tokens[j]))
                {
                    case "(" or "[":
                        depth++;
                        break;
                    case ")" or "]":
                        depth--;
                        close = depth == 0 ? j : -1;
                        break;
                    case "as" when depth == 1:
                        asAt = j;
                        break;
                }
            }
            if (asAt > 0 && close > asAt + 1)
            {
                casts.Add((tokens[k].Start, tokens[close].End, TypeText(sql, tokens, asAt + 1, close)));
            }
        }
        var around = offset is int at ? casts.Where(c => c.Start <= at && at < c.End).OrderByDescending(c => c.Start).ToList() : [];
        return around.Count > 0 ? around[0].Type : casts.Count == 1 ? casts[0].Type : null;
    }

    private static string TypeText(string sql, List<DuneToken> tokens, int from, int to)
    {
        var text = new StringBuilder();
        for (int k = from; k < to; k++)
        {
            string word = Word(sql, tokens[k]) switch
            {
                "int" => "integer",
                "<" => "(",
                ">" => ")",
                var w => w,
            };
            bool wordAfterWord = k > from && tokens[k].Kind is DuneTokenKind.Word && tokens[k - 1].Kind is DuneTokenKind.Word or DuneTokenKind.Number;
            text.Append(wordAfterWord ? " " : "").Append(word).Append(word == "," ? " " : "");
        }
        return text.ToString();
    }

    /// <summary>The first key repeated among the literal keys of a <c>MAP(ARRAY[…], …)</c> in the user's text, as Trino
    /// writes a key's value (a string without its quotes), or null.</summary>
    private static string? DuplicateKey(string sql)
    {
        var tokens = TrinoExpressionText.Tokens(sql);
        for (int k = 0; k + 3 < tokens.Count; k++)
        {
            if (Word(sql, tokens[k]) != "map" || Word(sql, tokens[k + 1]) != "(" || Word(sql, tokens[k + 2]) != "array" || Word(sql, tokens[k + 3]) != "[")
            {
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int j = k + 4; j < tokens.Count && Word(sql, tokens[j]) != "]"; j++)
            {
                if (Word(sql, tokens[j]) == ",")
                {
                    continue;
                }
                if (LiteralValue(sql, tokens[j]) is not { } value)
                {
                    break;
                }
                if (!seen.Add(value))
                {
                    return value;
                }
            }
        }
        return null;
    }

    private static string? LiteralValue(string sql, DuneToken token) => token.Kind switch
    {
        DuneTokenKind.String when Text(sql, token) is ['\'', .. var inner, '\''] => new string(inner).Replace("''", "'", StringComparison.Ordinal),
        DuneTokenKind.Number => Text(sql, token),
        _ => null,
    };

    /// <summary>The type of the one literal argument of the UNNEST at or after <paramref name="offset"/>, or null.</summary>
    private static string? UnnestArgumentType(string sql, int? offset)
    {
        var tokens = TrinoExpressionText.Tokens(sql);
        int unnest = tokens.FindIndex(t => (offset is not int o || t.End > o) && Word(sql, t) == "unnest");
        if (unnest < 0 || unnest + 1 >= tokens.Count || Word(sql, tokens[unnest + 1]) != "(")
        {
            return null;
        }
        var args = Arguments(sql, tokens, unnest + 1);
        return args is [var (from, to)] ? LiteralType(sql, tokens, from, to) : null;
    }

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
        var tokens = TrinoExpressionText.Tokens(sql);
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

    /// <summary>The length a string literal beside the operator at <paramref name="offset"/> of DuckDB's text has, as
    /// Trino's varchar(n) (the left operand when <paramref name="left"/>), or null when that operand is no string
    /// literal.</summary>
    private static string? StringOperand(string? text, int? offset, bool left)
    {
        if (text is null || offset is not int at)
        {
            return null;
        }
        var tokens = TrinoExpressionText.Tokens(text);
        int op = tokens.FindIndex(t => t.Start == at);
        int k = op < 0 ? -1 : left ? op - 1 : op + 1;
        return k >= 0 && k < tokens.Count ? LiteralType(text, tokens, k, k + 1) is { } type && type.StartsWith("varchar(", StringComparison.Ordinal) ? type : null : null;
    }

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
        if (message == "Invalid Input Error: cardinality takes an array or a map")
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
