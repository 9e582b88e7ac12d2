using Apache.Arrow.Types;
using Apache.Arrow;
using ParquetSharp.Arrow;
using ParquetSharp;
using Strata.Core.Results;

namespace Strata.Storage.Files.Results;

/// <summary>
/// Writes a stored result as Parquet, one row group per stored batch. Timestamps are written without a
/// time zone (they are UTC), so DuckDB reads them as plain TIMESTAMP.
/// </summary>
public static class ParquetCopy
{
    public static Task WriteAsync(StoredResult result, string path, CancellationToken cancellationToken) =>
        WriteBatchesAsync(Batches(result, cancellationToken), result.Schema.ToArrow(result.BatchRows), path, cancellationToken);

    private static async IAsyncEnumerable<RecordBatch> Batches(StoredResult result, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var slice in result.ReadAsync(0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            yield return slice.Batch;
        }
    }

    /// <summary>Writes batches of the given schema as Parquet, one row group per batch.</summary>
    public static async Task WriteBatchesAsync(IAsyncEnumerable<RecordBatch> batches, Schema source, string path, CancellationToken cancellationToken)
    {
        // The zone dropped, the unit kept (microseconds, or nanoseconds for a timestamp(9)).
        var fields = source.FieldsList.Select(f => f.DataType is TimestampType timestamp
            ? new Field(f.Name, new TimestampType(timestamp.Unit, (string?)null), true, f.Metadata)
            : f).ToList();
        var schema = new Schema(fields, source.Metadata);
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).Build();
        using var arrowProperties = new ArrowWriterPropertiesBuilder().StoreSchema().Build();
        using var writer = new FileWriter(path, schema, properties, arrowProperties);
        await foreach (var input in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var arrays = new IArrowArray[schema.FieldsList.Count];
            for (int i = 0; i < arrays.Length; i++)
            {
                var column = input.Column(i);
                arrays[i] = column is TimestampArray ts
                    ? ArrowArrayFactory.BuildArray(new ArrayData(fields[i].DataType, ts.Length, ts.NullCount, ts.Offset, ts.Data.Buffers))
                    : column;
            }
            using var batch = new RecordBatch(schema, arrays, input.Length);
            writer.WriteRecordBatch(batch);
        }
        writer.Close();
    }
}
