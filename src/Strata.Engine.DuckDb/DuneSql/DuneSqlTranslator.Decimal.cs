using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's DECIMAL aggregates and rounding where DuckDB's differ (Trino's MathFunctions and DecimalAverageAggregation):
/// DuckDB averages decimals as doubles and gives <c>round(x, d)</c> the scale d (Trino keeps x's scale). Every
/// <c>avg(x)</c> and <c>round(x, d)</c> is rewritten (decision "dune-types4"; before, only where x was surely a decimal
/// from its form): DuckDB's binder chooses by x's type, each form behind a CASE on the folded key, so only one is left
/// (and the aggregates of the other are dropped). Division and
/// modulus are chosen by the operands' bound types for every operand (DuneSqlTranslator.Division.cs).
/// <list type="bullet">
/// <item><c>avg(x)</c> of a decimal is <c>sum(x) / count(x)</c> rounded half up at x's scale, typed as x.</item>
/// <item><c>round(x, d)</c> of a decimal(p,s) is decimal(min(38, p + 1), s) (the value rounded at d digits); <c>round(x)</c>
/// is decimal(min(38, p - s + min(1, s)), 0).</item>
/// </list>
/// avg's argument is written up to five times (the copies other than the evaluated ones are only typed), round(x, d)'s
/// digits twice: nested, those stop at <see cref="MaxDecimalNesting"/> levels, so the text never grows without bound. A
/// rounding's operand is written once (a one-element list's lambda names it, hostile26), so floor, ceil, round and
/// truncate of one argument are rewritten at any depth.
/// </summary>
public static partial class DuneSqlTranslator
{
    private const int MaxDecimalNesting = 3;

    /// <summary>The fields <c>, w1 := CAST(NULL AS DECIMAL(1,0))</c> … <c>w38</c>: the types of a whole round.</summary>
    private static readonly string WholeDecimalWitnesses = string.Concat(Enumerable.Range(1, 38).Select(
        k => string.Create(CultureInfo.InvariantCulture, $", w{k} := CAST(NULL AS DECIMAL({k},0))")));

    /// <summary>A decimal's scale from its type name, folded to a constant when DuckDB binds (0 for an integer).</summary>
    private const string ScaleOfType = "coalesce(TRY_CAST(regexp_extract(left(typeof([{0}]), -2), ',(\\d+)\\)$', 1) AS INTEGER), 0)";

    /// <summary>A decimal's precision from its type name, folded to a constant when DuckDB binds (1 for an integer).</summary>
    private const string PrecisionOfType = "coalesce(TRY_CAST(regexp_extract(left(typeof([{0}]), -2), '\\((\\d+),', 1) AS INTEGER), 1)";

    /// <summary>The CAST that gives a fractional literal Trino's type where DuckDB's differs (DuckDB counts a leading zero:
    /// its 0.05 is DECIMAL(3,2), Trino's decimal(2,2)); null where they agree or the literal is not a plain decimal.</summary>
    internal static string? DecimalLiteralCast(string literal)
    {
        if (!(literal.StartsWith('0') || literal.StartsWith('.')) || !literal.Contains('.', StringComparison.Ordinal)
            || DecimalLiteralType(literal) is not string type)
        {
            return null;
        }
        return "CAST(" + literal + " AS " + type + ")";
    }

    private sealed partial class Pass
    {
        private int decimalNesting;

        /// <summary><c>avg(x)</c>, decimal(p,s) for a decimal(p,s) x (see the type's summary); returns the next index, or -1.</summary>
        private int TryEmitDecimalAvg(int nameIndex, List<(int From, int To)> args, int close, int end)
        {
            if (args.Count != 1 || close >= end || decimalNesting >= MaxDecimalNesting || Is(Next(args[0].From - 1, close), "distinct")
                || Is(Next(args[0].From - 1, close), "all") || Is(Next(close, end), "over") || Is(Next(close, end), "filter")
                || (SurelyNotDecimal(args[0].From, args[0].To) && StaticType(args[0].From, args[0].To) != "FLOAT"))
            {
                return -1;
            }
            var anchor = tokens[nameIndex];
            void Call(string function)
            {
                emitter.Text(function + "((", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text("))", anchor);
            }
            void IsDecimal()
            {
                emitter.Text("typeof(", anchor);
                Call("min");
                emitter.Text(") LIKE 'DECIMAL%'", anchor);
            }
            // The sum of the branch not taken must still bind where DuckDB has an avg but no sum (an interval): its
            // argument is cast to decimal(1,0) there, a cast that is never run.
            void Sum()
            {
                emitter.Text("sum(cast_to_type(", anchor);
                EmitParenthesized(args[0], anchor);
                emitter.Text(", struct_extract(struct_pack(d := ", anchor);
                EmitParenthesized(args[0], anchor);
                emitter.Text(", o := CAST(NULL AS DECIMAL(1,0))), CASE WHEN typeof(", anchor);
                EmitParenthesized(args[0], anchor);
                emitter.Text(") LIKE 'DECIMAL%' OR typeof(", anchor);
                EmitParenthesized(args[0], anchor);
                emitter.Text(") IN ('BIGNUM', 'uint256', 'int256') THEN 'd' ELSE 'o' END)))", anchor);
            }
            decimalNesting++;
            try
            {
                // Each field is behind a CASE on the folded key, so the aggregates of the branch not taken go (DuckDB
                // drops an aggregate no expression reads): an average of a non-decimal is DuckDB's avg alone.
                emitter.Text("struct_extract(struct_pack(d := CASE WHEN ", anchor);
                IsDecimal();
                emitter.Text(" THEN cast_to_type(", anchor);
                EmitScaledQuotient(Sum, () => Call("count"), () => EmitScaleOf(() => Call("min"), anchor), anchor);
                emitter.Text(", ", anchor);
                Call("min");
                emitter.Text(") END, v := CASE WHEN ", anchor);
                IsDecimal();
                emitter.Text(" THEN NULL ELSE ", anchor);
                Call("avg");
                // Trino's avg of a real is a real (RealAverageAggregation: the double average, as a float).
                emitter.Text(" END, r := CASE WHEN typeof(", anchor);
                Call("min");
                emitter.Text(") = 'FLOAT' THEN CAST(dune_fdiv(", anchor);
                Call("avg");
                emitter.Text(", 1) AS FLOAT) END), CASE WHEN ", anchor);
                IsDecimal();
                emitter.Text(" THEN 'd' WHEN typeof(", anchor);
                Call("min");
                emitter.Text(") = 'FLOAT' THEN 'r' ELSE 'v' END)", tokens[close]);
            }
            finally
            {
                decimalNesting--;
            }
            return close + 1;
        }

        /// <summary><c>round(x, d)</c> of a decimal x keeps x's scale, <c>round(x)</c>, <c>floor(x)</c>, <c>ceil(x)</c>,
        /// <c>ceiling(x)</c> and <c>truncate(x)</c> have Trino's whole types (<see cref="EmitWholeRound"/>); returns the next
        /// index, or -1.</summary>
        private int TryEmitDecimalRound(string name, int nameIndex, List<(int From, int To)> args, int close, int end)
        {
            if (args.Count == 1 && close < end && name is "floor" or "ceil" or "ceiling"
                && StaticType(args[0].From, args[0].To) is "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT")
            {
                // Trino's floor and ceiling of an integer are the integer, of its type (DuckDB's ceil of one is a double).
                EmitParenthesized(args[0], tokens[nameIndex]);
                return close + 1;
            }
            // A whole round writes its operand once (EmitWholeRound), so it is Trino's at any depth; round(x, d) writes its
            // digits twice and stops at MaxDecimalNesting levels.
            if (args.Count is not (1 or 2) || (name is not "round" && args.Count != 1) || close >= end
                || (args.Count == 2 && decimalNesting >= MaxDecimalNesting)
                || SurelyNotDecimal(args[0].From, args[0].To) || IsNullLiteral(args[0].From, args[0].To))
            {
                // A bare NULL is no decimal either (and a lambda's parameter of DuckDB's NULL type is not folded by typeof).
                return -1;
            }
            var anchor = tokens[nameIndex];
            if (args.Count == 1)
            {
                return EmitWholeRound(name switch { "ceiling" => "ceil", "truncate" => "trunc", _ => name }, args[0], close, anchor);
            }
            // A digits argument that is not a number literal (a column, a scalar subquery, an aggregate) rides in the list
            // beside the operand: DuckDB's lambda body may not hold a subquery or an aggregate. A literal stays in the body,
            // as DuckDB's round of a decimal takes constant digits only.
            bool digitsInline = IsNumberLiteral(args[1].From, args[1].To);
            const string Element = "_strata_round";
            string Operand = digitsInline ? Element : $"struct_extract({Element}, 'x')";
            void Rounded()
            {
                emitter.Text($"round({Operand}, ", anchor);
                if (digitsInline)
                {
                    EmitParenthesized(args[1], anchor);
                }
                else
                {
                    emitter.Text($"struct_extract({Element}, 'd')", anchor);
                }
                emitter.Text(")", anchor);
            }
            decimalNesting++;
            try
            {
                emitter.Text(digitsInline ? "list_transform([" : "list_transform([struct_pack(x := ", anchor);
                EmitParenthesized(args[0], anchor);
                if (!digitsInline)
                {
                    emitter.Text(", d := ", anchor);
                    EmitParenthesized(args[1], anchor);
                    emitter.Text(")", anchor);
                }
                emitter.Text($"], {Element} -> struct_extract(struct_pack(d := CASE WHEN {TypeNameOf(Operand)} LIKE 'DECIMAL%' THEN cast_to_type(", anchor);
                Rounded();
                // The witnesses' operand is a decimal(1,0) for an operand of DuckDB's NULL type, as cast_to_type refuses that type
                // even in a branch not taken.
                string typed = $"struct_extract(struct_pack(x := {Operand}, n := CAST(NULL AS DECIMAL(1,0))), CASE WHEN {TypeNameOf(Operand)} IN ('NULL', '\"NULL\"') THEN 'n' ELSE 'x' END)";
                emitter.Text($", struct_extract(struct_pack(w := {typed} + CAST(0 AS DECIMAL(1,0)), f := {typed} + CAST(0 AS DECIMAL(1,1))), CASE WHEN ", anchor);
                EmitScaleOf(() => emitter.Text(Operand, anchor), anchor);
                emitter.Text($" > 0 THEN 'f' ELSE 'w' END)) END, v := CASE WHEN {TypeNameOf(Operand)} LIKE 'DECIMAL%' THEN NULL ELSE ", anchor);
                Rounded();
                emitter.Text($" END), CASE WHEN {TypeNameOf(Operand)} LIKE 'DECIMAL%' THEN 'd' ELSE 'v' END))[1]", tokens[close]);
            }
            finally
            {
                decimalNesting--;
            }
            return close + 1;
        }

        /// <summary><c>round(x)</c>, <c>floor(x)</c> and <c>ceil(x)</c> of a decimal(p,s) are decimal(min(38, p - s + min(1, s)), 0)
        /// (Trino's MathFunctions Round, Floor, Ceiling; DuckDB's are decimal(p, 0)), <c>truncate(x)</c> is
        /// decimal(max(1, p - s), 0) (MathFunctions.Truncate): DuckDB's value cast to a witness chosen by the folded type of x,
        /// one of decimal(1,0)…decimal(38,0), or DuckDB's own function of x for a non-decimal (a cast to its own type).</summary>
        private int EmitWholeRound(string function, (int From, int To) arg, int close, DuneToken anchor)
        {
            const string Operand = "_strata_whole";
            void Argument() => emitter.Text(Operand, anchor); // the operand as the Action the type figures take
            // The operand is written once, into a one-element list whose lambda reads it by name: the dispatch names it
            // eight times, so nested rounds copied it 8^levels times (hostile25: 197 levels bound for minutes). Nested whole
            // rounds are therefore Trino's at every level (no MaxDecimalNesting).
            emitter.Text("list_transform([", anchor);
            EmitParenthesized(arg, anchor);
            emitter.Text($"], {Operand} -> cast_to_type({function}({Operand}), struct_extract(struct_pack(o := {function}({Operand})", anchor);
            // An integer keeps its type (Trino's floor, ceiling and round of a tinyint … bigint; DuckDB's ceil of an
            // integer is a double).
            // An operand of DuckDB's NULL type (no bare NULL: a VALUES column of NULLs) is a double, as DuckDB's own
            // floor(NULL) (cast_to_type refuses the NULL type as a witness).
            emitter.Text($", i := {Operand}, n := CAST(NULL AS DOUBLE){WholeDecimalWitnesses}), CASE WHEN {TypeNameOf(Operand)} IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT') "
                + $"THEN 'i' WHEN {TypeNameOf(Operand)} IN ('NULL', '\"NULL\"') THEN 'n' WHEN {TypeNameOf(Operand)} LIKE 'DECIMAL%' THEN 'w' || CAST(" + (function == "trunc" ? "greatest(1, " : "least(38, "), anchor);
            EmitTypeFigure(PrecisionOfType, Argument, anchor);
            emitter.Text(" - ", anchor);
            EmitScaleOf(Argument, anchor);
            if (function != "trunc")
            {
                emitter.Text(" + least(1, ", anchor);
                EmitScaleOf(Argument, anchor);
                emitter.Text(")", anchor);
            }
            emitter.Text(") AS VARCHAR) ELSE 'o' END)))[1]", tokens[close]);
            return close + 1;
        }

        /// <summary>The DuckDB type name of a lambda's parameter as a constant the binder folds: typeof of a one-element list
        /// less its "[]" (typeof of a parameter of DuckDB's NULL type is no constant, so a struct_extract keyed on it failed
        /// to bind: <c>floor(v) FROM (VALUES (NULL)) t(v)</c>, the lead's review of 263).</summary>
        private static string TypeNameOf(string parameter) => $"left(typeof([{parameter}]), -2)";

        /// <summary>Whether tokens [from, to) are a number literal alone, signed or in parentheses.</summary>
        private bool IsNumberLiteral(int from, int to)
        {
            bool number = false;
            for (int k = from < to && tokens[from].IsTrivia ? Next(from, to) : from; k < to; k = Next(k, to))
            {
                if (tokens[k].Kind == DuneTokenKind.Number)
                {
                    number = true;
                }
                else if (!(Is(k, "-") || Is(k, "+") || Is(k, "(") || Is(k, ")")))
                {
                    return false;
                }
            }
            return number;
        }

        /// <summary>Whether tokens [from, to) are the literal NULL alone (parentheses around it allowed).</summary>
        private bool IsNullLiteral(int from, int to)
        {
            int first = from < to && tokens[from].IsTrivia ? Next(from, to) : from;
            int last = Previous(to);
            while (Is(first, "(") && Is(last, ")") && first < last)
            {
                (first, last) = (Next(first, last), Previous(last));
            }
            return first == last && Is(first, "null");
        }

        /// <summary>Whether the text fixes the type of tokens [from, to) to one that is not a decimal (<c>value / 1e18</c>):
        /// DuckDB's own avg or round is Trino's there, and the operand is not copied into a keyed form.</summary>
        private bool SurelyNotDecimal(int from, int to)
        {
            if (StaticType(from, to) is string type)
            {
                return !type.StartsWith("DECIMAL", StringComparison.Ordinal);
            }
            // A division with a double operand is a double whatever the other one is (or an interval, not a decimal).
            from = from < tokens.Count && tokens[from].IsTrivia ? Next(from, to) : from;
            int end = Previous(to) + 1;
            divisions ??= FindDivisions();
            if (!divisions.TryGetValue(from, out var here) || here.FindIndex(d => d.End == end) is not (>= 0 and int k) || !Is(here[k].Operator, "/"))
            {
                return false;
            }
            int op = here[k].Operator;
            return StaticType(from, op) is "DOUBLE" or "FLOAT" || StaticType(Next(op, end), end) is "DOUBLE" or "FLOAT";
        }

        /// <summary>The unscaled quotient (a HUGEINT) times 10^-s as decimal(38,s): power(10, -s) rounded at s digits is
        /// exact, and round's digits being a constant gives the type its scale.</summary>
        private void EmitScaledQuotient(Action left, Action right, Action scale, DuneToken anchor)
        {
            emitter.Text("CAST(dune_decimal_divide(", anchor);
            left();
            emitter.Text(", ", anchor);
            right();
            emitter.Text(", ", anchor);
            scale();
            emitter.Text(") AS DECIMAL(38,0)) * round(CAST(power(10, -(", anchor);
            scale();
            emitter.Text(")) AS DECIMAL(38,37)), ", anchor);
            scale();
            emitter.Text(")", anchor);
        }

        /// <summary>Writes <c>(</c>, the tokens of range translated, <c>)</c>: an operand of the decimal forms, which write it several times.</summary>
        private void EmitParenthesized((int From, int To) range, DuneToken anchor)
        {
            emitter.Text("(", anchor);
            Emit(range.From, range.To);
            emitter.Text(")", anchor);
        }

        private void EmitScaleOf(Action value, DuneToken anchor) => EmitTypeFigure(ScaleOfType, value, anchor);

        /// <summary>Writes <paramref name="template"/> (<see cref="ScaleOfType"/>, <see cref="PrecisionOfType"/>) with the value in its <c>{0}</c>.</summary>
        private void EmitTypeFigure(string template, Action value, DuneToken anchor)
        {
            int at = template.IndexOf("{0}", StringComparison.Ordinal);
            emitter.Text(template[..at], anchor);
            value();
            emitter.Text(template[(at + 3)..], anchor);
        }
    }
}
