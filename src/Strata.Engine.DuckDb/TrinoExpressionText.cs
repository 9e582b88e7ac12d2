using System.Globalization;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>One expression the user wrote, read from their text as Trino's analyzer names it in a message: its text in
/// Trino's ExpressionFormatter forms (a binary operation in parentheses, <c>a || b</c> as <c>concat(a, b)</c>, an
/// ORDER BY key with its ASC, keywords upper case, names as written), its position (Trino's node location: an operator's,
/// a call's name), and the calls inside it (not inside a subquery).</summary>
internal sealed record TrinoExpression(string Text, int Position, string? Call = null, bool Window = false, IReadOnlyList<TrinoExpression>? Children = null)
{
    /// <summary>Every call inside this expression, this one first, in Trino's pre-order.</summary>
    internal IEnumerable<TrinoExpression> Calls()
    {
        if (Call is not null)
        {
            yield return this;
        }
        foreach (var child in Children ?? [])
        {
            foreach (var call in child.Calls())
            {
                yield return call;
            }
        }
    }
}

/// <summary>
/// A small reader of the user's expressions for error messages (decision 226): identifiers, literals, calls with DISTINCT,
/// FILTER and OVER, CAST, the arithmetic, comparison and logical operators, IS [NOT] NULL. Anything else (a subquery, CASE,
/// a lambda) is not read: the reader gives null and the message falls back to one without the expression.
/// </summary>
internal sealed partial class TrinoExpressionText
{
    private readonly string sql;
    private readonly List<DuneToken> tokens;
    private int i;

    private TrinoExpressionText(string sql, List<DuneToken> tokens, int start)
    {
        this.sql = sql;
        this.tokens = tokens;
        i = start;
    }

    /// <summary>The expression starting at token <paramref name="start"/> and the index after it, or null.</summary>
    internal static (TrinoExpression Expression, int End)? Read(string sql, List<DuneToken> tokens, int start)
    {
        var reader = new TrinoExpressionText(sql, tokens, start);
        try
        {
            var expression = reader.Or();
            return expression is null ? null : (expression, reader.i);
        }
        catch (Exception e) when (e is FormatException or InsufficientExecutionStackException)
        {
            // Unreadable, or nested past the thread's stack: the message keeps its other words.
            return null;
        }
    }

    private string Text(int k) => k < tokens.Count ? sql.Substring(tokens[k].Start, tokens[k].Length) : "";

    /// <summary>Whether token k (the current one by default) is <paramref name="word"/>, ignoring case: read in place, as
    /// <see cref="Text"/>'s string would compare (past the end, the empty text).</summary>
    private bool Is(string word, int k = -1)
    {
        int at = k < 0 ? i : k;
        return at < tokens.Count ? sql.AsSpan(tokens[at].Start, tokens[at].Length).Equals(word, StringComparison.OrdinalIgnoreCase) : word.Length == 0;
    }

    private void Expect(string word)
    {
        if (!Is(word))
        {
            throw new FormatException(word);
        }
        i++;
    }

    private TrinoExpression? Or() => Logical("OR", And);

    private TrinoExpression? And() => Logical("AND", Not);

    private TrinoExpression? Logical(string op, Func<TrinoExpression?> next)
    {
        var first = next();
        if (first is null || !Is(op))
        {
            return first;
        }
        var terms = new List<TrinoExpression> { first };
        int at = tokens[i].Start;
        while (Is(op))
        {
            i++;
            terms.Add(next() ?? throw new FormatException(op));
        }
        return new TrinoExpression("(" + string.Join($" {op} ", terms.Select(t => t.Text)) + ")", at, Children: terms);
    }

