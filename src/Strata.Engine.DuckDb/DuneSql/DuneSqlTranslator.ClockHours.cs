using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// parse_datetime's Joda clock hours, which DuckDB's strptime has no reader for (DateTimeFormat's pattern letters):
/// <c>k</c>, the clockhour of the day (1-24; Joda's ZeroIsMaxDateTimeField sets 24 as hour 0 of the same day), and
/// <c>K</c>, the hour of the halfday (0-11; with <c>a</c> the afternoon's is 12 hours on, without it the morning's).
/// A value outside the field's range fails in Joda's words ("Cannot parse "…": Value 0 for clockhourOfDay must be in the
/// range [1,24]"). The text is read by strptime with the hour as <c>%H</c> (0-23): for <c>k</c> a text whose hour is 24
/// is read by the pattern with <c>24</c> written in its place, and an hour of 0 is refused (with <c>a</c>, AM or PM is read
/// and sets nothing: Joda sets the halfday before the clock hour, which sets the hour of the day); for <c>K</c> an hour past 11
/// is refused, and <c>a</c> is read as the literal AM or PM (upper or lower case) in turn. format_datetime writes both
/// (DuneFormats.JodaField).
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>parse_datetime whose constant pattern has a <c>k</c> or <c>K</c> field; -1 when it has none.</summary>
        private int TryEmitClockHours(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (close >= end || args.Count != 2 || !IsSingleString(args[1]))
            {
                return -1;
            }
            int patternAt = Next(args[1].From - 1, args[1].To);
            var runs = new Dictionary<char, int>();
            Converted(joda =>
            {
                runs = DuneFormats.JodaLetterRuns(joda);
                return joda;
            }, patternAt, anchor);
            int clock = runs.GetValueOrDefault('k'), half = runs.GetValueOrDefault('K'), ampm = runs.GetValueOrDefault('a');
            if (clock + half == 0)
            {
                return -1;
            }
            if (clock + half > 1 || ampm > 1)
            {
                throw NotSupported(sql, anchor, "parse_datetime reads one clock hour field here: k (1-24) or K (0-11), with at most one a");
            }
            string Pattern(string? hour, string? halfDay) => SqlQuoting.QuoteString(Converted(joda => DuneFormats.JodaToStrptimeWith(joda,
                (c, n) => c is 'k' or 'K' ? hour ?? (n == 1 ? "%-H" : "%H") : c == 'a' ? halfDay : null), patternAt, anchor));
            const string text = "_strata_pt";
            string hours = Pattern(null, null);
            string Refused(string value, string field, string range) =>
                $"error('Cannot parse \"' || {text} || '\": Value ' || {value} || ' for {field} must be in the range {range}')";
            string parsed;
            if (clock == 1)
            {
                // With a, the halfday is read but sets nothing: Joda's parser sets the saved fields largest duration first,
                // so halfdayOfDay (halfdays) is set before clockhourOfDay (hours), which then sets the whole hour of the day.
                string Read(string? hour) => ampm == 0 ? $"try_strptime({text}, {Pattern(hour, null)})"
                    : $"coalesce({string.Join(", ", new[] { "AM", "PM", "am", "pm" }.Select(h => $"try_strptime({text}, {Pattern(hour, h)})"))})";
                string midnight = Read("24"), plainHour = Read(null);
                string failure = $"strptime({text}, {Pattern(null, ampm == 0 ? null : "AM")})";
                parsed = $"CASE WHEN {midnight} IS NOT NULL THEN {midnight} WHEN hour({plainHour}) = 0 "
                    + $"THEN {Refused("'0'", "clockhourOfDay", "[1,24]")} WHEN {plainHour} IS NOT NULL THEN {plainHour} ELSE {failure} END";
            }
            else if (ampm == 0)
            {
                string value = $"strptime({text}, {hours})";
                parsed = $"CASE WHEN hour({value}) > 11 THEN {Refused($"CAST(hour({value}) AS VARCHAR)", "hourOfHalfday", "[0,11]")} ELSE {value} END";
            }
            else
            {
                string am = $"coalesce(try_strptime({text}, {Pattern(null, "AM")}), try_strptime({text}, {Pattern(null, "am")}))";
                string pm = $"coalesce(try_strptime({text}, {Pattern(null, "PM")}), try_strptime({text}, {Pattern(null, "pm")}))";
                parsed = $"CASE WHEN hour(coalesce({am}, {pm})) > 11 THEN {Refused($"CAST(hour(coalesce({am}, {pm})) AS VARCHAR)", "hourOfHalfday", "[0,11]")} "
                    + $"WHEN {am} IS NOT NULL THEN {am} WHEN {pm} IS NOT NULL THEN {pm} + INTERVAL 12 HOUR ELSE strptime({text}, {Pattern(null, "AM")}) END";
            }
            string plain = Converted(joda => DuneFormats.JodaToStrptimeWith(joda, (c, _) => c is 'k' or 'K' ? "%H" : c == 'a' ? "%p" : null), patternAt, anchor);
            bool yy = TwoDigitYear(plain), cut = CutsFraction(plain);
            emitter.Text("CAST(" + (yy ? "dune_joda_yy(" : "") + "list_transform([" + (cut ? FractionCutOpen : "CAST("), anchor);
            Emit(args[0].From, args[0].To);
            emitter.Text((cut ? FractionCutClose : " AS VARCHAR)") + $"], {text} -> {parsed})[1]" + (yy ? ")" : "") + " AS TIMESTAMPTZ)", tokens[close]);
            return close + 1;
        }
    }
}
