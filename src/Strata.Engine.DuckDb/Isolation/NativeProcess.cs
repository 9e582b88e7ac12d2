using System.Globalization;
using System.Runtime.InteropServices;

namespace Strata.Engine.DuckDb.Isolation;

/// <summary>The few system calls the engine worker and its watchdog need (Linux; elsewhere they do nothing or fall back).</summary>
internal static partial class NativeProcess
{
    private const int PrSetPdeathsig = 1;
    private const int Sigkill = 9;

    /// <summary>
    /// Asks the kernel to SIGKILL this process when the thread that started it ends (the server
    /// starts workers from one thread that lives as long as the process). False when the parent
    /// is already gone: <paramref name="expectedParent"/> is no longer the parent.
    /// </summary>
    public static bool DieWithParent(int expectedParent)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }
        _ = prctl(PrSetPdeathsig, Sigkill, 0, 0, 0);
        return getppid() == expectedParent;
    }

    /// <summary>Makes the kernel's out-of-memory killer pick this process before the server (best effort).</summary>
    public static void PreferForOomKill()
    {
        try
        {
            File.WriteAllText("/proc/self/oom_score_adj", "800");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the watchdog still bounds the worker.
        }
    }

    /// <summary>
    /// Moves the process's standard output to a new descriptor, returned as a stream, and points
    /// descriptor 1 at standard error: whatever else writes to standard output (the runtime, native
    /// code) cannot corrupt the frames.
    /// </summary>
    public static Stream TakeStandardOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }
        int fd = dup(1);
        if (fd < 0 || dup2(2, 1) < 0)
        {
            throw new IOException("The engine worker could not move its standard output.");
        }
        return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, 1);
    }

    /// <summary>Ends the process at once, without running finalizers or waiting for engine threads.</summary>
    public static void ExitNow(int code)
    {
        if (OperatingSystem.IsWindows())
        {
            Environment.Exit(code);
        }
        _exit(code);
    }

    /// <summary>Resident memory of a process in bytes (Linux: <c>/proc/&lt;pid&gt;/statm</c>); null when it has ended.</summary>
    public static long? ResidentBytes(System.Diagnostics.Process process)
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                process.Refresh();
                return process.HasExited ? null : process.WorkingSet64;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
        try
        {
            // "size resident shared text lib data dt", in pages.
            string text = File.ReadAllText($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/statm");
            int start = text.IndexOf(' ', StringComparison.Ordinal) + 1;
            int end = text.IndexOf(' ', start);
            return long.Parse(text.AsSpan(start, end - start), CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    [LibraryImport("libc")]
    private static partial int prctl(int option, ulong arg2, ulong arg3, ulong arg4, ulong arg5);

    [LibraryImport("libc")]
    private static partial int getppid();

    [LibraryImport("libc")]
    private static partial int dup(int fd);

    [LibraryImport("libc")]
    private static partial int dup2(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "_exit")]
    private static partial void _exit(int status);
}
