using Microsoft.Extensions.Options;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;
using Strata.Metadata.Sqlite;
using Strata.Application.Configuration;
using Strata.Application.Uploads;
using Strata.Storage.Files.Results;

namespace Strata.Tests;

/// <summary>
/// The storage quota's result bytes are a running total (issue 9 leftovers): counted from disk once per
/// owner, then kept by the result store's reports of files written and deleted; no file is measured
/// per submit. In process, with the real SQLite store and result store.
/// </summary>
public sealed class StorageUsageTests : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "strata-usage-" + Guid.NewGuid().ToString("N"));
    private readonly StrataOptions settings = new();
    private SqliteMetadataStore store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        settings.DataDir = dataDir;
        store = new SqliteMetadataStore(Path.Combine(dataDir, "metadata.db"));
        await store.InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
        return Task.CompletedTask;
    }

    private StorageUsage NewUsage() => new(store, store, new ResultFileSizes(Path.Combine(dataDir, "results")), Options.Create(settings), TimeProvider.System);

    private LocalResultStore NewResults(IResultFileObserver? observer) => new(Path.Combine(dataDir, "results"), observer: observer);

    /// <summary>A completed execution of <paramref name="owner"/> with a stored result of <paramref name="rows"/> rows.</summary>
    private async Task<string> CompleteAsync(LocalResultStore results, string owner, int rows)
    {
        var now = DateTimeOffset.UtcNow;
        string id = ExecutionIds.New(now);
        await store.InsertExecutionAsync(new Execution { Id = id, Owner = owner, Sql = "select 1", State = ExecutionState.Pending, SubmittedAt = now }, null, CancellationToken.None);
        Assert.True(await store.TryStartAsync(id, now, CancellationToken.None));
        var schema = new ResultSchema([new ResultColumn("n", "bigint", ColumnKind.Int64), new ResultColumn("t", "varchar", ColumnKind.Text)]);
        using (var writer = results.CreateWriter(id, schema))
        {
            for (int i = 0; i < rows; i++)
            {
                writer.AppendInt64(0, i);
                writer.AppendText(1, new string('x', i % 50));
                writer.EndRow();
            }
            writer.Complete();
        }
        Assert.True(await store.TryFinishAsync(id, new ExecutionOutcome(ExecutionState.Completed, now, ExpiresAt: now.AddHours(1),
            Result: new ResultInfo(["n", "t"], ["bigint", "varchar"], rows, rows * 8L)), CancellationToken.None));
        return id;
    }

    private long SizeOnDisk(string id) =>
        new[] { ".arrow", ".parquet", ".arrows" }.Select(e => new FileInfo(Path.Combine(dataDir, "results", id + e))).Where(f => f.Exists).Sum(f => f.Length);

    [Fact]
    public async Task Results_stored_before_start_up_are_counted_once_and_never_measured_per_submit()
    {
        var before = NewResults(observer: null);
        var ids = new[] { await CompleteAsync(before, "alice", 10), await CompleteAsync(before, "alice", 5000), await CompleteAsync(before, "bob", 7) };
        await before.EnsureParquetAsync(ids[1], CancellationToken.None);

        var usage = NewUsage();
        var first = await usage.MeasureAsync("alice", CancellationToken.None);
        Assert.Equal(SizeOnDisk(ids[0]) + SizeOnDisk(ids[1]), first.ResultBytes);
        long measured = usage.FilesMeasured;
        Assert.Equal(2 * 3, measured);

        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(first.ResultBytes, (await usage.MeasureAsync("alice", CancellationToken.None)).ResultBytes);
        }
        Assert.Equal(measured, usage.FilesMeasured);
        // A file changed behind the counter's back is not seen: nothing is measured per submit.
        File.Delete(Path.Combine(dataDir, "results", ids[1] + ".parquet"));
        Assert.Equal(first.ResultBytes, (await usage.MeasureAsync("alice", CancellationToken.None)).ResultBytes);
        Assert.Equal(SizeOnDisk(ids[2]), (await usage.MeasureAsync("bob", CancellationToken.None)).ResultBytes);
    }

    [Fact]
    public async Task The_total_follows_results_their_copies_and_deletions()
    {
        var usage = NewUsage();
        var results = NewResults(usage);
        Assert.Equal(0, (await usage.MeasureAsync("alice", CancellationToken.None)).ResultBytes);
        Assert.Equal(0, (await usage.MeasureAsync("bob", CancellationToken.None)).ResultBytes);

        string a = await CompleteAsync(results, "alice", 3000);
        string b = await CompleteAsync(results, "alice", 20);
        string other = await CompleteAsync(results, "bob", 20);
        Assert.Equal(SizeOnDisk(a) + SizeOnDisk(b), (await usage.MeasureAsync("alice", CancellationToken.None)).ResultBytes);

        await results.EnsureParquetAsync(a, CancellationToken.None);
        await results.EnsureArrowStreamAsync(a, CancellationToken.None);
        await results.EnsureParquetAsync(a, CancellationToken.None);
        Assert.Equal(SizeOnDisk(a) + SizeOnDisk(b), (await usage.MeasureAsync("alice", CancellationToken.None)).ResultBytes);

        results.Delete(a);
        Assert.Equal(SizeOnDisk(b), (await usage.MeasureAsync("alice", CancellationToken.None)).ResultBytes);
        results.Delete(b);
        results.Delete(other);
        Assert.Equal(0, (await usage.MeasureAsync("alice", CancellationToken.None)).ResultBytes);
        Assert.Equal(0, (await usage.MeasureAsync("bob", CancellationToken.None)).ResultBytes);
        Assert.Equal(0, usage.ResultsCounted);
        Assert.Equal(0, usage.FilesMeasured);
    }

    [Fact]
    public async Task The_quota_refuses_at_the_limit_and_accepts_below_it()
    {
        var usage = NewUsage();
        var results = NewResults(usage);
        string id = await CompleteAsync(results, "alice", 2000);
        // The result's files and the execution's text (its row keeps "select 1"; hostile5).
        var used = await usage.MeasureAsync("alice", CancellationToken.None);
        Assert.InRange(used.ExecutionTextBytes, "select 1".Length, 100);
        long size = SizeOnDisk(id) + used.ExecutionTextBytes;
        Assert.Equal(size, used.Total);

        settings.StorageBytesAllowed = size + 1;
        Assert.Null(await usage.OverQuotaAsync("alice", CancellationToken.None));
        settings.StorageBytesAllowed = size;
        string? refused = await usage.OverQuotaAsync("alice", CancellationToken.None);
        Assert.NotNull(refused);
        Assert.Contains($"{size} bytes used", refused);
        Assert.Contains("Strata:StorageBytesAllowed", refused);

        // Freed by expiry (the sweep deletes the files): accepted again.
        results.Delete(id);
        settings.StorageBytesAllowed = used.ExecutionTextBytes + 1;
        Assert.Null(await usage.OverQuotaAsync("alice", CancellationToken.None));
    }
}
