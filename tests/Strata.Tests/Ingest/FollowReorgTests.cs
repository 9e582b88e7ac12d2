using System.Text.Json;
using Strata.Application.Ingest;
using Strata.Core.Ingest;

namespace Strata.Tests.Ingest;

/// <summary>
/// Following a real anvil node's head through reorgs: anvil_reorg (same height, new blocks) and a
/// snapshot revert (a shorter chain, then a new fork). After each, the stored tables hold exactly the
/// node's chain; meanwhile every read of the blocks table sees one linked chain, never two forks.
/// </summary>
public sealed class FollowReorgTests
{
    private const string Chain = "devnet";

    [Fact]
    public async Task Following_through_anvil_reorg_and_snapshot_revert_leaves_exactly_the_new_fork_and_readers_never_see_two()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        await using var anvil = await AnvilNode.StartAsync(cancellationToken: ct);
        await anvil.Rpc.SetAutomineAsync(false, ct);
        var activity = await ChainActivity.DeployAsync(anvil.Rpc, cancellationToken: ct);
        await activity.MineBlocksAsync(20, cancellationToken: ct);
        await using var harness = await IngestHarness.StartAsync();
        using var node = IngestHarness.Node(anvil.Url);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = new IngestProgress(Chain, TimeProvider.System);
        var following = Task.Run(() => harness.Follower(node).RunAsync(
            new IngestRequest(Chain) { BatchBlocks = 7, RequestBlocks = 3 }, new FollowOptions { PollInterval = TimeSpan.FromMilliseconds(20), MaxReorgDepth = 32 }, progress, stop.Token), ct);
        var reading = Task.Run(() => ReadLinkedChainsAsync(harness, stop.Token), ct);

        await CaughtUpAsync(harness, anvil, following, ct);
        await AssertTablesMatchNodeAsync(harness, anvil, ct);

        // Same height: the last 4 blocks replaced by empty ones, then more activity on the new fork.
        await anvil.Rpc.ReorgAsync(4, ct);
        await CaughtUpAsync(harness, anvil, following, ct);
        await AssertTablesMatchNodeAsync(harness, anvil, ct);
        await activity.MineBlocksAsync(3, cancellationToken: ct);
        await CaughtUpAsync(harness, anvil, following, ct);

        // Shorter, then longer: back to a snapshot 6 blocks down, and a new fork of 8 blocks.
        string snapshot = await anvil.Rpc.SnapshotAsync(ct);
        await activity.MineBlocksAsync(6, cancellationToken: ct);
        await CaughtUpAsync(harness, anvil, following, ct);
        await anvil.Rpc.RevertAsync(snapshot, ct);
        await anvil.Rpc.MineAsync(1, ct);
        await CaughtUpAsync(harness, anvil, following, ct);
        await activity.MineBlocksAsync(8, cancellationToken: ct);
        await CaughtUpAsync(harness, anvil, following, ct);
        await AssertTablesMatchNodeAsync(harness, anvil, ct);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);
        int reads = await reading;
        Assert.True(reads > 0, "the reader never read the blocks table");
    }

    /// <summary>Waits until the stored head is the node's head (same number, same hash), or fails when the follower stopped.</summary>
    internal static async Task CaughtUpAsync(IngestHarness harness, AnvilNode anvil, Task following, CancellationToken ct)
    {
        while (true)
        {
            if (following.IsCompleted)
            {
                await following;
                Assert.Fail("the follower stopped");
            }
            long head = await anvil.Rpc.BlockNumberAsync(ct);
            string hash = (await anvil.Rpc.BlockAsync(head, ct))!.Value.GetProperty("hash").GetString()!;
            var stored = await harness.QueryAsync(Chain, ChainTable.Blocks, "SELECT max(number), '0x' || lower(hex(arg_max(hash, number))) FROM t");
            if (stored[0][0] is long tip && tip == head && (string)stored[0][1]! == hash)
            {
                return;
            }
            await Task.WhenAny(following, Task.Delay(20, ct));
        }
    }

    /// <summary>Reads the blocks table until cancelled; every read must be one chain linked by parent hashes. Returns the reads made.</summary>
    private static async Task<int> ReadLinkedChainsAsync(IngestHarness harness, CancellationToken ct)
    {
        int reads = 0;
        while (!ct.IsCancellationRequested)
        {
            var blocks = await harness.BlocksAsync(Chain);
            for (int i = 1; i < blocks.Count; i++)
            {
                Assert.Equal(blocks[i - 1].Number + 1, blocks[i].Number);
                Assert.Equal(blocks[i - 1].Hash, blocks[i].Parent);
            }
            reads++;
            try
            {
                await Task.Delay(5, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return reads;
    }

    /// <summary>Blocks, transactions, logs, traces and ERC-20 transfers as stored are the node's, row for row (by key).</summary>
    internal static async Task AssertTablesMatchNodeAsync(IngestHarness harness, AnvilNode anvil, CancellationToken ct)
    {
        const string TransferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
        long head = await anvil.Rpc.BlockNumberAsync(ct);
        var blocks = new List<string>();
        var transactions = new List<string>();
        var logs = new List<string>();
        var transfers = new List<string>();
        var traces = new List<string>();
        for (long n = 0; n <= head; n++)
        {
            var block = (await anvil.Rpc.BlockAsync(n, ct))!.Value;
            blocks.Add($"{n} {block.GetProperty("hash").GetString()}");
            foreach (var tx in block.GetProperty("transactions").EnumerateArray())
            {
                transactions.Add($"{n} {tx.GetProperty("hash").GetString()}");
            }
            foreach (var receipt in (await anvil.Rpc.BlockReceiptsAsync(n, ct)).EnumerateArray())
            {
                foreach (var log in receipt.GetProperty("logs").EnumerateArray())
                {
                    long index = EthRpc.Quantity(log.GetProperty("logIndex"));
                    logs.Add($"{n} {index}");
                    var topics = log.GetProperty("topics");
                    if (topics.GetArrayLength() == 3 && topics[0].GetString() == TransferTopic)
                    {
                        transfers.Add($"{n} {index} {EthRpc.BigQuantity(log.GetProperty("data"))}");
                    }
                }
            }
            int traceCount = (await anvil.Rpc.TraceBlockAsync(n, ct)).GetArrayLength();
            if (traceCount > 0)
            {
                traces.Add($"{n} {traceCount}");
            }
        }
        Assert.Equal(blocks, await Keys(ChainTable.Blocks, "SELECT number || ' 0x' || lower(hex(hash)) FROM t ORDER BY number"));
        Assert.Equal(transactions.Order(), (await Keys(ChainTable.Transactions, "SELECT block_number || ' 0x' || lower(hex(hash)) FROM t")).Order());
        Assert.Equal(logs.Order(), (await Keys(ChainTable.Logs, "SELECT block_number || ' ' || \"index\" FROM t")).Order());
        Assert.Equal(transfers.Order(), (await Keys(ChainTable.Erc20Transfers, "SELECT evt_block_number || ' ' || evt_index || ' ' || CAST(value AS VARCHAR) FROM t")).Order());
        Assert.Equal(traces.Order(), (await Keys(ChainTable.Traces, "SELECT block_number || ' ' || count(*) FROM t GROUP BY block_number")).Order());

        async Task<List<string>> Keys(ChainTable table, string sql) =>
            (await harness.QueryAsync(Chain, table, sql)).Select(r => (string)r[0]!).ToList();
    }
}
