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
                || ((Is(previous, "with") || Is(previous, "recursive") || Is(previous, ",")) && Is(next, "as") && Is(Next(next, end), "("))
                || IsAllAlias(previous, next, end));

        /// <summary>Words before which a relation's alias ends (what may follow <c>FROM t all</c>).</summary>
        private static readonly HashSet<string> AfterRelationAlias = new(StringComparer.OrdinalIgnoreCase)
        {
            "(", ",", ")", ";", "on", "using", "join", "left", "right", "inner", "full", "cross", "natural", "where", "group", "having",
            "window", "order", "limit", "offset", "fetch", "union", "intersect", "except", "tablesample",
        };

        /// <summary>Words after which ALL is Trino's keyword (a set quantifier), never an alias.</summary>
        private static readonly HashSet<string> BeforeAllKeyword = new(StringComparer.OrdinalIgnoreCase)
        {
            "union", "intersect", "except", "select", "by", "distinct", "any", "some",
        };

        /// <summary>A relation's alias: <c>AS all</c>, or <c>all</c> right after a relation (a name or a parenthesised
        /// subquery) and before what may end a relation (stasi009's <c>FROM all_trades all … all.trader</c>).</summary>
        private bool IsAllAlias(int previous, int next, int end) =>
            Is(previous, "as")
            || (previous >= 0 && (Is(previous, ")") || tokens[previous].Kind == DuneTokenKind.QuotedName
                    || (tokens[previous].Kind == DuneTokenKind.Word && !BeforeAllKeyword.Contains(Text(previous))))
                && (next >= end || AfterRelationAlias.Contains(Text(next))));
    }
}
