namespace Strata.Core.Storage;

/// <summary>
/// Stored result bytes kept in a metadata store that several nodes share: a row per result file (execution,
/// extension, owner, size) and a total per owner that changes in the same transaction as the rows. Every node
/// reads the same total with the usage figures (<see cref="Uploads.UsageFigures.ResultFileBytes"/>), so the
/// storage quota and <c>/usage</c> agree across nodes and a submission measures no file.
/// </summary>
public interface IResultBytesStore
{
    /// <summary>
    /// The file of <paramref name="executionId"/> with this extension is in place with this size (an earlier size of
    /// the same file is replaced). Blocking: the result writer reports from its commit.
    /// </summary>
    void RecordResultFile(string executionId, string extension, long bytes);

    /// <summary>Every file of <paramref name="executionId"/> has been deleted.</summary>
    void ForgetResultFiles(string executionId);

    /// <summary>
    /// Brings the rows in line with the executions and the disk, for what a node that lost the database at the
    /// wrong moment left: rows of executions that hold no result any more (failed, cancelled, expired, gone) are
    /// removed, and up to <paramref name="limit"/> stored results (completed, not yet expired) that have no row
    /// are measured with <paramref name="measure"/> (bytes -1: no such file) and recorded.
    /// </summary>
    Task<ResultBytesReconciled> ReconcileResultBytesAsync(Func<string, IEnumerable<(string Extension, long Bytes)>> measure, int limit, CancellationToken cancellationToken);
}

/// <summary>What one reconciliation changed: rows removed, and stored results measured on disk and recorded.</summary>
public sealed record ResultBytesReconciled(int RowsRemoved, int ResultsMeasured);
