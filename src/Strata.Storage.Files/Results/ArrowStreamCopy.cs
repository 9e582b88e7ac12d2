using Apache.Arrow.Ipc;
using Strata.Core.Results;

namespace Strata.Storage.Files.Results;

/// <summary>Writes a stored result as an Arrow IPC stream file (what the arrow download serves).</summary>
public static class ArrowStreamCopy
{
    public static async Task WriteAsync(StoredResult result, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        using (var writer = new ArrowStreamWriter(file, result.Schema.ToArrowSchema(), leaveOpen: true))
        {
            await writer.WriteStartAsync(cancellationToken).ConfigureAwait(false);
            await foreach (var slice in result.ReadAsync(0, long.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteRecordBatchAsync(slice.Batch, cancellationToken).ConfigureAwait(false);
            }
            await writer.WriteEndAsync(cancellationToken).ConfigureAwait(false);
        }
        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        file.Flush(flushToDisk: true);
    }
}
