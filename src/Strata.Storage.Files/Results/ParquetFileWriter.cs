using Apache.Arrow;
using Strata.Core.Results;

namespace Strata.Storage.Files.Results;

/// <summary>The <see cref="IParquetWriter"/> of local files: <see cref="ParquetCopy.WriteBatchesAsync"/>.</summary>
public sealed class ParquetFileWriter : IParquetWriter
{
    public Task WriteAsync(IAsyncEnumerable<RecordBatch> batches, Schema schema, string path, CancellationToken cancellationToken) =>
        ParquetCopy.WriteBatchesAsync(batches, schema, path, cancellationToken);
}
