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
}
