using System.Net;
using System.Text.Json.Nodes;
using Strata.Application;
using Strata.Application.Queries;
using Strata.Server.Apis;
using Strata.Server.Configuration;
using Strata.Tests.Operations;

namespace Strata.Tests;

/// <summary>
/// hostile14 (docs/notes/hostile14.md): what another owner learns of a private query through public objects; the
/// result views' places as settings, shared so that owners together leave one for another; a sample larger than a
/// page paged by its seed.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class Hostile14PublicObjectTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private static string Unique(string name) => $"{name}_{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<long> CreateQueryAsync(HttpClient client, string sql, bool isPrivate)
    {
        var (status, body, _) = await client.PostJsonAsync("/api/v1/query",
            new JsonObject { ["name"] = "h14", ["query_sql"] = sql, ["is_private"] = isPrivate }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return body!["query_id"]!.GetValue<long>();
    }

    /// <summary>A public view of the query, polled until its first refresh has replaced its table.</summary>
    private async Task<string> PublicViewAsync(long queryId)
    {
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/materialized-views",
            new JsonObject { ["name"] = Unique("result_h14"), ["query_id"] = queryId, ["is_private"] = false }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        string name = body!["name"]!.GetValue<string>();
        string execution = body["execution_id"]!.GetValue<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while ((await Server.Alice.GetFromJsonNodeAsync($"/api/v1/materialized-views/{name}"))["table_execution_id"]?.GetValue<string>() != execution)
        {
            Assert.True(DateTime.UtcNow < deadline, $"view {name} not refreshed");
            await Task.Delay(20);
        }
        return name;
    }

    [Fact]
    public async Task A_public_view_of_a_private_query_shows_another_owner_neither_the_query_nor_its_runs()
    {
        long hidden = await CreateQueryAsync(Server.Alice, "select 1 as x", isPrivate: true);
        long shown = await CreateQueryAsync(Server.Alice, "select 2 as x", isPrivate: false);
        string ofHidden = await PublicViewAsync(hidden);
        string ofShown = await PublicViewAsync(shown);

        var own = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/materialized-views/{ofHidden}");
        Assert.Equal(hidden, own["query_id"]!.GetValue<long>());
        Assert.Single(own["last_execution_ids"]!.AsArray());

        var other = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/materialized-views/{ofHidden}");
        Assert.False(other["is_private"]!.GetValue<bool>());
        Assert.Null(other["query_id"]);
        Assert.Empty(other["last_execution_ids"]!.AsArray());
        Assert.Null(other["table_execution_id"]);
        // Its rows are public: bob reads them.
        string read = await Server.Bob.SubmitAsync($"select x from {ofHidden}");
        Assert.Equal("QUERY_STATE_COMPLETED", (await Server.Bob.WaitAsync(read))["state"]!.GetValue<string>());

        var dataset = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/datasets/{ofHidden}");
        Assert.Null(dataset["metadata"]!["query_id"]);
        Assert.Equal(hidden, (await Server.Alice.GetFromJsonNodeAsync($"/api/v1/datasets/{ofHidden}"))["metadata"]!["query_id"]!.GetValue<long>());

        // A public query's view shows it to everyone.
        Assert.Equal(shown, (await Server.Bob.GetFromJsonNodeAsync($"/api/v1/materialized-views/{ofShown}"))["query_id"]!.GetValue<long>());
        Assert.Equal(shown, (await Server.Bob.GetFromJsonNodeAsync($"/api/v1/datasets/{ofShown}"))["metadata"]!["query_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_failed_run_of_a_public_query_shows_another_owner_that_it_failed_not_its_message()
    {
        long id = await CreateQueryAsync(Server.Alice, "select cast(v as integer) as n from (values ('SECRETVALUE_H14')) as t(v) where v <> 'x'", isPrivate: false);
        var (status, body, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute", "{}");
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        string execution = body!["execution_id"]!.GetValue<string>();
        var mine = await Server.Alice.WaitAsync(execution);
        Assert.Equal("QUERY_STATE_FAILED", mine["state"]!.GetValue<string>());
        Assert.Contains("SECRETVALUE_H14", mine["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (string path in new[] { $"/api/v1/execution/{execution}/status", $"/api/v1/execution/{execution}/results", $"/api/v1/query/{id}/results" })
        {
            var seen = await Server.Bob.GetFromJsonNodeAsync(path);
            Assert.Equal("QUERY_STATE_FAILED", seen["state"]!.GetValue<string>());
            Assert.Equal(PublicResults.ErrorWithheld, seen["error"]!["message"]!.GetValue<string>());
            Assert.DoesNotContain("SECRETVALUE", seen.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_sample_larger_than_a_page_pages_on_with_its_seed_and_the_pages_are_one_sample()
    {
        // 40,000 rows of 1,000 characters (40 MB); a sample of 30,000 holds about 30 MB, past the 16 MiB page.
        string id = await Server.Alice.SubmitAsync(
            "select (i - 1) * 200 + j - 1 as x, lpad('', 1000, 'z') as s from unnest(sequence(1, 200)) as a(i) cross join unnest(sequence(1, 200)) as b(j)");
        await Server.Alice.WaitAsync(id);
        const int Sample = 30_000;
        var seen = new List<long>();
        var second = new List<long>();
        string? next = $"/api/v1/execution/{id}/results?sample_count={Sample}&sort_by=x&ignore_max_datapoints_per_request=true";
        int pages = 0;
        string? firstNext = null;
        while (next is not null)
        {
            var body = await Server.Alice.GetFromJsonNodeAsync(next);
            var result = body["result"] ?? throw new InvalidOperationException(body.ToJsonString());
            var rows = result["rows"]!.AsArray();
            Assert.NotEmpty(rows);
            Assert.Equal(Sample, result["metadata"]!["total_row_count"]!.GetValue<long>());
            Assert.True(rows.Count * 1008L <= ResultPages.MaxViewPageBytes * 5 / 4 + 1008, $"{rows.Count} rows in one page");
            seen.AddRange(rows.Select(r => r!["x"]!.GetValue<long>()));
            if (pages == 1)
            {
                second.AddRange(rows.Select(r => r!["x"]!.GetValue<long>()));
            }
            next = body["next_uri"]?.GetValue<string>() is { } uri ? new Uri(uri).PathAndQuery : null;
            firstNext ??= next;
            pages++;
        }
        Assert.True(pages >= 2, $"{pages} pages");
        Assert.Equal(Sample, seen.Count);
        Assert.Equal(Sample, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
        Assert.Contains("sample_seed=", firstNext, StringComparison.Ordinal);

        // The seed draws the same sample again; offset without it is refused.
        var again = await Server.Alice.GetFromJsonNodeAsync(firstNext!);
        Assert.Equal(second, again["result"]!["rows"]!.AsArray().Select(r => r!["x"]!.GetValue<long>()));
        var (status, error, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?sample_count=10&offset=5");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("sample_seed", error!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        (status, error, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?sample_seed=5");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("sample_seed is given only with sample_count", error!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>The result views' places: settings checked at start, an owner's share, and a place left for an owner with none.</summary>
public sealed class Hostile14ResultViewPlaceTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "strata-h14-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private ResultViewLimits Limits(int perOwner = 2, int concurrent = 4, int maxWaitSeconds = 120) =>
        new(root, new ResultViewLimitOptions { PerOwner = perOwner, Concurrent = concurrent, MaxWaitSeconds = maxWaitSeconds });

    [Fact]
    public void The_defaults_are_those_of_hostile13()
    {
        var o = new ResultViewLimitOptions();
        Assert.Equal((2, 4, 4, 120), (o.PerOwner, o.Concurrent, o.ParquetDownloads, o.MaxWaitSeconds));
    }

    [Fact]
    public async Task Two_owners_together_leave_a_place_for_a_third_which_enters_at_once()
    {
        var limits = Limits();
        var a1 = await limits.EnterViewAsync("a", CancellationToken.None);
        var a2 = await limits.EnterViewAsync("a", CancellationToken.None);
        var b1 = await limits.EnterViewAsync("b", CancellationToken.None);
        // b's second would take the last place: refused, not queued.
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => limits.EnterViewAsync("b", CancellationToken.None));
        Assert.Equal(UseCaseError.QuotaExceeded, refused.Error);
        Assert.Contains("keeps a place free for the others", refused.Message, StringComparison.Ordinal);
        var third = limits.EnterViewAsync("c", CancellationToken.None);
        Assert.True(third.IsCompletedSuccessfully);
        // a's third: past its share.
        Assert.Contains("an owner may run 2", (await Assert.ThrowsAsync<UseCaseException>(() => limits.EnterViewAsync("a", CancellationToken.None))).Message, StringComparison.Ordinal);
        a2.Dispose();
        a2.Dispose();
        (await third).Dispose();
        // Disposed twice, given back once: two places free again, so b's second enters.
        using var b2 = await limits.EnterViewAsync("b", CancellationToken.None);
        a1.Dispose();
        b1.Dispose();
    }

    [Fact]
    public async Task When_every_place_is_an_owners_first_the_next_owner_waits_for_one_then_is_refused_naming_the_limit()
    {
        var limits = Limits(perOwner: 1, concurrent: 2, maxWaitSeconds: 1);
        var a = await limits.EnterViewAsync("a", CancellationToken.None);
        var b = await limits.EnterViewAsync("b", CancellationToken.None);
        var waiting = limits.EnterViewAsync("c", CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        a.Dispose();
        using (await waiting.WaitAsync(Api.HangGuard))
        {
            var busy = await Assert.ThrowsAsync<UseCaseException>(() => limits.EnterViewAsync("d", CancellationToken.None));
            Assert.Equal(UseCaseError.Unavailable, busy.Error);
            Assert.Contains("the server runs 2 filtered, sorted or sampled views at a time", busy.Message, StringComparison.Ordinal);
        }
        b.Dispose();
        // Every place given back: two owners enter at once.
        using var e = await limits.EnterViewAsync("e", CancellationToken.None);
        using var f = await limits.EnterViewAsync("f", CancellationToken.None);
    }

    [Theory]
    [InlineData("PerOwner", "0", "Strata:ResultViews:PerOwner must be between 1 and 64")]
    [InlineData("PerOwner", "5", "must not exceed Strata:ResultViews:Concurrent (4)")]
    [InlineData("ParquetDownloads", "0", "Strata:ResultViews:ParquetDownloads must be between 1 and 256")]
    [InlineData("Concurrent", "1", "Strata:ResultViews:Concurrent must be between 2 and 256")]
    public void A_limit_out_of_range_stops_start_up_naming_it(string key, string value, string message)
    {
        // What ValidateDataAnnotations runs at start (ValidateOnStart) on the bound section.
        var options = new ResultViewLimitOptions();
        typeof(ResultViewLimitOptions).GetProperty(key)!.SetValue(options, int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        var result = new Microsoft.Extensions.Options.DataAnnotationValidateOptions<ResultViewLimitOptions>(null).Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new Microsoft.Extensions.Options.DataAnnotationValidateOptions<ResultViewLimitOptions>(null).Validate(null, new ResultViewLimitOptions()).Succeeded);
    }

    [Fact]
    public async Task The_configured_share_is_the_one_enforced()
    {
        using var host = new OpsHost(new Dictionary<string, string> { ["Strata:ResultViews:PerOwner"] = "3", ["Strata:ResultViews:ParquetDownloads"] = "7" });
        var limits = host.Services.GetService(typeof(ResultViewLimits)) as ResultViewLimits;
        Assert.Equal((3, 4, 7), (limits!.PerOwner, limits.Concurrent, limits.MaxParquetFiles));
        await Task.CompletedTask;
    }
}
