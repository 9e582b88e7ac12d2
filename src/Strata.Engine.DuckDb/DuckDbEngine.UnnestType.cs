using Strata.Core.Engine;
using Strata.Core.Executions;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Trino's <c>Cannot unnest type: varchar</c> for a DuneSQL statement DuckDB refused because an UNNEST operand whose type
/// only its binder knows is no list (decision 262): the statement is translated once more with those operands checked as
/// they bind (<c>DuneSqlTranslator.TranslateCheckingUnnest</c>, <c>DuneUnnestTypes</c>) and bound in a new sandbox, never
/// run, and the check's refusal is the error. A statement DuckDB accepts is never written with the check, so an UNNEST that
/// runs keeps DuckDB's plan and its array's order (decision 259).
/// </summary>
public sealed partial class DuckDbEngine
{
    /// <summary>DuckDB's words for an UNNEST operand that is no list (the error as the engine reads it): as a FROM-clause
    /// UNNEST's, and as an UNNEST in a select list's (the translator's form of several operands or WITH ORDINALITY).</summary>
    private static readonly string[] UnnestRefusals = ["Binder Error: UNNEST requires a single list as input", "Binder Error: UNNEST not supported here"];

    /// <summary>Trino's refusal of the UNNEST operand DuckDB refused, at its place in the user's text, or null when the
    /// error is another or the checked statement names no type (it binds, or fails on something else first).</summary>
    private ExecutionError? UnnestTypeError(EngineRequest request, ExecutionError error, string spillPath, long spillLimit, CancellationToken cancellationToken)
    {
        if (!UnnestRefusals.Any(r => error.Message.StartsWith(r, StringComparison.Ordinal)))
        {
            return null;
        }
        DuneSql.DuneTranslation? checkedText = null;
        try
        {
            checkedText = DuneSql.DuneSqlTranslator.TranslateCheckingUnnest(request.Sql, cancellationToken, ColumnTypesFor(request));
            if (checkedText is null || !DuneSql.DuneUnnestTypes.UsedBy(checkedText.Sql))
            {
                return null;
            }
            var checkedRequest = request with { Sql = checkedText.Sql };
            using var connection = OpenSandbox(checkedRequest, spillPath, spillLimit, out _);
            using var interrupter = new Interrupter(connection, cancellationToken);
            using var describe = connection.CreateCommand();
            string prefix = "DESCRIBE SELECT * FROM (\n";
            describe.CommandText = prefix + TrimStatement(checkedRequest.Sql) + "\n) AS " + Alias;
            using var reader = Run(describe, checkedRequest.Sql, prefix, cancellationToken);
            return null;
        }
        catch (QueryFailedException e)
        {
            // A run cancelled during the second bind is cancelled, not failed with the first error (the interrupt surfaces
            // here as a failed statement).
            cancellationToken.ThrowIfCancellationRequested();
            // Only the check's refusal stands; any other failure of the second bind leaves the first error as it was.
            return checkedText is not null && e.Error.Message.StartsWith("Cannot unnest type: ", StringComparison.Ordinal) ? checkedText.MapBack(e.Error) : null;
        }
    }
}
