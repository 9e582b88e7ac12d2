namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Array, JSON, string and time functions of Trino's reference whose DuckDB namesake answers differently
/// (or is missing), as inline DuckDB templates with Trino's answers.
/// </summary>
internal static class DuneMoreFunctions
{
    /// <summary>Indexes 1..n of a list whose element is the first of its value (NULL counts as a value, as Trino's).</summary>
    private const string FirstIndexes = "list_filter(range(1, len($1) + 1), _strata_i -> list_position($1, ($1)[_strata_i]) = _strata_i)";

    /// <summary>The distinct elements of $1 in order of first appearance, typed as $1 (DuckDB's list_select of a constant
    /// NULL list is typed NULL, so array_distinct and array_histogram of <c>CAST(NULL AS ARRAY(INTEGER))</c> were typed
    /// integer).</summary>
    private const string DistinctElements = "cast_to_type(list_select($1, " + FirstIndexes + "), $1)";

    /// <summary>The distinct elements of both, in order of first appearance (Trino: [1, 2] ∪ [2, 3] is [1, 2, 3]); the
    /// concatenation the indexes read is made once and read through a parameter (written out per element it was made once
    /// per element).</summary>
    private const string ArrayUnion = "list_select(list_concat($1, $2), list_transform([list_concat($1, $2)], _strata_u -> "
        + "list_filter(range(1, len(_strata_u) + 1), _strata_i -> list_position(_strata_u, (_strata_u)[_strata_i]) = _strata_i))[1])";

    private const string ArrayExcept = "list_filter(" + DistinctElements + ", _strata_x -> NOT list_contains($2, _strata_x))";

    /// <summary>Its keys in order of first appearance, as Trino's histogram builds its map ({42=2, 7=1} for [42, 7, 42, NULL]);
    /// DuckDB's histogram sorts them. DuckDB's map_from_entries of a constant NULL list is typed integer: it reads a
    /// list that is never NULL ([] in its place) and the NULL array's map is NULL by the CASE.</summary>
    private const string ArrayHistogram = "(CASE WHEN ($1) IS NULL THEN NULL ELSE map_from_entries(coalesce(list_transform(list_filter("
        + DistinctElements + ", _strata_x -> _strata_x IS NOT NULL), "
        + "_strata_x -> {'key': _strata_x, 'value': CAST(len(list_filter($1, _strata_y -> _strata_y = _strata_x)) AS BIGINT)}), [])) END)";

    /// <summary>The arrays of n consecutive elements (the whole array when n is at least its length). The answer's element
    /// count, (length - n + 1) × n, is refused past the value bound before any slice is built (hostile37:
    /// <c>ngrams(sequence(1, 10000), 5000)</c>, 25 million elements, held a worker past 45 s); each element is at least a
    /// byte of the answer, as flatten's bound reads it.</summary>
    private static readonly string Ngrams = "(CASE WHEN ($2) <= 0 THEN error('ngrams: N must be positive') WHEN ($2) >= len($1) THEN [$1] "
        + $"WHEN CAST(len($1) - ($2) + 1 AS BIGINT) * ($2) > {DuneValueBound.MaxBytes} "
        + $"THEN error({DuneValueBound.Refusal("ngrams", "the answer's element count ((length - n + 1) × n)")}) "
        + "ELSE list_transform(range(1, len($1) - ($2) + 2), _strata_i -> list_slice($1, _strata_i, _strata_i + ($2) - 1)) END)";

    private const string ElementsLength = "coalesce(list_sum(list_transform($1, _strata_j -> strlen(CAST(_strata_j AS VARCHAR)))), 0) ";

    /// <summary>The joined length when NULL elements are skipped: a delimiter between the non-NULL elements only.</summary>
    private const string JoinedLength = ElementsLength + "+ greatest(list_count($1) - 1, 0) * strlen(CAST($2 AS VARCHAR))";

    private static readonly string JoinRefused = $"error({DuneValueBound.Refusal("array_join", "the joined text's length")})";

