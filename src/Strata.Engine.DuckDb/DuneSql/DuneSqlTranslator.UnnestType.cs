namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's refusal of an UNNEST operand that is no array or map, <c>Cannot unnest type: varchar</c> (StatementAnalyzer,
/// the operand's type in Trino's name). DuckDB's binder refuses it without the type ("UNNEST requires a single list as
/// input"), so the type was named only for a literal operand (dune-messages2). A single operand whose type the text does
/// not fix is read through a struct keyed on its bound type, as the division probe is: DuckDB folds the key to a constant
/// when it binds, so a list or map operand is read as it is, and any other fails with Trino's words and the type's Dune
/// name (<c>dune_type_name(typeof(x))</c>, <see cref="DuneTypeNames"/>). An operand whose type the text fixes (a column of
/// a known table) is refused while translating when that type is no array or map.
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
            int first = Tokens[arg.From].IsTrivia ? Next(arg.From, arg.To) : arg.From;
            if (IsMapOperand(arg.From, arg.To) || HoldsParameter(arg.From, arg.To)
                || (first == Previous(arg.To) && Tokens[first].Kind is DuneTokenKind.String or DuneTokenKind.Number))
            {
                return -1; // a lone literal: the error's rewrite names its Trino type (varchar(3)), as before
            }
            void Key()
            {
                Out.Text("(CASE WHEN typeof(", anchor);
                Emit(arg.From, arg.To);
                Out.Text(") LIKE '%]' OR typeof(", anchor);
                Emit(arg.From, arg.To);
                Out.Text(") LIKE 'MAP(%' THEN 'l' ELSE 'e' END)", anchor);
            }
            Out.Text("unnest(struct_extract(struct_pack(l := CASE WHEN ", anchor);
            Key();
            Out.Text(" = 'l' THEN ", anchor);
            Emit(arg.From, arg.To);
            Out.Text(" END, e := CASE WHEN ", anchor);
            Key();
            Out.Text(" = 'e' THEN CAST(error('Cannot unnest type: ' || dune_type_name(typeof(", anchor);
            Emit(arg.From, arg.To);
            Out.Text("))) AS INTEGER[]) END), ", anchor);
            Key();
            Out.Text("))", Tokens[close]);
            return close + 1;
        }
    }
}
