namespace Strata.Tests;

/// <summary>The contract's exact error bodies: 400, 401, 404, 409.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class ErrorAndAuthTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-123456")]
    public async Task Missing_or_unknown_key_is_401_with_exact_text(string? key)
    {
        using var client = Server.NewClient(key);
        foreach (var (method, path) in new[] { (HttpMethod.Post, "/api/v1/sql/execute"), (HttpMethod.Get, "/api/v1/execution/01HZZZZZZZZZZZZZZZZZZZZZZZ/status") })
        {
            var (code, body, response) = await client.SendJsonAsync(method, path, Api.SqlBody("select 1"));
            Assert.Equal(HttpStatusCode.Unauthorized, code);
            Assert.Equal("{\"error\":\"invalid API Key\"}", await response.Content.ReadAsStringAsync());
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Key_in_query_string_works_and_header_name_is_case_insensitive()
    {
        using var anonymous = Server.NewClient(null);
        var (code, body, _) = await anonymous.PostJsonAsync($"/api/v1/sql/execute?api_key={StrataServer.AliceKey}", Api.SqlBody("select 1"));
        Assert.Equal(HttpStatusCode.OK, code);
        string id = body!["execution_id"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/execution/{id}/status");
        request.Headers.Add("x-dune-api-key", StrataServer.AliceKey);
        using var response = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>hostile40: a request presenting two owners' keys ran as the first one's; now it is no one's, the contract's
    /// exact 401 (decision 346: no other body for a 401), whichever order or route (two headers, a comma-merged header, a
    /// header and api_key) the keys take. The same key twice is still one key.</summary>
    [Fact]
    public async Task A_request_with_two_different_keys_is_401()
    {
        const string several = "{\"error\":\"invalid API Key\"}";
        using var anonymous = Server.NewClient(null);
        foreach (var (path, headers) in new (string, string[])[]
        {
            ("/api/v1/usage", [StrataServer.AliceKey, StrataServer.BobKey]),
            ("/api/v1/usage", [StrataServer.BobKey, StrataServer.AliceKey]),
            ("/api/v1/usage", [StrataServer.AliceKey + "," + StrataServer.BobKey]),
            ($"/api/v1/usage?api_key={StrataServer.BobKey}", [StrataServer.AliceKey]),
            ($"/api/v1/usage?api_key={StrataServer.BobKey}&api_key={StrataServer.AliceKey}", []),
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            foreach (string key in headers)
            {
                request.Headers.TryAddWithoutValidation("X-Dune-API-Key", key);
            }
            using var response = await anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(several, await response.Content.ReadAsStringAsync());
        }
        using var twice = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/usage?api_key={StrataServer.AliceKey}");
        twice.Headers.TryAddWithoutValidation("X-Dune-API-Key", [StrataServer.AliceKey, StrataServer.AliceKey]);
        using var same = await anonymous.SendAsync(twice);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Theory]
    [InlineData("not-a-ulid")]
    [InlineData("01HZZZZZZZZZZZZZZZZZZZZZZ")]
    [InlineData("01HZZZZZZZZZZZZZZZZZZZZZZUU")]
    [InlineData("01HZZZZZZZZZZZZZZZZZZZZZZI")]
    public async Task Malformed_execution_id_is_400_with_exact_text(string id)
    {
        foreach (var path in new[] { "status", "results", "results/csv" })
        {
            var (code, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/{path}");
            Assert.Equal(HttpStatusCode.BadRequest, code);
            Assert.Equal($"{{\"error\":\"The requested execution ID (ID: {id}) is invalid.\"}}", await response.Content.ReadAsStringAsync());
        }
        var (cancelCode, _, _) = await Server.Alice.PostJsonAsync($"/api/v1/execution/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.BadRequest, cancelCode);
    }

    [Fact]
    public async Task Unknown_and_foreign_executions_are_404()
    {
        var (code, _, response) = await Server.Alice.GetJsonAsync("/api/v1/execution/01HZZZZZZZZZZZZZZZZZZZZZZZ/status");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("{\"error\":\"Execution not found\"}", await response.Content.ReadAsStringAsync());

        string id = await Server.Alice.SubmitAsync("select 'secret' as s");
        await Server.Alice.WaitAsync(id);
        foreach (var path in new[] { "status", "results", "results/csv" })
        {
            var (bobCode, bobBody, _) = await Server.Bob.GetJsonAsync($"/api/v1/execution/{id}/{path}");
            Assert.Equal(HttpStatusCode.NotFound, bobCode);
            Assert.Equal("Execution not found", bobBody!["error"]!.GetValue<string>());
        }
        var (cancelCode, _, _) = await Server.Bob.PostJsonAsync($"/api/v1/execution/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.NotFound, cancelCode);
    }

    [Fact]
    public async Task Lowercase_execution_id_is_accepted()
    {
        string id = await Server.Alice.SubmitAsync("select 1 as one");
        await Server.Alice.WaitAsync(id);
        var (code, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id.ToLowerInvariant()}/status");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(id, body!["execution_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Csv_of_failed_execution_is_409_naming_the_state()
    {
        string id = await Server.Alice.SubmitAsync("select * from no_such_table");
        await Server.Alice.WaitAsync(id);
        var (code, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results/csv");
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("{\"error\":\"Query state is QUERY_STATE_FAILED, cannot provide CSV result\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_paging_parameters_are_400_naming_them()
    {
        string id = await Server.Alice.SubmitAsync("select 1 as one");
        await Server.Alice.WaitAsync(id);
        foreach (var (query, word) in new[] { ("limit=-1", "limit"), ("offset=abc", "offset"), ("ignore_max_datapoints_per_request=maybe", "ignore_max_datapoints_per_request") })
        {
            var (code, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, code);
            Assert.Contains(word, body!["error"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Unknown_route_is_json_404()
    {
        var (code, body, _) = await Server.Alice.GetJsonAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.NotNull(body!["error"]);
    }
}
