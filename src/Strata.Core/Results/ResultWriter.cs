using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Strata.Core.Results;

/// <summary>
/// Writes a result as an Arrow IPC file, one record batch per <see cref="BatchRows"/> rows, to a
/// temporary name; <see cref="Complete"/> flushes, syncs and renames it into place. Only one batch is
/// held in memory at a time.
/// </summary>
public sealed class ResultWriter : IRowSink, IDisposable
{
    public const int DefaultBatchRows = 16_384;

    private readonly string tempPath;
    private readonly string finalPath;
    private readonly FileStream stream;
    private readonly ArrowFileWriter writer;
    private readonly Schema arrowSchema;
    private readonly BatchBuilder builder;
    private bool finished;

    internal ResultWriter(string tempPath, string finalPath, ResultSchema schema, int batchRows = DefaultBatchRows)
    {
        this.tempPath = tempPath;
        this.finalPath = finalPath;
        Schema = schema;
        BatchRows = batchRows;
        arrowSchema = schema.ToArrow(batchRows);
        builder = new BatchBuilder(arrowSchema, schema, batchRows);
        stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        writer = new ArrowFileWriter(stream, arrowSchema, leaveOpen: true);
    }

    public ResultSchema Schema { get; }

    public int BatchRows { get; }

    /// <summary>Rows written so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Value bytes written so far (the measure behind result_set_bytes).</summary>
    public long ValueBytes { get; private set; }

    public void AppendNull(int column) => builder.AppendNull(column);

    public void AppendInt64(int column, long value) => builder.AppendInt64(column, value);

    public void AppendUInt64(int column, ulong value) => builder.AppendUInt64(column, value);

    public void AppendDouble(int column, double value) => builder.AppendDouble(column, value);

    public void AppendFloat(int column, float value) => builder.AppendFloat(column, value);

    public void AppendDate(int column, int daysSinceEpoch) => builder.AppendDate(column, daysSinceEpoch);

    public void AppendBoolean(int column, bool value) => builder.AppendBoolean(column, value);

    public void AppendText(int column, string value) => builder.AppendText(column, value);

    /// <summary>Copies a stream's bytes as the value (for BLOBs read as streams).</summary>
    public void AppendBytes(int column, Stream value) => builder.AppendBytes(column, value);

    /// <summary>Ends the current row; flushes a batch when it is full.</summary>
    public void EndRow()
    {
        RowCount++;
        if (builder.EndRow())
        {
            Flush();
        }
    }

    private void Flush()
    {
        using var batch = builder.Build();
        if (batch is null)
        {
            return;
        }
        for (int i = 0; i < batch.ColumnCount; i++)
        {
            ValueBytes += StoredResult.BytesOf(batch.Column(i), 0, batch.Length);
        }
        writer.WriteRecordBatch(batch);
    }

    /// <summary>Writes the footer, syncs to disk and renames the file into place. Returns the file size.</summary>
    public long Complete()
    {
        Flush();
        writer.WriteEnd();
        stream.Flush(flushToDisk: true);
        long size = stream.Length;
        writer.Dispose();
        stream.Dispose();
        File.Move(tempPath, finalPath, overwrite: false);
        finished = true;
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
