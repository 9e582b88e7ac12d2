namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Aggregates whose DuckDB result type differs from Trino's, typed by <c>typeof</c> (folded to a constant when DuckDB
/// binds, so one branch is left):
/// <list type="bullet">
/// <item><c>sum(x)</c>: of uint256/int256 as its argument, of integers a checked bigint (decision "dune-types4"), of a
/// real a real (decision "dune-types8").</item>
/// <item><c>approx_percentile(x, p)</c>: Trino's overloads take bigint, double and real (ApproximateLongPercentileAggregations,
/// ApproximateDoublePercentileAggregations, ApproximateRealPercentileAggregations), so an integer column is read as a
/// bigint and answered as one, a decimal as a double; DuckDB's approx_quantile keeps an integer's or a decimal's own type.
/// The argument is converted as Trino's overload resolution converts it (<c>cast_to_type</c> with a witness chosen by
/// <c>typeof</c>), so the answer, and with an array of percentiles each element, has Trino's type; of a real the answer
/// (DuckDB's DOUBLE) is cast back to a real (decision "dune-fix9").</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>The macro each value of an approx_percentile goes through: Trino's t-digest refuses NaN and infinite
    /// values (airlift TDigest.add: "value is NaN", "value must be finite"), where DuckDB's approx_quantile answered
    /// around them.</summary>
    internal const string PercentileValueMacro = "dune_tdigest_value";

    /// <summary>The definition of <see cref="PercentileValueMacro"/> (prelude of a text that calls it). A NULL passes
    /// (skipped as every aggregate skips it); <c>isfinite</c> and <c>isinf</c> take numbers and timestamps alike.</summary>
    public const string PercentileMacros = "CREATE OR REPLACE TEMP MACRO " + PercentileValueMacro + "(v) AS CASE WHEN v IS NULL OR isfinite(v) THEN v "
        + "WHEN isinf(v) THEN error('value must be finite') ELSE error('value is NaN') END;\n";

    private sealed partial class Pass
    {
        /// <summary>More than zero while a typed sum is written: no sum inside it is rewritten again.</summary>
        private int sumDepth;

        /// <summary>More than zero while a typed approx_percentile's argument is written.</summary>
        private int percentileDepth;

        /// <summary>The argument of approx_percentile as Trino's overloads read it: an integer as a bigint, a decimal as a
        /// double, any other type as itself (a witness chosen by the folded <c>typeof</c>, never evaluated).</summary>
        private const string PercentileArgument = "), struct_extract(struct_pack(b := CAST(NULL AS BIGINT), d := CAST(NULL AS DOUBLE), v := (";

        /// <summary>Reads an approx_percentile (field s; field w a never-evaluated value of the argument's type) as Trino
        /// types it for a real argument: a real, or an array of reals for an array of percentiles (Trino's
        /// ApproximateRealPercentileAggregations; DuckDB's approx_quantile of a FLOAT answers DOUBLE). Other types keep s.</summary>
        private const string RealPercentile = ", _strata_s -> cast_to_type(struct_extract(_strata_s, 's'), struct_extract(struct_pack("
            + "f := CAST(NULL AS FLOAT), fa := CAST(NULL AS FLOAT[]), v := struct_extract(_strata_s, 's')), "
            + "CASE WHEN typeof(struct_extract(_strata_s, 'w')) <> 'FLOAT' THEN 'v' WHEN typeof(struct_extract(_strata_s, 's')) LIKE '%[]' THEN 'fa' ELSE 'f' END)))[1]";

        /// <summary>Reads a sum (field s of the lambda's parameter; field w is a never-evaluated value of the argument's
        /// type; both read with <c>struct_extract</c>, as DuckDB's binder takes <c>p.s</c> in a grouped query's HAVING for a
        /// column) as Trino types it: DuckDB's HUGEINT sum of integers is a bigint, checked (<c>dune_bigint_sum</c> fails
        /// naming the overflow); the (double) sum of a real is a real (Trino's RealSumAggregation sums in double and
        /// returns the float); any other type is kept. <c>typeof</c> is folded when DuckDB binds, so one branch is left.</summary>
        private const string BigintSum = "], _strata_s -> struct_extract(struct_pack("
            + "b := CASE WHEN typeof(struct_extract(_strata_s, 's')) = 'HUGEINT' THEN dune_bigint_sum(struct_extract(_strata_s, 's')) END, "
            + "r := CASE WHEN typeof(struct_extract(_strata_s, 'w')) = 'FLOAT' THEN CAST(dune_fdiv(struct_extract(_strata_s, 's'), 1) AS FLOAT) END, "
            + "v := CASE WHEN typeof(struct_extract(_strata_s, 's')) = 'HUGEINT' OR typeof(struct_extract(_strata_s, 'w')) = 'FLOAT' THEN NULL ELSE struct_extract(_strata_s, 's') END), "
            + "CASE WHEN typeof(struct_extract(_strata_s, 's')) = 'HUGEINT' THEN 'b' WHEN typeof(struct_extract(_strata_s, 'w')) = 'FLOAT' THEN 'r' ELSE 'v' END))[1]";

        /// <summary><c>sum(x)</c> typed as Trino types it: of uint256 or int256 as its argument, of an integer as a checked
        /// bigint (see the type's summary). A window sum (<c>OVER</c>) has the witness <c>x</c> itself rather than
        /// <c>min(x)</c> (a dead window would still be computed; a column read where the window's argument is read is
        /// not). The sum is written once, as the one element of a list read by a lambda. Returns the next index, or -1.</summary>
        private int TryEmitTypedSum(int nameIndex, int open, int close, int end)
        {
            if (sumDepth > 0 || close >= end || Arguments(open, close).Count != 1)
            {
                return -1;
            }
            if (AggregateClauseEnd(open, close, end, out bool window) is not int clauseEnd)
            {
                return -1;
            }
            var anchor = tokens[nameIndex];
            sumDepth++;
            try
            {
                string witness = window ? "CASE WHEN false THEN " : "CASE WHEN false THEN min";
                emitter.Text("list_transform([struct_pack(s := " + witness, anchor);
                Emit(open, close + 1);
                emitter.Text(" ELSE ", anchor);
                Emit(nameIndex, clauseEnd);
                emitter.Text(" END, w := " + witness, anchor);
                Emit(open, close + 1);
                emitter.Text(" END)" + BigintSum, tokens[clauseEnd - 1]);
            }
            finally
            {
                sumDepth--;
            }
            return clauseEnd;
        }

        /// <summary><c>approx_percentile(x, p)</c> typed as Trino types it (see the type's summary): DuckDB's
        /// <c>approx_quantile</c> of x read as Trino's overloads read it, so that its answer has that type (a FILTER or
        /// OVER after it stays as written). Returns the next index, or -1.</summary>
        private int TryEmitTypedPercentile(int nameIndex, int open, int close, int end)
        {
            var args = Arguments(open, close);
            if (args.Count == 3 && percentileDepth == 0 && close < end && !Is(Next(open, close), "distinct") && !Is(Next(open, close), "all"))
            {
                return EmitWeightedPercentile(nameIndex, args, open, close, end);
            }
            if (percentileDepth > 0 || close >= end || args.Count != 2 || Is(Next(open, close), "distinct") || Is(Next(open, close), "all")
                || AggregateClauseEnd(open, close, end, out bool window) is not int clauseEnd)
            {
                return -1;
            }
            var anchor = tokens[nameIndex];
            string? nullPercentile = NullPercentile(args[1]);
            percentileDepth++;
            try
            {
                emitter.Text("list_transform([struct_pack(s := " + (nullPercentile is null ? "" : "CASE WHEN false THEN ")
                    + "approx_quantile(" + PercentileValueMacro + "(cast_to_type((", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text(PercentileArgument, anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text(")), CASE WHEN typeof((", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text(")) IN ('TINYINT', 'SMALLINT', 'INTEGER') THEN 'b' WHEN typeof((", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text(")) LIKE 'DECIMAL%' THEN 'd' ELSE 'v' END))), ", anchor);
                if (nullPercentile is null)
                {
                    Emit(args[1].From, args[1].To);
                }
                else
                {
                    emitter.Text(nullPercentile, anchor);
                }
                emitter.Text(")", tokens[close]);
                Emit(close + 1, clauseEnd);
                if (nullPercentile is not null)
                {
                    emitter.Text(" END", anchor);
                }
                emitter.Text(window ? ", w := CASE WHEN false THEN (" : ", w := CASE WHEN false THEN min((", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text((window ? ")" : "))") + " END)]" + RealPercentile, tokens[clauseEnd - 1]);
            }
            finally
            {
                percentileDepth--;
            }
            return clauseEnd;
        }

        /// <summary>A percentile written as a NULL (<c>NULL</c>, <c>CAST(NULL AS double)</c>, <c>CAST(NULL AS array(double))</c>):
        /// Trino skips every row whose percentile is NULL (an aggregate's arguments are masked for nulls,
        /// AggregationMaskCompiler), so the answer is NULL; DuckDB refuses a NULL percentile when it binds. Returns a
        /// percentile of the same shape for a never-evaluated call that keeps the answer's type, or null for any other
        /// argument.</summary>
        private string? NullPercentile((int From, int To) arg)
        {
            int first = Next(arg.From - 1, arg.To);
            if (Is(first, "null") && Next(first, arg.To) >= arg.To)
            {
                return "0.5";
            }
            if (!(Is(first, "cast") || Is(first, "try_cast")) || !Is(Next(first, arg.To), "(")
                || !Is(Next(Next(first, arg.To), arg.To), "null"))
            {
                return null;
            }
            int asIndex = Next(Next(Next(first, arg.To), arg.To), arg.To), type = Next(asIndex, arg.To);
            int close = Opening(Previous(arg.To)) == Next(first, arg.To) ? Previous(arg.To) : -1;
            return !Is(asIndex, "as") || close < 0 || type >= close ? null : Is(type, "array") ? "[0.5]" : "0.5";
        }

        /// <summary><c>approx_percentile(x, w, p)</c>, and with an array of percentiles <c>approx_percentile(x, w, ARRAY[…])</c>
        /// (an array constructor as the third argument): the group's values and weights as two lists sorted alike (by
        /// value, then weight), read by <see cref="DuneWeightedPercentile"/> once a percentile, each answer typed as Trino's
        /// overloads type it (an integer's rounded to a bigint as Java's Math.round, a real's a real, any other a double;
        /// struct_extract with a key folded from typeof when DuckDB binds, field k a never-evaluated witness of x's type).
        /// A FILTER applies to each list; as a window it is refused. Returns the next index.</summary>
        private int EmitWeightedPercentile(int nameIndex, List<(int From, int To)> args, int open, int close, int end)
        {
            var anchor = tokens[nameIndex];
            if (AggregateClauseEnd(open, close, end, out bool window) is not int clauseEnd || window)
            {
                throw NotSupported(sql, anchor, "approx_percentile with a weight is not supported as a window function");
            }
            int first = Next(args[2].From - 1, args[2].To);
            bool array = Is(first, "[") || (Is(first, "array") && Is(Next(first, args[2].To), "["));
            percentileDepth++;
            try
            {
                for (int list = 0; list < 2; list++)
                {
                    emitter.Text(list == 0 ? "list_transform([struct_pack(v := list(CAST((" : ", w := list(CAST((", anchor);
                    Emit(args[list].From, args[list].To);
                    emitter.Text(") AS DOUBLE) ORDER BY (", anchor);
                    Emit(args[0].From, args[0].To);
                    emitter.Text("), (", anchor);
                    Emit(args[1].From, args[1].To);
                    emitter.Text("))", anchor);
                    Emit(close + 1, clauseEnd);
                }
                emitter.Text(", k := CASE WHEN false THEN min((", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text("))", anchor);
                Emit(close + 1, clauseEnd);
                // With no pair in the group (no value and weight both set) the array is NULL, as Trino's (not NULL elements).
                emitter.Text(" END)], _strata_s -> " + (array ? "list_transform([list_transform((" : ""), anchor);
                if (array)
                {
                    Emit(args[2].From, args[2].To);
                    emitter.Text("), _strata_q -> ", anchor);
                }
                string[] reads = ["struct_extract(struct_pack(b := CAST(floor(", " + 0.5) AS BIGINT), f := CAST(", " AS FLOAT), d := "];
                foreach (string read in reads)
                {
                    emitter.Text(read + DuneWeightedPercentile.Function + "(struct_extract(_strata_s, 'v'), struct_extract(_strata_s, 'w'), "
                        + (array ? "_strata_q" : "("), anchor);
                    if (!array)
                    {
                        Emit(args[2].From, args[2].To);
                        emitter.Text(")", anchor);
                    }
                    emitter.Text(")", anchor);
                }
                emitter.Text("), CASE WHEN typeof(struct_extract(_strata_s, 'k')) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT') THEN 'b' "
                    + "WHEN typeof(struct_extract(_strata_s, 'k')) = 'FLOAT' THEN 'f' ELSE 'd' END)"
                    + (array ? ")], _strata_r -> CASE WHEN len(_strata_r) > 0 AND _strata_r[1] IS NULL THEN NULL ELSE _strata_r END)[1]" : "") + ")[1]",
                    tokens[clauseEnd - 1]);
            }
            finally
            {
                percentileDepth--;
            }
            return clauseEnd;
        }

        /// <summary>The index after an aggregate call's FILTER and OVER clauses (the call's parentheses are open, close),
        /// or null when they are not understood (a window over DISTINCT, a clause past end).</summary>
        private int? AggregateClauseEnd(int open, int close, int end, out bool window)
        {
            int after = Next(close, end);
            int clauseEnd = close + 1;
            if (Is(after, "filter") && Is(Next(after, end), "("))
            {
                clauseEnd = Close(Next(after, end), end) + 1;
                after = Next(clauseEnd - 1, end);
            }
            window = Is(after, "over");
            if (window)
            {
                int spec = Next(after, end);
                if (spec < 0 || spec >= end || Is(Next(open, close), "distinct") || Is(Next(open, close), "all"))
                {
                    return null;
                }
                clauseEnd = Is(spec, "(") ? Close(spec, end) + 1 : spec + 1;
            }
            return clauseEnd > end ? null : clauseEnd;
        }

        /// <summary>The arguments with a DISTINCT or ALL before the first one left out: approx_distinct's template counts
        /// distinct values already (<c>count(DISTINCT $1)</c>), and Trino's <c>approx_distinct(DISTINCT x)</c> is the same count.</summary>
        private List<(int From, int To)> WithoutSetQuantifier(List<(int From, int To)> args)
        {
            int first = args.Count > 0 ? Next(args[0].From - 1, args[0].To) : -1;
            if (first < 0 || first >= args[0].To || !(Is(first, "distinct") || Is(first, "all")))
            {
                return args;
            }
            return [(first + 1, args[0].To), .. args.Skip(1)];
        }
    }
}
