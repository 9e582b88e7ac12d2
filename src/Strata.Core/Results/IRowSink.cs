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

/// <summary>Collects rows into in-memory record batches (a page of a query over a stored result).</summary>
public sealed class PageSink(ResultSchema schema) : IRowSink, IDisposable
{
    private readonly BatchBuilder builder = new(schema);
    private readonly List<Apache.Arrow.RecordBatch> batches = [];

    public ResultSchema Schema { get; } = schema;

    public long RowCount { get; private set; }

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
            batches.Add(builder.Build()!);
        }
    }

    /// <summary>All collected rows as slices, in order.</summary>
    public IReadOnlyList<ResultSlice> Slices()
    {
        if (builder.Build() is { } last)
        {
            batches.Add(last);
        }
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
