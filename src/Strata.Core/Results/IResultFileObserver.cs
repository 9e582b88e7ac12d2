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

    /// <summary>Every file of <paramref name="executionId"/> has been deleted.</summary>
    void Deleted(string executionId);
}
