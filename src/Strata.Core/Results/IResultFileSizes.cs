namespace Strata.Core.Results;

/// <summary>The files a stored result occupies, measured where they lie (for the storage quota's first count).</summary>
public interface IResultFileSizes
{
    /// <summary>Each kind of file a result may have (by extension), with its size, or -1 when it does not exist.</summary>
    IEnumerable<(string Extension, long Bytes)> SizesOf(string executionId);
}
