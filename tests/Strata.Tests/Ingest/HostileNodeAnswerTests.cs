using System.Net;
using System.Text;
using System.Text.Json;
using Strata.Application.Ingest;
using Strata.Node.JsonRpc;

namespace Strata.Tests.Ingest;

/// <summary>
/// The JSON-RPC adapter's reader (Utf8JsonReader over a pooled, bounded buffer) against answers a hostile or broken node
/// sends: longer than the bound (declared or streamed without end), nested without end, malformed; and against legal
/// answers the reader must take exactly (unknown fields, numbers as text, deep call trees).
/// </summary>
public sealed class HostileNodeAnswerTests
{
    /// <summary>Answers every request with what <see cref="Body"/> makes of its JSON-RPC calls (their ids in order).</summary>
    private sealed class Node(Func<IReadOnlyList<long>, HttpContent> body) : HttpMessageHandler
    {
        public int Requests;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            using var calls = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var ids = calls.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = body(ids) };
        }
    }

    /// <summary>A body that never ends (no Content-Length), counting the bytes it gave.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Given;

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            Given += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static JsonRpcNode Client(Node handler, long maxResponseBytes = 1 << 20) =>
        new(new RpcSettings(new Uri("http://node.invalid/"))
        {
            FirstBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5), MaxAttempts = 3, MaxResponseBytes = maxResponseBytes,
        }, handler: handler);

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Answers(IReadOnlyList<long> ids, Func<long, string> result) =>
        "[" + string.Join(",", ids.Select(id => $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{result(id)}}}")) + "]";

    [Fact]
    public async Task An_answer_longer_than_the_bound_is_refused_at_once_naming_the_setting_whether_declared_or_streamed_without_end()
    {
        // Declared: a Content-Length past the bound is refused before its body is read, and not asked again.
        var declared = new Node(ids => Json(Answers(ids, _ => "\"" + new string('0', 5000) + "\"")));
        using (var node = Client(declared, maxResponseBytes: 4096))
        {
            var error = await Assert.ThrowsAsync<ChainNodeException>(() => node.HeadAsync(CancellationToken.None));
            Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
            Assert.Contains("eth_blockNumber", error.Message, StringComparison.Ordinal);
            Assert.Equal(1, declared.Requests);
        }

        // Streamed without end and without a length: reading stops just past the bound instead of filling memory.
        var stream = new EndlessStream();
        var endless = new Node(_ => new StreamContent(stream));
        using var client = Client(endless, maxResponseBytes: 1 << 20);
        var failure = await Assert.ThrowsAsync<ChainNodeException>(() => client.BlocksAsync([1], CancellationToken.None));
        Assert.Contains("MaxResponseBytes", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, endless.Requests);
        Assert.InRange(stream.Given, 1 << 20, 3 << 20);
    }

    [Theory]
    [InlineData("deep")]
    [InlineData("truncated")]
    [InlineData("trailing")]
    [InlineData("object for a string")]
    [InlineData("fraction quantity")]
    [InlineData("string for transactions")]
    [InlineData("unknown id")]
    public async Task A_malformed_or_endlessly_nested_answer_is_retried_then_fails_naming_the_method_and_the_fault(string fault)
    {
        string block = """{"number":"0x1","hash":"0x01","parentHash":"0x00","timestamp":"0x1","gasLimit":"0x1","gasUsed":"0x0","transactions":[]}""";
        Func<IReadOnlyList<long>, string> answer = fault switch
        {
            "deep" => ids => Answers(ids, _ => block.Replace("\"transactions\"", "\"x\":" + new string('[', 200_000) + new string(']', 200_000) + ",\"transactions\"", StringComparison.Ordinal)),
            "truncated" => ids => Answers(ids, _ => block)[..^10],
            "trailing" => ids => Answers(ids, _ => block) + "[]",
            "object for a string" => ids => Answers(ids, _ => block.Replace("\"0x01\"", "{\"a\":1}", StringComparison.Ordinal)),
            "fraction quantity" => ids => Answers(ids, _ => block.Replace("\"0x1\"", "1.5", StringComparison.Ordinal)),
            "string for transactions" => ids => Answers(ids, _ => block.Replace("[]", "\"none\"", StringComparison.Ordinal)),
            _ => ids => Answers(ids.Select(i => i + 1000).ToList(), _ => block),
        };
        string expected = fault switch
        {
            "deep" => "depth",
            "truncated" => "",
            "trailing" => "",
            "object for a string" => "hash",
            "fraction quantity" => "number",
            "string for transactions" => "transactions",
            _ => "unknown id",
        };
        var handler = new Node(ids => Json(answer(ids)));
        using var node = Client(handler);
        var error = await Assert.ThrowsAsync<ChainNodeException>(() => node.BlocksAsync([1], CancellationToken.None));
        Assert.Contains("eth_getBlockByNumber", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
        Assert.Equal(3, handler.Requests);
    }

    [Fact]
    public async Task Legal_answers_are_read_exactly_unknown_fields_skipped_integers_as_text_and_numbers_as_quantities()
    {
        string block = """
            {"number":"0x2a","hash":"0xAB","parentHash":"0x00","timestamp":"0x65","gasLimit":"0x1c9c380","gasUsed":"0x5208","logsBloom":"0x00",
             "uncles":[{"deep":[[[]]]}],"extra":{"a":[1,2,{"b":null}]},"baseFeePerGas":7,"totalDifficulty":null,
             "transactions":[{"hash":"0x11","nonce":"0x0","from":"0xf0","to":null,"value":"0xde0b6b3a7640000","gas":"0x5208","input":"0x",
               "type":"0x1","accessList":[{"address":"0xaa","storageKeys":["0x01","0x02"]}],"v":"0x1","r":"0x2","s":"0x3","chainId":"0x7a69",
               "blobVersionedHashes":["0x0100"]}]}
            """;
        string traces = """
            [{"action":{"callType":"call","from":"0xf0","to":"0xaa","value":"0x0","gas":"0x10","input":"0x"},"result":null,"error":"Reverted",
              "subtraces":"2","traceAddress":[0,"1"],"type":"call","transactionPosition":"0","blockNumber":42}]
            """;
        var handler = new Node(ids => Json(Answers(ids, id => id % 2 == 0 ? block : traces)));
        using var node = Client(handler);
        var b = (await node.BlocksAsync([42], CancellationToken.None))[0]!;
        Assert.Equal(("0x2a", "0xAB", "0x65", "0x7", null), (b.Number, b.Hash, b.Timestamp, b.BaseFeePerGas, b.TotalDifficulty));
        var t = Assert.Single(b.Transactions);
        Assert.Equal(("0x11", "0xf0", (string?)null, "0xde0b6b3a7640000", "0x1", (string?)null), (t.Hash, t.From, t.To, t.Value, t.Type, t.GasPrice));
        var entry = Assert.Single(t.AccessList!);
        Assert.Equal("0xaa", entry.Address);
        Assert.Equal(["0x01", "0x02"], entry.StorageKeys);
        Assert.Equal(["0x0100"], t.BlobVersionedHashes!);
        var trace = Assert.Single((await node.TraceBlocksAsync([43], CancellationToken.None))[0]);
        Assert.Equal((2L, 0L, "Reverted", (NodeTraceResult?)null), (trace.Subtraces, trace.TransactionPosition!.Value, trace.Error, trace.Result));
        Assert.Equal([0L, 1L], trace.TraceAddress);
        Assert.Equal(("call", "0xaa", "0x10"), (trace.Action.CallType, trace.Action.To, trace.Action.Gas));
    }

    [Fact]
    public async Task A_call_tree_hundreds_deep_is_read_whole_and_flattened_depth_first()
    {
        // 300 nested calls: past System.Text.Json's default depth of 64 that the reader before this one had.
        const int depth = 300;
        var frame = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            frame.Append($"{{\"type\":\"CALL\",\"from\":\"0x{i:x4}\",\"to\":\"0x{i + 1:x4}\",\"value\":\"0x0\",\"gas\":\"0x1\",\"gasUsed\":\"0x1\",\"input\":\"0x\",\"calls\":[");
        }
        frame.Append("{\"type\":\"STATICCALL\",\"from\":\"0xffff\",\"to\":\"0xeeee\",\"gas\":\"0x1\",\"gasUsed\":\"0x1\",\"input\":\"0x\"}");
        for (int i = 0; i < depth; i++)
        {
            frame.Append("]}");
        }
        var handler = new Node(ids => Json(Answers(ids, _ => $"[{{\"txHash\":\"0x11\",\"result\":{frame}}}]")));
        using var node = Client(handler);
        var roots = (await node.DebugTraceBlocksAsync([7], CancellationToken.None))[0];
        var flat = CallFrames.Flatten(roots, ["0x11"]);
        Assert.Equal(depth + 1, flat.Count);
        Assert.Equal(Enumerable.Range(0, depth + 1), flat.Select(t => t.TraceAddress.Count));
        Assert.Equal(("staticcall", "0xeeee"), (flat[^1].Action.CallType, flat[^1].Action.To));
    }
}
