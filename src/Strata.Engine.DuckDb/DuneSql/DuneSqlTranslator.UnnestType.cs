namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's refusal of an UNNEST operand that is no array or map, <c>Cannot unnest type: varchar</c> (StatementAnalyzer,
/// the operand's type in Trino's name). DuckDB's binder refuses it without the type ("UNNEST requires a single list as
/// input"), so the type was named only for a literal operand (dune-messages2). An operand whose type the text fixes (a
/// column of a known table) is refused while translating when that type is no array or map; one whose type only the
/// binder knows keeps DuckDB's words.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Writes the one operand of a FROM-clause <c>UNNEST(x)</c> that DuckDB unnests itself, checked for its
        /// type; returns the index after the call, or -1 when nothing needs writing (the type is known, a map form, a
        /// parameter).</summary>
        private int TryEmitCheckedUnnest(int nameIndex, List<(int From, int To)> args, int close, int end)
        {
            int previous = Previous(nameIndex);
            if (close >= end || args.Count != 1 || !(Is(previous, "from") || Is(previous, "join") || Is(previous, ",") || Is(previous, "lateral")))
            {
                return -1;
            }
            var arg = args[0];
            var anchor = Tokens[nameIndex];
            if (StaticType(arg.From, arg.To) is { } known)
            {
                return known.EndsWith(']') || known.StartsWith("MAP(", StringComparison.OrdinalIgnoreCase) ? -1
                    : throw NotSupported(sql, anchor, $"Cannot unnest type: {DuckDbTypes.DuneName(known)}", Core.Executions.ExecutionError.ExecutionFailed);
            }
            // An operand whose type only DuckDB's binder knows is left to it (its error does not name the type): a
            // dispatch on the bound type (a struct keyed on it, as the division probe) made DuckDB plan the UNNEST as a
            // join and lost the array's order (the lead's review of decision 255).
            return -1;
        }
    }
}
