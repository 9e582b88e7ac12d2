namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Shapes of a recursive WITH query that Trino's analyzer refuses after the recursive reference's place
/// (StatementAnalyzer.tryProcessRecursiveQuery and validateFromClauseOfRecursiveTerm; decision 337), refused before the
/// query is unrolled (DuneSqlTranslator.RecursionDepth.cs), where DuckDB answered them or refused them in its words.</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>The rest of Trino's tryProcessRecursiveQuery after the reference's place (decision 337), in its order: a
        /// parenthesized step's own LIMIT ("FETCH FIRST / LIMIT clause in the step relation of recursion"); the query's own
        /// WITH, ORDER BY, OFFSET and LIMIT / FETCH FIRST, which Trino's grammar gives the whole UNION when they follow the
        /// step ("immediate … clause in recursive query"; an ORDER BY there was DuckDB's syntax error, a LIMIT was applied
        /// to each unrolled step); then validateFromClauseOfRecursiveTerm: the reference on the inner side of an outer join
        /// ("recursive reference in left source of RIGHT join", "… right source of LEFT join", FULL either side), the
        /// outermost join first. Each is refused at the clause's word or the reference, as Trino places them.</summary>
        private void RefuseStepClauses(int open, int stepFrom, int close, int reference)
        {
            // A step in parentheses: its own trailing LIMIT / FETCH at its depth.
            int inner = stepFrom, innerEnd = close;
            while (Is(inner, "(") && Close(inner, close) is int shut && shut < close)
            {
                if (TrailingClause(Next(inner, shut), shut, "limit", "fetch") is int limit and >= 0)
                {
                    throw NotSupported(sql, tokens[limit], "FETCH FIRST / LIMIT clause in the step relation of recursion");
                }
                innerEnd = shut;
                inner = Next(inner, shut);
            }
            if (Is(Next(open, close), "with"))
            {
                throw NotSupported(sql, tokens[Next(open, close)], "immediate WITH clause in recursive query");
            }
            foreach (var (words, message) in new (string[], string)[]
            {
                (["order"], "immediate ORDER BY clause in recursive query"),
                (["offset"], "immediate OFFSET clause in recursive query"),
                (["limit", "fetch"], "immediate FETCH FIRST / LIMIT clause in recursive query"),
            })
            {
                if (TrailingClause(stepFrom, close, words) is int at and >= 0)
                {
                    throw NotSupported(sql, tokens[at], message);
                }
            }
            // The outer joins of the step's FROM at the reference's depth: the last RIGHT or FULL join after it (up to the
            // FROM list's next comma, where another item begins) is the outermost whose left source holds it; else the join just before it, when LEFT or FULL, has it on its right.
            string? outer = null;
            for (int k = Next(reference, innerEnd); k < innerEnd; k = Next(k, innerEnd))
            {
                if (Is(k, "(") || Is(k, "["))
                {
                    k = Close(k, innerEnd);
                    continue;
                }
                if (Is(k, ")") || Is(k, ",") || Is(k, "where") || Is(k, "group") || Is(k, "having") || Is(k, "window") || Is(k, "order") || Is(k, "limit")
                    || Is(k, "offset") || Is(k, "fetch") || Is(k, "union") || Is(k, "intersect") || Is(k, "except"))
                {
                    break;
                }
                if ((Is(k, "right") || Is(k, "full")) && (Is(Next(k, innerEnd), "join") || Is(Next(k, innerEnd), "outer")))
                {
                    outer = Text(k).ToUpperInvariant();
                }
            }
            if (outer is not null)
            {
                throw NotSupported(sql, tokens[reference], $"recursive reference in left source of {outer} join");
            }
            int join = Previous(reference);
            int kind = Is(join, "join") ? Previous(join) : -1;
            kind = Is(kind, "outer") ? Previous(kind) : kind;
            if (Is(join, "join") && (Is(kind, "left") || Is(kind, "full")))
            {
                throw NotSupported(sql, tokens[reference], $"recursive reference in right source of {Text(kind).ToUpperInvariant()} join");
            }
        }

        /// <summary>Whether the word at k opens its clause rather than naming a column: ORDER before BY, OFFSET and LIMIT
        /// before a count (LIMIT ALL too), FETCH before FIRST or NEXT.</summary>
        private bool IsClauseWord(int k, int to)
        {
            int next = Next(k, to);
            bool count = next < to && (tokens[next].Kind == DuneTokenKind.Number || Is(next, "?"));
            return Is(k, "order") ? Is(next, "by") : Is(k, "fetch") ? Is(next, "first") || Is(next, "next") : count || (Is(k, "limit") && Is(next, "all"));
        }

        /// <summary>The first of the words at depth 0 of [from, to) after the last UNION there (a clause of the whole query, or
        /// of the step's own query when [from, to) is inside its parentheses), or -1.</summary>
        private int TrailingClause(int from, int to, params string[] words)
        {
            int found = -1;
            for (int k = from; k < to; k = Next(k, to))
            {
                if (Is(k, "(") || Is(k, "["))
                {
                    k = Close(k, to);
                    continue;
                }
                if (Is(k, "union") || Is(k, "intersect") || Is(k, "except"))
                {
                    found = -1;
                }
                else if (found < 0 && words.Any(w => Is(k, w)) && IsClauseWord(k, to))
                {
                    found = k;
                }
            }
            return found;
        }
    }
}
