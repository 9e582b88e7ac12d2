using Strata.Application.Executions;
using Strata.Application.Views;

namespace Strata.Server.Hosting;

/// <summary>
/// After the executions' own recovery: resumes applying the view refreshes still in flight, then the pipelines a
/// stop interrupted (whose refresh nodes follow those applies), then runs the view scheduler (and, with other nodes, the
/// adoption of pipelines no node holds) until the host stops (then stops the waits, which the next start resumes).
/// </summary>
public sealed class ViewWorkers(ExecutionService executions, MaterializedViews views, Pipelines pipelines, ViewScheduler scheduler) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await executions.Recovered.WaitAsync(stoppingToken).ConfigureAwait(false);
            await views.RecoverAsync(stoppingToken).ConfigureAwait(false);
            await pipelines.RecoverAsync(stoppingToken).ConfigureAwait(false);
            // With other nodes: also take up the pipelines of nodes that died or stopped since.
            await Task.WhenAll(scheduler.RunAsync(stoppingToken), pipelines.AdoptAsync(stoppingToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await pipelines.StopAsync().ConfigureAwait(false);
            await views.StopAsync().ConfigureAwait(false);
        }
    }
}
