using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb;
using Strata.Storage.Files.Results;

namespace Strata.Tests.DuneSql;

/// <summary>An in-process engine over a demo database made by the given SQL in a temporary directory (one medium tier of
/// 256 MB), with a result store beside it.</summary>
internal sealed class DemoEngineFixture : IDisposable
{
    private readonly string directory;

    public DemoEngineFixture(string prefix, string demoSql)
    {
        directory = Directory.CreateTempSubdirectory(prefix).FullName;
        string demo = Path.Combine(directory, "demo.duckdb");
        using (var connection = new DuckDBConnection($"Data Source={demo}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = demoSql;
            command.ExecuteNonQuery();
        }
        var tier = new DuckDbTierSettings(1, "256MB", 1L << 30);
        Engine = new DuckDbEngine(new DuckDbEngineSettings(demo, Path.Combine(directory, "tmp"), new Dictionary<PerformanceTier, DuckDbTierSettings>
        {
            [PerformanceTier.Medium] = tier,
        }));
        Results = new LocalResultStore(Path.Combine(directory, "results"));
    }

    public DuckDbEngine Engine { get; }

    public LocalResultStore Results { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
