using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Apache.Arrow;

namespace Strata.Core.Results;

/// <summary>
/// Encodes stored rows as JSON objects or CSV records, straight from Arrow arrays into an output
/// buffer, with no per-row allocation. Values follow the wire contract, section 7.
/// </summary>
public sealed class RowEncoder
{
    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();
    private readonly ResultColumn[] columns;
    private readonly int[] indexes;
    private readonly byte[][] jsonKeys;

    /// <param name="schema">The stored schema.</param>
    /// <param name="columnIndexes">The stored columns to emit, in output order.</param>
    public RowEncoder(ResultSchema schema, IReadOnlyList<int> columnIndexes)
    {
        indexes = columnIndexes.ToArray();
        columns = indexes.Select(i => schema.Columns[i]).ToArray();
        jsonKeys = columns.Select(c =>
        {
            var w = new ArrayBufferWriter<byte>();
            WriteJsonString(w, Encoding.UTF8.GetBytes(c.Name));
            w.Write(":"u8);
            return w.WrittenSpan.ToArray();
        }).ToArray();
    }

    public IReadOnlyList<int> ColumnIndexes => indexes;

    public IReadOnlyList<ResultColumn> Columns => columns;

    /// <summary>Writes the rows of a slice as JSON objects, each preceded by a comma unless it is the very first.</summary>
    public void WriteJsonRows(ResultSlice slice, IBufferWriter<byte> output, ref bool first)
    {
        var arrays = indexes.Select(i => slice.Batch.Column(i)).ToArray();
        var kinds = columns.Select(JsonKind).ToArray();
        var digits = columns.Select(TemporalFormat.FractionDigits).ToArray();
        var o = new Out(output);
        int end = slice.Start + slice.Length;
        for (int row = slice.Start; row < end; row++)
        {
            if (!first)
            {
                o.Byte((byte)',');
            }
            first = false;
            o.Byte((byte)'{');
            for (int c = 0; c < arrays.Length; c++)
            {
                if (c > 0)
                {
                    o.Byte((byte)',');
                }
                o.Write(jsonKeys[c]);
                WriteJsonValue(ref o, kinds[c], arrays[c], row, digits[c]);
            }
            o.Byte((byte)'}');
        }
        o.Flush();
    }

    /// <summary>Writes the CSV header record; <paramref name="formulaSafe"/> as for <see cref="WriteCsvRows"/>.</summary>
    public void WriteCsvHeader(IBufferWriter<byte> output, bool formulaSafe = false)
    {
        var o = new Out(output);
        for (int c = 0; c < columns.Length; c++)
        {
            if (c > 0)
            {
                o.Byte((byte)',');
            }
            CsvCell(ref o, Encoding.UTF8.GetBytes(columns[c].Name), formulaSafe);
        }
        o.Byte((byte)'\n');
        o.Flush();
    }

    /// <summary>Writes the rows of a slice as CSV records, each ending in LF. With <paramref name="formulaSafe"/>,
    /// a text cell a spreadsheet would run as a formula gets a leading <c>'</c> (see <see cref="NeedsFormulaGuard"/>).</summary>
    public void WriteCsvRows(ResultSlice slice, IBufferWriter<byte> output, bool formulaSafe = false)
    {
        var arrays = indexes.Select(i => slice.Batch.Column(i)).ToArray();
        var kinds = columns.Select(c => c.Kind).ToArray();
        var digits = columns.Select(TemporalFormat.FractionDigits).ToArray();
        var o = new Out(output);
        int end = slice.Start + slice.Length;
        for (int row = slice.Start; row < end; row++)
        {
            for (int c = 0; c < arrays.Length; c++)
            {
                if (c > 0)
                {
                    o.Byte((byte)',');
                }
                var array = arrays[c];
                if (array.IsNull(row))
                {
                    continue;
                }
                if (kinds[c] is ColumnKind.Text or ColumnKind.Json)
                {
                    CsvCell(ref o, ((StringArray)array).GetBytes(row), formulaSafe);
                }
                else
                {
                    Plain(ref o, kinds[c], array, row, digits[c]);
                }
            }
            o.Byte((byte)'\n');
        }
        o.Flush();
    }

    /// <summary>How a column is written in JSON rows: a <c>json</c> value as a JSON string of its text, as Trino's client
    /// protocol sends it (JSON <c>null</c> is <c>"null"</c>, SQL NULL <c>null</c>); arrays, maps and rows embedded.</summary>
    internal static ColumnKind JsonKind(ResultColumn column) =>
        column.Kind == ColumnKind.Json && column.DuneType == "json" ? ColumnKind.Text : column.Kind;

