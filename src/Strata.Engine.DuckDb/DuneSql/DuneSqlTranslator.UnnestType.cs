namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's refusal of an UNNEST operand that is no array or map, <c>Cannot unnest type: varchar</c> (StatementAnalyzer,
/// the operand's type in Trino's name). DuckDB's binder refuses it without the type ("UNNEST requires a single list as
/// input"), so the type was named only for a literal operand (dune-messages2). An operand whose type the text fixes (a
/// column of a known table) is refused while translating when that type is no array or map. One whose type only the
/// binder knows is written as it is: an UNNEST of an expression is planned by DuckDB as a join and loses its array's order
/// (decision 259). When DuckDB then refuses the statement, the engine translates it once more with
/// <see cref="TranslateCheckingUnnest"/>, which writes each such operand <c>CASE WHEN dune_unnest_check(typeof(x), 'o',
/// 'u') THEN x END</c> (o, u: the offsets of the operand and of its UNNEST in the user's text), and binds that text only: the check's bind step names the
/// type (<see cref="DuneUnnestTypes"/>, decision 262), or, for a map, the operand, which the engine then translates as a map
/// (<see cref="Pass.MapOperands"/>, decision 266): Trino unnests a map into its key and value columns.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The translation of a statement DuckDB refused for an UNNEST operand that is no list, with each FROM-clause
    /// UNNEST operand of a type the text does not fix checked when it binds (never to be run: see the type's summary), or
    /// null when it would be too long.</summary>
    internal static DuneTranslation? TranslateCheckingUnnest(string sql, CancellationToken cancellationToken, DuneColumnTypes? columnTypes, IReadOnlySet<int>? mapOperands = null) =>
        TryTranslate(sql, MaxTranslatedChars, cancellationToken, columnTypes, strictFunctions: false, checkUnnestTypes: true, mapOperands: mapOperands);

    private sealed partial class Pass
    {
        /// <summary>Whether FROM-clause UNNEST operands of types the text does not fix are written with their bind-time
        /// type check (<see cref="TranslateCheckingUnnest"/>).</summary>
        public bool CheckUnnestTypes { get; init; }

        /// <summary>The UNNEST operands, by the offset of their first token in the user's text, that a checking bind found
        /// to be maps though the text does not show it: written as their entries, a key and a value column each.</summary>
        public IReadOnlySet<int>? MapOperands { get; init; }

        /// <summary>Whether a checking bind found this UNNEST operand to be a map (<see cref="MapOperands"/>).</summary>
        private bool IsBoundMap((int From, int To) arg) => MapOperands is { Count: > 0 } maps && maps.Contains(OperandOffset(arg));

        /// <summary>The offset of an operand's first token in the user's text, which names it across translations.</summary>
        private int OperandOffset((int From, int To) arg) => Tokens[Tokens[arg.From].IsTrivia ? Next(arg.From, arg.To) : arg.From].Start;

        /// <summary>Writes the one operand of a FROM-clause <c>UNNEST(x)</c> that DuckDB unnests itself, checked for its
        /// type; returns the index after the call, or -1 when nothing needs writing (the type is known to be an array or
        /// map, a map form, a parameter, a lone literal, or a translation that does not check).</summary>
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
                return DuneUnnestTypes.Unnestable(known) ? -1
                    : throw NotSupported(sql, anchor, $"Cannot unnest type: {DuckDbTypes.DuneName(known)}", Core.Executions.ExecutionError.ExecutionFailed);
            }
            if (!ChecksUnnestType(arg))
            {
                return -1;
            }
            Out.Text("unnest(", anchor);
            EmitTypeChecked(arg, anchor);
            Out.Text(")", Tokens[close]);
            return close + 1;
        }

        /// <summary>Whether an UNNEST operand is written with its type check: only in a checking translation, and not for
        /// a map form, a parameter or a lone literal (the error's rewrite names a literal's Trino type, varchar(3)).</summary>
        private bool ChecksUnnestType((int From, int To) arg)
        {
            if (!CheckUnnestTypes || IsMapOperand(arg.From, arg.To) || IsBoundMap(arg) || HoldsParameter(arg.From, arg.To))
            {
                return false;
            }
            int first = Tokens[arg.From].IsTrivia ? Next(arg.From, arg.To) : arg.From;
            return !(first == Previous(arg.To) && Tokens[first].Kind is DuneTokenKind.String or DuneTokenKind.Number);
        }

        /// <summary><c>CASE WHEN dune_unnest_check(typeof(x), 'o', 'u') THEN x END</c>: x, of x's type, whose bind fails
        /// with Trino's words (and the UNNEST's offset u) when that type is no list, array or map, and names the operand (its
        /// offset o) when it is a map.</summary>
        private void EmitTypeChecked((int From, int To) arg, DuneToken anchor)
        {
            Out.Text($"CASE WHEN {DuneUnnestTypes.Function}(typeof(", anchor);
            Emit(arg.From, arg.To);
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            Out.Text($"), '{OperandOffset(arg).ToString(invariant)}', '{anchor.Start.ToString(invariant)}') THEN ", anchor);
            Emit(arg.From, arg.To);
            Out.Text(" END", anchor);
        }
    }
}
