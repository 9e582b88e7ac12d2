namespace Strata.Tests;

/// <summary>Large downloads stream; a failure mid-stream must not look like a complete result.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class StreamingTests(SharedServer shared)
{
    private StrataServer Server => shared.Server;

    [Theory]
    [InlineData("results/csv")]
    [InlineData("results")]
    public async Task Error_mid_stream_truncates_the_response(string endpoint)
    {
        string id = await Server.Alice.SubmitAsync("select range as n, lpad('', 200, 'x') as pad from range(400000)");
        Assert.Equal("QUERY_STATE_COMPLETED", (await Server.Alice.WaitAsync(id))["state"]!.GetValue<string>());
        string file = Path.Combine(Server.DataDir, "results", id + ".arrow");
        long length = new FileInfo(file).Length;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/execution/{id}/{endpoint}?ignore_max_datapoints_per_request=true");
        using var response = await Server.Alice.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        int first = await body.ReadAtLeastAsync(buffer, 1024);
        Assert.True(first > 0);

        // Damage the stored file under the running download: the server's next batch read fails.
        await using (var damage = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            damage.SetLength(length / 4);
        }
        long received = first;
        var failure = await Record.ExceptionAsync(async () =>
        {
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0)
            {
                received += n;
            }
        });
        // A broken download ends in a transport error (an aborted chunked body), never in a clean end.
        Assert.True(failure is HttpRequestException or IOException, $"expected the body to end in an error after {received} bytes, got {failure?.GetType().Name ?? "a clean end"}");
    }
}
