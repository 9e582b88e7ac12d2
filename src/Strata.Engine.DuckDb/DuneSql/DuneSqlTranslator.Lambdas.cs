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
        /// <summary>Emits <c>zip_with(a, b, (x, y) -> body)</c>; false (nothing emitted) when the third argument is
        /// not a two-parameter lambda of plain names.</summary>
        private bool TryEmitZipWith(List<(int From, int To)> args, DuneToken anchor)
        {
            var (from, to) = args[2];
            int open = tokens[from].IsTrivia ? Next(from, to) : from;
            int x = Next(open, to), comma = Next(x, to), y = Next(comma, to), close = Next(y, to), arrow = Next(close, to);
            if (!Is(open, "(") || !Is(comma, ",") || !Is(close, ")") || !Is(arrow, "->") || arrow >= to
                || tokens[x].Kind != DuneTokenKind.Word || tokens[y].Kind != DuneTokenKind.Word)
            {
                return false;
            }
            string template = "(CASE WHEN $1 IS NULL OR $2 IS NULL THEN NULL ELSE list_transform(list_zip($1, $2), _strata_z -> "
                + $"list_transform([_strata_z[1]], {Text(x)} -> list_transform([_strata_z[2]], {Text(y)} -> $3)[1])[1]) END)";
            EmitTemplate(template, [args[0], args[1], (arrow + 1, to)], anchor);
            return true;
        }
    }
}
