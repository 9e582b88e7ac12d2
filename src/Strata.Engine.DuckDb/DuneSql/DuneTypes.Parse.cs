using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>DuneSQL type names read from the user's tokens and written as the engine's types.</summary>
internal static partial class DuneTypes
{
    public static string Translate(string sql, List<DuneToken> tokens, int from, int to, DuneToken anchor)
    {
        var words = new List<string>();
        for (int i = from; i < to; i++)
        {
            if (!tokens[i].IsTrivia)
            {
                words.Add(sql.Substring(tokens[i].Start, tokens[i].Length));
            }
        }
        int depth = 0;
        foreach (string word in words)
        {
            depth += word is "(" or "<" ? 1 : word is ")" or ">" ? -1 : 0;
            if (depth > DuneSqlTranslator.MaxNesting)
            {
                throw DuneSqlTranslator.TooDeep(sql, anchor);
            }
        }
        int at = 0;
        string type = Parse(words, ref at, true, sql, anchor);
        if (at != words.Count)
        {
            throw DuneSqlTranslator.NotSupported(sql, anchor, $"Type {string.Join(' ', words)} is not supported");
        }
        return type;
    }

    private static string Parse(List<string> words, ref int at, bool top, string sql, DuneToken anchor)
    {
        // array(array(…)) nests as deep as the text allows: refused cleanly rather than off the end of the stack.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (at >= words.Count)
        {
            throw DuneSqlTranslator.NotSupported(sql, anchor, "A type name is missing");
        }
        string raw = words[at++];
        string name = raw.ToLowerInvariant().Trim('"');
        var parameters = new List<string>();
        bool hasParameters = at < words.Count && words[at] == "(";
        switch (name)
        {
            // Trino also reads the legacy ARRAY<T> and MAP<K, V> (spellbook writes CAST(NULL AS ARRAY<UINT256>)).
            case "array":
                string close = Open(words, ref at, sql, anchor);
                string element = Parse(words, ref at, false, sql, anchor);
                Expect(words, ref at, close, sql, anchor);
                return element + "[]";
            case "map":
                string mapClose = Open(words, ref at, sql, anchor);
                string key = Parse(words, ref at, false, sql, anchor);
                Expect(words, ref at, ",", sql, anchor);
                string value = Parse(words, ref at, false, sql, anchor);
                Expect(words, ref at, mapClose, sql, anchor);
                return $"MAP({key}, {value})";
            case "row":
                return Row(words, ref at, sql, anchor);
        }
        if (hasParameters)
        {
            at++;
            while (at < words.Count && words[at] != ")")
            {
                parameters.Add(words[at++]);
            }
            Expect(words, ref at, ")", sql, anchor);
        }
        bool withZone = false;
        if (at + 2 < words.Count + 0 && at + 2 <= words.Count - 1 && Lower(words[at]) is "with" or "without" && Lower(words[at + 1]) == "time" && Lower(words[at + 2]) == "zone")
        {
            withZone = Lower(words[at]) == "with";
            at += 3;
        }
        if (name is "timestamp" or "time" && hasParameters
            && !(parameters is [var digits] && digits.Length <= 2 && digits.All(char.IsAsciiDigit) && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) <= 12))
        {
            // Trino's precisions are 0 to 12 (TimestampType.MAX_PRECISION); any other was taken as timestamp(3) silently.
            throw DuneSqlTranslator.NotSupported(sql, anchor, $"{name.ToUpperInvariant()} precision must be in range [0, 12]: {string.Concat(parameters)}");
        }
        if (name is "varchar" or "char" && hasParameters)
        {
            // Trino's lengths: varchar 0 to 2147483646, char 0 to 65536; DuckDB ignores the length, so any other text
            // (varchar(-1), varchar(x)) was an unbounded varchar silently.
            long max = name == "varchar" ? int.MaxValue - 1L : 65_536;
            string length = string.Concat(parameters);
            if (!(parameters.Count == 1 && length.Length is > 0 and <= 10 && length.All(char.IsAsciiDigit)
                && long.Parse(length, System.Globalization.CultureInfo.InvariantCulture) <= max))
            {
                throw DuneSqlTranslator.NotSupported(sql, anchor, $"{name.ToUpperInvariant()} length must be in range [0, {max}], got {length}");
            }
        }
        if (name == "double" && at < words.Count && Lower(words[at]) == "precision")
        {
            at++;
        }
        if (name == "timestamp" && withZone && parameters is ["9"])
        {
            // DuckDB's timestamp with time zone holds microseconds: a refusal, never an instant cut to fewer digits.
            throw DuneSqlTranslator.NotSupported(sql, anchor, "Type timestamp(9) with time zone is not supported (a timestamp with time zone "
                + "holds microseconds here); use timestamp(9), which keeps nanoseconds in UTC");
        }
        return name switch
        {
            "varchar" or "char" or "string" => top ? "VARCHAR" : "VARCHAR",
            "varbinary" => "BLOB",
            "uint256" => top ? "UINT256" : DuneInt256Types.Uint256,
            "int256" => top ? "INT256" : DuneInt256Types.Int256,
            // timestamp(9): DuckDB's nanosecond timestamp (named timestamp(9) in results); other precisions are held as
            // microseconds and named timestamp(3) (decision dune-time5).
            // timestamp(10…12): held as nanoseconds, the finest DuckDB has (a value with more digits is refused where it is cast).
            "timestamp" => withZone ? "TIMESTAMPTZ" : parameters is ["9" or "10" or "11" or "12"] ? "TIMESTAMP_NS" : "TIMESTAMP",
            "time" => withZone ? "TIMETZ" : "TIME",
            "decimal" or "numeric" => parameters.Count == 0 ? "DECIMAL(38, 0)" : $"DECIMAL({string.Concat(parameters)})",
            "int" => "INTEGER", // Trino's alias: one name for the casts that round a double (DuneSqlTranslator.IntegerCasts.cs)
            "double" or "real" or "bigint" or "integer" or "smallint" or "tinyint" or "boolean" or "date" or "json" or "uuid" or "interval" => name.ToUpperInvariant(),
            // Trino's types Strata does not hold are named as such; any other name is no type at all (PostgreSQL's bytea
            // and int8 of Dune's retired engine): Trino's TypeNotFoundException, "Unknown type: bytea".
            _ when TrinoTypesNotHeld.Contains(name) => throw DuneSqlTranslator.NotSupported(sql, anchor, $"Type {raw} is not supported"),
            _ => throw DuneSqlTranslator.NotSupported(sql, anchor, $"Unknown type: {name}"),
        };
    }

    /// <summary>Trino's types (its type docs and plugins Dune runs) that Strata has no column type for.</summary>
    private static readonly HashSet<string> TrinoTypesNotHeld = new(StringComparer.Ordinal)
    {
        "ipaddress", "ipprefix", "hyperloglog", "p4hyperloglog", "setdigest", "qdigest", "tdigest", "geometry", "sphericalgeography",
        "bingtile", "kdbtree", "color", "jsonpath", "json2016",
    };

    /// <summary>CAST(x AS ROW(…)): Trino also casts a JSON array to a row, field by field in order (json.mdx:
    /// <c>CAST(JSON '[123,"abc",true]' AS ROW(v1 BIGINT, v2 VARCHAR, v3 BOOLEAN))</c>); DuckDB casts only JSON objects, so
    /// an array is first made the object of the row's field names. Any other value casts as DuckDB's.</summary>
    internal static string ToRow(string type, bool isTry)
    {
        var names = new List<string>();
        int depth = 0, start = "STRUCT(".Length;
        for (int i = start; i < type.Length - 1; i++)
        {
            depth += type[i] == '(' ? 1 : type[i] == ')' ? -1 : 0;
            if (depth == 0 && (type[i] == ',' || i == type.Length - 2))
            {
                string field = type[start..(type[i] == ',' ? i : i + 1)].Trim();
                string name = field.StartsWith('"') ? field[1..field.IndexOf('"', 1)] : field[..field.IndexOf(' ', StringComparison.Ordinal)];
                names.Add(name.Replace("'", "''", StringComparison.Ordinal));
                start = i + 1;
            }
        }
        string cast = isTry ? "TRY_CAST" : "CAST";
        string fields = string.Join(", ", names.Select((n, k) => $"'{n}', json_extract(CAST($1 AS JSON), '$[{k}]')"));
        string wrongLength = isTry ? "NULL" : $"error('Cannot cast a JSON array of ' || json_array_length(CAST($1 AS JSON)) || ' elements to a row of {names.Count} fields')";
        return $"(CASE WHEN typeof($1) = 'JSON' AND json_type(CAST($1 AS JSON)) = 'ARRAY' THEN {cast}(CASE WHEN json_array_length(CAST($1 AS JSON)) <> {names.Count} "
            + $"THEN {wrongLength} ELSE json_object({fields}) END AS {type}) ELSE {cast}($1 AS {type}) END)";
    }

    private static string Row(List<string> words, ref int at, string sql, DuneToken anchor)
    {
        Expect(words, ref at, "(", sql, anchor);
        var fields = new StringBuilder("STRUCT(");
        int n = 0;
        while (true)
        {
            string fieldName;
            // A field is "name type" or just "type"; a name is followed by a type word, not by "(" "," ")".
            if (at + 1 < words.Count && words[at + 1] is not ("(" or "," or ")"))
            {
                fieldName = words[at++];
                // ROW(desc integer): Trino takes its non-reserved words as field names, DuckDB only quoted (decision 354).
                if (DuneSqlTranslator.DuckDbReservedWords.Contains(fieldName) || DuneSqlTranslator.QuoteWhenNonReservedName.Contains(fieldName))
                {
                    fieldName = "\"" + fieldName + "\"";
                }
            }
            else
            {
                fieldName = $"field{n}";
            }
            string type = Parse(words, ref at, false, sql, anchor);
            fields.Append(n == 0 ? "" : ", ").Append(fieldName).Append(' ').Append(type);
            n++;
            if (at < words.Count && words[at] == ",")
            {
                at++;
                continue;
            }
            Expect(words, ref at, ")", sql, anchor);
            return fields.Append(')').ToString();
        }
    }

    private static string Open(List<string> words, ref int at, string sql, DuneToken anchor)
    {
        string close = at < words.Count && words[at] == "<" ? ">" : ")";
        Expect(words, ref at, close == ">" ? "<" : "(", sql, anchor);
        return close;
    }

    private static string Lower(string s) => s.ToLowerInvariant();

    private static void Expect(List<string> words, ref int at, string symbol, string sql, DuneToken anchor)
    {
        if (at >= words.Count || words[at] != symbol)
        {
            throw DuneSqlTranslator.NotSupported(sql, anchor, $"Malformed type in CAST: expected '{symbol}'");
        }
        at++;
    }
}