    /// <summary>array_join(array, delimiter): DuckDB's array_to_string (NULL elements skipped, as Trino's). The answer's
    /// length (the elements' text and the delimiters) is summed first, nothing joined: past the value bound the call fails
    /// at once (hostile28: a join of 10,000 16 MB values ran to the worker's memory limit).</summary>
    private static readonly string ArrayJoin =
        $"(CASE WHEN {JoinedLength} > {DuneValueBound.MaxBytes} THEN {JoinRefused} ELSE array_to_string($1, $2) END)";

    /// <summary>array_join(array, delimiter, null_replacement): each NULL element written as the replacement.</summary>
    private static readonly string ArrayJoinReplacingNulls =
        $"(CASE WHEN {ElementsLength} + greatest(len($1) - 1, 0) * strlen(CAST($2 AS VARCHAR)) + (len($1) - list_count($1)) * strlen(CAST($3 AS VARCHAR)) > {DuneValueBound.MaxBytes} THEN {JoinRefused} "
        + "ELSE array_to_string(list_transform($1, _strata_x -> coalesce(CAST(_strata_x AS VARCHAR), $3)), $2) END)";

    /// <summary>replace(string, search, replacement), bounded (see its entry in the list): the string is read about ten
    /// times, so a computed string is evaluated once and read through a parameter (<see cref="HoistedThroughOwnLambdas"/>);
    /// expanded inline, REPLACE(REPLACE(REPLACE(x, …), …), …) wrote x a thousand times (dune-wild30).</summary>
    private static readonly string Replace = "(CASE WHEN strlen($2) = 0 THEN (CASE "
        + $"WHEN strlen($1) + (length($1) + 1) * strlen($3) > {DuneValueBound.MaxBytes} THEN error({DuneValueBound.Refusal("replace", "the answer's length (the replacement before each character)")}) "
        + "WHEN strlen($1) = 0 THEN $3 ELSE $3 || array_to_string(list_transform(string_split($1, ''), _strata_c -> _strata_c || $3), '') END) "
        + "WHEN strlen($3) <= strlen($2) "
        + $"OR strlen($1) + (strlen($1) // strlen($2)) * (strlen($3) - strlen($2)) <= {DuneValueBound.MaxBytes} THEN replace($1, $2, $3) "
        + $"WHEN strlen($1) + ((strlen($1) - strlen(replace($1, $2, ''))) // strlen($2)) * (strlen($3) - strlen($2)) > {DuneValueBound.MaxBytes} "
        + $"THEN error({DuneValueBound.Refusal("replace", "the answer's length (each occurrence of the search replaced)")}) ELSE replace($1, $2, $3) END)";

    /// <summary>Scalar templates whose own lambdas read an argument once per element and take no lambda of the user's: a
    /// computed argument (<c>array_distinct(sequence(1, 10000))</c>) is evaluated once and read through a parameter, not
    /// once per element (10,000 elements held the worker's whole memory: hostile17).</summary>
    internal static readonly HashSet<string> HoistedThroughOwnLambdas = new(StringComparer.Ordinal)
    {
        ArrayUnion, DistinctElements, ArrayExcept, ArrayHistogram, Ngrams, ArrayJoin, ArrayJoinReplacingNulls, Replace,
    };

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

    /// <summary>Trino's entropy(c) reads each row as a count (EntropyAggregation, aggregate.md): log2 of the counts' sum less
    /// the sum of c·log2(c) over it, NULLs and zeros ignored, 0 when the counts sum to 0, a negative count refused; DuckDB's
    /// entropy is the entropy of the values' own distribution, another answer. The one aggregate is the group's counts
    /// (its argument stays inside it); a one-element list_transform names them for the arithmetic.</summary>
    internal static readonly string Entropy = "list_transform([list_filter(list(CAST($1 AS DOUBLE)), _strata_c -> _strata_c IS NOT NULL)], "
        + "_strata_l -> CASE WHEN list_min(_strata_l) < 0 THEN error('Entropy count argument must be non-negative') "
        + "WHEN coalesce(list_sum(_strata_l), 0) = 0 THEN CAST(0 AS DOUBLE) "
        + "ELSE greatest(ln(list_sum(_strata_l)) - list_sum(list_transform(list_filter(_strata_l, _strata_c -> _strata_c > 0), "
        + "_strata_c -> _strata_c * ln(_strata_c))) / list_sum(_strata_l), 0) / ln(2) END)[1]";

