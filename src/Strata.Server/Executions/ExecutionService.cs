using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;
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

    public ExecutionService(IMetadataStore store, IResultStore results, IQueryEngine engine, IOptions<StrataOptions> options, TimeProvider time, ILogger<ExecutionService> logger)
    {
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

    /// <summary>Persists and queues a new execution; returns it once it is durable.</summary>
    public async Task<Execution> SubmitAsync(string owner, string sql, PerformanceTier tier, long queryId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var execution = new Execution
        {
            Id = ExecutionIds.New(now),
            Owner = owner,
            QueryId = queryId,
            Sql = sql,
            Tier = tier,
            State = ExecutionState.Pending,
            SubmittedAt = now,
        };
        await store.InsertExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
        LogMessages.Submitted(logger, execution.Id, owner, tier.ToWire());
        await queues[tier].Writer.WriteAsync(execution.Id, CancellationToken.None).ConfigureAwait(false);
        return execution;
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
                var result = await engine.ExecuteAsync(
                    new EngineRequest(id, execution.Sql, execution.Owner, tier, options.MaxResultBytes),
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
                outcome = new ExecutionOutcome(ExecutionState.Failed, time.GetUtcNow(), Error: e.Error);
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
