namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's comparisons of doubles and reals with NaN (decision 355; trino-spi DoubleType/RealType: EQUAL, LESS_THAN and
/// LESS_THAN_OR_EQUAL are Java's <c>==</c>, <c>&lt;</c>, <c>&lt;=</c>, and BETWEEN and IN are built of them), so every
/// comparison with a NaN is false and <c>&lt;&gt;</c> true. DuckDB orders NaN above every number and equal to itself:
/// <c>nan() = nan()</c>, <c>nan() &gt; 1</c>, <c>1 &lt; nan()</c>, <c>nan() IN (nan())</c> were true. Where the operand
/// that makes DuckDB's answer differ is surely a double or a real (<see cref="Pass.StaticType"/>: a typed literal or
/// cast, <c>nan()</c>, a column of a known table) and is no number literal (which is never NaN), the comparison gets a
/// guard that keeps DuckDB's answer for numbers and NULLs and gives Trino's for NaN:
/// <list type="bullet">
/// <item><c>a &lt; b</c>, <c>a &lt;= b</c> differ only for a NaN b (the critical operand), <c>a &gt; b</c>,
/// <c>a &gt;= b</c> and <c>a = b</c> only for a NaN a: <c>(a op b AND (NOT isnan(c) OR o IS NULL))</c>, where o is the
/// other operand (the IS NULL keeps Trino's NULL for a NULL o; left out when o is a literal).</item>
/// <item><c>a &lt;&gt; b</c>: <c>(a &lt;&gt; b OR isnan(c) AND o IS NOT NULL)</c>.</item>
/// <item><c>v BETWEEN lo AND hi</c> is <c>lo &lt;= v AND v &lt;= hi</c>: a guard for v and one for hi.</item>
/// <item><c>v IN (…)</c> of a double v with an item that is no number literal: <c>(v IN (…) AND NOT isnan(v))</c>.</item>
/// </list>
/// A comparison of a column with a number literal keeps DuckDB's filter pushdown: the guard is another conjunct.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>A guarded comparison: its end (exclusive), the form, the operands and the guards (the critical operand,
        /// and the other one when it can be NULL).</summary>
        private sealed record NanForm(int End, string Kind, bool Negated, List<(int From, int To)> Parts,
            List<((int From, int To) Critical, (int From, int To)? Other)> Guards);

        /// <summary>The guarded comparisons by their first token, and their ends.</summary>
        private Dictionary<int, NanForm>? nanForms;

        private Dictionary<int, int>? nanEnds;

        private int nanFormAt = -1;

        private int TryEmitNanComparison(int i, int to)
        {
            if (nanForms is null)
            {
                nanForms = FindNanComparisons();
                nanEnds = nanForms.ToDictionary(f => f.Key, f => f.Value.End);
            }
            return nanForms.Count == 0 || !nanForms.TryGetValue(i, out var form) ? -1
                : TryEmitOperand(i, to, nanEnds!, ref nanFormAt, (from, end) => EmitNanForm(from, end, form));
        }

        private void EmitNanForm(int from, int end, NanForm form)
        {
            var anchor = tokens[from];
            emitter.Text(form.Negated ? "(NOT ((" : "((", anchor);
            switch (form.Kind)
            {
                case "between":
                    Emit(form.Parts[0].From, form.Parts[0].To);
                    emitter.Text(" BETWEEN ", anchor);
                    Emit(form.Parts[1].From, form.Parts[1].To);
                    emitter.Text(" AND ", anchor);
                    Emit(form.Parts[2].From, form.Parts[2].To);
                    break;
                case "in":
                    Emit(form.Parts[0].From, form.Parts[0].To);
                    emitter.Text(" IN ", anchor);
                    Emit(form.Parts[1].From, form.Parts[1].To);
                    break;
                default:
                    Emit(from, end);
                    break;
            }
            emitter.Text(")", anchor);
            bool unequal = form.Kind is "<>" or "!=";
            foreach (var (critical, other) in form.Guards)
            {
                emitter.Text(unequal ? " OR isnan(" : " AND (NOT isnan(", anchor);
                Emit(critical.From, critical.To);
                emitter.Text(")", anchor);
                if (other is { } o)
                {
                    emitter.Text(unequal ? " AND (" : " OR (", anchor);
                    Emit(o.From, o.To);
                    emitter.Text(unequal ? ") IS NOT NULL" : ") IS NULL", anchor);
                }
                emitter.Text(unequal ? "" : ")", anchor);
            }
            emitter.Text(form.Negated ? "))" : ")", anchor);
        }

        private Dictionary<int, NanForm> FindNanComparisons()
        {
            var found = new Dictionary<int, NanForm>();
            for (int c = 0; c < tokens.Count; c++)
            {
                if (tokens[c].IsTrivia)
                {
                    continue;
                }
                if (tokens[c].Kind == DuneTokenKind.Symbol && ComparisonOperators.Contains(Text(c)))
                {
                    int quantifier = Next(c, tokens.Count);
                    if (!(Is(quantifier, "all") || Is(quantifier, "any") || Is(quantifier, "some")) && ComparisonExtent(c) is var (left, right))
                    {
                        AddNanComparison(Text(c), left, right, found);
                    }
                }
                else if (tokens[c].Kind == DuneTokenKind.Word && Is(c, "between") && BetweenExtent(c) is var (value, low, high))
                {
                    var guards = new List<((int, int), (int, int)?)>();
                    AddNanGuard(guards, value, low);
                    AddNanGuard(guards, high, value);
                    if (guards.Count > 0)
                    {
                        found.TryAdd(value.From, new NanForm(high.To, "between", Is(Previous(c), "not"), [value, low, high], guards));
                    }
                }
                else if (tokens[c].Kind == DuneTokenKind.Word && Is(c, "in") && Is(Next(c, tokens.Count), "(") && InExtent(c) is var (item, open, close)
                    && !IsSubqueryStart(Next(open, close)) && IsNanCandidate(item)
                    && Arguments(open, close).Any(a => !IsNumberLiteral((Next(a.From - 1, a.To), Previous(a.To) + 1))))
                {
                    found.TryAdd(item.From, new NanForm(close + 1, "in", Is(Previous(c), "not"), [item, (open, close + 1)], [(item, null)]));
                }
            }
            return found;
        }

        /// <summary>A comparison whose critical operand may be NaN (see the type's summary).</summary>
        private void AddNanComparison(string op, (int From, int To) left, (int From, int To) right, Dictionary<int, NanForm> found)
        {
            var guards = new List<((int, int), (int, int)?)>();
            if (op is "<" or "<=")
            {
                AddNanGuard(guards, right, left);
            }
            else if (op is ">" or ">=")
            {
                AddNanGuard(guards, left, right);
            }
            else if (!IsNumberLiteral(left) && !IsNumberLiteral(right))
            {
                // = and <> differ only when both are NaN: either operand known to be a double serves.
                AddNanGuard(guards, left, right);
                if (guards.Count == 0)
                {
                    AddNanGuard(guards, right, left);
                }
            }
            if (guards.Count > 0)
            {
                found.TryAdd(left.From, new NanForm(right.To, op, false, [left, right], guards));
            }
        }

        private void AddNanGuard(List<((int, int), (int, int)?)> guards, (int From, int To) critical, (int From, int To) other)
        {
            if (IsNanCandidate(critical) && IsRepeatable(critical) && (IsLiteral(other) || IsRepeatable(other)))
            {
                guards.Add((critical, IsLiteral(other) ? null : other));
            }
        }

        /// <summary>Words whose value changes between two evaluations in one row.</summary>
        private static readonly HashSet<string> VolatileCalls = new(StringComparer.OrdinalIgnoreCase)
        {
            "rand", "random", "uuid", "gen_random_uuid", "shuffle", "setseed", "nextval",
        };

        /// <summary>Whether an operand may be written twice (the guard repeats it): no subquery (run twice, decorrelated
        /// twice) and no volatile call (two evaluations could disagree: a NULL compared, then a NaN guarded, as the review of
        /// 355 found with rand()). Such an operand keeps DuckDB's comparison.</summary>
        private bool IsRepeatable((int From, int To) operand)
        {
            for (int k = operand.From; k < operand.To; k++)
            {
                if (tokens[k].Kind == DuneTokenKind.Word && (Is(k, "select") || VolatileCalls.Contains(Text(k))))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Whether the operand is surely a double or a real and no number literal.</summary>
        private bool IsNanCandidate((int From, int To) operand) =>
            !IsNumberLiteral(operand) && StaticType(operand.From, operand.To) is "DOUBLE" or "FLOAT";

        /// <summary>Whether the operand is a number literal, signed or not.</summary>
        private bool IsNumberLiteral((int From, int To) operand)
        {
            int first = tokens[operand.From].IsTrivia ? Next(operand.From, operand.To) : operand.From;
            first = Is(first, "-") || Is(first, "+") ? Next(first, operand.To) : first;
            return first < operand.To && tokens[first].Kind == DuneTokenKind.Number && Next(first, operand.To) >= operand.To;
        }

        /// <summary>Whether the operand is a literal that is never NULL: a number, a string or a typed literal.</summary>
        private bool IsLiteral((int From, int To) operand)
        {
            int first = tokens[operand.From].IsTrivia ? Next(operand.From, operand.To) : operand.From;
            int second = Next(first, operand.To);
            return IsNumberLiteral(operand) || first < operand.To && (tokens[first].Kind == DuneTokenKind.String && second >= operand.To
                || tokens[first].Kind == DuneTokenKind.Word && second < operand.To && tokens[second].Kind == DuneTokenKind.String
                    && Next(second, operand.To) >= operand.To);
        }
    }
}
