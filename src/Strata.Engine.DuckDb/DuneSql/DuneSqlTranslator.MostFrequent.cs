using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>approx_most_frequent(buckets, value, capacity)</c> (aggregate.mdx; Trino's BigintApproximateMostFrequent /
/// VarcharApproximateMostFrequent): the <c>buckets</c> most frequent non-NULL values of the group with their counts, most
/// frequent first. Trino has exactly two signatures, <c>(bigint, bigint, bigint) → map(bigint, bigint)</c> and
/// <c>(bigint, varchar, bigint) → map(varchar, bigint)</c>: a tinyint, smallint or integer value is coerced to bigint (its
/// keys are bigints), and a value of any other type (double, decimal, varbinary, date, boolean, …) or a bucket count or
/// capacity that is no integer is refused, "Unexpected parameters (…) for function approx_most_frequent". Trino estimates
/// the counts with a Space-Saving stream summary of <c>capacity</c> counters, exact while the group holds no more distinct
/// values than that; Strata counts exactly (DuckDB's <c>histogram</c>), the answer the estimate approaches, so
/// <c>capacity</c> is checked for its type and read by no one. Ties are broken by the value, ascending (Trino's order among
/// equal counts is its summary's arrival order). A group without a non-NULL value is NULL, and a bucket count under 2 fails
/// as Trino's (checked only when a value arrives, as Trino's input function is). Like every Trino aggregate it is also a
/// window function (<c>OVER (…)</c>), with or without FILTER.
/// </summary>
public static partial class DuneSqlTranslator
{
    private const string MostFrequentSignatures =
        "approx_most_frequent(bigint, bigint, bigint), approx_most_frequent(bigint, varchar, bigint)";

    /// <summary>DuckDB's names of the types Trino coerces to bigint here (NULL: an untyped NULL literal).</summary>
    private const string MostFrequentIntegers = "'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'NULL', '\"NULL\"'";

    /// <summary>The deepest approx_most_frequent nesting written (see <see cref="Pass.TryEmitApproxMostFrequent"/>).</summary>
    private const int MaxMostFrequentNesting = 5;

    private sealed partial class Pass
    {
        private int mostFrequentNesting;

        /// <summary>Writes <c>approx_most_frequent(b, x, c) [FILTER (WHERE …)] [OVER …]</c> as DuckDB's histogram sorted by
        /// count; returns the next index, or -1 when there is no call to write.</summary>
        private int TryEmitApproxMostFrequent(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (close >= end)
            {
                return -1;
            }
            string?[] types = args.Select(a => StaticType(a.From, a.To)).ToArray();
            if (args.Count != 3 || RefusedMostFrequentTypes(types))
            {
                string given = types.All(t => t is not null) ? " (" + string.Join(", ", types.Select(t => DuckDbTypes.DuneName(t!))) + ")" : "";
                throw NotSupported(sql, anchor, $"Unexpected parameters{given} for function approx_most_frequent. Expected: {MostFrequentSignatures}",
                    ExecutionError.ExecutionFailed);
            }
            // Nested through scalar subqueries, each level's lambdas hold the next: DuckDB binds 6 levels in 0.1 s and 8 for
            // minutes (the lead's review of 263; before 263 the copies' length refused 6 levels).
            if (mostFrequentNesting >= MaxMostFrequentNesting)
            {
                throw NotSupported(sql, anchor, $"approx_most_frequent nested more than {MaxMostFrequentNesting} levels deep is not supported",
                    ExecutionError.ExecutionFailed);
            }
            mostFrequentNesting++;
            try
            {
                return EmitMostFrequentCall(args, types, close, end, anchor);
            }
            finally
            {
                mostFrequentNesting--;
            }
        }

        /// <summary>The call <see cref="TryEmitApproxMostFrequent"/> accepted, written.</summary>
        private int EmitMostFrequentCall(List<(int From, int To)> args, string?[] types, int close, int end, DuneToken anchor)
        {
            int last = MostFrequentTailEnd(close, end);
            var buckets = args[0];
            void Tail() => Emit(close + 1, last + 1);
            // The histogram and the bucket count, each with the call's FILTER and OVER, are written once, into a one-element
            // list whose lambda reads them by name (hostile26: before, the value's dispatch and the tail were written twice,
            // the bucket count four times). A group without a non-NULL value has no histogram (NULL): no map, and no bucket
            // check.
            emitter.Text("list_transform([struct_pack(h := histogram(", anchor);
            EmitMostFrequentValue(args, types, anchor);
            emitter.Text(")", tokens[close]);
            Tail();
            emitter.Text(", b := any_value(", tokens[close]);
            Emit(buckets.From, buckets.To);
            emitter.Text(")", tokens[close]);
            Tail();
            emitter.Text($")], _strata_mfg -> CASE WHEN {LambdaField.Of("_strata_mfg", "h")} IS NULL THEN NULL WHEN {LambdaField.Of("_strata_mfg", "b")} < 2 THEN "
                + "error('approx_most_frequent bucket count must be greater than one') ELSE map_from_entries(list_transform(list_slice("
                + $"list_sort(list_transform(map_entries({LambdaField.Of("_strata_mfg", "h")}), _strata_mf -> struct_pack(n := -CAST({LambdaField.Of("_strata_mf", "value")} AS BIGINT), "
                + $"key := {LambdaField.Of("_strata_mf", "key")}))), 1, {LambdaField.Of("_strata_mfg", "b")}), _strata_mf -> struct_pack(key := {LambdaField.Of("_strata_mf", "key")}, value := -{LambdaField.Of("_strata_mf", "n")}))) END)[1]",
                tokens[last]);
            return last + 1;
        }

        /// <summary>Whether the types the text fixes already rule out both of Trino's signatures.</summary>
        private static bool RefusedMostFrequentTypes(string?[] types) =>
            types.Length == 3 && (types[0] is { } b && !IsMostFrequentInteger(b) || types[2] is { } c && !IsMostFrequentInteger(c)
                || types[1] is { } v && !IsMostFrequentInteger(v) && v != "VARCHAR");

        private static bool IsMostFrequentInteger(string duckType) => IntegerTypes.Contains(duckType);

        /// <summary>The last token of the call's FILTER (…) and OVER (…) / OVER name, or <paramref name="close"/>.</summary>
        private int MostFrequentTailEnd(int close, int end)
        {
            int last = close, next = Next(close, end);
            if (Is(next, "filter") && Next(next, end) is int open && Is(open, "(") && Close(open, end) is int filterEnd && filterEnd < end)
            {
                last = filterEnd;
                next = Next(filterEnd, end);
            }
            if (Is(next, "over") && Next(next, end) is int window && window < end)
            {
                if (Is(window, "(") && Close(window, end) is int windowEnd && windowEnd < end)
                {
                    last = windowEnd;
                }
                else if (tokens[window].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
                {
                    last = window;
                }
            }
            return last;
        }

        /// <summary>The value as Trino's signature takes it: a bigint for an integer, the varchar itself. When the text does
        /// not fix its type, a struct of both forms and Trino's refusal, keyed on the bound types (DuckDB folds the key to
        /// a constant when it binds, so one field is read and the others' CASEs are dropped; as the division probe).</summary>
        private void EmitMostFrequentValue(List<(int From, int To)> args, string?[] types, DuneToken anchor)
        {
            var value = args[1];
            if (types[0] is not null && types[2] is not null && types[1] is { } known)
            {
                emitter.Text(known == "VARCHAR" ? "(" : "CAST(", anchor);
                Emit(value.From, value.To);
                emitter.Text(known == "VARCHAR" ? ")" : " AS BIGINT)", anchor);
                return;
            }
            // The three arguments are written once, into a one-element list whose lambda reads them by name: the dispatch
            // names the value five times and the others four, and the call writes the dispatch twice (hostile26: nested
            // through scalar subqueries, the copies multiplied).
            string Key = $"(CASE WHEN left(typeof([{LambdaField.Of("_strata_mfa", "b")}]), -2) IN (" + MostFrequentIntegers + $") AND left(typeof([{LambdaField.Of("_strata_mfa", "c")}]), -2) IN ("
                + MostFrequentIntegers + $") THEN CASE WHEN left(typeof([{LambdaField.Of("_strata_mfa", "v")}]), -2) IN (" + MostFrequentIntegers
                + $") THEN 'i' WHEN left(typeof([{LambdaField.Of("_strata_mfa", "v")}]), -2) = 'VARCHAR' THEN 'v' ELSE 'e' END ELSE 'e' END)";
            // A bare NULL is Trino's unknown, coerced to bigint. The key reads each type as typeof of a one-element list less
            // its "[]": DuckDB folds typeof of a lambda's parameter of its NULL type to no constant, but of a list of it, yes.
            void Argument((int From, int To) range)
            {
                bool isNull = IsNullLiteral(range.From, range.To);
                emitter.Text(isNull ? "CAST(" : "", anchor);
                Emit(range.From, range.To);
                emitter.Text(isNull ? " AS BIGINT)" : "", anchor);
            }
            emitter.Text("list_transform([struct_pack(b := ", anchor);
            Argument(args[0]);
            emitter.Text(", v := ", anchor);
            Argument(value);
            emitter.Text(", c := ", anchor);
            Argument(args[2]);
            emitter.Text($")], _strata_mfa -> struct_extract(struct_pack(i := CASE WHEN {Key} = 'i' THEN CAST({LambdaField.Of("_strata_mfa", "v")} AS BIGINT) END, "
                + $"v := CASE WHEN {Key} = 'v' THEN CAST({LambdaField.Of("_strata_mfa", "v")} AS VARCHAR) END, e := CASE WHEN {Key} = 'e' THEN "
                + $"error('Unexpected parameters for function approx_most_frequent. Expected: {MostFrequentSignatures}') END), {Key}))[1]", anchor);
        }
    }
}
