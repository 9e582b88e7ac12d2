using Strata.Application;
using Strata.Application.Ingest;
using Strata.Core.Ingest;

namespace Strata.Tests.Ingest;

/// <summary>The ingest use case with an in-process node (<see cref="FakeChainNode"/>) and the real stores.</summary>
public sealed class ChainIngestTests
{
    private static string One(List<string[]> rows) => string.Join("|", rows.Single());

    [Fact]
    public async Task Blocks_are_committed_a_batch_at_a_time_and_a_second_run_resumes_after_them_with_no_gap_and_no_duplicate()
    {
        await using var h = await IngestHarness.StartAsync();
        var node = new FakeChainNode { Head = 250 };
        var status = await h.RunAsync(node, new IngestRequest("devnet") { BatchBlocks = 100, RequestBlocks = 10, TakeReady = false });
        Assert.Equal(250, status.LastCommitted);
        Assert.Equal(251, status.Blocks);
        // One part per table per commit: 3 commits.
        Assert.Equal(3, (await h.FilesOfAsync("devnet", ChainTable.Blocks)).Count);
        Assert.All(node.BatchSizes, size => Assert.True(size <= 10));
        Assert.Equal("251|251|0|250", One(await h.QueryAsync("SELECT count(*), count(DISTINCT number), min(number), max(number) FROM devnet_blocks", "devnet")));

        node.Head = 300;
        status = await h.RunAsync(node, new IngestRequest("devnet", From: 0) { BatchBlocks = 100 });
        Assert.Equal(50, status.Blocks);
        Assert.Equal("301|301|0|300", One(await h.QueryAsync("SELECT count(*), count(DISTINCT number), min(number), max(number) FROM devnet_blocks", "devnet")));
        long transactions = Enumerable.Range(0, 301).Sum(n => n % 4);
        Assert.Equal($"{transactions}|{transactions}", One(await h.QueryAsync("SELECT count(*), count(DISTINCT hash) FROM devnet_transactions", "devnet")));

        var gap = await Assert.ThrowsAsync<UseCaseException>(() => h.RunAsync(node, new IngestRequest("devnet", From: 400)));
        Assert.Equal(UseCaseError.Conflict, gap.Error);
        Assert.Contains("gap", gap.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 30)]
    [InlineData(100, 10)]
    public async Task A_commit_ends_at_its_block_bound_or_its_row_bound_whichever_comes_first(int batchBlocks, long batchRows)
    {
        // Blocks n give 1, 3, 8, 13 rows for n % 4 = 0..3 (block, transactions, traces, logs, ERC-20 transfers).
        await using var h = await IngestHarness.StartAsync(compactAfterParts: 1000);
        var node = new FakeChainNode { Head = 39 };
        var numbers = Enumerable.Range(0, 40).Select(n => (long)n).ToList();
        var receipts = await node.BlockReceiptsAsync(numbers, CancellationToken.None);
        var traces = await node.TraceBlocksAsync(numbers, CancellationToken.None);
        var rowsOf = numbers.Select(n => ChainRows.AtMost(new FetchedBlock(node.Block(n), receipts[(int)n], traces[(int)n]))).ToArray();
        Assert.Equal([1L, 3, 8, 13], rowsOf[..4]);

        var status = await h.RunAsync(node, new IngestRequest("devnet") { BatchBlocks = batchBlocks, BatchRows = batchRows, RequestBlocks = 3, TakeReady = false });
        Assert.Equal(40, status.Blocks);
        var commits = new List<(long First, long Last)>();
        foreach (string part in await h.FilesOfAsync("devnet", ChainTable.Blocks))
        {
            var range = (await h.QueryAsync($"SELECT min(number), max(number), count(*) FROM read_parquet('{part}')")).Single();
            Assert.Equal(long.Parse(range[1]) - long.Parse(range[0]) + 1, long.Parse(range[2]));
            commits.Add((long.Parse(range[0]), long.Parse(range[1])));
        }
        commits.Sort();
        Assert.Equal(0, commits[0].First);
        Assert.Equal(39, commits[^1].Last);
        bool endedByBlocks = false, endedByRows = false;
        for (int i = 0; i < commits.Count; i++)
        {
            var (first, last) = commits[i];
            long blocks = last - first + 1, rows = rowsOf[(int)first..((int)last + 1)].Sum();
            Assert.True(blocks <= batchBlocks, $"commit {first}-{last} has more than {batchBlocks} blocks");
            Assert.True(rows <= batchRows || blocks == 1, $"commit {first}-{last} has {rows} rows, more than {batchRows}, in more than one block");
            if (i + 1 < commits.Count)
            {
                Assert.Equal(last + 1, commits[i + 1].First);
                // It ended because the next block did not fit: no commit ends early.
                Assert.True(blocks == batchBlocks || rows + rowsOf[(int)last + 1] > batchRows, $"commit {first}-{last} ended with room for block {last + 1}");
                endedByBlocks |= blocks == batchBlocks;
                endedByRows |= rows + rowsOf[(int)last + 1] > batchRows;
            }
        }
        Assert.True(endedByRows);
        Assert.Equal(batchBlocks < 10, endedByBlocks);
        // A block over the row bound is a commit of its own (block 3 has 13 rows).
        Assert.Equal(batchRows < 13, commits.Contains((3, 3)));
        Assert.Equal("40|40|0|39", One(await h.QueryAsync("SELECT count(*), count(DISTINCT number), min(number), max(number) FROM devnet_blocks", "devnet")));
        long transactions = Enumerable.Range(0, 40).Sum(n => n % 4);
        Assert.Equal($"{transactions}", One(await h.QueryAsync("SELECT count(*) FROM devnet_transactions", "devnet")));
    }

