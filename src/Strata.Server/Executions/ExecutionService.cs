using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results;
using Strata.Core.Storage;
using Strata.Core.Threading;
using Strata.Server.Configuration;

namespace Strata.Server.Executions;

/// <summary>
/// Accepts executions (committed to the metadata store before the caller is answered), queues them per
/// tier, runs them on worker loops, and cancels them. Also the place that wakes long-poll waiters.
/// </summary>
public sealed class ExecutionService
{
    private readonly IMetadataStore store;
    private readonly IResultStore results;
    private readonly IQueryEngine engine;
    private readonly StrataOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<ExecutionService> logger;
    private readonly Dictionary<PerformanceTier, Channel<string>> queues;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> running = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> finished = new();
    private readonly KeyedLocks reuseLocks = new();

    private readonly Uploads.UploadService uploads;

    public ExecutionService(IMetadataStore store, IResultStore results, IQueryEngine engine, Uploads.UploadService uploads, IOptions<StrataOptions> options, TimeProvider time, ILogger<ExecutionService> logger)
    {
        this.uploads = uploads;
        this.store = store;
        this.results = results;
        this.engine = engine;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        queues = Enum.GetValues<PerformanceTier>().ToDictionary(
            t => t,
            _ => Channel.CreateBounded<string>(new BoundedChannelOptions(this.options.QueueCapacity) { SingleWriter = false, SingleReader = false }));
    }

    public TierOptions TierOf(PerformanceTier tier) => tier == PerformanceTier.Large ? options.Large : options.Medium;

