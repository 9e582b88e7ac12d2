namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's UNNEST of one operand with no column list (<c>CROSS JOIN UNNEST(x) AS t</c>, or no alias at all), with or
/// without ORDINALITY. StatementAnalyzer.visitUnnest gives an array of scalars one unnamed field, an array of rows one
/// field per row field (named by the row's fields), a map two unnamed fields (the key's and the value's type), and the
/// ordinality one more (bigint); an unnamed field of a query's output is named <c>_colN</c>, N its place among the output
/// columns. DuckDB named an array's column <c>unnest</c>, gave an array of rows one struct column, took no map and refused a
/// map WITH ORDINALITY, so the call is written as a subquery unnesting in its select list, joined laterally as the listed
/// form's is (DuneSqlTranslator.Unnest.cs): the element's fields or the element, or the map's entries (a map whose form
/// shows it, a column of a known table, or one a checking bind found: decision 266), then the position. The unnamed columns
/// are written <c>_strata_unnamed</c> (DuneTranslation.UnnamedField), which the result names <c>_colN</c> by its place,
/// as Trino names an unnamed field; Trino's text cannot refer to them, so no query that runs there depends on them
/// otherwise.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Writes a FROM-clause UNNEST of one operand that has no column list; returns the index after the call
        /// (and after its WITH ORDINALITY), or -1 when it is not one (left to the other forms).</summary>
        private int TryEmitUnnamedUnnest(int nameIndex, List<(int From, int To)> args, int close, bool ordinality)
        {
            int after = Next(close, Tokens.Count), aliasAt = ordinality ? Next(Next(after, Tokens.Count), Tokens.Count) : after;
            aliasAt = Is(aliasAt, "as") ? Next(aliasAt, Tokens.Count) : aliasAt;
            string alias = aliasAt < Tokens.Count && Tokens[aliasAt].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName ? UnquotedName(aliasAt) : "";
            var anchor = Tokens[nameIndex];
            if (args.Count > 1)
            {
                return TryEmitUnnamedArrays(args, close, ordinality, after, alias, anchor);
            }
            var arg = args[0];
            bool map = IsMapOperand(arg.From, arg.To) || IsMapColumn(arg, alias) || IsBoundMap(arg);
            int first = Tokens[arg.From].IsTrivia ? Next(arg.From, arg.To) : arg.From;
            var known = StaticType(arg.From, arg.To);
            if (!map && (known is not null && !DuneUnnestTypes.Unnestable(known)
                || first == Previous(arg.To) && Tokens[first].Kind is DuneTokenKind.String or DuneTokenKind.Number))
            {
                return -1; // no array: refused in Trino's words (TryEmitCheckedUnnest, the error's rewrite)
            }
            if (!map && !ordinality && known is not null && !known.Contains("STRUCT(", StringComparison.OrdinalIgnoreCase))
            {
                // An array of scalars whose type the text fixes: only its column's name differs from DuckDB's UNNEST.
                Out.Text("(SELECT unnest(", anchor);
                Emit(arg.From, arg.To);
                Out.Text(") AS _strata_unnamed)", Tokens[close]);
                return close + 1;
            }
            if (map)
            {
                // A map's keys and values (and the entry's place), each entry one row.
                Out.Text("(SELECT _strata_e.key AS _strata_unnamed, _strata_e.value AS _strata_unnamed" + (ordinality ? ", _strata_o AS _strata_unnamed" : "")
                    + " FROM (SELECT unnest(map_entries(", anchor);
                Emit(arg.From, arg.To);
                Out.Text(")) AS _strata_e", anchor);
            }
            else
            {
                // An array: a row element's fields as its columns (Trino names them by the row's fields), else the element.
                Out.Text("(SELECT " + Fields("_strata_u0", "_strata_unnamed") + (ordinality ? ", _strata_o AS _strata_unnamed" : "") + " FROM (SELECT unnest(", anchor);
                EmitUnnested(arg, anchor, alias);
                Out.Text(") AS _strata_u0", anchor);
            }
            if (ordinality)
            {
                Out.Text(map ? ", unnest(generate_series(1, len(map_entries(" : ", unnest(generate_series(1, len(", anchor);
                if (map)
                {
                    Emit(arg.From, arg.To);
                }
                else
                {
                    EmitUnnested(arg, anchor, alias);
                }
                Out.Text(map ? ")))) AS _strata_o" : "))) AS _strata_o", anchor);
            }
            Out.Text("))", Tokens[close]);
            return ordinality ? Next(after, Tokens.Count) + 1 : close + 1;
        }

        /// <summary>Several arrays with no column list (<c>UNNEST(a, b) AS t</c>): side by side, the shorter padded with NULLs,
        /// each element's fields (a row's) or the element as unnamed columns, then the position WITH ORDINALITY, as the listed
        /// form writes them (DuneSqlTranslator.Unnest.cs). A map among them, or an operand that is no array, is left to the
        /// other forms and their refusals.</summary>
        private int TryEmitUnnamedArrays(List<(int From, int To)> args, int close, bool ordinality, int after, string alias, DuneToken anchor)
        {
            foreach (var arg in args)
            {
                int first = Tokens[arg.From].IsTrivia ? Next(arg.From, arg.To) : arg.From;
                if (IsMapOperand(arg.From, arg.To) || IsMapColumn(arg, alias) || IsBoundMap(arg)
                    || StaticType(arg.From, arg.To) is { } known && !DuneUnnestTypes.Unnestable(known)
                    || first == Previous(arg.To) && Tokens[first].Kind is DuneTokenKind.String or DuneTokenKind.Number)
                {
                    return -1;
                }
            }
            Out.Text("(SELECT " + string.Join(", ", Enumerable.Range(0, args.Count).Select(a => Fields("_strata_u" + Name(a), "_strata_unnamed")))
                + (ordinality ? ", _strata_o AS _strata_unnamed" : "") + " FROM (SELECT ", anchor);
            EmitSideBySide(args, anchor, alias, ordinality);
            Out.Text("))", Tokens[close]);
            return ordinality ? Next(after, Tokens.Count) + 1 : close + 1;
        }
    }
}
