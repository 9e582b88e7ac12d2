using System.Globalization;
using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>/</c> and <c>%</c>, chosen by the operands' bound types (decision "dune-num2"). The translator knows no
/// column types, so every division and modulus whose operands' extent is sure is written as a struct whose fields are
/// the candidate forms, each behind a CASE on a key that DuckDB folds to a constant when it binds
/// (<c>dune_num_key(typeof(a) || '|' || typeof(b), …)</c>, <see cref="DuneNumeric"/>); the optimizer then drops the
/// CASEs not taken, so only one form runs:
/// <list type="bullet">
/// <item><c>d</c>, a decimal with a decimal or an integer: <c>/</c> is <see cref="DuneDecimal"/>'s exact quotient rounded
/// half up, <c>%</c> DuckDB's exact decimal remainder (sign of the dividend), checked for a zero divisor; both cast to Trino's
/// decimal(p,s), whose witness is built from the key (<c>coalesce</c> of decimal(i,0) and decimal(s,s) is
/// decimal(i+s,s)).</item>
/// <item><c>i</c>, two integers: DuckDB's integer division or remainder, with Trino's "Division by zero" (DuckDB gives NULL).</item>
/// <item><c>f</c>, a double or real with a number (<c>/</c> only): DuckDB's division, and IEEE division (Infinity, NaN)
/// where that gave NULL, typed as DuckDB types it.</item>
/// <item><c>v</c>, anything else (uint256, int256, NULL, a parameter): DuckDB's own operator.</item>
/// </list>
/// Each operand is written about ten times (all but one or two only typed), so a rewrite inside another stops at
/// <see cref="MaxDivisionNesting"/> levels, past which DuckDB's operator stays; an operand holding a subquery keeps
/// DuckDB's operator too (each typed copy would be planned).
/// </summary>
public static partial class DuneSqlTranslator
{
    private const int MaxDivisionNesting = 2;

    /// <summary>The text of <c>a / b</c> or <c>a % b</c> with <c>{A}</c> and <c>{B}</c> for the operands (parenthesised).</summary>
    private static readonly string[] DivisionTemplate = Template('/'), ModulusTemplate = Template('%');

    private static string[] Template(char op)
    {
        string key(char part) => $"dune_num_key(typeof({{A}}) || '|' || typeof({{B}}), '{part}{op}')";
        var integers = new StringBuilder("i0 := CAST(0 AS DECIMAL(1,1))");
        var scales = new StringBuilder("s0 := CAST(0 AS DECIMAL(1,0))");
        for (int k = 1; k <= 38; k++)
        {
            integers.Append(CultureInfo.InvariantCulture, $", i{k} := CAST(0 AS DECIMAL({k},0))");
            scales.Append(CultureInfo.InvariantCulture, $", s{k} := CAST(0 AS DECIMAL({k},{k}))");
        }
        string witness = $"coalesce(struct_extract(struct_pack({integers}), {key('i')}), struct_extract(struct_pack({scales}), {key('s')}))";
        // DuckDB's integer and decimal operators give NULL for a zero divisor; only those rows (and NULL operands) are
        // checked again, so the common rows keep DuckDB's speed. A NULL operand stays NULL, as in Trino.
        string checkedOp = $"coalesce({{A}} {op} {{B}}, CASE WHEN {{B}} = 0 AND {{A}} IS NOT NULL AND dune_division_by_zero({{B}}) THEN NULL END)";
        string kind = key('k');
        string decimalForm;
        if (op == '/')
        {
            var scaleWitness = new StringBuilder();
            for (int k = 0; k <= 38; k++)
            {
                scaleWitness.Append(CultureInfo.InvariantCulture, $"{(k > 0 ? ", " : "")}s{k} := CAST(NULL AS {DuneDecimal.ScaleTypePrefix}{k})");
            }
            decimalForm = $"cast_to_type(dune_decimal_divide({{A}}, {{B}}, struct_extract(struct_pack({scaleWitness}), {key('s')})), {witness})";
        }
        else
        {
            decimalForm = $"cast_to_type({checkedOp}, {witness})";
        }
        // IEEE division only where DuckDB's gave NULL (a zero divisor): Infinity, -Infinity, NaN.
        string floating = op == '/' ? $", f := CASE WHEN {kind} = 'f' THEN coalesce({{A}} / {{B}}, cast_to_type(dune_fdiv({{A}}, {{B}}), {{A}} / {{B}})) END" : "";
        string text = $"struct_extract(struct_pack(d := CASE WHEN {kind} = 'd' THEN {decimalForm} END, "
            + $"i := CASE WHEN {kind} = 'i' THEN {checkedOp} END{floating}, v := CASE WHEN {kind} = 'v' THEN {{A}} {op} {{B}} END), {kind})";
        // Split at the placeholders: even entries are text, odd ones "A" or "B".
        var parts = new List<string>();
        int at = 0;
        while (text.IndexOf('{', at) is int open and >= 0)
        {
            parts.Add(text[at..open]);
            parts.Add(text.Substring(open + 1, 1));
            at = open + 3;
        }
        parts.Add(text[at..]);
        return [.. parts];
    }

