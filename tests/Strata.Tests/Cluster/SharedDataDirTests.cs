using Strata.Storage.Files;
using Strata.Storage.Files.Uploads;

namespace Strata.Tests.Cluster;

/// <summary>
/// Nodes sharing one data directory: a starting node's sweep removes its own leftovers and a dead node's, never
/// the spill of a query another node is running, nor an upload file another node is writing.
/// </summary>
[Collection("Cluster")]
public sealed class SharedDataDirTests
{
    /// <summary>
    /// Two nodes in this process (the server's Program on TestServer, its engine in process: the start-up sweep and the
    /// engine's spill directories are the same code as a node process's; test-speed5 moved them off two processes). The
    /// start-up line's counts (printed to the console, which a test in a shared process cannot read) are asserted as
    /// what the sweep left: every directory the test made, one by one.
    /// </summary>
    [Fact]
    public async Task A_starting_node_leaves_a_running_nodes_spill_and_removes_a_dead_nodes_scratch()
    {
        // A fresh database of the run's PostgreSQL: this test does not stop it.
        var postgres = await PostgresServer.Shared;
        string database = await postgres.CreateDatabaseAsync();
        var settings = ClusterFixture.ClusterSettings(postgres.ConnectionString(database));
        settings["Strata__Medium__Slots"] = "1";
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-cluster-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var a = await InProcessServer.StartInAsync(dataDir, settings);
            string nodes = Path.Combine(dataDir, "tmp", NodeScratch.NodesDirectory);
            string aScratch = Assert.Single(Directory.GetDirectories(nodes));
            Assert.True(File.Exists(Path.Combine(aScratch, NodeScratch.AliveFile)));
            string running = await a.Alice.SubmitAsync(LifecycleTests.Endless);
            await a.Alice.WaitForStateAsync(running, "QUERY_STATE_EXECUTING");
            // The run's own spill directory, made when the engine takes it up (just after EXECUTING is recorded).
            string executions = Path.Combine(aScratch, "executions");
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
            while (!Directory.Exists(executions) || Directory.GetDirectories(executions).Length == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "no spill directory appeared for the running execution");
                await Task.Delay(50);
            }
            // Spill of a run in flight on A (its real one may come and go with the engine's own warm-up directories).
            string spill = Path.Combine(executions, "ffffffffffffffffffffffffffffffff");
            Directory.CreateDirectory(spill);
            File.WriteAllText(Path.Combine(spill, "spill.block"), "x");

            // A node that died long ago: its .alive was last renewed two hours back.
            string dead = Path.Combine(nodes, "dead-node");
            Directory.CreateDirectory(Path.Combine(dead, "executions", "0123456789abcdef0123456789abcdef"));
            File.WriteAllText(Path.Combine(dead, "executions", "0123456789abcdef0123456789abcdef", "spill.block"), "x");
            File.WriteAllText(Path.Combine(dead, NodeScratch.AliveFile), "");
            File.SetLastWriteTimeUtc(Path.Combine(dead, NodeScratch.AliveFile), DateTime.UtcNow - TimeSpan.FromHours(2));

            // Spill a node of a version before per-node scratch left in the shared tmp/executions long ago, and one just made.
            string legacy = Path.Combine(dataDir, "tmp", NodeScratch.LegacySpillDirectory);
            string legacyOld = Old(Path.Combine(legacy, "00000000000000000000000000000001"));
            string legacyNew = Path.Combine(legacy, "00000000000000000000000000000002");
            Directory.CreateDirectory(legacyNew);

