namespace Strata.Application.Views;

/// <summary>
/// Which node runs a pipeline. A node runs a pipeline (a new one, or one it resumes) only while it holds its claim,
/// so that of several nodes sharing a store exactly one resumes a given unfinished pipeline. One process alone needs
/// no claim (<see cref="LocalPipelineClaims"/>); nodes sharing a store take one the store holds, which a dead node's
/// loss releases.
/// </summary>
public interface IPipelineClaims
{
    /// <summary>True when other nodes share the store: unfinished pipelines are looked for again every <see cref="AdoptEvery"/>.</summary>
    bool SharedAcrossNodes { get; }

    /// <summary>How often a node looks for unfinished pipelines no node holds (a node died or stopped).</summary>
    TimeSpan AdoptEvery { get; }

    /// <summary>Claims the pipeline for this node; false when another node holds it.</summary>
    Task<bool> TryClaimAsync(string pipelineId, CancellationToken cancellationToken);

    /// <summary>Gives the claim up (the run ended or stopped here).</summary>
    Task ReleaseAsync(string pipelineId);

    /// <summary>Checks that this node still holds its claims; returns those it lost (their runs must stop here).</summary>
    Task<IReadOnlyCollection<string>> VerifyAsync(CancellationToken cancellationToken);
}

/// <summary>One process alone: every claim is granted and never lost.</summary>
public sealed class LocalPipelineClaims : IPipelineClaims
{
    public bool SharedAcrossNodes => false;

    public TimeSpan AdoptEvery => Timeout.InfiniteTimeSpan;

    public Task<bool> TryClaimAsync(string pipelineId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task ReleaseAsync(string pipelineId) => Task.CompletedTask;

    public Task<IReadOnlyCollection<string>> VerifyAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>([]);
}
