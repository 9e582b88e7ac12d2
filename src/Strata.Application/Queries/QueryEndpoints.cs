using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Application.Executions;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Application.Queries;

/// <summary>What publishing an endpoint asks for.</summary>
public sealed record EndpointDraft(string? Slug, long QueryId, IReadOnlyDictionary<string, ParameterValue> Parameters, TimeSpan? MaxResultAge);

/// <summary>A request for an endpoint's result: values given over the endpoint's, the tier and how long to wait for a run.</summary>
public sealed record EndpointRequest(string Handle, string Slug, IReadOnlyDictionary<string, string> Values, PerformanceTier Tier, TimeSpan Wait);

/// <summary>
/// Query endpoints (Strata's way to publish what Dune's web app publishes): a saved query of the caller's
/// under a slug, served at <c>/api/v1/endpoints/{handle}/{slug}/results</c>. An endpoint of a private
/// query exists for its owner only; for anyone else it is NotFound exactly as a missing one is. A result
/// is the latest run the caller may read (<see cref="PublicResults"/>) with the effective values, if it
/// ended within the endpoint's maximum age; else the query runs with the caller's permissions.
/// </summary>
public sealed partial class QueryEndpoints(IEndpointStore endpoints, IQueryStore queries, SavedQueries saved, ExecutionService executions, TimeProvider time,
    Observability.StrataMetrics? metrics = null)
{
    public const string NotFoundMessage = "Endpoint not found";
    public const string NotOwnerMessage = "Not allowed to change endpoint: only its owner can";
    public const int MaxSlugLength = 64;
    public const int MaxPerOwner = 1000;
    public static readonly TimeSpan DefaultMaxResultAge = TimeSpan.FromHours(1);
    public static readonly TimeSpan LongestMaxResultAge = TimeSpan.FromDays(366);

    /// <summary>The shortest max result age: a result younger than a minute is as fresh as a run can make it, and a
    /// shorter age (1e-7 hours) would only make every call run the query.</summary>
    public static readonly TimeSpan ShortestMaxResultAge = TimeSpan.FromMinutes(1);

    /// <summary><c>max_result_age_hours</c> as an age; anything outside one minute to 366 days (NaN included) is Invalid naming the value.</summary>
    public static TimeSpan MaxResultAgeOf(double hours) =>
        hours >= ShortestMaxResultAge.TotalHours && hours <= LongestMaxResultAge.TotalHours
            ? TimeSpan.FromHours(hours)
            : throw new UseCaseException(UseCaseError.Invalid, string.Create(CultureInfo.InvariantCulture,
                $"max_result_age_hours must be from 1/60 (one minute) to {LongestMaxResultAge.TotalHours} hours, got {hours}"));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <summary>The slug in canonical (lower-case) form, or Invalid saying what a slug may be.</summary>
    public static string CheckSlug(string? slug)
    {
        string s = Strata.Core.Uploads.UploadNames.LowerAscii((slug ?? "").Trim());
        if (s.Length == 0)
        {
            throw new UseCaseException(UseCaseError.Invalid, "slug is required");
        }
        if (s.Length > MaxSlugLength || !SlugPattern().IsMatch(s))
        {
            throw new UseCaseException(UseCaseError.Invalid,
                $"slug must be 1 to {MaxSlugLength} characters of a-z, 0-9, '-' and '_', starting with a letter or digit; got '{Shorten(slug!)}'");
        }
        return s;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";

    /// <summary>
    /// Creates or replaces the caller's endpoint of that slug. The query must be the caller's (another's
    /// public query is Forbidden, a private one NotFound) and the values valid for its parameters.
    /// </summary>
    public async Task<QueryEndpoint> PublishAsync(string caller, EndpointDraft draft, CancellationToken cancellationToken)
    {
        string slug = CheckSlug(draft.Slug);
        var age = draft.MaxResultAge ?? DefaultMaxResultAge;
        MaxResultAgeOf(age.TotalHours);
        if (draft.QueryId <= 0)
        {
            throw new UseCaseException(UseCaseError.Invalid, "query_id is required and must be a positive integer");
        }
        var query = await saved.GetOwnedAsync(caller, draft.QueryId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        // Validates every value against its definition (and names the parameter when one is wrong).
        SavedQueries.ExecutionOf(query, caller, PerformanceTier.Medium, draft.Parameters, saved.MaxSqlBytes);
        var existing = await endpoints.GetEndpointAsync(caller, slug, cancellationToken).ConfigureAwait(false);
        if (existing is null && (await endpoints.ListEndpointsAsync(caller, 1, 0, cancellationToken).ConfigureAwait(false)).Total >= MaxPerOwner)
        {
            metrics?.Rejected(Observability.StrataMetrics.Reasons.EndpointsQuota);
            throw new UseCaseException(UseCaseError.QuotaExceeded, $"endpoint quota exceeded: at most {MaxPerOwner} per owner; delete some first");
        }
        var now = time.GetUtcNow();
        return await endpoints.UpsertEndpointAsync(new QueryEndpoint(caller, slug, query.Id, draft.Parameters, age, now, now), cancellationToken).ConfigureAwait(false);
    }

    public Task<(IReadOnlyList<QueryEndpoint> Endpoints, long Total)> ListAsync(string caller, int limit, int offset, CancellationToken cancellationToken) =>
        endpoints.ListEndpointsAsync(caller, limit, offset, cancellationToken);

    /// <summary>Removes the caller's endpoint. Another owner's is Forbidden when the caller may see it, else NotFound.</summary>
    public async Task DeleteAsync(string caller, string handle, string slug, CancellationToken cancellationToken)
    {
        var (endpoint, _) = await VisibleAsync(caller, handle, slug, cancellationToken).ConfigureAwait(false);
        if (endpoint.Owner != caller)
        {
            throw new UseCaseException(UseCaseError.Forbidden, NotOwnerMessage);
        }
        await endpoints.DeleteEndpointAsync(endpoint.Owner, endpoint.Slug, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The execution whose result the endpoint serves: a fresh enough readable run, else a run of the
    /// caller's (a new one, or an identical one in flight or fresh, joined) waited for up to <see cref="EndpointRequest.Wait"/>,
    /// with its place in the queue while it is pending.
    /// </summary>
    public async Task<Execution> ResultAsync(string caller, EndpointRequest request, CancellationToken cancellationToken)
    {
        var (endpoint, query) = await VisibleAsync(caller, request.Handle, request.Slug, cancellationToken).ConfigureAwait(false);
        var values = new Dictionary<string, ParameterValue>(endpoint.Parameters, StringComparer.Ordinal);
        var definitions = query.Parameters.DistinctBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, StringComparer.Ordinal);
        foreach (var (name, text) in request.Values)
        {
            if (!definitions.TryGetValue(name, out var definition))
            {
                throw new UseCaseException(UseCaseError.Invalid, $"the query has no parameter named '{Strata.Core.Security.EchoedText.Cut(name)}'");
            }
            values[name] = definition.IsMultiselect
                ? new ParameterValue(ParameterSubstitution.SplitDefaultList(text), true)
                : ParameterValue.Single(text);
        }
        var submit = SavedQueries.ExecutionOf(query, caller, request.Tier, values, saved.MaxSqlBytes) with { MaxAge = endpoint.MaxResultAge };
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var effective = JsonDocument.Parse(submit.Parameters!.ParametersJson()))
        {
            foreach (var p in effective.RootElement.EnumerateObject())
            {
                wanted[p.Name] = p.Value.GetRawText();
            }
        }
        var latest = await saved.LatestRunAsync(query, caller, wanted, cancellationToken).ConfigureAwait(false);
        if (latest is { State: ExecutionState.Completed or ExecutionState.CompletedPartial, EndedAt: { } ended }
            && ended >= time.GetUtcNow() - endpoint.MaxResultAge)
        {
            return latest;
        }
        if (query.IsArchived)
        {
            throw new UseCaseException(UseCaseError.Forbidden, SavedQueries.NotAllowedToExecute);
        }
        var submitted = await executions.SubmitAndWaitAsync(submit, request.Wait, cancellationToken).ConfigureAwait(false);
        return await executions.WithQueuePositionAsync(submitted.Execution, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The endpoint and its query when the caller may see them (its own, or one of a public query), else NotFound.</summary>
    private async Task<(QueryEndpoint Endpoint, SavedQuery Query)> VisibleAsync(string caller, string handle, string slug, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.GetEndpointAsync(Strata.Core.Uploads.UploadNames.LowerAscii(handle.Trim()), Strata.Core.Uploads.UploadNames.LowerAscii(slug.Trim()), cancellationToken).ConfigureAwait(false);
        var query = endpoint is null ? null : await queries.GetQueryAsync(endpoint.QueryId, cancellationToken).ConfigureAwait(false);
        if (endpoint is null || query is null || (query.IsPrivate && endpoint.Owner != caller))
        {
            throw new UseCaseException(UseCaseError.NotFound, NotFoundMessage);
        }
        return (endpoint, query);
    }
}
