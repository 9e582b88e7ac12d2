using Strata.Core.Queries;
using Strata.Core.Views;

namespace Strata.Core.Engine;

/// <summary>The tables a statement names, read with the engine's own parser (for lineage: which views a query reads).</summary>
public interface IStatementTables
{
    /// <summary>The distinct tables <paramref name="sql"/> references (common table expressions excluded); when the text cannot be
/// parsed or translated, every qualified name it holds (<c>schema.name</c>, <c>catalog.schema.name</c>: a superset).</summary>
    IReadOnlyList<TableReference> TablesOf(string sql, SqlDialect dialect);
}
