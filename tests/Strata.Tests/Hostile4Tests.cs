using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Strata.Application;
using Strata.Application.Views;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Server.Apis;
using Strata.Tests.Application;

namespace Strata.Tests;

/// <summary>
/// The fourth hostile pass (docs/notes/hostile4.md), in process: a saved query whose parameters name a key twice (the
/// dict form of <c>query_parameters</c> skipped the check) made every run and every results read a 500; parameter
/// definitions and values had no bound of their own; a view left public by older code stayed readable after an upgrade.
/// </summary>
public sealed class Hostile4Tests
{
    private static List<QueryParameter>? Definitions(string json)
    {
        using var body = JsonDocument.Parse(json);
        var root = body.RootElement;
        return QueryRequestParsing.ParseDefinitions(
            root.TryGetProperty("parameters", out var list) ? list : default, root.TryGetProperty("query_parameters", out var dict) ? dict : default);
    }

    [Fact]
    public void A_name_given_twice_in_the_query_parameters_object_is_refused_like_a_repeated_key_in_the_list()
    {
        var e = Assert.Throws<UseCaseException>(() => Definitions("""{"query_parameters":{"a":"1","a":"2"}}"""));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains("'a' is defined twice", e.Message, StringComparison.Ordinal);
        Assert.Throws<UseCaseException>(() => Definitions("""{"parameters":[{"key":"a","value":"1"},{"key":"a","value":"2"}]}"""));
        Assert.Equal(2, Definitions("""{"query_parameters":{"a":"1","b":"x"}}""")!.Count);
    }