            await using var b = await InProcessServer.StartInAsync(dataDir, settings);
            // The scratch directories of 1 stopped node went: of A's, the dead node's, B's, only A's and B's are there.
            Assert.False(Directory.Exists(dead), "the dead node's scratch directory was kept");
            Assert.Equal(2, Directory.GetDirectories(nodes).Length);
            Assert.Contains(aScratch, Directory.GetDirectories(nodes));
            // A (running) keeps a live scratch directory, so no node of the older version runs anything: 1 spill directory
            // of earlier versions went, the old one; the one just made stays.
            Assert.Equal([legacyNew], Directory.GetDirectories(legacy));
            // Before: B's start-up emptied <data>/tmp/executions, A's running spill included.
            Assert.True(File.Exists(Path.Combine(spill, "spill.block")), "the running node's spill was removed");
            Assert.NotEmpty(Directory.GetDirectories(executions));
            var status = await b.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{running}/status");
            Assert.Equal("QUERY_STATE_EXECUTING", status["state"]!.GetValue<string>());
            var (code, _, _) = await b.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", null);
            Assert.Equal(System.Net.HttpStatusCode.OK, code);
            await a.Alice.WaitForStateAsync(running, "QUERY_STATE_CANCELLED");
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
            await postgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>Makes a spill directory with a file, both last written two hours ago; returns it.</summary>
    private static string Old(string dir)
    {
        Directory.CreateDirectory(dir);
        string file = Path.Combine(dir, "spill.block");
        File.WriteAllText(file, "x");
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow - TimeSpan.FromHours(2));
        Directory.SetLastWriteTimeUtc(dir, DateTime.UtcNow - TimeSpan.FromHours(2));
        return dir;
    }

    [Fact]
    public void Spill_of_earlier_versions_in_tmp_executions_goes_only_when_no_node_of_theirs_runs_and_nobody_wrote_it_lately()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-scratch-" + Guid.NewGuid().ToString("N"));
        try
        {
            var scratch = NodeScratch.ForNode(dataDir, "node-b", TimeSpan.FromSeconds(15));
            var live = NodeScratch.ForNode(dataDir, "node-a", TimeSpan.FromSeconds(15));
            Assert.True(scratch.Touch());
            Assert.True(live.Touch());
            string legacy = Path.Combine(dataDir, "tmp", NodeScratch.LegacySpillDirectory);
            string old = Old(Path.Combine(legacy, "0123456789abcdef0123456789abcdef"));
            // A directory made long ago whose file is being written now: in use.
            string written = Old(Path.Combine(legacy, "fedcba9876543210fedcba9876543210"));
            File.SetLastWriteTimeUtc(Path.Combine(written, "spill.block"), DateTime.UtcNow);
            var now = DateTime.UtcNow;

            // "old-node" holds a live claim and keeps no scratch directory: a node of an earlier version at work, whose
            // spill is in tmp/executions. Nothing goes.
            Assert.Equal(0, scratch.SweepLegacySpill(now, ["node-a", "old-node"]));
            Assert.True(Directory.Exists(old));
            // Only current nodes run something: what nobody wrote for StaleAfter goes; the rest stays.
            Assert.Equal(1, scratch.SweepLegacySpill(now, ["node-a", "node-b"]));
            Assert.False(Directory.Exists(old));
            Assert.True(Directory.Exists(written));
            // A node whose .alive is stale counts as one without scratch (it may be an older version's).
            File.SetLastWriteTimeUtc(Path.Combine(live.Root, NodeScratch.AliveFile), now - TimeSpan.FromHours(1));
            Old(Path.Combine(legacy, "11111111111111111111111111111111"));
            Assert.Equal(0, scratch.SweepLegacySpill(now, ["node-a"]));
            // A node alone sweeps tmp/executions as its own, through its engine: nothing here.
            Assert.Equal(0, NodeScratch.Alone(dataDir).SweepLegacySpill(now, []));
            Assert.Equal(1, scratch.SweepLegacySpill(now, []));
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }

    [Fact]
    public void Upload_files_written_recently_stay_when_the_data_directory_is_shared_and_old_ones_go()
    {
        string root = Path.Combine(Path.GetTempPath(), "strata-parts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = new PartFiles(root);
            string table = Path.Combine(root, "t_1");
            Directory.CreateDirectory(table);
            string inFlight = Path.Combine(table, "p_new.parquet");
            string inFlightTemp = Path.Combine(table, "p_new2.parquet.tmp");
            string crashed = Path.Combine(table, "p_old.parquet");
            foreach (var file in new[] { inFlight, inFlightTemp, crashed })
            {
                File.WriteAllText(file, "x");
            }
            File.SetLastWriteTimeUtc(crashed, DateTime.UtcNow - TimeSpan.FromHours(1));
            var none = new HashSet<string>(StringComparer.Ordinal);

            Assert.Equal(1, files.Sweep(none, TimeSpan.FromMinutes(10)));
            Assert.True(File.Exists(inFlight));
            Assert.True(File.Exists(inFlightTemp));
            Assert.False(File.Exists(crashed));
            // A node alone: nothing else can be writing, everything unlisted goes.
            Assert.Equal(2, files.Sweep(none));
            Assert.False(Directory.Exists(table));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void A_part_one_node_drops_stays_on_disk_for_a_query_of_another_node_as_long_as_an_execution_may_run()
    {
        var cluster = new Strata.Application.Configuration.StrataOptions { Metadata = "Host=h;Database=d" };
        var grace = Strata.Server.Hosting.CompositionRoot.PartDropGrace(cluster);
        Assert.All(Enum.GetValues<Strata.Core.Executions.PerformanceTier>(), t => Assert.True(grace > cluster.TierOf(t).Timeout));
        Assert.Equal(TimeSpan.Zero, Strata.Server.Hosting.CompositionRoot.PartDropGrace(new Strata.Application.Configuration.StrataOptions()));
        string root = Path.Combine(Path.GetTempPath(), "strata-parts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = new PartFiles(root, grace);
            var b = new PartFiles(root, grace);
            string part = a.NewPart("t_1");
            File.WriteAllText(a.PathOf(part), "x");
            // Node B's query takes its snapshot: it lists the part and holds it, in B's memory only.
            b.BeginSnapshot();
            using var query = b.Hold([part]);
            // Node A compacts (or clears) the table and drops the part: it cannot see B's hold, so the grace keeps the file.
            a.Drop([part]);
            Assert.True(File.Exists(a.PathOf(part)));
            // A node starting now sweeps unlisted files with the same grace: it keeps the file too.
            var none = new HashSet<string>(StringComparer.Ordinal);
            var starting = new PartFiles(root, grace);
            Assert.Equal(0, starting.Sweep(none, grace));
            Assert.True(File.Exists(a.PathOf(part)));
            // Once the grace has passed (the drop set the file's write time), a starting node's sweep removes it.
            File.SetLastWriteTimeUtc(a.PathOf(part), DateTime.UtcNow - grace - TimeSpan.FromMinutes(1));
            Assert.Equal(1, starting.Sweep(none, grace));
            Assert.False(File.Exists(a.PathOf(part)));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
