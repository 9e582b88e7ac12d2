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

    private static JsonRpcNode Node(ScriptedNode handler, int maxAttempts = 5, TimeProvider? time = null) =>
        new(new RpcSettings(new Uri("http://node.invalid/")) { FirstBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(20), MaxAttempts = maxAttempts, MaxBatchCalls = 4 },
            time, handler);

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
        Assert.Equal(Enumerable.Range(100, 10).Select(i => Hex.Quantity(i)), blocks.Select(b => b!.Number.ToString()));
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
        // Two attempts only: rate limits must not use them up. The pacer's waits (2 s a call at its floor rate, 8 s in
        // all) pass on a clock that jumps to each wait's end.
        var clock = new JumpingClock();
        long start = clock.GetTimestamp();
        using var node = Node(handler, maxAttempts: 2, clock);
        var blocks = await node.BlocksAsync([7], CancellationToken.None);
        Assert.True(clock.GetElapsedTime(start) >= TimeSpan.FromSeconds(4), $"the client waited {clock.GetElapsedTime(start)} on its clock");
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

    [Fact]
    public async Task The_probe_retries_transient_failures_and_only_a_method_not_found_answer_means_unsupported()
    {
        // Requests in order: 1 eth_blockNumber; 2-4 eth_getBlockReceipts (HTTP 503, then a JSON-RPC internal error, then its answer);
        // 5-9 trace_block (connection reset, timeout, HTTP 429, "header not found" as a load-balanced node answers, then its answer);
        // 10 debug_traceBlockByNumber (method not found: the only "no").
        int receipts = 0, traces = 0;
        var handler = new ScriptedNode
        {
            Fault = n => n switch
            {
                2 => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
                5 => throw new HttpRequestException("Connection reset by peer", new IOException("Connection reset by peer")),
                6 => throw new TaskCanceledException("The request timed out", new TimeoutException()),
                7 => new HttpResponseMessage(HttpStatusCode.TooManyRequests),
                _ => null,
            },
            Answer = (method, _) => method switch
            {
                "eth_blockNumber" => "\"0x10\"",
                "eth_getBlockReceipts" => Interlocked.Increment(ref receipts) == 1 ? "ERROR:{\"code\":-32603,\"message\":\"internal error\"}" : "[]",
                "trace_block" => Interlocked.Increment(ref traces) == 1 ? "ERROR:{\"code\":-32000,\"message\":\"header not found\"}" : "[]",
                _ => null,
            },
        };
        using var node = Node(handler);
        Assert.Equal(new NodeCapabilities(true, true, false), await node.ProbeAsync(CancellationToken.None));
        Assert.Equal(10, handler.Requests);
        Assert.Equal((5L, 1L), (node.Retried, node.RateLimited));
    }

    [Fact]
    public async Task A_probe_that_keeps_failing_fails_instead_of_reporting_the_method_unsupported()
    {
        var handler = new ScriptedNode
        {
            Answer = (method, _) => method switch
            {
                "eth_blockNumber" => "\"0x10\"",
                "trace_block" => "ERROR:{\"code\":-32000,\"message\":\"header not found\"}",
                _ => "[]",
            },
        };
        using var node = Node(handler, maxAttempts: 3);
        var error = await Assert.ThrowsAsync<ChainNodeException>(() => node.ProbeAsync(CancellationToken.None));
        Assert.Contains("trace_block", error.Message, StringComparison.Ordinal);
        Assert.Contains("header not found", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + 1 + 3, handler.Requests);
    }

    [Theory]
    [InlineData(200, -32601, "the method trace_block does not exist/is not available")]
    [InlineData(200, -32004, "Method not supported")]
    [InlineData(200, -32600, "Unsupported method: trace_block on ETH_MAINNET")]
    [InlineData(200, -32000, "method trace_block is not whitelisted")]
    [InlineData(400, -32601, "Method not found")]
    [InlineData(405, -32601, "Method not found")]
    public async Task Definitive_method_not_found_answers_mean_unsupported_at_once(int status, int code, string message)
    {
        string error = $"{{\"code\":{code},\"message\":\"{message}\"}}";
        var handler = new ScriptedNode
        {
            Fault = n => n == 3 && status != 200
                ? new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{error}}}", Encoding.UTF8, "application/json") }
                : null,
            Answer = (method, _) => method switch
            {
                "eth_blockNumber" => "\"0x10\"",
                "trace_block" => "ERROR:" + error,
                _ => "[]",
            },
        };
        using var node = Node(handler);
        Assert.Equal(new NodeCapabilities(true, false, true), await node.ProbeAsync(CancellationToken.None));
        Assert.Equal(4, handler.Requests);
        Assert.Equal(0, node.Retried);
    }

    /// <summary>trace_block of a pre-merge block on a node that reports rewards (OpenEthereum, Erigon 2 on PoW blocks): one call, then the block and uncle rewards.</summary>
    private const string RewardTraces = """
        [{"action":{"callType":"call","from":"0xa1e4380a3b1f749673e270229993ee55f35663b4","gas":"0x0","input":"0x","to":"0x5df9b87991262f6ba471f09758cde1c0fc1de734","value":"0x7a69"},
          "blockHash":"0x4e3a3754410177e6937ef1f84bba68ea139e8d1a2258c5f85db9f1cd715a1bdd","blockNumber":46147,"result":{"gasUsed":"0x0","output":"0x"},
          "subtraces":0,"traceAddress":[],"transactionHash":"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060","transactionPosition":0,"type":"call"},
         {"action":{"author":"0xe6a7a1d47ff21b6321162aea7c6cb457d5476bca","rewardType":"block","value":"0x4563918244f40000"},
          "blockHash":"0x4e3a3754410177e6937ef1f84bba68ea139e8d1a2258c5f85db9f1cd715a1bdd","blockNumber":46147,"result":null,
          "subtraces":0,"traceAddress":[],"transactionHash":null,"transactionPosition":null,"type":"reward"},
         {"action":{"author":"0xc8ebccc5f5689fa8659d83713341e5ad19349448","rewardType":"uncle","value":"0x340aad21b3b70000"},
          "blockHash":"0x4e3a3754410177e6937ef1f84bba68ea139e8d1a2258c5f85db9f1cd715a1bdd","blockNumber":46147,"result":null,
          "subtraces":0,"traceAddress":[],"transactionHash":null,"transactionPosition":null,"type":"reward"}]
        """;

    [Fact]
    public async Task Block_and_uncle_reward_traces_become_reward_rows_paid_to_the_author_with_no_transaction()
    {
        var handler = new ScriptedNode { Answer = (method, p) => method == "trace_block" ? RewardTraces : BlockJson(p) };
        using var node = Node(handler);
        var traces = (await node.TraceBlocksAsync([46147], CancellationToken.None))[0];
        var block = (await node.BlocksAsync([46147], CancellationToken.None))[0]!;
        var rows = ChainRows.From([new FetchedBlock(block, [], traces)])[Strata.Core.Ingest.ChainTable.Traces];
        Assert.Equal(3, rows.Count);
        var names = Strata.Core.Ingest.ChainSchema.Columns(Strata.Core.Ingest.ChainTable.Traces).Select(c => c.Name).ToList();
        // Varbinary cells are bytes; shown as the node's lower-case hex.
        object? Cell(int row, string column) => rows[row][names.IndexOf(column)] is byte[] bytes ? "0x" + Convert.ToHexStringLower(bytes) : rows[row][names.IndexOf(column)];
        Assert.Equal(("call", "31337", "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"), (Cell(0, "type"), Cell(0, "value"), Cell(0, "tx_hash")));
        foreach (var (row, author, wei) in new[] { (1, "0xe6a7a1d47ff21b6321162aea7c6cb457d5476bca", "5000000000000000000"), (2, "0xc8ebccc5f5689fa8659d83713341e5ad19349448", "3750000000000000000") })
        {
            Assert.Equal(("reward", author, wei, true), (Cell(row, "type"), Cell(row, "to"), Cell(row, "value"), Cell(row, "success")));
            // No sender, no transaction, no call: Dune's reward rows are issuance to the block's author.
            foreach (string empty in new[] { "from", "tx_hash", "tx_index", "tx_success", "gas", "gas_used", "call_type", "input", "output", "address", "code", "error" })
            {
                Assert.Null(Cell(row, empty));
            }
            Assert.Equal((0L, 0), ((long)Cell(row, "sub_traces")!, ((long[])Cell(row, "trace_address")!).Length));
        }
    }

    [Fact]
    public async Task Reward_values_sent_as_JSON_numbers_like_bsc_erigons_are_read_exactly()
    {
        // A block reward past a long and a double's exact range, and an uncle reward, as bare JSON numbers.
        string answer = RewardTraces.Replace("\"0x4563918244f40000\"", "123456789012345678901234567890", StringComparison.Ordinal)
            .Replace("\"0x340aad21b3b70000\"", "3750000000000000000", StringComparison.Ordinal);
        Assert.DoesNotContain("0x4563918244f40000", answer, StringComparison.Ordinal);
        var handler = new ScriptedNode { Answer = (method, p) => method == "trace_block" ? answer : BlockJson(p) };
        using var node = Node(handler);
        var traces = (await node.TraceBlocksAsync([46147], CancellationToken.None))[0];
        var block = (await node.BlocksAsync([46147], CancellationToken.None))[0]!;
        var rows = ChainRows.From([new FetchedBlock(block, [], traces)])[Strata.Core.Ingest.ChainTable.Traces];
        int value = Strata.Core.Ingest.ChainSchema.Columns(Strata.Core.Ingest.ChainTable.Traces).Select(c => c.Name).ToList().IndexOf("value");
        Assert.Equal(["31337", "123456789012345678901234567890", "3750000000000000000"], rows.Select(r => (string)r[value]!));

        // A fraction or a negative number is no quantity: the answer is malformed, retried, and the call fails naming the method.
        var bad = new ScriptedNode { Answer = (method, p) => method == "trace_block" ? RewardTraces.Replace("\"0x340aad21b3b70000\"", "-5", StringComparison.Ordinal) : BlockJson(p) };
        using var badNode = Node(bad);
        var failure = await Assert.ThrowsAsync<ChainNodeException>(() => badNode.TraceBlocksAsync([46147], CancellationToken.None));
        Assert.Contains("trace_block", failure.Message, StringComparison.Ordinal);
    }
}
