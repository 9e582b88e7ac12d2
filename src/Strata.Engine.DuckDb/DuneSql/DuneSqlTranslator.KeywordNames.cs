namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Words DuckDB reserves that Trino takes as a name in some places only (not everywhere, as <c>to</c>).</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        private bool IsKeywordName(string word, int previous, int next, int end) =>
            IsOffsetName(word, previous, next) || IsAllName(word, previous, next, end);

        /// <summary>
        /// Trino does not reserve ALL (its reserved keywords list; ALL is a non-reserved word of its grammar), so a query
        /// may name a relation <c>all</c>: a WITH element <c>all AS (…)</c>, <c>FROM all</c>, <c>JOIN all</c>,
        /// <c>all.column</c>. In none of these places is ALL the keyword (UNION ALL, SELECT ALL, = ALL (…), count(ALL x)).
        /// </summary>
        private bool IsAllName(string word, int previous, int next, int end) => word == "all"
            && (Is(previous, "from") || Is(previous, "join") || Is(next, ".")
                || ((Is(previous, "with") || Is(previous, "recursive") || Is(previous, ",")) && Is(next, "as") && Is(Next(next, end), "(")));
    }
}
