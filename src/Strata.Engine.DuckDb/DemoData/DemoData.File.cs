using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

public static partial class DemoData
{
    /// <summary>
    /// The version of the generator that writes the demo file: the engine assembly's module version id, which a
    /// deterministic build keeps while the assembly's content is unchanged and changes with any change to it. The generator
    /// is not separable from the engine: it calls the engine's macros and natives and DuckDB's functions, so a stamp of its
    /// own sources would miss a change to them (hostile31: an upgraded server kept a file an older generator built).
    /// </summary>
    public static string GeneratorVersion { get; } = typeof(DemoData).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The file beside the demo file that names the generator version that built it.</summary>
    public static string StampPath(string path) => path + ".generator";

    /// <summary>Whether the demo file at <paramref name="path"/> exists and was built by this generator.</summary>
    public static bool IsCurrent(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            return File.ReadAllText(StampPath(path)).Trim() == GeneratorVersion;
        }
        catch (IOException)
        {
            return false; // no stamp (a file from before stamps, or a build killed before its stamp was written)
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The lock file beside the demo file: a node holds it exclusively while it checks, cleans and builds.</summary>
    public static string LockPath(string path) => path + ".lock";

    /// <summary>
    /// Writes the demo database file at <paramref name="path"/> unless it exists and this generator built it
    /// (<see cref="IsCurrent"/>), holding the demo lock (<see cref="LockPath"/>) from the check to the stamp: nodes sharing
    /// a data directory, of the same build or of different ones, check, clean and build one after another, so a stamp is
    /// always written by the node whose file it follows (two nodes of different builds could interleave their renames, the
    /// stamp of one beside the file of the other). Under the lock, the temporary files of a build that was killed (no
    /// other node can be writing one) are removed first. The build writes into a temporary name of this process,
    /// checkpoints, then renames over the old file; the stamp is removed before the rename and renamed into place after
    /// it, so a crash between them leaves a file without a stamp, built again on the next start. True when it was
    /// written now. <paramref name="waiting"/> is called once when another holds the lock (this one then waits for it, at
    /// most <paramref name="maxWait"/>, <see cref="DefaultLockWait"/> when null: past it, or when the lock cannot be opened
    /// at all, a <see cref="DemoLockException"/> names the lock file).
    /// </summary>
    public static bool EnsureFile(string path, double scale, Action? waiting = null, TimeSpan? maxWait = null)
    {
        using var held = Lock(path, waiting, maxWait ?? DefaultLockWait);
        RemoveStale(path);
        return !IsCurrent(path) && Build(path, scale);
    }

    /// <summary>Builds the demo file at <paramref name="path"/> whatever is there (the CLI's <c>demo</c> command), under
    /// the demo lock as <see cref="EnsureFile"/> does. A running server keeps reading the file it opened.</summary>
    public static bool Rebuild(string path, double scale)
    {
        using var held = Lock(path, null, DefaultLockWait);
        RemoveStale(path);
        return Build(path, scale);
    }

    /// <summary>How often a node waiting for another's build looks at the lock again.</summary>
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a start waits for the demo lock by default: longer than a build of the demo data at scale 1 takes
    /// on a loaded node, so a node building it is waited for, and a process that holds the lock without building (hung,
    /// stopped) ends the start with the lock's name instead of holding it forever.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromMinutes(15);

    /// <summary>The demo lock could not be taken: held by another process past the wait, or not openable (a read-only data
    /// directory, no permission). The message names the lock file.</summary>
    public sealed class DemoLockException(string message, Exception? inner = null) : IOException(message, inner);

    /// <summary>The demo lock, held exclusively (an advisory lock the system releases when its process ends, however it
    /// ends); while another process holds it, this one waits, at most <paramref name="maxWait"/>. Any other failure to open
    /// it (a read-only directory or file system, no permission) is refused at once: waiting would never change it.</summary>
    private static FileStream Lock(string path, Action? waiting, TimeSpan maxWait)
    {
        string lockPath = Path.GetFullPath(LockPath(path));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                if (waited.Elapsed >= maxWait)
                {
                    throw new DemoLockException(
                        $"The demo data lock {lockPath} is still held by another process after {waited.Elapsed.TotalSeconds:F0} s: another node "
                        + "sharing this data directory is building the demo data, or a process holding the lock is hung. Stop the process "
                        + "that holds it (fuser or lsof names it), then start again.", e);
                }
                waiting?.Invoke();
                waiting = null;
                Thread.Sleep(LockPoll);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DemoLockException(
                    $"The demo data lock {lockPath} could not be opened for writing ({e.Message}); the data directory must be writable "
                    + "by the server.", e);
            }
        }
    }

    /// <summary>Whether opening the lock failed because another open file holds it: EWOULDBLOCK from flock on Linux (11)
    /// and macOS (35), a sharing or lock violation on Windows.</summary>
    private static bool IsHeldElsewhere(IOException e) => e is not FileNotFoundException and not DirectoryNotFoundException
        && (e.HResult is 11 or 35 || (e.HResult & 0xFFFF) is 32 or 33);

    /// <summary>Removes the temporary files builds leave when killed (<c>demo.duckdb.tmp-*</c>, its WAL, and
    /// <c>demo.duckdb.generator.tmp-*</c>); called under the demo lock, when no build of this directory is running.</summary>
    private static void RemoveStale(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!, name = Path.GetFileName(path);
        foreach (string pattern in new[] { name + ".tmp-*", Path.GetFileName(StampPath(path)) + ".tmp-*" })
        {
            foreach (string stale in Directory.GetFiles(directory, pattern))
            {
                File.Delete(stale);
            }
        }
    }

    private static bool Build(string path, double scale)
    {
        // A name of this process's own: nodes sharing a data directory may start together, each making it.
        string temp = $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        string stamp = StampPath(path);
        string stampTemp = $"{stamp}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var connection = new DuckDBConnection($"Data Source={temp}"))
            {
                connection.Open();
                Generate(connection, scale);
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "CHECKPOINT";
                checkpoint.ExecuteNonQuery();
            }
            File.WriteAllText(stampTemp, GeneratorVersion + "\n");
            File.Delete(stamp);
            // Nodes sharing a data directory may each replace it: every one is this generator's.
            File.Move(temp, path, overwrite: true);
            File.Move(stampTemp, stamp, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(temp);
            File.Delete(temp + ".wal");
            File.Delete(stampTemp);
        }
    }
}
