using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>Trino's window frame rules (ExpressionAnalyzer's analyzeWindowFrame) on the user's text.</summary>
internal static partial class TrinoErrorMessages
{
    /// <summary>ExpressionAnalyzer's analyzeWindowFrame, in its order, on the first frame of the text that breaks a rule.</summary>
    private static ExecutionError WindowFrame(ExecutionError error, string sql)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            bool over = IsWord(sql, tokens[k], "over") && IsWord(sql, tokens[k + 1], "(");
            bool named = IsWord(sql, tokens[k], "as") && IsWord(sql, tokens[k + 1], "(") && k >= 2 && IsWord(sql, tokens[k - 2], "window");
            if ((over || named) && FrameRule(sql, tokens, k + 1) is { } broken)
            {
                return At(error with { Message = broken.Message }, sql, broken.At);
            }
        }
        return error;
    }

    private enum Bound { UnboundedPreceding, Preceding, CurrentRow, Following, UnboundedFollowing }

    /// <summary>The rule the window specification opening at token <paramref name="open"/> breaks, with its position, or null.</summary>
    private static (string Message, int At)? FrameRule(string sql, List<DuneToken> tokens, int open)
    {
        int depth = 0, orderBy = -1, orderItems = 0, frame = -1;
        int close = open;
        for (int k = open; k < tokens.Count; k++)
        {
            var token = tokens[k];
            depth += IsWord(sql, token, "(") ? 1 : IsWord(sql, token, ")") ? -1 : 0;
            if (depth == 0)
            {
                close = k;
                break;
            }
            if (depth != 1)
            {
                continue;
            }
            if (IsWord(sql, token, "order") && k + 1 < tokens.Count && IsWord(sql, tokens[k + 1], "by") && frame < 0)
            {
                orderBy = k;
                orderItems = 1;
            }
            else if (IsWord(sql, token, ",") && orderBy >= 0 && frame < 0)
            {
                orderItems++;
            }
            else if (IsWord(sql, token, "rows", "range", "groups") && frame < 0)
            {
                frame = k;
            }
        }
        if (frame < 0)
        {
            return null;
        }
        var bounds = new List<Bound>();
        for (int k = frame + 1; k < close; k++)
        {
            bool unbounded = IsWord(sql, tokens[k - 1], "unbounded");
            if (IsWord(sql, tokens[k], "preceding"))
            {
                bounds.Add(unbounded ? Bound.UnboundedPreceding : Bound.Preceding);
            }
            else if (IsWord(sql, tokens[k], "following"))
            {
                bounds.Add(unbounded ? Bound.UnboundedFollowing : Bound.Following);
            }
            else if (IsWord(sql, tokens[k], "row") && IsWord(sql, tokens[k - 1], "current"))
            {
                bounds.Add(Bound.CurrentRow);
            }
        }
        if (bounds.Count == 0)
        {
            return null;
        }
        Bound start = bounds[0], end = bounds.Count > 1 ? bounds[1] : Bound.CurrentRow;
        int at = tokens[frame].Start;
        string? rule = (start, end) switch
        {
            (Bound.UnboundedFollowing, _) => "Window frame start cannot be UNBOUNDED FOLLOWING",
            (_, Bound.UnboundedPreceding) => "Window frame end cannot be UNBOUNDED PRECEDING",
            (Bound.CurrentRow, Bound.Preceding) => "Window frame starting from CURRENT ROW cannot end with PRECEDING",
            (Bound.Following, Bound.Preceding) => "Window frame starting from FOLLOWING cannot end with PRECEDING",
            (Bound.Following, Bound.CurrentRow) => "Window frame starting from FOLLOWING cannot end with CURRENT ROW",
            _ => null,
        };
        if (rule is not null)
        {
            return (rule, at);
        }
        bool offset = start is Bound.Preceding or Bound.Following || end is Bound.Preceding or Bound.Following;
        if (IsWord(sql, tokens[frame], "range") && offset)
        {
            if (orderBy < 0)
            {
                return ("Window frame of type RANGE PRECEDING or FOLLOWING requires ORDER BY", at);
            }
            if (orderItems != 1)
            {
                return ($"Window frame of type RANGE PRECEDING or FOLLOWING requires single sort item in ORDER BY (actual: {orderItems})", tokens[orderBy].Start);
            }
        }
        return null;
    }
}
