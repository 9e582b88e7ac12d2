using DuckDB.NET.Data;
using Strata.Application.Views;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Results.Querying;
using Strata.Engine.DuckDb;
using Strata.Server.Apis;
using Strata.Tests.Application;

namespace Strata.Tests;

/// <summary>
/// hostile12 (docs/notes/hostile12.md): another owner's public materialized view showed why its last refresh failed,
/// and the engine's message quoted a private table's value; a filtered, sorted or sampled results page was read whole
/// into the server's memory (a sorted page of a 1 GiB result: about 800 MB per request, six at once 5 GB).
/// </summary>
public sealed class Hostile12Tests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_public_view_shows_why_its_refresh_failed_to_its_owner_only()
    {
        await using var h = await ViewHarness.CreateAsync();
        h.Executions.StartWorker();
        long query = await h.QueryAsync("alice", "select cast(v as integer) as n from dune.alice.secret", isPrivate: true);
        h.Tables.Failing["result_s"] = "Could not convert string 'SECRETVALUE' to INT32";
        var (_, executionId) = await h.Views.UpsertAsync("alice", new ViewUpsert("result_s", query, PerformanceTier.Medium, null, IsPrivate: false), None);
        (await h.Executions.Engine.NextStartedAsync()).Complete();
        Assert.NotNull(await h.Views.WhenAppliedAsync(executionId).WaitAsync(ExecutionHarness.Guard));

        var owner = await h.Views.ReadAsync("alice", "result_s", None);
        Assert.Contains("SECRETVALUE", owner.View.LastError, StringComparison.Ordinal);
        var other = await h.Views.ReadAsync("bob", "dune.alice.result_s", None);
        Assert.False(other.View.IsPrivate);
        Assert.Null(other.View.LastError);
    }

    [Fact]
    public async Task A_result_view_that_runs_past_its_time_is_refused_naming_the_limit()
    {
        string directory = Path.Combine(Path.GetTempPath(), "strata-h12-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            // The whole file, and a twentieth of it for a peer measured in the same run: the machine's load stretches both.
            string parquet = Write(directory, "r.parquet", 2_000_000), sample = Write(directory, "sample.parquet", 100_000);
            var schema = new ResultSchema([new ResultColumn("n", "bigint", ColumnKind.Int64), new ResultColumn("s", "varchar", ColumnKind.Text)]);
            // A thousand LIKE patterns no row matches: every row is tested against all of them, then counted again (the
            // whole scan took 26.5 s on a quiet 2-core machine, its twentieth about a twentieth of that).
            string text = string.Join(" or ", Enumerable.Range(0, 1_000).Select(i => $"s like '%zz{i}%'"));
            var filter = FilterParser.Parse(text, schema.ColumnNames, new FilterLimits { MaxLength = 40_000 });
            var limits = new DuckDbLimits(1, "256MB", Path.Combine(directory, "tmp"), 100_000_000);

            using (var unbounded = new DuckDbResultQuery(directory, limits, TimeSpan.FromHours(1)))
            {
                await unbounded.QueryAsync(new ResultQuery("r", sample, schema, [0, 1], filter, [], 0, 10, null), CancellationToken.None);
            }
            var peer = System.Diagnostics.Stopwatch.StartNew();
            using (var unbounded = new DuckDbResultQuery(directory, limits, TimeSpan.FromHours(1)))
            {
                await unbounded.QueryAsync(new ResultQuery("r", sample, schema, [0, 1], filter, [], 0, 10, null), CancellationToken.None);
            }
            var twentieth = peer.Elapsed;

            using var bounded = new DuckDbResultQuery(directory, limits, TimeSpan.FromMilliseconds(200));
            var started = System.Diagnostics.Stopwatch.StartNew();
            var refused = await Assert.ThrowsAsync<InvalidResultQueryException>(
                () => bounded.QueryAsync(new ResultQuery("r", parquet, schema, [0, 1], filter, [], 0, 10, null), CancellationToken.None));
            Assert.Contains("took longer than 0.2 s, the most a result view may run", refused.Message, StringComparison.Ordinal);
            // A refusal that waited for the scan would take about twenty twentieths.
            Assert.True(started.Elapsed < twentieth * 5 + TimeSpan.FromSeconds(1), $"{started.Elapsed} to refuse; a twentieth of the scan took {twentieth}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Write(string directory, string name, int rows)
    {
        string parquet = Path.Combine(directory, name);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY (SELECT i AS n, repeat(md5(i::VARCHAR), 2) AS s FROM range({rows}) t(i)) TO '{parquet}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return parquet;
    }
}

/// <summary>A sorted or filtered page ends at <see cref="ResultPages.MaxViewPageBytes"/> and pages on from there.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class Hostile12ViewPageTests(InProcessSharedServer shared)
{
    private const int Rows = 40_000;

    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("sort_by=x%20desc", Rows)]
    [InlineData("sort_by=x%20desc&filters=x%20%3E%3D%205000", Rows - 5000)]
    public async Task A_view_page_past_its_byte_budget_ends_early_and_the_next_pages_follow_on(string view, int matching)
    {
        // 40,000 rows of 1,000 characters: 40 MB of values, more than twice the budget, under the datapoint cap lifted.
        string id = await Server.Alice.SubmitAsync(
            "select (i - 1) * 200 + j - 1 as x, lpad('', 1000, 'z') as s from unnest(sequence(1, 200)) as a(i) cross join unnest(sequence(1, 200)) as b(j)");
        await Server.Alice.WaitAsync(id);
        var seen = new List<long>();
        long? offset = 0;
        int pages = 0;
        while (offset is long at)
        {
            var body = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results?{view}&ignore_max_datapoints_per_request=true&offset={at}");
            var result = body["result"] ?? throw new InvalidOperationException(body.ToJsonString());
            var rows = result["rows"]!.AsArray();
            Assert.NotEmpty(rows);
            Assert.Equal(matching, result["metadata"]!["total_row_count"]!.GetValue<long>());
            // The budget plus the batch that reached it (a quarter of the budget).
            Assert.True(rows.Count * 1008L <= ResultPages.MaxViewPageBytes * 5 / 4 + 1008, $"{rows.Count} rows in one page");
            seen.AddRange(rows.Select(r => r!["x"]!.GetValue<long>()));
            offset = body["next_offset"]?.GetValue<long>();
            pages++;
        }
        Assert.True(pages >= 3, $"{pages} pages");
        Assert.Equal(Enumerable.Range(Rows - matching, matching).Select(x => (long)x).Reverse(), seen);
    }

    [Fact]
    public async Task A_sorted_download_larger_than_a_page_holds_every_row_in_order()
    {
        // 75,000 rows of 1,000 characters: 75 MB of values, more than one download page (64 MiB).
        string id = await Server.Alice.SubmitAsync(
            "select (i - 1) * 250 + j - 1 as x, lpad('', 1000, 'y') as s from unnest(sequence(1, 300)) as a(i) cross join unnest(sequence(1, 250)) as b(j)");
        await Server.Alice.WaitAsync(id);
        using var response = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results/arrow?sort_by=x%20desc&filters=x%20%3E%3D%2010");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var reader = new Apache.Arrow.Ipc.ArrowStreamReader(await response.Content.ReadAsStreamAsync());
        var seen = new List<long>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                var x = (Apache.Arrow.Int64Array)batch.Column("x");
                for (int i = 0; i < batch.Length; i++)
                {
                    seen.Add(x.GetValue(i)!.Value);
                }
            }
        }
        Assert.Equal(Enumerable.Range(10, 75_000 - 10).Select(v => (long)v).Reverse(), seen);
    }

    [Fact]
    public void Only_the_routes_that_take_a_tables_rows_accept_the_upload_body_limit()
    {
        var patterns = Server.Services<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .ToList();
        Assert.Contains("/api/v1/uploads", patterns);
        Assert.Contains("/api/v1/table/create", patterns);
        Assert.Equal(
            ["/api/v1/table/upload/csv", "/api/v1/table/{ns}/{table}/insert", "/api/v1/uploads/csv", "/api/v1/uploads/{ns}/{table}/insert"],
            patterns.Where(Strata.Server.Hosting.HttpHardening.IsUploadBodyRoute).Order(StringComparer.Ordinal));
    }
}

