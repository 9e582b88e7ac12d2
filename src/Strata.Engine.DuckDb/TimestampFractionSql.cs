using System.Globalization;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The SQL text of a timestamp's fraction of a second as Trino writes a <c>timestamp(p)</c> (DateTimes.formatTimestamp):
/// a point and exactly p digits, cut from a count of units below the second (microseconds or nanoseconds), zeros past the
/// digits the count holds; nothing for p = 0. One builder for the top level's nested JSON text (DuckDbNestedJson) and for
/// <c>CAST(timestamp(p) AS varchar)</c> (DuneFunctions.TimestampToVarchar).
/// </summary>
internal static class TimestampFractionSql
{
    /// <summary>The fraction's text (<c>'.' || …</c>) of <paramref name="units"/>, an SQL expression of the units below the
    /// second (0 ≤ units &lt; 10^<paramref name="held"/>), with <paramref name="digits"/> digits; null for no digits.</summary>
    public static string? Fraction(string units, int held, int digits)
    {
        if (digits == 0)
        {
            return null;
        }
        string kept = Math.Min(digits, held).ToString(CultureInfo.InvariantCulture);
        return $"'.' || rpad(left(lpad(CAST({units} AS VARCHAR), {held.ToString(CultureInfo.InvariantCulture)}, '0'), {kept}), "
            + $"{digits.ToString(CultureInfo.InvariantCulture)}, '0')";
    }
}
