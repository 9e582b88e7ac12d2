using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Strata.Storage.Files;

/// <summary>
/// The server's hold on its data directory: an OS lock (flock) on <c>&lt;data&gt;/server.lock</c>, held for the process's
/// lifetime and released by the OS when the process ends, however it ends (kill -9 included). A server alone on the
/// directory (SQLite metadata) holds it exclusively and writes its pid into <c>server.pid</c> beside it (a reader of the
/// lock file itself would need the lock); cluster nodes (PostgreSQL metadata),
/// which share the directory by design, hold it shared. So a second server alone on a directory in use, or a cluster node
/// on a directory a server alone holds, is refused before it touches anything (the start-up sweeps would remove the files
/// the first one is using). The CLI's commands that write the directory (ingest, keys) take no part: they coordinate
/// through the metadata store and the chain locks, as before.
/// <para>
/// The lock is taken by a direct <c>flock</c> on the file's descriptor as well as by .NET's <see cref="FileShare"/>
/// (hostile25): <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING=1</c> (the runtime switch <c>System.IO.DisableFileLocking</c>)
/// turns .NET's own flock off, and with it the lock held nothing, so two servers shared one directory silently. The direct
/// call is the same lock (flock on the same open file; the second call on a descriptor that holds it already is a no-op),
/// so both agree whether or not the variable is set.
/// </para>
/// </summary>
public sealed partial class DataDirectoryLock : IDisposable
{
    public const string FileName = "server.lock";
    public const string PidFileName = "server.pid";

    private readonly FileStream file;
    private readonly string? pidFile;

    private DataDirectoryLock(FileStream file, string? pidFile)
    {
        this.file = file;
        this.pidFile = pidFile;
    }

    /// <summary>
    /// Takes the lock (exclusive when <paramref name="shared"/> is false), or throws <see cref="InvalidOperationException"/>
    /// naming the directory and, when a server alone holds it, its pid.
    /// </summary>
    public static DataDirectoryLock Acquire(string dataDir, bool shared)
    {
        Directory.CreateDirectory(dataDir);
        string path = Path.Combine(dataDir, FileName);
        FileStream stream;
        try
        {
            // .NET takes flock(LOCK_EX | LOCK_NB) for FileShare.None and flock(LOCK_SH | LOCK_NB) otherwise; a shared lock is
            // opened for reading: .NET skips LOCK_SH on a file open for writing on NFS, SMB and CIFS.
            stream = shared
                ? new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite)
                : new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsHeld(e))
        {
            throw new InvalidOperationException(Refusal(Path.GetFullPath(dataDir), path, shared));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"cannot lock the data directory {Path.GetFullPath(dataDir)} ({FileName}): {e.Message}");
        }
        // Only EWOULDBLOCK (11 on Linux, 35 on macOS) means another holder. Any other failure (ENOLCK, EOPNOTSUPP, EINVAL:
        // a file system without locks, as some NFS, CIFS and FUSE mounts are) is one .NET's own lock ignores too, and the
        // server starts as it did before this direct lock (a review of decision 256: refusing there stopped servers
        // that had started).
        if (Flock(stream, shared) is 11 or 35)
        {
            stream.Dispose();
            throw new InvalidOperationException(Refusal(Path.GetFullPath(dataDir), path, shared));
        }
        string? pidFile = null;
        if (!shared)
        {
            pidFile = Path.Combine(dataDir, PidFileName);
            File.WriteAllText(pidFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n", Encoding.ASCII);
        }
        return new DataDirectoryLock(stream, pidFile);
    }

    private static string Refusal(string dataDir, string path, bool shared)
    {
        if (!shared && HeldShared(path))
        {
            return $"the data directory {dataDir} is in use by Strata cluster nodes (PostgreSQL metadata); "
                + "a server with SQLite metadata needs a data directory of its own (STRATA_DATA_DIR)";
        }
        string holder = HolderPid(Path.Combine(Path.GetDirectoryName(path)!, PidFileName)) is { } pid ? $" (pid {pid})" : "";
        return $"the data directory {dataDir} is in use by another Strata server{holder}; "
            + "stop it first, or give this one a data directory of its own (STRATA_DATA_DIR)";
    }

    /// <summary>Whether the holders hold the lock shared (cluster nodes): a shared lock can be taken beside theirs.</summary>
    private static bool HeldShared(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return Flock(probe, shared: true) == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The pid the server alone holding the lock wrote, or null (cluster nodes write none).</summary>
    private static string? HolderPid(string path)
    {
        try
        {
            using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[32];
            int n = reader.Read(buffer);
            string text = Encoding.ASCII.GetString(buffer, 0, n).Trim();
            return text.Length > 0 && text.All(char.IsAsciiDigit) ? text : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether opening failed because another process holds the lock: flock's EWOULDBLOCK, which .NET reports as an
    /// IOException carrying the errno (11 on Linux, 35 on macOS); any other failure is reported as itself.</summary>
    private static bool IsHeld(IOException e) => e.HResult is 11 or 35;

    /// <summary>
    /// flock(LOCK_SH or LOCK_EX, LOCK_NB) on the stream's descriptor, whatever .NET's file-locking switch says: 0 when held,
    /// else the errno (EWOULDBLOCK, 11 on Linux and 35 on macOS, when another process holds it). Where there is no flock
    /// (Windows, whose sharing modes .NET's FileShare enforces in the OS and no variable turns off), 0.
    /// </summary>
    private static int Flock(FileStream stream, bool shared)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return 0;
        }
        const int LockShared = 1, LockExclusive = 2, NonBlocking = 4;
        bool added = false;
        var handle = stream.SafeFileHandle;
        try
        {
            handle.DangerousAddRef(ref added);
            return FlockCall((int)handle.DangerousGetHandle(), (shared ? LockShared : LockExclusive) | NonBlocking) == 0
                ? 0
                : Marshal.GetLastPInvokeError();
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FlockCall(int fd, int operation);

    /// <summary>Removes the pid file while the lock is still held (after, it could be the next server's), then releases it.</summary>
    public void Dispose()
    {
        if (pidFile is not null)
        {
            try
            {
                File.Delete(pidFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind: read only while a holder has the lock, and rewritten by the next one.
            }
        }
        file.Dispose();
    }
}
