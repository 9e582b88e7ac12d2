using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>Refreshes: submit, wait for the execution to end, make its rows the table; recovery after a restart.</summary>
public sealed partial class MaterializedViews
{
    public const string SupersededMessage = "a newer refresh of the view was started; its rows are the ones kept";

    /// <summary>Submits a refresh of the view by its owner; the table is replaced when it completes.</summary>
    public async Task<string> SubmitRefreshAsync(MaterializedView view, PerformanceTier tier, CancellationToken cancellationToken) =>
        (await StartRefreshAsync(view, tier, cancellationToken).ConfigureAwait(false)).ExecutionId;

    /// <summary>
    /// Submits a refresh and returns its execution id with a task that ends when the refresh has been applied:
    /// null when the rows are the table's now, else why not.
    /// </summary>
    /// With <paramref name="idempotency"/>, a second call with the same key returns the first call's execution (a pipeline
    /// node submitted again after a restart).
    public async Task<(string ExecutionId, Task<string?> Applied)> StartRefreshAsync(MaterializedView view, PerformanceTier tier, CancellationToken cancellationToken,
        IdempotencyRequest? idempotency = null)
    {
        var query = await queries.GetExecutableAsync(view.Owner, view.QueryId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        var submitted = await service.SubmitAsync(
            SavedQueries.ExecutionOf(query, view.Owner, tier, new Dictionary<string, Core.Queries.ParameterValue>(), queries.MaxSqlBytes) with { Idempotency = idempotency },
            cancellationToken).ConfigureAwait(false);
        string id = submitted.Execution.Id;
        if (submitted.Reuse == ReuseKind.Idempotent
            && (applying.ContainsKey(id) || (await store.GetViewAsync(view.Owner, view.Name, cancellationToken).ConfigureAwait(false))?.LastExecutionId == id))
        {
            // Submitted and recorded before a restart: follow that refresh (its apply may be running already).
            return (id, FollowRefreshAsync(view, id, stopping.Token));
        }
        await store.RecordRefreshAsync(view.Owner, view.Name, id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogMessages.RefreshSubmitted(logger, view.FullName, id);
        return (id, Track(view, id));
    }

    private Task<string?> Track(MaterializedView view, string executionId)
    {
        var task = Task.Run(() => ApplyWhenEndedAsync(view, executionId, stopping.Token));
        applying[executionId] = task;
        _ = task.ContinueWith(_ => applying.TryRemove(executionId, out Task<string?>? _), TaskScheduler.Default);
        return task;
    }

    /// <summary>Waits for the refresh's execution to end, then replaces the table with its rows (or records why not).</summary>
    private async Task<string?> ApplyWhenEndedAsync(MaterializedView view, string executionId, CancellationToken cancellationToken)
    {
        string? error;
        try
        {
            var execution = await WaitEndedAsync(executionId, cancellationToken).ConfigureAwait(false);
            error = execution switch
            {
                null => "the refresh execution is gone",
                { State: ExecutionState.Completed } => null,
                { State: ExecutionState.CompletedPartial } =>
                    "the refresh's result was cut at the result size limit, so the table keeps its previous rows",
                _ => $"the refresh execution {executionId} ended {execution.State.ToWire()}" + (execution.Error is { } e ? $": {e.Message}" : ""),
            };
            using (await viewLocks.LockAsync(view.Owner + "." + view.Name, cancellationToken).ConfigureAwait(false))
            {
                var current = await store.GetViewAsync(view.Owner, view.Name, cancellationToken).ConfigureAwait(false);
                if (current is null || current.LastExecutionId != executionId)
                {
                    return current is null ? "the view was deleted" : SupersededMessage;
                }
                if (error is null)
                {
                    try
                    {
                        long rows = await tables.ReplaceAsync(current, execution!.ResultKey, cancellationToken).ConfigureAwait(false);
                        LogMessages.RefreshApplied(logger, view.FullName, executionId, rows);
                    }
                    catch (ViewTableException e)
                    {
                        error = e.Message;
                    }
                }
                await store.RecordAppliedAsync(view.Owner, view.Name, executionId, error, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the view stays unapplied and the next start finishes it (RecoverAsync).
            return "the server stopped before the refresh was applied; it is applied at the next start";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogMessages.RefreshError(logger, e, view.FullName, executionId);
            error = "An internal error occurred while replacing the view's table.";
            await store.RecordAppliedAsync(view.Owner, view.Name, executionId, error, CancellationToken.None).ConfigureAwait(false);
        }
        if (error is not null)
        {
            LogMessages.RefreshNotApplied(logger, view.FullName, executionId);
        }
        return error;
    }

    /// <summary>The execution once it is terminal (woken by the worker that ends it, never by polling); null when it is gone.</summary>
    public async Task<Execution?> WaitEndedAsync(string executionId, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Register first, then read: an end between the two is not missed.
            var finished = signals.WhenFinishedAsync(executionId);
            var execution = await executions.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
            if (execution is null || execution.State.IsTerminal())
            {
                // Its end was signalled before this registration (or never will be): drop the registration, else
                // every refresh or pipeline node found already ended kept one for the life of the process.
                signals.Finished(executionId);
                return execution;
            }
            await finished.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The apply of a refresh in flight here (null when applied, else why not); completed when none is.</summary>
    public Task<string?> WhenAppliedAsync(string executionId) =>
        applying.TryGetValue(executionId, out var task) ? task : Task.FromResult<string?>(null);

    /// <summary>
    /// The outcome of a refresh submitted before a restart (a pipeline node resumed): the apply in flight here, else
    /// what the view records: null once its rows are the table's, else why not.
    /// </summary>
    public async Task<string?> FollowRefreshAsync(MaterializedView view, string executionId, CancellationToken cancellationToken)
    {
        if (applying.TryGetValue(executionId, out var inFlight))
        {
            return await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        var current = await store.GetViewAsync(view.Owner, view.Name, cancellationToken).ConfigureAwait(false);
        if (current is null || current.LastExecutionId != executionId)
        {
            return current is null ? "the view was deleted" : SupersededMessage;
        }
        if (current.TableExecutionId == executionId)
        {
            return null;
        }
        var unapplied = await store.ListUnappliedViewsAsync(cancellationToken).ConfigureAwait(false);
        if (unapplied.Any(v => v.Owner == view.Owner && v.Name == view.Name))
        {
            return await (applying.TryGetValue(executionId, out var started) ? started : Track(current, executionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        return current.LastError ?? "the refresh was not applied";
    }

    /// <summary>After a restart (and the executions' own recovery): applies the refreshes that were still in flight.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        await AlignTablePrivacyAsync(cancellationToken).ConfigureAwait(false);
        int count = 0;
        foreach (var view in await store.ListUnappliedViewsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (view.LastExecutionId is { } id)
            {
                _ = Track(view, id);
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// Makes the table of every private view private (start-up). Code before hostile3 set a view's table's privacy only
    /// when a refresh applied, so a view made private whose refresh failed, or had not applied yet when the server
    /// stopped, kept a public table that every owner could read, until its next upsert or applied refresh. Returns how
    /// many tables were made private.
    /// </summary>
    public async Task<int> AlignTablePrivacyAsync(CancellationToken cancellationToken)
    {
        int count = 0;
        foreach (var (owner, name) in await tables.PublicViewTablesAsync(cancellationToken).ConfigureAwait(false))
        {
            using (await viewLocks.LockAsync(owner + "." + name, cancellationToken).ConfigureAwait(false))
            {
                if (await store.GetViewAsync(owner, name, cancellationToken).ConfigureAwait(false) is { IsPrivate: true } view)
                {
                    await tables.SetPrivateAsync(view.Owner, view.Name, true, cancellationToken).ConfigureAwait(false);
                    LogMessages.ViewTableMadePrivate(logger, view.FullName);
                    count++;
                }
            }
        }
        return count;
    }

    /// <summary>Stops waiting for refreshes (shutdown); the next start applies them.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(applying.Values).ConfigureAwait(false);
    }
}
