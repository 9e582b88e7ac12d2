using Microsoft.Extensions.Options;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;
using Strata.Server.Configuration;

namespace Strata.Server.Executions;

/// <summary>
/// Runs recovery, then each tier's worker loops, until the host stops. Shutdown begins at
/// ApplicationStopping (SIGTERM), before the web server drains: submissions are refused from then on,
/// running executions are interrupted and handed back to the queue, and the loops end.
/// </summary>
public sealed class ExecutionWorkers(ExecutionService service, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken hostStopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(hostStopping, lifetime.ApplicationStopping);
        using var registration = lifetime.ApplicationStopping.Register(service.StopAccepting);
        var stoppingToken = stop.Token;
        await service.RecoverAsync(stoppingToken).ConfigureAwait(false);
        var loops = new List<Task>();
        foreach (var tier in Enum.GetValues<PerformanceTier>())
        {
            for (int i = 0; i < service.TierOf(tier).Slots; i++)
            {
                loops.Add(Task.Run(() => service.RunWorkerAsync(tier, stoppingToken), CancellationToken.None));
            }
        }
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Marks executions whose results passed their expiry as EXPIRED and deletes their files.</summary>
public sealed class ResultExpirySweeper(IMetadataStore store, IResultStore results, IOptions<StrataOptions> options, TimeProvider time, ILogger<ResultExpirySweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, time);
        try
        {
            await SweepLoopAsync(timer, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepLoopAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        do
        {
            var expired = await store.ExpireAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            foreach (var id in expired)
            {
                results.Delete(id);
            }
            if (expired.Count > 0)
            {
                LogMessages.Expired(logger, expired.Count);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
