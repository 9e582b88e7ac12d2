using System.Runtime.InteropServices;

namespace Strata.Storage.Files;

/// <summary>The process file-creation mask (Unix): what the server creates is private to its user.</summary>
public static partial class ProcessUmask
{
    /// <summary>Sets the umask to 077 on Unix and returns the previous one; null on Windows.</summary>
    public static uint? OwnerOnly() => OperatingSystem.IsWindows() ? null : umask(0b000_111_111);

    [LibraryImport("libc")]
    private static partial uint umask(uint mask);
}
