using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Aggregates Strata writes as DuckDB aggregates inside scalar wrappers (map_agg's first entry per key, multimap_agg's
/// scalar subquery, entropy's and geometric_mean's arithmetic over an aggregate, reduce_agg's fold over a list): a FILTER or
/// OVER written after the call would fall on the wrapper, which DuckDB refuses in its own words naming Strata's internals
/// (<c>map_from_entries is not an aggregate function</c>, a syntax error at OVER). Trino answers them; until the wrappers
/// take the clause inside, the call is refused at its name, saying which clause (decision 366).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The wrapped aggregates, each with whether FILTER alone and OVER alone still work (histogram's window is
    /// its own aggregate under the frame guard; with FILTER as well the guard's form is refused by DuckDB).</summary>
    private static readonly Dictionary<string, (bool Filter, bool Over)> WrappedAggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["map_agg"] = (false, false),
        ["multimap_agg"] = (false, false),
        ["entropy"] = (false, false),
        ["geometric_mean"] = (false, false),
        ["reduce_agg"] = (false, false),
        ["histogram"] = (true, true),
    };

    private sealed partial class Pass
    {
        /// <summary>Refuses a wrapped aggregate's FILTER or OVER that its form cannot take (the class summary).</summary>
        private void RefuseWrappedAggregateClause(int nameIndex, string name, int open, int end)
        {
            if (!WrappedAggregates.TryGetValue(name, out var works))
            {
                return;
            }
            int close = Close(open, end);
            if (close >= end)
            {
                return;
            }
            int after = Next(close, end);
            bool filter = Is(after, "filter") && Is(Next(after, end), "(");
            AggregateClauseEnd(open, close, end, out bool over);
            if ((filter && !works.Filter) || (over && !works.Over) || (filter && over))
            {
                string clause = filter && over ? "FILTER with OVER" : filter ? "FILTER" : "OVER (as a window function)";
                throw NotSupported(sql, tokens[nameIndex], $"{name.ToLowerInvariant()} with {clause} is not supported; aggregate in a subquery with GROUP BY and join or filter its rows there", ExecutionError.ExecutionFailed);
            }
        }
    }
}
