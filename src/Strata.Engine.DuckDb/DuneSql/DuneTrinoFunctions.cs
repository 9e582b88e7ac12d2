namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Templates for Trino functions of Dune's function reference that DuckDB lacks, spells differently, or answers
/// with another type or order: Java-style regex replacements, url_* extraction, strpos by instance,
/// hamming_distance, width_bucket, shuffle, exact cube roots, the bigint results Trino declares, Java's logarithms and
/// square root at zero and below, and concat as Trino's ||.
/// </summary>
internal static class DuneTrinoFunctions
{
    /// <summary>
    /// Trino's replacement string is Java's: <c>$n</c> is group n, and a backslash takes the next character literally.
    /// RE2 (DuckDB) writes a group as <c>\n</c> and a literal backslash as <c>\\</c>, and takes <c>$</c> literally. The
    /// replacement is rewritten at run time (DuckDB folds a literal once), left to right as Java reads it: each escape
    /// or group reference becomes a marked token (chr 3, the escaped character, chr 4, chr 2, the group digit), then the
    /// tokens become RE2's spelling: a group, an escaped backslash, any other escaped character.
    /// </summary>
    private const string JavaReplacement = """
        regexp_replace(regexp_replace(regexp_replace(regexp_replace($3,
        '\\((?s:.))|\$(\d)', chr(3) || '\1' || chr(4) || chr(2) || '\2', 'g'),
        chr(3) || chr(4) || chr(2) || '(\d)', '\\\1', 'g'),
        chr(3) || '\\' || chr(4) || chr(2), '\\\\', 'g'),
        chr(3) || '((?s:.))' || chr(4) || chr(2), '\1', 'g')
        """;

    /// <summary>
    /// DuckDB's regexp_replace with Trino's replacement, refused before it is built when its answer would pass
    /// <see cref="DuneValueBound.MaxBytes"/> (hostile31: a 1,000-character replacement over 1,000,000 matches built for
    /// minutes up to the worker's memory limit). The answer holds the text's unmatched bytes, each match's replacement's
    /// literal bytes (at most the replacement's length) and its group references' text; matches do not overlap, so each
    /// reference adds at most the matched text's length over all matches. When that is within the bound with a match at
    /// every place (the text's length + 1, the whole text matched), the call runs at once (every ordinary call); otherwise
    /// the matches and the matched length are counted by two replacements that build at most twice the text (with '' and
    /// with one byte) and the bound is checked on those (a text of 8 MiB with a group reference and no match answers).
    /// The text and the replacement are written once, as a lambda's parameter (a chain of calls would otherwise multiply
    /// its text by each level's uses); the replacement's literal bytes and its group references are counted as RE2 reads
    /// it (<see cref="LiteralBytes"/>, <see cref="ReferenceCount"/>).
    /// </summary>
    private static readonly string BoundedRegexpReplace =
        $"list_transform([struct_pack(s := $1, r := {JavaReplacement})], {V} -> CASE "
        + $"WHEN strlen({S}) + (strlen({S}) + 1) * {LiteralBytes} + {ReferenceCount} * strlen({S}) <= {DuneValueBound.MaxBytes} "
        + $"THEN regexp_replace({S}, $2, {R}, 'g') "
        + $"WHEN list_transform([strlen(regexp_replace({S}, $2, '', 'g'))], {U} -> {U} + (strlen(regexp_replace({S}, $2, chr(1), 'g')) - {U}) "
        + $"* {LiteralBytes} + {ReferenceCount} * (strlen({S}) - {U}) > {DuneValueBound.MaxBytes})[1] "
        + $"THEN error({DuneValueBound.Refusal("regexp_replace", "the answer's length (the replacement at each match)")}) "
        + $"ELSE regexp_replace({S}, $2, {R}, 'g') END)[1]";

    private const string V = "_strata_rr";

    /// <summary>The text and the RE2 replacement, read from the lambda's parameter by subscript (LambdaField).</summary>
    private static string S => LambdaField.Of(V, "s");

    private static string R => LambdaField.Of(V, "r");

    /// <summary>The counted path's unmatched length (the text with every match removed), computed once and read three times.</summary>
    private const string U = "_strata_ru";

    /// <summary>The bytes the RE2 replacement writes at each match besides its group references: read left to right as RE2
    /// reads it, an escaped backslash (<c>\\</c>) writes one byte and a reference (<c>\N</c>) none (its group's text is
    /// <see cref="ReferenceCount"/>'s), every other byte itself. 294 counted the replacement's whole length, so each
    /// reference's two characters were charged on top of its group's text (a result just under the bound with many
    /// references was refused).</summary>
    private static string LiteralBytes => $"strlen(regexp_replace({R}, '\\\\(?:(\\\\)|[0-9])', '\\1', 'g'))";

