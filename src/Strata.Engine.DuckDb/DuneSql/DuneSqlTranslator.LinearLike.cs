using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A LIKE whose constant pattern holds an <c>_</c> and two or more <c>%</c>, matched in linear time (hostile41). DuckDB
/// matches such a pattern by trying every place for each <c>%</c> (200 <c>%_</c> pairs against 100 values of 3,000
/// characters ran past 40 s on main), inside one value, where no cancel reaches; Trino's matcher is linear. Written as
/// DuckDB's <c>SIMILAR TO</c>, RE2's full match of the same pattern, as decision 346 does for a results filter.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Tokens that end a LIKE's right operand (what may follow a pattern that is a whole literal).</summary>
    private static readonly HashSet<string> LikeOperandEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        ")", ",", ";", "]", "and", "or", "then", "else", "end", "when", "from", "where", "group", "order", "having", "limit",
        "offset", "union", "intersect", "except", "window", "on", "join", "left", "right", "full", "inner", "cross", "as", "fetch",
    };

    private sealed partial class Pass
    {
        /// <summary>LIKE at i before the constant pattern at pattern (no ESCAPE after it): <c>SIMILAR TO 're2'</c> when the
        /// pattern backtracks; returns the index after the pattern, or -1 when LIKE is kept.</summary>
        private int TryEmitLinearLike(int i, int pattern, int end)
        {
            string text = Unquote(pattern);
            int after = Next(pattern, end);
            // Only a pattern that is the whole right operand: in `x LIKE '%a_%' || '_'` the pattern is the concatenation.
            if (after < end && !LikeOperandEnds.Contains(Text(after)) || !LinearLikeExpression.Backtracks(text))
            {
                return -1;
            }
            emitter.Text("SIMILAR TO '(?s)" + LinearLikeExpression.Re2(text).Replace("'", "''", StringComparison.Ordinal) + "'", tokens[i]);
            return pattern + 1;
        }
    }
}

