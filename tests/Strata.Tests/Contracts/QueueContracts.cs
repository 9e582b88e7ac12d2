using Microsoft.Extensions.Logging.Abstractions;
using Strata.Application.Executions;
using Strata.Cluster.Postgres;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;

namespace Strata.Tests.Contracts;

/// <summary>A node alone: the fair queue in memory next to the SQLite store.</summary>
public sealed class FairQueueContract : QueueContract
{
    private readonly SqliteStoreFactory factory = new();

    protected override async Task<(IExecutionStore Store, IExecutionQueue Queue)> CreateAsync(int queuedPerOwner, int runningPerOwner, int capacityPerTier)
    {
        var stores = await factory.CreateAsync();
        var queue = new FairQueue(queuedPerOwner, Enum.GetValues<PerformanceTier>().ToDictionary(t => t, _ => runningPerOwner), capacityPerTier);
        return (stores.Executions, queue);
    }

    protected override Task DeleteAsync() => factory.DeleteAsync();
}

/// <summary>
/// One node of a cluster on a new database of the shared test PostgreSQL: the metadata store, the cluster's
/// connections, its notifications (listening), signals and queue, as <c>ClusterComposition</c> wires them.
/// </summary>
internal sealed class PostgresClusterFactory
{
    private PostgresServer? server;
    private string? database;

    public PostgresMetadataStore Store { get; private set; } = null!;

    public ClusterDatabase Cluster { get; private set; } = null!;

    public PostgresNotifications Notifications { get; private set; } = null!;

    public PostgresExecutionSignals Signals { get; private set; } = null!;

    public PostgresExecutionQueue? Queue { get; private set; }

    public async Task CreateAsync()
    {
        server = await PostgresServer.Shared;
        database = await server.CreateDatabaseAsync();
        string connectionString = server.ConnectionString(database);
        Store = new PostgresMetadataStore(connectionString);
        await Store.InitializeAsync(CancellationToken.None);
        Cluster = new ClusterDatabase(PostgresMetadataStore.ParseConnectionString(connectionString));
        Notifications = new PostgresNotifications(Cluster, NullLogger<PostgresNotifications>.Instance);
        Signals = new PostgresExecutionSignals(Notifications, Store, NullLogger<PostgresExecutionSignals>.Instance);
    }

    public PostgresExecutionQueue NewQueue(int queuedPerOwner, int runningPerOwner, int capacityPerTier)
    {
        Queue = new PostgresExecutionQueue(Cluster, Notifications, Signals, "node-1", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100),
            queuedPerOwner, Enum.GetValues<PerformanceTier>().ToDictionary(t => t, _ => runningPerOwner), capacityPerTier,
            NullLogger<PostgresExecutionQueue>.Instance);
        return Queue;
    }

    /// <summary>Starts listening (and the queue's heartbeat), as the node's start-up does, once every part has subscribed.</summary>
    public async Task StartAsync()
    {
        Notifications.Start();
        Queue?.Start();
        await Notifications.Listening.WaitAsync(Api.HangGuard);
    }

    public async Task DeleteAsync()
    {
        if (Queue is not null)
        {
            await Queue.DisposeAsync();
        }
        if (Notifications is not null)
        {
            await Notifications.DisposeAsync();
        }
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }
        if (server is not null && database is not null)
        {
            await server.DropDatabaseAsync(database);
        }
    }
}

public sealed class PostgresQueueContract : QueueContract
{
    private readonly PostgresClusterFactory factory = new();

    protected override async Task<(IExecutionStore Store, IExecutionQueue Queue)> CreateAsync(int queuedPerOwner, int runningPerOwner, int capacityPerTier)
    {
        await factory.CreateAsync();
        var queue = factory.NewQueue(queuedPerOwner, runningPerOwner, capacityPerTier);
        await factory.StartAsync();
        return (factory.Store, queue);
    }

    protected override Task DeleteAsync() => factory.DeleteAsync();
}

public sealed class LocalSignalsContract : SignalsContract
{
    protected override Task<IExecutionSignals> CreateAsync() => Task.FromResult<IExecutionSignals>(new LocalExecutionSignals());
}

/// <summary>The signals of a cluster node, listening on a new database.</summary>
public sealed class PostgresSignalsContract : SignalsContract
{
    private readonly PostgresClusterFactory factory = new();

    protected override async Task<IExecutionSignals> CreateAsync()
    {
        await factory.CreateAsync();
        await factory.StartAsync();
        return factory.Signals;
    }

    protected override Task DeleteAsync() => factory.DeleteAsync();
}

public sealed class LocalReuseLocksContract : ReuseLocksContract
{
    protected override Task<IReuseLocks> CreateAsync() => Task.FromResult<IReuseLocks>(new LocalReuseLocks());
}

/// <summary>The advisory-lock reuse locks of a cluster node on a new database.</summary>
public sealed class PostgresReuseLocksContract : ReuseLocksContract
{
    private readonly PostgresClusterFactory factory = new();

    protected override async Task<IReuseLocks> CreateAsync()
    {
        await factory.CreateAsync();
        return new PostgresReuseLocks(factory.Cluster);
    }

    protected override Task DeleteAsync() => factory.DeleteAsync();
}
