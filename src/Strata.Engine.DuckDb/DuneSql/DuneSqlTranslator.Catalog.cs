namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>information_schema.columns</c> spells <c>data_type</c> as Trino does (<c>varchar</c>, <c>bigint</c>,
/// <c>timestamp(3) with time zone</c>, <c>varbinary</c>, <c>uint256</c>, <c>decimal(38,0)</c>, <c>array(varchar)</c>), the
/// names a result's <c>column_types</c> give; DuckDB's own view says <c>VARCHAR</c>, <c>BLOB</c>, <c>INTEGER[]</c>. The
/// reference is read through a subquery that renames only that column with <c>dune_type_name</c>
/// (<see cref="DuneTypeNames"/>): its rows are the sandbox's own catalog view's, so it lists exactly the tables the
/// caller may read, and the statement still reads the catalog (the sandbox's rule for what it sets up is unchanged).
/// A table named with Dune's main catalog, <c>delta_prod.ethereum.transactions</c> (what Dune's Trino connector and
/// queries copied from it write), is the table of its schema: the catalog is written as the sandbox's own,
/// <c>dune</c>, which also holds uploads as <c>dune.&lt;team&gt;.&lt;table&gt;</c>.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>
        /// At <c>information_schema</c> (not itself qualified by a catalog): when it is <c>information_schema.columns</c>
        /// used as a table, emits the renaming subquery (aliased <c>columns</c> unless the text gives an alias) and returns
        /// the index past it; otherwise -1.
        /// </summary>
        private int TryEmitCatalogColumns(int i, int end) => Is(Previous(i), ".") ? -1 : TryEmitColumnsView(i, end);

        /// <summary>
        /// At Dune's catalog qualifying the catalog views, <c>dune.information_schema.tables</c> (what Dune's docs write
        /// for the connectors' metadata queries): the views are the sandbox's own <c>information_schema</c>, which lists
        /// exactly what the caller may read, so the catalog is dropped (DuckDB keeps them in its system catalog, not in
        /// <c>dune</c>). Returns the index to go on from, or -1 when the name at i is not that.
        /// </summary>
        private int TryEmitQualifiedCatalogViews(int i, int end)
        {
            int dot = Next(i, end);
            int views = Next(dot, end);
            bool catalog = IsWordOrQuoted(i, "dune") || IsWordOrQuoted(i, TrinoErrorMessages.DuneCatalog);
            if (!catalog || Is(Previous(i), ".") || !Is(dot, ".") || views >= end || !IsWordOrQuoted(views, "information_schema")
                || !Is(Next(views, end), "."))
            {
                return -1;
            }
            int past = TryEmitColumnsView(views, end);
            return past >= 0 ? past : views;
        }

        /// <summary>
        /// At <c>information_schema.tables</c>, <c>.columns</c> or <c>.schemata</c> used as a table: a subquery over the
        /// sandbox's view without the rows of the demo database's own catalog (its tables are listed once, as the
        /// <c>dune</c> views the caller reads; the base tables under the engine's internal catalog name were a second
        /// listing), <c>columns</c>' <c>data_type</c> in Dune's names. Returns the index past it, or -1.
        /// </summary>
        private int TryEmitColumnsView(int i, int end)
        {
            int dot = Next(i, end);
            int name = Next(dot, end);
            string? view = !Is(dot, ".") || name >= end ? null
                : IsWordOrQuoted(name, "columns") ? "columns" : IsWordOrQuoted(name, "tables") ? "tables" : IsWordOrQuoted(name, "schemata") ? "schemata" : null;
            int after = Next(name, end);
            if (view is null || Is(after, ".") || Is(after, "("))
            {
                return -1;
            }
            Out.Text(view == "columns" ? "(SELECT * REPLACE (dune_type_name(data_type) AS data_type) FROM " : "(SELECT * FROM ", Tokens[i]);
            for (int k = i; k <= name; k++)
            {
                Out.Copy(Tokens[k]);
            }
            string catalogColumn = view == "schemata" ? "catalog_name" : "table_catalog";
            bool aliased = after < end && (Is(after, "as")
                || (Tokens[after].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName && !AfterAlias.Contains(Text(after))));
            Out.Text($" WHERE {catalogColumn} <> '{DuckDbEngine.DemoCatalog}'" + (aliased ? ")" : $") AS \"{view}\""), Tokens[name]);
            return name + 1;
        }

        /// <summary>Whether the name at i is Dune's catalog <c>delta_prod</c> (plain or quoted, any case, as Trino folds
        /// names) qualifying a schema and a table (<c>delta_prod.s.t</c>, not itself qualified).</summary>
        private bool IsDeltaProdCatalog(int i, int end)
        {
            if (!IsWordOrQuoted(i, TrinoErrorMessages.DuneCatalog) || Is(Previous(i), "."))
            {
                return false;
            }
            int schema = Next(Next(i, end), end);
            return Is(Next(i, end), ".") && IsName(schema) && Is(Next(schema, end), ".") && IsName(Next(Next(schema, end), end));
        }

        /// <summary>Whether a qualified name's first part is a catalog the sandbox answers: <c>dune</c> or <c>delta_prod</c>.</summary>
        private static bool IsDuneCatalogName(string name) =>
            name.Equals("dune", StringComparison.OrdinalIgnoreCase) || name.Equals(TrinoErrorMessages.DuneCatalog, StringComparison.OrdinalIgnoreCase);

        /// <summary>Whether the token at i names <paramref name="name"/> (a name without quotes or dots) as a bare word or a
        /// quoted identifier, in any case as Trino folds both. The quoted text is compared as written, quotes included: a
        /// prefix of a query may end in an unterminated quoted name, which names nothing.</summary>
        private bool IsWordOrQuoted(int i, string name) =>
            Is(i, name) || (i >= 0 && i < Tokens.Count && Tokens[i].Kind == DuneTokenKind.QuotedName
                && Text(i).Length == name.Length + 2 && Text(i).StartsWith('"') && Text(i).EndsWith('"')
                && Text(i).AsSpan(1, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase));
    }
}
