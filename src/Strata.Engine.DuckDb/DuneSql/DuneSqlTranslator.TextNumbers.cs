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
/// Trino has no coercion between varbinary and varchar either (TypeCoercion: no common super type), so a varbinary operand
/// (an address or hash column) against a string literal is refused the same way, "Cannot apply operator: varbinary =
/// varchar(42)" (dune-docs' datatypes.mdx: addresses are varbinary, written <c>0x…</c> unquoted); DuckDB cast the string's
/// characters to a BLOB and answered no rows (decision 320).
/// </summary>
public static partial class DuneSqlTranslator
{
    private static readonly HashSet<string> TextNumberComparisons = ["=", "<>", "!=", "<", ">", "<=", ">="];

    /// <summary>DuckDB's number types, as its <c>typeof</c> writes them (Dune's uint256 and int256 are registered types; a
    /// BIGNUM is their sum), for RE2's full match.</summary>
    private const string DuckDbNumberTypes = @"(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|UINT256|INT256|BIGNUM|DECIMAL\(.*\))";

    /// <summary>The types a guard refuses against a string literal: the numbers and DuckDB's BLOB (Trino's varbinary).</summary>
    private const string DuckDbGuardedTypes = "(" + DuckDbNumberTypes + "|BLOB)";

    /// <summary>The type a guard refuses against a varbinary: DuckDB's VARCHAR (decision 323).</summary>
    private const string DuckDbText = "VARCHAR";

