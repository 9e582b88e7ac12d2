using System.Text;

namespace Strata.Core.Uploads;

/// <summary>
/// Reads RFC 4180 records (quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes)
/// one at a time. Used for the header row and to find the row of a rejected value; the bulk of an
/// upload is converted by the engine.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder field = new();

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the input.</summary>
    public bool Next(List<string?> fields)
    {
        fields.Clear();
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
                }
            }
            while (c >= 0 && c != ',' && c != '\n' && c != '\r')
            {
                field.Append((char)c);
                c = reader.Read();
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
}
