using System.Text;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The translator's word lists and literal helpers.</summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Words DuckDB reserves that Trino allows as plain column names (Dune's <c>to</c> first of all).</summary>
    private static readonly HashSet<string> QuoteWhenName = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "analyse", "analyze", "asymmetric", "check", "collate", "column", "default", "deferrable", "do", "foreign",
        "initially", "lambda", "pivot", "pivot_longer", "pivot_wider", "placing", "primary", "qualify", "references",
        "returning", "show", "summarize", "symmetric", "unique", "unpivot", "variadic",
    };

    /// <summary>DuckDB statements that may also open a subquery: <c>SELECT * FROM (SHOW TABLES)</c>.</summary>
    private static readonly HashSet<string> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        "show", "summarize", "pivot", "unpivot", "pivot_longer", "pivot_wider",
    };

    private static readonly HashSet<string> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "year", "month", "day", "hour", "minute", "second",
    };

    /// <summary>A DuckDB BLOB literal for hex digits (an odd count gets a leading zero, as Trino pads).</summary>
    internal static string BlobLiteral(ReadOnlySpan<char> hex)
    {
        var text = new StringBuilder(hex.Length * 2 + 16);
        text.Append('\'');
        int i = 0;
        if (hex.Length % 2 == 1)
        {
            text.Append("\\x0").Append(hex[0]);
            i = 1;
        }
        for (; i < hex.Length; i += 2)
        {
            text.Append("\\x").Append(hex[i]).Append(hex[i + 1]);
        }
        text.Append("'::BLOB");
        return "(" + text.ToString() + ")";
    }

    internal static QueryFailedException NotSupported(string sql, DuneToken at, string message)
    {
        var (line, column) = ParameterSubstitution.LineColumnOf(sql, at.Start);
        return new QueryFailedException(new ExecutionError(ExecutionError.SyntaxError, message, line, column));
    }
}
