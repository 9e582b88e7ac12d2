using Strata.Application.Executions;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Application.Queries;

/// <summary>
/// Who may read an execution's result. The runner always may. Anyone else may read a run of the current version of a
/// public saved query made by that query's owner (making a query public makes its owner's results of it public, including
/// what the owner's private tables contributed), and a run of it by anyone else that read nothing private of its runner
/// (<see cref="Execution.RunnerPrivate"/> false: no private table or private query of theirs, so a result the owner could
/// have made too). A run that did read something private of its runner stays that runner's alone: it ran with their
/// permissions, and publishing it would publish their private data through a query someone else wrote. A private query's
/// results are the owner's only.
/// </summary>
public sealed class PublicResults(IExecutionStore executions, IQueryStore queries, ExecutionService service)
{
    /// <summary>
    /// True when <paramref name="execution"/> is a run of the current version of <paramref name="query"/>, the query is
    /// public, and the run is its owner's or read nothing private of its runner. A run of an earlier version is not: a version that was private (reading private tables)
    /// would otherwise be published with the query's later public version to anyone holding the run's id (hostile3,
    /// hostile4); Dune shows a public query's latest results only, as <see cref="SavedQueries.LatestAsync"/> does.
    /// </summary>
    public static bool IsPublic(Execution execution, SavedQuery? query) =>
        query is { IsPrivate: false } && execution.QueryId == query.Id && (execution.Owner == query.Owner || !execution.RunnerPrivate)
        && execution.QueryVersion == query.Version;

    /// <summary>
    /// An execution the caller may read the status and result of: its own, or a public one. Anything else
    /// is NotFound exactly as a missing execution is. Cancelling stays the runner's (<see cref="ExecutionService.GetAsync"/>).
    /// </summary>
    public async Task<Execution> ReadableAsync(string caller, string executionId, CancellationToken cancellationToken)
    {
        try
        {
            return await service.GetAsync(caller, executionId, cancellationToken).ConfigureAwait(false);
        }
        catch (UseCaseException e) when (e.Error == UseCaseError.NotFound)
        {
            var execution = await executions.GetExecutionAsync(executionId.ToUpperInvariant(), cancellationToken).ConfigureAwait(false);
            if (execution is { QueryId: > 0 } && IsPublic(execution, await queries.GetQueryAsync(execution.QueryId, cancellationToken).ConfigureAwait(false)))
            {
                return SeenBy(caller, execution);
            }
            throw;
        }
    }

    /// <summary>
    /// The status of an execution the caller may read (<see cref="ReadableAsync"/>): as it is when it ends or when
    /// <paramref name="wait"/> runs out, with its place in the queue while it is pending. Zero wait answers at once.
    /// </summary>
    public async Task<Execution> StatusAsync(string caller, string executionId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var execution = await ReadableAsync(caller, executionId, cancellationToken).ConfigureAwait(false);
        execution = await service.WaitAsync(execution, wait, cancellationToken).ConfigureAwait(false);
        return SeenBy(caller, await service.WithQueuePositionAsync(execution, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>What another owner is told of a failed public run's error instead of its message.</summary>
    public const string ErrorWithheld = "the run failed; its error message is shown to the query's owner only";

    /// <summary>
    /// The execution as <paramref name="caller"/> may see it: another owner's failed run without its error message. The
    /// engine's message quotes what the query read (a private table's value in a conversion error, hostile14), which
    /// never reaches a public query's rows; a materialized view's refresh error is its owner's alike (hostile12).
    /// </summary>
    public static Execution SeenBy(string caller, Execution execution) =>
        execution.Owner == caller || execution.Error is null
            ? execution
            : execution with { Error = execution.Error with { Message = ErrorWithheld, Line = null, Column = null } };

    /// <summary>Of two candidate latest runs, the one with a result, else the newer (execution ids grow with time).</summary>
    public static Execution? Newer(Execution? a, Execution? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }
        bool aResult = a.State is ExecutionState.Completed or ExecutionState.CompletedPartial;
        bool bResult = b.State is ExecutionState.Completed or ExecutionState.CompletedPartial;
        if (aResult != bResult)
        {
            return aResult ? a : b;
        }
        return string.CompareOrdinal(a.Id, b.Id) >= 0 ? a : b;
    }
}
