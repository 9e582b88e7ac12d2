namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's SQL/JSON constructors <c>json_array(…)</c> and <c>json_object(…)</c> with their clauses (json.mdx): elements
/// and <c>key : value</c> / <c>[KEY] key VALUE value</c> entries, <c>FORMAT JSON</c> on a value, <c>NULL ON NULL</c> /
/// <c>ABSENT ON NULL</c> (json_array omits NULLs by default, json_object keeps them), <c>WITH</c>/<c>WITHOUT UNIQUE
/// KEYS</c>, and <c>RETURNING varchar | varbinary [FORMAT JSON ENCODING UTF8 | UTF16 | UTF32]</c>. The result is the JSON
/// text (varchar by default, as Trino), built by joining each item's JSON text, so NULL handling is a list filter.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>A value as JSON text: booleans, numbers, strings and JSON as themselves; other types cast to varchar
        /// (Trino's rule: DATE '2001-01-31' → "2001-01-31"); arrays, maps and rows fail (Trino cannot cast them to varchar).</summary>
        private const string JsonItem = "(CASE WHEN typeof($1) IN ('BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', "
            + "'UINTEGER', 'UBIGINT', 'FLOAT', 'DOUBLE', 'VARCHAR', 'JSON', 'NULL') OR typeof($1) LIKE 'DECIMAL%' THEN CAST(to_json($1) AS VARCHAR) "
            + "WHEN typeof($1) LIKE '%[]' OR typeof($1) LIKE 'STRUCT%' OR typeof($1) LIKE 'MAP%' THEN error('JSON_CONSTRUCTOR: the value of type ' || typeof($1) || ' cannot be converted to JSON') "
            + "ELSE CAST(to_json(" + DuneFunctions.ToVarchar + ") AS VARCHAR) END)";

        /// <summary>A value given <c>FORMAT JSON</c> (or a nested JSON-returning call): its text parsed as JSON (an error
        /// when it is not JSON), written compactly.</summary>
        private const string JsonFormatted = "CAST(json(CASE WHEN typeof($1) = 'BLOB' THEN decode(CAST(CAST($1 AS VARCHAR) AS BLOB)) ELSE CAST($1 AS VARCHAR) END) AS VARCHAR)";

        private sealed record JsonItemRange(int KeyFrom, int KeyTo, int ValueFrom, int ValueTo, bool Formatted);

        private int EmitJsonConstructor(string name, int nameIndex, int open, int close, int end)
        {
            var anchor = tokens[nameIndex];
            if (close >= end)
            {
                emitter.Copy(anchor);
                return nameIndex + 1;
            }
            bool isObject = name == "json_object";
            var args = Arguments(open, close);
            // The clauses follow the last item: find where they start (the first clause word at depth 0 of the last argument).
            bool absentOnNull = !isObject;
            string returning = "VARCHAR", encoding = "UTF8";
            if (args.Count > 0)
            {
                var (from, to) = args[^1];
                int clause = ClauseStart(from, to);
                if (clause < to)
                {
                    ParseConstructorClauses(name, clause, to, ref absentOnNull, ref returning, ref encoding);
                    args[^1] = (from, clause);
                    if (Next(from - 1, clause) >= clause)
                    {
                        args.RemoveAt(args.Count - 1);
                    }
                }
            }
            var items = args.Select(a => Item(name, isObject, a.From, a.To)).ToList();
            if (returning == "BLOB")
            {
                emitter.Text(encoding switch
                {
                    "UTF16" => "unhex(array_to_string(list_transform(string_split(", "UTF32" => "unhex(array_to_string(list_transform(string_split(", _ => "encode(",
                }, anchor);
            }
            if (isObject)
            {
                // Keys and values go through one struct so each is computed once; keys must not be NULL (Trino).
                emitter.Text("list_transform([struct_pack(_strata_k := [", anchor);
                for (int k = 0; k < items.Count; k++)
                {
                    emitter.Text((k == 0 ? "" : ", ") + "coalesce(CAST(", anchor);
                    Emit(items[k].KeyFrom, items[k].KeyTo);
                    emitter.Text(" AS VARCHAR), error('JSON_OBJECT: a key is NULL'))", anchor);
                }
                emitter.Text("]::VARCHAR[], _strata_v := ", anchor);
            }
            else
            {
                emitter.Text("('[' || array_to_string(list_" + (absentOnNull ? "filter(" : "transform("), anchor);
            }
            emitter.Text("[", anchor);
            for (int k = 0; k < items.Count; k++)
            {
                emitter.Text(k == 0 ? "" : ", ", anchor);
                EmitTemplate(items[k].Formatted ? JsonFormatted : JsonItem, [(items[k].ValueFrom, items[k].ValueTo)], anchor);
            }
            emitter.Text("]::VARCHAR[]", anchor);
            if (isObject)
            {
                // Trino refuses a repeated key (WITH UNIQUE KEYS) and does not support one otherwise: an error either way.
                string keys = LambdaField.Of("_strata_o", "_strata_k"), values = LambdaField.Of("_strata_o", "_strata_v");
                string key = $"CAST(to_json({keys}[_strata_i]) AS VARCHAR)";
                emitter.Text($")], _strata_o -> CASE WHEN len(list_distinct({keys})) <> len({keys}) "
                    + "THEN error('duplicate key passed to JSON_OBJECT function') ELSE '{' || array_to_string(list_filter(list_transform("
                    + $"range(1, len({keys}) + 1), _strata_i -> CASE WHEN {values}[_strata_i] IS NULL THEN "
                    + (absentOnNull ? "NULL" : key + " || ':null'") + " ELSE " + key + " || ':' || " + values + "[_strata_i] END), "
                    + "_strata_e -> _strata_e IS NOT NULL), ',') || '}' END)[1]", anchor);
            }
            else
            {
                emitter.Text(absentOnNull ? ", _strata_e -> _strata_e IS NOT NULL), ',') || ']')" : ", _strata_e -> coalesce(_strata_e, 'null')), ',') || ']')", anchor);
            }
            if (returning == "BLOB")
            {
                emitter.Text(encoding switch
                {
                    // UTF-16LE and UTF-32LE, as Trino's examples show (X'5b 00 74 00 …'); a character outside the BMP is a surrogate pair in UTF-16.
                    "UTF16" => ", ''), _strata_c -> CASE WHEN unicode(_strata_c) < 65536 THEN right(lpad(printf('%04X', unicode(_strata_c)), 4, '0'), 2) || left(lpad(printf('%04X', unicode(_strata_c)), 4, '0'), 2) "
                        + "ELSE printf('%02X%02X%02X%02X', (55296 + ((unicode(_strata_c) - 65536) >> 10)) & 255, (55296 + ((unicode(_strata_c) - 65536) >> 10)) >> 8, "
                        + "(56320 + ((unicode(_strata_c) - 65536) & 1023)) & 255, (56320 + ((unicode(_strata_c) - 65536) & 1023)) >> 8) END), ''))",
                    "UTF32" => ", ''), _strata_c -> printf('%02X%02X%02X%02X', unicode(_strata_c) & 255, (unicode(_strata_c) >> 8) & 255, (unicode(_strata_c) >> 16) & 255, unicode(_strata_c) >> 24)), ''))",
                    _ => ")",
                }, anchor);
            }
            return close + 1;
        }

        /// <summary>The index where the constructor's clauses start in its last argument (to when it has none).</summary>
        private int ClauseStart(int from, int to)
        {
            int depth = 0;
            for (int k = from; k < to; k++)
            {
                if (tokens[k].Kind == DuneTokenKind.Symbol && sql[tokens[k].Start] is '(' or '[')
                {
                    depth++;
                }
                else if (tokens[k].Kind == DuneTokenKind.Symbol && sql[tokens[k].Start] is ')' or ']')
                {
                    depth--;
                }
                else if (depth == 0 && tokens[k].Kind == DuneTokenKind.Word)
                {
                    int next = Next(k, to);
                    if ((Is(k, "null") || Is(k, "absent")) && Is(next, "on") && Is(Next(next, to), "null")
                        || (Is(k, "with") || Is(k, "without")) && Is(next, "unique") || Is(k, "returning"))
                    {
                        return k;
                    }
                }
            }
            return to;
        }

        private void ParseConstructorClauses(string name, int at, int to, ref bool absentOnNull, ref string returning, ref string encoding)
        {
            var words = new List<int>();
            for (int k = at; k < to; k = Next(k, to))
            {
                words.Add(k);
            }
            int w = 0;
            string Word(int k) => k < words.Count ? Text(words[k]).ToUpperInvariant() : "";
            while (w < words.Count)
            {
                var here = tokens[words[w]];
                switch (Word(w))
                {
                    case "NULL" or "ABSENT" when Word(w + 1) == "ON" && Word(w + 2) == "NULL":
                        absentOnNull = Word(w) == "ABSENT";
                        w += 3;
                        break;
                    case "WITH" or "WITHOUT" when Word(w + 1) == "UNIQUE" && name == "json_object":
                        w += Word(w + 2) == "KEYS" ? 3 : 2;
                        break;
                    case "RETURNING":
                        string type = Word(w + 1);
                        w += 2;
                        if (Word(w) == "(")
                        {
                            w += Word(w + 2) == ")" ? 3 : throw NotSupported(sql, here, $"Function {name}: RETURNING this type is not supported");
                        }
                        returning = type switch
                        {
                            "VARCHAR" or "CHAR" => "VARCHAR",
                            "VARBINARY" => "BLOB",
                            _ => throw NotSupported(sql, here, $"Function {name}: RETURNING {type.ToLowerInvariant()} is not supported (varchar or varbinary)"),
                        };
                        if (Word(w) == "FORMAT")
                        {
                            w = Word(w + 1) == "JSON" ? w + 2 : throw NotSupported(sql, here, $"Function {name}: only FORMAT JSON is supported");
                            if (Word(w) == "ENCODING")
                            {
                                encoding = Word(w + 1) is "UTF8" or "UTF16" or "UTF32" ? Word(w + 1)
                                    : throw NotSupported(sql, here, $"Function {name}: ENCODING must be UTF8, UTF16 or UTF32");
                                w += 2;
                            }
                        }
                        break;
                    default:
                        throw NotSupported(sql, here, $"Function {name}: unexpected {Text(words[w])}");
                }
            }
        }

        /// <summary>One element (json_array) or entry (json_object): its key and value ranges and whether the value is JSON text.</summary>
        private JsonItemRange Item(string name, bool isObject, int from, int to)
        {
            int first = Next(from - 1, to);
            int keyFrom = from, keyTo = from, valueFrom = from;
            if (isObject)
            {
                if (Is(first, "key"))
                {
                    keyFrom = first + 1;
                }
                int depth = 0;
                keyTo = -1;
                for (int k = keyFrom; k < to && keyTo < 0; k++)
                {
                    if (tokens[k].Kind == DuneTokenKind.Symbol && sql[tokens[k].Start] is '(' or '[')
                    {
                        depth++;
                    }
                    else if (tokens[k].Kind == DuneTokenKind.Symbol && sql[tokens[k].Start] is ')' or ']')
                    {
                        depth--;
                    }
                    else if (depth == 0 && (Is(k, ":") || Is(k, "value")))
                    {
                        keyTo = k;
                    }
                }
                if (keyTo < 0 || Next(keyFrom - 1, keyTo) >= keyTo)
                {
                    throw NotSupported(sql, tokens[Math.Min(first, tokens.Count - 1)], $"Function {name}: an entry is written key : value or KEY key VALUE value");
                }
                valueFrom = keyTo + 1;
            }
            // A trailing FORMAT JSON [ENCODING x] marks the value as JSON text.
            int valueTo = to;
            bool formatted = false;
            for (int k = valueFrom; k < to; k = Next(k, to))
            {
                if (Is(k, "format") && Is(Next(k, to), "json"))
                {
                    int after = Next(Next(k, to), to);
                    if (Is(after, "encoding"))
                    {
                        int enc = Next(after, to);
                        if (!Is(enc, "utf8"))
                        {
                            throw NotSupported(sql, tokens[Math.Min(enc, tokens.Count - 1)], $"Function {name}: only ENCODING UTF8 is supported for a value");
                        }
                        after = Next(enc, to);
                    }
                    if (after < to)
                    {
                        throw NotSupported(sql, tokens[after], $"Function {name}: unexpected {Text(after)}");
                    }
                    valueTo = k;
                    formatted = true;
                    break;
                }
            }
            int valueFirst = Next(valueFrom - 1, valueTo);
            if (valueFirst >= valueTo)
            {
                throw NotSupported(sql, tokens[Math.Min(valueFrom, tokens.Count - 1)], $"Function {name}: a value is missing");
            }
            // A nested JSON-returning function's value is JSON text (its FORMAT is implicit).
            int open = Next(valueFirst, valueTo);
            if (!formatted && tokens[valueFirst].Kind == DuneTokenKind.Word && Is(open, "(") && Close(open, valueTo) == Previous(valueTo)
                && Text(valueFirst).ToLowerInvariant() is "json_query" or "json_array" or "json_object")
            {
                formatted = true;
            }
            return new JsonItemRange(keyFrom, keyTo, valueFrom, valueTo, formatted);
        }
    }
}
