using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Test-speed2 (decision 257): ~3,000 cases each open a <see cref="DuneSqlDb"/>, and opening one (a DuckDB instance, the
/// native functions, the prelude's macros) and disposing it cost ~40 ms of CPU against a few ms for the case's own queries.
/// A finished case's database is reused by a later case only once it is in the state of a fresh one, and that state is
/// checked, not assumed:
/// <list type="bullet">
/// <item>its <c>dune</c> catalog (where a case's tables, views and schemas go) is detached and a new empty one attached;</item>
/// <item>it must then show the same settings, catalogs, schemas, tables, views, types, sequences, indexes, variables and
/// secrets as it did when it was new (<see cref="State"/>), and no transaction may be open; else it is disposed;</item>
/// <item>state the check does not read is never reused: a database whose case ran a text naming a macro, a function or an
/// extension load, registered a time zone's types, called JSON_TABLE (its row and character budget is the connection's,
/// spent across queries), generated the demo data or had other bounds than the defaults is disposed
/// (<see cref="DuneSqlDb.Dispose"/>).</item>
/// </list>
/// A case that changes nothing but its own tables (almost all) so costs the reset and the check (a few ms).
/// </summary>
internal sealed partial class DuneSqlDb
{
    private bool generated;

    private bool usedJsonTable;

    private bool disposed;

    /// <summary>The state this database showed new (<see cref="Pool.State"/>), for a database from the pool.</summary>
    private readonly string? fresh;

    /// <summary>Whether a text run on this database may have made a function or macro or loaded an extension (the state
    /// check leaves out <c>duckdb_functions()</c> and <c>duckdb_extensions()</c>: ~55 and ~16 ms of CPU, more than a new
    /// database costs).</summary>
    private bool madeFunctions;

    internal bool MadeFunctions => madeFunctions;

    /// <summary>Notes what a text run on this database does that the pool's state check does not see.</summary>
    private string Tracked(string sql)
    {
        usedJsonTable |= DuneJsonTable.UsedBy(sql) || DuneFrameBudget.UsedBy(sql); // a budget of the connection's
        madeFunctions |= FunctionsOrExtensions().IsMatch(sql);
        return sql;
    }

    [GeneratedRegex(@"\b(MACRO|FUNCTION|LOAD|INSTALL)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FunctionsOrExtensions();

    internal static class Pool
    {
        /// <summary>Idle databases beyond this many are disposed (xunit's threads and the corpus classes' workers use a few at once).</summary>
        private static readonly int MaxIdle = 2 * Environment.ProcessorCount + 2;

        /// <summary>Idle connections, each with the state it showed when it was new.</summary>
        private static readonly ConcurrentBag<(DuckDBConnection Connection, string Fresh)> Idle = [];

        private static long opened, reused, discarded;

        /// <summary>How many databases were opened, reused and found changed and disposed (for the note's figures).</summary>
        internal static (long Opened, long Reused, long Discarded) Counts => (Interlocked.Read(ref opened), Interlocked.Read(ref reused), Interlocked.Read(ref discarded));

        /// <summary>An idle database, or a new one; and the state it showed new.</summary>
        public static (DuckDBConnection Connection, string Fresh) Take()
        {
            if (Idle.TryTake(out var idle))
            {
                Interlocked.Increment(ref reused);
                return idle;
            }
            var connection = Open(null, null);
            try
            {
                string fresh = State(connection);
                Interlocked.Increment(ref opened);
                return (connection, fresh);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Keeps the connection for a later case when <see cref="Reusable"/>, else disposes it.</summary>
        public static void Return(DuckDBConnection connection, string fresh)
        {
            if (Reusable(connection, fresh) && Idle.Count < MaxIdle)
            {
                Idle.Add((connection, fresh));
            }
            else
            {
                Interlocked.Increment(ref discarded);
                connection.Dispose();
            }
        }

        /// <summary>Resets the connection's <c>dune</c> catalog; true when it then shows the state it showed new.</summary>
        internal static bool Reusable(DuckDBConnection connection, string fresh)
        {
            try
            {
                // BEGIN fails inside an open transaction: a case that left one open leaves this database unused.
                Exec(connection, "BEGIN TRANSACTION; ROLLBACK;");
                Exec(connection, "USE memory; DETACH dune; " + Catalog);
                return State(connection) == fresh;
            }
            catch (DuckDBException)
            {
                // An invalidated database, a catalog the case detached or renamed: not reused.
                return false;
            }
        }

        /// <summary>What DuckDB shows of a database's state, as one text: every setting's value, the attached catalogs, and
        /// every schema, table, view, type, sequence, index, variable and secret, and the current catalog and schema
        /// (~8 ms of CPU at load 40; functions, macros and extensions are left to <see cref="Tracked"/>).</summary>
        internal static string State(DuckDBConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT string_agg(x, chr(10) ORDER BY x) FROM (
                  SELECT 'setting ' || name || '=' || coalesce(value, '<null>') AS x FROM duckdb_settings()
                  UNION ALL SELECT 'database ' || database_name || ' ' || coalesce(path, '') || ' ' || type || ' ' || readonly FROM duckdb_databases()
                  UNION ALL SELECT 'schema ' || database_name || '.' || schema_name FROM duckdb_schemas()
                  UNION ALL SELECT 'table ' || database_name || '.' || schema_name || '.' || table_name || ' ' || coalesce(sql, '') FROM duckdb_tables()
                  UNION ALL SELECT 'view ' || database_name || '.' || schema_name || '.' || view_name || ' ' || coalesce(sql, '') FROM duckdb_views() WHERE NOT internal
                  UNION ALL SELECT 'type ' || database_name || '.' || schema_name || '.' || type_name || ' ' || coalesce(logical_type, '') FROM duckdb_types() WHERE NOT internal
                  UNION ALL SELECT 'sequence ' || database_name || '.' || schema_name || '.' || sequence_name FROM duckdb_sequences()
                  UNION ALL SELECT 'index ' || database_name || '.' || schema_name || '.' || index_name FROM duckdb_indexes()
                  UNION ALL SELECT 'variable ' || name || '=' || coalesce(CAST(value AS VARCHAR), '<null>') FROM duckdb_variables()
                  UNION ALL SELECT 'secret ' || name FROM duckdb_secrets()
                  UNION ALL SELECT 'current ' || current_database() || '.' || current_schema()
                )
                """;
            return command.ExecuteScalar() as string ?? "";
        }
    }
}
