using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Results.Querying;
using Strata.Core.Queries;
using Strata.Core.Views;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The tables a statement names, from DuckDB's parse tree (<c>json_serialize_sql</c> in a bare in-memory
/// instance that reads no file and runs nothing): DuneSQL is translated first, as for a run.
/// </summary>
public sealed class DuckDbStatementTables : IStatementTables
{
    public IReadOnlyList<TableReference> TablesOf(string sql, SqlDialect dialect)
    {
        string text;
        try
        {
            text = dialect == SqlDialect.DuneSql ? DuneSqlTranslator.Translate(sql).Sql : sql;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A text the translator refuses fails when it runs, with the translator's message.
            return [];
        }
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string json;
        try
        {
            json = DuckDbCommands.Scalar(connection, $"SELECT json_serialize_sql({SqlQuoting.QuoteString(text.Trim().TrimEnd(';'))})") as string ?? "";
        }
        catch (DuckDBException)
        {
            return [];
        }
        if (!json.StartsWith("{\"error\":false", StringComparison.Ordinal))
        {
            return [];
        }
        return StatementReferences.Parse(json, new HashSet<string>()).SchemaTables
            .Select(t => new TableReference(t.Schema, t.Name)).ToList();
    }
}
