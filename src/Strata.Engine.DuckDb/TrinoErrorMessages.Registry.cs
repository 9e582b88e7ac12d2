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

    /// <summary>Strata's native functions that DuckDB binds with the user's own arguments (the translator's template is
    /// <c>dune_x($1)</c>, nothing around the argument), by DuckDB's name: the DuneSQL name and its one signature as Dune's
    /// pages give it (base58.mdx, tronaddress.mdx, ss58.mdx, tonaddress.mdx). A refusal names the types given and the
    /// signature expected, as Trino's FunctionResolver words it ("Unexpected parameters (%s) for function %s. Expected:
    /// %s"): <c>from_base58(p.contract_address)</c> of a varbinary column is "Unexpected parameters (varbinary) for
    /// function from_base58. Expected: from_base58(varchar)".</summary>
    private static readonly Dictionary<string, (string Name, string Signature)> NativeSignatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dune_from_base58"] = ("from_base58", "from_base58(varchar)"),
        ["dune_from_tron_address"] = ("from_tron_address", "from_tron_address(varchar)"),
        ["dune_from_ss58"] = ("from_ss58", "from_ss58(varchar)"),
        ["dune_ton_friendly_to_raw"] = ("ton_address_user_friendly_to_raw", "ton_address_user_friendly_to_raw(varchar)"),
    };

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
