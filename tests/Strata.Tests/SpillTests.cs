namespace Strata.Tests;

/// <summary>
/// A server whose tiers spill early (64 MB memory limit), with a tiny spill cap on the large tier,
/// started over a data directory holding spill left by a "crash".
/// </summary>
public sealed class SpillServer : IAsyncLifetime
{
    public const long LargeSpillLimit = 1_000_000;

    public StrataServer Server { get; private set; } = null!;

    /// <summary>Spill files planted before start-up, as a crash leaves them.</summary>
    public IReadOnlyList<string> Leftovers { get; private set; } = [];

    public async Task InitializeAsync()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        string tmp = Path.Combine(dataDir, "tmp");
        var leftovers = new List<string>
        {
            Path.Combine(tmp, "executions", Guid.NewGuid().ToString("N"), "duckdb_temp_storage_DEFAULT-0.tmp"),
            Path.Combine(tmp, "medium", "duckdb_temp_storage_DEFAULT-0.tmp"),
        };
        foreach (string file in leftovers)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, "rows spilled by an execution that never ended");
        }
        Leftovers = leftovers;
        Server = await StrataServer.StartAsync(dataDir, new Dictionary<string, string>
        {
            ["Strata__Medium__MemoryLimit"] = "64MB",
            ["Strata__Medium__Slots"] = "2",
            ["Strata__Medium__Threads"] = "2",
            ["Strata__Large__MemoryLimit"] = "64MB",
            ["Strata__Large__MaxSpillBytes"] = LargeSpillLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        StrataServer.TryDelete(Server.DataDir);
    }
}

/// <summary>
/// Spill (DuckDB's temporary files) under a small memory limit (issue 9, defects 1, 2 and 13):
/// each execution spills into its own owner-only directory that no other execution can read,
/// removed when it ends and at start-up; two spilling executions of one tier both finish; and a
/// spill past the tier's cap fails naming it.
/// </summary>
public sealed class SpillTests(SpillServer fixture) : IClassFixture<SpillServer>
{
    /// <summary>About 3 s under 64 MB on two threads, spilling from its first second.</summary>
    private static string Spilling(int rows, string marker) =>
        $"select count(distinct z) as n from (select lpad(cast(i * 7919 as varchar), 32, 'q') || '{marker}' as z from range({rows}) r(i))";

    private StrataServer Server => fixture.Server;

    private string Tmp => Path.Combine(Server.DataDir, "tmp");

    /// <summary>Spill files now present (the loader's own directory aside).</summary>
    private List<string> SpillFiles()
    {
        try
        {
            return Directory.EnumerateFiles(Tmp, "*", SearchOption.AllDirectories)
                .Where(f => !f.StartsWith(Path.Combine(Tmp, "loader"), StringComparison.Ordinal))
                .Where(f => !fixture.Leftovers.Contains(f))
                // An engine worker's start-up select 1 (when one is replaced), not an execution's spill.
                .Where(f => !Path.GetFileName(f).StartsWith("worker-warm-up-", StringComparison.Ordinal))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Polls until an execution's spill file appears; null when the executions end first.</summary>
    private async Task<string?> WaitForSpillAsync(params (HttpClient Client, string Id)[] runs)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (SpillFiles().FirstOrDefault() is { } file)
            {
                return file;
            }
            bool running = false;
            foreach (var (client, id) in runs)
            {
                var status = await client.GetFromJsonNodeAsync($"/api/v1/execution/{id}/status");
                running |= !status["is_execution_finished"]!.GetValue<bool>() && status["state"]!.GetValue<string>() != "QUERY_STATE_FAILED";
            }
            if (!running)
            {
                return null;
            }
            await Task.Delay(5);
        }
        return null;
    }

    private static async Task<JsonNode> CompletedAsync(HttpClient client, string id)
    {
        var status = await client.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", status.ToJsonString());
        return await client.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results");
    }

