using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Strata.Tests.DuneSql;

/// <summary>
/// dune-docs2: the examples of Dune's function reference (dune-docs query-engine/Functions-and-operators) whose documented
/// answer Strata gives, run through the HTTP API as a Dune client reads them: each row's values as JSON and the column
/// types (docs-examples.tsv, one example a line). An example that changes its answer or its type fails here, naming its
/// page and statement. A page's single-expression examples run as the columns of one query.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlDocsExamplesTests(InProcessSharedServer shared)
{
    private sealed record Example(string Page, bool Expression, string Sql, string Expected, string TypesOrError);

    private static string ExamplesFile([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "docs-examples.tsv");

    private static List<Example> Examples() => File.ReadAllLines(ExamplesFile())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(f => new Example(f[0], f[1] == "expression", f[2], f[3], f[4]))
        .ToList();

    public static TheoryData<string> Pages() => new(Examples().Select(e => e.Page).Distinct(StringComparer.Ordinal));

    [Fact]
    public void The_examples_cover_the_pages_with_results_and_the_refusals()
    {
        var examples = Examples();
        Assert.True(examples.Count >= 280, $"{examples.Count} examples");
        Assert.Contains(examples, e => e.Expected == "ERROR");
        Assert.All(examples, e => Assert.True(e.Expected == "ERROR" || JsonNode.Parse(e.Expected) is JsonArray, e.Sql));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_pages_examples_give_the_documented_answers(string page)
    {
        var examples = Examples().Where(e => e.Page == page).ToList();
        var client = shared.Server.Alice;
        foreach (var batch in examples.Where(e => e.Expression).Chunk(40))
        {
            string sql = "SELECT " + string.Join(", ", batch.Select((e, i) => $"{e.Sql["SELECT ".Length..]} AS c{i}"));
            var (rows, types) = await RunAsync(client, sql);
            for (int i = 0; i < batch.Length; i++)
            {
                var expected = JsonNode.Parse(batch[i].Expected)!.AsArray()[0]!.AsArray()[0];
                Assert.True(JsonNode.DeepEquals(expected, rows![0]![$"c{i}"]), $"{page}: {batch[i].Sql} gave {rows[0]![$"c{i}"]?.ToJsonString()}");
                Assert.True(JsonNode.Parse(batch[i].TypesOrError)![0]!.GetValue<string>() == types![i], $"{page}: {batch[i].Sql} is {types[i]}");
            }
        }
        foreach (var example in examples.Where(e => !e.Expression))
        {
            string id = await client.SubmitAsync(example.Sql);
            var status = await client.WaitAsync(id);
            if (example.Expected == "ERROR")
            {
                Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_FAILED", $"{page}: {example.Sql} did not fail");
                Assert.Contains(example.TypesOrError, status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
                continue;
            }
            var (rows, types) = await RunAsync(client, example.Sql);
            var actual = new JsonArray(rows!.Select(row => (JsonNode?)new JsonArray(row!.AsObject().Select(p => p.Value?.DeepClone()).ToArray())).ToArray());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example.Expected), actual), $"{page}: {example.Sql} gave {actual.ToJsonString()}");
            Assert.Equal(JsonNode.Parse(example.TypesOrError)!.AsArray().Select(t => t!.GetValue<string>()), types);
        }
    }

    private static async Task<(JsonArray Rows, string[] Types)> RunAsync(HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", sql + ": " + status.ToJsonString());
        var body = await client.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results");
        var types = body["result"]!["metadata"]!["column_types"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
        return (body["result"]!["rows"]!.AsArray(), types);
    }
}
