using Strata.Core.Results;

namespace Strata.Storage.Files.Results;

/// <summary>Sizes of a result's files in the results directory: the Arrow result and its Parquet and Arrow-stream copies.</summary>
public sealed class ResultFileSizes(string root) : IResultFileSizes
{
    private static readonly string[] Extensions = [".arrow", ".parquet", ".arrows"];

    public IEnumerable<(string Extension, long Bytes)> SizesOf(string executionId) => Extensions.Select(extension =>
    {
        var file = new FileInfo(Path.Combine(root, executionId + extension));
        return (extension, file.Exists ? file.Length : -1);
    });
}
