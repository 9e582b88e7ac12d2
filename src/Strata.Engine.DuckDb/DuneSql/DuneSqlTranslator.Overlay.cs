namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>
        /// Trino's <c>overlay(string PLACING replacement FROM start [FOR length])</c> (string.md): the code points before
        /// <c>start</c>, the replacement, then the rest after <c>length</c> code points (the replacement's length when
        /// omitted; none removed when 0 or less); <c>start</c> must be greater than 0. DuckDB's parser has no PLACING form.
        /// A start or end past the text is its end (DuckDB's substring refuses a length past 2³² where Trino's reads to the
        /// end); start + length past a bigint fails as Trino's addition does.
        /// -1 when the call is not in that form (left to the other rules, which report it).
        /// </summary>
        private int TryEmitOverlay(int open, int close, int end, DuneToken anchor)
        {
            if (close >= end)
            {
                return -1;
            }
            int placing = TopLevelWord(open + 1, close, "placing");
            int from = placing < close ? TopLevelWord(placing + 1, close, "from") : close;
            int @for = from < close ? TopLevelWord(from + 1, close, "for") : close;
            if (placing >= close || from >= close)
            {
                return -1;
            }
            var args = new List<(int From, int To)> { (open + 1, placing), (placing + 1, from), (from + 1, @for) };
            if (@for < close)
            {
                args.Add((@for + 1, close));
            }
            string length = @for >= close ? "length($2)" : "(CASE WHEN ($4) < 0 THEN 0 ELSE ($4) END)";
            EmitTemplate("(CASE WHEN ($3) <= 0 THEN error('overlay start position must be greater than 0') "
                + $"ELSE substring($1, 1, {AtMost("($3) - 1", "length($1)")}) || ($2) || substring($1, {AtMost($"($3) + {length}", "length($1) + 1")}) END)", args, anchor);
            return close + 1;
        }

        /// <summary>The smaller of two bigints, NULL when either is (DuckDB's least skips a NULL).</summary>
        private static string AtMost(string value, string most) => $"(CASE WHEN {value} > {most} THEN {most} ELSE {value} END)";
    }
}
