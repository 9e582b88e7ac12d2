using Strata.Core.Uploads;

namespace Strata.Application.Executions;

/// <summary>The uploaded tables an execution may read, taken when it starts.</summary>
public interface ITableSnapshots
{
    /// <summary>The tables an owner's query may read, with absolute part paths; their files stay until the lease is disposed.</summary>
    Task<(IReadOnlyList<TableSnapshot> Tables, IDisposable Lease)> SnapshotAsync(string owner, CancellationToken cancellationToken);
}
