using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The most bytes a function may build into one value: the results' default per-value bound
/// (<see cref="Strata.Core.Results.ResultWriter.DefaultMaxValueBytes"/>, 16 MiB). A call whose arguments say at once that
/// its answer would be larger (a pad or repetition to a length past it) fails before it builds anything, naming the
/// function and the bound, instead of building the value for minutes up to the worker's memory limit.
/// </summary>
internal static class DuneValueBound
{
    /// <summary>16,777,216.</summary>
    internal const long MaxBytes = Strata.Core.Results.ResultWriter.DefaultMaxValueBytes;

    /// <summary>The SQL string literal of the refusal for <paramref name="function"/>, whose <paramref name="what"/>
    /// (an argument's description) is past the bound.</summary>
    internal static string Refusal(string function, string what) => "'" + Words(function, what).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The refusal's words: <paramref name="function"/>'s <paramref name="what"/> is past the bound.</summary>
    internal static string Words(string function, string what) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{function}: {what} is past {MaxBytes}, the most bytes a value may hold (16 MiB); the answer could not be returned");

    /// <summary>SQL for a lower bound of the bytes <paramref name="value"/> holds as an answer: its text's length, a quarter of
    /// it for a varbinary (whose text writes a byte as up to four characters, <c>\xAB</c>), half of it for any other type
    /// (DuckDB's text of a list or row writes ", " between elements and names fields; a boolean's "true, " is 6 characters
    /// where its answer's is 5).</summary>
    internal static string LeastBytes(string value) =>
        $"(strlen(CAST({value} AS VARCHAR)) // CASE typeof({value}) WHEN 'BLOB' THEN 4 WHEN 'VARCHAR' THEN 1 ELSE 2 END)";
}
