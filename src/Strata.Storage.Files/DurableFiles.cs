using System.Runtime.InteropServices;

namespace Strata.Storage.Files;

/// <summary>
/// Makes a rename or a new directory entry durable: fsync of the directory itself (POSIX). .NET
/// cannot open a directory as a file, so this goes to libc. On Windows it does nothing (NTFS
/// journals the rename with the metadata).
/// </summary>
public static partial class DurableFiles
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000;

    /// <summary>Deletes a file if it can; one left behind is removed by the start-up sweep.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Makes a written file's data reach the disk (fsync).</summary>
    public static void SyncFile(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        file.Flush(flushToDisk: true);
    }

    public static void SyncDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        int fd = Open(path, ReadOnly | Directory);
        if (fd < 0)
        {
            throw new IOException($"Cannot open directory '{path}' to sync it (errno {Marshal.GetLastPInvokeError()}).");
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory '{path}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
