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

    /// <summary>
    /// Writes the demo database file at <paramref name="path"/> unless it exists and this generator built it
    /// (<see cref="IsCurrent"/>): generated into a temporary name of this process, checkpointed, then renamed over the
    /// old one, so a crash never leaves a half-made file under the real name. The stamp is removed before the rename and
    /// written (itself by a rename) after it, so a crash between them leaves a file without a stamp, built again on the
    /// next start; a stamp never names a file it did not follow. True when it was written now.
    /// </summary>
    public static bool EnsureFile(string path, double scale) => !IsCurrent(path) && Rebuild(path, scale);

    /// <summary>Builds the demo file at <paramref name="path"/> whatever is there (the CLI's <c>demo</c> command), as
    /// <see cref="EnsureFile"/> does. A running server keeps reading the file it opened.</summary>
    public static bool Rebuild(string path, double scale)
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
