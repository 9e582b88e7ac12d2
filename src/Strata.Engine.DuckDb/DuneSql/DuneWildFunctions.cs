namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Templates for DuneSQL calls met in dashboards' queries whose DuckDB spelling differs by argument type.
/// </summary>
internal static class DuneWildFunctions
{
    /// <summary>Trino's <c>sequence(start, stop)</c> over integers or dates (array.mdx): steps of 1 (a day), or -1 when stop
    /// is before start. DuckDB's generate_series takes no dates without an interval step, so the elements are start plus
    /// 0, ±1, ±2… (DuckDB's date - date is the days between, date + integer the day after). Integers give Trino's
    /// array(bigint) whatever their own type (SequenceFunction takes bigints): the step is a BIGINT, or an INTEGER for a
    /// date (the witness is chosen by the folded type of start).</summary>
    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("sequence", 2),
            "list_transform(generate_series(0, abs(($2) - ($1))), _strata_i -> ($1) + cast_to_type(sign(($2) - ($1)) * _strata_i, "
            + "struct_extract(struct_pack(d := CAST(NULL AS INTEGER), n := CAST(NULL AS BIGINT)), CASE WHEN typeof($1) = 'DATE' THEN 'd' ELSE 'n' END)))");
    }
}
