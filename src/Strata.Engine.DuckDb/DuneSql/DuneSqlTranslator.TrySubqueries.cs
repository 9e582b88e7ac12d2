namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The extent of a predicate over a subquery inside <c>try(…)</c>: it is computed outside DuckDB's TRY (which
/// refuses subqueries), as Trino computes it apart (a semi join, or a join for EXISTS) with its operand.</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Words that end an IN's or a quantified comparison's operand when read backwards (Trino's grammar: the operand
    /// is a value expression, so a boolean operator, a comparison or a clause word comes before it).</summary>
    private static readonly HashSet<string> OperandBoundaryWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "when", "then", "else", "case", "select", "where", "on", "having", "by", "is", "between", "in",
        "like", "exists", "return", "as", "distinct", "all", "any", "some", "from", "join", "using", "if",
    };

    /// <summary>The comparison operators of a quantified comparison (<c>x = ANY (…)</c>).</summary>
    private static readonly HashSet<string> ComparisonOperators = new(StringComparer.Ordinal) { "=", "<>", "!=", "<", ">", "<=", ">=" };

    private sealed partial class Pass
    {
        /// <summary>The first token of the predicate whose subquery follows <paramref name="keyword"/> (IN, EXISTS, ANY, SOME,
        /// ALL), not before <paramref name="from"/>: EXISTS itself, or the operand of [NOT] IN or of the comparison before
        /// ANY/SOME/ALL. -1 when there is no operand to take.</summary>
        private int SubqueryPredicateStart(int from, int keyword)
        {
            if (Is(keyword, "exists"))
            {
                return keyword;
            }
            int op = keyword;
            if (Is(keyword, "in"))
            {
                if (Is(Previous(op), "not"))
                {
                    op = Previous(op);
                }
            }
            else
            {
                op = Previous(keyword);
                if (op < from || tokens[op].Kind != DuneTokenKind.Symbol || !ComparisonOperators.Contains(Text(op)))
                {
                    return -1;
                }
            }
            int start = op;
            int k = Previous(op);
            while (k >= from)
            {
                if (Is(k, ")") || Is(k, "]"))
                {
                    int opening = Opening(k);
                    if (opening < from)
                    {
                        return -1;
                    }
                    start = opening;
                    k = Previous(opening);
                    continue;
                }
                bool boundary = tokens[k].Kind == DuneTokenKind.Symbol
                    ? Is(k, ",") || IsOpening(k) || ComparisonOperators.Contains(Text(k))
                    : tokens[k].Kind == DuneTokenKind.Word && OperandBoundaryWords.Contains(Text(k));
                if (boundary)
                {
                    break;
                }
                start = k;
                k = Previous(k);
            }
            return start == op ? -1 : start;
        }
    }
}
