using System.Net;
using System.Text.Json.Nodes;

namespace Strata.Tests;

/// <summary>Materialized views and pipelines on the server's Program and the real engine: the A &lt;- B &lt;- C chain, atomic
/// refresh, isolation. In process (issue 11, suite-speed7): what is checked is the pipeline and view use cases on the
/// wire; the engine running each refresh in a worker process is <c>IsolatedEngineContract</c>'s.</summary>
[Collection(InProcessServerCollection.Name)]
public sealed class MaterializedViewServerTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private static string Unique(string name) => $"{name}_{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<long> CreateQueryAsync(HttpClient client, string sql, bool isPrivate = false)
    {
        var (status, body, _) = await client.PostJsonAsync("/api/v1/query",
            new JsonObject { ["name"] = "mv test", ["query_sql"] = sql, ["is_private"] = isPrivate }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return body!["query_id"]!.GetValue<long>();
    }

    private async Task PatchSqlAsync(long queryId, string sql)
    {
        var (status, body, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{queryId}", new JsonObject { ["query_sql"] = sql }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
    }

    /// <summary>Upserts a view and polls (as a client would) until its first refresh has replaced its table.</summary>
    private async Task<JsonNode> CreateViewAsync(string name, long queryId, bool? isPrivate = null)
    {
        var request = new JsonObject { ["name"] = name, ["query_id"] = queryId };
        if (isPrivate is { } p)
        {
            request["is_private"] = p;
        }
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/materialized-views", request.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return await AppliedAsync(body!["name"]!.GetValue<string>(), body["execution_id"]!.GetValue<string>());
    }

    private async Task<JsonNode> AppliedAsync(string fullName, string executionId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var (status, view, _) = await Server.Alice.GetJsonAsync($"/api/v1/materialized-views/{fullName}");
            Assert.True(status == HttpStatusCode.OK, $"{status} {view}");
            if (view!["table_execution_id"]?.GetValue<string>() == executionId)
            {
                return view;
            }
            Assert.True(view["last_error"] is null, $"refresh not applied: {view}");
            Assert.True(DateTime.UtcNow < deadline, $"refresh {executionId} not applied: {view}");
            await Task.Delay(20);
        }
    }

    private async Task<JsonNode> PipelineEndedAsync(string pipelineId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var (status, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/pipelines/executions/{pipelineId}/status");
            Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
            if (body!["status"]!.GetValue<string>() is "completed" or "failed")
            {
                return body;
            }
            Assert.True(DateTime.UtcNow < deadline, $"pipeline still running: {body}");
            await Task.Delay(20);
        }
    }

    private static string[] NodeStatuses(JsonNode status) => status["node_executions"]!.AsArray()
        .Select(n => (n!["materialized_view_refresh_status"] ?? n["query_execution_status"])!["status"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task One_pipeline_refreshes_A_then_B_then_C_then_runs_the_query_and_a_failure_in_B_stops_C()
    {
        string a = Unique("result_a"), b = Unique("result_b"), c = Unique("result_c");
        long qa = await CreateQueryAsync(Server.Alice, "select 1 as v");
        long qb = await CreateQueryAsync(Server.Alice, $"select v + 1 as v from dune.alice.{a}");
        long qc = await CreateQueryAsync(Server.Alice, $"select v * 10 as v from dune.alice.{b}");
        await CreateViewAsync(a, qa);
        await CreateViewAsync(b, qb);
        await CreateViewAsync(c, qc);
        long query = await CreateQueryAsync(Server.Alice, $"select v from dune.alice.{c}");
        Assert.Equal(20, (await Server.Alice.RunAsync($"select v from dune.alice.{c}"))["result"]!["rows"]![0]!["v"]!.GetValue<long>());

        var (_, plan, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{query}/pipeline");
        Assert.Equal([$"dune.alice.{a}", $"dune.alice.{b}", $"dune.alice.{c}"],
            plan!["pipeline"]!["nodes"]!.AsArray().Take(3).Select(n => n!["materialized_view_refresh"]!["name"]!.GetValue<string>()));

        await PatchSqlAsync(qa, "select 5 as v");
        var (status, started, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{query}/pipeline/execute", """{"performance":"medium"}""");
        Assert.True(status == HttpStatusCode.OK, $"{status} {started}");
        var ended = await PipelineEndedAsync(started!["pipeline_execution_id"]!.GetValue<string>());
        Assert.True(ended["status"]!.GetValue<string>() == "completed", ended.ToJsonString());
        Assert.Equal(Enumerable.Repeat("QUERY_STATE_COMPLETED", 4), NodeStatuses(ended));
        string last = ended["node_executions"]![3]!["query_execution_status"]!["execution_id"]!.GetValue<string>();
        var (_, rows, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{last}/results");
        Assert.Equal(60, rows!["result"]!["rows"]![0]!["v"]!.GetValue<long>());

        await PatchSqlAsync(qb, $"select cast('x' as integer) as v from dune.alice.{a}");
        await PatchSqlAsync(qa, "select 7 as v");
        (status, started, _) = await Server.Alice.PostJsonAsync("/api/v1/pipelines/execute", $$"""{"query_id":{{query}}}""");
        Assert.True(status == HttpStatusCode.OK, $"{status} {started}");
        ended = await PipelineEndedAsync(started!["pipeline_execution_id"]!.GetValue<string>());
        Assert.Equal("failed", ended["status"]!.GetValue<string>());
        Assert.Contains($"node 2 (refresh of dune.alice.{b})", ended["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["QUERY_STATE_COMPLETED", "QUERY_STATE_FAILED", "QUERY_STATE_CANCELLED", "QUERY_STATE_CANCELLED"], NodeStatuses(ended));
        Assert.Null(ended["node_executions"]![2]!["materialized_view_refresh_status"]!["execution_id"]);
        // A was refreshed (7), C was not: it still holds the rows of the first pipeline.
        Assert.Equal(7, (await Server.Alice.RunAsync($"select v from dune.alice.{a}"))["result"]!["rows"]![0]!["v"]!.GetValue<long>());
        Assert.Equal(60, (await Server.Alice.RunAsync($"select v from dune.alice.{c}"))["result"]!["rows"]![0]!["v"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_query_running_through_a_refresh_reads_one_version_of_the_view_whole()
    {
        string v = Unique("result_v");
        long q = await CreateQueryAsync(Server.Alice, "select 1 as ver, n from (select (a.i - 1) * 1000 + b.j as n from unnest(sequence(1, 200)) as a(i) cross join unnest(sequence(1, 1000)) as b(j)) as t");
        var view = await CreateViewAsync(v, q);
        Assert.Equal(200000, view["row_count"]!.GetValue<long>());
        await PatchSqlAsync(q, "select 2 as ver, n from (select (a.i - 1) * 1000 + b.j as n from unnest(sequence(1, 100)) as a(i) cross join unnest(sequence(1, 1000)) as b(j)) as t");
        string slow = await Server.Alice.SubmitAsync(
            $"select min(ver) as lo, max(ver) as hi, count(*) as c, count(distinct n) as d from dune.alice.{v} cross join unnest(sequence(1, 3000)) as s(k)");
        await Server.Alice.WaitForStateAsync(slow, "QUERY_STATE_EXECUTING");
        var (status, refresh, _) = await Server.Alice.PostJsonAsync($"/api/v1/materialized-views/dune.alice.{v}/refresh", """{"performance":"large"}""");
        Assert.True(status == HttpStatusCode.OK, $"{status} {refresh}");
        await AppliedAsync($"dune.alice.{v}", refresh!["execution_id"]!.GetValue<string>());
        var (_, during, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{slow}/status");
        bool overlapped = during!["state"]!.GetValue<string>() == "QUERY_STATE_EXECUTING";
        var done = await Server.Alice.WaitAsync(slow);
        Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
        var (_, result, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{slow}/results");
        var row = result!["result"]!["rows"]![0]!;
        Assert.Equal(1, row["lo"]!.GetValue<long>());
        Assert.Equal(1, row["hi"]!.GetValue<long>());
        Assert.Equal(200000L * 3000, row["c"]!.GetValue<long>());
        Assert.Equal(200000, row["d"]!.GetValue<long>());
        Assert.True(overlapped, "the refresh was applied only after the long query ended, so the test did not overlap them");
        var after = (await Server.Alice.RunAsync($"select min(ver) as lo, count(*) as c from dune.alice.{v}"))["result"]!["rows"]![0]!;
        Assert.Equal((2L, 100000L), (after["lo"]!.GetValue<long>(), after["c"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Another_owners_private_view_is_not_found_on_every_route()
    {
        string p = Unique("result_private");
        long q = await CreateQueryAsync(Server.Alice, "select 1 as v", isPrivate: true);
        await CreateViewAsync(p, q, isPrivate: true);
        string full = $"dune.alice.{p}";
        long bobQuery = await CreateQueryAsync(Server.Bob, $"select * from {full}");
        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, $"/api/v1/materialized-views/{full}", null),
            (HttpMethod.Delete, $"/api/v1/materialized-views/{full}", null),
            (HttpMethod.Post, $"/api/v1/materialized-views/{full}/refresh", "{}"),
        })
        {
            var (status, json, _) = await Server.Bob.SendJsonAsync(method, path, body);
            Assert.True(status == HttpStatusCode.NotFound, $"{method} {path}: {status} {json}");
            Assert.Equal("Materialized view not found", json!["error"]!.GetValue<string>());
        }
        var (_, list, _) = await Server.Bob.GetJsonAsync("/api/v1/materialized-views");
        Assert.DoesNotContain(list!["materialized_views"]!.AsArray(), v => v!["id"]!.GetValue<string>() == full);
        // The datasets catalog: the owner sees the refreshed view as a transformation_table; bob neither finds nor lists it.
        var (_, dataset, _) = await Server.Alice.GetJsonAsync($"/api/v1/datasets/{full}");
        Assert.True(dataset!["type"]?.GetValue<string>() == "transformation_table", dataset.ToJsonString());
        Assert.Equal(("alice", "user", true), (dataset["owner"]!["handle"]!.GetValue<string>(), dataset["owner"]!["type"]!.GetValue<string>(), dataset["is_private"]!.GetValue<bool>()));
        Assert.Equal("v", dataset["columns"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(q, dataset["metadata"]!["query_id"]!.GetValue<long>());
        var (_, mine, _) = await Server.Alice.GetJsonAsync("/api/v1/datasets?owner_handle=alice&type=transformation_table&limit=250");
        Assert.Contains(mine!["datasets"]!.AsArray(), d => d!["full_name"]!.GetValue<string>() == full);
        var (hidden, _, _) = await Server.Bob.GetJsonAsync($"/api/v1/datasets/{full}");
        Assert.Equal(HttpStatusCode.NotFound, hidden);
        var (_, theirs, _) = await Server.Bob.GetJsonAsync("/api/v1/datasets?owner_handle=alice&type=transformation_table,uploaded_table&limit=250");
        Assert.DoesNotContain(theirs!["datasets"]!.AsArray(), d => d!["full_name"]!.GetValue<string>() == full);
        var (_, plan, _) = await Server.Bob.GetJsonAsync($"/api/v1/query/{bobQuery}/pipeline");
        Assert.Single(plan!["pipeline"]!["nodes"]!.AsArray());
        var (_, started, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{q}/pipeline/execute", "{}");
        var (code, _, _) = await Server.Bob.GetJsonAsync($"/api/v1/pipelines/executions/{started!["pipeline_execution_id"]!.GetValue<string>()}/status");
        Assert.Equal(HttpStatusCode.NotFound, code);
        var (table, _, _) = await Server.Bob.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody($"select * from {full}"));
        Assert.Equal(HttpStatusCode.OK, table);
    }

    /// <summary>Dune's explicit body: the plan GET /query/{id}/pipeline answers, posted back as {"pipeline": ...}, runs;
    /// malformed nodes and cycles are a 400 naming the node before anything runs.</summary>
    [Fact]
    public async Task The_plan_of_a_query_posted_back_as_explicit_nodes_runs_and_bad_nodes_get_a_clear_400()
    {
        string a = Unique("result_n");
        long qa = await CreateQueryAsync(Server.Alice, "select 3 as v");
        await CreateViewAsync(a, qa);
        long query = await CreateQueryAsync(Server.Alice, $"select v * 2 as v from dune.alice.{a}");
        var (_, plan, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{query}/pipeline");
        await PatchSqlAsync(qa, "select 4 as v");

        var (status, started, _) = await Server.Alice.PostJsonAsync("/api/v1/pipelines/execute", new JsonObject { ["pipeline"] = plan!["pipeline"]!.DeepClone() }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {started}");
        var ended = await PipelineEndedAsync(started!["pipeline_execution_id"]!.GetValue<string>());
        Assert.True(ended["status"]!.GetValue<string>() == "completed", ended.ToJsonString());
        Assert.Equal([1, 2], ended["node_executions"]!.AsArray().Select(n => n!["id"]!.GetValue<int>()));
        string last = ended["node_executions"]![1]!["query_execution_status"]!["execution_id"]!.GetValue<string>();
        var (_, rows, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{last}/results");
        Assert.Equal(8, rows!["result"]!["rows"]![0]!["v"]!.GetValue<long>());

        foreach (var (body, error) in new[]
        {
            ("""{"pipeline":{"nodes":"x"}}""", "pipeline must be an object with a list \"nodes\""),
            ("""{"pipeline":{"nodes":[{"id":1}]}}""", "pipeline.nodes[0] must have exactly one of materialized_view_refresh and query_execution"),
            ("""{"pipeline":{"nodes":[{"id":"1","query_execution":{}}]}}""", "pipeline.nodes[0].id is required: an integer naming the node"),
            ("""{"pipeline":{"nodes":[{"id":1,"query_execution":{"query_id":Q,"performance":"huge"}}]}}""".Replace("Q", $"{query}", StringComparison.Ordinal), "performance must be \"medium\" or \"large\", got \"huge\""),
            ("""{"pipeline":{"nodes":[{"id":1,"dependencies":[2],"query_execution":{"query_id":Q}},{"id":2,"dependencies":[1],"materialized_view_refresh":{"name":"A"}}]}}""".Replace("Q", $"{query}", StringComparison.Ordinal).Replace("\"A\"", $"\"{a}\"", StringComparison.Ordinal),
                "The pipeline's nodes form a cycle: node 1 -> node 2 -> node 1; a node cannot depend on itself, directly or through others"),
            ("""{"query_id":Q,"pipeline":{"nodes":[]}}""".Replace("Q", $"{query}", StringComparison.Ordinal), "give either query_id (the pipeline of the query's lineage) or pipeline (explicit nodes), not both"),
        })
        {
            var (code, json, _) = await Server.Alice.PostJsonAsync("/api/v1/pipelines/execute", body);
            Assert.True(code == HttpStatusCode.BadRequest, $"{body}: {code} {json}");
            Assert.Equal(error, json!["error"]!.GetValue<string>());
        }
        var (notFound, hidden, _) = await Server.Bob.PostJsonAsync("/api/v1/pipelines/execute",
            """{"pipeline":{"nodes":[{"id":5,"materialized_view_refresh":{"name":"dune.alice.A"}}]}}""".Replace("dune.alice.A", $"dune.alice.{a}", StringComparison.Ordinal));
        Assert.True(notFound is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{notFound} {hidden}");
        Assert.StartsWith("node 5: ", hidden!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>The result file keeps decimals, unsigned and 256-bit integers as text; the view's table keeps their types.</summary>
    [Fact]
    public async Task A_views_columns_keep_the_types_of_its_query_not_varchar()
    {
        string v = Unique("result_types");
        const string sql = "select cast(1.25 as decimal(10,2)) as small_dec, cast('12345678901234567890.5' as decimal(38,1)) as wide_dec, "
            + "cast(7 as integer) as i, cast(8 as bigint) as b, cast(2.5 as double) as d, cast('123456789012345678901234567890' as uint256) as u, "
            + "cast(-5 as int256) as s, 'x' as t, true as f, date '2024-01-02' as day";
        long q = await CreateQueryAsync(Server.Alice, sql);
        var direct = await Server.Alice.RunAsync(sql);
        string[] expected = direct["result"]!["metadata"]!["column_types"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        Assert.Equal(["decimal(10,2)", "decimal(38,1)", "integer", "bigint", "double", "uint256", "int256", "varchar", "boolean", "date"], expected);
        await CreateViewAsync(v, q);

        var read = await Server.Alice.RunAsync($"select * from dune.alice.{v}");
        Assert.Equal(expected, read["result"]!["metadata"]!["column_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(direct["result"]!["rows"]!.ToJsonString(), read["result"]!["rows"]!.ToJsonString());
        var dataset = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/datasets/dune.alice.{v}");
        Assert.Equal(expected, dataset["columns"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()));
        // Exact arithmetic on the stored decimal, as on the query's own.
        var sum = await Server.Alice.RunAsync($"select wide_dec + 1 as w from dune.alice.{v}");
        Assert.Equal("decimal(38,1)", sum["result"]!["metadata"]!["column_types"]![0]!.GetValue<string>());
    }

    /// <summary>
    /// Arrays, maps and rows are kept as JSON text in the result file; the view's table keeps them as their types, so a
    /// query over the view gets the same values and types back and can index, unnest and read fields, decimals inside
    /// them exactly (api4). Types whose JSON does not give the value back exactly (an unnamed row) stay varchar holding the JSON.
    /// </summary>
    [Fact]
    public async Task A_views_arrays_maps_and_rows_keep_their_types()
    {
        string v = Unique("result_nested");
        const string sql = "select array[1, 2, 3] as nums, array[from_hex('00ff'), null] as blobs, "
            + "map(array['a', 'b'], array[1.5e0, 2.5e0]) as m, map(array[7], array[from_hex('ab')]) as mk, "
            + "cast(row(5, from_hex('0102'), timestamp '2024-01-02 03:04:05.678') as row(n bigint, \"from\" varbinary, t timestamp(3))) as r, "
            + "array[array['x'], array[]] as deep, cast(null as array(integer)) as nothing, "
            + "cast(array[1.25] as array(decimal(10,2))) as decs, "
            + "array[cast(12345678.1234567 as decimal(15,7)), cast(0.0000001 as decimal(15,7)), cast(-1.5 as decimal(15,7))] as decs15, "
            + "array[cast('12345678901234567890.123456789' as decimal(38,9)), null] as wide, "
            + "map(array[cast(1.5 as decimal(5,1))], array[cast('1.000000001' as decimal(38,9))]) as dm, row(1, 'a') as unnamed";
        long q = await CreateQueryAsync(Server.Alice, sql);
        var direct = await Server.Alice.RunAsync(sql);
        string[] expected = direct["result"]!["metadata"]!["column_types"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        Assert.Equal(["array(integer)", "array(varbinary)", "map(varchar, double)", "map(integer, varbinary)",
            "row(n bigint, from varbinary, t timestamp(3))", "array(array(varchar))", "array(integer)", "array(decimal(10,2))",
            "array(decimal(15,7))", "array(decimal(38,9))", "map(decimal(5,1), decimal(38,9))", "row(integer, varchar)"], expected);
        await CreateViewAsync(v, q);

        var read = await Server.Alice.RunAsync($"select * from dune.alice.{v}");
        string[] kept = read["result"]!["metadata"]!["column_types"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        Assert.Equal(expected[..11], kept[..11]);
        Assert.Equal("varchar", kept[11]);
        var directRow = direct["result"]!["rows"]![0]!.AsObject();
        var readRow = read["result"]!["rows"]![0]!.AsObject();
        foreach (string name in new[] { "nums", "blobs", "m", "mk", "r", "deep", "nothing", "decs", "decs15", "wide", "dm" })
        {
            Assert.Equal(directRow[name]?.ToJsonString(), readRow[name]?.ToJsonString());
        }
        // Decimals inside are Dune's JSON values, exact: narrow ones numbers with their scale, wide ones strings.
        Assert.Equal("""[12345678.1234567,0.0000001,-1.5000000]""", readRow["decs15"]!.ToJsonString());
        Assert.Equal("""["12345678901234567890.123456789",null]""", readRow["wide"]!.ToJsonString());
        Assert.Equal(directRow["unnamed"]!.ToJsonString(), JsonNode.Parse(readRow["unnamed"]!.GetValue<string>())!.ToJsonString());
        var csv = await Server.Alice.GetStringAsync($"/api/v1/execution/{read["execution_id"]!.GetValue<string>()}/results/csv?columns=decs15,wide");
        Assert.Equal("decs15,wide\n\"[12345678.1234567,0.0000001,-1.5000000]\",\"[\"\"12345678901234567890.123456789\"\",null]\"\n", csv);
        var dataset = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/datasets/dune.alice.{v}");
        Assert.Equal([.. expected[..11], "varchar"], dataset["columns"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()));
        var exact = await Server.Alice.RunAsync($"select decs15[1] + decs15[2] as s, wide[1] * 2 as w, dm[cast(1.5 as decimal(5,1))] as d from dune.alice.{v}");
        Assert.Equal("""[{"s":12345678.1234568,"w":"24691357802469135780.246913578","d":"1.000000001"}]""", exact["result"]!["rows"]!.ToJsonString());

        // The values are arrays, maps and rows in DuneSQL, not text.
        var use = await Server.Alice.RunAsync($"select nums[2] + 1 as second, cardinality(nums) as n, m['b'] as b, mk[7] as k, r.n as rn, r.\"from\" as f, "
            + $"r.t + interval '1' second as t, deep[1][1] as x, cardinality(deep[2]) as empty, nothing is null as none from dune.alice.{v}");
        Assert.Equal("""[{"second":3,"n":3,"b":2.5,"k":"0xab","rn":5,"f":"0x0102","t":"2024-01-02 03:04:06.678 UTC","x":"x","empty":0,"none":true}]""",
            use["result"]!["rows"]!.ToJsonString());
        var unnested = await Server.Alice.RunAsync($"select b from dune.alice.{v} cross join unnest(blobs) as u(b)");
        Assert.Equal("""[{"b":"0x00ff"},{"b":null}]""", unnested["result"]!["rows"]!.ToJsonString());
    }

    /// <summary>
    /// Once alice has a public view with nested columns, bob's queries over the catalog (which set up an empty view of
    /// every table bob may read, in the engine worker) still run, list it with its nested types, and never show alice's
    /// private view. Before nested2 the worker lost the nested type's name on the way and every such query failed.
    /// </summary>
    [Fact]
    public async Task Another_owner_lists_the_catalog_beside_a_public_nested_view_and_never_sees_a_private_one()
    {
        string shown = Unique("result_shown"), hidden = Unique("result_hidden");
        long open = await CreateQueryAsync(Server.Alice, "select array[1, 2] as nums, map(array['a'], array[from_hex('ab')]) as m, "
            + "cast(row(5, timestamp '2024-01-02 03:04:05.678') as row(n bigint, t timestamp(3))) as r, array[array['x']] as deep");
        await CreateViewAsync(shown, open, isPrivate: false);
        long closed = await CreateQueryAsync(Server.Alice, "select array['kept'] as secretcol, map(array[1], array[2]) as m2", isPrivate: true);
        await CreateViewAsync(hidden, closed, isPrivate: true);

        (string Sql, bool ListsViews)[] listings =
        [
            ("select table_schema || '.' || table_name as t from information_schema.tables where table_schema = 'alice'", true),
            ("select table_name || '.' || column_name || ' ' || data_type as t from information_schema.columns where table_schema = 'alice'", true),
            ("select schema_name || '.' || table_name || '.' || column_name || ' ' || data_type as t from duckdb_columns() where schema_name = 'alice'", true),
            ("select name as t from (show tables from alice)", true),
            ("select schema || '.' || name || ' ' || cast(column_types as varchar) as t from (show all tables)", true),
            // Base tables only (a table here is a view), so it lists none of alice's; it must still run.
            ("select schema_name || '.' || table_name as t from duckdb_tables()", false),
        ];
        foreach (var (sql, listsViews) in listings)
        {
            var result = await Server.Bob.RunAsync(sql);
            string text = result["result"]!["rows"]!.ToJsonString();
            Assert.True(!listsViews || text.Contains(shown, StringComparison.Ordinal), $"{sql}: {text}");
            Assert.DoesNotContain(hidden, text, StringComparison.Ordinal);
            Assert.DoesNotContain("secretcol", text, StringComparison.Ordinal);
        }
        // The catalog gives the nested columns as their types, not varchar, spelled as Dune does (api4).
        var columns = await Server.Bob.RunAsync($"select column_name, data_type from information_schema.columns where table_schema = 'alice' and table_name = '{shown}' order by ordinal_position");
        Assert.Equal("""[{"column_name":"nums","data_type":"array(integer)"},{"column_name":"m","data_type":"map(varchar, varbinary)"},"""
            + """{"column_name":"r","data_type":"row(n bigint, t timestamp(3))"},{"column_name":"deep","data_type":"array(array(varchar))"}]""",
            columns["result"]!["rows"]!.ToJsonString());
        // Bob reads the public view's values as their types; alice still sees her private view in her own listing.
        var read = await Server.Bob.RunAsync($"select nums[2] as second, m['a'] as v, r.n as n, deep[1][1] as x from dune.alice.{shown}");
        Assert.Equal("""[{"second":2,"v":"0xab","n":5,"x":"x"}]""", read["result"]!["rows"]!.ToJsonString());
        var own = await Server.Alice.RunAsync(listings[0].Sql);
        Assert.Contains(hidden, own["result"]!["rows"]!.ToJsonString(), StringComparison.Ordinal);
    }

    /// <summary>A view's table changes only by refreshing the view: the uploads API refuses to write, clear or drop it.</summary>
    [Fact]
    public async Task The_uploads_api_cannot_change_a_views_table()
    {
        string v = Unique("result_guard");
        long q = await CreateQueryAsync(Server.Alice, "select 1 as n");
        await CreateViewAsync(v, q);
        string expected = $"dune.alice.{v} is the table of a materialized view: it changes only by refreshing the view (POST /api/v1/materialized-views/dune.alice.{v}/refresh) and is dropped by deleting the view";

        var insert = await Server.Alice.PostAsync($"/api/v1/uploads/alice/{v}/insert", new StringContent("n\n2\n", System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Conflict, insert.StatusCode);
        Assert.Equal(expected, JsonNode.Parse(await insert.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        foreach (var (method, path, body) in new[]
        {
            (HttpMethod.Post, $"/api/v1/uploads/alice/{v}/clear", (string?)"{}"),
            (HttpMethod.Delete, $"/api/v1/uploads/alice/{v}", null),
            (HttpMethod.Delete, $"/api/v1/table/alice/{v}", null),
            (HttpMethod.Post, "/api/v1/uploads", $$"""{"namespace":"alice","table_name":"{{v}}","schema":[{"name":"n","type":"bigint"}]}"""),
        })
        {
            var (status, json, _) = await Server.Alice.SendJsonAsync(method, path, body);
            Assert.True(status == HttpStatusCode.Conflict, $"{method} {path}: {status} {json}");
            Assert.Equal(expected, json!["error"]!.GetValue<string>());
        }
        Assert.Equal(1, (await Server.Alice.RunAsync($"select n from dune.alice.{v}"))["result"]!["rows"]![0]!["n"]!.GetValue<long>());

        // Deleting the view drops its table.
        var (deleted, _, _) = await Server.Alice.SendJsonAsync(HttpMethod.Delete, $"/api/v1/materialized-views/{v}", null);
        Assert.Equal(HttpStatusCode.OK, deleted);
        var (gone, _, _) = await Server.Alice.GetJsonAsync($"/api/v1/datasets/dune.alice.{v}");
        Assert.Equal(HttpStatusCode.NotFound, gone);
    }

    /// <summary>
    /// A timestamp(9) column is kept as nanoseconds in the view's table (dune-time6; it was varchar): a query over the view
    /// reads a <c>timestamp(9)</c> with its nine digits, computes with it and compares it exactly, and the catalog names it.
    /// </summary>
    [Fact]
    public async Task A_views_timestamp9_column_keeps_its_nanoseconds()
    {
        string v = Unique("result_nanos");
        long q = await CreateQueryAsync(Server.Alice, "select cast(t as timestamp(9)) as t9, timestamp '2024-01-01 00:00:00.123' as t3 from (values "
            + "(timestamp '2024-01-01 00:00:00.123456789'), (timestamp '1969-12-31 23:59:59.999999999'), (null)) x(t)");
        await CreateViewAsync(v, q);
        var read = await Server.Alice.RunAsync($"select t9, t9 + interval '1' second as later, t9 > t3 as after from dune.alice.{v} order by t9 nulls last");
        Assert.Equal(["timestamp(9)", "timestamp(9)", "boolean"], read["result"]!["metadata"]!["column_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("""[{"t9":"1969-12-31 23:59:59.999999999 UTC","later":"1970-01-01 00:00:00.999999999 UTC","after":false},"""
            + """{"t9":"2024-01-01 00:00:00.123456789 UTC","later":"2024-01-01 00:00:01.123456789 UTC","after":true},"""
            + """{"t9":null,"later":null,"after":null}]""", read["result"]!["rows"]!.ToJsonString());
        var dataset = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/datasets/dune.alice.{v}");
        Assert.Equal(["timestamp(9)", "timestamp(3)"], dataset["columns"]!.AsArray().Select(c => c!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_400()
    {
        long q = await CreateQueryAsync(Server.Alice, "select 1 as v");
        foreach (var (body, fragment) in new[]
        {
            ($$"""{"name":"{{Unique("result_x")}}","query_id":{{q}},"cron_expression":"*/5 * * * *"}""", "every 15 minutes"),
            ($$"""{"name":"{{Unique("result_x")}}","query_id":{{q}},"cron_expression":"0 0 1 * *"}""", "more than a week"),
            ($$"""{"name":"no_prefix","query_id":{{q}}}""", "result_"),
            ("""{"name":"result_x"}""", "query_id"),
        })
        {
            var (status, json, _) = await Server.Alice.PostJsonAsync("/api/v1/materialized-views", body);
            Assert.True(status == HttpStatusCode.BadRequest, $"{body}: {status} {json}");
            Assert.Contains(fragment, json!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        var (code, error, _) = await Server.Alice.PostJsonAsync("/api/v1/pipelines/execute", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("query_id", error!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        (code, _, _) = await Server.Alice.GetJsonAsync("/api/v1/pipelines/executions/nope/status");
        Assert.Equal(HttpStatusCode.BadRequest, code);
    }
}
