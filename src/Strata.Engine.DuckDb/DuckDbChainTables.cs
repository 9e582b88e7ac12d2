using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The demo database's tables and views as the catalog shows them: columns with Dune's type names (the
/// sandbox's views type the BIGNUM amounts uint256, as <see cref="DuckDbTypes.DuneName"/> does) and the
/// file's write time as the data's time. Read once, on first use, from a read-only attachment.
/// </summary>
public sealed class DuckDbChainTables(string demoDatabasePath) : IChainTables
{
    private const string Catalog = "_strata_demo";
    private readonly Lazy<IReadOnlyList<EngineTable>> tables = new(() => Read(demoDatabasePath));

    public IReadOnlyList<EngineTable> Tables => tables.Value;

    private static List<EngineTable> Read(string path)
    {
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        DuckDbCommands.Exec(connection, $"ATTACH {SqlQuoting.QuoteString(path)} AS {Catalog} (READ_ONLY)");
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT schema_name, table_name, column_name, data_type, is_nullable FROM duckdb_columns() "
            + $"WHERE database_name = '{Catalog}' AND NOT internal ORDER BY schema_name, table_name, column_index";
        using var reader = command.ExecuteReader();
        var result = new List<EngineTable>();
        List<EngineColumn>? columns = null;
        (string Schema, string Name) current = ("", "");
        while (reader.Read())
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (columns is null || key != current)
            {
                current = key;
                columns = [];
                result.Add(new EngineTable(key.Item1, key.Item2, columns, written, written));
            }
            columns.Add(new EngineColumn(reader.GetString(2), DuckDbTypes.DuneName(reader.GetString(3)), reader.GetBoolean(4)));
        }
        return result;
    }
}
