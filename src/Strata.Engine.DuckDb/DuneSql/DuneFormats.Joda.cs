using System.Globalization;
using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>Joda's date-time patterns (Trino's format_datetime and parse_datetime) in DuckDB's strftime spelling.</summary>
internal static partial class DuneFormats
{
    /// <summary>Joda's quoted text from the quote at <paramref name="i"/>: <c>''</c> is a quote, outside quoted text as inside
    /// it (<c>'o''clock'</c> is <c>o'clock</c>); returns the index after the closing quote.</summary>
    private static int QuotedJodaText(string joda, int i, StringBuilder result)
    {
        if (i + 1 < joda.Length && joda[i + 1] == '\'')
        {
            result.Append('\'');
            return i + 2;
        }
        for (int at = i + 1; at < joda.Length; at++)
        {
            if (joda[at] != '\'')
            {
                result.Append(joda[at] == '%' ? "%%" : joda[at].ToString());
            }
            else if (at + 1 < joda.Length && joda[at + 1] == '\'')
            {
                result.Append('\'');
                at++;
            }
            else
            {
                return at + 1;
            }
        }
        throw new FormatException("date time pattern has an unterminated quote");
    }

    /// <summary>A Joda-Time pattern (Trino's <c>format_datetime</c>/<c>parse_datetime</c>) as a strftime pattern.</summary>
    public static string JodaToStrftime(string joda) => JodaConvert(joda, null);

    /// <summary>A Joda-Time pattern as parse_datetime reads it, as a strptime pattern: as <see cref="JodaToStrftime"/>, but
    /// a fraction of the second reads its digits as a fraction (Joda's appendFractionOfSecond(n, 9) parses up to nine
    /// whatever n is): up to six (DuckDB's <c>%f</c>, a microsecond timestamp of any year) for up to six letters, up to nine
    /// (<c>%n</c>) for more. <c>%n</c> for every count read nine digits, but made a nanosecond timestamp, which holds the
    /// years 1677-2262 only: <c>SSS</c> of 9999-12-31 failed (the lead's review of decision 235).</summary>
    public static string JodaToStrptime(string joda) => JodaConvert(joda, (c, n, done) =>
    {
        if (c != 'S')
        {
            return false;
        }
        done.Append(n <= 6 ? "%f" : "%n");
        return true;
    });

    /// <summary>A Joda pattern as parse_datetime reads it (<see cref="JodaToStrptime"/>), with the runs of the letters
    /// <paramref name="replace"/> gives a piece for (a strptime field or literal text) written as that piece.</summary>
    public static string JodaToStrptimeWith(string joda, Func<char, int, string?> replace) => JodaConvert(joda, (c, n, done) =>
    {
        if (replace(c, n) is string piece)
        {
            done.Append(piece);
            return true;
        }
        if (c != 'S')
        {
            return false;
        }
        done.Append(n <= 6 ? "%f" : "%n");
        return true;
    });

    /// <summary>How many runs of each pattern letter a Joda pattern has outside quoted text.</summary>
    public static Dictionary<char, int> JodaLetterRuns(string joda)
    {
        var runs = new Dictionary<char, int>();
        JodaConvert(joda, (c, _, _) =>
        {
            runs[c] = runs.GetValueOrDefault(c) + 1;
            return true;
        });
        return runs;
    }

    /// <summary>
    /// format_datetime's SQL over <paramref name="value"/> when the Joda pattern has fields strftime cannot write, else
    /// null (the pattern is <see cref="JodaToStrftime"/>'s): a year of 5 or more letters (<c>yyyyy</c>: Joda's
    /// appendYear pads to the letters' count, a negative year signed before the padding; <c>Y</c> is the year of era, no
    /// sign), <c>k</c> (clock hour of the day, 1-24), <c>K</c> (hour of the half day, 0-11), <c>C</c> (century of era),
    /// <c>DD</c> (day of the year) — numbers zero-padded to the count, never cut — <c>G</c> (the era, AD or BC), and
    /// <c>S</c>/<c>SS</c> (the first digits of the milliseconds). Pieces strftime writes stay
    /// strftime's, joined with <c>||</c>.
    /// </summary>
    public static string? JodaFormatSql(string joda, string value)
    {
        var pieces = new List<string>();
        bool special = false;
        string rest = JodaConvert(joda, (c, n, done) =>
        {
            string? field = JodaField(c, n, value);
            if (field is null)
            {
                return false;
            }
            if (done.Length > 0)
            {
                pieces.Add("strftime(" + value + ", " + Strata.Core.Results.Querying.SqlQuoting.QuoteString(done.ToString()) + ")");
                done.Clear();
            }
            pieces.Add(field);
            special = true;
            return true;
        });
        if (!special)
        {
            return null;
        }
        if (rest.Length > 0)
        {
            pieces.Add("strftime(" + value + ", " + Strata.Core.Results.Querying.SqlQuoting.QuoteString(rest) + ")");
        }
        return "(" + string.Join(" || ", pieces) + ")";
    }