    private async Task AssertNoSpillLeftAsync()
    {
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (SpillFiles().Count > 0 || Directory.EnumerateDirectories(Path.Combine(Tmp, "executions")).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, $"spill left behind: {string.Join(", ", SpillFiles())}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Another_execution_cannot_read_or_list_spill_and_it_is_removed_at_the_end()
    {
        string bob = await Server.Bob.SubmitAsync(Spilling(3_000_000, "bob private"));
        string? file = await WaitForSpillAsync((Server.Bob, bob));
        Assert.True(file is not null, "the query did not spill");
        string dir = Path.GetDirectoryName(file)!;
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        }
        foreach (string sql in new[]
        {
            $"select content from read_blob('{file}')",
            $"select content from read_blob('{dir}/*')",
            $"select count(*) from read_blob('{Tmp}/medium/*')",
            $"select count(*) from read_blob('{Tmp}/*/*')",
            $"select * from glob('{dir}/*')",
            $"select * from glob('{Tmp}/**')",
            $"select * from read_text('{file}')",
        })
        {
            var error = await UploadApi.FailedAsync(Server.Alice, sql);
            Assert.DoesNotContain("bob private", error.ToJsonString());
        }
        var rows = await CompletedAsync(Server.Bob, bob);
        Assert.Equal(3_000_000, rows["result"]!["rows"]![0]!["n"]!.GetValue<long>());
        await AssertNoSpillLeftAsync();
    }

    [Fact]
    public async Task Two_spilling_executions_of_one_tier_both_complete()
    {
        string alice = await Server.Alice.SubmitAsync(Spilling(1_500_000, "a"));
        string bob = await Server.Bob.SubmitAsync(Spilling(1_500_000, "b"));
        Assert.True(await WaitForSpillAsync((Server.Alice, alice), (Server.Bob, bob)) is not null, "neither query spilled");
        Assert.Equal(1_500_000, (await CompletedAsync(Server.Alice, alice))["result"]!["rows"]![0]!["n"]!.GetValue<long>());
        Assert.Equal(1_500_000, (await CompletedAsync(Server.Bob, bob))["result"]!["rows"]![0]!["n"]!.GetValue<long>());
        var one = await Server.Alice.RunAsync("select 1 as one");
        Assert.Equal(1, one["result"]!["rows"]![0]!["one"]!.GetValue<int>());
        await AssertNoSpillLeftAsync();
    }

    [Fact]
    public async Task Spill_past_the_tier_cap_fails_naming_the_cap()
    {
        string id = await Server.Alice.SubmitAsync(Spilling(1_500_000, "c"), performance: "large");
        var status = await Server.Alice.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_FAILED", status.ToJsonString());
        string message = status["error"]!["message"]!.GetValue<string>();
        Assert.Contains($"{SpillServer.LargeSpillLimit} bytes", message);
        Assert.Contains("spill", message);
        Assert.DoesNotContain(Server.DataDir, message);
        string after = await Server.Alice.SubmitAsync("select 1 as one", performance: "large");
        await CompletedAsync(Server.Alice, after);
        await AssertNoSpillLeftAsync();
    }

    [Fact]
    public async Task A_cancelled_execution_leaves_no_spill()
    {
        string id = await Server.Alice.SubmitAsync(Spilling(6_000_000, "d"));
        Assert.True(await WaitForSpillAsync((Server.Alice, id)) is not null, "the query did not spill");
        var (_, body, _) = await Server.Alice.PostJsonAsync($"/api/v1/execution/{id}/cancel", null);
        Assert.True(body!["success"]!.GetValue<bool>(), body.ToJsonString());
        Assert.Equal("QUERY_STATE_CANCELLED", (await Server.Alice.WaitAsync(id))["state"]!.GetValue<string>());
        await AssertNoSpillLeftAsync();
    }

    [Fact]
    public void Spill_left_by_a_crash_is_removed_at_start_up()
    {
        foreach (string file in fixture.Leftovers)
        {
            Assert.False(File.Exists(file), $"{file} survived start-up");
        }
        Assert.False(Directory.Exists(Path.Combine(Tmp, "medium")), "the shared tier directory of earlier versions survived start-up");
    }
}
