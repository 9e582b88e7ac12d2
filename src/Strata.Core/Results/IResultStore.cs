namespace Strata.Core.Results;

/// <summary>
/// Immutable per-execution result files. Every <c>executionId</c> parameter is a result key (<see cref="Executions.ResultKeys"/>):
/// an execution id, or an execution id and the run that wrote the files (a cluster, where runs of one execution may overlap).
/// </summary>
public interface IResultStore
{
    /// <summary>Starts a result. Nothing is visible until <see cref="ResultWriter.Complete"/> succeeds.</summary>
    ResultWriter CreateWriter(string executionId, ResultSchema schema);

    /// <summary>Opens a completed result, or null when there is none (never written, or deleted).</summary>
    StoredResult? Open(string executionId);

    /// <summary>
    /// The path of a Parquet copy of a completed result, made on first use (results are immutable, so
    /// the copy never goes stale). Server-side filters and sorting read it.
    /// </summary>
    Task<string> EnsureParquetAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>The path of an Arrow IPC stream copy of a completed result, made on first use.</summary>
    Task<string> EnsureArrowStreamAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Deletes a result if present.</summary>
    void Delete(string executionId);

    /// <summary>Removes leftovers of writes that never completed (after a crash).</summary>
    void RemoveIncomplete();

    /// <summary>
    /// Removes leftovers of writes that never completed when the data directory is shared by several
    /// nodes: only those of executions not in <paramref name="inFlight"/> and not written to for a while,
    /// so that a node starting never deletes a file another node is writing.
    /// </summary>
    void RemoveIncomplete(IReadOnlySet<string> inFlight);

    /// <summary>
    /// Removes every file of one execution, of any run, finished or not: it holds no result (its run ended elsewhere,
    /// on a node that died, or crashed this one) and none of its runs is live.
    /// </summary>
    void RemoveIncomplete(string executionId);
}
