namespace Strata.Core.Threading;

/// <summary>One async lock per key, dropped when unused.</summary>
public sealed class KeyedLocks
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> locks = [];

    public async Task<IDisposable> LockAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (locks)
        {
            var entry = locks.TryGetValue(key, out var e) ? e : (new SemaphoreSlim(1, 1), 0);
            locks[key] = (entry.Item1, entry.Item2 + 1);
            gate = entry.Item1;
        }
        try
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release(key, gate, entered: false);
            throw;
        }
        return new ReleaseOnce(() => Release(key, gate, entered: true));
    }

    private void Release(string key, SemaphoreSlim gate, bool entered)
    {
        if (entered)
        {
            gate.Release();
        }
        lock (locks)
        {
            var (g, users) = locks[key];
            if (users == 1)
            {
                locks.Remove(key);
                g.Dispose();
            }
            else
            {
                locks[key] = (g, users - 1);
            }
        }
    }
}
