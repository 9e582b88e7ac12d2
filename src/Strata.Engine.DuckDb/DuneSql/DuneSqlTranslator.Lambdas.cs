namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's two-parameter lambdas over two lists. DuckDB's lambdas take one element (and an index), so
/// <c>zip_with(a, b, (x, y) -> body)</c> becomes <c>list_zip</c> (which pads the shorter list with NULLs, as
/// Trino does) and nested one-parameter lambdas binding <c>x</c> and <c>y</c> in turn — the body is emitted
/// unchanged, with the user's own parameter names, so nothing in it is rewritten.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>Trino's map functions taking <c>(k, v) -> body</c>: over <c>map_entries</c>, with the same nested
        /// lambdas. DuckDB's <c>map_from_entries</c> fails on a NULL or duplicate key, as Trino's transform_keys does. Each
        /// is the call with its lambda over an entry <c>_strata_z</c> left as LAMBDA, the lambda's value with the user's
        /// body left as BODY, and whether that value is built (bounded as transform's, LambdaBudget.cs) or only tested.</summary>
        private static readonly Dictionary<string, (string Call, string Element, bool Builds)> MapLambdas = new(StringComparer.OrdinalIgnoreCase)
        {
            ["transform_values"] = ("map_from_entries(list_transform(map_entries($1), LAMBDA))", "{'key': " + LambdaField.Of("_strata_z", "key") + ", 'value': BODY}", true),
            ["transform_keys"] = ("map_from_entries(list_transform(map_entries($1), LAMBDA))", "{'key': BODY, 'value': " + LambdaField.Of("_strata_z", "value") + "}", true),
            ["map_filter"] = ("map_from_entries(list_filter(map_entries($1), LAMBDA))", "BODY", false),
        };

        /// <summary>The arguments a lambda's template reads: <paramref name="leading"/> as $1 on, the first again up to $8,
        /// and the lambda's body as $9.</summary>
        private static List<(int From, int To)> WithLambdaBody(List<(int From, int To)> leading, (int From, int To) body)
        {
            var bound = new List<(int From, int To)>(leading);
            while (bound.Count < 8)
            {
                bound.Add(leading[0]);
            }
            bound.Add(body);
            return bound;
        }

        /// <summary>Trino's <c>array_sort(a, (x, y) -> c)</c>: each element's place is the number of others the comparator puts
        /// before it (and of equal ones earlier in the array), so the sort is stable as Trino's; the elements are then taken in
        /// the order of (place, index). The comparator must give -1, 0 or 1 (anything else, NULL too, fails as in Trino).
        /// The places take n² comparator calls (10,000 elements took 72 s, an array_agg of 50,000 ran to the tier's timeout:
        /// hostile17), so an array longer than 2,000 elements is refused, naming the bound (hostile18).</summary>
        private static readonly string ArraySort = "list_transform([$1], _strata_a -> CASE WHEN _strata_a IS NULL THEN NULL "
            + "WHEN len(_strata_a) > 2000 THEN error('array_sort with a comparator sorts at most 2000 elements; this array has ' || len(_strata_a) "
            + "|| ' (sort without a comparator, or sort fewer elements)') ELSE list_transform(list_sort("
            + "list_transform(range(1, len(_strata_a) + 1), _strata_i -> {'r': len(list_filter(range(1, len(_strata_a) + 1), _strata_j -> _strata_j <> _strata_i AND "
            + "list_transform([BODY], _strata_c -> CASE WHEN _strata_c IN (-1, 0, 1) THEN _strata_c < 0 OR (_strata_c = 0 AND _strata_j < _strata_i) "
            + "ELSE error('array_sort: the comparator gave ' || coalesce(CAST(_strata_c AS VARCHAR), 'NULL') || ', not -1, 0 or 1') END)[1])), 'i': _strata_i})), "
            + "_strata_p -> _strata_a[" + LambdaField.Of("_strata_p", "i") + "]) END)[1]";

        /// <summary>Trino's <c>map_zip_with(m1, m2, (k, v1, v2) -> body)</c>: every key of either map (those of m1 first), with
        /// the values of both (NULL where a map lacks the key), the three parameters bound by nested one-parameter lambdas.
        /// A NULL map gives NULL. The keys are matched by one sort, not looked up: both maps' entries, each with its place
        /// (m1's first, then m2's), sorted by key then place, so a key of both is m1's entry followed by m2's; an entry that
        /// repeats the key before it is dropped, and one followed by its key takes the next entry's m2 value; the kept entries
        /// are put back in Trino's order by their places (m1's keys, then m2's others, each in its map's order). A lookup per
        /// key (map_extract_value, list_contains over m1's keys) was quadratic: two 100,000-key maps ran past 270 s
        /// (hostile37); the sort is n log n.</summary>
        private int EmitMapZipWith(List<(int From, int To)> args, int close, int end, DuneToken anchor)
        {
            int[] p = new int[3];
            bool ok = args.Count == 3 && close < end;
            if (ok)
            {
                var (from, to) = args[2];
                int open = tokens[from].IsTrivia ? Next(from, to) : from;
                int at = open;
                for (int k = 0; k < 3 && ok; k++)
                {
                    p[k] = Next(at, to);
                    at = Next(p[k], to);
                    ok = tokens[p[k]].Kind == DuneTokenKind.Word && Is(at, k < 2 ? "," : ")");
                }
                ok = ok && Is(open, "(") && Is(Next(at, to), "->") && Next(at, to) < to;
                if (ok)
                {
                    // Each entry is (key, place, m1's value, m2's value): m1's places 1…n1, m2's n1+1…, the other map's value a
                    // NULL of its type (list_resize of an empty slice). No lambda here captures a list: DuckDB copies a captured
                    // list for each element it maps (an earlier form of this, capturing the sorted entries, took 8 GB for two
                    // 100,000-key maps), so the neighbours are zipped beside each entry instead.
                    const string entries = "list_sort(list_concat("
                        + "list_zip(map_keys($1), range(1, len(map_keys($1)) + 1), map_values($1), list_resize(list_slice(map_values($2), 1, 0), len(map_keys($1)))), "
                        + "list_zip(map_keys($2), range(len(map_keys($1)) + 1, len(map_keys($1)) + len(map_keys($2)) + 1), list_resize(list_slice(map_values($1), 1, 0), len(map_keys($2))), map_values($2))))";
                    const string cur = "struct_extract(_strata_z, 1)", prev = "struct_extract(_strata_z, 2)", next = "struct_extract(_strata_z, 3)";
                    const string kept = "list_filter(list_transform(list_zip(_strata_e, list_concat([NULL], _strata_e), list_slice(_strata_e, 2, len(_strata_e))), _strata_z -> CASE "
                        + "WHEN " + cur + " IS NULL OR struct_extract(" + prev + ", 1) IS NOT DISTINCT FROM struct_extract(" + cur + ", 1) THEN NULL "
                        + "ELSE {'o': struct_extract(" + cur + ", 2), 'k': struct_extract(" + cur + ", 1), 'a': struct_extract(" + cur + ", 3), "
                        + "'b': CASE WHEN struct_extract(" + next + ", 1) IS NOT DISTINCT FROM struct_extract(" + cur + ", 1) THEN struct_extract(" + next + ", 4) "
                        + "ELSE struct_extract(" + cur + ", 4) END} END), _strata_r -> _strata_r IS NOT NULL)";
                    string body = $"list_transform([_strata_r['k']], {ParameterText(p[0])} -> list_transform([_strata_r['a']], {ParameterText(p[1])} -> "
                        + $"list_transform([_strata_r['b']], {ParameterText(p[2])} -> $9)[1])[1])[1]";
                    string zipped = $"(CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL ELSE list_transform([{entries}], _strata_e -> "
                        + $"map_from_entries(list_transform(list_sort({kept}), _strata_r -> {{'key': _strata_r['k'], 'value': {body}}})))[1] END)";
                    // Each map is written once, bound to a one-element list's parameter (no capture: it is the parameter
                    // itself), so a map given by a subquery or another map_zip_with is evaluated once, not at each of its
                    // eight uses, and nested calls' text grows linearly (decision 340).
                    string template = "list_transform([{'m1': $1, 'm2': $2}], _strata_m -> "
                        + zipped.Replace("$1", LambdaField.Of("_strata_m", "m1"), StringComparison.Ordinal).Replace("$2", LambdaField.Of("_strata_m", "m2"), StringComparison.Ordinal)
                        + ")[1]";
                    EmitTemplate(template, WithLambdaBody(args[..2], (Next(at, to) + 1, to)), anchor);
                    return close + 1;
                }
            }
            throw NotSupported(sql, anchor, "Function map_zip_with is supported only with a lambda of three parameters, (k, v1, v2) -> …");
        }

        /// <summary>Trino's <c>reduce(a, start, (s, x) -> body, s -> result)</c>, whose state may have another type than the
        /// elements (a ROW of sum and count over integers). DuckDB's list_reduce keeps one type, so each element rides in a
        /// struct {s: state, x: element}: the start is prepended, and each step computes the next s from the previous s and the
        /// element's x (the user's s and x bound by nested one-parameter lambdas). An empty array gives the start's result,
        /// a NULL array NULL. Returns the index after the call (and an aggregate's FILTER, taken into its value), or -1
        /// (nothing emitted) when the third argument is not <c>(name, name) -> …</c>.
        /// <para>The aggregate <c>reduce_agg(value, start, (s, x) -> body, (s1, s2) -> combined)</c> (aggregate.mdx) is the same
        /// fold over the group's non-NULL values (Trino calls the input function for each non-NULL value); its result is the
        /// state. The combine function only merges partial states in Trino's distributed plan: one fold needs none. A group
        /// without a non-NULL value gives NULL, as Trino's.</para></summary>
        private int TryEmitReduce(List<(int From, int To)> args, DuneToken anchor, bool aggregate, int call, int end)
        {
            var (from, to) = args[2];
            int open = tokens[from].IsTrivia ? Next(from, to) : from;
            int s = Next(open, to), comma = Next(s, to), x = Next(comma, to), close = Next(x, to), arrow = Next(close, to);
            if (!Is(open, "(") || !Is(comma, ",") || !Is(close, ")") || !Is(arrow, "->") || arrow >= to
                || tokens[s].Kind != DuneTokenKind.Word || tokens[x].Kind != DuneTokenKind.Word)
            {
                return -1;
            }
            const string noElement = "(CASE WHEN false THEN ($1)[1] END)", noState = "(CASE WHEN false THEN $2 END)";
            string step = $"list_transform([{LambdaField.Of("_strata_acc", "s")}], {ParameterText(s)} -> list_transform([{LambdaField.Of("_strata_e", "x")}], {ParameterText(x)} -> $9)[1])[1]";
            string template = $"(CASE WHEN $1 IS NULL THEN NULL ELSE list_transform([list_reduce(list_prepend({{'s': $2, 'x': {noElement}}}, "
                + $"list_transform($1, _strata_x -> {{'s': {noState}, 'x': _strata_x}})), (_strata_acc, _strata_e) -> {{'s': {step}, 'x': {noElement}}})['s']], $4)[1] END)";
            if (aggregate)
            {
                template = template.Replace("$1", "(list($1) FILTER (WHERE ($1) IS NOT NULL))", StringComparison.Ordinal)
                    .Replace("$4", "_strata_r -> _strata_r", StringComparison.Ordinal);
            }
            var bound = WithLambdaBody(args, (arrow + 1, to));
            int afterFilter = aggregate ? FilterIntoArgument("reduce_agg", ref template, bound, call, end) : -1;
            EmitTemplate(template, bound, anchor);
            return afterFilter > 0 ? afterFilter : call + 1;
        }

        /// <summary>
        /// Trino's <c>regexp_replace(s, pattern, x -> body)</c> (regexp.mdx): each match is replaced by the lambda's value
        /// over the array of the match's capture groups (<c>x[1]</c> is the first). The pattern must be a constant, so its
        /// groups are counted here; the text between matches is <c>regexp_split_to_array</c>'s pieces, the groups of the
        /// i-th match <c>regexp_extract_all</c>'s i-th values, and a NULL from the lambda makes the result NULL. A group that
        /// takes no part in the match is NULL, as Trino's: <see cref="DuneRegexpGroups"/>'s flags, computed once per value.
        /// False (nothing emitted) when the third argument is not <c>x -> …</c>.
        /// </summary>
        private bool TryEmitRegexpReplaceLambda(List<(int From, int To)> args, DuneToken anchor)
        {
            var (from, to) = args[2];
            int first = tokens[from].IsTrivia ? Next(from, to) : from;
            bool parenthesized = Is(first, "(");
            int x = parenthesized ? Next(first, to) : first;
            int arrow = Next(parenthesized ? Next(x, to) : x, to);
            if (tokens[x].Kind != DuneTokenKind.Word || (parenthesized && !Is(Next(x, to), ")")) || !Is(arrow, "->") || arrow >= to)
            {
                return false;
            }
            if (!IsSingleString(args[1]))
            {
                throw NotSupported(sql, anchor, "Function regexp_replace is supported with a lambda only for a constant pattern");
            }
            string pattern = Converted(DuneJavaRegex.ToRe2, args[1].From, anchor);
            int groups = CaptureGroups(pattern);
            // Each group's element repeats the input and the pattern: more than the translation may hold is refused before
            // the elements are built (a pattern of 500,000 groups would be a template of 22 million characters first).
            emitter.Reserve((long)groups * (Length(args[0]) + Length(args[1])));
            // The pieces between matches and each group's values are computed once and zipped (a group list has a NULL before
            // its first value, so the i-th piece sits beside the groups of the match before it; zip pads past the pieces, and
            // those rows are dropped); the pieces are joined by array_to_string, NULL when one is NULL. Reading the i-th
            // piece by splitting the input again for every piece, and joining by a reduce, were each quadratic in the matches.
            string zipped = string.Concat(Enumerable.Range(1, groups).Select(k => $", list_prepend(NULL, regexp_extract_all($1, $2, {k}))"));
            // Which groups took part in each match: DuneRegexpGroups's flags, once per value (_strata_f, group by group), each
            // group's run of flags split into a list and zipped beside its values (reading a flag by its position in the text
            // from inside the element's lambda would scan the text once per element).
            zipped += string.Concat(Enumerable.Range(1, groups).Select(k => $", list_prepend(NULL, coalesce(string_split(substr(_strata_f, "
                + $"{k - 1} * (length(_strata_f) // {groups}) + 1, length(_strata_f) // {groups}), ''), []))"));
            string array = groups == 0 ? "CAST([] AS VARCHAR[])"
                : "[" + string.Join(", ", Enumerable.Range(1, groups).Select(k => $"CASE WHEN struct_extract(_strata_e, {groups + 1 + k}) = '0' THEN NULL "
                    + $"ELSE struct_extract(_strata_e, {k + 1}) END")) + "]";
            string template = "(CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL ELSE list_transform([dune_regexp_groups($1, $2)], _strata_f -> "
                + "list_transform([list_transform(list_filter(list_zip(regexp_split_to_array($1, $2)"
                + zipped + "), _strata_e -> struct_extract(_strata_e, 1) IS NOT NULL), (_strata_e, _strata_i) -> CASE WHEN _strata_i = 1 THEN '' "
                + "ELSE CAST(list_transform([" + array + "], " + ParameterText(x) + " -> $9)[1] AS VARCHAR) END || struct_extract(_strata_e, 1))], "
                + "_strata_l -> CASE WHEN list_bool_or(list_transform(_strata_l, _strata_p -> _strata_p IS NULL)) THEN NULL "
                + "ELSE array_to_string(_strata_l, '') END)[1])[1] END)";
            template = template.Replace("$2", TemplateLiteral(pattern), StringComparison.Ordinal);
            EmitTemplate(template, WithLambdaBody(args[..2], (arrow + 1, to)), anchor);
            return true;
        }

        /// <summary>The characters of the user's text an argument spans.</summary>
        private long Length((int From, int To) arg) =>
            arg.To > arg.From ? tokens[arg.To - 1].Start + tokens[arg.To - 1].Length - tokens[arg.From].Start : 0;

        /// <summary>The capturing groups of a regular expression: each unescaped '(' outside a character class that is not
        /// followed by '?', or that opens a named group (<c>(?P&lt;n&gt;</c>, <c>(?&lt;n&gt;</c>, not a look-behind).</summary>
        private static int CaptureGroups(string pattern)
        {
            int count = 0;
            foreach (int i in DuneJavaRegex.OutsideClasses(pattern))
            {
                if (pattern[i] == '(')
                {
                    var rest = pattern.AsSpan(i + 1); // a view: a copy of the rest at every '(' was quadratic in the pattern
                    bool named = rest.StartsWith("?P<", StringComparison.Ordinal)
                        || (rest.StartsWith("?<", StringComparison.Ordinal) && !rest.StartsWith("?<=", StringComparison.Ordinal) && !rest.StartsWith("?<!", StringComparison.Ordinal));
                    count += !rest.StartsWith('?') || named ? 1 : 0;
                }
            }
            return count;
        }

        private static bool IsLambdaOfTwo(string name, int count) =>
            name.Equals("zip_with", StringComparison.OrdinalIgnoreCase) ? count == 3 : (MapLambdas.ContainsKey(name) || name == "array_sort") && count == 2;

        /// <summary>Emits <c>zip_with(a, b, (x, y) -> body)</c> or a map function with <c>(k, v) -> body</c>; false
        /// (nothing emitted) when the last argument is not a two-parameter lambda of plain names.</summary>
        private bool TryEmitLambdaOfTwo(string name, List<(int From, int To)> args, DuneToken anchor)
        {
            var (from, to) = args[^1];
            int open = tokens[from].IsTrivia ? Next(from, to) : from;
            int x = Next(open, to), comma = Next(x, to), y = Next(comma, to), close = Next(y, to), arrow = Next(close, to);
            if (!Is(open, "(") || !Is(comma, ",") || !Is(close, ")") || !Is(arrow, "->") || arrow >= to
                || tokens[x].Kind != DuneTokenKind.Word || tokens[y].Kind != DuneTokenKind.Word)
            {
                return false;
            }
            bool zip = args.Count == 3, sort = name == "array_sort";
            string first = zip ? "_strata_z[1]" : sort ? "_strata_a[_strata_j]" : LambdaField.Of("_strata_z", "key");
            string second = zip ? "_strata_z[2]" : sort ? "_strata_a[_strata_i]" : LambdaField.Of("_strata_z", "value");
            string body = $"list_transform([{first}], {ParameterText(x)} -> list_transform([{second}], {ParameterText(y)} -> $9)[1])[1]";
            // zip_with's and the map transforms' answers are bounded as transform's (LambdaBudget.cs); map_filter and a
            // sort's comparator build nothing.
            bool budgeted = zip || (!sort && MapLambdas[name].Builds);
            string template = zip ? "(CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL ELSE list_transform(list_zip($1, $2), LAMBDA) END)"
                : sort ? ArraySort.Replace("BODY", body, StringComparison.Ordinal)
                : "(CASE WHEN $1 IS NULL THEN NULL ELSE " + MapLambdas[name].Call + " END)";
            if (!sort)
            {
                string element = zip ? body : MapLambdas[name].Element.Replace("BODY", body, StringComparison.Ordinal);
                template = template.Replace("LAMBDA", budgeted ? BudgetedLambda("_strata_z", element) : "_strata_z -> " + element, StringComparison.Ordinal);
            }
            var bound = WithLambdaBody(args[..^1], (arrow + 1, to));
            if (budgeted)
            {
                EmitBudgeted(template, bound, anchor);
            }
            else
            {
                EmitTemplate(template, bound, anchor);
            }
            return true;
        }
    }
}
