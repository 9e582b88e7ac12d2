namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Templates for functions of Trino's own function pages (docs/src/main/sphinx/functions) that the trino-sweep found
/// missing: <c>parse_data_size</c> (conversion.md) and <c>title_case</c> (string.md), each as its page defines it.
/// </summary>
internal static class TrinoDocsFunctions
{
    /// <summary>A data size's text: a number with an optional fraction, then a unit, blanks allowed around both.</summary>
    private const string DataSize = @"'^\s*([0-9]+(\.[0-9]+)?)\s*([a-zA-Z]+)\s*$'";

    /// <summary>The power of 1024 of each unit (B, kB, MB, … YB), by its position in this list.</summary>
    private const string Units = "['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB']";

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        // parse_data_size('2.3MB') is 2.3 × 1024² with the fraction of a byte dropped, a decimal(38,0) (exact, computed by
        // DuneDataSize, which fails as Trino's past decimal(38,0)); a text not of the form or a unit not in the list (case
        // matters: 'kB', not 'KB') fails naming the text.
        yield return new(("parse_data_size", 1),
            $"(CASE WHEN NOT regexp_full_match($1, {DataSize}) OR list_position({Units}, regexp_extract($1, {DataSize}, 3)) IS NULL "
            + "THEN error('Invalid data size: ''' || $1 || '''') "
            + $"ELSE CAST({DuneDataSize.Function}($1) AS DECIMAL(38,0)) END)");
        // title_case: a letter or digit after a character that is neither (or at the start) upper-cased, the others
        // lower-cased, code point by code point. The characters are split once and each is paired with the one before it
        // (list_zip with the list shifted by one), so the cost is linear in the length: a substring per position walked the
        // text from its start each time (200,000 characters took minutes).
        yield return new(("title_case", 1),
            "list_transform([string_split($1, '')], _strata_c -> array_to_string(list_transform("
            + "list_zip(_strata_c, list_prepend('', list_slice(_strata_c, 1, -2))), _strata_p -> "
            + @"CASE WHEN regexp_full_match(_strata_p[2], '[\pL\pN]') THEN lower(_strata_p[1]) ELSE upper(_strata_p[1]) END), ''))[1]");
    }
}
