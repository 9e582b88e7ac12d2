using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Cli;

/// <summary>
/// The few calls of the HTTP API the CLI makes. The key travels in the <c>X-Dune-API-Key</c> header only, so
/// no URL, message or exception it produces holds it.
/// </summary>
public sealed class StrataClient : IDisposable
{
    private readonly HttpClient http;

    public StrataClient(Uri baseUrl, string key)
    {
        BaseUrl = baseUrl;
        http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            BaseAddress = baseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("strata-cli", "1"));
    }

    public Uri BaseUrl { get; }

    /// <summary>Submits ad-hoc SQL; returns the execution id.</summary>
    public async Task<string> SubmitSqlAsync(string sql, string? performance, string? dialect, CancellationToken ct)
    {
        var body = new JsonObject { ["sql"] = sql, ["performance"] = performance, ["query_engine"] = dialect };
        var answer = await PostAsync("api/v1/sql/execute", body, ct).ConfigureAwait(false);
        return answer["execution_id"]!.GetValue<string>();
    }

    /// <summary>
    /// SQL with <c>{{name}}</c> parameters: ad-hoc SQL takes none, so it is saved as a private query whose
    /// parameters the server types and validates, run with the values, then archived.
    /// </summary>
    public async Task<string> SubmitWithParametersAsync(string sql, IReadOnlyDictionary<string, string> parameters, string? performance, string? dialect, CancellationToken ct)
    {
        var values = new JsonObject();
        foreach (var (name, value) in parameters)
        {
            values[name] = value;
        }
        var create = new JsonObject
        {
            ["name"] = $"strata run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}",
            ["query_sql"] = sql,
            ["is_private"] = true,
            ["query_parameters"] = values.DeepClone(),
            ["query_engine"] = dialect,
        };
        long queryId = (await PostAsync("api/v1/query", create, ct).ConfigureAwait(false))["query_id"]!.GetValue<long>();
        var execute = new JsonObject { ["query_parameters"] = values, ["performance"] = performance };
        string id = (await PostAsync($"api/v1/query/{queryId}/execute", execute, ct).ConfigureAwait(false))["execution_id"]!.GetValue<string>();
        await PostAsync($"api/v1/query/{queryId}/archive", null, ct).ConfigureAwait(false);
        return id;
    }

    /// <summary>The execution object; long-polls up to <paramref name="waitSeconds"/> for it to finish.</summary>
    public async Task<JsonObject> StatusAsync(string id, int waitSeconds, CancellationToken ct) =>
        (await GetJsonAsync($"api/v1/execution/{Uri.EscapeDataString(id)}/status?wait={waitSeconds}", ct).ConfigureAwait(false)).AsObject();

    public async Task<bool> CancelAsync(string id, CancellationToken ct) =>
        (await PostAsync($"api/v1/execution/{Uri.EscapeDataString(id)}/cancel", null, ct).ConfigureAwait(false))["success"]?.GetValue<bool>() == true;

    public async Task<JsonNode> GetJsonAsync(string pathOrUri, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, pathOrUri), ct).ConfigureAwait(false);
        return await ReadJsonAsync(response, ct).ConfigureAwait(false);
    }

    /// <summary>A GET whose body the caller streams (headers read, body not yet). Fails on an error status.</summary>
    public Task<HttpResponseMessage> GetStreamAsync(string pathOrUri, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, pathOrUri), ct);

    private async Task<JsonNode> PostAsync(string path, JsonObject? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json"),
        };
        using var response = await SendAsync(request, ct).ConfigureAwait(false);
        return await ReadJsonAsync(response, ct).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            using (request)
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException e)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"cannot reach the server at {BaseUrl}: {Reason(e)}");
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            string error = await ErrorOfAsync(response, ct).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            throw new CliFailure(ExitCodes.Refused, status == 401
                ? $"the server refused the API key (401: {error}); check STRATA_API_KEY or --key"
                : $"the server answered {status}: {error}");
        }
    }

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        try
        {
            return await JsonNode.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false)
                ?? throw new CliFailure(ExitCodes.Refused, "the server answered an empty body");
        }
        catch (JsonException)
        {
            throw new CliFailure(ExitCodes.Refused, "the server's answer is not JSON: is --url a Strata server?");
        }
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        try
        {
            if (JsonNode.Parse(text) is JsonObject o && o["error"] is JsonValue v)
            {
                return v.ToString();
            }
        }
        catch (JsonException)
        {
        }
        return text.Length > 200 ? text[..200] : text.Length > 0 ? text : response.ReasonPhrase ?? "no body";
    }

    private static string Reason(HttpRequestException e) =>
        e.InnerException is SocketException s ? s.Message : e.InnerException?.Message ?? e.Message;

    public void Dispose() => http.Dispose();
}
