using System.Globalization;
using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Trino's clauses whose DuckDB spelling differs or whose errors are Trino's own (decision "dune-fns5"): a
/// constant LIKE pattern's ESCAPE checked as Trino's LikePattern checks it, and TABLESAMPLE's percentage.</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>What may follow a bare <c>GROUP BY ALL</c> (DuckDB's form): anything else is a grouping element.</summary>
    private static readonly HashSet<string> GroupByAllEnds = new(StringComparer.OrdinalIgnoreCase)
    {
        "order", "having", "limit", "offset", "fetch", "window", "qualify", "union", "except", "intersect", ")", ";",
    };

    private sealed partial class Pass
    {
        /// <summary>Trino's LikeFunctions/LikePattern on a constant <c>ESCAPE 'c'</c>: one character, and in a constant
        /// pattern each escape followed by <c>%</c>, <c>_</c> or itself (DuckDB takes a longer escape or a pattern ending in
        /// it with its own words, and an escape before another character as that character).</summary>
        private void CheckLikeEscape(int pattern, int escapeString)
        {
            string escape = Unquote(escapeString);
            if (escape.Length != 1)
            {
                throw NotSupported(sql, tokens[escapeString], "Escape string must be a single character", ExecutionError.ExecutionFailed);
            }
            if (pattern < 0 || !IsTerminatedString(pattern) || !Is(Previous(pattern), "like"))
            {
                return;
            }
            string text = Unquote(pattern);
            for (int k = 0; k < text.Length; k++)
            {
                if (text[k] == escape[0] && (++k >= text.Length || text[k] is not ('%' or '_') && text[k] != escape[0]))
                {
                    throw NotSupported(sql, tokens[pattern], "Escape character must be followed by '%', '_' or the escape character itself",
                        ExecutionError.ExecutionFailed);
                }
            }
        }

        /// <summary>Trino's <c>TABLESAMPLE BERNOULLI (p)</c> / <c>SYSTEM (p)</c> takes p as a percentage of the rows
        /// (StatementAnalyzer: 0 to 100, a constant); DuckDB reads a bare number there as a count of rows (and refuses it
        /// for these methods), so the percentage is written as DuckDB's <c>p PERCENT</c>.</summary>
        private int TryEmitTableSample(int i, int method, int end)
        {
            int open = Next(method, end);
            if (method >= end || tokens[method].Kind != DuneTokenKind.Word || !Is(open, "("))
            {
                return -1;
            }
            string name = Text(method).ToLowerInvariant();
            if (name is not ("bernoulli" or "system"))
            {
                throw NotSupported(sql, tokens[method], $"TABLESAMPLE {Text(method)} is not a sample method: Trino samples by BERNOULLI or SYSTEM");
            }
            int close = Close(open, end);
            int first = Next(open, close);
            bool negative = Is(first, "-");
            int number = negative ? Next(first, close) : first;
            if (first >= close || Is(first, "null") && Next(first, close) >= close)
            {
                throw NotSupported(sql, tokens[Math.Min(first, close)], "Sample percentage cannot be NULL", ExecutionError.ExecutionFailed);
            }
            if (number >= close || tokens[number].Kind != DuneTokenKind.Number || Next(number, close) < close
                || !double.TryParse(Text(number), NumberStyles.Float, CultureInfo.InvariantCulture, out double percentage))
            {
                throw NotSupported(sql, tokens[first], "Sample percentage is supported here only as a number literal (Trino takes a constant of 0 to 100)");
            }
            if (negative && percentage > 0)
            {
                throw NotSupported(sql, tokens[first], "Sample percentage must be greater than or equal to 0", ExecutionError.ExecutionFailed);
            }
            if (percentage > 100)
            {
                throw NotSupported(sql, tokens[first], "Sample percentage must be less than or equal to 100", ExecutionError.ExecutionFailed);
            }
            emitter.Text("TABLESAMPLE " + name + " (" + percentage.ToString("R", CultureInfo.InvariantCulture) + " PERCENT)", tokens[i]);
            return close + 1;
        }
    }
}
