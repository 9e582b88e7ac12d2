using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Strata.Application.Ingest;

namespace Strata.Node.JsonRpc;

/// <summary>
/// An EVM node over JSON-RPC on HTTP. Calls go out as JSON-RPC batches of at most
/// <see cref="RpcSettings.MaxBatchCalls"/>, at most <see cref="RpcSettings.MaxConcurrency"/> HTTP requests at
/// once, paced by <see cref="RequestPacer"/>. A failed request (connection, timeout, HTTP 5xx, a JSON-RPC
/// error in the batch) is retried with exponential backoff; a rate limit (HTTP 429, or a JSON-RPC error saying
/// so) slows the pacer down and waits, without using up attempts. "Method not found" is not retried.
/// </summary>
public sealed class JsonRpcNode : IChainNode, IDisposable
{
    private readonly RpcSettings settings;
    private readonly HttpClient http;
    private readonly SemaphoreSlim slots;
    private readonly TimeProvider time;
    private long nextId;

    public JsonRpcNode(RpcSettings settings, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        this.settings = settings;
        this.time = time ?? TimeProvider.System;
        slots = new SemaphoreSlim(settings.MaxConcurrency);
        Pacer = new RequestPacer(settings.RequestsPerSecond, this.time);
        http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.MaxConcurrency,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        })
        {
            Timeout = settings.RequestTimeout,
        };
    }

    public RequestPacer Pacer { get; }

    /// <summary>Rate limits met so far (HTTP 429 or a JSON-RPC rate-limit error).</summary>
    public long RateLimited => Interlocked.Read(ref rateLimited);

    /// <summary>Failed requests retried so far (rate limits not counted).</summary>
    public long Retried => Interlocked.Read(ref retried);

    private long rateLimited;
    private long retried;

    public void Dispose()
    {
        http.Dispose();
        slots.Dispose();
    }

    public async Task<long> HeadAsync(CancellationToken cancellationToken)
    {
        var answers = await CallAsync([("eth_blockNumber", "[]")], static (ref Utf8JsonReader r) => NodeJsonReader.TextAt(ref r, "eth_blockNumber"), cancellationToken).ConfigureAwait(false);
        return Hex.Long(answers[0], "eth_blockNumber");
    }

    public async Task<NodeCapabilities> ProbeAsync(CancellationToken cancellationToken)
    {
        long head = await HeadAsync(cancellationToken).ConfigureAwait(false);
        string block = Quote(Hex.Quantity(head));
        return new NodeCapabilities(
            await SupportsAsync("eth_getBlockReceipts", $"[{block}]", cancellationToken).ConfigureAwait(false),
            await SupportsAsync("trace_block", $"[{block}]", cancellationToken).ConfigureAwait(false),
            await SupportsAsync("debug_traceBlockByNumber", $"[{block},{{\"tracer\":\"callTracer\"}}]", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Whether the node answers <paramref name="method"/>. Only a definitive answer that it does not have the
    /// method (<see cref="RpcCallException.MethodNotFound"/>) says no; a transient failure (timeout, reset,
    /// HTTP 5xx, 429, any other JSON-RPC error such as "header not found" on a node behind a load balancer) is
    /// retried as every call is, and when the attempts run out the probe fails instead of guessing, so traces
    /// or block receipts are never silently skipped because of a hiccup.
    /// </summary>
    private async Task<bool> SupportsAsync(string method, string parameters, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync([(method, parameters)], static (ref Utf8JsonReader r) => { r.Skip(); return true; }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChainNodeException e) when (e.InnerException is RpcCallException { MethodNotFound: true })
        {
            return false;
        }
    }

    public Task<IReadOnlyList<NodeBlock?>> BlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken) =>
        ManyAsync(numbers.Select(n => ("eth_getBlockByNumber", $"[{Quote(Hex.Quantity(n))},true]")).ToList(), NodeJsonReader.Block, cancellationToken)!;

    public async Task<IReadOnlyList<IReadOnlyList<NodeReceipt>>> BlockReceiptsAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        var answers = await ManyAsync(numbers.Select(n => ("eth_getBlockReceipts", $"[{Quote(Hex.Quantity(n))}]")).ToList(),
            NodeJsonReader.Receipts, cancellationToken).ConfigureAwait(false);
        return answers.Select((r, i) => (IReadOnlyList<NodeReceipt>?)r ?? throw new ChainNodeException($"The node has no receipts for block {numbers[i]}.")).ToList();
    }

    public async Task<IReadOnlyList<NodeReceipt>> TransactionReceiptsAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        var answers = await ManyAsync(hashes.Select(h => ("eth_getTransactionReceipt", $"[{Quote(Hex.Data(h, "transaction hash"))}]")).ToList(),
            NodeJsonReader.Receipt, cancellationToken).ConfigureAwait(false);
        return answers.Select((r, i) => r ?? throw new ChainNodeException($"The node has no receipt for transaction {hashes[i]}.")).ToList();
    }

    public async Task<IReadOnlyList<IReadOnlyList<NodeTrace>>> TraceBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        var answers = await ManyAsync(numbers.Select(n => ("trace_block", $"[{Quote(Hex.Quantity(n))}]")).ToList(),
            NodeJsonReader.Traces, cancellationToken).ConfigureAwait(false);
        return answers.Select(r => (IReadOnlyList<NodeTrace>)(r ?? [])).ToList();
    }

    public async Task<IReadOnlyList<IReadOnlyList<CallFrame>>> DebugTraceBlocksAsync(IReadOnlyList<long> numbers, CancellationToken cancellationToken)
    {
        var answers = await ManyAsync(numbers.Select(n => ("debug_traceBlockByNumber", $"[{Quote(Hex.Quantity(n))},{{\"tracer\":\"callTracer\"}}]")).ToList(),
            NodeJsonReader.DebugTraces, cancellationToken).ConfigureAwait(false);
        return answers.Select((r, i) => (IReadOnlyList<CallFrame>)(r ?? []).Select(t => t
            ?? throw new ChainNodeException($"debug_traceBlockByNumber of block {numbers[i]} answered a transaction without a call frame.")).ToList()).ToList();
    }

    private static string Quote(string text) => "\"" + text + "\"";

    /// <summary>Many calls, split into batches sent concurrently; the results in the calls' order.</summary>
    private async Task<IReadOnlyList<T?>> ManyAsync<T>(List<(string Method, string Params)> calls, ValueReader<T?> info, CancellationToken cancellationToken)
    {
        if (calls.Count <= settings.MaxBatchCalls)
        {
            return await CallAsync(calls, info, cancellationToken).ConfigureAwait(false);
        }
        var batches = calls.Chunk(settings.MaxBatchCalls).Select(c => CallAsync(c.ToList(), info, cancellationToken)).ToList();
        return (await Task.WhenAll(batches).ConfigureAwait(false)).SelectMany(r => r).ToList();
    }

    /// <summary>One JSON-RPC batch, retried until it succeeds whole; results in the calls' order.</summary>
    private async Task<IReadOnlyList<T?>> CallAsync<T>(IReadOnlyList<(string Method, string Params)> calls, ValueReader<T?> info, CancellationToken cancellationToken)
    {
        var backoff = settings.FirstBackoff;
        for (int attempt = 1; ; )
        {
            Exception failure;
            TimeSpan? retryAfter = null;
            await Pacer.WaitAsync(calls.Count, cancellationToken).ConfigureAwait(false);
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            bool holding = true;
            try
            {
                long firstId = Interlocked.Add(ref nextId, calls.Count) - calls.Count;
                using var content = new StringContent(Body(calls, firstId), Encoding.UTF8, "application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint) { Content = content };
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.RequestTimeout);
                // Headers first, then the body into a pooled buffer of at most MaxResponseBytes (not HttpClient's 2 GB buffer).
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    retryAfter = response.Headers.RetryAfter?.Delta;
                    throw new RateLimitedException("HTTP 429");
                }
                if (!response.IsSuccessStatusCode)
                {
                    // Some providers answer an unknown method with HTTP 4xx and the JSON-RPC error in the body.
                    if ((int)response.StatusCode is >= 400 and < 500
                        && MethodNotFoundIn(await PooledBody.ReadAsync(response.Content, settings.MaxResponseBytes, timeout.Token).ConfigureAwait(false), calls[0].Method) is { } notFound)
                    {
                        throw notFound;
                    }
                    throw new HttpRequestException($"HTTP {(int)response.StatusCode}", null, response.StatusCode);
                }
                using var body = await PooledBody.ReadAsync(response.Content, settings.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
                // The answer is read: the next request may go out while this one is parsed, as a client that only fetches would.
                slots.Release();
                holding = false;
                var results = Read(body.Span, info, calls, firstId);
                Pacer.Succeeded();
                return results;
            }
            catch (RateLimitedException)
            {
                Interlocked.Increment(ref rateLimited);
                Pacer.Throttled();
                // Waiting for the pacer is the slow-down; the backoff keeps a node that limits every call from being hammered.
                await Task.Delay(Min(retryAfter ?? backoff, settings.MaxBackoff), time, cancellationToken).ConfigureAwait(false);
                backoff = Min(backoff * 2, settings.MaxBackoff);
                continue;
            }
            catch (RpcCallException e) when (e.MethodNotFound)
            {
                throw new ChainNodeException($"The node does not answer {e.Method}: {e.Message}", e);
            }
            catch (ResponseTooLargeException e)
            {
                // The same request would be answered the same: not retried.
                throw new ChainNodeException($"The node's answer to {calls[0].Method} was refused: {e.Message}", e);
            }
            catch (Exception e) when (e is HttpRequestException or RpcCallException or JsonException or IOException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = e;
            }
            finally
            {
                if (holding)
                {
                    slots.Release();
                }
            }
            if (attempt++ >= settings.MaxAttempts)
            {
                throw new ChainNodeException($"The node failed {settings.MaxAttempts} times on {calls[0].Method}: {Describe(failure)}", failure);
            }
            Interlocked.Increment(ref retried);
            await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            backoff = Min(backoff * 2, settings.MaxBackoff);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Describe(Exception e) => e is OperationCanceledException ? "timed out" : e.Message;

    private static string Body(IReadOnlyList<(string Method, string Params)> calls, long firstId)
    {
        var body = new StringBuilder(calls.Count * 80);
        body.Append('[');
        for (int i = 0; i < calls.Count; i++)
        {
            body.Append(i == 0 ? "" : ",").Append("{\"jsonrpc\":\"2.0\",\"id\":").Append((firstId + i).ToString(CultureInfo.InvariantCulture))
                .Append(",\"method\":\"").Append(calls[i].Method).Append("\",\"params\":").Append(calls[i].Params).Append('}');
        }
        return body.Append(']').ToString();
    }

    /// <summary>The batch's results by id; an error in any answer fails the batch (a rate limit as such).</summary>
    private static List<T?> Read<T>(ReadOnlySpan<byte> body, ValueReader<T?> info, IReadOnlyList<(string Method, string Params)> calls, long firstId)
    {
        var answers = RpcBatchReader.Answers(body, info, out bool single);
        if (single)
        {
            // A whole-batch error (some nodes and proxies answer a rate limit so).
            throw Error(answers[0].Error, calls[0].Method) ?? new JsonException("The node answered an object instead of the batch's array.");
        }
        var results = new T?[calls.Count];
        var seen = new bool[calls.Count];
        foreach (var answer in answers)
        {
            long index = answer.Id - firstId;
            if (index < 0 || index >= calls.Count || seen[index])
            {
                throw new JsonException($"The node answered an unknown id {answer.Id}.");
            }
            if (Error(answer.Error, calls[(int)index].Method) is { } error)
            {
                throw error;
            }
            seen[index] = true;
            results[index] = answer.Result;
        }
        if (seen.Any(s => !s))
        {
            throw new JsonException("The node's batch answer is missing calls.");
        }
        return results.ToList();
    }

    /// <summary>The "method not found" error a non-2xx answer's body holds (a single error object or a batch's first), else null.</summary>
    private static RpcCallException? MethodNotFoundIn(PooledBody body, string method)
    {
        using var held = body;
        try
        {
            using var document = JsonDocument.Parse(body.Memory);
            var root = document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0
                ? document.RootElement[0]
                : document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code) && code.TryGetInt64(out long number))
            {
                string message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
                var exception = new RpcCallException(method, number, message);
                return exception.MethodNotFound ? exception : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON-RPC: an HTTP error like any other.
        }
        return null;
    }

    private static Exception? Error(RpcError? error, string method)
    {
        if (error is null)
        {
            return null;
        }
        string message = error.Message ?? "";
        bool limited = error.Code is -32005 or 429 or -32029
            || message.Contains("rate limit", StringComparison.OrdinalIgnoreCase)
            || message.Contains("too many requests", StringComparison.OrdinalIgnoreCase)
            || message.Contains("exceeded", StringComparison.OrdinalIgnoreCase) && message.Contains("limit", StringComparison.OrdinalIgnoreCase);
        return limited ? new RateLimitedException($"JSON-RPC error {error.Code}") : new RpcCallException(method, error.Code, message);
    }

    private sealed class RateLimitedException(string message) : Exception(message);
}

/// <summary>A JSON-RPC error answer to a call.</summary>
public sealed class RpcCallException(string method, long code, string message) : Exception($"{method}: JSON-RPC error {code}: {message}")
{
    private static readonly string[] SaysMissing = ["not found", "does not exist", "not supported", "unsupported", "not available", "not whitelisted", "not allowed", "disabled"];

    public string Method { get; } = method;

    public long Code { get; } = code;

    /// <summary>
    /// The node definitively does not have the method, so retrying does not help: -32601 (method not found),
    /// -32004 (EIP-1474's "method not supported"), or another code whose message is about the method and says it is
    /// missing (geth's "the method X does not exist/is not available", "Unsupported method: X", "method X is not
    /// whitelisted"). Other errors ("header not found", internal errors) are transient.
    /// </summary>
    public bool MethodNotFound => Code is -32601 or -32004 || AboutTheMethod && SaysMissing.Any(p => Detail.Contains(p, StringComparison.OrdinalIgnoreCase));

    private string Detail { get; } = message;

    private bool AboutTheMethod => Detail.Contains("method", StringComparison.OrdinalIgnoreCase);
}
