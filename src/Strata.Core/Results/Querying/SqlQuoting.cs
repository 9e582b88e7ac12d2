using System.Text;

namespace Strata.Core.Results.Querying;

/// <summary>Quoting for the SQL that filters and sort keys are rebuilt into (DuckDB dialect).</summary>
public static class SqlQuoting
{
    /// <summary>A double-quoted identifier, with <c>"</c> doubled.</summary>
    public static string QuoteIdentifier(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An identifier cannot contain a NUL character.", nameof(name));
        }
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A single-quoted string literal, with <c>'</c> doubled (DuckDB does not treat backslash specially).</summary>
    public static string QuoteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A string literal cannot contain a NUL character.", nameof(value));
        }
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