    [Fact]
    public void A_query_stored_with_a_key_twice_fails_its_runs_with_a_clear_error_not_an_internal_one()
    {
        // Stored by the old code: every execute, view refresh, endpoint and query_N reference threw ArgumentException (500).
        QueryParameter[] definitions = [new("a", "number", "1"), new("a", "number", "2")];
        var e = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("select {{a}} as x", definitions, new Dictionary<string, ParameterValue>()));
        Assert.Contains("'a' is defined twice", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parameters")]
    [InlineData("query_parameters")]
    public void More_than_a_thousand_parameter_definitions_are_refused_naming_the_limit(string form)
    {
        string body = form == "parameters"
            ? "{\"parameters\":[" + string.Join(",", Enumerable.Range(0, 1001).Select(i => $"{{\"key\":\"p{i}\",\"value\":\"1\"}}")) + "]}"
            : "{\"query_parameters\":{" + string.Join(",", Enumerable.Range(0, 1001).Select(i => $"\"p{i}\":\"1\"")) + "}}";
        var e = Assert.Throws<UseCaseException>(() => Definitions(body));
        Assert.Contains("at most 1000", e.Message, StringComparison.Ordinal);
        string fits = form == "parameters"
            ? "{\"parameters\":[" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"{{\"key\":\"p{i}\",\"value\":\"1\"}}")) + "]}"
            : "{\"query_parameters\":{" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"p{i}\":\"1\"")) + "}}";
        Assert.Equal(1000, Definitions(fits)!.Count);
    }

    [Fact]
    public void Parameter_values_the_text_does_not_use_are_still_held_to_the_sql_limit()
    {
        // A value is stored with the execution whether the text uses it or not: a 3 MB value of an unused parameter was
        // accepted and stored with each of up to 1000 queued executions.
        QueryParameter[] definitions = [new("unused", "text", "x")];
        var supplied = new Dictionary<string, ParameterValue> { ["unused"] = ParameterValue.Single(new string('v', 2 << 20)) };
        var e = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("select 1 as one", definitions, supplied, 1 << 20));
        Assert.Contains("Strata:MaxSqlBytes", e.Message, StringComparison.Ordinal);
        supplied["unused"] = ParameterValue.Single("short");
        Assert.Equal("select 1 as one", ParameterSubstitution.Apply("select 1 as one", definitions, supplied, 1 << 20).Sql);
    }

    [Fact]
    public void A_refused_value_or_key_is_shown_shortened_in_the_error()
    {
        string huge = new string('9', 100_000) + "x";
        var number = Assert.Throws<ParameterException>(() => ParameterSubstitution.Normalise(new QueryParameter("n", "number", "1"), huge));
        Assert.True(number.Message.Length < 1000, $"{number.Message.Length} characters");
        var date = Assert.Throws<ParameterException>(() => ParameterSubstitution.Normalise(new QueryParameter("d", "datetime", "2024-01-01"), huge));
        Assert.True(date.Message.Length < 1000, $"{date.Message.Length} characters");
        var key = Assert.Throws<ParameterException>(() => ParameterSubstitution.ValidateDefinition(new QueryParameter(new string('k', 10_000), "text", "")));
        Assert.True(key.Message.Length < 1000, $"{key.Message.Length} characters");
    }

    [Fact]
    public async Task At_start_a_private_view_whose_table_was_left_public_makes_its_table_private()
    {
        // hostile3 left it: older code set a view's table's privacy only when a refresh applied, so an upgraded server kept
        // serving a private view's rows to every owner until the view's next upsert or applied refresh.
        await using var h = await ViewHarness.CreateAsync();
        await h.ViewAsync("alice", "result_private", "select 1 as n", isPrivate: true);
        await h.ViewAsync("alice", "result_public", "select 2 as n", isPrivate: false);
        h.Tables.Public[("alice", "result_private")] = true;
        h.Tables.Public[("alice", "result_public")] = true;
        h.Tables.Public[("bob", "result_orphan")] = true;

        await h.RestartAsync();

        Assert.True(h.Tables.Privacy["result_private"]);
        Assert.False(h.Tables.Privacy.ContainsKey("result_public"));
        Assert.False(h.Tables.Privacy.ContainsKey("result_orphan"));
        Assert.Equal(0, await h.Views.AlignTablePrivacyAsync(CancellationToken.None));
    }

    [Fact]
    public void A_dataset_search_of_a_huge_text_is_refused_and_repeated_words_are_looked_for_once()
    {
        // 100,000 words took 10 s of the server for one POST /datasets/search (52 datasets); a 4 MiB body about a minute.
        var columns = Enumerable.Range(0, 20).Select(i => new Strata.Application.Catalog.DatasetColumn("block_number" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "bigint", true)).ToList();
        var visible = Enumerable.Range(0, 50).Select(i => new Strata.Application.Catalog.Dataset(
            "chain" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".blocks", Strata.Application.Catalog.DatasetTypes.DuneTable,
            new Strata.Application.Catalog.DatasetOwner("dune", "team"), false, columns, [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)).ToList();
        Strata.Application.Catalog.DatasetSearch Search(string text) => new(text, null, null, null, null, false, 20, 0);
        var e = Assert.Throws<UseCaseException>(() => Strata.Application.Catalog.DatasetSearching.Search(visible, Search(string.Join(' ', Enumerable.Repeat("number", 500_000)))));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains("at most 1000 characters", e.Message, StringComparison.Ordinal);
        var clock = ThreadCpu.StartNew();
        var (_, total) = Strata.Application.Catalog.DatasetSearching.Search(visible, Search(string.Join(' ', Enumerable.Repeat("number", 140))));
        Assert.Equal(50, total);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Executions_spilling_at_once_never_take_all_of_the_free_disk()
    {
        // The cap was all of the free disk: one spilling query could fill it, and every owner's uploads and results failed.
        long free = 1000;
        for (int execution = 0; execution < 4; execution++)
        {
            long cap = Strata.Engine.DuckDb.SpillDirectory.CapToFree(long.MaxValue, free);
            Assert.True(cap <= free / 2, $"execution {execution} may take {cap} of {free}");
            free -= cap;
        }
        Assert.True(free >= 1000 / 16, $"{free} left");
    }

    [Fact]
    public void Ids_taken_in_one_millisecond_grow_but_are_not_one_apart()
    {
        // Monotonic ULIDs grew by one within a millisecond: bob's ids taken around alice's submission bracketed hers.
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        static UInt128 Value(string id) => id.Aggregate(UInt128.Zero, (v, c) => (v << 5) | (uint)alphabet.IndexOf(c, StringComparison.Ordinal));
        // A time before any id taken: each id takes the newest millisecond already used (as a burst in one millisecond does),
        // without moving the clock of ids other tests take meanwhile.
        var now = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 1000).Select(_ => ExecutionIds.New(now)).ToList();
        Assert.All(ids, id => Assert.True(ExecutionIds.IsValid(id), id));
        int close = 0;
        for (int i = 1; i < ids.Count; i++)
        {
            Assert.True(string.CompareOrdinal(ids[i], ids[i - 1]) > 0, "ids grow");
            close += Value(ids[i]) - Value(ids[i - 1]) < (UInt128)(1 << 20) ? 1 : 0;
        }
        Assert.True(close < 5, $"{close} of 999 steps under 2^20");
    }

    [Fact]
    public void Past_the_per_owner_wait_limit_a_long_poll_is_answered_at_once_and_other_owners_keep_theirs()
    {
        using var slots = new LongPollSlots(Microsoft.Extensions.Options.Options.Create(new Strata.Server.Configuration.HttpSafetyOptions { MaxWaitsPerOwner = 2 }));
        var wait = TimeSpan.FromSeconds(30);
        var first = slots.Enter("alice", wait);
        var second = slots.Enter("alice", wait);
        Assert.Equal(wait, first.Wait);
        Assert.Equal(wait, second.Wait);
        using (var third = slots.Enter("alice", wait))
        {
            Assert.Equal(TimeSpan.Zero, third.Wait);
        }
        using (var bobs = slots.Enter("bob", wait))
        {
            Assert.Equal(wait, bobs.Wait);
        }
        // A request without a wait takes no slot.
        Assert.Equal(TimeSpan.Zero, slots.Enter("alice", TimeSpan.Zero).Wait);
        first.Dispose();
        using var again = slots.Enter("alice", wait);
        Assert.Equal(wait, again.Wait);
        second.Dispose();
    }
}

