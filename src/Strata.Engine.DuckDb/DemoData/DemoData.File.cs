using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

public static partial class DemoData
{
    /// <summary>
    /// Writes the demo database file at <paramref name="path"/> unless it exists: generated into
    /// <c>{path}.tmp</c>, checkpointed, then renamed, so a crash never leaves a half-made file under the
    /// real name. True when it was written now.
    /// </summary>
    public static bool EnsureFile(string path, double scale)
    {
        if (File.Exists(path))
        {
            return false;
        }
        string temp = path + ".tmp";
        File.Delete(temp);
        File.Delete(temp + ".wal");
        using (var connection = new DuckDBConnection($"Data Source={temp}"))
        {
            connection.Open();
            Generate(connection, scale);
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "CHECKPOINT";
            checkpoint.ExecuteNonQuery();
        }
        File.Move(temp, path);
        return true;
    }
}
