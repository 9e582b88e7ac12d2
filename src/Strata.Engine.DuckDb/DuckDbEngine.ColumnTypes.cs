using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The demo tables' column types, read once when the engine starts, given to the DuneSQL translator so that a division of
/// a demo column is written in Trino's form without the bound-type probe (decision "dune-types6"). Uploads, views and
/// chain tables are left to the probe; a demo name that a request's own table takes, or a
/// schema an ingested chain replaces, is not looked up.
/// </summary>
public sealed partial class DuckDbEngine
{
    /// <summary>"schema.table.column" → the type DuckDB's typeof gives the column in the sandbox (BIGNUM is uint256 there).</summary>
    private static Dictionary<string, string> ReadDemoColumnTypes(DuckDBCommand command)
    {
        command.CommandText = $"SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = '{DemoCatalog}'";
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string type = reader.GetString(3);
            types[reader.GetString(0) + "." + reader.GetString(1) + "." + reader.GetString(2)] = type is "BIGNUM" or "VARINT" ? DuneInt256Types.Uint256 : type;
        }
        return types;
    }

    /// <summary>The demo columns' types as the request's sandbox shows them: none for a schema an ingested chain replaces
    /// whole (DuckDbSandbox), nor for a name one of the request's tables takes.</summary>
    private DuneColumnTypes ColumnTypesFor(EngineRequest request)
    {
        var taken = request.Tables.Select(t => t.Namespace + "." + t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var chainSchemas = request.Tables.Where(t => t.Chain).Select(t => t.Namespace).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (schema, table, column) => taken.Contains(schema + "." + table) || chainSchemas.Contains(schema) ? null
            : demoColumnTypes.GetValueOrDefault(schema + "." + table + "." + column);
    }
}
