using Microsoft.Extensions.Logging;

namespace Strata.Application.Views;

/// <summary>View, schedule and pipeline log lines. Never SQL text, parameter values, keys or rows.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(101, LogLevel.Information, "Materialized view {View} set to query {QueryId}")]
    public static partial void ViewUpserted(ILogger logger, string view, long queryId);

    [LoggerMessage(102, LogLevel.Information, "Materialized view {View} deleted")]
    public static partial void ViewDeleted(ILogger logger, string view);

    [LoggerMessage(103, LogLevel.Information, "Refresh of {View} submitted as execution {ExecutionId}")]
    public static partial void RefreshSubmitted(ILogger logger, string view, string executionId);

    [LoggerMessage(104, LogLevel.Information, "Refresh {ExecutionId} of {View} applied: {Rows} rows")]
    public static partial void RefreshApplied(ILogger logger, string view, string executionId, long rows);

    [LoggerMessage(105, LogLevel.Information, "Refresh {ExecutionId} of {View} was not applied")]
    public static partial void RefreshNotApplied(ILogger logger, string view, string executionId);

    [LoggerMessage(106, LogLevel.Error, "Refresh {ExecutionId} of {View} hit an internal error")]
    public static partial void RefreshError(ILogger logger, Exception exception, string view, string executionId);

    [LoggerMessage(107, LogLevel.Information, "Schedule slot {Slot} of {View} claimed")]
    public static partial void SlotClaimed(ILogger logger, string view, DateTimeOffset slot);

    [LoggerMessage(108, LogLevel.Warning, "Scheduled refresh of {View} could not be submitted: {Reason}")]
    public static partial void ScheduledRefreshRefused(ILogger logger, string view, string reason);

    [LoggerMessage(109, LogLevel.Information, "Pipeline {PipelineId} ended {State}")]
    public static partial void PipelineEnded(ILogger logger, string pipelineId, string state);

    [LoggerMessage(110, LogLevel.Error, "Pipeline {PipelineId} hit an internal error")]
    public static partial void PipelineError(ILogger logger, Exception exception, string pipelineId);

    [LoggerMessage(111, LogLevel.Error, "The view scheduler hit an internal error")]
    public static partial void SchedulerError(ILogger logger, Exception exception);

    [LoggerMessage(112, LogLevel.Information, "Pipeline {PipelineId} resumed after a restart: {Completed} of {Nodes} nodes had completed")]
    public static partial void PipelineResumed(ILogger logger, string pipelineId, int completed, int nodes);

    [LoggerMessage(113, LogLevel.Warning, "Pipeline {PipelineId}: this node lost its claim (its connection to the store broke and another node took it up); its run here stops")]
    public static partial void PipelineClaimLost(ILogger logger, string pipelineId);

    [LoggerMessage(114, LogLevel.Information, "Pipeline {PipelineId} is unfinished and another node holds it: that node runs it")]
    public static partial void PipelineHeldElsewhere(ILogger logger, string pipelineId);

    [LoggerMessage(115, LogLevel.Warning, "Materialized view {View} is private but its table was public (left so by an older version): the table is private now")]
    public static partial void ViewTableMadePrivate(ILogger logger, string view);
}
