using System.Globalization;
using System.Text;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's <c>JSON_TABLE(context, 'path' [AS name] COLUMNS (…) [PLAN DEFAULT (…)] [{ERROR | EMPTY} ON ERROR])</c> in a
/// FROM clause. The call becomes a subquery over the rows <c>dune_json_table</c> (<see cref="DuneJsonTable"/>) computes for
/// each context item, one list of tagged cells a row, whose select list turns each cell into its declared column with the
/// column's ON EMPTY / ON ERROR clauses (json_value's semantics for a value column, json_query's for FORMAT JSON). DuckDB
/// binds the subquery's reference to earlier FROM items laterally, so <c>CROSS JOIN</c>, a comma and
/// <c>LEFT JOIN … ON true</c> keep Trino's meaning. PASSING, a specific PLAN (…), ENCODING other than UTF8 and a
/// value column of type json are refused by name at their place.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        private const string TableRow = "_strata_jt";

        /// <summary>A column of the table as it is emitted: its cell, name and how its cell becomes its value.</summary>
        private sealed record TableColumn(int Cell, string Name, char Kind, string? Type, Behaviour OnEmpty, Behaviour OnError, DuneToken Anchor)
        {
            /// <summary>n of a value column declared varchar(n) or char(n): Trino casts the item to the declared type
            /// (JsonValueFunction's coercion), and a cast to varchar(n)/char(n) keeps the first n characters.</summary>
            public int? Bound { get; init; }

            /// <summary>Whether the column is char(n) (a bare char is char(1)): its value is padded with spaces to n, as
            /// Trino's char(n) reads (Chars.padSpaces), like a cast's (DuneFunctions.ToChar).</summary>
            public bool Padded { get; init; }
        }

        private sealed class TableParse
        {
            public List<TableColumn> Columns { get; } = [];

            public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

            public bool ErrorOnError { get; set; }
        }

        private int EmitJsonTable(int nameIndex, int open, int close, int end)
        {
            var anchor = tokens[nameIndex];
            if (close >= end)
            {
                throw NotSupported(sql, anchor, "JSON_TABLE: the call is not closed");
            }
            var words = new List<int>();
            for (int k = Next(open, close); k < close; k = Next(k, close))
            {
                words.Add(k);
            }
            int comma = Until(words, 0, k => Is(k, ","));
            if (comma == 0 || comma >= words.Count)
            {
                throw NotSupported(sql, anchor, "JSON_TABLE takes a JSON input, a path and COLUMNS: JSON_TABLE(json, 'lax $[*]' COLUMNS (…))");
            }
            int contextEnd = comma;
            if (contextEnd >= 2 && Is(words[contextEnd - 2], "format") && Is(words[contextEnd - 1], "json"))
            {
                contextEnd -= 2;
            }
            else if (Until(words, 0, k => Is(k, "format")) < comma)
            {
                throw NotSupported(sql, tokens[words[Until(words, 0, k => Is(k, "format"))]], "JSON_TABLE: the input's FORMAT JSON ENCODING is not supported");
            }
            if (Until(words, comma + 1, k => Is(k, "passing")) is int passing && passing < words.Count)
            {
                throw NotSupported(sql, tokens[words[passing]], "JSON_TABLE: the PASSING clause is not supported");
            }
            var parse = new TableParse();
            int w = comma + 1;
            var (root, rootName) = ReadTablePath(words, ref w, anchor);
            if (rootName is not null)
            {
                parse.Names.Add(rootName);
            }
            // ERROR ON ERROR at the end of the call makes ERROR the columns' default ON ERROR: read it first.
            parse.ErrorOnError = words.Count >= 3 && Is(words[^3], "error") && Is(words[^2], "on") && Is(words[^1], "error");
            int cells = 0;
            var rootNode = ReadColumns(words, ref w, root, parse, ref cells, 0, anchor);
            bool outer = true, union = true;
            if (w < words.Count && Is(words[w], "plan"))
            {
                w++;
                if (w >= words.Count || !Is(words[w], "default"))
                {
                    throw NotSupported(sql, tokens[words[w - 1]], "JSON_TABLE: a specific PLAN (…) is not supported; PLAN DEFAULT (OUTER | INNER, UNION | CROSS) is");
                }
                w = Required(words, w + 1, "(", "JSON_TABLE", anchor);
                while (w < words.Count && !Is(words[w], ")"))
                {
                    string word = Text(words[w]).ToUpperInvariant();
                    _ = word switch
                    {
                        "OUTER" or "INNER" => outer = word == "OUTER",
                        "UNION" or "CROSS" => union = word == "UNION",
                        "," => true,
                        _ => throw NotSupported(sql, tokens[words[w]], $"JSON_TABLE: unexpected {word} in PLAN DEFAULT (…)"),
                    };
                    w++;
                }
                w = Required(words, w, ")", "JSON_TABLE", anchor);
            }
            if (w < words.Count && Text(words[w]).ToUpperInvariant() is "ERROR" or "EMPTY")
            {
                w = Required(words, w + 1, "on", "JSON_TABLE", anchor);
                w = Required(words, w, "error", "JSON_TABLE", anchor);
            }
            if (w < words.Count)
            {
                throw NotSupported(sql, tokens[words[w]], $"JSON_TABLE: unexpected {Text(words[w])} after its COLUMNS");
            }
            var spec = new DuneJsonTable.Spec(rootNode, cells, parse.ErrorOnError, outer, union);
            EmitTableSubquery(parse.Columns, words, contextEnd, spec.Serialize(), anchor);
            return close + 1;
        }

        /// <summary>A path literal (checked) and its optional <c>AS name</c>.</summary>
        private (string Path, string? Name) ReadTablePath(List<int> words, ref int w, DuneToken anchor)
        {
            if (w >= words.Count || !IsTerminatedString(words[w]))
            {
                throw NotSupported(sql, w < words.Count ? tokens[words[w]] : anchor, "JSON_TABLE: the JSON path must be a string literal");
            }
            string path = Unquote(words[w]);
            try
            {
                DuneJsonPath.Parse(path);
            }
            catch (FormatException e)
            {
                throw NotSupported(sql, tokens[words[w]], $"JSON_TABLE: {e.Message}");
            }
            w++;
            string? name = null;
            if (w + 1 < words.Count && Is(words[w], "as"))
            {
                name = tokens[words[w + 1]].Kind == DuneTokenKind.QuotedName ? UnquotedName(words[w + 1]) : Text(words[w + 1]).ToUpperInvariant();
                w += 2;
            }
            return (path, name);
        }

        /// <summary><c>COLUMNS ( definition, … )</c> at w, read into a node of the spec (and the emitted columns).</summary>
        private DuneJsonTable.Node ReadColumns(List<int> words, ref int w, string path, TableParse parse, ref int cells, int depth, DuneToken anchor)
        {
            if (w >= words.Count || !Is(words[w], "columns") || w + 1 >= words.Count || !Is(words[w + 1], "("))
            {
                throw NotSupported(sql, w < words.Count ? tokens[words[w]] : anchor, "JSON_TABLE: expected COLUMNS (…)");
            }
            int openIndex = w + 1, closeIndex = Until(words, openIndex + 1, k => Is(k, ")"));
            if (closeIndex >= words.Count)
            {
                throw NotSupported(sql, tokens[words[openIndex]], "JSON_TABLE: COLUMNS (… is not closed");
            }
            var columns = new List<DuneJsonTable.Column>();
            var nested = new List<DuneJsonTable.Node>();
            int c = openIndex + 1;
            while (c < closeIndex)
            {
                int stop = Until(words, c, k => Is(k, ","));
                stop = Math.Min(stop, closeIndex);
                if (stop == c)
                {
                    throw NotSupported(sql, tokens[words[c]], "JSON_TABLE: a column definition is missing");
                }
                var definition = words.GetRange(c, stop - c);
                if (Is(definition[0], "nested"))
                {
                    if (depth + 1 > DuneJsonTable.MaxNestedDepth)
                    {
                        throw NotSupported(sql, tokens[definition[0]], $"JSON_TABLE: NESTED PATH nests more than {DuneJsonTable.MaxNestedDepth} levels deep");
                    }
                    int d = Optional(definition, 1, "path");
                    var (nestedPath, nestedName) = ReadTablePath(definition, ref d, anchor);
                    if (nestedName is not null && !parse.Names.Add(nestedName))
                    {
                        throw Duplicate(definition[0]);
                    }
                    nested.Add(ReadColumns(definition, ref d, nestedPath, parse, ref cells, depth + 1, anchor));
                    if (d < definition.Count)
                    {
                        throw NotSupported(sql, tokens[definition[d]], $"JSON_TABLE: unexpected {Text(definition[d])} after NESTED PATH's COLUMNS");
                    }
                }
                else
                {
                    columns.Add(ReadColumn(definition, parse, cells++));
                }
                c = stop + 1;
            }
            w = closeIndex + 1;
            if (columns.Count == 0 && nested.Count == 0)
            {
                throw NotSupported(sql, tokens[words[openIndex]], "JSON_TABLE: COLUMNS (…) declares no column");
            }
            return new DuneJsonTable.Node(path, columns, nested);
        }

        private QueryFailedException Duplicate(int at) =>
            NotSupported(sql, tokens[at], "All column and path names in JSON_TABLE invocation must be unique", ExecutionError.ExecutionFailed);

        /// <summary>One column: <c>name FOR ORDINALITY</c>, or <c>name type [FORMAT JSON] [PATH 'path'] [wrapper]
        /// [quotes] [… ON EMPTY] [… ON ERROR]</c>.</summary>
        private DuneJsonTable.Column ReadColumn(List<int> definition, TableParse parse, int cell)
        {
            int nameToken = definition[0];
            var anchor = tokens[nameToken];
            if (tokens[nameToken].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
            {
                throw NotSupported(sql, anchor, "JSON_TABLE: a column definition starts with the column's name");
            }
            bool quoted = tokens[nameToken].Kind == DuneTokenKind.QuotedName;
            string name = UnquotedName(nameToken);
            // Unique as Trino canonicalizes names: an unquoted one in upper case, so a and "A" are one name.
            if (!parse.Names.Add(quoted ? name : name.ToUpperInvariant()))
            {
                throw Duplicate(nameToken);
            }
            // Trino names an unquoted column in lower case (its output names), a quoted one as written.
            string emitted = "\"" + (quoted ? name : name.ToLowerInvariant()).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            if (definition.Count == 3 && Is(definition[1], "for") && Is(definition[2], "ordinality"))
            {
                parse.Columns.Add(new TableColumn(cell, emitted, 'o', "BIGINT", new("NULL", null), new("NULL", null), anchor));
                return new DuneJsonTable.Column(cell, 'o', null, null);
            }
            int w = 1;
            w = Until(definition, w, k => (ClauseWords.Contains(Text(k)) && !(Is(k, "with") && Is(Next(k, tokens.Count), "time"))) || Is(k, "path"));
            if (w == 1)
            {
                throw NotSupported(sql, anchor, $"JSON_TABLE: column {name} needs a type");
            }
            int typeEnd = w < definition.Count ? definition[w] : definition[^1] + 1;
            string type = DuneTypes.Translate(sql, tokens, definition[1], typeEnd, tokens[definition[1]]);
            bool format = w < definition.Count && Is(definition[w], "format");
            if (format)
            {
                w = Required(definition, w + 1, "json", "JSON_TABLE", anchor);
                if (w < definition.Count && Is(definition[w], "encoding"))
                {
                    if (w + 1 >= definition.Count || !Is(definition[w + 1], "utf8"))
                    {
                        throw NotSupported(sql, tokens[definition[w]], "JSON_TABLE: FORMAT JSON ENCODING other than UTF8 is not supported");
                    }
                    w += 2;
                }
            }
            if (type.Contains('$', StringComparison.Ordinal) || (format ? type != "VARCHAR" && !type.StartsWith("VARCHAR", StringComparison.Ordinal) : type == "JSON"))
            {
                throw NotSupported(sql, tokens[definition[1]], format
                    ? $"JSON_TABLE: column {name} of FORMAT JSON is supported as varchar only"
                    : $"JSON_TABLE: column {name} of this type is not supported (a JSON column is written varchar FORMAT JSON)");
            }
            string path = (quoted ? "lax $.\"" + name : "lax $.\"" + name.ToUpperInvariant()).Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
            if (!quoted && name.Contains('"', StringComparison.Ordinal))
            {
                throw NotSupported(sql, anchor, $"JSON_TABLE: column {name} needs a PATH");
            }
            if (w < definition.Count && Is(definition[w], "path"))
            {
                w++;
                (path, _) = ReadTablePath(definition, ref w, anchor);
            }
            char wrapper = 'W', quotes = 'K';
            string label = format ? "json_query" : "json_value";
            Behaviour onEmpty = new("NULL", null), onError = new(parse.ErrorOnError ? "ERROR" : "NULL", null);
            while (w < definition.Count)
            {
                if (!format && Text(definition[w]).ToUpperInvariant() is "WITH" or "WITHOUT" or "KEEP" or "OMIT")
                {
                    throw NotSupported(sql, tokens[definition[w]], $"JSON_TABLE: column {name}: WRAPPER and QUOTES need FORMAT JSON");
                }
                if (format && TryReadWrapperOrQuotes(definition, ref w, ref wrapper, ref quotes, label, anchor))
                {
                    continue;
                }
                var behaviour = ReadBehaviour(definition, ref w, label, anchor);
                w = Required(definition, w, "on", label, anchor);
                bool empty = w < definition.Count && Is(definition[w], "empty");
                w = Required(definition, w, empty ? "empty" : "error", label, anchor);
                (empty ? ref onEmpty : ref onError) = behaviour;
            }
            // The type's tokens are [definition[1], typeEnd), read as a cast's after its AS (definition[1] - 1).
            int? charLength = format ? null : CharLength(definition[1] - 1, typeEnd);
            int? bound = charLength ?? (format ? null : VarcharBound(definition[1] - 1, typeEnd));
            parse.Columns.Add(new TableColumn(cell, emitted, format ? 'q' : 'v', type, onEmpty, onError, anchor) { Bound = bound, Padded = charLength is not null });
            return new DuneJsonTable.Column(cell, format ? 'q' : 'v', path, format ? $"query{wrapper}{quotes}" : null);
        }

        /// <summary><c>(SELECT columns FROM (SELECT unnest(dune_json_table(CAST(context AS VARCHAR), spec)) AS _strata_jt))</c>.</summary>
        private void EmitTableSubquery(List<TableColumn> columns, List<int> words, int contextEnd, string spec, DuneToken anchor)
        {
            Out.Text("(SELECT ", anchor);
            for (int k = 0; k < columns.Count; k++)
            {
                var column = columns[k];
                string cell = TableRow + "[" + (column.Cell + 1).ToString(CultureInfo.InvariantCulture) + "]";
                Out.Text(k == 0 ? "" : ", ", column.Anchor);
                if (column.Kind == 'o')
                {
                    Out.Text($"CAST(substr({cell}, 2) AS BIGINT) AS {column.Name}", column.Anchor);
                    continue;
                }
                string value = column.Kind == 'q' || column.OnError.Kind == "ERROR" ? $"CAST(substr({cell}, 2) AS {column.Type})"
                    : $"TRY_CAST(substr({cell}, 2) AS {column.Type})";
                var (boundOpen, boundClose) = column.Bound is int n ? DuneFunctions.BoundedText(n, column.Padded) : ("", "");
                Out.Text(boundOpen + $"CAST(CASE left({cell}, 1) WHEN 'V' THEN ", column.Anchor);
                if (column.Kind == 'v' && column.OnError.Kind != "ERROR")
                {
                    // A value the type cannot hold is an error of the column: its ON ERROR decides.
                    Out.Text($"coalesce({value}, ", column.Anchor);
                    EmitTableBehaviour(column, column.OnError, $"'JSON_TABLE column {EscapeLiteral(column.Name)}: the value does not convert to {column.Type}'");
                    Out.Text(")", column.Anchor);
                }
                else
                {
                    Out.Text(value, column.Anchor);
                }
                Out.Text(" WHEN 'E' THEN ", column.Anchor);
                EmitTableBehaviour(column, column.OnEmpty, $"'JSON_TABLE column {EscapeLiteral(column.Name)}: the path gives no item'");
                Out.Text(" WHEN 'X' THEN ", column.Anchor);
                EmitTableBehaviour(column, column.OnError, $"'JSON_TABLE column {EscapeLiteral(column.Name)}: ' || substr({cell}, 2)");
                Out.Text($" END AS {column.Type}){boundClose} AS {column.Name}", column.Anchor);
            }
            Out.Text($" FROM (SELECT unnest({DuneJsonTable.Function}(CAST((", anchor);
            Emit(words[0], words[contextEnd - 1] + 1);
            Out.Text($") AS VARCHAR), {SqlQuoting.QuoteString(spec)})) AS {TableRow}))", anchor);
        }

        private static string EscapeLiteral(string text) => text.Replace("'", "''", StringComparison.Ordinal);

        private void EmitTableBehaviour(TableColumn column, Behaviour behaviour, string message)
        {
            switch (behaviour.Kind)
            {
                case "DEFAULT" when behaviour.Default is var (from, to):
                    Out.Text("CAST((", column.Anchor);
                    Emit(from, to);
                    Out.Text($") AS {column.Type})", column.Anchor);
                    break;
                case "EMPTY ARRAY":
                    Out.Text("'[]'", column.Anchor);
                    break;
                case "EMPTY OBJECT":
                    Out.Text("'{}'", column.Anchor);
                    break;
                case "ERROR":
                    Out.Text($"error({message})", column.Anchor);
                    break;
                default:
                    Out.Text("NULL", column.Anchor);
                    break;
            }
        }
    }
}
