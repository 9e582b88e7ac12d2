namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino has no implicit coercion between character and numeric types (Dune's conversion.mdx: "DuneSQL will not convert
/// implicitly between character and numeric types"; TypeCoercion gives varchar and a number no common super type), so a
/// string literal compared with a number is refused: <c>'abc' = 1</c> and <c>'1' = 1</c> are "Cannot apply operator:
/// varchar(3) = integer" at the operator (OperatorNotFoundException), <c>x IN ('1', '2')</c> of a number x is "IN value and
/// list items must be the same type: bigint" at the first string (coerceToSingleType). DuckDB reads a string literal as a
/// value of the other operand's type: it answered <c>'1' = 1</c> and <c>bigint_column = '5'</c>, and failed
/// <c>'abc' = 1</c> with its cast's words. Refused here while translating where the number's type is known from the text
/// (a number literal, a typed literal or cast, a column of a known table: <see cref="Pass.StaticType"/>); a varchar column
/// against a number is DuckDB's own refusal, reworded (TrinoErrorMessages.Binder.cs). A date, timestamp or boolean operand,
/// a <c>0x…</c> literal (varbinary) and a parameter are left as before.
/// </summary>
public static partial class DuneSqlTranslator
{
    private static readonly HashSet<string> TextNumberComparisons = ["=", "<>", "!=", "<", ">", "<=", ">="];

    private sealed partial class Pass
    {
        /// <summary>Refuses a string literal compared with a number (see the type's summary), then writes the statement.</summary>
        public void EmitStatement()
        {
            RefuseTextNumberOperands();
            Emit(0, tokens.Count);
        }

        private void RefuseTextNumberOperands()
        {
            for (int k = 0; k < tokens.Count; k++)
            {
                if (tokens[k].Kind == DuneTokenKind.String)
                {
                    continue;
                }
                if (TextNumberComparisons.Contains(Text(k)) && ComparisonExtent(k) is { } comparison)
                {
                    string? a = OperandTypeForText(comparison.Left), b = OperandTypeForText(comparison.Right);
                    if (a is not null && b is not null && (IsTextType(a) && IsNumberType(b) || IsNumberType(a) && IsTextType(b)))
                    {
                        // Trino names the operator it resolves (<> as =, > as <, >= as <=: TrinoErrorMessages.Comparisons.cs).
                        string op = TrinoErrorMessages.TrinoComparisonOperator(Text(k));
                        throw NotSupported(sql, tokens[k], $"Cannot apply operator: {a} {op} {b}", Core.Executions.ExecutionError.ExecutionFailed);
                    }
                }
                else if (Is(k, "in") && Is(Next(k, tokens.Count), "(") && InExtent(k) is { } list)
                {
                    RefuseTextInNumbers(list.Value, list.Open, list.Close);
                }
            }
        }

        /// <summary><c>x IN (…)</c> of a number x: the first item that is a string literal, after items of x's kind of number
        /// only (integers widen to the wider; another kind leaves the common type to the engine).</summary>
        private void RefuseTextInNumbers((int From, int To) value, int open, int close)
        {
            if (OperandTypeForText(value) is not { } super || !IsNumberType(super) || IsSubqueryStart(Next(open, close)))
            {
                return;
            }
            foreach (var (from, to) in Arguments(open, close))
            {
                string? type = OperandTypeForText((from, to));
                if (type is not null && IsTextType(type))
                {
                    int first = tokens[from].IsTrivia ? Next(from, to) : from;
                    throw NotSupported(sql, tokens[first], $"IN value and list items must be the same type: {super}", Core.Executions.ExecutionError.ExecutionFailed);
                }
                if (type is null || IntegerRank(type) is not int rank || IntegerRank(super) is not int superRank)
                {
                    return;
                }
                super = rank > superRank ? type : super;
            }
        }

        /// <summary>Trino's type of an operand for this check: <c>varchar(n)</c> of a lone string literal (n its code points),
        /// the Trino name of a number whose type the text fixes, else null.</summary>
        private string? OperandTypeForText((int From, int To) operand)
        {
            int first = tokens[operand.From].IsTrivia ? Next(operand.From, operand.To) : operand.From, last = Previous(operand.To);
            if (first > last || first >= operand.To)
            {
                return null;
            }
            if (first == last && IsTerminatedString(first))
            {
                return $"varchar({Unquote(first).EnumerateRunes().Count().ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            }
            if (HoldsParameter(operand.From, operand.To) || StaticType(operand.From, operand.To) is not { } known)
            {
                return null;
            }
            string name = DuckDbTypes.DuneName(known);
            return IsNumberType(name) ? name : null;
        }

        private static bool IsTextType(string trinoType) => trinoType.StartsWith("varchar(", StringComparison.Ordinal);

        private static bool IsNumberType(string trinoType) =>
            IntegerRank(trinoType) is not null || trinoType is "real" or "double" or "uint256" or "int256"
            || trinoType.StartsWith("decimal(", StringComparison.Ordinal);

        private static int? IntegerRank(string trinoType) => trinoType switch
        {
            "tinyint" => 1,
            "smallint" => 2,
            "integer" => 3,
            "bigint" => 4,
            _ => null,
        };
    }
}
