using System.Web;

namespace Strata.Tests;

/// <summary>limit/offset, next_offset/next_uri, CSV next headers, the datapoint cap.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class PaginationTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private async Task<string> CompletedAsync(string sql)
    {
        string id = await Server.Alice.SubmitAsync(sql);
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
        return id;
    }

    private static long[] Ns(JsonNode body) => body["result"]!["rows"]!.AsArray().Select(r => r!["n"]!.GetValue<long>()).ToArray();

    [Fact]
    public async Task First_middle_and_last_pages_follow_next_uri()
    {
        string id = await CompletedAsync("select range as n from range(2500) order by n");
        var seen = new List<long>();
        string? uri = $"/api/v1/execution/{id}/results?limit=1000";
        var offsets = new List<long>();
        while (uri is not null)
        {
            var (code, body, _) = await Server.Alice.GetJsonAsync(uri);
            Assert.Equal(HttpStatusCode.OK, code);
            var rows = Ns(body!);
            seen.AddRange(rows);
            var meta = body!["result"]!["metadata"]!;
            Assert.Equal(rows.Length, meta["row_count"]!.GetValue<long>());
            Assert.Equal(2500, meta["total_row_count"]!.GetValue<long>());
            Assert.Equal(rows.Length, meta["datapoint_count"]!.GetValue<long>());
            if (body["next_uri"] is { } next)
            {
                var nextUri = new Uri(next.GetValue<string>());
                Assert.True(nextUri.IsAbsoluteUri);
                Assert.Equal(Server.BaseUrl.Authority, nextUri.Authority);
                var q = HttpUtility.ParseQueryString(nextUri.Query);
                Assert.Equal("1000", q["limit"]);
                Assert.Equal(body["next_offset"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture), q["offset"]);
                offsets.Add(body["next_offset"]!.GetValue<long>());
                uri = nextUri.PathAndQuery;
            }
            else
            {
                Assert.Null(body["next_offset"]);
                uri = null;
            }
        }
        Assert.Equal([1000L, 2000L], offsets);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), seen);
    }

    [Fact]
    public async Task Exact_multiple_has_no_next_on_the_last_page()
    {
        string id = await CompletedAsync("select range as n from range(2000) order by n");
        var (_, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?limit=1000&offset=1000");
        Assert.Equal(1000, Ns(body!).Length);
        Assert.Equal(1000, Ns(body!)[0]);
        Assert.Null(body!["next_offset"]);
        Assert.Null(body["next_uri"]);
    }

    [Fact]
    public async Task Offset_past_the_end_gives_empty_rows_and_true_total()
    {
        string id = await CompletedAsync("select range as n from range(10)");
        var (code, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?offset=50&limit=5");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Empty(body!["result"]!["rows"]!.AsArray());
        Assert.Equal(0, body["result"]!["metadata"]!["row_count"]!.GetValue<long>());
        Assert.Equal(10, body["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
        Assert.Null(body["next_offset"]);
    }

    [Fact]
    public async Task Next_uri_repeats_every_parameter()
    {
        string id = await CompletedAsync("select range as n from range(30)");
        var (_, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?limit=10&offset=5&ignore_max_datapoints_per_request=true&allow_partial_results=true&unknown=kept");
        var q = HttpUtility.ParseQueryString(new Uri(body!["next_uri"]!.GetValue<string>()).Query);
        Assert.Equal("10", q["limit"]);
        Assert.Equal("15", q["offset"]);
        Assert.Equal("true", q["ignore_max_datapoints_per_request"]);
        Assert.Equal("true", q["allow_partial_results"]);
        Assert.Equal(15, body["next_offset"]!.GetValue<long>());
    }

    [Fact]
    public async Task Datapoint_cap_cuts_pages_and_can_be_lifted()
    {
        string id = await CompletedAsync("select range as n, range * 2 as m from range(130000) order by n");
        var (_, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results");
        // 250,000 datapoints / 2 columns = 125,000 rows.
        Assert.Equal(125_000, body!["result"]!["rows"]!.AsArray().Count);
        Assert.Equal(250_000, body["result"]!["metadata"]!["datapoint_count"]!.GetValue<long>());
        Assert.Equal(125_000, body["next_offset"]!.GetValue<long>());

        (_, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?limit=200000");
        Assert.Equal(125_000, body!["result"]!["rows"]!.AsArray().Count);

        (_, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results?ignore_max_datapoints_per_request=true");
        Assert.Equal(130_000, body!["result"]!["rows"]!.AsArray().Count);
        Assert.Null(body["next_offset"]);
    }

    [Fact]
    public async Task Csv_pages_carry_next_headers_until_the_last()
    {
        string id = await CompletedAsync("select range as n from range(25) order by n");
        string? uri = $"/api/v1/execution/{id}/results/csv?limit=10";
        var values = new List<long>();
        int pages = 0;
        while (uri is not null)
        {
            using var response = await Server.Alice.GetAsync(uri);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            string text = await response.Content.ReadAsStringAsync();
            Assert.EndsWith("\n", text);
            Assert.DoesNotContain("\r", text);
            var lines = text.TrimEnd('\n').Split('\n');
            Assert.Equal("n", lines[0]);
            values.AddRange(lines.Skip(1).Select(long.Parse));
            pages++;
            if (response.Headers.TryGetValues("x-dune-next-uri", out var next))
            {
                var offset = response.Headers.GetValues("x-dune-next-offset").Single();
                var nextUri = new Uri(next.Single());
                Assert.Equal(offset, HttpUtility.ParseQueryString(nextUri.Query)["offset"]);
                Assert.EndsWith("/results/csv", nextUri.AbsolutePath);
                uri = nextUri.PathAndQuery;
            }
            else
            {
                Assert.False(response.Headers.Contains("x-dune-next-offset"));
                uri = null;
            }
        }
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), values);
    }
}
