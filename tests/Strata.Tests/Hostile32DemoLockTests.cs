using Strata.Engine.DuckDb;
using Strata.Tests.Infrastructure;

namespace Strata.Tests;

/// <summary>
/// hostile32 (decision 300): a node checks, cleans and builds the demo file under the demo lock, so two nodes sharing a
/// data directory (of different builds in a rolling upgrade) never interleave one's file with the other's stamp, and the
/// temporary files of a killed build are removed at the next start (no build can be writing them while the lock is held).
/// </summary>
public sealed class Hostile32DemoLockTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("strata-h32-lock-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string[] Names() => Directory.GetFiles(directory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_killed_builds_temporary_files_are_removed_at_the_next_start()
    {
        string path = DemoDatabase.PathIn(directory);
        Assert.True(DemoData.EnsureFile(path, 0.001));
        // What a build killed before its renames leaves (the names DemoData.File writes: pid, then a guid).
        string[] stale =
        [
            path + ".tmp-4242-0123456789abcdef0123456789abcdef",
            path + ".tmp-4242-0123456789abcdef0123456789abcdef.wal",
            DemoData.StampPath(path) + ".tmp-4242-fedcba9876543210fedcba9876543210",
        ];
        foreach (string file in stale)
        {
            File.WriteAllText(file, "partial");
        }
        // The file is current: kept, and the stale ones are gone.
        Assert.False(DemoData.EnsureFile(path, 0.001));
        Assert.Equal(new[] { "demo.duckdb", "demo.duckdb.generator", "demo.duckdb.lock" }, Names());
        Assert.True(DemoData.IsCurrent(path));
    }

    [Fact]
    public async Task A_start_waits_for_the_node_holding_the_demo_lock_and_then_keeps_its_file()
    {
        string path = DemoDatabase.PathIn(directory);
        using var waiting = new ManualResetEventSlim();
        Task<bool> start;
        using (var otherNode = new FileStream(DemoData.LockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            // Another node holds the lock (it is building); a stale-looking temporary file is its own build's, in progress.
            string building = path + ".tmp-7-00000000000000000000000000000000";
            File.WriteAllText(building, "in progress");
            start = Task.Run(() => DemoData.EnsureFile(path, 0.001, waiting.Set));
            Assert.True(waiting.Wait(Api.HangGuard), "the start never found the lock held");
            // While the other node holds it, this one neither builds nor removes the other's file.
            Assert.False(File.Exists(path));
            Assert.True(File.Exists(building));
            File.Delete(building);
        }
        Assert.True(await start.WaitAsync(Api.HangGuard));
        Assert.True(DemoData.IsCurrent(path));
        Assert.Equal(new[] { "demo.duckdb", "demo.duckdb.generator", "demo.duckdb.lock" }, Names());
    }
}
