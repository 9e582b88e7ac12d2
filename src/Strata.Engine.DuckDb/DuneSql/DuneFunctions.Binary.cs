namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Varbinary conversions, searches and hashes of Dune's function reference
/// (query-engine/Functions-and-operators/varbinary.mdx) and Trino's binary functions, as inline
/// DuckDB templates. Dune casts a <c>'0x…'</c> varchar argument to varbinary implicitly, so every
/// argument goes through <see cref="Bin"/>.
/// </summary>
internal static class DuneBinaryFunctions
{
    /// <summary>The argument as varbinary bytes: a BLOB as is, a varchar read as hex with or without 0x
    /// (the branch for the other type still binds; DuckDB folds <c>typeof</c> at bind time).</summary>
    internal static string Bin(string arg) =>
        $"(CASE WHEN typeof({arg}) = 'BLOB' THEN CAST(CAST({arg} AS VARCHAR) AS BLOB) ELSE unhex(regexp_replace(CAST({arg} AS VARCHAR), '^0[xX]', '')) END)";

    private static readonly string B1 = Bin("$1"), B2 = Bin("$2"), B3 = Bin("$3");

    /// <summary>Bytes padded on the left with zero bytes to a width, read as a two's complement integer of that width.</summary>
    private static string Signed(string name, string bytes, int width, string type) =>
        $"(CASE WHEN octet_length({bytes}) > {width} THEN error('{name}: varbinary is longer than {width} bytes') "
        + $"ELSE CAST(CAST(unhex(lpad(hex({bytes}), {2 * width}, '0')) AS BIT) AS {type}) END)";

    /// <summary>A 256-bit big-endian value as uint256/int256: native functions (<see cref="DuneInt256"/>), exact, typed,
    /// and refusing more than 32 bytes.</summary>
    private static string Uint256(string name, string bytes) => $"dune_varbinary_to_uint256({bytes})";

    private static string Int256(string name, string bytes) => $"dune_varbinary_to_int256({bytes})";

    /// <summary>Each byte as <c>&lt;hh&gt;</c>: a text search over it can only match at byte boundaries.</summary>
    private static string Marked(string bytes) => $"regexp_replace(lower(hex({bytes})), '(..)', '<\\1>', 'g')";

    private static string Unmarked(string text) => $"unhex(replace(replace({text}, '<', ''), '>', ''))";