    /// <summary>The SQL of one Joda field strftime lacks (see <see cref="JodaFormatSql"/>), or null.</summary>
    private static string? JodaField(char c, int n, string value)
    {
        string Padded(string number) => $"printf('%0{n}d', {number})";
        string yearOfEra = $"(CASE WHEN year({value}) <= 0 THEN 1 - year({value}) ELSE year({value}) END)";
        return c switch
        {
            'y' when n >= 5 => $"(CASE WHEN year({value}) < 0 THEN '-' ELSE '' END || {Padded($"abs(year({value}))")})",
            'Y' when n >= 5 => Padded(yearOfEra),
            'k' => Padded($"(CASE WHEN hour({value}) = 0 THEN 24 ELSE hour({value}) END)"),
            'K' => Padded($"(hour({value}) % 12)"),
            'C' => Padded($"({yearOfEra} // 100)"),
            'G' => $"(CASE WHEN year({value}) <= 0 THEN 'BC' ELSE 'AD' END)",
            'D' when n == 2 => Padded($"dayofyear({value})"),
            // Joda's fraction of the second: its first n digits (millisecond precision), cut, not rounded; past three
            // digits the milliseconds and zeros (Trino formats a timestamp(6) or (9) from its milliseconds).
            'S' when n <= 2 => $"left(strftime({value}, '%g'), {n})",
            'S' when n > 3 => $"(strftime({value}, '%g') || '{new string('0', n - 3)}')",
            // Joda's day of the week (1 = Monday), week of the weekyear and weekyear, zero-padded to the count; xx is the
            // weekyear's last two digits (appendTwoDigitWeekyear).
            'e' when n >= 2 => Padded($"isodow({value})"),
            'w' when n != 2 => Padded($"week({value})"),
            'x' when n == 2 => $"printf('%02d', yearweek({value}) // 100 % 100)",
            'x' when n >= 5 => Padded($"(yearweek({value}) // 100)"),
            // Joda's zone fields (DateTimeFormat.parsePatternTo): Z the offset without a colon, ZZ with one (both
            // appendTimeZoneOffset(null, "Z", …, 2, 2): hours and minutes, +0000 for UTC), ZZZ and more the zone's id; z the
            // zone's short name, zzzz its long name (see ZoneName).
            'Z' when n == 1 => ZoneOffset(value, ""),
            'Z' when n == 2 => ZoneOffset(value, ":"),
            'Z' => ZoneId(value),
            'z' => ZoneName(value, n >= 4),
            _ => null,
        };
    }

