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
        /// <summary>Writes an UNNEST call that needs writing (<see cref="TryEmitUnnest"/>) and returns the index after it;
        /// otherwise checks its operand (<see cref="CheckUnnestOperand"/>) and returns -1: the call is written as it is.</summary>
        private int TryEmitOrCheckUnnest(int nameIndex, List<(int From, int To)> args, int close, int end)
        {
            int after = TryEmitUnnest(nameIndex, args, close, end);
            if (after <= 0)
            {
                CheckUnnestOperand(nameIndex, args, close, end);
            }
            return after;
        }

        /// <summary>Checks the one operand of a FROM-clause <c>UNNEST(x)</c> that DuckDB unnests itself: refuses it with
        /// Trino's words when the text fixes its type and that type is no array or map. Writes nothing: the call is then
        /// written as it is.</summary>
        private void CheckUnnestOperand(int nameIndex, List<(int From, int To)> args, int close, int end)
        {
            int previous = Previous(nameIndex);
            if (close >= end || args.Count != 1 || !(Is(previous, "from") || Is(previous, "join") || Is(previous, ",") || Is(previous, "lateral")))
            {
                return;
            }
            // An operand whose type only DuckDB's binder knows is left to it (its error does not name the type): a
            // dispatch on the bound type (a struct keyed on it, as the division probe) made DuckDB plan the UNNEST as a
            // join and lost the array's order (the lead's review of decision 255).
            if (StaticType(args[0].From, args[0].To) is { } known && !known.EndsWith(']') && !known.StartsWith("MAP(", StringComparison.OrdinalIgnoreCase))
            {
                throw NotSupported(sql, Tokens[nameIndex], $"Cannot unnest type: {DuckDbTypes.DuneName(known)}", Core.Executions.ExecutionError.ExecutionFailed);
            }
        }
    }
}
