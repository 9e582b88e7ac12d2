namespace Strata.Core.Results;

/// <summary>Receives rows column by column, in the stored column kinds (see <see cref="ColumnKind"/>).</summary>
public interface IRowSink
{
    void AppendNull(int column);

    void AppendInt64(int column, long value);

    void AppendUInt64(int column, ulong value);

    void AppendDouble(int column, double value);

    void AppendFloat(int column, float value);

    void AppendDate(int column, int daysSinceEpoch);

    void AppendBoolean(int column, bool value);

    void AppendText(int column, string value);

    void AppendBytes(int column, Stream value);

    /// <summary>Ends the current row.</summary>
    void EndRow();
}

/// <summary>A row sink that builds record batches and hands each full batch to <see cref="OnBatch"/>.</summary>
public abstract class BatchSink(BatchBuilder builder) : IRowSink
{
    /// <summary>Rows received so far.</summary>
    public long RowCount { get; private set; }

    public int BatchRows => builder.BatchRows;

    /// <summary>The most rows a batch of this schema holds (<see cref="BatchBuilder.RowLimit"/>).</summary>
    public int RowLimit => builder.RowLimit;

    /// <summary>Variable-width value bytes past which a batch ends early.</summary>
    public long BatchBytes => builder.BatchBytes;

    public void AppendNull(int column) => builder.AppendNull(column);

    public void AppendInt64(int column, long value) => builder.AppendInt64(column, value);

    public void AppendUInt64(int column, ulong value) => builder.AppendUInt64(column, value);

    public void AppendDouble(int column, double value) => builder.AppendDouble(column, value);

    public void AppendFloat(int column, float value) => builder.AppendFloat(column, value);

    public void AppendDate(int column, int daysSinceEpoch) => builder.AppendDate(column, daysSinceEpoch);

    public void AppendBoolean(int column, bool value) => builder.AppendBoolean(column, value);

    public void AppendText(int column, string value) => builder.AppendText(column, value);

    public void AppendBytes(int column, Stream value) => builder.AppendBytes(column, value);

    public void EndRow()
    {
        RowCount++;
        if (builder.EndRow())
        {
            OnBatch(builder.Build()!);
        }
    }

    /// <summary>Hands over the rows of an unfinished batch, if any.</summary>
    protected void FlushPartialBatch()
    {
        if (builder.Build() is { } batch)
        {
            OnBatch(batch);
        }
    }

    /// <summary>Takes ownership of a built batch.</summary>
    protected abstract void OnBatch(Apache.Arrow.RecordBatch batch);
}

/// <summary>
/// Collects rows into in-memory record batches (a page of a query over a stored result). With a
/// <c>maxBytes</c> budget the batches are at most a quarter of it and <see cref="IsFull"/> says when the batches
/// held reach it, so a reader can end the page there: the whole page is held in the server's memory until it is
/// written out, and a sorted page of a 1 GiB result held about 800 MB per request (hostile12).
/// </summary>
public sealed class PageSink(ResultSchema schema, long maxBytes = long.MaxValue)
    : BatchSink(new BatchBuilder(schema, ResultWriter.DefaultBatchRows, Math.Clamp(maxBytes / 4, 1, ResultWriter.DefaultBatchBytes))), IDisposable
{
    private readonly List<Apache.Arrow.RecordBatch> batches = [];
    private readonly int[] allColumns = Enumerable.Range(0, schema.Columns.Count).ToArray();

    public ResultSchema Schema { get; } = schema;

    /// <summary>Value bytes of the batches held (as result_set_bytes counts them), the unfinished batch aside.</summary>
    public long HeldBytes { get; private set; }

    /// <summary>True once the batches held reach the budget given at construction.</summary>
    public bool IsFull => HeldBytes >= maxBytes;

    protected override void OnBatch(Apache.Arrow.RecordBatch batch)
    {
        batches.Add(batch);
        HeldBytes += StoredResult.BytesOf(new ResultSlice(batch, 0, batch.Length), allColumns);
    }

    /// <summary>All collected rows as slices, in order.</summary>
    public IReadOnlyList<ResultSlice> Slices()
    {
        FlushPartialBatch();
        return batches.Select(b => new ResultSlice(b, 0, b.Length)).ToArray();
    }

    public void Dispose()
    {
        foreach (var b in batches)
        {
            b.Dispose();
        }
    }
}
