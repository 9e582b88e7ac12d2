using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Time zones. Dune's session zone is UTC (the prelude sets DuckDB's to it) and a <c>timestamp with time zone</c> in UTC
/// is shown as its instant (<c>2021-06-07 13:21:10.000 UTC</c>). <c>at_timezone</c>, <c>with_timezone</c>,
/// <c>AT TIME ZONE</c> and <c>from_unixtime(x, zone)</c> with another constant zone give a value of that zone's type
/// (<see cref="DuneZones"/>): the instant, shown as the zone's wall clock and name (<c>… America/Los_Angeles</c>), read
/// by functions as the wall clock. Where only the local date and time are read (the whole argument of <c>date()</c>,
/// <c>hour()</c> and the other field functions, <c>extract</c>, <c>date_format</c>/<c>format_datetime</c>,
/// <c>CAST(… AS date|timestamp)</c>, or of a <c>date_trunc</c> in such a place) a zone of ICU's becomes the wall clock
/// directly (DuckDB's <c>timestamptz AT TIME ZONE</c>, decision 64), with no type to register. An unknown zone is
/// refused at its position. <c>to_iso8601</c> writes a timestamp with the precision Trino gives it: the fraction digits of
/// a <c>TIMESTAMP '…'</c> literal, else 3 (Dune's columns and <c>now()</c> are <c>timestamp(3)</c>), and <c>Z</c> for
/// UTC.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        private static readonly HashSet<string> UtcNames = new(StringComparer.OrdinalIgnoreCase) { "UTC", "Z", "GMT", "UT", "Etc/UTC", "Etc/GMT", "+00:00" };

        /// <summary>Token indexes where an argument ends whose value is read only through its local date and time.</summary>
        private readonly HashSet<int> localReadEnds = [];

        private static readonly HashSet<string> LocalTimeReaders = new(StringComparer.OrdinalIgnoreCase)
        {
            "date", "year", "quarter", "month", "week", "week_of_year", "day", "day_of_month", "day_of_week", "dow", "day_of_year", "doy",
            "year_of_week", "yow", "hour", "minute", "second", "millisecond", "last_day_of_month", "extract", "date_format", "format_datetime",
        };

        /// <summary>Before a call's arguments are emitted: marks the end of the argument it reads only locally.</summary>
        private void MarkLocalReads(string name, List<(int From, int To)> args, int close, int end)
        {
            if (name is "extract" && args.Count == 1 && Next(args[0].From - 1, args[0].To) is int field && field < args[0].To
                && (Is(field, "timezone_hour") || Is(field, "timezone_minute")))
            {
                return; // the zone's offset, not a local field: the value keeps its zone
            }
            if (args.Count == 2 && name is "format_datetime" && IsSingleString(args[1]) && DuneFormats.JodaHasZone(Unquote(Next(args[1].From - 1, args[1].To))))
            {
                return; // a zone field (z, Z, ZZ, ZZZ) reads the value's zone: the value keeps it
            }
            if (args.Count == 1 && LocalTimeReaders.Contains(name) || args.Count == 2 && name is "date_format" or "format_datetime")
            {
                localReadEnds.Add(args[0].To);
            }
            else if (args.Count == 2 && name is "date_trunc" && close < end && localReadEnds.Contains(Next(close, end)))
            {
                localReadEnds.Add(args[1].To);
            }
        }

        private void MarkLocalCast(string type, int asIndex)
        {
            if (type is "DATE" or "TIMESTAMP")
            {
                localReadEnds.Add(asIndex);
            }
        }

        /// <summary>from_unixtime(x, hours, minutes): the instant in the fixed zone of that offset (Trino's DateTimeFunctions
        /// .fromUnixTime with TimeZoneKey.getTimeZoneKeyForOffset(hours * 60 + minutes): UTC for 0, "Invalid offset minutes
        /// n" past ±14:00), a zone per row (<c>dune_tzv_at</c>).</summary>
        private int EmitFromUnixtimeOffset(List<(int From, int To)> args, int close, DuneToken anchor)
        {
            const string minutes = "(CAST($2 AS BIGINT) * 60 + CAST($3 AS BIGINT))";
            EmitTemplate($"{DuneZones.PerValueType}_at({Unixtime}$1), CASE WHEN {minutes} = 0 THEN 'UTC' "
                + $"WHEN abs({minutes}) > 840 THEN error('Invalid offset minutes ' || {minutes}) "
                + $"ELSE (CASE WHEN {minutes} < 0 THEN '-' ELSE '+' END) || printf('%02d:%02d', abs({minutes}) // 60, abs({minutes}) % 60) END)",
                args, anchor);
            return close + 1;
        }

        /// <summary>Whether parse_datetime's strptime pattern reads a fraction after a point with %f: Joda's fraction of the
        /// second parses up to nine digits whatever the letters' count (appendFractionOfSecond(n, 9)) and the value keeps
        /// milliseconds, DuckDB's %f reads six, so a seventh to ninth digit after the point is dropped from the text first
        /// (<see cref="FractionCutOpen"/> … <see cref="FractionCutClose"/> around it).</summary>
        private static bool CutsFraction(string strptimePattern) => strptimePattern.Contains(".%f", StringComparison.Ordinal);

        private const string FractionCutOpen = "regexp_replace(CAST(";
        private const string FractionCutClose = " AS VARCHAR), '(\\.[0-9]{6})[0-9]{1,3}', '\\1')";

        private bool IsUtcLiteral(int i, int end) => i < end && IsTerminatedString(i) && UtcNames.Contains(Unquote(i).Trim());

        private int EmitZoneCall(string name, List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count != 2 || close >= end)
            {
                throw NotSupported(sql, anchor, $"Function {name} takes a timestamp and a zone");
            }
            int zone = Next(args[1].From - 1, args[1].To);
            if (IsSingleString(args[1]) && !IsUtcLiteral(zone, args[1].To) && localReadEnds.Contains(Next(close, end)) && LocalZone(zone) is string local)
            {
                // Read locally: at_timezone's value is the instant's wall clock in the zone; with_timezone keeps the wall clock.
                if (name == "at_timezone")
                {
                    emitter.Text("timezone(" + local + ", CAST((", anchor);
                    Emit(args[0].From, args[0].To);
                    emitter.Text(") AS TIMESTAMPTZ))", tokens[close]);
                    return close + 1;
                }
                EmitTemplate("CAST($1 AS TIMESTAMP)", args, anchor);
                return close + 1;
            }
            if (!IsSingleString(args[1]))
            {
                // A zone per row: each value keeps its own (DuneZones.PerValue); an unknown zone fails naming it. A value the
                // scan types timestamp(p) [with time zone], p > 3, keeps its nanoseconds (DuneZones.Nanos: dune_tzv9).
                // p 4-6 goes in as microseconds (TIMESTAMPTZ / TIMESTAMP: the whole range, decision 275); p 7-9 as TIMESTAMP_NS.
                int fine = FineTimestamp(args[0]);
                string perValue = fine > 3 ? DuneZones.PerValueNanosType : DuneZones.PerValueType;
                EmitTemplate(name == "at_timezone"
                    ? (fine <= 6 ? $"{perValue}_at(CAST($1 AS TIMESTAMPTZ), " : $"{perValue}_at({DuneInstantNanos.Function}($1), ") + "CAST($2 AS VARCHAR))"
                    : $"{perValue}_wall(CAST($1 AS {(fine <= 6 ? "TIMESTAMP" : "TIMESTAMP_NS")}), CAST($2 AS VARCHAR))", args, anchor);
                return close + 1;
            }
            string type = ZoneType(zone);
            if (type == "TIMESTAMPTZ")
            {
                // The session zone is UTC: a timestamp is read as UTC, and a timestamp with time zone keeps its instant.
                EmitTemplate("CAST($1 AS TIMESTAMPTZ)", args, anchor);
                return close + 1;
            }
            if (name == "at_timezone")
            {
                EmitTemplate("CAST(CAST($1 AS TIMESTAMPTZ) AS " + type + ")" + PerValueSuffix, args, anchor);
                return close + 1;
            }
            // with_timezone: the wall clock read in the zone.
            string zoneName = DuneZones.ZoneOf(type)!;
            var offset = DuneZones.FixedOffsetMinutes(zoneName);
            EmitTemplate((offset is int minutes
                ? $"CAST(CAST(CAST($1 AS TIMESTAMP) - INTERVAL ({minutes}) MINUTE AS TIMESTAMPTZ) AS {type})"
                : $"CAST(timezone({Strata.Core.Results.Querying.SqlQuoting.QuoteString(zoneName)}, CAST($1 AS TIMESTAMP)) AS {type})") + PerValueSuffix, args, anchor);
            return close + 1;
        }

        /// <summary>Whether the scan types an operand <c>timestamp(p)</c> or <c>timestamp(p) with time zone</c> with p past the
        /// milliseconds <c>dune_tzv</c> holds (read in the scope of the SELECT holding it, as a varchar cast's: ScopeAt): p,
        /// else 3.</summary>
        private int FineTimestamp((int From, int To) operand)
        {
            string? type = ItemType(operand.From, operand.To, [], plainJoins: false).Type;
            if (type is null && ScopeAt(operand.From) is { } scope)
            {
                type = ItemType(operand.From, operand.To, scope.Relations, scope.PlainJoins).Type;
            }
            var (baseName, p, _) = SplitDeclared(type ?? "");
            return baseName == "timestamp" && p > 3 ? p : 3;
        }

        private bool? mixesZones;

        /// <summary>Whether the text names values of two or more zones (a zone other than UTC among them) and has a construct
        /// that combines values (a set operation, CASE, COALESCE, IF, greatest, least, ARRAY, VALUES): its zoned values then
        /// carry their zone each (DuneZones.PerValue), as Trino's do where they meet in one column; DuckDB would give them
        /// the first one's zone type.</summary>
        private bool MixesZones => mixesZones ??= ComputeMixesZones();

        /// <summary>After a zoned value: its conversion to the zone-per-value type where the text mixes zones.</summary>
        private string PerValueSuffix => MixesZones ? "::" + DuneZones.PerValueType : "";

        private bool ComputeMixesZones()
        {
            var zones = new HashSet<string>(StringComparer.Ordinal);
            bool combines = false, other = false;
            for (int i = 0; i < tokens.Count; i++)
            {
                var kind = tokens[i].Kind;
                if (kind == DuneTokenKind.Word)
                {
                    combines |= CombiningWords.Contains(Text(i));
                }
                else if (kind == DuneTokenKind.String && IsTerminatedString(i))
                {
                    string text = Unquote(i).Trim();
                    var iso = IsoOffset().Match(text);
                    string? zoned = iso.Success ? null : DuneTimestampLiteral.Parse(text)?.Zone;
                    string? zone = iso.Success ? DuneZones.Canonical(iso.Groups[1].Value)
                        : zoned is not null ? DuneZones.Canonical(zoned)
                        : text.Length > 10 && text[10] == 'T' && text.EndsWith('Z') ? "UTC"
                        : DuneZones.Canonical(text) is string named && named != "UTC" ? named : null;
                    if (zone is not null)
                    {
                        zones.Add(zone);
                        other |= zone != "UTC";
                    }
                }
            }
            return combines && other && zones.Count >= 2;
        }

        private static readonly HashSet<string> CombiningWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "union", "intersect", "except", "case", "coalesce", "if", "greatest", "least", "array", "values", "nullif",
        };

        /// <summary>Zones named so far in this text (each becomes a type in the sandbox).</summary>
        private readonly HashSet<string> zonesNamed = new(StringComparer.Ordinal);

        /// <summary>The type of a value in the zone the string literal at <paramref name="literal"/> names: TIMESTAMPTZ for
        /// UTC, else the zone's own type (<see cref="DuneZones"/>); an unknown zone is refused at its position.</summary>
        private string ZoneType(int literal)
        {
            string? zone = DuneZones.Canonical(Unquote(literal));
            if (zone is null)
            {
                throw NotSupported(sql, tokens[literal], $"Time zone {Text(literal)} is not known: use an IANA zone ('America/New_York') "
                    + "or an offset ('+05:30')");
            }
            if (zone == "UTC")
            {
                return "TIMESTAMPTZ";
            }
            return NameZone(zone, literal);
        }

        /// <summary>Counts a zone other than UTC among the text's (at most <see cref="DuneZones.MaxZonesPerText"/>) and gives
        /// its type's name.</summary>
        private string NameZone(string zone, int literal)
        {
            if (zonesNamed.Add(zone) && zonesNamed.Count > DuneZones.MaxZonesPerText)
            {
                throw NotSupported(sql, tokens[literal], $"A query names at most {DuneZones.MaxZonesPerText} time zones");
            }
            return DuneZones.TypeName(zone);
        }

        /// <summary><c>from_iso8601_timestamp('2020-05-11T11:15:05+05:30')</c> of a constant text with an offset other than
        /// zero: Trino keeps the offset as the value's zone (<c>2020-05-11 11:15:05.000 +05:30</c>), so the value takes the
        /// offset's zone type. Returns the next index, or -1 to leave the call to its template (UTC, <c>Z</c>, no offset,
        /// or a text that is not a constant).</summary>
        private int TryEmitIsoWithOffset(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count != 1 || close >= end)
            {
                return -1;
            }
            int literal = Next(args[0].From - 1, args[0].To);
            var match = IsSingleString(args[0]) ? IsoOffset().Match(Unquote(literal)) : null;
            if (match is null || match.Success && DuneZones.Canonical(match.Groups[1].Value) is null)
            {
                // An offset per row (or none, UTC): each value keeps its own; one Trino refuses (past ±14:00, or not an
                // offset: '+99:99') fails as Trino's does, also in a constant text. Only a text with a time part has one.
                EmitTemplate($"{DuneZones.PerValueType}_offset(CAST($1 AS TIMESTAMPTZ), CAST($1 AS VARCHAR))", args, anchor);
                return close + 1;
            }
            if (!match.Success || DuneZones.Canonical(match.Groups[1].Value) is not string zone || zone == "UTC")
            {
                if (MixesZones && (match.Success || Unquote(literal).TrimEnd().EndsWith('Z')))
                {
                    // Beside values of other zones: a UTC value that keeps its zone where they meet.
                    EmitTemplate("CAST(CAST($1 AS TIMESTAMPTZ) AS " + DuneZones.PerValueType + ")", args, anchor);
                    return close + 1;
                }
                return -1;
            }
            emitter.Text("CAST(CAST(", anchor);
            Emit(args[0].From, args[0].To);
            emitter.Text(" AS TIMESTAMPTZ) AS " + NameZone(zone, literal) + ")" + PerValueSuffix, tokens[close]);
            return close + 1;
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.,]+([+-][0-9]{2}(?::?[0-9]{2})?)\s*$")]
        private static partial System.Text.RegularExpressions.Regex IsoOffset();

        /// <summary><c>TIMESTAMP '2024-01-01 12:00:00 Asia/Tokyo'</c>: a literal with a zone other than UTC is a value of the
        /// zone's type (Trino shows it in its zone); returns the next index, or -1 to leave the literal to
        /// <see cref="TryEmitTimestampLiteral"/>.</summary>
        private int TryEmitZonedLiteral(DuneToken word, int literal, DuneTimestampLiteral parts)
        {
            if (parts.Zone is null || DuneZones.Canonical(parts.Zone) is not string zone || zone == "UTC")
            {
                return -1;
            }
            NameZone(zone, literal);
            // DuckDB reads an offset written against the time ('…12:00:00+01:00') and a zone name after a space; digits past
            // the sixth are zeros here (TryEmitTimestampLiteral refused others).
            string time = parts.LocalText(parts.Fraction is { Length: > 6 } fraction ? fraction[..6] : parts.Fraction);
            string zoned = DuneZones.FixedOffsetMinutes(zone) is null ? time + " " + zone : time + zone;
            emitter.Text("CAST(TIMESTAMPTZ", word);
            emitter.Text(" '" + zoned + "'", tokens[literal]);
            emitter.Text(" AS " + DuneZones.TypeName(zone) + ")" + PerValueSuffix, tokens[literal]);
            return literal + 1;
        }

        /// <summary>The zone other than UTC that the value in tokens [from, to) is surely in, named in the text, with the token
        /// naming it: <c>x AT TIME ZONE 'z'</c>, <c>with_timezone(x, 'z')</c>, <c>at_timezone(x, 'z')</c>, a zoned
        /// <c>TIMESTAMP '… z'</c>; else null (a zone per row, a column, UTC).</summary>
        private (string Zone, int At)? StaticZone(int from, int to)
        {
            var (first, last) = Unparenthesized(from, to);
            int at = -1;
            string? zone = null;
            if (AtTimeZone(first, last) is not null)
            {
                (at, zone) = (last, DuneZones.Canonical(Unquote(last)));
            }
            else if ((Is(first, "with_timezone") || Is(first, "at_timezone")) && Next(first, last + 1) is int open && Is(open, "(")
                && Close(open, last + 1) == last && Arguments(open, last) is [_, var zoneArgument] && IsSingleString(zoneArgument))
            {
                at = Next(zoneArgument.From - 1, zoneArgument.To);
                zone = DuneZones.Canonical(Unquote(at));
            }
            else if (Is(first, "timestamp") && Next(first, last + 1) == last && IsTerminatedString(last)
                && DuneTimestampLiteral.Parse(Unquote(last))?.Zone is string named)
            {
                (at, zone) = (last, DuneZones.Canonical(named));
            }
            return zone is null || zone == "UTC" ? null : (zone, at);
        }

        /// <summary><c>x AT TIME ZONE 'zone'</c>: the instant in the zone (UTC passes as DuckDB gives the same instant).</summary>
        private int EmitAtTimeZone(int at, int end)
        {
            int time = Next(at, end), zone = Next(time, end), value = Next(zone, end);
            if (value < end && IsTerminatedString(value) && !IsUtcLiteral(value, end) && localReadEnds.Contains(Next(value, end))
                && LocalZone(value) is string local)
            {
                // Trino reads a timestamp without zone in the session zone (UTC) first; DuckDB's AT TIME ZONE on a
                // timestamptz gives the zone's wall-clock time, which is all that is read here.
                emitter.Text("::TIMESTAMPTZ ", tokens[at]);
                emitter.Copy(tokens[at]);
                emitter.Text(" TIME ZONE " + local, tokens[value]);
                return value + 1;
            }
            if (value >= end || !IsTerminatedString(value))
            {
                // Trino's grammar too takes only a string (or an interval) after AT TIME ZONE.
                throw NotSupported(sql, tokens[at], "AT TIME ZONE takes a constant zone ('America/New_York', '+05:30'), as in Trino; "
                    + "for a zone from a column use at_timezone(x, zone_column)");
            }
            string type = ZoneType(value);
            if (type == "TIMESTAMPTZ")
            {
                // The instant in UTC, a timestamp with time zone as Trino's: DuckDB's AT TIME ZONE 'UTC' of a TIMESTAMPTZ is
                // the zoneless wall clock (whose text has no zone); a timestamp is read in the session zone (UTC).
                emitter.Text("::TIMESTAMPTZ", tokens[at]);
                return value + 1;
            }
            emitter.Text("::TIMESTAMPTZ::" + type + PerValueSuffix, tokens[at]);
            return value + 1;
        }

        /// <summary>The zone as DuckDB (ICU) names it: Trino's whole-hour offsets ('+08:00') are ICU's 'Etc/GMT-8' (its sign
        /// is POSIX's, inverted); null for an offset with minutes (it takes the zone's type instead).</summary>
        private string? LocalZone(int literal)
        {
            string zone = Unquote(literal).Trim();
            var offset = System.Text.RegularExpressions.Regex.Match(zone, @"^([+-])([0-9]{1,2})(?::?([0-9]{2}))?$");
            if (!offset.Success)
            {
                return Text(literal);
            }
            if (offset.Groups[3].Success && offset.Groups[3].Value != "00")
            {
                return null;
            }
            int hours = int.Parse(offset.Groups[2].Value, CultureInfo.InvariantCulture);
            return hours == 0 ? "'UTC'" : $"'Etc/GMT{(offset.Groups[1].Value == "+" ? "-" : "+")}{hours}'";
        }

        private bool IsAtTimeZone(int at, int end) => Is(Next(at, end), "time") && Is(Next(Next(at, end), end), "zone");

        private int EmitToIso8601(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count != 1 || close >= end)
            {
                throw NotSupported(sql, anchor, "Function to_iso8601 takes one date or timestamp");
            }
            int first = Next(args[0].From - 1, args[0].To), literal = Next(first, args[0].To);
            int digits = 3;
            if (Is(first, "timestamp") && literal < args[0].To && IsTerminatedString(literal) && Next(literal, args[0].To) >= args[0].To)
            {
                string text = Unquote(literal);
                int dot = text.IndexOf('.', Math.Min(text.Length, 10));
                digits = dot < 0 ? 0 : text.Skip(dot + 1).TakeWhile(char.IsAsciiDigit).Count();
            }
            string Format(string type) => $"strftime(TRY_CAST($1 AS {type}), '%Y-%m-%dT%H:%M:%S')"
                + (digits == 0 ? "" : $" || '.' || left(strftime(TRY_CAST($1 AS {type}), '%f') || '000', {Math.Min(digits, 9)})");
            // A zone's value (DuneZones): its wall clock and its offset there, as Java's ISO_OFFSET_DATE_TIME (Z for zero).
            const string Offset = "CAST(epoch(TRY_CAST($1 AS TIMESTAMP)) - epoch(TRY_CAST($1 AS TIMESTAMPTZ)) AS BIGINT)";
            EmitTemplate("(CASE WHEN typeof($1) = 'DATE' THEN strftime(TRY_CAST($1 AS DATE), '%Y-%m-%d') "
                + $"WHEN typeof($1) = 'TIMESTAMP WITH TIME ZONE' THEN {Format("TIMESTAMPTZ")} || 'Z' "
                + $"WHEN lower(typeof($1)) LIKE '{DuneZones.Prefix}%' THEN {Format("TIMESTAMP")} || CASE WHEN {Offset} = 0 THEN 'Z' "
                + $"ELSE printf('%s%02d:%02d', CASE WHEN {Offset} < 0 THEN '-' ELSE '+' END, abs({Offset}) // 3600, abs({Offset}) % 3600 // 60) END "
                + $"WHEN typeof($1) LIKE 'TIMESTAMP%' THEN {Format("TIMESTAMP")} "
                + "ELSE error('to_iso8601 takes a date, a timestamp or a timestamp with time zone') END)", args, anchor);
            return close + 1;
        }
    }
}