    private static void WriteJsonValue(ref Out o, ColumnKind kind, IArrowArray array, int row, int digits)
    {
        if (array.IsNull(row))
        {
            o.Write("null"u8);
            return;
        }
        switch (kind)
        {
            case ColumnKind.Text:
            case ColumnKind.ExactNumber:
                JsonString(ref o, ((StringArray)array).GetBytes(row));
                break;
            case ColumnKind.Number:
            case ColumnKind.Json:
                o.Write(((StringArray)array).GetBytes(row));
                break;
            case ColumnKind.Double:
            case ColumnKind.Float:
                double d = kind == ColumnKind.Double ? ((DoubleArray)array).Values[row] : ((FloatArray)array).Values[row];
                if (double.IsFinite(d))
                {
                    Plain(ref o, kind, array, row, digits);
                }
                else
                {
                    o.Byte((byte)'"');
                    Plain(ref o, kind, array, row, digits);
                    o.Byte((byte)'"');
                }
                break;
            case ColumnKind.Binary:
            case ColumnKind.Timestamp:
            case ColumnKind.TimestampNanos:
            case ColumnKind.Date:
                o.Byte((byte)'"');
                Plain(ref o, kind, array, row, digits);
                o.Byte((byte)'"');
                break;
            default:
                Plain(ref o, kind, array, row, digits);
                break;
        }
    }

    /// <summary>Values whose text never needs quoting or escaping; a timestamp with <paramref name="digits"/> fraction digits.</summary>
    private static void Plain(ref Out o, ColumnKind kind, IArrowArray array, int row, int digits)
    {
        Span<byte> span;
        int n;
        switch (kind)
        {
            case ColumnKind.Int64:
                span = o.Reserve(24);
                Utf8Formatter.TryFormat(((Int64Array)array).Values[row], span, out n);
                o.Advance(n);
                break;
            case ColumnKind.UInt64:
                span = o.Reserve(24);
                Utf8Formatter.TryFormat(((UInt64Array)array).Values[row], span, out n);
                o.Advance(n);
                break;
            case ColumnKind.Double:
                span = o.Reserve(32);
                ((DoubleArray)array).Values[row].TryFormat(span, out n, "R", CultureInfo.InvariantCulture);
                o.Advance(n);
                break;
            case ColumnKind.Float:
                span = o.Reserve(32);
                ((FloatArray)array).Values[row].TryFormat(span, out n, "R", CultureInfo.InvariantCulture);
                o.Advance(n);
                break;
            case ColumnKind.Boolean:
                o.Write(((BooleanArray)array).GetValue(row) == true ? "true"u8 : "false"u8);
                break;
            case ColumnKind.Binary:
                Hex(ref o, ((BinaryArray)array).GetBytes(row));
                break;
            case ColumnKind.Timestamp:
                o.Advance(TemporalFormat.WriteTimestamp(o.Reserve(TemporalFormat.MaxLength), ((TimestampArray)array).Values[row], digits));
                break;
            case ColumnKind.TimestampNanos:
                o.Advance(TemporalFormat.WriteTimestampNanos(o.Reserve(TemporalFormat.MaxLength), ((TimestampArray)array).Values[row], digits));
                break;
            case ColumnKind.Date:
                o.Advance(TemporalFormat.WriteDate(o.Reserve(TemporalFormat.MaxLength), ((Date32Array)array).Values[row]));
                break;
            case ColumnKind.ExactNumber:
            case ColumnKind.Number:
            case ColumnKind.Text:
            case ColumnKind.Json:
                o.Write(((StringArray)array).GetBytes(row));
                break;
            default:
                throw new InvalidOperationException($"unknown column kind {kind}");
        }
    }

    private static void Hex(ref Out o, ReadOnlySpan<byte> bytes)
    {
        var span = o.Reserve(2 + (bytes.Length * 2));
        "0x"u8.CopyTo(span);
        for (int i = 0, j = 2; i < bytes.Length; i++, j += 2)
        {
            span[j] = HexDigits[bytes[i] >> 4];
            span[j + 1] = HexDigits[bytes[i] & 0xF];
        }
        o.Advance(2 + (bytes.Length * 2));
    }

    /// <summary>A JSON string literal from UTF-8 bytes, escaping quotes, backslashes and control characters.</summary>
    public static void WriteJsonString(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        var o = new Out(output);
        JsonString(ref o, utf8);
        o.Flush();
    }

