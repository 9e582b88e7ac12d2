using Microsoft.Extensions.Logging;
using Strata.Application.Executions;
using Strata.Core.Executions;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;

namespace Strata.Cluster.Postgres;

/// <summary>
/// The signals of several nodes: this node's waiters and runs are in memory (<see cref="LocalExecutionSignals"/>);
/// an execution that ends here, or a cancel of one that does not run here, is announced with NOTIFY, and
/// each node applies what it hears to its own waiters and runs. After the listening connection comes
/// back (PostgreSQL restarted), every waiter re-reads its execution and every run here is checked against
/// the store, so that a cancel or an end announced meanwhile is not lost.
/// </summary>
public sealed partial class PostgresExecutionSignals : IExecutionSignals
{
    private readonly LocalExecutionSignals local = new();
    private readonly PostgresNotifications notifications;
    private readonly IExecutionStore store;
    private readonly ILogger logger;

    public PostgresExecutionSignals(PostgresNotifications notifications, IExecutionStore store, ILogger<PostgresExecutionSignals> logger)
    {
        this.notifications = notifications;
        this.store = store;
        this.logger = logger;
        notifications.Received += OnReceived;
        notifications.Reconnected += () => _ = CatchUpAsync();
    }

    public Task WhenFinishedAsync(string executionId) => local.WhenFinishedAsync(executionId);

    public void Finished(string executionId)
    {
        local.Finished(executionId);
        notifications.Send(PostgresNotifications.FinishedChannel, executionId);
    }

    public void WakeAll() => local.WakeAll();

    public IDisposable Running(string executionId, CancellationTokenSource cancel) => local.Running(executionId, cancel);

    public bool IsRunning(string executionId) => local.IsRunning(executionId);

    /// <summary>Stops the run here when it runs here; otherwise tells the node that runs it. True either way.</summary>
    public async Task<bool> CancelAsync(string executionId)
    {
        if (!await local.CancelAsync(executionId).ConfigureAwait(false))
        {
            notifications.Send(PostgresNotifications.CancelChannel, executionId);
        }
        return true;
    }

    /// <summary>Stops the run here, if any, without telling the other nodes.</summary>
    internal Task<bool> CancelLocalAsync(string executionId) => local.CancelAsync(executionId);

    private void OnReceived(string channel, string payload)
    {
        if (channel == PostgresNotifications.FinishedChannel)
        {
            local.Finished(payload);
        }
        else if (channel == PostgresNotifications.CancelChannel)
        {
            if (local.IsRunning(payload))
            {
                Log.CancelReceived(logger, payload);
                _ = local.CancelAsync(payload);
            }
        }
    }

    private async Task CatchUpAsync()
    {
        local.WakeAll();
        foreach (var id in local.RunningIds)
        {
            try
            {
                var execution = await store.GetExecutionAsync(id, CancellationToken.None).ConfigureAwait(false);
                if (execution is null || execution.State == ExecutionState.Cancelled)
                {
                    Log.CancelCaughtUp(logger, id);
                    await local.CancelAsync(id).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (PostgresConnections.IsUnavailable(e))
            {
                // Gone again: the next reconnect catches up.
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Information, "Execution {ExecutionId} cancelled through another node; stopping its run here")]
        public static partial void CancelReceived(ILogger logger, string executionId);

        [LoggerMessage(1, LogLevel.Information, "Execution {ExecutionId} was cancelled while the notification connection was down; stopping its run")]
        public static partial void CancelCaughtUp(ILogger logger, string executionId);
    }
}
