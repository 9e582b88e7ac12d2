namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Trino's interval-first sum, <c>INTERVAL … + x</c>, written as <c>x + INTERVAL …</c> (decision 304; split from
/// DuneSqlTranslator.Time.cs, which holds the other date rewrites).</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary><c>INTERVAL … + x</c> with x a primary expression standing alone (decision 304): Trino's
        /// <c>interval + date</c> is a date and <c>interval + timestamp</c> the timestamp's type, as <c>x + interval</c>
        /// (DateTimeOperators' interval-first operators call the others); DuckDB's <c>INTERVAL + DATE</c> is a TIMESTAMP.
        /// Recorded by the interval's first token, as <c>x + INTERVAL …</c> is by x's; returns whether it was.</summary>
        private bool AddIntervalFirstSum(int op, int leftEnd, Dictionary<int, List<(int, int)>> found, Dictionary<int, int> chains)
        {
            int right = Next(op, tokens.Count);
            if (!Is(op, "+") || leftEnd < 0 || IntervalLiteralStart(leftEnd) is not int start || Is(right, "interval") || Is(right, "(")
                || right >= tokens.Count)
            {
                return false;
            }
            // A call's tail (FILTER, IGNORE NULLS, OVER …) belongs to the operand: dune_plus(max(x)) OVER (…) is no window call.
            int end = CallTailEnd(PrimaryEnd(right));
            if (end <= right || end > tokens.Count)
            {
                return false;
            }
            int before = Previous(start), after = Next(end - 1, tokens.Count);
            if (Is(before, "+") || Is(before, "-") || Is(before, "*") || Is(before, "/") || Is(before, "%") || Is(before, "||") || Is(before, "::")
                || Is(after, "*") || Is(after, "/") || Is(after, "%") || Is(after, "at") || Is(after, "::") || Is(after, "[") || Is(after, "||")
                || Is(after, ".") || HoldsParameter(right, end))
            {
                return false;
            }
            if (!found.TryGetValue(start, out var list))
            {
                found[start] = list = [];
            }
            list.Add((op, end));
            chains[end - 1] = start;
            intervalFirstSums.Add(op);
            return true;
        }

        /// <summary>Whether tokens [from, to) hold a parameter (<c>?</c>), whose type DuckDB would not know when it picks
        /// the overload of dune_plus/dune_minus.</summary>
        private bool HoldsParameter(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (Is(k, "?"))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