    /// <summary>The group references of the RE2 replacement, as RE2 pairs a backslash with the character after it (a digit
    /// after an escaped backslash is a literal digit, not a reference).</summary>
    private static string ReferenceCount => $"strlen(regexp_replace({R}, '\\\\(?:\\\\|([0-9]))|(?s:.)', '\\1', 'g'))";

    /// <summary>A URL's parts by RFC 3986's reference regex; Trino answers NULL for what is not a URI.</summary>
    private const string UrlPattern = "'^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$'";

    private static string UrlPart(int group) => $"nullif(regexp_extract($1, {UrlPattern}, {group}), '')";

    /// <summary>The authority without user info: <c>user@host:port</c> → <c>host:port</c>.</summary>
    private static readonly string HostPort = $"regexp_replace({UrlPart(2)}, '^.*@', '')";

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("regexp_replace", 3), BoundedRegexpReplace);
        // DuckDB's own, through a template so that a constant pattern is written in RE2's spelling (DuneJavaRegex).
        yield return new(("regexp_extract_all", 2), "regexp_extract_all($1, $2)");
        yield return new(("regexp_extract_all", 3), "regexp_extract_all($1, $2, $3)");

        yield return new(("url_extract_protocol", 1), UrlPart(1));
        yield return new(("url_extract_host", 1), $"nullif(regexp_replace({HostPort}, ':[0-9]*$', ''), '')");
        yield return new(("url_extract_port", 1), $"TRY_CAST(nullif(regexp_extract({HostPort}, ':([0-9]+)$', 1), '') AS BIGINT)");
        yield return new(("url_extract_path", 1), $"regexp_extract($1, {UrlPattern}, 3)");
        yield return new(("url_extract_query", 1), UrlPart(4));
        yield return new(("url_extract_fragment", 1), UrlPart(5));
        // The first value of the named parameter ('' when it has no '='), NULL when absent.
        yield return new(("url_extract_parameter", 2),
            $"list_transform(list_filter(string_split(coalesce({UrlPart(4)}, ''), '&'), _strata_p -> split_part(_strata_p, '=', 1) = ($2)), "
            + "_strata_p -> CASE WHEN strpos(_strata_p, '=') = 0 THEN '' ELSE substr(_strata_p, strpos(_strata_p, '=') + 1) END)[1]");

        // strpos(string, substring, instance): the position of the instance-th occurrence (from the end when negative), 0 when none.
        yield return new(("strpos", 3),
            "(CASE WHEN ($3) = 0 THEN error('strpos: instance must not be zero') ELSE coalesce(list_filter(list_transform(range(1, length($1) + 1), "
            + "_strata_i -> CASE WHEN substr($1, _strata_i, length($2)) = ($2) THEN _strata_i END), _strata_i -> _strata_i IS NOT NULL)[$3], 0) END)");

        // Trino counts the code points that differ; DuckDB's hamming compares bytes (and refuses two empty strings), so it
        // serves only strings of single-byte characters (strlen = length); others are compared character by character.
        yield return new(("hamming_distance", 2),
            "(CASE WHEN length($1) <> length($2) THEN error('The input strings to hamming_distance function must have the same length') "
            + "WHEN length($1) = 0 THEN CAST(0 AS BIGINT) WHEN strlen($1) = length($1) AND strlen($2) = length($2) THEN hamming($1, $2) "
            + "ELSE list_transform([string_split($1, '')], _strata_l -> list_transform([string_split($2, '')], "
            + "_strata_r -> CAST(len(list_filter(range(1, len(_strata_l) + 1), _strata_i -> _strata_l[_strata_i] <> _strata_r[_strata_i])) AS BIGINT))[1])[1] END)");

        // Trino's url_encode is Java's URLEncoder: a space is '+', '.', '-', '*' and '_' stay, everything else but letters and
        // digits is %XX (DuckDB's is RFC 3986's: %20, '~' kept, '*' encoded); its url_decode reads '+' as a space.
        yield return new(("url_encode", 1), "replace(replace(replace(url_encode($1), '%20', '+'), '~', '%7E'), '%2A', '*')");
        yield return new(("url_decode", 1), "url_decode(replace($1, '+', ' '))");

        // Trino's bitwise aggregates (bigint in, bigint out); DuckDB names them bit_and, bit_or, bit_xor (the call stays
        // outermost, so FILTER and OVER follow it as they follow any aggregate).
        yield return new(("bitwise_and_agg", 1), "bit_and(CAST($1 AS BIGINT))");
        yield return new(("bitwise_or_agg", 1), "bit_or(CAST($1 AS BIGINT))");
        yield return new(("bitwise_xor_agg", 1), "bit_xor(CAST($1 AS BIGINT))");

        // width_bucket(x, bound1, bound2, n): the equi-width bucket of x, 0 below and n + 1 above (bounds may descend).
        yield return new(("width_bucket", 4),
            "(CASE WHEN ($4) <= 0 THEN error('bucketCount must be greater than 0') WHEN ($2) = ($3) THEN error('bounds cannot equal each other') "
            + "WHEN ($2) < ($3) THEN (CASE WHEN ($1) < ($2) THEN 0 WHEN ($1) >= ($3) THEN ($4) + 1 "
            + "ELSE CAST(floor(CAST(($1) - ($2) AS DOUBLE) * ($4) / (CAST($3 AS DOUBLE) - ($2))) AS BIGINT) + 1 END) "
            + "ELSE (CASE WHEN ($1) > ($2) THEN 0 WHEN ($1) <= ($3) THEN ($4) + 1 "
            + "ELSE CAST(floor(CAST(($2) - ($1) AS DOUBLE) * ($4) / (CAST($2 AS DOUBLE) - ($3))) AS BIGINT) + 1 END) END)");

        yield return new(("shuffle", 1), "list_transform(list_sort(list_transform($1, _strata_x -> {'r': random(), 'v': _strata_x})), _strata_s -> " + LambdaField.Of("_strata_s", "v") + ")");
        yield return new(("e", 0), "exp(1)");
        // Java's Math.cbrt is exact on perfect cubes (cbrt(27) = 3.0); DuckDB's answers 3.0000000000000004.
        yield return new(("cbrt", 1), "(CASE WHEN pow(round(cbrt($1)), 3) = ($1) THEN round(cbrt($1)) ELSE cbrt($1) END)");
        // truncate(x, n) of a decimal(p,s) keeps decimal(p,s) (MathFunctions.TruncateN; DuckDB's scale is n).
        yield return new(("truncate", 2), "cast_to_type(trunc($1, $2), $1)");

        // sign(x) has x's type (MathFunctions: bigint, integer, smallint, tinyint, double, real) and decimal(1,0) for a
        // decimal (Sign.signDecimalShort/Long); DuckDB's is a tinyint. Other types keep DuckDB's sign. Java's signum of NaN
        // is NaN (Trino's math.md), DuckDB's sign 0.
        yield return new(("sign", 1), "cast_to_type(CASE WHEN isnan($1) THEN $1 ELSE sign($1) END, struct_extract(struct_pack(d := CAST(NULL AS DECIMAL(1,0)), v := $1, s := sign($1)), "
            + "CASE WHEN typeof($1) LIKE 'DECIMAL%' THEN 'd' WHEN typeof($1) IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DOUBLE', 'FLOAT') THEN 'v' ELSE 's' END))");

        // lpad/rpad of varchar (StringFunctions, code points) or of varbinary (VarbinaryFunctions, bytes); DuckDB's are
        // text only. Bytes are padded as their hex text at twice the size (two hex digits a byte, so the pad repeats and
        // is cut on byte boundaries); the branch is chosen by the folded typeof. Errors as Trino's for a size outside
        // [0..2147483647] or an empty pad.
        yield return new(("lpad", 3), Pad("lpad"));
        yield return new(("rpad", 3), Pad("rpad"));

        // Trino declares it bigint (DuckDB: UBIGINT).
        yield return new(("json_array_length", 1), "CAST(json_array_length($1) AS BIGINT)");

        // cosine_similarity and cosine_distance (math.md): of two dense vectors (array(double), ArrayVectorFunctions: the
        // same length, neither of magnitude zero, dot / sqrt(|a|² |b|²)) or of two sparse ones (map(varchar, double),
        // MathFunctions: the dot product over shared keys by the norms, NULL when a value is NULL). The form is chosen by
        // the argument's folded type; the other branch binds (DuckDB finds the cast when it binds and fails only when it
        // runs) and is dropped, so it never runs.
        yield return new(("cosine_similarity", 2), CosineSimilarity);
        yield return new(("cosine_distance", 2), "(1.0 - " + CosineSimilarity + ")");

        // Java's Math.log, log10 and sqrt (MathFunctions): -Infinity at zero and NaN below it; DuckDB fails the query
        // ("cannot take logarithm of zero", "cannot take square root of a negative number").
        yield return new(("ln", 1), Logarithm("ln($1)", "$1"));
        yield return new(("log10", 1), Logarithm("log10($1)", "$1"));
        yield return new(("log2", 1), Logarithm("log2($1)", "$1"));
        yield return new(("log", 2), $"({Logarithm("ln($2)", "$2")} / {Logarithm("ln($1)", "$1")})");
        yield return new(("sqrt", 1), "(CASE WHEN ($1) < 0 THEN CAST('NaN' AS DOUBLE) ELSE sqrt($1) END)");
    }

    private const string DenseLeft = "CAST($1 AS DOUBLE[])", DenseRight = "CAST($2 AS DOUBLE[])";

    private const string SparseLeft = "CAST($1 AS MAP(VARCHAR, DOUBLE))", SparseRight = "CAST($2 AS MAP(VARCHAR, DOUBLE))";

    private static readonly string CosineSimilarity =
        "(CASE WHEN typeof($1) LIKE '%[]' OR typeof($2) LIKE '%[]' THEN (CASE "
        + $"WHEN len({DenseLeft}) <> len({DenseRight}) THEN error('The arguments must have the same length') "
        + $"WHEN list_dot_product({DenseLeft}, {DenseLeft}) = 0 OR list_dot_product({DenseRight}, {DenseRight}) = 0 THEN error('Vector magnitude cannot be zero') "
        + $"ELSE list_dot_product({DenseLeft}, {DenseRight}) / sqrt(list_dot_product({DenseLeft}, {DenseLeft}) * list_dot_product({DenseRight}, {DenseRight})) END) "
        + $"WHEN list_count(map_values({SparseLeft})) < len(map_values({SparseLeft})) OR list_count(map_values({SparseRight})) < len(map_values({SparseRight})) THEN CAST(NULL AS DOUBLE) "
        + $"ELSE CAST(coalesce(list_sum(list_transform(map_keys({SparseLeft}), _strata_k -> {SparseLeft}[_strata_k] * coalesce(element_at({SparseRight}, _strata_k)[1], 0))), 0) AS DOUBLE) "
        + $"/ (sqrt(coalesce(list_sum(list_transform(map_values({SparseLeft}), _strata_v -> _strata_v * _strata_v)), 0)) "
        + $"* sqrt(coalesce(list_sum(list_transform(map_values({SparseRight}), _strata_v -> _strata_v * _strata_v)), 0))) END)";

    /// <summary>Trino's lpad/rpad (named f) of a varchar or a varbinary (see Templates). Both branches of the struct are
    /// computed, so the one not taken pads to 0; a NULL size stays NULL in both (<c>least</c> skips a NULL: the byte
    /// branch padded to 2^31 hex digits, a 1 GiB answer for <c>lpad(x'12', NULL, x'00')</c> and 2 GB of work for every
    /// call of the text form with a NULL or an out-of-range size, even when constant-folded before the error).</summary>
    /// <remarks>A target length past <see cref="DuneValueBound.MaxBytes"/> fails at once naming the function and the
    /// bound: each character or byte of the answer is at least a byte, so it could never be returned, and DuckDB built it
    /// character by character first (<c>lpad('a', 2000000000, 'b')</c> held a slot 3 min 40 s up to the worker's memory
    /// limit, hostile27). Trino's own check is the range [0..2147483647], kept first with its message. The branches' own
    /// lengths stop at the bound too: DuckDB folds a constant branch before the CASE chooses, so a check in front of it
    /// alone still built the 2 GB text first (5 minutes on the attack server before the error).</remarks>
    private static string Pad(string f) =>
        "(CASE WHEN ($2) < 0 OR ($2) > 2147483647 THEN error('Target length must be in the range [0..2147483647]') "
        + $"WHEN ($2) > {DuneValueBound.MaxBytes} THEN error({DuneValueBound.Refusal(f, "the target length")}) "
        + "WHEN length(hex($3)) = 0 THEN error(CASE WHEN typeof($3) = 'BLOB' THEN 'Padding bytes must not be empty' ELSE 'Padding string must not be empty' END) "
        + $"ELSE struct_extract(struct_pack(b := unhex({f}(hex($1), CAST(CASE WHEN typeof($1) <> 'BLOB' THEN 0 WHEN CAST($2 AS BIGINT) > {DuneValueBound.MaxBytes} THEN 0 ELSE CAST($2 AS BIGINT) * 2 END AS INTEGER), hex($3))), "
        + $"s := {f}(CAST($1 AS VARCHAR), CAST(CASE WHEN typeof($1) = 'BLOB' OR ($2) > {DuneValueBound.MaxBytes} THEN 0 ELSE $2 END AS INTEGER), CAST($3 AS VARCHAR))), "
        + "CASE WHEN typeof($1) = 'BLOB' THEN 'b' ELSE 's' END) END)";

    /// <summary>A logarithm f of x as Java's: -Infinity at zero, NaN below it, NULL for NULL.</summary>
    private static string Logarithm(string f, string x) =>
        $"(CASE WHEN ({x}) > 0 THEN {f} WHEN ({x}) = 0 THEN CAST('-Infinity' AS DOUBLE) WHEN ({x}) < 0 THEN CAST('NaN' AS DOUBLE) ELSE {f} END)";
}
