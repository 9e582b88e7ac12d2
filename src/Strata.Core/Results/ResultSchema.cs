using Apache.Arrow;
using Apache.Arrow.Types;

namespace Strata.Core.Results;

/// <summary>
/// How a stored column is held and encoded. Persisted in result files: never rename or renumber.
/// </summary>
public enum ColumnKind
{
    /// <summary>Signed integer up to 64 bits; a JSON number.</summary>
    Int64 = 1,
    /// <summary>Unsigned 64-bit integer; a JSON number.</summary>
    UInt64 = 2,
    /// <summary>64-bit float; a JSON number, shortest round-trip text.</summary>
    Double = 3,
    /// <summary>32-bit float; a JSON number, shortest round-trip text.</summary>
    Float = 4,
    /// <summary>Boolean.</summary>
    Boolean = 5,
    /// <summary>Text.</summary>
    Text = 6,
    /// <summary>Bytes; encoded as 0x-prefixed lowercase hex.</summary>
    Binary = 7,
    /// <summary>Microseconds since the Unix epoch, UTC.</summary>
    Timestamp = 8,
    /// <summary>Days since the Unix epoch.</summary>
    Date = 9,
    /// <summary>An exact number kept as its decimal text; a JSON string (128/256-bit ints, wide decimals).</summary>
    ExactNumber = 10,
    /// <summary>An exact number kept as its decimal text; a JSON number (narrow decimals).</summary>
    Number = 11,
    /// <summary>JSON text (arrays, maps, structs, json); embedded in JSON responses (a json value as a string of its
    /// text: <see cref="RowEncoder.JsonKind"/>), text in CSV.</summary>
    Json = 12,
    /// <summary>Nanoseconds since the Unix epoch, UTC: a <c>timestamp(9)</c> (DuckDB's TIMESTAMP_NS).</summary>
    TimestampNanos = 13,
}

/// <summary>One result column: its name, its Dune/Trino type name, and how it is stored.</summary>
public sealed record ResultColumn(string Name, string DuneType, ColumnKind Kind);

/// <summary>The columns of a result and their Arrow representation.</summary>
public sealed class ResultSchema
{
    internal const string DuneTypeKey = "strata.dune_type";
    internal const string KindKey = "strata.kind";
    internal const string BatchRowsKey = "strata.batch_rows";

    /// <summary>Present in files whose batches may be shorter than batch_rows (ended by bytes): read them through their batch index.</summary>
    internal const string VariableBatchesKey = "strata.variable_batches";

    /// <summary>
    /// The most columns a result may have: each column holds buffers and metadata in the server while it is
    /// written and read, so a select of a million columns must be refused before it runs, not after.
    /// </summary>
    public const int MaxColumns = 10_000;

    /// <summary>
    /// The most characters a result's column names and types may take together. A type's text can grow exponentially in
    /// the SQL (a row of ten copies of a row of ten copies...), and a name can be repeated by every table of a join: each
    /// is held by the engine while it plans the read and by the server in every result's metadata.
    /// </summary>
    public const int MaxSchemaChars = 4 << 20;

    public ResultSchema(IReadOnlyList<ResultColumn> columns)
    {
        Columns = columns;
    }

    public IReadOnlyList<ResultColumn> Columns { get; }

    public IReadOnlyList<string> ColumnNames => Columns.Select(c => c.Name).ToArray();

    public IReadOnlyList<string> ColumnTypes => Columns.Select(c => c.DuneType).ToArray();

    public static IArrowType ArrowTypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Int64 => Int64Type.Default,
        ColumnKind.UInt64 => UInt64Type.Default,
        ColumnKind.Double => DoubleType.Default,
        ColumnKind.Float => FloatType.Default,
        ColumnKind.Boolean => BooleanType.Default,
        ColumnKind.Binary => BinaryType.Default,
        ColumnKind.Timestamp => new TimestampType(TimeUnit.Microsecond, "UTC"),
        ColumnKind.TimestampNanos => new TimestampType(TimeUnit.Nanosecond, "UTC"),
        ColumnKind.Date => Date32Type.Default,
        ColumnKind.Text or ColumnKind.ExactNumber or ColumnKind.Number or ColumnKind.Json => StringType.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The Arrow schema of these columns (with their Strata metadata), for downloads.</summary>
    public Schema ToArrowSchema() => ToArrow(ResultWriter.DefaultBatchRows);

    /// <summary>The Arrow schema a result file of this batch size carries.</summary>
    public Schema ToArrow(int batchRows)
    {
        var builder = new Schema.Builder();
        foreach (var column in Columns)
        {
            builder.Field(f => f
                .Name(column.Name)
                .DataType(ArrowTypeOf(column.Kind))
                .Nullable(true)
                .Metadata(DuneTypeKey, column.DuneType)
                .Metadata(KindKey, ((int)column.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        builder.Metadata(BatchRowsKey, batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.Metadata(VariableBatchesKey, "1");
        return builder.Build();
    }

    internal static (ResultSchema Schema, int BatchRows) FromArrow(Schema schema)
    {
        var columns = new List<ResultColumn>(schema.FieldsList.Count);
        foreach (var field in schema.FieldsList)
        {
            var meta = field.Metadata;
            var kind = (ColumnKind)int.Parse(meta[KindKey], System.Globalization.CultureInfo.InvariantCulture);
            columns.Add(new ResultColumn(field.Name, meta[DuneTypeKey], kind));
        }
        int batchRows = int.Parse(schema.Metadata[BatchRowsKey], System.Globalization.CultureInfo.InvariantCulture);
        return (new ResultSchema(columns), batchRows);
    }
}
