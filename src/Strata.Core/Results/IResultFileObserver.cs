namespace Strata.Core.Results;

/// <summary>
/// Told when a result file (<c>.arrow</c>) or one of its copies (<c>.parquet</c>, <c>.arrows</c>) is in
/// place, and when a result's files are deleted: keeps a running count of stored bytes without
/// listing or measuring files.
/// </summary>
public interface IResultFileObserver
{
    /// <summary>The file of <paramref name="executionId"/> with this extension is in place with this size.</summary>
    void Written(string executionId, string extension, long bytes);

    /// <summary>
    /// Every file of <paramref name="executionId"/> has been deleted, or, when it is a result key with a run
    /// (<see cref="Executions.ResultKeys"/>), every file of that run (the extensions that begin with its suffix).
    /// </summary>
    void Deleted(string executionId);
}
