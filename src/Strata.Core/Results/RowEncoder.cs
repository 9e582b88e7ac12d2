using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
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
        int end = slice.Start + slice.Length;
        for (int row = slice.Start; row < end; row++)
        {
            if (!first)
            {
                output.Write(","u8);
            }
            first = false;
            output.Write("{"u8);
            for (int c = 0; c < arrays.Length; c++)
            {
                if (c > 0)
                {
                    output.Write(","u8);
                }
                output.Write(jsonKeys[c]);
                WriteJsonValue(output, columns[c].Kind, arrays[c], row);
            }
            output.Write("}"u8);
        }
    }

    /// <summary>Writes the CSV header record.</summary>
    public void WriteCsvHeader(IBufferWriter<byte> output)
    {
        for (int c = 0; c < columns.Length; c++)
        {
            if (c > 0)
            {
                output.Write(","u8);
            }
            WriteCsvField(output, Encoding.UTF8.GetBytes(columns[c].Name));
        }
        output.Write("\n"u8);
    }

    /// <summary>Writes the rows of a slice as CSV records, each ending in LF.</summary>
    public void WriteCsvRows(ResultSlice slice, IBufferWriter<byte> output)
    {
        var arrays = indexes.Select(i => slice.Batch.Column(i)).ToArray();
        int end = slice.Start + slice.Length;
        for (int row = slice.Start; row < end; row++)
        {
            for (int c = 0; c < arrays.Length; c++)
            {
                if (c > 0)
                {
                    output.Write(","u8);
                }
                WriteCsvValue(output, columns[c].Kind, arrays[c], row);
            }
            output.Write("\n"u8);
        }
    }

    private static void WriteJsonValue(IBufferWriter<byte> output, ColumnKind kind, IArrowArray array, int row)
    {
        if (array.IsNull(row))
        {
            output.Write("null"u8);
            return;
        }
        switch (kind)
        {
            case ColumnKind.Text:
            case ColumnKind.ExactNumber:
                WriteJsonString(output, ((StringArray)array).GetBytes(row));
                break;
            case ColumnKind.Number:
            case ColumnKind.Json:
                output.Write(((StringArray)array).GetBytes(row));
                break;
            case ColumnKind.Double:
            case ColumnKind.Float:
                double d = kind == ColumnKind.Double ? ((DoubleArray)array).Values[row] : ((FloatArray)array).Values[row];
                if (double.IsFinite(d))
                {
                    WritePlain(output, kind, array, row);
                }
                else
                {
                    output.Write("\""u8);
                    WritePlain(output, kind, array, row);
                    output.Write("\""u8);
                }
                break;
            case ColumnKind.Binary:
            case ColumnKind.Timestamp:
            case ColumnKind.Date:
                output.Write("\""u8);
                WritePlain(output, kind, array, row);
                output.Write("\""u8);
                break;
            default:
                WritePlain(output, kind, array, row);
                break;
        }
    }

    private static void WriteCsvValue(IBufferWriter<byte> output, ColumnKind kind, IArrowArray array, int row)
    {
        if (array.IsNull(row))
        {
            return;
        }
        if (kind is ColumnKind.Text or ColumnKind.Json)
        {
            WriteCsvField(output, ((StringArray)array).GetBytes(row));
        }
        else
        {
            WritePlain(output, kind, array, row);
        }
    }

    /// <summary>Values whose text never needs quoting or escaping.</summary>
    private static void WritePlain(IBufferWriter<byte> output, ColumnKind kind, IArrowArray array, int row)
    {
        Span<byte> span;
        int n;
        switch (kind)
        {
            case ColumnKind.Int64:
                span = output.GetSpan(24);
                Utf8Formatter.TryFormat(((Int64Array)array).Values[row], span, out n);
                output.Advance(n);
                break;
            case ColumnKind.UInt64:
                span = output.GetSpan(24);
                Utf8Formatter.TryFormat(((UInt64Array)array).Values[row], span, out n);
                output.Advance(n);
                break;
            case ColumnKind.Double:
                span = output.GetSpan(32);
                ((DoubleArray)array).Values[row].TryFormat(span, out n, "R", CultureInfo.InvariantCulture);
                output.Advance(n);
                break;
            case ColumnKind.Float:
                span = output.GetSpan(32);
                ((FloatArray)array).Values[row].TryFormat(span, out n, "R", CultureInfo.InvariantCulture);
                output.Advance(n);
                break;
            case ColumnKind.Boolean:
                output.Write(((BooleanArray)array).GetValue(row) == true ? "true"u8 : "false"u8);
                break;
            case ColumnKind.Binary:
                WriteHex(output, ((BinaryArray)array).GetBytes(row));
                break;
            case ColumnKind.Timestamp:
                WriteTimestamp(output, ((TimestampArray)array).Values[row]);
                break;
            case ColumnKind.Date:
                span = output.GetSpan(16);
                n = WriteDate(span, ((Date32Array)array).Values[row]);
                output.Advance(n);
                break;
            case ColumnKind.ExactNumber:
            case ColumnKind.Number:
            case ColumnKind.Text:
            case ColumnKind.Json:
                output.Write(((StringArray)array).GetBytes(row));
                break;
            default:
                throw new InvalidOperationException($"unknown column kind {kind}");
        }
    }

    private static void WriteHex(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        var span = output.GetSpan(2 + (bytes.Length * 2));
        span[0] = (byte)'0';
        span[1] = (byte)'x';
        int j = 2;
        foreach (byte b in bytes)
        {
            span[j++] = HexDigits[b >> 4];
            span[j++] = HexDigits[b & 0xF];
        }
        output.Advance(j);
    }

    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    /// <summary>"YYYY-MM-DD HH:MM:SS.fff UTC" from microseconds since the epoch (truncated to milliseconds).</summary>
    internal static void WriteTimestamp(IBufferWriter<byte> output, long micros)
    {
        var span = output.GetSpan(40);
        long ticks = micros * 10;
        var dt = Epoch.AddTicks(ticks);
        int n = WriteDate(span, dt.Year, dt.Month, dt.Day);
        span[n++] = (byte)' ';
        n += Two(span[n..], dt.Hour);
        span[n++] = (byte)':';
        n += Two(span[n..], dt.Minute);
        span[n++] = (byte)':';
        n += Two(span[n..], dt.Second);
        span[n++] = (byte)'.';
        int ms = dt.Millisecond;
        span[n++] = (byte)('0' + (ms / 100));
        span[n++] = (byte)('0' + (ms / 10 % 10));
        span[n++] = (byte)('0' + (ms % 10));
        " UTC"u8.CopyTo(span[n..]);
        output.Advance(n + 4);
    }

    private static int WriteDate(Span<byte> span, int days)
    {
        var d = DateOnly.FromDayNumber(DateOnly.FromDateTime(Epoch).DayNumber + days);
        return WriteDate(span, d.Year, d.Month, d.Day);
    }

    private static int WriteDate(Span<byte> span, int year, int month, int day)
    {
        span[0] = (byte)('0' + (year / 1000));
        span[1] = (byte)('0' + (year / 100 % 10));
        span[2] = (byte)('0' + (year / 10 % 10));
        span[3] = (byte)('0' + (year % 10));
        span[4] = (byte)'-';
        Two(span[5..], month);
        span[7] = (byte)'-';
        Two(span[8..], day);
        return 10;
    }

    private static int Two(Span<byte> span, int v)
    {
        span[0] = (byte)('0' + (v / 10));
        span[1] = (byte)('0' + (v % 10));
        return 2;
    }

    /// <summary>A JSON string literal from UTF-8 bytes, escaping quotes, backslashes and control characters.</summary>
    public static void WriteJsonString(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        int i = 0;
        while (i < utf8.Length)
        {
            byte b = utf8[i];
            if (b < 0x20 || b == (byte)'"' || b == (byte)'\\')
            {
                break;
            }
            i++;
        }
        if (i == utf8.Length)
        {
            var span = output.GetSpan(utf8.Length + 2);
            span[0] = (byte)'"';
            utf8.CopyTo(span[1..]);
            span[utf8.Length + 1] = (byte)'"';
            output.Advance(utf8.Length + 2);
            return;
        }
        var s = output.GetSpan((utf8.Length * 6) + 2);
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
        output.Advance(n);
    }

    /// <summary>An RFC 4180 field: quoted when it holds a comma, quote, CR or LF, or is empty; quotes doubled.</summary>
    public static void WriteCsvField(IBufferWriter<byte> output, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            // Quoted, so that an empty string differs from NULL (an empty field).
            output.Write("\"\""u8);
            return;
        }
        if (utf8.IndexOfAny(",\"\r\n"u8) < 0)
        {
            output.Write(utf8);
            return;
        }
        var s = output.GetSpan((utf8.Length * 2) + 2);
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
        output.Advance(n);
    }
}
