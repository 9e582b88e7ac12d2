using System.Runtime.CompilerServices;
using Strata.Core.Results;
using Strata.Storage.Files.Results;

namespace Strata.Bench.ResultFormats;

/// <summary>A stored format under test; every read opens the file, as a request would.</summary>
internal interface ICandidate
{
    string Name { get; }

    string Path { get; }

    /// <summary>Writes rows [0, count) of <see cref="Rows"/>, synced to disk.</summary>
    void Write(long count);

    /// <summary>Opens the file and reads what a page read needs before any data; returns a checksum.</summary>
    long Open();

    /// <summary>Reads rows [offset, offset + count).</summary>
    IAsyncEnumerable<ResultSlice> ReadAsync(long offset, long count);
}

/// <summary>The production path: LocalResultStore, ResultWriter and StoredResult, unchanged.</summary>
internal sealed class ArrowCandidate(string directory) : ICandidate
{
    private const string ExecutionId = "result";
    private readonly LocalResultStore store = new(directory);

    public string Name => "Arrow IPC file (production)";

    public string Path => store.PathOf(ExecutionId);

    public void Write(long count)
    {
        using var writer = store.CreateWriter(ExecutionId, Rows.Schema);
        Rows.Write(writer, count);
        writer.Complete();
    }

    public long Open()
    {
        using var result = OpenResult();
        return result.BatchRows;
    }

    public async IAsyncEnumerable<ResultSlice> ReadAsync(long offset, long count)
    {
        using var result = OpenResult();
        await foreach (var slice in result.ReadAsync(offset, count, CancellationToken.None))
        {
            yield return slice;
        }
    }

    private StoredResult OpenResult() => store.Open(ExecutionId) ?? throw new InvalidOperationException("The result is missing.");
}
