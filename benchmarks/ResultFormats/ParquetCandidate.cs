using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using ParquetSharp;
using ParquetSharp.Arrow;
using Strata.Core.Results;

namespace Strata.Bench.ResultFormats;

/// <summary>
/// Parquet through ParquetSharp's Arrow API: the same Apache.Arrow record batches as ResultWriter builds
/// (same types and field metadata), one row group per batch, snappy. A page reads only the row groups
/// holding it.
/// </summary>
internal sealed class ParquetCandidate(string directory) : ICandidate
{
    public string Name => "Parquet, snappy (ParquetSharp)";

    public string Path { get; } = System.IO.Path.Combine(directory, "result.parquet");

    public void Write(long count)
    {
        var schema = ArrowSchema(Rows.Schema);
        using (var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).Build())
        using (var arrowProperties = new ArrowWriterPropertiesBuilder().StoreSchema().Build())
        using (var writer = new FileWriter(Path, schema, properties, arrowProperties))
        {
            for (long start = 0; start < count; start += ResultWriter.DefaultBatchRows)
            {
                using var batch = Batch(schema, start, (int)Math.Min(ResultWriter.DefaultBatchRows, count - start));
                writer.WriteRecordBatch(batch); // Starts a new row group.
            }
            writer.Close();
        }
        // ResultWriter syncs before its rename; do the same so that both write times include it.
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Write);
        stream.Flush(flushToDisk: true);
    }

    public long Open()
    {
        using var reader = new FileReader(Path);
        using var metadata = reader.ParquetReader.FileMetaData;
        using var first = reader.ParquetReader.RowGroup(0);
        return metadata.NumRows + first.MetaData.NumRows;
    }

    public async IAsyncEnumerable<ResultSlice> ReadAsync(long offset, long count)
    {
        using var reader = new FileReader(Path);
        using var metadata = reader.ParquetReader.FileMetaData;
        long end = Math.Min(metadata.NumRows, count > long.MaxValue - offset ? long.MaxValue : offset + count);
        if (offset >= end)
        {
            yield break;
        }
        // Every row group but the last holds the same number of rows, as StoredResult assumes of batches.
        long groupRows;
        using (var first = reader.ParquetReader.RowGroup(0))
        {
            groupRows = first.MetaData.NumRows;
        }
        int firstGroup = (int)(offset / groupRows);
        int lastGroup = (int)((end - 1) / groupRows);
        long position = firstGroup * groupRows;
        using var batches = reader.GetRecordBatchReader(Enumerable.Range(firstGroup, lastGroup - firstGroup + 1).ToArray());
        while (position < end)
        {
            using var batch = await batches.ReadNextRecordBatchAsync().ConfigureAwait(false);
            if (batch is null)
            {
                yield break;
            }
            long from = Math.Max(offset, position);
            long to = Math.Min(end, position + batch.Length);
            if (to > from)
            {
                yield return new ResultSlice(batch, (int)(from - position), (int)(to - from));
            }
            position += batch.Length;
        }
    }

    /// <summary>The schema ResultWriter writes (ResultSchema.ToArrow is internal to Strata.Core).</summary>
    private static Schema ArrowSchema(ResultSchema schema)
    {
        var builder = new Schema.Builder();
        foreach (var column in schema.Columns)
        {
            builder.Field(f => f
                .Name(column.Name)
                .DataType(ResultSchema.ArrowTypeOf(column.Kind))
                .Nullable(true)
                .Metadata("strata.dune_type", column.DuneType)
                .Metadata("strata.kind", ((int)column.Kind).ToString(CultureInfo.InvariantCulture)));
        }
        builder.Metadata("strata.batch_rows", ResultWriter.DefaultBatchRows.ToString(CultureInfo.InvariantCulture));
        return builder.Build();
    }

    private static RecordBatch Batch(Schema schema, long start, int length)
    {
        var blockNumbers = new Int64Array.Builder().Reserve(length);
        var amounts = new DoubleArray.Builder().Reserve(length);
        var accounts = new StringArray.Builder().Reserve(length);
        var blockTimes = new ArrowBuffer.Builder<long>(length);
        var values = new StringArray.Builder().Reserve(length);
        for (long i = start; i < start + length; i++)
        {
            var row = Rows.At(i);
            blockNumbers.Append(row.BlockNumber);
            amounts.Append(row.AmountUsd);
            accounts.Append(row.Account);
            blockTimes.Append(row.BlockTimeMicros);
            values.Append(row.Value);
        }
        var timestamps = new TimestampArray((TimestampType)schema.FieldsList[3].DataType, blockTimes.Build(), ArrowBuffer.Empty, length, 0, 0);
        return new RecordBatch(schema, [blockNumbers.Build(), amounts.Build(), accounts.Build(), timestamps, values.Build()], length);
    }
}
