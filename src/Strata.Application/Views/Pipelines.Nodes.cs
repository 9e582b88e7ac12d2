using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>One node of a pipeline given explicitly (Dune's <c>pipeline.nodes</c>): a view refresh (<see cref="ViewName"/>)
/// or a query run (<see cref="QueryId"/>), never both.</summary>
public sealed record PipelineNodeRequest(
    int Id,
    IReadOnlyList<int> Dependencies,
    string? ViewName,
    string? QueryId,
    PerformanceTier Tier,
    IReadOnlyDictionary<string, ParameterValue> Parameters);

/// <summary>
/// Pipelines given node by node, as Dune's <c>POST /v1/pipelines/execute</c> body <c>{"pipeline": {"nodes": [...]}}</c>
/// (the shape <c>GET /query/{id}/pipeline</c> answers): each node's dependencies are the ones written, not inferred
/// from lineage. Every node is checked before anything runs: ids, dependencies, a cycle, the caller's right to
/// refresh each view (the owner's only) and to run each query, and each query's parameters.
/// </summary>
public sealed partial class Pipelines
{
    /// <summary>How many nodes an explicit pipeline may have (as many as a lineage pipeline: its views and the query).</summary>
    public const int MaxNodes = MaxViews + 1;

    /// <summary>Checks, stores and starts a pipeline of explicit nodes; returns its id at once.</summary>
    public async Task<string> ExecuteNodesAsync(string caller, IReadOnlyList<PipelineNodeRequest> nodes, CancellationToken cancellationToken)
    {
        var plan = await PlanNodesAsync(caller, nodes, cancellationToken).ConfigureAwait(false);
        return await StartAsync(caller, plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The plan of explicit nodes, in an order where each node follows its dependencies.</summary>
    public async Task<PipelinePlan> PlanNodesAsync(string caller, IReadOnlyList<PipelineNodeRequest> nodes, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
        {
            throw Invalid("pipeline.nodes must list at least one node");
        }
        if (nodes.Count > MaxNodes)
        {
            throw Invalid($"pipeline.nodes has {nodes.Count} nodes; at most {MaxNodes} are allowed");
        }
        var byId = new Dictionary<int, PipelineNodeRequest>();
        foreach (var node in nodes)
        {
            if (node.Id <= 0)
            {
                throw Invalid($"node id {node.Id} is invalid: ids must be positive integers");
            }
            if (!byId.TryAdd(node.Id, node))
            {
                throw Invalid($"node id {node.Id} is used by more than one node");
            }
            if ((node.ViewName is null) == (node.QueryId is null))
            {
                throw Invalid($"node {node.Id} must have exactly one of materialized_view_refresh and query_execution");
            }
        }
        foreach (var node in nodes)
        {
            foreach (int dependency in node.Dependencies)
            {
                if (dependency == node.Id || !byId.ContainsKey(dependency))
                {
                    throw Invalid(dependency == node.Id
                        ? $"node {node.Id} depends on itself"
                        : $"node {node.Id} depends on node {dependency}, which is not in the pipeline");
                }
            }
        }
        var ordered = DependencyOrder(nodes, byId);
        var planned = new List<PipelineNode>();
        var views = new Dictionary<int, MaterializedView>();
        var submits = new Dictionary<int, SubmitRequest>();
        var refreshedBy = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in ordered)
        {
            var dependencies = node.Dependencies.Distinct().ToList();
            try
            {
                if (node.ViewName is { } name)
                {
                    var view = await matviews.GetOwnedAsync(caller, name, cancellationToken).ConfigureAwait(false);
                    if (!refreshedBy.TryAdd(view.FullName, node.Id))
                    {
                        throw Invalid($"{view.FullName} is refreshed by node {refreshedBy[view.FullName]} already; a view is refreshed once per pipeline");
                    }
                    views[node.Id] = view;
                    planned.Add(new PipelineNode(node.Id, dependencies, view.FullName, view.QueryId, node.Tier));
                }
                else
                {
                    var query = await queries.GetExecutableAsync(caller, node.QueryId!, cancellationToken).ConfigureAwait(false);
                    submits[node.Id] = SavedQueries.ExecutionOf(query, caller, node.Tier, node.Parameters, queries.MaxSqlBytes);
                    planned.Add(new PipelineNode(node.Id, dependencies, null, query.Id, node.Tier, Parameters: node.Parameters));
                }
            }
            catch (UseCaseException e)
            {
                throw new UseCaseException(e.Error, $"node {node.Id}: {e.Message}");
            }
        }
        return new PipelinePlan(planned, submits, views);
    }

    /// <summary>A dependency order, as close to the written order as it can be; nodes left over form a cycle, which is refused naming it.</summary>
    private static List<PipelineNodeRequest> DependencyOrder(IReadOnlyList<PipelineNodeRequest> nodes, Dictionary<int, PipelineNodeRequest> byId)
    {
        var ordered = new List<PipelineNodeRequest>();
        var placed = new HashSet<int>();
        // Each step places the first node in written order whose dependencies are placed (at most MaxNodes^2 checks).
        while (nodes.FirstOrDefault(n => !placed.Contains(n.Id) && n.Dependencies.All(placed.Contains)) is { } next)
        {
            ordered.Add(next);
            placed.Add(next.Id);
        }
        if (ordered.Count == nodes.Count)
        {
            return ordered;
        }
        // Walk unplaced dependencies from an unplaced node until a node repeats: that loop is the cycle.
        var path = new List<int>();
        var current = nodes.First(n => !placed.Contains(n.Id));
        while (!path.Contains(current.Id))
        {
            path.Add(current.Id);
            current = byId[current.Dependencies.First(d => !placed.Contains(d))];
        }
        var cycle = path.SkipWhile(id => id != current.Id).Append(current.Id).Reverse();
        throw Invalid($"The pipeline's nodes form a cycle: {string.Join(" -> ", cycle.Select(id => $"node {id}"))}; a node cannot depend on itself, directly or through others");
    }

    private static UseCaseException Invalid(string message) => new(UseCaseError.Invalid, message);
}
