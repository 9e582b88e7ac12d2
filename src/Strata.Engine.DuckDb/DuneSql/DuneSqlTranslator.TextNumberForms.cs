namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The other forms of a string literal meeting a number (see DuneSqlTranslator.TextNumbers.cs for the comparison): Trino's
/// analyzer finds no common super type of varchar and a number, so <c>x BETWEEN '1' AND '5'</c> of a number x is "Cannot
/// check if bigint is BETWEEN varchar(1) and varchar(1)" (visitBetweenPredicate; the missing <c>throw</c> that let it fall
/// to "No value present" was fixed by trinodb/trino#29654), <c>CASE x WHEN '1' …</c> is "CASE operand type does not match
/// WHEN clause operand type: bigint vs varchar(1)" (visitSimpleCaseExpression: each WHEN operand against the CASE operand,
/// in order), and <c>x IN (1, 2, '3')</c> is "IN value and list items must be the same type: bigint" (coerceToSingleType
/// over the value and the items in order: the message names the common type of what came before the string). As for the
/// comparison: refused while translating where the text fixes every type, guarded per row where only DuckDB's binder types
/// the operand (the guard folds away for a text operand, so its plan and answer are unchanged).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>DuckDB's signed integer types by Trino's rank (tinyint 1 … bigint 4), as its <c>typeof</c> writes them.</summary>
    private static readonly string[] DuckDbIntegers = ["TINYINT", "SMALLINT", "INTEGER", "BIGINT"];

    private sealed partial class Pass
    {
        /// <summary><c>v [NOT] BETWEEN low AND high</c>: refused when the text types all three and mixes a string literal
        /// with a number; guarded when a bound is a string literal, the other bound is typed and v only the binder types.</summary>
        private void RefuseTextBetween((int From, int To) value, (int From, int To) low, (int From, int To) high)
        {
            if (OperandTypeForText(low) is not { } lo || OperandTypeForText(high) is not { } hi)
            {
                return;
            }
            if (OperandTypeForText(value) is { } v)
            {
                bool text = IsTextType(v) || IsTextType(lo) || IsTextType(hi);
                bool number = IsNotText(v) || IsNotText(lo) || IsNotText(hi);
                if (text && number)
                {
                    int first = tokens[value.From].IsTrivia ? Next(value.From, value.To) : value.From;
                    throw NotSupported(sql, tokens[first], $"Cannot check if {v} is BETWEEN {lo} and {hi}", Core.Executions.ExecutionError.ExecutionFailed);
                }
            }
            else if ((IsTextType(lo) || IsTextType(hi)) && IsUntyped(value))
            {
                GuardTextComparison(value.From, value, high.To, "Cannot check if ", $" is BETWEEN {lo} and {hi}");
            }
        }

        /// <summary><c>CASE x WHEN w1 THEN … [WHEN w2 THEN …] … END</c>: the first WHEN operand that is a string literal
        /// against a number operand (or a number against a string literal operand) is refused when the text types both; when
        /// only the binder types x, the whole CASE is guarded against the first string literal WHEN operand.</summary>
        private void RefuseTextCaseOperand(int caseToken)
        {
            int operandStart = Next(caseToken, tokens.Count);
            if (operandStart >= tokens.Count || Is(operandStart, "when"))
            {
                return; // a searched CASE
            }
            int operandEnd = -1, whenStart = -1, nested = 0, end = -1;
            var whens = new List<(int From, int To)>();
            for (int k = operandStart; k < tokens.Count; k = Next(k, tokens.Count))
            {
                if (IsOpening(k))
                {
                    k = Close(k, tokens.Count);
                    if (k >= tokens.Count)
                    {
                        return;
                    }
                }
                else if (tokens[k].Kind == DuneTokenKind.Symbol && Sql[tokens[k].Start] is ')' or ']')
                {
                    return; // the CASE is not closed inside its bracket: not one the translator reads
                }
                else if (Is(k, "case"))
                {
                    nested++;
                }
                else if (Is(k, "end") && nested-- == 0)
                {
                    end = k;
                    break;
                }
                else if (nested == 0 && Is(k, "when"))
                {
                    operandEnd = operandEnd < 0 ? k : operandEnd;
                    whenStart = Next(k, tokens.Count);
                }
                else if (nested == 0 && Is(k, "then") && whenStart >= 0)
                {
                    whens.Add((whenStart, k));
                    whenStart = -1;
                }
            }
            if (end < 0 || operandEnd < 0)
            {
                return;
            }
            var operand = (operandStart, operandEnd);
            string? operandType = OperandTypeForText(operand);
            foreach (var when in whens)
            {
                if (OperandTypeForText(when) is not { } whenType)
                {
                    continue;
                }
                if (operandType is not null && (IsTextType(operandType) && IsNotText(whenType) || IsNotText(operandType) && IsTextType(whenType)))
                {
                    throw NotSupported(sql, tokens[when.From], $"CASE operand type does not match WHEN clause operand type: {operandType} vs {whenType}",
                        Core.Executions.ExecutionError.ExecutionFailed);
                }
                if (operandType is null && IsTextType(whenType) && IsUntyped(operand))
                {
                    GuardTextComparison(caseToken, operand, end + 1, "CASE operand type does not match WHEN clause operand type: ", $" vs {whenType}");
                    return;
                }
            }
        }

        /// <summary><c>x IN (…)</c> of a value only DuckDB's binder types: guarded at the first string literal item, when every
        /// item before it is an integer the text types (the common type so far is then the value's type, or the widest item's
        /// when the value is a narrower integer). An untyped or non-integer item before it leaves the list as before.</summary>
        private void GuardTextInList((int From, int To) value, int open, int close)
        {
            string? widest = null;
            foreach (var item in Arguments(open, close))
            {
                if (OperandTypeForText(item) is not { } type)
                {
                    return;
                }
                if (IsTextType(type))
                {
                    GuardTextComparison(value.From, value, close + 1, "IN value and list items must be the same type: ", "", widest);
                    return;
                }
                if (IntegerRank(type) is not int rank)
                {
                    return;
                }
                widest = widest is null || rank > IntegerRank(widest) ? type : widest;
            }
        }
    }
}
