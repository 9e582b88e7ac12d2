namespace Strata.Core.Executions;

/// <summary>Execution states. The persisted names are the wire names and must never change.</summary>
public enum ExecutionState
{
    Pending,
    Executing,
    Completed,
    Failed,
    Cancelled,
    Expired,
    CompletedPartial,
}

public static class ExecutionStates
{
    public static string ToWire(this ExecutionState state) => state switch
    {
        ExecutionState.Pending => "QUERY_STATE_PENDING",
        ExecutionState.Executing => "QUERY_STATE_EXECUTING",
        ExecutionState.Completed => "QUERY_STATE_COMPLETED",
        ExecutionState.Failed => "QUERY_STATE_FAILED",
        ExecutionState.Cancelled => "QUERY_STATE_CANCELLED",
        ExecutionState.Expired => "QUERY_STATE_EXPIRED",
        ExecutionState.CompletedPartial => "QUERY_STATE_COMPLETED_PARTIAL",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static ExecutionState FromWire(string wire) => wire switch
    {
        "QUERY_STATE_PENDING" => ExecutionState.Pending,
        "QUERY_STATE_EXECUTING" => ExecutionState.Executing,
        "QUERY_STATE_COMPLETED" => ExecutionState.Completed,
        "QUERY_STATE_FAILED" => ExecutionState.Failed,
        "QUERY_STATE_CANCELLED" => ExecutionState.Cancelled,
        "QUERY_STATE_EXPIRED" => ExecutionState.Expired,
        "QUERY_STATE_COMPLETED_PARTIAL" => ExecutionState.CompletedPartial,
        _ => throw new FormatException($"unknown execution state '{wire}'"),
    };

    public static bool IsTerminal(this ExecutionState state) =>
        state is not (ExecutionState.Pending or ExecutionState.Executing);

    public static bool HasResult(this ExecutionState state) =>
        state is ExecutionState.Completed or ExecutionState.CompletedPartial;
}

/// <summary>Performance tiers; each has its own slots and engine resources.</summary>
public enum PerformanceTier
{
    Medium,
    Large,
}

public static class PerformanceTiers
{
    public static string ToWire(this PerformanceTier tier) => tier == PerformanceTier.Large ? "large" : "medium";

    public static bool TryParse(string? text, out PerformanceTier tier)
    {
        tier = PerformanceTier.Medium;
        if (string.IsNullOrEmpty(text) || text.Equals("medium", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (text.Equals("large", StringComparison.OrdinalIgnoreCase))
        {
            tier = PerformanceTier.Large;
            return true;
        }
        return false;
    }
}
