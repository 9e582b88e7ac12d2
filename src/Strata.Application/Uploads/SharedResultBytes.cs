using Microsoft.Extensions.Logging;
using Strata.Core.Results;
using Strata.Core.Storage;

namespace Strata.Application.Uploads;

/// <summary>
/// The result store's reports of files written and deleted, recorded in the metadata store every node shares
/// (<see cref="IResultBytesStore"/>), in place of <see cref="StorageUsage"/>'s per-process running total: a result
/// written or expired by any node moves the one total all nodes read. A report the database was away for is logged
/// and left to <see cref="ReconcileAsync"/>, which runs at start and after each expiry sweep.
/// </summary>
public sealed partial class SharedResultBytes(IResultBytesStore store, IResultFileSizes files, ILogger<SharedResultBytes> logger) : IResultFileObserver
{
    /// <summary>Stored results measured on disk per reconciliation round.</summary>
    public const int ReconcileBatch = 500;

    public void Written(string executionId, string extension, long bytes)
    {
        try
        {
            store.RecordResultFile(executionId, extension, bytes);
        }
        catch (MetadataUnavailableException e)
        {
            Log.NotRecorded(logger, executionId, e.Message);
        }
    }

    public void Deleted(string executionId)
    {
        try
        {
            store.ForgetResultFiles(executionId);
        }
        catch (MetadataUnavailableException e)
        {
            Log.NotRecorded(logger, executionId, e.Message);
        }
    }

    /// <summary>
    /// Brings the shared figures in line with the executions and the disk: one round of at most
    /// <see cref="ReconcileBatch"/> results, or (<paramref name="complete"/>, at start) rounds until none is left.
    /// </summary>
    public async Task<ResultBytesReconciled> ReconcileAsync(bool complete, CancellationToken cancellationToken)
    {
        int removed = 0, measured = 0;
        while (true)
        {
            var round = await store.ReconcileResultBytesAsync(files.SizesOf, ReconcileBatch, cancellationToken).ConfigureAwait(false);
            removed += round.RowsRemoved;
            measured += round.ResultsMeasured;
            // A round that measured fewer than a batch found no more results without rows.
            if (!complete || round.ResultsMeasured < ReconcileBatch)
            {
                return new ResultBytesReconciled(removed, measured);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Result bytes of {ExecutionId} not recorded ({Reason}); the next reconciliation corrects the shared total")]
        public static partial void NotRecorded(ILogger logger, string executionId, string reason);
    }
}
