using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Strata.Tests;

/// <summary>
/// Saved queries on the wire (contract section 5 "Saved queries" and "Latest results of a saved query",
/// and section 9): the endpoints and their fields, visibility, typed parameters and their substitution
/// (a text value stays a value), latest results and params.* selection, long-poll wait, result reuse and
/// in-flight joining (counted in the server log and in the result files), and Idempotency-Key. On the server's Program in
/// process (<see cref="InProcessServer"/>): nothing here needs a process, and its log is read from the capture.
/// </summary>
[Collection(InProcessSavedQueryCollection.Name)]
public sealed partial class SavedQueryTests(InProcessSharedServer shared, ITestOutputHelper output)
{
    private const string QueryNotFound = "{\"error\":\"Query not found\"}";
    private const string ExecutionNotFound = "{\"error\":\"Execution not found\"}";
    private const string NoLatest = "{\"error\":\"not found: No execution found for the latest version of the given query\"}";
    private const string NotAllowed = "{\"error\":\"Not allowed to execute query. Query is archived, unsaved or not enough permissions\"}";

    /// <summary>About two seconds with two DuckDB threads on this machine, four with one.</summary>
    private const string Slow = "select count(*) as c from range(300000000) t where t.range % 3 = 1";

    /// <summary>Hours of counting: only for a test that cancels it.</summary>
    private const string Endless = "select count(*) as c from range(300000000000) t where t.range % 3 = 1";

    private static readonly Dictionary<string, string> OneSlot = new()
    {
        ["Strata__Medium__Slots"] = "1",
        ["Strata__Medium__Threads"] = "1",
    };

    private InProcessServer Server => shared.Server;

    // ------------------------------------------------------------------ create, read, update, flags, list

