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
/// That probe writes each operand about ten times and costs milliseconds of binding, so it is the fallback: when the
/// text fixes both operands' types (DuneSqlTranslator.DivisionTypes.cs) the form the probe would pick is written
/// directly (decision "dune-num3"). A form that writes an operand more than once and whose operand holds another
/// division or a subquery reads its operands through a lambda instead (<see cref="Pass.EmitShared"/>), so the text
/// grows linearly with nesting. An operand holding a parameter (<c>?</c>) gets only forms that write it once.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The text of <c>a / b</c> or <c>a % b</c> with <c>{A}</c> and <c>{B}</c> for the operands (parenthesised).</summary>
    private static readonly string[] DivisionTemplate = Template('/'), ModulusTemplate = Template('%');

    /// <summary>DuckDB's integer or decimal operator, with Trino's "Division by zero" where it gave NULL for a zero divisor.
    /// The failing call is the THEN of the row's test, never a term of it: DuckDB's optimizer evaluates a term of an AND
    /// that is constant (<c>dune_division_by_zero(0)</c> once <c>0 = 0</c> and a NOT NULL column's test are folded) while
    /// planning, outside any TRY and before any row is read; a THEN (typed as the divisor, so the
    /// quotient's type is unchanged) is folded only when it can be evaluated (decision "dune-types9").</summary>
    private static string Checked(char op) =>
        $"coalesce({{A}} {op} {{B}}, CASE WHEN {{B}} = 0 AND {{A}} IS NOT NULL THEN cast_to_type(CAST(dune_division_by_zero({{B}}) AS TINYINT), {{B}}) END)";

    /// <summary>An integer form's text: its operands are written with <c>{a}</c>/<c>{b}</c>, which pin an integer
    /// literal to Trino's INTEGER (DuckDB's literal takes the other operand's type: <c>7 / CAST(3 AS smallint)</c>
    /// would be a smallint, Trino's is an integer).</summary>
    private static string Pinned(string form) => form.Replace("{A}", "{a}", StringComparison.Ordinal).Replace("{B}", "{b}", StringComparison.Ordinal);

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
        string checkedOp = Checked(op);
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
            + $"i := CASE WHEN {kind} = 'i' THEN {Pinned(checkedOp)} END{floating}, v := CASE WHEN {kind} = 'v' THEN {{A}} {op} {{B}} END), {kind})";
        return Split(text);
    }

    /// <summary>A form's text split at its placeholders: even entries are text, odd ones "A" or "B".</summary>
    private static string[] Split(string text)
    {
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

        /// <summary>At the left operand of a division or modulus: emits Trino's form; returns the next index, or -1.</summary>
        private int TryEmitDivision(int i, int to)
        {
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
            return EmitQuotient(Is(op, "/"), (i, op), (Next(op, end), end), tokens[op]) ? end : -1;
        }

        /// <summary><c>mod(a, b)</c>: Trino's <c>a % b</c> (integer or decimal remainder, "Division by zero"); returns the
        /// next index, or -1.</summary>
        private int TryEmitMod(int nameIndex, List<(int From, int To)> args, int close, int end) =>
            args.Count == 2 && close < end && EmitQuotient(false, args[0], args[1], tokens[nameIndex]) ? close + 1 : -1;

        /// <summary>Writes Trino's a / b (divide) or a % b; false (nothing written) when an operand holds a parameter that
        /// the form would have to write twice.</summary>
        private bool EmitQuotient(bool divide, (int From, int To) a, (int From, int To) b, DuneToken anchor)
        {
            string[] form = ChooseForm(divide, StaticType(a.From, a.To), StaticType(b.From, b.To), IsNonZeroLiteral(b.From, b.To))
                ?? (divide ? DivisionTemplate : ModulusTemplate);
            bool copies = Uses(form, "A") > 1 || Uses(form, "B") > 1;
            if (copies && HoldsParameter(a.From, b.To))
            {
                return false; // a parameter is numbered by its place: it must be written once
            }
            bool nestedA = copies && HoldsNested(a.From, a.To), nestedB = copies && HoldsNested(b.From, b.To);
            if (nestedA || nestedB)
            {
                EmitShared(form, a, b, nestedA, nestedB, anchor);
            }
            else
            {
                EmitForm(form, a, b, anchor);
            }
            return true;
        }

        /// <summary>Writes a form with each placeholder replaced by its operand (parenthesised).</summary>
        private void EmitForm(string[] form, (int From, int To) a, (int From, int To) b, DuneToken anchor)
        {
            for (int k = 0; k < form.Length; k++)
            {
                if (k % 2 == 0)
                {
                    emitter.Text(form[k], anchor);
                    continue;
                }
                var (from, to) = form[k] is "A" or "a" ? a : b;
                EmitOperand(from, to, form[k] is "a" or "b", anchor);
            }
        }

        /// <summary>An operand, parenthesised; when pinned and an integer literal of INTEGER's range, cast to INTEGER.</summary>
        private void EmitOperand(int from, int to, bool pinned, DuneToken anchor)
        {
            bool pin = pinned && IsIntegerLiteral(from, to);
            emitter.Text(pin ? "CAST((" : "(", anchor);
            Emit(from, to);
            emitter.Text(pin ? ") AS INTEGER)" : ")", anchor);
        }

        /// <summary>Whether tokens [from, to) are an integer literal (signed, parenthesised) that DuckDB types INTEGER.</summary>
        private bool IsIntegerLiteral(int from, int to)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack(); // nested operands recurse (decision hostile11)
            from = from < tokens.Count && tokens[from].IsTrivia ? Next(from, to) : from;
            int last = Previous(to);
            if (from > last || last < 0)
            {
                return false;
            }
            if (Is(from, "(") && Match(from) == last)
            {
                return IsIntegerLiteral(from + 1, last);
            }
            int number = Is(from, "-") || Is(from, "+") ? Next(from, to) : from;
            return number == last && tokens[number].Kind == DuneTokenKind.Number && NumberType(Text(number)) == "INTEGER";
        }

        /// <summary>Writes a form whose operand holds a division or a subquery with that operand written once: it is the
        /// element of a one-element list (a struct of both when both hold one), and the form reads it in a lambda; the
        /// other operand is written in the lambda's body. Text grows with the operands, never with the nesting (a form
        /// inside a form's copies would multiply at every level), and each level adds three or four expression levels,
        /// so 200 nested divisions stay within DuckDB's limit of 1000.</summary>
        private void EmitShared(string[] form, (int From, int To) a, (int From, int To) b, bool shareA, bool shareB, DuneToken anchor)
        {
            bool both = shareA && shareB;
            emitter.Text(both ? "list_transform([struct_pack(a := (" : "list_transform([(", anchor);
            Emit(shareA ? a.From : b.From, shareA ? a.To : b.To);
            if (both)
            {
                emitter.Text("), b := (", anchor);
                Emit(b.From, b.To);
                emitter.Text(")", anchor);
            }
            emitter.Text(")], _strata_q -> ", anchor);
            for (int k = 0; k < form.Length; k++)
            {
                if (k % 2 == 0)
                {
                    emitter.Text(form[k], anchor);
                    continue;
                }
                bool isA = form[k] is "A" or "a";
                if (both)
                {
                    emitter.Text(isA ? "struct_extract(_strata_q, 'a')" : "struct_extract(_strata_q, 'b')", anchor);
                }
                else if (isA == shareA)
                {
                    emitter.Text("_strata_q", anchor);
                }
                else
                {
                    EmitOperand(isA ? a.From : b.From, isA ? a.To : b.To, form[k] is "a" or "b", anchor);
                }
            }
            emitter.Text(")[1]", anchor);
        }

        private static int Uses(string[] form, string operand)
        {
            int n = 0;
            for (int k = 1; k < form.Length; k += 2)
            {
                n += string.Equals(form[k], operand, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
            return n;
        }

        /// <summary>Whether tokens [from, to) hold another division or modulus (or mod call), or a subquery.</summary>
        private bool HoldsNested(int from, int to)
        {
            for (int k = from; k < to && k < tokens.Count; k++)
            {
                if (Is(k, "/") || Is(k, "%") || Is(k, "select") || Is(k, "with") || Is(k, "values") || (Is(k, "mod") && Is(Next(k, to), "(")))
                {
                    return true;
                }
            }
            return false;
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
                AddBounded(found, leftStart, op, rightEnd);
            }
            return found;
        }

        /// <summary>Adds the operation (left operand's first token, operator, end) when nothing binds tighter at either end
        /// (a member access, a cast, a call, a subscript, AT TIME ZONE, a window or filter clause).</summary>
        private void AddBounded(Dictionary<int, List<(int, int)>> found, int leftStart, int op, int rightEnd)
        {
            int before = Previous(leftStart), after = Next(rightEnd - 1, tokens.Count);
            bool bounded = (before < 0 || !(IsOperandEnd(before) || Is(before, ".") || Is(before, "::")))
                && (after >= tokens.Count || !(Is(after, ".") || Is(after, "(") || Is(after, "[") || Is(after, "::") || Is(after, "at")
                    || Is(after, "over") || Is(after, "filter") || Is(after, "within")));
            if (bounded)
            {
                if (!found.TryGetValue(leftStart, out var list))
                {
                    found[leftStart] = list = [];
                }
                list.Add((op, rightEnd));
            }
        }
    }
}
