using System.Text.Json;
using Json.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Strata.Server.OpenApi;

namespace Strata.Tests.Operations;

/// <summary>
/// The API reference at /openapi/v1.json: every route the server maps is in it and described, every example
/// it shows validates against its schema (JsonSchema.Net, draft 2020-12), and real answers of the server
/// validate against the schemas the document gives for their route and status.
/// </summary>
public sealed class OpenApiTests(OpsHost host) : IClassFixture<OpsHost>
{
    [Fact]
    public async Task Every_route_the_server_maps_is_in_the_document_with_a_summary_and_responses()
    {
        var doc = await DocumentAsync();
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var checkedRoutes = new List<string>();
        foreach (var endpoint in endpoints)
        {
            string pattern = endpoint.RoutePattern.RawText ?? "";
            if (pattern.StartsWith('{') || pattern == ApiReference.DocumentRoute || pattern.StartsWith(ApiReference.DocsRoute, StringComparison.Ordinal))
            {
                continue; // the 404/405 fallback, and the reference itself
            }
            string path = RouteDescriptions.PathOf(pattern);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (string method in methods)
            {
                var operation = doc["paths"]?[path]?[method.ToLowerInvariant()];
                Assert.True(operation is not null, $"{method} {path} (route {pattern}) is not in /openapi/v1.json");
                Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{method} {path} has no summary: describe it in OpenApi/Descriptions");
                var responses = operation["responses"]!.AsObject();
                Assert.Contains(responses, r => r.Key.StartsWith('2'));
                checkedRoutes.Add($"{method} {path}");
            }
        }
        Assert.Contains("POST /api/v1/sql/execute", checkedRoutes);
        Assert.Contains("GET /api/v1/execution/{executionId}/results", checkedRoutes);
        Assert.Contains("GET /metrics", checkedRoutes);
        Assert.Contains("GET /readyz", checkedRoutes);
        Assert.True(checkedRoutes.Count >= 34, $"only {checkedRoutes.Count} routes checked");
        // Every error answer of the API routes is the {"error": ...} body.
        foreach (var (path, item) in doc["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                foreach (var (status, response) in operation!["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
                {
                    var resolved = Resolve(doc, response!);
                    Assert.Equal("#/components/schemas/Error", resolved["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>());
                    Assert.True(resolved["content"]!["application/json"]!["examples"]!.AsObject().Count > 0, $"{method} {path} {status} has no example");
                }
            }
        }
    }

    [Fact]
    public async Task Every_documented_example_validates_against_its_schema()
    {
        var doc = await DocumentAsync();
        int validated = 0;
        foreach (var (where, schema, example) in Examples(doc))
        {
            var result = Validate(doc, schema, example);
            Assert.True(result.IsValid, $"{where}: the example does not match its schema: {Describe(result)}\n{example.ToJsonString()}");
            validated++;
        }
        Assert.True(validated >= 60, $"only {validated} examples found");
    }

    [Fact]
    public async Task The_validation_refuses_an_example_missing_a_field_or_carrying_an_unknown_one()
    {
        var doc = await DocumentAsync();
        var status = doc["paths"]!["/api/v1/execution/{executionId}/status"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!;
        var example = status["examples"]!["completed"]!["value"]!.DeepClone().AsObject();
        Assert.True(Validate(doc, status["schema"]!, example).IsValid);
        var missing = example.DeepClone().AsObject();
        missing.Remove("state");
        Assert.False(Validate(doc, status["schema"]!, missing).IsValid);
        var extra = example.DeepClone().AsObject();
        extra["bogus"] = 1;
        Assert.False(Validate(doc, status["schema"]!, extra).IsValid);
        var wrongState = example.DeepClone().AsObject();
        wrongState["state"] = "QUERY_STATE_DONE";
        Assert.False(Validate(doc, status["schema"]!, wrongState).IsValid);
    }

    [Fact]
    public async Task Real_answers_of_the_server_match_the_documented_schemas()
    {
        var doc = await DocumentAsync();
        var alice = host.Alice;
        var (_, submitted, _) = await alice.PostJsonAsync("/api/v1/sql/execute?wait=30", Api.SqlBody("select 1 as n, 'x' as s, 0x01ff as b"));
        await AssertDocumentedAsync(doc, "post", "/api/v1/sql/execute", 200, submitted!);
        string id = submitted!["execution_id"]!.GetValue<string>();
        await alice.WaitAsync(id);
        await AssertDocumentedAsync(doc, "get", "/api/v1/execution/{executionId}/status", 200, (await alice.GetJsonAsync($"/api/v1/execution/{id}/status")).Body!);
        await AssertDocumentedAsync(doc, "get", "/api/v1/execution/{executionId}/results", 200, (await alice.GetJsonAsync($"/api/v1/execution/{id}/results?limit=1")).Body!);
        await AssertDocumentedAsync(doc, "post", "/api/v1/execution/{executionId}/cancel", 200, (await alice.PostJsonAsync($"/api/v1/execution/{id}/cancel", null)).Body!);
        var (code, body, _) = await alice.GetJsonAsync("/api/v1/execution/01ABC/status");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        await AssertDocumentedAsync(doc, "get", "/api/v1/execution/{executionId}/status", 400, body!);
        (code, body, _) = await host.Anonymous.GetJsonAsync($"/api/v1/execution/{id}/status");
        Assert.Equal(HttpStatusCode.Unauthorized, code);
        await AssertDocumentedAsync(doc, "get", "/api/v1/execution/{executionId}/status", 401, body!);
        var (_, created, _) = await alice.PostJsonAsync("/api/v1/query", """{"name":"q","query_sql":"select {{n}} as n","parameters":[{"key":"n","type":"number","value":"1"}]}""");
        await AssertDocumentedAsync(doc, "post", "/api/v1/query", 200, created!);
        long queryId = created!["query_id"]!.GetValue<long>();
        await AssertDocumentedAsync(doc, "get", "/api/v1/query/{queryId}", 200, (await alice.GetJsonAsync($"/api/v1/query/{queryId}")).Body!);
        await AssertDocumentedAsync(doc, "get", "/api/v1/queries", 200, (await alice.GetJsonAsync("/api/v1/queries")).Body!);
        await AssertDocumentedAsync(doc, "get", "/api/v1/usage", 200, (await alice.GetJsonAsync("/api/v1/usage")).Body!);
        await AssertDocumentedAsync(doc, "get", "/readyz", 200, (await host.Anonymous.GetJsonAsync("/readyz")).Body!);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var response = await host.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.StartsWith("3.1", doc["openapi"]!.GetValue<string>());
        return doc;
    }

    private static Task AssertDocumentedAsync(JsonNode doc, string method, string path, int status, JsonNode body)
    {
        var response = Resolve(doc, doc["paths"]![path]![method]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!);
        var result = Validate(doc, response["content"]!["application/json"]!["schema"]!, body);
        Assert.True(result.IsValid, $"{method} {path} {status}: the real answer does not match the document: {Describe(result)}\n{body.ToJsonString()}");
        return Task.CompletedTask;
    }

    /// <summary>Every example of a response, request body or parameter, with where it is and the schema it must match.</summary>
    private static IEnumerable<(string Where, JsonNode Schema, JsonNode Example)> Examples(JsonNode doc)
    {
        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                string at = $"{method.ToUpperInvariant()} {path}";
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                {
                    var resolved = Resolve(doc, parameter!);
                    if (resolved["example"] is { } value)
                    {
                        yield return ($"{at} parameter {resolved["name"]}", resolved["schema"]!, value);
                    }
                }
                if (operation["requestBody"] is { } requestBody)
                {
                    foreach (var found in ContentExamples(doc, Resolve(doc, requestBody), $"{at} request body"))
                    {
                        yield return found;
                    }
                }
                foreach (var (status, response) in operation["responses"]!.AsObject())
                {
                    foreach (var found in ContentExamples(doc, Resolve(doc, response!), $"{at} {status}"))
                    {
                        yield return found;
                    }
                }
            }
        }
    }

    private static IEnumerable<(string, JsonNode, JsonNode)> ContentExamples(JsonNode doc, JsonNode holder, string where)
    {
        foreach (var (media, content) in holder["content"]?.AsObject() ?? [])
        {
            foreach (var (name, example) in content!["examples"]?.AsObject() ?? [])
            {
                yield return ($"{where} {media} example '{name}'", content["schema"]!, Resolve(doc, example!)["value"]!);
            }
        }
    }

    private static JsonNode Resolve(JsonNode doc, JsonNode node)
    {
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(doc, (n, part) => n[part]!);
        }
        return node;
    }

    /// <summary>The schema with the document's component schemas as its $defs, evaluated as draft 2020-12.</summary>
    private static EvaluationResults Validate(JsonNode doc, JsonNode schema, JsonNode instance)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = doc["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        string text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var built = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://strata.test/{Guid.NewGuid():N}"));
        using var parsed = JsonDocument.Parse(instance.ToJsonString());
        return built.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults result) => string.Join("; ",
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}")));
}
