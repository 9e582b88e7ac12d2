using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Strata.Application.Configuration;
using Strata.Application.Engine;
using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Cluster.Postgres;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Metadata.Postgres;
using Strata.Storage.Files.Results;
using Strata.Tests.Application;

namespace Strata.Tests.Cluster;

/// <summary>
/// Nodes in process on one database of the shared test PostgreSQL and one results directory, each with its own store
/// (made with its node id), queue, signals, fake engine and execution service, as ClusterComposition wires a node.
/// A stall is made by moving the rows' times in the database (the lease and the liveness row), never by waiting:
/// a live node that missed its renewals keeps its run; a live node that stopped its run without an end loses it with
/// no attempt spent, cannot record the end nor touch the new run's files; only a node gone spends an attempt.
/// </summary>
public sealed class NodeLivenessTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(90);
    private readonly string dataDir = Directory.CreateTempSubdirectory("strata-liveness-").FullName;
    private readonly List<Node> nodes = [];
    private PostgresServer server = null!;
    private string database = null!;

    public async Task InitializeAsync()
    {
        server = await PostgresServer.Shared;
        database = await server.CreateDatabaseAsync();
        await using var store = new PostgresMetadataStore(server.ConnectionString(database));
        await store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }
        await server.DropDatabaseAsync(database);
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task A_live_node_that_missed_its_renewals_keeps_its_run_and_one_that_left_it_loses_it_without_an_attempt_or_its_files()
    {
        var a = await StartNodeAsync("node-a");
        var b = await StartNodeAsync("node-b");
        string id = (await a.Service.SubmitAsync(new SubmitRequest("alice", "select 1", PerformanceTier.Medium), CancellationToken.None)).Execution.Id;
        var aFinished = a.Signals.WhenFinishedAsync(id);
        a.StartWorker();
        var aRun = await a.Engine.NextStartedAsync();
        Assert.Equal(1, (await a.Store.GetExecutionAsync(id, CancellationToken.None))!.Attempts);

        // Node A stalls: its lease on the run lapsed and it has not renewed anything since. It is alive (its liveness
        // row holds for the longer window), so node B leaves the run alone; before, B took it over as a dead node's.
        await SqlAsync("UPDATE executions SET lease_expires_at = now() - interval '5 seconds' WHERE id = $1", id);
        await SqlAsync("UPDATE cluster_nodes SET renewed_at = now() - interval '10 seconds' WHERE node = $1", a.Id);
        Assert.Null(await b.Queue.TryClaimAsync(PerformanceTier.Medium, CancellationToken.None));

        // A runs again and renews: the claim is its own again, nothing was taken over.
        await a.Queue.RenewAsync(CancellationToken.None);
        Assert.Equal(a.Id, await ScalarAsync<string>("SELECT claimed_by FROM executions WHERE id = $1", id));
        Assert.Null(await b.Queue.TryClaimAsync(PerformanceTier.Medium, CancellationToken.None));

        // Now A is alive but left the run (its liveness row renewed after the run's lease ran out, without the claim):
        // B takes it over without counting A's run, and runs it as attempt 1, not 2.
        await SqlAsync("UPDATE executions SET lease_expires_at = now() - interval '5 seconds' WHERE id = $1", id);
        await SqlAsync("UPDATE cluster_nodes SET renewed_at = now() WHERE node = $1", a.Id);
        var bFinished = b.Signals.WhenFinishedAsync(id);
        b.StartWorker();
        var bRun = await b.Engine.NextStartedAsync();
        var running = (await b.Store.GetExecutionAsync(id, CancellationToken.None))!;
        Assert.Equal((ExecutionState.Executing, 1, b.Id), (running.State, running.Attempts, await ScalarAsync<string>("SELECT claimed_by FROM executions WHERE id = $1", id)));

        // A's run ends now: its end is refused (B holds the claim) and A discards its own files only.
        aRun.Complete(rows: 5);
        await aFinished.WaitAsync(ExecutionHarness.Guard);
        Assert.Equal(ExecutionState.Executing, (await a.Store.GetExecutionAsync(id, CancellationToken.None))!.State);
        Assert.Empty(ResultFilesOf(id));

        bRun.Complete(rows: 2);
        await bFinished.WaitAsync(ExecutionHarness.Guard);
        var ended = (await a.Store.GetExecutionAsync(id, CancellationToken.None))!;
        Assert.Equal((ExecutionState.Completed, 1, 2L), (ended.State, ended.Attempts, ended.Result!.RowCount));
        // The result is B's run's file, readable through the key the row records; no other file of the execution is left.
        Assert.NotNull(ended.Result.Run);
        using (var stored = a.Results.Open(ended.ResultKey))
        {
            Assert.Equal(2, await RowsOfAsync(stored!));
        }
        Assert.Equal([ended.ResultKey + ".arrow"], ResultFilesOf(id));
        Assert.Single(a.Engine.Started);
        Assert.Single(b.Engine.Started);
    }

    [Fact]
    public async Task A_node_gone_spends_an_attempt_and_after_two_the_execution_fails_as_a_crash_suspect()
    {
        var a = await StartNodeAsync("node-a");
        var b = await StartNodeAsync("node-b");
        var c = await StartNodeAsync("node-c");
        string id = (await a.Service.SubmitAsync(new SubmitRequest("alice", "select 1", PerformanceTier.Medium), CancellationToken.None)).Execution.Id;
        a.StartWorker();
        await a.Engine.NextStartedAsync();

        // A dies: its lease and its liveness row both ran out. B takes the run over as a crash: attempt 2.
        await DieAsync(a, id);
        b.StartWorker();
        await b.Engine.NextStartedAsync();
        Assert.Equal(2, (await b.Store.GetExecutionAsync(id, CancellationToken.None))!.Attempts);

        // B dies too: C fails it as a crash suspect without running it.
        await DieAsync(b, id);
        var cFinished = c.Signals.WhenFinishedAsync(id);
        c.StartWorker();
        await cFinished.WaitAsync(ExecutionHarness.Guard);
        var ended = (await c.Store.GetExecutionAsync(id, CancellationToken.None))!;
        Assert.Equal((ExecutionState.Failed, ExecutionService.CrashSuspectedMessage), (ended.State, ended.Error!.Message));
        Assert.Empty(c.Engine.Started);
    }

    /// <summary>
    /// Tiers and slots are per node: two nodes on one queue, each with as many workers as its slots (3), and two owners
    /// with 6 pending each. Each node runs exactly its slots at once (the engine holds every run), and its claims stop at
    /// an owner's running quota per node (2): claiming more on a node then takes one more at most, never a third of an owner.
    /// </summary>
    [Fact]
    public async Task Each_node_runs_at_most_its_slots_and_claims_at_most_an_owners_running_quota_per_node()
    {
        const int slots = 3, perOwner = 2;
        var a = await StartNodeAsync("node-a", perOwner);
        var b = await StartNodeAsync("node-b", perOwner);
        foreach (string owner in new[] { "alice", "bob" })
        {
            for (int i = 0; i < 6; i++)
            {
                await a.Service.SubmitAsync(new SubmitRequest(owner, $"select {i}", PerformanceTier.Medium), CancellationToken.None);
            }
        }
        for (int i = 0; i < slots; i++)
        {
            a.StartWorker();
            b.StartWorker();
        }
        for (int i = 0; i < slots; i++)
        {
            await a.Engine.NextStartedAsync();
            await b.Engine.NextStartedAsync();
        }
        var running = await RowsAsync("""
            SELECT claimed_by, owner, count(*)::int FROM executions
            WHERE state = 'QUERY_STATE_EXECUTING' AND claimed_by IS NOT NULL AND lease_expires_at > now() GROUP BY claimed_by, owner
            """);
        foreach (var node in new[] { a, b })
        {
            Assert.Equal(slots, running.Where(r => r.Node == node.Id).Sum(r => r.Count));
            Assert.All(running.Where(r => r.Node == node.Id), r => Assert.InRange(r.Count, 1, perOwner));
            // The queue itself bounds an owner per node: claims beyond the workers' stop at 2 per owner (4 in all).
            int more = 0;
            while (await node.Queue.TryClaimAsync(PerformanceTier.Medium, CancellationToken.None) is not null)
            {
                more++;
            }
            Assert.Equal(2 * perOwner - slots, more);
            Assert.Equal(slots, node.Engine.Started.Count);
        }
        var claimed = await RowsAsync("""
            SELECT claimed_by, owner, count(*)::int FROM executions
            WHERE claimed_by IS NOT NULL AND lease_expires_at > now() GROUP BY claimed_by, owner
            """);
        Assert.Equal(4, claimed.Count);
        Assert.All(claimed, r => Assert.Equal(perOwner, r.Count));
    }

    private static async Task<long> RowsOfAsync(StoredResult result)
    {
        long rows = 0;
        await foreach (var slice in result.ReadAsync(0, long.MaxValue, CancellationToken.None))
        {
            rows += slice.Length;
        }
        return rows;
    }

    private async Task DieAsync(Node node, string id)
    {
        await node.StopWorkersWithoutHandBackAsync();
        await SqlAsync("UPDATE executions SET lease_expires_at = now() - interval '5 seconds' WHERE id = $1", id);
        await SqlAsync("UPDATE cluster_nodes SET alive_until = now() - interval '1 second' WHERE node = $1", node.Id);
    }

    private IReadOnlyList<string> ResultFilesOf(string id) =>
        Directory.EnumerateFiles(Path.Combine(dataDir, "results"), id + "*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()!;

    private async Task<Node> StartNodeAsync(string id, int runningPerOwner = 4)
    {
        string connectionString = server.ConnectionString(database);
        var options = new StrataOptions { DataDir = dataDir };
        var store = new PostgresMetadataStore(connectionString, claimingNode: id);
        var cluster = new ClusterDatabase(PostgresMetadataStore.ParseConnectionString(connectionString));
        var notifications = new PostgresNotifications(cluster, NullLogger<PostgresNotifications>.Instance);
        var signals = new LocalExecutionSignals();
        var queue = new PostgresExecutionQueue(cluster, notifications, signals, id, Lease, NodeTimeout, TimeSpan.FromMilliseconds(100),
            100, Enum.GetValues<PerformanceTier>().ToDictionary(t => t, _ => runningPerOwner), 1000, NullLogger<PostgresExecutionQueue>.Instance);
        await queue.RegisterAsync(CancellationToken.None);
        var engine = new FakeEngine();
        var results = new LocalResultStore(Path.Combine(dataDir, "results"));
        var service = new ExecutionService(store, results, new SingleEngineCatalog(engine), new FakeTableSnapshots(), new FakeStorageQuota(),
            new QueryReferences(store, new DuneQueryViewSyntax(), 1 << 20), queue, signals, Microsoft.Extensions.Options.Options.Create(options),
            new FakeTimeProvider(DateTimeOffset.UtcNow), NullLogger<ExecutionService>.Instance);
        var node = new Node(id, store, cluster, notifications, queue, signals, engine, results, service);
        nodes.Add(node);
        return node;
    }

    private async Task SqlAsync(string sql, string value)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(value);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<(string Node, string Owner, int Count)>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }
        return rows;
    }

    private sealed record Node(string Id, PostgresMetadataStore Store, ClusterDatabase Cluster, PostgresNotifications Notifications,
        PostgresExecutionQueue Queue, LocalExecutionSignals Signals, FakeEngine Engine, LocalResultStore Results, ExecutionService Service) : IAsyncDisposable
    {
        private readonly List<(CancellationTokenSource Stop, Task Loop)> workers = [];

        public void StartWorker()
        {
            var stop = new CancellationTokenSource();
            workers.Add((stop, Task.Run(() => Service.RunWorkerAsync(PerformanceTier.Medium, stop.Token))));
        }

        /// <summary>The node's workers stop as a killed process's would: no hand-back reaches the database.</summary>
        public async Task StopWorkersWithoutHandBackAsync()
        {
            await Cluster.DisposeAsync();
            await Store.DisposeAsync();
            await StopWorkersAsync();
        }

        private async Task StopWorkersAsync()
        {
            foreach (var (stop, _) in workers)
            {
                await stop.CancelAsync();
            }
            foreach (var (stop, loop) in workers)
            {
                await loop.WaitAsync(ExecutionHarness.Guard).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                stop.Dispose();
            }
            workers.Clear();
        }

        public async ValueTask DisposeAsync()
        {
            await StopWorkersAsync();
            await Queue.DisposeAsync();
            await Notifications.DisposeAsync();
            await Cluster.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}
