using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Executions;
using Strata.Cluster.Postgres;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;

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
        services.AddSingleton(_ => new ClusterDatabase(PostgresMetadataStore.ParseConnectionString(connectionString)));
        services.AddSingleton<PostgresNotifications>();
        services.AddSingleton<PostgresExecutionSignals>();
        services.AddSingleton<IExecutionSignals>(sp => sp.GetRequiredService<PostgresExecutionSignals>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
            var quotas = sp.GetRequiredService<IOptions<QuotaOptions>>().Value;
            var cluster = sp.GetRequiredService<IOptions<ClusterOptions>>().Value;
            return new PostgresExecutionQueue(
                sp.GetRequiredService<ClusterDatabase>(),
                sp.GetRequiredService<PostgresNotifications>(),
                sp.GetRequiredService<IExecutionSignals>(),
                cluster.ResolveNodeId(),
                cluster.Lease,
                cluster.PollInterval,
                quotas.QueuedPerOwner,
                Enum.GetValues<PerformanceTier>().ToDictionary(t => t, t => quotas.RunningPerOwnerFor(options.TierOf(t).Slots)),
                options.QueueCapacity,
                sp.GetRequiredService<ILogger<PostgresExecutionQueue>>());
        });
        services.AddSingleton<IExecutionQueue>(sp => sp.GetRequiredService<PostgresExecutionQueue>());
        services.AddSingleton<IReuseLocks, PostgresReuseLocks>();
        services.AddHostedService<ClusterStartup>();
        return services;
    }
}

/// <summary>Starts listening for the other nodes' notifications and renewing this node's claims; stops both at shutdown.</summary>
public sealed partial class ClusterStartup(PostgresNotifications notifications, PostgresExecutionQueue queue, IExecutionSignals signals, ILogger<ClusterStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The queue and the signals subscribe when made (they are parameters here); then the listener starts.
        _ = signals;
        notifications.Start();
        queue.Start();
        Log.Node(logger, queue.Node);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await queue.DisposeAsync().ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Cluster node {Node}: queue and signals shared through PostgreSQL")]
        public static partial void Node(ILogger logger, string node);
    }
}
