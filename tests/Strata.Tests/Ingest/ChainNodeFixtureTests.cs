using System.Text.Json;

namespace Strata.Tests.Ingest;

/// <summary>
/// The ingestion tests' real node and its tools: anvil starts on a free loopback port, the activity
/// generator makes every kind of transaction the ingester must handle (and the same ones for the
/// same seed), and the faulty proxy fails requests the way a rate-limited node does.
/// </summary>
public sealed class ChainNodeFixtureTests
{
    [Fact]
    public async Task Two_anvil_nodes_start_on_their_own_loopback_ports_and_die_with_dispose()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        int firstPid;
        await using (var first = await AnvilNode.StartAsync(cancellationToken: ct))
        await using (var second = await AnvilNode.StartAsync(cancellationToken: ct))
        {
            Assert.Equal("127.0.0.1", first.Url.Host);
            Assert.NotEqual(first.Url.Port, second.Url.Port);
            Assert.Equal(0, await first.Rpc.BlockNumberAsync(ct));
            firstPid = first.ProcessId;
        }
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(firstPid));
    }

    [Fact]
    public async Task Generated_blocks_hold_every_transaction_type_revert_internal_trace_and_both_transfer_shapes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var node = await AnvilNode.StartAsync(cancellationToken: ct);
        await node.Rpc.SetAutomineAsync(false, ct);
        var activity = await ChainActivity.DeployAsync(node.Rpc, cancellationToken: ct);
        await activity.MineBlocksAsync(40, cancellationToken: ct);

        long head = await node.Rpc.BlockNumberAsync(ct);
        Assert.Equal(activity.Sent.Count, await CountTransactionsAsync(node.Rpc, head, ct));
        var types = new HashSet<string>();
        var statuses = new HashSet<string>();
        var transferTopicCounts = new HashSet<int>();
        var traceTypes = new HashSet<string>();
        bool revertedInsideSuccess = false;
        const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
        for (long n = 1; n <= head; n++)
        {
            var block = (await node.Rpc.BlockAsync(n, ct))!.Value;
            foreach (var tx in block.GetProperty("transactions").EnumerateArray())
            {
                types.Add(tx.GetProperty("type").GetString()!);
            }
            foreach (var receipt in (await node.Rpc.BlockReceiptsAsync(n, ct)).EnumerateArray())
            {
                statuses.Add(receipt.GetProperty("status").GetString()!);
                foreach (var log in receipt.GetProperty("logs").EnumerateArray())
                {
                    var topics = log.GetProperty("topics");
                    if (topics.GetArrayLength() > 0 && topics[0].GetString() == TransferTopic)
                    {
                        transferTopicCounts.Add(topics.GetArrayLength());
                    }
                }
            }
            foreach (var trace in (await node.Rpc.TraceBlockAsync(n, ct)).EnumerateArray())
            {
                traceTypes.Add(trace.GetProperty("type").GetString()!);
                revertedInsideSuccess |= trace.GetProperty("traceAddress").GetArrayLength() > 0 && trace.TryGetProperty("error", out _);
            }
        }
        Assert.Equal(["0x0", "0x1", "0x2"], types.Order());
        Assert.Equal(["0x0", "0x1"], statuses.Order());
        Assert.Equal([3, 4], transferTopicCounts.Order());
        Assert.Contains("create", traceTypes);
        Assert.Contains("call", traceTypes);
        Assert.True(revertedInsideSuccess, "no internal call reverted");
        Assert.All(Enum.GetValues<TransactionKind>(), kind => Assert.Contains(activity.Sent, s => s.Kind == kind));
    }

    [Fact]
    public async Task The_same_seed_makes_the_same_chain_block_for_block()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        string[] heads = new string[2];
        for (int i = 0; i < 2; i++)
        {
            await using var node = await AnvilNode.StartAsync(cancellationToken: ct);
            await node.Rpc.SetAutomineAsync(false, ct);
            var activity = await ChainActivity.DeployAsync(node.Rpc, seed: 7, cancellationToken: ct);
            await activity.MineBlocksAsync(10, cancellationToken: ct);
            heads[i] = (await node.Rpc.BlockAsync(await node.Rpc.BlockNumberAsync(ct), ct))!.Value.GetProperty("hash").GetString()!;
        }
        Assert.Equal(heads[0], heads[1]);
    }

    [Fact]
    public async Task The_faulty_proxy_answers_429_503_and_rpc_errors_and_forwards_the_rest_unchanged()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var node = await AnvilNode.StartAsync(cancellationToken: ct);
        await node.Rpc.MineAsync(5, ct);
        await using var proxy = await FaultyRpcProxy.StartAsync(node.Url, new FaultOptions { TooManyRequests = 0.2, ServiceUnavailable = 0.1, RpcErrors = 0.2 }, ct);
        using var viaProxy = new EthRpc(proxy.Url);
        string expected = (await node.Rpc.BlockAsync(3, ct))!.Value.GetRawText();
        int ok = 0, http = 0, rpc = 0;
        for (int i = 0; i < 200; i++)
        {
            try
            {
                var batch = await viaProxy.BatchAsync([("eth_getBlockByNumber", ["0x3", true]), ("eth_blockNumber", [])], ct);
                Assert.Equal(expected, batch[0].GetRawText());
                Assert.Equal(5, EthRpc.Quantity(batch[1]));
                ok++;
            }
            catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                http++;
            }
            catch (EthRpcException)
            {
                rpc++;
            }
        }
        Assert.InRange(ok, 1, 199);
        Assert.True(http > 0 && rpc > 0, $"ok {ok}, http {http}, rpc {rpc}");
        Assert.Equal(proxy.TooManyRequestsAnswered + proxy.ServiceUnavailableAnswered, http);
        Assert.True(proxy.TooManyRequestsAnswered > 0 && proxy.ServiceUnavailableAnswered > 0);
        Assert.Equal(ok + rpc, proxy.Forwarded);
    }

    private static async Task<int> CountTransactionsAsync(EthRpc rpc, long head, CancellationToken ct)
    {
        int count = 0;
        for (long n = 1; n <= head; n++)
        {
            count += (await rpc.BlockAsync(n, ct))!.Value.GetProperty("transactions").GetArrayLength();
        }
        return count;
    }
}
