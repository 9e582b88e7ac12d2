namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>UNNEST</c> in a FROM clause where DuckDB's table function differs: an array of rows gives one column per
/// field (<c>UNNEST(ARRAY[ROW('a', 1)]) AS t(name, n)</c>), and several arrays are unnested side by side, the shorter
/// padded with NULLs (<c>UNNEST(a, b) AS t(x, y)</c>); a map gives a key and a value column
/// (<c>UNNEST(map(ARRAY['a'], ARRAY[1])) AS t(k, v)</c>) when its form shows it is a map. These become a subquery unnesting in its select list, which DuckDB
/// joins laterally as Trino does; <c>WITH ORDINALITY</c> adds the element's position. One array of scalars is left to
/// DuckDB, whose UNNEST already reads it as Trino does, unless WITH ORDINALITY follows: DuckDB's own ordinality gave the
/// elements in reverse and interleaved the source rows (decision 262), the subquery keeps each row's elements in order.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Emits the UNNEST call at nameIndex when it needs rewriting; returns the index after it (and after its
        /// WITH ORDINALITY), or -1 when DuckDB's own UNNEST reads it as Trino does.</summary>
        private int TryEmitUnnest(int nameIndex, List<(int From, int To)> args, int close, int end)
        {
            int previous = Previous(nameIndex);
            if (close >= end || args.Count == 0 || !(Is(previous, "from") || Is(previous, "join") || Is(previous, ",") || Is(previous, "lateral")))
            {
                return -1;
            }
            int after = Next(close, end);
            bool ordinality = Is(after, "with") && Is(Next(after, end), "ordinality");
            int alias = ordinality ? Next(Next(after, end), end) : after;
            if (Is(alias, "as"))
            {
                alias = Next(alias, end);
            }
            int open = Next(alias, end);
            if (alias >= end || Tokens[alias].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName) || !Is(open, "("))
            {
                return TryEmitUnnamedUnnest(nameIndex, args, close, ordinality);
            }
            int columns = Arguments(open, Close(open, end)).Count - (ordinality ? 1 : 0);
            bool rows = columns > args.Count;
            if (!rows && (columns != args.Count || (args.Count < 2 && !ordinality)))
            {
                return -1;
            }
            var anchor = Tokens[nameIndex];
            foreach (var arg in args)
            {
                if (StaticType(arg.From, arg.To) is { } known && !DuneUnnestTypes.Unnestable(known))
                {
                    throw NotSupported(sql, anchor, $"Cannot unnest type: {DuckDbTypes.DuneName(known)}", Core.Executions.ExecutionError.ExecutionFailed);
                }
            }
            string unnestAlias = UnquotedName(alias);
            // The arrays side by side (the shorter padded with NULLs), then each row's fields as columns.
            Out.Text(rows ? "(SELECT " + string.Join(", ", Enumerable.Range(0, args.Count).Select(a => Fields("_strata_u" + Name(a))))
                + (ordinality ? ", _strata_o" : "") + " FROM (SELECT " : "(SELECT ", anchor);
            EmitSideBySide(args, anchor, unnestAlias, ordinality);
            Out.Text(rows ? "))" : ")", anchor);
            return ordinality ? Next(after, end) + 1 : close + 1;
        }

        /// <summary>An UNNEST operand: a map (as its form shows) as its entries, rows of (key, value), which become two columns
        /// as Trino's UNNEST of a map gives; anything else as it is.</summary>
        /// <summary>The arrays unnested side by side as <c>_strata_uN</c> (DuckDB pads the shorter with NULLs), and with
        /// ordinality <c>_strata_o</c> numbering the longest. With ordinality each operand's text is written twice (its elements
        /// and its length): hostile32 read the operands from a subquery instead, and DuckDB's lateral join then gave a single
        /// row's elements in reverse order (DuneWild22Tests), so the review of decision 300 put this form back.</summary>
        private void EmitSideBySide(List<(int From, int To)> args, DuneToken anchor, string unnestAlias, bool ordinality)
        {
            for (int a = 0; a < args.Count; a++)
            {
                Out.Text(a == 0 ? "unnest(" : ", unnest(", anchor);
                EmitUnnested(args[a], anchor, unnestAlias);
                Out.Text(") AS _strata_u" + Name(a), anchor);
            }
            if (ordinality)
            {
                Out.Text(", unnest(generate_series(1, greatest(", anchor);
                for (int a = 0; a < args.Count; a++)
                {
                    Out.Text(a == 0 ? "len(" : ", len(", anchor);
                    EmitUnnested(args[a], anchor, unnestAlias);
                    Out.Text(")", anchor);
                }
                Out.Text("))) AS _strata_o", anchor);
            }
        }

        private void EmitUnnested((int From, int To) arg, DuneToken anchor, string unnestAlias)
        {
            bool map = IsMapOperand(arg.From, arg.To) || IsMapColumn(arg, unnestAlias) || IsBoundMap(arg);
            if (map)
            {
                Out.Text("map_entries(", anchor);
            }
            if (!map && ChecksUnnestType(arg))
            {
                EmitTypeChecked(arg, anchor); // a checking translation (DuneSqlTranslator.UnnestType.cs), never run
            }
            else
            {
                Emit(arg.From, arg.To);
            }
            if (map)
            {
                Out.Text(")", anchor);
            }
        }

        /// <summary>Whether an UNNEST operand is a column of a known table (or of a CTE or subquery whose output types are
        /// known) whose type is a map: a bare name of the one other FROM item that has it, or <c>q.name</c> of the item
        /// aliased q (the items of unknown columns, such as the UNNEST's own, aside).</summary>
        private bool IsMapColumn((int From, int To) arg, string unnestAlias)
        {
            int from = Tokens[arg.From].IsTrivia ? Next(arg.From, arg.To) : arg.From, last = Previous(arg.To);
            if (ColumnTypes is null || last < from || ColumnReference(from, last) is not var (qualifier, name) || BlockAt(from) is not { } block
                || block.From < 0 || from <= block.From || from >= block.FromEnd)
            {
                return false;
            }
            var items = block.Items.Where(i => !unnestAlias.Equals(i.Alias, StringComparison.OrdinalIgnoreCase)
                && (qualifier is null || qualifier.Equals(i.Alias, StringComparison.OrdinalIgnoreCase))).ToList();
            string? found = null;
            int hits = 0;
            foreach (var item in items)
            {
                // An item of unknown columns (a table function such as this UNNEST, a lateral subquery) is passed over: a
                // name it holds too would be ambiguous to DuckDB's binder whatever is written here.
                if (Columns(item) is { } columns && columns.TryGetValue(name, out string? type))
                {
                    hits++;
                    found = type;
                }
            }
            return hits == 1 && found is not null && DuneUnnestTypes.IsMap(found); // an array of maps is an array (decision 340)
        }

        /// <summary>An unnested element's columns: a row's fields, or the element itself as one column when it is not a row
        /// (an array of rows beside an array of scalars). The key is folded when DuckDB binds, so each element is typed
        /// on its own and a struct never reaches the outer unnest as one column.</summary>
        private static string Fields(string element, string scalar = "v") =>
            "unnest(struct_extract(struct_pack(r := " + element + ", s := struct_pack(" + scalar + " := " + element + ")), CASE WHEN typeof("
            + element + ") LIKE 'STRUCT(%' THEN 'r' ELSE 's' END))";

        private static string Name(int a) => a.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
