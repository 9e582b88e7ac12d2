using System.Globalization;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb;

/// <summary>
/// A result column's declared type that DuckDB's type cannot name (DuneSqlTranslator.DeclaredTypes.cs, decision 208):
/// Trino's name is taken when DuckDB's type is the one the translator's cast gives, so a column the text only seemed to
/// declare keeps DuckDB's name. A timestamp keeps its stored kind (Parquet and Arrow keep the instant); its JSON and CSV
/// text has the type's digits (<see cref="TemporalFormat.FractionDigits"/>). A time(p) is written with p digits.
/// </summary>
internal static class DuckDbDeclaredTypes
{
    /// <summary>Trino's name for the column, or null when DuckDB's type is not what the declaration gives.</summary>
    public static string? Name(string declared, string duckType)
    {
        string t = duckType.Trim().ToUpperInvariant();
        bool matches = declared switch
        {
            "timestamp(9) with time zone" => t is "TIMESTAMP_NS" or "TIMESTAMP WITH TIME ZONE" || DuneSql.DuneZones.ZoneOf(duckType) is not null // from_unixtime_nanos held zoneless in UTC, or a zoned value
                || DuneSql.DuneZones.IsPerValueNanos(duckType),
            // A fixed zone's type (AT TIME ZONE, with_timezone: DuneZones) holds the instant in microseconds as TIMESTAMPTZ does.
            _ when declared.StartsWith("timestamp(", StringComparison.Ordinal) && declared.EndsWith(" with time zone", StringComparison.Ordinal)
                => t == "TIMESTAMP WITH TIME ZONE" || DuneSql.DuneZones.ZoneOf(duckType) is not null || PerValueDigits(declared, duckType) is not null,
            _ when declared.StartsWith("timestamp(", StringComparison.Ordinal) => t is "TIMESTAMP" or "TIMESTAMP_NS",
            _ when declared.StartsWith("time(", StringComparison.Ordinal) => t == "TIME",
            _ when declared.StartsWith("array(varchar(", StringComparison.Ordinal) => t == "VARCHAR[]", // array_agg of a varchar(n) (decision 227)
            _ when declared.StartsWith("array(timestamp(", StringComparison.Ordinal) => t is "TIMESTAMP[]" or "TIMESTAMP_NS[]", // ARRAY[TIMESTAMP '…'] (decision 248)
            _ when declared.StartsWith("varchar(", StringComparison.Ordinal) || declared.StartsWith("char(", StringComparison.Ordinal) => t == "VARCHAR",
            _ => false,
        };
        return matches ? declared : null;
    }

    /// <summary>The stored kind and expression of a column named <paramref name="name"/> by <see cref="Name"/>, where they
    /// differ from DuckDB's type's (<see cref="DuckDbTypes.Plan"/>): a time(p)'s text with p digits, a char(n)'s padded to n,
    /// a timestamp(p) with time zone in a zone other than UTC with p digits.</summary>
    public static (ColumnKind Kind, string Expression)? Plan(string name, string column, string duckType = "")
    {
        if (name.StartsWith("timestamp(", StringComparison.Ordinal) && DuneSql.DuneZones.ZoneOf(duckType) is not null)
        {
            return (ColumnKind.Text, ZonedText(column, int.Parse(name.AsSpan(10, name.IndexOf(')', StringComparison.Ordinal) - 10), CultureInfo.InvariantCulture)));
        }
        if (name.StartsWith("array(timestamp(", StringComparison.Ordinal))
        {
            int p = int.Parse(name.AsSpan(16, name.IndexOf(')', StringComparison.Ordinal) - 16), CultureInfo.InvariantCulture);
            return (ColumnKind.Json, DuckDbNestedJson.TimestampArray(column, p, duckType.Trim().StartsWith("TIMESTAMP_NS", StringComparison.OrdinalIgnoreCase)));
        }
        if (PerValueDigits(name, duckType) is int kept)
        {
            return (ColumnKind.Text, PerValueText(column, kept, DuneSql.DuneZones.IsPerValueNanos(duckType) ? 9 : 3));
        }
        if (name.StartsWith("char(", StringComparison.Ordinal))
        {
            // Trino shows a char(n) padded to n; a set operation's char(x) branch under char(n) (n > x) was padded to x.
            string n = name[5..^1];
            return (ColumnKind.Text, $"(CASE WHEN length({column}) < {n} THEN rpad({column}, {n}, ' ') ELSE {column} END)");
        }
        if (!name.StartsWith("time(", StringComparison.Ordinal))
        {
            return null;
        }
        int digits = int.Parse(name.AsSpan(5, name.Length - 6), CultureInfo.InvariantCulture);
        // Trino's time(p): HH:MM:SS and p digits of the fraction (the value is already rounded to p by the cast); DuckDB's
        // TIME holds microseconds, so digits past the sixth are zeros.
        string fraction = digits == 0 ? "" : $" || '.' || rpad(left(lpad(CAST(microsecond({column}) % 1000000 AS VARCHAR), 6, '0'), {Math.Min(digits, 6)}), {digits}, '0')";
        return (ColumnKind.Text, $"(printf('%02d:%02d:%02d', hour({column}), minute({column}), second({column})){fraction})");
    }