    [Fact]
    public async Task Rows_carry_Dune_meanings_transfers_are_decoded_exactly_and_a_trace_under_a_reverted_call_failed()
    {
        await using var h = await IngestHarness.StartAsync();
        var node = new FakeChainNode { Head = 40 };
        await h.RunAsync(node, new IngestRequest("devnet") { BatchBlocks = 16 });

        // ERC-20 Transfers only (three topics): one per block whose n % 4 >= 2; the ERC-721 logs (four topics) stay out.
        int erc20 = Enumerable.Range(0, 41).Count(n => n % 4 >= 2);
        int erc721 = Enumerable.Range(0, 41).Count(n => n % 4 == 3);
        Assert.Equal($"{erc20}|{erc20 + erc721}", One(await h.QueryAsync(
            "SELECT (SELECT count(*) FROM devnet_erc20transfers), (SELECT count(*) FROM devnet_logs WHERE lower(hex(topic0)) = 'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef')", "devnet")));
        // Block 6's amount is 2^256 - 1, stored exactly (as digits; queries read it as uint256).
        Assert.Equal(FakeChainNode.MaxUint256.ToString(System.Globalization.CultureInfo.InvariantCulture),
            One(await h.QueryAsync("SELECT value FROM devnet_erc20transfers WHERE evt_block_number = 6", "devnet")));
        Assert.Equal($"{FakeChainNode.Amount(7)}|0x{FakeChainNode.Address(0xa1, 1)[2..]}|0x{FakeChainNode.Address(0xa2, 2)[2..]}|1|0|{FakeChainNode.Address(0xc1, 1)}",
            One(await h.QueryAsync("SELECT value, '0x' || lower(hex(\"from\")), '0x' || lower(hex(\"to\")), evt_tx_index, evt_index, '0x' || lower(hex(contract_address)) FROM devnet_erc20transfers WHERE evt_block_number = 7", "devnet")));

        // Transactions: types, the effective gas price, the priority fee over the base fee, access lists.
        Assert.Equal("DynamicFee|3000000007|2000000000|NULL|Legacy|NULL|AccessList|2", One(await h.QueryAsync("""
            SELECT a.type, a.gas_price, a.priority_fee_per_gas, CAST(b.access_list AS VARCHAR), b.type, b.max_fee_per_gas, c.type, len(c.access_list[1].storageKeys)
            FROM devnet_transactions a, devnet_transactions b, devnet_transactions c
            WHERE a.block_number = 7 AND a."index" = 0 AND b.block_number = 7 AND b."index" = 1 AND c.block_number = 7 AND c."index" = 2
            """, "devnet")));

        // Traces of block 7's third transaction: the root succeeds; the reverted call and the call under it do not.
        Assert.Equal("[]:true:call:NULL;[0]:false:call:Reverted;[0, 0]:false:staticcall:NULL", One(await h.QueryAsync("""
            SELECT string_agg(CAST(trace_address AS VARCHAR) || ':' || success || ':' || call_type || ':' || coalesce(error, 'NULL'), ';' ORDER BY trace_address)
            FROM devnet_traces WHERE block_number = 7 AND tx_index = 2
            """, "devnet")));
        Assert.Equal("1|1", One(await h.QueryAsync("SELECT count(*), count(*) FILTER (WHERE sub_traces = 1 AND tx_success) FROM devnet_traces WHERE block_number = 6 AND tx_index = 1 AND trace_address = []", "devnet")));
    }

