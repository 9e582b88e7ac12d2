using Microsoft.Extensions.Options;
using Strata.Application;
using Strata.Application.Configuration;

namespace Strata.Server.Apis;

/// <summary>
/// What one request may take of the server's shared result-view resources (hostile13). Every owner's filters, sorts
/// and samples run on one DuckDB instance (<c>Strata:ResultViews</c>): an owner runs at most <see cref="PerOwner"/>
/// at once, so that one owner's concurrent sorts cannot hold the whole instance while another's views wait or fail for
/// memory; past it the view is a 429 naming the limit. A filtered or sorted Parquet download is written to a file
/// before it is sent (Parquet needs a seekable file): under the data directory (<c>downloads/&lt;process&gt;/</c>), at most
/// <see cref="MaxParquetFiles"/> at once (each at most the result's size, itself capped), deleted on every path. Nodes
/// of a cluster share the data directory: at start a node removes the directories left by processes gone for a day.
/// </summary>
public sealed class ResultViewLimits
{
    /// <summary>Result views one owner may run at once.</summary>
    public const int DefaultPerOwner = 2;

    /// <summary>Filtered or sorted Parquet downloads being written at once, server-wide.</summary>
    public const int DefaultParquetFiles = 4;

    private readonly Dictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim parquetFiles;

    public ResultViewLimits(IOptions<StrataOptions> options)
        : this(Path.Combine(options.Value.DataDir, "downloads"), DefaultPerOwner, DefaultParquetFiles)
    {
    }

    public ResultViewLimits(string downloadRoot, int perOwner, int maxParquetFiles)
    {
        PerOwner = perOwner;
        MaxParquetFiles = maxParquetFiles;
        parquetFiles = new SemaphoreSlim(maxParquetFiles, maxParquetFiles);
        var root = Directory.CreateDirectory(downloadRoot);
        // A download file outlives its request only if its process ended while writing it; a live node's directory
        // changes with each download it writes.
        foreach (var left in root.EnumerateDirectories().Where(d => d.LastWriteTimeUtc < DateTime.UtcNow - TimeSpan.FromDays(1)))
        {
            try
            {
                left.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Another node removing it too.
            }
        }
        DownloadDirectory = Directory.CreateDirectory(Path.Combine(root.FullName, Guid.NewGuid().ToString("N"))).FullName;
    }

    public int PerOwner { get; }

    public int MaxParquetFiles { get; }

    public string DownloadDirectory { get; }

    /// <summary>Takes one of <paramref name="owner"/>'s result-view places until disposed; QuotaExceeded (429) when all are taken.</summary>
    public IDisposable EnterView(string owner)
    {
        lock (running)
        {
            int now = running.GetValueOrDefault(owner);
            if (now >= PerOwner)
            {
                throw new UseCaseException(UseCaseError.QuotaExceeded,
                    $"too many result views at once: an owner may run {PerOwner} filtered, sorted or sampled result pages or downloads at a time "
                    + "(the result views' instance is shared by every owner); retry when one has finished");
            }
            running[owner] = now + 1;
        }
        return new Release(() =>
        {
            lock (running)
            {
                if (--running[owner] == 0)
                {
                    running.Remove(owner);
                }
            }
        });
    }

    /// <summary>A new file for a Parquet download, deleted when disposed; Unavailable (503) when the server writes as many as it may.</summary>
    public DownloadFile NewParquetFile()
    {
        if (!parquetFiles.Wait(0))
        {
            throw new UseCaseException(UseCaseError.Unavailable,
                $"too many filtered or sorted Parquet downloads at once: the server writes at most {MaxParquetFiles} at a time; "
                + "retry shortly, or download the view as Arrow (results/arrow), which streams");
        }
        return new DownloadFile(Path.Combine(DownloadDirectory, Guid.NewGuid().ToString("N") + ".parquet"), () => parquetFiles.Release());
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                release();
            }
        }
    }
}

/// <summary>A download's file: deleted, and its place given back, when disposed.</summary>
public sealed class DownloadFile(string path, Action release) : IDisposable
{
    private int done;

    public string Path { get; } = path;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref done, 1) == 0)
        {
            File.Delete(Path);
            release();
        }
    }
}
