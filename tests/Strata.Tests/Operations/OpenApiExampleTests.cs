using System.Net;
using System.Text.Json;

namespace Strata.Tests.Operations;

/// <summary>
/// The success examples of the newer routes (datasets, query endpoints, materialized views, pipelines) are real
/// answers: each route is run on an in-process server and the documented example of its success answer must have the
/// real answer's shape (the same fields, recursively, with the same JSON kinds). With STRATA_OPENAPI_CAPTURE set to a
/// directory the real answers are written there (one file per route), which is how the examples were recorded.
/// </summary>
public sealed class OpenApiExampleTests(OpsHost host) : IClassFixture<OpsHost>
{
    [Fact]
    public async Task The_newer_routes_success_examples_have_the_shape_of_their_real_answers()
    {
        var doc = JsonNode.Parse(await (await host.Anonymous.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;
        var alice = host.Alice;
        var answers = new List<(string Method, string Path, JsonNode Body)>();

        async Task<JsonNode> Call(HttpMethod method, string template, string path, string? body = null)
        {
            var (status, json, _) = await alice.SendJsonAsync(method, path, body);
            Assert.True(status == HttpStatusCode.OK, $"{method} {path}: {status} {json}");
            answers.Add((method.Method.ToLowerInvariant(), template, json!));
            return json!;
        }

        string tag = Guid.NewGuid().ToString("N")[..6];
        var (_, created, _) = await alice.PostJsonAsync("/api/v1/query",
            """{"name":"daily blocks","query_sql":"select number, gas_used from ethereum.blocks order by number limit {{n}}","parameters":[{"key":"n","type":"number","value":"3"}],"is_private":false}""");
        long queryId = created!["query_id"]!.GetValue<long>();
        string view = "result_daily_" + tag;
        var submitted = await Call(HttpMethod.Post, "/api/v1/materialized-views", "/api/v1/materialized-views",
            $$"""{"name":"{{view}}","query_id":{{queryId}},"cron_expression":"0 */6 * * *","performance":"medium"}""");
        await alice.WaitAsync(submitted["execution_id"]!.GetValue<string>());
        string full = submitted["name"]!.GetValue<string>();
        JsonNode shown;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        do
        {
            shown = (await alice.GetJsonAsync($"/api/v1/materialized-views/{full}")).Body!;
            Assert.True(DateTime.UtcNow < deadline, shown.ToJsonString());
        }
        while (shown["table_execution_id"] is null && await Task.Delay(20).ContinueWith(_ => true));
        await Call(HttpMethod.Get, "/api/v1/materialized-views/{name}", $"/api/v1/materialized-views/{full}");
        await Call(HttpMethod.Get, "/api/v1/materialized-views", "/api/v1/materialized-views?limit=1");
        await Call(HttpMethod.Get, "/api/v1/datasets", "/api/v1/datasets?limit=1&type=transformation_table");
        await Call(HttpMethod.Get, "/api/v1/datasets/{fullName}", $"/api/v1/datasets/{full}");

        var (_, reader, _) = await alice.PostJsonAsync("/api/v1/query", $$"""{"name":"gas","query_sql":"select sum(gas_used) as gas from {{full}}","is_private":false}""");
        long readerId = reader!["query_id"]!.GetValue<long>();
        await Call(HttpMethod.Get, "/api/v1/query/{queryId}/pipeline", $"/api/v1/query/{readerId}/pipeline");
        var pipeline = await Call(HttpMethod.Post, "/api/v1/pipelines/execute", "/api/v1/pipelines/execute", $$"""{"query_id":{{readerId}}}""");
        string pipelineId = pipeline["pipeline_execution_id"]!.GetValue<string>();
        JsonNode status;
        deadline = DateTime.UtcNow.AddSeconds(120);
        do
        {
            status = (await alice.GetJsonAsync($"/api/v1/pipelines/executions/{pipelineId}/status")).Body!;
            Assert.True(DateTime.UtcNow < deadline, status.ToJsonString());
        }
        while (status["status"]!.GetValue<string>() is not ("completed" or "failed") && await Task.Delay(20).ContinueWith(_ => true));
        Assert.True(status["status"]!.GetValue<string>() == "completed", status.ToJsonString());
        await Call(HttpMethod.Get, "/api/v1/pipelines/executions/{pipelineId}/status", $"/api/v1/pipelines/executions/{pipelineId}/status");
        // Started after the first ended: a second refresh of the view while the first runs would supersede it.
        await Call(HttpMethod.Post, "/api/v1/query/{queryId}/pipeline/execute", $"/api/v1/query/{readerId}/pipeline/execute", """{"performance":"medium"}""");
        await Call(HttpMethod.Post, "/api/v1/materialized-views/{name}/refresh", $"/api/v1/materialized-views/{full}/refresh", "{}");

        string slug = "top-blocks-" + tag;
        await Call(HttpMethod.Post, "/api/v1/endpoints", "/api/v1/endpoints", $$"""{"slug":"{{slug}}","query_id":{{queryId}},"parameters":{"n":2},"max_result_age_hours":1}""");
        await Call(HttpMethod.Get, "/api/v1/endpoints", "/api/v1/endpoints?limit=1");
        await Call(HttpMethod.Get, "/api/v1/endpoints/{handle}/{slug}/results", $"/api/v1/endpoints/alice/{slug}/results?wait=30");
        await Call(HttpMethod.Delete, "/api/v1/endpoints/{handle}/{slug}", $"/api/v1/endpoints/alice/{slug}");
        await Call(HttpMethod.Delete, "/api/v1/materialized-views/{name}", $"/api/v1/materialized-views/{full}");

        string? capture = Environment.GetEnvironmentVariable("STRATA_OPENAPI_CAPTURE");
        var faults = new List<string>();
        foreach (var (method, path, body) in answers)
        {
            if (capture is not null)
            {
                Directory.CreateDirectory(capture);
                File.WriteAllText(Path.Combine(capture, $"{method} {path.Replace('/', '_')}.json"), body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            var examples = doc["paths"]![path]![method]!["responses"]!["200"]!["content"]!["application/json"]!["examples"]!.AsObject();
            var (name, example) = examples.First();
            string? difference = ShapeDifference(example!["value"], body, "$");
            if (difference is not null)
            {
                faults.Add($"{method.ToUpperInvariant()} {path} example '{name}': {difference}\n  real answer: {body.ToJsonString()}");
            }
        }
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void The_shape_comparison_finds_a_missing_field_an_extra_one_and_a_wrong_kind()
    {
        var real = JsonNode.Parse("""{"a":1,"b":[{"c":"x"}],"d":null}""");
        Assert.Null(ShapeDifference(JsonNode.Parse("""{"d":null,"b":[{"c":"y"},{"c":"z"}],"a":7}"""), real, "$"));
        Assert.Equal("$ has no field d, the real answer has", ShapeDifference(JsonNode.Parse("""{"a":1,"b":[]}"""), real, "$"));
        Assert.Equal("$.e is not in the real answer", ShapeDifference(JsonNode.Parse("""{"a":1,"b":[],"d":null,"e":2}"""), real, "$"));
        Assert.Equal("$.b[0].c is Number, the real answer has String", ShapeDifference(JsonNode.Parse("""{"a":1,"b":[{"c":2}],"d":null}"""), real, "$"));
    }

    /// <summary>Where <paramref name="example"/>'s shape differs from <paramref name="real"/>'s, or null: the same object fields,
    /// recursively; array items compared item by item (when both have items); the same JSON kinds.</summary>
    internal static string? ShapeDifference(JsonNode? example, JsonNode? real, string at)
    {
        var (e, r) = (example?.GetValueKind() ?? JsonValueKind.Null, real?.GetValueKind() ?? JsonValueKind.Null);
        if (e is JsonValueKind.True or JsonValueKind.False && r is JsonValueKind.True or JsonValueKind.False)
        {
            return null;
        }
        if (e != r)
        {
            return $"{at} is {e}, the real answer has {r}";
        }
        if (e == JsonValueKind.Object)
        {
            var (eo, ro) = (example!.AsObject(), real!.AsObject());
            if (ro.Select(p => p.Key).FirstOrDefault(k => !eo.ContainsKey(k)) is { } missing)
            {
                return $"{at} has no field {missing}, the real answer has";
            }
            if (eo.Select(p => p.Key).FirstOrDefault(k => !ro.ContainsKey(k)) is { } extra)
            {
                return $"{at}.{extra} is not in the real answer";
            }
            return eo.Select(p => ShapeDifference(p.Value, ro[p.Key], $"{at}.{p.Key}")).FirstOrDefault(d => d is not null);
        }
        if (e == JsonValueKind.Array && example!.AsArray().Count > 0 && real!.AsArray().Count > 0)
        {
            // Item i against the real item i (a pipeline's nodes differ by kind), the real answer's last one past its end.
            var items = real.AsArray();
            return example.AsArray().Select((item, i) => ShapeDifference(item, items[Math.Min(i, items.Count - 1)], $"{at}[{i}]")).FirstOrDefault(d => d is not null);
        }
        return null;
    }
}
