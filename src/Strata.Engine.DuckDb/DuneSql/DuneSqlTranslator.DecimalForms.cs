namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The extents of divisions' operands (<see cref="DuneSqlTranslator"/>'s division summary).</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>The first token of the product (factors joined by *, / and %) that ends at last, or null.</summary>
        private int? ProductStart(int last)
        {
            if (FactorStart(last) is not int start)
            {
                return null;
            }
            while (true)
            {
                int op = Previous(start);
                if (!(Is(op, "*") || Is(op, "/") || Is(op, "%")) || !IsOperandEnd(Previous(op)) || FactorStart(Previous(op)) is not int next)
                {
                    return start;
                }
                start = next;
            }
        }

        /// <summary>The first token of the factor (a primary with its window or filter clause, or a signed one) ending at last.</summary>
        private int? FactorStart(int last)
        {
            int end = last;
            if (tokens[end].Kind is DuneTokenKind.Word && Is(Previous(end), "over"))
            {
                end = Previous(Previous(end));
            }
            else if (Is(end, ")") && Opening(end) is int open and >= 0 && (Is(Previous(open), "over") || Is(Previous(open), "filter")))
            {
                end = Previous(Previous(open));
                if (end >= 0 && Is(end, ")") && Opening(end) is int inner and >= 0 && Is(Previous(inner), "filter"))
                {
                    end = Previous(Previous(inner));
                }
            }
            if (end < 0 || PrimaryStart(end) is not int start)
            {
                return null;
            }
            int sign = Previous(start);
            if ((Is(sign, "-") || Is(sign, "+")) && !IsOperandEnd(Previous(sign)))
            {
                return sign;
            }
            return start;
        }

        /// <summary>The index after the factor starting at first (a primary, signed or not, with a filter and window clause), or null.</summary>
        private int? FactorEnd(int first)
        {
            int start = Is(first, "-") || Is(first, "+") ? Next(first, tokens.Count) : first;
            int end = PrimaryEnd(start);
            if (end < 0 || start >= tokens.Count)
            {
                return null;
            }
            int after = Next(end - 1, tokens.Count);
            if (Is(after, "filter") && Is(Next(after, tokens.Count), "("))
            {
                end = Close(Next(after, tokens.Count), tokens.Count) + 1;
                after = Next(end - 1, tokens.Count);
            }
            if (Is(after, "over"))
            {
                int window = Next(after, tokens.Count);
                end = Is(window, "(") ? Close(window, tokens.Count) + 1 : window + 1;
            }
            return end > tokens.Count ? null : end;
        }
    }
}
