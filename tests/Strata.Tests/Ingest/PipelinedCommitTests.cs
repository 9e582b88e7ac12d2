using Strata.Application.Ingest;
using Strata.Core.Ingest;
using Strata.Core.Uploads;

namespace Strata.Tests.Ingest;

/// <summary>
/// A batch is appended while the batch before it is committed (ChainIngest's two sets of parts), and commits stay one
/// at a time, in order, each whole: a failed commit leaves exactly the batches before it, and a rerun resumes with no
/// gap and no duplicate.
/// </summary>
public sealed class PipelinedCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_next_batch_is_appended_while_a_commit_is_held_and_is_committed_only_after_it()
    {
        await using var h = await IngestHarness.StartAsync();
        var node = new FakeChainNode { Head = 29 };
        var gated = new GatedParts { HoldPart = 1 };
        var run = h.Ingest(node, inner => gated.Over(inner)).RunAsync(
            new IngestRequest("devnet") { BatchBlocks = 10, RequestBlocks = 5, TakeReady = false }, new IngestProgress("devnet", TimeProvider.System), CancellationToken.None);

        // The first batch's blocks part is being written and held there: the second batch (blocks 10 to 19) is appended meanwhile.
        await gated.Holding.Task.WaitAsync(Patience);
        await gated.Appended(19).WaitAsync(Patience);
        Assert.Empty(await h.BlocksAsync("devnet"));
        Assert.Equal(1, gated.PartsStarted);

        gated.Release.SetResult();
        var status = await run.WaitAsync(Patience);
        Assert.Equal(29, status.LastCommitted);
        Assert.Equal(Enumerable.Range(0, 30).Select(n => (long)n), (await h.BlocksAsync("devnet")).Select(b => b.Number));
        Assert.Equal(3, (await h.FilesOfAsync("devnet", ChainTable.Blocks)).Count);
    }

    [Fact]
    public async Task A_commit_that_fails_while_the_next_batch_fills_leaves_the_batches_before_it_and_a_rerun_resumes_with_no_gap_and_no_duplicate()
    {
        await using var h = await IngestHarness.StartAsync();
        var node = new FakeChainNode { Head = 49 };
        var failing = new GatedParts { FailPart = 3 };
        var request = new IngestRequest("devnet") { BatchBlocks = 10, RequestBlocks = 5, TakeReady = false };
        await Assert.ThrowsAsync<IOException>(() => h.Ingest(node, inner => failing.Over(inner)).RunAsync(
            request, new IngestProgress("devnet", TimeProvider.System), CancellationToken.None).WaitAsync(Patience));
        Assert.Equal(Enumerable.Range(0, 20).Select(n => (long)n), (await h.BlocksAsync("devnet")).Select(b => b.Number));

        await h.RunAsync(node, request);
        var blocks = await h.BlocksAsync("devnet");
        Assert.Equal(Enumerable.Range(0, 50).Select(n => (long)n), blocks.Select(b => b.Number));
        for (int i = 1; i < blocks.Count; i++)
        {
            Assert.Equal(blocks[i - 1].Hash, blocks[i].Parent);
        }
        long transactions = Enumerable.Range(0, 50).Sum(n => n % 4);
        Assert.Equal($"{transactions}|{transactions}", string.Join("|", (await h.QueryAsync("SELECT count(*), count(DISTINCT hash) FROM devnet_transactions", "devnet")).Single()));
    }

    [Fact]
    public async Task A_commit_whose_part_sync_fails_lists_none_of_its_parts_leaves_none_of_their_files_and_a_rerun_resumes_with_no_gap_and_no_duplicate()
    {
        await using var h = await IngestHarness.StartAsync();
        var node = new FakeChainNode { Head = 39 };
        var failing = new GatedParts { FailSync = 3 };
        var request = new IngestRequest("devnet") { BatchBlocks = 10, RequestBlocks = 5, TakeReady = false };
        await Assert.ThrowsAsync<IOException>(() => h.Ingest(node, inner => failing.Over(inner)).RunAsync(
            request, new IngestProgress("devnet", TimeProvider.System), CancellationToken.None).WaitAsync(Patience));

        // The third commit's blocks part was written and synced, then its sync failed: the two commits before stand, and no
        // part of the third is listed or left on disk, whichever of its parts had been synced.
        Assert.Equal(Enumerable.Range(0, 20).Select(n => (long)n), (await h.BlocksAsync("devnet")).Select(b => b.Number));
        Assert.All(failing.Synced, files => Assert.Single(files));
        Assert.Equal((await h.Store.AllPartFilesAsync(CancellationToken.None)).Order(), ChainPartFiles(h));
        Assert.DoesNotContain(failing.Synced, files => files.Any(f => f.EndsWith(".tmp", StringComparison.Ordinal)));

        await h.RunAsync(node, request);
        Assert.Equal(Enumerable.Range(0, 40).Select(n => (long)n), (await h.BlocksAsync("devnet")).Select(b => b.Number));
        long transactions = Enumerable.Range(0, 40).Sum(n => n % 4);
        Assert.Equal($"{transactions}|{transactions}", string.Join("|", (await h.QueryAsync("SELECT count(*), count(DISTINCT hash) FROM devnet_transactions", "devnet")).Single()));
    }

    /// <summary>The files in the chain tables' directories, relative to the uploads root.</summary>
    private static IEnumerable<string> ChainPartFiles(IngestHarness h) =>
        Directory.EnumerateDirectories(h.Files.Root, Strata.Storage.Files.Uploads.PartFiles.ChainDirectoryPrefix + "*")
            .SelectMany(Directory.EnumerateFiles).Select(f => Path.GetRelativePath(h.Files.Root, f)).Order();

    /// <summary>Chain parts over the real ones that hold (until <see cref="Release"/>) or fail the n-th blocks part written, and tell which blocks were appended.</summary>
    private sealed class GatedParts
    {
        private readonly Lock gate = new();
        private readonly List<(long Number, TaskCompletionSource Seen)> waits = [];
        private long maxAppended = -1;
        private int partsStarted;

        public int HoldPart { get; init; }

        public int FailPart { get; init; }

        /// <summary>The sync of the n-th blocks part (1-based) syncs it, then fails.</summary>
        public int FailSync { get; init; }

        /// <summary>The files of each sync asked for, in order.</summary>
        public List<IReadOnlyList<string>> Synced { get; } = [];

        private string? failSyncFile;

        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int PartsStarted => Volatile.Read(ref partsStarted);

        public IChainParts Over(IChainParts inner) => new Parts(this, inner);

        /// <summary>Completes once a block numbered <paramref name="number"/> or more was appended to a blocks part.</summary>
        public Task Appended(long number)
        {
            lock (gate)
            {
                if (maxAppended >= number)
                {
                    return Task.CompletedTask;
                }
                var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waits.Add((number, seen));
                return seen.Task;
            }
        }

        private void Saw(IReadOnlyList<object?[]> rows)
        {
            lock (gate)
            {
                foreach (var row in rows)
                {
                    maxAppended = Math.Max(maxAppended, (long)row[1]!);
                }
                foreach (var wait in waits.Where(w => w.Number <= maxAppended).ToList())
                {
                    wait.Seen.SetResult();
                    waits.Remove(wait);
                }
            }
        }

        private sealed class Parts(GatedParts owner, IChainParts inner) : IChainParts
        {
            public IChainPartWriter Begin(IReadOnlyList<UploadColumn> columns)
            {
                var writer = inner.Begin(columns);
                return columns.SequenceEqual(ChainSchema.Columns(ChainTable.Blocks)) ? new BlocksWriter(owner, writer) : writer;
            }

            public Task<(long Number, string Hash)?> LastBlockAsync(IReadOnlyList<string> blockFiles, CancellationToken cancellationToken) =>
                inner.LastBlockAsync(blockFiles, cancellationToken);

            public async Task SyncAsync(IReadOnlyList<string> partFiles, CancellationToken cancellationToken)
            {
                string? failOn;
                lock (owner.gate)
                {
                    owner.Synced.Add([.. partFiles]);
                    failOn = owner.failSyncFile;
                }
                await inner.SyncAsync(partFiles, cancellationToken).ConfigureAwait(false);
                if (failOn is not null && partFiles.Contains(failOn))
                {
                    throw new IOException($"sync of {failOn} failed (test)");
                }
            }
        }

        private sealed class BlocksWriter(GatedParts owner, IChainPartWriter inner) : IChainPartWriter
        {
            public long Rows => inner.Rows;

            public void Append(IReadOnlyList<object?[]> rows)
            {
                inner.Append(rows);
                owner.Saw(rows);
            }

            public async Task<long> FinishAsync(string targetFile, CancellationToken cancellationToken)
            {
                int part = Interlocked.Increment(ref owner.partsStarted);
                if (part == owner.FailPart)
                {
                    inner.Clear();
                    throw new IOException($"part {part} failed (test)");
                }
                if (part == owner.FailSync)
                {
                    lock (owner.gate)
                    {
                        owner.failSyncFile = targetFile;
                    }
                }
                if (part == owner.HoldPart)
                {
                    owner.Holding.SetResult();
                    await owner.Release.Task.ConfigureAwait(false);
                }
                return await inner.FinishAsync(targetFile, cancellationToken).ConfigureAwait(false);
            }

            public void Clear() => inner.Clear();

            public void Dispose() => inner.Dispose();
        }
    }
}
