using DuckDB.NET.Data;
using DuckDB.NET.Native;

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

    /// <summary>
    /// Runs one server-built statement with <c>duckdb_query</c>, which binds and plans it once, and returns
    /// the first value of its first row as a number (0 when it has none). A <see cref="DuckDBCommand"/>
    /// prepares its statement (a bind) and then executes the prepared statement, and DuckDB binds a
    /// prepared statement again when it reads files through a table function (<c>read_csv</c>,
    /// <c>read_ndjson_objects</c>, <c>read_parquet</c> require a rebind): the table loader's statements were
    /// planned twice, and planning is most of their cost (docs/benchmarks.md, "Table loader planning").
    /// A failure throws <see cref="DuckDbStatementException"/> with DuckDB's message; the token interrupts
    /// the statement as <see cref="DuckDBCommand.Cancel"/> does.
    /// </summary>
    public static long RunPlannedOnce(DuckDBConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(() => NativeMethods.Startup.DuckDBInterrupt(connection.NativeConnection));
        var state = NativeMethods.Query.DuckDBQuery(connection.NativeConnection, sql, out var result);
        try
        {
            if (state != DuckDBState.Success)
            {
                throw new DuckDbStatementException(NativeMethods.Query.DuckDBResultError(ref result));
            }
            return NativeMethods.Query.DuckDBColumnCount(ref result) > 0 && NativeMethods.Query.DuckDBRowCount(ref result) > 0
                ? NativeMethods.Types.DuckDBValueInt64(ref result, 0, 0)
                : 0;
        }
        finally
        {
            NativeMethods.Query.DuckDBDestroyResult(ref result);
        }
    }

    /// <summary>Bytes the instance of a connection holds in DuckDB's file caches (external file contents, object cache).</summary>
    public static long CachedBytes(DuckDBConnection connection) => System.Convert.ToInt64(
        Scalar(connection, "SELECT coalesce(sum(memory_usage_bytes), 0)::BIGINT FROM duckdb_memory() WHERE tag IN ('EXTERNAL_FILE_CACHE', 'OBJECT_CACHE')"),
        System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A statement run by <see cref="DuckDbCommands.RunPlannedOnce"/> failed; the message is DuckDB's.</summary>
internal sealed class DuckDbStatementException(string message) : Exception(message);
