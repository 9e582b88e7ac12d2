using System.Net;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Strata.Tests.DuneSql;

/// <summary>
/// dune-wire (decision 151): the exact values Dune's API gives where earlier rounds left differences. A <c>json</c> value
/// is a string of its JSON text, as Trino's client protocol sends it, so JSON <c>null</c> (<c>"null"</c>) is apart from
/// SQL NULL (<c>null</c>) in JSON rows, CSV (the text <c>null</c> vs an empty field), Arrow and result views;
/// <c>map_entries</c> gives rows without field names (JSON arrays); <c>array_histogram</c> keeps Trino's key order;
/// sorting a result view by an array, map, row or json column is refused by name.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWireTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string JsonNulls = "SELECT json_parse('null') AS jn, CAST(NULL AS JSON) AS sn, "
        + "json_extract(j, '$.a') AS present_null, json_extract(j, '$.missing') AS missing, json_extract(j, '$.b') AS b, "
        + "CAST(JSON '[null, 1]' AS ARRAY(JSON)) AS arr, CAST(JSON '{\"a\": null, \"b\": [1, 2]}' AS MAP(VARCHAR, JSON)) AS map FROM (VALUES '{\"a\": null, \"b\": \"x\"}') AS t(j)";

    [Fact]
    public async Task Json_null_and_sql_null_differ_in_json_rows_and_csv()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(JsonNulls);
        Assert.Equal(["json", "json", "json", "json", "json", "array(json)", "map(varchar, json)"], types);
        Assert.Equal("\"null\"", row["jn"]!.ToJsonString());
        Assert.Null(row["sn"]);
        Assert.Equal("\"null\"", row["present_null"]!.ToJsonString());
        Assert.Null(row["missing"]);
        // A JSON string value is a string holding its JSON text, quotes included, apart from a varchar 'x'.
        Assert.Equal("\"x\"", row["b"]!.GetValue<string>());
        Assert.Equal("""["null","1"]""", row["arr"]!.ToJsonString());
        Assert.Equal("null", row["map"]!["a"]!.GetValue<string>());
        Assert.Equal("[1,2]", row["map"]!["b"]!.GetValue<string>());
        var parsed = ValueEncodingTests.ParseCsv(string.Join("\n", csv) + "\n");
        Assert.Equal(["null", "", "null", "", "\"x\"", """["null","1"]""", """{"a":"null","b":"[1,2]"}"""], parsed[1]);
    }

    [Fact]
    public async Task Json_null_reads_the_same_through_arrow_and_a_filtered_view()
    {
        string id = await Server.Alice.SubmitAsync(JsonNulls);
        await Server.Alice.WaitAsync(id);
        using var response = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results/arrow");
        response.EnsureSuccessStatusCode();
        using var reader = new ArrowStreamReader(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var batch = await reader.ReadNextRecordBatchAsync();
        Assert.NotNull(batch);
        Assert.Equal("null", ((StringArray)batch.Column("jn")).GetString(0));
        Assert.True(batch.Column("sn").IsNull(0));
        var view = await Server.Alice.GetFromJsonNodeAsync(
            $"/api/v1/execution/{id}/results?columns=jn,sn,missing&filters={Uri.EscapeDataString("jn IS NOT NULL AND sn IS NULL")}");
        var rows = view["result"]!["rows"]!.AsArray();
        Assert.Single(rows);
        Assert.Equal("""{"jn":"null","sn":null,"missing":null}""", rows[0]!.ToJsonString());
    }

    [Fact]
    public async Task Map_entries_are_rows_without_field_names_and_histogram_keys_keep_first_appearance()
    {
        string id = await Server.Alice.SubmitAsync("SELECT map_entries(MAP(ARRAY[1, 2], ARRAY['x', 'y'])) AS e, "
            + "array_histogram(ARRAY[42, 7, 42, NULL]) AS h, array_histogram(ARRAY['b', 'a', NULL, 'b', 'c']) AS s, "
            + "array_histogram(x) AS n FROM (VALUES CAST(NULL AS ARRAY(INTEGER))) AS t(x)");
        await Server.Alice.WaitAsync(id);
        var body = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results");
        Assert.Equal(["array(row(integer, varchar))", "map(integer, bigint)", "map(varchar, bigint)", "map(integer, bigint)"],
            body["result"]!["metadata"]!["column_types"]!.AsArray().Select(t => t!.GetValue<string>()));
        // The body's text, not a parsed object: an object's key order is the map's order (Trino's {42=2, 7=1}).
        string text = await Server.Alice.GetStringAsync($"/api/v1/execution/{id}/results");
        Assert.Contains("""{"e":[[1,"x"],[2,"y"]],"h":{"42":2,"7":1},"s":{"b":2,"a":1,"c":1},"n":null}""", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("m desc")]
    [InlineData("i, r")]
    [InlineData("j")]
    public async Task Sorting_a_view_by_a_nested_or_json_column_is_refused_by_name(string sortBy)
    {
        string id = await Server.Alice.SubmitAsync("SELECT ARRAY[10] AS a, MAP(ARRAY['k'], ARRAY[1]) AS m, 1 AS i, "
            + "CAST(ROW(1, 'x') AS ROW(p integer, q varchar)) AS r, json_parse('[1]') AS j");
        await Server.Alice.WaitAsync(id);
        var (code, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?sort_by={Uri.EscapeDataString(sortBy)}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        string message = body!["error"]!.GetValue<string>();
        Assert.StartsWith("sort_by: column ", message, StringComparison.Ordinal);
        Assert.Contains("sorting by an array, map, row or json column is not supported", message, StringComparison.Ordinal);
        var (ok, _, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?sort_by=i&filters={Uri.EscapeDataString("i = 1")}");
        Assert.Equal(HttpStatusCode.OK, ok);
    }
}
