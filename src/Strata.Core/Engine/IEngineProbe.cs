namespace Strata.Core.Engine;

/// <summary>
/// Asks the engine whether it answers: readiness (<c>/readyz</c>) calls it. An implementation runs a
/// trivial statement over the engine's own data without taking an execution slot.
/// </summary>
public interface IEngineProbe
{
    /// <summary>Completes when the engine answered; throws with the reason otherwise.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}