    /// <summary>An aggregate: its arguments stay inside it (never evaluated once outside, see the translator's Hoisted).
    /// A key seen again keeps its first entry, as Trino's map_agg (its state ignores a key it holds; DuckDB's
    /// map_from_entries refuses a repeated key): the group's entries are sorted by (key, position), the first of each
    /// key's run kept, and those put back in arrival order, so a group costs a sort, not a scan per entry. The two
    /// one-element list_transforms only name a value (the entries, then the sorted pairs) for the lambdas after them.</summary>
    internal static readonly string MapAgg = "map_from_entries(" + FirstOfEachKey(MapEntries, LambdaField.Of("_strata_x", "key")) + ")";

    /// <summary>Trino's map_union(map) (aggregate.mdx, MapUnionAggregation): the union of the group's maps, a key found in
    /// several keeping one of its values (Trino's an arbitrary one; here the first map's, in arrival order), a NULL map
    /// skipped (the input function takes it as not nullable), NULL for no map. The maps' entries, flattened into one
    /// list, are reduced to the first of each key as map_agg's (a sort, not a scan per entry).</summary>
    internal static readonly string MapUnion = "map_from_entries(" + FirstOfEachKey("flatten(list(map_entries($1)) FILTER (WHERE ($1) IS NOT NULL))", LambdaField.Of("_strata_x", "key")) + ")";

    /// <summary>map_agg of a key that is a zone per row (dune_tzv, dune_tzv9; decision 304): keys compared by instant,
    /// as Trino's map keys hash and compare a timestamp with time zone's instant, the first entry of an instant kept.</summary>
    internal static readonly string MapAggByInstant = "map_from_entries(" + FirstOfEachKey(MapEntries, DuneInstantKey.Function + "(" + LambdaField.Of("_strata_x", "key") + ")") + ")";

    /// <summary><c>array_agg(DISTINCT x)</c> of a zone per row (decision 304): the first value of each instant, in
    /// arrival order (NULL is one value, as Trino's distinct keeps one NULL).</summary>
    internal static readonly string ArrayAggDistinctByInstant = FirstOfEachKey("list($1)", DuneInstantKey.Function + "(_strata_x)");

    private const string MapEntries = "list(struct_pack(key := $1, value := $2)) FILTER (WHERE ($1) IS NOT NULL)";

    /// <summary>The elements of the list <paramref name="entries"/> (an aggregate) whose <paramref name="key"/> (of the
    /// element <c>_strata_x</c>) no element before them has. The elements are sorted by (key, position), the first of each
    /// key's run kept, and those put back in arrival order, so a group costs a sort, not a scan per element. The two
    /// one-element list_transforms only name a value (the elements, then the sorted pairs) for the lambdas after them.</summary>
    private static string FirstOfEachKey(string entries, string key) => $"list_transform([{entries}], "
        + $"_strata_l -> list_transform([list_sort(list_transform(_strata_l, (_strata_x, _strata_i) -> struct_pack(k := {key}, i := _strata_i)))], "
        + "_strata_s -> list_select(_strata_l, list_sort(list_transform(list_filter(range(1, len(_strata_s) + 1), "
        + "_strata_p -> _strata_p = 1 OR _strata_s[_strata_p].k IS DISTINCT FROM _strata_s[_strata_p - 1].k), _strata_p -> _strata_s[_strata_p].i))))[1])[1]";

