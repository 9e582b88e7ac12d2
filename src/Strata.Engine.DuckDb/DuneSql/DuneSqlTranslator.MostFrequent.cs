using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>approx_most_frequent(buckets, value, capacity)</c> → <c>map(V, bigint)</c> (aggregate.mdx; Trino's
/// BigintApproximateMostFrequent / VarcharApproximateMostFrequent): the <c>buckets</c> most frequent non-NULL values of the
/// group with their counts, most frequent first. Trino estimates the counts with a Space-Saving stream summary of
/// <c>capacity</c> counters, exact while the group holds no more distinct values than that; Strata counts exactly (DuckDB's
/// <c>histogram</c>), the answer the estimate approaches, so <c>capacity</c> is read by no one. Ties are broken by the value,
/// ascending (Trino's order among equal counts is its summary's arrival order). A group without a non-NULL value is NULL, and
/// a bucket count under 2 fails as Trino's (checked only when a value arrives, as Trino's input function is).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Writes <c>approx_most_frequent(b, x, c) [FILTER (WHERE …)]</c> as DuckDB's histogram sorted by count;
        /// returns the next index, or -1 for a window form (left to the refusal of functions DuckDB lacks).</summary>
        private int TryEmitApproxMostFrequent(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (close >= end)
            {
                return -1;
            }
            int after = Next(close, end), last = close;
            if (Is(after, "over"))
            {
                return -1;
            }
            if (args.Count != 3)
            {
                throw NotSupported(sql, anchor, "Unexpected parameters for function approx_most_frequent. Expected: approx_most_frequent(bigint, bigint, bigint), "
                    + "approx_most_frequent(bigint, varchar, bigint)", ExecutionError.ExecutionFailed);
            }
            if (Is(after, "filter") && Next(after, end) is int open && Is(open, "(") && Close(open, end) is int filterEnd && filterEnd < end)
            {
                last = filterEnd;
            }
            // count(x) [FILTER …]: no value, no map (and no bucket check).
            emitter.Text("(CASE WHEN count(", anchor);
            Emit(args[1].From, args[1].To);
            emitter.Text(")", tokens[close]);
            Emit(close + 1, last + 1);
            emitter.Text(" = 0 THEN NULL WHEN any_value(", tokens[close]);
            Emit(args[0].From, args[0].To);
            emitter.Text(") < 2 THEN error('approx_most_frequent bucket count must be greater than one') "
                + "ELSE map_from_entries(list_transform(list_slice(list_sort(list_transform(map_entries(histogram(", tokens[close]);
            Emit(args[1].From, args[1].To);
            emitter.Text(")", tokens[close]);
            Emit(close + 1, last + 1);
            emitter.Text("), _strata_mf -> struct_pack(n := -CAST(_strata_mf.value AS BIGINT), key := _strata_mf.key))), 1, any_value(", tokens[close]);
            Emit(args[0].From, args[0].To);
            emitter.Text(")), _strata_mf -> struct_pack(key := _strata_mf.key, value := -_strata_mf.n))) END)", tokens[last]);
            return last + 1;
        }
    }
}
