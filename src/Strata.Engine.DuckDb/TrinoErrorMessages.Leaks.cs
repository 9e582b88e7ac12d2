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
        var tokens = DuneLexer.NonTrivia(userSql);
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
            // Since the merges of 331-334 DuckDB's error for `CAST(ROW(1, 2) AS ROW(a integer))` carries no position (333's
            // subscript form of hoisted fields is the likely cause, not proven): then the text's cast, if it has only one.
            int cast = offset is int o ? tokens.FindLastIndex(t => t.Start <= o && Word(userSql, t) is "cast" or "try_cast") : -1;
            if (cast < 0 && tokens.FindAll(t => Word(userSql, t) is "cast" or "try_cast") is { Count: 1 } only)
            {
                cast = tokens.FindIndex(t => t.Start == only[0].Start);
            }
            return At(error with { Message = $"Cannot cast {DuckDbTypes.DuneName(rows.Groups["a"].Value)} to {DuckDbTypes.DuneName(rows.Groups["b"].Value)}" },
                userSql, cast < 0 ? null : tokens[cast].Start);
        }
        if (MissingRowField().Match(message) is { Success: true } field)
        {
            // ExpressionAnalyzer.visitDereferenceExpression: no field of the row has the name: missingAttributeException of
            // the dereference's qualified name (SemanticExceptions: "Column '%s' cannot be resolved"), at the dereference.
            // DuckDB names the key (or, for a row of unnamed fields, none) but not where: the user's dotted name reading it
            // (decision 342); when the base is no name, its qualified name is null in Trino's words.
            string? key = field.Groups["k"].Success ? field.Groups["k"].Value : null;
            return MissingFieldReference(userSql, tokens, key) is { } reference
                ? At(error with { Message = $"Column '{reference.Name}' cannot be resolved" }, userSql, reference.At)
                : error with { Message = "Column 'null' cannot be resolved" };
        }
        if (Unterminated().IsMatch(message) && offset is int quote && quote < userSql.Length)
        {
            return error with { Type = ExecutionError.SyntaxError, Message = $"token recognition error at: '{ErrorDisplay(userSql[quote..])}'" };
        }
        return MixedFromUserText(error, userSql, offset, tokens);
    }

    private static string Text(string sql, DuneToken token) => sql.Substring(token.Start, token.Length);

    /// <summary>DuckDB's refusal of a field a row does not have: by its name, or any name of a row of unnamed fields.</summary>
    [GeneratedRegex(@"^Binder Error: (?:Could not find key ""(?<k>[^""]*)"" in struct|struct_extract with a string key cannot be used on an unnamed struct)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex MissingRowField();

    /// <summary>The first dotted name of the user's text that reads the missing field: one whose part after its first is
    /// the key (the name up to that part, lower case as Trino's QualifiedName prints it); for a row of unnamed fields (no
    /// key), the first whose base is a lambda's parameter. Null when none.</summary>
    private static (string Name, int At)? MissingFieldReference(string userSql, List<DuneToken> tokens, string? key)
    {
        HashSet<string>? parameters = null;
        for (int k = 0; k < tokens.Count; k++)
        {
            if (!IsNameToken(userSql, tokens[k]) || (k > 0 && Word(userSql, tokens[k - 1]) == "."))
            {
                continue;
            }
            var parts = new List<string> { Unquoted(userSql, tokens[k]) };
            for (int d = k + 1; d + 1 < tokens.Count && Word(userSql, tokens[d]) == "." && IsNameToken(userSql, tokens[d + 1]); d += 2)
            {
                parts.Add(Unquoted(userSql, tokens[d + 1]));
                if (key is not null && parts[^1].Equals(key, StringComparison.OrdinalIgnoreCase) && !(d + 2 < tokens.Count && Word(userSql, tokens[d + 2]) == "("))
                {
                    return (string.Join('.', parts).ToLowerInvariant(), tokens[k].Start);
                }
            }
            if (key is null && parts.Count >= 2 && (parameters ??= LambdaParameters(userSql, tokens)).Contains(parts[0]))
            {
                return (string.Join('.', parts.Take(2)).ToLowerInvariant(), tokens[k].Start);
            }
        }
        return null;
    }

    /// <summary>The names before each <c>-></c> of the text (<c>x -></c>, <c>(x, y) -></c>).</summary>
    private static HashSet<string> LambdaParameters(string userSql, List<DuneToken> tokens)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int k = 1; k < tokens.Count; k++)
        {
            if (Word(userSql, tokens[k]) != "->")
            {
                continue;
            }
            for (int p = k - 1; p >= 0 && (IsNameToken(userSql, tokens[p]) || Word(userSql, tokens[p]) is "," or "(" or ")"); p--)
            {
                if (IsNameToken(userSql, tokens[p]))
                {
                    names.Add(Unquoted(userSql, tokens[p]));
                }
                if (Word(userSql, tokens[p]) == "(" || (p == k - 1 && IsNameToken(userSql, tokens[p])))
                {
                    break;
                }
            }
        }
        return names;
    }

    private static bool IsNameToken(string sql, DuneToken token) =>
        token.Kind == DuneTokenKind.Word || (token.Kind == DuneTokenKind.QuotedName && sql[token.Start] == '"');

    private static string Unquoted(string sql, DuneToken token) =>
        sql[token.Start] == '"' ? Text(sql, token)[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : Text(sql, token);

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
        var tokens = DuneLexer.NonTrivia(sql);
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
        var tokens = DuneLexer.NonTrivia(sql);
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

    /// <summary>A token's text in lower case, for the error paths of this file and TrinoErrorMessages.Mixed.cs (they run
    /// once per failed statement; the analyzer's hot paths compare in place with <see cref="IsWord"/>).</summary>
    private static string Word(string sql, DuneToken token) => sql.Substring(token.Start, token.Length).ToLowerInvariant();

    /// <summary>The type of the one literal argument of the UNNEST at or after <paramref name="offset"/>, or null.</summary>
    private static string? UnnestArgumentType(string sql, int? offset)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        int unnest = tokens.FindIndex(t => (offset is not int o || t.End > o) && Word(sql, t) == "unnest");
        if (unnest < 0 || unnest + 1 >= tokens.Count || Word(sql, tokens[unnest + 1]) != "(")
        {
            return null;
        }
        var args = Arguments(sql, tokens, unnest + 1);
        return args is [var (from, to)] ? LiteralType(sql, tokens, from, to) : null;
    }

}
