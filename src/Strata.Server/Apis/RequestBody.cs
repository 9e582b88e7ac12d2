using System.Text.Json;

namespace Strata.Server.Apis;

/// <summary>Request bodies are JSON whatever the Content-Type says; empty means {}.</summary>
public static class RequestBody
{
    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    public static async Task<(JsonElement Body, string? Error)> ReadObjectAsync(HttpContext context)
    {
        var (body, _, error) = await ReadObjectWithBytesAsync(context).ConfigureAwait(false);
        return (body, error);
    }

    /// <summary>The body as a JSON object, plus its raw bytes (for request hashing).</summary>
    public static async Task<(JsonElement Body, byte[] Raw, string? Error)> ReadObjectWithBytesAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        byte[] raw = buffer.ToArray();
        var (body, error) = Parse(raw);
        return (body, raw, error);
    }

    /// <summary>Parses a body: a JSON object whose every string and property name is valid Unicode.</summary>
    internal static (JsonElement Body, string? Error) Parse(byte[] raw)
    {
        if (raw.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
        {
            return (Empty, null);
        }
        try
        {
            if (!System.Text.Unicode.Utf8.IsValid(raw))
            {
                return (Empty, $"request body is not valid UTF-8 (first bad byte at offset {FirstInvalidByte(raw)})");
            }
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (Empty, "request body must be a JSON object");
            }
            if (InvalidString(doc.RootElement, "$") is { } path)
            {
                return (Empty, $"request body is not valid JSON text: the string at {path} holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF not in a pair)");
            }
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (Empty, $"request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>The path of the first string or property name that cannot be read as text, or null.</summary>
    private static string? InvalidString(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element) ? null : path;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (InvalidString(item, $"{path}[{i++}]") is { } bad)
                    {
                        return bad;
                    }
                }
                return null;
            case JsonValueKind.Object:
                int n = 0;
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return $"{path} (property name number {n + 1})";
                    }
                    n++;
                    if (InvalidString(property.Value, $"{path}.{(name.Length <= 40 ? name : name[..40] + "...")}") is { } bad)
                    {
                        return bad;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static bool Readable(JsonElement s)
    {
        try
        {
            _ = s.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static int FirstInvalidByte(byte[] raw)
    {
        var span = raw.AsSpan();
        int offset = 0;
        while (span.Length > 0)
        {
            var status = System.Text.Rune.DecodeFromUtf8(span, out _, out int consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
            span = span[consumed..];
        }
        return offset;
    }
}
