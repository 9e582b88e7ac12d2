using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Application.Executions;
using Strata.Application.Uploads;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;

namespace Strata.Server.Hosting;

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

/// <summary>Runs the result expiry use case every <see cref="StrataOptions.ExpirySweepInterval"/>, then (nodes sharing the
/// result bytes) one round of their reconciliation; a sweep the metadata database was away for is skipped, and the next
/// one does its work.</summary>
public sealed partial class ResultExpirySweeper(ExecutionService service, IResultFileObserver resultFiles, IOptions<StrataOptions> options, TimeProvider time,
    ILogger<ResultExpirySweeper> logger) : BackgroundService
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Result expiry sweep skipped: {Reason}")]
    private static partial void SweepSkipped(ILogger logger, string reason);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, time);
        try
        {
            do
            {
                try
                {
                    await service.ExpireResultsAsync(stoppingToken).ConfigureAwait(false);
                    if (resultFiles is SharedResultBytes shared)
                    {
                        await shared.ReconcileAsync(complete: false, stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (MetadataUnavailableException e)
                {
                    SweepSkipped(logger, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
