namespace Strata.Tests.DuneSql;

public sealed partial class DuneSqlCorpusTests
{
    /// <summary>Dune's column sets (as DuckDB types) of the further spellbook tables the real corpus reads
    /// (dashboards' query repositories beyond the demo's tables).</summary>
    internal const string MoreSchema = """
        CREATE SCHEMA cex;
        CREATE TABLE cex.addresses (blockchain VARCHAR, address BLOB, cex_name VARCHAR, distinct_name VARCHAR, added_by VARCHAR,
          added_date DATE);
        """;
}
