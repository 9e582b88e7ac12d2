using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Strata.Tests.Infrastructure;

/// <summary>How often <see cref="FaultyRpcProxy"/> fails a request instead of forwarding it.</summary>
public sealed record FaultOptions
{
    public int Seed { get; init; } = 14;

    /// <summary>Share of HTTP requests answered 429 Too Many Requests (the node's rate limit).</summary>
    public double TooManyRequests { get; init; } = 0.15;

    /// <summary>Share of HTTP requests answered 503 (an overloaded node or a load balancer).</summary>
    public double ServiceUnavailable { get; init; } = 0.05;

    /// <summary>Share of JSON-RPC calls (each item of a batch on its own) answered with a
    /// JSON-RPC error instead of the node's result, as providers do under load.</summary>
    public double RpcErrors { get; init; } = 0.1;

    /// <summary>When set, requests number N+1, N+2 and N+3 are answered 429, 503 and a JSON-RPC error
    /// whatever the rates, so that a short run meets each fault (N past the ingester's probes).</summary>
    public int? EachFaultAfter { get; init; }

    /// <summary>The Retry-After header on 429s, in seconds; null sends none.</summary>
    public int? RetryAfterSeconds { get; init; }
}

/// <summary>
/// An HTTP proxy in front of a JSON-RPC node (in-process Kestrel on a loopback port) that fails a
/// seeded share of requests: HTTP 429, HTTP 503, and JSON-RPC errors in place of single results or
/// of items within a batch. Everything else is forwarded unchanged. Counts what it did, so a test
/// can show that faults were met.
/// </summary>
public sealed class FaultyRpcProxy : IAsyncDisposable
{
    /// <summary>JSON-RPC error codes providers answer under load: limit exceeded, internal error, server busy.</summary>
    private static readonly (int Code, string Message)[] Errors =
    [
        (-32603, "internal error"),
        (-32000, "header not found"),
    ];

    private readonly WebApplication app;
    private readonly HttpClient upstream = new() { Timeout = TimeSpan.FromMinutes(2) };
    private readonly Uri target;
    private readonly FaultOptions options;
    private readonly Random random;
    private long forwarded;
    private long tooManyRequests;
    private long serviceUnavailable;
    private long rpcErrors;
    private long requests;

    private FaultyRpcProxy(Uri target, FaultOptions options)
    {
        this.target = target;
        this.options = options;
        random = new Random(options.Seed);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(HandleAsync);
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Requests passed to the node (a batch with some items failed counts here too).</summary>
    public long Forwarded => Interlocked.Read(ref forwarded);

    public long TooManyRequestsAnswered => Interlocked.Read(ref tooManyRequests);

    public long ServiceUnavailableAnswered => Interlocked.Read(ref serviceUnavailable);

    /// <summary>JSON-RPC calls answered with an error, batch items included.</summary>
    public long RpcErrorsAnswered => Interlocked.Read(ref rpcErrors);

    public long FaultsInjected => TooManyRequestsAnswered + ServiceUnavailableAnswered + RpcErrorsAnswered;

    public static async Task<FaultyRpcProxy> StartAsync(Uri node, FaultOptions? options = null, CancellationToken cancellationToken = default)
    {
        var proxy = new FaultyRpcProxy(node, options ?? new FaultOptions());
        await proxy.app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = proxy.app.Services.GetService(typeof(Microsoft.AspNetCore.Hosting.Server.IServer)) is Microsoft.AspNetCore.Hosting.Server.IServer server
            ? server.Features.Get<IServerAddressesFeature>()?.Addresses
            : null;
        proxy.Url = new Uri(addresses?.FirstOrDefault() ?? throw new InvalidOperationException("the proxy has no address"));
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        upstream.Dispose();
    }

    private double Roll()
    {
        lock (random)
        {
            return random.NextDouble();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        long number = Interlocked.Increment(ref requests);
        long scripted = options.EachFaultAfter is int after ? number - after : 0;
        double roll = scripted switch
        {
            1 => 0,
            2 => options.TooManyRequests,
            3 => 1,
            _ => Roll(),
        };
        if (roll < options.TooManyRequests)
        {
            Interlocked.Increment(ref tooManyRequests);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (options.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await context.Response.WriteAsync("Too Many Requests", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        if (roll < options.TooManyRequests + options.ServiceUnavailable)
        {
            Interlocked.Increment(ref serviceUnavailable);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync("Service Unavailable", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        using var forward = new ByteArrayContent(body.ToArray());
        forward.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var answer = await upstream.PostAsync(target, forward, context.RequestAborted).ConfigureAwait(false);
        byte[] bytes = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted).ConfigureAwait(false);
        Interlocked.Increment(ref forwarded);
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = "application/json";
        if (answer.IsSuccessStatusCode && (options.RpcErrors > 0 || scripted == 3))
        {
            bytes = InjectRpcErrors(bytes, force: scripted == 3);
        }
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Replaces a seeded share of the answer's results (one, or items of a batch) with errors.</summary>
    private byte[] InjectRpcErrors(byte[] answer, bool force)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(answer);
        }
        catch (JsonException)
        {
            return answer;
        }
        bool changed = false;
        JsonNode Maybe(JsonNode item)
        {
            if (item is JsonObject call && call.ContainsKey("result") && (force || Roll() < options.RpcErrors))
            {
                force = false;
                changed = true;
                Interlocked.Increment(ref rpcErrors);
                var (code, message) = Errors[(int)(Roll() * Errors.Length) % Errors.Length];
                return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = call["id"]?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
            }
            return item;
        }
        JsonNode result = node switch
        {
            JsonArray batch => new JsonArray([.. batch.Select(item => Maybe(item!.DeepClone()))]),
            JsonObject single => Maybe(single),
            _ => node!,
        };
        return changed ? Encoding.UTF8.GetBytes(result.ToJsonString()) : answer;
    }
}
