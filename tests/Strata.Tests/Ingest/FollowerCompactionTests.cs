using Strata.Application.Ingest;
using Strata.Core.Ingest;
using Strata.Core.Uploads;

namespace Strata.Tests.Ingest;

/// <summary>Head lag: a follower's commits at the head do not wait for the compaction they started.</summary>
public sealed class FollowerCompactionTests
{
    /// <summary>The real loader, whose compactions wait for <see cref="Release"/> once entered.</summary>
    private sealed class HeldCompaction(ITableLoader inner) : ITableLoader
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Compactions;

        public Task<long> LoadAsync(string sourceFile, UploadFormat format, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken) =>
            inner.LoadAsync(sourceFile, format, columns, targetFile, cancellationToken);

        public Task<long> LoadByPositionAsync(string sourceFile, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken) =>
            inner.LoadByPositionAsync(sourceFile, columns, targetFile, cancellationToken);

        public Task<IReadOnlyList<UploadColumn>> InferCsvAsync(string sourceFile, int maxColumns, CancellationToken cancellationToken) =>
            inner.InferCsvAsync(sourceFile, maxColumns, cancellationToken);

        public async Task<long> CompactAsync(IReadOnlyList<string> sourceFiles, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Compactions);
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await inner.CompactAsync(sourceFiles, columns, targetFile, cancellationToken);
        }

        public Task<long> WriteResultAsync(string resultFile, IReadOnlyList<UploadColumn> columns, string targetFile, CancellationToken cancellationToken) =>
            inner.WriteResultAsync(resultFile, columns, targetFile, cancellationToken);
    }

    [Fact]
    public async Task A_follower_commits_new_heads_while_a_compaction_it_started_is_held_and_the_compaction_finishes_after()
    {
        HeldCompaction? held = null;
        await using var harness = await IngestHarness.StartAsync(compactAfterParts: 3, compactionLoader: l => held = new HeldCompaction(l));
        var node = new FakeChainNode { Head = 3 };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        var progress = new IngestProgress("devnet", TimeProvider.System);
        var following = Task.Run(() => harness.Follower(node).RunAsync(
            new IngestRequest("devnet") { BatchBlocks = 1, RequestBlocks = 1 }, new FollowOptions { PollInterval = TimeSpan.FromMilliseconds(10) }, progress, stop.Token), timeout.Token);

        // One-block commits: from the third part on a table is due, and its compaction is held.
        await held!.Entered.Task.WaitAsync(timeout.Token);
        node.Head = 9;
        await StoredUpToAsync(harness, 9, following, timeout.Token);
        Assert.False(held.Release.Task.IsCompleted);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), (await harness.QueryAsync("devnet", ChainTable.Blocks, "SELECT number FROM t ORDER BY number")).Select(r => (long)r[0]!));

        // Released: the rounds the commits asked for run, and the blocks table ends in fewer parts than blocks, each block once.
        held.Release.SetResult();
        while ((await harness.FilesOfAsync("devnet", ChainTable.Blocks)).Count >= 10)
        {
            Assert.False(following.IsCompleted, "the follower stopped");
            await Task.Delay(20, timeout.Token);
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), (await harness.QueryAsync("devnet", ChainTable.Blocks, "SELECT number FROM t ORDER BY number")).Select(r => (long)r[0]!));
    }

    private static async Task StoredUpToAsync(IngestHarness harness, long head, Task following, CancellationToken ct)
    {
        while (true)
        {
            if (following.IsCompleted)
            {
                await following;
                Assert.Fail("the follower stopped");
            }
            var stored = await harness.QueryAsync("devnet", ChainTable.Blocks, "SELECT max(number) FROM t");
            if (stored[0][0] is long tip && tip >= head)
            {
                return;
            }
            await Task.Delay(20, ct);
        }
    }
}
