using System.Text;
using System.Text.Json;
using Strata.Application.Ingest;
using Strata.Node.JsonRpc;

namespace Strata.Tests.Ingest;

/// <summary>The JSON-RPC adapter against a scripted HTTP handler: batches, retries, rate limits, capability probes.</summary>
public sealed class JsonRpcNodeTests
{
    /// <summary>Answers each JSON-RPC call through <see cref="Answer"/> (result JSON, or null for an error object), or a whole response through <see cref="Fault"/>.</summary>
    private sealed class ScriptedNode : HttpMessageHandler
    {
        public int Requests;
        public List<int> CallsPerRequest { get; } = [];
        public Func<int, HttpResponseMessage?> Fault { get; init; } = _ => null;
        public Func<string, JsonElement, string?> Answer { get; init; } = (_, _) => "null";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            int n = Interlocked.Increment(ref Requests);
            if (Fault(n) is { } fault)
            {
                return fault;
            }
            using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            lock (CallsPerRequest)
            {
                CallsPerRequest.Add(body.RootElement.GetArrayLength());
            }
            // Answers in reverse order: the client matches them by id.
            var answers = body.RootElement.EnumerateArray().Reverse().Select(call =>
            {
                string id = call.GetProperty("id").GetRawText();
                string? result = Answer(call.GetProperty("method").GetString()!, call.GetProperty("params"));
                return result is null
                    ? $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":-32601,\"message\":\"the method does not exist/is not available\"}}}}"
                    : result.StartsWith("ERROR:", StringComparison.Ordinal)
                        ? $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{result[6..]}}}"
                        : $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{result}}}";
            });
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("[" + string.Join(",", answers) + "]", Encoding.UTF8, "application/json") };
        }
    }

    private static JsonRpcNode Node(ScriptedNode handler, int maxAttempts = 5) =>
        new(new RpcSettings(new Uri("http://node.invalid/")) { FirstBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(20), MaxAttempts = maxAttempts, MaxBatchCalls = 4 },
            handler: handler);

    private static string BlockJson(JsonElement parameters)
    {
        string number = parameters[0].GetString()!;
        return $"{{\"number\":\"{number}\",\"hash\":\"0x01\",\"parentHash\":\"0x00\",\"timestamp\":\"0x1\",\"gasLimit\":\"0x1\",\"gasUsed\":\"0x0\",\"transactions\":[]}}";
    }

    [Fact]
    public async Task Calls_go_out_as_batches_of_the_set_size_and_answers_come_back_in_call_order()
    {
        var handler = new ScriptedNode { Answer = (_, p) => BlockJson(p) };
        using var node = Node(handler);
        var blocks = await node.BlocksAsync([.. Enumerable.Range(100, 10).Select(i => (long)i)], CancellationToken.None);
        Assert.Equal(Enumerable.Range(100, 10).Select(i => Hex.Quantity(i)), blocks.Select(b => b!.Number));
        Assert.Equal([2, 4, 4], handler.CallsPerRequest.Order());
    }

    [Fact]
    public async Task HTTP_429s_and_rate_limit_errors_slow_the_client_down_and_it_still_gets_its_answer()
    {
        int limited = 0;
        var handler = new ScriptedNode
        {
            Fault = n => n <= 3 ? new HttpResponseMessage(HttpStatusCode.TooManyRequests) : null,
            Answer = (_, p) => Interlocked.Increment(ref limited) <= 2 ? "ERROR:{\"code\":-32005,\"message\":\"rate limit exceeded\"}" : BlockJson(p),
        };
        // Two attempts only: rate limits must not use them up.
        using var node = Node(handler, maxAttempts: 2);
        var blocks = await node.BlocksAsync([7], CancellationToken.None);
        Assert.Equal("0x7", blocks[0]!.Number);
        Assert.Equal(5, node.RateLimited);
        Assert.Equal(0, node.Retried);
        Assert.True(double.IsFinite(node.Pacer.Rate), "after a rate limit the client paces its calls");
    }

    [Fact]
    public async Task Failed_requests_are_retried_with_backoff_and_an_endless_failure_gives_up_naming_the_method()
    {
        int answered = 0;
        var flaky = new ScriptedNode
        {
            Fault = n => n == 1 ? new HttpResponseMessage(HttpStatusCode.BadGateway) : null,
            Answer = (_, p) => Interlocked.Increment(ref answered) == 1 ? "ERROR:{\"code\":-32000,\"message\":\"header not found\"}" : BlockJson(p),
        };
        using (var node = Node(flaky))
        {
            Assert.Equal("0x3", (await node.BlocksAsync([3], CancellationToken.None))[0]!.Number);
            Assert.Equal(2, node.Retried);
        }
        var broken = new ScriptedNode { Fault = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError) };
        using var failing = Node(broken, maxAttempts: 3);
        var error = await Assert.ThrowsAsync<ChainNodeException>(() => failing.BlocksAsync([3], CancellationToken.None));
        Assert.Contains("eth_getBlockByNumber", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, broken.Requests);
    }

    [Fact]
    public async Task The_probe_finds_which_optional_methods_the_node_answers()
    {
        var handler = new ScriptedNode
        {
            Answer = (method, _) => method switch
            {
                "eth_blockNumber" => "\"0x10\"",
                "eth_getBlockReceipts" => "[]",
                "trace_block" => null,
                _ => "[]",
            },
        };
        using var node = Node(handler);
        var capabilities = await node.ProbeAsync(CancellationToken.None);
        Assert.Equal(new NodeCapabilities(true, false, true), capabilities);
        Assert.Contains("debug_traceBlockByNumber", capabilities.ToString(), StringComparison.Ordinal);
    }
}
