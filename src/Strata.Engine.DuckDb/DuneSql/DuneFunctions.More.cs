namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Array, JSON, string and time functions of Trino's reference whose DuckDB namesake answers differently
/// (or is missing), as inline DuckDB templates with Trino's answers.
/// </summary>
internal static class DuneMoreFunctions
{
    /// <summary>Indexes 1..n of a list whose element is the first of its value (NULL counts as a value, as Trino's).</summary>
    private const string FirstIndexes = "list_filter(range(1, len($1) + 1), _strata_i -> list_position($1, ($1)[_strata_i]) = _strata_i)";

    /// <summary>Trino's format_number: the value truncated to a long, divided by 1000 while at least 1000 in size
    /// (K, M, B, T, Q), shown with up to 2, 1 or 0 decimals (below 10, below 100, else), rounded half up.</summary>
    private static string FormatNumber()
    {
        const string value = "CAST(trunc(CAST($1 AS DOUBLE)) AS DOUBLE)";
        string[] units = ["", "K", "M", "B", "T", "Q"];
        static string Shown(string f) =>
            $"regexp_replace(regexp_replace(CASE WHEN {f} < 10 THEN format('{{:.2f}}', round({f}, 2)) WHEN {f} < 100 THEN format('{{:.1f}}', round({f}, 1)) "
            + $"ELSE format('{{:.0f}}', round({f}, 0)) END, '(\\.\\d*?)0+$', '\\1'), '\\.$', '')";
        var cases = new System.Text.StringBuilder("(CASE");
        for (int k = 0; k < units.Length; k++)
        {
            string f = value + string.Concat(Enumerable.Repeat(" / 1000.0", k));
            cases.Append(k < units.Length - 1 ? $" WHEN abs({f}) < 1000 THEN " : " ELSE ").Append(Shown($"({f})")).Append($" || '{units[k]}'");
        }
        return cases.Append(" END)").ToString();
    }

    /// <summary>Trino's human_readable_seconds: weeks, days, hours, minutes, seconds of the rounded value, zero parts
    /// left out, singular for 1 ("1 minute, 36 seconds"); 0 is "0 seconds".</summary>
    private static string HumanReadableSeconds()
    {
        const string s = "CAST(round($1) AS BIGINT)";
        (string Unit, string Part)[] parts =
        [
            ("week", $"{s} // 604800"), ("day", $"{s} % 604800 // 86400"), ("hour", $"{s} % 86400 // 3600"),
            ("minute", $"{s} % 3600 // 60"), ("second", $"{s} % 60"),
        ];
        string pieces = string.Join(", ", parts.Select(p =>
            $"CASE WHEN ({p.Part}) = 1 THEN '1 {p.Unit}' WHEN ({p.Part}) > 0 THEN CAST(({p.Part}) AS VARCHAR) || ' {p.Unit}s' END"));
        return $"(CASE WHEN {s} = 0 THEN '0 seconds' ELSE concat_ws(', ', {pieces}) END)";
    }

