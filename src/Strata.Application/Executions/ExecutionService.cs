using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Engine;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results;
using Strata.Core.Storage;

namespace Strata.Application.Executions;

/// <summary>
/// The execution use cases: submit (committed to the store before the caller is answered, with reuse
/// and idempotency), read, wait, cancel, and the worker side (recovery, claim, run). Depends on ports
/// only: the execution store, the queue, the signals, the engine catalog, the result store, the table
/// snapshots and the clock.
/// </summary>
public sealed partial class ExecutionService(
    IExecutionStore store,
    IResultStore results,
    IEngineCatalog engines,
    ITableSnapshots tables,
    IStorageQuota storage,
    QueryReferences references,
    IExecutionQueue queue,
    IExecutionSignals signals,
    IOptions<StrataOptions> options,
    TimeProvider time,
    ILogger<ExecutionService> logger,
    Observability.StrataMetrics? metrics = null,
    IReuseLocks? reuseLocks = null)
{
    public const string ShuttingDownMessage = "The server is shutting down and accepts no new executions; submit again once it is back.";
    public const string IdempotencyConflictMessage = "Idempotency-Key was already used with a different request";
    public const string NotFoundMessage = "Execution not found";

    private readonly StrataOptions settings = options.Value;
    private readonly IReuseLocks reuseLocks = reuseLocks ?? new LocalReuseLocks();
    private volatile bool stopping;

    public TierOptions TierOf(PerformanceTier tier) => settings.TierOf(tier);

    /// <summary>Persists and queues a new execution, or returns the one that reuse or idempotency names.</summary>
    public async Task<SubmitResult> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        // Results count against the storage quota: an owner at or over it submits nothing new.
        if (await storage.OverQuotaAsync(request.Owner, cancellationToken).ConfigureAwait(false) is { } overQuota)
        {
            metrics?.Rejected(Observability.StrataMetrics.Reasons.StorageQuota);
            throw new UseCaseException(UseCaseError.Invalid, overQuota);
        }
        var now = time.GetUtcNow();
        string parametersJson = request.Parameters?.ParametersJson() ?? "{}";
        string reuseKey = SqlText.ReuseKey(request.Owner, request.QueryId, request.QueryVersion, request.Sql, parametersJson, request.Dialect);
        if (request.Dialect == SqlDialect.DuneSql)
        {
            reuseKey = await references.ReuseKeyAsync(reuseKey, request.Parameters?.Sql ?? request.Sql, request.Owner, request.QueryId, cancellationToken).ConfigureAwait(false);
        }
        if (request.Idempotency is { } idem)
        {
            var existing = await store.FindIdempotencyAsync(request.Owner, idem.Key, now - TimeSpan.FromHours(24), cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return await FromIdempotencyAsync(existing, idem.RequestHash, cancellationToken).ConfigureAwait(false);
            }
        }
        await using var gate = request.MaxAge is null ? null : await reuseLocks.LockAsync(reuseKey, cancellationToken).ConfigureAwait(false);
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
            Dialect = request.Dialect,
            State = ExecutionState.Pending,
            SubmittedAt = now,
        };
        var record = request.Idempotency is { } i ? new IdempotencyRecord(request.Owner, i.Key, i.RequestHash, execution.Id, now) : null;
        await AdmitAsync(request.Owner, request.Tier, cancellationToken).ConfigureAwait(false);
        bool queued = false;
        try
        {
            var taken = await store.InsertExecutionAsync(execution, record, cancellationToken).ConfigureAwait(false);
            if (taken is not null)
            {
                return await FromIdempotencyAsync(taken, request.Idempotency!.RequestHash, cancellationToken).ConfigureAwait(false);
            }
            LogMessages.Submitted(logger, execution.Id, request.Owner, request.Tier.ToWire());
            await queue.EnqueueAsync(execution.Id, execution.Owner, execution.Tier).ConfigureAwait(false);
            queued = true;
            metrics?.Submitted(execution.Tier);
            return new SubmitResult(execution, ReuseKind.None);
        }
        finally
        {
            if (!queued)
            {
                await queue.CancelReservationAsync(request.Owner, request.Tier).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reserves queue room for one more execution of the owner, or refuses with the reason.</summary>
    private async Task AdmitAsync(string owner, PerformanceTier tier, CancellationToken cancellationToken)
    {
        if (stopping)
        {
            throw new UseCaseException(UseCaseError.Unavailable, ShuttingDownMessage);
        }
        switch (await queue.TryReserveAsync(owner, tier, cancellationToken).ConfigureAwait(false))
        {
            case QueueAdmission.OwnerQuota:
                LogMessages.QuotaRefused(logger, owner, queue.QueuedPerOwner);
                metrics?.Rejected(Observability.StrataMetrics.Reasons.QueuedQuota);
                throw new UseCaseException(UseCaseError.QuotaExceeded,
                    $"queued executions quota exceeded: at most {queue.QueuedPerOwner} per owner (Strata:Quotas:QueuedPerOwner); wait for some to finish or cancel some");
            case QueueAdmission.TierFull:
                metrics?.Rejected(Observability.StrataMetrics.Reasons.TierQueueFull);
                throw new UseCaseException(UseCaseError.Unavailable,
                    $"the {tier.ToWire()} tier queue is full: at most {queue.CapacityPerTier} pending executions (Strata:QueueCapacity); submit again later");
        }
    }

    private async Task<SubmitResult> FromIdempotencyAsync(IdempotencyRecord record, string requestHash, CancellationToken cancellationToken)
    {
        if (record.RequestHash != requestHash)
        {
            throw new UseCaseException(UseCaseError.Conflict, IdempotencyConflictMessage);
        }
        var execution = await store.GetExecutionAsync(record.ExecutionId, cancellationToken).ConfigureAwait(false)
            ?? throw new UseCaseException(UseCaseError.NotFound, NotFoundMessage);
        return new SubmitResult(execution, ReuseKind.Idempotent);
    }

    /// <summary>
    /// Submits (<see cref="SubmitAsync"/>), then waits up to <paramref name="wait"/> for the execution to end
    /// (<see cref="WaitAsync"/>): the execute routes' one call.
    /// </summary>
    public async Task<SubmitResult> SubmitAndWaitAsync(SubmitRequest request, TimeSpan wait, CancellationToken cancellationToken)
    {
        var result = await SubmitAsync(request, cancellationToken).ConfigureAwait(false);
        return result with { Execution = await WaitAsync(result.Execution, wait, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>The caller's execution by id (any case). Invalid for a malformed id, NotFound for another owner's.</summary>
    public async Task<Execution> GetAsync(string owner, string executionId, CancellationToken cancellationToken)
    {
        string id = executionId.ToUpperInvariant();
        if (!ExecutionIds.IsValid(id))
        {
            throw new UseCaseException(UseCaseError.Invalid, $"The requested execution ID (ID: {Strata.Core.Security.EchoedText.Cut(executionId)}) is invalid.");
        }
        var execution = await store.GetExecutionAsync(id, cancellationToken).ConfigureAwait(false);
        if (execution is null || execution.Owner != owner)
        {
            throw new UseCaseException(UseCaseError.NotFound, NotFoundMessage);
        }
        return execution;
    }

    /// <summary>The execution with its true place in the claim order when it is pending.</summary>
    public async Task<Execution> WithQueuePositionAsync(Execution execution, CancellationToken cancellationToken) =>
        execution.State == ExecutionState.Pending && await queue.PositionOfAsync(execution.Id, cancellationToken).ConfigureAwait(false) is int position
            ? execution with { QueuePosition = position }
            : execution;

    /// <summary>
    /// Graceful shutdown has begun: new submissions are refused, and long-poll waiters answer now with
    /// the state as it is, so that requests in flight can finish.
    /// </summary>
    public void StopAccepting()
    {
        stopping = true;
        signals.WakeAll();
    }

    /// <summary>Cancels the caller's execution <paramref name="executionId"/> (<see cref="GetAsync"/>'s refusals). False when it had already ended.</summary>
    public async Task<bool> CancelAsync(string owner, string executionId, CancellationToken cancellationToken) =>
        await CancelAsync(await GetAsync(owner, executionId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>Cancels a pending or running execution. False when it had already ended.</summary>
    public async Task<bool> CancelAsync(Execution execution, CancellationToken cancellationToken)
    {
        if (execution.State.IsTerminal())
        {
            return false;
        }
        bool changed = await store.TryFinishAsync(execution.Id, new ExecutionOutcome(
            ExecutionState.Cancelled, time.GetUtcNow(), Started: execution.State == ExecutionState.Executing || signals.IsRunning(execution.Id)),
            cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            LogMessages.Cancelled(logger, execution.Id);
            metrics?.Finished(execution.Tier, ExecutionState.Cancelled);
            await queue.RemoveAsync(execution.Id, cancellationToken).ConfigureAwait(false);
            await signals.CancelAsync(execution.Id).ConfigureAwait(false);
            signals.Finished(execution.Id);
        }
        return changed;
    }

    /// <summary>The execution as it is when it ends, or when <paramref name="wait"/> runs out (on the clock of this service).</summary>
    public async Task<Execution> WaitAsync(Execution execution, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (execution.State.IsTerminal() || wait <= TimeSpan.Zero)
        {
            return execution;
        }
        // Register first, then re-read: a completion (or a shutdown) between the two is not missed.
        var finished = signals.WhenFinishedAsync(execution.Id);
        var current = await store.GetExecutionAsync(execution.Id, cancellationToken).ConfigureAwait(false) ?? execution;
        if (current.State.IsTerminal() || stopping)
        {
            signals.Finished(execution.Id);
            return current;
        }
        try
        {
            await finished.WaitAsync(wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        return await store.GetExecutionAsync(execution.Id, cancellationToken).ConfigureAwait(false) ?? current;
    }
}
