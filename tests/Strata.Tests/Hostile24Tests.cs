using Strata.Storage.Files;
using Strata.Tests.Infrastructure;

namespace Strata.Tests;

/// <summary>
/// hostile24 (docs/notes/hostile24.md): one server alone per data directory. A second server started on a directory in
/// use ran its start-up sweeps over the first's files (the stored catalog it was about to copy, its executions' spill);
/// it is now refused before it touches anything, naming the directory and the first's pid. Cluster nodes, which share
/// the directory by design, hold the lock shared.
/// </summary>
public sealed class Hostile24DataDirectoryLockTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "strata-h24-lock-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_second_exclusive_hold_is_refused_naming_the_directory_and_the_holder()
    {
        using (DataDirectoryLock.Acquire(dir, shared: false))
        {
            var e = Assert.Throws<InvalidOperationException>(() => DataDirectoryLock.Acquire(dir, shared: false));
            Assert.Contains(Path.GetFullPath(dir), e.Message, StringComparison.Ordinal);
            Assert.Contains($"pid {Environment.ProcessId}", e.Message, StringComparison.Ordinal);
            // A cluster node is refused too: the server alone would sweep what the node writes.
            var node = Assert.Throws<InvalidOperationException>(() => DataDirectoryLock.Acquire(dir, shared: true));
            Assert.Contains("in use by another Strata server", node.Message, StringComparison.Ordinal);
        }
        // Released with the hold: the next server takes it.
        using (DataDirectoryLock.Acquire(dir, shared: false))
        {
        }
    }

    [Fact]
    public void Cluster_nodes_share_the_directory_and_a_server_alone_is_refused_beside_them()
    {
        using var a = DataDirectoryLock.Acquire(dir, shared: true);
        using var b = DataDirectoryLock.Acquire(dir, shared: true);
        var e = Assert.Throws<InvalidOperationException>(() => DataDirectoryLock.Acquire(dir, shared: false));
        Assert.Contains("in use by Strata cluster nodes", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(dir), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_server_on_a_directory_in_use_is_refused_and_a_kill_releases_it()
    {
        await using var first = await StrataServer.StartAsync(dir);
        var (code, output) = await StrataServer.RunExpectingFailureAsync(new Dictionary<string, string>(), CancellationToken.None, existingDataDir: dir);
        Assert.Equal(2, code);
        Assert.Contains($"Strata cannot start: the data directory {Path.GetFullPath(dir)} is in use by another Strata server (pid {first.ProcessId})", output, StringComparison.Ordinal);
        // The refused server swept nothing: the first still answers from its catalog.
        var csv = await first.Alice.RunCsvAsync("SELECT count(*) > 0 FROM information_schema.tables");
        Assert.Equal("true", csv[^1]);
        // kill -9: the OS releases the lock, and a server starts on the directory again.
        await first.KillAsync();
        await using var second = await StrataServer.StartAsync(dir);
        Assert.False(second.HasExited);
    }

    public void Dispose() => StrataServer.TryDelete(dir);
}
