using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>An outer join's ON subquery (DuneSqlTranslator.OuterJoinSubqueries.cs): Trino's refusal of a reference to a
/// relation outside it, and where the names that may name a relation stand.</summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Trino's refusal of a reference from inside the subquery in brackets [open, close] to a relation outside
        /// it: a qualified name <c>q.c</c> whose qualifier the subquery does not name (as an alias or a relation's last name
        /// part) while the text outside it does.</summary>
        private void RefuseOuterReference(int open, int close)
        {
            for (int q = Next(open, close); q < close; q = Next(q, close))
            {
                int dot = Next(q, close), column = Next(dot, close);
                if (NameOf(q) is not { } qualifier || !Is(dot, ".") || Is(Previous(q), ".") || NameOf(column) is null || Is(Next(column, close), ".")
                    || Is(Previous(q), "from") || Is(Previous(q), "join"))
                {
                    continue;
                }
                var named = RelationNames().TryGetValue(qualifier, out var at) ? at : [];
                if (!named.Any(t => t > open && t < close) && named.Any(t => t < open || t > close))
                {
                    throw NotSupported(Sql, tokens[q], $"Reference to column '{Text(q)}.{Text(column)}' from outer scope not allowed in this context",
                        ExecutionError.ExecutionFailed);
                }
            }
        }

        /// <summary>Where each name that may name a relation stands, read once: a word or quoted name not followed by a dot
        /// (an alias, or a table's last name part after FROM or JOIN).</summary>
        private Dictionary<string, List<int>>? relationNames;

        private Dictionary<string, List<int>> RelationNames()
        {
            if (relationNames is not null)
            {
                return relationNames;
            }
            relationNames = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            var chainStart = new Dictionary<int, int>();
            int n = tokens.Count;
            for (int t = 0; t < n; t++)
            {
                if (tokens[t].IsTrivia || NameOf(t) is not { } name)
                {
                    continue;
                }
                if (Is(Next(t, n), "."))
                {
                    chainStart[t] = Is(Previous(t), ".") && Previous(Previous(t)) is int prior and >= 0 && NameOf(prior) is not null
                        ? chainStart.GetValueOrDefault(prior, prior) : t;
                    continue;
                }
                int first = Is(Previous(t), ".") && Previous(Previous(t)) is int part and >= 0 && NameOf(part) is not null
                    ? chainStart.GetValueOrDefault(part, part) : t; // the first part of a dotted name, read once per part
                chainStart[t] = first;
                if (first != t && !(Is(Previous(first), "from") || Is(Previous(first), "join")))
                {
                    continue; // a column after its qualifier (a table's last part, of two names or three, is a relation's)
                }
                (relationNames.TryGetValue(name, out var list) ? list : relationNames[name] = []).Add(t);
            }
            return relationNames;
        }
    }
}
