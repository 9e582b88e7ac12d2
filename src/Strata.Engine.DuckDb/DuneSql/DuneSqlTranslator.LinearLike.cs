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

    /// <summary>Tokens that also end a LIKE's right operand written as an expression: what binds looser than it (Trino's
    /// pattern is a valueExpression: concatenation and arithmetic, no comparison), and ESCAPE.</summary>
    private static readonly HashSet<string> LikeExpressionEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "escape", "=", "<>", "!=", "<", ">", "<=", ">=", "is", "not", "between", "in", "like", "similar",
    };

    /// <summary>RE2's full match of the LIKE pattern <c>{0}</c> computed at run time, as <see cref="LinearLikeExpression.Re2"/>
    /// writes a constant one: RE2's metacharacters escaped, then <c>%</c> as <c>.*</c> and <c>_</c> as <c>.</c>.</summary>
    private const string RuntimeLikeRe2 =
        @"('(?s)' || replace(replace(regexp_replace(({0}), '[\\^$.|?*+()\[\]{}]', '\\\0', 'g'), '%', '.*'), '_', '.'))";

    private sealed partial class Pass
    {
        /// <summary>LIKE at i before the constant pattern at pattern, perhaps with a constant ESCAPE: <c>SIMILAR TO 're2'</c>
        /// when the pattern backtracks; returns the index after the pattern (or its ESCAPE), or -1 when LIKE is kept.</summary>
        private int TryEmitLinearLike(int i, int pattern, int end)
        {
            string text = Unquote(pattern);
            int last = pattern, after = Next(pattern, end);
            char? escape = null;
            // DuckDB's LIKE … ESCAPE backtracks as its LIKE does: 200 `%_` pairs with ESCAPE '#' against 5 values of 3,000
            // characters ran past 9 minutes, past an interrupt (hostile43).
            if (Is(after, "escape") && Next(after, end) is int mark && mark < end && IsTerminatedString(mark) && Unquote(mark) is { Length: 1 } one)
            {
                (escape, last, after) = (one[0], mark, Next(mark, end));
            }
            // Only a pattern that is the whole right operand: in `x LIKE '%a_%' || '_'` the pattern is the concatenation.
            if (after < end && !LikeOperandEnds.Contains(Text(after)) || EscapedRe2(text, escape) is not string re2)
            {
                return -1;
            }
            emitter.Text("SIMILAR TO '(?s)" + re2.Replace("'", "''", StringComparison.Ordinal) + "'", tokens[i]);
            return last + 1;
        }

        /// <summary>RE2's full match of a LIKE pattern that backtracks (an <c>_</c> and two or more <c>%</c> that are
        /// wildcards), the character after <paramref name="escape"/> taken as itself; null when the pattern does not
        /// backtrack, or when an escape is followed by anything but <c>%</c>, <c>_</c> or itself (Trino refuses it, and
        /// DuckDB's LIKE is kept to say so).</summary>
        private static string? EscapedRe2(string pattern, char? escape)
        {
            if (escape is not char e)
            {
                return LinearLikeExpression.Backtracks(pattern) ? LinearLikeExpression.Re2(pattern) : null;
            }
            var re = new System.Text.StringBuilder(pattern.Length * 2);
            int percents = 0, underscores = 0;
            for (int k = 0; k < pattern.Length; k++)
            {
                char c = pattern[k];
                if (c == e)
                {
                    if (++k >= pattern.Length || pattern[k] is not ('%' or '_') && pattern[k] != e)
                    {
                        return null;
                    }
                    // The escaped character as itself: `%` and `_` are no RE2 metacharacters; the escape may be one.
                    re.Append(pattern[k] is '%' or '_' ? pattern[k].ToString() : LinearLikeExpression.Re2(pattern[k].ToString()));
                    continue;
                }
                percents += c == '%' ? 1 : 0;
                underscores += c == '_' ? 1 : 0;
                re.Append(LinearLikeExpression.Re2(c.ToString()));
            }
            return underscores > 0 && percents > 1 ? re.ToString() : null;
        }

        /// <summary>LIKE at i whose right operand, from operand, is an expression rather than one literal (a concatenation,
        /// a column, a call; no ESCAPE after it): <c>SIMILAR TO</c> the RE2 pattern built from it at run time (hostile42).
        /// Such a pattern is whatever the data or the concatenation makes it, so a `%…_…%` shape backtracks in DuckDB's LIKE
        /// as a constant one did (<c>x LIKE '%a' || '_%b%'</c>). A constant operand is folded once; a pattern that differs
        /// by row is compiled for each row (linear in the pattern). Returns the index after the operand, or -1.</summary>
        private int TryEmitRuntimeLike(int i, int operand, int end)
        {
            if (RuntimePatternLast(operand, end) is not int last)
            {
                return -1;
            }
            string[] parts = RuntimeLikeRe2.Split("{0}");
            emitter.Text("SIMILAR TO " + parts[0], tokens[i]);
            Emit(operand, last + 1);
            emitter.Text(parts[1], tokens[last]);
            return last + 1;
        }

        /// <summary>The last token of a LIKE's right operand that starts at operand and is an expression rather than one
        /// literal, with no ESCAPE after it; null otherwise.</summary>
        private int? RuntimePatternLast(int operand, int end)
        {
            int k = operand, cases = 0, previous = -1;
            for (; k < end; previous = k, k = Next(k, end))
            {
                string word = Text(k);
                if (IsOpening(k))
                {
                    k = Close(k, end);
                    continue;
                }
                if (word.Equals("case", StringComparison.OrdinalIgnoreCase))
                {
                    cases++;
                    continue;
                }
                if (cases > 0)
                {
                    cases -= word.Equals("end", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
                    continue;
                }
                // A name right after a whole operand ends the pattern: a bare alias (`x LIKE p matched`), DESC, NULLS,
                // ROWS; the pattern's own names follow an operator, a dot or the LIKE.
                if (LikeOperandEnds.Contains(word) || LikeExpressionEnds.Contains(word)
                    || (tokens[k].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && IsOperandEnd(previous)))
                {
                    break;
                }
            }
            int last = Previous(Math.Min(k, end));
            return k == operand || last < operand || Is(k, "escape") || (last == operand && tokens[operand].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
                ? null : last;
        }
    }
}

