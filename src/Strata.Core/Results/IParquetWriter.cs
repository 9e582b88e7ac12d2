using Apache.Arrow;

namespace Strata.Core.Results;

/// <summary>Writes record batches as a Parquet file (a port: <c>Strata.Storage.Files</c> implements it), for downloads of a result view.</summary>
public interface IParquetWriter
{
    /// <summary>Writes the batches, of <paramref name="schema"/>, to a new file at <paramref name="path"/>, one row group per batch.</summary>
    Task WriteAsync(IAsyncEnumerable<RecordBatch> batches, Schema schema, string path, CancellationToken cancellationToken);
}
