namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The DuckDB type name (as <c>typeof</c> gives it) of a column of a table the caller knows, or null.</summary>
public delegate string? DuneColumnTypes(string schema, string table, string column);

/// <summary>
/// Column types from the catalog for the text-chosen division forms (decision "dune-types6"): a column operand of
/// <c>/</c> or <c>%</c> needs the bound-type probe (decision 109) unless its type is known. The translator sees no
/// schema, so the engine passes the types of the tables it knows for sure (the demo tables). Only a statement whose
/// one FROM names one such table (<c>schema.table [AS] alias</c>; no join, subquery, CTE, set operation, UNNEST, VALUES
/// or lambda whose names could shadow a column) resolves its columns, and only before ORDER BY (where a select-list
/// alias may take a column's name): there a bare name, the alias's or the table's name followed by <c>.column</c> is
/// the table's column, as DuckDB's binder resolves it.
/// </summary>
public static partial class DuneSqlTranslator
{
    /// <summary>Words after which a FROM item's alias cannot stand (the clause after it).</summary>
    private static readonly HashSet<string> ClauseAfterFrom = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "group", "having", "window", "qualify", "order", "limit", "offset", "fetch",
    };

    /// <summary>Words that make a statement more than one plain SELECT over one table.</summary>
    private static readonly HashSet<string> NotOneTable = new(StringComparer.OrdinalIgnoreCase)
    {
        "join", "with", "unnest", "union", "intersect", "except", "values", "lateral", "table", "pivot", "unpivot",
    };

    private sealed partial class Pass
    {
        /// <summary>The column types of the tables known for sure; null when none are given.</summary>
        public DuneColumnTypes? ColumnTypes { get; init; }

        /// <summary>The statement's one table (schema, name, alias) and where its ORDER BY starts; null when the columns
        /// cannot be resolved (computed once).</summary>
        private (string Schema, string Table, string? Alias, int OrderBy)? oneTable;

        private bool oneTableKnown;

        /// <summary>The catalog type of the column that tokens [from, last] name, or null.</summary>
        private string? ColumnType(int from, int last)
        {
            if (ColumnTypes is null || OneTable() is not { } t || from >= t.OrderBy || Is(Previous(from), "."))
            {
                return null;
            }
            if (from == last && tokens[from].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName)
            {
                return ColumnTypes(t.Schema, t.Table, UnquotedName(from));
            }
            int dot = Next(from, last + 1), column = Next(dot, last + 1);
            if (column != last || !Is(dot, ".") || tokens[from].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName)
                || tokens[last].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
            {
                return null;
            }
            string qualifier = UnquotedName(from);
            bool ours = t.Alias is { } alias ? qualifier.Equals(alias, StringComparison.OrdinalIgnoreCase) : qualifier.Equals(t.Table, StringComparison.OrdinalIgnoreCase);
            return ours ? ColumnTypes(t.Schema, t.Table, UnquotedName(last)) : null;
        }

        /// <summary>A name token's text, unquoted.</summary>
        private string UnquotedName(int i) => tokens[i].Kind == DuneTokenKind.QuotedName ? Text(i)[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : Text(i);

        private (string Schema, string Table, string? Alias, int OrderBy)? OneTable()
        {
            if (oneTableKnown)
            {
                return oneTable;
            }
            oneTableKnown = true;
            int selects = 0, from = -1, orderBy = tokens.Count;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].IsTrivia)
                {
                    continue;
                }
                if (Is(i, "select"))
                {
                    selects++;
                }
                else if (Is(i, "from"))
                {
                    if (from >= 0)
                    {
                        return null;
                    }
                    from = i;
                }
                else if (Is(i, "order") && orderBy == tokens.Count)
                {
                    orderBy = i;
                }
                else if (Is(i, "->") || (tokens[i].Kind == DuneTokenKind.Word && NotOneTable.Contains(Text(i))))
                {
                    return null;
                }
            }
            int schema = Next(from, tokens.Count), dot = Next(schema, tokens.Count), table = Next(dot, tokens.Count);
            if (selects != 1 || from < 0 || !Is(dot, ".") || table >= tokens.Count
                || tokens[schema].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName) || tokens[table].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
            {
                return null;
            }
            int after = Next(table, tokens.Count);
            string? alias = null;
            if (Is(after, "as"))
            {
                after = Next(after, tokens.Count);
                if (after >= tokens.Count || tokens[after].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
                {
                    return null;
                }
            }
            if (after < tokens.Count && tokens[after].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !ClauseAfterFrom.Contains(Text(after)))
            {
                alias = UnquotedName(after);
                after = Next(after, tokens.Count);
            }
            if (after < tokens.Count && !Is(after, ";") && !(tokens[after].Kind == DuneTokenKind.Word && ClauseAfterFrom.Contains(Text(after))))
            {
                return null;
            }
            oneTable = (UnquotedName(schema), UnquotedName(table), alias, orderBy);
            return oneTable;
        }
    }
}
