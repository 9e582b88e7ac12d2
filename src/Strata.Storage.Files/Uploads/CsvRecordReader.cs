using System.Text;
using Strata.Core.Uploads;

namespace Strata.Storage.Files.Uploads;

/// <summary>
/// Reads RFC 4180 records (quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes)
/// one at a time. Used for the header row and to find the row of a rejected value; the bulk of an
/// upload is converted by the engine.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder field = new();

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool Next(List<string?> fields) => Next(fields, int.MaxValue, int.MaxValue, int.MaxValue);

    /// <summary>
    /// Like <see cref="Next(List{string?})"/>, but stops with <see cref="UploadRejectedException"/> as
    /// soon as the record has more than <paramref name="maxFields"/> fields, a field longer than
    /// <paramref name="maxFieldChars"/> or more than <paramref name="maxChars"/> characters in all:
    /// reading a hostile header costs at most those bounds, whatever the input holds.
    /// </summary>
    public bool Next(List<string?> fields, int maxFields, int maxFieldChars, int maxChars, string? tooManyFields = null)
    {
        fields.Clear();
        long read = 0;
        int c = reader.Read();
        if (c < 0)
        {
            return false;
        }
        while (true)
        {
            field.Clear();
            if (c == '"')
            {
                while (true)
                {
                    c = reader.Read();
                    if (c < 0)
                    {
                        throw new UploadRejectedException("The CSV ends inside a quoted field (an unterminated quote).");
                    }
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            field.Append('"');
                            continue;
                        }
                        c = reader.Read();
                        break;
                    }
                    field.Append((char)c);
                    Check(fields.Count, maxFieldChars, maxChars, ref read);
                }
            }
            while (c >= 0 && c != ',' && c != '\n' && c != '\r')
            {
                field.Append((char)c);
                Check(fields.Count, maxFieldChars, maxChars, ref read);
                c = reader.Read();
            }
            if (fields.Count >= maxFields)
            {
                throw new UploadRejectedException(tooManyFields ?? $"The CSV header has more than {maxFields} columns; a table may have at most {maxFields} columns.");
            }
            // As the engine reads it: an empty field, quoted or not, is NULL.
            fields.Add(field.Length == 0 ? null : field.ToString());
            if (c == ',')
            {
                c = reader.Read();
                continue;
            }
            if (c == '\r' && reader.Peek() == '\n')
            {
                reader.Read();
            }
            return true;
        }
    }

    private void Check(int fieldIndex, int maxFieldChars, int maxChars, ref long read)
    {
        if (field.Length > maxFieldChars)
        {
            throw new UploadRejectedException($"Column {fieldIndex + 1} of the CSV header is longer than {maxFieldChars} characters.");
        }
        if (++read > maxChars)
        {
            throw new UploadRejectedException($"The CSV header is longer than {maxChars} characters.");
        }
    }
}
