using System.Globalization;
using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Aggregates Strata writes as DuckDB aggregates inside scalar wrappers (map_agg's first entry per key, multimap_agg's
/// scalar subquery, entropy's and geometric_mean's arithmetic over an aggregate, reduce_agg's fold over a list): a FILTER or
/// OVER written after the call would fall on the wrapper, which DuckDB refuses in its own words naming Strata's internals
/// (<c>map_from_entries is not an aggregate function</c>, a syntax error at OVER). A FILTER is taken into the argument that
/// decides whether a row counts (decision 369); geometric_mean is written as its own arithmetic around a plain aggregate, so
/// both clauses stay on that aggregate. An OVER the others cannot take is refused at the call's name, saying which clause
/// (decision 366).
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The wrapped aggregates, each with whether FILTER alone, OVER alone and both together work (histogram's
    /// window is its own aggregate under the frame guard; with FILTER as well the guard's form is refused by DuckDB).</summary>
    private static readonly Dictionary<string, (bool Filter, bool Over, bool Both)> WrappedAggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["map_agg"] = (true, false, false),
        ["map_union"] = (true, false, false),
        ["multimap_agg"] = (true, false, false),
        ["entropy"] = (true, false, false),
        ["geometric_mean"] = (true, true, true),
        ["reduce_agg"] = (true, false, false),
        ["histogram"] = (true, true, false),
    };

    /// <summary>The aggregates whose <c>FILTER (WHERE c)</c> is their argument at this index made NULL where c is not true:
    /// Trino's input function of each takes that argument as not nullable, so a row where it is NULL never reaches the
    /// state (MapAggregationFunction's and MultimapAggregationFunction's key, MapUnionAggregation's map,
    /// EntropyAggregation's count, ReduceAggregationFunction's value), the same rows FILTER leaves out, and no row left
    /// gives the same answer as none.</summary>
    private static readonly Dictionary<string, int> FilteredArgument = new(StringComparer.Ordinal)
    {
        ["map_agg"] = 0,
        ["map_union"] = 0,
        ["multimap_agg"] = 0,
        ["entropy"] = 0,
        ["reduce_agg"] = 0,
    };

    /// <summary>Trino's geometric_mean is exp of the mean of the natural logarithms (GeometricMeanAggregations, Java's
    /// Math.log): a zero adds -Infinity (the answer 0), a negative NaN. DuckDB's geometric_mean is a macro whose ln refuses
    /// both ("cannot take logarithm of zero") and which takes no FILTER or OVER; this is the logarithm Trino's is, inside
    /// avg, so a FILTER and an OVER written after the call stay on avg.</summary>
    private const string GeometricMeanLog = "list_transform([$1], _strata_g -> CASE WHEN _strata_g > 0 THEN ln(_strata_g) "
        + "WHEN _strata_g = 0 THEN CAST('-inf' AS DOUBLE) WHEN _strata_g < 0 THEN CAST('nan' AS DOUBLE) END)[1]";

    private sealed partial class Pass
    {
        /// <summary>A call of an aggregate in <see cref="FilteredArgument"/> with FILTER (WHERE c) after it: the template
        /// with that argument written <c>CASE WHEN c THEN argument END</c>, c appended to the arguments it reads. Returns the
        /// index after the clause, or -1 (the template and arguments untouched) when no FILTER follows.</summary>
        private int FilterIntoArgument(string name, ref string template, List<(int From, int To)> args, int close, int end)
        {
            int filter = Next(close, end), open = Next(filter, end), where = Next(open, end);
            if (!FilteredArgument.TryGetValue(name, out int filtered) || !Is(filter, "filter") || !Is(open, "(") || !Is(where, "where"))
            {
                return -1;
            }
            int shut = Close(open, end);
            string mark = "$" + (filtered + 1).ToString(CultureInfo.InvariantCulture);
            string condition = "$" + (args.Count + 1).ToString(CultureInfo.InvariantCulture);
            var written = new System.Text.StringBuilder();
            int at = 0;
            for (int found = Placeholder(template, mark, 0); found >= 0; found = Placeholder(template, mark, at))
            {
                written.Append(template, at, found - at).Append("(CASE WHEN ").Append(condition).Append(" THEN ").Append(mark).Append(" END)");
                at = found + mark.Length;
            }
            template = written.Append(template, at, template.Length - at).ToString();
            args.Add((where + 1, shut));
            return shut + 1;
        }

        /// <summary>A call's template emitted with a FILTER after it taken in (<see cref="FilterIntoArgument"/>). Returns
        /// the index after the call and that clause.</summary>
        private int EmitTemplateTakingFilter(string name, string template, List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            int afterFilter = FilterIntoArgument(name, ref template, args, close, end);
            EmitTemplate(template, args, anchor);
            return afterFilter > 0 ? afterFilter : close + 1;
        }

        /// <summary><c>geometric_mean(x)</c> with any FILTER and OVER after it (<see cref="GeometricMeanLog"/>). Returns the
        /// index after the clauses, or -1 when the call is not one argument or its clauses are not understood.</summary>
        private int TryEmitGeometricMean(int nameIndex, List<(int From, int To)> args, int open, int close, int end)
        {
            if (args.Count != 1 || close >= end || AggregateClauseEnd(open, close, end, out _) is not int clauseEnd)
            {
                return -1;
            }
            var anchor = tokens[nameIndex];
            int first = Next(open, close);
            bool distinct = Is(first, "distinct");
            emitter.Text("exp(avg(" + (distinct ? "DISTINCT " : ""), anchor);
            EmitTemplate(GeometricMeanLog, [(distinct || Is(first, "all") ? first + 1 : args[0].From, args[0].To)], anchor);
            emitter.Text(")", tokens[close]);
            Emit(close + 1, clauseEnd);
            emitter.Text(")", tokens[clauseEnd - 1]);
            return clauseEnd;
        }

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
            if ((filter && !works.Filter) || (over && !works.Over) || (filter && over && !works.Both))
            {
                string clause = filter && over ? "FILTER with OVER" : filter ? "FILTER" : "OVER (as a window function)";
                throw NotSupported(sql, tokens[nameIndex], $"{name.ToLowerInvariant()} with {clause} is not supported; aggregate in a subquery with GROUP BY and join or filter its rows there", ExecutionError.ExecutionFailed);
            }
        }
    }
}