/// <summary>An oversized body is the client's error: answered 413 with JSON, and not logged as an unhandled failure.</summary>
public sealed class Hostile12LogTests(VerboseServer fixture) : IClassFixture<VerboseServer>
{
    private StrataServer Server => fixture.Server;

    [Fact]
    public async Task A_body_past_its_limit_is_a_413_without_an_error_line_in_the_log()
    {
        // A table create: a small JSON body's limit (4 MiB), not the 200 MB of an insert.
        string body = "{\"namespace\": \"alice\", \"table_name\": \"t\", \"schema\": [{\"name\": \"c\", \"type\": \"varchar\"}], \"x\": \""
            + new string('p', 5 * 1024 * 1024) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        // The client waits for the server's answer to the headers before it sends the body: HttpClient's default wait is
        // 1 s, after which it sends the body anyway and, on a loaded machine, meets the server's close as a broken pipe.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        using var client = new HttpClient(handler) { BaseAddress = Server.BaseUrl, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Add("X-Dune-API-Key", StrataServer.AliceKey);
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("the limit is 4194304 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The log is written in order: once a later request's line is there, the 413's lines are too.
        string marker = "/api/v1/query/" + Guid.NewGuid().ToString("N");
        await Server.Alice.GetAsync(marker);
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (!Server.Output.Contains(marker, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Contains(marker, Server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("An unhandled exception has occurred", Server.Output, StringComparison.Ordinal);
    }
}