    /// <summary>Trino's multimap_agg(key, value) → map(K, array(V)): a scalar subquery over the group's pairs (the
    /// aggregate's arguments are all the outer query's, so DuckDB makes list() an aggregate of the outer query and
    /// decorrelates the subquery into a join per group), grouped by key, each key's values sorted and the keys sorted, so a
    /// group's rows cost a hash aggregate and sorts, linear in its rows (decision 181; the form before sliced a values list
    /// captured by a lambda per key, which DuckDB copies per key: keys × rows, 33 s for one group of 200,000 rows). The
    /// order is the former form's (by key, then value; Trino promises no order of a key's values). NULL keys are left out,
    /// as map_agg's; no row (or only NULL keys) gives NULL.</summary>
    internal static readonly string MultimapAgg = "(SELECT map_from_entries(list_sort(list(struct_pack(key := _strata_g.key, value := _strata_g.vs)))) "
        + "FROM (SELECT _strata_e.key AS key, list_sort(list(_strata_e.value)) AS vs "
        + "FROM (SELECT unnest(list(struct_pack(key := $1, value := $2)) FILTER (WHERE ($1) IS NOT NULL)) AS _strata_e) GROUP BY _strata_e.key) _strata_g)";

    /// <summary>multimap_agg's form before decision 181 (a lambda per key slicing the captured values list), kept as the
    /// reference route its tests compare the new form with.</summary>
    internal static readonly string MultimapAggBySlices = "list_transform([list_sort(list(struct_pack(key := $1, value := $2)) FILTER (WHERE ($1) IS NOT NULL))], _strata_s -> "
        + "CASE WHEN _strata_s IS NULL THEN NULL ELSE list_transform([list_transform(_strata_s, _strata_e -> " + LambdaField.Of("_strata_e", "key") + ")], _strata_k -> "
        + "list_transform([list_filter(list_transform(list_zip(_strata_k, list_prepend(NULL, list_slice(_strata_k, 1, len(_strata_k) - 1)), range(1, len(_strata_k) + 1)), "
        + "_strata_z -> CASE WHEN _strata_z[3] = 1 OR _strata_z[1] IS DISTINCT FROM _strata_z[2] THEN _strata_z[3] END), _strata_x -> _strata_x IS NOT NULL)], _strata_b -> "
        + "list_transform([list_transform(_strata_s, _strata_e -> " + LambdaField.Of("_strata_e", "value") + ")], _strata_v -> "
        + "map_from_entries(list_transform(_strata_b, (_strata_p, _strata_j) -> struct_pack(key := _strata_k[_strata_p], "
        + "value := _strata_v[_strata_p:coalesce(_strata_b[_strata_j + 1] - 1, len(_strata_v))]))))[1])[1])[1] END)[1]";

    /// <summary>10^(6 - p) for a precision p of 0 to 12 (at 6 and above the clock's microseconds are kept).</summary>
    private const string Precision = "(CASE WHEN ($1) BETWEEN 0 AND 12 THEN CAST(pow(10, 6 - least($1, 6)) AS BIGINT) ELSE error('TIMESTAMP precision must be in range [0, 12]: ' || ($1)) END)";

    /// <summary>Trino's from_iso8601_date (Joda's ISO date parser): <c>yyyy</c>, <c>yyyy-MM</c>, <c>yyyy-MM-dd</c>, the ordinal
    /// <c>yyyy-DDD</c> and the week date <c>yyyy-Www[-D]</c> (week 1 holds January 4th; day 1 is Monday). Anything else, or a
    /// field out of range, fails naming the text.</summary>
    private static string FromIso8601Date()
    {
        // TRY_CAST: a constant text that is no date ('epoch') would fail DuckDB's folding of this branch before the CASE chose
        // another ("Cannot cast 'epoc' to INT"); the branches that read the year have matched four digits first.
        const string y = "TRY_CAST(left($1, 4) AS INTEGER)";
        const string jan4 = "make_date(" + y + ", 1, 4)";
        const string bad = "error('Invalid format: \"' || $1 || '\"')";
        return "(CASE WHEN $1 IS NULL THEN NULL "
            + "WHEN regexp_full_match($1, '\\d{4}') THEN make_date(" + y + ", 1, 1) "
            + "WHEN regexp_full_match($1, '\\d{4}-(0[1-9]|1[0-2])') THEN make_date(" + y + ", CAST(substr($1, 6, 2) AS INTEGER), 1) "
            + "WHEN regexp_full_match($1, '\\d{4}-\\d{2}-\\d{2}') THEN coalesce(TRY_CAST($1 AS DATE), " + bad + ") "
            + "WHEN regexp_full_match($1, '\\d{4}-\\d{3}') AND TRY_CAST(substr($1, 6, 3) AS INTEGER) BETWEEN 1 AND dayofyear(make_date(" + y + ", 12, 31)) "
            + "THEN CAST(make_date(" + y + ", 1, 1) + (CAST(substr($1, 6, 3) AS INTEGER) - 1) AS DATE) "
            + "WHEN regexp_full_match($1, '\\d{4}-W\\d{2}(-[1-7])?') AND TRY_CAST(substr($1, 7, 2) AS INTEGER) BETWEEN 1 AND week(make_date(" + y + ", 12, 28)) "
            + "THEN CAST(" + jan4 + " - CAST(isodow(" + jan4 + ") - 1 AS INTEGER) + (CAST(substr($1, 7, 2) AS INTEGER) - 1) * 7 "
            + "+ (CASE WHEN length($1) = 10 THEN CAST(right($1, 1) AS INTEGER) - 1 ELSE 0 END) AS DATE) "
            + "ELSE " + bad + " END)";
    }

