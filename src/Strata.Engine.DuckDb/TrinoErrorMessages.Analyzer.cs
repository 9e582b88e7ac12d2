using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// DuckDB's binder and parser refusals that Trino's analyzer words with what the user wrote (decision 226): the message is
/// read again from the user's own text, where DuckDB names nothing or only its own terms, and placed where Trino places
/// it (TestAnalyzer's positions: an aggregation at its name, a WHERE predicate at its root operator, a window frame at
/// ROWS/RANGE/GROUPS, a select-list ordinal at its literal).
/// <list type="bullet">
/// <item>AggregationAnalyzer: <c>Cannot nest aggregations inside aggregation 'sum': [count(*)]</c>, <c>Cannot nest window
/// functions or row pattern measures inside aggregation 'avg': [lag(p) OVER (ORDER BY t ASC)]</c>.</item>
/// <item>StatementAnalyzer: <c>WHERE clause cannot contain aggregations, window functions or grouping operations: [...]</c>,
/// the same of GROUP BY, <c>GROUP BY position 5 is not in select list</c>, <c>ORDER BY position 5 is not in select
/// list</c>.</item>
/// <item>ExpressionAnalyzer's window frames: <c>Window frame start cannot be UNBOUNDED FOLLOWING</c> and the rest.</item>
/// <item>Literals: <c>'2024-13-01' is not a valid date literal</c> (and timestamp, time, json).</item>
/// </list>
/// </summary>
internal static partial class TrinoErrorMessages
{
    [GeneratedRegex(@"(?:GROUP BY|ORDER) term out of range - should be between 1 and (?<n>\d+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex OrdinalOutOfRange();

    [GeneratedRegex(@"^Binder Error: column (?<c>\S+) must appear in the GROUP BY clause or be used in an aggregate function", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex HavingNotGrouped();

    [GeneratedRegex(@"^(?:Value cannot be cast to (?<t>date|timestamp|time): (?<v>.*)|Conversion Error: time field value out of range: ""(?<v>.*)"", expected format is .*)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex UnreadableTemporal();

    [GeneratedRegex(@"^Invalid Input Error: Malformed JSON at byte \d+ of input: .*?\.  Input: ""(?<v>.*)""$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Singleline)]
    private static partial Regex MalformedJson();

    [GeneratedRegex(@"^Catalog Error: SHOW TABLES FROM: No catalog \+ schema named ""(?<c>[^"".]*)\.(?<s>[^""]*)"" found\.", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ShowTablesUnknown();

    /// <summary>Trino's error for a DuckDB refusal that the user's text explains, or null.</summary>
    private static ExecutionError? FromUserText(ExecutionError error, string userSql)
    {
        string message = error.Message;
        if (message.Contains("aggregate function calls cannot be nested", StringComparison.Ordinal)
            || message.Contains("aggregate function calls cannot contain window function calls", StringComparison.Ordinal))
        {
            return NestedInAggregation(error, userSql);
        }
        if (message.StartsWith("Binder Error: WHERE clause cannot contain ", StringComparison.Ordinal))
        {
            return NotScalar(error, userSql, "where", "WHERE clause");
        }
        if (message.Contains("GROUP BY clause cannot contain aggregates", StringComparison.Ordinal))
        {
            return NotScalar(error, userSql, "group", "GROUP BY clause");
        }
        if (OrdinalOutOfRange().Match(message) is { Success: true } ordinal)
        {
            return OrdinalNotInSelectList(error, userSql, message.Contains("GROUP BY", StringComparison.Ordinal) ? "group" : "order",
                int.Parse(ordinal.Groups["n"].Value, CultureInfo.InvariantCulture));
        }
        if (HavingNotGrouped().Match(message) is { Success: true } having)
        {
            // Trino checks the select list before HAVING: the column where the select list names it, else in HAVING.
            string column = having.Groups["c"].Value;
            var tokens = DuneLexer.NonTrivia(userSql);
            int clause = tokens.FindIndex(t => IsWord(userSql, t, "having")), select = clause < 0 ? -1 : SelectOf(userSql, tokens, clause);
            int from = select < 0 ? -1 : tokens.FindIndex(select, t => IsWord(userSql, t, "from"));
            bool Named(DuneToken t) => userSql.AsSpan(t.Start, t.Length).Equals(column, StringComparison.OrdinalIgnoreCase);
            int at = select < 0 || from < 0 ? -1 : tokens.FindIndex(select, from - select, Named);
            at = at >= 0 || clause < 0 ? at : tokens.FindIndex(clause, Named);
            return At(error with { Message = $"'{column}' must be an aggregate expression or appear in GROUP BY clause" }, userSql, at < 0 ? null : tokens[at].Start);
        }
        if (message.StartsWith("Parser Error: frame ", StringComparison.Ordinal) || message.Contains("RANGE frames must have only one ORDER BY expression", StringComparison.Ordinal))
        {
            return WindowFrame(error, userSql);
        }
        if (message == "Parser Error: SELECT clause without selection list")
        {
            // Trino's parser stops at the token where the select list should begin.
            var tokens = DuneLexer.NonTrivia(userSql);
            int select = tokens.FindIndex(t => IsWord(userSql, t, "select"));
            return select < 0 ? null : select + 1 < tokens.Count
                ? At(error with { Message = Mismatched(userSql.Substring(tokens[select + 1].Start, tokens[select + 1].Length)) }, userSql, tokens[select + 1].Start)
                : At(error with { Message = "mismatched input '<EOF>'" }, userSql, userSql.TrimEnd().Length);
        }
        if (message == "Binder Error: LIMIT/OFFSET cannot be negative")
        {
            // Trino's grammar: LIMIT and OFFSET take an integer or ALL (FETCH FIRST n too); a sign is no part of it.
            var tokens = DuneLexer.NonTrivia(userSql);
            for (int k = 0; k + 1 < tokens.Count; k++)
            {
                if (IsWord(userSql, tokens[k], "limit", "offset") && IsWord(userSql, tokens[k + 1], "-"))
                {
                    return At(error with { Type = ExecutionError.SyntaxError, Message = "mismatched input '-'" }, userSql, tokens[k + 1].Start);
                }
            }
        }
        if (UnreadableTemporal().Match(message) is { Success: true } temporal)
        {
            string type = temporal.Groups["t"].Success ? temporal.Groups["t"].Value : "time";
            return Literal(error, userSql, type, temporal.Groups["v"].Value)
                ?? (type == "time" ? error with { Message = $"Value cannot be cast to time: {temporal.Groups["v"].Value}" } : null);
        }
        if (MalformedJson().Match(message) is { Success: true } json)
        {
            // A JSON literal (json_parse's own failure is Trino's words already, DuneFunctions' template).
            return Literal(error, userSql, "json", json.Groups["v"].Value);
        }
        if (ShowTablesUnknown().Match(message) is { Success: true } show)
        {
            // ShowQueriesRewrite: an unknown catalog, else an unknown schema (its name alone), at the statement.
            var tokens = DuneLexer.NonTrivia(userSql);
            int from = tokens.FindIndex(t => IsWord(userSql, t, "from"));
            bool qualified = from >= 0 && from + 2 < tokens.Count && IsWord(userSql, tokens[from + 2], ".");
            string catalog = show.Groups["c"].Value, schema = show.Groups["s"].Value;
            return At(error with
            {
                Message = qualified && !DuneCatalogs.Contains(catalog) ? $"Catalog '{catalog.ToLowerInvariant()}' not found" : $"Schema '{schema.ToLowerInvariant()}' does not exist",
            }, userSql, tokens.Count > 0 ? tokens[0].Start : null);
        }
        return LeakFromUserText(error, userSql);
    }

    /// <summary>The catalogs a DuneSQL name may start with.</summary>
    private static readonly HashSet<string> DuneCatalogs = new(StringComparer.OrdinalIgnoreCase) { "dune", DuneCatalog };

    /// <summary>Whether the token's text, lower-cased char by char as <see cref="string.ToLowerInvariant()"/> does, is one of
    /// <paramref name="words"/> (each lower case): read in place, with no string made per token.</summary>
    private static bool IsWord(string sql, DuneToken token, params ReadOnlySpan<string> words)
    {
        var text = sql.AsSpan(token.Start, token.Length);
        foreach (string word in words)
        {
            if (text.Length == word.Length && LowerEquals(text, word))
            {
                return true;
            }
        }
        return false;
    }

    private static bool LowerEquals(ReadOnlySpan<char> text, string word)
    {
        for (int k = 0; k < word.Length; k++)
        {
            if (char.ToLowerInvariant(text[k]) != word[k])
            {
                return false;
            }
        }
        return true;
    }

    private static ExecutionError At(ExecutionError error, string sql, int? offset)
    {
        if (offset is not int at)
        {
            return error;
        }
        var (line, column) = Strata.Core.Queries.ParameterSubstitution.LineColumnOf(sql, at);
        return error with { Line = line, Column = column };
    }

    /// <summary>Whether a call is an aggregation (an aggregate function without OVER).</summary>
    private static bool IsAggregation(TrinoExpression call) => !call.Window && DuneSqlTranslator.IsAggregateName(call.Call!);

    /// <summary>AggregationAnalyzer's check, on the first aggregation in the text that holds an aggregation or a window.</summary>
    private static ExecutionError NestedInAggregation(ExecutionError error, string sql)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            if (tokens[k].Kind != DuneTokenKind.Word || !IsWord(sql, tokens[k + 1], "(") || !DuneSqlTranslator.IsAggregateName(sql.AsSpan(tokens[k].Start, tokens[k].Length)))
            {
                continue;
            }
            if (TrinoExpressionText.Read(sql, tokens, k) is not { Expression: { Call: not null } call } || !IsAggregation(call))
            {
                continue;
            }
            var inner = call.Children!.SelectMany(c => c.Calls()).ToList();
            string name = call.Call.ToLowerInvariant();
            if (inner.Where(IsAggregation).ToList() is { Count: > 0 } aggregations)
            {
                return At(error with { Message = $"Cannot nest aggregations inside aggregation '{name}': [{string.Join(", ", aggregations.Select(a => a.Text))}]" }, sql, call.Position);
            }
            if (inner.Where(c => c.Window).ToList() is { Count: > 0 } windows)
            {
                return At(error with { Message = $"Cannot nest window functions or row pattern measures inside aggregation '{name}': [{string.Join(", ", windows.Select(w => w.Text))}]" }, sql, call.Position);
            }
        }
        return error with
        {
            Message = error.Message.Contains("window", StringComparison.Ordinal)
                ? "Cannot nest window functions or row pattern measures inside aggregation"
                : "Cannot nest aggregations inside aggregation",
        };
    }

    /// <summary>StatementAnalyzer's verifyNoAggregateWindowOrGroupingFunctions of a WHERE or GROUP BY clause: the aggregations,
    /// then the windows, at the clause's expression.</summary>
    private static ExecutionError NotScalar(ExecutionError error, string sql, string clause, string name)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            int start = k + (clause == "group" ? 2 : 1);
            if (!IsWord(sql, tokens[k], clause) || (clause == "group" && !IsWord(sql, tokens[k + 1], "by")))
            {
                continue;
            }
            int end = start;
            var expressions = new List<TrinoExpression>();
            List<TrinoExpression>? selectItems = null; // read once for the clause: per ordinal it made thousands of ordinals quadratic
            while (TrinoExpressionText.Read(sql, tokens, end) is { } read)
            {
                var expression = read.Expression;
                if (clause == "group" && expression.Call is null && tokens[end].Kind == DuneTokenKind.Number
                    && int.TryParse(expression.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int ordinal)
                    && ordinal >= 1 && ordinal <= (selectItems ??= SelectItems(sql, tokens, k)).Count)
                {
                    expression = selectItems[ordinal - 1]; // GROUP BY 1 groups by the first select item
                }
                expressions.Add(expression);
                end = read.End;
                if (clause != "group" || end >= tokens.Count || !IsWord(sql, tokens[end], ","))
                {
                    break;
                }
                end++;
            }
            var seen = new HashSet<TrinoExpression>(ReferenceEqualityComparer.Instance);
            foreach (var expression in expressions)
            {
                if (!seen.Add(expression))
                {
                    continue; // an ordinal repeated reads its item once
                }
                var calls = expression.Calls().ToList();
                var found = calls.Where(IsAggregation).Concat(calls.Where(c => c.Window)).ToList();
                if (found.Count > 0)
                {
                    return At(error with { Message = $"{name} cannot contain aggregations, window functions or grouping operations: [{string.Join(", ", found.Select(f => f.Text))}]" },
                        sql, expression.Position);
                }
            }
        }
        return error with { Message = $"{name} cannot contain aggregations, window functions or grouping operations" };
    }

    /// <summary>The select items of the SELECT before token <paramref name="before"/> at its depth, in order, as far as they
    /// read (none when there is no such SELECT).</summary>
    private static List<TrinoExpression> SelectItems(string sql, List<DuneToken> tokens, int before)
    {
        var items = new List<TrinoExpression>();
        int select = SelectOf(sql, tokens, before);
        if (select < 0)
        {
            return items;
        }
        int k = select + 1;
        if (k < tokens.Count && IsWord(sql, tokens[k], "distinct", "all"))
        {
            k++;
        }
        while (k < tokens.Count && TrinoExpressionText.Read(sql, tokens, k) is { } read)
        {
            items.Add(read.Expression);
            k = read.End;
            while (k < tokens.Count && !IsWord(sql, tokens[k], ",", "from"))
            {
                k++; // an alias
            }
            if (k >= tokens.Count || !IsWord(sql, tokens[k], ","))
            {
                break;
            }
            k++;
        }
        return items;
    }

    /// <summary>The SELECT keyword whose query a clause keyword at token <paramref name="at"/> belongs to (the nearest before it
    /// at the same parenthesis depth), or -1.</summary>
    private static int SelectOf(string sql, List<DuneToken> tokens, int at)
    {
        int depth = 0;
        for (int k = at - 1; k >= 0; k--)
        {
            if (IsWord(sql, tokens[k], ")"))
            {
                depth++;
            }
            else if (IsWord(sql, tokens[k], "("))
            {
                if (depth == 0)
                {
                    return -1;
                }
                depth--;
            }
            else if (IsWord(sql, tokens[k], "select") && depth == 0)
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>StatementAnalyzer's ordinal check: the first GROUP BY or query ORDER BY item that is an integer outside 1..n.</summary>
    private static ExecutionError OrdinalNotInSelectList(ExecutionError error, string sql, string clause, int count)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        for (int k = 0; k + 2 < tokens.Count; k++)
        {
            if (!IsWord(sql, tokens[k], clause) || !IsWord(sql, tokens[k + 1], "by") || SelectOf(sql, tokens, k) < 0)
            {
                continue;
            }
            int item = k + 2;
            while (item < tokens.Count)
            {
                if (tokens[item].Kind == DuneTokenKind.Number && (item + 1 >= tokens.Count || !IsWord(sql, tokens[item + 1], ".", "(", "+", "-", "*", "/"))
                    && long.TryParse(sql.AsSpan(tokens[item].Start, tokens[item].Length), NumberStyles.None, CultureInfo.InvariantCulture, out long ordinal) && (ordinal < 1 || ordinal > count))
                {
                    return At(error with { Message = $"{(clause == "group" ? "GROUP BY" : "ORDER BY")} position {ordinal} is not in select list" }, sql, tokens[item].Start);
                }
                if (TrinoExpressionText.Read(sql, tokens, item) is not { } read)
                {
                    break;
                }
                item = read.End;
                while (item < tokens.Count && IsWord(sql, tokens[item], "asc", "desc", "nulls", "first", "last"))
                {
                    item++;
                }
                if (item >= tokens.Count || !IsWord(sql, tokens[item], ","))
                {
                    break;
                }
                item++;
            }
        }
        return error with { Message = $"{(clause == "group" ? "GROUP BY" : "ORDER BY")} position is not in select list" };
    }

    /// <summary>Trino's words for a <c>DATE '…'</c> (TIMESTAMP, TIME, JSON) literal of the user's that holds
    /// <paramref name="value"/> (ExpressionAnalyzer: "'x' is not a valid date literal", at the literal), or null when the
    /// text has none (the value came from elsewhere: a cast's words stand).</summary>
    private static ExecutionError? Literal(ExecutionError error, string sql, string type, string value)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            if (tokens[k].Kind == DuneTokenKind.Word && IsWord(sql, tokens[k], type) && tokens[k + 1].Kind == DuneTokenKind.String
                && (k == 0 || !IsWord(sql, tokens[k - 1], ".", "as")))
            {
                string text = sql.Substring(tokens[k + 1].Start + 1, Math.Max(0, tokens[k + 1].Length - 2)).Replace("''", "'", StringComparison.Ordinal);
                bool same = value.EndsWith("...", StringComparison.Ordinal) ? text.StartsWith(value[..^3], StringComparison.Ordinal) : text == value || text.Trim() == value;
                if (same)
                {
                    return At(new ExecutionError(ExecutionError.ExecutionFailed, $"'{text}' is not a valid {type} literal", error.Line, error.Column), sql, tokens[k].Start);
                }
            }
        }
        return null;
    }
}