    /// <summary>p of a declared <c>timestamp(p) with time zone</c> held with a zone per value: 0 to 3 in
    /// <c>dune_tzv</c> (DuneZones.PerValue.cs: the instant to the millisecond, the zone's tag below it; finer digits are not
    /// held there, so the column keeps DuckDB's name, timestamp(3) with time zone), 0 to 12 in <c>dune_tzv9</c>
    /// (DuneZones.Nanos.cs: nanoseconds); else null.</summary>
    private static int? PerValueDigits(string declared, string duckType)
    {
        bool nanos = DuneSql.DuneZones.IsPerValueNanos(duckType);
        if (!nanos && !duckType.Trim().Trim('"').Equals(DuneSql.DuneZones.PerValueType, StringComparison.OrdinalIgnoreCase)
            || !declared.StartsWith("timestamp(", StringComparison.Ordinal) || !declared.EndsWith(") with time zone", StringComparison.Ordinal)
            || !int.TryParse(declared.AsSpan(10, declared.Length - 10 - ") with time zone".Length), NumberStyles.None, CultureInfo.InvariantCulture, out int p))
        {
            return null;
        }
        return p <= (nanos ? 12 : 3) ? p : null;
    }

    /// <summary>A zone-per-value's text (its wall clock with <paramref name="held"/> digits, 3 or 9, then its zone) with
    /// the fraction cut to p digits, zeros past those held (none and no point for 0): the value is rounded to p already by
    /// the cast or literal that typed it.</summary>
    private static string PerValueText(string column, int digits, int held)
    {
        string text = $"CAST({column} AS VARCHAR)";
        string zeros = digits > held ? $" || '{new string('0', digits - held)}'" : "";
        return $"(CASE WHEN strpos({text}, '.') = 0 THEN {text} ELSE left({text}, strpos({text}, '.') - {(digits == 0 ? 1 : 0)} + {Math.Min(digits, held)}){zeros} "
            + $"|| substr({text}, strpos({text}, '.') + {held + 1}) END)";
    }

    /// <summary>
    /// Trino's text of a timestamp(p) with time zone held in a zone's type (DuneZones): the zone's text (its wall clock to
    /// milliseconds, then the zone's name) with the fraction written to p digits from the wall clock's microseconds (zeros
    /// past the sixth; none and no point for p = 0), as Trino prints a timestamp(p) with time zone
    /// (SqlTimestampWithTimeZone.toString: the fraction padded to the type's precision). A text without a fraction
    /// (an infinity) stays as it is. The zone's name holds no point (IANA names and ±hh:mm), so the text's one point is
    /// the fraction's.
    /// </summary>
    private static string ZonedText(string column, int digits)
    {
        string text = $"CAST({column} AS VARCHAR)";
        string fraction = digits == 0 ? "''"
            : $"'.' || rpad(left(lpad(CAST(microsecond(CAST({column} AS TIMESTAMP)) % 1000000 AS VARCHAR), 6, '0'), {Math.Min(digits, 6)}), {digits}, '0')";
        return $"(CASE WHEN strpos({text}, '.') = 0 THEN {text} ELSE left({text}, strpos({text}, '.') - 1) || {fraction} "
            + $"|| substr({text}, strpos({text}, '.') + 4) END)";
    }
}
