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
    /// <summary>The operations whose success example <see cref="The_newer_routes_success_examples_have_the_shape_of_their_real_answers"/> checks.</summary>
    private static readonly string[] NewerRoutes =
    [
        "post /api/v1/materialized-views", "get /api/v1/materialized-views/{name}", "get /api/v1/materialized-views",
        "get /api/v1/datasets", "get /api/v1/datasets/{fullName}", "get /api/v1/query/{queryId}/pipeline",
        "post /api/v1/pipelines/execute", "get /api/v1/pipelines/executions/{pipelineId}/status",
        "post /api/v1/query/{queryId}/pipeline/execute", "post /api/v1/materialized-views/{name}/refresh",
        "post /api/v1/endpoints", "get /api/v1/endpoints", "get /api/v1/endpoints/{handle}/{slug}/results",
        "delete /api/v1/endpoints/{handle}/{slug}", "delete /api/v1/materialized-views/{name}",
    ];

    /// <summary>The operations whose success example <see cref="The_other_routes_success_examples_have_the_shape_of_their_real_answers"/> checks.</summary>
    private static readonly string[] OtherRoutes =
    [
        "post /api/v1/sql/execute", "get /api/v1/execution/{executionId}/status", "get /api/v1/execution/{executionId}/results",
        "post /api/v1/execution/{executionId}/cancel", "post /api/v1/query", "get /api/v1/queries", "get /api/v1/query/{queryId}",
        "patch /api/v1/query/{queryId}", "post /api/v1/query/{queryId}/archive", "post /api/v1/query/{queryId}/unarchive",
        "post /api/v1/query/{queryId}/private", "post /api/v1/query/{queryId}/unprivate", "post /api/v1/query/{queryId}/execute",
        "get /api/v1/query/{queryId}/results", "post /api/v1/datasets/search", "post /api/v1/datasets/search-by-contract",
        "post /api/v1/uploads", "get /api/v1/uploads", "post /api/v1/uploads/csv", "post /api/v1/uploads/{ns}/{table}/insert",
        "post /api/v1/uploads/{ns}/{table}/clear", "delete /api/v1/uploads/{ns}/{table}", "post /api/v1/table/create",
        "post /api/v1/table/upload/csv", "post /api/v1/table/{ns}/{table}/insert", "post /api/v1/table/{ns}/{table}/clear",
        "delete /api/v1/table/{ns}/{table}", "get /api/v1/tables", "get /api/v1/usage", "post /api/v1/usage",
        "get /healthz", "get /readyz", "get /api/v1/ingest/status",
    ];

    [Fact]
    public async Task Every_json_success_answer_of_the_document_has_an_example_checked_against_a_real_answer()
    {
        var doc = await DocumentAsync();
        var documented = new List<string>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject().Where(r => r.Key[0] == '2'))
                {
                    if (Resolve(doc, response!)["content"]?["application/json"] is { } json)
                    {
                        Assert.True(json["examples"]?.AsObject().Count > 0, $"{method.ToUpperInvariant()} {path} {status} has no example");
                        documented.Add($"{method} {path}");
                    }
                }
            }
        }
        Assert.Equal(documented.Order(), NewerRoutes.Concat(OtherRoutes).Order());
    }

    [Fact]
    public async Task The_newer_routes_success_examples_have_the_shape_of_their_real_answers()
    {
        var doc = await DocumentAsync();
        var alice = host.Alice;
        var answers = new Answers(alice);
        Task<JsonNode> Call(HttpMethod method, string template, string path, string? body = null) => answers.CallAsync(method, template, path, body);

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

        answers.AssertMatch(doc, NewerRoutes);
    }

    [Fact]
    public async Task The_other_routes_success_examples_have_the_shape_of_their_real_answers()
    {
        var doc = await DocumentAsync();
        var alice = host.Alice;
        var answers = new Answers(alice);
        Task<JsonNode> Call(HttpMethod method, string template, string path, string? body = null) => answers.CallAsync(method, template, path, body);
        var (get, post) = (HttpMethod.Get, HttpMethod.Post);
        string tag = Guid.NewGuid().ToString("N")[..6];

        var submitted = await Call(post, "/api/v1/sql/execute", "/api/v1/sql/execute", Api.SqlBody("select number, hash, time from ethereum.blocks order by number limit 3"));
        string id = submitted["execution_id"]!.GetValue<string>();
        await alice.WaitAsync(id);
        await Call(get, "/api/v1/execution/{executionId}/status", $"/api/v1/execution/{id}/status");
        await Call(get, "/api/v1/execution/{executionId}/results", $"/api/v1/execution/{id}/results?limit=2");
        string running = await alice.SubmitAsync("select count(*) from range(1000000000000) t(x)");
        await Call(post, "/api/v1/execution/{executionId}/cancel", $"/api/v1/execution/{running}/cancel");

        var created = await Call(post, "/api/v1/query", "/api/v1/query",
            """{"name":"Blocks since","description":"Blocks at or after a height","tags":["demo"],"query_sql":"select count(*) as blocks from ethereum.blocks where number >= {{min_block}}","parameters":[{"key":"min_block","type":"number","value":"100"}],"is_private":true}""");
        long queryId = created["query_id"]!.GetValue<long>();
        await Call(get, "/api/v1/queries", "/api/v1/queries?limit=1");
        await Call(get, "/api/v1/query/{queryId}", $"/api/v1/query/{queryId}");
        await Call(HttpMethod.Patch, "/api/v1/query/{queryId}", $"/api/v1/query/{queryId}", """{"description":""}""");
        foreach (string flag in new[] { "archive", "unarchive", "unprivate", "private" })
        {
            await Call(post, "/api/v1/query/{queryId}/" + flag, $"/api/v1/query/{queryId}/{flag}");
        }
        var run = await Call(post, "/api/v1/query/{queryId}/execute", $"/api/v1/query/{queryId}/execute", "{}");
        await alice.WaitAsync(run["execution_id"]!.GetValue<string>());
        await Call(get, "/api/v1/query/{queryId}/results", $"/api/v1/query/{queryId}/results");

        await Call(post, "/api/v1/datasets/search", "/api/v1/datasets/search", """{"query":"ethereum.transactions","limit":5}""");
        await Call(post, "/api/v1/datasets/search-by-contract", "/api/v1/datasets/search-by-contract", """{"contract_address":"0x00000000000000000000000000000000000000aa"}""");

        foreach (string prefix in new[] { "uploads", "table" })
        {
            string table = $"prices_{prefix}_{tag}";
            await Call(post, prefix == "uploads" ? "/api/v1/uploads" : "/api/v1/table/create", prefix == "uploads" ? "/api/v1/uploads" : "/api/v1/table/create",
                $$"""{"namespace":"alice","table_name":"{{table}}","schema":[{"name":"day","type":"date"},{"name":"usd","type":"double"}]}""");
            await Call(post, prefix == "uploads" ? "/api/v1/uploads/csv" : "/api/v1/table/upload/csv", prefix == "uploads" ? "/api/v1/uploads/csv" : "/api/v1/table/upload/csv",
                $$"""{"table_name":"tokens_{{prefix}}_{{tag}}","description":"Tokens","data":"symbol,decimals\nWETH,18\nUSDC,6\n"}""");
            await answers.CallAsync(post, $"/api/v1/{prefix}/{{ns}}/{{table}}/insert", $"/api/v1/{prefix}/alice/{table}/insert",
                new StringContent("day,usd\n2024-01-01,2281.5\n2024-01-02,2355.1\n", System.Text.Encoding.UTF8, "text/csv"));
            await Call(post, $"/api/v1/{prefix}/{{ns}}/{{table}}/clear", $"/api/v1/{prefix}/alice/{table}/clear");
            await Call(get, prefix == "uploads" ? "/api/v1/uploads" : "/api/v1/tables", prefix == "uploads" ? "/api/v1/uploads?limit=1" : "/api/v1/tables?limit=1");
            await Call(HttpMethod.Delete, $"/api/v1/{prefix}/{{ns}}/{{table}}", $"/api/v1/{prefix}/alice/{table}");
        }

        await Call(get, "/api/v1/usage", "/api/v1/usage");
        await Call(post, "/api/v1/usage", "/api/v1/usage", "{}");
        await Call(get, "/api/v1/ingest/status", "/api/v1/ingest/status");
        var anonymous = new Answers(host.Anonymous);
        await anonymous.CallAsync(get, "/healthz", "/healthz");
        await anonymous.CallAsync(get, "/readyz", "/readyz");
        answers.AssertMatch(doc, OtherRoutes, anonymous);
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

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await (await host.Anonymous.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync())!;

    private static JsonNode Resolve(JsonNode doc, JsonNode node)
    {
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(doc, (n, part) => n[part]!);
        }
        return node;
    }

    /// <summary>
    /// The real 200 answers of a test's calls: each must have the shape of its operation's first documented example.
    /// With STRATA_OPENAPI_CAPTURE set to a directory they are also written there, one file per operation.
    /// </summary>
    private sealed class Answers(HttpClient client)
    {
        private readonly List<(string Method, string Path, JsonNode Body)> answers = [];

        public Task<JsonNode> CallAsync(HttpMethod method, string template, string path, string? body = null) =>
            CallAsync(method, template, path, body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        public async Task<JsonNode> CallAsync(HttpMethod method, string template, string path, HttpContent? content)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            using var response = await client.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {response.StatusCode} {text}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var json = JsonNode.Parse(text)!;
            answers.Add((method.Method.ToLowerInvariant(), template, json));
            return json;
        }

        public void AssertMatch(JsonNode doc, IReadOnlyCollection<string> expected, params Answers[] more)
        {
            var all = answers.Concat(more.SelectMany(m => m.answers)).ToList();
            Assert.Equal(expected.Order(), all.Select(a => $"{a.Method} {a.Path}").Distinct().Order());
            string? capture = Environment.GetEnvironmentVariable("STRATA_OPENAPI_CAPTURE");
            var faults = new List<string>();
            foreach (var (method, path, body) in all)
            {
                if (capture is not null)
                {
                    Directory.CreateDirectory(capture);
                    File.WriteAllText(Path.Combine(capture, $"{method} {path.Replace('/', '_')}.json"), body.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                }
                var examples = Resolve(doc, doc["paths"]![path]![method]!["responses"]!["200"]!)["content"]!["application/json"]!["examples"]!.AsObject();
                var (name, example) = examples.First();
                string? difference = ShapeDifference(Resolve(doc, example!)["value"], body, "$");
                if (difference is not null)
                {
                    faults.Add($"{method.ToUpperInvariant()} {path} example '{name}': {difference}\n  real answer: {body.ToJsonString()}");
                }
            }
            Assert.True(faults.Count == 0, string.Join("\n", faults));
        }
    }
}