    /// <summary>Persists and queues a new execution, or returns the one that reuse or idempotency names.</summary>
    public async Task<SubmitResult> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string parametersJson = request.Parameters?.ParametersJson() ?? "{}";
        string reuseKey = SqlText.ReuseKey(request.Owner, request.QueryId, request.QueryVersion, request.Sql, parametersJson);
        if (request.Idempotency is { } idem)
        {
            var existing = await store.FindIdempotencyAsync(request.Owner, idem.Key, now - TimeSpan.FromHours(24), cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return await FromIdempotencyAsync(existing, idem.RequestHash, cancellationToken).ConfigureAwait(false);
            }
        }
        using var gate = request.MaxAge is null ? null : await reuseLocks.LockAsync(reuseKey, cancellationToken).ConfigureAwait(false);
        if (request.MaxAge is { } maxAge)
        {
            var reusable = await store.FindReusableAsync(reuseKey, now - maxAge, cancellationToken).ConfigureAwait(false);
            if (reusable is not null)
            {
                return new SubmitResult(reusable, reusable.State.IsTerminal() ? ReuseKind.Result : ReuseKind.InFlight);
            }
        }
        var execution = new Execution
        {
            Id = ExecutionIds.New(now),
            Owner = request.Owner,
            QueryId = request.QueryId,
            QueryVersion = request.QueryVersion,
            Sql = request.Parameters?.Sql ?? request.Sql,
            SourceSql = request.Parameters is null ? null : request.Sql,
            PositionMap = request.Parameters?.Spans.Count > 0 ? request.Parameters.Spans : null,
            ParametersJson = request.Parameters is null ? null : parametersJson,
            ReuseKey = reuseKey,
            Tier = request.Tier,
            State = ExecutionState.Pending,
            SubmittedAt = now,
        };
        var record = request.Idempotency is { } i ? new IdempotencyRecord(request.Owner, i.Key, i.RequestHash, execution.Id, now) : null;
        var taken = await store.InsertExecutionAsync(execution, record, cancellationToken).ConfigureAwait(false);
        if (taken is not null)
        {
            return await FromIdempotencyAsync(taken, request.Idempotency!.RequestHash, cancellationToken).ConfigureAwait(false);
        }
        LogMessages.Submitted(logger, execution.Id, request.Owner, request.Tier.ToWire());
        await queues[request.Tier].Writer.WriteAsync(execution.Id, CancellationToken.None).ConfigureAwait(false);
        return new SubmitResult(execution, ReuseKind.None);
    }

    private async Task<SubmitResult> FromIdempotencyAsync(IdempotencyRecord record, string requestHash, CancellationToken cancellationToken)
    {
        if (record.RequestHash != requestHash)
        {
            return new SubmitResult(null, ReuseKind.None, IdempotencyConflict: true);
        }
        var execution = await store.GetExecutionAsync(record.ExecutionId, cancellationToken).ConfigureAwait(false);
        return new SubmitResult(execution, ReuseKind.Idempotent);
    }

    /// <summary>Re-queues what a previous process left unfinished. Runs before the workers start.</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        results.RemoveIncomplete();
        int pending = 0, requeued = 0;
        foreach (var execution in await store.ListUnfinishedAsync(cancellationToken).ConfigureAwait(false))
        {
            if (execution.State == ExecutionState.Executing)
            {
                if (execution.Attempts >= 2)
                {
                    LogMessages.GaveUp(logger, execution.Id);
                    await store.TryFinishAsync(execution.Id, new ExecutionOutcome(
                        ExecutionState.Failed,
                        time.GetUtcNow(),
                        Error: new ExecutionError(ExecutionError.ExecutionFailed,
                            "The execution was interrupted twice by a server stop while it ran, and was not run a third time.")),
                        cancellationToken).ConfigureAwait(false);
                    continue;
                }
                await store.RequeueAsync(execution.Id, cancellationToken).ConfigureAwait(false);
                requeued++;
            }
            else
            {
                pending++;
            }
            await queues[execution.Tier].Writer.WriteAsync(execution.Id, cancellationToken).ConfigureAwait(false);
        }
        LogMessages.Recovered(logger, pending, requeued);
    }

    /// <summary>Cancels a pending or running execution. False when it had already ended.</summary>
    public async Task<bool> CancelAsync(Execution execution, CancellationToken cancellationToken)
    {
        bool changed = await store.TryFinishAsync(execution.Id, new ExecutionOutcome(
            ExecutionState.Cancelled, time.GetUtcNow(), Started: execution.State == ExecutionState.Executing || running.ContainsKey(execution.Id)),
            cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            LogMessages.Cancelled(logger, execution.Id);
            if (running.TryGetValue(execution.Id, out var cts))
            {
                await cts.CancelAsync().ConfigureAwait(false);
            }
            Signal(execution.Id);
        }
        return changed;
    }

    /// <summary>Completes when the execution reaches a terminal state (or, if it already has, at once).</summary>
    public Task WhenFinishedAsync(string executionId) =>
        finished.GetOrAdd(executionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Completes the waiters of an execution (used when a waiter finds it already terminal).</summary>
    public void Wake(string executionId) => Signal(executionId);

    private void Signal(string executionId)
    {
        if (finished.TryRemove(executionId, out var tcs))
        {
            tcs.TrySetResult();
        }
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

    /// <summary>One worker loop; a tier runs as many as it has slots.</summary>
    public async Task RunWorkerAsync(PerformanceTier tier, CancellationToken stoppingToken)
    {
        var reader = queues[tier].Reader;
        while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var id))
            {
                await RunOneAsync(id, tier, stoppingToken).ConfigureAwait(false);
                if (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private async Task RunOneAsync(string id, PerformanceTier tier, CancellationToken stoppingToken)
    {
        var execution = await store.GetExecutionAsync(id, stoppingToken).ConfigureAwait(false);
        if (execution is null || execution.State != ExecutionState.Pending)
        {
            return;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        running[id] = cts;
        try
        {
            var startedAt = time.GetUtcNow();
            if (!await store.TryStartAsync(id, startedAt, stoppingToken).ConfigureAwait(false))
            {
                return;
            }
            var tierOptions = TierOf(tier);
            using var timeout = new CancellationTokenSource(tierOptions.Timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cts.Token, timeout.Token);
            ExecutionOutcome outcome;
            try
            {
                // The tables this owner may read, as of now; their files stay until the run ends.
                var (tables, lease) = await uploads.SnapshotAsync(execution.Owner, linked.Token).ConfigureAwait(false);
                using var heldFiles = lease;
                var result = await engine.ExecuteAsync(
                    new EngineRequest(id, execution.Sql, execution.Owner, tier, options.MaxResultBytes, tables),
                    schema => results.CreateWriter(id, schema),
                    linked.Token).ConfigureAwait(false);
                var endedAt = time.GetUtcNow();
                outcome = new ExecutionOutcome(
                    result.Truncated ? ExecutionState.CompletedPartial : ExecutionState.Completed,
                    endedAt,
                    ExpiresAt: endedAt + options.ResultRetention,
                    Result: new ResultInfo(result.Schema.ColumnNames, result.Schema.ColumnTypes, result.RowCount, result.ResultBytes));
                LogMessages.Ended(logger, id, outcome.State.ToWire(), (long)(endedAt - startedAt).TotalMilliseconds, result.RowCount);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Server stopping: the execution stays EXECUTING and recovery runs it again at the next start.
                return;
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cts.IsCancellationRequested)
            {
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: new ExecutionError(
                    ExecutionError.Timeout, $"Query exceeded the execution timeout of {tierOptions.Timeout} for the {tier.ToWire()} tier."));
                LogMessages.Failed(logger, id, ExecutionError.Timeout);
            }
            catch (OperationCanceledException)
            {
                // Cancelled by the user: CancelAsync has already recorded it.
                results.Delete(id);
                return;
            }
            catch (QueryFailedException e)
            {
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: MapPosition(execution, e.Error));
                LogMessages.Failed(logger, id, e.Error.Type);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogMessages.InternalError(logger, e, id);
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: new ExecutionError(
                    ExecutionError.ExecutionFailed, "An internal error occurred while running the query."));
            }
            if (!await store.TryFinishAsync(id, outcome, CancellationToken.None).ConfigureAwait(false))
            {
                // Cancelled while finishing: no result may outlive a cancelled execution.
                results.Delete(id);
            }
        }
        finally
        {
            running.TryRemove(id, out _);
            Signal(id);
        }
    }
}

/// <summary>What to run: ad-hoc SQL (query id 0) or a saved query's SQL with its parameters applied.</summary>
public sealed record SubmitRequest(
    string Owner,
    string Sql,
    PerformanceTier Tier,
    long QueryId = 0,
    int? QueryVersion = null,
    ParameterSubstitution.Substituted? Parameters = null,
    TimeSpan? MaxAge = null,
    IdempotencyRequest? Idempotency = null);

/// <summary>An Idempotency-Key header and the hash of the request it came with.</summary>
public sealed record IdempotencyRequest(string Key, string RequestHash);

/// <summary>How a submission was answered.</summary>
public enum ReuseKind
{
    /// <summary>A new execution was started.</summary>
    None,
    /// <summary>A completed execution within max_age_hours was returned.</summary>
    Result,
    /// <summary>An identical execution already in flight was joined.</summary>
    InFlight,
    /// <summary>The execution an earlier request with the same Idempotency-Key started.</summary>
    Idempotent,
}

/// <summary>The outcome of a submission.</summary>
public sealed record SubmitResult(Execution? Execution, ReuseKind Reuse, bool IdempotencyConflict = false);
