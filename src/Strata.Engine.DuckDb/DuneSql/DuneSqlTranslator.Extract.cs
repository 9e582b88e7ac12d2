namespace Strata.Engine.DuckDb.DuneSql;

/// <summary><c>extract(field FROM x)</c>: Trino's fields as DuckDB's field functions over the wall clock, a clock field of a
/// date refused as Trino's analyzer does.</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Trino's extract fields and the DuckDB function that gives each as Trino does.</summary>
    private static readonly Dictionary<string, string> ExtractFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["year"] = "year", ["quarter"] = "quarter", ["month"] = "month", ["week"] = "week", ["day"] = "day", ["day_of_month"] = "day",
        ["day_of_week"] = "isodow", ["dow"] = "isodow", ["day_of_year"] = "dayofyear", ["doy"] = "dayofyear",
        ["year_of_week"] = "isoyear", ["yow"] = "isoyear", ["hour"] = "hour", ["minute"] = "minute", ["second"] = "second",
        ["timezone_hour"] = "timezone_hour", ["timezone_minute"] = "timezone_minute",
    };

    /// <summary>The extract fields Trino refuses from a date (hour, minute, second, and a zone's offset).</summary>
    private static readonly HashSet<string> ClockFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "hour", "minute", "second", "timezone_hour", "timezone_minute",
    };

    private sealed partial class Pass
    {
        /// <summary><c>extract(field FROM x)</c> with Trino's fields; other fields are left to DuckDB.</summary>
        private int TryEmitExtract(int open, int close, int end, DuneToken anchor)
        {
            int field = Next(open, close), from = Next(field, close);
            if (close >= end || field >= close || !Is(from, "from") || tokens[field].Kind != DuneTokenKind.Word
                || !ExtractFields.TryGetValue(Text(field), out var function))
            {
                return -1;
            }
            // A local field reads the wall clock (DuneWallClock); a zone's offset reads the value's zone.
            bool local = !function.StartsWith("timezone_", StringComparison.Ordinal);
            bool clock = ClockFields.Contains(Text(field));
            if (clock)
            {
                // Trino's analyzer (visitExtract) takes a clock field from a time or timestamp only: a date is refused
                // (DuckDB's hour(DATE) is 0). The type is folded when DuckDB binds, so the operand is computed once.
                emitter.Text("(CASE WHEN typeof(", anchor);
                Emit(from + 1, close);
                emitter.Text(") = 'DATE' THEN error('Cannot extract " + Text(field).ToUpperInvariant() + " from date') ELSE ", anchor);
            }
            emitter.Text(function + (local ? "(" + DuneWallClock.Function + "(" : "("), anchor);
            Emit(from + 1, close);
            if (local)
            {
                emitter.Text(")", tokens[close]);
            }
            emitter.Copy(tokens[close]);
            if (clock)
            {
                emitter.Text(" END)", tokens[close]);
            }
            return close + 1;
        }
    }
}
