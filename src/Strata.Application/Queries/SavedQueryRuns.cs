using Strata.Application.Executions;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Application.Queries;

/// <summary>
/// How a saved query is to be run: the tier, the supplied parameter values (checked against the query's definitions
/// when it is run), and the execute extras (max_age_hours, Idempotency-Key, the long-poll wait).
/// </summary>
public sealed record SavedQueryRun(
    PerformanceTier Tier,
    IReadOnlyDictionary<string, ParameterValue> Supplied,
    TimeSpan? MaxAge = null,
    IdempotencyRequest? Idempotency = null,
    TimeSpan Wait = default);

/// <summary>
/// Running saved queries and reading their latest run, each one call: the query the caller may execute (or read),
/// its parameters substituted (<see cref="SavedQueries.ExecutionOf"/>), submitted and waited on through
/// <see cref="ExecutionService"/>.
/// </summary>
public sealed class SavedQueryRuns(SavedQueries queries, ExecutionService executions)
{
    /// <summary>
    /// Executes the query <paramref name="queryId"/> as <paramref name="caller"/>: NotFound when the caller may not see
    /// it, Forbidden when it is archived, Invalid when a supplied value does not fit its parameter.
    /// </summary>
    public async Task<SubmitResult> ExecuteAsync(string caller, string queryId, SavedQueryRun run, CancellationToken cancellationToken)
    {
        var query = await queries.GetExecutableAsync(caller, queryId, cancellationToken).ConfigureAwait(false);
        var request = SavedQueries.ExecutionOf(query, caller, run.Tier, run.Supplied, queries.MaxSqlBytes)
            with { MaxAge = run.MaxAge, Idempotency = run.Idempotency };
        return await executions.SubmitAndWaitAsync(request, run.Wait, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest run the caller may read (<see cref="SavedQueries.LatestAsync"/>), with its place in the queue while it is pending.</summary>
    public async Task<Execution> LatestAsync(string caller, string queryId, IEnumerable<KeyValuePair<string, string>> selectors, CancellationToken cancellationToken)
    {
        var latest = await queries.LatestAsync(caller, queryId, selectors, cancellationToken).ConfigureAwait(false);
        return await executions.WithQueuePositionAsync(latest, cancellationToken).ConfigureAwait(false);
    }
}
