using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Strata.Core.Engine;
using Strata.Core.Queries;
using Strata.Core.Views;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// The second hostile pass (docs/notes/hostile2.md), in process: the DuneSQL translator also runs in the
/// server (a pipeline plan reads which tables a query names), so its recursion and its cost per nesting
/// level are bounds of the server itself; a parameter value used many times multiplied the query text
/// without any bound.
/// </summary>
public sealed class Hostile2Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static string Nested(string open, string inner, string close, int depth) =>
        new StringBuilder().Insert(0, open, depth).Append(inner).Insert(open.Length * depth + inner.Length, close, depth).ToString();

    public static TheoryData<string> TooDeep() => new()
    {
        // A type nested 3,000 deep: 50,000 levels (350 KB) ended the server with a stack overflow.
        "select cast(null as " + Nested("array(", "integer", ")", 3000) + ") as v",
        // Casts the translator rewrites recurse through it (8,000 overflowed a request thread).
        "select " + Nested("cast(", "1", " as varchar)", 3000) + " as v",
        // A JSON path is parsed while translating.
        "select json_query('{}', 'lax " + Nested("(", "$", ")", 3000) + "') as v",
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Deep_nesting_is_refused_with_a_clear_error_instead_of_recursing_off_the_stack(string sql)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        // The translator's nesting bound, or (for parentheses, since hostile24) its expression depth bound before it.
        Assert.Matches("nests expressions too deeply|^Expression nested too deeply", error.Error.Message);
    }

    [Fact]
    public void A_nesting_of_a_thousand_levels_is_refused_even_on_a_thread_with_little_stack()
    {
        // The guard does not depend on the stack being large: a 256 KiB thread gets the same clean error.
        Exception? caught = null;
        var thread = new Thread(() =>
        {
            try
            {
                DuneSqlTranslator.Translate("select cast(null as " + Nested("array(", "integer", ")", 50_000) + ") as v");
            }
            catch (Exception e)
            {
                caught = e;
            }
        }, 256 * 1024);
        thread.Start();
        Assert.True(thread.Join(Bound));
        Assert.IsType<QueryFailedException>(caught);
    }

    [Fact]
    public async Task Calls_nested_deeply_translate_in_linear_time()
    {
        // 100,000 nested calls (600 KB): each call's end was found by a scan to it, 14 s for 20,000 levels and
        // about 6 minutes for these, in the server's own process for a GET of a pipeline plan.
        string sql = "select " + Nested("abs(", "1", ")", 100_000) + " as v";
        // Both on one thread, whose processor time is the work: a loaded machine stretches the wall clock, not that
        // (test-speed7). The wait only guards a hang.
        var (refused, tables, cpu) = await Task.Run(() =>
        {
            var cpu = ThreadCpu.StartNew();
            // Since hostile24 refused before translating, by the expression depth bound (one pass over the tokens).
            var refused = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql).Sql);
            // The pipeline's table reading (translation, then DuckDB's parser) in the server's process.
            var tables = new DuckDbStatementTables().TablesOf(sql, SqlDialect.DuneSql);
            return (refused, tables, cpu.Elapsed);
        }).WaitAsync(TimeSpan.FromMinutes(10));
        Assert.StartsWith("Expression nested too deeply", refused.Error.Message, StringComparison.Ordinal);
        Assert.Empty(tables);
        Assert.True(cpu < TimeSpan.FromSeconds(20), $"took {cpu} of processor time");
    }

    [Fact]
    public async Task Reading_the_tables_of_a_text_the_translator_expands_stays_bounded()
    {
        // 50,000 casts to varchar (950 KB) translate to 31 MB; DuckDB's parse tree of that did not finish in
        // 5 minutes, uninterruptibly, in the server's process. Past the bound the qualified names are read instead.
        string sql = "select " + string.Join(",", Enumerable.Repeat("cast(x as varchar)", 50_000)) + " from dune.alice.result_v join \"alice\".\"result_w\" using (x)";
        var tables = await Task.Run(() => new DuckDbStatementTables().TablesOf(sql, SqlDialect.DuneSql)).WaitAsync(Bound);
        Assert.Contains(new TableReference("alice", "result_v"), tables);
        Assert.Contains(new TableReference("alice", "result_w"), tables);
        // A text within the bound is read from DuckDB's parse tree as before (a CTE is not a table).
        var parsed = new DuckDbStatementTables().TablesOf("with c as (select 1 as x) select * from c, dune.alice.result_v", SqlDialect.DuneSql);
        Assert.Equal([new TableReference("alice", "result_v")], parsed);
    }

    [Fact]
    public void A_parameter_used_many_times_cannot_multiply_the_text_past_the_limit()
    {
        // 200 placeholders and a 100 KB value made 20 MB of SQL (a 1 MiB text of placeholders and a 3 MB value: 600 GB).
        var p = new QueryParameter("p", "text", "x");
        string sql = "select concat(" + string.Join(",", Enumerable.Repeat("'{{p}}'", 200)) + ") as v";
        var supplied = new Dictionary<string, ParameterValue> { ["p"] = ParameterValue.Single(new string('y', 100_000)) };
        var error = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply(sql, [p], supplied));
        Assert.Contains("over the limit of 1048576 bytes (Strata:MaxSqlBytes)", error.Message);
        // The configured limit is the one applied; within it the text is built as before.
        Assert.Equal(sql.Length - 200 * 5 + 200 * 100_000, ParameterSubstitution.Apply(sql, [p], supplied, 64L << 20).Sql.Length);
        var small = new Dictionary<string, ParameterValue> { ["p"] = ParameterValue.Single("yy") };
        Assert.Contains("'yy','yy'", ParameterSubstitution.Apply(sql, [p], small).Sql, StringComparison.Ordinal);
    }
}

