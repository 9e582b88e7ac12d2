namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Templates for DuneSQL calls met in dashboards' queries whose DuckDB spelling differs by argument type.
/// </summary>
internal static class DuneWildFunctions
{
    /// <summary>Trino's <c>sequence</c> (array.mdx, SequenceFunction): the arguments are read once, as the fields of a struct,
    /// and <c>dune_sequence_count</c> (DuneSequence) gives the number of elements with Trino's errors (a zero step, a step
    /// away from stop, a date stepped by part of a day, more than 10,000 elements), so no element is built before the
    /// count is checked. Element i is start plus i steps, as Trino's (a month step from January 31st gives February's
    /// last day, then March 31st; DuckDB's generate_series adds the step to the previous element).
    /// <list type="bullet">
    /// <item><c>sequence(start, stop)</c> of integers or dates: steps of 1 (a day), or -1 when stop is before start.
    /// Integers give array(bigint) whatever their own type (SequenceFunction takes bigints): the step is a BIGINT, or
    /// an INTEGER for a date (DuckDB's date + integer is the day after).</item>
    /// <item><c>sequence(start, stop, step)</c> of integers is array(bigint); of dates with an interval step array(date)
    /// (DuckDB's date + interval is a timestamp, cast back); of timestamps with an interval step array(timestamp), and
    /// of a date with a timestamp too (Trino coerces the date to a timestamp at midnight; there is no
    /// <c>sequence(date, timestamp)</c> of two arguments, which fails with Trino's "Unexpected parameters").</item>
    /// </list>
    /// The witness of each element's type is chosen by the folded type of start. <c>list_slice(…, 1, -1)</c> is the list
    /// itself (NULL for NULL); as the outermost call it keeps <c>sequence</c> among the functions known to give an array.</summary>
    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        static string Q(string field) => LambdaField.Of("_strata_q", field);
        // Trino's IF(condition, true_value) (conditional.mdx): NULL when the condition is not true; DuckDB's if needs three.
        yield return new(("if", 2), "(CASE WHEN $1 THEN $2 END)");
        // Trino's chr takes a bigint (DuckDB's an INTEGER, with no implicit cast from BIGINT): DuneChr.
        yield return new(("chr", 1), DuneChr.Function + "($1)");
        yield return new(("sequence", 2),
            $"list_slice(list_transform([struct_pack(a := $1, b := $2)], _strata_q -> list_transform(generate_series(0, dune_sequence_count({Q("a")}, {Q("b")}) - 1), "
            + $"_strata_i -> {Q("a")} + cast_to_type(CASE WHEN {Q("b")} >= {Q("a")} THEN 1 ELSE -1 END * _strata_i, struct_extract(struct_pack(d := CAST(NULL AS INTEGER), "
            + $"n := CAST(NULL AS BIGINT)), CASE WHEN typeof({Q("a")}) = 'DATE' THEN 'd' ELSE 'n' END))))[1], 1, -1)");
        yield return new(("sequence", 3),
            $"list_slice(list_transform([struct_pack(a := $1, b := $2, c := $3)], _strata_q -> list_transform(generate_series(0, dune_sequence_count({Q("a")}, {Q("b")}, {Q("c")}) - 1), "
            + $"_strata_i -> cast_to_type({Q("a")} + _strata_i * {Q("c")}, struct_extract(struct_pack(d := CAST(NULL AS DATE), "
            + $"v := {Q("a")} + _strata_i * {Q("c")}), CASE WHEN typeof({Q("a")}) = 'DATE' AND typeof({Q("b")}) = 'DATE' THEN 'd' ELSE 'v' END))))[1], 1, -1)");
    }
}
