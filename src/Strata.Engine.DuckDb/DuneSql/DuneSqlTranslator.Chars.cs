namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's char(n) comparisons (decision 208): a char(n) value is held padded with spaces to n (DuneFunctions.ToChar), and
/// Trino compares chars as if the shorter were padded with spaces (Chars.compareChars), coercing a varchar compared with
/// a char to a char (<c>CAST('ab' AS char(3)) = CAST('ab' AS char(5))</c> and <c>= 'ab'</c> are true). Where an operand of
/// a comparison, BETWEEN or IN list is surely a char — <c>CAST</c>/<c>TRY_CAST(… AS char[(n)])</c>, in parentheses or not
/// — every operand is compared without its trailing spaces (<c>rtrim(x, ' ')</c>). That is Trino's answer for every
/// equality, and for an order unless one side continues past the other's end with a character below the space (a
/// control character, which Trino orders after the padding's space and this before). A char the text does not show
/// (a CTE's or subquery's column) compares as the padded varchar it is held as.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Operands compared as chars: the end (exclusive) by the first token.</summary>
        private Dictionary<int, int>? charOperands;

        /// <summary>The first token of the char operand being written (it is not wrapped again).</summary>
        private int charOperandAt = -1;

        /// <summary>At the first token of an operand compared as a char: writes it without trailing spaces; returns the next
        /// index, or -1.</summary>
        private int TryEmitCharOperand(int i, int to) =>
            !(charOperands ??= FindCharOperands()).ContainsKey(i) ? -1 : TryEmitOperand(i, to, charOperands, ref charOperandAt, (from, end) =>
            {
                emitter.Text("rtrim(", tokens[from]);
                Emit(from, end);
                emitter.Text(", ' ')", tokens[Previous(end)]);
            });

        private Dictionary<int, int> FindCharOperands()
        {
            var found = new Dictionary<int, int>();
            bool anyChar = false;
            for (int c = 0; c < tokens.Count && !anyChar; c++)
            {
                anyChar = Is(c, "char") && Is(Previous(c), "as");
            }
            if (anyChar)
            {
                ScanComparisons(operands =>
                {
                    if (operands.All(o => o.From < o.To) && operands.Any(o => IsCharValue(o.From, o.To)))
                    {
                        foreach (var (from, to) in operands.Where(o => !(Is(o.From, "null") && Next(o.From, o.To) >= o.To)))
                        {
                            found.TryAdd(from, to);
                        }
                    }
                }, null);
            }
            return found;
        }

        /// <summary>Whether tokens [from, to) are surely a char: <c>CAST</c>/<c>TRY_CAST(… AS char[(n)])</c>, perhaps in parentheses.</summary>
        private bool IsCharValue(int from, int to)
        {
            from = from < tokens.Count && tokens[from].IsTrivia ? Next(from, to) : from;
            int last = Previous(Math.Min(to, tokens.Count));
            if (from >= to || last < from)
            {
                return false;
            }
            if (Is(from, "(") && Close(from, to) == last)
            {
                return IsCharValue(from + 1, last);
            }
            if (!(Is(from, "cast") || Is(from, "try_cast")) || !Is(Next(from, to), "(") || Close(Next(from, to), to) != last)
            {
                return false;
            }
            int type = Previous(last);
            if (Is(type, ")"))
            {
                int open = Opening(type);
                type = open > from ? Previous(open) : -1;
            }
            return type > from && Is(type, "char") && Is(Previous(type), "as");
        }
    }
}
