using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Server.Configuration;
using Strata.Server.Hosting;

namespace Strata.Tests;

/// <summary>
/// The server's own DuckDB instances, the table loader's (<c>Strata:Loader</c>) and the result views'
/// (<c>Strata:ResultViews</c>), run with limits of their own (arch12): a hostile insert or sorted view past their memory
/// and temporary disk is a 400 naming the limits and the settings, the server stays up, and a setting past the largest
/// tier's stops start-up naming it. In process; the limits are tiny so that some tens of MB are "huge".
/// </summary>
public sealed class ServerInstanceLimitTests : IAsyncLifetime
{
    /// <summary>Rows of the sorted result: about 40 MB of text.</summary>
    private const int Rows = 300_000;

    /// <summary>Rows of the hostile insert: about 21 MB of CSV. The loader at 48MB loads a one-row CSV (below about 40MB
    /// DuckDB's CSV reader cannot start) and 600,000 such rows at 128MB, measured 2026-12-01; 100,000 fail at 64MB.</summary>
    private const int InsertRows = 100_000;

    private InProcessServer server = null!;

    public async Task InitializeAsync() => server = await InProcessServer.StartAsync(new Dictionary<string, string>
    {
        ["Strata:Loader:Threads"] = "1",
        ["Strata:Loader:MemoryLimit"] = "48MB",
        ["Strata:Loader:MaxSpillBytes"] = "1000000",
        ["Strata:ResultViews:Threads"] = "1",
        // Four views of 8 MiB each: the least share start-up allows (hostile16).
        ["Strata:ResultViews:MemoryLimit"] = "32MiB",
        ["Strata:ResultViews:MaxSpillBytes"] = "1000000",
    });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task An_insert_larger_than_the_loaders_memory_and_spill_cap_is_a_400_naming_the_limits_and_the_settings()
    {
        string table = UploadApi.Name("huge");
        await UploadApi.CreateOkAsync(server.Alice, "alice", table, UploadApi.Schema(("n", "bigint", false), ("label", "varchar", false)));
        await UploadApi.InsertOkAsync(server.Alice, "alice", table, "n,label\n0,before\n");
        var csv = new StringBuilder("n,label\n", InsertRows * 210);
        string label = new('x', 200);
        for (int i = 0; i < InsertRows; i++)
        {
            csv.Append(i).Append(',').Append(label).Append(i).Append('\n');
        }

        var (status, body, text) = await UploadApi.InsertAsync(server.Alice, "alice", table, csv.ToString());

        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.StartsWith(
            "the upload needed more memory than the table loader may use (memory limit 48MB, temporary disk 1000000 bytes, "
            + "Strata:Loader:MemoryLimit and Strata:Loader:MaxSpillBytes, unset ones the medium tier's); insert it in smaller parts",
            body!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        // Nothing of it was written, and a small insert into the same table still goes through the same instance.
        Assert.Equal(1, await UploadApi.CountAsync(server.Alice, $"dune.alice.{table}"));
        await UploadApi.InsertOkAsync(server.Alice, "alice", table, "n,label\n1,after\n");
        Assert.Equal(2, await UploadApi.CountAsync(server.Alice, $"dune.alice.{table}"));
    }

    [Fact]
    public async Task A_sort_of_a_result_larger_than_the_views_memory_and_spill_cap_is_a_400_naming_the_limits_and_the_settings()
    {
        string id = await server.Alice.SubmitAsync($"SELECT i AS n, lpad(CAST(i AS VARCHAR), 128, 'x') AS label FROM range({Rows}) t(i)");
        var status = await server.Alice.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", status.ToJsonString());

        var (code, body, response) = await server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?sort_by=label%20desc&offset={Rows - 20}&limit=10");

        Assert.True(code == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        // A view runs with its share of the views' limits (hostile15): the message names the share and the settings.
        string error = body!["error"]!.GetValue<string>();
        Assert.StartsWith("the filter, sort or sample needed more memory than result views may use (memory limit ", error, StringComparison.Ordinal);
        Assert.Contains("a view's share of memory limit 32MiB and temporary disk 1000000 bytes, shared by 4 views", error, StringComparison.Ordinal);
        Assert.Contains("Strata:ResultViews:MemoryLimit and Strata:ResultViews:MaxSpillBytes, unset ones the medium tier's)", error, StringComparison.Ordinal);
        // The same result without the sort is still served page by page.
        var page = await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results?limit=10");
        Assert.Equal(10, page["result"]!["rows"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("Loader", "MemoryLimit", "9GB", "Strata:Loader:MemoryLimit is 9GB, more than the largest tier's memory limit (Strata:Large:MemoryLimit 8GB)")]
    [InlineData("ResultViews", "MemoryLimit", "8193MiB", "Strata:ResultViews:MemoryLimit is 8193MiB, more than the largest tier's memory limit (Strata:Large:MemoryLimit 8GB)")]
    [InlineData("Loader", "MaxSpillBytes", "20000000001", "Strata:Loader:MaxSpillBytes is 20000000001, more than the largest tier's spill cap (20000000000 bytes)")]
    [InlineData("ResultViews", "MemoryLimit", "lots", "MemoryLimit must look like '4GB' or '512MiB'.")]
    [InlineData("Loader", "Threads", "0", "Threads")]
    public void A_setting_past_the_largest_tier_or_malformed_stops_start_up_naming_it(string instance, string key, string value, string message)
    {
        using var services = Services(new() { [$"Strata:{instance}:{key}"] = value });
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<ServerInstanceOptions>>().Get(instance));
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_limits_are_the_medium_tiers_and_limits_within_the_tiers_are_taken()
    {
        using var services = Services(new() { ["Strata:Loader:MemoryLimit"] = "8GB", ["Strata:Loader:MaxSpillBytes"] = "5" });
        var loader = services.GetRequiredService<IOptionsMonitor<ServerInstanceOptions>>().Get(ServerInstanceOptions.Loader);
        Assert.Equal(("8GB", 5L), (loader.MemoryLimit, loader.MaxSpillBytes));
        var views = services.GetRequiredService<IOptionsMonitor<ServerInstanceOptions>>().Get(ServerInstanceOptions.ResultViews);
        Assert.Equal((null, null, null), (views.Threads, views.MemoryLimit, views.MaxSpillBytes));
        Assert.Null(QueryEngineSetup.OwnInstanceError("Strata:ResultViews", views, new StrataOptions()));
    }

    /// <summary>The server's options and engine registrations over the given settings (nothing is opened).</summary>
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddStrataOptions().AddQueryEngine();
        return services.BuildServiceProvider();
    }
}
