using Microsoft.Extensions.Logging;

namespace Strata.Application.Executions;

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

    [LoggerMessage(5, LogLevel.Warning, "Execution {ExecutionId} was interrupted by a second shutdown and is marked failed")]
    public static partial void GaveUp(ILogger logger, string executionId);

    [LoggerMessage(6, LogLevel.Information, "Recovered {Pending} pending executions; {Crashed} found running after an abnormal stop are marked failed")]
    public static partial void Recovered(ILogger logger, int pending, int crashed);

    [LoggerMessage(7, LogLevel.Information, "Expired {Count} results")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(8, LogLevel.Information, "Execution {ExecutionId} cancelled")]
    public static partial void Cancelled(ILogger logger, string executionId);

    [LoggerMessage(9, LogLevel.Warning, "Execution {ExecutionId} was running when the server stopped abnormally; marked failed, not run again")]
    public static partial void CrashSuspected(ILogger logger, string executionId);

    [LoggerMessage(10, LogLevel.Information, "Execution {ExecutionId} interrupted by shutdown and handed back to the queue")]
    public static partial void HandedBack(ILogger logger, string executionId);

    [LoggerMessage(11, LogLevel.Error, "Execution {ExecutionId} failed: disk full while writing its result")]
    public static partial void DiskFull(ILogger logger, string executionId);

    [LoggerMessage(12, LogLevel.Information, "Execution refused for {Owner}: queued quota of {Quota} reached")]
    public static partial void QuotaRefused(ILogger logger, string owner, int quota);

    [LoggerMessage(13, LogLevel.Warning, "Execution {ExecutionId} was running on a node that stopped renewing its claim; running it again (attempts so far: {Attempts})")]
    public static partial void TakenOver(ILogger logger, string executionId, int attempts);

    [LoggerMessage(14, LogLevel.Information, "Execution {ExecutionId} started, attempt {Attempt}")]
    public static partial void Started(ILogger logger, string executionId, int attempt);

    [LoggerMessage(15, LogLevel.Information, "Execution {ExecutionId} run stopped: cancelled")]
    public static partial void RunStopped(ILogger logger, string executionId);

    [LoggerMessage(16, LogLevel.Warning, "Execution {ExecutionId} ended but the metadata database is unavailable; recording its end again until it is back")]
    public static partial void EndNotRecordedYet(ILogger logger, string executionId);

    [LoggerMessage(17, LogLevel.Information, "Execution {ExecutionId}: its end was recorded once the metadata database was back")]
    public static partial void EndRecordedLate(ILogger logger, string executionId);

    [LoggerMessage(18, LogLevel.Warning, "Execution {ExecutionId} was left by a node that is still alive (its run stopped without an end); running it again, that run not counted (attempts so far: {Attempts})")]
    public static partial void TakenFromLiveNode(ILogger logger, string executionId, int attempts);

    [LoggerMessage(19, LogLevel.Information, "Execution {ExecutionId}: its end was not recorded (cancelled, or this node no longer holds its claim); its result files are discarded")]
    public static partial void EndRefused(ILogger logger, string executionId);

    [LoggerMessage(20, LogLevel.Warning, "Execution {ExecutionId}: the metadata database is unavailable as its run starts; waiting for it while this node holds the claim")]
    public static partial void RunWaitsForMetadata(ILogger logger, string executionId);

    [LoggerMessage(21, LogLevel.Warning, "Execution {ExecutionId}: the metadata database stayed unavailable past this node's claim; the run is dropped for another node to take over")]
    public static partial void RunDroppedMetadataAway(ILogger logger, string executionId);
}
