using System.Text;
using Apache.Arrow;

namespace Strata.Core.Results;

/// <summary>
/// Builds Arrow record batches row by row for a result schema, one batch of up to
/// <see cref="BatchRows"/> rows at a time, ended early once its variable-width values reach
/// <see cref="BatchBytes"/> (rows of wide values would otherwise make one batch huge in memory), and holding fewer rows
/// when the fixed-width part of a row times <see cref="BatchRows"/> would pass <see cref="BatchBytes"/>: each column's
/// buffers are sized for the batch's rows, so a result of 60,000 columns held ~8 GB of buffers for 16,384 rows before its
/// first row (hostile7), and now holds about <see cref="BatchBytes"/>. Used for result files and for in-memory query pages.
/// </summary>
public sealed class BatchBuilder
{
    private readonly Schema arrowSchema;
    private readonly ColumnBuilder[] builders;
    private readonly VarBuilder[] variable;
    private readonly int rowLimit;
    private int rows;

    public BatchBuilder(ResultSchema schema, int batchRows = ResultWriter.DefaultBatchRows, long batchBytes = ResultWriter.DefaultBatchBytes)
        : this(schema.ToArrow(batchRows), schema, batchRows, batchBytes)
    {
    }

    internal BatchBuilder(Schema arrowSchema, ResultSchema schema, int batchRows, long batchBytes = ResultWriter.DefaultBatchBytes)
    {
        this.arrowSchema = arrowSchema;
        BatchRows = batchRows;
        BatchBytes = batchBytes;
        long rowBytes = Math.Max(1, schema.Columns.Sum(c => (long)ColumnBuilder.FixedBytes(c.Kind)));
        rowLimit = (int)Math.Clamp(batchBytes / rowBytes, 1, batchRows);
        builders = schema.Columns.Select(c => ColumnBuilder.For(c.Kind, rowLimit)).ToArray();
        variable = builders.OfType<VarBuilder>().ToArray();
    }

    /// <summary>The most rows a batch holds: <see cref="BatchRows"/>, or fewer for a row whose fixed-width values (and
    /// variable-width offsets) times <see cref="BatchRows"/> would pass <see cref="BatchBytes"/>; at least one.</summary>
    public int RowLimit => rowLimit;

    public int BatchRows { get; }

    /// <summary>Variable-width value bytes past which a batch ends before <see cref="BatchRows"/> rows.</summary>
    public long BatchBytes { get; }

    /// <summary>Rows in the batch being built.</summary>
    public int Rows => rows;

    public void AppendNull(int column) => builders[column].AppendNull();

    public void AppendInt64(int column, long value) => ((FixedBuilder<long>)builders[column]).Append(value);

    public void AppendUInt64(int column, ulong value) => ((FixedBuilder<ulong>)builders[column]).Append(value);

    public void AppendDouble(int column, double value) => ((FixedBuilder<double>)builders[column]).Append(value);

    public void AppendFloat(int column, float value) => ((FixedBuilder<float>)builders[column]).Append(value);

    public void AppendDate(int column, int daysSinceEpoch) => ((FixedBuilder<int>)builders[column]).Append(daysSinceEpoch);

    public void AppendBoolean(int column, bool value) => ((BooleanBuilder)builders[column]).Append(value);

    public void AppendText(int column, string value) => ((VarBuilder)builders[column]).Append(value);

    public void AppendBytes(int column, Stream value) => ((VarBuilder)builders[column]).Append(value);

    /// <summary>Ends a row; true when the batch is full (by rows, or by the bytes of its variable-width values).</summary>
    public bool EndRow()
    {
        if (++rows >= rowLimit)
        {
            return true;
        }
        long bytes = 0;
        foreach (var column in variable)
        {
            bytes += column.ValueBytes;
        }
        return bytes >= BatchBytes;
    }

    /// <summary>The rows so far as a batch (null when there are none); the builder starts a new batch.</summary>
    public RecordBatch? Build()
    {
        if (rows == 0)
        {
            return null;
        }
        var arrays = new IArrowArray[builders.Length];
        for (int i = 0; i < builders.Length; i++)
        {
            arrays[i] = builders[i].Build(arrowSchema.FieldsList[i].DataType, rows);
        }
        var batch = new RecordBatch(arrowSchema, arrays, rows);
        rows = 0;
        return batch;
    }

    private abstract class ColumnBuilder(int capacity)
    {
        protected readonly int capacity = capacity;
        protected ArrowBuffer.BitmapBuilder validity = new(capacity);
        protected int nullCount;

        public abstract void AppendNull();

        public abstract IArrowArray Build(Apache.Arrow.Types.IArrowType type, int length);

