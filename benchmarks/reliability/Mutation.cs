using System.Text;

namespace Strata.Reliability;

/// <summary>The mutations every fuzz target shares: token splices, deletions, duplications, random characters and bytes.</summary>
internal static class Mutation
{
    internal static readonly string[] Tokens =
    [
        " ", "(", ")", "'", "\"", "''", ",", "=", "<>", "!=", "<", ">", "<=", ">=", "and", "or", "not", "is", "null",
        "like", "in", "between", "--", "/*", "*/", ";", "\\", "\0", "é", "\ud800", "💥", "0x", "1e999", "-", "+", ".",
        "%", "_", "select", "union", "drop", "id", "name", "timestamp", "date", "blob", "true", "false", "\n", "\t",
        "99999999999999999999999999", "NaN", "Infinity",
    ];

    /// <summary>A seed with random insertions, deletions, duplications and token splices.</summary>
    internal static string Mutate(Random r, string[] seeds, string[]? tokens = null)
    {
        tokens ??= Tokens;
        var text = new StringBuilder(seeds[r.Next(seeds.Length)]);
        int edits = r.Next(0, 6);
        for (int e = 0; e < edits; e++)
        {
            int at = text.Length == 0 ? 0 : r.Next(text.Length + 1);
            switch (r.Next(5))
            {
                case 0:
                    text.Insert(at, tokens[r.Next(tokens.Length)]);
                    break;
                case 1 when text.Length > 0:
                    text.Remove(Math.Min(at, text.Length - 1), Math.Min(r.Next(1, 4), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 2:
                    text.Insert(at, (char)r.Next(0, 0x3000));
                    break;
                case 3 when text.Length > 0:
                    string copy = text.ToString();
                    int from = r.Next(copy.Length);
                    text.Insert(at, copy[from..Math.Min(copy.Length, from + r.Next(1, 12))]);
                    break;
                default:
                    text.Insert(at, seeds[r.Next(seeds.Length)]);
                    break;
            }
        }
        if (r.Next(200) == 0)
        {
            text.Append('(', r.Next(1, 5000));
        }
        return text.ToString();
    }

    /// <summary>Tokens for JSON and NDJSON bodies: the SQL ones plus JSON structure, escapes and extreme numbers.</summary>
    internal static readonly string[] JsonTokens =
    [
        .. Tokens, "{", "}", "[", "]", ":", "\"a\"", "\"\"", "\\u0000", "\\ud800", "\\udc00x", "\\u", "\\x", "1e400", "-0", "0.0000001",
        "-9223372036854775809", "18446744073709551616", "[[[[[[[[[[", "{\"a\":{\"a\":", "\"sql\"", "\"query_parameters\"", "\"performance\"",
        "\"large\"", "\"parameters\"", "\"schema\"", "\"type\"", "\"name\"", "\"value\"", "\"key\"", "\r\n", "\uFEFF",
    ];

    /// <summary>
    /// The UTF-8 bytes of a mutated text, sometimes with raw bytes spliced in (invalid UTF-8, NUL,
    /// lone continuation bytes, an overlong encoding), so the bodies are not always well-formed text.
    /// </summary>
    internal static byte[] MutateBytes(Random r, string[] seeds, string[]? tokens = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Mutate(r, seeds, tokens));
        if (r.Next(8) != 0)
        {
            return bytes;
        }
        var list = new List<byte>(bytes);
        byte[][] raw = [[0xFF], [0xC0, 0xAF], [0x80], [0xED, 0xA0, 0x80], [0x00], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];
        for (int i = r.Next(1, 4); i > 0; i--)
        {
            list.InsertRange(r.Next(list.Count + 1), raw[r.Next(raw.Length)]);
        }
        return [.. list];
    }

    internal static string Show(string input) =>
        System.Text.Json.JsonSerializer.Serialize(input.Length > 120 ? input[..120] + "..." : input);
}
