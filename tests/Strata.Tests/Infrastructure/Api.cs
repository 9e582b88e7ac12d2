using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Strata.Tests.Infrastructure;

/// <summary>Small HTTP helpers over the wire contract.</summary>
public static class Api
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, string? body = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var response = await client.SendAsync(request, ct).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }
        return (response.StatusCode, json, response);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> GetJsonAsync(this HttpClient client, string path, CancellationToken ct = default) =>
        client.SendJsonAsync(HttpMethod.Get, path, null, ct);

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostJsonAsync(this HttpClient client, string path, string? body, CancellationToken ct = default) =>
        client.SendJsonAsync(HttpMethod.Post, path, body, ct);

    public static string SqlBody(string sql, string? performance = null) =>
        new JsonObject { ["sql"] = sql, ["performance"] = performance }.ToJsonString();

    /// <summary>Submits ad-hoc SQL and returns the execution id.</summary>
    public static async Task<string> SubmitAsync(this HttpClient client, string sql, CancellationToken ct = default, string? performance = null)
    {
        var (status, body, _) = await client.PostJsonAsync("/api/v1/sql/execute", SqlBody(sql, performance), ct).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"submit failed: {status} {body}");
        }
        return body!["execution_id"]!.GetValue<string>();
    }

    /// <summary>Polls the status endpoint until the execution is terminal, as a client does.</summary>
    /// <summary>Runs a query to COMPLETED and reads its first row, column types and CSV lines.</summary>
    public static async Task<(JsonNode Row, string[] Types, string[] Csv)> RunFirstRowAsync(this HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", status.ToJsonString());
        var body = await client.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results");
        var types = body["result"]!["metadata"]!["column_types"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray();
        string csv = await client.GetStringAsync($"/api/v1/execution/{id}/results/csv");
        return (body["result"]!["rows"]![0]!, types, csv.TrimEnd('\n').Split('\n'));
    }

    /// <summary>Runs a query to COMPLETED and returns its CSV result's lines (the header first).</summary>
    public static async Task<string[]> RunCsvAsync(this HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", status.ToJsonString());
        string csv = await client.GetStringAsync($"/api/v1/execution/{id}/results/csv");
        return csv.TrimEnd('\n').Split('\n');
    }

    /// <summary>Runs a query to FAILED and returns its error message (the status endpoint's <c>error.message</c>).</summary>
    public static async Task<string> RunToFailureAsync(this HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_FAILED", status.ToJsonString());
        return status["error"]!["message"]!.GetValue<string>();
    }

    /// <summary>Runs a query to FAILED and returns its error's message and the line and column it names.</summary>
    public static async Task<(string Message, int Line, int Column)> RunToFailureAtAsync(this HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_FAILED", status.ToJsonString());
        var error = status["error"]!;
        return (error["message"]!.GetValue<string>(), error["metadata"]!["line"]!.GetValue<int>(), error["metadata"]!["column"]!.GetValue<int>());
    }

    /// <summary>Asks the status endpoint until the execution is terminal, as a client does; returns the last status.</summary>
    /// <remarks>
    /// Each request long-polls (<c>wait=</c>, contract section 9): the server answers when the execution ends, so a
    /// waiter sends one request, not one every 20 ms (50 waiters polling made 2,500 requests a second on a 2-core
    /// machine). At most <see cref="LongPollsPerServer"/> waits per server hold a connection at once (a server closes
    /// connections past its per-address limit, at least 64); past that, and when the server answers at once (its
    /// per-owner wait slots taken), the helper polls every 20 ms as before.
    /// </remarks>
    public static async Task<JsonNode> WaitAsync(this HttpClient client, string id, CancellationToken ct = default, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? HangGuard);
        var slots = LongPolls.GetOrAdd(client.BaseAddress?.ToString() ?? "", _ => new SemaphoreSlim(LongPollsPerServer));
        while (true)
        {
            double wait = Math.Clamp((deadline - DateTime.UtcNow).TotalSeconds, 0, 30);
            bool held = wait >= 1 && slots.Wait(0, CancellationToken.None);
            HttpStatusCode status;
            JsonNode? body;
            try
            {
                string query = held ? "?wait=" + ((int)wait).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
                (status, body, _) = await client.GetJsonAsync($"/api/v1/execution/{id}/status{query}", ct).ConfigureAwait(false);
            }
            finally
            {
                if (held)
                {
                    slots.Release();
                }
            }
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"status failed: {status} {body}");
            }
            if (body!["is_execution_finished"]!.GetValue<bool>())
            {
                return body;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"execution {id} still {body["state"]}");
            }
            await Task.Delay(20, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// How long <see cref="WaitAsync"/> and <see cref="WaitForStateAsync"/> wait by default: a guard against a hang, never a
    /// verdict on speed. It was 120 s, which a server process's first execution passed at load 70 (its engine worker's
    /// start, UploadLimitTests' quota case, test-speed7); a test whose subject is a time passes its own bound.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    /// <summary>Long polls one server may get from <see cref="WaitAsync"/> at once.</summary>
    public const int LongPollsPerServer = 32;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> LongPolls = new(StringComparer.Ordinal);

    /// <summary>Polls until the execution reaches the given state (e.g. EXECUTING).</summary>
    public static async Task<JsonNode> WaitForStateAsync(this HttpClient client, string id, string state, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + HangGuard;
        while (true)
        {
            var (_, body, _) = await client.GetJsonAsync($"/api/v1/execution/{id}/status", ct).ConfigureAwait(false);
            if (body!["state"]!.GetValue<string>() == state)
            {
                return body;
            }
            if (body["is_execution_finished"]!.GetValue<bool>() || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"execution {id} reached {body["state"]} instead of {state}: {body}");
            }
            await Task.Delay(10, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Runs SQL to completion and returns the first results page.</summary>
    public static async Task<JsonNode> RunAsync(this HttpClient client, string sql, string query = "", CancellationToken ct = default)
    {
        string id = await client.SubmitAsync(sql, ct).ConfigureAwait(false);
        var status = await client.WaitAsync(id, ct).ConfigureAwait(false);
        if (status["state"]!.GetValue<string>() != "QUERY_STATE_COMPLETED")
        {
            throw new InvalidOperationException($"query did not complete: {status}");
        }
        var (code, body, _) = await client.GetJsonAsync($"/api/v1/execution/{id}/results{query}", ct).ConfigureAwait(false);
        if (code != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"results failed: {code} {body}");
        }
        return body!;
    }
}

public static class ApiExtras
{
    public static async Task<JsonNode> GetFromJsonNodeAsync(this HttpClient client, string path, CancellationToken ct = default)
    {
        var (code, body, _) = await client.GetJsonAsync(path, ct).ConfigureAwait(false);
        if (code != HttpStatusCode.OK || body is null)
        {
            throw new InvalidOperationException($"GET {path}: {code} {body}");
        }
        return body;
    }
}
