using System.Security.Cryptography;

namespace Strata.Engine.DuckDb;

/// <summary>
/// One execution's DuckDB <c>temp_directory</c>: <c>&lt;root&gt;/&lt;32 random hex digits&gt;</c>, owner-only
/// (0700), removed when the execution ends. DuckDB adds its temp directory to the instance's
/// allowed directories with a trailing separator, so an execution may read only below its own
/// directory: it cannot list the root, and it cannot name another execution's directory (128
/// random bits, all names the same length, so none is a prefix of another).
/// </summary>
internal sealed class SpillDirectory : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private SpillDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static SpillDirectory Create(string root)
    {
        CreateOwnerOnly(root);
        string path = System.IO.Path.Combine(root, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        CreateOwnerOnly(path);
        return new SpillDirectory(path);
    }

    /// <summary>
    /// The spill cap an instance or execution gets: <paramref name="limit"/>, lowered to half of what the disk holding
    /// <paramref name="root"/> has free now (so a cap larger than the disk fails the query before the disk fills, and
    /// executions spilling at once never take all of it: each leaves at least as much as it may take, for the uploads,
    /// results and metadata of every owner; hostile4 saw one exploding recursive CTE spill 3.8 GB with the cap at all
    /// of the 19 GB free), never below 0. When the system cannot say how much is free, the limit itself. The one place both the
    /// executions' sandbox and the server's own instances (loader, result views) take their cap from.
    /// </summary>
    public static long CapToFree(string root, long limit) => CapToFree(limit, FreeBytes(root));

    /// <summary><see cref="CapToFree(string, long)"/> with the free bytes given (null: unknown).</summary>
    internal static long CapToFree(long limit, long? free) => Math.Max(0, free is long f ? Math.Min(limit, f / 2) : limit);

    /// <summary>Free bytes on the disk holding the spill root; null when the system cannot say.</summary>
    public static long? FreeBytes(string root)
    {
        try
        {
            return new DriveInfo(root).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Removes every directory and file under the root (start-up: no execution runs yet); returns how many entries went.</summary>
    public static int Sweep(string root)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }
        int removed = 0;
        try
        {
            foreach (string entry in Directory.GetFileSystemEntries(root))
            {
                if (TryDelete(entry))
                {
                    removed++;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // What could not be listed stays; the next start-up tries again.
        }
        return removed;
    }

    public void Dispose() => TryDelete(Path);

    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        Directory.CreateDirectory(path, OwnerOnly);
        // CreateDirectory leaves an existing directory's mode alone (and the umask may narrow it):
        // set it, so a root created by an earlier version with 0755 is closed too.
        File.SetUnixFileMode(path, OwnerOnly);
    }

    internal static bool TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
