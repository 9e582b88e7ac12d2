using Strata.Core.Engine;

namespace Strata.Application.Executions;

/// <summary>Recognises a write that failed because the disk (or the user's disk quota) is full.</summary>
public static class DiskFull
{
    // errno values (Linux), which .NET puts in IOException.HResult on Unix.
    private const int Enospc = 28;
    private const int Edquot = 122;

    // HRESULT_FROM_WIN32(ERROR_HANDLE_DISK_FULL) and HRESULT_FROM_WIN32(ERROR_DISK_FULL).
    private const int HandleDiskFull = unchecked((int)0x80070027);
    private const int DiskFullWin32 = unchecked((int)0x80070070);

    /// <summary>True when the exception, or one it wraps, is a full disk: an I/O error with ENOSPC or
    /// EDQUOT, or DuckDB's own I/O error that quotes the system's "No space left on device".</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException { HResult: Enospc or Edquot or HandleDiskFull or DiskFullWin32 })
            {
                return true;
            }
            if (e is QueryFailedException && e.Message.Contains("No space left on device", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
