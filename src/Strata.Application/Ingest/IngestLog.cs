using Microsoft.Extensions.Logging;

namespace Strata.Application.Ingest;

/// <summary>Ingest log lines: chain names, block numbers, counts and timings; never the node's URL (it may hold a key).</summary>
internal static partial class IngestLog
{
    [LoggerMessage(1401, LogLevel.Information, "Chain {Chain}: the node supports {Capabilities}")]
    public static partial void Capabilities(ILogger logger, string chain, NodeCapabilities capabilities);

    [LoggerMessage(1402, LogLevel.Information, "Chain {Chain}: ingesting blocks {From} to {To}")]
    public static partial void Starting(ILogger logger, string chain, long from, long to);

    [LoggerMessage(1403, LogLevel.Information, "Chain {Chain}: committed blocks {From} to {To} ({Rows} rows) in {Ms} ms (rows {RowsMs} ms, parts {PartsMs} ms, metadata {MetadataMs} ms)")]
    public static partial void Committed(ILogger logger, string chain, long from, long to, long rows, long ms, long rowsMs, long partsMs, long metadataMs);

    [LoggerMessage(1404, LogLevel.Warning, "Chain {Chain}: blocks {From} to {To} changed while they were fetched (a reorg at the head); fetching them again")]
    public static partial void Refetching(ILogger logger, string chain, long from, long to);

    [LoggerMessage(1405, LogLevel.Warning, "Chain {Chain}: compaction of {Table} failed; its parts are unchanged")]
    public static partial void CompactionFailed(ILogger logger, Exception exception, string chain, string table);

    [LoggerMessage(1406, LogLevel.Information, "Chain {Chain}: nothing to ingest, blocks up to {Last} are stored")]
    public static partial void UpToDate(ILogger logger, string chain, long last);

    [LoggerMessage(1407, LogLevel.Information, "Chain {Chain}: ingested blocks {From} to {To} in {Ms} ms (waiting for fetched blocks {WaitMs} ms, of which appending rows to parts {AppendMs} ms; waiting for commits {CommitMs} ms)")]
    public static partial void Ingested(ILogger logger, string chain, long from, long to, long ms, long waitMs, long appendMs, long commitMs);
}
