using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Ingest;
using Strata.Application.Uploads;
using Strata.Core.Ingest;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Node.JsonRpc;
using Strata.Server.Configuration;
using Strata.Storage.Files.Uploads;

namespace Strata.Server.Hosting;

/// <summary>
/// Follows each chain of <see cref="IngestTargets"/> into its schema while the server runs, holding the
/// chain's lock (a <c>strata ingest</c> of the same chain waits, and so does this while one runs). A failure
/// (the node down, a reorg deeper than tolerated) is shown on the status endpoint and retried after a pause;
/// it never stops the server.
/// </summary>
public sealed partial class IngestWorkers(
    IReadOnlyList<IngestTarget> targets, IngestRegistry registry, ITableStore store, ITablePartStore tableParts, IPartFiles files, IChainParts parts, IChainHistory history,
    PartCompactor compactor, IOptions<StrataOptions> options, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    /// <summary>The pause before a failed or waiting follower tries again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly ILogger logger = loggers.CreateLogger<IngestWorkers>();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(targets.Select(t => FollowAsync(t, stoppingToken)));

    private async Task FollowAsync(IngestTarget target, CancellationToken stoppingToken)
    {
        var request = new IngestRequest(target.Chain, target.From);
        while (!stoppingToken.IsCancellationRequested)
        {
            var progress = registry.Begin(target.Chain, time);
            try
            {
                using (var held = ChainLock.TryAcquire(options.Value.DataDir, target.Chain))
                {
                    if (held is null)
                    {
                        registry.Set(target.Chain, FollowState.Waiting, $"chain {target.Chain} is being ingested by another process");
                    }
                    else
                    {
                        using var node = new JsonRpcNode(new RpcSettings(target.Rpc));
                        var ingest = new ChainIngest(node, store, tableParts, files, parts, compactor, time, loggers.CreateLogger<ChainIngest>());
                        var follower = new ChainFollower(ingest, node, tableParts, files, history, time, loggers.CreateLogger<ChainFollower>());
                        registry.Set(target.Chain, FollowState.Following);
                        await follower.RunAsync(request, new FollowOptions(), progress, stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                registry.Set(target.Chain, FollowState.Failed, IngestRegistry.FailureReason(e));
                FollowFailed(logger, e, target.Chain);
            }
            try
            {
                await Task.Delay(RetryAfter, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(1430, LogLevel.Warning, "Chain {Chain}: following stopped; retrying shortly")]
    private static partial void FollowFailed(ILogger logger, Exception exception, string chain);
}

/// <summary>Registration of the background followers.</summary>
public static class IngestSetup
{
    public static IServiceCollection AddChainFollowers(this IServiceCollection services)
    {
        var targets = IngestTargets.FromEnvironment();
        services.AddSingleton<IngestRegistry>();
        services.AddSingleton(targets);
        services.AddSingleton(sp => (IChainParts)sp.GetRequiredService<ITableLoader>());
        services.AddSingleton(sp => (IChainHistory)sp.GetRequiredService<ITableLoader>());
        if (targets.Count > 0)
        {
            services.AddHostedService<IngestWorkers>();
        }
        return services;
    }
}
