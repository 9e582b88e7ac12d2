using System.Text.RegularExpressions;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// A call of a function neither Trino nor Dune defines (decision 262): Trino's analyzer fails it as <c>Function 'encode'
/// not registered</c> whatever its arguments, before it looks at their types. DuckDB has many of these names (encode,
/// len, list_value, …); when the strict-functions switch is off (decision 242) they run, and a call of one with arguments
/// DuckDB's own signatures refuse came back as <c>Unexpected parameters (varbinary, varchar) for function encode</c>,
/// which tells a Dune user the function exists. The refusal names the function the user wrote at the error's position
/// (<see cref="DuneFunctionRegistry"/>'s lists); a known function keeps "Unexpected parameters".
/// </summary>
internal static partial class TrinoErrorMessages
{
    [GeneratedRegex(@"^Unexpected parameters (?:\(.*\) )?for function \S+$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UnexpectedParameters();

    /// <summary>
    /// The error of a DuneSQL text with the names of its message taken from the user's own text at the error's position (a
    /// table's as written; a function the translator renamed by the user's name; a syntax error's token as the user wrote
    /// it there, in Trino's words; a function neither Trino nor Dune defines as not registered). The position is the
    /// user's already.
    /// </summary>
    internal static ExecutionError InUserText(ExecutionError error, string userSql)
    {
        var result = InUserTextCore(error, userSql);
        return Unregistered(result, userSql) ?? result;
    }

    /// <summary>Trino's refusal of a call of an unknown function that failed on its arguments' types, or null.</summary>
    private static ExecutionError? Unregistered(ExecutionError error, string userSql)
    {
        if (error.Line is not int line || error.Column is not int column || !UnexpectedParameters().IsMatch(error.Message))
        {
            return null;
        }
        int offset = ParameterSubstitution.OffsetOf(userSql, line, column);
        if (offset < 0 || offset > userSql.Length || FunctionNameAt(userSql, offset) is not { } written || DuneFunctionRegistry.IsKnown(written))
        {
            return null;
        }
        int start = offset;
        while (start > 0 && IsNamePart(userSql[start - 1]))
        {
            start--;
        }
        return At(error with { Message = $"Function '{written.ToLowerInvariant()}' not registered" }, userSql, start);
    }
}
