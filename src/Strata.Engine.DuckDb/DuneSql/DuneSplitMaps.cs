using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

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
/// <para>One pass over the string in a native function (keys in a hash set, so linear in the string: a list-lambda
/// form with a filter per key was quadratic, 100,000 distinct keys ran for minutes), giving the map as a JSON object
/// that DuckDB casts to the map type. A native call cannot be cancelled, so a string over
/// <see cref="DuneKeccak.MaxInputBytes"/> is refused naming the function.</para>
/// Registered only for a text that calls it (DuckDbSandbox's on-demand list).
/// </summary>
internal static unsafe class DuneSplitMaps
{
    public static bool UsedBy(string translatedSql) => translatedSql.Contains("dune_split_to_", StringComparison.Ordinal);

    public static void Register(DuckDBConnection connection)
    {
        NativeScalarFunction.Register(connection, "dune_split_to_map", DuckDBType.Varchar, 3, DuckDBType.Varchar, &MapRows);
        NativeScalarFunction.Register(connection, "dune_split_to_multimap", DuckDBType.Varchar, 3, DuckDBType.Varchar, &MultimapRows);
    }

    internal static IEnumerable<KeyValuePair<(string, int), string>> Templates()
    {
        yield return new(("split_to_map", 3), "CAST(CAST(dune_split_to_map($1, $2, $3) AS JSON) AS MAP(VARCHAR, VARCHAR))");
        yield return new(("split_to_multimap", 3), "CAST(CAST(dune_split_to_multimap($1, $2, $3) AS JSON) AS MAP(VARCHAR, VARCHAR[]))");
    }

    /// <summary>The map of <paramref name="text"/> as a JSON object (each key once, at its first place; a multimap's value is
    /// the array of the key's values in order), or Trino's message for the first bad entry or delimiter.</summary>
    internal static byte[] Split(ReadOnlySpan<byte> text, ReadOnlySpan<byte> entryDelimiter, ReadOnlySpan<byte> keyValueDelimiter,
        bool multimap, out string? error)
    {
        error = entryDelimiter.IsEmpty ? "entryDelimiter is empty"
            : keyValueDelimiter.IsEmpty ? "keyValueDelimiter is empty"
            : entryDelimiter.SequenceEqual(keyValueDelimiter) ? "entryDelimiter and keyValueDelimiter must not be the same"
            : null;
        if (error is not null)
        {
            return [];
        }
        // Keys in their first order; a multimap's values grouped under them.
        var keys = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int start = 0;
        while (start < text.Length)
        {
            int end = text[start..].IndexOf(entryDelimiter);
            ReadOnlySpan<byte> entry = end < 0 ? text[start..] : text.Slice(start, end);
            int keyEnd = entry.IndexOf(keyValueDelimiter);
            ReadOnlySpan<byte> value = keyEnd < 0 ? default : entry[(keyEnd + keyValueDelimiter.Length)..];
            if (keyEnd < 0 || value.IndexOf(keyValueDelimiter) >= 0)
            {
                string bad = Encoding.UTF8.GetString(entry);
                error = "Key-value delimiter must appear exactly once in each entry. Bad input: " + (multimap ? bad : $"'{bad}'");
                return [];
            }
            string key = Encoding.UTF8.GetString(entry[..keyEnd]);
            if (values.TryGetValue(key, out var list))
            {
                if (!multimap)
                {
                    error = $"Duplicate keys ({key}) are not allowed";
                    return [];
                }
            }
            else
            {
                list = [];
                values.Add(key, list);
                keys.Add(key);
            }
            list.Add(Encoding.UTF8.GetString(value));
            if (end < 0)
            {
                break;
            }
            start += end + entryDelimiter.Length;
        }
        var json = new ArrayBufferWriter<byte>(text.Length + 16);
        // Non-ASCII text as it is (the default encoder writes \uXXXX, up to six bytes for each character's two to four).
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (string key in keys)
            {
                if (multimap)
                {
                    writer.WriteStartArray(key);
                    foreach (string value in values[key])
                    {
                        writer.WriteStringValue(value);
                    }
                    writer.WriteEndArray();
                }
                else
                {
                    writer.WriteString(key, values[key][0]);
                }
            }
            writer.WriteEndObject();
        }
        return json.WrittenSpan.ToArray();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void MapRows(IntPtr info, IntPtr input, IntPtr output) => Run("split_to_map", multimap: false, info, input, output);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void MultimapRows(IntPtr info, IntPtr input, IntPtr output) => Run("split_to_multimap", multimap: true, info, input, output);

    private static void Run(string name, bool multimap, IntPtr info, IntPtr input, IntPtr output) =>
        NativeStringRows.Run(info, input, output, 3, (output, row, arguments) =>
        {
            if (NativeStringRows.TooLong(name, arguments[0].Length, DuneKeccak.MaxInputBytes) is { } tooLong)
            {
                return tooLong;
            }
            byte[] map = Split(arguments[0], arguments[1], arguments[2], multimap, out string? error);
            if (error is null)
            {
                NativeString.Set(output, row, map);
            }
            return error;
        }, e => $"{name} failed: {e.GetType().Name}");
}
