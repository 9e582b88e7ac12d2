using Microsoft.Extensions.Logging;

namespace Strata.Application.Uploads;

/// <summary>Upload log lines: table names, counts and timings only, never values.</summary>
internal static partial class UploadLog
{
    [LoggerMessage(101, LogLevel.Information, "Inserted {Rows} rows ({Bytes} body bytes) into {Table}: spool {SpoolMs} ms, convert {ConvertMs} ms, commit {CommitMs} ms")]
    public static partial void Inserted(ILogger logger, long rows, long bytes, string table, long spoolMs, long convertMs, long commitMs);

    [LoggerMessage(102, LogLevel.Information, "Insert into {Table} rejected: bad input")]
    public static partial void Rejected(ILogger logger, string table);

    [LoggerMessage(103, LogLevel.Information, "Compacted {Parts} parts of {Table} into one")]
    public static partial void Compacted(ILogger logger, int parts, string table);

    [LoggerMessage(104, LogLevel.Warning, "Compaction of {Table} failed; its parts are unchanged")]
    public static partial void CompactionFailed(ILogger logger, Exception exception, string table);
}
