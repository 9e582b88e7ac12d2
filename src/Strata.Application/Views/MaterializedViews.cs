using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Core.Threading;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>What an upsert asks for.</summary>
public sealed record ViewUpsert(string? Name, long QueryId, PerformanceTier Tier, string? Cron, bool? IsPrivate);

/// <summary>
/// A view with its table's size and its next scheduled run. <see cref="QueryShown"/> is false when the reader may not
/// see the view's query (another owner's public view of a private query): its id and runs are then not shown.
/// </summary>
public sealed record ViewDetails(MaterializedView View, long TableBytes, long TableRows, DateTimeOffset? NextRunAt, bool QueryShown = true);

/// <summary>
/// The materialized view use cases: upsert, read, list, delete and refresh. A refresh is an ordinary
/// execution of the view's query by its owner; when it completes, its rows replace the view's table in
/// one commit (<see cref="IViewTables"/>). Who waits for that is this service, not the caller, so a
/// refresh requested over HTTP, by the schedule or by a pipeline ends the same way, and
/// <see cref="RecoverAsync"/> picks up refreshes a restart interrupted.
/// </summary>
public sealed partial class MaterializedViews(
    IViewStore store,
    IExecutionStore executions,
    IExecutionSignals signals,
    SavedQueries queries,
    ExecutionService service,
    IViewTables tables,
    TimeProvider time,
    ILogger<MaterializedViews> logger,
    Observability.StrataMetrics? metrics = null)
{
    public const string NotOwner = "Not allowed: only the owner of a materialized view may change or refresh it";

    /// <summary>Views one owner may have: each is a table and, with a schedule, a refresh the server runs for ever.</summary>
    public const int MaxPerOwner = 1000;

    private readonly ConcurrentDictionary<string, Task<string?>> applying = new(StringComparer.Ordinal);
    private readonly KeyedLocks viewLocks = new();
    private readonly CancellationTokenSource stopping = new();

    /// <summary>Creates or updates the caller's view of a saved query it may run, and starts its first refresh.</summary>
    public async Task<(MaterializedView View, string ExecutionId)> UpsertAsync(string caller, ViewUpsert request, CancellationToken cancellationToken)
    {
        var (owner, name) = ViewNames.Resolve(caller, request.Name);
        if (owner != caller)
        {
            throw new UseCaseException(UseCaseError.Invalid, $"A materialized view is created under your own handle: give result_<name> or dune.{caller}.result_<name>");
        }
        var now = time.GetUtcNow();
        string? cron = request.Cron is { } text && text.Trim().Length > 0 ? CronSchedule.Parse(text, now).Text.Trim() : null;
        var query = await queries.GetExecutableAsync(caller, request.QueryId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        using (await viewLocks.LockAsync(owner + "." + name, cancellationToken).ConfigureAwait(false))
        {
            var existing = await store.GetViewAsync(owner, name, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.QueryId != query.Id)
            {
                throw new UseCaseException(UseCaseError.Invalid,
                    $"Materialized view {existing.FullName} already exists for query {existing.QueryId}; delete it first or choose another name");
            }
            if (existing is null && (await store.ListViewsAsync(owner, 1, 0, cancellationToken).ConfigureAwait(false)).Total >= MaxPerOwner)
            {
                metrics?.Rejected(Observability.StrataMetrics.Reasons.ViewsQuota);
                throw new UseCaseException(UseCaseError.QuotaExceeded,
                    $"materialized view quota exceeded: at most {MaxPerOwner} per owner; delete some first");
            }
            if (existing is null && await tables.ExistsAsync(owner, name, cancellationToken).ConfigureAwait(false))
            {
                throw new UseCaseException(UseCaseError.Conflict,
                    $"Table dune.{owner}.{name} exists and is not a materialized view (an upload); delete it first or choose another name");
            }
            var view = await store.UpsertViewAsync(new MaterializedView
            {
                Owner = owner,
                Name = name,
                QueryId = query.Id,
                IsPrivate = request.IsPrivate ?? query.IsPrivate,
                Tier = request.Tier,
                Cron = cron,
                CreatedAt = now,
                UpdatedAt = now,
            }, cancellationToken).ConfigureAwait(false);
            if (existing is not null && existing.IsPrivate != view.IsPrivate)
            {
                // The table keeps the rows of the last refresh until the next one applies (or for good, when it fails):
                // it takes the view's privacy now, so a view made private is never left readable by others.
                await tables.SetPrivateAsync(owner, name, view.IsPrivate, cancellationToken).ConfigureAwait(false);
            }
            LogMessages.ViewUpserted(logger, view.FullName, view.QueryId);
            string executionId = await SubmitRefreshAsync(view, request.Tier, cancellationToken).ConfigureAwait(false);
            return (view, executionId);
        }
    }

    /// <summary>A view the caller may see (its own, or a public one); anything else is NotFound.</summary>
    public async Task<MaterializedView> GetVisibleAsync(string caller, string? name, CancellationToken cancellationToken)
    {
        var (owner, table) = ViewNames.Resolve(caller, name);
        var view = await store.GetViewAsync(owner, table, cancellationToken).ConfigureAwait(false);
        if (view is null || (view.IsPrivate && view.Owner != caller))
        {
            throw new UseCaseException(UseCaseError.NotFound, ViewNames.NotFound);
        }
        return view;
    }

    /// <summary>The caller's own view; another owner's public one is Forbidden, a private one NotFound.</summary>
    public async Task<MaterializedView> GetOwnedAsync(string caller, string? name, CancellationToken cancellationToken)
    {
        var view = await GetVisibleAsync(caller, name, cancellationToken).ConfigureAwait(false);
        return view.Owner == caller ? view : throw new UseCaseException(UseCaseError.Forbidden, NotOwner);
    }

    /// <summary>
    /// The view the caller may read (<see cref="GetVisibleAsync"/>) with its table's size and its next scheduled run.
    /// Why a refresh failed is its owner's alone: the message is the engine's, and it can quote values of what the
    /// view's query read (a private table's value in a conversion error, hostile12) that never reach the view's rows.
    /// Another owner sees the view's query id and runs only when it may see that query (hostile14): a public view of a
    /// private query publishes its rows, not the query.
    /// </summary>
    public async Task<ViewDetails> ReadAsync(string caller, string? name, CancellationToken cancellationToken)
    {
        var view = await GetVisibleAsync(caller, name, cancellationToken).ConfigureAwait(false);
        if (view.Owner == caller)
        {
            return await DetailsAsync(view, cancellationToken).ConfigureAwait(false);
        }
        bool queryShown = await queries.IsVisibleAsync(caller, view.QueryId, cancellationToken).ConfigureAwait(false);
        var details = await DetailsAsync(view with { LastError = null }, cancellationToken).ConfigureAwait(false);
        return details with { QueryShown = queryShown };
    }

    /// <summary>The view's table size and next scheduled run.</summary>
    public async Task<ViewDetails> DetailsAsync(MaterializedView view, CancellationToken cancellationToken)
    {
        var size = await tables.SizeAsync(view.Owner, view.Name, cancellationToken).ConfigureAwait(false);
        DateTimeOffset? next = view.Cron is { } cron
            ? CronSchedule.ParseUnchecked(cron).NextAfter(Max(view.ClaimedSlot ?? view.CreatedAt, time.GetUtcNow()))
            : null;
        return new ViewDetails(view, size?.Bytes ?? 0, size?.Rows ?? 0, next);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The caller's views, by name.</summary>
    public async Task<(IReadOnlyList<ViewDetails> Views, long Total)> ListAsync(string caller, int limit, int offset, CancellationToken cancellationToken)
    {
        var (views, total) = await store.ListViewsAsync(caller, limit, offset, cancellationToken).ConfigureAwait(false);
        var details = new List<ViewDetails>(views.Count);
        foreach (var view in views)
        {
            details.Add(await DetailsAsync(view, cancellationToken).ConfigureAwait(false));
        }
        return (details, total);
    }

    /// <summary>Deletes the caller's view and its table.</summary>
    public async Task<MaterializedView> DeleteAsync(string caller, string? name, CancellationToken cancellationToken)
    {
        var view = await GetOwnedAsync(caller, name, cancellationToken).ConfigureAwait(false);
        using (await viewLocks.LockAsync(view.Owner + "." + view.Name, cancellationToken).ConfigureAwait(false))
        {
            await store.DeleteViewAsync(view.Owner, view.Name, cancellationToken).ConfigureAwait(false);
            await tables.DropAsync(view.Owner, view.Name, cancellationToken).ConfigureAwait(false);
        }
        LogMessages.ViewDeleted(logger, view.FullName);
        return view;
    }

    /// <summary>Starts a refresh of the caller's view; returns its execution id.</summary>
    public async Task<(MaterializedView View, string ExecutionId)> RefreshAsync(string caller, string? name, PerformanceTier tier, CancellationToken cancellationToken)
    {
        var view = await GetOwnedAsync(caller, name, cancellationToken).ConfigureAwait(false);
        return (view, await SubmitRefreshAsync(view, tier, cancellationToken).ConfigureAwait(false));
    }
}
