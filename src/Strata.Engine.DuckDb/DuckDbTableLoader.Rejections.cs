using System.Globalization;
using System.Text;
using System.Text.Json;
using Strata.Core.Uploads;
using Strata.Storage.Files.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>Failed loads turned into the client's 400, naming the row, the column and the value.</summary>
public sealed partial class DuckDbTableLoader
{
    /// <summary>Turns a failed load into the client's 400: which row, which column, which value.</summary>
    private static Exception Reject(string message, string source, UploadFormat format, IReadOnlyList<UploadColumn> columns, SourcePlan plan)
    {
        // Only the error() raised by a conversion counts: it is the whole of DuckDB's message. The
        // reader's own errors quote the user's line, which may contain anything, the marker included.
        var marker = MarkerMessage().Match(message);
        if (!marker.Success
            || !int.TryParse(marker.Groups[1].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int index)
            || index >= columns.Count)
        {
            return new UploadRejectedException(ReaderMessage(message, format, source));
        }
        string kind = marker.Groups[2].Value;
        string value = message[marker.Length..];
        long? row = format == UploadFormat.Csv
            ? FindCsvRow(source, index < 0 ? -1 : plan.HeaderPositions[index], kind == "null" ? null : value)
            : FindJsonRow(source, index < 0 ? null : columns[index].Name, kind, value);
        string where = row is long r ? $"row {r}" : "a row";
        return new UploadRejectedException(kind switch
        {
            "null" => $"{where}, column \"{columns[index].Name}\": NULL in a column that is not nullable",
            "key" => $"{where}: unknown key \"{Shorten(value)}\"; the table's columns are {string.Join(", ", columns.Select(c => c.Name))}",
            "object" => $"{where}: not a JSON object: {Shorten(value)}",
            _ => $"{where}, column \"{columns[index].Name}\": value \"{Shorten(value)}\" is not a valid {columns[index].Type}",
        });
    }

    /// <summary>The 1-based data row (header not counted) whose field at <paramref name="position"/> is the value.</summary>
    private static long? FindCsvRow(string source, int position, string? value)
    {
        using var reader = new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(reader);
        var fields = new List<string?>();
        csv.Next(fields);
        for (long row = 1; csv.Next(fields); row++)
        {
            if (position >= 0 && position < fields.Count && fields[position] == value)
            {
                return row;
            }
        }
        return null;
    }

    /// <summary>The 1-based line (blank lines not counted) that holds the bad value, key or non-object.</summary>
    private static long? FindJsonRow(string source, string? column, string kind, string value)
    {
        using var reader = new StreamReader(source, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        long row = 0;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            row++;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                bool match = kind switch
                {
                    "object" => root.ValueKind != JsonValueKind.Object,
                    "key" => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(value, out _),
                    "null" => root.ValueKind == JsonValueKind.Object && (!root.TryGetProperty(column!, out var p) || p.ValueKind == JsonValueKind.Null),
                    _ => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(column!, out var q) && TextOf(q) == value,
                };
                if (match)
                {
                    return row;
                }
            }
            catch (JsonException)
            {
                return row;
            }
        }
        return null;
    }

    private static string? TextOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Null => null,
        _ => element.GetRawText(),
    };
}