    private sealed partial class Pass
    {
        /// <summary>Divisions and moduli by the token where their left operand starts: the operator and the end of the right one.</summary>
        private Dictionary<int, List<(int Operator, int End)>>? divisions;

        private int divisionNesting;

        /// <summary>At the left operand of a division or modulus: emits Trino's form; returns the next index, or -1.</summary>
        private int TryEmitDivision(int i, int to)
        {
            if (divisionNesting >= MaxDivisionNesting)
            {
                return -1;
            }
            divisions ??= FindDivisions();
            if (!divisions.TryGetValue(i, out var here))
            {
                return -1;
            }
            int pick = Outermost(here, to, d => (d.Operator, d.End));
            if (pick < 0)
            {
                return -1;
            }
            var (op, end) = here[pick];
            var anchor = tokens[op];
            divisionNesting++;
            try
            {
                string[] template = Is(op, "/") ? DivisionTemplate : ModulusTemplate;
                for (int k = 0; k < template.Length; k++)
                {
                    if (k % 2 == 0)
                    {
                        emitter.Text(template[k], anchor);
                        continue;
                    }
                    emitter.Text("(", anchor);
                    if (template[k] == "A")
                    {
                        Emit(i, op);
                    }
                    else
                    {
                        Emit(Next(op, end), end);
                    }
                    emitter.Text(")", anchor);
                }
            }
            finally
            {
                divisionNesting--;
            }
            return end;
        }

        /// <summary>Finds the divisions and moduli whose operands' extent is sure and hold no subquery.</summary>
        private Dictionary<int, List<(int, int)>> FindDivisions()
        {
            var found = new Dictionary<int, List<(int, int)>>();
            for (int op = 0; op < tokens.Count; op++)
            {
                if (tokens[op].Kind != DuneTokenKind.Symbol || tokens[op].Length != 1 || sql[tokens[op].Start] is not ('/' or '%'))
                {
                    continue;
                }
                int leftEnd = Previous(op);
                if (leftEnd < 0 || !IsOperandEnd(leftEnd) || ProductStart(leftEnd) is not int leftStart)
                {
                    continue;
                }
                int rightStart = Next(op, tokens.Count);
                if (rightStart >= tokens.Count || FactorEnd(rightStart) is not int rightEnd)
                {
                    continue;
                }
                int before = Previous(leftStart), after = Next(rightEnd - 1, tokens.Count);
                bool bounded = (before < 0 || !(IsOperandEnd(before) || Is(before, ".") || Is(before, "::")))
                    && (after >= tokens.Count || !(Is(after, ".") || Is(after, "(") || Is(after, "[") || Is(after, "::") || Is(after, "at")
                        || Is(after, "over") || Is(after, "filter") || Is(after, "within")));
                if (bounded && !HasSubquery(leftStart, rightEnd))
                {
                    if (!found.TryGetValue(leftStart, out var list))
                    {
                        found[leftStart] = list = [];
                    }
                    list.Add((op, rightEnd));
                }
            }
            return found;
        }

        private bool HasSubquery(int from, int to)
        {
            for (int k = from; k < to && k < tokens.Count; k++)
            {
                if (Is(k, "select") || Is(k, "with") || Is(k, "values") || Is(k, "?"))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
