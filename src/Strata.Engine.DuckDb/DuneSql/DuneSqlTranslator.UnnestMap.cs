namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's UNNEST of one map with no column list (<c>CROSS JOIN UNNEST(m) AS t</c>, or no alias at all): the map's keys
/// and values as two columns, as with a list (StatementAnalyzer.visitUnnest gives a map two fields, the key's and the
/// value's type, both unnamed). DuckDB's UNNEST takes no map, so the call is written as a subquery over the map's entries,
/// joined laterally as the listed form's is (DuneSqlTranslator.Unnest.cs). The map is one whose form shows it, a column of
/// a known table, or one a checking bind found (decision 266: a CTE's <c>map_agg</c>). Trino names an unnamed field of a
/// query's output <c>_colN</c>, N its place among the output columns; the two columns are named <c>_col0</c> and
/// <c>_col1</c>, Trino's names where the UNNEST's columns come first (<c>SELECT t.*</c>, or <c>SELECT *</c> of the UNNEST
/// alone). Their names cannot be referred to in Trino, so no query that runs there depends on them otherwise.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Writes a FROM-clause UNNEST of one map that has no column list; returns the index after the call, or -1
        /// when it is not one (left to the other forms).</summary>
        private int TryEmitUnnamedMapUnnest(int nameIndex, List<(int From, int To)> args, int close, bool ordinality)
        {
            if (args.Count != 1 || ordinality)
            {
                return -1;
            }
            var arg = args[0];
            int after = Next(close, Tokens.Count), aliasAt = Is(after, "as") ? Next(after, Tokens.Count) : after;
            string alias = aliasAt < Tokens.Count && Tokens[aliasAt].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName ? UnquotedName(aliasAt) : "";
            if (!(IsMapOperand(arg.From, arg.To) || IsMapColumn(arg, alias) || IsBoundMap(arg)))
            {
                return -1;
            }
            var anchor = Tokens[nameIndex];
            Out.Text("(SELECT _strata_e.key AS _col0, _strata_e.value AS _col1 FROM (SELECT unnest(map_entries(", anchor);
            Emit(arg.From, arg.To);
            Out.Text(")) AS _strata_e))", Tokens[close]);
            return close + 1;
        }
    }
}
