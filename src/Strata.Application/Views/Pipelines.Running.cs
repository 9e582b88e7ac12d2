using System.Text.Json;
using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>
/// Running a pipeline: each node starts when its dependencies have completed (independent ones together);
/// the first failure fails the pipeline, naming the node, and no node starts after it. The run is kept in the
/// store at every change, and a restart resumes it (<see cref="RecoverAsync"/>): completed nodes keep their results,
/// a node already submitted follows its execution (which the executions' own recovery rule re-runs at most once, or
/// fails as a crash suspect), and the nodes not reached run then. Each node is submitted with an idempotency key of
/// the pipeline and node, so a node submitted just before a stop is never submitted twice.
/// </summary>
public sealed partial class Pipelines
{
    /// <summary>A node a restart could not plan again (its parameters were not kept by the Strata that started it).</summary>
    public const string ParametersLostMessage =
        "the pipeline was resumed after a restart, but the Strata that started it did not keep this node's parameters; execute the pipeline again";

    /// <summary>Plans, stores and starts a pipeline; returns its id at once.</summary>
    public async Task<string> ExecuteAsync(string caller, string queryId, PerformanceTier tier, IReadOnlyDictionary<string, ParameterValue> parameters, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(caller, queryId, tier, parameters, cancellationToken).ConfigureAwait(false);
        return await StartAsync(caller, plan, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> StartAsync(string caller, PipelinePlan plan, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = new PipelineRun(ExecutionIds.New(now), caller, plan.Query?.QueryId ?? 0, PipelineState.Pending, plan.Nodes, now,
            ParametersJson: plan.Query?.Parameters is { } p ? p.ParametersJson() : null);
        // Claimed before it is stored, so no other node looking for unclaimed pipelines can take it up meanwhile.
        if (!await claims.TryClaimAsync(run.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"a new pipeline id {run.Id} was already claimed");
        }
        try
        {
            await store.SavePipelineAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await claims.ReleaseAsync(run.Id).ConfigureAwait(false);
            throw;
        }
        Launch(run, plan);
        return run.Id;
    }

    /// <summary>Runs a pipeline this node holds the claim of; the claim is given up when the run ends or stops here.</summary>
    private void Launch(PipelineRun run, PipelinePlan plan)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        runStops[run.Id] = stop;
        var task = Task.Run(() => RunAsync(run, plan, stop.Token), CancellationToken.None);
        running[run.Id] = task;
        _ = task.ContinueWith(async _ =>
        {
            running.TryRemove(run.Id, out Task? _);
            runStops.TryRemove(run.Id, out CancellationTokenSource? _);
            stop.Dispose();
            await claims.ReleaseAsync(run.Id).ConfigureAwait(false);
        }, TaskScheduler.Default).Unwrap();
    }

    /// <summary>The run of a pipeline started here, to await its end (tests, benchmarks); a completed task when it is not running here.</summary>
    public Task WhenEndedAsync(string pipelineId) => running.TryGetValue(pipelineId, out var task) ? task : Task.CompletedTask;

    private async Task RunAsync(PipelineRun initial, PipelinePlan plan, CancellationToken cancellationToken)
    {
        var state = new RunState(initial with { State = PipelineState.Executing }, store);
        try
        {
            await state.SaveAsync(r => r, cancellationToken).ConfigureAwait(false);
            var tasks = new Dictionary<int, Task<bool>>();
            foreach (var node in initial.Nodes)
            {
                var dependencies = node.Dependencies.Select(d => tasks[d]).ToList();
                tasks[node.Id] = RunNodeAsync(state, plan, node, dependencies, cancellationToken);
            }
            bool ok = (await Task.WhenAll(tasks.Values).ConfigureAwait(false)).All(x => x);
            await state.SaveAsync(r => r with
            {
                State = ok ? PipelineState.Completed : PipelineState.Failed,
                EndedAt = time.GetUtcNow(),
            }, CancellationToken.None).ConfigureAwait(false);
            LogMessages.PipelineEnded(logger, initial.Id, (ok ? PipelineState.Completed : PipelineState.Failed).ToWire());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the next start resumes it.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogMessages.PipelineError(logger, e, initial.Id);
            await state.SaveAsync(r => r with
            {
                State = PipelineState.Failed,
                EndedAt = time.GetUtcNow(),
                Error = r.Error ?? "An internal error occurred while running the pipeline.",
            }, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<bool> RunNodeAsync(RunState state, PipelinePlan plan, PipelineNode node, List<Task<bool>> dependencies, CancellationToken cancellationToken)
    {
        switch (node.State)
        {
            case NodeState.Completed:
                return true;
            case NodeState.Failed:
                state.Fail(node);
                return false;
            case NodeState.Skipped:
                return false;
        }
        // Every node waits for all its dependencies to end, even after a failure elsewhere, so nothing starts late.
        bool ready = (await Task.WhenAll(dependencies).ConfigureAwait(false)).All(x => x) && !state.Failed;
        if (!ready)
        {
            string reason = state.FailedNode is { } failed ? $"not run: node {failed.Id} ({Describe(failed)}) failed" : "not run: an earlier node failed";
            await state.SaveAsync(r => r.WithNode(node.Id, n => n with { State = NodeState.Skipped, Error = reason }), cancellationToken).ConfigureAwait(false);
            return false;
        }
        string? error;
        try
        {
            var started = time.GetUtcNow();
            // A node submitted before a restart follows its execution; any other is submitted under a key of its own.
            string? submittedBefore = node.State == NodeState.Running ? node.ExecutionId : null;
            var key = new IdempotencyRequest($"strata-pipeline:{state.Id}:node:{node.Id}", $"{state.Id}:{node.Id}");
            if (plan.Unplannable?.GetValueOrDefault(node.Id) is { } unplannable)
            {
                error = unplannable;
            }
            else if (plan.Views.TryGetValue(node.Id, out var view))
            {
                if (submittedBefore is { } id)
                {
                    error = await matviews.FollowRefreshAsync(view, id, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var (executionId, applied) = await matviews.StartRefreshAsync(view, node.Tier, cancellationToken, key).ConfigureAwait(false);
                    await state.SaveAsync(r => r.WithNode(node.Id, n => n with { State = NodeState.Running, ExecutionId = executionId, StartedAt = started }), cancellationToken).ConfigureAwait(false);
                    error = await applied.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                string executionId = submittedBefore
                    ?? (await service.SubmitAsync(plan.Queries[node.Id] with { Idempotency = key }, cancellationToken).ConfigureAwait(false)).Execution.Id;
                if (submittedBefore is null)
                {
                    await state.SaveAsync(r => r.WithNode(node.Id, n => n with { State = NodeState.Running, ExecutionId = executionId, StartedAt = started }), cancellationToken).ConfigureAwait(false);
                }
                var ended = await matviews.WaitEndedAsync(executionId, cancellationToken).ConfigureAwait(false);
                error = ended is { State: var s } && s.HasResult() ? null
                    : $"the execution {executionId} ended {ended?.State.ToWire() ?? "missing"}" + (ended?.Error is { } e ? $": {e.Message}" : "");
            }
        }
        catch (UseCaseException e)
        {
            error = e.Message;
        }
        var at = time.GetUtcNow();
        if (error is null)
        {
            await state.SaveAsync(r => r.WithNode(node.Id, n => n with { State = NodeState.Completed, EndedAt = at }), cancellationToken).ConfigureAwait(false);
            return true;
        }
        state.Fail(node);
        string message = $"node {node.Id} ({Describe(node)}) failed: {error}";
        await state.SaveAsync(r => r.WithNode(node.Id, n => n with { State = NodeState.Failed, Error = error, EndedAt = at }) with { Error = r.Error ?? message },
            cancellationToken).ConfigureAwait(false);
        return false;
    }

    private static string Describe(PipelineNode node) => node.ViewName is { } name ? $"refresh of {name}" : $"query {node.QueryId}";

    /// <summary>
    /// At start, after the executions' and the views' own recovery: resumes the pipelines a stop interrupted; returns
    /// how many. Each unfinished node is planned again from what the run kept (the view by name, the query by id with
    /// the node's parameters); a node that cannot be (the view or query is gone) fails with the reason, as it would
    /// have at submission.
    /// </summary>
    /// With other nodes on the store, only the pipelines no node holds are resumed, each by the one node that claims it.
    public Task<int> RecoverAsync(CancellationToken cancellationToken) => ResumeUnheldAsync(atStart: true, cancellationToken);

    private async Task<int> ResumeUnheldAsync(bool atStart, CancellationToken cancellationToken)
    {
        var unfinished = await store.ListUnfinishedPipelinesAsync(cancellationToken).ConfigureAwait(false);
        int resumed = 0;
        foreach (var listed in unfinished)
        {
            if (running.ContainsKey(listed.Id))
            {
                continue;
            }
            if (!await claims.TryClaimAsync(listed.Id, cancellationToken).ConfigureAwait(false))
            {
                if (atStart)
                {
                    LogMessages.PipelineHeldElsewhere(logger, listed.Id);
                }
                continue;
            }
            try
            {
                // Read again under the claim: the node that held it until now may have moved it on, or ended it.
                if (await store.GetPipelineAsync(listed.Id, cancellationToken).ConfigureAwait(false) is not { State: PipelineState.Pending or PipelineState.Executing } run)
                {
                    await claims.ReleaseAsync(listed.Id).ConfigureAwait(false);
                    continue;
                }
                var plan = await ReplanAsync(run, cancellationToken).ConfigureAwait(false);
                LogMessages.PipelineResumed(logger, run.Id, run.Nodes.Count(n => n.State == NodeState.Completed), run.Nodes.Count);
                Launch(run, plan);
                resumed++;
            }
            catch
            {
                await claims.ReleaseAsync(listed.Id).ConfigureAwait(false);
                throw;
            }
        }
        return resumed;
    }

    /// <summary>
    /// With other nodes on the store, until <paramref name="cancellationToken"/> ends: every <see cref="IPipelineClaims.AdoptEvery"/>,
    /// stops the runs whose claim this node lost (another node resumes them) and resumes the unfinished pipelines no node
    /// holds (their node died or stopped). Returns at once for a node alone.
    /// </summary>
    public async Task AdoptAsync(CancellationToken cancellationToken)
    {
        if (!claims.SharedAcrossNodes)
        {
            return;
        }
        using var timer = new PeriodicTimer(claims.AdoptEvery, time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                foreach (string lost in await claims.VerifyAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (runStops.TryGetValue(lost, out var stop))
                    {
                        LogMessages.PipelineClaimLost(logger, lost);
                        await stop.CancelAsync().ConfigureAwait(false);
                    }
                }
                await ResumeUnheldAsync(atStart: false, cancellationToken).ConfigureAwait(false);
            }
            catch (MetadataUnavailableException)
            {
                // The store is away: looked for again at the next tick.
            }
        }
    }

    private async Task<PipelinePlan> ReplanAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        var views = new Dictionary<int, MaterializedView>();
        var submits = new Dictionary<int, SubmitRequest>();
        var unplannable = new Dictionary<int, string>();
        foreach (var node in run.Nodes.Where(n => n.State is NodeState.Waiting or NodeState.Running))
        {
            try
            {
                if (node.ViewName is { } name)
                {
                    views[node.Id] = await matviews.GetOwnedAsync(run.Owner, name, cancellationToken).ConfigureAwait(false);
                }
                else if (node.State == NodeState.Waiting)
                {
                    if (node.Parameters is null && run.ParametersJson is { } p && p != "{}")
                    {
                        unplannable[node.Id] = ParametersLostMessage;
                        continue;
                    }
                    var query = await queries.GetExecutableAsync(run.Owner, node.QueryId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                    submits[node.Id] = SavedQueries.ExecutionOf(query, run.Owner, node.Tier, node.Parameters ?? new Dictionary<string, ParameterValue>(), queries.MaxSqlBytes);
                }
            }
            catch (UseCaseException e)
            {
                unplannable[node.Id] = e.Message;
            }
        }
        return new PipelinePlan(run.Nodes, submits, views, unplannable);
    }

    /// <summary>Stops the runs (shutdown); the next start resumes them.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running.Values).ConfigureAwait(false);
    }

    /// <summary>One run's state, changed and stored one change at a time.</summary>
    private sealed class RunState(PipelineRun run, Core.Views.IPipelineStore store)
    {
        public string Id { get; } = run.Id;

        private readonly SemaphoreSlim gate = new(1, 1);
        private PipelineRun current = run;
        private volatile PipelineNode? failedNode;

        public bool Failed => failedNode is not null;

        public PipelineNode? FailedNode => failedNode;

        public void Fail(PipelineNode node) => Interlocked.CompareExchange(ref failedNode, node, null);

        public async Task SaveAsync(Func<PipelineRun, PipelineRun> change, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                current = change(current);
                await store.SavePipelineAsync(current, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}

/// <summary>Node edits of a run.</summary>
public static class PipelineRunEdits
{
    public static PipelineRun WithNode(this PipelineRun run, int id, Func<PipelineNode, PipelineNode> change) =>
        run with { Nodes = run.Nodes.Select(n => n.Id == id ? change(n) : n).ToList() };
}
