using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Core.Views;

/// <summary>How a pipeline stands. The persisted names are the wire names.</summary>
public enum PipelineState
{
    Pending,
    Executing,
    Completed,
    Failed,
}

/// <summary>How a node stands: waiting for its dependencies, submitted (see its execution), done, or not run.</summary>
public enum NodeState
{
    Waiting,
    Running,
    Completed,
    Failed,
    Skipped,
}

/// <summary>
/// One node: the refresh of a materialized view (<see cref="ViewName"/> is its full name) or the run of a query
/// with <see cref="Parameters"/> (the values given, kept so that a restart can submit the node it had not reached).
/// </summary>
public sealed record PipelineNode(
    int Id,
    IReadOnlyList<int> Dependencies,
    string? ViewName,
    long QueryId,
    PerformanceTier Tier,
    NodeState State = NodeState.Waiting,
    string? ExecutionId = null,
    string? Error = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    IReadOnlyDictionary<string, ParameterValue>? Parameters = null);

/// <summary>A pipeline execution: the query it ends with, its nodes in dependency order, its state.</summary>
public sealed record PipelineRun(
    string Id,
    string Owner,
    long QueryId,
    PipelineState State,
    IReadOnlyList<PipelineNode> Nodes,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? EndedAt = null,
    string? Error = null,
    string? ParametersJson = null);

public static class PipelineStates
{
    public static string ToWire(this PipelineState state) => state.ToString().ToLowerInvariant();

    public static PipelineState FromWire(string wire) => Enum.Parse<PipelineState>(wire, ignoreCase: true);

    public static bool IsTerminal(this PipelineState state) => state is PipelineState.Completed or PipelineState.Failed;
}
