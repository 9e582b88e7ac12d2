namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// <c>from_iso8601_timestamp_nanos(text)</c> (decision 269): Trino's <c>timestamp(9) with time zone</c> in the zone the
/// text's offset names (none or <c>Z</c>: UTC), to the nanosecond. A text with an offset other than UTC, and a text of a
/// column (an offset per row), is a zone per value with nanoseconds (<c>dune_tzv9_offset</c>, DuneZones.Nanos.cs): the
/// instant DuckDB reads (its TIMESTAMP_NS cast applies the offset) with the zone of the text's offset; an offset Trino
/// refuses fails in its words, as from_iso8601_timestamp's. A constant text in UTC keeps the template (TIMESTAMP_NS).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Returns the next index, or -1 to leave the call to its template (a constant text in UTC).</summary>
        private int TryEmitIsoNanosWithOffset(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count != 1 || close >= end)
            {
                return -1;
            }
            if (IsSingleString(args[0]))
            {
                var match = IsoOffset().Match(Unquote(Next(args[0].From - 1, args[0].To)));
                if (!match.Success || DuneZones.Canonical(match.Groups[1].Value) == "UTC")
                {
                    return -1;
                }
            }
            EmitTemplate($"{DuneZones.PerValueNanosType}_offset(CAST($1 AS TIMESTAMP_NS), CAST($1 AS VARCHAR))", args, anchor);
            return close + 1;
        }
    }
}