    private static string Position(string prefix)
    {
        string pattern = "('^(?s:(' || " + prefix + " || '))(?:' || ($2) || ')')";
        return $"(CASE WHEN regexp_matches($1, {pattern}) THEN length(regexp_extract($1, {pattern}, 1)) + 1 ELSE -1 END)";
    }

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        foreach (string prefix in new[] { "varbinary", "bytearray" })
        {
            // The basic varbinary functions again, taking '0x…' varchar as Dune does.
            yield return new(($"{prefix}_length", 1), $"octet_length({B1})");
            yield return new(($"{prefix}_substring", 3), $"unhex(substring(hex({B1}), 2 * ($2) - 1, 2 * ($3)))");
            yield return new(($"{prefix}_substring", 2), $"unhex(substring(hex({B1}), 2 * ($2) - 1))");
            yield return new(($"{prefix}_concat", 2), $"({B1} || {B2})");
            yield return new(($"{prefix}_ltrim", 1), $"unhex(regexp_replace(hex({B1}), '^(00)+', ''))");
            yield return new(($"{prefix}_rtrim", 1), $"unhex(regexp_replace(hex({B1}), '(00)+$', ''))");
            yield return new(($"{prefix}_reverse", 1), $"unhex(array_to_string(list_reverse(regexp_extract_all(hex({B1}), '..')), ''))");
            yield return new(($"{prefix}_starts_with", 2), $"starts_with(hex({B1}), hex({B2}))");
            yield return new(($"{prefix}_to_integer", 1), Signed($"{prefix}_to_integer", B1, 4, "INTEGER"));
            yield return new(($"{prefix}_to_bigint", 1), Signed($"{prefix}_to_bigint", B1, 8, "BIGINT"));
            yield return new(($"{prefix}_to_decimal", 1), $"CAST({Signed($"{prefix}_to_decimal", B1, 16, "HUGEINT")} AS DECIMAL(38,0))");
            yield return new(($"{prefix}_to_uint256", 1), Uint256($"{prefix}_to_uint256", B1));
            yield return new(($"{prefix}_to_int256", 1), Int256($"{prefix}_to_int256", B1));
            yield return new(($"{prefix}_position", 2),
                $"(CASE WHEN octet_length({B2}) = 0 THEN 1 ELSE (strpos({Marked(B1)}, {Marked(B2)}) + 3) // 4 END)");
            yield return new(($"{prefix}_replace", 3), Unmarked($"replace({Marked(B1)}, {Marked(B2)}, {Marked(B3)})"));
        }
        yield return new(("bytea2numeric", 1), Signed("bytea2numeric", B1, 8, "BIGINT"));
        yield return new(("varbinary_ends_with", 2), $"ends_with(hex({B1}), hex({B2}))");
        yield return new(("md5", 1), $"unhex(md5({B1}))");
        yield return new(("sha1", 1), $"unhex(sha1({B1}))");
        yield return new(("sha256", 1), $"unhex(sha256({B1}))");
        // Trino's bitwise_right_shift is logical (on the 64-bit two's complement); the arithmetic one keeps the sign.
        yield return new(("bitwise_right_shift", 2),
            "(CASE WHEN $2 = 0 THEN CAST($1 AS BIGINT) ELSE CAST((CASE WHEN $1 < 0 THEN CAST($1 AS HUGEINT) + CAST('18446744073709551616' AS HUGEINT) "
            + "ELSE CAST($1 AS HUGEINT) END) >> ($2) AS BIGINT) END)");
        // Past 63 bits every bit is the sign: -1 for a negative value, 0 otherwise (bitwise.mdx: (-45, 64) is -1).
        yield return new(("bitwise_right_shift_arithmetic", 2), "(CASE WHEN ($2) >= 64 THEN CASE WHEN ($1) < 0 THEN CAST(-1 AS BIGINT) ELSE CAST(0 AS BIGINT) END ELSE CAST($1 AS BIGINT) >> ($2) END)");
        // bit_count is bigint (bitwise.mdx).
        yield return new(("bit_count", 2),
            "CAST(CASE WHEN $1 < -(CAST(1 AS HUGEINT) << (($2) - 1)) OR $1 >= (CAST(1 AS HUGEINT) << (($2) - 1)) THEN error('bit_count: value does not fit in the number of bits') "
            + "WHEN $2 = 64 THEN bit_count(CAST($1 AS BIGINT)) ELSE bit_count(CAST($1 AS BIGINT) & ((CAST(1 AS BIGINT) << ($2)) - 1)) END AS BIGINT)");
        // Trino's regexp_extract gives NULL when nothing matches (DuckDB gives '').
        yield return new(("regexp_extract", 2), "(CASE WHEN regexp_matches($1, $2) THEN regexp_extract($1, $2) END)");
        yield return new(("regexp_extract", 3), "(CASE WHEN regexp_matches($1, $2) THEN regexp_extract($1, $2, $3) END)");
        // The nth match's place from a start: the shortest prefix (at least start - 1 characters, then n - 1 matches)
        // after which the pattern matches, as one RE2 pattern over the whole string (so \b and ^ see their context).
        yield return new(("regexp_position", 2), Position("'.*?'"));
        yield return new(("regexp_position", 3), Position("'.{' || (($3) - 1) || ',}?'"));
        yield return new(("regexp_position", 4), Position("'.{' || (($3) - 1) || ',}?' || repeat('(?:' || ($2) || ').*?', ($4) - 1)"));
        yield return new(("json_array_get", 2), "json_extract($1, CAST($2 AS BIGINT))");
        yield return new(("reverse", 1), Reverse);
    }

    /// <summary>
    /// Trino's reverse of each of its types (string.md, binary.md, array.md): a varbinary's bytes, an array's elements, a
    /// varchar's code points (Trino's SliceUtf8.reverse; DuckDB's reverse keeps a grapheme cluster together, so a combining
    /// mark would stay on its letter); DuckDB's reverse takes text only ("Unexpected parameters (varbinary) for function
    /// reverse" for spellbook's little-endian reads). Every branch must bind for every type (DuckDB folds typeof after
    /// binding): the bytes go through their escaped text and back (the round trip of DuneFunctions.AsBlob) and are reversed
    /// by the native <see cref="DuneReverse"/>; an array is
    /// reversed by list_reverse of <see cref="ListOrItself"/> and picked by a folded key, so its elements keep their type
    /// (JSON, zoned timestamps, rows) without a text round trip; the text's code points are reversed in one pass by the
    /// native <see cref="DuneReverse"/> (297 split it into a list of characters: 15 s for 10 million). Another type is
    /// Trino's refusal, named by DuckDB's type.
    /// </summary>
    private const string Reverse = "(CASE WHEN typeof($1) = 'BLOB' "
        + "THEN cast_to_type(CAST(" + DuneReverse.Function + "(CAST(CAST($1 AS VARCHAR) AS BLOB)) AS VARCHAR), $1) "
        + "WHEN typeof($1) LIKE '%[]' THEN struct_extract(struct_pack(l := list_reverse(" + ListOrItself + "), v := $1), CASE WHEN typeof($1) LIKE '%[]' THEN 'l' ELSE 'v' END) "
        + "WHEN typeof($1) IN ('VARCHAR', '\"NULL\"') THEN cast_to_type(" + DuneReverse.Function + "(CAST($1 AS VARCHAR)), $1) "
        + "ELSE error('Unexpected parameters (' || lower(typeof($1)) || ') for function reverse') END)";

    /// <summary>The argument itself when it is an array, else the one-element list of it: a list whatever the type, so
    /// list_reverse binds in the branch no other type takes (the key is folded when DuckDB binds).</summary>
    private const string ListOrItself = "struct_extract(struct_pack(l := $1, e := [$1]), CASE WHEN typeof($1) LIKE '%[]' THEN 'l' ELSE 'e' END)";
}
