namespace Strata.Core.Queries;

/// <summary>
/// The language of a query's text. DuneSQL (Dune's dialect of Trino) is the default everywhere;
/// the engine's native SQL (DuckDB) runs only when a request or saved query asks for it.
/// </summary>
public enum SqlDialect
{
    /// <summary>DuneSQL: translated to the engine's SQL before it runs. The default.</summary>
    DuneSql = 0,

    /// <summary>DuckDB's own SQL, run as written.</summary>
    DuckDb = 1,
}

/// <summary>The wire spelling of <see cref="SqlDialect"/> (the <c>query_engine</c> field).</summary>
public static class SqlDialects
{
    /// <summary>What Dune reports for DuneSQL queries, and what Strata reports.</summary>
    public const string DuneSqlWire = "v2 Dune SQL";

    public const string DuckDbWire = "duckdb";

    /// <summary>The accepted values, for error messages.</summary>
    public const string AllowedText = "\"v2 Dune SQL\" (or \"dunesql\", the default) or \"duckdb\"";

    public static string ToWire(this SqlDialect dialect) => dialect == SqlDialect.DuckDb ? DuckDbWire : DuneSqlWire;

    /// <summary>Reads a <c>query_engine</c> value, ignoring case and surrounding spaces.</summary>
    public static bool TryParse(string? text, out SqlDialect dialect)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "v2 dune sql" or "dunesql" or "dune sql" or "dune_sql":
                dialect = SqlDialect.DuneSql;
                return true;
            case "duckdb":
                dialect = SqlDialect.DuckDb;
                return true;
            default:
                dialect = SqlDialect.DuneSql;
                return false;
        }
    }

    /// <summary>The tag stored in the metadata store (NULL, from databases older than the field, is DuneSQL).</summary>
    public static string ToStored(this SqlDialect dialect) => dialect == SqlDialect.DuckDb ? "duckdb" : "dunesql";

    public static SqlDialect FromStored(string? stored) => stored == "duckdb" ? SqlDialect.DuckDb : SqlDialect.DuneSql;
}
