using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's equality of arrays and rows with NULL elements (decision "dune-ties"; ArrayType's and RowType's equal
/// operators): arrays of other lengths are not equal; otherwise the element pairs are compared, a pair with a NULL is
/// "unknown", and the answer is false when a pair differs, else NULL when one was unknown, else true — SQL's AND of
/// the elements' <c>=</c>. So <c>ARRAY[1, NULL] = ARRAY[1, NULL]</c> is NULL, <c>ARRAY[1, NULL] = ARRAY[2, NULL]</c> false,
/// <c>ROW(1, NULL) = ROW(1, NULL)</c> NULL (IS DISTINCT FROM is not affected: NULLs are not distinct). DuckDB compares
/// nested values with NULLs as equal (all three were true). Where an operand of <c>=</c>, <c>&lt;&gt;</c> or <c>!=</c>
/// is surely an array — <c>ARRAY[…]</c>, <c>CAST(… AS array(…))</c> — the comparison is written as that AND over
/// <c>list_zip</c>; where one is a <c>ROW(…)</c> constructor, as the AND of its fields' comparisons with the other
/// operand's (by position); <c>v [NOT] IN (…)</c> with an array among them, as the OR of the equalities. The order
/// operators <c>&lt;</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&gt;=</c> with such an array operand follow Trino's ArrayType
/// comparison (decision 227; DuckDB ordered NULL elements last and answered): the first differing pair decides, a NULL
/// reached before it fails, equal prefixes order by length. Elsewhere (two array columns) DuckDB's answer stands: the types are not known here.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's equality of two arrays $1 and $2 (see the type's summary).</summary>
    private const string ArrayEquality = "CASE WHEN ($1) IS NULL OR ($2) IS NULL THEN NULL WHEN len($1) <> len($2) THEN false "
        + "ELSE list_reduce(list_transform(list_zip($1, $2), _strata_p -> _strata_p[1] = _strata_p[2]), (_strata_x, _strata_y) -> _strata_x AND _strata_y, true) END";

    /// <summary>Trino's ordering of two arrays $1 and $2 (ArrayType.comparisonOperator), as -1, 0 or 1: the element pairs up
    /// to the shorter length in order, the first that differs deciding; a pair reached with a NULL fails ("ARRAY comparison
    /// not supported for arrays with null elements"), one after a deciding pair does not; all equal, the shorter is less.
    /// Each pair's code (2 for a NULL) and the lengths' sign are folded left to right to the first non-zero code.</summary>
    private const string ArrayOrder = "list_transform([list_reduce(list_append(list_transform(list_zip(list_slice($1, 1, least(len($1), len($2))), "
        + "list_slice($2, 1, least(len($1), len($2)))), _strata_p -> CASE WHEN _strata_p[1] IS NULL OR _strata_p[2] IS NULL THEN 2 "
        + "WHEN _strata_p[1] < _strata_p[2] THEN -1 WHEN _strata_p[1] > _strata_p[2] THEN 1 ELSE 0 END), sign(len($1) - len($2))), "
        + "(_strata_x, _strata_y) -> CASE WHEN _strata_x <> 0 THEN _strata_x ELSE _strata_y END)], _strata_c -> CASE WHEN _strata_c = 2 "
        + "THEN error('ARRAY comparison not supported for arrays with null elements') ELSE _strata_c END)[1]";

    private static readonly HashSet<string> OrderOperators = ["<", ">", "<=", ">="];

    private sealed partial class Pass
    {
        /// <summary>The comparisons to write, by their left operand's first token: both operands, the operator, and
        /// whether they are arrays (else rows, with the fields of the constructor).</summary>
        private Dictionary<int, ((int From, int To) Left, (int From, int To) Right, int Op, bool Array)>? nestedComparisons;

        /// <summary>The <c>v [NOT] IN (…)</c> lists of arrays to write, by the value's first token.</summary>
        private Dictionary<int, ((int From, int To) Value, int In, int Open, int Close)>? nestedIns;

        private int TryEmitNestedComparison(int i, int to)
        {
            nestedComparisons ??= FindNestedComparisons();
            if (nestedIns!.TryGetValue(i, out var list) && list.Close < to)
            {
                // v IN (a, b) is v = a OR v = b, each Trino's equality.
                emitter.Text(Is(Previous(list.In), "not") ? "(NOT (" : "((", tokens[i]);
                var items = Arguments(list.Open, list.Close);
                for (int k = 0; k < items.Count; k++)
                {
                    emitter.Text(k == 0 ? "" : " OR ", tokens[items[k].From]);
                    EmitTemplate(ArrayEquality, [list.Value, (Next(items[k].From - 1, items[k].To), items[k].To)], tokens[items[k].From]);
                }
                emitter.Text("))", tokens[list.Close]);
                return list.Close + 1;
            }
            if (nestedComparisons.Count == 0 || !nestedComparisons.TryGetValue(i, out var c) || c.Right.To > to)
            {
                return -1;
            }
            var token = tokens[i];
            if (OrderOperators.Contains(Text(c.Op)))
            {
                // Trino's order of arrays: NULL when either is NULL, else the elements' order (ArrayOrder) against 0.
                emitter.Text("(CASE WHEN (", token);
                Emit(c.Left.From, c.Left.To);
                emitter.Text(") IS NULL OR (", token);
                Emit(c.Right.From, c.Right.To);
                emitter.Text(") IS NULL THEN NULL ELSE ", token);
                EmitTemplate(ArrayOrder, [c.Left, c.Right], token);
                emitter.Text(" " + Text(c.Op) + " 0 END)", token);
                return c.Right.To;
            }
            emitter.Text(Is(c.Op, "=") ? "(" : "(NOT ", token);
            if (c.Array)
            {
                EmitTemplate(ArrayEquality, [c.Left, c.Right], token);
                emitter.Text(")", token);
                return c.Right.To;
            }
            var left = RowFields(c.Left.From, c.Left.To);
            var right = RowFields(c.Right.From, c.Right.To);
            int count = left?.Count ?? right!.Count;
            emitter.Text("(", token);
            for (int f = 0; f < count; f++)
            {
                emitter.Text(f == 0 ? "(" : " AND (", token);
                EmitRowField(left, c.Left, f);
                emitter.Text(") = (", token);
                EmitRowField(right, c.Right, f);
                emitter.Text(")", token);
            }
            emitter.Text("))", token);
            return c.Right.To;
        }

        /// <summary>Field f of a row operand: the constructor's argument, or <c>struct_extract_at</c> of any other value.</summary>
        private void EmitRowField(List<(int From, int To)>? fields, (int From, int To) operand, int f)
        {
            if (fields is not null)
            {
                Emit(fields[f].From, fields[f].To);
                return;
            }
            emitter.Text("struct_extract_at(", tokens[operand.From]);
            Emit(operand.From, operand.To);
            emitter.Text(", " + (f + 1).ToString(CultureInfo.InvariantCulture) + ")", tokens[operand.From]);
        }

        private Dictionary<int, ((int From, int To) Left, (int From, int To) Right, int Op, bool Array)> FindNestedComparisons()
        {
            var found = new Dictionary<int, ((int From, int To), (int From, int To), int, bool)>();
            nestedIns = [];
            for (int c = 0; c < tokens.Count; c++)
            {
                if (Is(c, "in") && Is(Next(c, tokens.Count), "(") && NestedInExtent(c) is var (value, open, close) && !IsSubqueryStart(Next(open, close))
                    && (IsArrayValue(value.From, value.To) || Arguments(open, close).Any(a => IsArrayValue(a.From, a.To))))
                {
                    nestedIns.TryAdd(value.From, (value, c, open, close));
                    continue;
                }
                bool order = tokens[c].Kind == DuneTokenKind.Symbol && OrderOperators.Contains(Text(c));
                if (tokens[c].Kind != DuneTokenKind.Symbol || !(Is(c, "=") || Is(c, "<>") || Is(c, "!=") || order) || NestedComparisonExtent(c) is not var (left, right))
                {
                    continue;
                }
                if (order)
                {
                    if (IsArrayValue(left.From, left.To) || IsArrayValue(right.From, right.To))
                    {
                        found.TryAdd(left.From, (left, right, c, true));
                    }
                    continue; // a row's order is DuckDB's
                }
                if (IsArrayValue(left.From, left.To) || IsArrayValue(right.From, right.To))
                {
                    found.TryAdd(left.From, (left, right, c, true));
                    continue;
                }
                var leftFields = RowFields(left.From, left.To);
                var rightFields = RowFields(right.From, right.To);
                if ((leftFields is not null || rightFields is not null) && (leftFields is null || rightFields is null || leftFields.Count == rightFields.Count))
                {
                    found.TryAdd(left.From, (left, right, c, false));
                }
            }
            return found;
        }

        /// <summary>Words that continue a select item's value after a comparison's right operand (so are not its alias).</summary>
        private static readonly HashSet<string> ValueContinuations = new(StringComparer.OrdinalIgnoreCase)
        {
            "is", "between", "in", "like", "ilike", "not", "at", "escape", "similar", "collate", "over", "filter", "within", "ignore", "respect",
        };

        /// <summary>The operands of the comparison at op (<see cref="ComparisonExtent"/>), or, in a select item, also when
        /// the right operand is followed by the item's alias (<c>SELECT a = b eq</c>).</summary>
        private ((int From, int To) Left, (int From, int To) Right)? NestedComparisonExtent(int op)
        {
            if (ComparisonExtent(op) is { } extent)
            {
                return extent;
            }
            int leftEnd = Previous(op), rightStart = Next(op, tokens.Count);
            if (leftEnd < 0 || rightStart >= tokens.Count || OperandStart(leftEnd, zoned: false) is not int leftStart
                || OperandEnd(rightStart, zoned: false) is not int rightEnd || IsBoundaryWord(leftStart) || IsBoundaryWord(rightStart))
            {
                return null;
            }
            int before = Previous(leftStart), alias = Next(rightEnd - 1, tokens.Count);
            bool item = before >= 0 && (Is(before, "select") || Is(before, ","));
            return item && IsName(alias) && !ValueContinuations.Contains(Text(alias)) ? ((leftStart, leftEnd + 1), (rightStart, rightEnd)) : null;
        }

        /// <summary>The value and list of <c>v [NOT] IN (…)</c> (<see cref="InExtent"/>), or, in a select item, also when
        /// the list is followed by the item's alias.</summary>
        private ((int From, int To) Value, int Open, int Close)? NestedInExtent(int inIndex)
        {
            if (InExtent(inIndex) is { } extent)
            {
                return extent;
            }
            int leftEnd = Previous(Is(Previous(inIndex), "not") ? Previous(inIndex) : inIndex);
            int open = Next(inIndex, tokens.Count), close = Close(open, tokens.Count);
            if (leftEnd < 0 || close >= tokens.Count || OperandStart(leftEnd, zoned: false) is not int leftStart || IsBoundaryWord(leftStart))
            {
                return null;
            }
            int before = Previous(leftStart), alias = Next(close, tokens.Count);
            bool item = before >= 0 && (Is(before, "select") || Is(before, ","));
            return item && IsName(alias) && !ValueContinuations.Contains(Text(alias)) ? ((leftStart, leftEnd + 1), open, close) : null;
        }

        /// <summary>Whether tokens [from, to) are exactly <c>ARRAY[…]</c> or <c>CAST|TRY_CAST(… AS array(…))</c>.</summary>
        private bool IsArrayValue(int from, int to)
        {
            int first = Next(from - 1, to), open = Next(first, to), last = Previous(to);
            if (Is(first, "array") && Is(open, "[") && Match(open) == last)
            {
                return true;
            }
            if (!(Is(first, "cast") || Is(first, "try_cast")) || !Is(open, "(") || Match(open) != last)
            {
                return false;
            }
            var args = Arguments(open, last);
            if (args.Count != 1)
            {
                return false;
            }
            for (int k = Next(open, last); k < last; k = IsOpening(k) && Match(k) > k ? Next(Match(k), last) : Next(k, last))
            {
                if (Is(k, "as"))
                {
                    return Is(Next(k, last), "array");
                }
            }
            return false;
        }

        /// <summary>The fields of tokens [from, to) when they are exactly a <c>ROW(…)</c> constructor, else null.</summary>
        private List<(int From, int To)>? RowFields(int from, int to)
        {
            int first = Next(from - 1, to), open = Next(first, to), last = Previous(to);
            return Is(first, "row") && Is(open, "(") && Match(open) == last ? Arguments(open, last) : null;
        }
    }
}
