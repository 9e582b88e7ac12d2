namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// A field read by a dot from a JSON value or a MAP (decision 332): Trino's ExpressionAnalyzer.visitDereferenceExpression
/// reads <c>j.a</c> as the column a of a relation named j when there is one, and otherwise as a field of j's value, which
/// must be a RowType: "Expression j is not of type ROW" at the base. DuckDB extracts a JSON member and a map's key by a dot,
/// so Strata answered. The base's type is known here when it is a column of a table the engine knows or of a CTE or
/// subquery whose item the text types (json_parse, a JSON literal, map(ARRAY[…], ARRAY[…])); a base of unknown type stays
/// DuckDB's (a number or an array is refused by DuckDB's binder, read in Trino's words by TrinoErrorMessages.Binder).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Refuses <c>j.a</c> and <c>t.j.a</c> where the column j is known to be JSON or a MAP and no relation of
        /// the statement is named j (then <c>j.a</c> names its column).</summary>
        private void RefuseFieldsOfNonRows()
        {
            if (ColumnTypes is null)
            {
                return;
            }
            HashSet<string>? relations = null;
            for (int k = 0; k < tokens.Count; k++)
            {
                if (!IsName(k) || Is(Previous(k), ".") || !Is(Next(k, tokens.Count), "."))
                {
                    continue;
                }
                int second = Next(Next(k, tokens.Count), tokens.Count);
                if (!IsName(second))
                {
                    continue;
                }
                relations ??= Blocks().SelectMany(b => b.Items).Select(i => i.Alias).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
                // j.a (j no relation) or t.j.a (t a relation): the base is the column, the name after it the field.
                int baseEnd = relations.Contains(UnquotedName(k)) ? second : k;
                int field = baseEnd == k ? second : Next(Next(second, tokens.Count), tokens.Count);
                if (baseEnd == second && (!Is(Next(second, tokens.Count), ".") || !IsName(field)))
                {
                    continue; // t.c: a column
                }
                if (Is(Next(field, tokens.Count), "(") || ColumnType(k, baseEnd) is not { } type
                    || !(type == "JSON" || type.StartsWith("MAP(", StringComparison.Ordinal)))
                {
                    continue;
                }
                // The base as ExpressionFormatter prints it: its names as written (a delimited one with its quotes), joined by
                // a bare dot whatever the spaces around the user's (decision 337: `t . j` printed the spaces).
                string written = baseEnd == k ? Text(k) : Text(k) + "." + Text(baseEnd);
                throw NotSupported(sql, tokens[k], $"Expression {written} is not of type ROW",
                    Core.Executions.ExecutionError.ExecutionFailed);
            }
        }
    }
}
