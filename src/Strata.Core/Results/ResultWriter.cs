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

    /// <summary>The default bound on one value (text, bytes, or the JSON of a nested value) a result may hold: 16 MiB.</summary>
    public const long DefaultMaxValueBytes = 16L << 20;

    private readonly string tempPath;
    private readonly string? finalPath;
    private readonly FileStream stream;
    private readonly ArrowFileWriter writer;
    private readonly Action<long>? completed;
    private bool finished;
    private bool handedOff;

    /// <summary>Writes to <paramref name="tempPath"/> and renames to <paramref name="finalPath"/> on completion (what a result store implementation makes).</summary>
    public ResultWriter(string tempPath, string finalPath, ResultSchema schema, int batchRows = DefaultBatchRows, Action<long>? completed = null, long batchBytes = DefaultBatchBytes)
        : this(tempPath, finalPath, schema, schema.ToArrow(batchRows), batchRows, batchBytes, FileMode.CreateNew, completed)
    {
    }

    private ResultWriter(string tempPath, string? finalPath, ResultSchema schema, Schema arrowSchema, int batchRows, long batchBytes, FileMode mode, Action<long>? completed)
        : base(new BatchBuilder(arrowSchema, schema, batchRows, batchBytes))
    {
        this.completed = completed;
        this.tempPath = tempPath;
        this.finalPath = finalPath;
        Schema = schema;
        stream = new FileStream(tempPath, mode, FileAccess.Write, FileShare.None, 1 << 16);
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

    /// <summary>
    /// Opens a writer over a file another writer handed off (see <see cref="HandOff"/>), in another
    /// process: it rewrites the file from the start, and <see cref="Complete"/> syncs it but does not
    /// rename it (the writer that handed it off does, with <see cref="CompleteHandedOff"/>).
    /// </summary>
    public static ResultWriter OpenHandedOff(string path, ResultSchema schema, int batchRows, long batchBytes = DefaultBatchBytes) =>
        new(path, null, schema, schema.ToArrow(batchRows), batchRows, batchBytes, FileMode.Truncate, completed: null);

    /// <summary>
    /// Closes this writer's stream and returns the temporary file's path, so that another process
    /// writes the rows there (<see cref="OpenHandedOff"/> with the same schema, <see cref="BatchSink.BatchRows"/> and <see cref="BatchBytes"/>).
    /// Afterwards <see cref="CompleteHandedOff"/> puts the file in place, or <see cref="Dispose"/> deletes it.
    /// </summary>
    public string HandOff()
    {
        if (handedOff || finished || RowCount > 0)
        {
            throw new InvalidOperationException("Only a writer with no rows can hand its file off, once.");
        }
        handedOff = true;
        writer.Dispose();
        stream.Dispose();
        return tempPath;
    }

    /// <summary>Renames a handed-off file, completed and synced by its other writer, into place. Returns the file size.</summary>
    public long CompleteHandedOff()
    {
        if (!handedOff || finished || finalPath is null)
        {
            throw new InvalidOperationException("The writer has not handed its file off.");
        }
        long size = new FileInfo(tempPath).Length;
        File.Move(tempPath, finalPath, overwrite: false);
        finished = true;
        completed?.Invoke(size);
        return size;
    }

    /// <summary>Writes the footer, syncs to disk and renames the file into place (unless it was handed off
    /// to this writer). Returns the file size.</summary>
    public long Complete()
    {
        if (handedOff)
        {
            throw new InvalidOperationException("The writer has handed its file off.");
        }
        FlushPartialBatch();
        writer.WriteEnd();
        stream.Flush(flushToDisk: true);
        long size = stream.Length;
        writer.Dispose();
        stream.Dispose();
        if (finalPath is not null)
        {
            File.Move(tempPath, finalPath, overwrite: false);
        }
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
        if (!handedOff)
        {
            writer.Dispose();
            stream.Dispose();
        }
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
