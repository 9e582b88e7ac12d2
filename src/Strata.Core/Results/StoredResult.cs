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

    /// <summary>Opens a completed result file; <see cref="FileNotFoundException"/> when there is none.</summary>
    public StoredResult(string path)
    {
        Path = path;
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.RandomAccess);
        reader = new ArrowFileReader(stream, leaveOpen: false);
        (Schema, BatchRows) = ResultSchema.FromArrow(reader.Schema);
        variableBatches = reader.Schema.Metadata.ContainsKey(ResultSchema.VariableBatchesKey);
    }

    /// <summary>Batches may be shorter than <see cref="BatchRows"/> (files written since batches are bounded in bytes).</summary>
    private readonly bool variableBatches;

    /// <summary>First row of each batch (variable batches only), read once from the file's metadata.</summary>
    private long[]? batchStarts;

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
        var (index, start) = Locate(offset);
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

    /// <summary>The batch holding row <paramref name="offset"/> and the row's place in it.</summary>
    private (int Index, int Start) Locate(long offset)
    {
        if (!variableBatches)
        {
            // Older files: every batch but the last holds exactly BatchRows rows.
            return ((int)(offset / BatchRows), (int)(offset % BatchRows));
        }
        var starts = batchStarts ??= ArrowFileIndex.BatchStarts(stream);
        int found = System.Array.BinarySearch(starts, 0, starts.Length - 1, offset);
        int index = found >= 0 ? found : ~found - 1;
        if (index < 0 || offset >= starts[^1])
        {
            return (starts.Length - 1, 0);
        }
        // Empty batches share their start with the next one: take the last batch starting here.
        while (index + 1 < starts.Length - 1 && starts[index + 1] == offset)
        {
            index++;
        }
        return (index, (int)(offset - starts[index]));
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
