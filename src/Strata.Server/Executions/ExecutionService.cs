using System.Collections.Concurrent;
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
/// tier in a <see cref="FairQueue"/>, runs them on worker loops, and cancels them. Also the place that
/// wakes long-poll waiters.
/// </summary>
public sealed partial class ExecutionService
{
    private readonly IMetadataStore store;
    private readonly IResultStore results;
    private readonly IQueryEngine engine;
    private readonly StrataOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<ExecutionService> logger;
    private readonly FairQueue queue;
    private volatile bool stopping;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> running = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> finished = new();
    private readonly KeyedLocks reuseLocks = new();

    private readonly Uploads.UploadService uploads;
    private readonly QueryReferences references;

    public ExecutionService(IMetadataStore store, IResultStore results, IQueryEngine engine, Uploads.UploadService uploads, IOptions<StrataOptions> options, IOptions<QuotaOptions> quotas, IOptions<HttpSafetyOptions> safety, TimeProvider time, ILogger<ExecutionService> logger)
    {
        references = new QueryReferences(store, safety.Value.MaxSqlBytes);
        this.uploads = uploads;
        this.store = store;
        this.results = results;
        this.engine = engine;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        var quota = quotas.Value;
        queue = new FairQueue(
            quota.QueuedPerOwner,
            Enum.GetValues<PerformanceTier>().ToDictionary(t => t, t => quota.RunningPerOwnerFor(TierOf(t).Slots)),
            this.options.QueueCapacity);
    }

    public TierOptions TierOf(PerformanceTier tier) => tier == PerformanceTier.Large ? options.Large : options.Medium;

    /// <summary>Persists and queues a new execution, or returns the one that reuse or idempotency names.</summary>
    public async Task<SubmitResult> SubmitAsync(SubmitRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        string parametersJson = request.Parameters?.ParametersJson() ?? "{}";
        string reuseKey = SqlText.ReuseKey(request.Owner, request.QueryId, request.QueryVersion, request.Sql, parametersJson, request.Dialect);
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
            Dialect = request.Dialect,
            State = ExecutionState.Pending,
            SubmittedAt = now,
        };
        var record = request.Idempotency is { } i ? new IdempotencyRecord(request.Owner, i.Key, i.RequestHash, execution.Id, now) : null;
        Admit(request.Owner, request.Tier);
        bool queued = false;
        try
        {
            var taken = await store.InsertExecutionAsync(execution, record, cancellationToken).ConfigureAwait(false);
            if (taken is not null)
            {
                return await FromIdempotencyAsync(taken, request.Idempotency!.RequestHash, cancellationToken).ConfigureAwait(false);
            }
            LogMessages.Submitted(logger, execution.Id, request.Owner, request.Tier.ToWire());
            queue.Enqueue(execution.Id, execution.Owner, execution.Tier, reserved: true);
            queued = true;
            return new SubmitResult(execution, ReuseKind.None);
        }
        finally
        {
            if (!queued)
            {
                queue.CancelReservation(request.Owner, request.Tier);
            }
        }
    }

    /// <summary>Reserves queue room for one more execution of the owner, or refuses with the reason.</summary>
    private void Admit(string owner, PerformanceTier tier)
    {
        if (stopping)
        {
            throw new SubmissionRefusedException(StatusCodes.Status503ServiceUnavailable,
                "The server is shutting down and accepts no new executions; submit again once it is back.");
        }
        switch (queue.TryReserve(owner, tier))
        {
            case FairQueue.Admission.OwnerQuota:
                LogMessages.QuotaRefused(logger, owner, queue.QueuedPerOwner);
                throw new SubmissionRefusedException(StatusCodes.Status429TooManyRequests,
                    $"queued executions quota exceeded: at most {queue.QueuedPerOwner} per owner (Strata:Quotas:QueuedPerOwner); wait for some to finish or cancel some");
            case FairQueue.Admission.TierFull:
                throw new SubmissionRefusedException(StatusCodes.Status503ServiceUnavailable,
                    $"the {tier.ToWire()} tier queue is full: at most {options.QueueCapacity} pending executions (Strata:QueueCapacity); submit again later");
        }
    }

    /// <summary>The execution with its true place in the claim order when it is pending.</summary>
    public Execution WithQueuePosition(Execution execution) =>
        execution.State == ExecutionState.Pending && queue.PositionOf(execution.Id) is int position
            ? execution with { QueuePosition = position }
            : execution;

    /// <summary>
    /// Graceful shutdown has begun: new submissions are refused, and long-poll waiters answer now with
    /// the state as it is, so that requests in flight can finish.
    /// </summary>
    public void StopAccepting()
    {
        stopping = true;
        foreach (var id in finished.Keys)
        {
            Signal(id);
        }
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

    /// <summary>Cancels a pending or running execution. False when it had already ended.</summary>
    public async Task<bool> CancelAsync(Execution execution, CancellationToken cancellationToken)
    {
        bool changed = await store.TryFinishAsync(execution.Id, new ExecutionOutcome(
            ExecutionState.Cancelled, time.GetUtcNow(), Started: execution.State == ExecutionState.Executing || running.ContainsKey(execution.Id)),
            cancellationToken).ConfigureAwait(false);
        if (changed)
        {
            LogMessages.Cancelled(logger, execution.Id);
            queue.Remove(execution.Id);
            if (running.TryGetValue(execution.Id, out var cts))
            {
                try
                {
                    await cts.CancelAsync().ConfigureAwait(false);
                }
                catch (ObjectDisposedException)
                {
                    // The run ended (and disposed its source) between the lookup and the cancel: nothing left to stop.
                }
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
    IdempotencyRequest? Idempotency = null,
    SqlDialect Dialect = SqlDialect.DuneSql);

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

/// <summary>A submission refused before anything was stored (a quota, or a server shutting down).</summary>
public sealed class SubmissionRefusedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>The outcome of a submission.</summary>
public sealed record SubmitResult(Execution? Execution, ReuseKind Reuse, bool IdempotencyConflict = false);
