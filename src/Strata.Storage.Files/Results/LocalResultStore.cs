using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Threading;

namespace Strata.Storage.Files.Results;

/// <summary>
/// Result files on local disk: <c>{root}/{key}.arrow</c>, written under a temporary name first. A key is an execution id
/// (a node alone) or an execution id and a run (<see cref="ResultKeys"/>, a cluster): every method acts on that run's
/// files only, so a run never replaces or deletes another run's. The observer is told the execution and, as the
/// extension, the run's suffix with the file's (<c>.r1a2b….arrow</c>).
/// </summary>
public sealed class LocalResultStore : IResultStore
{
    private const string Extension = ".arrow";
    private const string TempMarker = ".tmp-";
    private readonly string root;
    private readonly int batchRows;
    private readonly KeyedLocks copyLocks = new();
    private readonly IResultFileObserver? observer;
    private readonly long batchBytes;

    public LocalResultStore(string root, int batchRows = ResultWriter.DefaultBatchRows, IResultFileObserver? observer = null, long batchBytes = ResultWriter.DefaultBatchBytes)
    {
        this.root = root;
        this.batchRows = batchRows;
        this.observer = observer;
        this.batchBytes = batchBytes;
        Directory.CreateDirectory(root);
    }

    public string PathOf(string executionId) => Path.Combine(root, executionId + Extension);

    public ResultWriter CreateWriter(string executionId, ResultSchema schema)
    {
        string final = PathOf(executionId);
        // A result file without a completed execution is an orphan of a crash between rename and commit.
        File.Delete(final);
        string temp = final + TempMarker + Guid.NewGuid().ToString("N");
        return new ResultWriter(temp, final, schema, batchRows,
            observer is null ? null : size => observer.Written(ResultKeys.ExecutionOf(executionId), ResultKeys.RunSuffixOf(executionId) + Extension, size), batchBytes);
    }

    public StoredResult? Open(string executionId)
    {
        try
        {
            return new StoredResult(PathOf(executionId));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public Task<string> EnsureParquetAsync(string executionId, CancellationToken cancellationToken) =>
        EnsureCopyAsync(executionId, ".parquet", ParquetCopy.WriteAsync, cancellationToken);

    public Task<string> EnsureArrowStreamAsync(string executionId, CancellationToken cancellationToken) =>
        EnsureCopyAsync(executionId, ".arrows", ArrowStreamCopy.WriteAsync, cancellationToken);

    /// <summary>Makes a derived copy of a completed result once (temp name, then rename) and returns its path.</summary>
    private async Task<string> EnsureCopyAsync(string executionId, string extension, Func<StoredResult, string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        string path = Path.Combine(root, executionId + extension);
        if (File.Exists(path))
        {
            return path;
        }
        using (await copyLocks.LockAsync(executionId + extension, cancellationToken).ConfigureAwait(false))
        {
            if (File.Exists(path))
            {
                return path;
            }
            using var result = Open(executionId) ?? throw new FileNotFoundException("result not found", executionId);
            string temp = path + TempMarker + Guid.NewGuid().ToString("N");
            try
            {
                await write(result, temp, cancellationToken).ConfigureAwait(false);
                File.Move(temp, path);
                observer?.Written(ResultKeys.ExecutionOf(executionId), ResultKeys.RunSuffixOf(executionId) + extension, new FileInfo(path).Length);
            }
            finally
            {
                File.Delete(temp);
            }
            return path;
        }
    }

    public void Delete(string executionId)
    {
        File.Delete(PathOf(executionId));
        File.Delete(Path.Combine(root, executionId + ".parquet"));
        File.Delete(Path.Combine(root, executionId + ".arrows"));
        observer?.Deleted(executionId);
    }

    /// <summary>How long a temporary file of a shared data directory must have gone unwritten before a
    /// starting node may take it for a leftover (a derived copy being written is touched far more often).</summary>
    public static readonly TimeSpan SharedLeftoverAge = TimeSpan.FromMinutes(10);

    public void RemoveIncomplete()
    {
        foreach (string file in Directory.EnumerateFiles(root, "*" + TempMarker + "*"))
        {
            File.Delete(file);
        }
    }

    public void RemoveIncomplete(IReadOnlySet<string> inFlight)
    {
        var before = DateTime.UtcNow - SharedLeftoverAge;
        foreach (string file in Directory.EnumerateFiles(root, "*" + TempMarker + "*"))
        {
            string name = Path.GetFileName(file);
            string executionId = name[..name.IndexOf('.', StringComparison.Ordinal)];
            if (!inFlight.Contains(executionId) && File.GetLastWriteTimeUtc(file) < before)
            {
                File.Delete(file);
            }
        }
    }

    public void RemoveIncomplete(string executionId)
    {
        // Every file of the execution, of any run: it holds no result (its node died running it), and no run of it
        // is live (a run taken from a live node is that node's to clean up, see ExecutionService.TakeOverAsync).
        foreach (string file in Directory.EnumerateFiles(root, ResultKeys.ExecutionOf(executionId) + ".*"))
        {
            File.Delete(file);
        }
        observer?.Deleted(ResultKeys.ExecutionOf(executionId));
    }
}
