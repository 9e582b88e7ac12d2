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
    /// written now. <paramref name="waiting"/> is called once when another holds the lock (this one then waits for it).
    /// </summary>
    public static bool EnsureFile(string path, double scale, Action? waiting = null)
    {
        using var held = Lock(path, waiting);
        RemoveStale(path);
        return !IsCurrent(path) && Build(path, scale);
    }

    /// <summary>Builds the demo file at <paramref name="path"/> whatever is there (the CLI's <c>demo</c> command), under
    /// the demo lock as <see cref="EnsureFile"/> does. A running server keeps reading the file it opened.</summary>
    public static bool Rebuild(string path, double scale)
    {
        using var held = Lock(path, null);
        RemoveStale(path);
        return Build(path, scale);
    }

    /// <summary>How often a node waiting for another's build looks at the lock again.</summary>
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>The demo lock, held exclusively (an advisory lock the system releases when its process ends, however it
    /// ends); while another process holds it, this one waits, for as long as that one's build takes.</summary>
    private static FileStream Lock(string path, Action? waiting)
    {
        while (true)
        {
            try
            {
                return new FileStream(LockPath(path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(LockPath(path)))
            {
                waiting?.Invoke();
                waiting = null;
                Thread.Sleep(LockPoll);
            }
        }
    }

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
