using System.Globalization;
using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The column types of the tables a request can read, given to the DuneSQL translator so that a division of a column is
/// written in Trino's form without the bound-type probe (decisions "dune-types6", "dune-types7"): the demo tables (read
/// once when the engine starts) and the request's own tables (uploads, materialized views, chain tables), as the sandbox's
/// views type them. A request's table in a demo schema that is not a chain table (never set up) hides the demo name; a
/// schema an ingested chain replaces shows only the chain's tables.
/// </summary>
public sealed partial class DuckDbEngine
{
    /// <summary>"schema.table" → column → the type DuckDB's typeof gives the column in the sandbox (BIGNUM is uint256 there, int256 for DemoData's signed columns).</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string?>> ReadDemoColumnTypes(DuckDBCommand command)
    {
        command.CommandText = $"SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns() WHERE database_name = '{DemoCatalog}'";
        var tables = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.OrdinalIgnoreCase);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string key = reader.GetString(0) + "." + reader.GetString(1), type = reader.GetString(3);
            if (!tables.TryGetValue(key, out var columns))
            {
                tables[key] = columns = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            }
            ((Dictionary<string, string?>)columns)[reader.GetString(2)] = type switch
            {
                "BIGNUM" or "VARINT" => DemoData.BignumColumnType(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
                // a signed BIGNUM[] is int256[] in the sandbox's view (DuckDbSandbox.ReadDemoUint256Columns)
                "BIGNUM[]" or "VARINT[]" when DemoData.BignumColumnType(reader.GetString(0), reader.GetString(1), reader.GetString(2)) == DuneInt256Types.Int256
                    => DuneInt256Types.Int256 + "[]",
                _ => type,
            };
        }
        return tables;
    }

    /// <summary>The columns of the tables the request's sandbox shows, by schema and name.</summary>
    private DuneColumnTypes ColumnTypesFor(EngineRequest request)
    {
        var own = new Dictionary<string, IReadOnlyDictionary<string, string?>?>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in request.Tables)
        {
            string key = table.Namespace + "." + table.Name;
            own[key] = own.ContainsKey(key) || (DemoSchemas.Contains(table.Namespace) && !table.Chain) ? null
                : table.Columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.Count() == 1 ? SandboxType(g.First().Type) : null, StringComparer.OrdinalIgnoreCase);
        }
        var chainSchemas = request.Tables.Where(t => t.Chain).Select(t => t.Namespace).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (schema, table) => own.TryGetValue(schema + "." + table, out var columns) ? columns
            : chainSchemas.Contains(schema) ? null : demoColumnTypes.GetValueOrDefault(schema + "." + table);
    }

    /// <summary>The type typeof gives a request table's column in the sandbox's view (DuckDbSandbox.TableView: the stored
    /// Parquet type, 256-bit integers cast to their types), for the numeric kinds; null for the others.</summary>
    internal static string? SandboxType(UploadColumnType type) => type.Kind switch
    {
        UploadTypeKind.Integer => "INTEGER",
        UploadTypeKind.Bigint => "BIGINT",
        UploadTypeKind.Double => "DOUBLE",
        UploadTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({type.Precision},{type.Scale})"),
        UploadTypeKind.Uint256 => DuneInt256Types.Uint256,
        UploadTypeKind.Int256 => DuneInt256Types.Int256,
        _ => null,
    };
}
