using System.Collections.Concurrent;
using Strata.Application.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Storage.Files.Results;

namespace Strata.Tests.Application;

/// <summary>
/// The local result store on a temporary directory, recording what the use cases asked of it: the
/// deletes and the removals of incomplete writes.
/// </summary>
internal sealed class RecordingResultStore(string root) : IResultStore
{
    private readonly LocalResultStore inner = new(root);

    public ConcurrentQueue<string> Deleted { get; } = new();

    public int IncompleteRemovals { get; private set; }

    public ResultWriter CreateWriter(string executionId, ResultSchema schema) => inner.CreateWriter(executionId, schema);

    public StoredResult? Open(string executionId) => inner.Open(executionId);

    public Task<string> EnsureParquetAsync(string executionId, CancellationToken cancellationToken) => inner.EnsureParquetAsync(executionId, cancellationToken);

    public Task<string> EnsureArrowStreamAsync(string executionId, CancellationToken cancellationToken) => inner.EnsureArrowStreamAsync(executionId, cancellationToken);

    public void Delete(string executionId)
    {
        Deleted.Enqueue(executionId);
        inner.Delete(executionId);
    }

    public void RemoveIncomplete()
    {
        IncompleteRemovals++;
        inner.RemoveIncomplete();
    }

    public void RemoveIncomplete(IReadOnlySet<string> inFlight)
    {
        IncompleteRemovals++;
        inner.RemoveIncomplete(inFlight);
    }

    public void RemoveIncomplete(string executionId)
    {
        Deleted.Enqueue(executionId);
        inner.RemoveIncomplete(executionId);
    }
}

/// <summary>No uploaded tables; counts the leases a run holds, so a test sees that each is given back.</summary>
internal sealed class FakeTableSnapshots : ITableSnapshots
{
    private int held;

    public int Held => Volatile.Read(ref held);

    private int unavailable;

    /// <summary>The next this many snapshots fail as the metadata database being away (a restart, a failover).</summary>
    public int Unavailable { set => Volatile.Write(ref unavailable, value); }

    /// <summary>Released once for each snapshot that failed as the database being away.</summary>
    public SemaphoreSlim Refused { get; } = new(0);

    public Task<(IReadOnlyList<TableSnapshot> Tables, IDisposable Lease)> SnapshotAsync(string owner, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref unavailable) >= 0)
        {
            Refused.Release();
            throw new MetadataUnavailableException("The metadata database is unavailable (fake).");
        }
        Interlocked.Exchange(ref unavailable, 0);
        Interlocked.Increment(ref held);
        return Task.FromResult<(IReadOnlyList<TableSnapshot>, IDisposable)>(([], new Lease(this)));
    }

    private sealed class Lease(FakeTableSnapshots owner) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner.held);
            }
        }
    }
}

/// <summary>A storage quota the test turns on and off per owner.</summary>
internal sealed class FakeStorageQuota : IStorageQuota
{
    public ConcurrentDictionary<string, string> Over { get; } = new(StringComparer.Ordinal);

    public Task<string?> OverQuotaAsync(string owner, CancellationToken cancellationToken) =>
        Task.FromResult(Over.TryGetValue(owner, out var reason) ? reason : null);

    public Task<string?> RefusesAsync(string owner, long bytes, string what, CancellationToken cancellationToken) =>
        OverQuotaAsync(owner, cancellationToken);
}
