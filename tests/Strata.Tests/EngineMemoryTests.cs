using System.Text.Json;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Issue 9 item 3: one huge value must fail its execution with an error naming the limit, not take
/// the server's memory. Runs a server with a 1 MiB value cap and a small engine memory limit, shared
/// by the class; each test measures the server's peak memory from its own start (<see cref="EngineProcessTests.ResetPeak"/>).
/// </summary>
public sealed class EngineMemoryTests(EngineMemoryTests.CappedServer fixture) : IClassFixture<EngineMemoryTests.CappedServer>
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Strata__MaxValueBytes"] = "1048576",
        ["Strata__Medium__MemoryLimit"] = "256MB",
    };

    /// <summary>The server with the class's value cap.</summary>
    public sealed class CappedServer : IAsyncLifetime
    {
        public StrataServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await StrataServer.StartAsync(settings: Settings);

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    /// <summary>
    /// Values of 16.5-50 MB each, built by DuckDB from a table function so that the binder cannot
    /// fold them into a constant (a text of three pads: one lpad stops at 16 MiB, decision 274; since decision 315 a text
    /// concatenation stops there too, so the texts are three pads of 5.5 MB, under that bound and far past the 1 MiB cap).
    /// DuckDB itself holds one such value (outside its memory limit); before the cap, copying it out cost the process 6-15
    /// times its size more.
    /// </summary>
    public static TheoryData<string> HugeValues => new()
    {
        "select lpad('', n::integer, 'x') || lpad('', n::integer, 'x') || lpad('', n::integer, 'x') as s from range(5500000, 5500001) t(n)",
        "select range(n) as l from range(6000000, 6000001) t(n)",
        "select {'a': [lpad('', n::integer, 'y') || lpad('', n::integer, 'y') || lpad('', n::integer, 'y')]} as st from range(5500000, 5500001) t(n)",
        "select map {'k': lpad('', n::integer, 'v') || lpad('', n::integer, 'v') || lpad('', n::integer, 'v')} as m from range(5500000, 5500001) t(n)",
        "select [lpad('', 1000, 'z')] || list_transform(range(n), i -> 'a') as l from range(2000000, 2000001) t(n)",
        "select (lpad('', n::integer, 'q') || lpad('', n::integer, 'q') || lpad('', n::integer, 'q'))::blob as b from range(5500000, 5500001) t(n)",
    };

    [Theory]
    [MemberData(nameof(HugeValues))]
    public async Task A_huge_value_fails_naming_the_limit_and_the_server_stays_small_and_up(string sql)
    {
        var server = fixture.Server;
        EngineProcessTests.ResetPeak(server.ProcessId);
        long before = PeakKib(server.ProcessId);
        string id = await server.Alice.SubmitAsync(sql);
        var status = await server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        var (_, body, _) = await server.Alice.GetJsonAsync($"/api/v1/execution/{id}/status");
        string message = body!["error"]!["message"]!.GetValue<string>();
        Assert.Contains("larger than the 1 MiB per-value limit", message, StringComparison.Ordinal);
        Assert.Contains("Strata__MaxValueBytes", message, StringComparison.Ordinal);
        long growth = PeakKib(server.ProcessId) - before;
        // DuckDB's own copy of the value is about 50 MB; the copy-out to .NET cost 270 MB for a
        // 40 MB text and 4.8 GB for a 320 MB list before the cap. 200 MB leaves room for DuckDB's
        // working memory and the .NET heap without admitting a copy of the value.
        Assert.True(growth < 200 * 1024, $"peak RSS grew by {growth} KiB");
        var other = await server.Bob.RunAsync("select 1 as x");
        Assert.Equal(1, other["result"]!["rows"]![0]!["x"]!.GetValue<int>());
    }

    [Fact]
    public async Task Values_under_the_cap_are_returned_whole()
    {
        var server = fixture.Server;
        var body = await server.Alice.RunAsync(
            "select lpad('', 1000000, 'x') as s, range(20000) as l, {'a': [lpad('', 900000, 'y')]} as st, [1, 2]::int[2] as fixed, row(1, 'a') as r");
        var row = body["result"]!["rows"]![0]!;
        Assert.Equal(1_000_000, row["s"]!.GetValue<string>().Length);
        Assert.Equal(20000, row["l"]!.AsArray().Count);
        Assert.Equal(900_000, row["st"]!["a"]![0]!.GetValue<string>().Length);
        Assert.Equal("[1,2]", row["fixed"]!.ToJsonString());
    }

    private static long PeakKib(int pid)
    {
        string line = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Issue 9 item 10: valid SQL whose statement tree is deep, or holds infinite literals, runs.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class StatementCheckTests(SharedServer shared)
{
    private StrataServer Server => shared.Server;

    [Theory]
    [InlineData(30)]
    [InlineData(200)]
    public async Task A_long_sum_runs(int terms)
    {
        var body = await Server.Alice.RunAsync("select " + string.Join("+", Enumerable.Repeat("1", terms)) + " as n");
        Assert.Equal(terms, body["result"]!["rows"]![0]!["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Forty_chained_concatenations_run()
    {
        var body = await Server.Alice.RunAsync("select " + string.Join(" || ", Enumerable.Repeat("'a'", 40)) + " as s");
        Assert.Equal(new string('a', 40), body["result"]!["rows"]![0]!["s"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_infinite_literal_runs()
    {
        var body = await Server.Alice.RunAsync("select 1e999 as x, -1e999 as y, 'Infinity' as s");
        var row = body["result"]!["rows"]![0]!;
        Assert.Equal("Infinity", row["x"]!.GetValue<string>());
        Assert.Equal("-Infinity", row["y"]!.GetValue<string>());
        Assert.Equal("Infinity", row["s"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_expression_deeper_than_the_engine_allows_fails_with_a_clear_error()
    {
        string id = await Server.Alice.SubmitAsync("select " + string.Join("+", Enumerable.Repeat("1", 1500)) + " as n");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        var (_, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/status");
        Assert.Contains("Expression nested too deeply: Strata's limit is", body!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_tree_past_the_bound_is_refused_naming_it()
    {
        int depth = DuckDbEngine.MaxStatementTreeDepth + 10;
        string json = string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth));
        var e = Assert.Throws<QueryFailedException>(() => DuckDbEngine.ParseStatementTree(json).Dispose());
        Assert.Equal(ExecutionError.Unsupported, e.Error.Type);
        Assert.Contains("nested too deeply", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_number_tokens_become_null_but_strings_keep_them()
    {
        string json = """{"a":Infinity,"b":-Infinity,"c":NaN,"d":"Infinity \" NaN","e":[1,-Infinity]}""";
        using var doc = DuckDbEngine.ParseStatementTree(json);
        var root = doc.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("a").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("b").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("c").ValueKind);
        Assert.Equal("Infinity \" NaN", root.GetProperty("d").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("e")[1].ValueKind);
    }
}
