using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Strata.Core.Results;

/// <summary>A run of rows inside one record batch.</summary>
public readonly record struct ResultSlice(RecordBatch Batch, int Start, int Length);

/// <summary>
/// A completed result file opened for reading. Batches are read on demand, so a page at any offset
/// costs one or two batch reads, and a full download holds one batch at a time.
/// </summary>
public sealed class StoredResult : IDisposable
{
    private readonly FileStream stream;
    private readonly ArrowFileReader reader;

    internal StoredResult(string path)
    {
        Path = path;
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.RandomAccess);
        reader = new ArrowFileReader(stream, leaveOpen: false);
        (Schema, BatchRows) = ResultSchema.FromArrow(reader.Schema);
    }

    public string Path { get; }

    public ResultSchema Schema { get; }

    public int BatchRows { get; }

    public long FileLength => stream.Length;

    /// <summary>Reads rows [offset, offset + count) as slices of stored batches, in order.</summary>
    public async IAsyncEnumerable<ResultSlice> ReadAsync(long offset, long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            yield break;
        }
        int batchCount = await reader.RecordBatchCountAsync().ConfigureAwait(false);
        int index = (int)(offset / BatchRows);
        int start = (int)(offset % BatchRows);
        long remaining = count;
        while (remaining > 0 && index < batchCount)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var batch = await reader.ReadRecordBatchAsync(index, cancellationToken).ConfigureAwait(false);
            int length = (int)Math.Min(batch.Length - start, remaining);
            if (length <= 0)
            {
                yield break;
            }
            yield return new ResultSlice(batch, start, length);
            remaining -= length;
            start = 0;
            index++;
        }
    }

    public void Dispose() => reader.Dispose();

    /// <summary>Value bytes of rows in a slice, restricted to the given columns.</summary>
    public static long BytesOf(ResultSlice slice, IReadOnlyList<int> columns)
    {
        long total = 0;
        foreach (int c in columns)
        {
            total += BytesOf(slice.Batch.Column(c), slice.Start, slice.Length);
        }
        return total;
    }

    /// <summary>
    /// The size measure behind result_set_bytes: fixed-width values count their width (booleans one byte),
    /// variable-width values their UTF-8 or binary length.
    /// </summary>
    public static long BytesOf(IArrowArray array, int start, int length) => array switch
    {
        BinaryArray b => (long)b.ValueOffsets[start + length] - b.ValueOffsets[start],
        BooleanArray => length,
        PrimitiveArray<long> or PrimitiveArray<ulong> or PrimitiveArray<double> => 8L * length,
        _ => 4L * length,
    };
}