    private static readonly SearchValues<byte> JsonSpecial = SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(i => (byte)i), (byte)'"', (byte)'\\']);
    private static readonly SearchValues<byte> CsvSpecial = SearchValues.Create(",\"\r\n"u8);

    private static void JsonString(ref Out o, ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOfAny(JsonSpecial) < 0)
        {
            var span = o.Reserve(utf8.Length + 2);
            span[0] = (byte)'"';
            utf8.CopyTo(span[1..]);
            span[utf8.Length + 1] = (byte)'"';
            o.Advance(utf8.Length + 2);
            return;
        }
        var s = o.Reserve((utf8.Length * 6) + 2);
        int n = 0;
        s[n++] = (byte)'"';
        foreach (byte b in utf8)
        {
            switch (b)
            {
                case (byte)'"': s[n++] = (byte)'\\'; s[n++] = (byte)'"'; break;
                case (byte)'\\': s[n++] = (byte)'\\'; s[n++] = (byte)'\\'; break;
                case (byte)'\n': s[n++] = (byte)'\\'; s[n++] = (byte)'n'; break;
                case (byte)'\r': s[n++] = (byte)'\\'; s[n++] = (byte)'r'; break;
                case (byte)'\t': s[n++] = (byte)'\\'; s[n++] = (byte)'t'; break;
                default:
                    if (b < 0x20)
                    {
                        "\\u00"u8.CopyTo(s[n..]);
                        n += 4;
                        s[n++] = HexDigits[b >> 4];
                        s[n++] = HexDigits[b & 0xF];
                    }
                    else
                    {
                        s[n++] = b;
                    }
                    break;
            }
        }
        s[n++] = (byte)'"';
        o.Advance(n);
    }

    /// <summary>An RFC 4180 field: quoted when it holds a comma, quote, CR or LF, or is empty; quotes doubled.</summary>
    public static void WriteCsvField(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        var o = new Out(output);
        CsvField(ref o, utf8);
        o.Flush();
    }

    /// <summary>OWASP's CSV-injection rule: a cell starting with =, +, -, @, tab or CR is read as a formula.</summary>
    public static bool NeedsFormulaGuard(ReadOnlySpan<byte> utf8) =>
        utf8.Length > 0 && utf8[0] is (byte)'=' or (byte)'+' or (byte)'-' or (byte)'@' or (byte)'\t' or (byte)'\r';

    private static void CsvCell(ref Out o, ReadOnlySpan<byte> utf8, bool formulaSafe)
    {
        if (!formulaSafe || !NeedsFormulaGuard(utf8))
        {
            CsvField(ref o, utf8);
            return;
        }
        byte[] guarded = ArrayPool<byte>.Shared.Rent(utf8.Length + 1);
        guarded[0] = (byte)'\'';
        utf8.CopyTo(guarded.AsSpan(1));
        CsvField(ref o, guarded.AsSpan(0, utf8.Length + 1));
        ArrayPool<byte>.Shared.Return(guarded);
    }

    private static void CsvField(ref Out o, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            // Quoted, so that an empty string differs from NULL (an empty field).
            o.Write("\"\""u8);
            return;
        }
        if (utf8.IndexOfAny(CsvSpecial) < 0)
        {
            o.Write(utf8);
            return;
        }
        var s = o.Reserve((utf8.Length * 2) + 2);
        int n = 0;
        s[n++] = (byte)'"';
        foreach (byte b in utf8)
        {
            if (b == (byte)'"')
            {
                s[n++] = (byte)'"';
            }
            s[n++] = b;
        }
        s[n++] = (byte)'"';
        o.Advance(n);
    }

    /// <summary>
    /// A write cursor over an <see cref="IBufferWriter{T}"/>: takes large spans and commits each in one
    /// Advance, so encoding a value costs a bounds check rather than a buffer-writer call.
    /// </summary>
    private ref struct Out(IBufferWriter<byte> writer)
    {
        private const int Chunk = 64 * 1024;
        private Span<byte> span;
        private int position;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Span<byte> Reserve(int size)
        {
            if (span.Length - position < size)
            {
                Grow(size);
            }
            return span[position..];
        }

        private void Grow(int size)
        {
            Flush();
            span = writer.GetSpan(Math.Max(size, Chunk));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Advance(int count) => position += count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Byte(byte b)
        {
            if (position == span.Length)
            {
                Grow(1);
            }
            span[position++] = b;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(Reserve(bytes.Length));
            position += bytes.Length;
        }

        public void Flush()
        {
            if (position > 0)
            {
                writer.Advance(position);
            }
            position = 0;
            span = default;
        }
    }
}