    [Fact]
    public async Task A_node_without_block_receipts_or_trace_block_gives_the_same_rows_through_transaction_receipts_and_callTracer()
    {
        await using var h = await IngestHarness.StartAsync();
        var full = new FakeChainNode { Head = 60 };
        var lean = new FakeChainNode { Head = 60, Capabilities = new NodeCapabilities(false, false, true) };
        await h.RunAsync(full, new IngestRequest("full") { BatchBlocks = 25 });
        await h.RunAsync(lean, new IngestRequest("lean") { BatchBlocks = 25 });
        Assert.False(lean.Calls.ContainsKey("eth_getBlockReceipts"));
        Assert.False(lean.Calls.ContainsKey("trace_block"));
        Assert.True(lean.Calls["eth_getTransactionReceipt"] > 0);
        Assert.True(lean.Calls["debug_traceBlockByNumber"] > 0);
        Assert.False(full.Calls.ContainsKey("eth_getTransactionReceipt"));
        foreach (var table in ChainSchema.All)
        {
            string name = table.ToString().ToLowerInvariant();
            var counts = await h.QueryAsync($"""
                SELECT (SELECT count(*) FROM full_{name}),
                       (SELECT count(*) FROM (SELECT * FROM full_{name} EXCEPT ALL SELECT * FROM lean_{name})),
                       (SELECT count(*) FROM (SELECT * FROM lean_{name} EXCEPT ALL SELECT * FROM full_{name}))
                """, "full", "lean");
            Assert.True(long.Parse(counts[0][0], System.Globalization.CultureInfo.InvariantCulture) > 0, name);
            Assert.Equal("0|0", $"{counts[0][1]}|{counts[0][2]}");
        }
    }

    [Fact]
    public async Task Past_a_tenth_of_its_bounds_a_batch_takes_only_the_blocks_fetched_already()
    {
        var node = new FakeChainNode { Head = 59 };
        // Chunks of 10 blocks; each chunk after the first answers only when the test opens its gate.
        var gates = Enumerable.Range(0, 6).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        gates[0].SetResult();
        async Task<IReadOnlyList<FetchedBlock>> Fetch(List<long> numbers, CancellationToken ct)
        {
            await gates[numbers[0] / 10].Task.WaitAsync(ct);
            var receipts = await node.BlockReceiptsAsync(numbers, ct);
            var traces = await node.TraceBlocksAsync(numbers, ct);
            return numbers.Select((n, i) => new FetchedBlock(node.Block(n), receipts[i], traces[i])).ToList();
        }
        var ready = new IngestRequest("devnet") { BatchBlocks = 100, BatchRows = 1_000_000, RequestBlocks = 10, TakeReady = true };
        await using (var prefetch = new BlockPrefetcher(Fetch, 0, 59, 10, 100, 1_000_000, CancellationToken.None))
        {
            // A tenth of 100 blocks is waited for; then chunk 1 is not fetched yet, so the batch ends.
            var first = await ChainIngest.NextBatchAsync(prefetch, ready);
            Assert.Equal(Enumerable.Range(0, 10).Select(n => (long)n), first.Select(b => b.Number));
            var second = ChainIngest.NextBatchAsync(prefetch, ready);
            Assert.False(second.IsCompleted);
            gates[1].SetResult();
            Assert.Equal(Enumerable.Range(10, 10).Select(n => (long)n), (await second).Select(b => b.Number));
        }

        // Without TakeReady the batch waits for its bound.
        foreach (var gate in gates[1..])
        {
            gate.TrySetResult();
        }
        await using (var prefetch = new BlockPrefetcher(Fetch, 0, 59, 10, 100, 1_000_000, CancellationToken.None))
        {
            var whole = await ChainIngest.NextBatchAsync(prefetch, ready with { BatchBlocks = 50, TakeReady = false });
            Assert.Equal(Enumerable.Range(0, 50).Select(n => (long)n), whole.Select(b => b.Number));
        }
    }

