using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Interrupts the connection once the token fires, and again every 50 ms until the run ends: an
/// interrupt that lands between two statements (or before the first) is reset by DuckDB when
/// the next statement starts, so one call alone could be lost and leave a slot running (or an upload
/// loader's statement running to its end).
/// </summary>
internal sealed class DuckDbInterrupter : IDisposable
{
    private readonly DuckDBCommand command;
    private readonly CancellationTokenRegistration registration;
    private readonly object gate = new();
    private bool finished;

    public DuckDbInterrupter(DuckDBConnection connection, CancellationToken cancellationToken)
    {
        command = connection.CreateCommand();
        registration = cancellationToken.Register(() => _ = Task.Run(RepeatAsync));
    }

    private async Task RepeatAsync()
    {
        while (true)
        {
            lock (gate)
            {
                if (finished)
                {
                    return;
                }
                command.Cancel();
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        registration.Dispose();
        lock (gate)
        {
            finished = true;
        }
        command.Dispose();
    }
}
