namespace Strata.Core.Threading;

/// <summary>
/// A disposable that runs its action the first time it is disposed and never again, whichever thread disposes it
/// and however often: the handle of a place, a lock or a file given back by a <c>using</c> that a caller may also
/// dispose early.
/// </summary>
public sealed class ReleaseOnce(Action release) : IDisposable
{
    private Action? release = release;

    public void Dispose() => Interlocked.Exchange(ref release, null)?.Invoke();
}
