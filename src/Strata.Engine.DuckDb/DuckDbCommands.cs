using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>One-shot statements on a connection: for set-up and server-built SQL, never user SQL.</summary>
internal static class DuckDbCommands
{
    public static void Exec(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Bytes the instance of a connection holds in DuckDB's file caches (external file contents, object cache).</summary>
    public static long CachedBytes(DuckDBConnection connection) => System.Convert.ToInt64(
        Scalar(connection, "SELECT coalesce(sum(memory_usage_bytes), 0)::BIGINT FROM duckdb_memory() WHERE tag IN ('EXTERNAL_FILE_CACHE', 'OBJECT_CACHE')"),
        System.Globalization.CultureInfo.InvariantCulture);
}
