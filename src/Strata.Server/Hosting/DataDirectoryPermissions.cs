namespace Strata.Server.Hosting;

/// <summary>
/// Keeps the data directory private to the server's user: a umask of 077 for everything the process
/// creates (metadata, results, uploads, demo data, DuckDB's temporary files), and mode 700 on the data
/// directory itself, which also closes files that predate this (a directory others cannot enter hides
/// its files whatever their modes).
/// </summary>
public static class DataDirectoryPermissions
{
    /// <summary>Sets the process umask to 077 (Unix only); returns the previous mask, or null elsewhere.</summary>
    public static uint? RestrictUmask()
    {
        return Strata.Storage.Files.ProcessUmask.OwnerOnly();
    }

    /// <summary>Creates the directory if needed and makes it owner-only (Unix only).</summary>
    public static void Restrict(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
