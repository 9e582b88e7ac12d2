namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Templates for functions of Dune's reference (dune-docs, query-engine/Functions-and-operators) that a sweep of its
/// pages found missing: arrays_overlap's NULL (array.mdx), the URL-safe base64 pair (binary.mdx), Teradata's char2hexint (teradata.mdx) and the Wilson score
/// interval bounds (math.mdx). Each follows Trino's definition: Java's URL-safe base64 with padding (its decoder takes
/// the text without), UTF-16BE in upper-case hex, and WilsonInterval's formula with its four argument checks.
/// </summary>
internal static class DuneDocsFunctions
{
    /// <summary>The Wilson score interval bound (<paramref name="sign"/> -1 lower, +1 upper) of $1 successes in $2 trials
    /// at z-score $3: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), after Trino's checks.</summary>
    private static string Wilson(char sign) =>
        "(CASE WHEN ($1) < 0 THEN error('number of successes must not be negative') "
        + "WHEN ($2) <= 0 THEN error('number of trials must be positive') "
        + "WHEN ($1) > ($2) THEN error('number of successes must not be larger than number of trials') "
        + "WHEN ($3) < 0 THEN error('z-score must not be negative') "
        + "ELSE (CAST($1 AS DOUBLE) / CAST($2 AS DOUBLE) + CAST($3 AS DOUBLE) * ($3) / (2 * CAST($2 AS DOUBLE)) "
        + $"{sign} CAST($3 AS DOUBLE) * sqrt((CAST($1 AS DOUBLE) / CAST($2 AS DOUBLE)) * (1 - CAST($1 AS DOUBLE) / CAST($2 AS DOUBLE)) / CAST($2 AS DOUBLE) "
        + "+ CAST($3 AS DOUBLE) * ($3) / (4 * CAST($2 AS DOUBLE) * CAST($2 AS DOUBLE)))) / (1 + CAST($3 AS DOUBLE) * ($3) / CAST($2 AS DOUBLE)) END)";

    /// <summary>One code point's UTF-16 code units as upper-case hex: one unit below U+10000, a surrogate pair above.</summary>
    private const string Utf16Hex = "(CASE WHEN unicode(_strata_c) < 65536 THEN lpad(upper(to_hex(unicode(_strata_c))), 4, '0') "
        + "ELSE upper(to_hex(55296 + ((unicode(_strata_c) - 65536) >> 10))) || upper(to_hex(56320 + ((unicode(_strata_c) - 65536) & 1023))) END)";

    /// <summary>Whether a list holds a NULL element.</summary>
    private static string HasNull(string list) => $"(len(list_filter({list}, _strata_n -> _strata_n IS NULL)) > 0)";

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        // array.mdx: true when the arrays share a non-NULL element; else NULL when either holds a NULL (DuckDB's
        // list_has_any answered false).
        yield return new(("arrays_overlap", 2), "(CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL WHEN list_has_any($1, $2) THEN true "
            + "WHEN " + HasNull("$1") + " OR " + HasNull("$2") + " THEN NULL ELSE false END)");
        yield return new(("to_base64url", 1), "replace(replace(to_base64($1), '+', '-'), '/', '_')");
        yield return new(("from_base64url", 1),
            "from_base64(replace(replace($1, '-', '+'), '_', '/') || repeat('=', CAST((4 - length($1) % 4) % 4 AS BIGINT)))");
        yield return new(("char2hexint", 1),
            "array_to_string(list_transform(list_transform(range(1, length($1) + 1), _strata_i -> substring($1, _strata_i, 1)), _strata_c -> "
            + Utf16Hex + "), '')");
        yield return new(("wilson_interval_lower", 3), Wilson('-'));
        yield return new(("wilson_interval_upper", 3), Wilson('+'));
    }
}
