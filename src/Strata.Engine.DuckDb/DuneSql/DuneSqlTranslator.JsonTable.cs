namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>JSON_TABLE(input, 'row path' [AS name] COLUMNS (…) [{ERROR | EMPTY} ON ERROR])</c> in the FROM clause
/// (Trino's docs, functions/json.md "json_table"), written as a lateral subquery: the row path is evaluated by the native
/// <c>dune_json_path</c> with an unconditional array wrapper, so its sequence of items is one JSON array; each item is a
/// row. <c>name FOR ORDINALITY</c> is the item's place from 1 (bigint); <c>name type PATH 'p' [clauses]</c> is
/// <c>json_value(item, 'p' RETURNING type [clauses])</c> and <c>name type FORMAT JSON PATH 'p' [clauses]</c> is
/// <c>json_query(item, 'p' [clauses])</c>, read by the same code as those functions. A NULL input gives no rows; a path
/// or input error gives no rows (EMPTY ON ERROR, the default) or fails (ERROR ON ERROR, which is then also the columns'
/// default, as in the SQL standard). NESTED columns, PLAN, PASSING and a column without PATH (whose default path depends
/// on the name's canonical case) are refused by name.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        private const string JsonTableWho = "json_table";

        private sealed record JsonTableColumn(int Name, bool Ordinality, string? Template, List<(int From, int To)>? Args);

        private int EmitJsonTable(int nameIndex, int open, int close, int end)
        {
            var anchor = tokens[nameIndex];
            var args = Arguments(open, close);
            if (args.Count != 2 || close >= end)
            {
                throw NotSupported(sql, anchor, "json_table takes a JSON input, a path and COLUMNS: json_table(json, 'lax $[*]' COLUMNS (…))");
            }
            var (from, to) = args[1];
            int path = Next(from - 1, to);
            if (path >= to || !IsTerminatedString(path))
            {
                throw NotSupported(sql, anchor, "json_table: the JSON path must be a string literal");
            }
            try
            {
                DuneJsonPath.Parse(Unquote(path));
            }
            catch (FormatException e)
            {
                throw NotSupported(sql, tokens[path], $"{JsonTableWho}: {e.Message}");
            }
            int k = Next(path, to);
            if (Is(k, "as"))
            {
                k = Next(Next(k, to), to);
            }
            if (Is(k, "passing"))
            {
                throw NotSupported(sql, tokens[k], "json_table: the PASSING clause is not supported");
            }
            int columnsOpen = Next(k, to);
            if (!Is(k, "columns") || !Is(columnsOpen, "("))
            {
                throw NotSupported(sql, k < to ? tokens[k] : anchor, "json_table: expected COLUMNS (…) after the path");
            }
            int columnsClose = Close(columnsOpen, to);
            if (columnsClose >= to)
            {
                throw NotSupported(sql, tokens[columnsOpen], "json_table: expected COLUMNS (…) after the path");
            }
            bool errorOnError = false;
            k = Next(columnsClose, to);
            if (Is(k, "plan"))
            {
                throw NotSupported(sql, tokens[k], "json_table: the PLAN clause is not supported");
            }
            if (k < to)
            {
                int on = Next(k, to), error = Next(on, to);
                if (!(Is(k, "error") || Is(k, "empty")) || !Is(on, "on") || !Is(error, "error") || Next(error, to) < to)
                {
                    throw NotSupported(sql, tokens[k], $"json_table: unexpected {Text(k).ToUpperInvariant()} after COLUMNS (…)");
                }
                errorOnError = Is(k, "error");
            }
            var columns = Arguments(columnsOpen, columnsClose).Select(c => JsonTableColumnOf(c.From, c.To, errorOnError, anchor)).ToList();
            EmitJsonTableRows(columns, args[0], path, errorOnError, anchor);
            return close + 1;
        }

        private JsonTableColumn JsonTableColumnOf(int from, int to, bool errorOnError, DuneToken anchor)
        {
            int name = Next(from - 1, to);
            if (name >= to)
            {
                throw NotSupported(sql, anchor, "json_table: a column definition is empty");
            }
            if (Is(name, "nested"))
            {
                throw NotSupported(sql, tokens[name], "json_table: NESTED columns are not supported");
            }
            int k = Next(name, to);
            if (Is(k, "for") && Is(Next(k, to), "ordinality") && Next(Next(k, to), to) >= to)
            {
                return new(name, true, null, null);
            }
            int typeFrom = k;
            int depth = 0;
            while (k < to && (depth > 0 || !(Is(k, "path") || Is(k, "format") || ClauseWords.Contains(Text(k)))))
            {
                depth += Is(k, "(") ? 1 : Is(k, ")") ? -1 : 0;
                k = Next(k, to);
            }
            if (typeFrom >= k)
            {
                throw NotSupported(sql, tokens[name], $"json_table: column {Text(name)} needs a type, or FOR ORDINALITY");
            }
            string type = DuneTypes.Translate(sql, tokens, typeFrom, k, tokens[typeFrom]);
            bool formatJson = Is(k, "format");
            if (formatJson)
            {
                int json = Next(k, to);
                if (!Is(json, "json"))
                {
                    throw NotSupported(sql, tokens[k], "json_table: expected FORMAT JSON");
                }
                k = Next(json, to);
            }
            int path = Next(k, to);
            if (!Is(k, "path") || path >= to || !IsTerminatedString(path))
            {
                throw NotSupported(sql, k < to ? tokens[k] : tokens[name], "json_table: a column without PATH is not supported (write PATH 'lax $.name')");
            }
            if (formatJson && type != "VARCHAR")
            {
                throw NotSupported(sql, tokens[typeFrom], "json_table: a FORMAT JSON column of this type is not supported (varchar is)");
            }
            // $1, the item, is written by the caller; the clauses after the path are read as json_value's or json_query's.
            var (template, args) = JsonPathTemplate(formatJson ? "json_query" : "json_value", JsonTableWho, (path, path + 1), path, to,
                formatJson ? null : type, errorOnError, tokens[name]);
            return new(name, false, template.Replace("$1", "_strata_jt.i", StringComparison.Ordinal), args);
        }

        private void EmitJsonTableRows(List<JsonTableColumn> columns, (int From, int To) input, int path, bool errorOnError, DuneToken anchor)
        {
            Out.Text("LATERAL (SELECT ", anchor);
            for (int c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                if (c > 0)
                {
                    Out.Text(", ", anchor);
                }
                if (column.Ordinality)
                {
                    Out.Text("CAST(_strata_jt.o AS BIGINT)", tokens[column.Name]);
                }
                else
                {
                    EmitTemplate(column.Template!, column.Args!, tokens[column.Name]);
                }
                Out.Text(" AS ", tokens[column.Name]);
                Out.Copy(tokens[column.Name]);
            }
            string onError = errorOnError ? "error('json_table: ' || substr(_strata_j, 2))" : "CAST([] AS JSON[])";
            Out.Text(" FROM (SELECT unnest(_strata_jr.l) AS i, unnest(range(1, len(_strata_jr.l) + 1)) AS o FROM (SELECT "
                + "list_transform([dune_json_path(CAST((", anchor);
            Emit(input.From, input.To);
            Out.Text(") AS VARCHAR), ", anchor);
            Out.Copy(tokens[path]);
            Out.Text(", 'queryUK')], _strata_j -> CASE left(_strata_j, 1) WHEN 'V' THEN CAST(json(substr(_strata_j, 2)) AS JSON[]) "
                + $"WHEN 'X' THEN {onError} ELSE CAST([] AS JSON[]) END)[1] AS l) _strata_jr) _strata_jt)", anchor);
        }
    }
}
