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
        var tokens = TrinoExpressionText.Tokens(sql);
        for (int k = 0; k + 1 < tokens.Count; k++)
        {
            bool over = Word(sql, tokens[k]) == "over" && Word(sql, tokens[k + 1]) == "(";
            bool named = Word(sql, tokens[k]) == "as" && Word(sql, tokens[k + 1]) == "(" && k >= 2 && Word(sql, tokens[k - 2]) == "window";
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
            string word = Word(sql, tokens[k]);
            depth += word == "(" ? 1 : word == ")" ? -1 : 0;
            if (depth == 0)
            {
                close = k;
                break;
            }
            if (depth != 1)
            {
                continue;
            }
            if (word == "order" && k + 1 < tokens.Count && Word(sql, tokens[k + 1]) == "by" && frame < 0)
            {
                orderBy = k;
                orderItems = 1;
            }
            else if (word == "," && orderBy >= 0 && frame < 0)
            {
                orderItems++;
            }
            else if (word is "rows" or "range" or "groups" && frame < 0)
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
            switch (Word(sql, tokens[k]))
            {
                case "preceding":
                    bounds.Add(Word(sql, tokens[k - 1]) == "unbounded" ? Bound.UnboundedPreceding : Bound.Preceding);
                    break;
                case "following":
                    bounds.Add(Word(sql, tokens[k - 1]) == "unbounded" ? Bound.UnboundedFollowing : Bound.Following);
                    break;
                case "row" when Word(sql, tokens[k - 1]) == "current":
                    bounds.Add(Bound.CurrentRow);
                    break;
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
        if (Word(sql, tokens[frame]) == "range" && offset)
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