    /// <summary>Trino's combinations (ArrayCombinationsFunction): n negative or past 5 refused, n past the length no
    /// group, n = 0 one empty group; then the count is checked before any group is built: Trino counts C(length, n) bottom
    /// up in 32-bit integers (each step's product is C(length - n + i, i) × i, which grows with i, so a step overflows
    /// exactly when C(length, n) × n is past 2,147,483,647: "Number of combinations too large for array of size … and
    /// combination length …"), and refuses more than 100,000 elements in all, C(length, n) × n ("combinations exceed max
    /// size"). The count is computed in DOUBLE (exact below 2^53, and every value near the bounds is). The groups are
    /// nested filters over positions: one list_transform per element of the group, each position after the one before it.
    /// The array is read once, through a one-element lambda's parameter: with a constant array DuckDB folds every THEN
    /// branch of a CASE at planning, before any WHEN is evaluated (hostile36: the k = 4 and 5 branches of
    /// <c>combinations(sequence(1, 10000), 3)</c> took 14 GB), and a branch that reads a lambda parameter is no constant.</summary>
    private static string Combinations()
    {
        const string a = "_strata_ca";
        const string count = "(CASE ($2) WHEN 1 THEN CAST(len(" + a + ") AS DOUBLE) WHEN 2 THEN CAST(len(" + a + ") AS DOUBLE) * (len(" + a + ") - 1) / 2 "
            + "WHEN 3 THEN CAST(len(" + a + ") AS DOUBLE) * (len(" + a + ") - 1) * (len(" + a + ") - 2) / 6 "
            + "WHEN 4 THEN CAST(len(" + a + ") AS DOUBLE) * (len(" + a + ") - 1) * (len(" + a + ") - 2) * (len(" + a + ") - 3) / 24 "
            + "ELSE CAST(len(" + a + ") AS DOUBLE) * (len(" + a + ") - 1) * (len(" + a + ") - 2) * (len(" + a + ") - 3) * (len(" + a + ") - 4) / 120 END)";
        var cases = new System.Text.StringBuilder("list_transform([$1], " + a + " -> CASE WHEN " + a + " IS NULL OR ($2) IS NULL THEN NULL "
            + "WHEN ($2) < 0 THEN error('combination size must not be negative: ' || ($2)) "
            + "WHEN ($2) > 5 THEN error('combination size must not exceed 5: ' || ($2)) WHEN ($2) = 0 THEN [list_slice(" + a + ", 1, 0)] "
            + "WHEN ($2) > len(" + a + ") THEN list_slice([list_slice(" + a + ", 1, 0)], 1, 0) "
            + "WHEN " + count + " * ($2) > 2147483647 THEN error('Number of combinations too large for array of size ' || len(" + a + ") "
            + "|| ' and combination length ' || ($2)) "
            + "WHEN " + count + " * ($2) > 100000 THEN error('combinations exceed max size') ");
        for (int n = 1; n <= 5; n++)
        {
            // Positions i1 < … < in as a list of lists, built by flattening one level per extra element.
            string groups = "list_transform(range(1, len(" + a + ") + 1), _strata_p1 -> [_strata_p1])";
            for (int k = 2; k <= n; k++)
            {
                groups = $"flatten(list_transform({groups}, _strata_g -> list_transform(range(_strata_g[-1] + 1, len({a}) + 1), _strata_p -> list_append(_strata_g, _strata_p))))";
            }
            cases.Append($"WHEN ($2) = {n} THEN list_transform({groups}, _strata_g -> list_transform(_strata_g, _strata_p -> ({a})[_strata_p])) ");
        }
        return cases.Append("END)[1]").ToString();
    }

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("human_readable_seconds", 1), HumanReadableSeconds());
        // MathFunctions registers random with the alias rand at every arity: random(n) is in [0, n) and random(m, n) in
        // [m, n), each refusing an empty range with Trino's message.
        foreach (string name in new[] { "rand", "random" })
        {
            yield return new((name, 0), "random()");
            yield return new((name, 1), "(CASE WHEN ($1) <= 0 THEN error('bound must be positive') ELSE CAST(floor(random() * ($1)) AS BIGINT) END)");
            yield return new((name, 2), "(CASE WHEN ($1) >= ($2) THEN error('start value must be less than stop value') "
                + "ELSE CAST(($1) + floor(random() * (($2) - ($1))) AS BIGINT) END)");
        }
        // Trino keeps one value of a repeated key; DuckDB's map refuses repeated keys (an error, never a wrong map).
        yield return new(("map_agg", 2), MapAgg);
        yield return new(("multimap_agg", 2), MultimapAgg);
        yield return new(("map_union", 1), MapUnion);
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
        yield return new(("array_position", 2), "CAST(coalesce(list_position($1, $2), 0) AS BIGINT)");
        yield return new(("array_union", 2), ArrayUnion);
        yield return new(("array_distinct", 1), DistinctElements);
        yield return new(("array_join", 2), ArrayJoin);
        yield return new(("array_join", 3), ArrayJoinReplacingNulls);
        yield return new(("array_except", 2), ArrayExcept);
        yield return new(("slice", 3),
            "(CASE WHEN ($2) < 0 THEN list_slice($1, len($1) + ($2) + 1, len($1) + ($2) + ($3)) ELSE list_slice($1, $2, ($2) + ($3) - 1) END)");
        // array_histogram counts each non-NULL value (a map; {} when none).
        yield return new(("array_histogram", 1), ArrayHistogram);
        // map_entries gives Trino's array(row(K, V)), rows without field names (DuckDB's entries are named key/value).
        yield return new(("map_entries", 1), "list_transform(map_entries($1), _strata_e -> row(" + LambdaField.Of("_strata_e", "key") + ", " + LambdaField.Of("_strata_e", "value") + "))");
        yield return new(("ngrams", 2), Ngrams);
        // flatten(array(array(T))): its answer's element count (the inner arrays' lengths added, which costs nothing to
        // read) is checked before anything is copied (hostile36). DuckDB's flatten copies element by element, more slowly
        // than they were built: 3,000 arrays of 10,000 held a worker past two minutes and 1.5 GB. Past
        // MaxBytes elements (each at least a byte of the answer) it is refused; the array is read once, through a
        // one-element lambda's parameter.
        yield return new(("flatten", 1), "list_transform([$1], _strata_fl -> CASE WHEN coalesce(list_sum(list_transform(_strata_fl, "
            + $"_strata_fe -> len(_strata_fe))), 0) > {DuneValueBound.MaxBytes} THEN error({DuneValueBound.Refusal("flatten", "the answer's element count (the inner arrays' lengths added)")}) "
            + "ELSE flatten(_strata_fl) END)[1]");
        yield return new(("array_sum", 1), "list_sum($1)");
        // Teradata's index(string, substring) is strpos (teradata.mdx).
        yield return new(("index", 2), "strpos($1, $2)");
        // contains_sequence(x, seq): seq appears in x as consecutive elements (compared as IS NOT DISTINCT FROM, as Trino's
        // IS_DISTINCT_FROM dependency: NULL matches NULL); an empty seq is always found.
        yield return new(("contains_sequence", 2), "(CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL WHEN len($2) = 0 THEN true "
            + "ELSE coalesce(list_bool_or(list_transform(range(1, len($1) - len($2) + 2), "
            + "_strata_i -> list_slice($1, _strata_i, _strata_i + len($2) - 1) IS NOT DISTINCT FROM $2)), false) END)");
        // luhn_check(string): Trino's Luhn test (string.mdx); '' is false and a non-digit is Trino's error. From the right,
        // every second digit is doubled (its digits summed: the table [0,2,4,6,8,1,3,5,7,9]); valid when the sum ends in 0.
        // The digits are split once and walked with their index (a lambda that reversed the string for each digit was
        // quadratic: 200,000 digits held a worker 140 s, a million would have held it past the timeout).
        yield return new(("luhn_check", 1), "(CASE WHEN $1 IS NULL THEN NULL WHEN length($1) = 0 THEN false "
            + "WHEN NOT regexp_full_match($1, '[0-9]+') THEN error('Input contains non-digit character') "
            + "ELSE list_sum(list_transform(list_reverse(string_split($1, '')), (_strata_d, _strata_i) -> CASE WHEN _strata_i % 2 = 0 "
            + "THEN [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][CAST(_strata_d AS INTEGER) + 1] ELSE CAST(_strata_d AS INTEGER) END)) % 10 = 0 END)");
        // Trino's repeat(element, count) is an array of count elements (DuckDB's repeat of a string would be a wrong
        // answer); count is bounded as Trino bounds it, with its messages.
        yield return new(("repeat", 2), "(CASE WHEN ($2) > 10000 THEN error('count argument of repeat function must be less than or equal to 10000') "
            + "WHEN ($2) < 0 THEN error('count argument of repeat function must be greater than or equal to 0') "
            + $"WHEN ($2) > 0 AND {DuneValueBound.LeastBytes("$1")} * ($2) > {DuneValueBound.MaxBytes} THEN error({DuneValueBound.Refusal("repeat", "the answer's size (the element's bytes times count)")}) "
            + "ELSE repeat([$1], CAST($2 AS BIGINT)) END)");
        // replace(string, search, replace): an answer longer than the string only when the replacement is longer than the
        // search; past the value bound (counted from the occurrences, which a replace by '' finds without growing anything)
        // it fails at once instead of building up to the worker's memory limit (hostile28). An empty search puts the
        // replacement before each character and at the end (StringFunctions.replace: 'ab', '', 'x' is 'xaxbx'; DuckDB's
        // replace answered the string unchanged).
        yield return new(("replace", 3), Replace);
        // replace(string, search) removes every occurrence (StringFunctions: the replacement is ''); the answer never grows.
        yield return new(("replace", 2), "replace($1, $2, '')");
        yield return new(("entropy", 1), Entropy);
        yield return new(("array_average", 1), "list_avg($1)");
        // json
        yield return new(("is_json_scalar", 1), "(json_type(json($1)) NOT IN ('OBJECT', 'ARRAY'))");
        // Trino's json_size is a bigint (DuckDB's json_array_length is UBIGINT, len BIGINT: together HUGEINT).
        yield return new(("json_size", 2),
            "CAST(CASE WHEN json_type(json($1), $2) IS NULL THEN NULL WHEN json_type(json($1), $2) = 'ARRAY' THEN json_array_length(json($1), $2) "
            + "WHEN json_type(json($1), $2) = 'OBJECT' THEN len(json_keys(json($1), $2)) ELSE 0 END AS BIGINT)");
        // Dune's varchar utilities: initcap upper-cases the first letter of each word (words end at anything not a
        // letter or digit) and lower-cases the rest; address_32_from_hex left-pads hex (0x optional) to 32 bytes.
        yield return new(("initcap", 1), "array_to_string(list_transform(regexp_extract_all($1, '[\\pL\\pN]+|[^\\pL\\pN]+'), "
            + "_strata_w -> upper(_strata_w[1]) || lower(_strata_w[2:])), '')");
        // left/right (varchar-utility-functions.mdx): a count of 0 or less is the empty string (DuckDB's, as Postgres's,
        // reads a negative count as "all but the last/first n").
        yield return new(("left", 2), "left($1, greatest(CAST($2 AS BIGINT), 0))");
        yield return new(("right", 2), "right($1, greatest(CAST($2 AS BIGINT), 0))");
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
        // Trino's zip pairs arrays element by element, the shorter padded with NULLs (rows of 2 to 5 fields); a NULL array gives NULL.
        for (int n = 2; n <= 5; n++)
        {
            var marks = Enumerable.Range(1, n).Select(k => "$" + k).ToArray();
            yield return new(("zip", n), "(CASE WHEN " + string.Join(" OR ", marks.Select(m => m + " IS NULL")) + " THEN NULL ELSE list_zip(" + string.Join(", ", marks) + ") END)");
        }
        // multimap_from_entries: each distinct key (in first-seen order) with the list of its values; a NULL key fails as Trino's.
        yield return new(("multimap_from_entries", 1), "(CASE WHEN $1 IS NULL THEN NULL ELSE map_from_entries(list_transform(list_select(list_transform($1, _strata_e -> "
            + "CASE WHEN _strata_e[1] IS NULL THEN error('map key cannot be null') ELSE _strata_e[1] END), list_filter(range(1, len($1) + 1), "
            + "_strata_i -> list_position(list_transform($1, _strata_e -> _strata_e[1]), ($1)[_strata_i][1]) = _strata_i)), "
            + "_strata_k -> {'key': _strata_k, 'value': list_transform(list_filter($1, _strata_e -> _strata_e[1] = _strata_k), _strata_e -> _strata_e[2])})) END)");
        // combinations(a, n): the n-element groups of positions i1 < i2 < … < in, in lexicographic order (Trino: n at most 5,
        // duplicates kept as positions); n = 0 gives one empty group, n above the length none.
        yield return new(("combinations", 2), Combinations());
        // time
        // current_timestamp(p) / localtimestamp(p): the clock truncated to p fractional digits (DuckDB's clock has 6).
        yield return new(("current_timestamp", 1), "CAST(make_timestamp(epoch_us(current_timestamp) // " + Precision + " * " + Precision + ") AS TIMESTAMPTZ)");
        yield return new(("localtimestamp", 1), "make_timestamp(epoch_us(current_timestamp) // " + Precision + " * " + Precision + ")");
        yield return new(("from_iso8601_date", 1), FromIso8601Date());
        // parse_duration: a decimal and a unit (ns, us, ms, s, m, h, d), spaces allowed around them, as an interval of whole
        // milliseconds (Trino's interval day to second; 42.8ms is 43 ms).
        const string duration = "'^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)\\s*$'";
        yield return new(("parse_duration", 1), "(CASE WHEN $1 IS NULL THEN NULL WHEN NOT regexp_matches($1, " + duration + ") "
            + "OR regexp_extract($1, " + duration + ", 2) NOT IN ('ns', 'us', 'ms', 's', 'm', 'h', 'd') "
            + "THEN error('duration is not a valid data duration string: ' || $1) ELSE to_milliseconds(CAST(round(CAST(regexp_extract($1, " + duration + ", 1) AS DOUBLE) * "
            + "CASE regexp_extract($1, " + duration + ", 2) WHEN 'ns' THEN 0.000001 WHEN 'us' THEN 0.001 WHEN 'ms' THEN 1 WHEN 's' THEN 1000 WHEN 'm' THEN 60000 "
            + "WHEN 'h' THEN 3600000 ELSE 86400000 END) AS BIGINT)) END)");
        // The session zone is UTC, set before the sandbox locks (Prelude); current_setting itself is refused there.
        yield return new(("current_timezone", 0), "'UTC'");
        yield return new(("millisecond", 1), "(millisecond($1) % 1000)");
        yield return new(("to_milliseconds", 1), "CAST(epoch_ms(TIMESTAMP '1970-01-01' + ($1)) AS BIGINT)");
    }
}
