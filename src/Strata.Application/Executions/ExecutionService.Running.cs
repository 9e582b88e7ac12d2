using Microsoft.Extensions.Logging;
using Strata.Application.Queries;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Application.Executions;

/// <summary>Worker loops, one run, restart recovery and the hand-back of running executions at shutdown.</summary>
public sealed partial class ExecutionService
{
    /// <summary>Runs of one execution: the first, and one more after a graceful stop interrupted it.</summary>
    public const int MaxAttempts = 2;

    public const string CrashSuspectedMessage =
        "The server stopped abnormally while this execution was running, so it may have caused the stop; it was not run again. Submit it again to retry.";

    public const string StoppedTwiceMessage =
        "The server was shut down twice while this execution was running; it was not run a third time. Submit it again to retry.";

    /// <summary>The failure of a run the engine stopped when nobody cancelled it (an interrupt it raised itself).</summary>
    public const string EngineStoppedMessage =
        "The query engine stopped this query although nobody cancelled it and no limit was reached; the query failed. "
        + "Running it again may fail the same way: build smaller values.";

    public const string DiskFullMessage =
        "disk full: the server ran out of disk space while writing the result, which was discarded. Try again later or with a smaller result.";

    /// <summary>
    /// Restores the queue from the store before the workers start. Graceful shutdowns hand running
    /// executions back (PENDING), so one still EXECUTING means the process died while it ran (kill -9,
    /// a crash, the OOM killer): it may be the cause, so it fails instead of running again.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RecoverQueueAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            recovered.TrySetResult();
        }
    }

    /// <summary>Completes once <see cref="RecoverAsync"/> has run: what waits for executions to end starts after it.</summary>
    public Task Recovered => recovered.Task;

    private readonly TaskCompletionSource recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task RecoverQueueAsync(CancellationToken cancellationToken)
    {
        var unfinished = await store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false);
        if (queue.SharedAcrossNodes)
        {
            // Other nodes may be writing results of their executions in flight right now.
            results.RemoveIncomplete(unfinished.Select(e => e.Id).ToHashSet(StringComparer.Ordinal));
        }
        else
        {
            results.RemoveIncomplete();
        }
        int pending = 0, crashed = 0;
        foreach (var execution in unfinished)
        {
            if (execution.State == ExecutionState.Executing && !queue.SharedAcrossNodes)
            {
                LogMessages.CrashSuspected(logger, execution.Id);
                results.Delete(execution.Id);
                await store.TryFinishAsync(execution.Id, new ExecutionOutcome(
                    ExecutionState.Failed,
                    time.GetUtcNow(),
                    Error: new ExecutionError(ExecutionError.ExecutionFailed, CrashSuspectedMessage)),
                    cancellationToken).ConfigureAwait(false);
                metrics?.Finished(execution.Tier, ExecutionState.Failed);
                crashed++;
                continue;
            }
            await queue.RequeueAsync(execution.Id, execution.Owner, execution.Tier).ConfigureAwait(false);
            pending++;
        }
        LogMessages.Recovered(logger, pending, crashed);
    }

    /// <summary>One worker loop; a tier runs as many as it has slots. Ends when the token fires.</summary>
    public async Task RunWorkerAsync(PerformanceTier tier, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            string id;
            try
            {
                id = await queue.ClaimAsync(tier, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            try
            {
                await RunOneAsync(id, tier, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopped before it started: it is still PENDING in the store and the next start queues it.
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A store failure around one run must not end the loop and lose the slot.
                LogMessages.InternalError(logger, e, id);
            }
            finally
            {
                await queue.CompleteAsync(id).ConfigureAwait(false);
            }
        }
    }

    private async Task RunOneAsync(string id, PerformanceTier tier, CancellationToken stoppingToken)
    {
        var execution = await store.GetExecutionAsync(id, stoppingToken).ConfigureAwait(false);
        if (execution?.State == ExecutionState.Executing)
        {
            // Claimed while EXECUTING: the node that ran it stopped renewing its claim (it died).
            execution = await TakeOverAsync(execution, tier, stoppingToken).ConfigureAwait(false);
        }
        if (execution is null || execution.State != ExecutionState.Pending)
        {
            return;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var registration = signals.Running(id, cts);
        try
        {
            var startedAt = time.GetUtcNow();
            if (!await store.TryStartAsync(id, startedAt, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
            metrics?.Started(tier, startedAt - execution.SubmittedAt);
            using var stopped = new RunStopped(metrics, tier);
            int attempt = execution.Attempts + 1;
            // In a cluster this run's files are its own (ResultKeys): a run of this execution another node may start
            // once this one loses its claim never shares a file name with it.
            string? run = queue.SharedAcrossNodes ? ResultKeys.NewRun() : null;
            string key = ResultKeys.Of(id, run);
            LogMessages.Started(logger, id, attempt);
            var tierOptions = TierOf(tier);
            using var timeout = new CancellationTokenSource(tierOptions.Timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, timeout.Token);
            ExecutionOutcome outcome;
            QueryReferences.Expansion? expansion = null;
            try
            {
                // The tables this owner may read, as of now; their files stay until the run ends.
                var (visible, lease) = await RetryWhileClaimedAsync(id, () => tables.SnapshotAsync(execution.Owner, linked.Token), LogMessages.RunWaitsForMetadata, null, linked.Token).ConfigureAwait(false);
                using var heldFiles = lease;
                // DuneSQL query views (query_<id>) are read now, as of this run, with the caller's rights.
                if (execution.Dialect == SqlDialect.DuneSql)
                {
                    expansion = await RetryWhileClaimedAsync(id, () => references.ExpandAsync(execution.Sql, execution.Owner, execution.QueryId, linked.Token), LogMessages.RunWaitsForMetadata, null, linked.Token).ConfigureAwait(false);
                }
                var result = await engines.EngineFor(tier, execution.Dialect).ExecuteAsync(
                    new EngineRequest(id, expansion?.Sql ?? execution.Sql, execution.Owner, tier, settings.MaxResultBytes, visible, execution.Dialect),
                    schema => results.CreateWriter(key, schema),
                    linked.Token).ConfigureAwait(false);
                var endedAt = time.GetUtcNow();
                outcome = new ExecutionOutcome(
                    result.Truncated ? ExecutionState.CompletedPartial : ExecutionState.Completed,
                    endedAt,
                    ExpiresAt: endedAt + settings.ResultRetention,
                    Result: new ResultInfo(result.Schema.ColumnNames, result.Schema.ColumnTypes, result.RowCount, result.ResultBytes) { Run = run },
                    // Whether anyone but the runner may be served this run (a public query's latest result): not when the
                    // sandbox showed a private table of the runner or a private query of theirs was inlined.
                    RunnerPrivate: result.ShowedPrivate || expansion?.ReadPrivateQuery == true);
                LogMessages.Ended(logger, id, outcome.State.ToWire(), (long)(endedAt - startedAt).TotalMilliseconds, result.RowCount);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await HandBackAsync(id, key, execution.Owner, attempt, tier).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cts.IsCancellationRequested)
            {
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: new ExecutionError(
                    ExecutionError.Timeout, $"Query exceeded the execution timeout of {tierOptions.Timeout} for the {tier.ToWire()} tier."));
                LogMessages.Failed(logger, id, ExecutionError.Timeout);
            }
            catch (OperationCanceledException) when (!linked.IsCancellationRequested)
            {
                // Nobody asked for it (no cancel, no lost claim, no timeout, no shutdown): the engine stopped the run by itself.
                // Left to the catch below, the execution stayed EXECUTING for ever with its slot freed (hostile37: a worker
                // answered "cancelled" for a constant transform of 30 million elements seconds after it started).
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: new ExecutionError(
                    ExecutionError.ExecutionFailed, EngineStoppedMessage));
                LogMessages.Failed(logger, id, ExecutionError.ExecutionFailed);
            }
            catch (OperationCanceledException)
            {
                // Cancelled by the user (CancelAsync has already recorded it), or this node lost its claim: this run's
                // files go, never those of a run another node started since.
                results.Delete(key);
                LogMessages.RunStopped(logger, id);
                return;
            }
            catch (MetadataUnavailableException) when (queue.SharedAcrossNodes)
            {
                // The metadata database stayed away past this node's claim: the run is another node's to take over.
                results.Delete(key);
                LogMessages.RunDroppedMetadataAway(logger, id);
                return;
            }
            catch (Exception e) when (DiskFull.Is(e))
            {
                // Free the space first: the store needs some to record the failure.
                results.Delete(key);
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: new ExecutionError(ExecutionError.ExecutionFailed, DiskFullMessage));
                LogMessages.DiskFull(logger, id);
            }
            catch (QueryFailedException e)
            {
                var error = expansion is null ? e.Error : expansion.MapBack(e.Error, execution.Sql);
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: MapPosition(execution, error));
                LogMessages.Failed(logger, id, e.Error.Type);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogMessages.InternalError(logger, e, id);
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: new ExecutionError(
                    ExecutionError.ExecutionFailed, "An internal error occurred while running the query."));
            }
            if (!await RetryWhileClaimedAsync(
                id, () => store.TryFinishAsync(id, outcome, CancellationToken.None), LogMessages.EndNotRecordedYet, LogMessages.EndRecordedLate, CancellationToken.None)
                .ConfigureAwait(false))
            {
                // Cancelled while finishing (no result may outlive a cancelled execution), or, in a cluster, this node's
                // claim lapsed or was taken over: the end is not this run's to record, and its output is discarded.
                results.Delete(key);
                LogMessages.EndRefused(logger, id);
            }
            else
            {
                metrics?.Finished(tier, outcome.State, outcome.EndedAt - startedAt, outcome.Result?.ResultSetBytes ?? 0);
            }
        }
        finally
        {
            registration.Dispose();
            signals.Finished(id);
        }
    }

    /// <summary>
    /// One step of a run against the metadata database that an outage (a restart, a failover) must not fail: what the
    /// run reads before it starts (the tables it may see, the query views it inlines) and the record of its end. When
    /// the database is away the step is tried again, waiting 100 ms doubling to 1 s, for as long as this node holds the
    /// claim and <paramref name="cancellationToken"/> is not cancelled; <paramref name="waiting"/> is logged at the
    /// first failure and <paramref name="late"/> (if any) once the step succeeds after one. Past the claim, the failure
    /// stands: a read's failure drops the run; an end not recorded leaves the execution to be taken over as a run
    /// whose node died (once the database is back within the claim, the end is recorded, not run again elsewhere).
    /// </summary>
    private async Task<T> RetryWhileClaimedAsync<T>(
        string id, Func<Task<T>> step, Action<ILogger, string> waiting, Action<ILogger, string>? late, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        bool logged = false;
        while (true)
        {
            try
            {
                T value = await step().ConfigureAwait(false);
                if (logged)
                {
                    late?.Invoke(logger, id);
                }
                return value;
            }
            catch (MetadataUnavailableException) when (queue.HoldsClaim(id) && !cancellationToken.IsCancellationRequested)
            {
                if (!logged)
                {
                    waiting(logger, id);
                    logged = true;
                }
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));
            }
        }
    }

    /// <summary>
    /// The crash rule for an execution whose node died while running it: it may be the cause, so it runs
    /// again only while it has attempts left (<see cref="MaxAttempts"/>); otherwise it fails as a crash
    /// suspect. The dead run's files are removed either way. Returns null: a run again is a new claim.
    /// Taken from a node still alive (it stopped its run without recording an end), the run was no crash: the queue
    /// has not counted it as an attempt, and its files are that node's to remove (it may still be discarding them).
    /// </summary>
    private async Task<Execution?> TakeOverAsync(Execution execution, PerformanceTier tier, CancellationToken cancellationToken)
    {
        if (queue.TakenFromLiveNode(execution.Id))
        {
            LogMessages.TakenFromLiveNode(logger, execution.Id, execution.Attempts);
            await store.RequeueAsync(execution.Id, cancellationToken).ConfigureAwait(false);
            await queue.RequeueAsync(execution.Id, execution.Owner, tier).ConfigureAwait(false);
            return null;
        }
        results.Delete(execution.Id);
        results.RemoveIncomplete(execution.Id);
        if (execution.Attempts >= MaxAttempts)
        {
            LogMessages.CrashSuspected(logger, execution.Id);
            if (await store.TryFinishAsync(execution.Id, new ExecutionOutcome(
                ExecutionState.Failed,
                time.GetUtcNow(),
                Error: new ExecutionError(ExecutionError.ExecutionFailed, CrashSuspectedMessage)),
                CancellationToken.None).ConfigureAwait(false))
            {
                metrics?.Finished(tier, ExecutionState.Failed);
            }
            signals.Finished(execution.Id);
            return null;
        }
        LogMessages.TakenOver(logger, execution.Id, execution.Attempts);
        // Back to PENDING and free: the next claim (on any node) runs it as its next attempt.
        await store.RequeueAsync(execution.Id, cancellationToken).ConfigureAwait(false);
        await queue.RequeueAsync(execution.Id, execution.Owner, tier).ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// A graceful stop interrupted the run: back to PENDING for the next start, unless this was its
    /// last attempt. Written with no token, since the stopping one has fired.
    /// </summary>
    private async Task HandBackAsync(string id, string key, string owner, int attempt, PerformanceTier tier)
    {
        results.Delete(key);
        if (attempt >= MaxAttempts)
        {
            await store.TryFinishAsync(id, new ExecutionOutcome(
                ExecutionState.Failed,
                time.GetUtcNow(),
                Error: new ExecutionError(ExecutionError.ExecutionFailed, StoppedTwiceMessage)),
                CancellationToken.None).ConfigureAwait(false);
            metrics?.Finished(tier, ExecutionState.Failed);
            LogMessages.GaveUp(logger, id);
            return;
        }
        await store.RequeueAsync(id, CancellationToken.None).ConfigureAwait(false);
        // A shared queue releases this node's claim, so that a node still running takes it.
        await queue.RequeueAsync(id, owner, tier).ConfigureAwait(false);
        LogMessages.HandedBack(logger, id);
    }

    /// <summary>An error position in substituted SQL, mapped back to the SQL the user wrote.</summary>
    private static ExecutionError MapPosition(Execution execution, ExecutionError error)
    {
        if (error.Line is not int line || error.Column is not int column || execution.SourceSql is not { } source || execution.PositionMap is not { } map)
        {
            return error;
        }
        var substituted = new ParameterSubstitution.Substituted(execution.Sql, new Dictionary<string, IReadOnlyList<string>>(), map);
        int original = substituted.MapBack(ParameterSubstitution.OffsetOf(execution.Sql, line, column));
        var (l, c) = ParameterSubstitution.LineColumnOf(source, original);
        return error with { Line = l, Column = c };
    }

    /// <summary>Counts a run as over when its scope ends, however it ends.</summary>
    private readonly struct RunStopped(Observability.StrataMetrics? metrics, PerformanceTier tier) : IDisposable
    {
        public void Dispose() => metrics?.Stopped(tier);
    }

    /// <summary>Marks executions whose results expired as EXPIRED and deletes their files; returns how many.</summary>
    public async Task<int> ExpireResultsAsync(CancellationToken cancellationToken)
    {
        var expired = await store.ExpireAsync(time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        foreach (var key in expired)
        {
            results.Delete(key);
        }
        if (expired.Count > 0)
        {
            LogMessages.Expired(logger, expired.Count);
        }
        return expired.Count;
    }
}
