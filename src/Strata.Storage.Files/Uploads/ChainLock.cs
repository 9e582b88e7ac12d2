namespace Strata.Storage.Files.Uploads;

/// <summary>
/// One ingester per chain and data directory: an exclusive lock (flock, through <see cref="FileShare.None"/>)
/// on <c>&lt;data&gt;/ingest/&lt;chain&gt;.lock</c>, held while it runs and released by the kernel when the
/// process ends, however it ends.
/// </summary>
public sealed class ChainLock : IDisposable
{
    private readonly FileStream file;

    private ChainLock(FileStream file) => this.file = file;

    /// <summary>The lock, or null when another process (or this one) holds it.</summary>
    public static ChainLock? TryAcquire(string dataDir, string chain)
    {
        string directory = Path.Combine(dataDir, "ingest");
        Directory.CreateDirectory(directory);
        try
        {
            return new ChainLock(new FileStream(Path.Combine(directory, chain + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => file.Dispose();
}
