using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

public static partial class DemoData
{
    /// <summary>
    /// Writes the demo database file at <paramref name="path"/> unless it exists: generated into
    /// a temporary name of this process, checkpointed, then renamed, so a crash never leaves a half-made file under the
    /// real name. True when it was written now.
    /// </summary>
    public static bool EnsureFile(string path, double scale)
    {
        if (File.Exists(path))
        {
            return false;
        }
        // A name of this process's own: nodes sharing a data directory may start together, each making it.
        string temp = $"{path}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
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
            try
            {
                File.Move(temp, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another node made it first; theirs is as good.
                return false;
            }
            return true;
        }
        finally
        {
            File.Delete(temp);
            File.Delete(temp + ".wal");
        }
    }
}
