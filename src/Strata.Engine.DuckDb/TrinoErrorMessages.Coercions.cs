using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Decision 242 (dune-registry): type rules of Trino's analyzer that DuckDB does not have, checked on the user's text
/// before translation where every operand is a literal, so the types are certain (ExpressionAnalyzer; the messages are
/// its own). DuckDB would otherwise answer these queries with its implicit casts.
/// <list type="bullet">
/// <item>coerceToSingleType: <c>All COALESCE operands must be the same type: integer</c>, <c>IN value and list items must
/// be the same type: integer</c>, <c>All CASE results must be the same type: varchar(1)</c>, at the first operand of a
/// type with no common super type with those before it (the message names their type).</item>
/// <item>visitNotExpression's coerceType: <c>Value of logical NOT expression must evaluate to a boolean (actual:
/// integer)</c>, at the operand.</item>
/// <item>A varbinary literal compared with a string literal: <c>Cannot apply operator: varbinary = varchar(4)</c>, at the
/// operator (OperatorNotFoundException, as TrinoErrorMessages.Binder.cs words it for DuckDB's refusals).</item>
/// <item>An interval literal whose unit is no interval field of Trino's grammar (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND):
/// <c>INTERVAL '1' WEEK</c>, <c>INTERVAL '1' DAYS</c> are parse errors, <c>mismatched input 'WEEK'</c>.</item>
/// </list>
/// Any operand that is no literal leaves the query to the engine as before.
/// </summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>The words before a literal that make it a whole operand of a comparison, NOT or IN.</summary>
    private static readonly HashSet<string> OperandStarts = ["(", ",", "select", "where", "and", "or", "not", "when", "then", "else", "on", "having"];

    /// <summary>The words after a literal that end the operand it is.</summary>
    private static readonly HashSet<string> OperandEnds = [")", ",", ";", "and", "or", "then", "else", "end", "when", "from", "where", "group", "order", "having", "limit", "union", "except", "intersect", "as"];

    /// <summary>Units DuckDB reads in an interval literal that Trino's grammar does not have (its intervalField).</summary>
    private static readonly HashSet<string> NoIntervalField = ["week", "weeks", "years", "months", "days", "hours", "minutes", "seconds", "quarter", "quarters", "millisecond", "milliseconds", "microsecond", "microseconds", "decade", "century", "millennium"];

    /// <summary>The comparison operators.</summary>
    private static readonly HashSet<string> Comparisons = ["=", "<>", "!=", "<", ">", "<=", ">="];

    /// <summary>Trino's refusal of the first operand of literals of types that do not go together, or null.</summary>
    internal static ExecutionError? LiteralTypeMismatch(string sql, List<DuneToken> all)
    {
        var tokens = DuneLexer.NonTrivia(all);
        // Every statement passes here: each token's lower-cased text is cut once, and is the next token's "before".
        string before = "(";
        for (int k = 0; k < tokens.Count; k++)
        {
            string w = Word(sql, tokens[k]);
            ExecutionError? error = w switch
            {
                "coalesce" when before != "." && k + 1 < tokens.Count && Word(sql, tokens[k + 1]) == "(" =>
                    SingleType(sql, tokens, LiteralList(sql, tokens, k + 1), "All COALESCE operands must be the same type"),
                "in" when k + 1 < tokens.Count && Word(sql, tokens[k + 1]) == "(" => InList(sql, tokens, k),
                "case" => SingleType(sql, tokens, LiteralResults(sql, tokens, k), "All CASE results must be the same type"),
                "not" when before != "is" => NotOperand(sql, tokens, k),
                "interval" when k + 2 < tokens.Count && tokens[k + 1].Kind == DuneTokenKind.String && tokens[k + 2].Kind == DuneTokenKind.Word
                    && NoIntervalField.Contains(Word(sql, tokens[k + 2])) =>
                    At(new ExecutionError(ExecutionError.SyntaxError, $"mismatched input '{Text(sql, tokens[k + 2])}'"), sql, tokens[k + 2].Start),
                _ when Comparisons.Contains(w) => ComparedLiterals(sql, tokens, k),
                _ => null,
            };
            if (error is not null)
            {
                return error;
            }
            before = w;
        }
        return null;
    }

    /// <summary>Whether the token at <paramref name="k"/> starts an operand (what comes before it ends one).</summary>
    private static bool StartsOperand(string sql, List<DuneToken> tokens, int k) => k == 0 || OperandStarts.Contains(Word(sql, tokens[k - 1]));

    /// <summary>Whether the token at <paramref name="k"/> ends an operand (what comes after it starts none).</summary>
    private static bool EndsOperand(string sql, List<DuneToken> tokens, int k) => k + 1 >= tokens.Count || OperandEnds.Contains(Word(sql, tokens[k + 1]));

    /// <summary>The literal at <paramref name="k"/> (one token, a negative number, DATE '…'): its end, or -1.</summary>
    private static int LiteralEnd(string sql, List<DuneToken> tokens, int k)
    {
        for (int to = k + 1; to <= Math.Min(k + 2, tokens.Count); to++)
        {
            if (LiteralType(sql, tokens, k, to) is not null)
            {
                return to;
            }
        }
        return -1;
    }

    /// <summary>The items of the parenthesised list at <paramref name="open"/> when each is a literal, or null (read no
    /// further than the first item that is none, so nested calls cost no rescan).</summary>
    private static List<(int From, int To)>? LiteralList(string sql, List<DuneToken> tokens, int open)
    {
        var items = new List<(int, int)>();
        for (int k = open + 1; k < tokens.Count; k++)
        {
            int to = LiteralEnd(sql, tokens, k);
            if (to < 0 || to >= tokens.Count)
            {
                return null;
            }
            items.Add((k, to));
            string next = Word(sql, tokens[to]);
            if (next == ")")
            {
                return items;
            }
            if (next != ",")
            {
                return null;
            }
            k = to;
        }
        return null;
    }

    /// <summary>The results of the CASE at <paramref name="at"/> (after each THEN and the ELSE) when each is a literal,
    /// or null; a CASE inside it stops the scan (so nested CASEs are read once).</summary>
    private static List<(int From, int To)>? LiteralResults(string sql, List<DuneToken> tokens, int at)
    {
        var results = new List<(int, int)>();
        int depth = 0;
        for (int k = at + 1; k < tokens.Count; k++)
        {
            string w = Word(sql, tokens[k]);
            if (w == "case")
            {
                return null;
            }
            depth += w is "(" or "[" ? 1 : w is ")" or "]" ? -1 : 0;
            if (depth < 0)
            {
                return null;
            }
            if (depth > 0)
            {
                continue;
            }
            if (w == "end")
            {
                return results;
            }
            if (w is "then" or "else")
            {
                int to = k + 1 < tokens.Count ? LiteralEnd(sql, tokens, k + 1) : -1;
                if (to < 0 || to >= tokens.Count || Word(sql, tokens[to]) is not ("when" or "else" or "end"))
                {
                    return null;
                }
                results.Add((k + 1, to));
                k = to - 1;
            }
        }
        return null;
    }

    /// <summary>coerceToSingleType over <paramref name="values"/> when each is a literal.</summary>
    private static ExecutionError? SingleType(string sql, List<DuneToken> tokens, List<(int From, int To)>? values, string message)
    {
        if (values is null || values.Count < 2)
        {
            return null;
        }
        var types = new List<string>();
        foreach (var (from, to) in values)
        {
            if (to <= from || ValueType(sql, tokens, from, to) is not { } type)
            {
                return null;
            }
            types.Add(type);
        }
        string? super = null;
        for (int v = 0; v < values.Count; v++)
        {
            string type = types[v];
            if (type == "unknown")
            {
                continue;
            }
            if (super is not null && Kind(type) != Kind(super))
            {
                return CertainKind(super) && CertainKind(type)
                    ? At(new ExecutionError(ExecutionError.ExecutionFailed, $"{message}: {super}"), sql, tokens[values[v].From].Start)
                    : null;
            }
            if (super is not null && type != super && Kind(type) != "text")
            {
                return null; // integer and decimal(2, 1) before: their common type is not read here
            }
            super = super is null || Length(type) > Length(super) ? type : super;
        }
        return null;
    }

    /// <summary>The kinds whose values Trino's TypeCoercion never gives a common type with another kind's.</summary>
    private static bool CertainKind(string type) => Kind(type) is "number" or "text" or "boolean" or "varbinary" or "date";

    /// <summary><c>1 IN ('a')</c>, <c>1 NOT IN ('a')</c>: the value and the list items.</summary>
    private static ExecutionError? InList(string sql, List<DuneToken> tokens, int inAt)
    {
        int value = inAt > 0 && Word(sql, tokens[inAt - 1]) == "not" ? inAt - 2 : inAt - 1;
        if (value < 0 || !StartsOperand(sql, tokens, value) || LiteralList(sql, tokens, inAt + 1) is not { } items)
        {
            return null;
        }
        return SingleType(sql, tokens, [(value, value + 1), .. items], "IN value and list items must be the same type");
    }

    /// <summary><c>NOT 1</c>: the operand a literal of a type other than boolean.</summary>
    private static ExecutionError? NotOperand(string sql, List<DuneToken> tokens, int notAt)
    {
        int k = notAt + 1;
        if (k >= tokens.Count || tokens[k].Kind is not (DuneTokenKind.Number or DuneTokenKind.String or DuneTokenKind.HexBinary)
            || !EndsOperand(sql, tokens, k)
            || LiteralType(sql, tokens, k, k + 1) is not { } type || type is "boolean" or "unknown")
        {
            return null;
        }
        return At(new ExecutionError(ExecutionError.ExecutionFailed, $"Value of logical NOT expression must evaluate to a boolean (actual: {type})"), sql, tokens[k].Start);
    }

    /// <summary><c>0x01 = '0x01'</c>: a varbinary literal compared with a string literal.</summary>
    private static ExecutionError? ComparedLiterals(string sql, List<DuneToken> tokens, int op)
    {
        if (op == 0 || op + 1 >= tokens.Count || !StartsOperand(sql, tokens, op - 1) || !EndsOperand(sql, tokens, op + 1))
        {
            return null;
        }
        var (left, right) = (tokens[op - 1].Kind, tokens[op + 1].Kind);
        if (!(left == DuneTokenKind.HexBinary && right == DuneTokenKind.String || left == DuneTokenKind.String && right == DuneTokenKind.HexBinary)
            || LiteralType(sql, tokens, op - 1, op) is not { } a || LiteralType(sql, tokens, op + 1, op + 2) is not { } b)
        {
            return null;
        }
        return At(new ExecutionError(ExecutionError.ExecutionFailed, $"Cannot apply operator: {a} {TrinoComparisonOperator(Text(sql, tokens[op]))} {b}"), sql, tokens[op].Start);
    }
}
