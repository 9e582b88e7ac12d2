namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// string.mdx's <c>split_to_map(string, entryDelimiter, keyValueDelimiter)</c> and <c>split_to_multimap(…)</c> as Trino
/// reads the string: entries end at each entry delimiter, the text after the last one is an entry only when it is not
/// empty (so <c>''</c> is an empty map and a trailing delimiter adds nothing), and each entry holds the key-value delimiter
/// exactly once. The first entry that breaks a rule, in the string's order, names the error: an entry without the delimiter
/// or with it twice (<c>Bad input: 'entry'</c>), or in split_to_map a key seen before (<c>Duplicate keys (k) are not
/// allowed</c>). split_to_multimap keeps every value of a key, in order (its message does not quote a bad entry). Trino builds both
/// maps in a Java HashMap, whose key order Strata does not reproduce: here a key stands at its first place. Empty or equal
/// delimiters are refused as Trino refuses them.
/// </summary>
internal static class DuneSplitMaps
{
    /// <summary>The entries: the split string less one empty last piece (Trino stops when the text after a delimiter
    /// is empty).</summary>
    private const string Entries =
        "list_transform([string_split($1, $2)], _strata_s -> list_slice(_strata_s, 1, len(_strata_s) - CASE WHEN _strata_s[-1] = '' THEN 1 ELSE 0 END))[1]";

    /// <summary>The first position among the entries <c>_strata_es</c> whose key-value delimiter is not there exactly once.</summary>
    private const string FirstBad = "list_filter(range(1, len(_strata_es) + 1), _strata_i -> len(string_split(_strata_es[_strata_i], $3)) <> 2)[1]";

    private const string Keys = "list_transform(_strata_es, _strata_e -> string_split(_strata_e, $3)[1])";

    private const string Checks =
        "CASE WHEN ($2) = '' THEN error('entryDelimiter is empty') WHEN ($3) = '' THEN error('keyValueDelimiter is empty') "
        + "WHEN ($2) = ($3) THEN error('entryDelimiter and keyValueDelimiter must not be the same') ELSE ";

    /// <summary>split_to_map quotes the bad entry; Trino's split_to_multimap does not.</summary>
    private const string BadInput = "error('Key-value delimiter must appear exactly once in each entry. Bad input: ''' || _strata_es[_strata_b] || '''')";

    private const string BadMultimapInput = "error('Key-value delimiter must appear exactly once in each entry. Bad input: ' || _strata_es[_strata_b])";

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        // split_to_map: the first bad entry or repeated key, whichever comes first, fails; otherwise one value per key.
        yield return new(("split_to_map", 3),
            $"({Checks}list_transform([{Entries}], _strata_es -> list_transform([{Keys}], _strata_ks -> list_transform([{FirstBad}], _strata_b -> "
            + "list_transform([list_filter(range(1, len(_strata_ks) + 1), _strata_i -> list_position(_strata_ks, _strata_ks[_strata_i]) < _strata_i)[1]], _strata_d -> "
            + $"CASE WHEN _strata_b IS NOT NULL AND (_strata_d IS NULL OR _strata_b <= _strata_d) THEN {BadInput} "
            + "WHEN _strata_d IS NOT NULL THEN error('Duplicate keys (' || _strata_ks[_strata_d] || ') are not allowed') "
            + "ELSE map_from_entries(list_transform(_strata_es, _strata_e -> {'key': string_split(_strata_e, $3)[1], 'value': string_split(_strata_e, $3)[2]})) END)[1])[1])[1])[1] END)");

        // split_to_multimap: each key once, at its first place, with all its values in the string's order.
        yield return new(("split_to_multimap", 3),
            $"({Checks}list_transform([{Entries}], _strata_es -> list_transform([{Keys}], _strata_ks -> list_transform([{FirstBad}], _strata_b -> "
            + $"CASE WHEN _strata_b IS NOT NULL THEN {BadMultimapInput} "
            + "ELSE map_from_entries(list_transform(list_filter(range(1, len(_strata_ks) + 1), _strata_i -> list_position(_strata_ks, _strata_ks[_strata_i]) = _strata_i), "
            + "_strata_i -> {'key': _strata_ks[_strata_i], 'value': list_transform(list_filter(range(1, len(_strata_ks) + 1), _strata_j -> _strata_ks[_strata_j] = _strata_ks[_strata_i]), "
            + "_strata_j -> string_split(_strata_es[_strata_j], $3)[2])})) END)[1])[1])[1] END)");
    }
}
