using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Reliability;

/// <summary>Counts of HTTP answers by class, shared by every client of a run.</summary>
internal sealed class Tally
{
    private long requests, server5xx, rateLimited, transport;
    private readonly List<string> samples = [];

    public long Requests => Interlocked.Read(ref requests);
    public long ServerErrors => Interlocked.Read(ref server5xx);
    public long RateLimited => Interlocked.Read(ref rateLimited);
    public long TransportErrors => Interlocked.Read(ref transport);

    public IReadOnlyList<string> ServerErrorSamples
    {
        get
        {
            lock (samples)
            {
                return samples.ToArray();
            }
        }
    }

    public void Count(HttpStatusCode status, string what)
    {
        Interlocked.Increment(ref requests);
        if ((int)status >= 500)
        {
            Interlocked.Increment(ref server5xx);
            lock (samples)
            {
                if (samples.Count < 20)
                {
                    samples.Add($"{(int)status} {what}");
                }
            }
        }
        else if (status == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref rateLimited);
        }
    }

    public void CountTransport() => Interlocked.Increment(ref transport);
}

/// <summary>One owner's view of a server: the calls a Dune client makes, each counted in the tally.</summary>
internal sealed class ApiClient(HttpClient http, Tally tally)
{
    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? json = null, string? contentType = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType ?? "application/json");
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }
        }
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            tally.Count(response.StatusCode, $"{method} {path}: {Trim(text)}");
            JsonNode? body = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0)
            {
                try
                {
                    body = JsonNode.Parse(text);
                }
                catch (JsonException)
                {
                    body = null;
                }
            }
            return (response.StatusCode, body ?? JsonValue.Create(text));
        }
        catch (HttpRequestException)
        {
            tally.CountTransport();
            return (0, null);
        }
    }

    private static string Trim(string text) => text.Length > 200 ? text[..200] : text;

    public async Task<string?> ExecuteAsync(string sql, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "api/v1/sql/execute", JsonSerializer.Serialize(new { sql }), ct: ct).ConfigureAwait(false);
        return status == HttpStatusCode.OK ? body?["execution_id"]?.GetValue<string>() : null;
    }

    public async Task<string?> StateAsync(string id, CancellationToken ct)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"api/v1/execution/{id}/status", ct: ct).ConfigureAwait(false);
        return status == HttpStatusCode.OK ? body?["state"]?.GetValue<string>() : null;
    }

    /// <summary>Polls (with the server's own long-poll) until the execution is terminal or the deadline passes.</summary>
    public async Task<JsonNode?> WaitAsync(string id, TimeSpan limit, CancellationToken ct)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until && !ct.IsCancellationRequested)
        {
            var (status, body) = await SendAsync(HttpMethod.Get, $"api/v1/execution/{id}/status?wait=5", ct: ct).ConfigureAwait(false);
            if (status == HttpStatusCode.OK && body?["is_execution_finished"]?.GetValue<bool>() == true)
            {
                return body;
            }
            if (status is HttpStatusCode.TooManyRequests or 0)
            {
                await Task.Delay(200, ct).ConfigureAwait(false);
            }
        }
        return null;
    }

    public static bool IsTerminal(string? state) => state is "QUERY_STATE_COMPLETED" or "QUERY_STATE_COMPLETED_PARTIAL"
        or "QUERY_STATE_FAILED" or "QUERY_STATE_CANCELLED" or "QUERY_STATE_EXPIRED";
}
