namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's recursion depth (decision 331). Trino does not iterate a recursive WITH query to a fixpoint as DuckDB does: its
/// planner unrolls it (RelationPlanner's expansion of an expandable query) into the base relation and
/// <c>max_recursion_depth</c> copies of the step (default 10, FeaturesConfig), each reading the previous copy, then one more
/// copy that fails the query when it yields a row ("Recursion depth limit exceeded (10). Use 'max_recursion_depth' session
/// property to modify the limit."). The docs (sql/select.md) say the same: "recursion depth is fixed, defaults to 10, and
/// doesn't depend on the actual query results". DuckDB's own iteration had no bound but the worker's memory and the run's
/// timeout (hostile33/37: a step doubling a text or a row count held a worker at 1.5 GB for minutes). So a recursive WITH
/// query is written here as Trino plans it: <c>_strata_rN_0</c> the base, <c>_strata_rN_k</c> the step over
/// <c>_strata_rN_(k-1)</c> for k = 1…10 (each MATERIALIZED, so a step is computed once), and the query's own name the union
/// of those eleven with the eleventh step, whose first row is Trino's error. A doubling step thus holds at most 2^10 times
/// its base, as on Dune. Shapes Trino refuses (the name in the base, twice in the step, outside a UNION of two, no column
/// list) are refused in Trino's words before anything runs, so no recursive query reaches DuckDB's unbounded iteration.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's default <c>max_recursion_depth</c> (FeaturesConfig; a session property Strata does not accept).</summary>
    internal const int MaxRecursionDepth = 10;

    internal static string RecursionDepthMessage =>
        $"Recursion depth limit exceeded ({MaxRecursionDepth}). Use 'max_recursion_depth' session property to modify the limit.";

    private sealed partial class Pass
    {
        /// <summary>Token indices emitted as other text while a step's copy is written: the step's recursive reference,
        /// read as the previous copy.</summary>
        private Dictionary<int, string>? recursiveRenames;

        /// <summary>Recursive queries unrolled so far in this text (each copy's name is numbered by it).</summary>
        private int unrolledQueries;

        /// <summary>The text a token is written as instead of itself, if any (a step's recursive reference).</summary>
        private bool TryEmitRenamed(int i)
        {
            if (recursiveRenames is null || !recursiveRenames.TryGetValue(i, out var text))
            {
                return false;
            }
            Out.Text(text, tokens[i]);
            return true;
        }

        /// <summary>At <c>WITH RECURSIVE</c>: writes the WITH list with each recursive query unrolled to Trino's depth and
        /// returns the index after the list; -1 when the list is not <c>name [(columns)] AS (query), …</c> (left to DuckDB's
        /// parser, which refuses it).</summary>
        private int TryEmitUnrolledWith(int with, int end)
        {
            int recursive = Next(with, end);
            if (!Is(recursive, "recursive"))
            {
                return -1;
            }
            var queries = new List<(int Name, int Columns, int Open, int Close, int Comma)>();
            int i = Next(recursive, end);
            while (i < end)
            {
                int name = i;
                if (NameOf(name) is null)
                {
                    return -1;
                }
                i = Next(i, end);
                int columns = -1;
                if (Is(i, "("))
                {
                    columns = i;
                    i = Next(Close(i, end), end);
                }
                if (Is(i, "as") && Next(i, end) is int after && after < end && !Is(after, "("))
                {
                    // Trino's grammar has no AS [NOT] MATERIALIZED: left to DuckDB, the list would keep RECURSIVE and iterate
                    // without Trino's bound.
                    throw NotSupported(sql, tokens[after], $"mismatched input '{Text(after)}'. Expecting: '('");
                }
                if (!Is(i, "as") || !Is(Next(i, end), "("))
                {
                    return -1;
                }
                int open = Next(i, end), close = Close(open, end);
                if (close >= end)
                {
                    return -1;
                }
                i = Next(close, end);
                bool more = Is(i, ",");
                queries.Add((name, columns, open, close, more ? i : -1));
                if (!more)
                {
                    break;
                }
                i = Next(i, end);
            }
            Out.Copy(tokens[with]);
            Out.Text(" ", tokens[recursive]); // no query below reads itself once unrolled: DuckDB's RECURSIVE is not needed
            foreach (var query in queries)
            {
                if (RecursiveShape(query.Name, query.Columns, query.Open, query.Close) is { } shape)
                {
                    EmitUnrolled(query.Name, query.Columns, shape);
                }
                else
                {
                    Emit(query.Name, query.Close + 1);
                }
                if (query.Comma >= 0)
                {
                    Emit(query.Close + 1, query.Comma + 1);
                }
            }
            return queries[^1].Close + 1;
        }

        private sealed record RecursionShape(int AnchorFrom, int AnchorTo, int StepFrom, int StepTo, int Reference, string Union);

        /// <summary>The base, step and recursive reference of a query that names itself; null when it does not (a plain
        /// WITH query, as in Trino). Throws Trino's refusal for a shape Trino does not unroll.</summary>
        private RecursionShape? RecursiveShape(int nameToken, int columns, int open, int close)
        {
            string name = NameOf(nameToken)!;
            var references = new List<int>();
            for (int k = Next(open, close); k < close; k = Next(k, close))
            {
                if (Is(k, "with") && Is(Next(k, close), "recursive"))
                {
                    // Trino's analyzer: a recursive WITH inside a query of a WITH RECURSIVE list (unrolled inside each of the
                    // outer query's copies, it would grow the text exponentially in the nesting).
                    throw NotSupported(sql, tokens[k], "nested recursive WITH query");
                }
                if (NameOf(k) is { } n && NameMatches(nameToken, k, name, n) && !Is(Previous(k), ".") && !Is(Next(k, close), ".")
                    && !Is(Next(k, close), "(") && IsRelationPosition(k, open))
                {
                    references.Add(k);
                }
            }
            if (columns < 0)
            {
                // Trino's analyzer tries every query of a WITH RECURSIVE list as a recursive one, and that asks for the column
                // list first (tryProcessRecursiveQuery): a query that does not name itself is refused too (decision 337).
                throw NotSupported(sql, tokens[nameToken], "missing column aliases in recursive WITH query");
            }
            if (references.Count == 0)
            {
                return null;
            }
            var unions = new List<int>();
            for (int k = Next(open, close); k < close; k = Next(k, close))
            {
                if (Is(k, "(") || Is(k, "["))
                {
                    k = Close(k, close);
                }
                else if (Is(k, "union"))
                {
                    unions.Add(k);
                }
                else if (Is(k, "intersect") || Is(k, "except"))
                {
                    unions.Clear();
                    unions.Add(-1);
                    break;
                }
            }
            if (unions.Count == 0 || unions[0] < 0)
            {
                throw NotSupported(sql, tokens[references[0]],
                    "a recursive WITH query must be a UNION of two relations, its base and its step, the step reading the query's name once in its FROM clause");
            }
            int union = unions[^1]; // `a UNION b UNION step` is `(a UNION b) UNION step` in Trino's grammar
            int stepFrom = Next(union, close);
            string op = "UNION ALL";
            if (Is(stepFrom, "all") || Is(stepFrom, "distinct"))
            {
                op = Is(stepFrom, "all") ? "UNION ALL" : "UNION";
                stepFrom = Next(stepFrom, close);
            }
            else
            {
                op = "UNION";
            }
            if (references[0] < union)
            {
                throw NotSupported(sql, tokens[references[0]], "WITH table name is referenced in the base relation of recursion");
            }
            if (references.Count > 1)
            {
                throw NotSupported(sql, tokens[references[1]], "multiple recursive references in the step relation of recursion");
            }
            int reference = references[0];
            var before = Previous(reference);
            if (!(Is(before, "from") || Is(before, "join") || Is(before, ",")))
            {
                throw NotSupported(sql, tokens[reference], "recursive reference outside of FROM clause of the step relation of recursion");
            }
            RefuseStepClauses(open, stepFrom, close, reference);
            return new(Next(open, close), union, stepFrom, close, reference, op);
        }

        /// <summary>Whether the name at k stands where a relation does: after FROM or JOIN, or after a comma of a FROM list
        /// (the nearest clause word back at k's bracket depth, within the query's body from open, is FROM). A column, an
        /// alias or a lambda parameter spelled as the query's name is no reference (Trino counts table references).</summary>
        private bool IsRelationPosition(int k, int open)
        {
            int before = Previous(k);
            if (Is(before, "from") || Is(before, "join"))
            {
                return true;
            }
            if (!Is(before, ","))
            {
                return false;
            }
            for (int t = Previous(before); t > open; t = Previous(t))
            {
                if (Is(t, ")") || Is(t, "]"))
                {
                    t = Opening(t);
                    continue;
                }
                if (Is(t, "(") || Is(t, "["))
                {
                    return false;
                }
                if (Is(t, "from"))
                {
                    return true;
                }
                if (Is(t, "select") || Is(t, "where") || Is(t, "group") || Is(t, "having") || Is(t, "order") || Is(t, "on") || Is(t, "union"))
                {
                    return false;
                }
            }
            return false;
        }

        /// <summary>Whether token k names the query named at nameToken: a quoted name exactly, a bare one ignoring case.</summary>
        private bool NameMatches(int nameToken, int k, string name, string candidate) =>
            tokens[nameToken].Kind == DuneTokenKind.QuotedName || tokens[k].Kind == DuneTokenKind.QuotedName
                ? string.Equals(name, candidate, StringComparison.Ordinal) || (tokens[nameToken].Kind != tokens[k].Kind && string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase))
                : string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase);

        /// <summary>Writes <c>copy_0 (columns) AS MATERIALIZED (base), copy_k (columns) AS MATERIALIZED (step over copy_(k-1)), …,
        /// name (columns) AS (SELECT * FROM copy_0 UNION ALL … UNION ALL SELECT * FROM (step over copy_10) WHERE error(…))</c>.</summary>
        private void EmitUnrolled(int nameToken, int columns, RecursionShape shape)
        {
            int number = unrolledQueries++;
            string Copy(int k) => $"_strata_r{number}_{k}";
            var at = tokens[nameToken];
            // The reference keeps the query's name as its alias (`FROM t WHERE t.n < 4`) unless the step gives its own.
            int afterReference = Next(shape.Reference, shape.StepTo);
            bool aliased = Is(afterReference, "as") || (afterReference < shape.StepTo && (tokens[afterReference].Kind == DuneTokenKind.QuotedName
                || (tokens[afterReference].Kind == DuneTokenKind.Word && !ReservedAfterRelation(afterReference))));
            string Reference(int k) => aliased ? Copy(k) : Copy(k) + " AS " + Text(shape.Reference);
            for (int k = 0; k <= MaxRecursionDepth; k++)
            {
                Out.Text(Copy(k) + " ", at);
                Emit(columns, Close(columns, tokens.Count) + 1);
                Out.Text(" AS MATERIALIZED (", at);
                if (k == 0)
                {
                    Emit(shape.AnchorFrom, shape.AnchorTo);
                }
                else
                {
                    EmitStepOver(shape, Reference(k - 1));
                }
                Out.Text("), ", at);
            }
            Emit(nameToken, nameToken + 1);
            Out.Text(" ", at);
            Emit(columns, Close(columns, tokens.Count) + 1);
            var union = new System.Text.StringBuilder(" AS (");
            for (int k = 0; k <= MaxRecursionDepth; k++)
            {
                union.Append("SELECT * FROM ").Append(Copy(k)).Append(' ').Append(shape.Union).Append(' ');
            }
            union.Append("SELECT * FROM (");
            Out.Text(union.ToString(), at);
            EmitStepOver(shape, Reference(MaxRecursionDepth));
            Out.Text(") WHERE CAST(error('" + RecursionDepthMessage.Replace("'", "''", StringComparison.Ordinal) + "') AS BOOLEAN))", at);
        }

        private void EmitStepOver(RecursionShape shape, string previous)
        {
            (recursiveRenames ??= [])[shape.Reference] = previous;
            try
            {
                Emit(shape.StepFrom, shape.StepTo);
            }
            finally
            {
                recursiveRenames.Remove(shape.Reference);
            }
        }

        /// <summary>Whether the word after a relation is a clause word rather than its alias.</summary>
        private bool ReservedAfterRelation(int k) => Text(k).ToLowerInvariant() is "where" or "join" or "left" or "right" or "full" or "inner"
            or "cross" or "natural" or "on" or "using" or "group" or "having" or "order" or "limit" or "offset" or "fetch" or "union"
            or "intersect" or "except" or "window" or "tablesample" or "for" or "with" or "qualify";
    }
}
