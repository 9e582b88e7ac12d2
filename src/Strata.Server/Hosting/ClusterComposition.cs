using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Executions;
using Strata.Application.Views;
using Strata.Cluster.Postgres;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;
using Strata.Storage.Files;

namespace Strata.Server.Hosting;

/// <summary>
/// With the PostgreSQL store, the node shares its queue, signals and reuse locks with the other nodes
/// through the same database; these replace the embedded ones that <see cref="CompositionRoot.AddUseCases"/> registers.
/// </summary>
public static class ClusterComposition
{
    /// <summary>Registers the cluster parts when <paramref name="connectionString"/> (STRATA_METADATA) is set; otherwise nothing.</summary>
    public static IServiceCollection AddPostgresCluster(this IServiceCollection services, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The node's id, resolved once: the store (CompositionRoot.AddMetadataStore) and the queue are both made with it.
        services.AddSingleton(sp => new ClusterNode(sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ResolveNodeId()));
        services.AddSingleton(_ => new ClusterDatabase(PostgresMetadataStore.ParseConnectionString(connectionString)));
        services.AddSingleton<PostgresNotifications>();
        services.AddSingleton<PostgresExecutionSignals>();
        services.AddSingleton<IExecutionSignals>(sp => sp.GetRequiredService<PostgresExecutionSignals>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
            var quotas = sp.GetRequiredService<IOptions<QuotaOptions>>().Value;
            var cluster = sp.GetRequiredService<IOptions<ClusterOptions>>().Value;
            string node = sp.GetRequiredService<ClusterNode>().Id;
            return new PostgresExecutionQueue(
                sp.GetRequiredService<ClusterDatabase>(),
                sp.GetRequiredService<PostgresNotifications>(),
                sp.GetRequiredService<IExecutionSignals>(),
                node,
                cluster.Lease,
                cluster.EffectiveNodeTimeout,
                cluster.PollInterval,
                quotas.QueuedPerOwner,
                Enum.GetValues<PerformanceTier>().ToDictionary(t => t, t => quotas.RunningPerOwnerFor(options.TierOf(t).Slots)),
                options.QueueCapacity,
                sp.GetRequiredService<ILogger<PostgresExecutionQueue>>());
        });
        services.AddSingleton<IExecutionQueue>(sp => sp.GetRequiredService<PostgresExecutionQueue>());
        // The data directory is shared: this node's scratch is its own directory, kept alive while it runs.
        services.AddSingleton(sp => NodeScratch.ForNode(
            sp.GetRequiredService<IOptions<StrataOptions>>().Value.DataDir,
            sp.GetRequiredService<PostgresExecutionQueue>().Node,
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.Lease));
        services.AddSingleton<IReuseLocks, PostgresReuseLocks>();
        // One node runs (and resumes) a given pipeline: the one holding its claim. Unheld ones are looked for every lease.
        services.AddSingleton<IPipelineClaims>(sp => new PostgresPipelineClaims(
            sp.GetRequiredService<ClusterDatabase>(),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.Lease,
            sp.GetRequiredService<ILogger<PostgresPipelineClaims>>()));
        services.AddHostedService<ClusterStartup>();
        return services;
    }
}

/// <summary>
/// Starts listening for the other nodes' notifications, renewing this node's claims and keeping its scratch directory
/// alive (so that a starting node does not take it for a dead node's); stops them at shutdown.
/// </summary>
public sealed partial class ClusterStartup(PostgresNotifications notifications, PostgresExecutionQueue queue, IExecutionSignals signals,
    NodeScratch scratch, IOptions<ClusterOptions> cluster, ILogger<ClusterStartup> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? keepAlive;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The queue and the signals subscribe when made (they are parameters here); then the listener starts.
        _ = signals;
        notifications.Start();
        queue.Start();
        keepAlive = KeepScratchAliveAsync(stopping.Token);
        Log.Node(logger, queue.Node);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (keepAlive is not null)
        {
            await keepAlive.ConfigureAwait(false);
        }
        await queue.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose() => stopping.Dispose();

    private async Task KeepScratchAliveAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(cluster.Value.Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                scratch.Touch();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Cluster node {Node}: queue and signals shared through PostgreSQL")]
        public static partial void Node(ILogger logger, string node);
    }
}
