using System.Text.RegularExpressions;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>The loader's messages for bodies DuckDB's readers refuse.</summary>
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
}