    private sealed partial class Pass
    {
        /// <summary>Refuses a string literal compared with a number (see the type's summary), then writes the statement.</summary>
        public void EmitStatement()
        {
            RefuseTextNumberOperands();
            RefuseFieldsOfNonRows();
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
                    // Trino names the operator it resolves (<> as =, > as <, >= as <=: TrinoErrorMessages.Comparisons.cs).
                    string op = TrinoErrorMessages.TrinoComparisonOperator(Text(k));
                    if (a is not null && b is not null && (IsTextType(a) && IsNotText(b) || IsNotText(a) && IsTextType(b)))
                    {
                        throw NotSupported(sql, tokens[k], $"Cannot apply operator: {a} {op} {b}", Core.Executions.ExecutionError.ExecutionFailed);
                    }
                    if (a == "varbinary" && IsUntyped(comparison.Right))
                    {
                        // A varbinary against an operand only DuckDB's binder types: refused when that is a text.
                        GuardTextComparison(comparison.Left.From, comparison.Right, comparison.Right.To, $"Cannot apply operator: {a} {op} ", "",
                            pattern: DuckDbText);
                    }
                    else if (b == "varbinary" && IsUntyped(comparison.Left))
                    {
                        GuardTextComparison(comparison.Left.From, comparison.Left, comparison.Right.To, "Cannot apply operator: ", $" {op} {b}",
                            pattern: DuckDbText);
                    }
                    else if (a is not null && IsTextType(a) && IsUntyped(comparison.Right))
                    {
                        GuardTextComparison(comparison.Left.From, comparison.Right, comparison.Right.To, $"Cannot apply operator: {a} {op} ", "");
                    }
                    else if (b is not null && IsTextType(b) && IsUntyped(comparison.Left))
                    {
                        GuardTextComparison(comparison.Left.From, comparison.Left, comparison.Right.To, "Cannot apply operator: ", $" {op} {b}");
                    }
                }
                else if (Is(k, "in") && Is(Next(k, tokens.Count), "(") && InExtent(k) is { } list)
                {
                    RefuseTextInNumbers(list.Value, list.Open, list.Close);
                }
                else if (Is(k, "between") && BetweenExtent(k) is { } between)
                {
                    RefuseTextBetween(between.Value, between.Low, between.High);
                }
                else if (Is(k, "case"))
                {
                    RefuseTextCaseOperand(k);
                }
            }
        }

        /// <summary><c>x IN (…)</c> of a number x: the first item that is a string literal, after items of x's kind of number
        /// only (integers widen to the wider; another kind leaves the common type to the engine).</summary>
        private void RefuseTextInNumbers((int From, int To) value, int open, int close)
        {
            if (IsSubqueryStart(Next(open, close)))
            {
                return;
            }
            if (OperandTypeForText(value) is not { } super || !IsNotText(super))
            {
                if (IsUntyped(value))
                {
                    GuardTextInList(value, open, close);
                }
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
                if (type == super)
                {
                    continue;
                }
                if (type is null || IntegerRank(type) is not int rank || IntegerRank(super) is not int superRank)
                {
                    return;
                }
                super = rank > superRank ? type : super;
            }
        }

        /// <summary>Comparisons of a string literal with an operand whose type only DuckDB's binder knows: the end (exclusive) by
        /// the comparison's first token.</summary>
        private Dictionary<int, int>? textGuards;

        /// <summary>The guarded operand and the refusal's words around its type, by the comparison's first token.</summary>
        private Dictionary<int, TextGuard>? textGuardParts;

        /// <summary>A guarded comparison's operand, the refusal's words before and after its type, and, for an IN list whose
        /// string follows integer items, the widest of those items (Trino names the common type so far: the item's type when
        /// the operand is a narrower integer).</summary>
        private sealed record TextGuard((int From, int To) Operand, string Before, string After, string? WidestItem, string Pattern);

        /// <summary>The first token of the comparison being written inside its guard (it is not wrapped again).</summary>
        private int textGuardAt = -1;

        /// <summary>Whether tokens [from, to) are a value whose type the text does not fix and which may be written more than
        /// once (no parameter, no subquery): a CTE's or subquery's column, an aggregate, a call the translator does not type.</summary>
        private bool IsUntyped((int From, int To) operand)
        {
            int first = tokens[operand.From].IsTrivia ? Next(operand.From, operand.To) : operand.From, last = Previous(operand.To);
            if (first > last || first >= operand.To || IsTerminatedString(first) && first == last || Is(first, "null") && first == last
                || HoldsParameter(operand.From, operand.To) || StaticType(operand.From, operand.To) is not null || IsSurelyText(operand.From, operand.To))
            {
                return false;
            }
            for (int k = first; k <= last; k++)
            {
                if (Is(k, "select") || Is(k, "values") || Is(k, "with"))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Marks the comparison [from, end) to be written inside a guard that refuses it, per row, when DuckDB's
        /// binder gives the operand a number type (see the type's summary).</summary>
        private void GuardTextComparison(int from, (int From, int To) operand, int end, string before, string after, string? widestItem = null,
            string pattern = DuckDbGuardedTypes)
        {
            from = tokens[from].IsTrivia ? Next(from, end) : from;
            if ((textGuards ??= []).TryAdd(from, end))
            {
                (textGuardParts ??= [])[from] = new TextGuard(operand, before, after, widestItem, pattern);
            }
        }

        /// <summary>At the first token of a guarded comparison: <c>CASE WHEN</c> DuckDB's type of the operand is a number
        /// <c>THEN error(…)</c> naming Trino's types <c>ELSE</c> the comparison <c>END</c>. DuckDB folds <c>typeof</c> when
        /// it binds and drops the branch it cannot take, so the operand is computed once and a filter stays a filter.
        /// Inside a TRY the comparison is written unguarded: DuckDB refuses TRY around the volatile <c>error()</c> when it
        /// binds, before the branch is dropped, so a guard there failed queries over text that Trino answers (the review of
        /// decision 310); a number operand then gets DuckDB's answer, as before decision 307.</summary>
        private int TryEmitTextGuard(int i, int to) =>
            textGuards is null || tryDepth > 0 || !textGuards.ContainsKey(i) ? -1 : TryEmitOperand(i, to, textGuards, ref textGuardAt, (from, end) =>
            {
                var (operand, before, after, widestItem, pattern) = textGuardParts![from];
                DuneToken anchor = tokens[from];
                emitter.Text("(CASE WHEN regexp_full_match(typeof(", anchor);
                Emit(operand.From, operand.To);
                emitter.Text("), '" + pattern + "') THEN error('" + before.Replace("'", "''", StringComparison.Ordinal) + "' || ", anchor);
                if (widestItem is not null)
                {
                    // The common type of a narrower integer and the widest integer item is the item's type.
                    emitter.Text("CASE WHEN typeof(", anchor);
                    Emit(operand.From, operand.To);
                    emitter.Text(") IN (" + string.Join(", ", DuckDbIntegers.Take(IntegerRank(widestItem)!.Value).Select(t => "'" + t + "'"))
                        + ") THEN '" + widestItem + "' ELSE ", anchor);
                }
                emitter.Text("dune_type_name(typeof(", anchor);
                Emit(operand.From, operand.To);
                emitter.Text(widestItem is null ? "))" : ")) END", anchor);
                emitter.Text(" || '" + after.Replace("'", "''", StringComparison.Ordinal) + "') ELSE ", anchor);
                Emit(from, end);
                emitter.Text(" END)", tokens[Previous(end)]);
            });

        /// <summary>Trino's type of an operand for this check: <c>varchar(n)</c> of a lone string literal (n its code points),
        /// the varchar of an operand the text makes sure is one (<see cref="TextOperandType"/>), <c>varbinary</c> of a
        /// <c>0x…</c> literal or an operand surely a varbinary, the Trino name of a number whose type the text fixes, else
        /// null.</summary>
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
            if (first == last && tokens[first].Kind == DuneTokenKind.HexBinary)
            {
                return "varbinary";
            }
            if (HoldsParameter(operand.From, operand.To))
            {
                return null;
            }
            if (TextOperandType(operand.From, operand.To) is { } text)
            {
                return text;
            }
            if (IsSurelyVarbinary(operand.From, operand.To))
            {
                return "varbinary";
            }
            if (StaticType(operand.From, operand.To) is not { } known)
            {
                return null;
            }
            string name = DuckDbTypes.DuneName(known);
            return IsNotText(name) ? name : null;
        }

        private static bool IsTextType(string trinoType) => trinoType == "varchar" || trinoType.StartsWith("varchar(", StringComparison.Ordinal);

        /// <summary>A number or varbinary: neither has a common super type with varchar in Trino.</summary>
        private static bool IsNotText(string trinoType) => IsNumberType(trinoType) || trinoType == "varbinary";

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
