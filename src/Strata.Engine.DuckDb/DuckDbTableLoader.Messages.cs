using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Strata.Core.Uploads;
using Strata.Storage.Files.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>The loader's messages for bodies DuckDB's readers refuse, and the search for the row a refusal names.</summary>
public sealed partial class DuckDbTableLoader
{
    /// <summary>
    /// The reader's own complaint (malformed CSV or JSON), first lines only, without DuckDB's advice, and
    /// without the server's path of the spooled body (DuckDB names the file it reads).
    /// </summary>
    private static string ReaderMessage(string message, UploadFormat format, string source)
    {
        message = message.Replace($"in file \"{source}\"", "in the body", StringComparison.Ordinal)
            .Replace(source, "the body", StringComparison.Ordinal);
        if (Path.GetDirectoryName(source) is { Length: > 1 } directory)
        {
            message = message.Replace(directory, "", StringComparison.Ordinal);
        }
        var lines = message.Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => !l.StartsWith("Possible ", StringComparison.Ordinal)).Where(l => l.Length > 0).Take(4);
        string text = string.Join(" ", lines);
        text = ErrorPrefix().Replace(text, "");
        return $"The {(format == UploadFormat.Csv ? "CSV" : "NDJSON")} body could not be read: {Shorten(text, 600)}";
    }

    [GeneratedRegex(@"^(Invalid Input|Conversion|Parser) Error:\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPrefix();

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