    /// <summary>An aggregate: its arguments stay inside it (never evaluated once outside, see the translator's Hoisted).</summary>
    internal static readonly string MapAgg = "map_from_entries(list(struct_pack(key := $1, value := $2)) FILTER (WHERE ($1) IS NOT NULL))";

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("human_readable_seconds", 1), HumanReadableSeconds());
        yield return new(("rand", 0), "random()");
        yield return new(("rand", 1), "CAST(floor(random() * ($1)) AS BIGINT)");
        // Trino keeps one value of a repeated key; DuckDB's map refuses repeated keys (an error, never a wrong map).
        yield return new(("map_agg", 2), MapAgg);
        yield return new(("format_number", 1), FormatNumber());
        // Trino's substr takes varchar and varbinary; DuckDB's only varchar, but array_slice takes both with the same
        // 1-based, negative-from-the-end positions. A start outside the value (or 0) gives an empty value, as Trino's.
        foreach (string name in new[] { "substr", "substring" })
        {
            yield return new((name, 2), "(CASE WHEN array_slice($1, $2, $2) = array_slice($1, 1, 0) THEN array_slice($1, 1, 0) ELSE array_slice($1, $2, 2147483647) END)");
            yield return new((name, 3), "(CASE WHEN array_slice($1, $2, $2) = array_slice($1, 1, 0) OR ($3) <= 0 THEN array_slice($1, 1, 0) "
                + "WHEN ($2) < 0 AND ($2) + ($3) - 1 >= 0 THEN array_slice($1, $2, 2147483647) ELSE array_slice($1, $2, ($2) + ($3) - 1) END)");
        }
        // Dune's starts_with also takes varbinary (a prefix of bytes).
        yield return new(("starts_with", 2),
            "(CASE WHEN typeof($1) = 'BLOB' THEN starts_with(hex(" + DuneBinaryFunctions.Bin("$1") + "), hex(" + DuneBinaryFunctions.Bin("$2") + ")) "
            + "ELSE starts_with(CAST($1 AS VARCHAR), CAST($2 AS VARCHAR)) END)");
        // arrays: Trino's array_position is 0 when absent; array_distinct keeps the first of each value, in order.
        yield return new(("array_position", 2), "coalesce(list_position($1, $2), 0)");
        yield return new(("array_distinct", 1), "list_select($1, " + FirstIndexes + ")");
        yield return new(("array_join", 2), "array_to_string($1, $2)");
        yield return new(("array_join", 3), "array_to_string(list_transform($1, _strata_x -> coalesce(CAST(_strata_x AS VARCHAR), $3)), $2)");
        yield return new(("array_except", 2), "list_filter(list_select($1, " + FirstIndexes + "), _strata_x -> NOT list_contains($2, _strata_x))");
        yield return new(("slice", 3),
            "(CASE WHEN ($2) < 0 THEN list_slice($1, len($1) + ($2) + 1, len($1) + ($2) + ($3)) ELSE list_slice($1, $2, ($2) + ($3) - 1) END)");
        // array_histogram counts each non-NULL value (a map; {} when none); ngrams: the arrays of n consecutive elements
        // (the whole array when n is at least its length).
        yield return new(("array_histogram", 1), "coalesce(list_aggregate($1, 'histogram'), map_from_entries(list_slice([{'key': ($1)[1], 'value': 0::BIGINT}], 1, 0)))");
        yield return new(("ngrams", 2), "(CASE WHEN ($2) <= 0 THEN error('ngrams: N must be positive') WHEN ($2) >= len($1) THEN [$1] "
            + "ELSE list_transform(range(1, len($1) - ($2) + 2), _strata_i -> list_slice($1, _strata_i, _strata_i + ($2) - 1)) END)");
        yield return new(("array_sum", 1), "list_sum($1)");
        yield return new(("array_average", 1), "list_avg($1)");
        // json
        yield return new(("is_json_scalar", 1), "(json_type(json($1)) NOT IN ('OBJECT', 'ARRAY'))");
        yield return new(("json_size", 2),
            "(CASE WHEN json_type(json($1), $2) IS NULL THEN NULL WHEN json_type(json($1), $2) = 'ARRAY' THEN json_array_length(json($1), $2) "
            + "WHEN json_type(json($1), $2) = 'OBJECT' THEN len(json_keys(json($1), $2)) ELSE 0 END)");
        // Dune's varchar utilities: initcap upper-cases the first letter of each word (words end at anything not a
        // letter or digit) and lower-cases the rest; address_32_from_hex left-pads hex (0x optional) to 32 bytes.
        yield return new(("initcap", 1), "array_to_string(list_transform(regexp_extract_all($1, '[\\pL\\pN]+|[^\\pL\\pN]+'), "
            + "_strata_w -> upper(_strata_w[1]) || lower(_strata_w[2:])), '')");
        const string hex = "regexp_replace($1, '^0[xX]', '')";
        yield return new(("address_32_from_hex", 1), $"(CASE WHEN NOT regexp_full_match({hex}, '[0-9a-fA-F]{{1,64}}') "
            + "THEN error('address_32_from_hex: the input must be 1 to 64 hexadecimal digits, with or without 0x') "
            + $"ELSE unhex(lpad({hex}, 64, '0')) END)");
        // Trino's big-endian conversions: exactly 4 or 8 bytes, two's complement (DuckDB's hex of an integer is its
        // 64-bit two's complement).
        foreach (var (bits, bytes, type) in new[] { (32, 4, "INTEGER"), (64, 8, "BIGINT") })
        {
            string b = DuneBinaryFunctions.Bin("$1");
            yield return new(($"from_big_endian_{bits}", 1), $"(CASE WHEN octet_length({b}) <> {bytes} "
                + $"THEN error('from_big_endian_{bits}: expected {bytes}-byte input, but got ' || octet_length({b})) "
                + $"ELSE CAST(CAST({b} AS BIT) AS {type}) END)");
            yield return new(($"to_big_endian_{bits}", 1), $"unhex(right(lpad(hex(CAST($1 AS {type})), {2 * bytes}, '0'), {2 * bytes}))");
        }
        // time
        yield return new(("current_timezone", 0), "current_setting('TimeZone')");
        yield return new(("to_milliseconds", 1), "CAST(epoch_ms(TIMESTAMP '1970-01-01' + ($1)) AS BIGINT)");
    }
}
