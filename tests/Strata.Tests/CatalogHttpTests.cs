namespace Strata.Tests;

/// <summary>
/// Issue 12 over real HTTP on the shared server: the dataset catalog, the queries list's paging, latest
/// results of another owner's public query (and its next_uri), and query endpoints, with their errors
/// and isolation (another owner's private dataset, query result or endpoint is a 404 on every route).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class CatalogHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private static string Tag() => Guid.NewGuid().ToString("N")[..10];

    private async Task<string> UploadAsync(HttpClient client, string owner, bool isPrivate)
    {
        string name = "cat_" + Tag();
        var body = new JsonObject
        {
            ["namespace"] = owner,
            ["table_name"] = name,
            ["is_private"] = isPrivate,
            ["schema"] = new JsonArray(
                new JsonObject { ["name"] = "id", ["type"] = "bigint", ["nullable"] = false },
                new JsonObject { ["name"] = "at", ["type"] = "timestamp" },
                new JsonObject { ["name"] = "amount", ["type"] = "uint256" }),
        };
        var (status, json, _) = await client.PostJsonAsync("/api/v1/uploads", body.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {json}");
        return $"dune.{owner}.{name}";
    }

    private static async Task<long> CreateQueryAsync(HttpClient client, string sql, bool isPrivate, JsonArray? parameters = null)
    {
        var body = new JsonObject { ["name"] = "catalog " + Tag(), ["query_sql"] = sql, ["is_private"] = isPrivate, ["parameters"] = parameters ?? new JsonArray() };
        var (status, json, _) = await client.PostJsonAsync("/api/v1/query", body.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {json}");
        return json!["query_id"]!.GetValue<long>();
    }

    private static async Task<string> RunAsync(HttpClient client, long queryId)
    {
        var (status, json, _) = await client.PostJsonAsync($"/api/v1/query/{queryId}/execute", "{}");
        Assert.True(status == HttpStatusCode.OK, $"{status} {json}");
        string id = json!["execution_id"]!.GetValue<string>();
        var done = await client.WaitAsync(id);
        Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
        return id;
    }

    private static async Task AssertNotFoundAsync(HttpClient client, HttpMethod method, string path, string body)
    {
        var (status, _, response) = await client.SendJsonAsync(method, path, method == HttpMethod.Get || method == HttpMethod.Delete ? null : "{}");
        Assert.True(status == HttpStatusCode.NotFound, $"{method} {path}: {status}");
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Datasets_list_chain_tables_with_dune_types_and_paging_and_refuse_bad_parameters()
    {
        var page = await Server.Alice.GetFromJsonNodeAsync("/api/v1/datasets?type=dune_table,decoded_table&limit=250");
        Assert.Equal(new HashSet<string> { "datasets", "total" }, page.AsObject().Select(p => p.Key).ToHashSet());
        var firstPage = page["datasets"]!.AsArray();
        // A page holds at most 250 (the demo has more chain tables than that): the first page is full or the whole list.
        int total = page["total"]!.GetValue<int>();
        Assert.Equal(Math.Min(total, 250), firstPage.Count);
        var datasets = firstPage.ToList();
        for (int offset = 250; offset < total; offset += 250)
        {
            var next = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/datasets?type=dune_table,decoded_table&limit=250&offset={offset}");
            datasets.AddRange(next["datasets"]!.AsArray());
        }
        Assert.Equal(total, datasets.Count);
        var blocks = datasets.Single(d => d!["full_name"]!.GetValue<string>() == "ethereum.blocks")!;
        Assert.Equal(new HashSet<string> { "full_name", "type", "owner", "columns", "metadata", "is_private", "created_at", "updated_at" },
            blocks.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal(("dune_table", "dune", "team", false), (blocks["type"]!.GetValue<string>(), blocks["owner"]!["handle"]!.GetValue<string>(),
            blocks["owner"]!["type"]!.GetValue<string>(), blocks["is_private"]!.GetValue<bool>()));
        var columns = blocks["columns"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["type"]!.GetValue<string>());
        Assert.Equal("timestamp(3) with time zone", columns["time"]);
        Assert.Equal("varbinary", columns["hash"]);
        var transfer = datasets.Single(d => d!["full_name"]!.GetValue<string>() == "erc20_ethereum.evt_Transfer")!;
        Assert.Equal("decoded_table", transfer["type"]!.GetValue<string>());
        Assert.Contains(transfer["columns"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "value" && c["type"]!.GetValue<string>() == "uint256");

        var first = await Server.Alice.GetFromJsonNodeAsync("/api/v1/datasets?type=dune_table&limit=1&offset=1");
        Assert.Single(first["datasets"]!.AsArray());
        Assert.True((await Server.Alice.GetFromJsonNodeAsync("/api/v1/datasets"))["datasets"]!.AsArray().Count <= 50);

        foreach (string bad in new[] { "limit=251", "limit=0", "offset=-1", "limit=x", "type=tables" })
        {
            var (status, json, _) = await Server.Alice.GetJsonAsync("/api/v1/datasets?" + bad);
            Assert.True(status == HttpStatusCode.BadRequest, $"{bad}: {status}");
            Assert.False(string.IsNullOrEmpty(json!["error"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_private_upload_is_the_owners_dataset_and_for_anyone_else_exactly_a_missing_one()
    {
        string hidden = await UploadAsync(Server.Alice, "alice", isPrivate: true);
        string shown = await UploadAsync(Server.Alice, "alice", isPrivate: false);

        var own = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/datasets/{hidden}");
        Assert.Equal(("uploaded_table", true, "alice", "user"), (own["type"]!.GetValue<string>(), own["is_private"]!.GetValue<bool>(),
            own["owner"]!["handle"]!.GetValue<string>(), own["owner"]!["type"]!.GetValue<string>()));
        Assert.Equal(new[] { "id:bigint:false", "at:timestamp(3):true", "amount:uint256:true" },
            own["columns"]!.AsArray().Select(c => $"{c!["name"]}:{c["type"]}:{c["nullable"]}"));
        Assert.Equal(0, own["metadata"]!["row_count"]!.GetValue<long>());

        await AssertNotFoundAsync(Server.Bob, HttpMethod.Get, $"/api/v1/datasets/{hidden}", "{\"error\":\"Dataset not found\"}");
        await AssertNotFoundAsync(Server.Bob, HttpMethod.Get, $"/api/v1/datasets/dune.alice.cat_nothing", "{\"error\":\"Dataset not found\"}");
        var bobs = await Server.Bob.GetFromJsonNodeAsync("/api/v1/datasets?owner_handle=alice&type=uploaded_table&limit=250");
        var names = bobs["datasets"]!.AsArray().Select(d => d!["full_name"]!.GetValue<string>()).ToList();
        Assert.Contains(shown, names);
        Assert.DoesNotContain(hidden, names);
        Assert.All(bobs["datasets"]!.AsArray(), d => Assert.False(d!["is_private"]!.GetValue<bool>()));
        var alices = await Server.Alice.GetFromJsonNodeAsync("/api/v1/datasets?owner_handle=alice&type=uploaded_table&limit=250");
        Assert.Contains(hidden, alices["datasets"]!.AsArray().Select(d => d!["full_name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_queries_list_pages_by_twenty_by_default()
    {
        await CreateQueryAsync(Server.Alice, "select 1", isPrivate: true);
        var page = await Server.Alice.GetFromJsonNodeAsync("/api/v1/queries");
        long total = page["total"]!.GetValue<long>();
        Assert.Equal(Math.Min(20, total), page["queries"]!.AsArray().Count);
    }

    [Fact]
    public async Task Anyone_reads_the_owners_latest_result_of_a_public_query_page_by_page_and_no_one_else_a_private_one()
    {
        string tag = Tag();
        long shared = await CreateQueryAsync(Server.Alice, $"select '{tag}' as v, x from range(3) t(x) order by x", isPrivate: false);
        long hidden = await CreateQueryAsync(Server.Alice, $"select '{tag}' as v", isPrivate: true);
        string alices = await RunAsync(Server.Alice, shared);
        string alicesPrivate = await RunAsync(Server.Alice, hidden);

        var first = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/query/{shared}/results?limit=2");
        Assert.Equal(alices, first["execution_id"]!.GetValue<string>());
        Assert.Equal(2, first["result"]!["rows"]!.AsArray().Count);
        var next = await Server.Bob.GetFromJsonNodeAsync(first["next_uri"]!.GetValue<string>());
        Assert.Equal(2, next["result"]!["rows"]![0]!["x"]!.GetValue<long>());
        string csv = await Server.Bob.GetStringAsync($"/api/v1/query/{shared}/results/csv");
        Assert.Equal(4, csv.TrimEnd('\n').Split('\n').Length);
        var status = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/execution/{alices}/status");
        Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
        // Cancelling stays the runner's.
        await AssertNotFoundAsync(Server.Bob, HttpMethod.Post, $"/api/v1/execution/{alices}/cancel", "{\"error\":\"Execution not found\"}");

        foreach (string path in new[] { $"/api/v1/execution/{alicesPrivate}/results", $"/api/v1/execution/{alicesPrivate}/results/csv",
            $"/api/v1/execution/{alicesPrivate}/status", $"/api/v1/execution/{alicesPrivate}/results/parquet" })
        {
            await AssertNotFoundAsync(Server.Bob, HttpMethod.Get, path, "{\"error\":\"Execution not found\"}");
        }
        await AssertNotFoundAsync(Server.Bob, HttpMethod.Get, $"/api/v1/query/{hidden}/results", "{\"error\":\"Query not found\"}");
        await AssertNotFoundAsync(Server.Bob, HttpMethod.Get, $"/api/v1/query/{hidden}/results/csv", "{\"error\":\"Query not found\"}");
    }

    /// <summary>
    /// Why a public query's latest result is only its owner's run (decision 56, kept by tidy): a run by another caller
    /// holds what that caller may see. Here bob runs alice's public query over the catalog; his run lists his private
    /// table. Serving it as the query's latest (Dune's "whoever ran it") would hand bob's private table to alice.
    /// </summary>
    [Fact]
    public async Task Another_callers_run_of_a_public_query_holds_their_private_data_and_is_never_served_to_anyone_else()
    {
        string secret = await UploadAsync(Server.Bob, "bob", isPrivate: true);
        string table = secret.Split('.')[2];
        long query = await CreateQueryAsync(Server.Alice,
            $"select table_name from information_schema.tables where table_name like '{table[..8]}%'", isPrivate: false);
        string bobs = await RunAsync(Server.Bob, query);

        var own = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/execution/{bobs}/results");
        Assert.Contains(table, own["result"]!["rows"]!.ToJsonString(), StringComparison.Ordinal);
        await AssertNotFoundAsync(Server.Alice, HttpMethod.Get, $"/api/v1/query/{query}/results", "{\"error\":\"not found: No execution found for the latest version of the given query\"}");
        await AssertNotFoundAsync(Server.Alice, HttpMethod.Get, $"/api/v1/query/{query}/results/csv", "{\"error\":\"not found: No execution found for the latest version of the given query\"}");
        await AssertNotFoundAsync(Server.Alice, HttpMethod.Get, $"/api/v1/execution/{bobs}/results", "{\"error\":\"Execution not found\"}");

        // Once the owner runs it, readers get the owner's run, which holds no one's private table but the owner's.
        string alices = await RunAsync(Server.Alice, query);
        var latest = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{query}/results");
        Assert.Equal(alices, latest["execution_id"]!.GetValue<string>());
        Assert.DoesNotContain(table, latest["result"]!["rows"]!.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 12 (api4): the latest result of a public query is the latest run by anyone whose run read nothing private of
    /// its runner. Bob's run over his own public table is alice's latest result (JSON, CSV, by id); his run over his
    /// private table stays his alone.
    /// </summary>
    [Fact]
    public async Task A_public_querys_latest_result_is_another_callers_run_when_it_read_nothing_private_of_theirs()
    {
        string published = await UploadAsync(Server.Bob, "bob", isPrivate: false);
        string secret = await UploadAsync(Server.Bob, "bob", isPrivate: true);
        string tag = Tag();
        long open = await CreateQueryAsync(Server.Alice, $"select '{tag}' as v, count(*) as n from {published}", isPrivate: false);
        long closed = await CreateQueryAsync(Server.Alice, $"select '{tag}' as v, count(*) as n from {secret}", isPrivate: false);

        string shared = await RunAsync(Server.Bob, open);
        var latest = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{open}/results");
        Assert.Equal(shared, latest["execution_id"]!.GetValue<string>());
        Assert.Equal(tag, latest["result"]!["rows"]![0]!["v"]!.GetValue<string>());
        string csv = await Server.Alice.GetStringAsync($"/api/v1/query/{open}/results/csv");
        Assert.Equal($"v,n\n{tag},0\n", csv);
        var byId = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{shared}/results");
        Assert.Equal(shared, byId["execution_id"]!.GetValue<string>());

        string kept = await RunAsync(Server.Bob, closed);
        Assert.Equal(kept, (await Server.Bob.GetFromJsonNodeAsync($"/api/v1/query/{closed}/results"))["execution_id"]!.GetValue<string>());
        const string NoLatest = "{\"error\":\"not found: No execution found for the latest version of the given query\"}";
        await AssertNotFoundAsync(Server.Alice, HttpMethod.Get, $"/api/v1/query/{closed}/results", NoLatest);
        await AssertNotFoundAsync(Server.Alice, HttpMethod.Get, $"/api/v1/query/{closed}/results/csv", NoLatest);
        await AssertNotFoundAsync(Server.Alice, HttpMethod.Get, $"/api/v1/execution/{kept}/results", "{\"error\":\"Execution not found\"}");
    }

    [Fact]
    public async Task An_endpoint_serves_its_query_run_on_demand_with_result_views_and_refuses_bad_requests()
    {
        string tag = Tag();
        var parameters = new JsonArray(new JsonObject { ["key"] = "n", ["type"] = "number", ["value"] = "3" });
        long id = await CreateQueryAsync(Server.Alice, $"select '{tag}' as v, x from range({{{{n}}}}) t(x)", isPrivate: false, parameters);
        string slug = "ep-" + tag;
        var (status, json, _) = await Server.Alice.PostJsonAsync("/api/v1/endpoints",
            new JsonObject { ["slug"] = slug, ["query_id"] = id, ["parameters"] = new JsonObject { ["n"] = 5 }, ["max_result_age_hours"] = 2 }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {json}");
        Assert.Equal(("alice", slug, id, 2.0, "5"), (json!["handle"]!.GetValue<string>(), json["slug"]!.GetValue<string>(), json["query_id"]!.GetValue<long>(),
            json["max_result_age_hours"]!.GetValue<double>(), json["parameters"]!["n"]!.GetValue<string>()));

        // Bob's first request runs the query (as bob) and waits for it; the result views apply.
        var result = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/endpoints/alice/{slug}/results?sort_by=x%20desc&limit=2&columns=x");
        Assert.Equal("QUERY_STATE_COMPLETED", result["state"]!.GetValue<string>());
        Assert.Equal(new long[] { 4, 3 }, result["result"]!["rows"]!.AsArray().Select(r => r!["x"]!.GetValue<long>()));
        Assert.Equal(5, result["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
        string executionId = result["execution_id"]!.GetValue<string>();
        // Within the age the same run is served; a params.* value selects other values.
        var again = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/endpoints/alice/{slug}/results?filters=x%20%3E%3D%201");
        Assert.Equal((executionId, 4), (again["execution_id"]!.GetValue<string>(), again["result"]!["rows"]!.AsArray().Count));
        var two = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/endpoints/alice/{slug}/results?params.n=2");
        Assert.Equal(2, two["result"]!["rows"]!.AsArray().Count);

        var listed = await Server.Alice.GetFromJsonNodeAsync("/api/v1/endpoints?limit=1000");
        Assert.Contains(listed["endpoints"]!.AsArray(), e => e!["slug"]!.GetValue<string>() == slug);
        Assert.DoesNotContain((await Server.Bob.GetFromJsonNodeAsync("/api/v1/endpoints?limit=1000"))["endpoints"]!.AsArray(),
            e => e!["slug"]!.GetValue<string>() == slug);

        foreach (var (body, field) in new[]
        {
            ($"{{\"slug\":\"bad slug\",\"query_id\":{id}}}", "slug"),
            ($"{{\"slug\":\"{new string('a', 65)}\",\"query_id\":{id}}}", "slug"),
            ($"{{\"query_id\":{id}}}", "slug"),
            ("{\"slug\":\"ok\"}", "query_id"),
            ($"{{\"slug\":\"ok\",\"query_id\":{id},\"max_result_age_hours\":0}}", "max_result_age_hours"),
            ($"{{\"slug\":\"ok\",\"query_id\":{id},\"parameters\":{{\"n\":\"five\"}}}}", "'n'"),
            ($"{{\"slug\":\"ok\",\"query_id\":{id},\"parameters\":[1]}}", "parameters"),
        })
        {
            (status, json, _) = await Server.Alice.PostJsonAsync("/api/v1/endpoints", body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{body}: {status} {json}");
            Assert.Contains(field, json!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        (status, _, _) = await Server.Bob.PostJsonAsync("/api/v1/endpoints", $"{{\"slug\":\"mine\",\"query_id\":{id}}}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _, _) = await Server.Bob.SendJsonAsync(HttpMethod.Delete, $"/api/v1/endpoints/alice/{slug}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        (status, _, _) = await Server.Alice.GetJsonAsync($"/api/v1/endpoints/alice/{slug}/results?params.nope=1");
        Assert.Equal(HttpStatusCode.BadRequest, status);

        (status, json, _) = await Server.Alice.SendJsonAsync(HttpMethod.Delete, $"/api/v1/endpoints/alice/{slug}");
        Assert.True(status == HttpStatusCode.OK && json!["success"]!.GetValue<bool>());
        await AssertNotFoundAsync(Server.Alice, HttpMethod.Get, $"/api/v1/endpoints/alice/{slug}/results", "{\"error\":\"Endpoint not found\"}");
    }

    [Fact]
    public async Task An_endpoint_of_a_private_query_is_a_404_for_others_on_every_route()
    {
        long id = await CreateQueryAsync(Server.Alice, "select 1 as one", isPrivate: true);
        string slug = "private-" + Tag();
        var (status, json, _) = await Server.Alice.PostJsonAsync("/api/v1/endpoints", $"{{\"slug\":\"{slug}\",\"query_id\":{id}}}");
        Assert.True(status == HttpStatusCode.OK, $"{status} {json}");
        const string NotFound = "{\"error\":\"Endpoint not found\"}";
        await AssertNotFoundAsync(Server.Bob, HttpMethod.Get, $"/api/v1/endpoints/alice/{slug}/results", NotFound);
        await AssertNotFoundAsync(Server.Bob, HttpMethod.Delete, $"/api/v1/endpoints/alice/{slug}", NotFound);
        await AssertNotFoundAsync(Server.Bob, HttpMethod.Get, $"/api/v1/endpoints/alice/no-such-{slug}/results", NotFound);
        (status, _, _) = await Server.Bob.PostJsonAsync("/api/v1/endpoints", $"{{\"slug\":\"x{slug}\",\"query_id\":{id}}}");
        Assert.Equal(HttpStatusCode.NotFound, status);

        var own = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/endpoints/alice/{slug}/results");
        Assert.Equal(1, own["result"]!["rows"]![0]!["one"]!.GetValue<long>());
    }
}
