using Apache.Arrow;
using Apache.Arrow.Ipc;
using Strata.Core.Results;

namespace Strata.Server.Apis;

/// <summary>The columnar download formats.</summary>
public enum DownloadFormat
{
    Parquet,
    Arrow,
}

/// <summary>Writes a prepared page as an Arrow IPC stream or a Parquet file.</summary>
public static class Downloads
{
    public static async Task WriteAsync(HttpContext context, Page page, DownloadFormat format, IParquetWriter parquet, ResultViewLimits limits)
    {
        var ct = context.RequestAborted;
        var schema = new ResultSchema(page.Encoder.Columns.ToArray()).ToArrowSchema();
        if (format == DownloadFormat.Arrow)
        {
            context.Response.ContentType = "application/vnd.apache.arrow.stream";
            await using var body = context.Response.BodyWriter.AsStream(leaveOpen: true);
            using var writer = new ArrowStreamWriter(body, schema, leaveOpen: true);
            await writer.WriteStartAsync(ct).ConfigureAwait(false);
            await foreach (var slice in page.Slices.WithCancellation(ct).ConfigureAwait(false))
            {
                using var batch = Project(slice, page.Encoder.ColumnIndexes, schema);
                await writer.WriteRecordBatchAsync(batch, ct).ConfigureAwait(false);
            }
            await writer.WriteEndAsync(ct).ConfigureAwait(false);
            return;
        }
        // Parquet needs a seekable file: write it aside (under the data directory, a bounded number at once), then stream it.
        using var temp = limits.NewParquetFile();
        await parquet.WriteAsync(Project(page, schema), schema, temp.Path, ct).ConfigureAwait(false);
        context.Response.ContentType = "application/vnd.apache.parquet";
        await using var file = new FileStream(temp.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        context.Response.ContentLength = file.Length;
        await file.CopyToAsync(context.Response.Body, ct).ConfigureAwait(false);
    }

    private static async IAsyncEnumerable<RecordBatch> Project(Page page, Schema schema)
    {
        await foreach (var slice in page.Slices.ConfigureAwait(false))
        {
            yield return Project(slice, page.Encoder.ColumnIndexes, schema);
        }
    }

    /// <summary>The slice's rows and chosen columns as a batch of its own.</summary>
    private static RecordBatch Project(ResultSlice slice, IReadOnlyList<int> columns, Schema schema)
    {
        var arrays = columns.Select(c => ArrowArrayFactory.Slice(slice.Batch.Column(c), slice.Start, slice.Length)).ToArray();
        return new RecordBatch(schema, arrays, slice.Length);
    }
}
