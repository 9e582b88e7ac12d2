using Strata.Core.Engine;

namespace Strata.Application.Engine;

/// <summary>
/// Readiness asks the engine at most once per <c>ttl</c>: a probe's outcome (answered, or the failure) is reused until
/// it is older than that, so a load balancer polling <c>/readyz</c> many times a second costs one engine probe per
/// period, and a broken engine is still reported within one period. Callers during a probe share it; a probe that
/// hangs is never doubled (each caller bounds its own wait).
/// </summary>
public sealed class CachedEngineProbe(IEngineProbe inner, TimeSpan ttl, TimeProvider time) : IEngineProbe
{
    private readonly Lock gate = new();
    private Task? current;
    private long endedTicks;

    public Task ProbeAsync(CancellationToken cancellationToken)
    {
        Task probe;
        lock (gate)
        {
            if (current is null || (current.IsCompleted && time.GetUtcNow().UtcTicks - Volatile.Read(ref endedTicks) >= ttl.Ticks))
            {
                current = Task.Run(RunAsync, CancellationToken.None);
            }
            probe = current;
        }
        return probe.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        try
        {
            await inner.ProbeAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref endedTicks, time.GetUtcNow().UtcTicks);
        }
    }
}
