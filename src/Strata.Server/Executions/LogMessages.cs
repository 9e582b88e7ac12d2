namespace Strata.Server.Executions;

/// <summary>Execution log lines. Never SQL text, parameter values, keys or rows.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(1, LogLevel.Information, "Execution {ExecutionId} submitted by {Owner} on tier {Tier}")]
    public static partial void Submitted(ILogger logger, string executionId, string owner, string tier);

    [LoggerMessage(2, LogLevel.Information, "Execution {ExecutionId} ended {State} after {Millis} ms, {Rows} rows")]
    public static partial void Ended(ILogger logger, string executionId, string state, long millis, long rows);

    [LoggerMessage(3, LogLevel.Information, "Execution {ExecutionId} failed: {ErrorType}")]
    public static partial void Failed(ILogger logger, string executionId, string errorType);

    [LoggerMessage(4, LogLevel.Error, "Execution {ExecutionId} hit an internal error")]
    public static partial void InternalError(ILogger logger, Exception exception, string executionId);

    [LoggerMessage(5, LogLevel.Warning, "Execution {ExecutionId} was interrupted twice and is marked failed")]
    public static partial void GaveUp(ILogger logger, string executionId);

    [LoggerMessage(6, LogLevel.Information, "Recovered {Pending} pending and {Requeued} interrupted executions")]
    public static partial void Recovered(ILogger logger, int pending, int requeued);

    [LoggerMessage(7, LogLevel.Information, "Expired {Count} results")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(8, LogLevel.Information, "Execution {ExecutionId} cancelled")]
    public static partial void Cancelled(ILogger logger, string executionId);
}