/// <summary>The same on the wire: the attacks as a client sends them, on the server's own pipeline in process.</summary>
public sealed class Hostile4HttpTests
{
    [Fact]
    public async Task Saved_query_parameter_attacks_get_a_400_and_long_polls_past_the_owner_limit_answer_at_once()
    {
        await using var server = await InProcessServer.StartAsync(new Dictionary<string, string> { ["Strata__MaxWaitsPerOwner"] = "2" });
        // A name twice in query_parameters: stored by the old code, then every execute and results read was a 500.
        var (status, body, _) = await server.Alice.PostJsonAsync("/api/v1/query",
            """{"name":"dup","query_sql":"select {{a}} as x","query_parameters":{"a":"1","a":"2"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("defined twice", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        string many = "{\"name\":\"many\",\"query_sql\":\"select 1\",\"parameters\":["
            + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"{{\"key\":\"p{i}\",\"type\":\"text\",\"value\":\"x\"}}")) + "]}";
        (status, body, _) = await server.Alice.PostJsonAsync("/api/v1/query", many);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 1000", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);

        // A saved query's name, description and tags had no bound but the 4 MiB body: a 3.9 MB name was stored.
        foreach (string oversized in new[]
        {
            new JsonObject { ["name"] = new string('n', 1001), ["query_sql"] = "select 1" }.ToJsonString(),
            new JsonObject { ["name"] = "d", ["query_sql"] = "select 1", ["description"] = new string('d', 100_001) }.ToJsonString(),
            new JsonObject { ["name"] = "t", ["query_sql"] = "select 1", ["tags"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)JsonValue.Create("t" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))!).ToArray()) }.ToJsonString(),
        })
        {
            (status, body, _) = await server.Alice.PostJsonAsync("/api/v1/query", oversized);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("at most", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        (status, body, _) = await server.Alice.PostJsonAsync("/api/v1/query", """{"name":"ok","query_sql":"select 1"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        (status, body, _) = await server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{body!["query_id"]}", new JsonObject { ["name"] = new string('n', 1001) }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);

        // A table's description neither: every owner's dataset listing reads it for each visible table.
        (status, body, _) = await server.Bob.PostJsonAsync("/api/v1/uploads/csv",
            new JsonObject { ["table_name"] = "described", ["description"] = new string('d', 10_001), ["data"] = "a\n1\n" }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("description must be at most 10000", body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        (status, body, _) = await server.Bob.PostJsonAsync("/api/v1/uploads",
            new JsonObject { ["namespace"] = "bob", ["table_name"] = "described", ["description"] = new string('d', 10_001), ["schema"] = new JsonArray(new JsonObject { ["name"] = "a", ["type"] = "integer" }) }.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, status);

        // An execution that runs until cancelled (10^12 rows counted; an endless recursive CTE stops at Trino's depth since
        // decision 331); alice holds her two waits on it, a third is answered at once.
        string running = await server.Alice.SubmitAsync("select count(*) from unnest(sequence(1, 10000)) a(x) cross join unnest(sequence(1, 10000)) b(y) cross join unnest(sequence(1, 10000)) c(z)");
        var held = Enumerable.Range(0, 2).Select(_ => server.Alice.GetJsonAsync($"/api/v1/execution/{running}/status?wait=60")).ToArray();
        await WaitUntilAsync(() => server.Services<LongPollSlots>() is { } s && HeldBy(s, "alice") == 2);
        var clock = Stopwatch.StartNew();
        (status, body, _) = await server.Alice.GetJsonAsync($"/api/v1/execution/{running}/status?wait=60");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body!["is_execution_finished"]!.GetValue<bool>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the third wait took {clock.Elapsed}");
        Assert.All(held, t => Assert.False(t.IsCompleted));
        // bob's waits are his own.
        var bobs = await server.Bob.RunAsync("select 1 as one");
        Assert.Equal("QUERY_STATE_COMPLETED", bobs["state"]!.GetValue<string>());
        (status, _, _) = await server.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var t in held)
        {
            var (s, b, _) = await t.WaitAsync(Api.HangGuard);
            Assert.Equal(HttpStatusCode.OK, s);
            Assert.Equal("QUERY_STATE_CANCELLED", b!["state"]!.GetValue<string>());
        }
    }

    private static int HeldBy(LongPollSlots slots, string owner) => slots.Held(owner);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
