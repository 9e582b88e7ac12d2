using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// hostile31 (decision 294): the demo file names the generator that built it (a stamp beside it), and a file an older
/// generator built, or one without a stamp (every file from before stamps), is built again at start; a current one is kept.
/// </summary>
public sealed class Hostile31DemoStampTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("strata-h31-stamp-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static List<string> Tables(string path)
    {
        using var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT schema_name || '.' || table_name FROM duckdb_tables() ORDER BY 1";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    [Fact]
    public void An_old_generators_file_is_built_again_and_a_current_one_kept()
    {
        string path = DemoDatabase.PathIn(directory);
        // An older generator's file: no stamp, one table of its own.
        using (var connection = new DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE SCHEMA ethereum; CREATE TABLE ethereum.old_only AS SELECT 1 AS x";
            command.ExecuteNonQuery();
        }
        Assert.False(DemoData.IsCurrent(path));

        Assert.True(DemoData.EnsureFile(path, 0.001));
        var tables = Tables(path);
        Assert.DoesNotContain("ethereum.old_only", tables);
        Assert.Contains("ethereum.transactions", tables);
        Assert.Equal(DemoData.GeneratorVersion, File.ReadAllText(DemoData.StampPath(path)).Trim());
        Assert.True(DemoData.IsCurrent(path));
        // Nothing of the build is left beside it.
        Assert.Equal(new[] { Path.GetFileName(path), Path.GetFileName(DemoData.StampPath(path)), Path.GetFileName(DemoData.LockPath(path)) },
            Directory.GetFiles(directory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());

        // Current: kept as it is.
        var written = File.GetLastWriteTimeUtc(path);
        Assert.False(DemoData.EnsureFile(path, 0.001));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));

        // A stamp naming another generator: built again.
        File.WriteAllText(DemoData.StampPath(path), "0123456789abcdef0123456789abcdef\n");
        Assert.False(DemoData.IsCurrent(path));
        Assert.True(DemoData.EnsureFile(path, 0.001));
        Assert.True(DemoData.IsCurrent(path));
    }

    [Fact]
    public void A_build_that_fails_leaves_the_old_file_and_no_stamp_naming_it()
    {
        // A build killed part-way never reaches the rename: the real name keeps the old file, which stays unstamped
        // (built again next time). A scale the generator refuses stands in for the kill: it fails before the rename.
        string path = DemoDatabase.PathIn(directory);
        File.WriteAllText(path, "old");
        Assert.ThrowsAny<Exception>(() => DemoData.EnsureFile(path, double.NaN));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.False(File.Exists(DemoData.StampPath(path)));
        Assert.Equal(new[] { Path.GetFileName(path), Path.GetFileName(DemoData.LockPath(path)) },
            Directory.GetFiles(directory).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray());
    }
}
