using System.Globalization;
using System.Text.RegularExpressions;

namespace Strata.Tests.Operations;

/// <summary>
/// /metrics after real executions: executions by state and tier, queue depth, queue-wait and run-time
/// histograms, result bytes written and served, HTTP requests by route and status, rejections by rate
/// limit and by quota.
/// Runs alone: OpenTelemetry's meter listener collects every meter of a name in the process, so hosts of
/// tests running beside it would add their executions to these absolute counts.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_count_executions_bytes_requests_and_rejections_after_a_few_runs()
    {
        using var host = new OpsHost(new Dictionary<string, string>
        {
            ["Strata:RateLimits:UnauthenticatedPerMinute"] = "1",
            ["Strata:Quotas:QueuedPerOwner"] = "1",
            ["Strata:Quotas:RunningPerOwner"] = "1",
            ["Strata:Quotas:TablesPerOwner"] = "1",
        });
        var alice = host.Alice;
        var completed = await alice.RunAsync("select * from range(1000) t(i)");
        Assert.Equal(1000, completed["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync($"/api/v1/execution/{completed["execution_id"]}/results/csv")).StatusCode);
        string failed = await alice.SubmitAsync("select no_such_column from range(3)");
        Assert.Equal("QUERY_STATE_FAILED", (await alice.WaitAsync(failed))["state"]!.GetValue<string>());

        // One long run holds the owner's running quota, so the next waits in the queue and the one after
        // passes the queued quota of 1: 429.
        string running = await alice.SubmitAsync("select count(*) from range(100000000000) a");
        await alice.WaitForStateAsync(running, "QUERY_STATE_EXECUTING");
        string pending = await alice.SubmitAsync("select 2");
        var (status, _, _) = await alice.PostJsonAsync("/api/v1/sql/execute", Api.SqlBody("select 3"));
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        string during = await ScrapeAsync(host);
        Assert.Equal(1, Value(during, "strata_queue_depth", "tier=\"medium\""));
        Assert.Equal(1, Value(during, "strata_executions_running", "tier=\"medium\""));
        Assert.True((await alice.PostJsonAsync($"/api/v1/execution/{pending}/cancel", null)).Body!["success"]!.GetValue<bool>());
        Assert.True((await alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", null)).Body!["success"]!.GetValue<bool>());

        // The table quota of 1: the second table is refused.
        string Upload(string name) => $$"""{"namespace":"alice","table_name":"{{name}}","schema":[{"name":"x","type":"integer"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await alice.PostJsonAsync("/api/v1/uploads", Upload("metrics_one"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await alice.PostJsonAsync("/api/v1/uploads", Upload("metrics_two"))).Status);

        // The rate limit: one unauthenticated request a minute.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/api/v1/queries")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await host.Anonymous.GetAsync("/api/v1/queries")).StatusCode);

        // The run of the cancelled execution ends on its worker: wait for the slot to free.
        string text = await ScrapeUntilAsync(host, t => Value(t, "strata_executions_running", "tier=\"medium\"") == 0);
        Assert.Equal(4, Value(text, "strata_executions_submitted_total", "tier=\"medium\""));
        Assert.Equal(1, Value(text, "strata_executions_finished_total", "state=\"QUERY_STATE_COMPLETED\"", "tier=\"medium\""));
        Assert.Equal(1, Value(text, "strata_executions_finished_total", "state=\"QUERY_STATE_FAILED\""));
        Assert.Equal(2, Value(text, "strata_executions_finished_total", "state=\"QUERY_STATE_CANCELLED\""));
        Assert.Equal(0, Value(text, "strata_queue_depth", "tier=\"medium\""));
        Assert.True(Value(text, "strata_execution_queue_wait_seconds_count", "tier=\"medium\"") >= 3);
        Assert.Equal(1, Value(text, "strata_execution_duration_seconds_count", "state=\"QUERY_STATE_COMPLETED\""));
        Assert.Equal(1, Value(text, "strata_execution_duration_seconds_bucket", "state=\"QUERY_STATE_COMPLETED\"", "le=\"+Inf\""));
        Assert.True(Value(text, "strata_results_written_bytes_total") >= 8000, "1000 bigint values were written");
        Assert.True(Value(text, "strata_results_served_bytes_total", "format=\"json\"") > 1000);
        Assert.True(Value(text, "strata_results_served_bytes_total", "format=\"csv\"") > 1000);
        Assert.Equal(1, Value(text, "strata_rejections_total", "reason=\"queued_quota\""));
        Assert.Equal(1, Value(text, "strata_rejections_total", "reason=\"rate_limit\""));
        Assert.Equal(1, Value(text, "strata_rejections_total", "reason=\"tables_quota\""));
        Assert.True(Value(text, "http_server_request_duration_seconds_count", "http_route=\"/api/v1/sql/execute\"", "http_response_status_code=\"200\"") >= 4);
        Assert.Equal(1, Value(text, "http_server_request_duration_seconds_count", "http_route=\"/api/v1/sql/execute\"", "http_response_status_code=\"429\""));
        Assert.Equal(1, Value(text, "http_server_request_duration_seconds_count", "http_route=\"/api/v1/queries\"", "http_response_status_code=\"401\""));
    }

    [Fact]
    public async Task A_result_view_past_its_owners_share_is_counted_as_a_rejection()
    {
        using var host = new OpsHost(new Dictionary<string, string> { ["Strata:ResultViews:PerOwner"] = "1" });
        var completed = await host.Alice.RunAsync("select * from range(100) t(i)");
        var limits = (Strata.Server.Apis.ResultViewLimits)host.Services.GetService(typeof(Strata.Server.Apis.ResultViewLimits))!;
        using (await limits.EnterViewAsync("alice", CancellationToken.None))
        {
            using var refused = await host.Alice.GetAsync($"/api/v1/execution/{completed["execution_id"]}/results?sort_by=i%20desc");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }
        string text = await ScrapeAsync(host);
        Assert.Equal(1, Value(text, "strata_rejections_total", "reason=\"result_views\""));
    }

    private static async Task<string> ScrapeAsync(OpsHost host)
    {
        using var response = await host.Anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Scrapes until the condition holds (a run or a response ends after the client saw its answer).</summary>
    private static async Task<string> ScrapeUntilAsync(OpsHost host, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (true)
        {
            string text = await ScrapeAsync(host);
            if (condition(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }
            await Task.Delay(20);
        }
    }

    /// <summary>The sum of a metric's samples whose labels include every given one.</summary>
    private static double Value(string text, string name, params string[] labels)
    {
        double sum = 0;
        bool found = false;
        foreach (Match m in Sample().Matches(text))
        {
            if (m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
            {
                sum += double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
                found = true;
            }
        }
        Assert.True(found, $"no sample of {name} with {string.Join(",", labels)} in:\n{text}");
        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[-+0-9.eE]+|NaN|\+Inf)", RegexOptions.Multiline)]
    private static partial Regex Sample();
}

/// <summary>Tests that read process-wide meters: run after the parallel ones, with nothing beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "process-wide metrics";
}
