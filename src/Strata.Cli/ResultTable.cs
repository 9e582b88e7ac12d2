using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Strata.Cli;

/// <summary>The default output: the first rows as a table as wide as the terminal, then a line of counts.</summary>
public static class ResultTable
{
    private static readonly string[] NumericTypes = ["tinyint", "smallint", "integer", "bigint", "int256", "uint256", "double", "real", "hugeint"];

    public static async Task WriteAsync(StrataClient client, string id, bool partial, int maxRows, IAnsiConsole console, CancellationToken ct)
    {
        string query = string.Create(CultureInfo.InvariantCulture, $"limit={maxRows}{(partial ? "&allow_partial_results=true" : "")}");
        var page = await client.GetJsonAsync($"api/v1/execution/{Uri.EscapeDataString(id)}/results?{query}", ct).ConfigureAwait(false);
        if (page["result"] is not JsonObject result)
        {
            throw new CliFailure(ExitCodes.QueryFailed, "the server returned no result rows");
        }
        var metadata = result["metadata"]!;
        string[] names = [.. metadata["column_names"]!.AsArray().Select(n => n!.GetValue<string>())];
        string[] types = [.. metadata["column_types"]!.AsArray().Select(n => n!.GetValue<string>())];
        var rows = result["rows"]!.AsArray().Select(r => names.Select(n => Cell(r![n])).ToArray()).ToList();
        long total = metadata["total_row_count"]?.GetValue<long>() ?? rows.Count;
        Render(console, names, types, rows, console.Profile.Width);
        console.WriteLine(Footer(rows.Count, total, partial));
    }

    /// <summary>A value as text: strings bare, null empty, everything else as its JSON.</summary>
    public static string Cell(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };

    public static string Footer(int shown, long total, bool partial)
    {
        string rows = total == 1 ? "1 row" : string.Create(CultureInfo.InvariantCulture, $"{total:N0} rows");
        string more = shown < total ? string.Create(CultureInfo.InvariantCulture, $", first {shown:N0} shown (--format csv|json|parquet or --out for all)") : "";
        return rows + more + (partial ? "; the result was cut at the server's stored-size cap" : "");
    }

    public static void Render(IAnsiConsole console, string[] names, string[] types, IReadOnlyList<string[]> rows, int width)
    {
        var natural = names.Select((n, i) => Math.Max(TableFit.NaturalWidth(n), rows.Count == 0 ? 0 : rows.Max(r => TableFit.NaturalWidth(r[i])))).ToArray();
        int[] widths = TableFit.Widths(natural, width);
        int shown = widths.Count(w => w > 0);
        var table = new Table().Border(TableBorder.Rounded);
        for (int i = 0; i < shown; i++)
        {
            var column = new TableColumn(new Text(TableFit.Clip(names[i], widths[i]))).Width(widths[i]).NoWrap();
            if (Array.IndexOf(NumericTypes, types[i]) >= 0 || types[i].StartsWith("decimal", StringComparison.Ordinal))
            {
                column.RightAligned();
            }
            table.AddColumn(column);
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Take(shown).Select((cell, i) => (Spectre.Console.Rendering.IRenderable)new Text(TableFit.Clip(cell, widths[i]))).ToArray());
        }
        console.Write(table);
        if (shown < names.Length)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{names.Length - shown} more columns not shown: {string.Join(", ", names.Skip(shown))}"));
        }
    }
}