    [Fact]
    public async Task Many_small_commits_are_compacted_in_the_background_keeping_every_row()
    {
        await using var h = await IngestHarness.StartAsync(compactAfterParts: 4);
        var node = new FakeChainNode { Head = 99 };
        await h.RunAsync(node, new IngestRequest("devnet") { BatchBlocks = 5 });
        // 20 commits; compaction merges whenever a table reaches 4 parts.
        Assert.InRange((await h.FilesOfAsync("devnet", ChainTable.Blocks)).Count, 1, 4);
        Assert.Equal("100|100", One(await h.QueryAsync("SELECT count(*), count(DISTINCT number) FROM devnet_blocks", "devnet")));
        Assert.Equal(Enumerable.Range(0, 100).Sum(n => n % 4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            One(await h.QueryAsync("SELECT count(*) FROM devnet_transactions", "devnet")));
    }

    [Fact]
    public async Task A_stored_block_that_is_not_the_parent_of_the_next_one_stops_ingestion_as_a_reorg()
    {
        await using var h = await IngestHarness.StartAsync();
        var node = new FakeChainNode { Head = 50 };
        await h.RunAsync(node, new IngestRequest("devnet"));
        node.ForkFrom = 45;
        node.Head = 60;
        var reorg = await Assert.ThrowsAsync<ChainReorgException>(() => h.RunAsync(node, new IngestRequest("devnet")));
        Assert.Equal(51, reorg.Number);
        Assert.Equal("51", One(await h.QueryAsync("SELECT count(*) FROM devnet_blocks", "devnet")));
    }

    [Theory]
    [InlineData("DevNet")]
    [InlineData("dev-net")]
    [InlineData("1chain")]
    [InlineData("")]
    public async Task A_chain_name_that_is_not_a_lowercase_identifier_is_refused(string chain)
    {
        await using var h = await IngestHarness.StartAsync();
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => h.RunAsync(new FakeChainNode { Head = 1 }, new IngestRequest(chain)));
        Assert.Equal(UseCaseError.Invalid, refused.Error);
    }

    [Fact]
    public void CallTracer_frames_flatten_depth_first_with_trace_addresses_and_creations()
    {
        var frames = new List<CallFrame>
        {
            new()
            {
                Type = "CALL", From = "0x01", To = "0x02", Value = "0x1", Gas = "0x10", GasUsed = "0x8", Input = "0x", Output = "0x",
                Calls =
                [
                    new CallFrame { Type = "CREATE2", From = "0x02", To = "0x03", Value = "0x0", Input = "0x6080", Output = "0x6001", GasUsed = "0x2" },
                    new CallFrame { Type = "SELFDESTRUCT", From = "0x02", To = "0x04", Value = "0x9" },
                ],
            },
        };
        var traces = CallFrames.Flatten(frames, ["0xaa"]);
        Assert.Equal(["call", "create", "suicide"], traces.Select(t => t.Type));
        Assert.Equal([2L, 0, 0], traces.Select(t => t.Subtraces));
        Assert.Equal(["", "0", "1"], traces.Select(t => string.Join(",", t.TraceAddress)));
        Assert.Equal(("0x6080", "0x03", "0x6001"), (traces[1].Action.Init, traces[1].Result!.Address, traces[1].Result!.Code));
        Assert.Equal(("0x02", "0x04", "0x9"), (traces[2].Action.Address, traces[2].Action.RefundAddress, traces[2].Action.Balance));
        Assert.All(traces, t => Assert.Equal("0xaa", t.TransactionHash));
    }
}