    private TrinoExpression? Not()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack(); // bare parentheses recurse
        if (Is("not"))
        {
            int at = tokens[i++].Start;
            var value = Not() ?? throw new FormatException("not");
            return new TrinoExpression($"(NOT {value.Text})", at, Children: [value]);
        }
        return Comparison();
    }

    private static readonly string[] Comparisons = ["=", "<>", "!=", "<=", ">=", "<", ">"];

    private TrinoExpression? Comparison()
    {
        var left = Additive();
        if (left is null)
        {
            return null;
        }
        if (Comparisons.FirstOrDefault(c => Is(c)) is { } op)
        {
            int at = tokens[i++].Start;
            var right = Additive() ?? throw new FormatException(op);
            return Binary(op == "!=" ? "<>" : op, left, right, at);
        }
        if (Is("is"))
        {
            int at = tokens[i++].Start;
            bool not = Is("not");
            i += not ? 1 : 0;
            Expect("null");
            return new TrinoExpression($"({left.Text} IS {(not ? "NOT " : "")}NULL)", at, Children: [left]);
        }
        return left;
    }

    private static TrinoExpression Binary(string op, TrinoExpression left, TrinoExpression right, int at) =>
        new($"({left.Text} {op} {right.Text})", at, Children: [left, right]);

    private TrinoExpression? Additive() => Operations(Multiplicative, "+", "-", "||");

    private TrinoExpression? Multiplicative() => Operations(Unary, "*", "/", "%");

    /// <summary>A left-associative chain of the operators of one precedence.</summary>
    private TrinoExpression? Operations(Func<TrinoExpression?> next, params string[] operators)
    {
        var left = next();
        while (left is not null && operators.FirstOrDefault(o => Is(o)) is { } op)
        {
            int at = tokens[i++].Start;
            var right = next() ?? throw new FormatException(op);
            // Trino's parser reads a || b as concat(a, b).
            left = op == "||" ? new TrinoExpression($"concat({left.Text}, {right.Text})", at, Children: [left, right]) : Binary(op, left, right, at);
        }
        return left;
    }

    private TrinoExpression? Unary()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack(); // bare parentheses recurse
        if (Is("-") && i + 1 < tokens.Count && tokens[i + 1].Kind == DuneTokenKind.Number)
        {
            int at = tokens[i].Start;
            i++;
            var number = Primary()!;
            return number with { Text = "-" + number.Text, Position = at };
        }
        if (Is("-"))
        {
            int at = tokens[i++].Start;
            var value = Unary() ?? throw new FormatException("-");
            return new TrinoExpression($"-({value.Text})", at, Children: [value]);
        }
        return Primary();
    }

    private TrinoExpression? Primary()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack(); // bare parentheses recurse
        if (i >= tokens.Count)
        {
            return null;
        }
        var token = tokens[i];
        string text = Text(i);
        switch (token.Kind)
        {
            case DuneTokenKind.Number:
                i++;
                return new TrinoExpression(NumberText(text), token.Start);
            case DuneTokenKind.String:
                i++;
                return new TrinoExpression(text, token.Start);
            case DuneTokenKind.HexBinary:
                i++;
                return new TrinoExpression("X'" + text[2..].ToUpperInvariant() + "'", token.Start);
        }
        if (text == "(")
        {
            i++;
            if (Is("select") || Is("with"))
            {
                throw new FormatException("subquery");
            }
            var inner = Or() ?? throw new FormatException("(");
            Expect(")");
            return inner;
        }
        if (text == "*")
        {
            i++;
            return new TrinoExpression("*", token.Start);
        }
        if (token.Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName) || Is("case") || Is("select") || Is("from"))
        {
            return null;
        }
        if (Is("cast") || Is("try_cast"))
        {
            return Cast();
        }
        if (token.Kind == DuneTokenKind.Word && (Is("true") || Is("false") || Is("null")))
        {
            i++;
            return new TrinoExpression(text.ToLowerInvariant(), token.Start);
        }
        var name = new List<string> { text };
        i++;
        while (Is(".") && i + 1 < tokens.Count && tokens[i + 1].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
        {
            name.Add(Text(i + 1));
            i += 2;
        }
        string written = string.Join('.', name);
        return Is("(") ? CallOf(written, token.Start) : new TrinoExpression(written, token.Start);
    }

    private TrinoExpression Cast()
    {
        int at = tokens[i].Start;
        string word = Text(i).ToUpperInvariant();
        i++;
        Expect("(");
        var value = Or() ?? throw new FormatException("cast");
        Expect("as");
        int typeStart = i, depth = 0;
        while (i < tokens.Count && !(depth == 0 && Is(")")))
        {
            depth += Is("(") ? 1 : Is(")") ? -1 : 0;
            i++;
        }
        string type = string.Join(' ', Enumerable.Range(typeStart, i - typeStart).Select(Text)).Replace(" (", "(", StringComparison.Ordinal)
            .Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);
        Expect(")");
        return new TrinoExpression($"{word}({value.Text} AS {type})", at, Children: [value]);
    }

    private TrinoExpression CallOf(string name, int at)
    {
        Expect("(");
        var args = new List<TrinoExpression>();
        bool distinct = false;
        if (Is("distinct"))
        {
            distinct = true;
            i++;
        }
        if (Is(")"))
        {
            i++;
        }
        else
        {
            while (true)
            {
                args.Add(Or() ?? throw new FormatException("argument"));
                if (Is(","))
                {
                    i++;
                    continue;
                }
                Expect(")");
                break;
            }
        }
        string arguments = args.Count == 0 && name.Equals("count", StringComparison.OrdinalIgnoreCase) ? "*"
            : string.Join(", ", args.Select(a => a.Text));
        string text = $"{name}({(distinct ? "DISTINCT " : "")}{arguments})";
        var children = new List<TrinoExpression>(args);
        if (Is("filter"))
        {
            i++;
            Expect("(");
            Expect("where");
            var filter = Or() ?? throw new FormatException("filter");
            Expect(")");
            text += $" FILTER (WHERE {filter.Text})";
            children.Add(filter);
        }
        bool window = false;
        if (Is("over"))
        {
            i++;
            window = true;
            text += " OVER " + WindowText(children);
        }
        return new TrinoExpression(text, at, name, window, children);
    }
}