        protected ArrowBuffer TakeValidity()
        {
            var buffer = nullCount == 0 ? ArrowBuffer.Empty : validity.Build();
            validity = new ArrowBuffer.BitmapBuilder(capacity);
            return buffer;
        }

        public static ColumnBuilder For(ColumnKind kind, int capacity) => kind switch
        {
            ColumnKind.Int64 or ColumnKind.Timestamp or ColumnKind.TimestampNanos => new FixedBuilder<long>(capacity),
            ColumnKind.UInt64 => new FixedBuilder<ulong>(capacity),
            ColumnKind.Double => new FixedBuilder<double>(capacity),
            ColumnKind.Float => new FixedBuilder<float>(capacity),
            ColumnKind.Date => new FixedBuilder<int>(capacity),
            ColumnKind.Boolean => new BooleanBuilder(capacity),
            _ => new VarBuilder(capacity),
        };

        /// <summary>The bytes a row's value of the kind takes whatever it holds (a variable-width value's offset).</summary>
        public static int FixedBytes(ColumnKind kind) => kind switch
        {
            ColumnKind.Int64 or ColumnKind.Timestamp or ColumnKind.TimestampNanos or ColumnKind.UInt64 or ColumnKind.Double => 8,
            ColumnKind.Boolean => 1,
            _ => 4,
        };
    }

    private sealed class FixedBuilder<T>(int capacity) : ColumnBuilder(capacity)
        where T : unmanaged
    {
        private ArrowBuffer.Builder<T> values = new(capacity);

        public void Append(T value)
        {
            values.Append(value);
            validity.Append(true);
        }

        public override void AppendNull()
        {
            values.Append(default(T));
            validity.Append(false);
            nullCount++;
        }

        public override IArrowArray Build(Apache.Arrow.Types.IArrowType type, int length)
        {
            var data = new ArrayData(type, length, nullCount, 0, [TakeValidity(), values.Build()]);
            values = new ArrowBuffer.Builder<T>(capacity);
            nullCount = 0;
            return ArrowArrayFactory.BuildArray(data);
        }
    }

    private sealed class BooleanBuilder(int capacity) : ColumnBuilder(capacity)
    {
        private ArrowBuffer.BitmapBuilder values = new(capacity);

        public void Append(bool value)
        {
            values.Append(value);
            validity.Append(true);
        }

        public override void AppendNull()
        {
            values.Append(false);
            validity.Append(false);
            nullCount++;
        }

        public override IArrowArray Build(Apache.Arrow.Types.IArrowType type, int length)
        {
            var data = new ArrayData(type, length, nullCount, 0, [TakeValidity(), values.Build()]);
            values = new ArrowBuffer.BitmapBuilder(capacity);
            nullCount = 0;
            return ArrowArrayFactory.BuildArray(data);
        }
    }

    private sealed class VarBuilder(int capacity) : ColumnBuilder(capacity)
    {
        private ArrowBuffer.Builder<int> offsets = NewOffsets(capacity);
        private ArrowBuffer.Builder<byte> bytes = new(capacity * 16);
        private byte[] scratch = new byte[256];

        public int ValueBytes => bytes.Length;

        private static ArrowBuffer.Builder<int> NewOffsets(int capacity)
        {
            var b = new ArrowBuffer.Builder<int>(capacity + 1);
            b.Append(0);
            return b;
        }

        public void Append(string value)
        {
            int max = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (max > scratch.Length)
            {
                int needed = Encoding.UTF8.GetByteCount(value);
                if (needed > scratch.Length)
                {
                    scratch = new byte[Math.Max(needed, scratch.Length * 2)];
                }
            }
            int n = Encoding.UTF8.GetBytes(value, scratch);
            Append(scratch.AsSpan(0, n));
        }

        public void Append(ReadOnlySpan<byte> value)
        {
            bytes.Append(value);
            offsets.Append(bytes.Length);
            validity.Append(true);
        }

        public void Append(Stream value)
        {
            int total = 0;
            while (true)
            {
                if (total == scratch.Length)
                {
                    System.Array.Resize(ref scratch, scratch.Length * 2);
                }
                int n = value.Read(scratch, total, scratch.Length - total);
                if (n == 0)
                {
                    break;
                }
                total += n;
            }
            Append(scratch.AsSpan(0, total));
        }

        public override void AppendNull()
        {
            offsets.Append(bytes.Length);
            validity.Append(false);
            nullCount++;
        }

        public override IArrowArray Build(Apache.Arrow.Types.IArrowType type, int length)
        {
            var data = new ArrayData(type, length, nullCount, 0, [TakeValidity(), offsets.Build(), bytes.Build()]);
            offsets = NewOffsets(capacity);
            bytes = new ArrowBuffer.Builder<byte>(capacity * 16);
            nullCount = 0;
            return ArrowArrayFactory.BuildArray(data);
        }
    }
}
