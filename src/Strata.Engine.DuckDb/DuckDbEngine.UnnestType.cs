using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Trino's <c>Cannot unnest type: varchar</c> for a DuneSQL statement DuckDB refused because an UNNEST operand whose type
/// only its binder knows is no list (decision 262): the statement is translated once more with those operands checked as
/// they bind (<c>DuneSqlTranslator.TranslateCheckingUnnest</c>, <c>DuneUnnestTypes</c>) and bound in a new sandbox, never
/// run, and the check's refusal is the error. A statement DuckDB accepts is never written with the check, so an UNNEST that
/// runs keeps DuckDB's plan and its array's order (decision 259). An operand the check finds to be a map is named instead
/// (decision 266): the caller translates it as a map and runs the statement again.
/// </summary>
public sealed partial class DuckDbEngine
{
    /// <summary>DuckDB's words for an UNNEST operand that is no list (the error as the engine reads it): as a FROM-clause
    /// UNNEST's, and as an UNNEST in a select list's (the translator's form of several operands or WITH ORDINALITY).</summary>
    private static readonly string[] UnnestRefusals = ["Binder Error: UNNEST requires a single list as input", "Binder Error: UNNEST not supported here"];

    /// <summary>Trino's refusal of the UNNEST operand DuckDB refused, at its place in the user's text; or the offset of an
    /// operand the check found to be a map (those of <paramref name="mapOperands"/> are written as maps already); or
    /// neither when the error is another or the checked statement names no type (it binds, or fails on something else
    /// first).</summary>
    private (ExecutionError? Error, int? MapOperand) UnnestTypeError(EngineRequest request, ExecutionError error, IReadOnlySet<int> mapOperands, string spillPath, long spillLimit, CancellationToken cancellationToken)
    {
        if (!UnnestRefusals.Any(r => error.Message.StartsWith(r, StringComparison.Ordinal)))
        {
            return (null, null);
        }
        DuneSql.DuneTranslation? checkedText = null;
        try
        {
            checkedText = DuneSql.DuneSqlTranslator.TranslateCheckingUnnest(request.Sql, cancellationToken, ColumnTypesFor(request), mapOperands);
            if (checkedText is null || !DuneSql.DuneUnnestTypes.UsedBy(checkedText.Sql))
            {
                return (null, null);
            }
            var checkedRequest = request with { Sql = checkedText.Sql };
            using var connection = OpenSandbox(checkedRequest, spillPath, spillLimit, out _);
            using var interrupter = new DuckDbInterrupter(connection, cancellationToken);
            using var describe = connection.CreateCommand();
            string prefix = "DESCRIBE SELECT * FROM (\n";
            describe.CommandText = prefix + TrimStatement(checkedRequest.Sql) + "\n) AS " + Alias;
            using var reader = Run(describe, checkedRequest.Sql, prefix, cancellationToken);
            return (null, null);
        }
        catch (QueryFailedException e)
        {
            // A run cancelled during the second bind is cancelled, not failed with the first error (the interrupt surfaces
            // here as a failed statement).
            cancellationToken.ThrowIfCancellationRequested();
            // Only the check's refusal (or its map) stands; any other failure of the second bind leaves the first error as it was.
            if (checkedText is null)
            {
                return (null, null);
            }
            if (DuneSql.DuneUnnestTypes.Refused(e.Error.Message) is var (message, unnest))
            {
                // At the UNNEST, as Trino's StatementAnalyzer places it (the native bind's failure has no position).
                var refusal = e.Error with { Message = message, Line = null, Column = null };
                if (unnest is int at)
                {
                    var (line, column) = ParameterSubstitution.LineColumnOf(checkedText.UserSql, at);
                    return (refusal with { Line = line, Column = column }, null);
                }
                return (checkedText.MapBack(refusal), null);
            }
            return (null, DuneSql.DuneUnnestTypes.MapOperand(e.Error.Message));
        }
    }
}
