using Strata.Core.Threading;

namespace Strata.Application.Executions;

/// <summary>
/// Serialises submissions with the same reuse key, so that two identical submissions with max_age_hours
/// run once (the second joins the first). In one process a keyed lock is enough
/// (<see cref="LocalReuseLocks"/>); nodes sharing a store take a lock the store holds.
/// </summary>
public interface IReuseLocks
{
    /// <summary>Holds the lock of the key until the returned value is disposed.</summary>
    Task<IAsyncDisposable> LockAsync(string reuseKey, CancellationToken cancellationToken);
}

/// <summary>The in-process <see cref="IReuseLocks"/>: one async lock per key.</summary>
public sealed class LocalReuseLocks : IReuseLocks
{
    private readonly KeyedLocks locks = new();

    public async Task<IAsyncDisposable> LockAsync(string reuseKey, CancellationToken cancellationToken) =>
        new Held(await locks.LockAsync(reuseKey, cancellationToken).ConfigureAwait(false));

    private sealed class Held(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
