using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Strata.Core.Results;

/// <summary>
/// Writes a result as an Arrow IPC file, one record batch per <see cref="BatchRows"/> rows (fewer when
/// the batch's values pass <see cref="DefaultBatchBytes"/>), to a
/// temporary name; <see cref="Complete"/> flushes, syncs and renames it into place. Only one batch is
/// held in memory at a time.
/// </summary>
public sealed class ResultWriter : BatchSink, IDisposable
{
    public const int DefaultBatchRows = 16_384;

    /// <summary>A batch ends once its variable-width values reach this many bytes (batches then vary in rows).</summary>
    public const long DefaultBatchBytes = 8L << 20;

    private readonly string tempPath;
    private readonly string finalPath;
    private readonly FileStream stream;
    private readonly ArrowFileWriter writer;
    private readonly Action<long>? completed;
    private bool finished;

    internal ResultWriter(string tempPath, string finalPath, ResultSchema schema, int batchRows = DefaultBatchRows, Action<long>? completed = null, long batchBytes = DefaultBatchBytes)
        : this(tempPath, finalPath, schema, schema.ToArrow(batchRows), batchRows, completed, batchBytes)
    {
    }

    private ResultWriter(string tempPath, string finalPath, ResultSchema schema, Schema arrowSchema, int batchRows, Action<long>? completed, long batchBytes)
        : base(new BatchBuilder(arrowSchema, schema, batchRows, batchBytes))
    {
        this.completed = completed;
        this.tempPath = tempPath;
        this.finalPath = finalPath;
        Schema = schema;
        stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        writer = new ArrowFileWriter(stream, arrowSchema, leaveOpen: true);
        // The file header and schema go out now, so that a result with no rows is still a valid Arrow file.
        writer.WriteStart();
    }

    public ResultSchema Schema { get; }

    /// <summary>Value bytes written so far (the measure behind result_set_bytes).</summary>
    public long ValueBytes { get; private set; }

    protected override void OnBatch(RecordBatch batch)
    {
        using (batch)
        {
            for (int i = 0; i < batch.ColumnCount; i++)
            {
                ValueBytes += StoredResult.BytesOf(batch.Column(i), 0, batch.Length);
            }
            writer.WriteRecordBatch(batch);
        }
    }

    /// <summary>Writes the footer, syncs to disk and renames the file into place. Returns the file size.</summary>
    public long Complete()
    {
        FlushPartialBatch();
        writer.WriteEnd();
        stream.Flush(flushToDisk: true);
        long size = stream.Length;
        writer.Dispose();
        stream.Dispose();
        File.Move(tempPath, finalPath, overwrite: false);
        finished = true;
        completed?.Invoke(size);
        return size;
    }

    public void Dispose()
    {
        if (finished)
        {
            return;
        }
        finished = true;
        writer.Dispose();
        stream.Dispose();
        try
        {
            File.Delete(tempPath);
        }
        catch (IOException)
        {
            // The sweep of incomplete files removes it at the next start.
        }
    }
}
