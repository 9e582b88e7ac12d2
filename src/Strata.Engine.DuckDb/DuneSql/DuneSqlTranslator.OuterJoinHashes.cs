namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// How an outer join's hoisted subqueries are written (DuneSqlTranslator.OuterJoinSubqueries.cs). An IN subquery's rows are
/// one list (<c>ARRAY(subquery)</c>) with its length and its count of non-NULL rows beside it, computed once. When the IN's
/// operand reads the relation after JOIN only (<c>u.token IN (SELECT …)</c>, any shape of condition), the relation is also
/// left-joined by a hash join to the subquery's distinct non-NULL rows on the operand, so the test is a column read, not a
/// scan of the list per row (200,000 rows against 20,000 took 16.2 s that way: decision 347). Trino's IN: false for no
/// rows, true for an equal row, else NULL when the operand or a row is NULL, else false.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Writes the relation after JOIN, [at, end), with its condition's subqueries computed beside it.</summary>
        private void EmitHoistedRelation(int at, int end, List<JoinSubquery> hoisted, string relation)
        {
            outerJoinWriting.Add(at);
            try
            {
                emitter.Text("(", tokens[at]);
                Emit(at, end);
                var counts = new System.Text.StringBuilder();
                for (int k = 0; k < hoisted.Count; k++)
                {
                    string column = relation + "_" + Number(k);
                    if (hoisted[k].IsIn)
                    {
                        counts.Append(", len(").Append(column).Append(") AS ").Append(column).Append("n, list_count(").Append(column).Append(") AS ").Append(column).Append('c');
                    }
                }
                emitter.Text(" CROSS JOIN (SELECT *" + counts + " FROM (SELECT ", tokens[end]);
                for (int k = 0; k < hoisted.Count; k++)
                {
                    var item = hoisted[k];
                    // An IN subquery's rows as one list: ARRAY(subquery), which refuses a subquery of several columns as
                    // DuckDB's IN does ("Subquery returns 2 columns - expected 1", Trino's "Multiple columns returned by
                    // subquery are not yet supported. Found 2" at the subquery; decision 342).
                    emitter.Text((k == 0 ? "" : ", ") + (item.IsIn ? "ARRAY" : ""), tokens[item.From]);
                    EmitSubquery(item);
                    emitter.Text(" AS " + relation + "_" + Number(k), tokens[item.From]);
                }
                emitter.Text(")) AS " + relation, tokens[end]);
                for (int k = 0; k < hoisted.Count; k++)
                {
                    var item = hoisted[k];
                    if (item.Hashed)
                    {
                        string column = relation + "_" + Number(k);
                        emitter.Text(" LEFT JOIN (SELECT DISTINCT " + column + "v AS " + column + "h FROM ", tokens[item.From]);
                        EmitSubquery(item);
                        emitter.Text(" AS " + column + "s(" + column + "v) WHERE " + column + "v IS NOT NULL) AS " + column + "j ON (", tokens[item.From]);
                        Emit(item.OperandFrom, item.OperandTo);
                        emitter.Text(") = " + column + "j." + column + "h", tokens[item.From]);
                    }
                }
                emitter.Text(") ", tokens[end]);
            }
            finally
            {
                outerJoinWriting.Remove(at);
            }
        }

        private void EmitSubquery(JoinSubquery item)
        {
            outerJoinWriting.Add(item.From);
            try
            {
                Emit(item.From, item.To);
            }
            finally
            {
                outerJoinWriting.Remove(item.From);
            }
        }

        /// <summary>Writes an IN subquery's test at token i, its list the column named list. The operand is read as written
        /// each time (a column or an expression of them). A hashed test reads the hash join's column; the list_contains that
        /// is never run keeps DuckDB's type check of value and rows (its refusal is Trino's, TrinoErrorMessages.InSubquery).</summary>
        private void EmitInTest(int i, string list, JoinSubquery test)
        {
            int at = list.IndexOf('.', StringComparison.Ordinal);
            string hit = list[(at + 1)..] + "j." + list[(at + 1)..] + "h";
            outerJoinWriting.Add(i);
            try
            {
                emitter.Text((test.Not ? "(NOT " : "") + "(CASE WHEN coalesce(" + list + "n, 0) = 0 THEN false WHEN "
                    + (test.Hashed ? hit + " IS NOT NULL" : "list_contains(" + list + ", (") , tokens[i]);
                if (!test.Hashed)
                {
                    Emit(test.OperandFrom, test.OperandTo);
                    emitter.Text("))", tokens[i]);
                }
                emitter.Text(" THEN true WHEN (", tokens[i]);
                Emit(test.OperandFrom, test.OperandTo);
                emitter.Text(") IS NULL OR " + list + "c < " + list + "n THEN NULL ELSE ", tokens[i]);
                if (test.Hashed)
                {
                    emitter.Text("(CASE WHEN false THEN list_contains(" + list + ", (", tokens[i]);
                    Emit(test.OperandFrom, test.OperandTo);
                    emitter.Text(")) ELSE false END)", tokens[i]);
                }
                else
                {
                    emitter.Text("false", tokens[i]);
                }
                emitter.Text(" END)" + (test.Not ? ")" : ""), tokens[i]);
            }
            finally
            {
                outerJoinWriting.Remove(i);
            }
        }

        /// <summary>The columns a relation's hoisted subqueries add (a bare star of the query leaves them out).</summary>
        private static IEnumerable<string> HoistedColumns(string relation, List<JoinSubquery> hoisted)
        {
            for (int k = 0; k < hoisted.Count; k++)
            {
                string column = relation + "_" + Number(k);
                yield return column;
                if (hoisted[k].IsIn)
                {
                    yield return column + "n";
                    yield return column + "c";
                }
                if (hoisted[k].Hashed)
                {
                    yield return column + "h";
                }
            }
        }

        private static string Number(int k) => k.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The alias of the relation after JOIN whose condition's ON is at on (a table's name when it has none), or null.</summary>
        private string? RelationAlias(int relation, int on)
        {
            int alias = Previous(on);
            if (Is(alias, ")") && Opening(alias) is int opened and > 0 && opened > relation)
            {
                alias = Previous(opened); // a column list after the alias: u(k, v)
            }
            return NameOf(alias);
        }

        /// <summary>Whether the operand [operand, last] reads no column but the relation's (<c>alias.column</c>): its names
        /// are such columns (and their fields), functions called, or the type after AS; anything else may read the left side.</summary>
        private bool ReadsOnly(string? alias, int operand, int last)
        {
            if (alias is null)
            {
                return false;
            }
            for (int k = operand; k <= last; k = Next(k, last + 1))
            {
                if (!IsName(k) || Is(Previous(k), "."))
                {
                    continue;
                }
                int after = Next(k, last + 1);
                if (Is(after, "(") || Is(Previous(k), "as") || ((Is(k, "as") || Is(k, "cast")) && after <= last))
                {
                    continue;
                }
                if (!Is(after, ".") || !alias.Equals(NameOf(k), StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Whether the brackets [open, close] hold a query: one starting SELECT, WITH or VALUES, or a bracketed query
        /// followed by a set operation, ORDER BY or LIMIT (<c>((SELECT 2) UNION ALL (SELECT 3))</c>), not an expression such as
        /// <c>((SELECT 2) + 1)</c>.</summary>
        private bool HoldsQuery(int open, int close)
        {
            for (int first = Next(open, close); first < close; first = Next(first, close))
            {
                if (Is(first, "select") || Is(first, "with") || Is(first, "values"))
                {
                    return true;
                }
                int after = Is(first, "(") && Match(first) is > 0 and int shut && shut < close ? Next(shut, close) : -1;
                if (after < 0 || !(after == close || Is(after, "union") || Is(after, "intersect") || Is(after, "except")
                    || Is(after, "order") || Is(after, "limit") || Is(after, "offset") || Is(after, "fetch")))
                {
                    return false;
                }
                close = Match(first);
            }
            return false;
        }

    }
}
