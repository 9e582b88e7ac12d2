using Microsoft.Extensions.Options;
using Strata.Application;
using Strata.Application.Configuration;
using Strata.Application.Observability;
using Strata.Core.Threading;
using Strata.Server.Configuration;

namespace Strata.Server.Apis;

/// <summary>
/// What requests may take of the server's shared result-view resources (hostile13, hostile14; <see cref="ResultViewLimitOptions"/>).
/// Every owner's filters, sorts and samples run on one DuckDB instance (<c>Strata:ResultViews</c>) and share its
/// memory limit: at most <see cref="Concurrent"/> run at once, an owner at most <see cref="PerOwner"/> of them (the next
/// a 429 naming the limit). An owner's view beyond its first takes a place only while another place stays free, so no
/// two owners (nor any number of owners' extra views) hold every place against an owner that has none: that owner waits
/// only when every place is some owner's first view, at most <see cref="MaxWait"/>, then a 503 naming the limit.
/// A filtered or sorted Parquet download is written to a file before it is sent (Parquet needs a seekable file): under
/// the data directory (<c>downloads/&lt;process&gt;/</c>), at most <see cref="MaxParquetFiles"/> at once (each at most the
/// result's size, itself capped), deleted on every path. Nodes of a cluster share the data directory: at start a node
/// removes the directories left by processes gone for a day.
/// </summary>
public sealed class ResultViewLimits
{
    private readonly object gate = new();
    private readonly Dictionary<string, int> running = new(StringComparer.Ordinal);
    private readonly LinkedList<TaskCompletionSource> waiting = new();
    private readonly SemaphoreSlim parquetFiles;
    private readonly StrataMetrics? metrics;
    private int used;

    public ResultViewLimits(IOptions<StrataOptions> options, IOptions<ResultViewLimitOptions> limits, StrataMetrics? metrics = null)
        : this(Path.Combine(options.Value.DataDir, "downloads"), limits.Value, metrics)
    {
    }

    public ResultViewLimits(string downloadRoot, ResultViewLimitOptions limits, StrataMetrics? metrics = null)
    {
        PerOwner = limits.PerOwner;
        Concurrent = limits.Concurrent;
        MaxWait = TimeSpan.FromSeconds(limits.MaxWaitSeconds);
        MaxParquetFiles = limits.ParquetDownloads;
        this.metrics = metrics;
        parquetFiles = new SemaphoreSlim(MaxParquetFiles, MaxParquetFiles);
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

    public int Concurrent { get; }

    public TimeSpan MaxWait { get; }

    public int MaxParquetFiles { get; }

    public string DownloadDirectory { get; }

    /// <summary>
    /// Takes one of the result views' places for <paramref name="owner"/> until disposed. QuotaExceeded (429) past the
    /// owner's share, or for a view beyond its first when no other place would stay free; Unavailable (503) when every
    /// place stayed taken for <see cref="MaxWait"/>.
    /// </summary>
    public async Task<IDisposable> EnterViewAsync(string owner, CancellationToken cancellationToken)
    {
        TaskCompletionSource? place = null;
        LinkedListNode<TaskCompletionSource>? queued = null;
        lock (gate)
        {
            int mine = running.GetValueOrDefault(owner);
            if (mine >= PerOwner)
            {
                throw Refused($"too many result views at once: an owner may run {PerOwner} filtered, sorted or sampled result pages or downloads at a time "
                    + "(the result views' instance is shared by every owner); retry when one has finished");
            }
            if (mine > 0 && Concurrent - used < 2)
            {
                throw Refused($"too many result views at once: the server runs {Concurrent} filtered, sorted or sampled views at a time for every owner "
                    + "together, and an owner's second keeps a place free for the others; retry when one of yours has finished");
            }
            running[owner] = mine + 1;
            if (used < Concurrent)
            {
                used++;
            }
            else
            {
                place = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                queued = waiting.AddLast(place);
            }
        }
        if (place is not null)
        {
            try
            {
                await place.Task.WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                lock (gate)
                {
                    if (place.Task.IsCompletedSuccessfully)
                    {
                        // Given a place as the wait ended: hand it on.
                        GiveBackPlace();
                    }
                    else
                    {
                        waiting.Remove(queued!);
                    }
                    Leave(owner);
                }
                if (e is TimeoutException)
                {
                    metrics?.Rejected(StrataMetrics.Reasons.ResultViewsBusy);
                    throw new UseCaseException(UseCaseError.Unavailable,
                        $"the result views are busy: the server runs {Concurrent} filtered, sorted or sampled views at a time, and none ended within "
                        + $"{MaxWait.TotalSeconds:0} s; retry shortly, or page through the plain result");
                }
                throw;
            }
        }
        return new ReleaseOnce(() =>
        {
            lock (gate)
            {
                GiveBackPlace();
                Leave(owner);
            }
        });
    }

    private UseCaseException Refused(string message)
    {
        metrics?.Rejected(StrataMetrics.Reasons.ResultViews);
        return new UseCaseException(UseCaseError.QuotaExceeded, message);
    }

    /// <summary>Under the gate: the place goes to the first waiter, else back to the free ones.</summary>
    private void GiveBackPlace()
    {
        if (waiting.First is { } next)
        {
            waiting.RemoveFirst();
            next.Value.SetResult();
        }
        else
        {
            used--;
        }
    }

    /// <summary>Under the gate.</summary>
    private void Leave(string owner)
    {
        if (--running[owner] == 0)
        {
            running.Remove(owner);
        }
    }

    /// <summary>A new file for a Parquet download, deleted when disposed; Unavailable (503) when the server writes as many as it may.</summary>
    public DownloadFile NewParquetFile()
    {
        if (!parquetFiles.Wait(0))
        {
            metrics?.Rejected(StrataMetrics.Reasons.ParquetDownloads);
            throw new UseCaseException(UseCaseError.Unavailable,
                $"too many filtered or sorted Parquet downloads at once: the server writes at most {MaxParquetFiles} at a time; "
                + "retry shortly, or download the view as Arrow (results/arrow), which streams");
        }
        return new DownloadFile(Path.Combine(DownloadDirectory, Guid.NewGuid().ToString("N") + ".parquet"), () => parquetFiles.Release());
    }
}

/// <summary>A download's file: deleted, and its place given back, when disposed.</summary>
public sealed class DownloadFile(string path, Action release) : IDisposable
{
    private readonly ReleaseOnce once = new(() =>
    {
        File.Delete(path);
        release();
    });

    public string Path { get; } = path;

    public void Dispose() => once.Dispose();
}