    [Fact]
    public async Task Create_answers_query_id_with_and_without_trailing_slash()
    {
        foreach (string path in new[] { "/api/v1/query", "/api/v1/query/" })
        {
            var body = new JsonObject { ["name"] = "create " + path, ["query_sql"] = "select 1 as one" };
            var (status, json, response) = await Server.Alice.PostJsonAsync(path, body.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(["query_id"], json!.AsObject().Select(p => p.Key));
            long id = json["query_id"]!.GetValue<long>();
            Assert.True(id > 0);
            var read = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
            Assert.Equal("select 1 as one", read["query_sql"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Create_requires_name_and_query_sql()
    {
        var (status, json, _) = await Server.Alice.PostJsonAsync("/api/v1/query", "{\"query_sql\":\"select 1\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("name", json!["error"]!.GetValue<string>());
        (status, json, _) = await Server.Alice.PostJsonAsync("/api/v1/query", "{\"name\":\"no sql\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("query_sql", json!["error"]!.GetValue<string>());
        (status, json, _) = await Server.Alice.PostJsonAsync("/api/v1/query",
            "{\"name\":\"bad type\",\"query_sql\":\"select 1\",\"parameters\":[{\"key\":\"p\",\"type\":\"float\",\"value\":\"1\"}]}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'p'", json!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_returns_exactly_the_contract_fields()
    {
        var parameters = new JsonArray
        {
            Param("chain", "enum", "ethereum", options: ["ethereum", "base"], description: "which chain"),
            Param("n", "number", "3"),
        };
        long id = await CreateAsync(Server.Alice, new JsonObject
        {
            ["name"] = "fields",
            ["description"] = "all the fields",
            ["query_sql"] = "select '{{chain}}' as chain, {{n}} as n",
            ["parameters"] = parameters,
            ["tags"] = new JsonArray("a", "b"),
            ["is_private"] = true,
        });
        var (status, query, response) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(
            new HashSet<string> { "query_id", "name", "description", "tags", "version", "parameters", "query_engine", "query_sql", "is_private", "is_archived", "is_unsaved", "owner" },
            query!.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal(id, query["query_id"]!.GetValue<long>());
        Assert.Equal("fields", query["name"]!.GetValue<string>());
        Assert.Equal("all the fields", query["description"]!.GetValue<string>());
        Assert.Equal(["a", "b"], Strings(query["tags"]));
        Assert.Equal(1, query["version"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(query["query_engine"]!.GetValue<string>()));
        Assert.Equal("select '{{chain}}' as chain, {{n}} as n", query["query_sql"]!.GetValue<string>());
        Assert.True(query["is_private"]!.GetValue<bool>());
        Assert.False(query["is_archived"]!.GetValue<bool>());
        Assert.False(query["is_unsaved"]!.GetValue<bool>());
        Assert.Equal("alice", query["owner"]!.GetValue<string>());

        var chain = query["parameters"]![0]!;
        Assert.Equal(
            new HashSet<string> { "key", "type", "value", "description", "enumOptions", "isMultiselect" },
            chain.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal("chain", chain["key"]!.GetValue<string>());
        Assert.Equal("enum", chain["type"]!.GetValue<string>());
        Assert.Equal("ethereum", chain["value"]!.GetValue<string>());
        Assert.Equal("which chain", chain["description"]!.GetValue<string>());
        Assert.Equal(["ethereum", "base"], Strings(chain["enumOptions"]));
        Assert.False(chain["isMultiselect"]!.GetValue<bool>());
        var n = query["parameters"]![1]!;
        Assert.Equal("number", n["type"]!.GetValue<string>());
        Assert.Equal(System.Text.Json.JsonValueKind.String, n["value"]!.GetValueKind());
        Assert.Equal("3", n["value"]!.GetValue<string>());

        (status, _, response) = await Server.Alice.GetJsonAsync("/api/v1/query/999999999");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(QueryNotFound, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Datetime_definition_value_reads_back_as_contract_format()
    {
        // Contract: "datetime values are YYYY-MM-DD hh:mm:ss". A date-only default is accepted on create;
        // reading it back must still give the contract's format (the Python client parses it with
        // strptime("%Y-%m-%d %H:%M:%S") in QueryParameter.from_dict).
        long id = await CreateAsync(Server.Alice, "select '{{d}}' as d", [Param("d", "datetime", "2024-01-02")]);
        var query = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.Equal("2024-01-02 00:00:00", query["parameters"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields_and_version_follows_sql_and_parameters()
    {
        long id = await CreateAsync(Server.Alice, new JsonObject
        {
            ["name"] = "patch me",
            ["description"] = "d1",
            ["query_sql"] = "select {{n}} as n",
            ["parameters"] = new JsonArray { Param("n", "number", "1") },
            ["tags"] = new JsonArray("t1", "t2"),
            ["is_private"] = false,
        });

        async Task<JsonNode> Patch(string body, int expectedVersion)
        {
            var (status, json, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", body);
            Assert.True(status == HttpStatusCode.OK, $"PATCH {body}: {status} {json}");
            Assert.Equal(id, json!["query_id"]!.GetValue<long>());
            var read = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
            Assert.True(expectedVersion == read["version"]!.GetValue<int>(), $"after PATCH {body}: {read}");
            return read;
        }

        var q = await Patch("{\"name\":\"renamed\"}", 1);
        Assert.Equal("renamed", q["name"]!.GetValue<string>());
        Assert.Equal("d1", q["description"]!.GetValue<string>());
        Assert.Equal(["t1", "t2"], Strings(q["tags"]));
        Assert.Equal("select {{n}} as n", q["query_sql"]!.GetValue<string>());
        Assert.Single(q["parameters"]!.AsArray());
        Assert.False(q["is_private"]!.GetValue<bool>());

        q = await Patch("{\"description\":\"d2\",\"tags\":[\"t3\"]}", 1);
        Assert.Equal("d2", q["description"]!.GetValue<string>());
        Assert.Equal(["t3"], Strings(q["tags"]));
        Assert.Equal("renamed", q["name"]!.GetValue<string>());

        q = await Patch("{\"is_private\":true}", 1);
        Assert.True(q["is_private"]!.GetValue<bool>());
        q = await Patch("{\"is_private\":false}", 1);
        Assert.False(q["is_private"]!.GetValue<bool>());

        // The same SQL, or the same parameters, is not a change.
        await Patch("{\"query_sql\":\"select {{n}} as n\"}", 1);
        await Patch("{\"parameters\":[{\"key\":\"n\",\"type\":\"number\",\"value\":\"1\"}]}", 1);

        q = await Patch("{\"query_sql\":\"select {{n}} + 1 as n\"}", 2);
        Assert.Equal("select {{n}} + 1 as n", q["query_sql"]!.GetValue<string>());
        Assert.Equal(["t3"], Strings(q["tags"]));

        q = await Patch("{\"parameters\":[{\"key\":\"n\",\"type\":\"number\",\"value\":\"5\"}]}", 3);
        Assert.Equal("5", q["parameters"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("select {{n}} + 1 as n", q["query_sql"]!.GetValue<string>());

        // [] clears; tags are not versioned, parameters are.
        q = await Patch("{\"tags\":[]}", 3);
        Assert.Empty(q["tags"]!.AsArray());
        q = await Patch("{\"query_sql\":\"select 7 as n\",\"parameters\":[]}", 4);
        Assert.Empty(q["parameters"]!.AsArray());
        Assert.Equal("renamed", q["name"]!.GetValue<string>());

        // Trailing slash; an empty body changes nothing.
        var (status, _, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}/", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        q = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.Equal(4, q["version"]!.GetValue<int>());

        (status, var error, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", "{\"tags\":\"not a list\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("tags", error!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Archive_unarchive_private_unprivate_flip_the_flags()
    {
        long id = await CreateAsync(Server.Alice, "select 1 as x");
        async Task<JsonNode> Flag(string action)
        {
            var (status, json, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/{action}", null);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(["query_id"], json!.AsObject().Select(p => p.Key));
            Assert.Equal(id, json["query_id"]!.GetValue<long>());
            return await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        }

        var q = await Flag("archive");
        Assert.True(q["is_archived"]!.GetValue<bool>());
        Assert.False(q["is_private"]!.GetValue<bool>());
        q = await Flag("unarchive");
        Assert.False(q["is_archived"]!.GetValue<bool>());
        q = await Flag("private");
        Assert.True(q["is_private"]!.GetValue<bool>());
        Assert.False(q["is_archived"]!.GetValue<bool>());
        q = await Flag("unprivate");
        Assert.False(q["is_private"]!.GetValue<bool>());
        Assert.Equal(1, q["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Archived_query_cannot_be_executed()
    {
        long id = await CreateAsync(Server.Alice, "select 1 as x");
        await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/archive", null);
        var (status, _, response) = await ExecuteAsync(Server.Alice, id);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(NotAllowed, await response.Content.ReadAsStringAsync());
        // Still readable.
        var q = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.True(q["is_archived"]!.GetValue<bool>());

        await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/unarchive", null);
        var done = await RunQueryAsync(Server.Alice, id);
        Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_pages_through_the_callers_queries_with_total()
    {
        var (_, before, _) = await Server.Alice.GetJsonAsync("/api/v1/queries?limit=1");
        long total = before!["total"]!.GetValue<long>();
        var ids = new List<long>();
        for (int i = 0; i < 3; i++)
        {
            ids.Add(await CreateAsync(Server.Alice, new JsonObject
            {
                ["name"] = $"listed {i}",
                ["description"] = $"desc {i}",
                ["query_sql"] = "select 1",
                ["tags"] = new JsonArray($"tag{i}"),
            }));
        }

        var page = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/queries?limit=2&offset={total}");
        Assert.Equal(new HashSet<string> { "queries", "total" }, page.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal(total + 3, page["total"]!.GetValue<long>());
        var queries = page["queries"]!.AsArray();
        Assert.Equal(ids.Take(2), queries.Select(q => q!["id"]!.GetValue<long>()));
        var first = queries[0]!;
        Assert.Equal(
            new HashSet<string> { "id", "name", "description", "owner", "tags", "created_at", "updated_at" },
            first.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal("listed 0", first["name"]!.GetValue<string>());
        Assert.Equal("desc 0", first["description"]!.GetValue<string>());
        Assert.Equal("alice", first["owner"]!.GetValue<string>());
        Assert.Equal(["tag0"], Strings(first["tags"]));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", first["created_at"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", first["updated_at"]!.GetValue<string>());

        page = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/queries?limit=2&offset={total + 2}");
        Assert.Equal([ids[2]], page["queries"]!.AsArray().Select(q => q!["id"]!.GetValue<long>()));
        Assert.Equal(total + 3, page["total"]!.GetValue<long>());
        page = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/queries?limit=2&offset={total + 3}");
        Assert.Empty(page["queries"]!.AsArray());

        // Bob's list holds only bob's queries.
        var bobs = await Server.Bob.GetFromJsonNodeAsync("/api/v1/queries?limit=1000");
        Assert.All(bobs["queries"]!.AsArray(), q => Assert.Equal("bob", q!["owner"]!.GetValue<string>()));
        Assert.DoesNotContain(bobs["queries"]!.AsArray(), q => ids.Contains(q!["id"]!.GetValue<long>()));

        var (status, _, _) = await Server.Alice.GetJsonAsync("/api/v1/queries?limit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Typescript_style_query_parameters_become_number_and_text_definitions()
    {
        long id = await CreateAsync(Server.Alice, new JsonObject
        {
            ["name"] = "ts style",
            ["query_sql"] = "select {{count}} as c, '{{tag}}' as tag, {{f}} as f, {{raw}} as raw",
            ["query_parameters"] = new JsonObject { ["count"] = "7", ["tag"] = "it's", ["f"] = "-1.5", ["raw"] = 5 },
            ["is_private"] = true,
        });
        var query = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        var byKey = query["parameters"]!.AsArray().ToDictionary(p => p!["key"]!.GetValue<string>(), p => p!);
        Assert.Equal(4, byKey.Count);
        Assert.Equal("number", byKey["count"]["type"]!.GetValue<string>());
        Assert.Equal("7", byKey["count"]["value"]!.GetValue<string>());
        Assert.Equal("text", byKey["tag"]["type"]!.GetValue<string>());
        Assert.Equal("it's", byKey["tag"]["value"]!.GetValue<string>());
        Assert.Equal("number", byKey["f"]["type"]!.GetValue<string>());
        Assert.Equal("number", byKey["raw"]["type"]!.GetValue<string>());
        Assert.Equal("5", byKey["raw"]["value"]!.GetValue<string>());

        var row = await SingleRowAsync(Server.Alice, id, "{}");
        Assert.Equal(7, row["c"]!.GetValue<long>());
        Assert.Equal("it's", row["tag"]!.GetValue<string>());
        Assert.Equal(-1.5, row["f"]!.GetValue<double>());
        Assert.Equal(5, row["raw"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task Typescript_style_value_that_is_no_usable_number_stays_text(string value)
    {
        // double.TryParse accepts "NaN" and "Infinity", but the number type then rejects its own default:
        // a TS-created query must run with the defaults it was created with.
        long id = await CreateAsync(Server.Alice, new JsonObject
        {
            ["name"] = "ts " + value,
            ["query_sql"] = "select '{{w}}' as w",
            ["query_parameters"] = new JsonObject { ["w"] = value },
        });
        var query = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.Equal("text", query["parameters"]![0]!["type"]!.GetValue<string>());
        var row = await SingleRowAsync(Server.Alice, id, "{}");
        Assert.Equal(value, row["w"]!.GetValue<string>());
    }

    // ------------------------------------------------------------------ visibility

    [Fact]
    public async Task Private_query_is_not_found_for_others()
    {
        long id = await CreateAsync(Server.Alice, "select 1 as x", isPrivate: true);
        await RunQueryAsync(Server.Alice, id);

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/api/v1/query/{id}"),
            (HttpMethod.Post, $"/api/v1/query/{id}/execute"),
            (HttpMethod.Get, $"/api/v1/query/{id}/results"),
            (HttpMethod.Get, $"/api/v1/query/{id}/results/csv"),
            (HttpMethod.Patch, $"/api/v1/query/{id}"),
            (HttpMethod.Post, $"/api/v1/query/{id}/archive"),
            (HttpMethod.Post, $"/api/v1/query/{id}/unprivate"),
        })
        {
            var (status, _, response) = await Server.Bob.SendJsonAsync(method, path, method == HttpMethod.Get ? null : "{\"name\":\"taken\"}");
            Assert.True(status == HttpStatusCode.NotFound, $"{method} {path}: {status}");
            Assert.Equal(QueryNotFound, await response.Content.ReadAsStringAsync());
        }

        var q = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.True(q["is_private"]!.GetValue<bool>());
        Assert.False(q["is_archived"]!.GetValue<bool>());
        Assert.NotEqual("taken", q["name"]!.GetValue<string>());
        var (code, _, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results");
        Assert.Equal(HttpStatusCode.OK, code);
    }

    [Fact]
    public async Task Public_query_others_read_and_execute_as_themselves_but_cannot_change()
    {
        string tag = Tag();
        long id = await CreateAsync(Server.Alice, $"select '{tag}' as v, {{{{n}}}} as n", [Param("n", "number", "1")], isPrivate: false);

        var read = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.Equal("alice", read["owner"]!.GetValue<string>());

        var done = await RunQueryAsync(Server.Bob, id, "{\"query_parameters\":{\"n\":2}}");
        Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
        Assert.Equal(id, done["query_id"]!.GetValue<long>());
        string bobsExecution = done["execution_id"]!.GetValue<string>();

        // The execution is bob's, and it read nothing private of bob's: as on Dune, it is the public query's latest result
        // for everyone, alice included, and readable by its id (decision 111).
        var (status, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{bobsExecution}/status");
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{bobsExecution}/results");
        Assert.Equal(HttpStatusCode.OK, status);
        var alicesLatest = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}/results");
        Assert.Equal(bobsExecution, alicesLatest["execution_id"]!.GetValue<string>());

        var latest = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/query/{id}/results");
        Assert.Equal(bobsExecution, latest["execution_id"]!.GetValue<string>());
        Assert.Equal(2, latest["result"]!["rows"]![0]!["n"]!.GetValue<long>());

        // Others may not change it: 403.
        foreach (var (method, path, body) in new[]
        {
            (HttpMethod.Patch, $"/api/v1/query/{id}", "{\"name\":\"bob was here\",\"query_sql\":\"select 666\"}"),
            (HttpMethod.Post, $"/api/v1/query/{id}/archive", "{}"),
            (HttpMethod.Post, $"/api/v1/query/{id}/private", "{}"),
        })
        {
            (status, var json, _) = await Server.Bob.SendJsonAsync(method, path, body);
            Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path}: {status} {json}");
            Assert.False(string.IsNullOrEmpty(json!["error"]!.GetValue<string>()));
        }
        var after = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.NotEqual("bob was here", after["name"]!.GetValue<string>());
        Assert.Equal(1, after["version"]!.GetValue<int>());
        Assert.False(after["is_archived"]!.GetValue<bool>());
        Assert.False(after["is_private"]!.GetValue<bool>());

        // Made private, it disappears for bob, including its latest results.
        await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/private", null);
        (status, _, response) = await Server.Bob.GetJsonAsync($"/api/v1/query/{id}/results");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(QueryNotFound, await response.Content.ReadAsStringAsync());
    }

    // ------------------------------------------------------------------ parameter types

    /// <summary>One query with a parameter of each type.</summary>
    private Task<long> TypedQueryAsync() => CreateAsync(Server.Alice,
        "select '{{t}}' as t, {{n}} as n, cast('{{d}}' as timestamp) as d, '{{e}}' as e",
        [
            Param("t", "text", "hello"),
            Param("n", "number", "1"),
            Param("d", "datetime", "2024-01-01 00:00:00"),
            Param("e", "enum", "ethereum", options: ["ethereum", "base", "it's"]),
        ]);

    [Fact]
    public async Task Each_type_is_substituted_and_defaults_fill_the_rest()
    {
        long id = await TypedQueryAsync();
        var row = await SingleRowAsync(Server.Alice, id, "{}");
        Assert.Equal("hello", row["t"]!.GetValue<string>());
        Assert.Equal(1, row["n"]!.GetValue<long>());
        Assert.Equal("2024-01-01 00:00:00.000 UTC", row["d"]!.GetValue<string>());
        Assert.Equal("ethereum", row["e"]!.GetValue<string>());

        row = await SingleRowAsync(Server.Alice, id, "{\"query_parameters\":{\"t\":\"bye\",\"n\":-12,\"d\":\"2023-05-06 07:08:09\",\"e\":\"base\"}}");
        Assert.Equal("bye", row["t"]!.GetValue<string>());
        Assert.Equal(-12, row["n"]!.GetValue<long>());
        Assert.Equal("2023-05-06 07:08:09.000 UTC", row["d"]!.GetValue<string>());
        Assert.Equal("base", row["e"]!.GetValue<string>());

        // Partly supplied: the rest are the saved defaults.
        row = await SingleRowAsync(Server.Alice, id, "{\"query_parameters\":{\"n\":\"5\"}}");
        Assert.Equal("hello", row["t"]!.GetValue<string>());
        Assert.Equal(5, row["n"]!.GetValue<long>());
        Assert.Equal("ethereum", row["e"]!.GetValue<string>());

        // An enum option with a quote in it stays inside the literal.
        row = await SingleRowAsync(Server.Alice, id, "{\"query_parameters\":{\"e\":\"it's\"}}");
        Assert.Equal("it's", row["e"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"42\"", 42.0)]
    [InlineData("42", 42.0)]
    [InlineData("\"-1.5\"", -1.5)]
    [InlineData("-1.5", -1.5)]
    [InlineData("\"1e3\"", 1000.0)]
    [InlineData("\".5\"", 0.5)]
    [InlineData("\" 7 \"", 7.0)]
    public async Task Number_accepted_forms(string json, double expected)
    {
        long id = await TypedQueryAsync();
        var done = await RunQueryAsync(Server.Alice, id, $"{{\"query_parameters\":{{\"n\":{json}}}}}");
        Assert.True(done["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", done.ToJsonString());
        // Read raw: the results body must be JSON (".5" is a DuckDB DECIMAL(1,1)).
        string text = await Server.Alice.GetStringAsync($"/api/v1/execution/{done["execution_id"]}/results");
        JsonNode? results = null;
        var parse = Record.Exception(() => results = JsonNode.Parse(text));
        Assert.True(parse is null, $"n={json}: the results body is not valid JSON ({parse?.Message}): {text}");
        Assert.Equal(expected, results!["result"]!["rows"]![0]!["n"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("\"2024-02-03 04:05:06\"", "2024-02-03 04:05:06.000 UTC")]
    [InlineData("\"2024-02-03\"", "2024-02-03 00:00:00.000 UTC")]
    [InlineData("\"2024-02-03T04:05:06Z\"", "2024-02-03 04:05:06.000 UTC")]
    public async Task Datetime_accepted_forms(string json, string expected)
    {
        long id = await TypedQueryAsync();
        var row = await SingleRowAsync(Server.Alice, id, $"{{\"query_parameters\":{{\"d\":{json}}}}}");
        Assert.Equal(expected, row["d"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("n", "\"abc\"")]
    [InlineData("n", "\"\"")]
    [InlineData("n", "\"1; drop table executions\"")]
    [InlineData("n", "\"1 or 1=1\"")]
    [InlineData("n", "\"0x10\"")]
    [InlineData("n", "\"1,5\"")]
    [InlineData("n", "[1,2]")]
    [InlineData("n", "{\"x\":1}")]
    [InlineData("d", "\"garbage\"")]
    [InlineData("d", "\"2024-13-01\"")]
    [InlineData("d", "\"2024-01-01' or '1'='1\"")]
    [InlineData("d", "\"yesterday\"")]
    [InlineData("e", "\"solana\"")]
    [InlineData("e", "\"Ethereum\"")]
    [InlineData("e", "\"ethereum' or '1'='1\"")]
    [InlineData("e", "[\"ethereum\"]")]
    [InlineData("t", "[\"a\",\"b\"]")]
    public async Task Rejected_values_are_400_naming_the_parameter(string name, string json)
    {
        long id = await TypedQueryAsync();
        var (status, body, _) = await ExecuteAsync(Server.Alice, id, $"{{\"query_parameters\":{{\"{name}\":{json}}}}}");
        Assert.True(status == HttpStatusCode.BadRequest, $"{name}={json}: {status} {body}");
        Assert.Contains($"'{name}'", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Multiselect_enum_takes_a_list_in_an_IN_clause()
    {
        long id = await CreateAsync(Server.Alice,
            "select c from (values ('ethereum'), ('base'), ('optimism'), ('arbitrum')) t(c) where c in ({{chains}}) order by c",
            [Param("chains", "enum", new JsonArray("ethereum", "base"), options: ["ethereum", "base", "optimism", "arbitrum"], multi: true)]);
        var q = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.True(q["parameters"]![0]!["isMultiselect"]!.GetValue<bool>());
        Assert.Equal(System.Text.Json.JsonValueKind.String, q["parameters"]![0]!["value"]!.GetValueKind());

        async Task<string[]> Chains(string body)
        {
            var done = await RunQueryAsync(Server.Alice, id, body);
            Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
            var rows = await RowsAsync(Server.Alice, done["execution_id"]!.GetValue<string>());
            return rows.Select(r => r!["c"]!.GetValue<string>()).ToArray();
        }

        Assert.Equal(["base", "ethereum"], await Chains("{}"));
        Assert.Equal(["arbitrum", "optimism"], await Chains("{\"query_parameters\":{\"chains\":[\"optimism\",\"arbitrum\"]}}"));
        Assert.Equal(["base"], await Chains("{\"query_parameters\":{\"chains\":\"base\"}}"));
        Assert.Equal(["arbitrum", "base", "ethereum", "optimism"], await Chains("{\"query_parameters\":[{\"key\":\"chains\",\"type\":\"enum\",\"value\":[\"ethereum\",\"base\",\"optimism\",\"arbitrum\"]}]}"));

        foreach (string bad in new[] { "[\"ethereum\",\"solana\"]", "[]", "[\"base') or ('1'='1\"]" })
        {
            var (status, body, _) = await ExecuteAsync(Server.Alice, id, $"{{\"query_parameters\":{{\"chains\":{bad}}}}}");
            Assert.True(status == HttpStatusCode.BadRequest, $"{bad}: {status} {body}");
            Assert.Contains("'chains'", body!["error"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Unknown_parameter_names_are_400_listing_them()
    {
        long id = await CreateAsync(Server.Alice, "select {{n}} as n", [Param("n", "number", "1")]);
        var (status, _, response) = await ExecuteAsync(Server.Alice, id, "{\"query_parameters\":{\"x\":\"1\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"error\":\"unknown parameters (x)\"}", await response.Content.ReadAsStringAsync());
        (status, _, response) = await ExecuteAsync(Server.Alice, id, "{\"query_parameters\":{\"n\":2,\"zeta\":\"1\",\"alpha\":\"2\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"error\":\"unknown parameters (alpha, zeta)\"}", await response.Content.ReadAsStringAsync());
        // A query without parameters.
        long plain = await CreateAsync(Server.Alice, "select 1 as one");
        (status, _, response) = await ExecuteAsync(Server.Alice, plain, "{\"query_parameters\":{\"x\":\"1\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("{\"error\":\"unknown parameters (x)\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Placeholder_without_definition_or_value_is_400()
    {
        long id = await CreateAsync(Server.Alice, "select {{n}} as n, {{ghost}} as g", [Param("n", "number", "1")]);
        var (status, body, _) = await ExecuteAsync(Server.Alice, id);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'ghost'", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Spaces_inside_the_braces_are_allowed()
    {
        long id = await CreateAsync(Server.Alice, "select {{ n }} + {{n}} + {{  n}} as v, '{{ t }}' as t",
            [Param("n", "number", "2"), Param("t", "text", "x")]);
        var row = await SingleRowAsync(Server.Alice, id, "{\"query_parameters\":{\"n\":3,\"t\":\"spaced\"}}");
        Assert.Equal(9, row["v"]!.GetValue<long>());
        Assert.Equal("spaced", row["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_parameters_as_dict_as_list_and_as_json_text_in_the_query_string()
    {
        long id = await CreateAsync(Server.Alice, "select {{n}} as n, '{{t}}' as t", [Param("n", "number", "1"), Param("t", "text", "default")]);

        var row = await SingleRowAsync(Server.Alice, id, "{\"query_parameters\":{\"n\":2,\"t\":\"dict\"}}");
        Assert.Equal((2, "dict"), (row["n"]!.GetValue<long>(), row["t"]!.GetValue<string>()));

        row = await SingleRowAsync(Server.Alice, id, "{\"query_parameters\":[{\"key\":\"n\",\"type\":\"number\",\"value\":\"3\"},{\"key\":\"t\",\"type\":\"text\",\"value\":\"list\"}]}");
        Assert.Equal((3, "list"), (row["n"]!.GetValue<long>(), row["t"]!.GetValue<string>()));

        string qs = "?query_parameters=" + Uri.EscapeDataString("{\"n\":4,\"t\":\"query string\"}");
        row = await SingleRowAsync(Server.Alice, id, null, qs);
        Assert.Equal((4, "query string"), (row["n"]!.GetValue<long>(), row["t"]!.GetValue<string>()));

        qs = "?query_parameters=" + Uri.EscapeDataString("[{\"key\":\"n\",\"value\":\"5\"}]");
        row = await SingleRowAsync(Server.Alice, id, "", qs);
        Assert.Equal((5, "default"), (row["n"]!.GetValue<long>(), row["t"]!.GetValue<string>()));

        // null and {} mean the defaults.
        row = await SingleRowAsync(Server.Alice, id, "{\"query_parameters\":null}");
        Assert.Equal((1, "default"), (row["n"]!.GetValue<long>(), row["t"]!.GetValue<string>()));

        var (status, body, _) = await ExecuteAsync(Server.Alice, id, null, "?query_parameters=" + Uri.EscapeDataString("{not json"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("query_parameters", body!["error"]!.GetValue<string>());
        (status, body, _) = await ExecuteAsync(Server.Alice, id, "{\"query_parameters\":\"n=1\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("query_parameters", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Performance_in_body_and_query_string()
    {
        long id = await CreateAsync(Server.Alice, $"select '{Tag()}' as v");
        var (_, a, _) = await ExecuteAsync(Server.Alice, id, "{\"performance\":\"large\"}");
        var (_, b, _) = await ExecuteAsync(Server.Alice, id, null, "?performance=large");
        var (_, c, _) = await ExecuteAsync(Server.Alice, id, "{}", "?performance=medium");
        foreach (var (json, tier) in new[] { (a, "large"), (b, "large"), (c, "medium") })
        {
            string execution = json!["execution_id"]!.GetValue<string>();
            var done = await Server.Alice.WaitAsync(execution);
            Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
            await WaitForLogAsync(Server, $"Execution {execution} submitted by alice on tier {tier}");
        }
        var (status, body, _) = await ExecuteAsync(Server.Alice, id, "{\"performance\":\"huge\"}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("performance", body!["error"]!.GetValue<string>());
        (status, body, _) = await ExecuteAsync(Server.Alice, id, null, "?performance=tiny");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("performance", body!["error"]!.GetValue<string>());
    }

    // ------------------------------------------------------------------ injection: the value stays a value

    [Theory]
    [InlineData("x' union select secret --")]
    [InlineData("'; drop table executions; --")]
    [InlineData("'); select 1; --")]
    [InlineData("it's")]
    [InlineData("''")]
    [InlineData("'")]
    [InlineData("\\'; select 1 --")]
    [InlineData("' || (select 42) || '")]
    [InlineData("a'\n; select 'owned' as v; --")]
    [InlineData("{{t}} {{other}}")]
    [InlineData("$$ '$$' $$")]
    [InlineData("/* ' */ -- '")]
    [InlineData("ünïcødé ' \"double\" ` back`")]
    public async Task Text_parameter_value_stays_a_value(string value)
    {
        long id = await CreateAsync(Server.Alice, "select '{{t}}' as v", [Param("t", "text", "default")]);
        var body = new JsonObject { ["query_parameters"] = new JsonObject { ["t"] = value } }.ToJsonString();
        var done = await RunQueryAsync(Server.Alice, id, body);
        Assert.True(done["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", done.ToJsonString());
        Assert.Equal(["v"], Strings(done["result_metadata"]!["column_names"]));
        Assert.Equal(["varchar"], Strings(done["result_metadata"]!["column_types"]));
        var rows = await RowsAsync(Server.Alice, done["execution_id"]!.GetValue<string>());
        Assert.Single(rows);
        Assert.Equal(value, rows[0]!["v"]!.GetValue<string>());

        // The same value as the saved default.
        long withDefault = await CreateAsync(Server.Alice, "select '{{t}}' as v", [Param("t", "text", value)]);
        var row = await SingleRowAsync(Server.Alice, withDefault, "{}");
        Assert.Equal(value, row["v"]!.GetValue<string>());
    }

    [Fact]
    public async Task Text_parameter_in_a_where_clause_cannot_widen_it()
    {
        long id = await CreateAsync(Server.Alice,
            "select count(*) as c from (values ('alice'), ('bob'), ('carol')) t(owner) where owner = '{{who}}'",
            [Param("who", "text", "alice")]);
        Assert.Equal(1, (await SingleRowAsync(Server.Alice, id, "{}"))["c"]!.GetValue<long>());
        foreach (string attack in new[] { "alice' or '1'='1", "x' or 1=1 --", "' or owner is not null or '" })
        {
            var body = new JsonObject { ["query_parameters"] = new JsonObject { ["who"] = attack } }.ToJsonString();
            Assert.Equal(0, (await SingleRowAsync(Server.Alice, id, body))["c"]!.GetValue<long>());
        }
    }

    // ------------------------------------------------------------------ error positions in the user's text

    [Fact]
    public async Task Error_position_after_a_longer_value_on_the_same_line_is_in_the_users_text()
    {
        const string sql = "select '{{long}}' as a, nosuch from range(1)";
        long id = await CreateAsync(Server.Alice, sql, [Param("long", "text", new string('x', 80))]);
        var done = await RunQueryAsync(Server.Alice, id);
        Assert.Equal("QUERY_STATE_FAILED", done["state"]!.GetValue<string>());
        Assert.Contains("nosuch", done["error"]!["message"]!.GetValue<string>());
        Assert.Equal(1, done["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(sql.IndexOf("nosuch", StringComparison.Ordinal) + 1, done["error"]!["metadata"]!["column"]!.GetValue<int>());

        // A shorter value than the placeholder moves the column the other way.
        done = await RunQueryAsync(Server.Alice, id, "{\"query_parameters\":{\"long\":\"\"}}");
        Assert.Equal(sql.IndexOf("nosuch", StringComparison.Ordinal) + 1, done["error"]!["metadata"]!["column"]!.GetValue<int>());
    }

    [Fact]
    public async Task Error_position_after_a_value_is_mapped_to_the_users_line_and_column()
    {
        long id = await CreateAsync(Server.Alice, "select '{{long}}' as a,\n  nosuch", [Param("long", "text", new string('y', 200))]);
        var done = await RunQueryAsync(Server.Alice, id);
        Assert.Equal("QUERY_STATE_FAILED", done["state"]!.GetValue<string>());
        Assert.Equal(2, done["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(3, done["error"]!["metadata"]!["column"]!.GetValue<int>());

        // A value with line breaks shifts the engine's line numbers; the user's stay.
        done = await RunQueryAsync(Server.Alice, id, "{\"query_parameters\":{\"long\":\"one\\ntwo\\nthree\"}}");
        Assert.Equal("QUERY_STATE_FAILED", done["state"]!.GetValue<string>());
        Assert.Equal(2, done["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(3, done["error"]!["metadata"]!["column"]!.GetValue<int>());

        // And on the placeholder's own line, after a multi-line value.
        const string sameLine = "select '{{v}}' as a, nosuch\nfrom range(1)";
        long other = await CreateAsync(Server.Alice, sameLine, [Param("v", "text", "l1\nl2\nl3")]);
        done = await RunQueryAsync(Server.Alice, other);
        Assert.Equal("QUERY_STATE_FAILED", done["state"]!.GetValue<string>());
        Assert.Equal(1, done["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(sameLine.IndexOf("nosuch", StringComparison.Ordinal) + 1, done["error"]!["metadata"]!["column"]!.GetValue<int>());
    }

    // ------------------------------------------------------------------ latest results

    [Fact]
    public async Task Latest_results_are_the_newest_execution_of_the_current_version()
    {
        long id = await CreateAsync(Server.Alice, "select range as n from range({{n}}) order by n", [Param("n", "number", "5")]);
        var (status, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(NoLatest, await response.Content.ReadAsStringAsync());

        string first = (await RunQueryAsync(Server.Alice, id))["execution_id"]!.GetValue<string>();
        string second = (await RunQueryAsync(Server.Alice, id, "{\"query_parameters\":{\"n\":4}}"))["execution_id"]!.GetValue<string>();
        Assert.NotEqual(first, second);

        var latest = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}/results");
        Assert.Equal(second, latest["execution_id"]!.GetValue<string>());
        Assert.Equal(id, latest["query_id"]!.GetValue<long>());
        Assert.Equal("QUERY_STATE_COMPLETED", latest["state"]!.GetValue<string>());
        Assert.Equal([0L, 1, 2, 3], latest["result"]!["rows"]!.AsArray().Select(r => r!["n"]!.GetValue<long>()));
        Assert.Null(latest["next_uri"]);

        // Paged: next_uri names the execution, so every page is the same one.
        var page = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}/results?limit=2");
        Assert.Equal(2, page["next_offset"]!.GetValue<long>());
        string next = page["next_uri"]!.GetValue<string>();
        Assert.StartsWith($"{Server.BaseUrl.ToString().TrimEnd('/')}/api/v1/execution/{second}/results?", next);
        Assert.Contains("limit=2", next);
        Assert.Contains("offset=2", next);
        var page2 = await Server.Alice.GetFromJsonNodeAsync(next);
        Assert.Equal(second, page2["execution_id"]!.GetValue<string>());
        Assert.Equal([2L, 3], page2["result"]!["rows"]!.AsArray().Select(r => r!["n"]!.GetValue<long>()));
        Assert.Null(page2["next_uri"]);

        // limit=0: metadata only.
        var meta = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}/results?limit=0");
        Assert.Equal(second, meta["execution_id"]!.GetValue<string>());
        Assert.Empty(meta["result"]!["rows"]!.AsArray());
        Assert.Equal(0, meta["result"]!["metadata"]!["row_count"]!.GetValue<long>());
        Assert.Equal(4, meta["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
        Assert.Equal(["n"], Strings(meta["result"]!["metadata"]!["column_names"]));
        Assert.Null(meta["next_uri"]);

        // CSV, whole and paged.
        using (var csv = await Server.Alice.GetAsync($"/api/v1/query/{id}/results/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            Assert.Equal("n\n0\n1\n2\n3\n", await csv.Content.ReadAsStringAsync());
        }
        using (var csv = await Server.Alice.GetAsync($"/api/v1/query/{id}/results/csv?limit=3"))
        {
            Assert.Equal("n\n0\n1\n2\n", await csv.Content.ReadAsStringAsync());
            string nextCsv = csv.Headers.GetValues("x-dune-next-uri").Single();
            Assert.StartsWith($"{Server.BaseUrl.ToString().TrimEnd('/')}/api/v1/execution/{second}/results/csv?", nextCsv);
            Assert.Equal("3", csv.Headers.GetValues("x-dune-next-offset").Single());
            Assert.Equal("n\n3\n", await Server.Alice.GetStringAsync(nextCsv));
        }
    }

    [Fact]
    public async Task Editing_sql_or_parameters_starts_a_version_without_latest_results()
    {
        long id = await CreateAsync(Server.Alice, "select {{n}} as n", [Param("n", "number", "1")]);
        string old = (await RunQueryAsync(Server.Alice, id))["execution_id"]!.GetValue<string>();
        var (status, _, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results");
        Assert.Equal(HttpStatusCode.OK, status);

        // Not versioned: name, description, tags, privacy.
        await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", "{\"name\":\"renamed\",\"description\":\"x\",\"tags\":[\"t\"]}");
        Assert.Equal(old, (await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}/results"))["execution_id"]!.GetValue<string>());

        await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", "{\"query_sql\":\"select {{n}} * 10 as n\"}");
        await AssertNoLatestAsync(id);

        // The old execution stays readable by id.
        var oldResults = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{old}/results");
        Assert.Equal(1, oldResults["result"]!["rows"]![0]!["n"]!.GetValue<long>());
        Assert.Equal(id, oldResults["query_id"]!.GetValue<long>());

        string current = (await RunQueryAsync(Server.Alice, id))["execution_id"]!.GetValue<string>();
        var latest = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}/results");
        Assert.Equal(current, latest["execution_id"]!.GetValue<string>());
        Assert.Equal(10, latest["result"]!["rows"]![0]!["n"]!.GetValue<long>());

        // A parameter edit is a new version too.
        await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", "{\"parameters\":[{\"key\":\"n\",\"type\":\"number\",\"value\":\"2\"}]}");
        await AssertNoLatestAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await Server.Alice.GetJsonAsync($"/api/v1/execution/{current}/results")).Status);
    }

    private async Task AssertNoLatestAsync(long id)
    {
        var (status, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(NoLatest, await response.Content.ReadAsStringAsync());
        using var csv = await Server.Alice.GetAsync($"/api/v1/query/{id}/results/csv");
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.Equal(NoLatest, await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Params_selectors_narrow_latest_results()
    {
        long id = await CreateAsync(Server.Alice, "select {{a}} as a, '{{b}}' as b, '{{d}}' as d",
            [Param("a", "number", "1"), Param("b", "text", "x"), Param("d", "datetime", "2024-01-01 00:00:00")]);
        string e1 = (await RunQueryAsync(Server.Alice, id, "{\"query_parameters\":{\"a\":1}}"))["execution_id"]!.GetValue<string>();
        string e2 = (await RunQueryAsync(Server.Alice, id, "{\"query_parameters\":{\"a\":2}}"))["execution_id"]!.GetValue<string>();
        string e3 = (await RunQueryAsync(Server.Alice, id, "{\"query_parameters\":{\"a\":2,\"b\":\"y z\",\"d\":\"2024-02-03 00:00:00\"}}"))["execution_id"]!.GetValue<string>();

        async Task<string> Latest(string selectors)
        {
            var (status, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results{selectors}");
            Assert.True(status == HttpStatusCode.OK, $"{selectors}: {status} {body}");
            return body!["execution_id"]!.GetValue<string>();
        }

        Assert.Equal(e3, await Latest(""));
        Assert.Equal(e1, await Latest("?params.a=1"));
        Assert.Equal(e3, await Latest("?params.a=2"));
        Assert.Equal(e2, await Latest("?params.b=x"));
        Assert.Equal(e2, await Latest("?params.a=2&params.b=x"));
        Assert.Equal(e3, await Latest("?params.b=y%20z"));
        Assert.Equal(e3, await Latest("?params.d=" + Uri.EscapeDataString("2024-02-03 00:00:00")));
        Assert.Equal(e3, await Latest("?params.d=2024-02-03"));
        Assert.Equal(e1, await Latest("?params.a=1&params.b=x&params.d=" + Uri.EscapeDataString("2024-01-01 00:00:00")));

        // Values never run, and names that do not exist: 404.
        var (code, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results?params.a=3");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal(NoLatest, await response.Content.ReadAsStringAsync());
        (code, _, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results?params.a=1&params.b=y%20z");
        Assert.Equal(HttpStatusCode.NotFound, code);
        (code, var body, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results?params.zzz=1");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.NotNull(body!["error"]);

        // CSV takes the same selectors.
        using var csv = await Server.Alice.GetAsync($"/api/v1/query/{id}/results/csv?params.a=1");
        Assert.Equal("a,b,d\n1,x,2024-01-01 00:00:00\n", await csv.Content.ReadAsStringAsync());
        using var missing = await Server.Alice.GetAsync($"/api/v1/query/{id}/results/csv?params.a=9");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Params_selector_for_a_multiselect_takes_a_comma_list()
    {
        long id = await CreateAsync(Server.Alice, "select count(*) as c from (values ('a'), ('b'), ('c')) t(x) where x in ({{xs}})",
            [Param("xs", "enum", "a", options: ["a", "b", "c"], multi: true)]);
        string one = (await RunQueryAsync(Server.Alice, id))["execution_id"]!.GetValue<string>();
        string two = (await RunQueryAsync(Server.Alice, id, "{\"query_parameters\":{\"xs\":[\"b\",\"c\"]}}"))["execution_id"]!.GetValue<string>();
        Assert.Equal(two, (await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}/results?params.xs=b,c"))["execution_id"]!.GetValue<string>());
        Assert.Equal(one, (await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}/results?params.xs=a"))["execution_id"]!.GetValue<string>());
        var (status, _, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results?params.xs=a,b");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    // ------------------------------------------------------------------ long-poll wait

    [Fact]
    public async Task Status_wait_answers_promptly_when_the_execution_ends()
    {
        string id = await Server.Alice.SubmitAsync(Slow);
        // Waits of the longest time allowed, one after another while the run goes on: Slow's length is the machine's (it
        // took 28 s at load 33 and failed a 25 s bound on its 30 s wait, docs/notes/test-speed4.md).
        var (body, sent, received, took, waits) = await LongPollRounds.UntilFinishedAsync(Server.Alice, id);
        Assert.Equal("QUERY_STATE_COMPLETED", body["state"]!.GetValue<string>());
        Assert.True(body["is_execution_finished"]!.GetValue<bool>());
        Assert.NotNull(body["result_metadata"]);
        var ended = ParseTimestamp(body["execution_ended_at"]!.GetValue<string>());
        var lag = received - ended;
        output.WriteLine($"status?wait={LongPollRounds.Wait.TotalSeconds} answered {lag.TotalMilliseconds:F1} ms after execution_ended_at; the last of {waits} waits took {took.TotalMilliseconds:F0} ms");
        Assert.True(ended > sent, $"the execution had already ended when the wait began (ended {ended:O}, sent {sent:O}): the test proves nothing");
        // Woken by the end, not by the wait running out: a wait that ran out answers no sooner than its whole time after
        // it was sent, so an answer before it is the end's. The lag is the wake-up's delivery, not a latency figure (this
        // test host shares its thread pool with the tests beside it, and a loaded CI run once took 5.4 s to deliver it;
        // the wake-up itself is tested with a fake clock in
        // SubmissionTests.A_long_poll_wakes_when_the_execution_ends_without_the_clock_moving).
        Assert.True(took < LongPollRounds.Wait, $"the wait answered after {took}: its time ran out");
        Assert.True(lag < TimeSpan.FromSeconds(12), $"long-poll answered {lag.TotalMilliseconds:F1} ms after the execution ended");
    }

    [Fact]
    public async Task Status_wait_zero_answers_at_once_and_a_short_wait_times_out()
    {
        // The route's timings on the server's own clock (the handler reads it from the container): an in-process server of
        // its own on a fake clock that only the test moves, with its run held at the engine's gate (executing until the
        // test lets it end). A wall clock cannot bound a loaded request from above; this clock is not moved by load.
        var clock = new TimerWatchingClock(DateTimeOffset.UtcNow);
        var gate = new EngineGate();
        await using var server = await InProcessServer.StartAsync(time: clock, services: gate.HoldRuns);
        string id = await server.Alice.SubmitAsync("select 1 as x");
        Assert.Equal(id, (await gate.Entered.WaitAsync(Guard)).ExecutionId);
        var started = clock.GetUtcNow();

        // wait=0 answers with the clock standing still: it arms no timer to wait on (one would never fire here).
        var body = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/status?wait=0").WaitAsync(Guard);
        Assert.Equal("QUERY_STATE_EXECUTING", body["state"]!.GetValue<string>());
        Assert.False(body["is_execution_finished"]!.GetValue<bool>());
        Assert.Equal(started, clock.GetUtcNow());

        // wait=0.4 is open until its 400 ms are up on the clock, not a millisecond before, and then answers not finished.
        var wait = TimeSpan.FromMilliseconds(400);
        var answer = server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/status?wait=0.4");
        await clock.TimerMadeAsync(wait).WaitAsync(Guard);
        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.False(answer.IsCompleted, "wait=0.4 answered before its 400 ms were up");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        body = await answer.WaitAsync(Guard);
        Assert.Equal("QUERY_STATE_EXECUTING", body["state"]!.GetValue<string>());
        Assert.False(body["is_execution_finished"]!.GetValue<bool>());

        gate.Open();
        Assert.Equal("QUERY_STATE_COMPLETED", (await server.Alice.WaitAsync(id))["state"]!.GetValue<string>());
    }

    /// <summary>How long a step of the fake-clock test may take on the wall (a hang guard only: nothing is timed by it).</summary>
    private static readonly TimeSpan Guard = Api.HangGuard;

    [Theory]
    [InlineData("61")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("NaN")]
    public async Task Wait_out_of_range_is_400(string wait)
    {
        string id = await Server.Alice.SubmitAsync("select 1 as x");
        long query = await CreateAsync(Server.Alice, "select 1 as x");
        foreach (var (method, path, body) in new[]
        {
            (HttpMethod.Get, $"/api/v1/execution/{id}/status?wait={wait}", (string?)null),
            (HttpMethod.Post, $"/api/v1/sql/execute?wait={wait}", Api.SqlBody("select 1 as x")),
            (HttpMethod.Post, $"/api/v1/query/{query}/execute?wait={wait}", "{}"),
        })
        {
            var (status, json, _) = await Server.Alice.SendJsonAsync(method, path, body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{method} {path}: {status} {json}");
            Assert.Contains("wait", json!["error"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Wait_on_the_execute_endpoints_answers_with_a_terminal_state()
    {
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?wait=30", Api.SqlBody($"select '{Tag()}' as v"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("QUERY_STATE_COMPLETED", body!["state"]!.GetValue<string>());
        Assert.Matches("^01[0-9A-HJKMNP-TV-Z]{24}$", body["execution_id"]!.GetValue<string>());

        long id = await CreateAsync(Server.Alice, "select {{n}} as n", [Param("n", "number", "1")]);
        (status, body, _) = await ExecuteAsync(Server.Alice, id, "{\"query_parameters\":{\"n\":2}}", "?wait=30");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("QUERY_STATE_COMPLETED", body!["state"]!.GetValue<string>());
        var rows = await RowsAsync(Server.Alice, body["execution_id"]!.GetValue<string>());
        Assert.Equal(2, rows[0]!["n"]!.GetValue<long>());

        // A failure is terminal as well.
        (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?wait=30", Api.SqlBody("select nosuch"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("QUERY_STATE_FAILED", body!["state"]!.GetValue<string>());
    }

    // ------------------------------------------------------------------ reuse (max_age_hours)

    [Fact]
    public async Task Same_sql_modulo_whitespace_reuses_a_completed_result()
    {
        var submissions = await Submissions.StartAsync(Server);
        string tag = Tag();
        var (_, first, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody($"select '{tag}' as v,  1 as n"));
        Assert.Equal("none", first!["reuse"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_COMPLETED", first["state"]!.GetValue<string>());
        string id = first["execution_id"]!.GetValue<string>();

        var (_, second, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1", Api.SqlBody($"\n  select '{tag}' as v,\n\t1   as n ;"));
        Assert.Equal(id, second!["execution_id"]!.GetValue<string>());
        Assert.Equal("completed_result", second["reuse"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_COMPLETED", second["state"]!.GetValue<string>());

        // The engine ran once.
        Assert.Equal(1, await submissions.SinceStartAsync());

        // Without max_age_hours: a new execution and no "reuse" field.
        var (_, third, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?wait=30", Api.SqlBody($"select '{tag}' as v,  1 as n"));
        Assert.NotEqual(id, third!["execution_id"]!.GetValue<string>());
        Assert.Null(third["reuse"]);

        // Never another owner's execution.
        var (_, bobs, _) = await Server.Bob.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody($"select '{tag}' as v,  1 as n"));
        Assert.Equal("none", bobs!["reuse"]!.GetValue<string>());
        Assert.NotEqual(id, bobs["execution_id"]!.GetValue<string>());
        Assert.NotEqual(third["execution_id"]!.GetValue<string>(), bobs["execution_id"]!.GetValue<string>());

        foreach (string bad in new[] { "abc", "-1", "NaN" })
        {
            var (status, body, _) = await Server.Alice.PostJsonAsync($"/api/v1/sql/execute?max_age_hours={bad}", Api.SqlBody("select 1"));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("max_age_hours", body!["error"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("select 'a  b' as v", "select 'a b' as v")]
    [InlineData("select 'X' as v", "select 'x' as v")]
    [InlineData("select \"a  b\".v from (select 1 as v) \"a  b\"", "select \"a b\".v from (select 1 as v) \"a b\"")]
    public async Task Different_literals_are_not_reused(string firstSql, string secondSql)
    {
        // A per-run suffix keeps earlier runs of this test out of the way.
        string suffix = $" -- {Tag()}";
        var (_, first, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody(firstSql + suffix));
        var (_, second, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody(secondSql + suffix));
        Assert.Equal("none", second!["reuse"]!.GetValue<string>());
        Assert.NotEqual(first!["execution_id"]!.GetValue<string>(), second["execution_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reuse_does_not_join_lines_that_a_comment_separates()
    {
        // "select 1 -- c\n+ 1" is 2; "select 1 -- c + 1" is 1: collapsing the line break changes the query.
        string tag = Tag();
        var (_, first, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody($"select 1 -- {tag}\n+ 1 as v"));
        Assert.Equal(2, (await RowsAsync(Server.Alice, first!["execution_id"]!.GetValue<string>()))[0]!["v"]!.GetValue<long>());

        var (_, second, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody($"select 1 -- {tag} + 1 as v"));
        Assert.True(first["execution_id"]!.GetValue<string>() != second!["execution_id"]!.GetValue<string>(),
            $"\"select 1 -- c + 1 as v\" (result 1) was answered with {second.ToJsonString()}: the execution of \"select 1 -- c\\n+ 1 as v\" (result v = 2)");
        Assert.Equal("none", second["reuse"]!.GetValue<string>());
        var row = (await RowsAsync(Server.Alice, second["execution_id"]!.GetValue<string>()))[0]!;
        Assert.Equal(1, row.AsObject().Single().Value!.GetValue<long>());
    }

    [Fact]
    public async Task Reuse_keeps_white_space_inside_dollar_quoted_strings()
    {
        string tag = Tag();
        var (_, first, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody($"select $${tag}  b$$ as v"));
        var (_, second, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody($"select $${tag} b$$ as v"));
        Assert.True(first!["execution_id"]!.GetValue<string>() != second!["execution_id"]!.GetValue<string>(),
            $"select $$... b$$ was answered with {second!.ToJsonString()}: the execution of select $$...  b$$ (two spaces)");
        Assert.Equal($"{tag} b", (await RowsAsync(Server.Alice, second["execution_id"]!.GetValue<string>()))[0]!["v"]!.GetValue<string>());
    }

    [Fact]
    public async Task Saved_query_reuse_follows_the_parameter_values()
    {
        long id = await CreateAsync(Server.Alice, $"select {{{{n}}}} as n, '{Tag()}' as tag", [Param("n", "number", "1")]);
        var (_, a, _) = await ExecuteAsync(Server.Alice, id, "{\"query_parameters\":{\"n\":1}}", "?max_age_hours=1&wait=30");
        Assert.Equal("none", a!["reuse"]!.GetValue<string>());
        var (_, b, _) = await ExecuteAsync(Server.Alice, id, "{}", "?max_age_hours=1&wait=30");
        Assert.Equal("completed_result", b!["reuse"]!.GetValue<string>());
        Assert.Equal(a["execution_id"]!.GetValue<string>(), b["execution_id"]!.GetValue<string>());
        var (_, c, _) = await ExecuteAsync(Server.Alice, id, "{\"query_parameters\":{\"n\":2}}", "?max_age_hours=1&wait=30");
        Assert.Equal("none", c!["reuse"]!.GetValue<string>());
        Assert.NotEqual(a["execution_id"]!.GetValue<string>(), c["execution_id"]!.GetValue<string>());
        Assert.Equal(2, (await RowsAsync(Server.Alice, c["execution_id"]!.GetValue<string>()))[0]!["n"]!.GetValue<long>());
    }

    [Fact]
    public async Task Saved_query_execute_with_reuse_never_answers_an_ad_hoc_execution()
    {
        string sql = $"select '{Tag()}' as v";
        // An ad-hoc run of the very same text, with max_age_hours.
        var (_, adHoc, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody(sql));
        Assert.Equal("QUERY_STATE_COMPLETED", adHoc!["state"]!.GetValue<string>());

        long id = await CreateAsync(Server.Alice, sql);
        var (status, run, _) = await ExecuteAsync(Server.Alice, id, "{}", "?max_age_hours=1&wait=30");
        Assert.Equal(HttpStatusCode.OK, status);
        var state = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{run!["execution_id"]}/status");
        Assert.True(id == state["query_id"]!.GetValue<long>(),
            $"POST /query/{id}/execute?max_age_hours=1 answered {run.ToJsonString()}, an execution of query_id {state["query_id"]}");
        var (code, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results");
        Assert.True(code == HttpStatusCode.OK, $"latest results after a successful execute: {(int)code} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Saved_query_execute_with_reuse_never_answers_an_execution_of_an_older_version()
    {
        long id = await CreateAsync(Server.Alice, $"select '{Tag()}' as v, {{{{n}}}} as n", [Param("n", "number", "1")]);
        var (_, first, _) = await ExecuteAsync(Server.Alice, id, "{}", "?max_age_hours=1&wait=30");
        Assert.Equal("QUERY_STATE_COMPLETED", first!["state"]!.GetValue<string>());

        // A new version (a parameter gains a description); the effective values stay the same.
        var (patched, _, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}",
            "{\"parameters\":[{\"key\":\"n\",\"type\":\"number\",\"value\":\"1\",\"description\":\"now described\"}]}");
        Assert.Equal(HttpStatusCode.OK, patched);
        Assert.Equal(2, (await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}"))["version"]!.GetValue<int>());

        var (_, second, _) = await ExecuteAsync(Server.Alice, id, "{}", "?max_age_hours=1&wait=30");
        var (code, _, response) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/results");
        Assert.True(code == HttpStatusCode.OK,
            $"execute of version 2 answered {second!.ToJsonString()} (version 1 ran {first["execution_id"]}); latest results then: {(int)code} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task In_flight_identical_executions_are_joined_and_the_engine_runs_once()
    {
        await using var server = await InProcessServer.StartAsync(OneSlot);
        string variant = Slow.Replace(" from ", "\n   from ", StringComparison.Ordinal);
        var answers = await Task.WhenAll(
            server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1", Api.SqlBody(Slow)),
            server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1", Api.SqlBody(variant)));
        foreach (var (status, body, _) in answers)
        {
            Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        }
        var ids = answers.Select(a => a.Body!["execution_id"]!.GetValue<string>()).Distinct().ToArray();
        string id = Assert.Single(ids);
        Assert.Equal(["joined_in_flight", "none"], answers.Select(a => a.Body!["reuse"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var joined = answers.Single(a => a.Body!["reuse"]!.GetValue<string>() == "joined_in_flight").Body!;
        Assert.Contains(joined["state"]!.GetValue<string>(), new[] { "QUERY_STATE_PENDING", "QUERY_STATE_EXECUTING" });

        // A third one while it still runs joins as well (or, if it has just ended, reuses the result).
        var (_, third, _) = await server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1", Api.SqlBody(Slow));
        Assert.Equal(id, third!["execution_id"]!.GetValue<string>());
        Assert.Equal(
            third["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED" ? "completed_result" : "joined_in_flight",
            third["reuse"]!.GetValue<string>());

        var done = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/status?wait=60");
        Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
        var (_, fourth, _) = await server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1", Api.SqlBody(variant));
        Assert.Equal(id, fourth!["execution_id"]!.GetValue<string>());
        Assert.Equal("completed_result", fourth["reuse"]!.GetValue<string>());

        // Counted: one submission, one run, one result file.
        await WaitForLogAsync(server, $"Execution {id} ended");
        string log = server.Output;
        output.WriteLine(string.Join('\n', log.Split('\n').Where(l => l.Contains("Execution ", StringComparison.Ordinal))));
        Assert.Equal(1, SubmittedLine().Count(log));
        Assert.Equal(1, EndedLine().Count(log));
        var files = Directory.GetFiles(Path.Combine(server.DataDir, "results"), "*.arrow").Select(f => Path.GetFileName(f)).ToArray();
        Assert.Equal([id + ".arrow"], files);
    }

    // ------------------------------------------------------------------ Idempotency-Key

    [Fact]
    public async Task Idempotency_key_returns_the_same_execution_for_the_same_request()
    {
        string body = Api.SqlBody($"select '{Tag()}' as v");
        string key = "idem-" + Tag();
        var submissions = await Submissions.StartAsync(Server);

        var (s1, first) = await PostWithKeyAsync(Server.Alice, "/api/v1/sql/execute", body, key);
        Assert.Equal(HttpStatusCode.OK, s1);
        string id = first!["execution_id"]!.GetValue<string>();
        await Server.Alice.WaitAsync(id);

        var (s2, again) = await PostWithKeyAsync(Server.Alice, "/api/v1/sql/execute", body, key);
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Equal(id, again!["execution_id"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_COMPLETED", again["state"]!.GetValue<string>());

        // wait is not part of the request's identity.
        var (s3, waited) = await PostWithKeyAsync(Server.Alice, "/api/v1/sql/execute?wait=5", body, key);
        Assert.Equal(HttpStatusCode.OK, s3);
        Assert.Equal(id, waited!["execution_id"]!.GetValue<string>());

        // Same key, different body: 409.
        var (s4, conflict) = await PostWithKeyAsync(Server.Alice, "/api/v1/sql/execute", Api.SqlBody("select 'something else' as v"), key);
        Assert.Equal(HttpStatusCode.Conflict, s4);
        Assert.Contains("Idempotency-Key", conflict!["error"]!.GetValue<string>());

        Assert.Equal(1, await submissions.SinceStartAsync());

        // A different key: a new execution.
        var (s5, other) = await PostWithKeyAsync(Server.Alice, "/api/v1/sql/execute", body, key + "-2");
        Assert.Equal(HttpStatusCode.OK, s5);
        string otherId = other!["execution_id"]!.GetValue<string>();
        Assert.NotEqual(id, otherId);

        // Keys are per owner: bob's identical request with alice's key is bob's own execution.
        var (s6, bobs) = await PostWithKeyAsync(Server.Bob, "/api/v1/sql/execute", body, key);
        Assert.Equal(HttpStatusCode.OK, s6);
        string bobsId = bobs!["execution_id"]!.GetValue<string>();
        Assert.NotEqual(id, bobsId);
        Assert.Equal(HttpStatusCode.OK, (await Server.Bob.GetJsonAsync($"/api/v1/execution/{bobsId}/status")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Server.Bob.GetJsonAsync($"/api/v1/execution/{id}/status")).Status);

        await Server.Alice.WaitAsync(otherId);
        await Server.Bob.WaitAsync(bobsId);
        Assert.Equal(3, await submissions.SinceStartAsync());

        var (s7, tooLong) = await PostWithKeyAsync(Server.Alice, "/api/v1/sql/execute", body, new string('k', 256));
        Assert.Equal(HttpStatusCode.BadRequest, s7);
        Assert.Contains("Idempotency-Key", tooLong!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_start_one_execution()
    {
        string body = Api.SqlBody($"select '{Tag()}' as v");
        string key = "idem-race-" + Tag();
        var submissions = await Submissions.StartAsync(Server);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostWithKeyAsync(Server.Alice, "/api/v1/sql/execute", body, key)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        string id = Assert.Single(answers.Select(a => a.Body!["execution_id"]!.GetValue<string>()).Distinct());
        await Server.Alice.WaitAsync(id);
        Assert.Equal(1, await submissions.SinceStartAsync());
    }

    [Fact]
    public async Task Idempotency_key_on_saved_query_execute()
    {
        long id = await CreateAsync(Server.Alice, "select {{n}} as n", [Param("n", "number", "1")]);
        string key = "idem-q-" + Tag();
        var (s1, first) = await PostWithKeyAsync(Server.Alice, $"/api/v1/query/{id}/execute", "{\"query_parameters\":{\"n\":3}}", key);
        Assert.Equal(HttpStatusCode.OK, s1);
        var (s2, again) = await PostWithKeyAsync(Server.Alice, $"/api/v1/query/{id}/execute", "{\"query_parameters\":{\"n\":3}}", key);
        Assert.Equal(HttpStatusCode.OK, s2);
        Assert.Equal(first!["execution_id"]!.GetValue<string>(), again!["execution_id"]!.GetValue<string>());
        var (s3, _) = await PostWithKeyAsync(Server.Alice, $"/api/v1/query/{id}/execute", "{\"query_parameters\":{\"n\":4}}", key);
        Assert.Equal(HttpStatusCode.Conflict, s3);
        // The same key on another endpoint is another request.
        var (s4, _) = await PostWithKeyAsync(Server.Alice, "/api/v1/sql/execute", Api.SqlBody("select 3 as n"), key);
        Assert.Equal(HttpStatusCode.Conflict, s4);
        await Server.Alice.WaitAsync(first["execution_id"]!.GetValue<string>());
    }

    // ------------------------------------------------------------------ helpers

    private static string Tag() => Guid.NewGuid().ToString("N")[..10];

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static JsonObject Param(string key, string type, JsonNode value, string[]? options = null, bool multi = false, string? description = null)
    {
        var p = new JsonObject { ["key"] = key, ["type"] = type, ["value"] = value };
        if (description is not null)
        {
            p["description"] = description;
        }
        if (options is not null)
        {
            p["enumOptions"] = new JsonArray(options.Select(o => (JsonNode?)JsonValue.Create(o)).ToArray());
        }
        if (multi)
        {
            p["isMultiselect"] = true;
        }
        return p;
    }

    private static Task<long> CreateAsync(HttpClient client, string sql, JsonArray? parameters = null, bool isPrivate = false)
    {
        var body = new JsonObject { ["name"] = "saved " + Tag(), ["query_sql"] = sql, ["is_private"] = isPrivate };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }
        return CreateAsync(client, body);
    }

    private static async Task<long> CreateAsync(HttpClient client, JsonObject body)
    {
        var (status, json, _) = await client.PostJsonAsync("/api/v1/query", body.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"create {body.ToJsonString()}: {status} {json}");
        return json!["query_id"]!.GetValue<long>();
    }

    private static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> ExecuteAsync(HttpClient client, long id, string? body = "{}", string query = "") =>
        client.PostJsonAsync($"/api/v1/query/{id}/execute{query}", body);

    /// <summary>Executes a saved query and polls until it is terminal; returns the final status.</summary>
    private static async Task<JsonNode> RunQueryAsync(HttpClient client, long id, string? body = "{}", string query = "")
    {
        var (status, json, _) = await ExecuteAsync(client, id, body, query);
        Assert.True(status == HttpStatusCode.OK, $"execute {id} {body} {query}: {status} {json}");
        return await client.WaitAsync(json!["execution_id"]!.GetValue<string>());
    }

    private static async Task<JsonArray> RowsAsync(HttpClient client, string executionId) =>
        (await client.GetFromJsonNodeAsync($"/api/v1/execution/{executionId}/results"))["result"]!["rows"]!.AsArray();

    /// <summary>Runs a saved query that must complete with exactly one row; returns the row.</summary>
    private static async Task<JsonNode> SingleRowAsync(HttpClient client, long id, string? body, string query = "")
    {
        var done = await RunQueryAsync(client, id, body, query);
        Assert.True(done["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", $"{body} {query}: {done.ToJsonString()}");
        var rows = await RowsAsync(client, done["execution_id"]!.GetValue<string>());
        return Assert.Single(rows)!;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> PostWithKeyAsync(HttpClient client, string path, string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    [GeneratedRegex(@"Execution 01[0-9A-Z]{24} submitted by ")]
    private static partial Regex SubmittedLine();

    [GeneratedRegex(@"Execution 01[0-9A-Z]{24} ended ")]
    private static partial Regex EndedLine();

    private static async Task WaitForLogAsync(InProcessServer server, string text)
    {
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (!server.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the server log never showed \"{text}\"");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Counts the executions a server accepts, from its log ("Execution X submitted by ..."). Each count runs
    /// a marker execution and waits for its end line: the log is one ordered stream, so every earlier
    /// submission is in by then; markers are left out of the count. The collection's server serves this class
    /// alone, one test at a time, so between two counts only the test itself submits.
    /// </summary>
    private sealed class Submissions
    {
        private readonly InProcessServer server;
        private int baseline;
        private int markers;

        private Submissions(InProcessServer server) => this.server = server;

        public static async Task<Submissions> StartAsync(InProcessServer server)
        {
            var s = new Submissions(server);
            s.baseline = await s.CountBeforeMarkerAsync();
            s.markers = 1;
            return s;
        }

        /// <summary>Executions accepted since <see cref="StartAsync"/>, markers excluded.</summary>
        public async Task<int> SinceStartAsync()
        {
            int count = await CountBeforeMarkerAsync() - baseline - markers;
            markers++;
            return count;
        }

        private async Task<int> CountBeforeMarkerAsync()
        {
            string marker = await server.Alice.SubmitAsync($"select '{Tag()}' as marker");
            await server.Alice.WaitAsync(marker);
            await WaitForLogAsync(server, $"Execution {marker} ended");
            string log = server.Output;
            int at = log.IndexOf($"Execution {marker} submitted by ", StringComparison.Ordinal);
            Assert.True(at >= 0, "marker submission not in the log");
            return SubmittedLine().Count(log[..at]);
        }
    }
}
