namespace Strata.Tests;

/// <summary>The execution lifecycle over real HTTP: submit, status, results, CSV, field presence per state.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class ExecutionFlowTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Submit_returns_ulid_and_pending_state()
    {
        var (status, body, response) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 1 as x"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        string id = body!["execution_id"]!.GetValue<string>();
        Assert.Matches("^01[0-9A-HJKMNP-TV-Z]{24}$", id);
        Assert.Equal("QUERY_STATE_PENDING", body["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Completed_execution_has_exactly_the_completed_fields()
    {
        string id = await Server.Alice.SubmitAsync("select 42 as answer, 'x' as label");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
        var keys = status.AsObject().Select(p => p.Key).ToHashSet();
        Assert.Equal(
            new HashSet<string> { "execution_id", "query_id", "state", "is_execution_finished", "submitted_at", "expires_at", "execution_started_at", "execution_ended_at", "result_metadata", "execution_cost_credits" },
            keys);
        Assert.Equal(0, status["query_id"]!.GetValue<long>());
        Assert.True(status["is_execution_finished"]!.GetValue<bool>());
        foreach (var field in new[] { "submitted_at", "expires_at", "execution_started_at", "execution_ended_at" })
        {
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", status[field]!.GetValue<string>());
        }
        var submitted = DateTimeOffset.Parse(status["submitted_at"]!.GetValue<string>());
        var ended = DateTimeOffset.Parse(status["execution_ended_at"]!.GetValue<string>());
        var expires = DateTimeOffset.Parse(status["expires_at"]!.GetValue<string>());
        Assert.InRange((expires - ended).TotalDays, 89.99, 90.01);
        Assert.True(ended >= submitted);
        var meta = status["result_metadata"]!;
        Assert.Equal(["answer", "label"], meta["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["integer", "varchar"], meta["column_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(1, meta["row_count"]!.GetValue<long>());
        Assert.Equal(1, meta["total_row_count"]!.GetValue<long>());
        Assert.Equal(2, meta["datapoint_count"]!.GetValue<long>());
        Assert.True(meta["result_set_bytes"]!.GetValue<long>() > 0);
        Assert.True(meta["pending_time_millis"]!.GetValue<long>() >= 0);
        Assert.True(meta["execution_time_millis"]!.GetValue<long>() >= 0);
    }

    [Fact]
    public async Task A_result_with_no_rows_reads_as_empty_in_json_and_csv()
    {
        var body = await Server.Alice.RunAsync("select 1 as x, 'a' as y where false");
        Assert.Empty(body["result"]!["rows"]!.AsArray());
        var meta = body["result"]!["metadata"]!;
        Assert.Equal(["x", "y"], meta["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(0, meta["total_row_count"]!.GetValue<long>());
        string id = body["execution_id"]!.GetValue<string>();
        var csv = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("x,y", (await csv.Content.ReadAsStringAsync()).TrimEnd('\r', '\n'));
    }

    [Fact]
    public async Task Results_carry_rows_and_metadata()
    {
        var body = await Server.Alice.RunAsync("select range as n, 'v' || CAST(range AS varchar) as s from range(3) order by n");
        var rows = body["result"]!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows[2]!["n"]!.GetValue<long>());
        Assert.Equal("v2", rows[2]!["s"]!.GetValue<string>());
        Assert.Equal(["n", "s"], rows[0]!.AsObject().Select(p => p.Key));
        Assert.Null(body["next_offset"]);
        Assert.Null(body["next_uri"]);
        Assert.Equal(3, body["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Failed_query_carries_error_with_line_and_column()
    {
        string id = await Server.Alice.SubmitAsync("select 1,\n  no_such_column\nfrom range(2)");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        var error = status["error"]!;
        Assert.Equal("FAILED_TYPE_EXECUTION_FAILED", error["type"]!.GetValue<string>());
        Assert.Contains("no_such_column", error["message"]!.GetValue<string>());
        Assert.Equal(2, error["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(3, error["metadata"]!["column"]!.GetValue<int>());
        Assert.Null(status["result_metadata"]);
        Assert.Null(status["expires_at"]);
        Assert.NotNull(status["execution_ended_at"]);
        Assert.NotNull(status["execution_cost_credits"]);

        var (code, results, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Null(results!["result"]);
        Assert.Equal("QUERY_STATE_FAILED", results["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Syntax_error_is_typed_and_positioned()
    {
        string id = await Server.Alice.SubmitAsync("select 1\nfrom range(2) wher x");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Equal("syntax_error", status["error"]!["type"]!.GetValue<string>());
        Assert.Equal(2, status["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(20, status["error"]!["metadata"]!["column"]!.GetValue<int>());
    }

    [Fact]
    public async Task Trailing_slash_and_any_content_type_are_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sql/execute/")
        {
            Content = new StringContent("{\"sql\":\"select 7 as seven\"}", System.Text.Encoding.UTF8, "text/plain"),
        };
        using var response = await Server.Alice.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var status = await Server.Alice.WaitAsync(body["execution_id"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
        var (code, _, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{body["execution_id"]}/status/");
        Assert.Equal(HttpStatusCode.OK, code);
    }

    [Fact]
    public async Task Unnamed_columns_are_named_by_position()
    {
        var body = await Server.Alice.RunAsync("select 1 + 1, 'a' as named, count(*) from range(3)");
        var names = body["result"]!["metadata"]!["column_names"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(["_col0", "named", "_col2"], names);
    }

    [Fact]
    public async Task Dune_example_shape_over_demo_tables()
    {
        var body = await Server.Alice.RunAsync("""
            select count(*) as ct, 'ethereum.blocks' as "TableName" from ethereum.blocks
            union all select count(*), 'ethereum.transactions' from ethereum.transactions
            union all select count(*), 'erc20_ethereum.evt_Transfer' from erc20_ethereum.evt_Transfer
            """);
        var meta = body["result"]!["metadata"]!;
        Assert.Equal(["ct", "TableName"], meta["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["bigint", "varchar"], meta["column_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        var rows = body["result"]!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(r!["ct"]!.GetValue<long>() > 0));
        Assert.Equal(10_000, rows.Single(r => r!["TableName"]!.GetValue<string>() == "ethereum.transactions")!["ct"]!.GetValue<long>());
    }

    [Fact]
    public async Task Request_body_errors_name_the_problem()
    {
        var (code, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("sql", body!["error"]!.GetValue<string>());
        (code, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute", "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("JSON", body!["error"]!.GetValue<string>());
        (code, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute", "{\"sql\":\"select 1\",\"performance\":\"huge\"}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("performance", body!["error"]!.GetValue<string>());
        (code, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute", "{\"sql\":\"select 1\",\"performance\":\"large\",\"unknown_field\":3}");
        Assert.Equal(HttpStatusCode.OK, code);
    }
}