/// <summary>The same attacks on a real server process, as a key holder would send them.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class Hostile2ServerTests(SharedServer shared)
{
    private StrataServer Server => shared.Server;

    private async Task<long> CreateQueryAsync(HttpClient client, JsonObject body)
    {
        var (status, created, _) = await client.PostJsonAsync("/api/v1/query", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        return created!["query_id"]!.GetValue<long>();
    }

    [Fact]
    public async Task A_pipeline_plan_of_a_deeply_nested_query_answers_and_the_server_stays_up()
    {
        // GET /query/{id}/pipeline reads the query's tables in the server's process: this type ended the process.
        string sql = "select cast(null as " + new StringBuilder().Insert(0, "array(", 50_000).Append("integer").Append(')', 50_000) + ") as v";
        long id = await CreateQueryAsync(Server.Alice, new JsonObject { ["name"] = "deep", ["query_sql"] = sql, ["is_private"] = true });
        var (status, plan, _) = await Server.Alice.GetJsonAsync($"/api/v1/query/{id}/pipeline");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(plan!["pipeline"]!["nodes"]!.AsArray());
        Assert.False(Server.HasExited);
        // Run, it fails naming the nesting, and bob is served meanwhile.
        var (_, submitted, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute", "{}");
        var ended = await Server.Alice.WaitAsync(submitted!["execution_id"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_FAILED", ended["state"]!.GetValue<string>());
        Assert.Matches("nests expressions too deeply|^Expression nested too deeply", ended["error"]!["message"]!.GetValue<string>());
        var (row, _, _) = await Server.Bob.RunFirstRowAsync("select 1 as one");
        Assert.Equal(1, row["one"]!.GetValue<int>());
        Assert.False(Server.HasExited);
    }

    [Fact]
    public async Task Current_timezone_runs_although_the_sandbox_refuses_current_setting()
    {
        // The translator wrote current_setting('TimeZone'), which the sandbox refuses as describing the server.
        var (row, types, _) = await Server.Alice.RunFirstRowAsync("select current_timezone() as z");
        Assert.Equal(("UTC", "varchar"), (row["z"]!.GetValue<string>(), types[0]));
    }

    [Fact]
    public async Task Parameter_values_cannot_multiply_a_saved_query_past_the_sql_limit()
    {
        var body = new JsonObject
        {
            ["name"] = "amplify",
            ["query_sql"] = "select length(concat(" + string.Join(",", Enumerable.Repeat("'{{p}}'", 200)) + ")) as n",
            ["is_private"] = true,
            ["parameters"] = new JsonArray(new JsonObject { ["key"] = "p", ["type"] = "text", ["value"] = "x" }),
        };
        long id = await CreateQueryAsync(Server.Alice, body);
        string value = new('y', 100_000);
        var (status, error, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute",
            new JsonObject { ["query_parameters"] = new JsonObject { ["p"] = value } }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Strata:MaxSqlBytes", error!["error"]!.GetValue<string>());
        // A query endpoint with the value, and a query_<id> reference passing it, are refused the same way.
        var (endpointStatus, endpointError, _) = await Server.Alice.PostJsonAsync("/api/v1/endpoints",
            new JsonObject { ["slug"] = "amplify", ["query_id"] = id, ["parameters"] = new JsonObject { ["p"] = value } }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, endpointStatus);
        Assert.Contains("Strata:MaxSqlBytes", endpointError!["error"]!.GetValue<string>());
        var reference = await Server.Alice.WaitAsync(await Server.Alice.SubmitAsync($"select * from \"query_{id}(p='{value}')\""));
        Assert.Equal("QUERY_STATE_FAILED", reference["state"]!.GetValue<string>());
        Assert.Contains("Strata:MaxSqlBytes", reference["error"]!["message"]!.GetValue<string>());
        Assert.False(Server.HasExited);
    }
}

/// <summary>Connections are bounded: ~20,000 idle ones used every descriptor and the server process ended.</summary>
public sealed class Hostile2ConnectionTests
{
    [Fact]
    public void The_default_connection_limit_leaves_descriptors_for_the_server()
    {
        Assert.Equal(9488, Strata.Server.Hosting.HttpHardening.ConnectionLimit(0, 20_000));
        Assert.Equal(64, Strata.Server.Hosting.HttpHardening.ConnectionLimit(0, 1024));
        Assert.Equal(10_000, Strata.Server.Hosting.HttpHardening.ConnectionLimit(0, 1_048_576));
        Assert.Equal(50, Strata.Server.Hosting.HttpHardening.ConnectionLimit(50, 20_000));
    }

    [Fact]
    public async Task Connections_past_the_limit_are_closed_and_the_server_keeps_serving()
    {
        await using var server = await StrataServer.StartAsync(settings: new Dictionary<string, string> { ["Strata__MaxConnections"] = "40" });
        var held = new List<System.Net.Sockets.Socket>();
        try
        {
            // 200 connections that never finish their headers: past 40 Kestrel closes them at once.
            held = await HalfOpenConnections.OpenAsync(server.BaseUrl, 200);
            int closed = await HalfOpenConnections.CountClosedAsync(held, TimeSpan.FromMilliseconds(200));
            Assert.True(closed >= 150, $"{closed} of 200 closed");
            Assert.False(server.HasExited);
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
        // Once they are gone, requests are served again.
        var deadline = DateTime.UtcNow + Api.HangGuard;
        HttpStatusCode status = default;
        while (DateTime.UtcNow < deadline && status != HttpStatusCode.OK)
        {
            try
            {
                status = (await server.Alice.GetAsync("/healthz")).StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }
}
