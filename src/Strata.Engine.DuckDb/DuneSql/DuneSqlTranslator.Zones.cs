namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Time zones. Dune's session zone is UTC (the prelude sets DuckDB's to it) and a <c>timestamp with time zone</c> is
/// shown as its instant in UTC (<c>2021-06-07 13:21:10.000 UTC</c>): a value carrying another zone
/// (<c>… America/Los_Angeles</c> in Trino) cannot be shown as Dune shows it, so <c>at_timezone</c>, <c>with_timezone</c>
/// and <c>AT TIME ZONE</c> run with UTC (or a name Trino reads as UTC) and are refused, naming the function and the zone,
/// with any other zone. <c>to_iso8601</c> writes a timestamp with the precision Trino gives it: the fraction digits of
/// a <c>TIMESTAMP '…'</c> literal, else 3 (Dune's columns and <c>now()</c> are <c>timestamp(3)</c>), and <c>Z</c> for
/// UTC.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        private static readonly HashSet<string> UtcNames = new(StringComparer.OrdinalIgnoreCase) { "UTC", "Z", "GMT", "UT", "Etc/UTC", "Etc/GMT", "+00:00" };

        private bool IsUtcLiteral(int i, int end) => i < end && IsTerminatedString(i) && UtcNames.Contains(Unquote(i).Trim());

        private int EmitZoneCall(string name, List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count != 2 || close >= end)
            {
                throw NotSupported(sql, anchor, $"Function {name} takes a timestamp and a zone");
            }
            int zone = Next(args[1].From - 1, args[1].To);
            if (!IsSingleString(args[1]) || !IsUtcLiteral(zone, args[1].To))
            {
                throw NotSupported(sql, zone < args[1].To ? tokens[zone] : anchor, $"Function {name} is supported only with the zone 'UTC' "
                    + "(timestamps with time zone are shown in UTC; another zone would be shown differently from Dune)");
            }
            // The session zone is UTC: a timestamp is read as UTC, and a timestamp with time zone keeps its instant.
            EmitTemplate("CAST($1 AS TIMESTAMPTZ)", args, anchor);
            return close + 1;
        }

        /// <summary><c>x AT TIME ZONE 'UTC'</c> passes (DuckDB gives the same instant and text); any other zone is refused.</summary>
        private int EmitAtTimeZone(int at, int end)
        {
            int time = Next(at, end), zone = Next(time, end), value = Next(zone, end);
            if (!IsUtcLiteral(value, end))
            {
                throw NotSupported(sql, tokens[at], "AT TIME ZONE is supported only with the zone 'UTC' "
                    + "(timestamps with time zone are shown in UTC; another zone would be shown differently from Dune)");
            }
            emitter.Copy(tokens[at]);
            emitter.Text(" TIME ZONE 'UTC'", tokens[value]);
            return value + 1;
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
            EmitTemplate("(CASE WHEN typeof($1) = 'DATE' THEN strftime(TRY_CAST($1 AS DATE), '%Y-%m-%d') "
                + $"WHEN typeof($1) = 'TIMESTAMP WITH TIME ZONE' THEN {Format("TIMESTAMPTZ")} || 'Z' "
                + $"WHEN typeof($1) LIKE 'TIMESTAMP%' THEN {Format("TIMESTAMP")} "
                + "ELSE error('to_iso8601 takes a date, a timestamp or a timestamp with time zone') END)", args, anchor);
            return close + 1;
        }
    }
}
