namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's string functions whose DuckDB namesakes answer differently at the edges (string.md, StringFunctions).
/// </summary>
internal static class DuneStringParts
{
    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        // split_part(string, delimiter, index): the index-th field, counting from one, NULL past the last field; an index
        // of zero or less is Trino's error (DuckDB's split_part answered '' past the end and counted a negative index from
        // the end). An empty delimiter splits into characters, as DuckDB's string_split does; the empty text has no
        // character, so it has no field then (Trino's SplitPart finds no code point: NULL; DuckDB's list holds '').
        yield return new(("split_part", 3), "(CASE WHEN ($3) <= 0 THEN error('Index must be greater than zero') "
            + "WHEN $1 = '' AND $2 = '' THEN NULL ELSE list_extract(string_split($1, $2), $3) END)");
    }
}
