using System.Collections.Concurrent;
using Strata.Application.Executions;
using Strata.Core.Results;
using Strata.Core.Uploads;

namespace Strata.Tests.Application;

/// <summary>A result store that holds no files and records what the use cases asked of it.</summary>
internal sealed class FakeResultStore : IResultStore
{
    public ConcurrentQueue<string> Deleted { get; } = new();

    public int IncompleteRemovals { get; private set; }

    public ResultWriter CreateWriter(string executionId, ResultSchema schema) => throw new NotSupportedException("the fake engine writes no files");

    public StoredResult? Open(string executionId) => null;

    public Task<string> EnsureParquetAsync(string executionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> EnsureArrowStreamAsync(string executionId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Delete(string executionId) => Deleted.Enqueue(executionId);

    public void RemoveIncomplete() => IncompleteRemovals++;

    public void RemoveIncomplete(IReadOnlySet<string> inFlight) => IncompleteRemovals++;

    public void RemoveIncomplete(string executionId) => Deleted.Enqueue(executionId);
}

/// <summary>No uploaded tables; counts the leases a run holds, so a test sees that each is given back.</summary>
internal sealed class FakeTableSnapshots : ITableSnapshots
{
    private int held;

    public int Held => Volatile.Read(ref held);

    public Task<(IReadOnlyList<TableSnapshot> Tables, IDisposable Lease)> SnapshotAsync(string owner, CancellationToken cancellationToken)
    {
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
}
