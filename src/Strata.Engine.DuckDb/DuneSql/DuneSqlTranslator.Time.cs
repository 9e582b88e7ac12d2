namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Date and time arithmetic with Trino's types (Trino's DateTimeOperators and extract):
/// <list type="bullet">
/// <item><c>x + interval …</c> and <c>x - interval …</c> keep x's type: a date stays a date (DuckDB makes it a timestamp), and a
/// date with hours, minutes or seconds added fails with Trino's message. The sum runs through the typed macros
/// <c>dune_plus</c>/<c>dune_minus</c> (<see cref="TimeMacros"/>, made before the lock when the text calls them,
/// <see cref="PreludeFor"/>), whose overload DuckDB's binder picks
/// by x's type. Months are added as Trino adds them (the day is clamped to the month's end: Jan 31 + 1 month is Feb 29).
/// The rewrite is made only where the operand's extent is sure (a primary expression, not next to <c>*</c>, <c>/</c> or
/// another operator; not a bare NULL, which would match every overload), else the operator stays as written.</item>
/// <item><c>date_add(unit, n, x)</c> keeps x's type the same way.</item>
/// <item><c>extract(field FROM x)</c> with Trino's fields: <c>DOW</c>/<c>DAY_OF_WEEK</c> is ISO (Sunday is 7; DuckDB's
/// <c>dow</c> gives 0), <c>DOY</c>, <c>YOW</c>/<c>YEAR_OF_WEEK</c> and <c>DAY_OF_MONTH</c>, which DuckDB does not know.</item>
/// </list>
/// </summary>
public static partial class DuneSqlTranslator
{
    private const string NoDateTime = "(datepart('hour', b) * 3600000000 + datepart('minute', b) * 60000000 + datepart('microseconds', b)) % 86400000000 <> 0";

    /// <summary>Typed macros (one overload per left operand type) for Trino's date/time plus and minus an interval. Every
    /// timestamp precision has its own overload (a <c>timestamp(3)</c> column is DuckDB's TIMESTAMP_MS, which would
    /// otherwise cast to several overloads and be ambiguous).</summary>
    public static readonly string TimeMacros =
        "CREATE OR REPLACE TEMP MACRO dune_plus(a DATE, b INTERVAL) AS CASE WHEN " + NoDateTime
        + " THEN error('Cannot add hour, minutes or seconds to a date') ELSE CAST(a + b AS DATE) END, " + SameTypeOverloads("+") + ";\n"
        + "CREATE OR REPLACE TEMP MACRO dune_minus(a DATE, b INTERVAL) AS CASE WHEN " + NoDateTime
        + " THEN error('Cannot subtract hour, minutes or seconds from a date') ELSE CAST(a - b AS DATE) END, " + SameTypeOverloads("-") + ";\n"
        // Trino's date_parse reads a two-digit year (%y) in 1970..2069; DuckDB's strptime reads 69 as 1969.
        + "CREATE OR REPLACE TEMP MACRO dune_pivot_yy(t) AS CASE WHEN year(t) = 1969 THEN t + INTERVAL 100 YEAR ELSE t END;\n";

    /// <summary>The overloads of dune_plus/dune_minus whose result is DuckDB's own sum (the left operand's type is kept).</summary>
    private static string SameTypeOverloads(string op) => string.Join(", ",
        new[] { "TIMESTAMP", "TIMESTAMPTZ", "TIME", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP_NS", "TIMETZ", "INTERVAL" }
            .Select(type => $"(a {type}, b INTERVAL) AS a {op} b"));

    private static bool UsesTimeMacros(string sql) => sql.Contains("dune_plus(", StringComparison.Ordinal)
        || sql.Contains("dune_minus(", StringComparison.Ordinal) || sql.Contains("dune_pivot_yy(", StringComparison.Ordinal);

    /// <summary>Trino's extract fields and the DuckDB function that gives each as Trino does.</summary>
    private static readonly Dictionary<string, string> ExtractFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = "year", ["quarter"] = "quarter", ["month"] = "month", ["week"] = "week", ["day"] = "day", ["day_of_month"] = "day",
        ["day_of_week"] = "isodow", ["dow"] = "isodow", ["day_of_year"] = "dayofyear", ["doy"] = "dayofyear",
        ["year_of_week"] = "isoyear", ["yow"] = "isoyear", ["hour"] = "hour", ["minute"] = "minute", ["second"] = "second",
        ["timezone_hour"] = "timezone_hour", ["timezone_minute"] = "timezone_minute",
    };

