namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's SQL/JSON functions <c>json_exists</c>, <c>json_query</c> and <c>json_value</c> with their clauses
/// (<c>RETURNING</c>, the array wrapper, quotes, <c>ON EMPTY</c> and <c>ON ERROR</c>). The path is checked here (a
/// syntax error or a feature outside the subset is refused at its position) and evaluated by the native
/// <c>dune_json_path</c> (<see cref="DuneJsonFunctions"/>), whose tagged answer is turned into the clauses' result by a
/// one-element <c>list_transform</c>, so the input is evaluated once. <c>PASSING</c> and <c>FORMAT</c> are refused.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
        {
            "with", "without", "keep", "omit", "error", "null", "empty", "default", "true", "false", "unknown", "format", "passing",
        };

        private sealed record Behaviour(string Kind, (int From, int To)? Default);

        private int EmitJsonPath(string name, List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            if (args.Count != 2 || close >= end)
            {
                throw NotSupported(sql, anchor, $"Function {name} takes a JSON input and a path: {name}(json, 'lax $.a' …)");
            }
            var (from, to) = args[1];
            int path = Next(from - 1, to);
            if (path >= to || !IsTerminatedString(path))
            {
                throw NotSupported(sql, anchor, $"Function {name}: the JSON path must be a string literal");
            }
            var (template, templateArgs) = JsonPathTemplate(name, $"Function {name}", args[0], path, to, null, false, anchor);
            EmitTemplate(template, templateArgs, anchor);
            return close + 1;
        }

        /// <summary>The template and arguments of a json_exists/json_query/json_value call whose path literal is at
        /// <paramref name="path"/> and whose clauses follow it up to <paramref name="to"/>. <paramref name="who"/> names
        /// the call in messages; <paramref name="returning"/> is a json_table column's type (its RETURNING);
        /// <paramref name="errorOnError"/> makes ERROR ON ERROR the default (a column of a json_table that errors on
        /// error).</summary>
        private (string Template, List<(int From, int To)> Args) JsonPathTemplate(string name, string who, (int From, int To) input, int path, int to,
            string? returning, bool errorOnError, DuneToken anchor)
        {
            try
            {
                DuneJsonPath.Parse(Unquote(path));
            }
            catch (FormatException e)
            {
                throw NotSupported(sql, tokens[path], $"{who}: {e.Message}");
            }
            var words = new List<int>();
            for (int k = Next(path, to); k < to; k = Next(k, to))
            {
                words.Add(k);
            }
            char wrapper = 'W', quotes = 'K';
            string? type = returning;
            Behaviour onEmpty = new(name == "json_exists" ? "FALSE" : "NULL", null), onError = errorOnError ? new("ERROR", null) : onEmpty;
            int w = 0;
            while (w < words.Count)
            {
                string word = Text(words[w]).ToUpperInvariant();
                if (word is "PASSING" or "FORMAT")
                {
                    throw NotSupported(sql, tokens[words[w]], $"{who}: the {word} clause is not supported");
                }
                if (word == "RETURNING" && name != "json_exists" && returning is null)
                {
                    int start = ++w;
                    w = Until(words, w, k => ClauseWords.Contains(Text(k)));
                    int typeEnd = w < words.Count ? words[w] : to;
                    type = start < words.Count ? DuneTypes.Translate(sql, tokens, words[start], typeEnd, tokens[words[start]]) : null;
                    if (type is null || type.Contains('$', StringComparison.Ordinal) || (name == "json_query" && type != "VARCHAR"))
                    {
                        throw NotSupported(sql, tokens[words[start - 1]], $"{who}: RETURNING this type is not supported");
                    }
                }
                else if (word is "WITH" or "WITHOUT" && name == "json_query")
                {
                    wrapper = word == "WITHOUT" ? 'W' : 'U';
                    w++;
                    if (word == "WITH" && w < words.Count && Text(words[w]).ToUpperInvariant() is "CONDITIONAL" or "UNCONDITIONAL")
                    {
                        wrapper = Text(words[w++])[0] is 'c' or 'C' ? 'C' : 'U';
                    }
                    w = Optional(words, w, "array");
                    w = Required(words, w, "wrapper", who, anchor);
                }
                else if (word is "KEEP" or "OMIT" && name == "json_query")
                {
                    quotes = word[0];
                    w = Required(words, w + 1, "quotes", who, anchor);
                    if (w + 1 < words.Count && Is(words[w], "on") && Is(words[w + 1], "scalar"))
                    {
                        w = Required(words, w + 2, "string", who, anchor);
                    }
                }
                else
                {
                    var behaviour = ReadBehaviour(words, ref w, name, who, anchor);
                    w = Required(words, w, "on", who, anchor);
                    bool empty = w < words.Count && Is(words[w], "empty") && name != "json_exists";
                    w = Required(words, w, empty ? "empty" : "error", who, anchor);
                    (empty ? ref onEmpty : ref onError) = behaviour;
                }
            }
            return (JsonTemplate(name, wrapper, quotes, type, onEmpty, onError),
                [input, (path, path + 1), onEmpty.Default ?? input, onError.Default ?? input]);
        }

        private Behaviour ReadBehaviour(List<int> words, ref int w, string name, string who, DuneToken anchor)
        {
            string word = w < words.Count ? Text(words[w]).ToUpperInvariant() : "";
            bool allowed = name switch
            {
                "json_exists" => word is "TRUE" or "FALSE" or "UNKNOWN" or "ERROR",
                "json_value" => word is "NULL" or "ERROR" or "DEFAULT",
                _ => word is "NULL" or "ERROR" or "EMPTY",
            };
            if (!allowed)
            {
                throw NotSupported(sql, w < words.Count ? tokens[words[w]] : anchor, $"{who}: unexpected {(word.Length > 0 ? word : "end")} in its clauses");
            }
            w++;
            if (word == "EMPTY")
            {
                bool array = w < words.Count && Is(words[w], "array");
                w = Required(words, w, array ? "array" : "object", who, anchor);
                return new(array ? "EMPTY ARRAY" : "EMPTY OBJECT", null);
            }
            if (word != "DEFAULT")
            {
                return new(word, null);
            }
            int start = w;
            w = Until(words, w, k => Is(k, "on") && (Is(Next(k, tokens.Count), "empty") || Is(Next(k, tokens.Count), "error")));
            return start < w && w < words.Count ? new(word, (words[start], words[w]))
                : throw NotSupported(sql, anchor, $"{who}: DEFAULT needs an expression and ON EMPTY or ON ERROR");
        }

        /// <summary>The first word index from w, at parenthesis depth 0, that stops (or the end).</summary>
        private int Until(List<int> words, int w, Func<int, bool> stops)
        {
            int depth = 0;
            for (; w < words.Count; w++)
            {
                if (depth == 0 && stops(words[w])) break;
                depth += Is(words[w], "(") ? 1 : Is(words[w], ")") ? -1 : 0;
            }
            return w;
        }

        private int Optional(List<int> words, int w, string word) => w < words.Count && Is(words[w], word) ? w + 1 : w;

        private int Required(List<int> words, int w, string word, string who, DuneToken anchor) =>
            w < words.Count && Is(words[w], word) ? w + 1
                : throw NotSupported(sql, w < words.Count ? tokens[words[w]] : anchor, $"{who}: expected {word.ToUpperInvariant()} in its clauses");

        /// <summary>$1 the input, $2 the path literal, $3 and $4 the DEFAULT expressions on empty and on error.</summary>
        private static string JsonTemplate(string name, char wrapper, char quotes, string? type, Behaviour onEmpty, Behaviour onError)
        {
            const string text = "substr(_strata_j, 2)";
            string form = name switch { "json_exists" => "exists", "json_value" => "value", _ => $"query{wrapper}{quotes}" };
            string Apply(Behaviour b, string dflt, string message) => b.Kind switch
            {
                "NULL" or "UNKNOWN" => "NULL",
                "TRUE" => "true",
                "FALSE" => "false",
                "EMPTY ARRAY" => "'[]'",
                "EMPTY OBJECT" => "'{}'",
                "DEFAULT" => dflt,
                _ => $"error({message})",
            };
            string value = name switch
            {
                "json_exists" => $"({text} = 'true')",
                "json_value" when type is not null && onError.Kind == "ERROR" => $"CAST({text} AS {type})",
                "json_value" when type is not null => $"coalesce(TRY_CAST({text} AS {type}), {Apply(onError, "$4", "")})",
                _ => text,
            };
            string empty = Apply(onEmpty, "$3", $"'{name}: the path gives no item'");
            string error = Apply(onError, "$4", $"'{name}: ' || {text}");
            return $"list_transform([dune_json_path(CAST($1 AS VARCHAR), $2, '{form}')], _strata_j -> CASE left(_strata_j, 1) "
                + $"WHEN 'V' THEN {value} WHEN 'E' THEN {empty} WHEN 'X' THEN {error} END)[1]";
        }

        /// <summary>Trino's <c>JSON '…'</c> is the parsed value, kept canonical (<c>json_format(JSON '{"a": 1}')</c> is
        /// <c>{"a":1}</c>); DuckDB's JSON literal keeps the text as written. <c>json()</c> parses and minifies it.</summary>
        private int EmitJsonLiteral(DuneToken word, int literal)
        {
            emitter.Text("json(", word);
            emitter.Copy(tokens[literal]);
            emitter.Text(")", tokens[literal]);
            return literal + 1;
        }
    }
}
