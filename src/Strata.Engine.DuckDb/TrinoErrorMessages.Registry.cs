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
/// when DuckDB bound that very name (<see cref="DuneFunctionRegistry"/>'s lists); a known function, and one the translator
/// writes itself, keep "Unexpected parameters".
/// </summary>
internal static partial class TrinoErrorMessages
{
    [GeneratedRegex(@"^Unexpected parameters (?:\(.*\) )?for function (?<f>\S+)$", RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.ExplicitCapture)]
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
        return Unregistered(error, result, userSql) ?? result;
    }

    /// <summary>Trino's refusal of a call of an unknown function that DuckDB bound under the name the user wrote (the
    /// translator passed it through: a call it writes itself, as overlay's template, is Strata's and keeps its words) and
    /// refused on its arguments' types, or null.</summary>
    private static ExecutionError? Unregistered(ExecutionError engineError, ExecutionError error, string userSql)
    {
        if (error.Line is not int line || error.Column is not int column || !UnexpectedParameters().IsMatch(error.Message)
            || UnexpectedParameters().Match(engineError.Message) is not { Success: true } bound)
        {
            return null;
        }
        int offset = ParameterSubstitution.OffsetOf(userSql, line, column);
        if (offset < 0 || offset > userSql.Length || FunctionNameAt(userSql, offset) is not { } written || DuneFunctionRegistry.IsKnown(written)
            || !written.Equals(bound.Groups["f"].Value, StringComparison.OrdinalIgnoreCase))
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