    /// <summary>Scalar functions whose result type DuckDB knows before it picks a macro overload (see CallsOnlyScalarFunctions).</summary>
    private static readonly HashSet<string> TypedScalarFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "cast", "try_cast", "date", "date_trunc", "date_add", "from_unixtime", "now", "current_date", "current_timestamp", "localtimestamp",
        "from_iso8601_timestamp", "from_iso8601_date", "date_parse", "parse_datetime", "to_timestamp", "at_timezone", "with_timezone",
        "last_day_of_month", "coalesce", "greatest", "least", "if", "nullif", "timestamp",
    };

    private sealed partial class Pass
    {
        /// <summary>Whether a strftime pattern reads a two-digit year and no four-digit one.</summary>
        private static bool TwoDigitYear(string pattern) => pattern.Replace("%%", "", StringComparison.Ordinal).Contains("%y", StringComparison.Ordinal)
            && !pattern.Replace("%%", "", StringComparison.Ordinal).Contains("%Y", StringComparison.Ordinal);

        /// <summary>Sums with an interval, by the token where their left operand starts: the operator and the end of the interval.</summary>
        private Dictionary<int, List<(int Operator, int End)>>? intervalSums;

        /// <summary>At the left operand of <c>x ± interval …</c>: emits dune_plus/dune_minus; returns the next index, or -1.</summary>
        private int TryEmitIntervalSum(int i, int to)
        {
            intervalSums ??= FindIntervalSums();
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
            string macro = Is(op, "+") ? "dune_plus" : "dune_minus";
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
            var chains = new Dictionary<int, int>();
            for (int op = 0; op < tokens.Count; op++)
            {
                if (tokens[op].Kind != DuneTokenKind.Symbol || tokens[op].Length != 1 || !(Is(op, "+") || Is(op, "-")))
                {
                    continue;
                }
                int intervalEnd = IntervalLiteralEnd(Next(op, tokens.Count));
                int leftEnd = Previous(op);
                if (intervalEnd < 0 || leftEnd < 0 || Is(leftEnd, "end") || Is(leftEnd, "null") || (IntervalLiteralStart(leftEnd) ?? PrimaryStart(leftEnd)) is not int primaryStart)
                {
                    continue;
                }
                bool chained = chains.TryGetValue(leftEnd, out int leftStart);
                leftStart = chained ? leftStart : primaryStart;
                int before = Previous(leftStart), after = Next(intervalEnd - 1, tokens.Count);
                bool isolated = (chained || !(Is(before, "+") || Is(before, "-"))) && !Is(before, "*") && !Is(before, "/") && !Is(before, "%")
                    && !Is(before, "||") && !Is(before, "::") && !Is(after, "*") && !Is(after, "/") && !Is(after, "%") && !Is(after, "at")
                    && !Is(after, "::") && !Is(after, "[") && !Is(after, "||");
                if (!isolated || Is(before, "over") || !CallsOnlyScalarFunctions(leftStart, op) || InExpressionSubquery(leftStart))
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

        /// <summary>
        /// Whether every call in tokens [from, to) is a scalar function of <see cref="TypedScalarFunctions"/>, with no
        /// window and no lambda. DuckDB picks a typed macro's overload before it binds aggregates, windows and lambda
        /// parameters, so with one of those in the left operand every overload matches and the query fails
        /// (<c>max(block_time) - interval '7' day</c>); such an operand stays as written.
        /// </summary>
        private bool CallsOnlyScalarFunctions(int from, int to)
        {
            for (int k = from; k < to; k++)
            {
                if (Is(k, "over") || Is(k, "->") || Is(k, "?")
                    || (tokens[k].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && Is(Next(k, to), "(") && !TypedScalarFunctions.Contains(Text(k))))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// Whether token at lies inside a subquery used as an expression (<c>(SELECT …)</c> after an operator, <c>IN</c>,
        /// <c>EXISTS</c>…), where a column may be the outer query's: DuckDB picks a typed macro's overload before it binds
        /// such a correlated column, so every overload matches. Subqueries of CTEs and FROM (<c>AS (</c>, <c>FROM (</c>,
        /// <c>JOIN (</c>) cannot be correlated and keep the rewrite.
        /// </summary>
        private bool InExpressionSubquery(int at)
        {
            int depth = 0;
            for (int k = at - 1; k >= 0; k--)
            {
                if (tokens[k].IsTrivia || tokens[k].Kind != DuneTokenKind.Symbol || tokens[k].Length != 1)
                {
                    continue;
                }
                char c = sql[tokens[k].Start];
                if (c == ')')
                {
                    depth++;
                }
                else if (c == '(' && depth-- == 0)
                {
                    depth = 0;
                    int first = Next(k, tokens.Count), before = Previous(k);
                    if ((Is(first, "select") || Is(first, "with")) && !(Is(before, "as") || Is(before, "from") || Is(before, "join")))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

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

        /// <summary><c>from_unixtime(x, zone)</c>: with UTC the instant (as <c>from_unixtime(x)</c>); with another zone only where
        /// its local date or time is read (as <c>at_timezone</c>, decision 64); elsewhere refused naming the function.</summary>
        private int EmitFromUnixtimeZone(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            int zone = Next(args[1].From - 1, args[1].To);
            bool constant = close < end && IsSingleString(args[1]);
            if (constant && IsUtcLiteral(zone, args[1].To))
            {
                emitter.Text("to_timestamp(", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Copy(tokens[close]);
                return close + 1;
            }
            if (constant && localReadEnds.Contains(Next(close, end)))
            {
                emitter.Text("timezone(" + LocalZone(zone) + ", to_timestamp(", anchor);
                Emit(args[0].From, args[0].To);
                emitter.Text("))", tokens[close]);
                return close + 1;
            }
            throw NotSupported(sql, zone < args[1].To ? tokens[zone] : anchor, "Function from_unixtime with a zone is supported only with the zone 'UTC' "
                + "(timestamps with time zone are shown in UTC; another zone would be shown differently from Dune), "
                + "or where only its local date or time is read: " + LocalReadPlaces);
        }

        /// <summary><c>extract(field FROM x)</c> with Trino's fields; other fields are left to DuckDB.</summary>
        private int TryEmitExtract(int open, int close, int end, DuneToken anchor)
        {
            int field = Next(open, close), from = Next(field, close);
            if (close >= end || field >= close || !Is(from, "from") || tokens[field].Kind != DuneTokenKind.Word
                || !ExtractFields.TryGetValue(Text(field), out var function))
            {
                return -1;
            }
            emitter.Text(function + "(", anchor);
            Emit(from + 1, close);
            emitter.Copy(tokens[close]);
            return close + 1;
        }
    }
}
