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
        /// lambdas. DuckDB's <c>map_from_entries</c> fails on a NULL or duplicate key, as Trino's transform_keys does.</summary>
        private static readonly Dictionary<string, string> MapLambdas = new(StringComparer.OrdinalIgnoreCase)
        {
            ["transform_values"] = "map_from_entries(list_transform(map_entries($1), _strata_z -> {'key': _strata_z.key, 'value': BODY}))",
            ["transform_keys"] = "map_from_entries(list_transform(map_entries($1), _strata_z -> {'key': BODY, 'value': _strata_z.value}))",
            ["map_filter"] = "map_from_entries(list_filter(map_entries($1), _strata_z -> BODY))",
        };

        private static bool IsLambdaOfTwo(string name, int count) =>
            name.Equals("zip_with", StringComparison.OrdinalIgnoreCase) ? count == 3 : MapLambdas.ContainsKey(name) && count == 2;

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
            bool zip = args.Count == 3;
            string first = zip ? "_strata_z[1]" : "_strata_z.key", second = zip ? "_strata_z[2]" : "_strata_z.value";
            string body = $"list_transform([{first}], {Text(x)} -> list_transform([{second}], {Text(y)} -> $9)[1])[1]";
            string template = zip
                ? "(CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL ELSE list_transform(list_zip($1, $2), _strata_z -> " + body + ") END)"
                : "(CASE WHEN $1 IS NULL THEN NULL ELSE " + MapLambdas[name].Replace("BODY", body, StringComparison.Ordinal) + " END)";
            var bound = new List<(int From, int To)>(args[..^1]);
            while (bound.Count < 8)
            {
                bound.Add(args[0]);
            }
            bound.Add((arrow + 1, to));
            EmitTemplate(template, bound, anchor);
            return true;
        }
    }
}
