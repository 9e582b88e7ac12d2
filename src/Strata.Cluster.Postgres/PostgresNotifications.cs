using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using Strata.Metadata.Postgres;

namespace Strata.Cluster.Postgres;

/// <summary>
/// PostgreSQL LISTEN/NOTIFY between the nodes: new work (so idle workers wake at once), cancels (to the
/// node running the execution) and finished executions (to long polls on any node). One dedicated
/// connection listens and reconnects, with a growing pause up to <see cref="MaxReconnectDelay"/>, after
/// PostgreSQL restarts; <see cref="Reconnected"/> tells subscribers that notifications may have been
/// missed meanwhile. Sends go through a bounded outbox, several per round trip.
/// </summary>
public sealed partial class PostgresNotifications : IAsyncDisposable
{
    public const string SubmittedChannel = "strata_submitted";
    public const string CancelChannel = "strata_cancel";
    public const string FinishedChannel = "strata_finished";

    /// <summary>Notifications waiting to be sent at most; past it the oldest is dropped (the poll and the reconnect wake-up cover it).</summary>
    public const int OutboxCapacity = 10_000;

    private const int SendBatch = 200;
    private const int SendAttempts = 5;
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly ClusterDatabase database;
    private readonly ILogger logger;
    private readonly Channel<(string Channel, string Payload)> outbox =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(OutboxCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? listening;
    private Task? sending;

    public PostgresNotifications(ClusterDatabase database, ILogger<PostgresNotifications> logger)
    {
        this.database = database;
        this.logger = logger;
    }

    /// <summary>A notification arrived (channel, payload); handlers must be quick and not throw.</summary>
    public event Action<string, string>? Received;

    /// <summary>The listening connection is (again) established: what was sent meanwhile may be missed.</summary>
    public event Action? Reconnected;

    /// <summary>Completes once the first LISTEN is in place (or when stopped).</summary>
    public Task Listening => firstListen.Task;

    /// <summary>Starts listening and sending; subscribe to the events first.</summary>
    public void Start()
    {
        listening ??= Task.Run(() => ListenLoopAsync(stop.Token));
        sending ??= Task.Run(() => SendLoopAsync(stop.Token));
    }

    /// <summary>Queues a notification to all nodes (this one included).</summary>
    public void Send(string channel, string payload) => outbox.Writer.TryWrite((channel, payload));

    private async Task ListenLoopAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = database.NewListeningConnection();
                connection.Notification += (_, e) => Received?.Invoke(e.Channel, e.Payload);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (var listen = new NpgsqlCommand($"LISTEN {SubmittedChannel}; LISTEN {CancelChannel}; LISTEN {FinishedChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                delay = TimeSpan.FromMilliseconds(100);
                Log.Listening(logger);
                firstListen.TrySetResult();
                Reconnected?.Invoke();
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (PostgresConnections.IsUnavailable(e) || e is InvalidOperationException or System.IO.IOException)
            {
                Log.ListenLost(logger, e.Message);
            }
            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxReconnectDelay.Ticks));
        }
        firstListen.TrySetResult();
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var batch = new List<(string Channel, string Payload)>(SendBatch);
        try
        {
            while (await outbox.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batch.Clear();
                while (batch.Count < SendBatch && outbox.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                for (int attempt = 1; ; attempt++)
                {
                    try
                    {
                        await SendAsync(batch, cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    catch (Exception e) when (PostgresConnections.IsUnavailable(e) && !cancellationToken.IsCancellationRequested)
                    {
                        if (attempt >= SendAttempts)
                        {
                            // Receivers catch up on reconnect (waiters re-read, workers poll).
                            Log.SendDropped(logger, batch.Count, e.Message);
                            break;
                        }
                        await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private Task SendAsync(List<(string Channel, string Payload)> batch, CancellationToken cancellationToken) =>
        database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlBatch(connection);
            foreach (var (channel, payload) in batch)
            {
                var c = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
                c.Parameters.Add(new NpgsqlParameter { Value = channel });
                c.Parameters.Add(new NpgsqlParameter { Value = payload });
                command.BatchCommands.Add(c);
            }
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        outbox.Writer.TryComplete();
        foreach (var task in new[] { listening, sending })
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        stop.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Listening for cluster notifications")]
        public static partial void Listening(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "Lost the cluster notification connection ({Reason}); reconnecting")]
        public static partial void ListenLost(ILogger logger, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Dropped {Count} cluster notifications: the database is unreachable ({Reason})")]
        public static partial void SendDropped(ILogger logger, int count, string reason);
    }
}
