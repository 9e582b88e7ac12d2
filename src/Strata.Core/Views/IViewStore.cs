namespace Strata.Core.Views;

/// <summary>Materialized views' metadata. Every write is committed before the call returns.</summary>
public interface IViewStore
{
    /// <summary>Creates the view or replaces the definition (query, tier, cron, privacy) of the one of that owner and name;
    /// its run history (claimed slot, last run, table execution) stays. Returns the view as stored.</summary>
    Task<MaterializedView> UpsertViewAsync(MaterializedView view, CancellationToken cancellationToken);

    Task<MaterializedView?> GetViewAsync(string owner, string name, CancellationToken cancellationToken);

    /// <summary>An owner's views by name, and how many there are.</summary>
    Task<(IReadOnlyList<MaterializedView> Views, long Total)> ListViewsAsync(string owner, int limit, int offset, CancellationToken cancellationToken);

    /// <summary>The views <paramref name="caller"/> may query: its own and every public one (the datasets catalog reads them in one call).</summary>
    Task<IReadOnlyList<MaterializedView>> ListVisibleViewsAsync(string caller, CancellationToken cancellationToken);

    /// <summary>Every view with a cron schedule.</summary>
    Task<IReadOnlyList<MaterializedView>> ListScheduledViewsAsync(CancellationToken cancellationToken);

    /// <summary>Views whose newest refresh has not yet replaced their table (nor failed to).</summary>
    Task<IReadOnlyList<MaterializedView>> ListUnappliedViewsAsync(CancellationToken cancellationToken);

    Task<bool> DeleteViewAsync(string owner, string name, CancellationToken cancellationToken);

    /// <summary>Claims a schedule slot: true, and stored, only when it is later than the view's claimed slot.</summary>
    Task<bool> TryClaimSlotAsync(string owner, string name, DateTimeOffset slot, CancellationToken cancellationToken);

    /// <summary>Records a submitted refresh as the view's newest (its error cleared).</summary>
    Task RecordRefreshAsync(string owner, string name, string executionId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records how a refresh ended: its rows are the table's now (no error), or why they are not.
    /// Ignored unless it is still the view's newest refresh.</summary>
    Task RecordAppliedAsync(string owner, string name, string executionId, string? error, CancellationToken cancellationToken);
}

/// <summary>Pipeline executions: their nodes and how each went. A pipeline is written whole at each change.</summary>
public interface IPipelineStore
{
    Task SavePipelineAsync(PipelineRun run, CancellationToken cancellationToken);

    Task<PipelineRun?> GetPipelineAsync(string id, CancellationToken cancellationToken);

    /// <summary>Pipelines not yet ended, for restart recovery.</summary>
    Task<IReadOnlyList<PipelineRun>> ListUnfinishedPipelinesAsync(CancellationToken cancellationToken);
}