    /// <summary>Whether a Joda pattern has a zone letter (<c>z</c> or <c>Z</c>) outside quoted text: format_datetime then
    /// reads the value with its zone, not only its wall clock.</summary>
    public static bool JodaHasZone(string joda)
    {
        bool quoted = false;
        foreach (char c in joda)
        {
            quoted ^= c == '\'';
            if (!quoted && c is 'z' or 'Z')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The zone's id of a value (Trino's name of it): a value in a zone other than UTC (DuneZones) ends its text with
    /// the zone's name after the time's digits; any other value (a UTC timestamp with time zone, a timestamp Trino reads in the
    /// session's zone) is UTC's.</summary>
    private static string ZoneId(string value) =>
        $"coalesce(nullif(regexp_extract(CAST({value} AS VARCHAR), '[0-9] ([A-Za-z+-][^ ]*)$', 1), ''), 'UTC')";

    /// <summary>Joda's printed offset of the value's zone at its instant: a sign (+ for UTC), hours and minutes of two digits
    /// each, joined by <paramref name="separator"/> (Joda prints no seconds with two fields).</summary>
    private static string ZoneOffset(string value, string separator)
    {
        string minutes = $"(timezone_hour({value}) * 60 + timezone_minute({value}))";
        return $"(CASE WHEN {minutes} < 0 THEN '-' ELSE '+' END || printf('%02d', abs({minutes}) // 60) || '{separator}' "
            + $"|| printf('%02d', abs({minutes}) % 60))";
    }

    /// <summary>
    /// Joda's zone name (DateTimeZone.getShortName/getName): UTC's are <c>UTC</c> and <c>Coordinated Universal Time</c>
    /// (Java's zone strings for UTC); a fixed offset (<c>+05:30</c>, a FixedDateTimeZone without a name key) is named by its
    /// id, short or long; a named zone by Java's English zone strings, standard or daylight by the offset at the instant
    /// (DuneFormats.ZoneNames.cs: <c>EST</c>, <c>Eastern Daylight Time</c>). A named zone whose names Strata does not carry
    /// fails naming the zone rather than printing another name.
    /// </summary>
    private static string ZoneName(string value, bool full)
    {
        string id = ZoneId(value);
        string minutes = $"(timezone_hour({value}) * 60 + timezone_minute({value}))";
        string zone = LambdaField.Of("dune_zone", "i");
        string refused = $"error('format_datetime pattern {(full ? "zzzz" : "z")} (the zone''s {(full ? "long" : "short")} name) is not supported for the zone ' || {zone} "
            + "|| ': Strata carries Java''s zone names for the zones most used only; use ZZZ for the zone''s id or Z for its offset')";
        return $"list_transform([struct_pack(i := {id}, m := {minutes})], dune_zone -> CASE WHEN {zone} = 'UTC' THEN '{(full ? "Coordinated Universal Time" : "UTC")}' "
            + $"WHEN regexp_full_match({zone}, '[+-][0-9][0-9]:[0-9][0-9]') THEN {zone} "
            + $"ELSE {JavaZoneName(zone, LambdaField.Of("dune_zone", "m"), full, refused)} END)[1]";
    }

    /// <summary>The strftime pattern of a Joda pattern; a letter run <paramref name="field"/> takes (given the letter, its
    /// count and the pattern so far, which it may flush) is not converted.</summary>
    private static string JodaConvert(string joda, Func<char, int, StringBuilder, bool>? field)
    {
        var result = new StringBuilder(joda.Length + 8);
        for (int i = 0; i < joda.Length;)
        {
            char c = joda[i];
            if (c == '\'')
            {
                i = QuotedJodaText(joda, i, result);
                continue;
            }
            if (!char.IsAsciiLetter(c))
            {
                result.Append(c == '%' ? "%%" : c.ToString());
                i++;
                continue;
            }
            int n = 1;
            while (i + n < joda.Length && joda[i + n] == c)
            {
                n++;
            }
            i += n;
            if (field is not null && field(c, n, result))
            {
                continue;
            }
            result.Append(c switch
            {
                'y' or 'Y' => n == 2 ? "%y" : "%Y",
                'x' => "%G",
                'w' when n == 2 => "%V",
                'M' => n switch { 1 => "%-m", 2 => "%m", 3 => "%b", _ => "%B" },
                'd' => n == 1 ? "%-d" : "%d",
                // Joda's D is the day of the year padded to n digits (D: 32, DDD: 032); DD would pad only below 10.
                'D' => n switch { 1 => "%-j", 2 => throw new FormatException("date time pattern DD is not supported"), _ => new string('0', n - 3) + "%j" },
                'H' => n == 1 ? "%-H" : "%H",
                'h' => n == 1 ? "%-I" : "%I",
                'm' => n == 1 ? "%-M" : "%M",
                's' => n == 1 ? "%-S" : "%S",
                'S' => n switch { 3 => "%g", 6 => "%f", 9 => "%n", _ => throw new FormatException($"date time pattern {new string(c, n)} is not supported") },
                'a' => "%p",
                'E' => n <= 3 ? "%a" : "%A",
                'e' => "%u",
                _ => throw new FormatException($"date time pattern letter {c} is not supported"),
            });
        }
        return result.ToString();
    }
}
