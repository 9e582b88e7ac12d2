namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Date and time arithmetic with Trino's types (Trino's DateTimeOperators and extract):
/// <list type="bullet">
/// <item><c>x + interval …</c> and <c>x - interval …</c> keep x's type: a date stays a date (DuckDB makes it a timestamp), and a
/// date with hours, minutes or seconds added fails with Trino's message. The sum runs through the native functions
/// <c>dune_plus</c>/<c>dune_minus</c> (<see cref="DuneTime"/>, registered before the lock when the text calls them),
/// whose overload DuckDB's binder picks by x's type once x is bound (x may be an aggregate, a window or a correlated column). Months are added as Trino adds them (the day is clamped to the month's end: Jan 31 + 1 month is Feb 29).
/// The rewrite is made only where the operand's extent is sure (a primary expression, not next to <c>*</c>, <c>/</c> or
/// another operator; not a bare NULL or a parameter, which would match every overload), else the operator stays as written.</item>
/// <item><c>date_add(unit, n, x)</c> keeps x's type the same way.</item>
/// <item><c>extract(field FROM x)</c> with Trino's fields: <c>DOW</c>/<c>DAY_OF_WEEK</c> is ISO (Sunday is 7; DuckDB's
/// <c>dow</c> gives 0), <c>DOY</c>, <c>YOW</c>/<c>YEAR_OF_WEEK</c> and <c>DAY_OF_MONTH</c>, which DuckDB does not know.</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Settings that give DuckDB Trino's arithmetic and Dune's session zone (UTC); applied before the sandbox's configuration is locked.</summary>
    public const string Prelude = "SET integer_division = true;\nSET TimeZone = 'UTC';\n";

    /// <summary>The prelude for one translated text: <see cref="Prelude"/>, and the time macros when the text calls them
    /// (making them is a catalog write, about 9 ms per execution on a loaded 2-core machine, so only texts that need them pay).</summary>
    public static string PreludeFor(string translatedSql) => (UsesTimeMacros(translatedSql) ? Prelude + TimeMacros : Prelude)
        + (translatedSql.Contains(PercentileValueMacro + "(", StringComparison.Ordinal) ? PercentileMacros : "");

    /// <summary>Trino's date_parse reads a two-digit year (%y) in 1970..2069; DuckDB's strptime reads 69 as 1969. And
    /// Trino's text of an interval and of a time with time zone (<c>CAST(… AS varchar)</c>), the result writer's.</summary>
    public static readonly string TimeMacros =
        "CREATE OR REPLACE TEMP MACRO dune_pivot_yy(t) AS CASE WHEN year(t) = 1969 THEN t + INTERVAL 100 YEAR ELSE t END;\n"
        // Joda's two-digit year (parse_datetime's yy): pivot this year - 30, so read in [this year - 80, this year + 19];
        // DuckDB's %y reads 69..99 as 19xx and 00..68 as 20xx.
        + "CREATE OR REPLACE TEMP MACRO dune_joda_yy(t) AS CASE WHEN year(t) > year(current_date) + 19 THEN t - INTERVAL 100 YEAR "
        + "WHEN year(t) < year(current_date) - 80 THEN t + INTERVAL 100 YEAR ELSE t END;\n"
        // Joda's clock hour of the half day without the half (parse_datetime's h, date_parse's %h/%I without a/%p): the
        // morning's, so 12 is midnight; DuckDB's %I without %p reads 12 as noon.
        + "CREATE OR REPLACE TEMP MACRO dune_joda_h12(t) AS CASE WHEN hour(t) = 12 THEN t - INTERVAL 12 HOUR ELSE t END;\n"
        // Trino's from_unixtime (DateTimeFunctions.fromUnixTime): the instant of Math.round(x * 1000) milliseconds, packed as
        // a timestamp(3) with time zone — NaN rounds to 0; past DateTimeEncoding's 2^51 - 1 milliseconds it fails
        // "Millis overflow: n" with Math.round's long (saturated at the long's ends, as for an infinity).
        // Under TRY (no error() there: DuckDB's TRY refuses a volatile function) an overflow is NULL.
        + "CREATE OR REPLACE TEMP MACRO dune_unixtime_try(x) AS CASE WHEN isnan(CAST(x AS DOUBLE)) THEN TIMESTAMPTZ '1970-01-01 00:00:00+00' "
        + "WHEN abs(floor(CAST(x AS DOUBLE) * 1000 + 0.5)) <= 2251799813685247 "
        + "THEN timezone('UTC', epoch_ms(CAST(floor(CAST(x AS DOUBLE) * 1000 + 0.5) AS BIGINT))) END;\n"
        + "CREATE OR REPLACE TEMP MACRO dune_unixtime(x) AS CASE WHEN NOT isnan(CAST(x AS DOUBLE)) AND abs(floor(CAST(x AS DOUBLE) * 1000 + 0.5)) > 2251799813685247 "
        + "THEN error('Millis overflow: ' || CASE WHEN floor(CAST(x AS DOUBLE) * 1000 + 0.5) >= 9.2233720368547758e18 THEN '9223372036854775807' "
        + "WHEN floor(CAST(x AS DOUBLE) * 1000 + 0.5) <= -9.2233720368547758e18 THEN '-9223372036854775808' "
        + "ELSE CAST(CAST(floor(CAST(x AS DOUBLE) * 1000 + 0.5) AS HUGEINT) AS VARCHAR) END) ELSE dune_unixtime_try(x) END;\n"
        + "CREATE OR REPLACE TEMP MACRO dune_interval_text(i) AS " + DuckDbTypes.IntervalText("i") + ";\n"
        + "CREATE OR REPLACE TEMP MACRO dune_timetz_text(t) AS " + DuckDbTypes.TimeWithZoneText("t") + ";\n"
        // A timestamp(3) with milliseconds, a timestamp(9) (TIMESTAMP_NS) with nanoseconds; t is x's DuckDB type. Through
        // the text so it binds for any x; TRY_CAST as a TIMESTAMP's text may lie outside TIMESTAMP_NS's range.
        + "CREATE OR REPLACE TEMP MACRO dune_timestamp_text(x, t) AS CASE WHEN t = 'TIMESTAMP' "
        + "THEN strftime(CAST(CAST(x AS VARCHAR) AS TIMESTAMP), '%Y-%m-%d %H:%M:%S.%g') "
        + "ELSE strftime(TRY_CAST(CAST(x AS VARCHAR) AS TIMESTAMP_NS), '%Y-%m-%d %H:%M:%S.%n') END;\n";

    private static bool UsesTimeMacros(string sql) => sql.Contains("dune_pivot_yy(", StringComparison.Ordinal) || sql.Contains("dune_joda_yy(", StringComparison.Ordinal)
        || sql.Contains("dune_joda_h12(", StringComparison.Ordinal)
        || sql.Contains("dune_interval_text(", StringComparison.Ordinal) || sql.Contains("dune_timetz_text(", StringComparison.Ordinal)
        || sql.Contains("dune_timestamp_text(", StringComparison.Ordinal) || sql.Contains("dune_unixtime", StringComparison.Ordinal);

    private sealed partial class Pass
    {
        /// <summary>Whether a strftime pattern reads a two-digit year and no four-digit one.</summary>
        /// <summary>Whether a strptime pattern reads a 12-hour clock's hour (<c>%I</c>) without the half of the day
        /// (<c>%p</c>): Joda's halfday field is then AM, so its 12 is midnight (DuckDB reads it as noon). Not with a zone
        /// (<c>%z</c>, <c>%Z</c>): strptime then gives the instant, whose hour is no longer the clock's (left as DuckDB
        /// reads it).</summary>
        private static bool HalfDayHourAlone(string pattern)
        {
            string bare = pattern.Replace("%%", "", StringComparison.Ordinal);
            return (bare.Contains("%I", StringComparison.Ordinal) || bare.Contains("%-I", StringComparison.Ordinal))
                && !bare.Contains("%p", StringComparison.Ordinal)
                && !bare.Contains("%z", StringComparison.Ordinal) && !bare.Contains("%Z", StringComparison.Ordinal);
        }

        private static bool TwoDigitYear(string pattern) => pattern.Replace("%%", "", StringComparison.Ordinal).Contains("%y", StringComparison.Ordinal)
            && !pattern.Replace("%%", "", StringComparison.Ordinal).Contains("%Y", StringComparison.Ordinal);

        /// <summary>Sums with an interval, by the token where their left operand starts: the operator and the end of the interval.</summary>
        private Dictionary<int, List<(int Operator, int End)>>? intervalSums;

        /// <summary>At the left operand of <c>x ± interval …</c>: emits dune_plus/dune_minus; returns the next index, or -1.</summary>
        private int TryEmitIntervalSum(int i, int to)
        {
            intervalSums ??= WithDateDifferences(FindIntervalSums());
            if (!intervalSums.TryGetValue(i, out var here))
            {
                return -1;
            }
            int pick = Outermost(here, to, s => (s.Operator, s.End));
            if (pick < 0)
            {
                return -1;
            }
            var (op, end) = here[pick];
            if (dateProbes.Contains(op))
            {
                EmitDateProbe(i, op, end);
                return end;
            }
            string macro = Is(op, "+") ? "dune_plus" : "dune_minus";
            if (intervalFirstSums.Contains(op))
            {
                // INTERVAL … + x is x + INTERVAL … (Trino's interval-first operators are the sum the other way round).
                emitter.Text(macro + "(", tokens[op]);
                Emit(Next(op, end), end);
                emitter.Text(", ", tokens[op]);
                Emit(i, op);
                emitter.Text(")", tokens[end - 1]);
                return end;
            }
            emitter.Text(macro + "(", tokens[op]);
            Emit(i, op);
            emitter.Text(", ", tokens[op]);
            Emit(Next(op, end), end);
            emitter.Text(")", tokens[end - 1]);
            return end;
        }

        /// <summary>Of the operator rewrites whose left operand starts at one token, the index of the outermost (the last
        /// operator) that ends by to, or -1: in a chain the outer one is emitted first and holds the inner ones.</summary>
        private static int Outermost<T>(List<T> here, int to, Func<T, (int Operator, int End)> of)
        {
            int pick = -1;
            for (int k = 0; k < here.Count; k++)
            {
                var (op, end) = of(here[k]);
                if (end <= to && (pick < 0 || op > of(here[pick]).Operator))
                {
                    pick = k;
                }
            }
            return pick;
        }

        private Dictionary<int, List<(int, int)>> FindIntervalSums()
        {
            var found = new Dictionary<int, List<(int, int)>>();
            // Left to right: in x - interval '1' day + interval '2' hour the left operand of the second is the first sum.
            var chains = intervalChains;
            for (int op = 0; op < tokens.Count; op++)
            {
                if (tokens[op].Kind != DuneTokenKind.Symbol || tokens[op].Length != 1 || !(Is(op, "+") || Is(op, "-")))
                {
                    continue;
                }
                int intervalEnd = IntervalLiteralEnd(Next(op, tokens.Count));
                int leftEnd = Previous(op);
                if (intervalEnd < 0 && AddIntervalFirstSum(op, leftEnd, found, chains))
                {
                    continue;
                }
                if (intervalEnd < 0 || leftEnd < 0 || Is(leftEnd, "end") || Is(leftEnd, "null") || (IntervalLiteralStart(leftEnd) ?? PrimaryStart(leftEnd)) is not int primaryStart)
                {
                    continue;
                }
                bool chained = chains.TryGetValue(leftEnd, out int leftStart);
                leftStart = chained ? leftStart : primaryStart;
                if (!chained && Is(Previous(leftStart), "over"))
                {
                    // A window call (max(x) OVER (…)): the operand starts at the function's name.
                    if (Previous(Previous(leftStart)) is int call && call >= 0 && PrimaryStart(call) is int callStart)
                    {
                        leftStart = callStart;
                    }
                    else
                    {
                        continue;
                    }
                }
                int before = Previous(leftStart), after = Next(intervalEnd - 1, tokens.Count);
                bool isolated = (chained || !(Is(before, "+") || Is(before, "-"))) && !Is(before, "*") && !Is(before, "/") && !Is(before, "%")
                    && !Is(before, "||") && !Is(before, "::") && !Is(after, "*") && !Is(after, "/") && !Is(after, "%") && !Is(after, "at")
                    && !Is(after, "::") && !Is(after, "[") && !Is(after, "||");
                if (!isolated || HoldsParameter(leftStart, op))
                {
                    continue;
                }
                if (!found.TryGetValue(leftStart, out var list))
                {
                    found[leftStart] = list = [];
                }
                list.Add((op, intervalEnd));
                chains[intervalEnd - 1] = leftStart;
            }
            return found;
        }

        /// <summary>The interval sums' chains: by the last token of a sum (or chain of sums), its first token.</summary>
        private readonly Dictionary<int, int> intervalChains = [];

        /// <summary>The operators of <c>INTERVAL … + x</c> sums (written as <c>x + INTERVAL …</c>).</summary>
        private readonly HashSet<int> intervalFirstSums = [];

        /// <summary>The <c>interval</c> token of the interval literal that ends at token last, or null.</summary>
        private int? IntervalLiteralStart(int last)
        {
            int k = last;
            for (int back = 0; back < 4 && k >= 0; back++)
            {
                k = Previous(k);
                if (Is(k, "interval"))
                {
                    return IntervalLiteralEnd(k) == last + 1 ? k : null;
                }
            }
            return null;
        }

        /// <summary>The index after <c>interval 'n' unit [to unit]</c> (or <c>interval 'n units'</c>) starting at first, or -1.</summary>
        private int IntervalLiteralEnd(int first)
        {
            if (!Is(first, "interval"))
            {
                return -1;
            }
            int literal = Next(first, tokens.Count);
            if (literal >= tokens.Count || !IsTerminatedString(literal))
            {
                return -1;
            }
            int end = literal + 1, unit = Next(literal, tokens.Count);
            if (unit < tokens.Count && tokens[unit].Kind == DuneTokenKind.Word && IsIntervalUnit(Text(unit)))
            {
                end = unit + 1;
                int to = Next(unit, tokens.Count), last = Next(to, tokens.Count);
                if (Is(to, "to") && last < tokens.Count && IsIntervalUnit(Text(last)))
                {
                    end = last + 1;
                }
            }
            return end;
        }

        private static bool IsIntervalUnit(string word) => IntervalUnits.Contains(word) || IntervalUnits.Contains(word.TrimEnd('s', 'S'))
            || word.Equals("week", StringComparison.OrdinalIgnoreCase) || word.Equals("weeks", StringComparison.OrdinalIgnoreCase)
            || word.Equals("millisecond", StringComparison.OrdinalIgnoreCase) || word.Equals("milliseconds", StringComparison.OrdinalIgnoreCase)
            || word.Equals("quarter", StringComparison.OrdinalIgnoreCase);

        /// <summary><c>from_unixtime(x, zone)</c>: with UTC the instant (as <c>from_unixtime(x)</c>); with another zone the instant
        /// in the zone's type (<see cref="DuneZones"/>), or its wall clock where only that is read (decision 64).</summary>
        /// <summary>The call of Trino's from_unixtime instant (TimeMacros): the overflow is NULL under TRY.</summary>
        private string Unixtime => tryDepth > 0 ? "dune_unixtime_try(" : "dune_unixtime(";

        private int EmitFromUnixtimeZone(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            int zone = Next(args[1].From - 1, args[1].To);
            bool constant = close < end && IsSingleString(args[1]);
            if (constant && IsUtcLiteral(zone, args[1].To))
            {
                emitter.Text(Unixtime, anchor);
                Emit(args[0].From, args[0].To);
                emitter.Copy(tokens[close]);
                return close + 1;
            }
            if (constant && localReadEnds.Contains(Next(close, end)) && LocalZone(zone) is string local)
            {
                emitter.Text("timezone(" + local + ", " + Unixtime, anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text("))", tokens[close]);
                return close + 1;
            }
            if (!constant)
            {
                // A zone per row: each value keeps its own (DuneZones.PerValue).
                EmitTemplate($"{DuneZones.PerValueType}_at({Unixtime}$1), CAST($2 AS VARCHAR))", args, anchor);
                return close + 1;
            }
            string type = ZoneType(zone);
            emitter.Text("CAST(" + Unixtime, anchor);
            Emit(args[0].From, args[0].To);
            emitter.Text(") AS " + type + ")" + PerValueSuffix, tokens[close]);
            return close + 1;
        }

        /// <summary>from_iso8601_timestamp and parse_datetime, where the text's offset becomes the value's zone, and
        /// parse_datetime's clock hours (DuneSqlTranslator.ClockHours.cs); -1 to leave the call to its template.</summary>
        private int TryEmitWithOffset(string name, List<(int From, int To)> args, int close, int end, DuneToken anchor) =>
            name != "parse_datetime" ? TryEmitIsoWithOffset(args, close, end, anchor)
            : TryEmitParsedZone(args, close, end, anchor) is > 0 and int zoned ? zoned : TryEmitParsedOffset(args, close, end, anchor) is > 0 and int offset ? offset : TryEmitClockHours(args, close, end, anchor);

        /// <summary>Joda's default short zone names, which its <c>z</c> parser reads (DateTimeUtils' default time zone names).</summary>
        private static readonly (string Name, string Zone)[] JodaShortZoneNames =
        [
            ("UT", "UTC"), ("UTC", "UTC"), ("GMT", "UTC"), ("EST", "America/New_York"), ("EDT", "America/New_York"),
            ("CST", "America/Chicago"), ("CDT", "America/Chicago"), ("MST", "America/Denver"), ("MDT", "America/Denver"),
            ("PST", "America/Los_Angeles"), ("PDT", "America/Los_Angeles"),
        ];

        /// <summary>
        /// <c>parse_datetime(text, pattern)</c> whose Joda pattern ends with a zone's id (<c>ZZZ</c>: appendTimeZoneId) or
        /// short name (<c>z</c> to <c>zzz</c>: appendTimeZoneShortName, which parses Joda's default names UT, UTC, GMT, EST,
        /// EDT, CST, CDT, MST, MDT, PST and PDT): Trino parses with the zone kept (withOffsetParsed), so the value is the text's
        /// wall clock in that zone (<c>2024-01-01 12:00:00.000 America/New_York</c>). The text's last word (letters, digits,
        /// <c>_ / + -</c>, from a letter) is the zone, the rest is parsed by the pattern before the field; each row's value is
        /// in its own zone (<c>dune_tzv_wall</c>, which fails naming an unknown zone). A name <c>z</c> does not read, or a text
        /// without one, fails in Joda's words. -1 when the pattern does not end so.
        /// </summary>
        private int TryEmitParsedZone(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (close >= end || args.Count != 2 || !IsSingleString(args[1]))
            {
                return -1;
            }
            string joda = Unquote(Next(args[1].From - 1, args[1].To));
            int run = 0;
            while (run < joda.Length && joda[^(run + 1)] == joda[^1])
            {
                run++;
            }
            bool id = joda.Length > 0 && joda[^1] == 'Z' && run >= 3, shortName = joda.Length > 0 && joda[^1] == 'z' && run <= 3;
            if (!id && !shortName || joda.Count(c => c == '\'') % 2 != 0)
            {
                return -1;
            }
            string pattern = Converted(_ => DuneFormats.JodaToStrptime(joda[..^run]), Next(args[1].From - 1, args[1].To), anchor);
            bool yy = TwoDigitYear(pattern), h12 = HalfDayHourAlone(pattern);
            const string word = "regexp_extract(CAST($1 AS VARCHAR), '([A-Za-z][A-Za-z0-9_/+-]*)$', 1)";
            string zone = id ? word
                : "CASE " + word + string.Concat(JodaShortZoneNames.Select(n => $" WHEN '{n.Name}' THEN '{n.Zone}'")) + " END";
            string failure = $"error('Invalid format: \"' || CAST($1 AS VARCHAR) || CASE WHEN {word} = '' THEN '\" is too short' "
                + $"ELSE '\" is malformed at \"' || {word} || '\"' END)";
            string local = $"{(yy ? "dune_joda_yy(" : "")}{(h12 ? "dune_joda_h12(" : "")}strptime(left(CAST($1 AS VARCHAR), length(CAST($1 AS VARCHAR)) - length({word})), "
                + Strata.Core.Results.Querying.SqlQuoting.QuoteString(pattern) + (h12 ? ")" : "") + (yy ? ")" : "") + ")";
            EmitTemplate($"(CASE WHEN ({zone}) IS NULL OR {word} = '' THEN {DuneZones.PerValueType}_wall(CAST({failure} AS TIMESTAMP), 'UTC') "
                + $"ELSE {DuneZones.PerValueType}_wall(CAST({local} AS TIMESTAMP), {zone}) END)", args, anchor);
            return close + 1;
        }

        /// <summary><c>parse_datetime(text, pattern)</c> whose Joda pattern has an offset (<c>Z</c> or <c>ZZ</c>, unquoted):
        /// Trino parses it with the offset kept (withOffsetParsed), so each row's value is in its text's offset
        /// (<c>2024-01-01 00:00:00.000 +05:30</c>); DuckDB's <c>%z</c> reads the instant, the text's last offset gives the
        /// zone. -1 when the pattern has no offset (the caller's conversion, UTC) or is not a constant.</summary>
        private int TryEmitParsedOffset(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (close >= end || args.Count != 2 || !IsSingleString(args[1]) || !HasOffsetLetter(Unquote(Next(args[1].From - 1, args[1].To))))
            {
                return -1;
            }
            string pattern = Converted(joda => DuneFormats.JodaToStrftime(MarkOffsets(joda)).Replace("\u0001", "%z", StringComparison.Ordinal),
                Next(args[1].From - 1, args[1].To), anchor);
            bool yy = TwoDigitYear(pattern);
            // Joda's offset field reads "Z" (either case) as +00:00, DuckDB's %z does not: an offset that ends the pattern is
            // read from the text with a Z at its end made +0000 (the zone comes from the text itself, where Z is UTC).
            string text = pattern.EndsWith("%z", StringComparison.Ordinal) ? "regexp_replace(CAST($1 AS VARCHAR), '[Zz]$', '+0000')" : "CAST($1 AS VARCHAR)";
            EmitTemplate($"{DuneZones.PerValueType}_parsed({(yy ? "dune_joda_yy(" : "")}strptime({text}, "
                + Strata.Core.Results.Querying.SqlQuoting.QuoteString(pattern) + (yy ? ")" : "") + "), CAST($1 AS VARCHAR))", args, anchor);
            return close + 1;
        }

        /// <summary>Whether a Joda pattern has <c>Z</c> or <c>ZZ</c> outside quotes (<c>ZZZ</c>, a zone's name, is not read).</summary>
        private static bool HasOffsetLetter(string joda) => MarkOffsets(joda).Contains('\u0001', StringComparison.Ordinal);

        /// <summary>The pattern with each unquoted <c>Z</c>/<c>ZZ</c> replaced by a quoted mark (made <c>%z</c> after the
        /// conversion, which would otherwise refuse the letter).</summary>
        private static string MarkOffsets(string joda)
        {
            var marked = new System.Text.StringBuilder(joda.Length);
            bool quoted = false;
            for (int i = 0; i < joda.Length; i++)
            {
                quoted ^= joda[i] == '\'';
                int run = 0;
                while (!quoted && i + run < joda.Length && joda[i + run] == 'Z')
                {
                    run++;
                }
                if (run is 1 or 2)
                {
                    marked.Append("'\u0001'");
                    i += run - 1;
                    continue;
                }
                marked.Append(joda, i, Math.Max(run, 1));
                i += Math.Max(run, 1) - 1;
            }
            return marked.ToString();
        }
    }
}
