using System.Text.Json;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>
/// Running a pipeline: each node starts when its dependencies have completed (independent ones together);
/// the first failure fails the pipeline, naming the node, and no node starts after it. The run is kept in the
/// store at every change. A restart does not resume it: <see cref="RecoverAsync"/> fails it with a message
/// (executions already submitted still end, and a view refresh among them is still applied).
/// </summary>
public sealed partial class Pipelines
{
    public const string RestartedMessage =
        "The server restarted while this pipeline ran, so it was stopped; nodes that had started still finish. Execute the pipeline again.";

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
        await store.SavePipelineAsync(run, cancellationToken).ConfigureAwait(false);
        var task = Task.Run(() => RunAsync(run, plan, stopping.Token), CancellationToken.None);
        running[run.Id] = task;
        _ = task.ContinueWith(_ => running.TryRemove(run.Id, out Task? _), TaskScheduler.Default);
        return run.Id;
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
            // Shutting down: the next start fails it with RestartedMessage.
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
            if (plan.Views.TryGetValue(node.Id, out var view))
            {
                var (executionId, applied) = await matviews.StartRefreshAsync(view, node.Tier, cancellationToken).ConfigureAwait(false);
                await state.SaveAsync(r => r.WithNode(node.Id, n => n with { State = NodeState.Running, ExecutionId = executionId, StartedAt = started }), cancellationToken).ConfigureAwait(false);
                error = await applied.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var submitted = await service.SubmitAsync(plan.Queries[node.Id], cancellationToken).ConfigureAwait(false);
                string executionId = submitted.Execution.Id;
                await state.SaveAsync(r => r.WithNode(node.Id, n => n with { State = NodeState.Running, ExecutionId = executionId, StartedAt = started }), cancellationToken).ConfigureAwait(false);
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

    /// <summary>At start: pipelines a stop interrupted are failed with <see cref="RestartedMessage"/>; returns how many.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var unfinished = await store.ListUnfinishedPipelinesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var run in unfinished)
        {
            var nodes = run.Nodes.Select(n => n.State == NodeState.Waiting ? n with { State = NodeState.Skipped, Error = "not run: the server restarted" } : n).ToList();
            await store.SavePipelineAsync(run with { State = PipelineState.Failed, Nodes = nodes, EndedAt = time.GetUtcNow(), Error = RestartedMessage }, cancellationToken).ConfigureAwait(false);
        }
        return unfinished.Count;
    }

    /// <summary>Stops the runs (shutdown); the next start fails them with a message.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(running.Values).ConfigureAwait(false);
    }

    /// <summary>One run's state, changed and stored one change at a time.</summary>
    private sealed class RunState(PipelineRun run, Core.Views.IPipelineStore store)
    {
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
