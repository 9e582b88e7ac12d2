using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's types of decimal <c>+</c>, <c>-</c> and <c>*</c> (DecimalOperators; decision "dune-types17"): a sum or
/// difference of decimal(p1,s1) and decimal(p2,s2) is decimal(min(38, 1 + max(s1,s2) + max(p1-s1, p2-s2)), max(s1,s2)),
/// a product decimal(min(38, p1+p2), s1+s2); an integer operand counts as decimal(3/5/10/19, 0) (tinyint, smallint,
/// integer, bigint). DuckDB keeps an operation of two decimals of at most 18 digits at 18 digits (its 64-bit path) and
/// fails past it ("Overflow in multiplication of DECIMAL(18)"), and types an integer literal by its digits, so
/// <c>CAST(999999999999999999 AS decimal(18,0)) * CAST(10 AS decimal(18,0))</c> failed where Trino answers a
/// decimal(36,0). Where the text fixes both operands' types (<see cref="Pass.StaticType"/>: casts, literals, known
/// columns, other such operations) and one is a decimal, the operation is written with its left operand widened to
/// decimal(38, s1) when Trino's precision reaches 18 (the exact value then always fits), and cast to Trino's type, which
/// holds the exact value (a cast to the type DuckDB already gives is dropped by DuckDB). Past 38 digits both fail:
/// DuckDB's overflow is read as Trino's "Decimal overflow" (TrinoErrorMessages). Operands whose type only DuckDB's binder
/// knows keep DuckDB's operator: probing their types, as divisions do, would cost every sum and product of a query.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's decimal type of <c>a op b</c> (op <c>+</c>, <c>-</c> or <c>*</c>) for operands of DuckDB types a and b,
    /// as DuckDB names it (<c>DECIMAL(p,s)</c>), or null when neither is a decimal or a type is no number Trino widens so.</summary>
    internal static (int Precision, int Scale)? DecimalArithmeticType(char op, string a, string b)
    {
        if (DecimalShape(a) is not var (p1, s1, d1) || DecimalShape(b) is not var (p2, s2, d2) || !(d1 || d2))
        {
            return null;
        }
        if (op == '*')
        {
            return s1 + s2 > 38 ? null : (Math.Min(38, p1 + p2), s1 + s2);
        }
        int scale = Math.Max(s1, s2);
        return (Math.Min(38, 1 + scale + Math.Max(p1 - s1, p2 - s2)), scale);
    }

    /// <summary>The precision and scale of a DuckDB type as a decimal operand, and whether it is a decimal itself.</summary>
    private static (int Precision, int Scale, bool IsDecimal)? DecimalShape(string type)
    {
        switch (type)
        {
            case "TINYINT":
                return (3, 0, false);
            case "SMALLINT":
                return (5, 0, false);
            case "INTEGER":
                return (10, 0, false);
            case "BIGINT":
                return (19, 0, false);
        }
        if (!type.StartsWith("DECIMAL(", StringComparison.Ordinal) || !type.EndsWith(')'))
        {
            return null;
        }
        int comma = type.IndexOf(',', StringComparison.Ordinal);
        return comma > 8 && int.TryParse(type.AsSpan(8, comma - 8), NumberStyles.None, CultureInfo.InvariantCulture, out int p)
            && int.TryParse(type.AsSpan(comma + 1, type.Length - comma - 2).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int s)
            ? (p, s, true) : null;
    }

    /// <summary>A chain of more operations from one first token, or operations nested deeper inside typed ones, are left to
    /// DuckDB's operators: each typed level nests the next inside its casts (three expression levels), and DuckDB allows 1000.</summary>
    private const int MaxTypedChain = 64;

    private sealed partial class Pass
    {
        /// <summary>Sums, differences and products by the token where their left operand starts: the operator and the end of the
        /// right one (every candidate; whether one is a decimal operation is worked out when it is written).</summary>
        private Dictionary<int, List<(int Operator, int End)>>? arithmetic;

        /// <summary>Trino's types of the operations found, by their first and end token (null: not a typed decimal operation).</summary>
        private Dictionary<(int, int), (int Precision, int Scale, int LeftScale)?>? arithmeticTypes;

        /// <summary>How many typed operations are being written around the current token.</summary>
        private int arithmeticDepth;

        /// <summary>At the left operand of a decimal sum, difference or product whose operands' types are fixed: writes it as
        /// Trino's (see the type's summary); returns the next index, or -1.</summary>
        /// <summary>Whether a division or modulus of the list has its operator after op and ends by to. A loop, not a lambda:
        /// a lambda's captures are allocated on every call of the caller, which the emitter makes at every token.</summary>
        private static bool HasQuotientAfter(List<(int Operator, int End)> quotients, int op, int to)
        {
            foreach (var (quotientOperator, end) in quotients)
            {
                if (end <= to && quotientOperator > op)
                {
                    return true;
                }
            }
            return false;
        }

        private int TryEmitDecimalArithmetic(int i, int to)
        {
            arithmetic ??= FindArithmetic();
            if (arithmeticDepth >= MaxTypedChain || !arithmetic.TryGetValue(i, out var here))
            {
                return -1;
            }
            // The outermost typed operation ending by to; a division or modulus around it (its operator later) goes first.
            // The type of the pick is kept from this loop (it was worked out again, and its left operand's type too).
            int pick = -1;
            (int Precision, int Scale, int LeftScale) picked = default;
            for (int k = 0; k < here.Count; k++)
            {
                var (op, end) = here[k];
                if (end <= to && (pick < 0 || op > here[pick].Operator) && ArithmeticTypeAt(i, here, k) is { } type)
                {
                    pick = k;
                    picked = type;
                }
            }
            if (pick < 0)
            {
                return -1;
            }
            var (chosen, last) = here[pick];
            divisions ??= FindDivisions();
            if (divisions.TryGetValue(i, out var quotients) && HasQuotientAfter(quotients, chosen, to))
            {
                return -1;
            }
            arithmeticDepth++;
            try
            {
                EmitTypedArithmetic(i, chosen, last, picked.Precision >= 18 ? picked.LeftScale : -1, picked.Precision, picked.Scale);
            }
            finally
            {
                arithmeticDepth--;
            }
            return last;
        }

        /// <summary>Writes <c>CAST((a op b) AS DECIMAL(p,s))</c>, a widened to decimal(38, leftScale) when leftScale is not
        /// negative (Trino's precision reaches 18).</summary>
        private void EmitTypedArithmetic(int i, int chosen, int last, int leftScale, int precision, int scale)
        {
            var anchor = tokens[chosen];
            emitter.Text("CAST((", anchor);
            if (leftScale >= 0)
            {
                emitter.Text("CAST((", anchor);
                Emit(i, chosen);
                emitter.Text(string.Create(CultureInfo.InvariantCulture, $") AS DECIMAL(38,{leftScale}))"), anchor);
            }
            else
            {
                emitter.Text("(", anchor);
                Emit(i, chosen);
                emitter.Text(")", anchor);
            }
            emitter.Text(" " + Text(chosen) + " (", anchor);
            Emit(Next(chosen, last), last);
            emitter.Text(string.Create(CultureInfo.InvariantCulture, $")) AS DECIMAL({precision},{scale}))"), tokens[Previous(last)]);
        }

        /// <summary>When tokens [from, to) are one sum, difference or product found by <see cref="FindArithmetic"/> whose
        /// operands' types are fixed and one is a decimal: Trino's type of it, else null.</summary>
        private (int Precision, int Scale)? ArithmeticType(int from, int to)
        {
            arithmetic ??= FindArithmetic();
            int k = arithmetic.TryGetValue(from, out var here) && here.Count <= MaxTypedChain ? here.FindIndex(d => d.End == to) : -1;
            return k < 0 || ArithmeticTypeAt(from, here!, k) is not var (precision, scale, _) ? null : (precision, scale);
        }

        /// <summary><see cref="ArithmeticType"/> of the k-th operation of those starting at from, with its left operand's
        /// scale (an integer's is 0), each worked out once.</summary>
        private (int Precision, int Scale, int LeftScale)? ArithmeticTypeAt(int from, List<(int Operator, int End)> here, int k)
        {
            if (here.Count > MaxTypedChain)
            {
                return null;
            }
            var (op, to) = here[k];
            arithmeticTypes ??= [];
            if (arithmeticTypes.TryGetValue((from, to), out var known))
            {
                return known;
            }
            arithmeticTypes[(from, to)] = null; // while it is worked out
            string? a = StaticType(from, op), b = a is null ? null : StaticType(Next(op, to), to);
            var type = a is null || b is null || DecimalArithmeticType(Text(op)[0], a, b) is not var (precision, scale)
                ? ((int, int, int)?)null : (precision, scale, DecimalShape(a)!.Value.Scale);
            arithmeticTypes[(from, to)] = type;
            return type;
        }

        /// <summary>The sums, differences and products whose operands' extent is sure: a product's left operand is the
        /// product before the operator and its right one a factor; a sum's left operand is the chain of products joined by
        /// <c>+</c> and <c>-</c> before it (left to right) and its right one a product.</summary>
        private Dictionary<int, List<(int, int)>> FindArithmetic()
        {
            var found = new Dictionary<int, List<(int, int)>>();
            // The chain start of each sum's operator, so a long chain is walked once (left to right), not once per operator.
            var sumStarts = new Dictionary<int, int>();
            for (int op = 0; op < tokens.Count; op++)
            {
                if (tokens[op].Kind != DuneTokenKind.Symbol || tokens[op].Length != 1 || sql[tokens[op].Start] is not ('*' or '+' or '-'))
                {
                    continue;
                }
                bool product = sql[tokens[op].Start] == '*';
                int leftEnd = Previous(op);
                if (leftEnd < 0 || !IsOperandEnd(leftEnd) || (product ? ProductStart(leftEnd) : SumStart(leftEnd, sumStarts)) is not int leftStart)
                {
                    continue;
                }
                if (!product)
                {
                    sumStarts[op] = leftStart;
                }
                int rightStart = Next(op, tokens.Count);
                if (rightStart >= tokens.Count || (product ? FactorEnd(rightStart) : ProductEnd(rightStart)) is not int rightEnd)
                {
                    continue;
                }
                AddBounded(found, leftStart, op, rightEnd);
            }
            return found;
        }

        /// <summary>The first token of the chain of products joined by binary <c>+</c> and <c>-</c> that ends at last, or null;
        /// known: the chain starts of the operators before it.</summary>
        private int? SumStart(int last, Dictionary<int, int> known)
        {
            if (ProductStart(last) is not int start)
            {
                return null;
            }
            while (true)
            {
                int op = Previous(start);
                if (known.TryGetValue(op, out int chained))
                {
                    return chained;
                }
                if (!(Is(op, "+") || Is(op, "-")) || !IsOperandEnd(Previous(op)) || ProductStart(Previous(op)) is not int next)
                {
                    return start;
                }
                start = next;
            }
        }

        /// <summary>The index after the product (factors joined by *, / and %) starting at first, or null.</summary>
        private int? ProductEnd(int first)
        {
            if (FactorEnd(first) is not int end)
            {
                return null;
            }
            while (true)
            {
                int op = Next(end - 1, tokens.Count);
                if (!(Is(op, "*") || Is(op, "/") || Is(op, "%")) || Next(op, tokens.Count) >= tokens.Count
                    || FactorEnd(Next(op, tokens.Count)) is not int next)
                {
                    return end;
                }
                end = next;
            }
        }
    }
}
