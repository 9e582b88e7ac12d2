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
            "timestamp(9) with time zone" => t == "TIMESTAMP_NS", // from_unixtime_nanos, held zoneless in UTC
            _ when declared.StartsWith("timestamp(", StringComparison.Ordinal) && declared.EndsWith(" with time zone", StringComparison.Ordinal)
                => t == "TIMESTAMP WITH TIME ZONE",
            _ when declared.StartsWith("timestamp(", StringComparison.Ordinal) => t is "TIMESTAMP" or "TIMESTAMP_NS",
            _ when declared.StartsWith("time(", StringComparison.Ordinal) => t == "TIME",
            _ when declared.StartsWith("array(varchar(", StringComparison.Ordinal) => t == "VARCHAR[]", // array_agg of a varchar(n) (decision 227)
            _ when declared.StartsWith("varchar(", StringComparison.Ordinal) || declared.StartsWith("char(", StringComparison.Ordinal) => t == "VARCHAR",
            _ => false,
        };
        return matches ? declared : null;
    }

    /// <summary>The stored kind and expression of a column named <paramref name="name"/> by <see cref="Name"/>, where they
    /// differ from DuckDB's type's (<see cref="DuckDbTypes.Plan"/>): a time(p)'s text with p digits, a char(n)'s padded to n.</summary>
    public static (ColumnKind Kind, string Expression)? Plan(string name, string column)
    {
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
}
