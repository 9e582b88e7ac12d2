using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The DuckDB engine answers when its native library loads and the demo database attaches read-only and
/// lists its tables: what every execution needs first. Runs on a worker thread, outside the slots.
/// </summary>
public sealed class DuckDbProbe(string demoDatabasePath) : IEngineProbe
{
    public Task ProbeAsync(CancellationToken cancellationToken) => Task.Run(() =>
    {
        if (!File.Exists(demoDatabasePath))
        {
            throw new FileNotFoundException("the demo database is missing", demoDatabasePath);
        }
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        DuckDbCommands.Exec(connection, $"ATTACH {SqlQuoting.QuoteString(demoDatabasePath)} AS _strata_probe (READ_ONLY)");
        var tables = Convert.ToInt64(
            DuckDbCommands.Scalar(connection, "SELECT count(*) FROM duckdb_tables() WHERE database_name = '_strata_probe'"),
            System.Globalization.CultureInfo.InvariantCulture);
        if (tables == 0)
        {
            throw new InvalidOperationException("the demo database holds no tables");
        }
    }, cancellationToken);
}
