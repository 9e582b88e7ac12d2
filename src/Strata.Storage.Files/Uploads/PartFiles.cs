using Strata.Core.Uploads;

namespace Strata.Storage.Files.Uploads;

/// <summary>
/// The uploads directory: where table parts live, which parts running queries hold, and the
/// deletion of parts no table lists any more once nothing holds them. A query takes its snapshot
/// between <see cref="BeginSnapshot"/> and <see cref="Hold"/>; a part dropped meanwhile is kept
/// until that snapshot is held or abandoned, so a query never loses a file it was promised.
/// </summary>
public sealed class PartFiles : IPartFiles
{
    private const string TempSuffix = ".tmp";
    private readonly object gate = new();
    private readonly Dictionary<string, int> held = new(StringComparer.Ordinal);
    private readonly HashSet<string> doomed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTime> deferred = new(StringComparer.Ordinal);
    private readonly TimeSpan dropGrace;
    private int snapshotsInProgress;

    /// <summary>
    /// The parts below <paramref name="root"/>. With a <paramref name="dropGrace"/> (a process that is not the
    /// server, whose queries it cannot see: <c>strata ingest</c>), a dropped part is deleted only that long after
    /// it was dropped, so that a query of the server that listed it still reads it; its write time is set to the
    /// drop, so that <see cref="SweepChainTables"/> keeps it as long after a restart.
    /// </summary>
    public PartFiles(string root, TimeSpan dropGrace = default)
    {
        this.dropGrace = dropGrace;
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(IncomingDirectory);
    }

    public string Root { get; }

    /// <summary>Where request bodies are spooled before conversion.</summary>
    public string IncomingDirectory => Path.Combine(Root, "incoming");

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>A new part file name for a table, relative to the root, its directory created.</summary>
    public string NewPart(string tableId)
    {
        string directory = Path.Combine(Root, tableId);
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            // The new directory entry must reach the disk before a part in it is committed.
            DurableFiles.SyncDirectory(Root);
        }
        return Path.Combine(tableId, Strata.Core.Executions.ExecutionIds.New() + ".parquet");
    }

    public long SizeOf(string relative) => new FileInfo(PathOf(relative)).Length;

    public void DeleteUncommitted(string relative) => DurableFiles.TryDelete(PathOf(relative));

    /// <summary>A new spool file for a request body.</summary>
    private string NewIncoming(string extension) =>
        Path.Combine(IncomingDirectory, Strata.Core.Executions.ExecutionIds.New() + extension + TempSuffix);

    /// <summary>
    /// Copies the body to a spool file: asynchronous socket reads, plain writes into the page
    /// cache (no fsync: a spooled body that a crash loses was never accepted).
    /// </summary>
    public async Task<ISpooledBody> SpoolAsync(Stream body, string extension, CancellationToken cancellationToken)
    {
        var spool = new SpooledBody(NewIncoming(extension));
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            using var file = new FileStream(spool.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                file.Write(buffer, 0, read);
                spool.Bytes += read;
            }
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A new spool file that <paramref name="write"/> fills (the CSV of a JSON upload body, unescaped as it arrives).</summary>
    public async Task<ISpooledBody> SpoolWrittenAsync(Func<Stream, CancellationToken, Task> write, string extension, CancellationToken cancellationToken)
    {
        var spool = new SpooledBody(NewIncoming(extension));
        try
        {
            await using (var file = new FileStream(spool.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
            }
            spool.Bytes = new FileInfo(spool.Path).Length;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    public void BeginSnapshot()
    {
        lock (gate)
        {
            snapshotsInProgress++;
        }
    }

    /// <summary>Ends a snapshot started with <see cref="BeginSnapshot"/>, holding its files until the lease is disposed.</summary>
    public IDisposable Hold(IEnumerable<string> relatives)
    {
        var files = relatives.ToList();
        lock (gate)
        {
            foreach (string f in files)
            {
                held[f] = held.GetValueOrDefault(f) + 1;
            }
            snapshotsInProgress--;
            Collect();
        }
        return new Lease(this, files);
    }

    /// <summary>Ends a snapshot that will not be held (it failed).</summary>
    public void AbandonSnapshot() => Hold([]).Dispose();

    /// <summary>Deletes files no table lists any more, now or when the last query holding them ends.</summary>
    public void Drop(IEnumerable<string> relatives)
    {
        lock (gate)
        {
            if (dropGrace > TimeSpan.Zero)
            {
                var now = DateTime.UtcNow;
                foreach (string f in relatives)
                {
                    try
                    {
                        File.SetLastWriteTimeUtc(PathOf(f), now);
                    }
                    catch (IOException)
                    {
                        // Gone already: nothing to keep.
                    }
                    deferred[f] = now + dropGrace;
                }
            }
            else
            {
                doomed.UnionWith(relatives);
            }
            Collect();
        }
    }

    private void Release(List<string> files)
    {
        lock (gate)
        {
            foreach (string f in files)
            {
                if (--held[f] == 0)
                {
                    held.Remove(f);
                }
            }
            Collect();
        }
    }

    private void Collect()
    {
        var now = DateTime.UtcNow;
        foreach (var (f, due) in deferred.Where(d => d.Value <= now).ToList())
        {
            deferred.Remove(f);
            doomed.Add(f);
        }
        if (snapshotsInProgress > 0)
        {
            return;
        }
        foreach (string f in doomed.Where(f => !held.ContainsKey(f)).ToList())
        {
            DurableFiles.TryDelete(PathOf(f));
            doomed.Remove(f);
        }
    }

    /// <summary>
    /// At start-up: deletes spooled bodies, half-written parts, and part files no table lists
    /// (an insert that crashed before its commit). Returns how many files went. With an
    /// <paramref name="inFlightGrace"/> (nodes sharing the data directory: another node's upload may be in
    /// flight), only files and empty directories last written longer ago than that go.
    /// </summary>
    public int Sweep(IReadOnlySet<string> listed, TimeSpan inFlightGrace = default)
    {
        int removed = 0;
        var now = DateTime.UtcNow;
        bool Settled(DateTime written) => inFlightGrace <= TimeSpan.Zero || now - written > inFlightGrace;
        foreach (string file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            if (!Settled(File.GetLastWriteTimeUtc(file)))
            {
                continue;
            }
            string relative = Path.GetRelativePath(Root, file);
            if (relative.StartsWith(ChainDirectoryPrefix, StringComparison.Ordinal))
            {
                // An ingester (maybe another process) writes there; it sweeps them itself (SweepChainTables).
                continue;
            }
            if (file.EndsWith(TempSuffix, StringComparison.Ordinal) || !listed.Contains(relative))
            {
                DurableFiles.TryDelete(file);
                removed++;
            }
        }
        foreach (string dir in Directory.EnumerateDirectories(Root))
        {
            if (dir != IncomingDirectory && !Path.GetFileName(dir).StartsWith(ChainDirectoryPrefix, StringComparison.Ordinal)
                && Settled(Directory.GetLastWriteTimeUtc(dir)) && !Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }
        return removed;
    }

    /// <summary>Chain tables' ids (and so their directories) start so (<c>strata ingest</c>).</summary>
    public const string ChainDirectoryPrefix = "chain_";

    /// <summary>
    /// When an ingester starts, holding its chain's lock: deletes what its crashed predecessor left in the
    /// directories of <paramref name="tableIds"/>: temporary files, and part files no table lists whose write
    /// time (a dropped part's is its drop) is older than <paramref name="grace"/>. Returns how many went.
    /// </summary>
    public int SweepChainTables(IEnumerable<string> tableIds, IReadOnlySet<string> listed, TimeSpan grace)
    {
        int removed = 0;
        var before = DateTime.UtcNow - grace;
        foreach (string id in tableIds)
        {
            string directory = Path.Combine(Root, id);
            if (!Directory.Exists(directory))
            {
                continue;
            }
            foreach (string file in Directory.EnumerateFiles(directory))
            {
                string relative = Path.GetRelativePath(Root, file);
                if (file.EndsWith(TempSuffix, StringComparison.Ordinal) || (!listed.Contains(relative) && File.GetLastWriteTimeUtc(file) < before))
                {
                    DurableFiles.TryDelete(file);
                    removed++;
                }
            }
        }
        return removed;
    }

    private sealed class SpooledBody(string path) : ISpooledBody
    {
        public string Path { get; } = path;

        public long Bytes { get; set; }

        public bool StartsWithObject()
        {
            using var stream = File.OpenRead(Path);
            int b;
            while ((b = stream.ReadByte()) is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)
            {
            }
            return b == '{';
        }

        public void Dispose() => File.Delete(Path);
    }

    private sealed class Lease(PartFiles owner, List<string> files) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Release(files);
            }
        }
    }
}
